// The verifier against mlir-opt 22: IR built with the API at the locations
// mlir-opt's parser gives each op of the oracle source, then the rendered
// diagnostics compared byte for byte with mlir-opt-22's stderr for that
// source. API-only cases check messages; stress cases check depth and order.

import { describe, expect, it } from "vitest";
import { Block } from "../../src/ir/block.js";
import { DictionaryAttr, StringAttr, type NamedAttribute } from "../../src/ir/builtin-attributes.js";
import { IntegerType } from "../../src/ir/builtin-types.js";
import { Context } from "../../src/ir/context.js";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import { FileLineColRange, UnknownLoc, type Location } from "../../src/ir/location.js";
import { failure, success } from "../../src/ir/logical-result.js";
import { Operation } from "../../src/ir/operation.js";
import { OpTrait, RegionKind } from "../../src/ir/operation-name.js";
import type { Region } from "../../src/ir/region.js";
import type { Value } from "../../src/ir/value.js";
import { verify } from "../../src/ir/verifier.js";
import { registerBuiltinDialect } from "../../src/dialect/builtin.js";
import { renderDiagnostic } from "../../src/syntax/diagnostic-printer.js";
import { SourceFile } from "../../src/syntax/source.js";

const ORACLE = {
  c1: { src: `func.func @f() {
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32
  return
}
`, err: `c1.mlir:2:3: error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> ()
  ^
c1.mlir:2:3: note: see current operation: "test.use"(%0) : (i32) -> ()
c1.mlir:3:8: note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
` },
  c2: { src: `func.func @t1() {
  func.return
  "test.op"() : () -> ()
}
`, err: `c2.mlir:2:3: error: 'func.return' op must be the last operation in the parent block
  func.return
  ^
c2.mlir:2:3: note: see current operation: "func.return"() : () -> ()
` },
  c3: { src: `func.func @t1() {
  %0 = arith.constant 0 : i32
}
`, err: `c3.mlir:2:8: error: block with no terminator, has %0 = "arith.constant"() <{value = 0 : i32}> : () -> i32
  %0 = arith.constant 0 : i32
       ^
c3.mlir:2:8: note: see current operation: %0 = "arith.constant"() <{value = 0 : i32}> : () -> i32
` },
  c4: { src: `"builtin.module"() ({
  "func.func"() <{function_type = () -> (), sym_name = "t3"}> ({
  ^bb0:
  ^bb1:
  }) : () -> ()
}) : () -> ()
`, err: `c4.mlir:2:3: error: empty block: expect at least a terminator
  "func.func"() <{function_type = () -> (), sym_name = "t3"}> ({
  ^
` },
  c5: { src: `%c = "test.def"() : () -> i32
func.func @t4() {
  "test.use"(%c) : (i32) -> ()
  return
}
`, err: `c5.mlir:3:3: error: 'test.use' op using value defined outside the region
  "test.use"(%c) : (i32) -> ()
  ^
c5.mlir:3:3: note: see current operation: "test.use"(<<UNKNOWN SSA VALUE>>) : (i32) -> ()
c5.mlir:2:1: note: required by region isolation constraints
func.func @t4() {
^
` },
  c6: { src: `module {
  func.func @x() { return }
  func.func @x() { return }
}
`, err: `c6.mlir:3:3: error: redefinition of symbol named 'x'
  func.func @x() { return }
  ^
c6.mlir:3:3: note: see current operation: 
"func.func"() <{function_type = () -> (), sym_name = "x"}> ({
  "func.return"() : () -> ()
}) : () -> ()
c6.mlir:2:3: note: see existing symbol definition here
  func.func @x() { return }
  ^
` },
  c7: { src: `func.func @t5() {
^bb0:
  cf.br ^bb0
}
`, err: `c7.mlir:1:1: error: entry block of region may not have predecessors
func.func @t5() {
^
` },
  c8: { src: `func.func @t6() {
  "func.foo"() : () -> ()
  return
}
`, err: `c8.mlir:2:3: error: unregistered operation 'func.foo' found in dialect ('func') that does not allow unknown operations
  "func.foo"() : () -> ()
  ^
c8.mlir:2:3: note: see current operation: "func.foo"() : () -> ()
` },
  c9: { src: `func.func @a() {
  func.return
  cf.br ^bb1
  "test.x"() : () -> ()
^bb1:
  return
}
`, err: `c9.mlir:3:3: error: operation with block successors must terminate its parent block
  cf.br ^bb1
  ^
c9.mlir:3:3: note: see current operation: "cf.br"()[^bb1] : () -> ()
` },
  c11: { src: `func.func @graph() {
  "test.region"() ({
    "test.use"(%0) : (i32) -> ()
    %0 = "test.def"() : () -> i32
  }) : () -> ()
  "test.region"() ({
  ^bb0:
    "test.use"(%1) : (i32) -> ()
    %1 = "test.def"() : () -> i32
    "test.br"()[^bb1] : () -> ()
  ^bb1:
    "test.ret"() : () -> ()
  }) : () -> ()
  return
}
`, err: `c11.mlir:8:5: error: operand #0 does not dominate this use
    "test.use"(%1) : (i32) -> ()
    ^
c11.mlir:8:5: note: see current operation: "test.use"(%0) : (i32) -> ()
c11.mlir:9:10: note: operand defined here (op in the same block)
    %1 = "test.def"() : () -> i32
         ^
` },
};

