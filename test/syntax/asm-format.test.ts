// The declarative assembly-format compiler on a test-only dialect that uses
// every directive: custom text parses, prints back by ODS's spacing rules
// (OpFormatGen's genLiteralPrinter / genElementPrinter), and the generic form
// shows what was parsed (inferred types, enum values, segment sizes). No
// mlir-opt dialect has these ops, so the expected texts are written from the
// rules; func and cf, which mlir-opt has, are compared in test/interop.

import { describe, expect, it } from "vitest";
import {
  compileAssemblyFormat,
  Context,
  FormatError,
  parseSourceString,
  registerControlFlowDialect,
  registerFuncDialect,
  type Diagnostic,
  type Operation,
  type OpSpec,
} from "../../src/index.js";
import { kMaxCustomNesting } from "../../src/syntax/op-parser.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { AnyType, registerTestFormatDialect } from "./format-test-dialect.js";

function newContext(): Context {
  const ctx = new Context();
  registerFuncDialect(ctx);
  registerControlFlowDialect(ctx);
  registerTestFormatDialect(ctx);
  return ctx;
}

/** Parses `src`; fails the test with the diagnostics when it does not parse. */
function parse(ctx: Context, src: string): Operation {
  const op = parseSourceString(ctx, src, "t.mlir");
  if (!op) expect.fail(ctx.diagnostics.takeAll().map((d) => d.message).join("\n"));
  return op;
}

/** Custom form, checking that it reads back to the same text. */
function custom(src: string): string {
  const ctx = newContext();
  const text = printTopLevel(parse(ctx, src));
  expect(printTopLevel(parse(ctx, text)), "custom output reads back unchanged").toBe(text);
  return text;
}

function generic(src: string): string {
  const ctx = newContext();
  return printTopLevel(parse(ctx, src), { printGenericOpForm: true });
}

/** The first error parsing `src` gives, as `line:col: message`. */
function parseError(src: string): string {
  const ctx = newContext();
  expect(parseSourceString(ctx, src, "t.mlir")).toBeUndefined();
  const d: Diagnostic | undefined = ctx.diagnostics.takeAll()[0];
  const loc = d?.loc as unknown as { startLine: number; startColumn: number } | undefined;
  return `${loc?.startLine}:${loc?.startColumn}: ${d?.message}`;
}

const fn = (args: string, body: string): string => `func.func @f(${args}) {\n${body}\n  return\n}\n`;

