// `array<T: e, ...>` (DenseArrayAttr) by hand: the common well-formed spellings
// of Parser::parseDenseArrayAttr without chevrotain. It only ever accepts: on
// anything unusual (another element type, a literal out of range, a comment,
// malformed text) it returns null having consumed and reported nothing, and the
// caller runs the grammar, which owns every diagnostic. Dense arrays are
// usually all distinct (one per op), so no text cache is involved either.

import { DenseArrayAttr } from "../ir/builtin-attributes.js";
import { FloatType, IntegerType, Signedness } from "../ir/builtin-types.js";
import { getFloatSemantics } from "../ir/float-format.js";
import { hasNumberBits, ieeeBitsFromNumber } from "../ir/float-bits.js";
import { floatLiteralBits, floatKindOf } from "./parse-actions.js";
import type { ParserHost } from "./parse-actions.js";
import { storeF64LE, storeSafeIntegerLE } from "./le-bytes.js";
import { Ch, isAlpha, isBareIdChar, isDigit, scanBareId, scanNumber } from "./scan.js";

/** Grown as needed and reused: element bytes before they are copied into the attribute. */
let scratch = new Uint8Array(256);

/** Spaces, tabs and line breaks only (what both the grammar's lexer and skipTrivia skip). */
function skipSpaces(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c !== Ch.Space && c !== Ch.LF && c !== Ch.Tab && c !== Ch.CR) return p;
    p++;
  }
}

/** The element type `text[q, e)` if it is an integer type of up to 4 width digits or a float kind. */
function elementTypeOf(host: ParserHost, q: number, e: number): IntegerType | FloatType | undefined {
  const text = host.text;
  const c = text.charCodeAt(q);
  if (c === Ch.i || c === Ch.s || c === Ch.u) {
    const signedness = c === Ch.i ? Signedness.Signless : c === Ch.s ? Signedness.Signed : Signedness.Unsigned;
    let p = signedness === Signedness.Signless ? q + 1 : q + 2;
    if ((signedness !== Signedness.Signless && text.charCodeAt(q + 1) !== Ch.i) || p >= e || e - p > 4) return undefined;
    let width = 0;
    for (; p < e; p++) {
      const d = text.charCodeAt(p);
      if (!isDigit(d)) return undefined;
      width = width * 10 + (d - Ch.D0);
    }
    return IntegerType.get(host.ctx, width, signedness);
  }
  const kind = floatKindOf(text, q, e);
  return kind ? FloatType.get(host.ctx, kind) : undefined;
}

/**
 * Parses `array<...>` with `array` at `q`. On success sets host.pos after the
 * `>` and returns the attribute; otherwise returns null with nothing consumed
 * or reported. O(length of the literal).
 */
export function parseDenseArrayFast(host: ParserHost, q: number): DenseArrayAttr | null {
  const text = host.text;
  let p = skipSpaces(text, q + 5);
  if (text.charCodeAt(p) !== Ch.Less) return null;
  p = skipSpaces(text, p + 1);
  if (!isAlpha(text.charCodeAt(p))) return null;
  const typeEnd = scanBareId(text, p);
  const elt = elementTypeOf(host, p, typeEnd);
  if (!elt) return null;
  const width = elt instanceof IntegerType ? elt.width : getFloatSemantics(elt.kind).bitWidth;
  const isI1 = elt instanceof IntegerType && width === 1;
  if (!isI1 && width % 8 !== 0) return null;
  const nbytes = isI1 ? 1 : width / 8;
  p = skipSpaces(text, typeEnd);
  let size = 0;
  if (text.charCodeAt(p) === Ch.Colon) {
    p = skipSpaces(text, p + 1);
    for (;;) {
      if (scratch.length < (size + 1) * nbytes) {
        const grown = new Uint8Array(Math.max(scratch.length * 2, (size + 1) * nbytes));
        grown.set(scratch);
        scratch = grown;
      }
      const end = isI1 ? boolElement(text, p, size) : elt instanceof IntegerType ? intElement(text, p, elt, size * nbytes, nbytes) : floatElement(text, p, elt, size * nbytes, nbytes);
      if (end < 0) return null;
      size++;
      p = skipSpaces(text, end);
      const c = text.charCodeAt(p);
      if (c === Ch.Greater) break;
      if (c !== Ch.Comma) return null;
      p = skipSpaces(text, p + 1);
    }
  } else if (text.charCodeAt(p) !== Ch.Greater) {
    return null;
  }
  host.pos = p + 1;
  return DenseArrayAttr.get(host.ctx, elt, size, scratch.slice(0, size * nbytes));
}

