// Semantic actions shared by both type/attribute parser paths (the hand-written
// fast path and the chevrotain grammar): building integer, float and dialect
// attributes, integer/float/shaped/dialect types, with MLIR's checks, messages
// and error positions. Offsets are always offsets into the whole source text.

import type { Attribute } from "../ir/attribute.js";
import {
  AffineMapAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  OpaqueAttr,
  StridedLayoutAttr,
  StringAttr,
} from "../ir/builtin-attributes.js";
import {
  ComplexType,
  FloatType,
  IndexType,
  IntegerType,
  kMaxIntegerWidth,
  MemRefType,
  NoneType,
  OpaqueType,
  RankedTensorType,
  Signedness,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
  type ShapedType,
} from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { FLOAT_KINDS, floatBitsFromNumber, getFloatSemantics, type FloatKind } from "../ir/float-format.js";
import { hasNumberBits, ieeeBitsFromNumber } from "../ir/float-bits.js";
import type { Location } from "../ir/location.js";
import type { Type } from "../ir/type.js";
import { Ch, isDigit, lexErrorAt, ShapedKind, type ShapePrefix } from "./scan.js";
import { printAttributeForDiagnostic, printTypeForDiagnostic } from "./type-attr-printer.js";

/**
 * What the parser paths report into: the context, the whole source text, the
 * alias tables and MLIR-style error emission. After the first error `failed` is
 * set and further errors are dropped (MLIR stops at the first parse error).
 */
export interface ParseSink {
  readonly ctx: Context;
  readonly text: string;
  readonly failed: boolean;
  /** emitError(loc): reports at `offset` (one back at end of input). Returns undefined. */
  emitErrorAt(offset: number, message: string, note?: string): undefined;
  /** A lexer error (Lexer::emitError): reported exactly at `offset`, which may be the end of input. */
  emitLexError(offset: number, message: string): undefined;
  /** emitWrongTokenError for the token at `tokenOffset` (reported after the previous token). */
  emitWrongToken(tokenOffset: number, message: string): undefined;
  typeAlias(name: string): Type | undefined;
  attrAlias(name: string): Attribute | undefined;
}

/**
 * What the fast paths, the location parser and the grammar call back into
 * (implemented by TypeAttrParser). Every parse method takes the offset of the
 * first token (trivia skipped) and, on success, leaves `pos` just after what it
 * parsed; on failure it has reported and returns undefined.
 */
export interface ParserHost extends ParseSink {
  pos: number;
  readonly i64: IntegerType;
  readonly f64: FloatType;
  parseTypeAt(q: number): Type | undefined;
  /** The builtin scalar type spelled by the word `text[q, e)` (scalarType in type-parser.ts, faster). */
  scalarTypeAt(q: number, e: number): Type | undefined;
  /** The type whose source text starts at `q`, if parsed before (then `pos` is after it). */
  cachedTypeAt(q: number): Type | undefined;
  /** The identifier `text[start, end)`, as a string shared by all its occurrences. */
  internName(start: number, end: number): string;
  /** The type spelled exactly `text[start, end)`, if parsed before (pos is not changed). */
  cachedTypeSpan(start: number, end: number): Type | undefined;
  /** The attribute spelled `text[start, end)` under `salt` (a type id, or -1), if built before. */
  cachedAttrSpan(start: number, end: number, salt: number): Attribute | undefined;
  rememberAttrSpan(start: number, end: number, salt: number, a: Attribute): void;
  /** Records that `text[start, end)` spells `t`. */
  rememberType(start: number, end: number, t: Type): void;
  parseAttributeAt(q: number, type?: Type): Attribute | undefined;
  /** A non-container attribute (see parseLeafAttribute), cached by source text. */
  leafAttribute(q: number, providedType: Type | undefined): Attribute | undefined;
  /** `loc(...)` in attribute position, at the `loc` keyword. */
  parseLocationAttrAt(q: number): Location | undefined;
  /** The attribute at `q` through the cached chevrotain path. */
  slowAttribute(q: number, type?: Type): Attribute | undefined;
  /** `distinct[id]<referenced>`: the same id in one file is the same attribute. */
  distinctAttr(id: bigint, referenced: Attribute, offset: number): Attribute | undefined;
}