describe("declarative assembly formats", () => {
  it("operands, literals and type relations; result-name hints made unique", () => {
    const src = `func.func @f(%a: i32, %b: i32) -> i32 {
  %0 = tfmt.binary %a, %b : i32
  %1 = tfmt.binary %0, %0 {x.y} : i32
  return %1 : i32
}`;
    expect(custom(src)).toBe(`module {
  func.func @f(%arg0: i32, %arg1: i32) -> i32 {
    %sum = tfmt.binary %arg0, %arg1 : i32
    %sum_0 = tfmt.binary %sum, %sum {x.y} : i32
    return %sum_0 : i32
  }
}
`);
    // The generic form ignores hints; rhs and result types come from lhs.
    expect(generic(src)).toContain(`%1 = "tfmt.binary"(%0, %0) {x.y} : (i32, i32) -> i32`);
  });

  it("enum attributes print their keyword; i1-same-shape infers the result type", () => {
    const src = fn("%a: tensor<4xi32>, %b: tensor<4xi32>", "  %c = tfmt.cmp slt, %a, %b : tensor<4xi32>");
    expect(custom(src)).toContain("    %0 = tfmt.cmp slt, %arg0, %arg1 : tensor<4xi32>\n");
    expect(generic(src)).toContain(
      `%0 = "tfmt.cmp"(%arg0, %arg1) <{predicate = 2 : i64}> : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi1>`,
    );
    expect(parseError(fn("%a: i32", "  %c = tfmt.cmp sle, %a, %a : i32"))).toBe(
      "2:17: custom op 'tfmt.cmp' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt]",
    );
  });

  it("typed attributes print without their type; buildable result types", () => {
    const src = fn("", "  %0 = tfmt.const 1\n  %1 = tfmt.const 1\n  %2 = tfmt.const -3");
    expect(custom(src)).toContain(
      "    %c1 = tfmt.const 1\n    %c1_0 = tfmt.const 1\n    %c-3 = tfmt.const -3\n",
    );
    expect(generic(src)).toContain(`%2 = "tfmt.const"() <{value = -3 : i32}> : () -> i32`);
  });

  it("optional groups: unit-attribute anchors print nothing, else branches print when absent", () => {
    const src = fn("%a: i32", "  tfmt.opt async %a : i32\n  tfmt.opt none\n  tfmt.opt %a : i32");
    expect(custom(src)).toContain("    tfmt.opt async %arg0 : i32\n    tfmt.opt none\n    tfmt.opt %arg0 : i32\n");
    const g = generic(src);
    expect(g).toContain(`"tfmt.opt"(%arg0) <{is_async}> : (i32) -> ()`);
    expect(g).toContain(`"tfmt.opt"() : () -> ()`);
  });

  it("regions, attr-dict-with-keyword and buildable operand types", () => {
    const src = fn(
      "%c: i1, %a: i32",
      "  tfmt.loop %c attributes {x.k = 1 : i32} {\n    %0 = tfmt.binary %a, %a : i32\n    tfmt.yield %0 : i32\n  }",
    );
    expect(custom(src)).toContain(
      "    tfmt.loop %arg0 attributes {x.k = 1 : i32} {\n      %sum = tfmt.binary %arg1, %arg1 : i32\n      tfmt.yield %sum : i32\n    }\n",
    );
  });

  it("successors: no space before `[`, none after it; `successors` with none leaves ODS's trailing space", () => {
    const src = `func.func @s(%x: i32) {
  tfmt.switch %x : i32, ^bb1 [^bb2]
^bb1:
  tfmt.jump ^bb2
^bb2:
  tfmt.jump
}`;
    expect(custom(src)).toBe(`module {
  func.func @s(%arg0: i32) {
    tfmt.switch %arg0 : i32, ^bb1[^bb2]
  ^bb1:  // pred: ^bb0
    tfmt.jump ^bb2
  ^bb2:  // 2 preds: ^bb0, ^bb1
    tfmt.jump 
  }
}
`);
  });

  it("operands, prop-dict, attr-dict and functional-type(operands, results)", () => {
    const src = fn("%a: i32", "  %r:2 = tfmt.props %a, %a <{a = 1 : i64}> {x.d} : (i32, i32) -> (f32, f32)");
    expect(custom(src)).toContain("    %0:2 = tfmt.props %arg0, %arg0 <{a = 1 : i64}> {x.d} : (i32, i32) -> (f32, f32)\n");
    expect(generic(src)).toContain(`%0:2 = "tfmt.props"(%arg0, %arg0) <{a = 1 : i64}> {x.d} : (i32, i32) -> (f32, f32)`);
  });

  it("custom<...> directives and qualified(...)", () => {
    const src = fn("%a: i32", "  tfmt.pair pair(%a : i32)\n  tfmt.qual i32 %a tag 5\n  tfmt.qual i32 %a");
    expect(custom(src)).toContain("    tfmt.pair pair(%arg0 : i32)\n    tfmt.qual i32 %arg0 tag 5\n    tfmt.qual i32 %arg0\n");
    expect(generic(src)).toContain(`"tfmt.qual"(%arg0) <{tag = 5 : i32}> : (i32) -> ()`);
  });

  it("spacing literals: `` ` ` `` prints a space, an empty literal suppresses one", () => {
    // `[` (no space after) ` ` (a space, and the operand's own) $x `` (none) `]` `->` (spaced).
    expect(custom(fn("%a: i32", "  tfmt.spaces [%a] -> i32"))).toContain("    tfmt.spaces[  %arg0] -> i32\n");
  });

  it("`\\n` starts a new line at the op's indentation and leaves the spacing state alone", () => {
    expect(custom(fn("%a: i32", "  tfmt.lines %a : i32"))).toContain("    tfmt.lines %arg0\n     : i32\n");
  });

  it("a default dialect lets ops inside drop their prefix, both ways", () => {
    const src = fn("%a: i32", "  tfmt.scope {\n    %0 = binary %a, %a : i32\n    scope {\n    }\n  }");
    expect(custom(src)).toContain("    tfmt.scope {\n      %sum = binary %arg0, %arg0 : i32\n      scope {\n      }\n    }\n");
    expect(parseError(fn("%a: i32", "  scope {\n  }"))).toBe("2:3: custom op 'scope' is unknown (tried 'func.scope' as well)");
  });

  it("custom-form nesting is bounded with a diagnostic naming the limit; below it, it round-trips", () => {
    const nest = (n: number): string => "tfmt.scope {\n".repeat(n) + "}\n".repeat(n);
    const ctx = newContext();
    const deep = parse(ctx, nest(kMaxCustomNesting));
    expect(printTopLevel(deep).split("scope {").length - 1).toBe(kMaxCustomNesting);
    expect(parseError(nest(kMaxCustomNesting + 1))).toBe(
      `${kMaxCustomNesting + 1}:12: custom operation nesting exceeds the limit of ${kMaxCustomNesting} regions (the generic form has no limit)`,
    );
  });
});

