// IR core: uniquing, use-lists, RAUW, erase, move, clone, walk order, block order.

import { describe, expect, it } from "vitest";
import { Block } from "../../src/ir/block.js";
import { Builder } from "../../src/ir/builder.js";
import { DictionaryAttr, IntegerAttr, StringAttr } from "../../src/ir/builtin-attributes.js";
import { FunctionType, IntegerType, RankedTensorType, Signedness, kDynamic } from "../../src/ir/builtin-types.js";
import { Context } from "../../src/ir/context.js";
import { CallSiteLoc, FileLineColRange, NameLoc, UnknownLoc } from "../../src/ir/location.js";
import { Operation } from "../../src/ir/operation.js";
import type { Type } from "../../src/ir/type.js";
import type { Value } from "../../src/ir/value.js";
import { walk, WalkOrder, WalkResult } from "../../src/ir/walk.js";

function setup() {
  const ctx = new Context({ allowUnregisteredDialects: true });
  const loc = UnknownLoc.get(ctx);
  const i32 = IntegerType.get(ctx, 32);
  const make = (name: string, operands: Value[] = [], results: Type[] = [], numRegions = 0) =>
    Operation.create(ctx, { name: ctx.getOperationName(name), loc, operands, resultTypes: results, numRegions });
  return { ctx, loc, i32, make };
}

describe("uniquing", () => {
  it("returns the identical object for structurally equal types and attributes", () => {
    const { ctx, i32 } = setup();
    expect(IntegerType.get(ctx, 32)).toBe(i32);
    expect(IntegerType.get(ctx, 32, Signedness.Signed)).not.toBe(i32);
    const t1 = RankedTensorType.get(ctx, [4, kDynamic], i32);
    expect(RankedTensorType.get(ctx, [4, kDynamic], i32)).toBe(t1);
    expect(RankedTensorType.get(ctx, [4, 4], i32)).not.toBe(t1);
    expect(FunctionType.get(ctx, [i32], [t1])).toBe(FunctionType.get(ctx, [i32], [t1]));
    expect(FunctionType.get(ctx, [i32, t1], [])).not.toBe(FunctionType.get(ctx, [i32], [t1]));
    expect(IntegerAttr.get(ctx, i32, 5n)).toBe(IntegerAttr.get(ctx, i32, 5n));
    expect(StringAttr.get(ctx, "a")).not.toBe(StringAttr.get(ctx, "a", i32));
  });

  it("sorts dictionary entries by name and uniques regardless of input order", () => {
    const { ctx, i32 } = setup();
    const a = IntegerAttr.get(ctx, i32, 1n);
    const b = StringAttr.get(ctx, "x");
    const d1 = DictionaryAttr.get(ctx, [{ name: "k", value: a }, { name: "e", value: b }]);
    const d2 = DictionaryAttr.get(ctx, [{ name: "e", value: b }, { name: "k", value: a }]);
    expect(d1).toBe(d2);
    expect(d1.entries.map((e) => e.name)).toEqual(["e", "k"]);
    expect(d1.get("k")).toBe(a);
    expect(d1.get("zz")).toBeUndefined();
  });

  it("interns name and callsite locations by name and child, and by callee and caller", () => {
    const { ctx } = setup();
    const [a, b, c] = [1, 2, 3].map((line) => FileLineColRange.get(ctx, "f.py", line, 1));
    const names = ["n", "m"].flatMap((name) => [undefined, a, b, c].map((child) => NameLoc.get(ctx, name, child)));
    expect(new Set(names).size).toBe(8);
    expect(NameLoc.get(ctx, "n")).toBe(names[0]);
    expect(NameLoc.get(ctx, "n", UnknownLoc.get(ctx))).toBe(names[0]);
    expect(NameLoc.get(ctx, "m", c)).toBe(names[7]);
    expect(names[7]!.child).toBe(c);
    const pairs = [a!, b!, c!].flatMap((callee) => [a!, b!, c!].map((caller) => CallSiteLoc.get(ctx, callee, caller)));
    expect(new Set(pairs).size).toBe(9);
    expect(CallSiteLoc.get(ctx, b!, a!)).toBe(pairs[3]);
    expect(CallSiteLoc.get(ctx, a!, b!)).toBe(pairs[1]);
  });
});

describe("use-lists", () => {
  it("tracks uses and replaces all uses", () => {
    const { i32, make } = setup();
    const def1 = make("x.def", [], [i32]);
    const def2 = make("x.def", [], [i32]);
    const v1 = def1.getResult(0);
    const v2 = def2.getResult(0);
    const u1 = make("x.use", [v1, v1]);
    const u2 = make("x.use", [v1, v2]);
    expect(v1.numUses).toBe(3);
    expect(v2.numUses).toBe(1);
    v1.replaceAllUsesWith(v2);
    expect(v1.hasUses).toBe(false);
    expect(v2.numUses).toBe(4);
    expect(u1.getOperands()).toEqual([v2, v2]);
    expect(u2.getOperands()).toEqual([v2, v2]);
    u2.setOperand(0, v1);
    expect(v1.hasOneUse).toBe(true);
    expect(v2.numUses).toBe(3);
  });

  it("erasing an op drops the uses it held, including nested ones", () => {
    const { i32, make } = setup();
    const def = make("x.def", [], [i32]);
    const outer = make("x.region", [], [], 1);
    const b = new Block();
    outer.regions[0]!.push(b);
    b.push(make("x.use", [def.getResult(0)]));
    b.push(make("x.use", [def.getResult(0)]));
    expect(def.getResult(0).numUses).toBe(2);
    outer.erase();
    expect(def.getResult(0).hasUses).toBe(false);
  });

  it("refuses to erase an op whose results are still used", () => {
    const { i32, make } = setup();
    const def = make("x.def", [], [i32]);
    make("x.use", [def.getResult(0)]);
    expect(() => def.erase()).toThrow(/still has uses/);
  });
});

