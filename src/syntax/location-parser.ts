// Locations, hand-written (they are on the hot path: every op may carry one):
// `loc(unknown)`, `"file":L:C` with ranges `to L:C` / `to :C` and the line-only
// `"file":L`, names with optional child, `callsite(a at b)`, `fused[...]` and
// `fused<meta>[...]`, and `#alias` references. Follows
// mlir/lib/AsmParser/LocationParser.cpp (LLVM 22, with FileLineColRange).

import type { Attribute } from "../ir/attribute.js";
import { CallSiteLoc, FileLineColRange, getFusedLocation, Location, NameLoc, UnknownLoc } from "../ir/location.js";
import { decodeStringLiteral, lexStringLiteral } from "./escape.js";
import { attrText, unexpectedToken, type ParserHost } from "./parse-actions.js";
import { Ch, isAlpha, isDigit, scanBareId, scanNumber, scanSuffixId } from "./scan.js";
import { skipTrivia } from "./trivia.js";

/** Location nesting (callsite/name/fused) is recursive; beyond this depth we report instead. */
export const kMaxLocationDepth = 1000;

function isWord(text: string, q: number, e: number, word: string): boolean {
  return e - q === word.length && text.startsWith(word, q);
}

/**
 * `loc(...)` in attribute position at `q` (on `loc`): aliases must already be
 * defined. Sets host.pos after `)`.
 */
export function parseLocationAttr(host: ParserHost, q: number): Location | undefined {
  const text = host.text;
  const lp = skipTrivia(text, q + 3);
  if (text.charCodeAt(lp) !== Ch.LParen) return host.emitWrongToken(lp, "expected '(' in inline location");
  const loc = parseLocationInstance(host, skipTrivia(text, lp + 1), 0);
  if (!loc) return undefined;
  const rp = skipTrivia(text, host.pos);
  if (text.charCodeAt(rp) !== Ch.RParen) return host.emitWrongToken(rp, "expected ')' in inline location");
  host.pos = rp + 1;
  return loc;
}

/**
 * Callback for `#alias` references that are not defined yet in a trailing
 * location (op or block argument): returns a placeholder location to patch at
 * the end of the file.
 */
export type ForwardLocationFactory = (name: string, offset: number) => Location;

/**
 * A trailing location specifier `loc(...)` at `q` (on `loc`), as after an op or
 * a block argument (Parser::parseOptionalLocationSpecifier): a `#name` without a
 * dot may refer to an alias defined later in the file. Sets host.pos.
 */
export function parseTrailingLocation(host: ParserHost, q: number, forward: ForwardLocationFactory): Location | undefined {
  const text = host.text;
  const lp = skipTrivia(text, q + 3);
  if (text.charCodeAt(lp) !== Ch.LParen) return host.emitWrongToken(lp, "expected '(' in location");
  const p = skipTrivia(text, lp + 1);
  let loc: Location | undefined;
  if (text.charCodeAt(p) === Ch.Hash) {
    const idEnd = scanSuffixId(text, p);
    if (idEnd < 0) return host.emitLexError(p, "invalid attribute name");
    if (!hasDot(text, p + 1, idEnd)) {
      const name = text.substring(p + 1, idEnd);
      const attr = host.attrAlias(name);
      if (attr) {
        if (!(attr instanceof Location)) return host.emitErrorAt(p, `expected location, but found '${attrText(attr)}'`);
        loc = attr;
      } else {
        loc = forward(name, p);
      }
      host.pos = idEnd;
    }
  }
  if (!loc) {
    loc = parseLocationInstance(host, p, 0);
    if (!loc) return undefined;
  }
  const rp = skipTrivia(text, host.pos);
  if (text.charCodeAt(rp) !== Ch.RParen) return host.emitWrongToken(rp, "expected ')' in location");
  host.pos = rp + 1;
  return loc;
}

function hasDot(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === Ch.Dot) return true;
  return false;
}

