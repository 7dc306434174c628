#!/usr/bin/env node
// bench/parse.mjs: `npm run bench:parse`, parse + verify + print throughput of hpmoe-opt against
// mlir-opt-22 on one large generic-form file of unregistered ops (bench/gen-generic.mjs).
// Options: `npm run bench:parse -- --help`; the harness is bench/compare-tools.mjs.

import { runComparison } from "./compare-tools.mjs";
import { DEFAULT_OPS, DEFAULT_SEED, GENERATOR_VERSION, generateGeneric } from "./gen-generic.mjs";

await runComparison({
  name: "bench:parse",
  commonFlags: ["--allow-unregistered-dialect", "--mlir-print-op-generic"],
  variants: [
    { name: "generic", flags: [] },
    { name: "debuginfo", flags: ["--mlir-print-debuginfo"] },
  ],
  defaultOps: DEFAULT_OPS,
  defaultSeed: DEFAULT_SEED,
  inputStem: "generic",
  generatorVersion: GENERATOR_VERSION,
  generate: (ops, seed, file) => generateGeneric({ ops, seed, out: file }),
});