/** A lexer error at `q` if no token starts there, else MLIR's wrong-token `message`. */
export function unexpectedToken(sink: ParseSink, q: number, message: string): undefined {
  const lexError = lexErrorAt(sink.text, q);
  return lexError ? sink.emitLexError(lexError[0], lexError[1]) : sink.emitWrongToken(q, message);
}

//===----------------------------------------------------------------------===//
// Scalar types
//===----------------------------------------------------------------------===//

const floatKindByName = new Map<string, FloatKind>();
for (const k of FLOAT_KINDS) floatKindByName.set(k, k);

/** The float kind spelled `text[start, end)`, or undefined. */
export function floatKindOf(text: string, start: number, end: number): FloatKind | undefined {
  const c = text.charCodeAt(start);
  if (c !== Ch.f && c !== 98 /* b */ && c !== 116 /* t */) return undefined;
  return floatKindByName.get(text.substring(start, end));
}

/**
 * True if `text[start, end)` is an integer type token: `i[0-9]+`, `si[0-9]+` or
 * `ui[0-9]+` (Lexer::lexBareIdentifierOrKeyword).
 */
export function isIntTypeSpelling(text: string, start: number, end: number): boolean {
  let p = start;
  const c = text.charCodeAt(p);
  if (c === Ch.s || c === Ch.u) p++;
  if (text.charCodeAt(p) !== Ch.i) return false;
  p++;
  if (p >= end) return false;
  for (; p < end; p++) if (!isDigit(text.charCodeAt(p))) return false;
  return true;
}

/**
 * The integer type for a token accepted by isIntTypeSpelling, or undefined after
 * reporting "invalid integer width" / "integer bitwidth is limited to 16777215 bits".
 */
export function buildIntegerType(sink: ParseSink, start: number, end: number): IntegerType | undefined {
  const text = sink.text;
  const c = text.charCodeAt(start);
  const signedness = c === Ch.s ? Signedness.Signed : c === Ch.u ? Signedness.Unsigned : Signedness.Signless;
  let p = start + (signedness === Signedness.Signless ? 1 : 2);
  let width = 0;
  for (; p < end; p++) {
    width = width * 10 + (text.charCodeAt(p) - Ch.D0);
    // Token::getIntTypeBitwidth reads an unsigned (32-bit) value.
    if (width > 0xffffffff) return sink.emitErrorAt(start, "invalid integer width");
  }
  if (width > kMaxIntegerWidth) return sink.emitErrorAt(start, `integer bitwidth is limited to ${kMaxIntegerWidth} bits`);
  return IntegerType.get(sink.ctx, width, signedness);
}

//===----------------------------------------------------------------------===//
// Integer and float literals
//===----------------------------------------------------------------------===//

/**
 * The value of the integer literal `spelling` (decimal or `0x` hex), negated if
 * `negative`, checked against `type` as MLIR's buildAttributeAPInt does: the
 * magnitude must fit the width; a negated value must have its sign bit set (so
 * `-0` is out of range, as in MLIR); a positive signed or index value must not.
 * Returns the value normalised to the type (signed unless the type is unsigned),
 * or undefined when out of range.
 */
export function integerLiteralValue(spelling: string, negative: boolean, type: IntegerType | IndexType): bigint | undefined {
  const width = type instanceof IndexType ? IndexType.storageWidth : type.width;
  let v = BigInt(spelling);
  if (width === 0) return negative || v !== 0n ? undefined : 0n;
  const w = BigInt(width);
  if (v >> w !== 0n) return undefined;
  const signBit = 1n << (w - 1n);
  const isUnsigned = type instanceof IntegerType && type.signedness === Signedness.Unsigned;
  if (negative) {
    v = (-v) & ((1n << w) - 1n);
    if ((v & signBit) === 0n) return undefined;
  } else if ((type instanceof IndexType || type.signedness === Signedness.Signed) && (v & signBit) !== 0n) {
    return undefined;
  }
  if (isUnsigned) return v;
  return v & signBit ? v - (1n << w) : v;
}

/**
 * The value of a short decimal literal `text[start, end)` checked and
 * normalised as integerLiteralValue does, computed in doubles: a number, null
 * when out of range, or undefined when the literal is hex or too long for
 * doubles (callers then use integerLiteralValue). O(digits).
 */
