// CustomOpParser: the OpAsmParser handed to an op's parse hook, over the op
// parser's scanner and name scopes (MLIR's CustomOpAsmParser in
// mlir/lib/AsmParser/Parser.cpp). One is made per custom-form op; it reads
// from the op parser's position and moves it.

import type { Attribute } from "../ir/attribute.js";
import type { Block } from "../ir/block.js";
import type { NamedAttribute } from "../ir/builtin-attributes.js";
import { SymbolRefAttr } from "../ir/builtin-attributes.js";
import type { Context } from "../ir/context.js";
import type { Location } from "../ir/location.js";
import { Delimiter, type OpAsmArgument, type OpAsmParser, type OpAsmState, type Punctuation, type UnresolvedOperand } from "../ir/op-asm.js";
import { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import type { OpParser, RegionFrame } from "./op-parser.js";
import { Ch, isAlpha, isBareIdChar, isDigit, scanBalanced, scanBareId } from "./scan.js";
import type { NameScope } from "./ssa-scope.js";

/** MLIR's OperationState for a parse hook. */
export class AsmOperationState implements OpAsmState {
  readonly operands: Value[] = [];
  readonly types: Type[] = [];
  readonly attributes: NamedAttribute[] = [];
  readonly successors: Block[] = [];
  readonly regions: Region[] = [];
  constructor(readonly context: Context) {}
  addRegion(): Region {
    const r = new Region(null);
    this.regions.push(r);
    return r;
  }
}

/** Open and close spelling of each delimiter, and whether it may be absent. */
const kDelimiters: readonly (readonly [string, string, boolean])[] = [
  ["", "", false],
  ["(", ")", false],
  ["[", "]", false],
  ["<", ">", false],
  ["{", "}", false],
  ["(", ")", true],
  ["[", "]", true],
  ["<", ">", true],
  ["{", "}", true],
];

/** Builtin type keywords (a bare identifier that starts a type). */
const kTypeKeywords = new Set([
  "index", "none", "tensor", "memref", "vector", "complex", "tuple", "bf16", "tf32",
  "f16", "f32", "f64", "f80", "f128", "f4E2M1FN", "f6E2M3FN", "f6E3M2FN", "f8E5M2", "f8E4M3",
  "f8E4M3FN", "f8E5M2FNUZ", "f8E4M3FNUZ", "f8E4M3B11FNUZ", "f8E3M4", "f8E8M0FNU",
]);

/** Bare identifiers that start an attribute. */
const kAttrKeywords = new Set([
  "true", "false", "unit", "dense", "dense_resource", "sparse", "array", "affine_map", "affine_set",
  "strided", "distinct", "loc", "opaque",
]);

/** Whether the bare identifier `id` starts a builtin type (`i32`, `si8`, `f16`, `tensor`, ...). */
function isTypeKeyword(id: string): boolean {
  if (kTypeKeywords.has(id)) return true;
  const digits = id.startsWith("si") || id.startsWith("ui") ? 2 : id.startsWith("i") ? 1 : 0;
  if (digits === 0 || id.length === digits) return false;
  for (let i = digits; i < id.length; i++) if (!isDigit(id.charCodeAt(i))) return false;
  return true;
}

export class CustomOpParser implements OpAsmParser {
  readonly context: Context;

  constructor(
    private readonly host: OpParser,
    private readonly frame: RegionFrame | undefined,
    private readonly scope: NameScope,
    /** The op's full name, which errors reported through emitError are prefixed with (as MLIR's). */
    private readonly opName: string,
    private readonly nameOffset: number,
    private readonly numResults: number,
    /** The default dialect inside the op's regions. */
    private readonly defaultDialect: string,
  ) {
    this.context = host.ctx;
  }

  get failed(): boolean {
    return this.host.failed;
  }
  getCurrentLocation(): number {
    return this.host.skip();
  }
  getNameLocation(): number {
    return this.nameOffset;
  }
  getEncodedSourceLoc(offset: number): Location {
    return this.host.locAt(offset);
  }
  emitError(message: string, offset?: number): false {
    this.host.error(offset ?? this.host.skip(), `custom op '${this.opName}' ${message}`);
    return false;
  }
  getNumResults(): number {
    return this.numResults;
  }

  //===--------------------------------------------------------------------===//
  // Punctuation and keywords
  //===--------------------------------------------------------------------===//

  parseOptionalPunctuation(p: Punctuation): boolean {
    if (this.host.failed) return false;
    const at = this.host.skip();
    if (!this.host.text.startsWith(p, at)) return false;
    // `-` alone is not `->`; `{-#` is not `{`.
    this.host.pos = at + p.length;
    return true;
  }
  parsePunctuation(p: Punctuation): boolean {
    if (this.parseOptionalPunctuation(p)) return true;
    this.host.wrongToken(this.host.skip(), `expected '${p}'`);
    return false;
  }
  parseComma(): boolean { return this.parsePunctuation(","); }
  parseOptionalComma(): boolean { return this.parseOptionalPunctuation(","); }
  parseColon(): boolean { return this.parsePunctuation(":"); }
  parseOptionalColon(): boolean { return this.parseOptionalPunctuation(":"); }
  parseEqual(): boolean { return this.parsePunctuation("="); }
  parseOptionalEqual(): boolean { return this.parseOptionalPunctuation("="); }
  parseArrow(): boolean { return this.parsePunctuation("->"); }
  parseOptionalArrow(): boolean { return this.parseOptionalPunctuation("->"); }
  parseLParen(): boolean { return this.parsePunctuation("("); }
  parseOptionalLParen(): boolean { return this.parseOptionalPunctuation("("); }
  parseRParen(): boolean { return this.parsePunctuation(")"); }
  parseOptionalRParen(): boolean { return this.parseOptionalPunctuation(")"); }
  parseLSquare(): boolean { return this.parsePunctuation("["); }
  parseOptionalLSquare(): boolean { return this.parseOptionalPunctuation("["); }
  parseRSquare(): boolean { return this.parsePunctuation("]"); }
  parseOptionalRSquare(): boolean { return this.parseOptionalPunctuation("]"); }
  parseLBrace(): boolean { return this.parsePunctuation("{"); }
  parseOptionalLBrace(): boolean { return this.parseOptionalPunctuation("{"); }
  parseRBrace(): boolean { return this.parsePunctuation("}"); }
  parseOptionalRBrace(): boolean { return this.parseOptionalPunctuation("}"); }
  parseLess(): boolean { return this.parsePunctuation("<"); }
  parseOptionalLess(): boolean { return this.parseOptionalPunctuation("<"); }
  parseGreater(): boolean { return this.parsePunctuation(">"); }
  parseOptionalGreater(): boolean { return this.parseOptionalPunctuation(">"); }
  parseOptionalAngleBody(): string | undefined {
    if (this.host.failed) return undefined;
    const at = this.host.skip();
    if (this.host.text.charCodeAt(at) !== Ch.Less) return undefined;
    // scanBalanced returns the offset just past the group's closing bracket.
    const end = scanBalanced(this.host.text, at);
    if (this.host.text.charCodeAt(end - 1) !== Ch.Greater) {
      this.host.wrongToken(Math.min(end, this.host.text.length), "unbalanced '<' in dialect attribute");
      return undefined;
    }
    this.host.pos = end;
    return this.host.text.substring(at, end);
  }

  /** The bare identifier at the next token, without consuming it ("" if none). */
  private peekKeyword(): string {
    const text = this.host.text;
    const at = this.host.skip();
    const c = text.charCodeAt(at);
    if (!(isAlpha(c) || c === Ch.Underscore)) return "";
    return text.substring(at, scanBareId(text, at));
  }
  parseOptionalKeyword(keyword: string): boolean {
    if (this.host.failed || this.peekKeyword() !== keyword) return false;
    this.host.pos += keyword.length;
    return true;
  }
  parseKeyword(keyword: string): boolean {
    if (this.parseOptionalKeyword(keyword)) return true;
    return this.host.failed ? false : this.emitError(`expected '${keyword}'`);
  }
  peekOptionalKeyword(): string | undefined {
    return this.host.failed ? undefined : this.peekKeyword() || undefined;
  }
  parseOptionalKeywordAny(): string | undefined {
    if (this.host.failed) return undefined;
    const id = this.peekKeyword();
    if (!id) return undefined;
    this.host.pos += id.length;
    return id;
  }
  parseOptionalInteger(): bigint | undefined {
    const host = this.host;
    if (host.failed) return undefined;
    const text = host.text;
    const at = host.skip();
    let p = at;
    const negative = text.charCodeAt(p) === Ch.Minus;
    if (negative) p++;
    if (!isDigit(text.charCodeAt(p))) return undefined;
    const start = p;
    if (text.charCodeAt(p) === Ch.D0 && text.charCodeAt(p + 1) === Ch.x) {
      p += 2;
      while (/[0-9a-fA-F]/.test(text[p] ?? "")) p++;
    } else {
      while (isDigit(text.charCodeAt(p))) p++;
    }
    host.pos = p;
    const v = BigInt(text.substring(start, p));
    return negative ? -v : v;
  }
  parseInteger(): bigint | undefined {
    const v = this.parseOptionalInteger();
    if (v === undefined && !this.host.failed) this.emitError("expected integer value");
    return v;
  }
  parseOptionalString(): string | undefined {
    const host = this.host;
    if (host.failed || host.text.charCodeAt(host.skip()) !== Ch.Quote) return undefined;
    host.tp.pos = host.pos;
    const s = host.tp.parseStringLiteral();
    host.pos = host.tp.pos;
    return s;
  }
  parseOptionalSymbolName(): string | undefined {
    const host = this.host;
    if (host.failed) return undefined;
    const at = host.skip();
    if (host.text.charCodeAt(at) !== Ch.At) return undefined;
    const c = host.text.charCodeAt(at + 1);
    if (c !== Ch.Quote && !(isAlpha(c) || c === Ch.Underscore)) return undefined;
    host.tp.pos = at;
    const a = host.tp.parseAttribute();
    host.pos = host.tp.pos;
    if (!(a instanceof SymbolRefAttr)) return undefined;
    if (a.nested.length) {
      this.emitError("expected valid '@'-identifier for symbol name", at);
      return undefined;
    }
    return a.root;
  }
  parseSymbolName(): string | undefined {
    const name = this.parseOptionalSymbolName();
    if (name === undefined && !this.host.failed) this.emitError("expected valid '@'-identifier for symbol name");
    return name;
  }

  //===--------------------------------------------------------------------===//
  // Operands
  //===--------------------------------------------------------------------===//

  parseOperand(allowResultNumber = true): UnresolvedOperand | undefined {
    if (this.host.failed) return undefined;
    const ref = this.host.parseOperandRef();
    if (ref && !allowResultNumber && ref.number !== 0) {
      this.host.error(ref.offset, "result number not allowed in argument list");
      return undefined;
    }
    return ref;
  }
  parseOptionalOperand(allowResultNumber = true): UnresolvedOperand | undefined {
    if (this.host.failed || this.host.text.charCodeAt(this.host.skip()) !== Ch.Percent) return undefined;
    return this.parseOperand(allowResultNumber);
  }

  /**
   * `element (, element)*` inside `delimiter` (MLIR's parseCommaSeparatedList).
   * Without a delimiter the list may be empty only when `startsElement` fails.
   */
  private parseList(delimiter: Delimiter, startsElement: () => boolean, element: () => boolean): boolean {
    const [open, close, optional] = kDelimiters[delimiter]!;
    if (open) {
      if (optional) {
        if (!this.parseOptionalPunctuation(open as Punctuation)) return true;
      } else if (!this.parsePunctuation(open as Punctuation)) {
        return false;
      }
      if (this.parseOptionalPunctuation(close as Punctuation)) return true;
    } else if (!startsElement()) {
      return !this.host.failed;
    }
    do {
      if (!element()) return false;
    } while (this.parseOptionalComma());
    return close ? this.parsePunctuation(close as Punctuation) : true;
  }

  private startsWithChar(c: number): () => boolean {
    return () => !this.host.failed && this.host.text.charCodeAt(this.host.skip()) === c;
  }

  parseOperandList(out: UnresolvedOperand[], delimiter = Delimiter.None, allowResultNumber = true, requiredCount = -1): boolean {
    const start = this.host.skip();
    const first = out.length;
    const ok = this.parseList(delimiter, this.startsWithChar(Ch.Percent), () => {
      const o = this.parseOperand(allowResultNumber);
      if (o) out.push(o);
      return o !== undefined;
    });
    if (!ok) return false;
    if (requiredCount >= 0 && out.length - first !== requiredCount) return this.emitError(`expected ${requiredCount} operands`, start);
    return true;
  }
  resolveOperand(operand: UnresolvedOperand, type: Type, out: Value[]): boolean {
    if (this.host.failed) return false;
    const v = this.host.resolveOperand(this.scope, operand, type);
    if (v) out.push(v);
    return v !== undefined;
  }
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], offset: number, out: Value[]): boolean {
    if (operands.length !== types.length)
      return this.emitError(`number of operands and types do not match: got ${operands.length} operands and ${types.length} types`, offset);
    for (let i = 0; i < operands.length; i++) if (!this.resolveOperand(operands[i]!, types[i]!, out)) return false;
    return true;
  }

  //===--------------------------------------------------------------------===//
  // Types
  //===--------------------------------------------------------------------===//

  parseType(): Type | undefined {
    const host = this.host;
    if (host.failed) return undefined;
    host.tp.pos = host.skip();
    const t = host.tp.parseType();
    host.pos = host.tp.pos;
    return t;
  }
  /** Whether a type starts at the next token. */
  private startsType(): boolean {
    const host = this.host;
    if (host.failed) return false;
    const c = host.text.charCodeAt(host.skip());
    if (c === Ch.Bang || c === Ch.LParen) return true;
    return isTypeKeyword(this.peekKeyword());
  }
  parseOptionalType(): Type | undefined {
    return this.startsType() ? this.parseType() : undefined;
  }
  parseColonType(): Type | undefined {
    return this.parseColon() ? this.parseType() : undefined;
  }
  parseTypeList(out: Type[]): boolean {
    if (this.host.failed) return false;
    return this.host.parseTypeList(out);
  }
  parseColonTypeList(out: Type[]): boolean {
    return this.parseColon() && this.parseTypeList(out);
  }
  /** MLIR's parseFunctionResultTypes: `(T, U)`, `()`, or one type. */
  private parseResultTypes(out: Type[]): boolean {
    if (this.parseOptionalLParen()) {
      if (this.parseOptionalRParen()) return true;
      return this.parseTypeList(out) && this.parseRParen();
    }
    const t = this.parseType();
    if (t) out.push(t);
    return t !== undefined;
  }
  parseArrowTypeList(out: Type[]): boolean {
    return this.parseArrow() && this.parseResultTypes(out);
  }
  parseOptionalArrowTypeList(out: Type[]): boolean {
    if (!this.parseOptionalArrow()) return !this.host.failed;
    return this.parseResultTypes(out);
  }

  //===--------------------------------------------------------------------===//
  // Attributes and locations
  //===--------------------------------------------------------------------===//

  parseAttribute(type?: Type): Attribute | undefined {
    const host = this.host;
    if (host.failed) return undefined;
    host.tp.pos = host.skip();
    const a = host.tp.parseAttribute(type);
    host.pos = host.tp.pos;
    return a;
  }
  parseOptionalAttribute(type?: Type): Attribute | undefined {
    const host = this.host;
    if (host.failed) return undefined;
    const c = host.text.charCodeAt(host.skip());
    switch (c) {
      case Ch.Hash: case Ch.LBracket: case Ch.LBrace: case Ch.Quote: case Ch.At: case Ch.Minus:
        return this.parseAttribute(type);
    }
    if (isDigit(c) || this.startsType() || kAttrKeywords.has(this.peekKeyword())) return this.parseAttribute(type);
    return undefined;
  }
  parseOptionalAttrDict(out: NamedAttribute[]): boolean {
    const host = this.host;
    if (host.failed) return false;
    if (host.text.charCodeAt(host.skip()) !== Ch.LBrace) return true;
    host.tp.pos = host.pos;
    const d = host.tp.parseAttributeDict();
    host.pos = host.tp.pos;
    if (!d) return false;
    for (const e of d.entries) out.push(e);
    return true;
  }
  parseOptionalAttrDictWithKeyword(out: NamedAttribute[]): boolean {
    if (!this.parseOptionalKeyword("attributes")) return !this.host.failed;
    if (this.host.text.charCodeAt(this.host.skip()) !== Ch.LBrace) {
      this.host.wrongToken(this.host.pos, "expected '{' in attribute dictionary");
      return false;
    }
    return this.parseOptionalAttrDict(out);
  }
  parseOptionalLocationSpecifier(): Location | undefined | false {
    const host = this.host;
    if (host.failed) return false;
    const at = host.skip();
    if (!host.text.startsWith("loc", at) || isBareIdChar(host.text.charCodeAt(at + 3))) return undefined;
    const loc = host.parseTrailingLocation(at);
    return loc ?? false;
  }

  //===--------------------------------------------------------------------===//
  // Successors, arguments, regions
  //===--------------------------------------------------------------------===//

  parseOptionalSuccessor(): Block | undefined {
    const host = this.host;
    if (host.failed || host.text.charCodeAt(host.skip()) !== Ch.Caret) return undefined;
    return host.parseBlockRef(this.frame);
  }
  parseSuccessor(): Block | undefined {
    const b = this.parseOptionalSuccessor();
    if (b === undefined && !this.host.failed) this.host.wrongToken(this.host.skip(), "expected block name");
    return b;
  }
  parseSuccessorAndUseList(operands: Value[]): Block | undefined {
    const dest = this.parseSuccessor();
    if (!dest || !this.parseOptionalLParen()) return this.host.failed ? undefined : dest;
    const refs: UnresolvedOperand[] = [];
    const types: Type[] = [];
    const start = this.host.skip();
    if (!this.parseOperandList(refs) || !this.parseColonTypeList(types) || !this.parseRParen()) return undefined;
    return this.resolveOperands(refs, types, start, operands) ? dest : undefined;
  }

  parseOptionalArgument(allowType: boolean, allowAttrs: boolean): OpAsmArgument | undefined {
    if (this.host.failed || this.host.text.charCodeAt(this.host.skip()) !== Ch.Percent) return undefined;
    return this.parseArgument(allowType, allowAttrs);
  }
  parseArgument(allowType: boolean, allowAttrs: boolean): OpAsmArgument | undefined {
    const ssaName = this.parseOperand(/*allowResultNumber=*/ false);
    if (!ssaName) return undefined;
    const arg: OpAsmArgument = { ssaName, type: undefined, attrs: undefined, loc: undefined };
    if (allowType) {
      arg.type = this.parseColonType();
      if (!arg.type) return undefined;
    }
    if (allowAttrs && this.host.text.charCodeAt(this.host.skip()) === Ch.LBrace) {
      const host = this.host;
      host.tp.pos = host.pos;
      const d = host.tp.parseAttributeDict();
      host.pos = host.tp.pos;
      if (!d) return undefined;
      arg.attrs = d;
    }
    const loc = this.parseOptionalLocationSpecifier();
    if (loc === false) return undefined;
    arg.loc = loc;
    return arg;
  }
  parseArgumentList(out: OpAsmArgument[], delimiter: Delimiter, allowType: boolean, allowAttrs: boolean): boolean {
    return this.parseList(delimiter, this.startsWithChar(Ch.Percent), () => {
      const a = this.parseArgument(allowType, allowAttrs);
      if (a) out.push(a);
      return a !== undefined;
    });
  }

  parseRegion(region: Region, args: readonly OpAsmArgument[] = []): boolean {
    if (this.host.failed) return false;
    return this.host.parseNestedRegion(region, args, this.scope, this.defaultDialect);
  }
  parseOptionalRegion(region: Region, args: readonly OpAsmArgument[] = []): boolean {
    if (this.host.failed || this.host.text.charCodeAt(this.host.skip()) !== Ch.LBrace) return false;
    return this.parseRegion(region, args);
  }
}
