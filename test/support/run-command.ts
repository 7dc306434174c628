// Runs an `hpmoe` subcommand (compile, run, bench ...) in-process, collecting stdout, stderr and
// the exit code, for the CLI tests.

import type { BenchIO } from "../../src/cli/bench-progress.js";
import type { LayerStages } from "../../src/cli/layer-stages.js";
import { builtStages } from "../../src/cli/built-stages.js";
import type { ToolRun } from "./run-opt.js";

/** A subcommand's entry point; those without progress output ignore `errIsTTY`. */
export type Subcommand = (args: readonly string[], io: BenchIO, stages: LayerStages) => number;

export function runCommand(cmd: Subcommand, args: readonly string[], stages: LayerStages = builtStages, errIsTTY = false): ToolRun {
  let out = "";
  let err = "";
  const code = cmd(args, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY }, stages);
  return { code, out, err };
}
