// String literals and identifiers as MLIR spells them: lexing and decoding
// `"..."` literals, escaping byte strings for output, bare-identifier checks.
// Strings are byte strings (one char code per byte, 0..255; sources are latin1).

import { escapeString, quoteString } from "../ir/escape-string.js";

const enum Ch {
  Tab = 9,
  LF = 10,
  VT = 11,
  FF = 12,
  Space = 32,
  Quote = 34,
  Dollar = 36,
  Dot = 46,
  D0 = 48,
  D9 = 57,
  A = 65,
  F = 70,
  Z = 90,
  Backslash = 92,
  Underscore = 95,
  a = 97,
  f = 102,
  n = 110,
  t = 116,
  z = 122,
  Tilde = 126,
}


function hexValue(c: number): number {
  if (c >= Ch.D0 && c <= Ch.D9) return c - Ch.D0;
  if (c >= Ch.A && c <= Ch.F) return c - Ch.A + 10;
  if (c >= Ch.a && c <= Ch.f) return c - Ch.a + 10;
  return -1;
}

// escapeString and quoteString live in src/ir (diagnostics there quote strings too).
export { escapeString, quoteString };

function isAlpha(c: number): boolean {
  return (c >= Ch.a && c <= Ch.z) || (c >= Ch.A && c <= Ch.Z);
}

/** True for `[A-Za-z_][A-Za-z0-9_$.]*` (MLIR's isBareIdentifier). O(n). */
export function isBareIdentifier(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const c0 = s.charCodeAt(0);
  if (!isAlpha(c0) && c0 !== Ch.Underscore) return false;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!isAlpha(c) && !(c >= Ch.D0 && c <= Ch.D9) && c !== Ch.Underscore && c !== Ch.Dollar && c !== Ch.Dot) return false;
  }
  return true;
}

/** A dictionary key or keyword: bare when possible, else quoted and escaped (printKeywordOrString). */
export function printKeywordOrString(s: string): string {
  return isBareIdentifier(s) ? s : quoteString(s);
}

/** `@name` or `@"quoted name"` (printSymbolReference); empty names print as MLIR does. */
export function printSymbolReference(s: string): string {
  if (s.length === 0) return "@<<INVALID EMPTY SYMBOL>>";
  return "@" + printKeywordOrString(s);
}

/** Result of lexing a string literal: `end` is the offset after the closing quote, or -1 on error. */
export interface StringLexResult {
  end: number;
  /** True when the literal contains a backslash escape (the value differs from the raw text). */
  escaped: boolean;
  /** On error: offset and MLIR's message (Lexer::lexString). */
  errorOffset: number;
  errorMessage: string;
}

const lexScratch: StringLexResult = { end: -1, escaped: false, errorOffset: -1, errorMessage: "" };

/**
 * Lexes the string literal whose opening quote is at `start` (MLIR's
 * Lexer::lexString): newline, vertical tab, form feed or end of input before the
 * closing quote is "expected '\"' in string literal" at that character; a
 * backslash not followed by `"`, `\`, `n`, `t` or two hex digits is "unknown
 * escape in string literal" at the backslash. A NUL byte inside is kept.
 * Returns a shared scratch object (valid until the next call). O(length).
 */
export function lexStringLiteral(text: string, start: number): StringLexResult {
  const r = lexScratch;
  r.escaped = false;
  r.errorOffset = -1;
  r.errorMessage = "";
  const n = text.length;
  let p = start + 1;
  for (;;) {
    if (p >= n) return fail(r, p, "expected '\"' in string literal");
    const c = text.charCodeAt(p++);
    if (c === Ch.Quote) {
      r.end = p;
      return r;
    }
    if (c === Ch.LF || c === Ch.VT || c === Ch.FF) return fail(r, p - 1, "expected '\"' in string literal");
    if (c === Ch.Backslash) {
      r.escaped = true;
      const d = text.charCodeAt(p);
      if (d === Ch.Quote || d === Ch.Backslash || d === Ch.n || d === Ch.t) p++;
      else if (hexValue(d) >= 0 && hexValue(text.charCodeAt(p + 1)) >= 0) p += 2;
      else return fail(r, p - 1, "unknown escape in string literal");
    }
  }
}

function fail(r: StringLexResult, offset: number, message: string): StringLexResult {
  r.end = -1;
  r.errorOffset = offset;
  r.errorMessage = message;
  return r;
}

/**
 * The value of a lexed literal `text[start, end)` (quotes included), escapes
 * resolved (Token::getStringValue). Precondition: lexStringLiteral accepted it.
 */
export function decodeStringLiteral(text: string, start: number, end: number): string {
  const last = end - 1;
  let i = start + 1;
  let run = i;
  let out = "";
  while (i < last) {
    if (text.charCodeAt(i) !== Ch.Backslash) {
      i++;
      continue;
    }
    out += text.substring(run, i);
    const d = text.charCodeAt(i + 1);
    if (d === Ch.n) {
      out += "\n";
      i += 2;
    } else if (d === Ch.t) {
      out += "\t";
      i += 2;
    } else if (d === Ch.Quote || d === Ch.Backslash) {
      out += String.fromCharCode(d);
      i += 2;
    } else {
      out += String.fromCharCode(hexValue(d) * 16 + hexValue(text.charCodeAt(i + 2)));
      i += 3;
    }
    run = i;
  }
  return run === start + 1 ? text.substring(run, last) : out + text.substring(run, last);
}

/**
 * Decodes a `0x...` hex string value (Token::getHexStringValue): undefined unless
 * it starts with `0x` and has an even number of hex digits. O(n).
 */
export function decodeHexString(s: string): Uint8Array | undefined {
  if (s.length < 2 || s.charCodeAt(0) !== Ch.D0 || s.charCodeAt(1) !== 120 /* x */) return undefined;
  const digits = s.length - 2;
  if (digits % 2 !== 0) return undefined;
  const out = new Uint8Array(digits / 2);
  for (let i = 0, j = 2; i < out.length; i++, j += 2) {
    const hi = hexValue(s.charCodeAt(j));
    const lo = hexValue(s.charCodeAt(j + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = hi * 16 + lo;
  }
  return out;
}

/** Upper-case hex of `data` (llvm::toHex), no prefix. O(n). */
export function toHexUpper(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("hex").toUpperCase();
}