export function smallIntegerLiteral(text: string, start: number, end: number, negative: boolean, type: IntegerType | IndexType): number | null | undefined {
  if (end - start > 15 || (end - start > 1 && text.charCodeAt(start + 1) === Ch.x)) return undefined;
  let v = 0;
  for (let i = start; i < end; i++) v = v * 10 + (text.charCodeAt(i) - Ch.D0);
  const width = type instanceof IndexType ? 64 : type.width;
  if (width === 0) return negative || v !== 0 ? null : 0;
  if (width >= 54) {
    // |v| < 10^15 < 2^50: in range except `-0`, whose negation has no sign bit (MLIR rejects it).
    if (negative) return v === 0 ? null : -v;
    return v;
  }
  const full = 2 ** width;
  const half = full / 2;
  if (v >= full) return null;
  if (negative) return v >= 1 && v <= half ? -v : null;
  const signed = type instanceof IndexType || type.signedness === Signedness.Signed;
  if (signed && v >= half) return null;
  if (type instanceof IntegerType && type.signedness === Signedness.Unsigned) return v;
  return v >= half ? v - full : v;
}

/**
 * Builds the attribute for an integer literal token `text[start, end)` with
 * type `type` (Parser::parseDecOrHexAttr after the type is known). `tokenOffset`
 * is where MLIR reports (the integer token). Float types read a hex literal as a
 * bit pattern (parseFloatFromIntegerLiteral).
 */
export function buildIntegerLiteralAttr(
  sink: ParseSink,
  start: number,
  end: number,
  negative: boolean,
  type: Type,
): Attribute | undefined {
  if (type instanceof FloatType) {
    const bits = floatBitsFromIntegerLiteral(sink, sink.text.substring(start, end), start, negative, type.kind);
    return bits === undefined ? undefined : FloatAttr.get(sink.ctx, type, bits);
  }
  if (!(type instanceof IntegerType) && !(type instanceof IndexType))
    return sink.emitErrorAt(start, "integer literal not valid for specified type");
  if (negative && type instanceof IntegerType && type.signedness === Signedness.Unsigned)
    return sink.emitErrorAt(start, "negative integer literal not valid for unsigned integer type");
  const small = smallIntegerLiteral(sink.text, start, end, negative, type);
  if (small === null) return sink.emitErrorAt(start, "integer constant out of range for attribute");
  if (small !== undefined) return IntegerAttr.getFromSafeInteger(sink.ctx, type, small);
  const v = integerLiteralValue(sink.text.substring(start, end), negative, type);
  if (v === undefined) return sink.emitErrorAt(start, "integer constant out of range for attribute");
  return IntegerAttr.get(sink.ctx, type, v);
}

/**
 * The bit pattern of a float written as an integer literal (Parser::
 * parseFloatFromIntegerLiteral): only hex is allowed, without a minus, and it
 * must fit the type's width. Reports at `offset` (the integer token).
 */
export function floatBitsFromIntegerLiteral(
  sink: ParseSink,
  spelling: string,
  offset: number,
  negative: boolean,
  kind: FloatKind,
): bigint | undefined {
  if (spelling.length < 2 || spelling.charCodeAt(1) !== Ch.x)
    return sink.emitErrorAt(offset, "unexpected decimal integer literal for a floating point value", "add a trailing dot to make the literal a float");
  if (negative) return sink.emitErrorAt(offset, "hexadecimal float literal should not have a leading minus");
  const bits = BigInt(spelling);
  if (bits >> BigInt(getFloatSemantics(kind).bitWidth) !== 0n)
    return sink.emitErrorAt(offset, "hexadecimal float constant out of range for type");
  return bits;
}

const f64View = new DataView(new ArrayBuffer(8));

/**
 * The bit pattern of the float literal `spelling` (sign applied) in `kind`: MLIR
 * rounds the text to f64 (Token::getFloatingPointValue, correctly rounded, as
 * JS number parsing is), then converts to the type (nearest-even). Undefined
 * only for values LLVM cannot represent (a negative f8E8M0FNU).
 */
