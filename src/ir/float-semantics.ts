// Float semantics: one table row per MLIR builtin float type (LLVM's fltSemantics),
// and the exact value model shared by literal parsing and printing: decoding a bit
// pattern, encoding it back, and correctly rounded conversion into a semantics.
// Behaviour follows llvm/lib/Support/APFloat.cpp (LLVM 22), quirks included.

/** The MLIR spelling of every builtin float type. */
export type FloatKind =
  | "f16"
  | "bf16"
  | "f32"
  | "f64"
  | "f80"
  | "f128"
  | "tf32"
  | "f8E5M2"
  | "f8E4M3"
  | "f8E4M3FN"
  | "f8E5M2FNUZ"
  | "f8E4M3FNUZ"
  | "f8E4M3B11FNUZ"
  | "f8E3M4"
  | "f8E8M0FNU"
  | "f6E2M3FN"
  | "f6E3M2FN"
  | "f4E2M1FN";

/** How Inf and NaN are represented (LLVM's fltNonfiniteBehavior). */
export type NonFiniteBehavior =
  /** Inf and NaN as in IEEE 754: exponent all ones. */
  | "ieee754"
  /** No Inf; results that would be Inf become NaN (the FN / FNUZ / FNU f8 types). */
  | "nan-only"
  /** Neither Inf nor NaN (the f6 and f4 types). */
  | "finite-only";

/** How NaN is encoded (LLVM's fltNanEncoding). */
export type NanEncoding =
  /** Exponent all ones, significand non-zero. */
  | "ieee"
  /** Exponent and significand all ones (f8E4M3FN, f8E8M0FNU). */
  | "all-ones"
  /** The negative-zero pattern `0b1000…0` (the FNUZ types); there is no -0. */
  | "negative-zero";

/** One row of the semantics table. All fields are fixed per kind. */
export interface FloatSemantics {
  readonly kind: FloatKind;
  /** Storage width in bits (80 for f80, 19 for tf32, 6 for f6…). */
  readonly bitWidth: number;
  /** Significand bits including the integer (hidden) bit. */
  readonly precision: number;
  /** Smallest E such that 2^E is a normal number. */
  readonly minExponent: number;
  /** Largest E such that 2^E is representable. */
  readonly maxExponent: number;
  readonly nonFinite: NonFiniteBehavior;
  readonly nanEncoding: NanEncoding;
  readonly hasInf: boolean;
  readonly hasNaN: boolean;
  /** False only for f8E8M0FNU, whose all-zero pattern is 2^-127. */
  readonly hasZero: boolean;
  /** False only for f8E8M0FNU (no sign bit). */
  readonly hasSignedRepr: boolean;
  /** True when -0 has its own encoding (not for FNUZ types nor f8E8M0FNU). */
  readonly hasSignedZero: boolean;
  /** f80 stores the integer bit; every other kind hides it. */
  readonly explicitIntegerBit: boolean;
  /** Exponent bias of the encoding: stored exponent = E + bias for normals. */
  readonly bias: number;
  /** Width of the stored exponent field. */
  readonly exponentBits: number;
  /** Width of the stored significand field (precision - 1, or 64 for f80). */
  readonly significandBits: number;
}

function row(
  kind: FloatKind,
  maxExponent: number,
  minExponent: number,
  precision: number,
  bitWidth: number,
  nonFinite: NonFiniteBehavior = "ieee754",
  nanEncoding: NanEncoding = "ieee",
): FloatSemantics {
  const isE8M0 = kind === "f8E8M0FNU";
  const explicitIntegerBit = kind === "f80";
  const significandBits = explicitIntegerBit ? precision : precision - 1;
  const hasZero = !isE8M0;
  const hasSignedRepr = !isE8M0;
  return Object.freeze({
    kind,
    bitWidth,
    precision,
    minExponent,
    maxExponent,
    nonFinite,
    nanEncoding,
    hasInf: nonFinite === "ieee754",
    hasNaN: nonFinite !== "finite-only",
    hasZero,
    hasSignedRepr,
    hasSignedZero: hasZero && hasSignedRepr && nanEncoding !== "negative-zero",
    explicitIntegerBit,
    // APFloat: E8M0 has no denormals, so its bias is -minExponent, not 1 - minExponent.
    bias: isE8M0 ? -minExponent : 1 - minExponent,
    exponentBits: bitWidth - significandBits - (hasSignedRepr ? 1 : 0),
    significandBits,
  });
}

