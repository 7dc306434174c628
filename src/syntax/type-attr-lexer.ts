// Chevrotain tokens and the one module-level Lexer for the slow (rich) path of
// type and attribute parsing. Lexical chunks that MLIR scans by hand are single
// tokens here with custom matchers (and a payload where scanning found
// structure): strings, `@`/`#`/`!` symbols with their `<...>` bodies, the
// `tensor<4x?x` shape prefixes, and `dense<...>`, `sparse<...>`, `loc(...)`,
// `affine_map<...>`/`affine_set<...>` literals whose bodies hand-written parsers read.

import { createToken, Lexer, type CustomPatternMatcherReturn, type LexerInstance, type TokenType } from "./chevrotain.js";
import { FLOAT_KINDS } from "../ir/float-format.js";
import { affineLiteralEnd } from "./affine-bridge.js";
import { lexStringLiteral } from "./escape.js";
import {
  Ch,
  isAlpha,
  isBareIdChar,
  newShapePrefix,
  scanBalanced,
  scanBareId,
  scanDialectBody,
  scanShapePrefix,
  scanSuffixId,
  ShapedKind,
  type ScanError,
  type ShapePrefix,
} from "./scan.js";
import { skipTrivia } from "./trivia.js";

function matched(text: string, start: number, end: number, payload?: unknown): CustomPatternMatcherReturn {
  const r = [text.substring(start, end)] as CustomPatternMatcherReturn;
  if (payload !== undefined) r.payload = payload;
  return r;
}

/** `"..."`; malformed strings do not match (the lexer error is mapped to MLIR's message). */
function matchString(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== Ch.Quote) return null;
  const r = lexStringLiteral(text, offset);
  return r.end < 0 ? null : matched(text, offset, r.end);
}

/** `@name` or `@"quoted"` (Lexer::lexAtIdentifier). */
function matchAt(text: string, offset: number): CustomPatternMatcherReturn | null {
  if (text.charCodeAt(offset) !== Ch.At) return null;
  const c = text.charCodeAt(offset + 1);
  if (c === Ch.Quote) {
    const r = lexStringLiteral(text, offset + 1);
    return r.end < 0 ? null : matched(text, offset, r.end);
  }
  if (!isAlpha(c) && c !== Ch.Underscore) return null;
  return matched(text, offset, scanBareId(text, offset + 1));
}

/** Payload of a `#`/`!` symbol token: where its id ends, and its body's end or scan error. */
export interface SymbolPayload {
  idEnd: number;
  /** End of the `<...>` body glued to the id, or -1 when there is none. */
  bodyEnd: number;
  bodyError: ScanError | undefined;
}

function makeSymbolMatcher(sigil: number) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null =>
    text.charCodeAt(offset) === sigil ? matchSymbol(text, offset) : null;
}

function matchSymbol(text: string, offset: number): CustomPatternMatcherReturn | null {
  const idEnd = scanSuffixId(text, offset);
  if (idEnd < 0) return null;
  const payload: SymbolPayload = { idEnd, bodyEnd: -1, bodyError: undefined };
  if (text.charCodeAt(idEnd) !== Ch.Less) return matched(text, offset, idEnd, payload);
  const r = scanDialectBody(text, idEnd);
  if (typeof r === "number") {
    payload.bodyEnd = r;
    return matched(text, offset, r, payload);
  }
  payload.bodyError = r;
  return matched(text, offset, idEnd, payload);
}

/** `kw` + trivia + `open`: the offset of `open`, or -1. `kw` must not continue as an identifier. */
function keywordThen(text: string, offset: number, kw: string, open: number): number {
  if (!text.startsWith(kw, offset) || isBareIdChar(text.charCodeAt(offset + kw.length))) return -1;
  const p = skipTrivia(text, offset + kw.length);
  return text.charCodeAt(p) === open ? p : -1;
}

