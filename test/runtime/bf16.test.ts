// bf16 storage: round to nearest even from float32, NaN kept, against the
// compiler's own (independent, arithmetic) float-literal rounding.

import { describe, expect, it } from "vitest";
import { numberBitsOfKind } from "../../src/ir/float-bits.js";
import { bf16FromFloats, floatsFromBf16, fromBf16, roundBf16, toBf16 } from "../../src/runtime/emu/bf16.js";

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const fromBits = (b: number) => ((u32[0] = b >>> 0), f32[0]!);

describe("bf16", () => {
  it("every bf16 pattern survives a round trip (exhaustive, 65536 cases)", () => {
    const bad: number[] = [];
    for (let h = 0; h < 0x10000; h++) {
      const v = fromBf16(h);
      if (Number.isNaN(v) ? !Number.isNaN(fromBf16(toBf16(v))) : toBf16(v) !== h) bad.push(h);
    }
    expect(bad).toEqual([]);
  });

  it("matches nearest-even rounding for every low half of edge high halves", () => {
    // zero, smallest subnormals, the subnormal/normal boundary, 1.0, max finite, and their negatives.
    const highs = [0x0000, 0x0001, 0x007f, 0x0080, 0x3f80, 0x3f81, 0x7f7e, 0x7f7f, 0x8000, 0x8001, 0x807f, 0xbf80, 0xff7f];
    const bad: number[] = [];
    for (const hi of highs)
      for (let lo = 0; lo < 0x10000; lo++) {
        const x = fromBits(hi * 0x10000 + lo);
        if (toBf16(x) !== numberBitsOfKind(x, "bf16")) bad.push(hi * 0x10000 + lo);
      }
    expect(bad).toEqual([]);
  });

  it("matches on a stride over all float32 patterns (about 1M cases)", () => {
    const bad: number[] = [];
    for (let b = 0; b < 2 ** 32; b += 4099) {
      const x = fromBits(b);
      if (!Number.isNaN(x) && toBf16(x) !== numberBitsOfKind(x, "bf16")) bad.push(b);
    }
    expect(bad).toEqual([]);
  });

  it("rounds ties to even, overflows to infinity, keeps NaN and signed zero", () => {
    expect(toBf16(fromBits(0x3f808000))).toBe(0x3f80); // tie, even stays
    expect(toBf16(fromBits(0x3f818000))).toBe(0x3f82); // tie, odd rounds up
    expect(toBf16(fromBits(0x3f808001))).toBe(0x3f81); // just above the tie
    expect(toBf16(fromBits(0x7f7fffff))).toBe(0x7f80); // max float32 -> +inf
    expect(toBf16(Infinity)).toBe(0x7f80);
    expect(toBf16(-Infinity)).toBe(0xff80);
    expect(toBf16(-0)).toBe(0x8000);
    // A NaN whose payload sits only in the dropped half must not become infinity.
    const nan = toBf16(fromBits(0x7f800001));
    expect(nan & 0x7f80).toBe(0x7f80);
    expect(nan & 0x7f).not.toBe(0);
    expect(toBf16(fromBits(0xff800001)) & 0x8000).toBe(0x8000);
    expect(roundBf16(1 + 2 ** -9)).toBe(1);
  });

  it("converts arrays both ways", () => {
    const src = new Float32Array([1.5, -2.25, 3.00390625, 1e-40]);
    const back = floatsFromBf16(bf16FromFloats(src));
    expect(Array.from(back)).toEqual(Array.from(src).map(roundBf16));
  });
});
