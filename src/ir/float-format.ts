// Float literals: parse MLIR float literal text to a bit pattern and print a bit pattern
// exactly as mlir-opt's printFloatValue does (mlir/lib/IR/AsmPrinter.cpp), for every
// builtin float kind. Decimal conversion is exact (BigInt), like APFloat's.

import {
  FloatCategory,
  LostFraction,
  bitLength,
  convertFloatValue,
  countTrailingZeros,
  decodeFloatBits,
  encodeFloatValue,
  getFloatSemantics,
  isBitwiseEqual,
  makeOverflow,
  makeZero,
  roundToSemantics,
  type FloatKind,
  type FloatSemantics,
  type FloatValue,
} from "./float-semantics.js";

export type { FloatKind, FloatSemantics } from "./float-semantics.js";
export { FLOAT_KINDS, getFloatSemantics, isFloatKind } from "./float-semantics.js";

const enum Ch {
  Plus = 0x2b,
  Minus = 0x2d,
  Dot = 0x2e,
  _0 = 0x30,
  _9 = 0x39,
  A = 0x41,
  E = 0x45,
  F = 0x46,
  a = 0x61,
  e = 0x65,
  f = 0x66,
  x = 0x78,
}

const F64 = getFloatSemantics("f64");

/** Reinterprets host numbers as bits and back. */
const scratch = new DataView(new ArrayBuffer(8));

//===----------------------------------------------------------------------===//
// Decimal text → value (APFloat::convertFromString, decimal branch)
//===----------------------------------------------------------------------===//

/** A scanned decimal: value = digits × 10^exp10; `digits` has no leading/trailing zeros ("" is zero). */
interface Decimal {
  negative: boolean;
  digits: string;
  exp10: number;
}

function isDigit(c: number): boolean {
  return c >= Ch._0 && c <= Ch._9;
}

/**
 * Scans `[-+]?[0-9]+([.][0-9]*([eE][-+]?[0-9]+)?)?` (the MLIR float literal with its sign,
 * or a decimal integer). Exponent magnitudes saturate at 24000 as in APFloat's readExponent.
 * Returns undefined on any other text. O(length).
 */
function scanDecimal(text: string): Decimal | undefined {
  const n = text.length;
  let i = 0;
  let negative = false;
  let c = text.charCodeAt(0);
  if (c === Ch.Minus || c === Ch.Plus) {
    negative = c === Ch.Minus;
    i++;
  }
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return undefined;
  const intEnd = i;
  let fracEnd = i;
  let exp = 0;
  if (i < n && text.charCodeAt(i) === Ch.Dot) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    fracEnd = i;
    c = text.charCodeAt(i);
    if (i < n && (c === Ch.e || c === Ch.E)) {
      i++;
      let expNegative = false;
      c = text.charCodeAt(i);
      if (c === Ch.Minus || c === Ch.Plus) {
        expNegative = c === Ch.Minus;
        i++;
      }
      const expStart = i;
      while (i < n && isDigit(text.charCodeAt(i))) {
        if (exp < 24000) exp = Math.min(24000, exp * 10 + (text.charCodeAt(i) - Ch._0));
        i++;
      }
      if (i === expStart) return undefined;
      if (expNegative) exp = -exp;
    }
  }
  if (i !== n) return undefined;
  let digits = text.substring(intStart, intEnd) + text.substring(intEnd + 1, fracEnd);
  let exp10 = exp - Math.max(0, fracEnd - intEnd - 1);
  let first = 0;
  while (first < digits.length && digits.charCodeAt(first) === Ch._0) first++;
  let last = digits.length;
  while (last > first && digits.charCodeAt(last - 1) === Ch._0) last--;
  exp10 += digits.length - last;
  digits = digits.substring(first, last);
  return { negative, digits, exp10 };
}

/**
 * Correctly rounded (nearest-even) conversion of a scanned decimal into `sem`, with
 * APFloat's early outs: a literal that certainly overflows gives makeOverflow, one that
 * certainly underflows gives makeZero. Cost: BigInt work proportional to the digit count
 * plus the decimal exponent (bounded by the semantics' range after the early outs).
 */
