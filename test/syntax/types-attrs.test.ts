// Types and attributes against mlir-opt-22: every case is one op
// `"x.o"() {a = <case>} : () -> ()`; mlir-opt renders it once (local scope),
// and our parse + print of the same text must give the same bytes. Each case
// is also parsed through the chevrotain grammar alone and must give the same
// (uniqued) object as the fast path.

import { describe, expect, test } from "vitest";
import { Context } from "../../src/ir/context.js";
import { makeParser, parseAttr, printAttr, requireMlirOpt, runMlirOpt } from "./mlir-oracle.js";

/** Valid attributes (types appear as type attributes). */
const CASES: readonly string[] = [
  // Integers: widths, signedness, hex, ranges, i1, index, defaults.
  "0x1F : i32", "-1 : i1", "255 : ui8", "-128 : si8", "1 : index", "42", "true", "false", "1 : i1", "0 : i1",
  "3 : i128", "170141183460469231731687303715884105727 : i128", "-4 : i3", "7 : ui3", "0 : i0", "0 : ui0",
  "4 : ui64", "7 : i3", "255 : i8", "0 : si1", "1 : ui1", "-1 : si1", "-9223372036854775808 : index",
  "18446744073709551615 : ui64", "0xFFFFFFFFFFFFFFFF : i64", "0x8 : i4", "0x10000000000000000 : i65", "- 7 : i16",
  "123456789012345678901234567890 : i100", "9007199254740993 : i64", "-9007199254740993 : i64",
  // Floats: every kind, hex bit patterns, special values, defaults.
  "1.5", "1.0 : f16", "-0.0 : bf16", "0x7F80 : bf16", "1.0e10 : f32", "0x3C00 : f16", "3.14159 : f80", "0.1 : f128",
  "1.0 : tf32", "448.0 : f8E4M3FN", "1.0 : f4E2M1FN", "0x0 : f32", "1.0 : f8E8M0FNU", "0x7FC00000 : f32",
  "0x7F800000 : f32", "0xFF800000 : f32", "1.0e400 : f64", "-1.0e400 : f32", "1.0e400 : f8E4M3FN", "1.0e-400 : f64",
  "0.1 : f64", "3.1415926535897931 : f64", "1.e5 : f32", "2. : f16", "6.5504e4 : f16", "1.0 : f8E5M2", "1.0 : f8E4M3",
  "1.0 : f8E5M2FNUZ", "1.0 : f8E4M3FNUZ", "1.0 : f8E4M3B11FNUZ", "1.0 : f8E3M4", "1.0 : f6E2M3FN", "1.0 : f6E3M2FN",
  "0x1FFFFFFFFFFFFFFFF : f128", "0xFFFFFFFFFFFFFFFF : f80", "0x03C00 : f16",
  // Strings, symbols, unit, types.
  '"a\\"b\\n\\t\\\\x\\01\\ff"', '"s" : i32', '"" : tensor<2xi8>', '"\\7F~\\20"', "unit", "@f::@g", '@"foo bar"', '@"q\\22"::@r',
  "i32", "si7", "ui16777215", "index", "none", "f8E4M3FN", "(i32) -> i32", "() -> ()", "(i32, f32) -> (i1, i2)",
  "() -> ((i32) -> i32)", "(tuple<>) -> none", "complex<f32>", "complex<i1>", "complex<si8>", "tuple<>",
  "tuple<i32, tuple<f32, index>>", "tuple<i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,i11,i12,i13,i14,i15,i16,i17>",
  // Shaped types.
  "tensor<4x?xf32>", "tensor<*xf32>", "tensor<f32>", "tensor<0xf32>", "tensor<0x1xf32>", "tensor<4 x ? x f32>",
  "tensor<4xf32,>", 'tensor<4xf32, "enc">', "tensor<4xf32, #foo.enc<1>>", "tensor<4x!foo.bar>", "tensor<4xvector<2xf32>>",
  "tensor<2xcomplex<f64>>", "vector<4x8xf32>", "vector<[4]x8xf32>", "vector<[4]x[8]xi1>", "vector<f32>", "vector<4xindex>",
  "vector<4xi5>", "memref<4xf32>", "memref<4xf32, 0>", "memref<4xf32, affine_map<(d0) -> (d0)>>", "memref<4xf32, 1>",
  'memref<4xf32, "x">', "memref<*xf32, 0>", "memref<*xf32, 7>", "memref<4x?xf32, strided<[?, 1], offset: ?>, 3>",
  "memref<4xf32, 0 : i32>", "memref<4xf32, 2 : i32>", "memref<4xf32, strided<[1]>, {space = 1}>", "memref<4xf32, true>",
  "memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>", "memref<4xcomplex<f32>>", "memref<4xmemref<2xf32>>",
  "memref<4xf32, affine_map<(d0) -> (d0)>, affine_map<(d0)->(d0+1)>>", "memref<4xi5>", "memref<?x?xvector<4xf16>, 1>",
  // Dialect types and attributes of unregistered dialects.
  '!foo<"bar">', "!foo<bar>", "!foo.bar", "!foo.bar<1>", '!foo<"a b">', "!foo<bar<1>>", "!foo.b-c", '#foo<"x">',
  "#foo.bar<{a}> : i32", "!foo<bar.baz>", "!foo.bar.baz<x>", '!foo.bar<"a\\n">', '!foo.bar<x, ">">', "#foo.bar",
  "#foo.bar<a -> b>", "!foo.bar<(x)[y]{z}>", "#foo.bar<1> : tensor<2xi8>",
  // Containers.
  "[]", "[1, 2.0, \"x\"]", "[[1], [2, [3]]]", "[1 : i32, 1 : i64, 1.5 : f64, 1.5 : f32]", "{}", "{z = 1, \"a b\" = 2, y}",
  "{b = {c = [unit]}, a}", '{"" = 1}'.replace('""', '"x"'), "{i32 = 1, tensor = 2, loc = 3, true = 4}",
  // Dense elements.
  "dense<[true, false, true]> : tensor<3xi1>", 'dense<"0x01000000"> : tensor<4xi8>', 'dense<"0x01000000"> : tensor<2x2xi8>',
  "dense<(1.0, 2.0)> : tensor<2xcomplex<f32>>", "dense<[(1, 2), (3, 4)]> : tensor<2xcomplex<i32>>",
  'dense<["a", "b"]> : tensor<2x!foo.str>', 'dense<"x"> : tensor<3x!foo.s>', "dense<> : tensor<0xi32>", "dense<5> : tensor<i32>",
  "dense<[[1,2],[3,4]]> : vector<2x2xi8>", "dense<1.5> : tensor<2x3xbf16>", "dense<[1.0, 0x7FC00000]> : tensor<2xf32>",
  'dense<"0x0101"> : tensor<16xi1>', 'dense<"0x01"> : tensor<8xi1>', 'dense<"0xFF"> : tensor<8xi1>', 'dense<"0x07"> : tensor<3xi1>',
  'dense<"0x0102"> : tensor<3xi16>', 'dense<"0x02"> : tensor<2xi1>', "dense<[5]> : tensor<1xi32>", "dense<(1, 2)> : tensor<2xi32>",
  'dense<"0x0100000002000000"> : tensor<2xcomplex<i16>>', 'dense<"0x01000200"> : tensor<2xcomplex<i16>>',
  'dense<["a", "a"]> : tensor<2x!x.y>', "dense<[[1, 1]]> : tensor<1x2xi32>", "dense<0x7FC00000> : tensor<2xf32>",
  "dense<[-0.0, 0.0]> : tensor<2xf32>", 'dense<"0x0000000000000080"> : tensor<2xf32>', "dense<[[],[]]> : tensor<2x0xi32>",
  'dense<"0x"> : tensor<0xi32>', "dense<[1, 2, 3]> : tensor<3xi17>", "dense<[-1, 2]> : tensor<2xi3>", "dense<[1, 2]> : tensor<2xindex>",
  "dense<[1.0, 2.0]> : tensor<2xf80>", "dense<[1.0, 2.0]> : tensor<2xtf32>", "dense<[255, 0]> : tensor<2xui8>",
  "dense<[-1, 0]> : tensor<2xsi8>", "dense<1> : tensor<4x4xi64>", 'dense<"0xDEADBEEF"> : vector<2xi16>',
  "dense<[[[1]], [[2]]]> : tensor<2x1x1xi8>", "dense<[(1.5,2.5)]> : tensor<1xcomplex<f16>>",
  // Sparse, dense arrays, resources, strided, distinct.
  "sparse<[[0, 0], [1, 2]], [1, 5]> : tensor<3x4xi32>", "sparse<[[0, 0]], [5]> : tensor<3x4xi32>", "sparse<> : tensor<3xf32>",
  "sparse<0, 5> : tensor<3xi32>", 'sparse<[[1]], ["a"]> : tensor<3x!x.s>', "sparse<[0, 1], [1.0, 2.0]> : tensor<4xf32>",
  "array<i32: 1, 2>", "array<i32>", "array<i1: true, false>", "array<f32: 1.0, 0x40000000>", "array<i8: -1, 0x7F>",
  "array<bf16: 1.5, 0x3F80>", "array<ui8: 255>", "array<si8: -1>", "array<i64: 9223372036854775807, -9223372036854775808>",
  "array<f64: 1.0e300>", "strided<[1]>", "strided<[], offset: 3>", "strided<[-2, ?]>", "strided<[0]>", "strided<[1], offset: 0>",
  "strided<[1], offset: ?>", "strided<[?]>", "dense_resource<blob1> : tensor<3xi64>", 'dense_resource<"a b"> : tensor<2xi32>',
  "distinct[5]<42 : i32>", "distinct[1]<>", "[distinct[3]<[1]>, distinct[3]<[1]>]", "distinct[0x10]<1>",
  // Affine maps and sets.
  "affine_map<(d0) -> (d0 + 1)>", "affine_map<(d0, d1)[s0] -> (d1, d0 + s0)>", "affine_set<(d0) : (d0 >= 0)>",
  "[affine_set<(d0)[s0] : (d0 - s0 >= 0, d0 == 0)>]",
  // Locations as attributes.
  'loc("f":3:4 to 5:6)', 'loc("f":3:4 to :9)', 'loc("f":3)', 'loc("f":3:4 to 3:4)', 'loc("f":3:4 to 3:9)', "loc(unknown)",
  'loc("a"(unknown))', 'loc("f\\"q":3)', 'loc("f":3:4 to 2:1)', "loc(fused[])", 'loc(fused<{a = 1}>["x"])',
  'loc(fused["a":1:1])', 'loc(fused["a":1:1, "a":1:1])', 'loc(fused[unknown, "b":1:1, unknown])',
  'loc(fused["c":1:1, fused["d":1:1, "e":1:1]])', 'loc(fused<"m">[])', 'loc(fused<"m">["c":1:1, fused<"m">["d":1:1]])',
  'loc(fused<"m">["c":1:1, fused<"n">["d":1:1, "q":1:1]])', "loc(fused[unknown])", 'loc(callsite("a"("b":1:2) at "c":3:4))',
  'loc("n"(callsite(unknown at "x":1:1)))', 'loc("a":0x10:0x2)', 'loc("f":4294967295:4294967295)',
];