/**
 * One location instance at `q` (Parser::parseLocationInstance). Sets host.pos.
 * Recursive over callsite/name/fused nesting, bounded by kMaxLocationDepth.
 */
export function parseLocationInstance(host: ParserHost, q: number, depth: number): Location | undefined {
  const text = host.text;
  if (depth > kMaxLocationDepth) return host.emitErrorAt(q, `location nesting too deep (limit ${kMaxLocationDepth})`);
  const c = text.charCodeAt(q);
  if (c === Ch.Hash) {
    const a = host.parseAttributeAt(q);
    if (!a) return undefined;
    if (!(a instanceof Location)) return host.emitErrorAt(skipTrivia(text, host.pos), `expected location attribute, but got${attrText(a)}`);
    return a;
  }
  if (c === Ch.Quote) return parseNameOrFileLineCol(host, q, depth);
  if (!isAlpha(c) && c !== Ch.Underscore) return unexpectedToken(host, q, "expected location instance");
  const e = scanBareId(text, q);
  if (isWord(text, q, e, "callsite")) return parseCallSite(host, e, depth);
  if (isWord(text, q, e, "fused")) return parseFused(host, e, depth);
  if (isWord(text, q, e, "unknown")) {
    host.pos = e;
    return UnknownLoc.get(host.ctx);
  }
  return host.emitWrongToken(q, "expected location instance");
}

function parseCallSite(host: ParserHost, q: number, depth: number): Location | undefined {
  const text = host.text;
  const lp = skipTrivia(text, q);
  if (text.charCodeAt(lp) !== Ch.LParen) return host.emitWrongToken(lp, "expected '(' in callsite location");
  const callee = parseLocationInstance(host, skipTrivia(text, lp + 1), depth + 1);
  if (!callee) return undefined;
  const at = skipTrivia(text, host.pos);
  const c = text.charCodeAt(at);
  if (!(isAlpha(c) || c === Ch.Underscore) || !isWord(text, at, scanBareId(text, at), "at"))
    return host.emitWrongToken(at, "expected 'at' in callsite location");
  const caller = parseLocationInstance(host, skipTrivia(text, at + 2), depth + 1);
  if (!caller) return undefined;
  const rp = skipTrivia(text, host.pos);
  if (text.charCodeAt(rp) !== Ch.RParen) return host.emitWrongToken(rp, "expected ')' in callsite location");
  host.pos = rp + 1;
  return CallSiteLoc.get(host.ctx, callee, caller);
}

function parseFused(host: ParserHost, q: number, depth: number): Location | undefined {
  const text = host.text;
  let p = skipTrivia(text, q);
  let metadata: Attribute | undefined;
  if (text.charCodeAt(p) === Ch.Less) {
    metadata = host.parseAttributeAt(skipTrivia(text, p + 1));
    if (!metadata) return undefined;
    p = skipTrivia(text, host.pos);
    if (text.charCodeAt(p) !== Ch.Greater) return host.emitWrongToken(p, "expected '>' after fused location metadata");
    p = skipTrivia(text, p + 1);
  }
  if (text.charCodeAt(p) !== Ch.LBracket) return host.emitWrongToken(p, "expected '[' in fused location");
  p = skipTrivia(text, p + 1);
  const locations: Location[] = [];
  if (text.charCodeAt(p) !== Ch.RBracket) {
    for (;;) {
      const l = parseLocationInstance(host, p, depth + 1);
      if (!l) return undefined;
      locations.push(l);
      p = skipTrivia(text, host.pos);
      if (text.charCodeAt(p) !== Ch.Comma) break;
      p = skipTrivia(text, p + 1);
    }
    if (text.charCodeAt(p) !== Ch.RBracket) return host.emitWrongToken(p, "expected ']' in fused location");
  }
  host.pos = p + 1;
  return getFusedLocation(host.ctx, locations, metadata);
}

/**
 * Reads an unsigned 32-bit integer token at `q` (decimal or `0x` hex), or
 * returns -1 (a float, or too large). Decimal digits are accumulated in place.
 */