function decimalToValue(d: Decimal, sem: FloatSemantics): FloatValue {
  if (d.digits.length === 0) return makeZero(sem, d.negative);
  // Bounds from convertFromDecimalString: 42039/12655 < log2(10) < 28738/8651.
  const normalizedExp = d.exp10 + d.digits.length - 1;
  if ((normalizedExp + 1) * 28738 <= 8651 * (sem.minExponent - sem.precision)) return makeZero(sem, d.negative);
  if ((normalizedExp - 1) * 42039 >= 12655 * sem.maxExponent) return makeOverflow(sem, d.negative);
  const digits = BigInt(d.digits);
  if (d.exp10 >= 0) {
    return roundToSemantics(sem, d.negative, digits * 5n ** BigInt(d.exp10), d.exp10, LostFraction.ExactlyZero);
  }
  // digits / 10^e == (digits / 5^e) · 2^-e. Scale so the quotient has at least
  // precision + 2 bits: rounding then only shifts right.
  const den = 5n ** BigInt(-d.exp10);
  const k = Math.max(0, sem.precision + 2 + bitLength(den) - bitLength(digits));
  const num = digits << BigInt(k);
  const q = num / den;
  const twiceRem = (num - q * den) * 2n;
  const lost =
    twiceRem === 0n
      ? LostFraction.ExactlyZero
      : twiceRem < den
        ? LostFraction.LessThanHalf
        : twiceRem === den
          ? LostFraction.ExactlyHalf
          : LostFraction.MoreThanHalf;
  return roundToSemantics(sem, d.negative, q, d.exp10 - k, lost);
}

//===----------------------------------------------------------------------===//
// Value → decimal text (APFloat::toString)
//===----------------------------------------------------------------------===//

/** A finite non-zero value as an exact decimal: magnitude = scaled × 10^exp10. */
interface ExactDecimal {
  negative: boolean;
  scaled: bigint;
  exp10: number;
  /** bitLength(scaled), which drives APFloat's digit truncation. */
  bits: number;
}

/** The binary-to-decimal step of APFloat::toString: N·2^e as N·2^e·10^0 or N·5^-e·10^e. */
function toExactDecimal(v: FloatValue, sem: FloatSemantics): ExactDecimal {
  let exp = v.exponent - (sem.precision - 1);
  let sig = v.significand;
  const tz = countTrailingZeros(sig);
  exp += tz;
  sig >>= BigInt(tz);
  if (exp > 0) {
    sig <<= BigInt(exp);
    exp = 0;
  } else if (exp < 0) {
    sig *= 5n ** BigInt(-exp); // N·2^-e == N·5^e·10^-e
  }
  return { negative: v.negative, scaled: sig, exp10: exp, bits: bitLength(sig) };
}

/**
 * IEEEFloat::toString for a Zero value (`d` undefined) or a finite non-zero one. `precision`
 * 0 means the natural 2 + precision·59/196 digits. Digits beyond the requested precision are
 * first truncated in binary, then rounded half-up on the next decimal digit, as APFloat does.
 */
