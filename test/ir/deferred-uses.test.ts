// Parsed ops link their operands' use nodes only when use-lists are needed
// (Operation.createDeferred): the lists must then equal those of eager linking.

import { describe, expect, it } from "vitest";
import { Context } from "../../src/ir/context.js";
import { UnknownLoc } from "../../src/ir/location.js";
import { Operation } from "../../src/ir/operation.js";
import type { Value } from "../../src/ir/value.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { SourceFile } from "../../src/syntax/source.js";

const text = `"x.module"() ({
  %0 = "x.def"() : () -> i32
  %1 = "x.a"(%0, %0) : (i32, i32) -> i32
  "x.b"(%2, %0) : (i32, i32) -> ()
  %2 = "x.c"(%1) : (i32) -> i32
  "x.d"(%0) : (i32) -> ()
}) : () -> ()
`;

function parse(): { ctx: Context; body: Operation[] } {
  const ctx = new Context({ allowUnregisteredDialects: true });
  const root = parseSourceFile(ctx, new SourceFile("t.mlir", text))!;
  const module = root.regions[0]!.entryBlock!.first!;
  return { ctx, body: [...module.regions[0]!.entryBlock!.ops()] };
}

/** `v`'s users as `name#operand`, in use-list order. */
function users(v: Value): string[] {
  return [...v.uses()].map((u) => `${u.owner.name.name}#${u.index}`);
}

describe("deferred use nodes of parsed ops", () => {
  it("reads operands without linking, then links in creation order (newest use first, as eager linking)", () => {
    const { ctx, body } = parse();
    const [def, a, b, c, d] = body;
    // Resolving the forward reference %2 replaced its uses, which linked x.a to x.c: only x.d is left.
    expect(ctx.deferredUseOps).toEqual([d]);
    expect(d!.numOperands).toBe(1);
    expect(d!.getOperand(0)).toBe(def!.getResult(0));
    expect(b!.getOperand(0)).toBe(c!.getResult(0));
    expect(ctx.deferredUseOps).toEqual([d]);
    expect(users(def!.getResult(0))).toEqual(["x.d#0", "x.b#1", "x.a#1", "x.a#0"]);
    expect(ctx.deferredUseOps).toBeUndefined();
    // The forward reference %2 resolved to x.c's result.
    expect(users(c!.getResult(0))).toEqual(["x.b#0"]);
    expect(users(a!.getResult(0))).toEqual(["x.c#0"]);
    expect(d!.operands[0]!.value).toBe(def!.getResult(0));
    expect(d!.operands[0]!.owner).toBe(d);
  });

  it("links deferred uses before an op created later links its own", () => {
    const { ctx, body } = parse();
    const v = body[0]!.getResult(0);
    const e = Operation.create(ctx, { name: ctx.getOperationName("x.e"), loc: UnknownLoc.get(ctx), operands: [v] });
    expect(users(v)[0]).toBe("x.e#0");
    expect(users(v)).toHaveLength(5);
    e.erase();
    expect(users(v)).toEqual(["x.d#0", "x.b#1", "x.a#1", "x.a#0"]);
  });

  it("op.operands, setOperand and erase of a deferred op link everything first", () => {
    const { ctx, body } = parse();
    const [def, , , , d] = body;
    d!.setOperand(0, body[1]!.getResult(0));
    expect(ctx.deferredUseOps).toBeUndefined();
    expect(users(def!.getResult(0))).toEqual(["x.b#1", "x.a#1", "x.a#0"]);
    const fresh = parse();
    fresh.body[4]!.erase();
    expect(users(fresh.body[0]!.getResult(0))).toEqual(["x.b#1", "x.a#1", "x.a#0"]);
  });
});
