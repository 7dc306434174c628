// formatFloat's fast paths (src/ir/float-format.ts) against the exact BigInt path
// (formatFloatExact, itself checked against mlir-opt-22 in float-format.test.ts):
// host arithmetic for f64/f32 on random bit patterns, decimal-looking values and the
// edge cases of APFloat's digit truncation; the per-pattern memo of narrow kinds.

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { formatFloat, formatFloatExact, getFloatSemantics, type FloatKind } from "../../src/ir/float-format.js";

const view = new DataView(new ArrayBuffer(8));

function f64Bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}

function f32Bits(x: number): bigint {
  view.setFloat32(0, x);
  return BigInt(view.getUint32(0));
}

function expectSame(bits: bigint, kind: FloatKind): void {
  expect(formatFloat(bits, kind), `${kind} 0x${bits.toString(16)}`).toBe(formatFloatExact(bits, kind));
}

describe("formatFloat host-arithmetic path equals the exact path", () => {
  test("f64: random bit patterns", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (bits) => expectSame(bits, "f64")),
      { numRuns: 20000, seed: 1 },
    );
  });

  test("f64: doubles near short decimals, integers and powers of two and ten", () => {
    const decimal = fc
      .tuple(fc.integer({ min: -9999999, max: 9999999 }), fc.integer({ min: -330, max: 310 }))
      .map(([m, e]) => Number(`${m}e${e}`));
    const nudged = fc.tuple(decimal, fc.integer({ min: -3, max: 3 })).map(([x, k]) => {
      const b = f64Bits(x) + BigInt(k);
      return b >= 0n && b < 1n << 64n ? b : f64Bits(x);
    });
    const special = fc.integer({ min: -1074, max: 1023 }).chain((e) => fc.constantFrom(2 ** e, -(2 ** e), 10 ** Math.min(308, Math.max(-323, e >> 2))));
    fc.assert(
      fc.property(fc.oneof(decimal.map(f64Bits), nudged, special.map(f64Bits), fc.double().map(f64Bits)), (bits) => expectSame(bits, "f64")),
      { numRuns: 20000, seed: 2 },
    );
  });

  test("f32: random bit patterns", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => expectSame(BigInt(n), "f32")),
      { numRuns: 20000, seed: 3 },
    );
  });

  test("f32: floats near short decimals and integers (ties of the 6-digit round trip)", () => {
    const decimal = fc
      .tuple(fc.integer({ min: -999999, max: 999999 }), fc.integer({ min: -50, max: 38 }))
      .map(([m, e]) => f32Bits(Number(`${m}e${e}`)));
    const integers = fc.integer({ min: 1 << 24, max: 0x7fffffff }).map((n) => f32Bits(n));
    const nudged = fc.tuple(decimal, fc.integer({ min: -2, max: 2 })).map(([b, k]) => (b + BigInt(k)) & 0xffffffffn);
    fc.assert(
      fc.property(fc.oneof(decimal, integers, nudged, fc.float().map(f32Bits)), (bits) => expectSame(bits, "f32")),
      { numRuns: 20000, seed: 4 },
    );
  });
});

describe("formatFloat memo for kinds of at most 16 bits", () => {
  test.each(["f16", "bf16", "f8E4M3FN", "f8E5M2FNUZ", "f4E2M1FN"] as FloatKind[])("%s: every pattern, twice", (kind) => {
    const n = 1 << getFloatSemantics(kind).bitWidth;
    for (let round = 0; round < 2; round++) for (let i = 0; i < n; i += kind === "f16" || kind === "bf16" ? 7 : 1) expectSame(BigInt(i), kind);
  });
});