export function floatLiteralBits(spelling: string, negative: boolean, kind: FloatKind): bigint | undefined {
  let x = Number(spelling);
  if (negative) x = -x;
  if (kind === "f64") {
    f64View.setFloat64(0, x);
    return f64View.getBigUint64(0);
  }
  if (kind === "f32") {
    f64View.setFloat32(0, x);
    return BigInt(f64View.getUint32(0));
  }
  return floatBitsFromNumber(x, kind);
}

/**
 * Builds a FloatAttr for a float literal token with type `type`; a non-float
 * type is "floating point value not valid for specified type" at `typeEndOffset`
 * (the token after the type, where MLIR's emitError() points).
 */
export function buildFloatLiteralAttr(
  sink: ParseSink,
  start: number,
  end: number,
  negative: boolean,
  type: Type,
  typeEndOffset: number,
): Attribute | undefined {
  if (!(type instanceof FloatType)) return sink.emitErrorAt(typeEndOffset, "floating point value not valid for specified type");
  const spelling = sink.text.substring(start, end);
  // f64 and the IEEE kinds of at most 32 bits round without BigInt (float-bits.ts).
  const x = negative ? -Number(spelling) : Number(spelling);
  if (type.kind === "f64") return FloatAttr.getFromF64(sink.ctx, type, x);
  const sem = getFloatSemantics(type.kind);
  if (hasNumberBits(sem)) return FloatAttr.getFromNumberBits(sink.ctx, type, ieeeBitsFromNumber(x, sem));
  const bits = floatLiteralBits(spelling, negative, type.kind);
  if (bits === undefined) return sink.emitErrorAt(start, "floating point value not valid for specified type");
  return FloatAttr.get(sink.ctx, type, bits);
}

//===----------------------------------------------------------------------===//
// Shaped and composite types
//===----------------------------------------------------------------------===//

/** TensorType::isValidElementType: int, index, float, complex, vector, opaque or non-builtin types. */
export function isValidTensorElementType(t: Type): boolean {
  return (
    t instanceof IntegerType ||
    t instanceof IndexType ||
    t instanceof FloatType ||
    t instanceof ComplexType ||
    t instanceof VectorType ||
    t instanceof OpaqueType
  );
}

/** BaseMemRefType::isValidElementType: int, index, float, complex, vector and memrefs. */
export function isValidMemRefElementType(t: Type): boolean {
  return (
    t instanceof IntegerType ||
    t instanceof IndexType ||
    t instanceof FloatType ||
    t instanceof ComplexType ||
    t instanceof VectorType ||
    t instanceof MemRefType ||
    t instanceof UnrankedMemRefType
  );
}

/** `complex<T>`: T must be an integer or float type ("invalid element type for complex" at T). */
export function buildComplexType(sink: ParseSink, elementType: Type, elementOffset: number): ComplexType | undefined {
  if (!(elementType instanceof IntegerType) && !(elementType instanceof FloatType))
    return sink.emitErrorAt(elementOffset, "invalid element type for complex");
  return ComplexType.get(sink.ctx, elementType);
}

/**
 * Finishes `tensor<...>` after its `>`: element validity at the element type,
 * then "cannot apply encoding to unranked tensor" at `afterOffset`.
 */
export function finishTensorType(
  sink: ParseSink,
  prefix: ShapePrefix,
  elementType: Type,
  elementOffset: number,
  encoding: Attribute | undefined,
  afterOffset: number,
): ShapedType | undefined {
  if (!isValidTensorElementType(elementType)) return sink.emitErrorAt(elementOffset, "invalid tensor element type");
  if (prefix.unranked) {
    if (encoding) return sink.emitErrorAt(afterOffset, "cannot apply encoding to unranked tensor");
    return UnrankedTensorType.get(sink.ctx, elementType);
  }
  return RankedTensorType.get(sink.ctx, prefix.shape, elementType, encoding);
}

/** Finishes `vector<...>` (VectorType verification, reported at the `vector` keyword). */
export function finishVectorType(sink: ParseSink, prefix: ShapePrefix, elementType: Type): VectorType | undefined {
  if (!(elementType instanceof IntegerType || elementType instanceof IndexType || elementType instanceof FloatType))
    return sink.emitErrorAt(prefix.start, "failed to verify 'elementType': VectorElementTypeInterface instance");
  for (const d of prefix.shape)
    if (d <= 0) return sink.emitErrorAt(prefix.start, "vector types must have positive constant sizes but got " + prefix.shape.join(", "));
  return VectorType.get(sink.ctx, prefix.shape, elementType, prefix.scalable);
}

