// Character-level scanning shared by the type/attribute fast path and the
// chevrotain custom token matchers: MLIR's lexical rules (numbers, identifiers,
// dialect symbol bodies, shape prefixes), extents of types and attributes, and
// MLIR's rule for where a "wrong token" error is reported. No token objects.

import { affineLiteralEnd } from "./affine-bridge.js";
import { lexStringLiteral } from "./escape.js";
import { skipTrivia } from "./trivia.js";

export const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Dollar = 36,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Star = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  D0 = 48,
  D9 = 57,
  Colon = 58,
  Less = 60,
  Equal = 61,
  Greater = 62,
  Question = 63,
  At = 64,
  A = 65,
  E = 69,
  F = 70,
  Z = 90,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Caret = 94,
  Underscore = 95,
  a = 97,
  e = 101,
  f = 102,
  i = 105,
  s = 115,
  u = 117,
  x = 120,
  z = 122,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

export function isDigit(c: number): boolean {
  return c >= Ch.D0 && c <= Ch.D9;
}
export function isHexDigit(c: number): boolean {
  return (c >= Ch.D0 && c <= Ch.D9) || (c >= Ch.a && c <= Ch.f) || (c >= Ch.A && c <= Ch.F);
}
export function isAlpha(c: number): boolean {
  return (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z);
}
/** 1 at the ASCII codes of `[A-Za-z0-9_$.]` (one load instead of five range tests in hot loops). */
const kBareIdChars = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  kBareIdChars[c] = (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z) || (c >= Ch.D0 && c <= Ch.D9) || c === Ch.Underscore || c === Ch.Dollar || c === Ch.Dot ? 1 : 0;

/** `[A-Za-z0-9_$.]`: characters after the first of a bare identifier. */
export function isBareIdChar(c: number): boolean {
  return c < 128 && kBareIdChars[c] === 1;
}
/** `[A-Za-z0-9$._-]`: characters of a sigil suffix id (`#`, `!`, `%`, `^`). */
export function isSuffixIdChar(c: number): boolean {
  return isAlpha(c) || isDigit(c) || c === Ch.Underscore || c === Ch.Dollar || c === Ch.Dot || c === Ch.Minus;
}

/** End of the bare identifier starting at `p` (caller checked the first char). */
export function scanBareId(text: string, p: number): number {
  const n = text.length;
  p++;
  while (p < n && isBareIdChar(text.charCodeAt(p))) p++;
  return p;
}

/**
 * End of the suffix id after a sigil at `p` (`#foo.bar`, `!x`, `#12`), or -1 if
 * there is none (MLIR: "invalid attribute name" / "invalid type identifier").
 */
export function scanSuffixId(text: string, p: number): number {
  const n = text.length;
  let q = p + 1;
  const c = text.charCodeAt(q);
  if (isDigit(c)) {
    while (q < n && isDigit(text.charCodeAt(q))) q++;
    return q;
  }
  if (!isAlpha(c) && c !== Ch.Underscore && c !== Ch.Dollar && c !== Ch.Dot && c !== Ch.Minus) return -1;
  while (q < n && isSuffixIdChar(text.charCodeAt(q))) q++;
  return q;
}

/**
 * End of the number literal starting with a digit at `p` (Lexer::lexNumber):
 * `0x` hex (only when a hex digit follows), decimal, or float `[0-9]+.[0-9]*` with
 * an optional exponent. A literal is a float exactly when it contains a `.`.
 */
