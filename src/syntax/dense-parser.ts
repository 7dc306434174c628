// Tensor literals (the bodies of `dense<...>` and `sparse<...>`) and the
// element data they become: MLIR's TensorLiteralParser, hand-written over
// charCodeAt with explicit stacks (any nesting depth), plus the conversion of
// parsed elements or `"0x..."` hex into raw little-endian storage.
//
// Storage layout (as MLIR's raw data and its hex form): each element takes its
// bit width rounded up to whole bytes (i17 → 3 bytes, f80 → 10, index → 8),
// little-endian, value truncated to the width; complex elements store real then
// imaginary. i1 is bit-packed, LSB first, ceil(n/8) bytes; an i1 splat is one
// byte 0x00 or 0xFF. Any attribute whose elements are all equal is a splat and
// stores one element (MLIR's storage uniquing detects this).

import { DenseIntOrFPElementsAttr, DenseStringElementsAttr, type ElementsAttr } from "../ir/builtin-attributes.js";
import { ComplexType, FloatType, IndexType, IntegerType, ShapedType, Signedness } from "../ir/builtin-types.js";
import { getFloatSemantics } from "../ir/float-format.js";
import { hasNumberBits, ieeeBitsFromNumber } from "../ir/float-bits.js";
import { storeF64LE, storeSafeIntegerLE } from "./le-bytes.js";
import type { Type } from "../ir/type.js";
import { decodeHexString, decodeStringLiteral, lexStringLiteral } from "./escape.js";
import {
  floatBitsFromIntegerLiteral,
  floatLiteralBits,
  integerLiteralValue,
  quoteType,
  smallIntegerLiteral,
  type ParserHost,
  type ParseSink,
} from "./parse-actions.js";
import { Ch, isAlpha, isDigit, isFloatSpelling, scanBareId, scanNumber } from "./scan.js";
import { skipTrivia } from "./trivia.js";

/** Kinds of stored literal tokens. */
export const enum LitKind {
  Int = 0,
  Float = 1,
  True = 2,
  False = 3,
  String = 4,
}

/** The inferred shape of one element: shared, never mutated. */
const kScalarDims: readonly number[] = [];

/**
 * A parsed tensor literal: either a hex string, or element tokens (complex
 * elements contribute two) with the shape inferred from list nesting (empty for
 * a single element).
 */
