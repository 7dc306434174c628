// The arith and scf dialects against mlir-opt 22 on the same inputs: generic
// round trips (three print modes), diagnostics of invalid ops byte for byte,
// and --canonicalize / --cse outputs; plus the hooks that have no mlir-opt
// counterpart to compare with (result name hints, the materialiser).

import { describe, expect, it } from "vitest";
import { ArrayAttr, Builder, Context, IntegerAttr, IntegerType, IndexType, OpaqueAttr, parseSourceString, registerAllDialects, verify } from "../../src/index.js";
import { getConstantMaterializer } from "../../src/ir/fold.js";
import { caseFile, runBoth } from "../support/mlir-opt-compare.js";

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
      const hook = (op.name.definition as { getAsmResultNames?: (o: typeof op) => readonly (string | undefined)[] }).getAsmResultNames;
      names.push(...(hook?.(op) ?? []));
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