//===----------------------------------------------------------------------===//
// Harness
//===----------------------------------------------------------------------===//

interface OpSpec {
  operands?: Value[];
  results?: number;
  regions?: number;
  successors?: Block[];
  sym?: string;
  attrs?: NamedAttribute[];
  /** What mlir-opt's generic printer shows for this op in diagnostics. */
  text?: string;
}

/** Registers ops named like MLIR's, with the traits that matter to the verifier. */
function registerMlirLike(ctx: Context): void {
  registerBuiltinDialect(ctx);
  ctx.registerOperation({
    name: "func.func",
    traits: OpTrait.IsolatedFromAbove | OpTrait.Symbol | OpTrait.AutomaticAllocationScope,
    inherentAttrNames: ["sym_name", "function_type", "sym_visibility"],
  });
  ctx.registerOperation({ name: "func.return", traits: OpTrait.Terminator | OpTrait.ReturnLike });
  ctx.registerOperation({ name: "cf.br", traits: OpTrait.Terminator });
  ctx.registerOperation({ name: "arith.constant", traits: OpTrait.Pure | OpTrait.ConstantLike });
  ctx.registerOperation({ name: "scf.execute_region", traits: 0 });
  ctx.registerOperation({ name: "scf.yield", traits: OpTrait.Terminator | OpTrait.ReturnLike });
}

class Harness {
  readonly ctx: Context;
  readonly src: SourceFile;
  readonly texts = new Map<Operation, string>();
  readonly i32;

  constructor(
    readonly file = "t.mlir",
    text = "",
    allowUnregistered = true,
  ) {
    this.ctx = new Context({ allowUnregisteredDialects: allowUnregistered });
    registerMlirLike(this.ctx);
    this.src = new SourceFile(file, text);
    this.i32 = IntegerType.get(this.ctx, 32);
  }

  at(line: number, col: number): Location {
    return line === 0 ? UnknownLoc.get(this.ctx) : FileLineColRange.get(this.ctx, this.file, line, col);
  }

  op(name: string, line: number, col: number, s: OpSpec = {}): Operation {
    const attrs: NamedAttribute[] = [...(s.attrs ?? [])];
    const props = s.sym !== undefined ? DictionaryAttr.get(this.ctx, [{ name: "sym_name", value: StringAttr.get(this.ctx, s.sym) }]) : undefined;
    const op = Operation.create(this.ctx, {
      name: this.ctx.getOperationName(name),
      loc: this.at(line, col),
      operands: s.operands ?? [],
      resultTypes: new Array(s.results ?? 0).fill(this.i32),
      successors: s.successors ?? [],
      numRegions: s.regions ?? 0,
      properties: props,
      attributes: attrs.length ? DictionaryAttr.get(this.ctx, attrs) : undefined,
    });
    if (s.text !== undefined) this.texts.set(op, s.text);
    return op;
  }

  /** Appends a block holding `ops` to `region`. */
  block(region: Region, ...ops: Operation[]): Block {
    const b = new Block();
    region.push(b);
    for (const o of ops) b.push(o);
    return b;
  }

  /** An op with one region of one block holding `ops`. */
  wrap(op: Operation, ...ops: Operation[]): Operation {
    this.block(op.regions[0]!, ...ops);
    return op;
  }