function valueToString(
  d: ExactDecimal | undefined,
  negative: boolean,
  sem: FloatSemantics,
  formatPrecision: number,
  formatMaxPadding: number,
  truncateZero: boolean,
): string {
  const sign = negative ? "-" : "";
  if (!d) {
    if (formatMaxPadding) return sign + "0";
    if (truncateZero) return sign + "0.0E+0";
    return sign + "0.0" + "0".repeat(Math.max(0, formatPrecision - 1)) + "e+00";
  }
  if (!formatPrecision) formatPrecision = 2 + Math.floor((sem.precision * 59) / 196);

  // Drop decimal digits that cannot matter (floor division, as AdjustToPrecision(APInt&)).
  // Dividing instead of printing every digit keeps huge f80/f128 exponents cheap.
  let exp = d.exp10;
  const bitsRequired = Math.floor((formatPrecision * 196 + 58) / 59);
  let digits: string;
  if (d.bits > bitsRequired) {
    const tensRemovable = Math.floor(((d.bits - bitsRequired) * 59) / 196);
    digits = (d.scaled / 10n ** BigInt(tensRemovable)).toString();
    exp += tensRemovable;
  } else {
    digits = d.scaled.toString();
  }
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === Ch._0) end--;
  exp += digits.length - end;
  digits = digits.substring(0, end);

  // Round to formatPrecision digits, half-up on the first dropped digit.
  const n = digits.length;
  if (n > formatPrecision) {
    let kept = formatPrecision;
    if (digits.charCodeAt(formatPrecision) < Ch._0 + 5) {
      while (digits.charCodeAt(kept - 1) === Ch._0) kept--; // the leading digit is never 0
      digits = digits.substring(0, kept);
    } else {
      // Carry: trailing 9s become dropped zeros; all 9s round to a single 1.
      while (kept > 0 && digits.charCodeAt(kept - 1) === Ch._0 + 9) kept--;
      digits = kept === 0 ? "1" : digits.substring(0, kept - 1) + String.fromCharCode(digits.charCodeAt(kept - 1) + 1);
    }
    exp += n - kept;
  }

  return layoutDecimal(sign, digits, exp, formatPrecision, formatMaxPadding, truncateZero);
}

/**
 * The layout step of IEEEFloat::toString: `digits` (no trailing zeros) × 10^`exp`
 * in scientific or plain form, after the rounding to `formatPrecision` digits.
 */
function layoutDecimal(sign: string, digits: string, exp: number, formatPrecision: number, formatMaxPadding: number, truncateZero: boolean): string {
  const nDigits = digits.length;
  let scientific: boolean;
  if (!formatMaxPadding) {
    scientific = true;
  } else if (exp >= 0) {
    scientific = exp > formatMaxPadding || nDigits + exp > formatPrecision;
  } else {
    const msd = exp + nDigits - 1;
    scientific = msd >= 0 ? false : -msd > formatMaxPadding;
  }

  if (scientific) {
    exp += nDigits - 1;
    let s = sign + digits[0] + ".";
    s += nDigits === 1 && truncateZero ? "0" : digits.substring(1);
    if (!truncateZero && formatPrecision > nDigits - 1) s += "0".repeat(formatPrecision - nDigits + 1);
    s += truncateZero ? "E" : "e";
    s += exp >= 0 ? "+" : "-";
    const mag = String(Math.abs(exp));
    return s + (!truncateZero && mag.length < 2 ? "0" + mag : mag);
  }
  if (exp >= 0) return sign + digits + "0".repeat(exp);
  const whole = exp + nDigits;
  if (whole > 0) return sign + digits.substring(0, whole) + "." + digits.substring(whole);
  return sign + "0." + "0".repeat(-whole) + digits;
}

//===----------------------------------------------------------------------===//
// Value → decimal text with host arithmetic (f64 and f32)
//===----------------------------------------------------------------------===//
//
// APFloat::toString(precision P) = round half-up at digit P+1 of the exact decimal
// expansion, except that it first drops the last t digits by floor division, with
// t from the bit length of the scaled significand. If K = (digits of the expansion) − t
// exceeds P, the rounding digit survives and the result is JS's toExponential(P − 1),
// which rounds the exact value half-up; otherwise APFloat truncates to K digits, which
// toExponential gives when the digits after them are not all 9s (checked on 4 guard
// digits). Digit counts come from logarithms, which are far from integers except in
// rare cases that take the exact path.

const kLog2Of5 = Math.log2(5);
const kLog10Of5 = Math.log10(5);
const kLog10Of2 = Math.log10(2);
/** Logarithms this close to an integer are not trusted for a floor (their error is < 1e-12). */
const kLogSlack = 1e-9;
const kGuardDigits = 4;