function makeShapeMatcher(kw: string, kind: ShapedKind) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const lt = keywordThen(text, offset, kw, Ch.Less);
    if (lt < 0) return null;
    const prefix: ShapePrefix = scanShapePrefix(text, kind, offset, lt + 1, newShapePrefix());
    return matched(text, offset, Math.max(prefix.end, lt + 1), prefix);
  };
}

/** Payload of a `kw<...>` / `loc(...)` literal token: the offset of its opening bracket. */
export interface LiteralPayload {
  open: number;
}

function makeLiteralMatcher(kw: string, open: number) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const p = keywordThen(text, offset, kw, open);
    if (p < 0) return null;
    const payload: LiteralPayload = { open: p };
    return matched(text, offset, scanBalanced(text, p), payload);
  };
}

/** `affine_map<...>` / `affine_set<...>`: the body may hold `>=`, so it is not bracket-balanced. */
function makeAffineMatcher(kw: string) {
  return (text: string, offset: number): CustomPatternMatcherReturn | null => {
    const p = keywordThen(text, offset, kw, Ch.Less);
    if (p < 0) return null;
    const payload: LiteralPayload = { open: p };
    return matched(text, offset, affineLiteralEnd(text, p), payload);
  };
}

// Trivia.
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
export const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });

// Lexical chunks (custom matchers).
export const StringLit = createToken({ name: "StringLit", pattern: matchString, start_chars_hint: ['"'], line_breaks: false });
export const AtIdent = createToken({ name: "AtIdent", pattern: matchAt, start_chars_hint: ["@"], line_breaks: false });
export const HashSymbol = createToken({ name: "HashSymbol", pattern: makeSymbolMatcher(Ch.Hash), start_chars_hint: ["#"], line_breaks: true });
export const BangSymbol = createToken({ name: "BangSymbol", pattern: makeSymbolMatcher(Ch.Bang), start_chars_hint: ["!"], line_breaks: true });
export const TensorHead = createToken({ name: "TensorHead", pattern: makeShapeMatcher("tensor", ShapedKind.Tensor), start_chars_hint: ["t"], line_breaks: true });
export const MemRefHead = createToken({ name: "MemRefHead", pattern: makeShapeMatcher("memref", ShapedKind.MemRef), start_chars_hint: ["m"], line_breaks: true });
export const VectorHead = createToken({ name: "VectorHead", pattern: makeShapeMatcher("vector", ShapedKind.Vector), start_chars_hint: ["v"], line_breaks: true });
export const AffineMapLit = createToken({ name: "AffineMapLit", pattern: makeAffineMatcher("affine_map"), start_chars_hint: ["a"], line_breaks: true });
export const AffineSetLit = createToken({ name: "AffineSetLit", pattern: makeAffineMatcher("affine_set"), start_chars_hint: ["a"], line_breaks: true });
export const DenseLit = createToken({ name: "DenseLit", pattern: makeLiteralMatcher("dense", Ch.Less), start_chars_hint: ["d"], line_breaks: true });
export const SparseLit = createToken({ name: "SparseLit", pattern: makeLiteralMatcher("sparse", Ch.Less), start_chars_hint: ["s"], line_breaks: true });
export const LocLit = createToken({ name: "LocLit", pattern: makeLiteralMatcher("loc", Ch.LParen), start_chars_hint: ["l"], line_breaks: true });