/** True for attributes implementing MemRefLayoutAttrInterface (affine maps, strided layouts). */
export function isMemRefLayout(a: Attribute): boolean {
  return a instanceof AffineMapAttr || a instanceof StridedLayoutAttr;
}

/**
 * Accumulates the `, layout, memory-space` list of a memref (the parseElt
 * lambda of Parser::parseMemRefType). Returns false after reporting.
 * `afterOffset` is the token after the attribute, where MLIR reports.
 */
export function addMemRefExtra(
  sink: ParseSink,
  state: { layout: Attribute | undefined; memorySpace: Attribute | undefined },
  unranked: boolean,
  attr: Attribute,
  afterOffset: number,
): boolean {
  if (isMemRefLayout(attr)) {
    state.layout = attr;
  } else if (state.memorySpace) {
    sink.emitErrorAt(afterOffset, "multiple memory spaces specified in memref type");
    return false;
  } else {
    state.memorySpace = attr;
    return true;
  }
  if (unranked) {
    sink.emitErrorAt(afterOffset, "cannot have affine map for unranked memref type");
    return false;
  }
  if (state.memorySpace) {
    sink.emitErrorAt(afterOffset, "expected memory space to be last in memref type");
    return false;
  }
  return true;
}

/**
 * Builds a memref type: drops an integer memory space of 0 and an identity
 * affine-map layout (MLIR canonicalises both away), and checks the layout
 * against the rank (errors at the `memref` keyword, like getChecked).
 */
export function finishMemRefType(
  sink: ParseSink,
  prefix: ShapePrefix,
  elementType: Type,
  layout: Attribute | undefined,
  memorySpace: Attribute | undefined,
): ShapedType | undefined {
  if (memorySpace instanceof IntegerAttr && memorySpace.value === 0n) memorySpace = undefined;
  // isSupportedMemorySpace: integers, strings, dictionaries, or attributes of
  // non-builtin dialects. A dialect attribute we keep opaque may belong to a
  // dialect mlir-opt has registered (`#gpu.address_space<...>`), so accept it.
  const badSpace =
    memorySpace !== undefined &&
    !(memorySpace instanceof IntegerAttr || memorySpace instanceof StringAttr || memorySpace instanceof DictionaryAttr || memorySpace instanceof OpaqueAttr);
  if (prefix.unranked) {
    if (badSpace) return sink.emitErrorAt(prefix.start, "unsupported memory space Attribute");
    return UnrankedMemRefType.get(sink.ctx, elementType, memorySpace);
  }
  const rank = prefix.shape.length;
  if (layout instanceof AffineMapAttr) {
    const map = layout.value;
    if (map.numDims !== rank)
      return sink.emitErrorAt(prefix.start, `memref layout mismatch between rank and affine map: ${rank} != ${map.numDims}`);
    if (map.isIdentity()) layout = undefined;
  } else if (layout instanceof StridedLayoutAttr) {
    if (layout.strides.length !== rank) return sink.emitErrorAt(prefix.start, "expected the number of strides to match the rank");
  }
  if (badSpace) return sink.emitErrorAt(prefix.start, "unsupported memory space Attribute");
  return MemRefType.get(sink.ctx, prefix.shape, elementType, layout, memorySpace);
}

/** The element type of a shape prefix's kind, checked; used after parsing it. */
export function checkMemRefElementType(sink: ParseSink, elementType: Type, elementOffset: number): boolean {
  if (isValidMemRefElementType(elementType)) return true;
  sink.emitErrorAt(elementOffset, "invalid memref element type");
  return false;
}

export { ShapedKind };

//===----------------------------------------------------------------------===//
// Dialect symbols: `!dialect.name<...>`, `#dialect<...>`
//===----------------------------------------------------------------------===//

