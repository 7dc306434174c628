// Float bit patterns as JS numbers, without BigInt: the parse-side fast path
// for float literals. MLIR rounds a literal's text to f64 first and then to the
// type (nearest-even); JS number parsing does the first step, and the second is
// exact integer arithmetic on doubles here. Kinds this does not cover
// (non-IEEE encodings, f64/f80/f128) keep using float-format.ts.

import { getFloatSemantics, type FloatKind, type FloatSemantics } from "./float-semantics.js";

const f64Scratch = new Float64Array(1);
const f64Words = new Uint32Array(f64Scratch.buffer);
const f32Scratch = new Float32Array(1);
const f32Word = new Uint32Array(f32Scratch.buffer);
/** Index of the high 32-bit word of a double in f64Words (platform byte order). */
const kHighWord = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * True for kinds whose bits fit a JS number exactly and that follow IEEE 754's
 * encoding (hidden integer bit, Inf and NaN with an all-ones exponent):
 * f16, bf16, tf32, f32, f8E5M2, f8E4M3, f8E3M4.
 */
export function hasNumberBits(sem: FloatSemantics): boolean {
  return sem.nonFinite === "ieee754" && !sem.explicitIntegerBit && sem.bitWidth <= 32;
}

/**
 * The bit pattern of `x` rounded (nearest-even) into a kind accepted by
 * hasNumberBits: overflow gives ±Inf, underflow ±0, as APFloat::convert. -1
 * for NaN (callers take the exact path, which picks the kind's default NaN).
 * O(1), no allocation.
 */
export function ieeeBitsFromNumber(x: number, sem: FloatSemantics): number {
  if (x !== x) return -1;
  if (sem.bitWidth === 32) {
    f32Scratch[0] = x;
    return f32Word[0]!;
  }
  const signBit = 2 ** (sem.bitWidth - 1);
  const negative = x < 0 || (x === 0 && 1 / x < 0);
  const a = negative ? -x : x;
  const hidden = 2 ** (sem.precision - 1);
  const infBits = (2 ** sem.exponentBits - 1) * hidden;
  let bits: number;
  if (a === 0) {
    bits = 0;
  } else if (a === Infinity) {
    bits = infBits;
  } else {
    f64Scratch[0] = a;
    // Unbiased binary exponent of `a` (f64 subnormals read as -1023: far below any kind here).
    const e = ((f64Words[kHighWord]! >>> 20) & 0x7ff) - 1023;
    const normal = e >= sem.minExponent;
    // `a` in units of the target's last place; scaling by a power of two is exact.
    const m = a * 2 ** ((sem.precision - 1) - (normal ? e : sem.minExponent));
    const floor = Math.floor(m);
    const rest = m - floor;
    const r = rest > 0.5 || (rest === 0.5 && floor % 2 === 1) ? floor + 1 : floor;
    // A carry out of the significand (r = 2·hidden) moves into the exponent field by itself.
    bits = normal ? (e + sem.bias) * hidden + r - hidden : r;
    if (bits > infBits) bits = infBits;
  }
  return negative ? bits + signBit : bits;
}

/** ieeeBitsFromNumber for a kind, or -1 when the kind has no number fast path. */
export function numberBitsOfKind(x: number, kind: FloatKind): number {
  const sem = getFloatSemantics(kind);
  return hasNumberBits(sem) ? ieeeBitsFromNumber(x, sem) : -1;
}

/** The high and low 32-bit words of the f64 `x` (NaN payloads kept as the host stores them). */
export function f64HighWord(x: number): number {
  f64Scratch[0] = x;
  return f64Words[kHighWord]!;
}
export function f64LowWord(x: number): number {
  f64Scratch[0] = x;
  return f64Words[1 - kHighWord]!;
}