/** APFloat's digit string (no trailing zeros) and exponent: value = digits × 10^exp. */
interface DecimalDigits {
  digits: string;
  exp: number;
}
const digitScratch: DecimalDigits = { digits: "", exp: 0 };

function countTrailingZeros32(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/** floor(l) + 1, or -1 when `l` is too close to an integer to be sure. */
function digitCountFromLog(l: number): number {
  const f = Math.floor(l);
  if (l - f < kLogSlack || f + 1 - l < kLogSlack) return -1;
  return f + 1;
}

/**
 * APFloat's digits of `a` (finite, > 0) at `precision` significant digits into `out`.
 * False when host arithmetic cannot be sure (the caller then takes the exact path).
 */
function hostDigits(a: number, precision: number, out: DecimalDigits): boolean {
  // a = sig × 2^e with sig odd (the form APFloat's toString scales).
  scratch.setFloat64(0, a);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = hi >>> 20;
  let sigHi = hi & 0xfffff;
  let e = -1074;
  if (biased !== 0) {
    sigHi |= 0x100000;
    e = biased - 1075;
  }
  const tz = lo !== 0 ? countTrailingZeros32(lo) : 32 + countTrailingZeros32(sigHi);
  const sig = (sigHi * 4294967296 + lo) / 2 ** tz;
  e += tz;

  // bits: bit length of the scaled significand; numDigits: its decimal digits.
  let bits: number;
  let numDigits: number;
  if (e >= 0) {
    bits = (sig >= 4294967296 ? 64 - Math.clz32(Math.floor(sig / 4294967296)) : 32 - Math.clz32(sig)) + e;
    numDigits = a < 2 ** 53 ? String(a).length : digitCountFromLog(Math.log10(sig) + e * kLog10Of2);
  } else {
    bits = digitCountFromLog(Math.log2(sig) - e * kLog2Of5);
    numDigits = digitCountFromLog(Math.log10(sig) - e * kLog10Of5);
  }
  if (bits < 0 || numDigits < 0) return false;
  const bitsRequired = Math.floor((precision * 196 + 58) / 59);
  const tensRemovable = bits > bitsRequired ? Math.floor(((bits - bitsRequired) * 59) / 196) : 0;
  const kept = numDigits - tensRemovable;
  if (kept < 1) return false;

  // Three cases: rounding at digit precision + 1; every digit kept (exact, nothing to
  // round); truncation after `kept` digits.
  let mantissa: string;
  let exp10: number;
  let count: number;
  if (kept > precision || tensRemovable === 0) {
    count = kept > precision ? precision : kept;
    const text = a.toExponential(count - 1);
    const ePos = text.indexOf("e");
    mantissa = ePos === 1 ? text.substring(0, 1) : text.charAt(0) + text.substring(2, ePos);
    exp10 = Number(text.substring(ePos + 1));
  } else {
    count = kept;
    const exact = exactDigits(a, numDigits, kept);
    if (exact === undefined) return false;
    mantissa = exact;
    exp10 = exactExp10;
  }
  let end = count;
  while (end > 1 && mantissa.charCodeAt(end - 1) === Ch._0) end--;
  out.digits = mantissa.substring(0, end);
  out.exp = exp10 - (end - 1);
  return true;
}

/** The decimal exponent of exactDigits' first digit. */
let exactExp10 = 0;

/**
 * At least the first `kept` digits of `a`'s exact decimal expansion (of `numDigits`
 * digits) unrounded, setting exactExp10; undefined when host arithmetic cannot give them.
 * Tries `kept` + 4 correctly rounded digits first: they are the truncated ones unless
 * the 4 guard digits are all 0 (a carry out of a run of 9s, or real zeros).
 */
function exactDigits(a: number, numDigits: number, kept: number): string | undefined {
  if (Number.isSafeInteger(a)) {
    exactExp10 = numDigits - 1;
    return String(a);
  }
  let wanted = Math.min(numDigits, kept + kGuardDigits);
  for (;;) {
    const text = a.toExponential(wanted - 1);
    const ePos = text.indexOf("e");
    const mantissa = text.charAt(0) + text.substring(2, ePos);
    exactExp10 = Number(text.substring(ePos + 1));
    if (wanted === numDigits) return mantissa; // every digit: nothing was rounded
    let allZero = true;
    for (let i = kept; i < wanted; i++) if (mantissa.charCodeAt(i) !== Ch._0) allZero = false;
    if (!allZero) return mantissa;
    if (numDigits > kMaxExponentialDigits) return undefined;
    wanted = numDigits;
  }
}

/** toExponential gives at most 100 fraction digits. */
const kMaxExponentialDigits = 101;

const f32Box = new Float32Array(1);
const u32Box = new Uint32Array(f32Box.buffer);

/**
 * True when `y` (a double) rounds to the f32 `x` exactly as the decimal it came from
 * would in one step; undefined when it cannot tell. Decimal → f64 → f32 double
 * rounding only differs from direct rounding when the f64 lands exactly on an f32
 * midpoint (f32 midpoints are f64 values, so it cannot cross one).
 */
function roundsToF32(y: number, x: number): boolean | undefined {
  const a = Math.abs(y);
  f32Box[0] = a;
  const nearest = f32Box[0]!;
  // An integer below 2^53 is the decimal itself (a non-integral 6-digit decimal is
  // never rounded onto an integer), so only one rounding happens.
  if (nearest !== a && !Number.isSafeInteger(a)) {
    const b = u32Box[0]!;
    const other = nearest < a ? b + 1 : b - 1;
    u32Box[0] = other;
    const neighbour = f32Box[0]!;
    if ((nearest + neighbour) / 2 === a) return undefined;
  }
  return Math.fround(y) === x;
}

/**
 * formatFloat for a finite f64 or f32 (as a JS number) with host arithmetic, or
 * undefined when the exact path must decide (non-finite values, rare digit-count and
 * rounding ties). Equal to formatFloatExact whenever it answers (tested on random bits).
 */
function formatHostFloat(x: number, bits: bigint, isF32: boolean): string | undefined {
  if (x === 0) return Object.is(x, -0) ? "-0.000000e+00" : "0.000000e+00";
  if (!Number.isFinite(x)) return undefined;
  const sign = x < 0 ? "-" : "";
  const a = x < 0 ? -x : x;
  const d = digitScratch;
  if (!hostDigits(a, 6, d)) return undefined;
  const short = layoutDecimal(sign, d.digits, d.exp, 6, 0, false);
  // JS number parsing rounds correctly, as APFloat's convertFromString.
  const back = Number(short);
  const same = isF32 ? roundsToF32(back, x) : back === x;
  if (same === undefined) return undefined;
  if (same) return short;
  const natural = isF32 ? 9 : 17; // 2 + precision·59/196
  if (!hostDigits(a, natural, d)) return undefined;
  const text = layoutDecimal(sign, d.digits, d.exp, natural, 3, true);
  return text.includes(".") ? text : "0x" + bits.toString(16).toUpperCase();
}

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

/** True when `bits` is a pattern of `kind`'s width: 0 ≤ bits < 2^bitWidth. O(1). */
export function isValidFloatBits(bits: bigint, kind: FloatKind): boolean {
  return bits >= 0n && bits < 1n << BigInt(getFloatSemantics(kind).bitWidth);
}

/**
 * Prints `bits` as mlir-opt prints a FloatAttr's value (printFloatValue): the `%e`-like
 * `1.000000e-01` form (6 significant digits, zero-padded) when it parses back to the same
 * value; else APFloat's natural-precision form (`3.1415926535897931`, `9.9999999999999995E-8`)
 * when it contains a '.'; else the bit pattern in upper-case hex without zero padding
 * (`0x7FC00000`, `0x7FC0` for a bf16 NaN, `0x80` for an FNUZ NaN). Inf and NaN are always hex.
 * Precondition: isValidFloatBits(bits, kind). Cost: O(1) for f64 and f32 (host
 * arithmetic, see formatHostFloat) and for kinds of at most 16 bits after a pattern's first
 * print (memoised); otherwise BigInt work in the value's binary exponent.
 */
export function formatFloat(bits: bigint, kind: FloatKind): string {
  if (kind === "f64") {
    scratch.setBigUint64(0, bits);
    return formatHostFloat(scratch.getFloat64(0), bits, /*isF32=*/ false) ?? formatFloatExact(bits, kind);
  }
  if (kind === "f32") {
    scratch.setUint32(0, Number(bits));
    return formatHostFloat(scratch.getFloat32(0), bits, /*isF32=*/ true) ?? formatFloatExact(bits, kind);
  }
  const sem = getFloatSemantics(kind);
  if (sem.bitWidth > kMemoisedMaxBits) return formatFloatExact(bits, kind);
  let texts = smallFloatTexts.get(kind);
  if (!texts) smallFloatTexts.set(kind, (texts = []));
  const pattern = Number(bits);
  let text = texts[pattern];
  if (text === undefined) texts[pattern] = text = formatFloatExact(bits, kind);
  return text;
}

/** Kinds this narrow have at most 65,536 bit patterns: their texts are memoised per pattern. */
const kMemoisedMaxBits = 16;
const smallFloatTexts = new Map<FloatKind, string[]>();

/**
 * formatFloat through APFloat's exact (BigInt) algorithm for any kind: the reference
 * the host-arithmetic path is tested against. Same contract as formatFloat.
 */
export function formatFloatExact(bits: bigint, kind: FloatKind): string {
  const sem = getFloatSemantics(kind);
  const v = decodeFloatBits(bits, sem);
  return formatValue(v, sem);
}

function formatValue(v: FloatValue, sem: FloatSemantics): string {
  if (v.category === FloatCategory.Normal || v.category === FloatCategory.Zero) {
    const d = v.category === FloatCategory.Normal ? toExactDecimal(v, sem) : undefined;
    const short = valueToString(d, v.negative, sem, 6, 0, false);
    const back = scanDecimal(short);
    if (back && isBitwiseEqual(decimalToValue(back, sem), v)) return short;
    const natural = valueToString(d, v.negative, sem, 0, 3, true);
    if (natural.includes(".")) return natural;
  }
  return "0x" + encodeFloatValue(v, sem).toString(16).toUpperCase();
}

/**
 * Rounds a decoded f64 into `sem` as MLIR does for float literals (APFloat::convert,
 * nearest-even). Undefined when LLVM's result is unusable: a NaN into a finite-only
 * kind, or a negative non-zero into f8E8M0FNU (llvm_unreachable in APFloat).
 */
function fromF64(v64: FloatValue, sem: FloatSemantics): bigint | undefined {
  if (v64.category === FloatCategory.NaN && !sem.hasNaN) return undefined;
  const v = convertFloatValue(v64, F64, sem);
  if (v.negative && !sem.hasSignedRepr) return undefined;
  return encodeFloatValue(v, sem);
}

/**
 * Converts float literal text to `kind`'s bit pattern exactly as mlir-opt-22 does:
 * - `0x…` hex (no sign): the bit pattern itself; undefined if wider than the kind.
 * - `[-+]?[0-9]+[.][0-9]*([eE][-+]?[0-9]+)?`, or a decimal integer `[-+]?[0-9]+` (which
 *   MLIR's attribute parser rejects; callers that need that diagnostic check first):
 *   MLIR rounds the text to f64 (Token::getFloatingPointValue) and then converts to
 *   `kind`, so this double-rounds exactly like MLIR (f80/f128 get f64 precision, and
 *   rare f32/f16/bf16 halfway cases differ from one correctly rounded step). Overflow
 *   gives Inf, NaN for nan-only kinds, or the largest value for finite-only kinds; a
 *   literal that overflows f64 itself reaches finite-only kinds as MLIR's unencodable
 *   Inf (bits 0x0 / sign only). Underflow gives ±0 (+0 for FNUZ, 2^-127 for f8E8M0FNU).
 * Returns undefined for malformed text and for values LLVM cannot represent (negative
 * f8E8M0FNU). O(length) plus BigInt work in the decimal exponent.
 */
export function parseFloatLiteral(text: string, kind: FloatKind): bigint | undefined {
  const sem = getFloatSemantics(kind);
  if (text.length > 2 && text.charCodeAt(0) === Ch._0 && text.charCodeAt(1) === Ch.x) {
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c) && !(c >= Ch.a && c <= Ch.f) && !(c >= Ch.A && c <= Ch.F)) return undefined;
    }
    const bits = BigInt(text);
    return bitLength(bits) <= sem.bitWidth ? bits : undefined;
  }
  const d = scanDecimal(text);
  if (!d) return undefined;
  return fromF64(decimalToValue(d, F64), sem);
}