export function scanNumber(text: string, p: number): number {
  const n = text.length;
  if (text.charCodeAt(p) === Ch.D0 && text.charCodeAt(p + 1) === Ch.x) {
    if (!isHexDigit(text.charCodeAt(p + 2))) return p + 1;
    p += 3;
    while (p < n && isHexDigit(text.charCodeAt(p))) p++;
    return p;
  }
  p++;
  while (p < n && isDigit(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== Ch.Dot) return p;
  p++;
  while (p < n && isDigit(text.charCodeAt(p))) p++;
  const c = text.charCodeAt(p);
  if (c === Ch.e || c === Ch.E) {
    const d = text.charCodeAt(p + 1);
    if (isDigit(d) || ((d === Ch.Minus || d === Ch.Plus) && isDigit(text.charCodeAt(p + 2)))) {
      p += 2;
      while (p < n && isDigit(text.charCodeAt(p))) p++;
    }
  }
  return p;
}

/** True if the number literal `text[start, end)` is a float (has a `.`). */
export function isFloatSpelling(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (text.charCodeAt(i) === Ch.Dot) return true;
  return false;
}

/**
 * Where MLIR reports an error about the token at `tokenOffset`
 * (Parser::emitWrongTokenError): at end of input one character back, then back
 * over spaces and tabs; a line break moves to the end of the previous line,
 * skipping a `//` comment on it. So "expected '>'" points just after the last
 * good token. Reaching the start of `text` reports at the token itself, except
 * for a `body` (the inside of `affine_map<...>`): its end is not end of input,
 * and the `<` before it stops the walk at 0. O(distance backed up).
 */
export function wrongTokenOffset(text: string, tokenOffset: number, body = false): number {
  const original = !body && tokenOffset >= text.length ? Math.max(0, text.length - 1) : tokenOffset;
  let end = original;
  for (;;) {
    while (end > 0) {
      const c = text.charCodeAt(end - 1);
      if (c !== Ch.Space && c !== Ch.Tab) break;
      end--;
    }
    if (end === 0) return body ? 0 : original;
    const c = text.charCodeAt(end - 1);
    if (c !== Ch.LF && c !== Ch.CR) return end;
    end--;
    let lineStart = end;
    while (lineStart > 0) {
      const d = text.charCodeAt(lineStart - 1);
      if (d === Ch.LF || d === Ch.CR) break;
      lineStart--;
    }
    // MLIR's prevLine keeps the line break it found; `//` cannot start there.
    const comment = text.indexOf("//", lineStart);
    if (comment >= 0 && comment < end) end = comment;
  }
}

/** Where MLIR reports emitError() at the current token: at end of input, one back. */
export function currentTokenOffset(text: string, tokenOffset: number): number {
  return tokenOffset >= text.length ? Math.max(0, text.length - 1) : tokenOffset;
}

//===----------------------------------------------------------------------===//
// Dialect symbol bodies and balanced extents
//===----------------------------------------------------------------------===//

/** Error from a scanner: offset of the token MLIR blames, and the message. */
export interface ScanError {
  offset: number;
  message: string;
}

/** The opening bracket matched by closing bracket `c` (`>` closes `<`). */
function openerOf(c: number): number {
  return c === Ch.Greater ? Ch.Less : c === Ch.RBracket ? Ch.LBracket : c === Ch.RParen ? Ch.LParen : Ch.LBrace;
}

/**
 * Scans a pretty dialect symbol body starting at the `<` at `p`
 * (Parser::parseDialectSymbolBody): nested `<([{` must balance, `->` is one
 * token, strings are lexed whole. Returns the offset after the closing `>`, or a
 * ScanError: "unbalanced 'c' character in pretty dialect name" at the `<` (or at
 * the last string lexed inside), or a string literal error. O(body length).
 */
export function scanDialectBody(text: string, p: number): number | ScanError {
  const stack: number[] = [];
  const n = text.length;
  let curToken = p;
  let q = p;
  do {
    if (q >= n) return { offset: curToken, message: unbalanced(stack) };
    const c = text.charCodeAt(q++);
    switch (c) {
      case Ch.Less:
      case Ch.LBracket:
      case Ch.LParen:
      case Ch.LBrace:
        stack.push(c);
        break;
      case Ch.Minus:
        if (text.charCodeAt(q) === Ch.Greater) q++;
        break;
      case Ch.Greater:
      case Ch.RBracket:
      case Ch.RParen:
      case Ch.RBrace:
        if (stack[stack.length - 1] !== openerOf(c)) return { offset: curToken, message: unbalanced(stack) };
        stack.pop();
        break;
      case Ch.Quote: {
        const r = lexStringLiteral(text, q - 1);
        if (r.end < 0) return { offset: r.errorOffset, message: r.errorMessage };
        curToken = q - 1;
        q = r.end;
        break;
      }
      default:
        break;
    }
  } while (stack.length);
  return q;
}

function unbalanced(stack: number[]): string {
  return `unbalanced '${String.fromCharCode(stack[stack.length - 1]!)}' character in pretty dialect name`;
}

/**
 * Offset after the group opened at `p` (`<`, `(`, `[` or `{`), balancing all four
 * kinds, skipping strings and `->`. Stops early (returning the offset of the
 * offending character, or the end of text) when the group is malformed; the real
 * parser then reports the error. Iterative. O(group length).
 */
/**
 * Open brackets, reused across calls (never re-entered: nothing here calls back
 * out). A top index instead of push/pop and `length = 0`: resetting the length
 * freed the backing store, so every call reallocated it (~6% of parse allocation).
 */
let balanceStack = new Int32Array(64);

export function scanBalanced(text: string, p: number): number {
  let stack = balanceStack;
  let top = 0;
  const n = text.length;
  let q = p;
  do {
    if (q >= n) return n;
    const c = text.charCodeAt(q);
    switch (c) {
      case Ch.Less:
      case Ch.LBracket:
      case Ch.LParen:
      case Ch.LBrace:
        if (top === stack.length) {
          const grown = new Int32Array(stack.length * 2);
          grown.set(stack);
          balanceStack = stack = grown;
        }
        stack[top++] = c;
        break;
      case Ch.Minus:
        if (text.charCodeAt(q + 1) === Ch.Greater) q++;
        break;
      case Ch.Greater:
      case Ch.RBracket:
      case Ch.RParen:
      case Ch.RBrace: {
        const open = c === Ch.Greater ? Ch.Less : c === Ch.RParen ? Ch.LParen : c - 2;
        if (top === 0 || stack[top - 1] !== open) return q;
        top--;
        break;
      }
      case Ch.Quote: {
        const r = lexStringLiteral(text, q);
        if (r.end < 0) return n;
        q = r.end - 1;
        break;
      }
      case Ch.Slash:
        if (text.charCodeAt(q + 1) === Ch.Slash) {
          const nl = text.indexOf("\n", q);
          q = (nl < 0 ? n : nl) - 1;
        }
        break;
      case Ch.a: {
        // An affine literal may contain `>=`: skip it whole.
        const lt = affineOpen(text, q);
        if (lt >= 0) q = affineLiteralEnd(text, lt) - 1;
        break;
      }
      default:
        break;
    }
    q++;
  } while (top > 0);
  return q;
}

/** If `affine_map`/`affine_set` (not inside a longer word) plus trivia and `<` starts at `q`, the offset of `<`; else -1. */
function affineOpen(text: string, q: number): number {
  if (q > 0 && isBareIdChar(text.charCodeAt(q - 1))) return -1;
  if (!text.startsWith("affine_map", q) && !text.startsWith("affine_set", q)) return -1;
  if (isBareIdChar(text.charCodeAt(q + 10))) return -1;
  const lt = skipTrivia(text, q + 10);
  return text.charCodeAt(lt) === Ch.Less ? lt : -1;
}

/** Keywords whose type or attribute continues with a `<...>` group. */
function takesAngleBody(text: string, start: number, end: number): boolean {
  switch (end - start) {
    case 5:
      return text.startsWith("tuple", start) || text.startsWith("dense", start) || text.startsWith("array", start);
    case 6:
      return text.startsWith("tensor", start) || text.startsWith("memref", start) || text.startsWith("vector", start) || text.startsWith("sparse", start);
    case 7:
      return text.startsWith("complex", start) || text.startsWith("strided", start);
    case 10:
      return text.startsWith("affine_map", start) || text.startsWith("affine_set", start);
    case 14:
      return text.startsWith("dense_resource", start);
    default:
      return false;
  }
}

/** True for the attribute keywords that take a trailing `: type`. */
function takesColonType(text: string, start: number, end: number): boolean {
  const len = end - start;
  return (
    (len === 5 && text.startsWith("dense", start)) ||
    (len === 6 && text.startsWith("sparse", start)) ||
    (len === 14 && text.startsWith("dense_resource", start))
  );
}

/**
 * End of the type starting at `p` (after trivia): a function type
 * `(...) -> result`, a keyword with its `<...>` group, or `!dialect.sym<...>`.
 * Approximate for malformed input (the parser reports errors). Iterative over
 * function-type results.
 */
export function scanTypeExtent(text: string, p: number): number {
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === Ch.LParen) {
      const close = scanBalanced(text, p);
      const q = skipTrivia(text, close);
      if (text.charCodeAt(q) !== Ch.Minus || text.charCodeAt(q + 1) !== Ch.Greater) return close;
      p = skipTrivia(text, q + 2);
      if (text.charCodeAt(p) === Ch.LParen) return scanBalanced(text, p);
      continue;
    }
    if (c === Ch.Bang) {
      const q = scanSuffixId(text, p);
      if (q < 0) return p + 1;
      return text.charCodeAt(q) === Ch.Less ? scanBalanced(text, q) : q;
    }
    if (isAlpha(c) || c === Ch.Underscore) {
      const q = scanBareId(text, p);
      if (!takesAngleBody(text, p, q)) return q;
      const r = skipTrivia(text, q);
      return text.charCodeAt(r) === Ch.Less ? scanBalanced(text, r) : q;
    }
    return p;
  }
}

