// Checks the dialect tests share: parse-and-verify with every shipped dialect,
// the custom text of a module's body, mlir-opt-22 reading our generic form
// back unchanged, and verify + print time growing linearly.

import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { Context, parseSourceString, printTopLevel, registerAllDialects, verify, type Operation } from "../../src/index.js";
import { runHpmoeOpt } from "./run-opt.js";

/** A context with every shipped dialect. */
export function freshContext(): Context {
  const ctx = new Context();
  registerAllDialects(ctx);
  return ctx;
}

/** Parses and verifies `text`, failing the test with the diagnostics otherwise. */
export function parseValid(ctx: Context, text: string): Operation {
  const errors: string[] = [];
  ctx.diagnostics.pushHandler((d) => errors.push(d.message));
  const m = parseSourceString(ctx, text, "in.mlir");
  const ok = m !== undefined && !verify(m).failed;
  ctx.diagnostics.flush();
  expect(errors).toEqual([]);
  expect(ok).toBe(true);
  return m!;
}

/** The custom text of the module's body, unindented (a top-level op as written). */
export function bodyOf(m: Operation): string {
  return printTopLevel(m).split("\n").slice(1, -2).map((l) => l.substring(2)).join("\n");
}

/**
 * hpmoe-opt prints `text` (written to `dir/name.mlir`) in generic form with
 * `flags`; mlir-opt-22 must read that and print it the same (byte for byte
 * without flags), and hpmoe-opt must print mlir-opt's output as mlir-opt does.
 */
export function expectMlirOptReadsOurGeneric(dir: string, name: string, text: string, flags: readonly string[]): void {
  const file = join(dir, `${name}.mlir`);
  writeFileSync(file, text);
  const ours = runHpmoeOpt([file, "--mlir-print-op-generic", ...flags]);
  expect(ours.err).toBe("");
  expect(ours.code).toBe(0);
  const genericFile = join(dir, `${name}.generic.mlir`);
  writeFileSync(genericFile, ours.out);
  const theirs = spawnSync("mlir-opt-22", [genericFile, "--allow-unregistered-dialect", "--mlir-print-op-generic", ...flags], { encoding: "latin1" });
  expect(theirs.stderr).toBe("");
  expect(theirs.status).toBe(0);
  const again = runHpmoeOpt([genericFile, "--mlir-print-op-generic", ...flags]);
  expect(again.out).toBe(theirs.stdout);
  if (flags.length === 0) expect(theirs.stdout).toBe(ours.out);
}

/** Milliseconds of verify + print of the parsed `text`. */
function verifyAndPrintMs(text: string): number {
  const m = parseValid(freshContext(), text);
  const t = performance.now();
  expect(verify(m).failed).toBe(false);
  printTopLevel(m, { assumeVerified: true });
  return performance.now() - t;
}

/** Verify + print of `program(4n)` takes well under the 16x of a quadratic walk over `program(n)`. */
export function expectLinearVerifyAndPrint(program: (tasks: number) => string, n: number): void {
  verifyAndPrintMs(program(n / 2)); // warm up
  const small = Math.min(verifyAndPrintMs(program(n)), verifyAndPrintMs(program(n)));
  const large = Math.min(verifyAndPrintMs(program(4 * n)), verifyAndPrintMs(program(4 * n)));
  // Generous for a shared 2-core machine.
  expect(large / small).toBeLessThan(8);
}

/** hpmoe-opt on `text` (written to `dir/name.mlir`) exits 1 with `file:want` as the first stderr line, no output and no stack trace. */
export function expectLocatedError(dir: string, name: string, text: string, want: string): void {
  const file = join(dir, `${name}.mlir`);
  writeFileSync(file, text);
  const r = runHpmoeOpt([file]);
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err.split("\n")[0]).toBe(`${file}:${want}`);
  expect(r.err).not.toMatch(/^\s+at .*:\d+:\d+\)?$|TypeError|RangeError/m);
}