describe("hand-written custom forms through OpAsmParser / OpAsmPrinter", () => {
  const src = `func.func @f(%a: i32, %b: i32) {
  %0:2 = tfmt.hand @k [%a, %b] : i32, i32 -> (i32, f32) attributes {x.y} args(%p: i32 {x.q = 1 : i32}, %r: f32 loc("a.mlir":1:2)) {
    "x.use"(%p, %r) : (i32, f32) -> ()
  }
  tfmt.goto ^bb1(%a, %0#0 : i32, i32)
^bb1(%c: i32, %d: i32):
  return
}`;

  it("symbol names, delimited operand lists, arrow type lists, argument lists, regions and block-argument names round-trip", () => {
    const ctx = newContext();
    ctx.allowUnregisteredDialects = true;
    const text = printTopLevel(parse(ctx, src));
    // Argument attributes are the hook's to print; this one leaves them out.
    expect(text).toBe(`module {
  func.func @f(%arg0: i32, %arg1: i32) {
    %0:2 = tfmt.hand @k [%arg0, %arg1] : i32, i32 -> (i32, f32) attributes {x.y} args(%p: i32, %arg2: f32) {
      "x.use"(%p, %arg2) : (i32, f32) -> ()
    }
    tfmt.goto ^bb1(%arg0, %0#0 : i32, i32)
  ^bb1(%1: i32, %2: i32):  // pred: ^bb0
    return
  }
}
`);
    expect(printTopLevel(parse(ctx, src), { printDebugInfo: true, printLocalScope: true })).toContain(
      `args(%p: i32 loc("t.mlir":2:79), %arg2: f32 loc("a.mlir":1:2))`,
    );
  });

  it("reports errors with MLIR's prefix where MLIR's emitError adds it", () => {
    const body = (line: string): string => `func.func @f(%a: i32) {\n  ${line}\n  return\n}`;
    expect(parseError(body("tfmt.hand @k [%a] : i32, i32 args() {\n  }"))).toBe(
      "2:16: custom op 'tfmt.hand' number of operands and types do not match: got 1 operands and 2 types",
    );
    expect(parseError(body("tfmt.hand @k [%a] : i32 arg() {\n  }"))).toBe("2:27: custom op 'tfmt.hand' expected 'args'");
    expect(parseError(body("tfmt.hand @k %a] : i32 args() {\n  }"))).toBe("2:15: expected '['");
    expect(parseError(body("tfmt.hand k [%a] : i32 args() {\n  }"))).toBe(
      "2:13: custom op 'tfmt.hand' expected valid '@'-identifier for symbol name",
    );
    expect(parseError(body("tfmt.hand @k [%a] : i32 args(%p: i32) {\n  ^bb0:\n  }"))).toBe(
      "3:3: invalid block name in region with named arguments",
    );
  });
});

describe("malformed assembly formats", () => {
  const base: OpSpec = {
    name: "tfmt.bad",
    operands: [
      { name: "lhs", arity: "single", constraint: AnyType },
      { name: "rhs", arity: "single", constraint: AnyType },
    ],
    results: [],
    attributes: [],
    regions: [],
    successors: [],
    typeRelations: [],
  };
  /** Format, the text the error points at (its first occurrence), message. */
  const cases: readonly [string, string, string][] = [
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($zz)", "$zz", "expected an operand or result variable, 'operands' or 'results' in type directive"],
    ["$nope attr-dict", "$nope", "expected variable to refer to an argument, region, result, or successor"],
    ["$lhs `,` $rhs `:` type($lhs) type($rhs)", "$lhs", "'attr-dict' directive not found in custom assembly format"],
    ["$lhs attr-dict `:` type($lhs)", "$lhs", "operand #1, named 'rhs', not found"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs)", "$lhs", "type of operand #1, named 'rhs', is not buildable and a buildable type cannot be inferred"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($rhs) (`x`)?", "(`x`", "optional group has no anchor element"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($rhs) `unterminated", "`unterminated", "unexpected end of file in literal"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($rhs) custom<Nope>()", "custom", "unknown custom directive 'Nope'"],
    ["$lhs $lhs `,` $rhs attr-dict", "$lhs `", "redefinition of operand 'lhs'"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($rhs) `%`", "`%`", "expected valid literal but got '%'"],
    ["$lhs `,` $rhs attr-dict `:` type($lhs) type($rhs) (`x` ($lhs^)?)?", "($lhs^", "optional groups can only be used as top-level elements"],
  ];
  it.each(cases)("%s", (format, at, message) => {
    const r = compileAssemblyFormat({ ...base, assemblyFormat: format });
    expect(r).toBeInstanceOf(FormatError);
    const e = r as FormatError;
    expect(`column ${e.column}: ${e.message}`).toBe(`column ${format.indexOf(at) + 1}: ${message}`);
  });
});
