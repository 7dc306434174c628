// TypeAttrParser: the entry point the op parser uses for types, attributes,
// attribute dictionaries and locations. Common forms take the hand-written fast
// paths (type-parser.ts, attribute-parser.ts, location-parser.ts); rich forms
// take the chevrotain grammar (type-attr-grammar.ts) on the exact source text of
// the construct, with results cached by that text for the whole parse (aliases
// are fixed once defined, so a spelling always means the same thing).

import type { Attribute } from "../ir/attribute.js";
import { DictionaryAttr, DistinctAttr } from "../ir/builtin-attributes.js";
import { FloatType, IntegerType, Signedness } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { Location } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";
import { parseAttributeDictFast, parseAttributeFast, parseLeafAttribute } from "./attribute-parser.js";
import { decodeStringLiteral, lexStringLiteral } from "./escape.js";
import { parseLocationAttr, parseTrailingLocation } from "./location-parser.js";
import { attrText, type ParserHost } from "./parse-actions.js";
import {
  Ch,
  currentTokenOffset,
  isBareIdChar,
  scanAttrExtent,
  scanBalanced,
  scanBareId,
  scanLeafAttrExtent,
  scanTypeExtent,
  shapedKindOf,
  wrongTokenOffset,
} from "./scan.js";
import { parseDenseArrayFast } from "./dense-array-parser.js";
import { SpanCache, spanHashChar, spanHashFinish, spanHashStart } from "./span-cache.js";
import { parseDenseAttr } from "./dense-parser.js";
import type { SourceFile } from "./source.js";
import { STOP, TypeAttrGrammar } from "./type-attr-grammar.js";
import { typeAttrLexer } from "./type-attr-lexer.js";
import { parseOpSignature, parseTypeFast, scalarType, type OpSignature } from "./type-parser.js";
import { printTypeForDiagnostic } from "./type-attr-printer.js";
import { skipTrivia } from "./trivia.js";

/** Alias definitions seen so far in one file (`#name = attr`, `!name = type`). */
export class AliasTable {
  readonly types = new Map<string, Type>();
  readonly attrs = new Map<string, Attribute>();
}

/** Reports a parse error: offset into the source text, MLIR's message, and an optional note at the same place. */
export type ParseErrorReporter = (offset: number, message: string, note?: string) => void;

/**
 * Placeholder for a trailing `loc(#name)` whose alias is defined later in the
 * file (MLIR's deferred location); replaced by resolveForwardLocations.
 */
export class DeferredLoc extends Location {
  constructor(
    ctx: Context,
    readonly aliasName: string,
    readonly offset: number,
  ) {
    super(ctx);
  }
}

const enum GrammarKind {
  Type = 0,
  Attribute = 1,
}

/** Grammar instances by re-entrancy depth (a location inside a rich attribute may need another). */
const grammarPool: TypeAttrGrammar[] = [];
let grammarDepth = 0;

/** Beyond this nesting the chevrotain path gives up with a located error instead of overflowing. */
const kGrammarDepthMessage = "nesting too deep for the attribute/type parser (JS stack exhausted)";

/**
 * Parses builtin types, attributes and locations out of one source buffer,
 * sharing the cursor `pos` with the op parser. Each `parse*` method skips
 * trivia first, advances `pos` on success, and on error reports once (through
 * `report`, MLIR's wording and position) and returns undefined; after an error
 * every later call fails too. Never throws for bad input.
 */
export class TypeAttrParser implements ParserHost {
  pos = 0;
  readonly text: string;
  readonly i64: IntegerType;
  readonly f64: FloatType;
  private hasFailed = false;
  private readonly typeCache = new SpanCache<Type>();
  private readonly attrCache = new SpanCache<Attribute>();
  private readonly names = new SpanCache<string>();
  private readonly distincts = new Map<bigint, DistinctAttr>();
  private readonly deferred: DeferredLoc[] = [];
  /** Test hook: route every type and attribute through the grammar (no fast path, no cache). */
  grammarOnly = false;