/**
 * End of the attribute starting at `p` (after trivia) for the cached slow path:
 * keyword forms with their groups (`distinct[N]<...>`, `loc(...)`, `dense<...> :
 * type`), `#dialect.sym<...>` with an optional `: type`, `!` types, or one group.
 */
export function scanAttrExtent(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (isAlpha(c) || c === Ch.Underscore) {
    const q = scanBareId(text, p);
    const len = q - p;
    if (len === 8 && text.startsWith("distinct", p)) {
      let r = skipTrivia(text, q);
      if (text.charCodeAt(r) !== Ch.LBracket) return q;
      r = skipTrivia(text, scanBalanced(text, r));
      return text.charCodeAt(r) === Ch.Less ? scanBalanced(text, r) : r;
    }
    if (len === 3 && text.startsWith("loc", p)) {
      const r = skipTrivia(text, q);
      return text.charCodeAt(r) === Ch.LParen ? scanBalanced(text, r) : q;
    }
    if (!takesAngleBody(text, p, q)) return q;
    const r = skipTrivia(text, q);
    if (text.charCodeAt(r) !== Ch.Less) return q;
    if (len === 10 && affineOpen(text, p) >= 0) return affineLiteralEnd(text, r);
    const end = scanBalanced(text, r);
    return takesColonType(text, p, q) ? withColonType(text, end) : end;
  }
  if (c === Ch.Hash) {
    const q = scanSuffixId(text, p);
    if (q < 0) return p + 1;
    let end = q;
    if (text.charCodeAt(q) === Ch.Less) end = scanBalanced(text, q);
    else if (!hasDot(text, p + 1, q)) return q; // an alias reference takes no `: type`
    return withColonType(text, end);
  }
  if (c === Ch.Bang || c === Ch.LParen) return scanTypeExtent(text, p);
  if (c === Ch.LBracket || c === Ch.LBrace || c === Ch.Less) return scanBalanced(text, p);
  return p + 1;
}