// Arguments in APFloat.cpp's order: maxExponent, minExponent, precision, sizeInBits.
const TABLE: { readonly [K in FloatKind]: FloatSemantics } = {
  f16: row("f16", 15, -14, 11, 16),
  bf16: row("bf16", 127, -126, 8, 16),
  f32: row("f32", 127, -126, 24, 32),
  f64: row("f64", 1023, -1022, 53, 64),
  f80: row("f80", 16383, -16382, 64, 80),
  f128: row("f128", 16383, -16382, 113, 128),
  tf32: row("tf32", 127, -126, 11, 19),
  f8E5M2: row("f8E5M2", 15, -14, 3, 8),
  f8E4M3: row("f8E4M3", 7, -6, 4, 8),
  f8E4M3FN: row("f8E4M3FN", 8, -6, 4, 8, "nan-only", "all-ones"),
  f8E5M2FNUZ: row("f8E5M2FNUZ", 15, -15, 3, 8, "nan-only", "negative-zero"),
  f8E4M3FNUZ: row("f8E4M3FNUZ", 7, -7, 4, 8, "nan-only", "negative-zero"),
  f8E4M3B11FNUZ: row("f8E4M3B11FNUZ", 4, -10, 4, 8, "nan-only", "negative-zero"),
  f8E3M4: row("f8E3M4", 3, -2, 5, 8),
  f8E8M0FNU: row("f8E8M0FNU", 127, -127, 1, 8, "nan-only", "all-ones"),
  f6E2M3FN: row("f6E2M3FN", 2, 0, 4, 6, "finite-only"),
  f6E3M2FN: row("f6E3M2FN", 4, -2, 3, 6, "finite-only"),
  f4E2M1FN: row("f4E2M1FN", 2, 0, 2, 4, "finite-only"),
};

/** Every float kind, in the order of the FloatKind union. */
export const FLOAT_KINDS: readonly FloatKind[] = Object.freeze(Object.keys(TABLE) as FloatKind[]);

/** The semantics of `kind`. O(1). */
export function getFloatSemantics(kind: FloatKind): FloatSemantics {
  return TABLE[kind];
}

/** Type guard for MLIR float type spellings (`"f32"` → true, `"f31"` → false). O(1). */
export function isFloatKind(name: string): name is FloatKind {
  return Object.prototype.hasOwnProperty.call(TABLE, name);
}

//===----------------------------------------------------------------------===//
// Value model
//===----------------------------------------------------------------------===//

/** APFloat's fltCategory. */
export const enum FloatCategory {
  Zero = 0,
  Normal = 1,
  Infinity = 2,
  NaN = 3,
}

/**
 * An APFloat-shaped value. For Normal: magnitude = significand × 2^(exponent − precision + 1),
 * with significand < 2^precision; denormals have exponent = minExponent and no integer bit.
 * For NaN: significand holds the payload bits as stored. Zero and Infinity ignore both.
 */
export interface FloatValue {
  readonly category: FloatCategory;
  readonly negative: boolean;
  readonly exponent: number;
  readonly significand: bigint;
}

/** Fraction of one unit in the last kept place that a truncation dropped (APFloat's lostFraction). */
export const enum LostFraction {
  ExactlyZero = 0,
  LessThanHalf = 1,
  ExactlyHalf = 2,
  MoreThanHalf = 3,
}