/**
 * Converts decimal text to `kind` in one correctly rounded step (APFloat's
 * convertFromString, as used by printFloatValue's round-trip check), with no detour
 * through f64. Same syntax as parseFloatLiteral minus hex. Undefined for malformed text
 * or a negative f8E8M0FNU value.
 */
export function parseFloatExact(text: string, kind: FloatKind): bigint | undefined {
  const sem = getFloatSemantics(kind);
  const d = scanDecimal(text);
  if (!d) return undefined;
  const v = decimalToValue(d, sem);
  if (v.negative && !sem.hasSignedRepr) return undefined;
  return encodeFloatValue(v, sem);
}

/**
 * Rounds a JS number to `kind` (nearest-even; same overflow/underflow rules as
 * parseFloatLiteral, which is this applied to the literal's f64 value). NaN gives the
 * kind's default quiet NaN (payload and sign of `x` are not kept). Undefined for NaN into
 * a finite-only kind and for negative non-zero values into f8E8M0FNU. O(1) amortised.
 */
export function floatBitsFromNumber(x: number, kind: FloatKind): bigint | undefined {
  const sem = getFloatSemantics(kind);
  const nan = Number.isNaN(x);
  // Fast paths: the host already rounds to f64 and (Math.fround) to f32, nearest-even.
  if (kind === "f64" && !nan) {
    scratch.setFloat64(0, x);
    return scratch.getBigUint64(0);
  }
  if (kind === "f32" && !nan) {
    scratch.setFloat32(0, x);
    return BigInt(scratch.getUint32(0));
  }
  scratch.setFloat64(0, nan ? NaN : x);
  let v64 = decodeFloatBits(scratch.getBigUint64(0), F64);
  if (v64.category === FloatCategory.NaN) v64 = { ...v64, negative: false, significand: 1n << 51n };
  return fromF64(v64, sem);
}