describe("blocks", () => {
  it("keeps order queries correct across insertions that exhaust gaps", () => {
    const { make } = setup();
    const b = new Block();
    const first = make("x.a");
    const last = make("x.b");
    b.push(first);
    b.push(last);
    // Insert many ops right before `last`: each halves the gap until renumbering is needed.
    const inserted: Operation[] = [];
    for (let i = 0; i < 50; i++) {
      const op = make("x.mid");
      b.insertBefore(op, last);
      inserted.push(op);
    }
    expect(first.isBeforeInBlock(last)).toBe(true);
    for (let i = 1; i < inserted.length; i++) expect(inserted[i - 1]!.isBeforeInBlock(inserted[i]!)).toBe(true);
    expect(inserted[49]!.isBeforeInBlock(last)).toBe(true);
    expect(last.isBeforeInBlock(first)).toBe(false);
    inserted[10]!.moveBefore(first);
    expect(inserted[10]!.isBeforeInBlock(first)).toBe(true);
    expect(b.numOps).toBe(52);
  });
});

describe("walk and clone", () => {
  function nest(depth: number, make: ReturnType<typeof setup>["make"]): Operation {
    const root = make("x.root", [], [], 1);
    let region = root.regions[0]!;
    for (let i = 0; i < depth; i++) {
      const b = new Block();
      region.push(b);
      const op = make("x.n" + (i % 3), [], [], 1);
      b.push(op);
      region = op.regions[0]!;
    }
    return root;
  }

  it("visits pre-order and post-order without recursion at depth 20,000", () => {
    const { make } = setup();
    const root = nest(20000, make);
    const pre: string[] = [];
    walk(root, (op) => void pre.push(op.name.name), WalkOrder.PreOrder);
    expect(pre.length).toBe(20001);
    expect(pre[0]).toBe("x.root");
    expect(pre[1]).toBe("x.n0");
    const post: string[] = [];
    walk(root, (op) => void post.push(op.name.name), WalkOrder.PostOrder);
    expect(post[post.length - 1]).toBe("x.root");
    expect(post[0]).toBe("x.n" + (19999 % 3));
  });

  it("skips regions and interrupts", () => {
    const { make } = setup();
    const root = nest(10, make);
    let count = 0;
    walk(root, (op) => (count++, op.name.name === "x.n0" ? WalkResult.Skip : WalkResult.Advance), WalkOrder.PreOrder);
    expect(count).toBe(2);
    count = 0;
    const r = walk(root, () => (++count === 5 ? WalkResult.Interrupt : WalkResult.Advance), WalkOrder.PreOrder);
    expect(r).toBe(WalkResult.Interrupt);
    expect(count).toBe(5);
  });

  it("deep-clones regions, remapping inner values and successors", () => {
    const { ctx, i32, make, loc } = setup();
    const outerDef = make("x.def", [], [i32]);
    const op = make("x.region", [], [i32], 1);
    const b0 = new Block();
    const b1 = new Block();
    op.regions[0]!.push(b0);
    op.regions[0]!.push(b1);
    const arg = b1.addArgument(i32, loc);
    const inner = make("x.inner", [outerDef.getResult(0)], [i32]);
    b0.push(inner);
    b0.push(
      Operation.create(ctx, {
        name: ctx.getOperationName("x.br"),
        loc,
        operands: [inner.getResult(0)],
        successors: [b1],
      }),
    );
    b1.push(make("x.use", [arg]));
    const copy = op.clone();
    const cb0 = copy.regions[0]!.entryBlock!;
    const cb1 = cb0.next!;
    expect(cb0).not.toBe(b0);
    const cInner = cb0.first!;
    expect(cInner.getOperand(0)).toBe(outerDef.getResult(0));
    const cBr = cInner.next!;
    expect(cBr.getOperand(0)).toBe(cInner.getResult(0));
    expect(cBr.getSuccessor(0)).toBe(cb1);
    expect(cb1.first!.getOperand(0)).toBe(cb1.args[0]);
    expect(cb1.hasPredecessors).toBe(true);
    expect(outerDef.getResult(0).numUses).toBe(2);
  });
});

describe("builder", () => {
  it("inserts at the end, at the start, before and after ops", () => {
    const { ctx, i32 } = setup();
    const top = Operation.create(ctx, { name: ctx.getOperationName("x.top"), loc: UnknownLoc.get(ctx), numRegions: 1 });
    const b = new Builder(ctx);
    const block = b.createBlock(top.regions[0]!, [i32]);
    const a = b.create("x.a", { results: [i32] });
    const c = b.create("x.c", { operands: [a.getResult(0), block.args[0]!] });
    b.setInsertionPoint(c);
    b.create("x.b");
    b.setInsertionPointToStart(block);
    b.create("x.first");
    b.setInsertionPointAfter(c);
    b.create("x.last", { attributes: [{ name: "k", value: IntegerAttr.get(ctx, i32, 3n) }] });
    expect([...block.ops()].map((o) => o.name.name)).toEqual(["x.first", "x.a", "x.b", "x.c", "x.last"]);
    expect(block.last!.getAttr("k")).toBe(IntegerAttr.get(ctx, i32, 3n));
    expect(block.args[0]!.hasOneUse).toBe(true);
  });
});