/** Number of bits needed to write `n` (0 for 0). Precondition: n ≥ 0. O(bits). */
export function bitLength(n: bigint): number {
  if (n === 0n) return 0;
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** Number of trailing zero bits of `n`. Precondition: n > 0. O(bits). */
export function countTrailingZeros(n: bigint): number {
  return bitLength(n & -n) - 1;
}

function value(category: FloatCategory, negative: boolean, exponent: number, significand: bigint): FloatValue {
  return { category, negative, exponent, significand };
}

/** The value whose pattern is all zeros for f8E8M0FNU, or the smallest normal elsewhere. */
export function makeSmallestNormalized(sem: FloatSemantics, negative: boolean): FloatValue {
  return value(FloatCategory.Normal, negative, sem.minExponent, 1n << BigInt(sem.precision - 1));
}

/** The largest finite magnitude (all-ones-except-LSB significand for E4M3FN, whose all-ones is NaN). */
export function makeLargest(sem: FloatSemantics, negative: boolean): FloatValue {
  let sig = (1n << BigInt(sem.precision)) - 1n;
  if (sem.nonFinite === "nan-only" && sem.nanEncoding === "all-ones" && sem.precision > 1) sig &= ~1n;
  return value(FloatCategory.Normal, negative, sem.maxExponent, sig);
}

/**
 * APFloat::makeZero plus normalize()'s canonicalisation: FNUZ zeros are positive, and a
 * semantics without zero yields its smallest normal (+2^-127 for f8E8M0FNU).
 */
export function makeZero(sem: FloatSemantics, negative: boolean): FloatValue {
  if (!sem.hasZero) return makeSmallestNormalized(sem, false);
  return value(FloatCategory.Zero, sem.nanEncoding === "negative-zero" ? false : negative, 0, 0n);
}

/**
 * APFloat::makeNaN(SNaN = false, negative): the default quiet NaN (`0x7FC00000` for f32,
 * `0x7FFFC000000000000000` for f80, `0x80` for FNUZ, `0x7F`/`0xFF` for E4M3FN, `0xFF` for E8M0).
 * Precondition: sem.hasNaN.
 */
export function makeNaN(sem: FloatSemantics, negative: boolean): FloatValue {
  const p = sem.precision;
  if (sem.nonFinite === "nan-only") {
    if (sem.nanEncoding === "negative-zero") return value(FloatCategory.NaN, true, 0, 0n);
    // All-ones fill; for precision 1 the fill is empty and the QNaN bit (bit 0) is set instead.
    return value(FloatCategory.NaN, negative, 0, p > 1 ? (1n << BigInt(p - 1)) - 1n : 1n);
  }
  let sig = 1n << BigInt(p >= 2 ? p - 2 : 0);
  if (sem.explicitIntegerBit) sig |= 1n << BigInt(p - 1); // a real NaN, not an x87 pseudo-NaN
  return value(FloatCategory.NaN, negative, 0, sig);
}

/** IEEEFloat::handleOverflow under round-to-nearest: Inf, NaN (nan-only) or the largest finite. */
export function makeOverflow(sem: FloatSemantics, negative: boolean): FloatValue {
  if (sem.nonFinite === "finite-only") return makeLargest(sem, negative);
  if (sem.nonFinite === "nan-only") return makeNaN(sem, negative);
  return value(FloatCategory.Infinity, negative, 0, 0n);
}

/** APFloat's combineLostFractions. */
function combineLost(moreSignificant: LostFraction, lessSignificant: LostFraction): LostFraction {
  if (lessSignificant !== LostFraction.ExactlyZero) {
    if (moreSignificant === LostFraction.ExactlyZero) return LostFraction.LessThanHalf;
    if (moreSignificant === LostFraction.ExactlyHalf) return LostFraction.MoreThanHalf;
  }
  return moreSignificant;
}

/** The fraction lost by dropping the low `bits` bits of `n`. Precondition: bits ≥ 1. */
function lostThroughTruncation(n: bigint, bits: number): LostFraction {
  const dropped = n & ((1n << BigInt(bits)) - 1n);
  if (dropped === 0n) return LostFraction.ExactlyZero;
  const half = 1n << BigInt(bits - 1);
  if (dropped === half) return LostFraction.ExactlyHalf;
  return dropped > half ? LostFraction.MoreThanHalf : LostFraction.LessThanHalf;
}

/**
 * Rounds (significand + lost) × 2^exp2 into `sem`, round-to-nearest-even, the way
 * IEEEFloat::normalize does: overflow per makeOverflow, E4M3FN's all-ones pattern counts
 * as overflow, underflow to makeZero. Precondition: significand ≥ 0; if `lost` is not
 * ExactlyZero the significand has at least precision + 1 bits or lies in the denormal
 * range (so no left shift is needed). Cost O(bits of significand).
 */
export function roundToSemantics(
  sem: FloatSemantics,
  negative: boolean,
  significand: bigint,
  exp2: number,
  lost: LostFraction,
): FloatValue {
  const p = sem.precision;
  const omsb = bitLength(significand);
  if (omsb === 0) {
    // Callers pass non-zero significands; a zero one just rounds to zero.
    return makeZero(sem, negative);
  }
  let exponent = exp2 + omsb - 1;
  if (exponent > sem.maxExponent) return makeOverflow(sem, negative);
  if (exponent < sem.minExponent) exponent = sem.minExponent;
  const shift = exponent - (p - 1) - exp2;
  let sig: bigint;
  if (shift > 0) {
    lost = combineLost(lostThroughTruncation(significand, shift), lost);
    sig = significand >> BigInt(shift);
  } else {
    sig = significand << BigInt(-shift);
  }
  const allOnesIsNaN = sem.nonFinite === "nan-only" && sem.nanEncoding === "all-ones" && p > 1;
  const allOnes = (1n << BigInt(p)) - 1n;
  if (allOnesIsNaN && exponent === sem.maxExponent && sig === allOnes) return makeOverflow(sem, negative);
  if (lost === LostFraction.MoreThanHalf || (lost === LostFraction.ExactlyHalf && (sig & 1n) === 1n)) {
    sig += 1n;
    if (sig === 1n << BigInt(p)) {
      if (exponent === sem.maxExponent) return makeOverflow(sem, negative);
      sig >>= 1n;
      exponent++;
    }
    if (allOnesIsNaN && exponent === sem.maxExponent && sig === allOnes) return makeOverflow(sem, negative);
  }
  if (sig === 0n) return makeZero(sem, negative);
  return value(FloatCategory.Normal, negative, exponent, sig);
}

/**
 * Decodes a bit pattern as APFloat(sem, APInt) does. Precondition: 0 ≤ bits < 2^bitWidth.
 * x87 quirks kept: pseudo-infinities, pseudo-NaNs and unnormals decode as NaN; pseudo-denormals
 * as normals. O(bitWidth).
 */
export function decodeFloatBits(bits: bigint, sem: FloatSemantics): FloatValue {
  const p = sem.precision;
  const sigBits = BigInt(sem.significandBits);
  const mant = bits & ((1n << sigBits) - 1n);
  const expField = Number((bits >> sigBits) & ((1n << BigInt(sem.exponentBits)) - 1n));
  if (!sem.hasSignedRepr) {
    // f8E8M0FNU: 8 exponent bits, no sign, no zero; 0xFF is NaN.
    if (expField === 0xff) return value(FloatCategory.NaN, false, 0, 1n);
    return value(FloatCategory.Normal, false, expField - sem.bias, 1n);
  }
  const negative = (bits >> BigInt(sem.bitWidth - 1)) === 1n;
  const expNaNField = sem.maxExponent + 1 + sem.bias;
  if (sem.explicitIntegerBit) {
    const integerBit = 1n << BigInt(p - 1);
    if (expField === 0 && mant === 0n) return makeZero(sem, negative);
    if (expField === expNaNField && mant === integerBit) return value(FloatCategory.Infinity, negative, 0, 0n);
    if (expField === expNaNField || (expField !== 0 && (mant & integerBit) === 0n)) {
      return value(FloatCategory.NaN, negative, 0, mant);
    }
    return value(FloatCategory.Normal, negative, expField === 0 ? sem.minExponent : expField - sem.bias, mant);
  }
  if (sem.nonFinite === "ieee754" && expField === expNaNField && mant === 0n) {
    return value(FloatCategory.Infinity, negative, 0, 0n);
  }
  let isNaN = false;
  if (sem.nanEncoding === "ieee") isNaN = expField === expNaNField && mant !== 0n;
  else if (sem.nanEncoding === "all-ones") isNaN = expField === sem.maxExponent + sem.bias && mant === (1n << sigBits) - 1n;
  else isNaN = expField === 0 && mant === 0n && negative;
  if (isNaN) return value(FloatCategory.NaN, negative, 0, mant);
  if (expField === 0 && mant === 0n) return makeZero(sem, negative);
  if (expField === 0) return value(FloatCategory.Normal, negative, sem.minExponent, mant);
  return value(FloatCategory.Normal, negative, expField - sem.bias, mant | (1n << sigBits));
}

/** The stored exponent field APFloat uses for NaN (exponentNaN() + bias). */
function nanExponentField(sem: FloatSemantics): number {
  if (sem.nonFinite === "nan-only") {
    if (sem.nanEncoding === "negative-zero") return 0;
    if (sem.hasSignedRepr) return sem.maxExponent + sem.bias;
  }
  return sem.maxExponent + 1 + sem.bias;
}

/**
 * Encodes a value as APFloat::bitcastToAPInt does. Values a semantics cannot hold give
 * what LLVM's release build computes: Inf in a finite-only type encodes with its exponent
 * field wrapped (`+Inf : f6E2M3FN` → 0x0), and a negative f8E8M0FNU sets bit 7. O(bitWidth).
 */
export function encodeFloatValue(v: FloatValue, sem: FloatSemantics): bigint {
  const p = sem.precision;
  const sigBits = BigInt(sem.significandBits);
  let expField: number;
  let mant: bigint;
  switch (v.category) {
    case FloatCategory.Normal:
      expField = v.exponent + sem.bias;
      mant = v.significand;
      if (expField === 1 && (mant & (1n << BigInt(p - 1))) === 0n) expField = 0; // denormal
      break;
    case FloatCategory.Zero:
      expField = 0;
      mant = 0n;
      break;
    case FloatCategory.Infinity:
      expField = sem.maxExponent + 1 + sem.bias;
      mant = sem.explicitIntegerBit ? 1n << BigInt(p - 1) : 0n;
      break;
    default:
      expField = nanExponentField(sem);
      mant = v.significand;
      break;
  }
  const expMask = (1n << BigInt(sem.exponentBits)) - 1n;
  let bits = (mant & ((1n << sigBits) - 1n)) | ((BigInt(expField) & expMask) << sigBits);
  if (v.negative) bits |= 1n << BigInt(sem.bitWidth - 1);
  return bits;
}

function isSignaling(v: FloatValue, sem: FloatSemantics): boolean {
  if (v.category !== FloatCategory.NaN || sem.nonFinite !== "ieee754") return false;
  return ((v.significand >> BigInt(sem.precision - 2)) & 1n) === 0n;
}

/**
 * IEEEFloat::convert under round-to-nearest-even: finite values are rounded exactly;
 * Inf becomes NaN in nan-only types and stays Inf (unencodable) in finite-only ones; NaN
 * payloads are shifted, quieted, and replaced by the default NaN for nan-only targets.
 * Precondition: not a NaN into a finite-only semantics. O(bits).
 */
export function convertFloatValue(v: FloatValue, from: FloatSemantics, to: FloatSemantics): FloatValue {
  switch (v.category) {
    case FloatCategory.Normal:
      return roundToSemantics(to, v.negative, v.significand, v.exponent - (from.precision - 1), LostFraction.ExactlyZero);
    case FloatCategory.Zero:
      return makeZero(to, v.negative);
    case FloatCategory.Infinity:
      return to.nonFinite === "nan-only" ? makeNaN(to, v.negative) : v;
    default: {
      if (to.nonFinite === "nan-only") return makeNaN(to, v.negative);
      if (from.nanEncoding === "negative-zero") return makeNaN(to, false);
      const shift = to.precision - from.precision;
      let sig = shift >= 0 ? v.significand << BigInt(shift) : v.significand >> BigInt(-shift);
      sig &= (1n << BigInt(to.precision)) - 1n;
      if (to.explicitIntegerBit) sig |= 1n << BigInt(to.precision - 1);
      if (isSignaling(v, from)) sig |= 1n << BigInt(to.precision - 2);
      return value(FloatCategory.NaN, v.negative, 0, sig);
    }
  }
}

/** APFloat::bitwiseIsEqual: same category, sign, and (for normals and NaN) representation. */
export function isBitwiseEqual(a: FloatValue, b: FloatValue): boolean {
  if (a.category !== b.category || a.negative !== b.negative) return false;
  if (a.category === FloatCategory.Zero || a.category === FloatCategory.Infinity) return true;
  if (a.category === FloatCategory.Normal && a.exponent !== b.exponent) return false;
  return a.significand === b.significand;
}