/**
 * The value of `bits` as a JS number: exact for every kind of at most 64 bits, the
 * nearest double (nearest-even, overflow to ±Infinity) for f80 and f128. NaN patterns give
 * NaN. Precondition: isValidFloatBits(bits, kind). O(bitWidth).
 */
export function floatBitsToNumber(bits: bigint, kind: FloatKind): number {
  if (kind === "f64") {
    scratch.setBigUint64(0, bits);
    return scratch.getFloat64(0);
  }
  if (kind === "f32") {
    scratch.setUint32(0, Number(bits));
    return scratch.getFloat32(0);
  }
  const sem = getFloatSemantics(kind);
  const v = decodeFloatBits(bits, sem);
  switch (v.category) {
    case FloatCategory.NaN:
      return NaN;
    case FloatCategory.Infinity:
      return v.negative ? -Infinity : Infinity;
    case FloatCategory.Zero:
      return v.negative ? -0 : 0;
    default: {
      if (sem.bitWidth <= 64) {
        // Exact: at most 11 significand bits and a binary exponent well inside f64's range.
        const magnitude = Number(v.significand) * 2 ** (v.exponent - sem.precision + 1);
        return v.negative ? -magnitude : magnitude;
      }
      scratch.setBigUint64(0, encodeFloatValue(convertFloatValue(v, sem, F64), F64));
      return scratch.getFloat64(0);
    }
  }
}
