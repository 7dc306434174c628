// The hand-written fast path for attributes: integer/float/string literals
// with their `: type`, `true`/`false`/`unit`, symbol references, `#alias` and
// `#dialect.sym<...>`, type attributes, `loc(...)`, and arrays and
// dictionaries nested to any depth (explicit stack). Rich forms (`dense`,
// `sparse`, `array`, `strided`, `distinct`, `dense_resource`, affine maps and
// sets) go to the cached chevrotain path (ParserHost.slowAttribute).
// Messages and positions follow mlir/lib/AsmParser/AttributeParser.cpp.

import type { Attribute } from "../ir/attribute.js";
import {
  ArrayAttr,
  DictionaryAttr,
  IntegerAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/builtin-attributes.js";
import { IntegerType, NoneType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import type { Type } from "../ir/type.js";
import { decodeStringLiteral, lexStringLiteral } from "./escape.js";
import {
  buildDialectAttr,
  buildFloatLiteralAttr,
  buildIntegerLiteralAttr,
  floatKindOf,
  isAliasReference,
  isIntTypeSpelling,
  resolveAttrAlias,
  unexpectedToken,
  type ParserHost,
} from "./parse-actions.js";
import { Ch, isAlpha, isDigit, isFloatSpelling, scanBareId, scanDialectBody, scanNumber, scanSuffixId } from "./scan.js";
import { skipTrivia } from "./trivia.js";

/** An open `[...]` or `{...}` (dictionary frames carry their pending key). */
interface AttrFrame {
  isDict: boolean;
  /** Where this container's finished elements (entries) start on the shared stacks. */
  base: number;
  seen: Set<string> | undefined;
  key: string;
}

// Shared by every parseAttributeFast call, re-entrant ones included (a tensor
// encoding inside a type inside an attribute): each call works above the
// depth and top it found and leaves them as it found them on success. Finished
// elements of all open containers sit contiguously on `values` (and, for
// dictionaries, their keys on `keys`), so a container allocates nothing until
// it closes, and then only if its attribute is new. (Per-container frames and
// growing arrays were ~10% of parse allocation.)
const frames: AttrFrame[] = [];
let depth = 0;
const keys: string[] = [];
const values: Attribute[] = [];
let top = 0;

function openFrame(isDict: boolean): AttrFrame {
  const f = (frames[depth] ??= { isDict, base: 0, seen: undefined, key: "" });
  depth++;
  f.isDict = isDict;
  f.base = top;
  f.seen = undefined;
  f.key = "";
  return f;
}

function pushValue(key: string, value: Attribute): void {
  if (top === values.length) {
    keys.push(key);
    values.push(value);
  } else {
    keys[top] = key;
    values[top] = value;
  }
  top++;
}

/** Keywords that start a rich attribute handled by the chevrotain path. */
function isRichKeyword(text: string, q: number, e: number): boolean {
  switch (e - q) {
    case 5:
      return text.startsWith("dense", q) || text.startsWith("array", q);
    case 6:
      return text.startsWith("sparse", q);
    case 7:
      return text.startsWith("strided", q);
    case 8:
      return text.startsWith("distinct", q);
    case 10:
      return text.startsWith("affine_map", q) || text.startsWith("affine_set", q);
    case 14:
      return text.startsWith("dense_resource", q);
    default:
      return false;
  }
}

/** True if the word `text[q, e)` can start a type (Parser::parseOptionalType's keyword cases). */
function startsType(text: string, q: number, e: number): boolean {
  if (isIntTypeSpelling(text, q, e) || floatKindOf(text, q, e) !== undefined) return true;
  switch (e - q) {
    case 4:
      return text.startsWith("none", q);
    case 5:
      return text.startsWith("index", q) || text.startsWith("tuple", q);
    case 6:
      return text.startsWith("tensor", q) || text.startsWith("memref", q) || text.startsWith("vector", q);
    case 7:
      return text.startsWith("complex", q);
    default:
      return false;
  }
}

/**
 * Parses the attribute starting at `q` (trivia skipped). `type`, if given, is
 * the type of a top-level literal (no `: type` is parsed for it). Sets
 * `host.pos` after the attribute on success; reports once and returns
 * undefined on error. Arrays and dictionaries are handled here with an explicit
 * stack; every other value goes through `host.leafAttribute` (cached by text).
 */
export function parseAttributeFast(host: ParserHost, q: number, type: Type | undefined): Attribute | undefined {
  const text = host.text;
  const ctx = host.ctx;
  // After an error the shared stacks are abandoned above these (the parse stops).
  const baseDepth = depth;
  const baseTop = top;
  try {
    return parseContainers(host, text, ctx, q, type, baseDepth);
  } finally {
    depth = baseDepth;
    top = baseTop;
  }
}

function parseContainers(host: ParserHost, text: string, ctx: Context, q: number, type: Type | undefined, baseDepth: number): Attribute | undefined {
  for (;;) {
    let value: Attribute | undefined;
    const c = text.charCodeAt(q);
    if (c === Ch.LBracket) {
      q = skipTrivia(text, q + 1);
      if (text.charCodeAt(q) === Ch.RBracket) {
        value = ArrayAttr.get(ctx, []);
        q++;
      } else {
        openFrame(/*isDict=*/ false);
        continue;
      }
    } else if (c === Ch.LBrace) {
      q = skipTrivia(text, q + 1);
      if (text.charCodeAt(q) === Ch.RBrace) {
        value = ctx.emptyDictionary;
        q++;
      } else {
        const f = openFrame(/*isDict=*/ true);
        const r = parseDictKey(host, f, q);
        if (r < 0) return undefined;
        q = r;
        if (text.charCodeAt(q) === Ch.Equal) {
          q = skipTrivia(text, q + 1);
          continue;
        }
        value = UnitAttr.get(ctx);
      }
    } else {
      value = host.leafAttribute(q, depth === baseDepth ? type : undefined);
      if (!value) return undefined;
      q = host.pos;
    }

    // Close the arrays and dictionaries `value` completes.
    for (;;) {
      if (depth === baseDepth) {
        host.pos = q;
        return value;
      }
      const f = frames[depth - 1]!;
      q = skipTrivia(text, q);
      const d = text.charCodeAt(q);
      if (!f.isDict) {
        pushValue("", value);
        if (d === Ch.Comma) {
          q = skipTrivia(text, q + 1);
          break;
        }
        if (d !== Ch.RBracket) return host.emitWrongToken(q, "expected ',' or ']'");
        q++;
        depth--;
        value = ArrayAttr.getFromRange(ctx, values, f.base, top);
        top = f.base;
        continue;
      }
      pushValue(f.key, value);
      if (d === Ch.Comma) {
        const r = parseDictKey(host, f, skipTrivia(text, q + 1));
        if (r < 0) return undefined;
        q = r;
        if (text.charCodeAt(q) === Ch.Equal) {
          q = skipTrivia(text, q + 1);
          break;
        }
        value = UnitAttr.get(ctx);
        continue;
      }
      if (d !== Ch.RBrace) return host.emitWrongToken(q, "expected '}' in attribute dictionary");
      q++;
      depth--;
      value = DictionaryAttr.getFromRanges(ctx, keys, values, f.base, top);
      top = f.base;
    }
  }
}

/**
 * One attribute that is not an array or dictionary, at `q`: literals with
 * their `: type` (unless `providedType`), strings, symbol references, `#alias`,
 * `#dialect...`, `true`/`false`/`unit`, `loc(...)`, type attributes, and the
 * rich keyword forms (handed to the chevrotain path). Sets host.pos.
 */
export function parseLeafAttribute(host: ParserHost, q: number, providedType: Type | undefined): Attribute | undefined {
  const text = host.text;
  const ctx = host.ctx;
  const c = text.charCodeAt(q);
  if (c === Ch.Quote) {
    const r = lexStringLiteral(text, q);
    if (r.end < 0) return host.emitLexError(r.errorOffset, r.errorMessage);
    const end = r.end;
    const s = r.escaped ? decodeStringLiteral(text, q, end) : text.substring(q + 1, end - 1);
    let t = providedType;
    host.pos = end;
    if (!t) {
      const colon = skipTrivia(text, end);
      if (text.charCodeAt(colon) === Ch.Colon) {
        t = host.parseTypeAt(skipTrivia(text, colon + 1));
        if (!t) return undefined;
      }
    }
    // `: none` is MLIR's default string type, so `"x" : none` is the same attribute as `"x"`.
    return StringAttr.get(ctx, s, t instanceof NoneType ? undefined : t);
  }
  if (isDigit(c) || c === Ch.Minus) return parseNumberAttr(host, q, providedType);
  if (c === Ch.At) return parseSymbolRef(host, q);
  if (c === Ch.Hash) {
    const idEnd = scanSuffixId(text, q);
    if (idEnd < 0) return host.emitLexError(q, "invalid attribute name");
    let bodyEnd = -1;
    if (text.charCodeAt(idEnd) === Ch.Less) {
      const r = scanDialectBody(text, idEnd);
      if (typeof r !== "number") return host.emitErrorAt(r.offset, r.message);
      bodyEnd = r;
    }
    if (isAliasReference(text, q, idEnd, bodyEnd)) {
      host.pos = idEnd;
      return resolveAttrAlias(host, q, idEnd);
    }
    let t = providedType;
    host.pos = bodyEnd >= 0 ? bodyEnd : idEnd;
    if (!t) {
      const colon = skipTrivia(text, host.pos);
      if (text.charCodeAt(colon) === Ch.Colon) {
        t = host.parseTypeAt(skipTrivia(text, colon + 1));
        if (!t) return undefined;
      }
    }
    const end = host.pos;
    // Dialect attributes repeat: build each (spelling, type) once.
    const symbolEnd = bodyEnd >= 0 ? bodyEnd : idEnd;
    const salt = t ? t.id : -1;
    let a = host.cachedAttrSpan(q, symbolEnd, salt);
    if (!a) {
      a = buildDialectAttr(host, q, idEnd, bodyEnd, t);
      if (a) host.rememberAttrSpan(q, symbolEnd, salt, a);
    }
    host.pos = end;
    return a;
  }
  if (isAlpha(c) || c === Ch.Underscore) {
    const e = scanBareId(text, q);
    const len = e - q;
    if (len === 4 && text.startsWith("true", q)) {
      host.pos = e;
      return boolAttr(ctx, true);
    }
    if (len === 5 && text.startsWith("false", q)) {
      host.pos = e;
      return boolAttr(ctx, false);
    }
    if (len === 4 && text.startsWith("unit", q)) {
      host.pos = e;
      return UnitAttr.get(ctx);
    }
    if (len === 3 && text.startsWith("loc", q)) return host.parseLocationAttrAt(q);
    if (isRichKeyword(text, q, e)) return host.slowAttribute(q, providedType);
    if (startsType(text, q, e)) {
      const t = host.parseTypeAt(q);
      return t ? TypeAttr.get(ctx, t) : undefined;
    }
    return host.emitWrongToken(q, "expected attribute value");
  }
  if (c === Ch.LParen || c === Ch.Bang) {
    const t = host.parseTypeAt(q);
    return t ? TypeAttr.get(ctx, t) : undefined;
  }
  return unexpectedToken(host, q, "expected attribute value");
}

/** `true` / `false`: an `i1` IntegerAttr (MLIR's BoolAttr). */
export function boolAttr(ctx: Context, value: boolean): IntegerAttr {
  return IntegerAttr.get(ctx, IntegerType.get(ctx, 1), value ? 1n : 0n);
}

/** Linear search for small dictionaries, a Set once they grow (keeps the common case allocation-free). */
function isDuplicateKey(f: AttrFrame, name: string): boolean {
  if (f.seen) {
    if (f.seen.has(name)) return true;
    f.seen.add(name);
    return false;
  }
  for (let i = f.base; i < top; i++) if (keys[i] === name) return true;
  if (top - f.base >= 16) {
    f.seen = new Set();
    for (let i = f.base; i < top; i++) f.seen.add(keys[i]!);
    f.seen.add(name);
  }
  return false;
}

/**
 * Reads a dictionary key at `q` (bare identifier, keyword or string), checks it
 * and stores it in `f.key`. Returns the offset of the next token, or -1.
 */
function parseDictKey(host: ParserHost, f: AttrFrame, q: number): number {
  const text = host.text;
  const c = text.charCodeAt(q);
  let name: string;
  let end: number;
  if (c === Ch.Quote) {
    const r = lexStringLiteral(text, q);
    if (r.end < 0) return (host.emitLexError(r.errorOffset, r.errorMessage), -1);
    end = r.end;
    name = r.escaped ? decodeStringLiteral(text, q, end) : text.substring(q + 1, end - 1);
  } else if (isAlpha(c) || c === Ch.Underscore) {
    end = scanBareId(text, q);
    name = host.internName(q, end);
  } else {
    return (host.emitWrongToken(q, "expected attribute name"), -1);
  }
  if (name.length === 0) return (host.emitErrorAt(q, "expected valid attribute name"), -1);
  if (isDuplicateKey(f, name)) return (host.emitErrorAt(q, `duplicate key '${name}' in dictionary attribute`), -1);
  f.key = name;
  return skipTrivia(text, end);
}

/**
 * An integer or float literal at `q` (possibly `-`), with its `: type` unless
 * `type` is given (Parser::parseDecOrHexAttr / parseFloatAttr). Defaults are
 * i64 and f64. Sets host.pos.
 */
function parseNumberAttr(host: ParserHost, q: number, type: Type | undefined): Attribute | undefined {
  const text = host.text;
  let negative = false;
  if (text.charCodeAt(q) === Ch.Minus) {
    negative = true;
    q = skipTrivia(text, q + 1);
    if (!isDigit(text.charCodeAt(q))) return host.emitWrongToken(q, "expected constant integer or floating point value");
  }
  const end = scanNumber(text, q);
  const isFloat = isFloatSpelling(text, q, end);
  let t = type;
  host.pos = end;
  let after = end;
  if (!t) {
    const colon = skipTrivia(text, end);
    if (text.charCodeAt(colon) === Ch.Colon) {
      t = host.parseTypeAt(skipTrivia(text, colon + 1));
      if (!t) return undefined;
      after = host.pos;
    } else {
      t = isFloat ? host.f64 : host.i64;
    }
  }
  const a = isFloat
    ? buildFloatLiteralAttr(host, q, end, negative, t, skipTrivia(text, after))
    : buildIntegerLiteralAttr(host, q, end, negative, t);
  host.pos = after;
  return a;
}

/** `@a::@b::@"c d"` (Token::getSymbolReference for each part). Sets host.pos. */
function parseSymbolRef(host: ParserHost, q: number): Attribute | undefined {
  const text = host.text;
  const nested: string[] = [];
  let root = "";
  for (let i = 0; ; i++) {
    const c = text.charCodeAt(q + 1);
    let name: string;
    let end: number;
    if (c === Ch.Quote) {
      const r = lexStringLiteral(text, q + 1);
      if (r.end < 0) return host.emitLexError(r.errorOffset, r.errorMessage);
      end = r.end;
      name = r.escaped ? decodeStringLiteral(text, q + 1, end) : text.substring(q + 2, end - 1);
    } else if (isAlpha(c) || c === Ch.Underscore) {
      end = scanBareId(text, q + 1);
      name = text.substring(q + 1, end);
    } else {
      return host.emitLexError(q + 1, "@ identifier expected to start with letter or '_'");
    }
    if (i === 0) root = name;
    else nested.push(name);
    host.pos = end;
    const colon = skipTrivia(text, end);
    if (text.charCodeAt(colon) !== Ch.Colon) break;
    const colon2 = skipTrivia(text, colon + 1);
    if (text.charCodeAt(colon2) !== Ch.Colon) break;
    q = skipTrivia(text, colon2 + 1);
    if (text.charCodeAt(q) !== Ch.At) return host.emitErrorAt(q, "expected nested symbol reference identifier");
  }
  return SymbolRefAttr.get(host.ctx, root, nested);
}

/**
 * `{...}` at `q` as a DictionaryAttr (the op parser's attribute dictionary):
 * duplicate keys are errors. Sets host.pos.
 */
export function parseAttributeDictFast(host: ParserHost, q: number): DictionaryAttr | undefined {
  if (host.text.charCodeAt(q) !== Ch.LBrace) return host.emitWrongToken(q, "expected '{' in attribute dictionary");
  const a = parseAttributeFast(host, q, undefined);
  return a instanceof DictionaryAttr ? a : undefined;
}
