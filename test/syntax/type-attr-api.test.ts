// TypeAttrParser / TypeAttrPrinter through their API: the op parser's
// contract (cursor, dictionaries, strings, provided types), the IR values
// built, deep nesting without stack overflow, and diagnostics.

import { describe, expect, test } from "vitest";
import {
  ArrayAttr,
  DenseIntOrFPElementsAttr,
  DenseStringElementsAttr,
  DictionaryAttr,
  DistinctAttr,
  FloatAttr,
  IntegerAttr,
  OpaqueAttr,
  StringAttr,
  SymbolRefAttr,
} from "../../src/ir/builtin-attributes.js";
import { FloatType, IntegerType, MemRefType, OpaqueType, RankedTensorType, Signedness, TupleType, VectorType } from "../../src/ir/builtin-types.js";
import { Context } from "../../src/ir/context.js";
import { escapeString, isBareIdentifier, printKeywordOrString } from "../../src/syntax/escape.js";
import { TypeAttrPrinter } from "../../src/syntax/type-attr-printer.js";
import { localScope, makeParser, parseAttr, parseType, printAttr } from "./mlir-oracle.js";

describe("parser contract", () => {
  test("pos is shared: parse several values in sequence, trivia and comments skipped", () => {
    const text = "i32 // comment\n  tensor<4xf32>, 42 : i8 loc(\"f\":1:2)";
    const run = makeParser(text);
    const p = run.parser;
    expect(p.parseType()).toBe(IntegerType.get(run.ctx, 32));
    expect(p.pos).toBe(3);
    const t = p.parseType();
    expect(t).toBeInstanceOf(RankedTensorType);
    expect(text[p.pos]).toBe(",");
    p.pos++;
    const a = p.parseAttribute() as IntegerAttr;
    expect(a.value).toBe(42n);
    expect(a.type).toBe(IntegerType.get(run.ctx, 8));
    expect(p.parseLocation()).toBeDefined();
    expect(p.pos).toBe(text.length);
  });

  test("parseAttribute(type) gives a literal its type without `: type`", () => {
    const run = makeParser("7 : i32");
    const i16 = IntegerType.get(run.ctx, 16);
    const a = run.parser.parseAttribute(i16) as IntegerAttr;
    expect(a.type).toBe(i16);
    expect(run.parser.pos).toBe(1);
    const run2 = makeParser("dense<1> ");
    const t = RankedTensorType.get(run2.ctx, [2], IntegerType.get(run2.ctx, 8));
    expect(run2.parser.parseAttribute(t)).toBeInstanceOf(DenseIntOrFPElementsAttr);
  });

  test("dictionaries: sorted entries, unit values, quoted keys, duplicates", () => {
    const run = makeParser('{b = 1, "a c", a}');
    const d = run.parser.parseAttributeDict()!;
    expect(d.entries.map((e) => e.name)).toEqual(["a", "a c", "b"]);
    expect(printAttr(d)).toBe('{a, "a c", b = 1 : i64}');
    expect(new TypeAttrPrinter(run.ctx, localScope).printAttrDict(d)).toBe(' {a, "a c", b = 1 : i64}');
    const dup = makeParser("{a = 1, a = 2}");
    expect(dup.parser.parseAttributeDict()).toBeUndefined();
    expect(dup.error).toEqual({ offset: 8, message: "duplicate key 'a' in dictionary attribute" });
    const many = "{" + Array.from({ length: 40 }, (_, i) => `k${i} = ${i}`).join(", ") + ", k7}";
    const dupMany = makeParser(many);
    expect(dupMany.parser.parseAttributeDict()).toBeUndefined();
    expect(dupMany.error?.message).toBe("duplicate key 'k7' in dictionary attribute");
  });

  test("strings are byte strings; escapes decode and print upper-case hex", () => {
    // Sources are latin1 byte strings: "é" in UTF-8 is the two bytes C3 A9.
    const s = parseAttr('"\\00\\ff\\n\\t\\"\\\\\u00c3\u00a9"') as StringAttr;
    expect([...s.value].map((c) => c.charCodeAt(0))).toEqual([0, 255, 10, 9, 34, 92, 0xc3, 0xa9]);
    expect(printAttr(s)).toBe('"\\00\\FF\\0A\\09\\22\\\\\\C3\\A9"');
    expect(escapeString("plain")).toBe("plain");
    expect(isBareIdentifier("a.b$c_1")).toBe(true);
    expect(printKeywordOrString("1a")).toBe('"1a"');
    const run = makeParser('"x\\41"');
    expect(run.parser.parseStringLiteral()).toBe("xA");
  });

  test("IR values", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    expect((parseAttr("255 : ui8", ctx) as IntegerAttr).value).toBe(255n);
    expect((parseAttr("255 : i8", ctx) as IntegerAttr).value).toBe(-1n);
    expect((parseAttr("0x3C00 : f16", ctx) as FloatAttr).bits).toBe(0x3c00n);
    expect(parseAttr("@a::@b", ctx)).toBe(SymbolRefAttr.get(ctx, "a", ["b"]));
    expect(parseType("si7", ctx)).toBe(IntegerType.get(ctx, 7, Signedness.Signed));
    expect(parseType("vector<[4]x8xf32>", ctx)).toBe(VectorType.get(ctx, [4, 8], FloatType.get(ctx, "f32"), [true, false]));
    expect(parseType("!foo.bar<x>", ctx)).toBe(OpaqueType.get(ctx, "foo", "bar<x>"));
    expect(parseType('!foo<"q">', ctx)).toBe(OpaqueType.get(ctx, "foo", '"q"'));
    expect(parseAttr("#foo.b : i32", ctx)).toBe(OpaqueAttr.get(ctx, "foo", "b", IntegerType.get(ctx, 32)));
    const m = parseType("memref<4xf32, affine_map<(d0) -> (d0)>, 0>", ctx) as MemRefType;
    expect(m.layout).toBeUndefined();
    expect(m.memorySpace).toBeUndefined();
    // Dense data: raw little-endian storage, i1 bit-packed, splats detected.
    const d = parseAttr("dense<[1, -2]> : tensor<2xi16>", ctx) as DenseIntOrFPElementsAttr;
    expect([...d.data]).toEqual([1, 0, 0xfe, 0xff]);
    const b = parseAttr("dense<[true, false, true]> : tensor<3xi1>", ctx) as DenseIntOrFPElementsAttr;
    expect([...b.data]).toEqual([5]);
    const splat = parseAttr("dense<[7, 7, 7]> : tensor<3xi8>", ctx) as DenseIntOrFPElementsAttr;
    expect(splat.isSplat).toBe(true);
    expect([...splat.data]).toEqual([7]);
    expect((parseAttr('dense<["a", "b"]> : tensor<2x!x.s>', ctx) as DenseStringElementsAttr).values).toEqual(["a", "b"]);
  });

  test("aliases: `#a` and `!t` resolve through the alias table; undefined ones are errors", () => {
    const run = makeParser("!t #a !u");
    run.parser.aliases.types.set("t", IntegerType.get(run.ctx, 3));
    run.parser.aliases.attrs.set("a", StringAttr.get(run.ctx, "v"));
    expect(run.parser.parseType()).toBe(IntegerType.get(run.ctx, 3));
    expect(run.parser.parseAttribute()).toBe(StringAttr.get(run.ctx, "v"));
    expect(run.parser.parseType()).toBeUndefined();
    // Reported after the alias name; at end of input MLIR moves back one character.
    expect(run.error).toEqual({ offset: 7, message: "undefined symbol alias id 'u'" });
  });

  test("distinct: one id in one file is one attribute; a different value is an error", () => {
    const run = makeParser("distinct[1]<2> distinct[1]<2> distinct[1]<3>");
    const a = run.parser.parseAttribute();
    expect(a).toBeInstanceOf(DistinctAttr);
    expect(run.parser.parseAttribute()).toBe(a);
    expect(run.parser.parseAttribute()).toBeUndefined();
    expect(run.error?.message).toBe("referenced attribute does not match previous definition: 2 : i64");
  });

  test("unregistered dialects are errors unless allowed", () => {
    const run = makeParser("!foo.bar<x>", new Context());
    expect(run.parser.parseType()).toBeUndefined();
    expect(run.error?.message).toMatch(/^`!"foo"<"bar<x>">` type created with unregistered dialect/);
    expect(run.error?.offset).toBe(5);
  });

  test("after an error every call fails and nothing else is reported", () => {
    const run = makeParser("i99999999999 i32");
    expect(run.parser.parseType()).toBeUndefined();
    expect(run.error?.message).toBe("invalid integer width");
    run.parser.pos = 13;
    expect(run.parser.parseType()).toBeUndefined();
  });
});

