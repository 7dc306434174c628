// The trailing file-metadata block `{-# dialect_resources: {...}, external_resources: {...} #-}`.

import type { Context, ResourceValue } from "../ir/context.js";
import type { TypeAttrParser } from "./type-attr-parser.js";
import { skipTrivia } from "./trivia.js";

const enum Ch {
  Quote = 34,
  Hash = 35,
  Comma = 44,
  Minus = 45,
  Colon = 58,
  LBrace = 123,
  RBrace = 125,
}

type Report = (offset: number, message: string) => void;

/** How errors are reported: `at` an exact offset, or at a `wrong` token (MLIR's backing-up rule). */
export interface ResourceErrors {
  at: Report;
  wrong: Report;
}

/**
 * Parses a resource block starting at `pos` (at `{-#`) into the context's
 * resource tables. Returns the offset after `#-}`, or -1 after reporting.
 * Grammar (MLIR LangRef "File metadata"): a comma-separated list of
 * `section: { group: { key: value } }`, where a value is a string (a `0x` hex
 * blob for dialect resources), `true` or `false`.
 */
export function parseResourceBlock(ctx: Context, tp: TypeAttrParser, pos: number, errors: ResourceErrors): number {
  const text = tp.sourceText;
  let p = pos + 3;
  const report = errors.wrong;
  const fail = (offset: number, message: string): number => {
    errors.at(offset, message);
    return -1;
  };
  const wrong = (offset: number, message: string): number => {
    errors.wrong(offset, message);
    return -1;
  };
  p = skipTrivia(text, p);
  if (text.charCodeAt(p) === Ch.Hash && text.charCodeAt(p + 1) === Ch.Minus && text.charCodeAt(p + 2) === Ch.RBrace)
    return p + 3;
  for (;;) {
    p = skipTrivia(text, p);
    const sectionStart = p;
    const section = readKey(text, p);
    if (!section) return wrong(p, "expected identifier key in file metadata dictionary");
    p = skipTrivia(text, p + section.length);
    if (text.charCodeAt(p) !== Ch.Colon) return wrong(p, "expected ':'");
    p = skipTrivia(text, p + 1);
    if (section !== "dialect_resources" && section !== "external_resources")
      return fail(sectionStart, `unknown key '${section}' in file metadata dictionary`);
    const isDialect = section === "dialect_resources";
    p = parseBraced(tp, text, p, report, (groupOffset, group, q) => {
      if (text.charCodeAt(q) !== Ch.LBrace) return wrong(q, "expected '{'");
      if (isDialect && group !== "builtin" && !ctx.isDialectLoaded(group))
        return fail(groupOffset, `dialect '${group}' is unknown`);
      return parseBraced(tp, text, q, report, (_keyOffset, key, r) => {
        const v = parseValue(tp, r);
        if (v.end < 0) {
          if (v.end === -2) return fail(r, isDialect ? `expected hex string blob for key '${key}'` : `expected string value for key '${key}'`);
          return -1;
        }
        if (isDialect) {
          if (typeof v.value !== "string") return fail(r, `expected hex string blob for key '${key}'`);
          const blob = decodeBlob(v.value, key);
          if (typeof blob === "string") return fail(r, blob);
          ctx.resourceBlobs.set(key, blob);
        } else {
          let entries = ctx.externalResources.get(group);
          if (!entries) ctx.externalResources.set(group, (entries = new Map()));
          entries.set(key, v.value);
        }
        return v.end;
      });
    });
    if (p < 0) return -1;
    p = skipTrivia(text, p);
    if (text.charCodeAt(p) === Ch.Comma) {
      p++;
      continue;
    }
    if (text.charCodeAt(p) === Ch.Hash && text.charCodeAt(p + 1) === Ch.Minus && text.charCodeAt(p + 2) === Ch.RBrace)
      return p + 3;
    return wrong(p, "expected ',' or '#-}'");
  }
}

/** Reads `{ key: <entry>, ... }`; `entry` parses what follows the colon and returns its end. */
function parseBraced(
  tp: TypeAttrParser,
  text: string,
  p: number,
  report: Report,
  entry: (keyOffset: number, key: string, valueStart: number) => number,
): number {
  if (text.charCodeAt(p) !== Ch.LBrace) {
    report(p, "expected '{'");
    return -1;
  }
  p = skipTrivia(text, p + 1);
  if (text.charCodeAt(p) === Ch.RBrace) return p + 1;
  for (;;) {
    p = skipTrivia(text, p);
    const keyOffset = p;
    let key: string;
    if (text.charCodeAt(p) === Ch.Quote) {
      // Keys that are not bare identifiers are quoted (`"my blob": ...`).
      tp.pos = p;
      const s = tp.parseStringLiteral();
      if (s === undefined) return -1;
      key = s;
      p = tp.pos;
    } else {
      key = readKey(text, p);
      if (!key) {
        report(p, "expected identifier key for 'resource' entry");
        return -1;
      }
      p += key.length;
    }
    p = skipTrivia(text, p);
    if (text.charCodeAt(p) !== Ch.Colon) {
      report(p, "expected ':'");
      return -1;
    }
    p = entry(keyOffset, key, skipTrivia(text, p + 1));
    if (p < 0) return -1;
    p = skipTrivia(text, p);
    const c = text.charCodeAt(p);
    if (c === Ch.Comma) {
      p++;
      continue;
    }
    if (c === Ch.RBrace) return p + 1;
    report(p, "expected ',' or '}'");
    return -1;
  }
}

/** A bare identifier (letters, digits, `_`, `$`, `.`, `-`) at `p`, or "". */
function readKey(text: string, p: number): string {
  let q = p;
  for (;;) {
    const c = text.charCodeAt(q);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || (c === 45 && q > p))
      q++;
    else break;
  }
  return text.substring(p, q);
}

/** A resource value at `p`; `end` is -1 after a reported error, -2 when the value has no valid form. */
function parseValue(tp: TypeAttrParser, p: number): { value: ResourceValue; end: number } {
  const text = tp.sourceText;
  if (text.startsWith("true", p)) return { value: true, end: p + 4 };
  if (text.startsWith("false", p)) return { value: false, end: p + 5 };
  if (text.charCodeAt(p) === Ch.Quote) {
    tp.pos = p;
    const s = tp.parseStringLiteral();
    if (s === undefined) return { value: "", end: -1 };
    return { value: s, end: tp.pos };
  }
  return { value: "", end: -2 };
}

/** Decodes `0x<alignment:u32 LE><data>` into a blob, or returns mlir-opt's error message. */
function decodeBlob(hex: string, key: string): { alignment: number; data: Uint8Array } | string {
  const expected = `expected hex string blob for key '${key}'`;
  if (!hex.startsWith("0x") || (hex.length - 2) % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex.substring(2))) return expected;
  const bytes = Buffer.from(hex.substring(2), "hex");
  if (bytes.length < 4) return expected + " to encode alignment in first 4 bytes";
  const alignment = bytes.readUInt32LE(0);
  if (alignment === 0 || (alignment & (alignment - 1)) !== 0)
    return `${expected} to encode alignment in first 4 bytes, but got non-power-of-2 value: ${alignment}`;
  return { alignment, data: new Uint8Array(bytes.subarray(4)) };
}
