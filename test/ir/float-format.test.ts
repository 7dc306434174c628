// Float literal parsing and printing (src/ir/float-format.ts): unit cases for every
// builtin float kind, and an oracle run of mlir-opt-22 over a few thousand values
// (exhaustive for the ≤8-bit kinds, seeded random patterns and literals for the rest).

import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import {
  FLOAT_KINDS,
  floatBitsFromNumber,
  floatBitsToNumber,
  formatFloat,
  getFloatSemantics,
  isFloatKind,
  isValidFloatBits,
  parseFloatExact,
  parseFloatLiteral,
  type FloatKind,
} from "../../src/ir/float-format.js";
import { FloatCategory, decodeFloatBits, encodeFloatValue, makeLargest } from "../../src/ir/float-semantics.js";
import { makeRng } from "../support/rng.js";

/** Exact decimal text of m × 2^e in MLIR float literal syntax. */
function dyadicToDecimal(m: bigint, e: number): string {
  if (e >= 0) return (m << BigInt(e)).toString() + ".0";
  const s = (m * 5n ** BigInt(-e)).toString().padStart(-e + 1, "0");
  return s.slice(0, s.length + e) + "." + s.slice(s.length + e);
}


function randomBits(rng: () => number, width: number): bigint {
  let b = 0n;
  for (let i = 0; i < width; i += 32) b = (b << 32n) | BigInt(Math.floor(rng() * 4294967296));
  return b & ((1n << BigInt(width)) - 1n);
}