/** `true` / `false` at `p` into byte `index`; the end offset, or -1. */
function boolElement(text: string, p: number, index: number): number {
  const e = isAlpha(text.charCodeAt(p)) ? scanBareId(text, p) : p;
  if (e - p === 4 && text.startsWith("true", p)) scratch[index] = 1;
  else if (e - p === 5 && text.startsWith("false", p)) scratch[index] = 0;
  else return -1;
  return e;
}

/** The end of a number literal at `p` that is a whole token (not glued to an identifier), or -1. */
function numberEnd(text: string, p: number): number {
  if (!isDigit(text.charCodeAt(p))) return -1;
  const e = scanNumber(text, p);
  return isBareIdChar(text.charCodeAt(e)) ? -1 : e;
}

/**
 * An optionally negated integer at `p` (at most 15 decimal or 13 hex digits), stored as
 * `nbytes` little-endian two's complement bytes at `at` when it is in range
 * for `type` (as integerLiteralValue checks). The end offset, or -1.
 */
function intElement(text: string, p: number, type: IntegerType, at: number, nbytes: number): number {
  let negative = false;
  if (text.charCodeAt(p) === Ch.Minus) {
    negative = true;
    p = skipSpaces(text, p + 1);
  }
  const e = numberEnd(text, p);
  if (e < 0 || isFloatSpan(text, p, e)) return -1;
  const v = e - p > 1 && text.charCodeAt(p + 1) === Ch.x ? hexValue(text, p, e) : decimalValue(text, p, e);
  if (v < 0) return -1;
  const width = type.width;
  if (width === 0) return -1;
  if (width < 53) {
    const full = 2 ** width;
    if (v >= full) return -1;
    // MLIR: a negated value must have the sign bit set; a positive signed one must not.
    if (negative ? v === 0 || v > full / 2 : type.signedness === Signedness.Signed && v >= full / 2) return -1;
  } else if (negative && v === 0) {
    return -1;
  }
  storeSafeIntegerLE(scratch, at, nbytes, negative ? -v : v);
  return e;
}

/** The value of decimal digits `text[p, e)` if there are at most 15 of them, else -1. */
function decimalValue(text: string, p: number, e: number): number {
  if (e - p > 15) return -1;
  let v = 0;
  for (let i = p; i < e; i++) v = v * 10 + (text.charCodeAt(i) - Ch.D0);
  return v;
}

/** The value of `0x` + at most 13 hex digits `text[p, e)`, else -1. */
function hexValue(text: string, p: number, e: number): number {
  if (e - p > 15) return -1;
  let v = 0;
  for (let i = p + 2; i < e; i++) {
    const c = text.charCodeAt(i);
    v = v * 16 + (c <= Ch.D9 ? c - Ch.D0 : (c | 0x20) - 87);
  }
  return v;
}

function isFloatSpan(text: string, p: number, e: number): boolean {
  for (let i = p; i < e; i++) if (text.charCodeAt(i) === Ch.Dot) return true;
  return false;
}


/**
 * A float element at `p`: a decimal float literal (optionally negated), or a
 * `0x` bit pattern of at most 13 hex digits that fits the width. Stored
 * little-endian at `at`. The end offset, or -1.
 */
function floatElement(text: string, p: number, type: FloatType, at: number, nbytes: number): number {
  let negative = false;
  if (text.charCodeAt(p) === Ch.Minus) {
    negative = true;
    p = skipSpaces(text, p + 1);
  }
  const e = numberEnd(text, p);
  if (e < 0) return -1;
  const sem = getFloatSemantics(type.kind);
  if (!isFloatSpan(text, p, e)) {
    // parseFloatFromIntegerLiteral: only hex, never negated, within the width.
    if (negative || e - p < 3 || text.charCodeAt(p + 1) !== Ch.x) return -1;
    const bits = hexValue(text, p, e);
    if (bits < 0 || bits >= 2 ** sem.bitWidth) return -1;
    storeSafeIntegerLE(scratch, at, nbytes, bits);
    return e;
  }
  const spelling = text.substring(p, e);
  const x = negative ? -Number(spelling) : Number(spelling);
  if (type.kind === "f64") {
    storeF64LE(scratch, at, x);
    return e;
  }
  if (hasNumberBits(sem)) {
    storeSafeIntegerLE(scratch, at, nbytes, ieeeBitsFromNumber(x, sem));
    return e;
  }
  const bits = floatLiteralBits(spelling, negative, type.kind);
  if (bits === undefined) return -1;
  let b = bits;
  for (let i = 0; i < nbytes; i++) {
    scratch[at + i] = Number(b & 0xffn);
    b >>= 8n;
  }
  return e;
}
