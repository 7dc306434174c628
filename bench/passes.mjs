#!/usr/bin/env node
// bench/passes.mjs: `npm run bench:passes`, canonicalize then cse on a generated module of
// func/arith ops (bench/gen-arith.mjs), hpmoe-opt against mlir-opt-22 with the same flags; both
// print generic form, which must be byte-identical. Options: `npm run bench:passes -- --help`;
// the harness is bench/compare-tools.mjs.

import * as fs from "node:fs";
import { runComparison } from "./compare-tools.mjs";
import { ARITH_GENERATOR_VERSION, DEFAULT_ARITH_OPS, DEFAULT_ARITH_SEED, generateArith } from "./gen-arith.mjs";

await runComparison({
  name: "bench:passes",
  commonFlags: ["--mlir-print-op-generic"],
  variants: [{ name: "canonicalize-cse", flags: ["--canonicalize", "--cse"] }],
  defaultOps: DEFAULT_ARITH_OPS,
  defaultSeed: DEFAULT_ARITH_SEED,
  inputStem: "arith",
  generatorVersion: ARITH_GENERATOR_VERSION,
  generate: (ops, seed, file) => {
    const text = generateArith(ops, seed);
    fs.writeFileSync(file, text);
    return Buffer.byteLength(text);
  },
});
