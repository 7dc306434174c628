// Runs hpmoe-opt (dist/, so `npm run build` first) and mlir-opt-22 on the same
// file with the same flags, from the file's directory so that diagnostics name
// it identically, and returns both results for byte comparison.

import { spawnSync } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HPMOE_OPT = join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js");
export const MLIR_OPT = "mlir-opt-22";

export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(argv: readonly string[], file: string, flags: readonly string[]): ToolRun {
  const r = spawnSync(argv[0]!, [...argv.slice(1), ...flags, basename(file)], { cwd: dirname(file), encoding: "latin1" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Both tools' output on `file` with `flags`. */
export function runBoth(file: string, flags: readonly string[]): { ours: ToolRun; theirs: ToolRun } {
  return { ours: run([process.execPath, HPMOE_OPT], file, flags), theirs: run([MLIR_OPT], file, flags) };
}

/** `file`'s path in test/dialect/cases. */
export function caseFile(name: string): string {
  return join(REPO_ROOT, "test", "dialect", "cases", name);
}