function randomInt(rng: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

const hex = (b: bigint): string => "0x" + b.toString(16).toUpperCase();

describe("float semantics", () => {
  test("table covers every MLIR float type", () => {
    expect(FLOAT_KINDS.length).toBe(18);
    for (const k of FLOAT_KINDS) expect(isFloatKind(k)).toBe(true);
    expect(isFloatKind("f31")).toBe(false);
    expect(isFloatKind("toString")).toBe(false);
  });

  test("fields follow APFloat", () => {
    expect(getFloatSemantics("f32")).toMatchObject({ bitWidth: 32, precision: 24, minExponent: -126, maxExponent: 127, bias: 127 });
    expect(getFloatSemantics("f80")).toMatchObject({ bitWidth: 80, precision: 64, explicitIntegerBit: true, significandBits: 64, exponentBits: 15 });
    expect(getFloatSemantics("tf32")).toMatchObject({ bitWidth: 19, precision: 11, exponentBits: 8 });
    expect(getFloatSemantics("f8E4M3FN")).toMatchObject({ maxExponent: 8, hasInf: false, hasNaN: true, nanEncoding: "all-ones", hasSignedZero: true });
    expect(getFloatSemantics("f8E4M3B11FNUZ")).toMatchObject({ minExponent: -10, bias: 11, nanEncoding: "negative-zero", hasSignedZero: false });
    expect(getFloatSemantics("f8E8M0FNU")).toMatchObject({ precision: 1, bias: 127, hasZero: false, hasSignedRepr: false, exponentBits: 8 });
    expect(getFloatSemantics("f6E2M3FN")).toMatchObject({ nonFinite: "finite-only", hasInf: false, hasNaN: false, hasSignedZero: true });
    expect(getFloatSemantics("f4E2M1FN")).toMatchObject({ bitWidth: 4, precision: 2, minExponent: 0, maxExponent: 2 });
  });

  test("largest finite values", () => {
    const largest = (k: FloatKind): bigint => encodeFloatValue(makeLargest(getFloatSemantics(k), false), getFloatSemantics(k));
    expect(largest("f8E4M3FN")).toBe(0x7en); // 0x7F is NaN
    expect(largest("f8E4M3")).toBe(0x77n); // 0x78 is Inf
    expect(largest("f8E4M3FNUZ")).toBe(0x7fn);
    expect(largest("f8E8M0FNU")).toBe(0xfen);
    expect(largest("f80")).toBe(0x7ffeffffffffffffffffn);
    expect(largest("f6E3M2FN")).toBe(0x1fn);
  });
});

// [kind, literal, bits MLIR stores, what mlir-opt-22 prints]; every row checked against mlir-opt-22.
const ROWS: readonly (readonly [FloatKind, string, bigint, string])[] = [
  ["f16", "0.0", 0x0n, "0.000000e+00"],
  ["f16", "-0.0", 0x8000n, "-0.000000e+00"],
  ["f16", "1.0", 0x3C00n, "1.000000e+00"],
  ["f16", "-1.0", 0xBC00n, "-1.000000e+00"],
  ["f16", "0.1", 0x2E66n, "9.997550e-02"],
  ["f16", "0x7BFF", 0x7BFFn, "6.550400e+04"],
  ["f16", "0x400", 0x400n, "6.103520e-05"],
  ["f16", "0x1", 0x1n, "5.960460e-08"],
  ["f16", "0x7C00", 0x7C00n, "0x7C00"],
  ["f16", "0x7E00", 0x7E00n, "0x7E00"],
  ["f16", "1.00048828125", 0x3C00n, "1.000000e+00"],
  ["f16", "1.00146484375", 0x3C02n, "1.001950e+00"],
  ["f16", "1.0e300", 0x7C00n, "0x7C00"],
  ["bf16", "0.0", 0x0n, "0.000000e+00"],
  ["bf16", "-0.0", 0x8000n, "-0.000000e+00"],
  ["bf16", "1.0", 0x3F80n, "1.000000e+00"],
  ["bf16", "-1.0", 0xBF80n, "-1.000000e+00"],
  ["bf16", "0.1", 0x3DCDn, "1.000980e-01"],
  ["bf16", "0x7F7F", 0x7F7Fn, "3.389530e+38"],
  ["bf16", "0x80", 0x80n, "1.175490e-38"],
  ["bf16", "0x1", 0x1n, "9.183550e-41"],
  ["bf16", "0x7F80", 0x7F80n, "0x7F80"],
  ["bf16", "0x7FC0", 0x7FC0n, "0x7FC0"],
  ["bf16", "1.00390625", 0x3F80n, "1.000000e+00"],
  ["bf16", "1.01171875", 0x3F82n, "1.015630e+00"],
  ["bf16", "1.0e300", 0x7F80n, "0x7F80"],
  ["f32", "0.0", 0x0n, "0.000000e+00"],
  ["f32", "-0.0", 0x80000000n, "-0.000000e+00"],
  ["f32", "1.0", 0x3F800000n, "1.000000e+00"],
  ["f32", "-1.0", 0xBF800000n, "-1.000000e+00"],
  ["f32", "0.1", 0x3DCCCCCDn, "1.000000e-01"],
  ["f32", "0x7F7FFFFF", 0x7F7FFFFFn, "3.40282347E+38"],
  ["f32", "0x800000", 0x800000n, "1.17549435E-38"],
  ["f32", "0x1", 0x1n, "1.401300e-45"],
  ["f32", "0x7F800000", 0x7F800000n, "0x7F800000"],
  ["f32", "0x7FC00000", 0x7FC00000n, "0x7FC00000"],
  ["f32", "1.000000059604644775390625", 0x3F800000n, "1.000000e+00"],
  ["f32", "1.000000178813934326171875", 0x3F800002n, "1.00000024"],
  ["f32", "1.0e300", 0x7F800000n, "0x7F800000"],
  ["f64", "0.0", 0x0n, "0.000000e+00"],
  ["f64", "-0.0", 0x8000000000000000n, "-0.000000e+00"],
  ["f64", "1.0", 0x3FF0000000000000n, "1.000000e+00"],
  ["f64", "-1.0", 0xBFF0000000000000n, "-1.000000e+00"],
  ["f64", "0.1", 0x3FB999999999999An, "1.000000e-01"],
  ["f64", "0x7FEFFFFFFFFFFFFF", 0x7FEFFFFFFFFFFFFFn, "1.7976931348623157E+308"],
  ["f64", "0x10000000000000", 0x10000000000000n, "2.2250738585072014E-308"],
  ["f64", "0x1", 0x1n, "4.940660e-324"],
  ["f64", "0x7FF0000000000000", 0x7FF0000000000000n, "0x7FF0000000000000"],
  ["f64", "0x7FF8000000000000", 0x7FF8000000000000n, "0x7FF8000000000000"],
  ["f64", "1.00000000000000011102230246251565404236316680908203125", 0x3FF0000000000000n, "1.000000e+00"],
  ["f64", "1.00000000000000033306690738754696212708950042724609375", 0x3FF0000000000002n, "1.0000000000000004"],
  ["f64", "1.0e300", 0x7E37E43C8800759Cn, "1.000000e+300"],
  ["f80", "0.0", 0x0n, "0.000000e+00"],
  ["f80", "-0.0", 0x80000000000000000000n, "-0.000000e+00"],
  ["f80", "1.0", 0x3FFF8000000000000000n, "1.000000e+00"],
  ["f80", "-1.0", 0xBFFF8000000000000000n, "-1.000000e+00"],
  ["f80", "0.1", 0x3FFBCCCCCCCCCCCCD000n, "0.100000000000000005551"],
  ["f80", "0x7FFEFFFFFFFFFFFFFFFF", 0x7FFEFFFFFFFFFFFFFFFFn, "1.18973149535723176502E+4932"],
  ["f80", "0x18000000000000000", 0x18000000000000000n, "3.36210314311209350626E-4932"],
  ["f80", "0x1", 0x1n, "3.645200e-4951"],
  ["f80", "0x7FFF8000000000000000", 0x7FFF8000000000000000n, "0x7FFF8000000000000000"],
  ["f80", "0x7FFFC000000000000000", 0x7FFFC000000000000000n, "0x7FFFC000000000000000"],
  ["f80", "1.0e300", 0x43E3BF21E44003ACE000n, "1.0000000000000000525E+300"],
  ["f128", "0.0", 0x0n, "0.000000e+00"],
  ["f128", "-0.0", 0x80000000000000000000000000000000n, "-0.000000e+00"],
  ["f128", "1.0", 0x3FFF0000000000000000000000000000n, "1.000000e+00"],
  ["f128", "-1.0", 0xBFFF0000000000000000000000000000n, "-1.000000e+00"],
  ["f128", "0.1", 0x3FFB999999999999A000000000000000n, "0.100000000000000005551115123125782702"],
  ["f128", "0x7FFEFFFFFFFFFFFFFFFFFFFFFFFFFFFF", 0x7FFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFn, "1.18973149535723176508575932662800702E+4932"],
  ["f128", "0x10000000000000000000000000000", 0x10000000000000000000000000000n, "3.3621031431120935062626778173217526E-4932"],
  ["f128", "0x1", 0x1n, "6.475180e-4966"],
  ["f128", "0x7FFF0000000000000000000000000000", 0x7FFF0000000000000000000000000000n, "0x7FFF0000000000000000000000000000"],
  ["f128", "0x7FFF8000000000000000000000000000", 0x7FFF8000000000000000000000000000n, "0x7FFF8000000000000000000000000000"],
  ["f128", "1.0e300", 0x43E37E43C8800759C000000000000000n, "1.00000000000000005250476025520442025E+300"],
  ["tf32", "0.0", 0x0n, "0.000000e+00"],
  ["tf32", "-0.0", 0x40000n, "-0.000000e+00"],
  ["tf32", "1.0", 0x1FC00n, "1.000000e+00"],
  ["tf32", "-1.0", 0x5FC00n, "-1.000000e+00"],
  ["tf32", "0.1", 0x1EE66n, "9.997550e-02"],
  ["tf32", "0x3FBFF", 0x3FBFFn, "3.401160e+38"],
  ["tf32", "0x400", 0x400n, "1.175490e-38"],
  ["tf32", "0x1", 0x1n, "1.147940e-41"],
  ["tf32", "0x3FC00", 0x3FC00n, "0x3FC00"],
  ["tf32", "0x3FE00", 0x3FE00n, "0x3FE00"],
  ["tf32", "1.00048828125", 0x1FC00n, "1.000000e+00"],
  ["tf32", "1.00146484375", 0x1FC02n, "1.001950e+00"],
  ["tf32", "1.0e300", 0x3FC00n, "0x3FC00"],
  ["f8E5M2", "0.0", 0x0n, "0.000000e+00"],
  ["f8E5M2", "-0.0", 0x80n, "-0.000000e+00"],
  ["f8E5M2", "1.0", 0x3Cn, "1.000000e+00"],
  ["f8E5M2", "-1.0", 0xBCn, "-1.000000e+00"],
  ["f8E5M2", "0.1", 0x2En, "9.375000e-02"],
  ["f8E5M2", "0x7B", 0x7Bn, "5.734400e+04"],
  ["f8E5M2", "0x4", 0x4n, "6.103520e-05"],
  ["f8E5M2", "0x1", 0x1n, "1.525880e-05"],
  ["f8E5M2", "0x7C", 0x7Cn, "0x7C"],
  ["f8E5M2", "0x7E", 0x7En, "0x7E"],
  ["f8E5M2", "1.125", 0x3Cn, "1.000000e+00"],
  ["f8E5M2", "1.375", 0x3En, "1.500000e+00"],
  ["f8E5M2", "1.0e300", 0x7Cn, "0x7C"],
  ["f8E4M3", "0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3", "-0.0", 0x80n, "-0.000000e+00"],
  ["f8E4M3", "1.0", 0x38n, "1.000000e+00"],
  ["f8E4M3", "-1.0", 0xB8n, "-1.000000e+00"],
  ["f8E4M3", "0.1", 0x1Dn, "1.015630e-01"],
  ["f8E4M3", "0x77", 0x77n, "2.400000e+02"],
  ["f8E4M3", "0x8", 0x8n, "1.562500e-02"],
  ["f8E4M3", "0x1", 0x1n, "1.953130e-03"],
  ["f8E4M3", "0x78", 0x78n, "0x78"],
  ["f8E4M3", "0x7C", 0x7Cn, "0x7C"],
  ["f8E4M3", "1.0625", 0x38n, "1.000000e+00"],
  ["f8E4M3", "1.1875", 0x3An, "1.250000e+00"],
  ["f8E4M3", "1.0e300", 0x78n, "0x78"],
  ["f8E4M3FN", "0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3FN", "-0.0", 0x80n, "-0.000000e+00"],
  ["f8E4M3FN", "1.0", 0x38n, "1.000000e+00"],
  ["f8E4M3FN", "-1.0", 0xB8n, "-1.000000e+00"],
  ["f8E4M3FN", "0.1", 0x1Dn, "1.015630e-01"],
  ["f8E4M3FN", "0x7E", 0x7En, "4.480000e+02"],
  ["f8E4M3FN", "0x8", 0x8n, "1.562500e-02"],
  ["f8E4M3FN", "0x1", 0x1n, "1.953130e-03"],
  ["f8E4M3FN", "0x7F", 0x7Fn, "0x7F"],
  ["f8E4M3FN", "1.0625", 0x38n, "1.000000e+00"],
  ["f8E4M3FN", "1.1875", 0x3An, "1.250000e+00"],
  ["f8E4M3FN", "1.0e300", 0x7Fn, "0x7F"],
  ["f8E5M2FNUZ", "0.0", 0x0n, "0.000000e+00"],
  ["f8E5M2FNUZ", "-0.0", 0x0n, "0.000000e+00"],
  ["f8E5M2FNUZ", "1.0", 0x40n, "1.000000e+00"],
  ["f8E5M2FNUZ", "-1.0", 0xC0n, "-1.000000e+00"],
  ["f8E5M2FNUZ", "0.1", 0x32n, "9.375000e-02"],
  ["f8E5M2FNUZ", "0x7F", 0x7Fn, "5.734400e+04"],
  ["f8E5M2FNUZ", "0x4", 0x4n, "3.051760e-05"],
  ["f8E5M2FNUZ", "0x1", 0x1n, "7.629390e-06"],
  ["f8E5M2FNUZ", "0x80", 0x80n, "0x80"],
  ["f8E5M2FNUZ", "1.125", 0x40n, "1.000000e+00"],
  ["f8E5M2FNUZ", "1.375", 0x42n, "1.500000e+00"],
  ["f8E5M2FNUZ", "1.0e300", 0x80n, "0x80"],
  ["f8E4M3FNUZ", "0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3FNUZ", "-0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3FNUZ", "1.0", 0x40n, "1.000000e+00"],
  ["f8E4M3FNUZ", "-1.0", 0xC0n, "-1.000000e+00"],
  ["f8E4M3FNUZ", "0.1", 0x25n, "1.015630e-01"],
  ["f8E4M3FNUZ", "0x7F", 0x7Fn, "2.400000e+02"],
  ["f8E4M3FNUZ", "0x8", 0x8n, "7.812500e-03"],
  ["f8E4M3FNUZ", "0x1", 0x1n, "9.765620e-04"],
  ["f8E4M3FNUZ", "0x80", 0x80n, "0x80"],
  ["f8E4M3FNUZ", "1.0625", 0x40n, "1.000000e+00"],
  ["f8E4M3FNUZ", "1.1875", 0x42n, "1.250000e+00"],
  ["f8E4M3FNUZ", "1.0e300", 0x80n, "0x80"],
  ["f8E4M3B11FNUZ", "0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3B11FNUZ", "-0.0", 0x0n, "0.000000e+00"],
  ["f8E4M3B11FNUZ", "1.0", 0x58n, "1.000000e+00"],
  ["f8E4M3B11FNUZ", "-1.0", 0xD8n, "-1.000000e+00"],
  ["f8E4M3B11FNUZ", "0.1", 0x3Dn, "1.015630e-01"],
  ["f8E4M3B11FNUZ", "0x7F", 0x7Fn, "3.000000e+01"],
  ["f8E4M3B11FNUZ", "0x8", 0x8n, "9.765620e-04"],
  ["f8E4M3B11FNUZ", "0x1", 0x1n, "1.220700e-04"],
  ["f8E4M3B11FNUZ", "0x80", 0x80n, "0x80"],
  ["f8E4M3B11FNUZ", "1.0625", 0x58n, "1.000000e+00"],
  ["f8E4M3B11FNUZ", "1.1875", 0x5An, "1.250000e+00"],
  ["f8E4M3B11FNUZ", "1.0e300", 0x80n, "0x80"],
  ["f8E3M4", "0.0", 0x0n, "0.000000e+00"],
  ["f8E3M4", "-0.0", 0x80n, "-0.000000e+00"],
  ["f8E3M4", "1.0", 0x30n, "1.000000e+00"],
  ["f8E3M4", "-1.0", 0xB0n, "-1.000000e+00"],
  ["f8E3M4", "0.1", 0x6n, "9.375000e-02"],
  ["f8E3M4", "0x6F", 0x6Fn, "1.550000e+01"],
  ["f8E3M4", "0x10", 0x10n, "2.500000e-01"],
  ["f8E3M4", "0x1", 0x1n, "1.562500e-02"],
  ["f8E3M4", "0x70", 0x70n, "0x70"],
  ["f8E3M4", "0x78", 0x78n, "0x78"],
  ["f8E3M4", "1.03125", 0x30n, "1.000000e+00"],
  ["f8E3M4", "1.09375", 0x32n, "1.125000e+00"],
  ["f8E3M4", "1.0e300", 0x70n, "0x70"],
  ["f8E8M0FNU", "0.0", 0x0n, "5.877470e-39"],
  ["f8E8M0FNU", "-0.0", 0x0n, "5.877470e-39"],
  ["f8E8M0FNU", "1.0", 0x7Fn, "1.000000e+00"],
  ["f8E8M0FNU", "0.1", 0x7Cn, "1.250000e-01"],
  ["f8E8M0FNU", "0xFE", 0xFEn, "1.701410e+38"],
  ["f8E8M0FNU", "0x0", 0x0n, "5.877470e-39"],
  ["f8E8M0FNU", "0xFF", 0xFFn, "0xFF"],
  ["f8E8M0FNU", "1.5", 0x80n, "2.000000e+00"],
  ["f8E8M0FNU", "2.5", 0x80n, "2.000000e+00"],
  ["f8E8M0FNU", "1.0e300", 0xFFn, "0xFF"],
  ["f6E2M3FN", "0.0", 0x0n, "0.000000e+00"],
  ["f6E2M3FN", "-0.0", 0x20n, "-0.000000e+00"],
  ["f6E2M3FN", "1.0", 0x8n, "1.000000e+00"],
  ["f6E2M3FN", "-1.0", 0x28n, "-1.000000e+00"],
  ["f6E2M3FN", "0.1", 0x1n, "1.250000e-01"],
  ["f6E2M3FN", "0x1F", 0x1Fn, "7.500000e+00"],
  ["f6E2M3FN", "0x8", 0x8n, "1.000000e+00"],
  ["f6E2M3FN", "0x1", 0x1n, "1.250000e-01"],
  ["f6E2M3FN", "1.0625", 0x8n, "1.000000e+00"],
  ["f6E2M3FN", "1.1875", 0xAn, "1.250000e+00"],
  ["f6E2M3FN", "1.0e300", 0x1Fn, "7.500000e+00"],
  ["f6E3M2FN", "0.0", 0x0n, "0.000000e+00"],
  ["f6E3M2FN", "-0.0", 0x20n, "-0.000000e+00"],
  ["f6E3M2FN", "1.0", 0xCn, "1.000000e+00"],
  ["f6E3M2FN", "-1.0", 0x2Cn, "-1.000000e+00"],
  ["f6E3M2FN", "0.1", 0x2n, "1.250000e-01"],
  ["f6E3M2FN", "0x1F", 0x1Fn, "2.800000e+01"],
  ["f6E3M2FN", "0x4", 0x4n, "2.500000e-01"],
  ["f6E3M2FN", "0x1", 0x1n, "6.250000e-02"],
  ["f6E3M2FN", "1.125", 0xCn, "1.000000e+00"],
  ["f6E3M2FN", "1.375", 0xEn, "1.500000e+00"],
  ["f6E3M2FN", "1.0e300", 0x1Fn, "2.800000e+01"],
  ["f4E2M1FN", "0.0", 0x0n, "0.000000e+00"],
  ["f4E2M1FN", "-0.0", 0x8n, "-0.000000e+00"],
  ["f4E2M1FN", "1.0", 0x2n, "1.000000e+00"],
  ["f4E2M1FN", "-1.0", 0xAn, "-1.000000e+00"],
  ["f4E2M1FN", "0.1", 0x0n, "0.000000e+00"],
  ["f4E2M1FN", "0x7", 0x7n, "6.000000e+00"],
  ["f4E2M1FN", "0x2", 0x2n, "1.000000e+00"],
  ["f4E2M1FN", "0x1", 0x1n, "5.000000e-01"],
  ["f4E2M1FN", "1.25", 0x2n, "1.000000e+00"],
  ["f4E2M1FN", "1.75", 0x4n, "2.000000e+00"],
  ["f4E2M1FN", "1.0e300", 0x7n, "6.000000e+00"],
];

describe("parseFloatLiteral / formatFloat", () => {
  test.each(ROWS)("%s %s", (kind, lit, bits, printed) => {
    expect(parseFloatLiteral(lit, kind)).toBe(bits);
    expect(formatFloat(bits, kind)).toBe(printed);
  });

  test("MLIR rounds decimal literals through f64 (double rounding)", () => {
    // Just above the midpoint of 1 and 1 + 2^-23: f64 rounds it onto the midpoint, then
    // f32 ties to even (down). A single correct rounding goes up.
    const lit = "1.000000059604644775390625000001";
    expect(parseFloatLiteral(lit, "f32")).toBe(0x3f800000n);
    expect(parseFloatExact(lit, "f32")).toBe(0x3f800001n);
    // f80/f128 literals carry only f64 precision.
    expect(formatFloat(parseFloatLiteral("0.1", "f128")!, "f128")).toBe("0.100000000000000005551115123125782702");
    expect(formatFloat(parseFloatExact("0.1", "f128")!, "f128")).toBe("1.000000e-01");
    expect(parseFloatLiteral("1.0e4000", "f80")).toBe(0x7fff8000000000000000n);
    expect(formatFloat(parseFloatExact("1.0e4000", "f80")!, "f80")).toBe("1.000000e+4000");
    expect(parseFloatExact("1.0e5000", "f80")).toBe(0x7fff8000000000000000n);
    expect(parseFloatExact("1.0e5000", "f128")).toBe(0x7fff0000000000000000000000000000n);
  });

  test("natural-precision fallback and hex for integers without a '.'", () => {
    expect(formatFloat(0x400921fb54442d18n, "f64")).toBe("3.1415926535897931");
    expect(formatFloat(parseFloatLiteral("9.9999999999999995e-8", "f64")!, "f64")).toBe("9.9999999999999995E-8");
    expect(formatFloat(parseFloatLiteral("123456789.0", "f64")!, "f64")).toBe("0x419D6F3454000000");
    expect(formatFloat(parseFloatLiteral("1.5e20", "f64")!, "f64")).toBe("1.500000e+20");
    expect(formatFloat(parseFloatLiteral("0.333333333", "f32")!, "f32")).toBe("0.333333343");
  });

  test("decimal to f64 is correctly rounded (checked against the host's strtod)", () => {
    const rng = makeRng(42);
    const view = new DataView(new ArrayBuffer(8));
    const failures: string[] = [];
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      // A random finite double, the exact midpoint to its successor, then a nudge.
      view.setBigUint64(0, randomBits(rng, 63));
      const lo = decodeFloatBits(view.getBigUint64(0), getFloatSemantics("f64"));
      if (lo.category !== FloatCategory.Normal || lo.exponent >= 1023) continue;
      const e = lo.exponent - 53;
      let lit = dyadicToDecimal(lo.significand * 2n + 1n, e);
      const r = rng();
      if (r < 0.3) lit += "000000000000000000001";
      else if (r < 0.6) lit = lit.slice(0, -1) + "4999999999999999999999"; // just below (ends in 5 or ".0")
      const want = (() => {
        view.setFloat64(0, Number(lit));
        return view.getBigUint64(0);
      })();
      if (parseFloatLiteral(lit, "f64") !== want) failures.push(lit);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures.slice(0, 5)).toEqual([]);
  });

  test("x87 encodings: unnormals print as NaN, pseudo-denormals as numbers", () => {
    expect(formatFloat(0x7fff0000000000000000n, "f80")).toBe("0x7FFF0000000000000000"); // pseudo-infinity
    expect(formatFloat(0x3fff0000000000000001n, "f80")).toBe("0x7FFF0000000000000001"); // unnormal → NaN
    expect(formatFloat(0x00008000000000000000n, "f80")).toBe("3.36210314311209350626E-4932"); // pseudo-denormal
  });

  test("syntax", () => {
    expect(parseFloatLiteral("1.", "f32")).toBe(0x3f800000n);
    expect(parseFloatLiteral("+1.5", "f32")).toBe(0x3fc00000n);
    expect(parseFloatLiteral("2.e1", "f32")).toBe(0x41a00000n);
    expect(parseFloatLiteral("7", "f32")).toBe(0x40e00000n);
    expect(parseFloatLiteral("-7", "f16")).toBe(0xc700n);
    expect(parseFloatLiteral("0x0FFFF", "f16")).toBe(0xffffn);
    expect(parseFloatLiteral("0.0e99999999999", "f32")).toBe(0n);
    expect(parseFloatLiteral("1.0e99999999999", "f32")).toBe(0x7f800000n);
    expect(parseFloatLiteral("1.0e-99999999999", "f32")).toBe(0n);
    for (const bad of ["", "-", ".5", "1e5", "1.5e", "1.5e+", "0x", "-0x1", "0X1", "0x1g", "1.2.3", "inf", "nan", " 1.0"]) {
      expect(parseFloatLiteral(bad, "f32"), bad).toBeUndefined();
    }
    expect(parseFloatLiteral("0x10000", "f16")).toBeUndefined();
    expect(parseFloatLiteral("0x10", "f4E2M1FN")).toBeUndefined();
  });

  test("values LLVM cannot represent", () => {
    // Negative f8E8M0FNU hits llvm_unreachable in APFloat; we refuse it.
    expect(parseFloatLiteral("-1.0", "f8E8M0FNU")).toBeUndefined();
    expect(parseFloatLiteral("-0.0", "f8E8M0FNU")).toBe(0n);
    // An f64-overflowing literal reaches finite-only kinds as Inf, which LLVM encodes with a
    // wrapped exponent; mlir-opt prints the (unencodable) Inf as hex `0x0`, we print the bits' value.
    expect(parseFloatLiteral("1.0e400", "f6E2M3FN")).toBe(0n);
    expect(parseFloatLiteral("-1.0e400", "f4E2M1FN")).toBe(0x8n);
    expect(formatFloat(0n, "f6E2M3FN")).toBe("0.000000e+00");
  });

  test("every printed f16 parses back to the same bits", () => {
    for (let b = 0n; b < 0x10000n; b++) {
      const s = formatFloat(b, "f16");
      const back = s.startsWith("0x") ? parseFloatLiteral(s, "f16") : parseFloatExact(s, "f16");
      if (back !== b) expect(`${hex(b)} → ${s} → ${back === undefined ? "undefined" : hex(back)}`).toBe("round trip");
      if (!s.startsWith("0x") && parseFloatLiteral(s, "f16") !== b) expect(`${hex(b)} → ${s} via f64`).toBe("round trip");
    }
  });
});