function readUnsigned(text: string, q: number): number {
  if (!isDigit(text.charCodeAt(q))) return -1;
  const e = scanNumber(text, q);
  let v = 0;
  for (let i = q; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c < Ch.D0 || c > Ch.D9) {
      if (c === Ch.Dot) return -1;
      v = Number(text.substring(q, e)); // hex
      break;
    }
    v = v * 10 + (c - Ch.D0);
  }
  return v <= 0xffffffff ? v : -1;
}

/**
 * The unescaped body of the string literal `text[q, end)` (quotes included).
 * Unescaped names are interned per spelling: a file has a few dozen filenames
 * and location names over thousands of locations, and one shared string (its
 * hash cached) makes the location tables' lookups cheap and keeps no
 * substring per location.
 */
function filenameAt(host: ParserHost, q: number, end: number, escaped: boolean): string {
  return escaped ? decodeStringLiteral(host.text, q, end) : host.internName(q + 1, end - 1);
}

function numberEnd(text: string, q: number): number {
  return scanNumber(text, q);
}

function parseNameOrFileLineCol(host: ParserHost, q: number, depth: number): Location | undefined {
  const text = host.text;
  const ctx = host.ctx;
  const r = lexStringLiteral(text, q);
  if (r.end < 0) return host.emitLexError(r.errorOffset, r.errorMessage);
  const strEnd = r.end;
  const str = filenameAt(host, q, strEnd, r.escaped);
  let p = skipTrivia(text, strEnd);
  if (text.charCodeAt(p) === Ch.Colon) {
    p = skipTrivia(text, p + 1);
    const line = readUnsigned(text, p);
    if (line < 0) return host.emitWrongToken(p, "expected integer line number in FileLineColRange");
    let end = numberEnd(text, p);
    p = skipTrivia(text, end);
    if (text.charCodeAt(p) !== Ch.Colon) {
      host.pos = end;
      return FileLineColRange.get(ctx, str, line, 0);
    }
    p = skipTrivia(text, p + 1);
    const col = readUnsigned(text, p);
    if (col < 0) return host.emitWrongToken(p, "expected integer column number in FileLineColRange");
    end = numberEnd(text, p);
    p = skipTrivia(text, end);
    const c = text.charCodeAt(p);
    if ((isAlpha(c) || c === Ch.Underscore) && isWord(text, p, scanBareId(text, p), "to")) {
      p = skipTrivia(text, p + 2);
      let endLine = line;
      const l2 = readUnsigned(text, p);
      if (l2 >= 0) {
        endLine = l2;
        p = skipTrivia(text, numberEnd(text, p));
      } else if (isDigit(text.charCodeAt(p))) {
        return host.emitWrongToken(p, "expected integer line number in FileLineColRange");
      }
      if (text.charCodeAt(p) !== Ch.Colon) return host.emitWrongToken(p, "expected either integer or `:` post `to` in FileLineColRange");
      p = skipTrivia(text, p + 1);
      const c2 = readUnsigned(text, p);
      if (c2 < 0) return host.emitWrongToken(p, "expected integer column number in FileLineColRange");
      host.pos = numberEnd(text, p);
      return FileLineColRange.get(ctx, str, line, col, endLine, c2);
    }
    host.pos = end;
    return FileLineColRange.get(ctx, str, line, col);
  }
  if (text.charCodeAt(p) === Ch.LParen) {
    const child = parseLocationInstance(host, skipTrivia(text, p + 1), depth + 1);
    if (!child) return undefined;
    const rp = skipTrivia(text, host.pos);
    if (text.charCodeAt(rp) !== Ch.RParen) return host.emitWrongToken(rp, "expected ')' after child location of NameLoc");
    host.pos = rp + 1;
    return NameLoc.get(ctx, str, child);
  }
  host.pos = strEnd;
  return NameLoc.get(ctx, str);
}