/** Extends `end` over a following `: type`, if any. */
export function withColonType(text: string, end: number): number {
  const r = skipTrivia(text, end);
  if (text.charCodeAt(r) !== Ch.Colon || text.charCodeAt(r + 1) === Ch.Colon) return end;
  return scanTypeExtent(text, skipTrivia(text, r + 1));
}

function hasDot(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === Ch.Dot) return true;
  return false;
}

//===----------------------------------------------------------------------===//
// Shape prefixes: `tensor<4x?x`, `memref<*x`, `vector<[4]x8x`
//===----------------------------------------------------------------------===//

export const enum ShapedKind {
  Tensor = 0,
  MemRef = 1,
  Vector = 2,
}

/** A scanned `kind<dims x` prefix. `end` is where the element type starts. */
export interface ShapePrefix {
  kind: ShapedKind;
  /** Offset of the keyword (MLIR reports type verification errors there). */
  start: number;
  end: number;
  unranked: boolean;
  shape: number[];
  /** Vector only: which dimensions were written `[N]`. */
  scalable: boolean[];
  /** Set when the prefix is malformed: where MLIR reports and what it says. */
  errorOffset: number;
  errorMessage: string;
  /** The error is reported with emitWrongTokenError (back up over trivia). */
  errorWrongToken: boolean;
}

/** The kind named by the keyword `text[p, q)`, or -1. */
export function shapedKindOf(text: string, p: number, q: number): number {
  if (q - p !== 6) return -1;
  if (text.startsWith("tensor", p)) return ShapedKind.Tensor;
  if (text.startsWith("memref", p)) return ShapedKind.MemRef;
  if (text.startsWith("vector", p)) return ShapedKind.Vector;
  return -1;
}