  constructor(
    readonly ctx: Context,
    readonly src: SourceFile,
    readonly aliases: AliasTable,
    private readonly report: ParseErrorReporter,
  ) {
    this.text = src.text;
    this.i64 = IntegerType.get(ctx, 64);
    this.f64 = FloatType.get(ctx, "f64");
  }

  /** The whole source text (a byte string). */
  get sourceText(): string {
    return this.text;
  }
  get failed(): boolean {
    return this.hasFailed;
  }

  //===------------------------------------------------------------------===//
  // Public API (the op parser's contract)
  //===------------------------------------------------------------------===//

  /** A type at `pos`, including function types. */
  parseType(): Type | undefined {
    if (this.hasFailed) return undefined;
    const q = skipTrivia(this.text, this.pos);
    if (this.grammarOnly) return this.runGrammar(GrammarKind.Type, q, scanTypeExtent(this.text, q), undefined) as Type | undefined;
    return this.parseTypeAt(q);
  }

  /**
   * A generic op's type at `pos`: a function type written out goes into
   * `sink` (see parseOpSignature) instead of being interned; anything else
   * (an alias, a non-function type) is returned as parseType returns it.
   */
  parseOpSignature(sink: OpSignature): Type | undefined {
    sink.taken = false;
    if (this.hasFailed) return undefined;
    if (this.grammarOnly) return this.parseType();
    return parseOpSignature(this, skipTrivia(this.text, this.pos), sink);
  }

  /**
   * Any attribute at `pos`, including `loc(...)` and `#alias`. With `type`, a
   * top-level literal takes that type and no `: type` is parsed for it.
   */
  parseAttribute(type?: Type): Attribute | undefined {
    if (this.hasFailed) return undefined;
    const q = skipTrivia(this.text, this.pos);
    if (this.grammarOnly) return this.runGrammar(GrammarKind.Attribute, q, this.grammarExtent(q), type) as Attribute | undefined;
    return parseAttributeFast(this, q, type);
  }

  /** `{key = value, ...}` at `pos`; duplicate keys are reported as MLIR does. */
  parseAttributeDict(): DictionaryAttr | undefined {
    if (this.hasFailed) return undefined;
    const q = skipTrivia(this.text, this.pos);
    if (this.grammarOnly) {
      const a = this.runGrammar(GrammarKind.Attribute, q, this.grammarExtent(q), undefined);
      return a instanceof DictionaryAttr ? a : undefined;
    }
    return parseAttributeDictFast(this, q);
  }

  /**
   * A trailing location `loc(...)` at `pos` (after an op or a block argument).
   * `loc(#name)` may name an alias defined later: the result is then a
   * DeferredLoc that resolveForwardLocations replaces.
   */
  parseLocation(): Location | undefined {
    if (this.hasFailed) return undefined;
    const q = skipTrivia(this.text, this.pos);
    if (!this.text.startsWith("loc", q)) return this.emitWrongToken(q, "expected 'loc' keyword");
    return parseTrailingLocation(this, q, this.deferLocation);
  }

  /** Made once (not a closure per op location): a placeholder for `loc(#name)` defined later. */
  private readonly deferLocation = (name: string, offset: number): Location => {
    const d = new DeferredLoc(this.ctx, name, offset);
    this.deferred.push(d);
    return d;
  };

  /** A string literal at `pos`, escapes resolved (for `{-# #-}` resource values). */
  parseStringLiteral(): string | undefined {
    const q = skipTrivia(this.text, this.pos);
    if (this.text.charCodeAt(q) !== Ch.Quote) return this.emitWrongToken(q, "expected string");
    const r = lexStringLiteral(this.text, q);
    if (r.end < 0) return this.emitLexError(r.errorOffset, r.errorMessage);
    this.pos = r.end;
    return r.escaped ? decodeStringLiteral(this.text, q, r.end) : this.text.substring(q + 1, r.end - 1);
  }

