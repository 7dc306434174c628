// Passes against mlir-opt-22, case by case: each file under cases/ is a
// custom-form input whose first line names the flags
// (`// FLAGS: ...`). mlir-opt-22 turns it into generic form with locations;
// both tools then run the flags on that, with and without
// --mlir-print-debuginfo, and must print the same bytes.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runHpmoeOpt } from "../support/run-opt.js";
import { MLIR_OPT, requireMlirOpt } from "../syntax/mlir-oracle.js";

requireMlirOpt();
const casesDir = new URL("./cases/", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "hpmoe-pass-cases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function mlirOpt(args: string[]): { out: string; err: string; code: number } {
  const r = spawnSync(MLIR_OPT, args, { cwd: work, encoding: "latin1", maxBuffer: 1 << 26 });
  if (r.error) throw r.error;
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

const hpmoeOpt = runHpmoeOpt;

const files = readdirSync(casesDir).filter((f) => f.endsWith(".mlir")).sort();

describe("pass cases match mlir-opt-22", () => {
  it("has cases", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    const source = readFileSync(join(casesDir, file), "latin1");
    const flags = /^\/\/ FLAGS: (.*)$/m.exec(source)?.[1]?.split(" ") ?? [];
    it(`${file} (${flags.join(" ")})`, () => {
      expect(flags.length).toBeGreaterThan(0);
      writeFileSync(join(work, file), source, "latin1");
      const generic = mlirOpt(["--allow-unregistered-dialect", "--mlir-print-op-generic", "--mlir-print-debuginfo", file]);
      expect(generic.err).toBe("");
      // An absolute path: both tools then name the file the same way.
      const input = join(work, file.replace(/\.mlir$/, ".generic.mlir"));
      writeFileSync(input, generic.out, "latin1");
      for (const extra of [[], ["--mlir-print-debuginfo"]]) {
        const args = ["--allow-unregistered-dialect", "--mlir-print-op-generic", ...flags, ...extra, input];
        const theirs = mlirOpt(args);
        const ours = hpmoeOpt(args);
        expect(ours.err).toBe(theirs.err);
        expect(ours.out).toBe(theirs.out);
        expect(ours.code).toBe(theirs.code);
      }
    });
  }
});

describe("bench:passes workload", () => {
  it("canonicalize then cse on a generated func/arith module gives mlir-opt-22's IR", async () => {
    // @ts-expect-error: a plain .mjs script without type declarations
    const { generateArith } = await import("../../bench/gen-arith.mjs");
    const input = join(work, "arith-workload.mlir");
    writeFileSync(input, generateArith(4000, 7) as string, "latin1");
    const args = ["--mlir-print-op-generic", "--canonicalize", "--cse", input];
    const theirs = mlirOpt(args);
    const ours = hpmoeOpt(args);
    expect(theirs.err).toBe("");
    expect(ours.err).toBe("");
    expect(ours.out).toBe(theirs.out);
  }, 60_000);
});