/**
 * Splits a dialect symbol `text[start+1, idEnd)` (+ body up to `bodyEnd`, or -1)
 * into namespace and data exactly as parseExtendedSymbol does: a pretty name
 * (`foo.bar<x>`) keeps `bar<x>` as data; the verbose form (`foo<x>`) keeps the
 * body without its angle brackets.
 */
export function splitDialectSymbol(text: string, start: number, idEnd: number, bodyEnd: number): { dialect: string; data: string } {
  const dot = text.indexOf(".", start + 1);
  if (dot >= 0 && dot < idEnd) {
    return { dialect: text.substring(start + 1, dot), data: text.substring(dot + 1, bodyEnd >= 0 ? bodyEnd : idEnd) };
  }
  return { dialect: text.substring(start + 1, idEnd), data: text.substring(idEnd + 1, bodyEnd - 1) };
}

/** True if `text[start+1, idEnd)` (no `<` glued) names an alias rather than a dialect symbol. */
export function isAliasReference(text: string, start: number, idEnd: number, bodyEnd: number): boolean {
  if (bodyEnd >= 0) return false;
  for (let i = start + 1; i < idEnd; i++) if (text.charCodeAt(i) === Ch.Dot) return false;
  return true;
}

/**
 * Where parseExtendedSymbol reports verification errors: the data start for a
 * pretty name (`!foo.<here>bar`), else the sigil.
 */
function symbolErrorOffset(text: string, start: number, idEnd: number): number {
  const dot = text.indexOf(".", start + 1);
  return dot >= 0 && dot < idEnd ? dot + 1 : start;
}

/** OpaqueType/OpaqueAttr verification: the dialect must be loaded unless unregistered dialects are allowed. */
function checkDialect(sink: ParseSink, dialect: string, what: string, offset: number): boolean {
  if (sink.ctx.allowUnregisteredDialects || sink.ctx.isDialectLoaded(dialect)) return true;
  sink.emitErrorAt(
    offset,
    `${what} created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used`,
  );
  return false;
}

/** `!dialect...`: an OpaqueType kept verbatim. Reports undefined aliases at the token after the id. */
export function buildDialectType(sink: ParseSink, start: number, idEnd: number, bodyEnd: number): Type | undefined {
  const text = sink.text;
  if (isAliasReference(text, start, idEnd, bodyEnd)) {
    const name = text.substring(start + 1, idEnd);
    const t = sink.typeAlias(name);
    if (!t) return sink.emitWrongToken(idEnd, `undefined symbol alias id '${name}'`);
    return t;
  }
  const { dialect, data } = splitDialectSymbol(text, start, idEnd, bodyEnd);
  if (!checkDialect(sink, dialect, `\`!"${dialect}"<"${data}">\` type`, symbolErrorOffset(text, start, idEnd))) return undefined;
  return OpaqueType.get(sink.ctx, dialect, data);
}

/** `#dialect...` (not an alias) with its optional type: an OpaqueAttr kept verbatim. */
export function buildDialectAttr(sink: ParseSink, start: number, idEnd: number, bodyEnd: number, type: Type | undefined): Attribute | undefined {
  const { dialect, data } = splitDialectSymbol(sink.text, start, idEnd, bodyEnd);
  const typeText = type ? quoteType(type) : "'none'";
  if (!checkDialect(sink, dialect, `#"${dialect}"<"${data}"> : ${typeText} attribute`, symbolErrorOffset(sink.text, start, idEnd)))
    return undefined;
  return OpaqueAttr.get(sink.ctx, dialect, data, type instanceof NoneType ? undefined : type);
}

/** Resolves `#name` to an attribute alias, or reports at the token after it. */
export function resolveAttrAlias(sink: ParseSink, start: number, idEnd: number): Attribute | undefined {
  const name = sink.text.substring(start + 1, idEnd);
  const a = sink.attrAlias(name);
  if (!a) return sink.emitWrongToken(idEnd, `undefined symbol alias id '${name}'`);
  return a;
}

/** `'type'` as MLIR quotes types in diagnostics. */
export function quoteType(t: Type): string {
  return "'" + printTypeForDiagnostic(t) + "'";
}

/** An attribute as MLIR streams it into diagnostics. */
export function attrText(a: Attribute): string {
  return printAttributeForDiagnostic(a);
}