describe("number helpers", () => {
  const view = new DataView(new ArrayBuffer(8));
  const f32Bits = (x: number): bigint => {
    view.setFloat32(0, x);
    return BigInt(view.getUint32(0));
  };
  const f64Bits = (x: number): bigint => {
    view.setFloat64(0, x);
    return view.getBigUint64(0);
  };

  test("floatBitsFromNumber matches Math.fround and f64 identity", () => {
    const rng = makeRng(7);
    const specials = [0, -0, 1, -1, 0.1, 1e-45, 7e-46, 1.4e-45, 3.4028235677973366e38, 3.4028235677973362e38, 1e39, -1e39, 5e-324, Number.MAX_VALUE, Infinity, -Infinity];
    const xs: number[] = specials.slice();
    for (let i = 0; i < 2000; i++) {
      view.setBigUint64(0, randomBits(rng, 64));
      const x = view.getFloat64(0);
      if (!Number.isNaN(x)) xs.push(x);
    }
    for (const x of xs) {
      expect(floatBitsFromNumber(x, "f32")).toBe(f32Bits(Math.fround(x)));
      expect(floatBitsFromNumber(x, "f64")).toBe(f64Bits(x));
      expect(Object.is(floatBitsToNumber(floatBitsFromNumber(x, "f64")!, "f64"), x)).toBe(true);
    }
    expect(floatBitsFromNumber(NaN, "f32")).toBe(0x7fc00000n);
    expect(floatBitsFromNumber(NaN, "bf16")).toBe(0x7fc0n);
    expect(floatBitsFromNumber(NaN, "f80")).toBe(0x7fffc000000000000000n);
    expect(floatBitsFromNumber(NaN, "f8E4M3FNUZ")).toBe(0x80n);
    expect(floatBitsFromNumber(NaN, "f8E4M3FN")).toBe(0x7fn);
    expect(floatBitsFromNumber(NaN, "f8E8M0FNU")).toBe(0xffn);
    expect(floatBitsFromNumber(NaN, "f4E2M1FN")).toBeUndefined();
    expect(floatBitsFromNumber(-2, "f8E8M0FNU")).toBeUndefined();
    expect(floatBitsFromNumber(65520, "f16")).toBe(0x7c00n);
    expect(floatBitsFromNumber(65519.99, "f16")).toBe(0x7bffn);
    expect(floatBitsFromNumber(1000, "f6E3M2FN")).toBe(0x1fn);
  });

  test("floatBitsToNumber is exact for small kinds and nearest for f80/f128", () => {
    const failures: string[] = [];
    for (const kind of FLOAT_KINDS) {
      const sem = getFloatSemantics(kind);
      if (sem.bitWidth > 16) continue;
      for (let b = 0n; b < 1n << BigInt(sem.bitWidth); b++) {
        const v = decodeFloatBits(b, sem);
        const x = floatBitsToNumber(b, kind);
        if (v.category === FloatCategory.NaN) {
          if (!Number.isNaN(x)) failures.push(`${kind} ${hex(b)}: ${x}, not NaN`);
          continue;
        }
        // Back through the f64 route, and (finite non-zero) through the host's 17-digit decimal.
        const viaF64 = floatBitsFromNumber(x, kind);
        const viaText = x !== 0 && Number.isFinite(x) ? parseFloatExact(x.toPrecision(17), kind) : b;
        if (viaF64 !== b || viaText !== b) failures.push(`${kind} ${hex(b)}: ${x}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(floatBitsToNumber(0x7f7fffffn, "f32")).toBe(3.4028234663852886e38);
    expect(floatBitsToNumber(parseFloatExact("0.1", "f128")!, "f128")).toBe(0.1);
    expect(floatBitsToNumber(parseFloatExact("0.1", "f80")!, "f80")).toBe(0.1);
    expect(floatBitsToNumber(encodeFloatValue(makeLargest(getFloatSemantics("f128"), true), getFloatSemantics("f128")), "f128")).toBe(-Infinity);
    expect(floatBitsToNumber(0x1n, "f80")).toBe(0);
    expect(floatBitsToNumber(0xffc00000n, "f32")).toBeNaN();
    expect(floatBitsToNumber(0x8000n, "f16")).toBe(-0);
  });

  test("isValidFloatBits", () => {
    expect(isValidFloatBits(0n, "f4E2M1FN")).toBe(true);
    expect(isValidFloatBits(15n, "f4E2M1FN")).toBe(true);
    expect(isValidFloatBits(16n, "f4E2M1FN")).toBe(false);
    expect(isValidFloatBits(-1n, "f32")).toBe(false);
    expect(isValidFloatBits((1n << 80n) - 1n, "f80")).toBe(true);
    expect(isValidFloatBits(1n << 19n, "tf32")).toBe(false);
  });
});

//===----------------------------------------------------------------------===//
// Oracle: mlir-opt-22
//===----------------------------------------------------------------------===//

interface OracleCase {
  kind: FloatKind;
  /** The literal given to mlir-opt: `0x…` bit pattern or a decimal. */
  lit: string;
  /** Known divergence: mlir-opt prints an unencodable value as hex; compare bits instead of text. */
  compareBits?: boolean;
}

function oracleCases(): OracleCase[] {
  const rng = makeRng(0x5eed);
  const cases: OracleCase[] = [];
  for (const kind of FLOAT_KINDS) {
    const sem = getFloatSemantics(kind);
    const width = sem.bitWidth;
    // Bit patterns: exhaustive up to 8 bits, else random with extra denormals/specials.
    if (width <= 8) {
      for (let b = 0n; b < 1n << BigInt(width); b++) cases.push({ kind, lit: hex(b) });
    } else {
      for (let i = 0; i < 48; i++) {
        let b = randomBits(rng, width);
        const sigMask = (1n << BigInt(sem.significandBits)) - 1n;
        const expShift = BigInt(sem.significandBits);
        const r = rng();
        if (r < 0.15) b &= ~(((1n << BigInt(sem.exponentBits)) - 1n) << expShift); // denormal
        else if (r < 0.3) b |= ((1n << BigInt(sem.exponentBits)) - 1n) << expShift; // Inf / NaN
        else if (r < 0.4) b &= ~sigMask | 1n; // short significand
        if (sem.explicitIntegerBit && rng() < 0.7) b |= 1n << 63n;
        cases.push({ kind, lit: hex(b) });
      }
    }
    // Decimal literals, mostly within the kind's range, some beyond (overflow/underflow).
    const minE = sem.minExponent - sem.precision - 3;
    const maxE = sem.maxExponent + 3;
    for (let i = 0; i < 40; i++) {
      const wide = rng() < 0.3;
      const e2 = wide ? randomInt(rng, minE, maxE) : randomInt(rng, Math.max(minE, -1070), Math.min(maxE, 1020));
      let exp10 = Math.floor(e2 * 0.30103) + randomInt(rng, -1, 1);
      if (!sem.hasNaN) exp10 = Math.min(exp10, 300); // f64 overflow is a known divergence below
      const nDigits = randomInt(rng, 1, 25);
      let digits = String(randomInt(rng, 1, 9));
      for (let j = 1; j < nDigits; j++) digits += String(randomInt(rng, 0, 9));
      const negative = sem.hasSignedRepr && rng() < 0.4;
      const frac = digits.slice(1);
      const lit = (negative ? "-" : "") + digits[0] + "." + frac + (rng() < 0.9 ? "e" + exp10 : "");
      cases.push({ kind, lit });
    }
    // Exact midpoints between neighbours (ties), where f64 holds them exactly.
    if (sem.precision > 1 && sem.precision < 53 && sem.maxExponent < 1024) {
      for (let i = 0; i < 12; i++) {
        const b = randomBits(rng, width) & ~(1n << BigInt(width - 1));
        const lo = decodeFloatBits(b, sem);
        const hi = decodeFloatBits(b + 1n, sem);
        if (lo.category !== FloatCategory.Normal || hi.category !== FloatCategory.Normal) continue;
        const m = (lo.significand << BigInt(lo.exponent - sem.minExponent)) + (hi.significand << BigInt(hi.exponent - sem.minExponent));
        cases.push({ kind, lit: dyadicToDecimal(m, sem.minExponent - sem.precision) });
      }
    }
  }
  cases.push({ kind: "f32", lit: "1.000000059604644775390625000001" });
  cases.push({ kind: "f64", lit: "1.0e400" }, { kind: "f128", lit: "1.0e-400" }, { kind: "f80", lit: "1.0e4000" });
  cases.push({ kind: "f6E2M3FN", lit: "1.0e400", compareBits: true });
  cases.push({ kind: "f6E3M2FN", lit: "-1.0e309", compareBits: true });
  cases.push({ kind: "f4E2M1FN", lit: "1.0e500", compareBits: true });
  return cases;
}

function runMlirOpt(input: string): string {
  const r = spawnSync("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", "-"], {
    input,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  if (r.error) {
    throw new Error(
      `mlir-opt-22 could not be run (${r.error.message}). The float oracle test needs LLVM 22's ` +
        "mlir-opt on PATH (CI installs it; on Debian/Ubuntu: apt-get install mlir-22-tools).",
    );
  }
  if (r.status !== 0) throw new Error(`mlir-opt-22 failed (status ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

describe("oracle: mlir-opt-22", () => {
  test("printed values match mlir-opt byte for byte", () => {
    const cases = oracleCases();
    expect(cases.length).toBeGreaterThan(2000);
    // One op per kind; keys are zero-padded so MLIR's sorted dictionary order is irrelevant.
    const byKind = new Map<FloatKind, string[]>();
    cases.forEach((c, i) => {
      const key = "a" + String(i).padStart(5, "0");
      let list = byKind.get(c.kind);
      if (!list) byKind.set(c.kind, (list = []));
      list.push(`${key} = ${c.lit} : ${c.kind}`);
    });
    let input = "";
    for (const list of byKind.values()) input += `"x.o"() {${list.join(", ")}} : () -> ()\n`;
    const output = runMlirOpt(input);

    const printed = new Map<string, string>();
    for (const m of output.matchAll(/\b(a\d{5}) = ([^\s,}]+)/g)) printed.set(m[1]!, m[2]!);
    expect(printed.size).toBe(cases.length);

    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const got = printed.get("a" + String(i).padStart(5, "0"))!;
      const bits = parseFloatLiteral(c.lit, c.kind);
      if (bits === undefined) {
        mismatches.push(`${c.lit} : ${c.kind}: we reject it, mlir-opt prints ${got}`);
        return;
      }
      if (c.compareBits) {
        if (parseFloatLiteral(got, c.kind) !== bits) mismatches.push(`${c.lit} : ${c.kind}: bits ${hex(bits)}, mlir-opt ${got}`);
        return;
      }
      const ours = formatFloat(bits, c.kind);
      if (ours !== got) mismatches.push(`${c.lit} : ${c.kind}: ours ${ours}, mlir-opt ${got}`);
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
  });
});