describe("deep nesting (explicit stacks, no recursion)", () => {
  const N = 10000;
  test(`${N}-deep tuple<tuple<...>> parses and prints`, () => {
    const text = "tuple<".repeat(N) + "i32" + ">".repeat(N);
    const t = parseType(text);
    expect(t).toBeInstanceOf(TupleType);
    expect(new TypeAttrPrinter(t.context, localScope).printType(t)).toBe(text);
  });
  test(`${N}-deep [[...]] and {a = {a = ...}} parse and print`, () => {
    const arr = "[".repeat(N) + "1" + "]".repeat(N);
    const a = parseAttr(arr);
    expect(a).toBeInstanceOf(ArrayAttr);
    expect(printAttr(a)).toBe(arr);
    const dict = "{a = ".repeat(N) + "1 : i64" + "}".repeat(N);
    const d = parseAttr(dict);
    expect(d).toBeInstanceOf(DictionaryAttr);
    expect(printAttr(d)).toBe(dict);
  });
  test(`${N}-deep function types and memref-of-memref with a memory space`, () => {
    const fn = "() -> (".repeat(N) + "i1" + ")".repeat(N);
    const t = parseType(fn);
    // A single function-typed result keeps its parentheses; the innermost `(i1)` loses them.
    const printed = new TypeAttrPrinter(t.context, localScope).printType(t);
    expect(printed === "() -> (".repeat(N - 1) + "() -> i1" + ")".repeat(N - 1)).toBe(true);
    const m = "memref<2x".repeat(N) + "f32" + ", 1>".repeat(N);
    expect(parseType(m)).toBeInstanceOf(MemRefType);
  });
  test("truncated deep nesting reports MLIR's error at the end", () => {
    const text = "tuple<".repeat(N) + "i32" + ">".repeat(N - 1);
    const run = makeParser(text);
    expect(run.parser.parseType()).toBeUndefined();
    expect(run.error).toEqual({ offset: text.length - 1, message: "expected '>' in tuple type" });
    const arr = "[".repeat(N) + "1" + "]".repeat(N - 1);
    const run2 = makeParser(arr);
    expect(run2.parser.parseAttribute()).toBeUndefined();
    expect(run2.error).toEqual({ offset: arr.length - 1, message: "expected ',' or ']'" });
  });
  test("deep nesting inside a chevrotain-parsed form is a located error, not a crash", () => {
    const text = "distinct[0]<" + "[".repeat(N) + "1" + "]".repeat(N) + ">";
    const run = makeParser(text);
    expect(run.parser.parseAttribute()).toBeUndefined();
    expect(run.error?.offset).toBe(0);
    expect(run.error?.message).toMatch(/nesting too deep/);
  });
});