  /** A type as MLIR prints it in diagnostics (no aliases). */
  typeToString(t: Type): string {
    return printTypeForDiagnostic(t);
  }

  /**
   * At the end of the file: replaces every DeferredLoc on ops and block
   * arguments under `root` and its following siblings with its alias. Reports
   * "operation location alias was never defined" / "expected location, but
   * found '...'" at the first offender in MLIR's (post-order) walk order.
   * O(ops) when forward references exist, O(1) otherwise.
   */
  resolveForwardLocations(root: Operation): boolean {
    if (this.deferred.length === 0) return true;
    for (let op: Operation | null = root; op; op = op.next) if (!this.resolveIn(op)) return false;
    return true;
  }

  private resolveLoc(loc: Location): Location | undefined {
    if (!(loc instanceof DeferredLoc)) return loc;
    const attr = this.aliases.attrs.get(loc.aliasName);
    if (!attr) return this.emitErrorAt(loc.offset, "operation location alias was never defined");
    if (!(attr instanceof Location)) return this.emitErrorAt(loc.offset, `expected location, but found '${attrText(attr)}'`);
    return attr;
  }

  /** Post-order over `root`'s tree with an explicit stack: op location, then its regions' block arguments. */
  private resolveIn(root: Operation): boolean {
    const ops: Operation[] = [root];
    const expanded: boolean[] = [false];
    while (ops.length) {
      const top = ops.length - 1;
      const op = ops[top]!;
      if (!expanded[top]) {
        expanded[top] = true;
        for (let ri = op.regions.length - 1; ri >= 0; ri--)
          for (let b = op.regions[ri]!.lastBlock; b; b = b.prev)
            for (let c = b.last; c; c = c.prev) {
              ops.push(c);
              expanded.push(false);
            }
        continue;
      }
      ops.pop();
      expanded.pop();
      const l = this.resolveLoc(op.loc);
      if (!l) return false;
      op.loc = l;
      for (const region of op.regions)
        for (let b = region.entryBlock; b; b = b.next)
          for (const arg of b.args) {
            const al = this.resolveLoc(arg.loc);
            if (!al) return false;
            arg.loc = al;
          }
    }
    return true;
  }

  //===------------------------------------------------------------------===//
  // ParserHost
  //===------------------------------------------------------------------===//

  emitErrorAt(offset: number, message: string, note?: string): undefined {
    if (this.hasFailed) return undefined;
    this.hasFailed = true;
    this.report(currentTokenOffset(this.text, offset), message, note);
    return undefined;
  }

  emitLexError(offset: number, message: string): undefined {
    if (this.hasFailed) return undefined;
    this.hasFailed = true;
    this.report(Math.min(offset, this.text.length), message);
    return undefined;
  }

  emitWrongToken(tokenOffset: number, message: string): undefined {
    return this.emitErrorAt(wrongTokenOffset(this.text, tokenOffset), message);
  }

  typeAlias(name: string): Type | undefined {
    return this.aliases.types.get(name);
  }
  attrAlias(name: string): Attribute | undefined {
    return this.aliases.attrs.get(name);
  }

