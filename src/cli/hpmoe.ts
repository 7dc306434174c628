#!/usr/bin/env -S node --max-semi-space-size=32
// hpmoe: the compiler driver. `compile` and `bench compile` lower layer
// configs to moe and tile IR, `run` checks a layer on the functional emulator,
// `docs` writes the reference pages. Scheduling, events and codegen arrive
// with issue 6; the commands say so plainly.

import { runBenchCompile } from "./bench-compile.js";
import { runBenchSchedule } from "./bench-schedule.js";
import { builtStages } from "./built-stages.js";
import { runCompile } from "./compile-main.js";
import { runDocs } from "./docs-main.js";
import { runRun } from "./run-emu-main.js";
import { runMain } from "./run-main.js";
import type { CommandIO } from "./subcommand.js";

const USAGE = `USAGE: hpmoe <command> [options]

Commands:
  compile LAYER.yaml -o DIR   compile a MoE layer config to moe and tile IR (DIR/moe.mlir, DIR/tile.mlir)
  run LAYER.yaml --backend=emu  run a layer on the functional emulator and check it
  run LAYER.yaml|QUEUES.mlir|DIR --backend=sim  time the compiled queues on the hardware profile (trace, Gantt chart)
  bench compile [LAYER.yaml...]  time tile generation for every rank (default DeepSeek-V3, EP 8 to 256)
  bench schedule [LAYER.yaml...]  serialized, reference and ours schedules against the lower bound (default DeepSeek-V3, EP 8 to 64)
  docs [--out DIR]            write the reference pages of dialects and passes (default docs/reference)

Each command takes --help. Use hpmoe-opt for the IR toolkit (parse, verify, print MLIR).
`;

const io: CommandIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

runMain("hpmoe", (args) => {
  const cmd = args[0];
  if (cmd === undefined || cmd === "--help" || cmd === "-h" || cmd === "help") {
    process.stdout.write(USAGE);
    return cmd === undefined ? 1 : 0;
  }
  if (cmd === "docs") return runDocs(args.slice(1), io.err);
  if (cmd === "compile") return runCompile(args.slice(1), io, builtStages);
  if (cmd === "run") return runRun(args.slice(1), io, builtStages);
  if (cmd === "bench") {
    const what = args[1];
    if (what === "compile") return runBenchCompile(args.slice(2), { ...io, errIsTTY: process.stderr.isTTY === true }, builtStages);
    if (what === "schedule") return runBenchSchedule(args.slice(2), { ...io, errIsTTY: process.stderr.isTTY === true }, builtStages);
    if (what === "parse") io.err(`hpmoe bench: error: 'bench parse' is not available here (use npm run bench:parse)\n`);
    else io.err(`hpmoe bench: error: expected 'compile', 'schedule' or 'parse' after 'bench'${what ? `, got '${what}'` : ""}\n`);
    return 1;
  }
  process.stderr.write(`hpmoe: error: unknown command '${cmd}'\n${USAGE}`);
  return 1;
});
