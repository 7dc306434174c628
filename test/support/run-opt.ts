// Runs hpmoe-opt in-process (runOpt) on real files, collecting stdout, stderr and the exit code,
// for tests that compare it with mlir-opt-22.

import { runOpt } from "../../src/cli/opt-main.js";

export interface ToolRun {
  out: string;
  err: string;
  code: number;
}

export function runHpmoeOpt(args: readonly string[]): ToolRun {
  let out = "";
  let err = "";
  const code = runOpt("hpmoe-opt", [...args], {
    readStdin: () => new Uint8Array(),
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { out, err, code };
}