// Punctuation and numbers.
export const Arrow = createToken({ name: "Arrow", pattern: /->/ });
export const Minus = createToken({ name: "Minus", pattern: /-/ });
export const IntLit = createToken({ name: "IntLit", pattern: Lexer.NA });
export const FloatLit = createToken({ name: "FloatLit", pattern: /[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?/ });
export const HexInt = createToken({ name: "HexInt", pattern: /0x[0-9a-fA-F]+/, categories: [IntLit] });
export const DecInt = createToken({ name: "DecInt", pattern: /[0-9]+/, categories: [IntLit] });
export const ColonColon = createToken({ name: "ColonColon", pattern: /::/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Equal = createToken({ name: "Equal", pattern: /=/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/ });
export const RBracket = createToken({ name: "RBracket", pattern: /]/ });
export const LBrace = createToken({ name: "LBrace", pattern: /{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /}/ });
export const Question = createToken({ name: "Question", pattern: /\?/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
// Tokens MLIR lexes but no type or attribute uses: the parser reports them as unexpected.
export const OtherToken = createToken({ name: "OtherToken", pattern: /[%^][a-zA-Z0-9$._-]+|\+|\||\.\.\./ });

// Identifiers and keywords. Every keyword also counts as an identifier (`AnyIdent`),
// since MLIR accepts keywords as dictionary keys and resource names.
export const AnyIdent = createToken({ name: "AnyIdent", pattern: Lexer.NA });
export const BareId = createToken({ name: "BareId", pattern: /[a-zA-Z_][a-zA-Z0-9_$.]*/, categories: [AnyIdent] });
export const IntType = createToken({ name: "IntType", pattern: /[su]?i[0-9]+/, longer_alt: BareId, categories: [AnyIdent] });

/** Float type keywords, longest first so that `f8E4M3FN` wins over `f8E4M3`. */
const floatKindsByLength = FLOAT_KINDS.slice().sort((a, b) => b.length - a.length);
export const FloatTypeKw = createToken({
  name: "FloatTypeKw",
  pattern: new RegExp(floatKindsByLength.join("|")),
  longer_alt: BareId,
  categories: [AnyIdent],
});

function keyword(word: string): TokenType {
  return createToken({ name: "Kw_" + word, pattern: new RegExp(word), longer_alt: BareId, categories: [AnyIdent] });
}
export const KwIndex = keyword("index");
export const KwNone = keyword("none");
export const KwComplex = keyword("complex");
export const KwTuple = keyword("tuple");
export const KwTensor = keyword("tensor");
export const KwMemRef = keyword("memref");
export const KwVector = keyword("vector");
export const KwTrue = keyword("true");
export const KwFalse = keyword("false");
export const KwUnit = keyword("unit");
export const KwDenseResource = keyword("dense_resource");
export const KwDense = keyword("dense");
export const KwSparse = keyword("sparse");
export const KwArray = keyword("array");
export const KwStrided = keyword("strided");
export const KwOffset = keyword("offset");
export const KwDistinct = keyword("distinct");
export const KwAffineMap = keyword("affine_map");
export const KwAffineSet = keyword("affine_set");
export const KwLoc = keyword("loc");

/** All tokens; order is priority. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLit,
  AtIdent,
  HashSymbol,
  BangSymbol,
  TensorHead,
  MemRefHead,
  VectorHead,
  AffineMapLit,
  AffineSetLit,
  DenseLit,
  SparseLit,
  LocLit,
  Arrow,
  Minus,
  FloatLit,
  HexInt,
  DecInt,
  IntLit,
  ColonColon,
  Colon,
  Comma,
  Equal,
  Less,
  Greater,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LBrace,
  RBrace,
  Question,
  Star,
  OtherToken,
  IntType,
  FloatTypeKw,
  KwIndex,
  KwNone,
  KwComplex,
  KwTuple,
  KwTensor,
  KwMemRef,
  KwVector,
  KwTrue,
  KwFalse,
  KwUnit,
  KwDenseResource,
  KwDense,
  KwSparse,
  KwArray,
  KwStrided,
  KwOffset,
  KwDistinct,
  KwAffineMap,
  KwAffineSet,
  KwLoc,
  BareId,
  AnyIdent,
];

let lexerInstance: LexerInstance | undefined;

/**
 * The one lexer for the slow path (offsets only: lines come lazily from
 * SourceFile), built on first use: construction costs tens of milliseconds.
 */
export function typeAttrLexer(): LexerInstance {
  return (lexerInstance ??= new Lexer(allTokens, { ensureOptimizations: true, positionTracking: "onlyOffset" }));
}