/** 2^63 - 1 as a double boundary check is inexact; compare digit strings instead. */
const INT64_MAX = "9223372036854775807";

/** Value of a decimal dimension, or -1 if it exceeds int64 (MLIR: "invalid dimension"). */
function dimensionValue(text: string, start: number, end: number): number {
  while (start < end - 1 && text.charCodeAt(start) === Ch.D0) start++;
  const len = end - start;
  if (len > 19 || (len === 19 && text.substring(start, end) > INT64_MAX)) return -1;
  // Dimensions beyond 2^53 lose precision as numbers; such shapes are not materialisable anyway.
  return Number(text.substring(start, end));
}

/**
 * Scans the dimension list after `kind<` (Parser::parseDimensionListRanked with
 * trailing `x`, or parseVectorDimensionList), starting at `p` just after `<`.
 * Tokens may be separated by trivia; an `x` glued to the element type (`xf32`)
 * is split as MLIR's parseXInDimensionList does, and `0x1` reads as `0`, `x`, `1`.
 * On error, fills the error fields and stops. O(prefix length).
 */
export function scanShapePrefix(text: string, kind: ShapedKind, start: number, p: number, out: ShapePrefix): ShapePrefix {
  out.kind = kind;
  out.start = start;
  out.unranked = false;
  out.shape = [];
  out.scalable = [];
  out.errorOffset = -1;
  out.errorMessage = "";
  out.errorWrongToken = false;
  let q = skipTrivia(text, p);
  if (kind !== ShapedKind.Vector && text.charCodeAt(q) === Ch.Star) {
    out.unranked = true;
    q = expectX(text, skipTrivia(text, q + 1), out);
    out.end = q;
    return out;
  }
  for (;;) {
    const c = text.charCodeAt(q);
    let scalable = false;
    if (kind === ShapedKind.Vector && c === Ch.LBracket) {
      scalable = true;
      q = skipTrivia(text, q + 1);
    } else if (kind !== ShapedKind.Vector && c === Ch.Question) {
      out.shape.push(-1);
      q = expectX(text, skipTrivia(text, q + 1), out);
      if (q < 0) return out;
      continue;
    } else if (!isDigit(c) || isFloatSpelling(text, q, scanNumber(text, q))) {
      break; // not an integer token: the element type starts here
    }
    // parseIntegerInDimensionList on the current token.
    if (!isDigit(text.charCodeAt(q))) return setError(out, q, "invalid dimension", false);
    const e = scanNumber(text, q);
    if (text.charCodeAt(q + 1) === Ch.x && e > q + 1) {
      out.shape.push(0);
      q += 1; // `0x...` hex spelling: `0`, then re-lex from the `x`
    } else {
      const v = isFloatSpelling(text, q, e) ? -1 : dimensionValue(text, q, e);
      if (v < 0) return setError(out, q, "invalid dimension", false);
      out.shape.push(v);
      q = skipTrivia(text, e);
    }
    if (kind === ShapedKind.Vector) {
      out.scalable.push(scalable);
      if (scalable) {
        if (text.charCodeAt(q) !== Ch.RBracket) return setError(out, q, "missing ']' closing scalable dimension", true);
        q = skipTrivia(text, q + 1);
      }
    }
    q = expectX(text, q, out);
    if (q < 0) return out;
  }
  out.end = q;
  return out;
}

/** parseXInDimensionList at `q`: returns where the next token starts, or -1 after setting the error. */
function expectX(text: string, q: number, out: ShapePrefix): number {
  if (text.charCodeAt(q) !== Ch.x) {
    setError(out, q, "expected 'x' in dimension list", true);
    return -1;
  }
  // A lone `x` token is followed by trivia; `xf32` continues right after the `x`.
  return isBareIdChar(text.charCodeAt(q + 1)) ? q + 1 : skipTrivia(text, q + 1);
}

function setError(out: ShapePrefix, offset: number, message: string, wrongToken: boolean): ShapePrefix {
  out.errorOffset = offset;
  out.errorMessage = message;
  out.errorWrongToken = wrongToken;
  out.end = offset;
  return out;
}

/** A reusable ShapePrefix (fields set by scanShapePrefix). */
export function newShapePrefix(): ShapePrefix {
  return { kind: ShapedKind.Tensor, start: 0, end: 0, unranked: false, shape: [], scalable: [], errorOffset: -1, errorMessage: "", errorWrongToken: false };
}

