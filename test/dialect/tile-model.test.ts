// Tile slices as data: attributes round-trip, overlap is box intersection.

import { describe, expect, it } from "vitest";
import { Context, parseSourceString, printTopLevel, registerAllDialects } from "../../src/index.js";
import { formatSlice, readSlice, readSliceList, sliceAttr, sliceListAttr, slicesOverlap, type Slice } from "../../dialects/tile-model.js";

describe("tile slices", () => {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerAllDialects(ctx);
  it("round-trip through attributes and print in generic form as MLIR arrays", () => {
    const s: Slice = { buffer: "xin", offsets: [128, 0], sizes: [128, 7168] };
    const a = sliceAttr(ctx, s);
    expect(readSlice(a)).toEqual(s);
    expect(a).toBe(sliceAttr(ctx, { ...s }));
    expect(readSliceList(sliceListAttr(ctx, [s, s]))).toEqual([s, s]);
    const m = parseSourceString(ctx, `"x.task"() {reads = [[@xin, array<i64: 128, 0>, array<i64: 128, 7168>]]} : () -> ()`, "in.mlir")!;
    const op = m.getRegion(0).entryBlock!.ops().next().value!;
    expect(readSliceList(op.getAttr("reads"))).toEqual([s]);
    expect(printTopLevel(m, { printGenericOpForm: true })).toContain("[[@xin, array<i64: 128, 0>, array<i64: 128, 7168>]]");
    expect(formatSlice(s)).toBe("@xin[128:256, 0:7168]");
  });
  it("reject malformed slices", () => {
    const m = parseSourceString(ctx, `"x.t"() {a = [@x, array<i64: 1>, array<i64: 1, 2>], b = [@x::@y, array<i64: 1>, array<i64: 1>], c = [@x, array<i32: 1>, array<i32: 1>]} : () -> ()`, "in.mlir")!;
    const op = m.getRegion(0).entryBlock!.ops().next().value!;
    for (const n of ["a", "b", "c"]) expect(readSlice(op.getAttr(n))).toBeUndefined();
  });
  it("overlap as half-open boxes of one buffer", () => {
    const s = (buffer: string, o: number[], z: number[]): Slice => ({ buffer, offsets: o, sizes: z });
    expect(slicesOverlap(s("a", [0, 0], [128, 64]), s("a", [127, 63], [1, 1]))).toBe(true);
    expect(slicesOverlap(s("a", [0, 0], [128, 64]), s("a", [128, 0], [1, 64]))).toBe(false);
    expect(slicesOverlap(s("a", [0, 0], [128, 64]), s("a", [0, 64], [128, 1]))).toBe(false);
    expect(slicesOverlap(s("a", [0], [8]), s("b", [0], [8]))).toBe(false);
    expect(slicesOverlap(s("a", [0], [0]), s("a", [0], [8]))).toBe(false);
  });
});

describe("dense integer arrays", () => {
  it("round-trip i32 and i64 entries exactly, negatives and 2^53-1 included", async () => {
    const { intArrayAttr, readIntArray } = await import("../../src/ir/dense-int-array.js");
    const ctx = new Context();
    const values = [0, 1, -1, 255, -256, 2 ** 31 - 1, -(2 ** 31)];
    expect(readIntArray(intArrayAttr(ctx, 32, values), 32)).toEqual(values);
    const wide = [...values, 2 ** 32, -(2 ** 32) - 5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
    expect(readIntArray(intArrayAttr(ctx, 64, wide), 64)).toEqual(wide);
    // The parser's bytes (little-endian two's complement) read back the same way.
    const loose = new Context({ allowUnregisteredDialects: true });
    const m = parseSourceString(loose, `"x.t"() {a = array<i64: -3, 9007199254740991>, b = array<i32: -7, 5>} : () -> ()`, "in.mlir")!;
    const op = m.getRegion(0).entryBlock!.ops().next().value!;
    expect(readIntArray(op.getAttr("a"), 64)).toEqual([-3, 9007199254740991]);
    expect(readIntArray(op.getAttr("b"), 32)).toEqual([-7, 5]);
    expect(readIntArray(op.getAttr("b"), 64)).toBeUndefined();
  });
});