  module(...ops: Operation[]): Operation {
    return this.wrap(this.op("builtin.module", 0, 0, { regions: 1 }), ...ops);
  }

  func(name: string, line: number, col: number, ...ops: Operation[]): Operation {
    return this.wrap(this.op("func.func", line, col, { regions: 1, sym: name }), ...ops);
  }

  /** Verifies with a printer that shows the recorded texts; returns the rendered diagnostics. */
  run(root: Operation, options: { printOpOnDiagnostic?: boolean } = {}): { failed: boolean; text: string; diags: Diagnostic[] } {
    const r = verify(root, { printOp: (o) => this.texts.get(o) ?? `"${o.name.name}"`, ...options });
    const diags = this.ctx.diagnostics.takeAll();
    const text = diags.map((d) => renderDiagnostic(d, (n) => (n === this.file ? this.src : undefined))).join("");
    return { failed: r.failed, text, diags };
  }
}

/** The messages of the diagnostics and of their notes, flattened. */
function messages(diags: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const d of diags) {
    out.push(d.message);
    for (const n of d.notes) out.push("note: " + n.message);
  }
  return out;
}

//===----------------------------------------------------------------------===//
// Oracle cases (mlir-opt-22 --allow-unregistered-dialect cN.mlir)
//===----------------------------------------------------------------------===//

