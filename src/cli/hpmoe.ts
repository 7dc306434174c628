#!/usr/bin/env -S node --max-semi-space-size=32
// hpmoe: the compiler driver (compile, run, bench). Its subcommands arrive
// with the MoE dialects and the scheduler; until then it says so plainly.

import { runDocs } from "./docs-main.js";
import { runMain } from "./run-main.js";

const USAGE = `USAGE: hpmoe <command> [options]

Commands:
  compile LAYER.yaml -o DIR   compile a MoE layer (not available yet: tracked in issues 5 and 6)
  run LAYER.yaml|DIR          run a compiled layer on a backend (not available yet: issue 6)
  bench schedule|compile|parse  benchmarks (not available yet: issues 5 and 6)
  docs [--out DIR]            write the reference pages of dialects and passes (default docs/reference)

Use hpmoe-opt for the IR toolkit (parse, verify, print MLIR).
`;

runMain("hpmoe", (args) => {
  const cmd = args[0];
  if (cmd === undefined || cmd === "--help" || cmd === "-h" || cmd === "help") {
    process.stdout.write(USAGE);
    return cmd === undefined ? 1 : 0;
  }
  if (cmd === "docs") return runDocs(args.slice(1), (t) => process.stderr.write(t));
  if (cmd === "compile" || cmd === "run" || cmd === "bench") {
    process.stderr.write(`hpmoe: error: '${cmd}' is not available in this version (see the README's status table)\n`);
    return 1;
  }
  process.stderr.write(`hpmoe: error: unknown command '${cmd}'\n${USAGE}`);
  return 1;
});
