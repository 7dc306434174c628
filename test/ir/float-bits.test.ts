// The number-only float rounding (src/ir/float-bits.ts) against the exact
// BigInt path (floatBitsFromNumber in float-format.ts), for every kind it covers:
// random doubles of every magnitude, halfway and near-halfway cases, and the
// boundaries (subnormals, largest finite, overflow to Inf).

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FLOAT_KINDS, floatBitsFromNumber, getFloatSemantics } from "../../src/ir/float-format.js";
import { hasNumberBits, ieeeBitsFromNumber, numberBitsOfKind } from "../../src/ir/float-bits.js";

const kinds = FLOAT_KINDS.filter((k) => hasNumberBits(getFloatSemantics(k)));

describe("ieeeBitsFromNumber matches the exact conversion", () => {
  test("covers the IEEE-encoded kinds of at most 32 bits", () => {
    expect(kinds).toEqual(["f16", "bf16", "f32", "tf32", "f8E5M2", "f8E4M3", "f8E3M4"]);
    expect(numberBitsOfKind(1, "f64")).toBe(-1);
    expect(numberBitsOfKind(1, "f8E4M3FN")).toBe(-1);
    expect(numberBitsOfKind(NaN, "f16")).toBe(-1);
  });

  for (const kind of kinds) {
    const sem = getFloatSemantics(kind);
    const check = (x: number): void => {
      expect(ieeeBitsFromNumber(x, sem), `${kind} ${x}`).toBe(Number(floatBitsFromNumber(x, kind)));
    };

    test(`${kind}: any double`, () => {
      fc.assert(fc.property(fc.double({ noNaN: true }), (x) => check(x)), { numRuns: 3000 });
    });

    test(`${kind}: near the kind's own values (halfway ties included)`, () => {
      const p = sem.precision;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** (p + 2) - 1 }),
          fc.integer({ min: sem.minExponent - p - 2, max: sem.maxExponent + 2 }),
          fc.constantFrom(-1, 0, 1),
          fc.boolean(),
          (m, e, nudge, negative) => {
            // m / 4 ulps at exponent e: exact values, ties and quarter points; ±1 f64 ulp around them.
            let x = m * 2 ** (e - p - 1);
            if (nudge !== 0 && x !== 0) x = x * (1 + nudge * 2 ** -52);
            check(negative ? -x : x);
          },
        ),
        { numRuns: 5000 },
      );
    });

    test(`${kind}: boundaries`, () => {
      const largest = (2 - 2 ** (1 - sem.precision)) * 2 ** sem.maxExponent;
      const ulpTop = 2 ** (sem.maxExponent - sem.precision + 1);
      const tiny = 2 ** (sem.minExponent - sem.precision + 1);
      for (const x of [0, -0, Infinity, -Infinity, largest, largest + ulpTop / 2, largest + ulpTop / 4, tiny, tiny / 2, tiny * 0.75, tiny / 4, 2 ** sem.minExponent, 5e-324, 1e308])
        for (const s of [1, -1]) check(s * x);
    });
  }
});