describe("verifier vs mlir-opt 22", () => {
  const useText = '"test.use"(%0) : (i32) -> ()';

  it("c1: operand #0 does not dominate this use (op in the same block)", () => {
    const h = new Harness("c1.mlir", ORACLE.c1.src);
    const def = h.op("test.def", 3, 8, { results: 1 });
    const use = h.op("test.use", 2, 3, { operands: [def.getResult(0)], text: useText });
    const root = h.module(h.func("f", 1, 1, use, def, h.op("func.return", 4, 3)));
    expect(h.run(root)).toMatchObject({ failed: true, text: ORACLE.c1.err });
  });

  it("c2: a terminator must be the last operation", () => {
    const h = new Harness("c2.mlir", ORACLE.c2.src);
    const ret = h.op("func.return", 2, 3, { text: '"func.return"() : () -> ()' });
    const root = h.module(h.func("t1", 1, 1, ret, h.op("test.op", 3, 3)));
    expect(h.run(root).text).toBe(ORACLE.c2.err);
  });

  it("c3: block with no terminator, quoting the op", () => {
    const h = new Harness("c3.mlir", ORACLE.c3.src);
    const c = h.op("arith.constant", 2, 8, { results: 1, text: '%0 = "arith.constant"() <{value = 0 : i32}> : () -> i32' });
    expect(h.run(h.module(h.func("t1", 1, 1, c))).text).toBe(ORACLE.c3.err);
  });

  it("c4: empty block in a multi-block region, at the region's op, without an op note", () => {
    const h = new Harness("c4.mlir", ORACLE.c4.src);
    const f = h.op("func.func", 2, 3, { regions: 1, sym: "t3" });
    h.block(f.regions[0]!);
    h.block(f.regions[0]!);
    expect(h.run(h.wrap(h.op("builtin.module", 1, 1, { regions: 1 }), f)).text).toBe(ORACLE.c4.err);
  });

  it("c5: IsolatedFromAbove, with the note at the isolated op", () => {
    const h = new Harness("c5.mlir", ORACLE.c5.src);
    const c = h.op("test.def", 1, 1, { results: 1 });
    const use = h.op("test.use", 3, 3, { operands: [c.getResult(0)], text: '"test.use"(<<UNKNOWN SSA VALUE>>) : (i32) -> ()' });
    const root = h.module(c, h.func("t4", 2, 1, use, h.op("func.return", 4, 3)));
    expect(h.run(root).text).toBe(ORACLE.c5.err);
  });

  it("c6: redefinition of symbol, on the second op, with a multi-line op note", () => {
    const h = new Harness("c6.mlir", ORACLE.c6.src);
    const f1 = h.func("x", 2, 3, h.op("func.return", 2, 20));
    const f2 = h.func("x", 3, 3, h.op("func.return", 3, 20));
    h.texts.set(f2, '"func.func"() <{function_type = () -> (), sym_name = "x"}> ({\n  "func.return"() : () -> ()\n}) : () -> ()');
    const root = h.wrap(h.op("builtin.module", 1, 1, { regions: 1 }), f1, f2);
    expect(h.run(root).text).toBe(ORACLE.c6.err);
  });

  it("c7: entry block of region may not have predecessors", () => {
    const h = new Harness("c7.mlir", ORACLE.c7.src);
    const f = h.op("func.func", 1, 1, { regions: 1, sym: "t5" });
    const b0 = h.block(f.regions[0]!);
    b0.push(h.op("cf.br", 3, 3, { successors: [b0] }));
    expect(h.run(h.module(f)).text).toBe(ORACLE.c7.err);
  });

  it("c8: unregistered operation of a loaded dialect", () => {
    const h = new Harness("c8.mlir", ORACLE.c8.src);
    const foo = h.op("func.foo", 2, 3, { text: '"func.foo"() : () -> ()' });
    expect(h.run(h.module(h.func("t6", 1, 1, foo, h.op("func.return", 3, 3)))).text).toBe(ORACLE.c8.err);
  });

  it("c9: successors only on the last op, checked before the ops themselves", () => {
    const h = new Harness("c9.mlir", ORACLE.c9.src);
    const f = h.op("func.func", 1, 1, { regions: 1, sym: "a" });
    const b1 = new Block();
    const br = h.op("cf.br", 3, 3, { successors: [b1], text: '"cf.br"()[^bb1] : () -> ()' });
    h.block(f.regions[0]!, h.op("func.return", 2, 3), br, h.op("test.x", 4, 3));
    f.regions[0]!.push(b1);
    b1.push(h.op("func.return", 6, 3));
    expect(h.run(h.module(f)).text).toBe(ORACLE.c9.err);
  });

  it("c11: unregistered single-block regions are graph regions, multi-block ones are not", () => {
    const h = new Harness("c11.mlir", ORACLE.c11.src);
    const d0 = h.op("test.def", 4, 10, { results: 1 });
    const r1 = h.wrap(h.op("test.region", 2, 3, { regions: 1 }), h.op("test.use", 3, 5, { operands: [d0.getResult(0)] }), d0);
    const r2 = h.op("test.region", 6, 3, { regions: 1 });
    const bb1 = new Block();
    const d1 = h.op("test.def", 9, 10, { results: 1 });
    h.block(r2.regions[0]!, h.op("test.use", 8, 5, { operands: [d1.getResult(0)], text: useText }), d1, h.op("test.br", 10, 5, { successors: [bb1] }));
    r2.regions[0]!.push(bb1);
    bb1.push(h.op("test.ret", 12, 5));
    expect(h.run(h.module(h.func("graph", 1, 1, r1, r2, h.op("func.return", 14, 3)))).text).toBe(ORACLE.c11.err);
  });

  it("verifies every IsolatedFromAbove sibling, then stops before the parent's own checks", () => {
    // As `mlir-opt --mlir-disable-threading` on three functions with a
    // dominance error each: three errors; the module's duplicate symbol and
    // the top-level region's dominance error are not reached.
    const h = new Harness();
    const bad = (sym: string) => {
      const def = h.op("test.def", 0, 0, { results: 1 });
      return h.func(sym, 0, 0, h.op("test.use", 0, 0, { operands: [def.getResult(0)] }), def, h.op("func.return", 0, 0));
    };
    const def = h.op("test.def", 0, 0, { results: 1 });
    const region = h.op("scf.execute_region", 0, 0, { regions: 1 });
    h.block(region.regions[0]!, h.op("test.use", 0, 0, { operands: [def.getResult(0)] }), def, h.op("scf.yield", 0, 0));
    const r = h.run(h.module(bad("a"), bad("b"), bad("a"), region));
    expect(r.failed).toBe(true);
    expect(r.diags.map((d) => d.message)).toEqual(new Array(3).fill("operand #0 does not dominate this use"));
  });

  it("reports dominance errors in MLIR's order: the op's own regions before nested ones", () => {
    // mlir-opt 22 on domorder.mlir reports the outer use (line 7), not the nested one (line 3).
    const h = new Harness();
    const inner = h.op("test.def", 4, 5, { results: 1 });
    const exec = h.op("scf.execute_region", 2, 3, { regions: 1, results: 1 });
    h.block(exec.regions[0]!, h.op("test.use", 3, 5, { operands: [inner.getResult(0)] }), inner, h.op("scf.yield", 5, 5, { operands: [inner.getResult(0)] }));
    const outer = h.op("test.def", 8, 8, { results: 1 });
    const use = h.op("test.use", 7, 3, { operands: [outer.getResult(0)] });
    const r = h.run(h.module(h.func("a", 1, 1, exec, use, outer, h.op("func.return", 9, 3))));
    expect(r.diags).toHaveLength(1);
    expect(r.diags[0]!.loc).toBe(h.at(7, 3));
  });
});