export class TensorLiteral {
  /** Offset of the hex string token, or -1. */
  hexStart = -1;
  hexEnd = -1;
  /** Inferred shape; empty when the literal was one element (or hex). Never mutated. */
  shape: readonly number[] = kScalarDims;
  /** Per stored token, at indices below numStored: kind, start, end, negated. */
  readonly kinds: number[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly negs: boolean[] = [];
  private count = 0;
  get isHex(): boolean {
    return this.hexStart >= 0;
  }
  get numStored(): number {
    return this.count;
  }
  add(kind: LitKind, start: number, end: number, negative: boolean): void {
    const i = this.count++;
    if (i === this.kinds.length) {
      this.kinds.push(kind);
      this.starts.push(start);
      this.ends.push(end);
      this.negs.push(negative);
    } else {
      this.kinds[i] = kind;
      this.starts[i] = start;
      this.ends[i] = end;
      this.negs[i] = negative;
    }
  }
  /** Empties the literal for reuse, keeping the arrays' storage. */
  reset(): void {
    this.hexStart = -1;
    this.hexEnd = -1;
    this.shape = kScalarDims;
    this.count = 0;
  }
}


/** True if `text[p, q)` is exactly `word`. */
function isWord(text: string, p: number, q: number, word: string): boolean {
  return q - p === word.length && text.startsWith(word, p);
}

/**
 * Parses a tensor literal starting at the token at `p` (trivia skipped):
 * `"0x..."` (if `allowHex`), a nested list, or one element. Returns the offset
 * after it, or -1 after reporting into `sink`. Iterative over nesting.
 */
export function parseTensorLiteral(sink: ParseSink, p: number, allowHex: boolean, lit: TensorLiteral): number {
  const text = sink.text;
  if (allowHex && text.charCodeAt(p) === Ch.Quote) {
    const r = lexStringLiteral(text, p);
    if (r.end < 0) return (sink.emitLexError(r.errorOffset, r.errorMessage), -1);
    lit.hexStart = p;
    lit.hexEnd = r.end;
    return r.end;
  }
  if (text.charCodeAt(p) !== Ch.LBracket) return parseElement(sink, p, lit);
  // parseList, iteratively: one frame per open `[`.
  const counts: number[] = [];
  const childDims: (readonly number[] | null)[] = [];
  let q = p;
  for (;;) {
    // At the start of a list: `[` already at q.
    counts.push(0);
    childDims.push(null);
    q = skipTrivia(text, q + 1);
    let dims: readonly number[] | undefined;
    if (text.charCodeAt(q) === Ch.RBracket) {
      q++;
      counts.pop();
      childDims.pop();
      dims = [0];
    } else if (text.charCodeAt(q) === Ch.LBracket) {
      continue;
    } else {
      q = parseElement(sink, q, lit);
      if (q < 0) return -1;
      dims = kScalarDims;
    }
    // Close finished elements and lists until a new list opens or we are done.
    for (;;) {
      if (counts.length === 0) {
        lit.shape = dims;
        return q;
      }
      const top = counts.length - 1;
      counts[top]!++;
      q = skipTrivia(text, q);
      const prev = childDims[top]!;
      if (prev === null) childDims[top] = dims;
      else if (!sameDims(prev, dims))
        return (sink.emitErrorAt(q, "tensor literal is invalid; ranks are not consistent between elements"), -1);
      const c = text.charCodeAt(q);
      if (c === Ch.Comma) {
        q = skipTrivia(text, q + 1);
        if (text.charCodeAt(q) === Ch.LBracket) break;
        q = parseElement(sink, q, lit);
        if (q < 0) return -1;
        dims = kScalarDims;
        continue;
      }
      if (c !== Ch.RBracket) return (sink.emitWrongToken(q, "expected ']'"), -1);
      q++;
      dims = [counts[top]!, ...childDims[top]!];
      counts.pop();
      childDims.pop();
    }
  }
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * TensorLiteralParser::parseElement: `true`, `false`, numbers (optionally
 * negated), strings, or a complex `(a, b)` (nesting handled with a counter
 * stack). Returns the end offset or -1 after reporting.
 */
function parseElement(sink: ParseSink, p: number, lit: TensorLiteral): number {
  const text = sink.text;
  // Each open `(` waits for: 0 = first element, 1 = second element.
  const parens: number[] = [];
  let q = p;
  for (;;) {
    const c = text.charCodeAt(q);
    if (c === Ch.LParen) {
      parens.push(0);
      q = skipTrivia(text, q + 1);
      continue;
    }
    q = parseScalar(sink, q, lit);
    if (q < 0) return -1;
    // Finish complex pairs.
    for (;;) {
      if (parens.length === 0) return q;
      q = skipTrivia(text, q);
      const top = parens.length - 1;
      if (parens[top] === 0) {
        if (text.charCodeAt(q) !== Ch.Comma) return (sink.emitWrongToken(q, "expected ',' between complex elements"), -1);
        parens[top] = 1;
        q = skipTrivia(text, q + 1);
        break;
      }
      if (text.charCodeAt(q) !== Ch.RParen) return (sink.emitWrongToken(q, "expected ')' after complex elements"), -1);
      q++;
      parens.pop();
    }
  }
}

function parseScalar(sink: ParseSink, p: number, lit: TensorLiteral): number {
  const text = sink.text;
  const c = text.charCodeAt(p);
  let negative = false;
  let q = p;
  if (c === Ch.Minus) {
    negative = true;
    q = skipTrivia(text, p + 1);
    if (!isDigit(text.charCodeAt(q))) return (sink.emitErrorAt(q, "expected integer or floating point literal"), -1);
  }
  const d = text.charCodeAt(q);
  if (isDigit(d)) {
    const e = scanNumber(text, q);
    lit.add(isFloatSpelling(text, q, e) ? LitKind.Float : LitKind.Int, q, e, negative);
    return e;
  }
  if (d === Ch.Quote) {
    const r = lexStringLiteral(text, q);
    if (r.end < 0) return (sink.emitLexError(r.errorOffset, r.errorMessage), -1);
    lit.add(LitKind.String, q, r.end, false);
    return r.end;
  }
  if (isAlpha(d) || d === Ch.Underscore) {
    const e = scanBareId(text, q);
    const kind = isWord(text, q, e, "true") ? LitKind.True : isWord(text, q, e, "false") ? LitKind.False : -1;
    if (kind !== -1) {
      lit.add(kind, q, e, false);
      return e;
    }
  }
  return (sink.emitErrorAt(q, "expected element literal of primitive type"), -1);
}

//===----------------------------------------------------------------------===//
// Building element attributes
//===----------------------------------------------------------------------===//

/** Storage bits of one (scalar) element: i1 stays 1, others round up to bytes. */
export function elementStorageBits(t: Type): number {
  if (t instanceof IntegerType) return t.width === 1 ? 1 : (t.width + 7) & ~7;
  if (t instanceof IndexType) return 64;
  if (t instanceof FloatType) return (getFloatSemantics(t.kind).bitWidth + 7) & ~7;
  return 0;
}

/** Writes `v` (already reduced to the width) little-endian at `byteOffset`. */
function storeLE(data: Uint8Array, byteOffset: number, nbytes: number, v: bigint): void {
  if (nbytes <= 6 && v >= 0n && v <= 0xffffffffffffn) {
    let x = Number(v);
    for (let i = 0; i < nbytes; i++) {
      data[byteOffset + i] = x & 0xff;
      x = Math.floor(x / 256);
    }
    return;
  }
  for (let i = 0; i < nbytes; i++) {
    data[byteOffset + i] = Number(v & 0xffn);
    v >>= 8n;
  }
}

// Typed-array `of`, `slice` and `subarray` go through V8's species lookup and were
// most of makeDenseIntOrFP's own time: build small buffers directly.
function oneByte(b: number): Uint8Array {
  const a = new Uint8Array(1);
  a[0] = b;
  return a;
}

/** `data` itself when it is exactly `n` bytes (the caller owns it), else a copy of its first `n`. */
function prefixOf(data: Uint8Array, n: number): Uint8Array {
  if (data.length === n) return data;
  const a = new Uint8Array(n);
  for (let i = 0; i < n; i++) a[i] = data[i]!;
  return a;
}

/**
 * Builds an int/float dense attribute from raw storage, detecting splats like
 * MLIR's uniquer. Takes ownership of `data` (it may become the attribute's storage).
 */
export function makeDenseIntOrFP(sink: ParseSink, type: ShapedType, data: Uint8Array, knownSplat: boolean): DenseIntOrFPElementsAttr {
  const numElements = type.numElements ?? 0;
  let elt = type.elementType;
  let complexFactor = 1;
  if (elt instanceof ComplexType) {
    elt = elt.elementType;
    complexFactor = 2;
  }
  const bits = elementStorageBits(elt);
  if (bits === 1) {
    if (knownSplat || numElements === 1) {
      const on = data.length > 0 && (data[0]! & 1) !== 0;
      return DenseIntOrFPElementsAttr.get(sink.ctx, type, oneByte(on ? 0xff : 0), true);
    }
    // All bits equal → splat.
    const first = (data[0]! & 1) !== 0;
    let allSame = numElements > 0;
    for (let i = 0; i < numElements && allSame; i++) if ((((data[i >> 3]! >> (i & 7)) & 1) !== 0) !== first) allSame = false;
    if (allSame) return DenseIntOrFPElementsAttr.get(sink.ctx, type, oneByte(first ? 0xff : 0), true);
    return DenseIntOrFPElementsAttr.get(sink.ctx, type, data, false);
  }
  const eltBytes = (bits / 8) * complexFactor;
  if (knownSplat || numElements === 1) return DenseIntOrFPElementsAttr.get(sink.ctx, type, prefixOf(data, eltBytes), true);
  if (numElements > 1 && eltBytes > 0) {
    let allSame = true;
    for (let i = eltBytes; i < data.length && allSame; i++) if (data[i] !== data[i % eltBytes]) allSame = false;
    if (allSame) return DenseIntOrFPElementsAttr.get(sink.ctx, type, prefixOf(data, eltBytes), true);
  }
  return DenseIntOrFPElementsAttr.get(sink.ctx, type, data, false);
}

/** True if the element type is int, index, float or complex (stored as raw data). */
export function isIntOrFPElementType(t: Type): boolean {
  return t instanceof IntegerType || t instanceof IndexType || t instanceof FloatType || t instanceof ComplexType;
}

function shapeText(shape: readonly number[]): string {
  return "[" + shape.join(", ") + "]";
}

/**
 * TensorLiteralParser::getAttr: builds the dense attribute of `type` from a
 * parsed literal. Errors about the whole literal are reported at `loc` (the
 * `dense` keyword); errors about one element at that element.
 */
export function buildDenseAttr(sink: ParseSink, lit: TensorLiteral, type: ShapedType, loc: number): ElementsAttr | undefined {
  const text = sink.text;
  const eltType = type.elementType;
  if (lit.isHex && isIntOrFPElementType(eltType)) return buildHexAttr(sink, lit, type, loc);
  const shape = type.shape ?? [];
  if (lit.shape.length && !sameDims(lit.shape, shape))
    return sink.emitErrorAt(loc, `inferred shape of elements literal (${shapeText(lit.shape)}) does not match type (${shapeText(shape)})`);
  const numElements = type.numElements ?? 0;
  if (!lit.isHex && lit.numStored === 0 && numElements)
    return sink.emitErrorAt(loc, `parsed zero elements, but type (${quoteType(type)}) expected at least 1`);
  if (!isIntOrFPElementType(eltType)) return buildStringAttr(sink, lit, type, loc);

  let scalar = eltType;
  let factor = 1;
  if (scalar instanceof ComplexType) {
    scalar = scalar.elementType;
    factor = 2;
  }
  const n = lit.numStored;
  // One element (or one complex pair) written without brackets is a splat;
  // a bracketed list must have every element.
  const splat = lit.shape.length === 0 && n === factor && numElements !== 0;
  if (!splat && n !== numElements * factor)
    return sink.emitErrorAt(loc, `parsed ${n} elements, but type (${quoteType(type)}) expected ${numElements * factor} elements`);
  const bits = elementStorageBits(scalar);
  const count = splat ? factor : n;
  const data = new Uint8Array(bits === 1 ? (count + 7) >> 3 : (count * bits) / 8);
  const nbytes = bits / 8;
  // Fast paths without BigInt: decimal floats into f64 and the IEEE kinds of at
  // most 32 bits (float-bits.ts), and short decimal integers.
  const floatSem = scalar instanceof FloatType ? getFloatSemantics(scalar.kind) : undefined;
  const floatFast = floatSem !== undefined && (floatSem.kind === "f64" || hasNumberBits(floatSem));
  const intType = scalar instanceof IntegerType || scalar instanceof IndexType ? scalar : undefined;
  const intWidth = scalar instanceof IntegerType ? scalar.width : 64;
  const intUnsigned = scalar instanceof IntegerType && scalar.signedness === Signedness.Unsigned;
  // Widths of whole bytes store two's complement as is; others are truncated to the width.
  const intFast = intType !== undefined && bits > 1 && (intWidth <= 48 || intWidth === bits);
  for (let i = 0; i < n; i++) {
    const kind = lit.kinds[i]!;
    if (kind === LitKind.Float && floatFast) {
      const x = Number(text.substring(lit.starts[i]!, lit.ends[i]!));
      const v = lit.negs[i] ? -x : x;
      if (floatSem.kind === "f64") storeF64LE(data, i * 8, v);
      else storeSafeIntegerLE(data, i * nbytes, nbytes, ieeeBitsFromNumber(v, floatSem));
      continue;
    }
    if (kind === LitKind.Int && intFast && !(lit.negs[i] && intUnsigned)) {
      const small = smallIntegerLiteral(text, lit.starts[i]!, lit.ends[i]!, lit.negs[i]!, intType);
      if (typeof small === "number") {
        if (intWidth <= 48) storeNumberLE(data, i * nbytes, nbytes, small < 0 ? small + 2 ** intWidth : small);
        else storeSafeIntegerLE(data, i * nbytes, nbytes, small);
        continue;
      }
    }
    const v = elementBits(sink, lit, i, scalar, text);
    if (v === undefined) return undefined;
    if (bits === 1) {
      if (v & 1n) data[i >> 3]! |= 1 << (i & 7);
    } else {
      storeLE(data, i * nbytes, nbytes, v);
    }
  }
  return makeDenseIntOrFP(sink, type, data, splat);
}

/** Writes a non-negative integer below 2^48 little-endian. */
function storeNumberLE(data: Uint8Array, byteOffset: number, nbytes: number, x: number): void {
  for (let i = 0; i < nbytes; i++) {
    data[byteOffset + i] = x & 0xff;
    x = Math.floor(x / 256);
  }
}

/** The storage bits of stored token `i` as an element of `scalar`, or undefined after reporting. */
function elementBits(sink: ParseSink, lit: TensorLiteral, i: number, scalar: Type, text: string): bigint | undefined {
  const kind = lit.kinds[i]!;
  const start = lit.starts[i]!;
  const end = lit.ends[i]!;
  const negative = lit.negs[i]!;
  if (scalar instanceof FloatType) {
    if (kind === LitKind.Int) return floatBitsFromIntegerLiteral(sink, text.substring(start, end), start, negative, scalar.kind);
    if (kind !== LitKind.Float) return sink.emitErrorAt(start, "expected floating point literal");
    const bits = floatLiteralBits(text.substring(start, end), negative, scalar.kind);
    if (bits === undefined) return sink.emitErrorAt(start, "expected floating point literal");
    return bits;
  }
  const intType = scalar as IntegerType | IndexType;
  const isUnsigned = intType instanceof IntegerType && intType.signedness === Signedness.Unsigned;
  if (negative && isUnsigned) return sink.emitErrorAt(start, "expected unsigned integer elements, but parsed negative value");
  if (kind === LitKind.Float) return sink.emitErrorAt(start, "expected integer elements, but parsed floating-point");
  if (kind === LitKind.True || kind === LitKind.False) {
    if (!(intType instanceof IntegerType) || intType.width !== 1) return sink.emitErrorAt(start, "expected i1 type for 'true' or 'false' values");
    return kind === LitKind.True ? 1n : 0n;
  }
  if (kind !== LitKind.Int) return sink.emitErrorAt(start, "integer constant out of range for type");
  const v = integerLiteralValue(text.substring(start, end), negative, intType);
  if (v === undefined) return sink.emitErrorAt(start, "integer constant out of range for type");
  const width = intType instanceof IndexType ? 64 : intType.width;
  return width === 0 ? 0n : BigInt.asUintN(width, v);
}

/** Raw `"0x..."` data checked against the type (DenseElementsAttr::isValidRawBuffer). */
function buildHexAttr(sink: ParseSink, lit: TensorLiteral, type: ShapedType, loc: number): ElementsAttr | undefined {
  const text = sink.text;
  const raw = text.substring(lit.hexStart + 1, lit.hexEnd - 1);
  const data = decodeHexString(raw);
  if (!data) return sink.emitErrorAt(lit.hexStart, "expected string containing hex digits starting with `0x`");
  let elt = type.elementType;
  let factor = 1;
  if (elt instanceof ComplexType) {
    elt = elt.elementType;
    factor = 2;
  }
  const storageBits = elementStorageBits(elt) * factor;
  const numElements = type.numElements ?? 0;
  const rawBits = data.length * 8;
  let splat = numElements === 1;
  let valid: boolean;
  if (storageBits === 1) {
    if (data.length === 1 && (data[0] === 0 || data[0] === 0xff)) {
      splat = true;
      valid = true;
    } else {
      valid = rawBits === ((numElements + 7) & ~7);
    }
  } else if (rawBits === storageBits) {
    splat = true;
    valid = true;
  } else {
    valid = rawBits === storageBits * numElements;
  }
  if (!valid) return sink.emitErrorAt(loc, `elements hex data size is invalid for provided type: ${quoteType(type)}`);
  return makeDenseIntOrFP(sink, type, data, splat);
}

/** Dense string elements (any non-numeric element type); a hex literal is one string. */
function buildStringAttr(sink: ParseSink, lit: TensorLiteral, type: ShapedType, loc: number): ElementsAttr | undefined {
  const text = sink.text;
  if (lit.isHex) return DenseStringElementsAttr.get(sink.ctx, type, [decodeStringLiteral(text, lit.hexStart, lit.hexEnd)], true);
  const values: string[] = [];
  for (let i = 0; i < lit.numStored; i++) {
    const start = lit.starts[i]!;
    if (lit.kinds[i] !== LitKind.String)
      return sink.emitErrorAt(loc, `expected string token, got ${(lit.negs[i] ? "-" : "") + text.substring(start, lit.ends[i]!)}`);
    values.push(decodeStringLiteral(text, start, lit.ends[i]!));
  }
  const numElements = type.numElements ?? 0;
  let splat = values.length === 1 && numElements !== 0;
  if (!splat && values.length > 1) {
    splat = true;
    for (let i = 1; i < values.length && splat; i++) if (values[i] !== values[0]) splat = false;
    if (splat) values.length = 1;
  }
  if (!splat && values.length !== numElements)
    return sink.emitErrorAt(loc, `parsed ${values.length} elements, but type (${quoteType(type)}) expected ${numElements} elements`);
  return DenseStringElementsAttr.get(sink.ctx, type, values, splat);
}

/** Reads element `i` of int/index/float storage as an unsigned bit pattern. */
export function readElementBits(attr: DenseIntOrFPElementsAttr, i: number, scalarBits: number): bigint {
  const data = attr.data;
  if (scalarBits === 1) return BigInt((data[i >> 3]! >> (i & 7)) & 1);
  const nbytes = scalarBits / 8;
  const base = i * nbytes;
  if (nbytes <= 6) {
    let x = 0;
    for (let k = nbytes - 1; k >= 0; k--) x = x * 256 + data[base + k]!;
    return BigInt(x);
  }
  let v = 0n;
  for (let k = nbytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(data[base + k]!);
  return v;
}

/**
 * Parser::parseElementsLiteralType: the type after a `dense`/`sparse` literal
 * (`: type`, unless `provided`) must be a statically shaped type. `kw` is the
 * keyword (where MLIR reports); `after` the token after the literal.
 */
export function elementsLiteralType(host: ParserHost, provided: Type | undefined, after: number, kw: number): ShapedType | undefined {
  let type = provided;
  if (!type) {
    if (host.text.charCodeAt(after) !== Ch.Colon) return host.emitWrongToken(after, "expected ':'");
    type = host.parseTypeAt(skipTrivia(host.text, after + 1));
    if (!type) return undefined;
  } else {
    host.pos = after;
  }
  if (!(type instanceof ShapedType)) return host.emitErrorAt(kw, "elements literal must be a shaped type");
  if (!type.hasStaticShape) return host.emitErrorAt(kw, "elements literal type must have static shape");
  return type;
}

/**
 * `dense<...>` (+ `: type` unless `provided`) at `kw`, by hand
 * (Parser::parseDenseElementsAttr): the hot rich form, so it skips the
 * chevrotain path. `open` is the `<`, `end` the offset after the matching `>`.
 * Sets host.pos.
 */
export function parseDenseAttr(host: ParserHost, kw: number, open: number, end: number, provided: Type | undefined): ElementsAttr | undefined {
  // Literals are reused per nesting depth: the type after a literal may hold
  // another dense literal (a tensor encoding) before this one is built.
  const lit = (literalPool[literalDepth] ??= new TensorLiteral());
  lit.reset();
  literalDepth++;
  try {
    return parseDenseWith(host, lit, kw, open, end, provided);
  } finally {
    literalDepth--;
  }
}

const literalPool: TensorLiteral[] = [];
let literalDepth = 0;

function parseDenseWith(host: ParserHost, lit: TensorLiteral, kw: number, open: number, end: number, provided: Type | undefined): ElementsAttr | undefined {
  const text = host.text;
  const close = end - 1;
  let p = skipTrivia(text, open + 1);
  if (p !== close || text.charCodeAt(p) !== Ch.Greater) {
    p = parseTensorLiteral(host, p, /*allowHex=*/ true, lit);
    if (p < 0) return undefined;
    p = skipTrivia(text, p);
    if (p !== close || text.charCodeAt(p) !== Ch.Greater) return host.emitWrongToken(p, "expected '>'");
  }
  const type = elementsLiteralType(host, provided, skipTrivia(text, end), kw);
  if (!type) return undefined;
  const after = host.pos;
  const a = buildDenseAttr(host, lit, type, kw);
  host.pos = after;
  return a;
}