  /**
   * A type at `q`. Builtin scalar words (`i32`, `f32`, `index`, ...) resolve
   * without building a string; other types are memoised by their source text
   * for this parse (types repeat a lot in IR), except function types: those
   * rarely repeat whole, and their parts are memoised inside parseTypeFast.
   */
  parseTypeAt(q: number): Type | undefined {
    const text = this.text;
    const c = text.charCodeAt(q);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      const e = scanBareId(text, q);
      const t = this.scalarTypeAt(q, e);
      if (t) {
        this.pos = e;
        return t;
      }
      if (this.hasFailed) return undefined;
    } else if (c === Ch.LParen) {
      return parseTypeFast(this, q);
    }
    const simpleEnd = this.simpleShapedSpan(q);
    const end = simpleEnd >= 0 ? simpleEnd : scanTypeExtent(text, q);
    const hit = simpleEnd >= 0 ? this.typeCache.getHashed(text, q, end, 0, this.simpleSpanHash) : this.typeCache.get(text, q, end, 0);
    if (hit) {
      this.pos = end;
      return hit;
    }
    const t = parseTypeFast(this, q);
    if (t && this.pos === end) this.typeCache.set(text, q, end, 0, t);
    return t;
  }

  /** The identifier `text[start, end)` as one shared string per spelling (dictionary keys repeat a lot). */
  internName(start: number, end: number): string {
    let name = this.names.get(this.text, start, end, 0);
    if (name === undefined) {
      name = this.text.substring(start, end);
      this.names.set(this.text, start, end, 0, name);
    }
    return name;
  }

  cachedTypeAt(q: number): Type | undefined {
    const simpleEnd = this.simpleShapedSpan(q);
    const end = simpleEnd >= 0 ? simpleEnd : scanTypeExtent(this.text, q);
    const hit = simpleEnd >= 0 ? this.typeCache.getHashed(this.text, q, end, 0, this.simpleSpanHash) : this.typeCache.get(this.text, q, end, 0);
    if (hit) this.pos = end;
    return hit;
  }

  /** Hash of the span last found by simpleShapedSpan (SpanCache's hash with salt 0). */
  private simpleSpanHash = 0;

  /**
   * The end of a shaped type at `q` spelled `tensor<...>` / `memref<...>` /
   * `vector<...>` with only `[A-Za-z0-9_.?$]` inside (most types in IR), found
   * and hashed in one pass; -1 for anything else (then scanTypeExtent finds
   * the same end the slow way). Sets simpleSpanHash.
   */
  private simpleShapedSpan(q: number): number {
    const text = this.text;
    let h = spanHashStart(0);
    let p = q;
    let c = text.charCodeAt(p);
    while (isBareIdChar(c)) {
      h = spanHashChar(h, c);
      c = text.charCodeAt(++p);
    }
    if (c !== Ch.Less || shapedKindOf(text, q, p) < 0) return -1;
    for (;;) {
      h = spanHashChar(h, c);
      c = text.charCodeAt(++p);
      if (c === Ch.Greater) break;
      if (!isBareIdChar(c) && c !== Ch.Question) return -1;
    }
    this.simpleSpanHash = spanHashFinish(spanHashChar(h, c));
    return p + 1;
  }

  cachedTypeSpan(start: number, end: number): Type | undefined {
    return this.typeCache.get(this.text, start, end, 0);
  }

  cachedAttrSpan(start: number, end: number, salt: number): Attribute | undefined {
    return this.attrCache.get(this.text, start, end, salt);
  }

  rememberAttrSpan(start: number, end: number, salt: number, a: Attribute): void {
    this.attrCache.set(this.text, start, end, salt, a);
  }

  rememberType(start: number, end: number, t: Type): void {
    // Called after cachedTypeAt missed for `start`: no entry to replace.
    this.typeCache.set(this.text, start, end, 0, t);
  }

  /** Integer types by width (index) per signedness, for widths of up to 4 digits. */
  private readonly intTypes: IntegerType[][] = [[], [], []];

  /**
   * The builtin scalar type spelled `text[q, e)`, or undefined (reporting only
   * bad integer widths): scalarType's contract, with the common spellings
   * (`i32`, `ui8`, `f32`, `bf16`) resolved from char codes without a substring.
   */
  scalarTypeAt(q: number, e: number): Type | undefined {
    const text = this.text;
    const c = text.charCodeAt(q);
    if (c === Ch.i || c === Ch.s || c === Ch.u) {
      const signedness = c === Ch.i ? Signedness.Signless : c === Ch.s ? Signedness.Signed : Signedness.Unsigned;
      const p0 = signedness === Signedness.Signless ? q + 1 : q + 2;
      if ((signedness === Signedness.Signless || text.charCodeAt(q + 1) === Ch.i) && p0 < e && e - p0 <= 4) {
        let width = 0;
        let p = p0;
        for (; p < e; p++) {
          const d = text.charCodeAt(p);
          if (d < Ch.D0 || d > Ch.D9) break;
          width = width * 10 + (d - Ch.D0);
        }
        if (p === e) {
          const table = this.intTypes[signedness]!;
          return (table[width] ??= IntegerType.get(this.ctx, width, signedness));
        }
      }
    } else if (c === Ch.f && e - q === 3) {
      // f16, f32, f64, f80: the common float types, without a substring.
      const d1 = text.charCodeAt(q + 1);
      const d2 = text.charCodeAt(q + 2);
      const kind = d1 === 51 && d2 === 50 ? "f32" : d1 === 49 && d2 === 54 ? "f16" : d1 === 54 && d2 === 52 ? "f64" : d1 === 56 && d2 === 48 ? "f80" : undefined;
      if (kind) return (this.floatTypes[kind] ??= FloatType.get(this.ctx, kind));
    } else if (c === 98 /* b */ && e - q === 4 && text.startsWith("bf16", q)) {
      return (this.floatTypes["bf16"] ??= FloatType.get(this.ctx, "bf16"));
    }
    return scalarType(this, q, e);
  }

  private readonly floatTypes: Partial<Record<string, FloatType>> = {};

  leafAttribute(q: number, providedType: Type | undefined): Attribute | undefined {
    return parseLeafAttribute(this, q, providedType);
  }

  parseAttributeAt(q: number, type?: Type): Attribute | undefined {
    return parseAttributeFast(this, q, type);
  }
  parseLocationAttrAt(q: number): Location | undefined {
    return parseLocationAttr(this, q);
  }

  slowAttribute(q: number, type?: Type): Attribute | undefined {
    if (this.isKeyword(q, "array")) {
      const a = parseDenseArrayFast(this, q);
      if (a) return a;
    }
    const end = scanAttrExtent(this.text, q);
    // Salt: the provided type changes the meaning of the same text (-1 for none).
    const salt = type ? type.id : -1;
    const hit = this.attrCache.get(this.text, q, end, salt);
    if (hit) {
      this.pos = end;
      return hit;
    }
    const a = this.isDenseLiteral(q) ? this.denseByHand(q, type) : (this.runGrammar(GrammarKind.Attribute, q, end, type) as Attribute | undefined);
    if (a && this.pos === end) this.attrCache.set(this.text, q, end, salt, a);
    return a;
  }

  /** True if the bare identifier at `q` is exactly `word`. */
  private isKeyword(q: number, word: string): boolean {
    return this.text.startsWith(word, q) && !isBareIdChar(this.text.charCodeAt(q + word.length));
  }

  /** `dense` + trivia + `<` at `q`: constants are common enough to skip chevrotain. */
  private isDenseLiteral(q: number): boolean {
    const text = this.text;
    return text.startsWith("dense", q) && !isBareIdChar(text.charCodeAt(q + 5)) && text.charCodeAt(skipTrivia(text, q + 5)) === Ch.Less;
  }

  private denseByHand(q: number, type: Type | undefined): Attribute | undefined {
    const open = skipTrivia(this.text, q + 5);
    return parseDenseAttr(this, q, open, scanBalanced(this.text, open), type);
  }

  distinctAttr(id: bigint, referenced: Attribute, offset: number): Attribute | undefined {
    const existing = this.distincts.get(id);
    if (!existing) {
      const d = DistinctAttr.create(this.ctx, referenced);
      this.distincts.set(id, d);
      return d;
    }
    if (existing.referenced !== referenced)
      return this.emitErrorAt(offset, `referenced attribute does not match previous definition: ${attrText(existing.referenced)}`);
    return existing;
  }

  //===------------------------------------------------------------------===//
  // The chevrotain path
  //===------------------------------------------------------------------===//

  /** Extent of any attribute for grammar-only mode (a test hook): containers balanced, leaves as cached. */
  private grammarExtent(q: number): number {
    const text = this.text;
    const c = text.charCodeAt(q);
    if (c === Ch.LBracket || c === Ch.LBrace) return scanBalanced(text, q);
    const e = scanLeafAttrExtent(text, q);
    return e < 0 ? scanAttrExtent(text, q) : e;
  }

  /**
   * Runs the grammar on `text[start, end)`. On success sets `pos` after the
   * last token the grammar consumed (normally `end`). Maps lexer errors,
   * grammar errors and stack exhaustion to located diagnostics.
   */
  private runGrammar(kind: GrammarKind, start: number, end: number, type: Type | undefined): Type | Attribute | undefined {
    if (this.hasFailed) return undefined;
    const sub = this.text.substring(start, end);
    const lexed = typeAttrLexer().tokenize(sub);
    const g = (grammarPool[grammarDepth] ??= new TypeAttrGrammar());
    grammarDepth++;
    let result: Type | Attribute | undefined;
    try {
      g.host = this;
      g.base = start;
      g.subLen = sub.length;
      g.input = lexed.tokens;
      g.setProvidedType(type);
      result = kind === GrammarKind.Type ? g.topType() : g.topAttribute();
    } catch (e) {
      if (e === STOP) return undefined;
      if (e instanceof RangeError) return this.emitErrorAt(start, kGrammarDepthMessage);
      throw e;
    } finally {
      grammarDepth--;
    }
    const firstLexError = lexed.errors.length ? start + lexed.errors[0]!.offset : -1;
    // A first rule that stops early is not an error here (the caller continues after it).
    const errors = g.errors.filter((e) => e.name !== "NotAllInputParsedException");
    if (errors.length) {
      const err = errors[0]!;
      const at = g.off(err.token);
      if (firstLexError >= 0 && firstLexError <= at) return this.reportLexError(firstLexError);
      return this.emitWrongToken(at, err.message);
    }
    const next = g.nextToken();
    const stop = Number.isNaN(next.startOffset) ? end : start + next.startOffset;
    if (firstLexError >= 0 && firstLexError < stop) return this.reportLexError(firstLexError);
    if (result === undefined) return undefined;
    this.pos = stop === end ? end : stop;
    if (stop !== end) {
      // The grammar stopped early: continue after the last consumed token.
      let p = stop;
      while (p > start && (this.text.charCodeAt(p - 1) === Ch.Space || this.text.charCodeAt(p - 1) === Ch.Tab || this.text.charCodeAt(p - 1) === Ch.LF))
        p--;
      this.pos = p;
    }
    return result;
  }

  /** MLIR's lexer error for the character at `offset`. */
  private reportLexError(offset: number): undefined {
    const text = this.text;
    const c = text.charCodeAt(offset);
    if (c === Ch.Quote) {
      const r = lexStringLiteral(text, offset);
      if (r.end < 0) return this.emitLexError(r.errorOffset, r.errorMessage);
    }
    if (c === Ch.At) {
      if (text.charCodeAt(offset + 1) === Ch.Quote) {
        const r = lexStringLiteral(text, offset + 1);
        if (r.end < 0) return this.emitLexError(r.errorOffset, r.errorMessage);
      }
      return this.emitLexError(offset + 1, "@ identifier expected to start with letter or '_'");
    }
    if (c === Ch.Hash) return this.emitLexError(offset, "invalid attribute name");
    if (c === Ch.Bang) return this.emitLexError(offset, "invalid type identifier");
    if (c === Ch.Percent) return this.emitLexError(offset, "invalid SSA name");
    if (c === 94 /* ^ */) return this.emitLexError(offset, "invalid block name");
    if (c === Ch.Dot) return this.emitLexError(offset + 1, "expected three consecutive dots for an ellipsis");
    return this.emitLexError(offset, "unexpected character");
  }
}
