// The arith and scf dialects against mlir-opt 22 on the same inputs: generic
// round trips (three print modes), diagnostics of invalid ops byte for byte,
// and --canonicalize / --cse outputs; plus the hooks that have no mlir-opt
// counterpart to compare with (result name hints, the materialiser).

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ArrayAttr, Builder, Context, IntegerAttr, IntegerType, IndexType, OpaqueAttr, parseSourceString, registerAllDialects, verify } from "../../src/index.js";
import { getConstantMaterializer } from "../../src/ir/fold.js";
import { caseFile, runBoth } from "../support/mlir-opt-compare.js";
import { makeRng } from "../support/rng.js";

const SPLIT = ["--split-input-file"];

describe("generic form round-trips like mlir-opt-22", () => {
  const variants = [["--mlir-print-op-generic"], ["--mlir-print-op-generic", "--mlir-print-debuginfo"], ["--mlir-print-op-generic", "--mlir-print-local-scope", "--mlir-print-debuginfo"]];
  for (const flags of variants)
    it(flags.join(" "), () => {
      const { ours, theirs } = runBoth(caseFile("arith-scf-ops.mlir"), [...SPLIT, ...flags]);
      expect(theirs.status).toBe(0);
      expect(ours.stderr).toBe(theirs.stderr);
      expect(ours.stdout).toBe(theirs.stdout);
    });
});

describe("diagnostics match mlir-opt-22 byte for byte", () => {
  for (const name of ["arith-invalid.mlir", "scf-invalid.mlir", "invariants-invalid.mlir"])
    it(name, () => {
      const { ours, theirs } = runBoth(caseFile(name), SPLIT);
      expect(theirs.status).toBe(1);
      expect(ours.status).toBe(1);
      expect(ours.stderr).toBe(theirs.stderr);
    });
});

describe("passes give mlir-opt-22's IR", () => {
  const pipelines = [["--canonicalize"], ["--cse"], ["--canonicalize", "--cse"], ["--cse", "--canonicalize"], ["--symbol-dce"]];
  for (const name of ["arith-canonicalize.mlir", "scf-canonicalize.mlir"])
    for (const passes of pipelines)
      it(`${name} ${passes.join(" ")}`, () => {
        const { ours, theirs } = runBoth(caseFile(name), [...SPLIT, ...passes, "--mlir-print-op-generic"]);
        expect(theirs.status).toBe(0);
        expect(ours.stderr).toBe(theirs.stderr);
        expect(ours.stdout).toBe(theirs.stdout);
      });
});

/**
 * A random module of `numFuncs` functions of `numOps` integer ops each over
 * two arguments and small constants (the mix the pass benchmark uses).
 */
function randomArithModule(seed: number, numFuncs: number, numOps: number): string {
  const rng = makeRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const ops = ["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minui", "divui", "remsi", "shli", "cmpi"];
  const flagged = new Set(["addi", "subi", "muli", "shli"]);
  let text = `"builtin.module"() ({\n`;
  for (let f = 0; f < numFuncs; f++) {
    text += `  "func.func"() <{function_type = (i32, i32) -> i32, sym_name = "f${f}"}> ({\n  ^bb0(%arg0: i32, %arg1: i32):\n`;
    const live = ["%arg0", "%arg1"];
    for (let i = 0; i < numOps; i++) {
      const r = rng();
      if (r < 0.15) text += `    %${i} = "arith.constant"() <{value = ${Math.floor(rng() * 11) - 5} : i32}> : () -> i32\n`;
      else {
        const op = pick(ops);
        const [a, b] = [pick(live), pick(live)];
        if (op === "cmpi") {
          // An i1 feeding a select keeps the value flow in i32.
          text += `    %c${i} = "arith.cmpi"(${a}, ${b}) <{predicate = ${Math.floor(rng() * 10)} : i64}> : (i32, i32) -> i1\n`;
          text += `    %${i} = "arith.select"(%c${i}, ${a}, ${b}) : (i1, i32, i32) -> i32\n`;
        } else {
          const props = flagged.has(op) ? " <{overflowFlags = #arith.overflow<none>}>" : "";
          text += `    %${i} = "arith.${op}"(${a}, ${b})${props} : (i32, i32) -> i32\n`;
        }
      }
      live.push(`%${i}`);
      if (live.length > 20) live.splice(2, 1);
    }
    text += `    "func.return"(${live[live.length - 1]}) : (i32) -> ()\n  }) : () -> ()\n`;
  }
  return text + "}) : () -> ()\n";
}

describe("passes give mlir-opt-22's IR on random arith programs", () => {
  const dir = mkdtempSync(join(tmpdir(), "hpmoe-arith-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const seed of [1, 2, 3, 4])
    for (const passes of [["--canonicalize"], ["--cse"], ["--canonicalize", "--cse"]])
      it(`seed ${seed} ${passes.join(" ")}`, () => {
        const file = join(dir, `random-${seed}.mlir`);
        writeFileSync(file, randomArithModule(seed, 10, 300));
        const { ours, theirs } = runBoth(file, [...passes, "--mlir-print-op-generic"]);
        expect(theirs.status).toBe(0);
        expect(ours.stderr).toBe(theirs.stderr);
        expect(ours.stdout).toBe(theirs.stdout);
      });
});

describe("hooks", () => {
  const ctx = new Context();
  registerAllDialects(ctx);

  it("arith.constant's result name hints", () => {
    const m = parseSourceString(
      ctx,
      `"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  %0 = "arith.constant"() <{value = 0 : index}> : () -> index
  %1 = "arith.constant"() <{value = -3 : i32}> : () -> i32
  %2 = "arith.constant"() <{value = true}> : () -> i1
  %3 = "arith.constant"() <{value = 1.5 : f32}> : () -> f32
  "func.return"() : () -> ()
}) : () -> ()`,
    );
    expect(m && verify(m).failed).toBe(false);
    const body = m!.regions[0]!.entryBlock!.first!.regions[0]!.entryBlock!;
    const names: (string | undefined)[] = [];
    for (let op = body.first; op && op.name.name === "arith.constant"; op = op.next) {
      op.name.definition!.getAsmResultNames?.(op, (v, name) => {
        expect(v).toBe(op.getResult(0));
        names.push(name);
      });
    }
    expect(names).toEqual(["c0", "c-3_i32", "true", "cst"]);
  });

  it("the materialiser builds arith.constant for typed integers, and nothing for other attributes", () => {
    const materialize = getConstantMaterializer(ctx, "arith")!;
    const b = new Builder(ctx);
    const i32 = IntegerType.get(ctx, 32);
    const op = materialize(b, IntegerAttr.get(ctx, i32, 7n), i32, b.loc);
    expect(op?.name.name).toBe("arith.constant");
    expect(op?.getAttr("value")).toBe(IntegerAttr.get(ctx, i32, 7n));
    expect(materialize(b, IntegerAttr.get(ctx, i32, 7n), IndexType.get(ctx), b.loc)).toBeUndefined();
    expect(materialize(b, ArrayAttr.get(ctx, []), i32, b.loc)).toBeUndefined();
  });

  it("default-valued properties are set on creation, as MLIR's properties start at their defaults", () => {
    const m = parseSourceString(
      ctx,
      `"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i32):
  %0 = "arith.addi"(%a, %a) : (i32, i32) -> i32
  "func.return"() : () -> ()
}) : () -> ()`,
    );
    const add = m!.regions[0]!.entryBlock!.first!.regions[0]!.entryBlock!.first!;
    expect(add.getAttr("overflowFlags")).toBe(OpaqueAttr.get(ctx, "arith", "overflow<none>"));
  });
});