describe("types and attributes match mlir-opt-22", () => {
  requireMlirOpt();
  const input = CASES.map((c) => `"x.o"() {a = ${c}} : () -> ()`).join("\n") + "\n";
  const variants = [
    { name: "local scope", flags: [] as string[], hex: 100 },
    { name: "hex if larger than 2", flags: ["--mlir-print-elementsattrs-with-hex-if-larger=2"], hex: 2 },
    { name: "never hex", flags: ["--mlir-print-elementsattrs-with-hex-if-larger=-1"], hex: -1 },
  ];
  for (const v of variants) {
    const { stdout, stderr } = runMlirOpt(input, ["--mlir-print-op-generic", "--mlir-print-local-scope", ...v.flags]);
    const lines = stdout.split("\n").filter((l) => l.startsWith('  "x.o"'));
    test(`oracle accepted every case (${v.name})`, () => {
      expect(stderr).toBe("");
      expect(lines.length).toBe(CASES.length);
    });
    CASES.forEach((c, i) => {
      test(`${v.name}: ${c}`, () => {
        const m = /^ {2}"x\.o"\(\) \{a( = (.*))?\} : \(\) -> \(\)$/.exec(lines[i] ?? "");
        expect(m, lines[i]).not.toBeNull();
        const ctx = new Context({ allowUnregisteredDialects: true });
        // A unit value prints as the key alone; distinct ids are numbered per output file.
        const expected = (m![2] ?? "unit").replace(/distinct\[\d+\]/g, "distinct[*]");
        const ours = printAttr(parseAttr(c, ctx), { hexThreshold: v.hex }).replace(/distinct\[\d+\]/g, "distinct[*]");
        expect(ours).toBe(expected);
      });
    });
  }
});

describe("the chevrotain grammar alone agrees with the fast path", () => {
  for (const c of CASES) {
    test(c, () => {
      const ctx = new Context({ allowUnregisteredDialects: true });
      const fast = parseAttr(c, ctx);
      const run = makeParser(c, ctx, /*grammarOnly=*/ true);
      const slow = run.parser.parseAttribute();
      expect(run.error).toBeUndefined();
      // Distinct attributes are per parse; compare their rendering instead.
      if (c.includes("distinct")) expect(printAttr(slow!)).toBe(printAttr(fast));
      else expect(slow).toBe(fast);
      expect(run.parser.pos).toBe(c.length);
    });
  }
});