//===----------------------------------------------------------------------===//
// Notes of the dominance error (wording from mlir-opt 22 on notes.mlir; the
// child-region and sibling cases cannot be written as text, only built)
//===----------------------------------------------------------------------===//

describe("dominance notes", () => {
  /** A func whose body is `ops`, verified; the messages of the single diagnostic. */
  function notesOf(h: Harness, ...ops: Operation[]): string[] {
    const r = h.run(h.module(h.func("f", 1, 1, ...ops, h.op("func.return", 0, 0))), { printOpOnDiagnostic: false });
    expect(r.diags).toHaveLength(1);
    return messages(r.diags);
  }
  const err = "operand #0 does not dominate this use";
  const execWith = (h: Harness, ...ops: Operation[]) => {
    const e = h.op("scf.execute_region", 0, 0, { regions: 1 });
    h.block(e.regions[0]!, ...ops, h.op("scf.yield", 0, 0));
    return e;
  };

  it("op in a parent region / child region / neither", () => {
    let h = new Harness();
    let def = h.op("test.def", 0, 0, { results: 1 });
    expect(notesOf(h, execWith(h, h.op("test.use", 0, 0, { operands: [def.getResult(0)] })), def)).toEqual([
      err,
      "note: operand defined here (op in a parent region)",
    ]);
    h = new Harness();
    def = h.op("test.def", 0, 0, { results: 1 });
    expect(notesOf(h, execWith(h, def), h.op("test.use", 0, 0, { operands: [def.getResult(0)] }))).toEqual([
      err,
      "note: operand defined here (op in a child region)",
    ]);
    h = new Harness();
    def = h.op("test.def", 0, 0, { results: 1 });
    expect(notesOf(h, execWith(h, def), execWith(h, h.op("test.use", 0, 0, { operands: [def.getResult(0)] })))).toEqual([
      err,
      "note: operand defined here (op is neither in a parent nor in a child region)",
    ]);
  });

  it("op in the same region, and block arguments", () => {
    const h = new Harness();
    const f = h.op("func.func", 1, 1, { regions: 1, sym: "f" });
    const [b0, b1, b2] = [new Block(), new Block(), new Block()];
    for (const b of [b0, b1, b2]) f.regions[0]!.push(b);
    const arg = b1.addArgument(h.i32, h.at(0, 0));
    const def = h.op("test.def", 0, 0, { results: 1 });
    b0.push(h.op("cf.br", 0, 0, { successors: [b2] }));
    b1.push(def);
    b1.push(h.op("cf.br", 0, 0, { successors: [b2] }));
    b2.push(h.op("test.use", 0, 0, { operands: [def.getResult(0)] }));
    b2.push(h.op("func.return", 0, 0));
    const root = h.module(f);
    let r = h.run(root, { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual([err, "note: operand defined here (op in the same region)"]);
    b2.first!.setOperand(0, arg);
    r = h.run(root, { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual([err, "note: operand defined as a block argument (block #1 in the same region)"]);
    expect(r.diags[0]!.notes[0]!.loc).toBe(f.loc);
    // The same argument used one region deeper.
    b2.first!.erase();
    b2.insertBefore(execWith(h, h.op("test.use", 0, 0, { operands: [arg] })), b2.first);
    r = h.run(root, { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual([err, "note: operand defined as a block argument (block #1 in a parent region)"]);
  });

  it("a result used by its own op or inside it", () => {
    let h = new Harness();
    const self = h.op("test.use", 0, 0, { results: 1 });
    self.setOperands([self.getResult(0)]);
    expect(notesOf(h, self)).toEqual([err, "note: operand defined here (op in the same block)"]);
    h = new Harness();
    const e = h.op("scf.execute_region", 0, 0, { regions: 1, results: 1 });
    h.block(e.regions[0]!, h.op("test.use", 0, 0, { operands: [e.getResult(0)] }), h.op("scf.yield", 0, 0));
    expect(notesOf(h, e)).toEqual([err, "note: operand defined here (op in a parent region)"]);
  });

  it("skips unreachable blocks", () => {
    const h = new Harness();
    const f = h.op("func.func", 1, 1, { regions: 1, sym: "f" });
    const def = h.op("test.def", 0, 0, { results: 1 });
    h.block(f.regions[0]!, h.op("func.return", 0, 0));
    h.block(f.regions[0]!, h.op("test.use", 0, 0, { operands: [def.getResult(0)] }), def, h.op("func.return", 0, 0));
    expect(h.run(h.module(f)).failed).toBe(false);
  });
});

//===----------------------------------------------------------------------===//
// Structural checks, traits and hooks (mlir-opt 22 wording)
//===----------------------------------------------------------------------===//

describe("structural checks", () => {
  it("rejects unregistered dialects unless allowed", () => {
    const h = new Harness("t.mlir", "", /*allowUnregistered=*/ false);
    const r = h.run(h.module(h.op("foo.bar", 0, 0)), { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual([
      "'foo.bar' op created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the " +
        "MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used",
    ]);
  });

  it("checks graph regions, SingleBlock, Symbol and SymbolTable traits", () => {
    const h = new Harness();
    h.ctx.registerOperation({ name: "g.graph", traits: OpTrait.NoTerminator, regionKind: () => RegionKind.Graph });
    h.ctx.registerOperation({ name: "g.single", traits: OpTrait.SingleBlock });
    h.ctx.registerOperation({ name: "g.table", traits: OpTrait.SymbolTable | OpTrait.NoTerminator | OpTrait.SingleBlock });
    const check = (root: Operation, expected: string[]) =>
      expect(messages(h.run(h.module(root), { printOpOnDiagnostic: false }).diags)).toEqual(expected);

    const g = h.op("g.graph", 0, 0, { regions: 1 });
    h.block(g.regions[0]!);
    h.block(g.regions[0]!);
    check(g, ["'g.graph' op expects graph region #0 to have 0 or 1 blocks"]);

    const s = h.op("g.single", 0, 0, { regions: 1 });
    h.block(s.regions[0]!);
    check(s, ["'g.single' op expects a non-empty block"]);

    check(h.op("func.func", 0, 0, { regions: 1 }), ["'func.func' op requires string attribute 'sym_name'"]);
    const vis = h.op("func.func", 0, 0, { regions: 1, sym: "f", attrs: [{ name: "sym_visibility", value: StringAttr.get(h.ctx, "bogus") }] });
    check(vis, [`'func.func' op visibility expected to be one of ["public", "private", "nested"], but got "bogus"`]);

    // Duplicates are found on the attribute, even on unregistered ops.
    const named = (sym: string) => h.op("test.a", 0, 0, { attrs: [{ name: "sym_name", value: StringAttr.get(h.ctx, sym) }] });
    const t = h.wrap(h.op("g.table", 0, 0, { regions: 1 }), named("x"), named("y"), named("x"));
    const r = h.run(h.module(t), { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual(["redefinition of symbol named 'x'", "note: see existing symbol definition here"]);
    expect(h.run(h.wrap(h.op("g.table", 0, 0, { regions: 1 }))).failed).toBe(false);
    check(h.op("g.table", 0, 0, { regions: 1 }), ["'g.table' op Operations with a 'SymbolTable' must have exactly one block"]);
  });

  it("rejects branches to another region", () => {
    const h = new Harness();
    // The target is the second block of another op's region (an entry block
    // would fail earlier: "entry block of region may not have predecessors").
    const holder = h.op("scf.execute_region", 0, 0, { regions: 1 });
    const other = new Block();
    h.block(holder.regions[0]!, h.op("cf.br", 0, 0, { successors: [other] }));
    holder.regions[0]!.push(other);
    other.push(h.op("scf.yield", 0, 0));
    const f = h.op("func.func", 0, 0, { regions: 1, sym: "f" });
    const b1 = new Block();
    h.block(f.regions[0]!, holder, h.op("cf.br", 0, 0, { successors: [b1] }));
    f.regions[0]!.push(b1);
    b1.push(h.op("cf.br", 0, 0, { successors: [other] }));
    const r = h.run(h.module(f), { printOpOnDiagnostic: false });
    expect(messages(r.diags)).toEqual(["'cf.br' op branching to block of a different region"]);
  });

  it("runs verify before the regions and verifyRegions after them", () => {
    const h = new Harness();
    const order: string[] = [];
    h.ctx.registerOperation({
      name: "h.outer",
      traits: OpTrait.NoTerminator,
      verify: () => (order.push("outer.verify"), success()),
      verifyRegions: () => (order.push("outer.verifyRegions"), success()),
    });
    h.ctx.registerOperation({
      name: "h.inner",
      traits: 0,
      verify: (op) => (order.push("inner.verify"), op.getAttr("bad") ? op.emitOpError("is bad") : success()),
    });
    const outer = h.wrap(h.op("h.outer", 0, 0, { regions: 1 }), h.op("h.inner", 0, 0));
    expect(h.run(h.module(outer)).failed).toBe(false);
    expect(order).toEqual(["outer.verify", "inner.verify", "outer.verifyRegions"]);
    order.length = 0;
    const bad = h.op("h.inner", 0, 0, { attrs: [{ name: "bad", value: StringAttr.get(h.ctx, "") }], text: '"h.inner"() {bad = ""} : () -> ()' });
    const r = h.run(h.module(h.wrap(h.op("h.outer", 0, 0, { regions: 1 }), bad)));
    expect(order).toEqual(["outer.verify", "inner.verify"]);
    // Hook errors through op.emitOpError get the "see current operation" note too.
    expect(messages(r.diags)).toEqual(["'h.inner' op is bad", 'note: see current operation: "h.inner"() {bad = ""} : () -> ()']);
    // ...unless the note is turned off, as under --verify-diagnostics.
    const off = h.run(h.module(h.wrap(h.op("h.outer", 0, 0, { regions: 1 }), h.op("h.inner", 0, 0, { attrs: [{ name: "bad", value: StringAttr.get(h.ctx, "") }] }))), {
      printOpOnDiagnostic: false,
    });
    expect(messages(off.diags)).toEqual(["'h.inner' op is bad"]);
    expect(h.ctx.diagnosticOpPrinter).toBeUndefined();
    void failure;
  });
});

//===----------------------------------------------------------------------===//
// Depth and size
//===----------------------------------------------------------------------===//

describe("scaling", () => {
  const depth = 10_000;

  it("verifies 10,000 nested SSACFG regions using a value from the top", () => {
    const h = new Harness();
    const def = h.op("test.def", 0, 0, { results: 1 });
    let innermost: Operation | undefined;
    let cur: Operation | undefined;
    for (let i = 0; i < depth; i++) {
      const e = h.op("scf.execute_region", 0, 0, { regions: 1 });
      const body = [h.op("test.use", 0, 0, { operands: [def.getResult(0)] }), h.op("scf.yield", 0, 0)];
      if (cur) body.unshift(cur);
      h.block(e.regions[0]!, ...body);
      innermost ??= e;
      cur = e;
    }
    const root = h.module(h.func("f", 0, 0, def, cur!, h.op("func.return", 0, 0)));
    const t0 = performance.now();
    expect(h.run(root).failed).toBe(false);
    expect(performance.now() - t0).toBeLessThan(5000);
    // An error at the bottom is found and reported with its note.
    const late = h.op("test.def", 0, 0, { results: 1 });
    const region = innermost!.regions[0]!.entryBlock!;
    region.insertBefore(h.op("test.use", 0, 0, { operands: [late.getResult(0)] }), region.first);
    region.insertBefore(late, region.last);
    expect(messages(h.run(root, { printOpOnDiagnostic: false }).diags)).toEqual([
      "operand #0 does not dominate this use",
      "note: operand defined here (op in the same block)",
    ]);
  });

  it("verifies 10,000 nested IsolatedFromAbove modules", () => {
    const h = new Harness();
    let cur = h.module(h.op("test.leaf", 0, 0));
    for (let i = 0; i < depth; i++) cur = h.module(cur);
    expect(h.run(cur).failed).toBe(false);
    // A value captured across the innermost isolation boundary.
    const def = h.op("test.def", 0, 0, { results: 1 });
    let inner = cur;
    while (inner.regions[0]!.entryBlock!.first!.name.name === "builtin.module") inner = inner.regions[0]!.entryBlock!.first!;
    const leafModule = inner;
    leafModule.parent!.insertBefore(def, leafModule);
    leafModule.regions[0]!.entryBlock!.push(h.op("test.use", 0, 0, { operands: [def.getResult(0)] }));
    expect(messages(h.run(cur, { printOpOnDiagnostic: false }).diags)).toEqual([
      "'test.use' op using value defined outside the region",
      "note: required by region isolation constraints",
    ]);
  });

  it("stays linear on a wide function (200k ops)", () => {
    const h = new Harness();
    const f = h.func("f", 0, 0);
    const body = f.regions[0]!.entryBlock!;
    const first = h.op("test.def", 0, 0, { results: 1 });
    body.push(first);
    let prev = first;
    for (let i = 0; i < 200_000; i++) {
      const o = h.op("test.op", 0, 0, { operands: [prev.getResult(0), first.getResult(0)], results: 1 });
      body.push(o);
      prev = o;
    }
    body.push(h.op("func.return", 0, 0));
    const root = h.module(f);
    const t0 = performance.now();
    expect(h.run(root).failed).toBe(false);
    expect(performance.now() - t0).toBeLessThan(10000);
  });
});

//===----------------------------------------------------------------------===//
// builtin dialect (mlir-opt 22 wording, from sym*.mlir and succ.mlir)
//===----------------------------------------------------------------------===//

describe("builtin dialect", () => {
  const run = (h: Harness, root: Operation) => messages(h.run(root, { printOpOnDiagnostic: false }).diags);

  it("checks builtin.module", () => {
    const h = new Harness();
    const mod = (o: OpSpec = {}) => h.op("builtin.module", 0, 0, { regions: 1, ...o });
    expect(run(h, mod())).toEqual(["'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks"]);
    const two = mod({ regions: 2 });
    h.block(two.regions[0]!);
    expect(run(h, two)).toEqual(["'builtin.module' op requires one region"]);
    const def = h.op("test.def", 0, 0, { results: 1 });
    const withOperand = h.wrap(mod({ operands: [def.getResult(0)] }));
    expect(run(h, withOperand)).toEqual(["'builtin.module' op requires zero operands"]);
    expect(run(h, h.wrap(mod({ results: 1 })))).toEqual(["'builtin.module' op requires zero results"]);
    const args = mod();
    h.block(args.regions[0]!).addArgument(h.i32, h.at(0, 0));
    expect(run(h, args)).toEqual(["'builtin.module' op region should have no arguments"]);
    const multi = mod();
    h.block(multi.regions[0]!);
    h.block(multi.regions[0]!);
    expect(run(h, multi)).toEqual(["'builtin.module' op expects region #0 to have 0 or 1 blocks"]);
    const attr = (name: string, value: string) => ({ name, value: StringAttr.get(h.ctx, value) });
    expect(run(h, h.wrap(mod({ attrs: [attr("zed", "1"), attr("foo", "1"), attr("a.b", "")] })))).toEqual([
      "'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'",
    ]);
    expect(run(h, h.wrap(mod({ sym: "m", attrs: [attr("sym_visibility", "bogus")] })))).toEqual([
      `'builtin.module' op visibility expected to be one of ["public", "private", "nested"], but got "bogus"`,
    ]);
    // Graph region, no terminator needed, use before def is fine.
    const d = h.op("test.def", 0, 0, { results: 1 });
    expect(run(h, h.wrap(mod({ sym: "m" }), h.op("test.use", 0, 0, { operands: [d.getResult(0)] }), d))).toEqual([]);
  });

  it("checks builtin.unrealized_conversion_cast", () => {
    const h = new Harness();
    const cast = (o: OpSpec) => h.op("builtin.unrealized_conversion_cast", 0, 0, o);
    expect(run(h, h.module(cast({})))).toEqual(["'builtin.unrealized_conversion_cast' op expected at least one result for cast operation"]);
    const withRegion = cast({ regions: 1, results: 1 });
    expect(run(h, h.module(withRegion))).toEqual(["'builtin.unrealized_conversion_cast' op requires zero regions"]);
    const d = h.op("test.def", 0, 0, { results: 1 });
    expect(run(h, h.module(d, cast({ operands: [d.getResult(0)], results: 2 }), cast({ results: 1 })))).toEqual([]);
    expect(run(h, h.module(h.op("builtin.foo", 0, 0)))).toEqual([
      "unregistered operation 'builtin.foo' found in dialect ('builtin') that does not allow unknown operations",
    ]);
  });
});