/**
 * The lexer error MLIR reports when no token starts at `q`, as [offset,
 * message], or undefined when a token does start there (Lexer::lexToken).
 */
export function lexErrorAt(text: string, q: number): [number, string] | undefined {
  if (q >= text.length) return undefined;
  const c = text.charCodeAt(q);
  if (isAlpha(c) || isDigit(c)) return undefined;
  switch (c) {
    case Ch.Underscore:
    case Ch.Colon:
    case Ch.Comma:
    case Ch.LParen:
    case Ch.RParen:
    case Ch.LBrace:
    case Ch.RBrace:
    case Ch.LBracket:
    case Ch.RBracket:
    case Ch.Less:
    case Ch.Greater:
    case Ch.Equal:
    case Ch.Plus:
    case Ch.Star:
    case Ch.Minus:
    case Ch.Question:
    case 124: // |
    case Ch.Quote:
      return undefined;
    case Ch.Dot:
      return text.startsWith("...", q) ? undefined : [q + 1, "expected three consecutive dots for an ellipsis"];
    case Ch.Slash:
      return [q, "unexpected character"];
    case Ch.At: {
      const d = text.charCodeAt(q + 1);
      return isAlpha(d) || d === Ch.Underscore || d === Ch.Quote ? undefined : [q + 1, "@ identifier expected to start with letter or '_'"];
    }
    case Ch.Hash:
      return scanSuffixId(text, q) < 0 ? [q, "invalid attribute name"] : undefined;
    case Ch.Bang:
      return scanSuffixId(text, q) < 0 ? [q, "invalid type identifier"] : undefined;
    case Ch.Percent:
      return scanSuffixId(text, q) < 0 ? [q, "invalid SSA name"] : undefined;
    case 94: // ^
      return scanSuffixId(text, q) < 0 ? [q, "invalid block name"] : undefined;
    default:
      return [q, "unexpected character"];
  }
}

/**
 * End of a non-container attribute at `q` for the per-parse text cache, or -1
 * when the text is not a recognisable leaf (the parser then runs uncached and
 * reports). Literals include their `: type`.
 */
export function scanLeafAttrExtent(text: string, q: number): number {
  const c = text.charCodeAt(q);
  if (isDigit(c)) return withColonType(text, scanNumber(text, q));
  if (c === Ch.Minus) {
    const p = skipTrivia(text, q + 1);
    return isDigit(text.charCodeAt(p)) ? withColonType(text, scanNumber(text, p)) : -1;
  }
  if (c === Ch.Quote) {
    const r = lexStringLiteral(text, q);
    return r.end < 0 ? -1 : withColonType(text, r.end);
  }
  if (c === Ch.At) {
    let p = q;
    for (;;) {
      const d = text.charCodeAt(p + 1);
      let end: number;
      if (d === Ch.Quote) {
        const r = lexStringLiteral(text, p + 1);
        if (r.end < 0) return -1;
        end = r.end;
      } else if (isAlpha(d) || d === Ch.Underscore) {
        end = scanBareId(text, p + 1);
      } else {
        return -1;
      }
      const c1 = skipTrivia(text, end);
      if (text.charCodeAt(c1) !== Ch.Colon) return end;
      const c2 = skipTrivia(text, c1 + 1);
      if (text.charCodeAt(c2) !== Ch.Colon) return end;
      p = skipTrivia(text, c2 + 1);
      if (text.charCodeAt(p) !== Ch.At) return -1;
    }
  }
  if (c === Ch.Hash || c === Ch.Bang || c === Ch.LParen) return scanAttrExtent(text, q);
  if (isAlpha(c) || c === Ch.Underscore) {
    const e = scanBareId(text, q);
    const len = e - q;
    if ((len === 4 && (text.startsWith("true", q) || text.startsWith("unit", q))) || (len === 5 && text.startsWith("false", q))) return e;
    if (len === 3 && text.startsWith("loc", q)) return scanAttrExtent(text, q);
    return shapedKindOf(text, q, e) >= 0 || isTypeWord(text, q, e) ? scanTypeExtent(text, q) : scanAttrExtent(text, q);
  }
  return -1;
}

function isTypeWord(text: string, q: number, e: number): boolean {
  const len = e - q;
  return (len === 5 && text.startsWith("tuple", q)) || (len === 7 && text.startsWith("complex", q));
}
