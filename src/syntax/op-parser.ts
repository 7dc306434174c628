// The hot path of the textual parser: generic operations, SSA names, blocks,
// regions, top-level alias definitions and the `{-# #-}` resource block.
// Hand-written over charCodeAt with no token objects (DESIGN.md "Syntax": a
// token object per lexeme cannot meet the speed budget); types, attributes and
// locations go to TypeAttrParser. Nesting is handled with an explicit stack so
// 10,000-deep regions cannot overflow the JS stack.

import type { Attribute } from "../ir/attribute.js";
import { Block } from "../ir/block.js";
import { DictionaryAttr, StringAttr, type NamedAttribute } from "../ir/builtin-attributes.js";
import { FunctionType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { Severity } from "../ir/diagnostics.js";
import { FileLineColRange, type Location } from "../ir/location.js";
import { Operation } from "../ir/operation.js";
import type { OperationName } from "../ir/operation-name.js";
import { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import { AliasTable, TypeAttrParser } from "./type-attr-parser.js";
import { parseResourceBlock } from "./resource-parser.js";
import type { SourceFile } from "./source.js";
import { ForwardRefValue, NameScope, ssaKeyAt, type SsaKey } from "./ssa-scope.js";
import { skipTrivia } from "./trivia.js";
import type { OpSignature } from "./type-parser.js";
import { AsmOperationState, CustomOpParser } from "./asm-parser.js";
import type { OpAsmArgument } from "../ir/op-asm.js";
import { Ch, isAlpha, isBareIdChar, isDigit, scanBareId, scanSuffixId, wrongTokenOffset } from "./scan.js";

/** Whether `c` can start some MLIR token (others are "unexpected character" to MLIR's lexer). */
function isTokenStart(c: number): boolean {
  if (isAlpha(c) || isDigit(c)) return true;
  switch (c) {
    case Ch.Quote: case Ch.Percent: case Ch.Caret: case Ch.Hash: case Ch.Bang: case Ch.At:
    case Ch.LParen: case Ch.RParen: case Ch.LBrace: case Ch.RBrace: case Ch.LBracket: case Ch.RBracket:
    case Ch.Less: case Ch.Greater: case Ch.Colon: case Ch.Comma: case Ch.Equal: case Ch.Minus:
    case Ch.Underscore: case Ch.Dot: case Ch.Dollar: case Ch.Slash:
    case Ch.Star: case Ch.Plus: case Ch.Question: case Ch.Pipe:
      return true;
    default:
      return false;
  }
}

/** A `%name#number` operand reference awaiting its type. */
export interface OperandRef {
  name: SsaKey;
  number: number;
  offset: number;
}

/** A `%name` or `%name:count` result binding. */
interface ResultBinding {
  name: SsaKey;
  count: number;
  offset: number;
}

const enum OpForm {
  Generic = 0,
  /** `module @name attributes {...} { ... }` (builtin.module's custom form). */
  Module = 1,
  /** `builtin.unrealized_conversion_cast %a : T to U` (its declarative format). */
  Cast = 2,
  /** A region opened by a custom parse hook (OpAsmParser.parseRegion): closing it ends a nested parse. */
  CustomRegion = 3,
}

/** An operation whose head is parsed and whose regions are being parsed. */
interface PendingOp {
  form: OpForm;
  name: OperationName;
  nameOffset: number;
  results: ResultBinding[];
  operands: OperandRef[];
  successors: Block[];
  properties: Attribute | undefined;
  regions: Region[];
  /** Custom module form: symbol name and attributes from the head. */
  moduleAttrs: NamedAttribute[];
  /** The name scope the op itself lives in (its operands and results). */
  scope: NameScope;
  /** Custom forms: operand and result types read from the head. */
  operandTypes: Type[];
  resultTypes: Type[];
}

// Shared empty lists for pending ops (never grown: a list that gets elements is a new array).
const kNoResults: ResultBinding[] = [];
const kNoOperands: OperandRef[] = [];
const kNoSuccessors: Block[] = [];
const kNoAttrs: NamedAttribute[] = [];
const kNoTypes: Type[] = [];
const kNoRegions: Region[] = [];

/** parseOpHead's answer for a custom-form op it parsed and appended whole. */
const kCustomDone = null;

/**
 * How deep custom-form ops may nest regions: their parse hooks recurse
 * (parseRegion), and each level costs some JS stack frames. Generic-form
 * nesting is iterative and unbounded.
 */
export const kMaxCustomNesting = 256;

/** A pending op with empty operand, successor, region and type lists unless `parts` gives them. */
function pendingOp(
  form: OpForm,
  name: OperationName,
  nameOffset: number,
  results: ResultBinding[],
  scope: NameScope,
  parts: Partial<Pick<PendingOp, "operands" | "successors" | "properties" | "moduleAttrs" | "operandTypes" | "resultTypes">> = {},
): PendingOp {
  return {
    form,
    name,
    nameOffset,
    results,
    operands: parts.operands ?? [],
    successors: parts.successors ?? [],
    properties: parts.properties,
    regions: [],
    moduleAttrs: parts.moduleAttrs ?? [],
    scope,
    operandTypes: parts.operandTypes ?? [],
    resultTypes: parts.resultTypes ?? [],
  };
}

/** A block label as seen so far in one region. */
interface LabelInfo {
  block: Block;
  /** Offset of the definition, or -1 while only referenced. */
  defOffset: number;
  refOffset: number;
}

/** Parsing state of one region between `{` and `}`. */
export interface RegionFrame {
  op: PendingOp;
  region: Region;
  block: Block | null;
  labels: Map<string, LabelInfo>;
  scope: NameScope;
  /** Ops written without a dialect prefix in this region belong to this dialect (MLIR's default dialect stack). */
  defaultDialect: string;
}

/** Options for parsing a source buffer. */
export interface ParseOptions {
  /** Wrap top-level ops in an implicit `builtin.module` unless the file is exactly one module. Default true. */
  implicitModule?: boolean;
}

/**
 * Parses one buffer into a top-level operation (a `builtin.module`), or returns
 * undefined after reporting the first error to `ctx.diagnostics`.
 */
export function parseSourceFile(ctx: Context, src: SourceFile, options: ParseOptions = {}): Operation | undefined {
  return new OpParser(ctx, src).parseTopLevel(options.implicitModule ?? true);
}

export class OpParser {
  readonly text: string;
  pos = 0;
  failed = false;
  private readonly aliases = new AliasTable();
  readonly tp: TypeAttrParser;
  private readonly moduleName: OperationName;
  private readonly topScope = new NameScope();
  private readonly topLabels = new Map<string, LabelInfo>();
  /** The head of the generic op being parsed (see parseGenericHead). */
  private readonly genericHead: PendingOp = {
    form: OpForm.Generic,
    name: undefined as unknown as OperationName,
    nameOffset: 0,
    results: kNoResults,
    operands: kNoOperands,
    successors: kNoSuccessors,
    properties: undefined,
    regions: kNoRegions,
    moduleAttrs: kNoAttrs,
    scope: undefined as unknown as NameScope,
    operandTypes: kNoTypes,
    resultTypes: kNoTypes,
  };
  /** Reused while reading an operand list. */
  private readonly operandScratch: OperandRef[] = [];
  /** The member types of the generic op signature being finished (finishOp). */
  private readonly signature: OpSignature = { taken: false, types: [], numInputs: 0, numResults: 0 };
  /** Offset of the `%name` last read by readSsaName. */
  ssaNameOffset = 0;
  /** Regions of custom-form ops being parsed by recursion (see kMaxCustomNesting). */
  private customDepth = 0;

  constructor(
    readonly ctx: Context,
    private readonly src: SourceFile,
  ) {
    this.text = src.text;
    this.tp = new TypeAttrParser(ctx, src, this.aliases, (offset, message, note) =>
      note === undefined ? this.error(offset, message) : this.errorWithNote(offset, message, offset, note),
    );
    this.moduleName = ctx.getOperationName("builtin.module");
  }

  //===--------------------------------------------------------------------===//
  // Diagnostics and small helpers
  //===--------------------------------------------------------------------===//

  /** Reports the first error only (parsing stops there, as in MLIR). */
  error(offset: number, message: string): void {
    if (this.failed) return;
    this.failed = true;
    this.ctx.diagnostics.emit(Severity.Error, this.locAt(offset), message);
  }
  /** Reports an unexpected token where MLIR's emitWrongTokenError would (see wrongTokenOffset). */
  wrongToken(offset: number, message: string): void {
    this.error(wrongTokenOffset(this.text, offset), message);
  }

  /**
   * Parses `element (, element)*` and the closing `close` character (MLIR's
   * parseCommaSeparatedList); after an element anything but `,` or `close` is
   * reported as `message`. Returns false after an error.
   */
  private parseCommaList(close: number, message: string, element: () => boolean): boolean {
    for (;;) {
      if (!element()) return false;
      const d = this.peek();
      if (d === Ch.Comma) {
        this.pos++;
      } else if (d === close) {
        this.pos++;
        return true;
      } else {
        this.wrongToken(this.pos, message);
        return false;
      }
    }
  }

  private errorWithNote(offset: number, message: string, noteOffset: number, note: string): void {
    if (this.failed) return;
    this.failed = true;
    this.ctx.diagnostics.emit(Severity.Error, this.locAt(offset), message).attachNote(note, this.locAt(noteOffset));
  }
  locAt(offset: number): Location {
    const { line, col } = this.src.lineCol(offset);
    return FileLineColRange.get(this.ctx, this.src.name, line, col);
  }
  skip(): number {
    return (this.pos = skipTrivia(this.text, this.pos));
  }
  peek(): number {
    return this.text.charCodeAt(this.skip());
  }
  /** Consumes `c` if it is the next character; reports `expected '<c>'`-style errors otherwise. */
  expect(c: number, what: string): boolean {
    if (this.peek() === c) {
      this.pos++;
      return true;
    }
    this.wrongToken(this.pos, what);
    return false;
  }
  /** Reads the id after a sigil at `this.pos` (which points at the sigil). Returns "" if none. */
  private readSuffixId(): string {
    const end = scanSuffixId(this.text, this.pos);
    if (end < 0) return "";
    const id = this.text.substring(this.pos + 1, end);
    this.pos = end;
    return id;
  }
  /** The SSA name after the `%` at `this.pos`, or undefined if none follows. */
  readSsaKey(): SsaKey | undefined {
    const end = scanSuffixId(this.text, this.pos);
    if (end < 0) return undefined;
    const key = ssaKeyAt(this.text, this.pos + 1, end);
    this.pos = end;
    return key;
  }
  readBareId(): string {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (!(isAlpha(c) || c === Ch.Underscore)) return "";
    this.pos = scanBareId(this.text, start);
    return this.text.substring(start, this.pos);
  }
  readDecimal(): number {
    const t = this.text;
    let p = this.pos;
    let v = 0;
    while (isDigit(t.charCodeAt(p))) v = v * 10 + (t.charCodeAt(p++) - Ch.D0);
    this.pos = p;
    return v;
  }
  /** Reads a `"..."` op name; returns undefined after reporting an error. */
  private readOpNameString(): string | undefined {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    let simple = true;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === Ch.Quote) break;
      if (c !== c || c === Ch.LF || c === Ch.CR) {
        // Lexer errors point where the string stopped, not where it began.
        this.error(p, "expected '\"' in string literal");
        return undefined;
      }
      if (c === Ch.Backslash) {
        simple = false;
        p++;
      }
      p++;
    }
    this.pos = p + 1;
    if (simple) return t.substring(start + 1, p);
    this.tp.pos = start;
    const a = this.tp.parseAttribute();
    this.pos = this.tp.pos;
    return a instanceof StringAttr ? a.value : undefined;
  }

  //===--------------------------------------------------------------------===//
  // Top level
  //===--------------------------------------------------------------------===//

  parseTopLevel(implicitModule: boolean): Operation | undefined {
    const top = new Block();
    const topScope = this.topScope;
    this.parseOps([], top);
    if (this.failed) return undefined;
    for (const info of this.topLabels.values()) {
      this.error(info.refOffset, "reference to an undefined block");
      return undefined;
    }
    if (!this.checkForwardRefs(topScope)) return undefined;
    if (!this.tp.resolveForwardLocations(top.first ?? this.placeholderRoot())) return undefined;
    return this.finishTopLevel(top, implicitModule);
  }

  /**
   * The main loop: one step per op head, block label or region end, until
   * the end of the input (`frames` empty: top level, ops go to `top`) or
   * until the region frame `frames` starts with closes (a region of a custom
   * op, parsed for its parse hook).
   */
  private parseOps(frames: RegionFrame[], top: Block): void {
    const topScope = this.topScope;
    const text = this.text;
    const n = text.length;
    const nested = frames.length > 0;
    while (!this.failed) {
      const p = this.skip();
      const frame = frames.length ? frames[frames.length - 1]! : undefined;
      if (p >= n) {
        if (frame) this.wrongToken(p, "expected operation name in quotes");
        break;
      }
      const c = text.charCodeAt(p);
      if (!frame) {
        if ((c === Ch.Hash || c === Ch.Bang) && this.tryParseAliasDefinition(c)) continue;
        if (c === Ch.LBrace && text.charCodeAt(p + 1) === Ch.Minus && text.charCodeAt(p + 2) === Ch.Hash) {
          this.pos = parseResourceBlock(this.ctx, this.tp, p, {
            at: (o, m) => this.error(o, m),
            wrong: (o, m) => this.wrongToken(o, m),
          });
          // mlir-opt keeps parsing operations after the metadata block.
          continue;
        }
      } else {
        if (c === Ch.RBrace) {
          this.pos++;
          if (!this.closeRegion(frames, top)) break;
          if (nested && frames.length === 0) return;
          continue;
        }
        if (c === Ch.Caret) {
          this.parseBlockLabel(frame);
          continue;
        }
        if (frame.block === null) this.startImplicitEntryBlock(frame);
      }
      const scope = frame ? frame.scope : topScope;
      const op = this.parseOpHead(frame, scope, frames, top);
      if (op === kCustomDone) continue;
      if (!op) break;
      if (!this.openRegionOrFinish(op, frames, top)) break;
    }
  }

  /** A throwaway op so location resolution has a root when the file has no ops. */
  private placeholderRoot(): Operation {
    return Operation.create(this.ctx, { name: this.moduleName, loc: this.locAt(0), numRegions: 0 });
  }

  private finishTopLevel(top: Block, implicitModule: boolean): Operation | undefined {
    const first = top.first;
    if (first && first === top.last && first.name === this.moduleName) {
      first.remove();
      return first;
    }
    if (!implicitModule) {
      if (first && first === top.last) {
        first.remove();
        return first;
      }
      this.error(0, "source must contain a single top-level operation if the implicit module is disabled");
      return undefined;
    }
    // mlir-opt gives the implicit module `file:0:0`, except in a later split
    // chunk, where it gets the chunk's starting position (just past the marker).
    const start = this.src.lineOffset || this.src.columnOffset ? this.src.lineCol(0) : { line: 0, col: 0 };
    const module = Operation.create(this.ctx, {
      name: this.moduleName,
      loc: FileLineColRange.get(this.ctx, this.src.name, start.line, start.col),
      numRegions: 1,
    });
    const body = new Block();
    module.regions[0]!.push(body);
    for (let op = top.first; op; ) {
      const next = op.next;
      op.remove();
      body.push(op);
      op = next;
    }
    return module;
  }

  /** `#name = attr` or `!name = type`. Returns false (consuming nothing) if this is not one. */
  private tryParseAliasDefinition(sigil: number): boolean {
    const start = this.pos;
    const name = this.readSuffixId();
    if (!name) {
      this.pos = start;
      return false;
    }
    if (this.peek() !== Ch.Equal) {
      this.pos = start;
      return false;
    }
    this.pos++;
    const isType = sigil === Ch.Bang;
    if (name.indexOf(".") >= 0) {
      this.error(start, `${isType ? "type" : "attribute"} names with a '.' are reserved for dialect-defined names`);
      return true;
    }
    const table: Map<string, unknown> = isType ? this.aliases.types : this.aliases.attrs;
    if (table.has(name)) {
      this.error(start, `redefinition of ${isType ? "type" : "attribute"} alias id '${name}'`);
      return true;
    }
    this.tp.pos = this.skip();
    if (isType) {
      const t = this.tp.parseType();
      if (t) this.aliases.types.set(name, t);
    } else {
      const a = this.tp.parseAttribute();
      if (a) this.aliases.attrs.set(name, a);
    }
    this.pos = this.tp.pos;
    return true;
  }

  //===--------------------------------------------------------------------===//
  // Operations
  //===--------------------------------------------------------------------===//

  /**
   * Parses results, name, operands, successors and properties (everything
   * before regions). A custom-form op is parsed whole and appended by its
   * hook: then the answer is kCustomDone.
   */
  private parseOpHead(frame: RegionFrame | undefined, scope: NameScope, frames: RegionFrame[], top: Block): PendingOp | undefined | null {
    const text = this.text;
    let results: ResultBinding[] = kNoResults;
    if (text.charCodeAt(this.pos) === Ch.Percent) {
      for (;;) {
        const offset = this.pos;
        const name = this.readSsaKey();
        if (name === undefined) {
          this.error(offset, "invalid SSA name");
          return undefined;
        }
        let count = 1;
        if (this.peek() === Ch.Colon) {
          this.pos++;
          this.skip();
          if (!isDigit(text.charCodeAt(this.pos))) {
            this.wrongToken(this.pos, "expected integer number of results");
            return undefined;
          }
          count = this.readDecimal();
          if (count < 1) {
            this.error(offset, "expected named operation to have at least 1 result");
            return undefined;
          }
        }
        // Usually one binding: an exactly sized list.
        if (results === kNoResults) results = [{ name, count, offset }];
        else results.push({ name, count, offset });
        if (this.peek() !== Ch.Comma) break;
        this.pos++;
        if (this.peek() !== Ch.Percent) {
          this.wrongToken(this.pos, "expected valid ssa identifier");
          return undefined;
        }
      }
      if (!this.expect(Ch.Equal, "expected '=' after SSA name")) return undefined;
      this.skip();
    }
    const nameOffset = this.pos;
    const c = text.charCodeAt(nameOffset);
    if (c === Ch.Quote) return this.parseGenericHead(results, nameOffset, frame, scope);
    if (c === c && !isTokenStart(c)) {
      this.error(nameOffset, "unexpected character");
      return undefined;
    }
    const id = this.readBareId();
    if (id) {
      const dot = id.indexOf(".");
      // MLIR's parseCustomOperationName: an unprefixed name belongs to the region's default dialect.
      const defaultDialect = frame ? frame.defaultDialect : "builtin";
      const fullName = dot < 0 && defaultDialect ? defaultDialect + "." + id : id;
      if (fullName === "builtin.module") return this.parseModuleHead(results, nameOffset, scope);
      if (fullName === "builtin.unrealized_conversion_cast") return this.parseCastHead(results, nameOffset, scope);
      const name = this.ctx.getOperationName(fullName);
      if (name.definition?.parseAssembly) return this.parseCustomOp(name, results, nameOffset, frame, scope, frames, top) ? kCustomDone : undefined;
      const dialect = dot < 0 ? "" : id.substring(0, dot);
      // Without a default dialect (regions of scf ops) mlir-opt tries the name `.id`, in no dialect.
      if (dot < 0)
        this.error(
          nameOffset,
          defaultDialect ? `custom op '${id}' is unknown (tried '${fullName}' as well)` : `Dialect \`' not found for custom op '${id}'  (tried '.${id}' as well)`,
        );
      else if (this.ctx.isDialectLoaded(dialect)) this.error(nameOffset, `custom op '${id}' is unknown`);
      // mlir-opt's message ends with a space.
      else this.error(nameOffset, `Dialect \`${dialect}' not found for custom op '${id}' `);
    } else {
      this.wrongToken(nameOffset, "expected operation name in quotes");
    }
    return undefined;
  }

  private parseGenericHead(
    results: ResultBinding[],
    nameOffset: number,
    frame: RegionFrame | undefined,
    scope: NameScope,
  ): PendingOp | undefined {
    const nameText = this.readOpNameString();
    if (nameText === undefined) return undefined;
    if (nameText.length === 0) {
      this.error(nameOffset, "empty operation name is invalid");
      return undefined;
    }
    if (nameText.indexOf("\0") >= 0) {
      this.error(nameOffset, "null character not allowed in operation name");
      return undefined;
    }
    const name = this.ctx.getOperationName(nameText);
    if (!name.isRegistered && !this.checkUnregistered(name, nameOffset, this.skip())) return undefined;
    // Operands.
    if (!this.expect(Ch.LParen, "expected '(' to start operand list")) return undefined;
    let operands: OperandRef[] = kNoOperands;
    const first = this.peek();
    if (first !== Ch.RParen && first !== Ch.Percent) {
      this.wrongToken(this.pos, "expected ')' to end operand list");
      return undefined;
    }
    if (first === Ch.RParen) {
      this.pos++;
    } else {
      // parseCommaList's shape, without a closure per op; collected in a
      // scratch list and copied once at its exact size.
      const refs = this.operandScratch;
      refs.length = 0;
      for (;;) {
        const ref = this.parseOperandRef();
        if (!ref) return undefined;
        refs.push(ref);
        const d = this.peek();
        this.pos++;
        if (d === Ch.RParen) break;
        if (d !== Ch.Comma) {
          this.wrongToken(this.pos - 1, "expected ')' to end operand list");
          return undefined;
        }
      }
      operands = refs.slice();
    }
    // Successors.
    let successors: Block[] = kNoSuccessors;
    if (this.peek() === Ch.LBracket) {
      this.pos++;
      successors = [];
      const ok = this.parseCommaList(Ch.RBracket, "expected ',' or ']'", () => {
        if (this.text.charCodeAt(this.skip()) !== Ch.Caret) {
          this.wrongToken(this.pos, "expected block name");
          return false;
        }
        const b = this.parseBlockRef(frame);
        if (b) successors.push(b);
        return b !== undefined;
      });
      if (!ok) return undefined;
    }
    // Properties.
    let properties: Attribute | undefined;
    if (this.peek() === Ch.Less) {
      this.pos++;
      this.tp.pos = this.skip();
      properties = this.tp.parseAttribute();
      this.pos = this.tp.pos;
      if (!properties) return undefined;
      if (!this.expect(Ch.Greater, "expected '>' to close properties")) return undefined;
    }
    // Most ops have no regions and finish right away: their head lives in one
    // reused object, copied only when a region follows (openRegionOrFinish).
    const head = this.genericHead;
    head.name = name;
    head.nameOffset = nameOffset;
    head.results = results;
    head.operands = operands;
    head.successors = successors;
    head.properties = properties;
    head.scope = scope;
    return head;
  }

  /** `module @name? (attributes {dict})?` — the region follows. */
  private parseModuleHead(results: ResultBinding[], nameOffset: number, scope: NameScope): PendingOp | undefined {
    if (results.length) {
      this.error(nameOffset, "cannot name an operation with no results");
      return undefined;
    }
    const attrs: NamedAttribute[] = [];
    if (this.peek() === Ch.At) {
      this.tp.pos = this.pos;
      const sym = this.tp.parseAttribute();
      this.pos = this.tp.pos;
      if (!sym) return undefined;
      const root = (sym as { root?: unknown }).root;
      if (typeof root !== "string") {
        this.error(nameOffset, "expected symbol name");
        return undefined;
      }
      attrs.push({ name: "sym_name", value: StringAttr.get(this.ctx, root) });
    }
    if (this.peek() === Ch.a && this.text.startsWith("attributes", this.pos)) {
      this.pos += "attributes".length;
      this.tp.pos = this.skip();
      const dict = this.tp.parseAttributeDict();
      this.pos = this.tp.pos;
      if (!dict) return undefined;
      for (const e of dict.entries) {
        if (e.name === "sym_name" && attrs.length) continue;
        attrs.push(e);
      }
    }
    if (this.peek() !== Ch.LBrace) {
      this.wrongToken(this.pos, "expected '{' to begin a region");
      return undefined;
    }
    return pendingOp(OpForm.Module, this.moduleName, nameOffset, results, scope, { moduleAttrs: attrs });
  }

  /**
   * `builtin.unrealized_conversion_cast` in its declarative format
   * `($inputs^ : type($inputs))? to type($outputs) attr-dict`.
   */
  private parseCastHead(results: ResultBinding[], nameOffset: number, scope: NameScope): PendingOp | undefined {
    const operands: OperandRef[] = [];
    const operandTypes: Type[] = [];
    if (this.peek() === Ch.Percent) {
      for (;;) {
        const ref = this.parseOperandRef();
        if (!ref) return undefined;
        operands.push(ref);
        if (this.peek() !== Ch.Comma) break;
        this.pos++;
      }
      if (!this.expect(Ch.Colon, "expected ':'")) return undefined;
      if (!this.parseTypeList(operandTypes)) return undefined;
      if (operandTypes.length !== operands.length) {
        this.error(nameOffset, `${operands.length} operands present, but expected ${operandTypes.length}`);
        return undefined;
      }
    }
    this.skip();
    if (!this.text.startsWith("to", this.pos) || isBareIdChar(this.text.charCodeAt(this.pos + 2))) {
      this.wrongToken(this.pos, "expected 'to'");
      return undefined;
    }
    this.pos += 2;
    const resultTypes: Type[] = [];
    if (!this.parseTypeList(resultTypes)) return undefined;
    const attrs: NamedAttribute[] = [];
    if (this.peek() === Ch.LBrace) {
      this.tp.pos = this.pos;
      const d = this.tp.parseAttributeDict();
      this.pos = this.tp.pos;
      if (!d) return undefined;
      attrs.push(...d.entries);
    }
    return pendingOp(OpForm.Cast, this.ctx.getOperationName("builtin.unrealized_conversion_cast"), nameOffset, results, scope, { operands, moduleAttrs: attrs, operandTypes, resultTypes });
  }

  /** `T (, T)*` into `out`. */
  parseTypeList(out: Type[]): boolean {
    for (;;) {
      this.tp.pos = this.skip();
      const t = this.tp.parseType();
      this.pos = this.tp.pos;
      if (!t) return false;
      out.push(t);
      if (this.peek() !== Ch.Comma) return true;
      this.pos++;
    }
  }

  /** Rejects an unknown op at its name (loaded dialect) or at the token after it (mlir-opt's positions). */
  private checkUnregistered(name: OperationName, nameOffset: number, offset: number): boolean {
    if (this.ctx.isDialectLoaded(name.dialect)) {
      this.error(
        nameOffset,
        `unregistered operation '${name.name}' found in dialect ('${name.dialect}') that does not allow unknown operations`,
      );
      return false;
    }
    if (!this.ctx.allowUnregisteredDialects) {
      this.error(
        offset,
        `operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used`,
      );
      return false;
    }
    return true;
  }

  /** `%name` at the next token (its offset left in `ssaNameOffset`), or undefined after reporting. */
  readSsaName(): SsaKey | undefined {
    const offset = (this.ssaNameOffset = this.skip());
    if (this.text.charCodeAt(offset) !== Ch.Percent) {
      this.wrongToken(offset, "expected SSA operand");
      return undefined;
    }
    const name = this.readSsaKey();
    if (name === undefined) this.error(offset, "invalid SSA name");
    return name;
  }

  parseOperandRef(): OperandRef | undefined {
    const name = this.readSsaName();
    if (name === undefined) return undefined;
    const offset = this.ssaNameOffset;
    let number = 0;
    if (this.text.charCodeAt(this.pos) === Ch.Hash) {
      this.pos++;
      if (!isDigit(this.text.charCodeAt(this.pos))) {
        this.wrongToken(this.pos, "expected integer value");
        return undefined;
      }
      number = this.readDecimal();
    }
    return { name, number, offset };
  }

  /**
   * After an op head: either opens its first region (pushing a frame) or
   * finishes the op and appends it to the current block.
   */
  private openRegionOrFinish(op: PendingOp, frames: RegionFrame[], top: Block): boolean {
    if (op.form === OpForm.Module) {
      this.pos++; // '{'
      this.pushRegion(op, frames);
      return true;
    }
    if (this.peek() === Ch.LParen) {
      this.pos++;
      if (this.peek() !== Ch.LBrace) {
        this.wrongToken(this.pos, "expected '{' to begin a region");
        return false;
      }
      this.pos++;
      // The shared generic head gets reused by the ops inside: keep a copy.
      this.pushRegion(op === this.genericHead ? { ...op } : op, frames);
      return true;
    }
    return this.finishOp(op, frames, top);
  }

  private pushRegion(op: PendingOp, frames: RegionFrame[]): void {
    const region = new Region(null);
    if (op.regions === kNoRegions) op.regions = [];
    op.regions.push(region);
    // mlir-opt 22 resolves names across IsolatedFromAbove boundaries while
    // parsing (the verifier then reports "using value defined outside the
    // region"), and a name used outside cannot be redefined inside: one scope.
    const scope = op.scope;
    scope.pushRegion();
    // The parser switches default dialects for custom forms only (module's is builtin).
    const outer = frames.length ? frames[frames.length - 1]!.defaultDialect : "builtin";
    const defaultDialect = op.form === OpForm.Module ? "builtin" : outer;
    frames.push({ op, region, block: null, labels: new Map(), scope, defaultDialect });
    // An empty region `{}` has no blocks; otherwise a block starts unless a label comes first.
  }

  private startImplicitEntryBlock(frame: RegionFrame): void {
    const b = new Block();
    frame.region.push(b);
    frame.block = b;
  }

  /** At `}`: checks the region's labels and names, then resumes its op. */
  private closeRegion(frames: RegionFrame[], top: Block): boolean {
    const frame = frames.pop()!;
    for (const info of frame.labels.values()) {
      if (info.defOffset < 0) {
        this.error(info.refOffset, "reference to an undefined block");
        return false;
      }
    }
    frame.scope.popRegion();
    const op = frame.op;
    if (op.form === OpForm.CustomRegion) return true;
    if (op.form === OpForm.Module) {
      // builtin.module's custom form always has its single block, even when written `{}`.
      if (frame.region.empty) frame.region.push(new Block());
      return this.finishOp(op, frames, top);
    }
    const c = this.peek();
    if (c === Ch.Comma) {
      this.pos++;
      if (this.peek() !== Ch.LBrace) {
        this.wrongToken(this.pos, "expected '{' to begin a region");
        return false;
      }
      this.pos++;
      this.pushRegion(op, frames);
      return true;
    }
    if (c !== Ch.RParen) {
      this.wrongToken(this.pos, "expected ')' to end region list");
      return false;
    }
    this.pos++;
    return this.finishOp(op, frames, top);
  }

  /** Parses the op tail (attributes, type, location), creates it and binds its results. */
  private finishOp(op: PendingOp, frames: RegionFrame[], top: Block): boolean {
    const frame = frames.length ? frames[frames.length - 1] : undefined;
    const block = frame ? frame.block! : top;
    const scope = op.scope;
    let attributes: DictionaryAttr = this.ctx.emptyDictionary;
    let operandTypes: readonly Type[] = op.operandTypes;
    let resultTypes: readonly Type[] = op.resultTypes;
    if (op.form === OpForm.Generic) {
      if (this.peek() === Ch.LBrace) {
        this.tp.pos = this.pos;
        const d = this.tp.parseAttributeDict();
        this.pos = this.tp.pos;
        if (!d) return false;
        attributes = d;
      }
      if (!this.expect(Ch.Colon, "expected ':' followed by operation type")) return false;
      const typeOffset = this.skip();
      this.tp.pos = typeOffset;
      const sig = this.signature;
      const t = this.tp.parseOpSignature(sig);
      this.pos = this.tp.pos;
      let numInputs: number;
      if (sig.taken) {
        // Written out (nearly always): the member types, without a FunctionType.
        numInputs = sig.numInputs;
        operandTypes = sig.types;
        resultTypes = sig.numResults === 0 ? kNoTypes : sig.types.slice(numInputs, numInputs + sig.numResults);
      } else if (t instanceof FunctionType) {
        numInputs = t.inputs.length;
        operandTypes = t.inputs;
        resultTypes = t.results;
      } else {
        if (t) this.error(typeOffset, "expected function type");
        return false;
      }
      if (numInputs !== op.operands.length) {
        this.error(typeOffset, `expected ${op.operands.length} operand type${op.operands.length === 1 ? "" : "s"} but had ${numInputs}`);
        return false;
      }
    } else if (op.moduleAttrs.length) {
      attributes = DictionaryAttr.get(this.ctx, op.moduleAttrs);
    }
    // Location.
    const loc = this.parseTrailingLocation(op.nameOffset);
    if (!loc) return false;
    // Operands.
    const operandValues = new Array<Value>(op.operands.length);
    for (let i = 0; i < op.operands.length; i++) {
      const v = this.resolveOperand(scope, op.operands[i]!, operandTypes[i]!);
      if (!v) return false;
      operandValues[i] = v;
    }
    if (op.results.length && !this.checkResultCount(op.results, resultTypes.length)) return false;
    // Registered ops keep inherent attributes as properties even when written in the dictionary.
    let properties = op.properties;
    const inherent = op.name.definition?.inherentAttrNames;
    if (inherent && inherent.length) {
      const split = this.splitInherent(inherent, properties, attributes);
      properties = split.properties;
      attributes = split.attributes;
    }
    // Use nodes are made only if something asks for use-lists (a parse that is verified and printed never does).
    const operation = Operation.createDeferred(this.ctx, {
      name: op.name,
      loc,
      operands: operandValues,
      resultTypes,
      successors: op.successors,
      numRegions: op.regions.length,
      properties,
      attributes,
    });
    for (let i = 0; i < op.regions.length; i++) operation.regions[i]!.takeBody(op.regions[i]!);
    if (!this.bindResults(scope, op.results, operation)) return false;
    block.push(operation);
    return true;
  }

  /** Moves inherent attributes written in the dictionary into the properties. */
  private splitInherent(
    inherent: readonly string[],
    properties: Attribute | undefined,
    attributes: DictionaryAttr,
  ): { properties: Attribute | undefined; attributes: DictionaryAttr } {
    const props: NamedAttribute[] = properties instanceof DictionaryAttr ? properties.entries.slice() : [];
    const rest: NamedAttribute[] = [];
    for (const e of attributes.entries) {
      if (inherent.includes(e.name) && !props.some((p) => p.name === e.name)) props.push(e);
      else rest.push(e);
    }
    if (props.length) properties = DictionaryAttr.get(this.ctx, props);
    if (rest.length !== attributes.entries.length) attributes = DictionaryAttr.get(this.ctx, rest);
    return { properties, attributes };
  }

  /** Binds the op head's `%names` to the created op's results. */
  private bindResults(scope: NameScope, results: readonly ResultBinding[], operation: Operation): boolean {
    let index = 0;
    for (const r of results) {
      if (!this.defineValues(scope, r.name, operation.results, index, r.count, r.offset)) return false;
      index += r.count;
    }
    return true;
  }

  /** Checks the number of result names bound against the number of results. */
  private checkResultCount(results: readonly ResultBinding[], numResults: number): boolean {
    let numBound = 0;
    for (const r of results) numBound += r.count;
    if (results.length && numResults === 0) {
      this.error(results[0]!.offset, "cannot name an operation with no results");
      return false;
    }
    if (results.length && numBound !== numResults) {
      this.error(results[0]!.offset, `operation defines ${numResults} results but was provided ${numBound} to bind`);
      return false;
    }
    return true;
  }

  //===--------------------------------------------------------------------===//
  // Custom forms (parse hooks)
  //===--------------------------------------------------------------------===//

  /** Runs `name`'s parse hook after its name, then the trailing location; appends the op. */
  private parseCustomOp(
    name: OperationName,
    results: ResultBinding[],
    nameOffset: number,
    frame: RegionFrame | undefined,
    scope: NameScope,
    frames: RegionFrame[],
    top: Block,
  ): boolean {
    const def = name.definition!;
    let numBound = 0;
    for (const r of results) numBound += r.count;
    const state = new AsmOperationState(this.ctx);
    const parser = new CustomOpParser(this, frame, scope, name.name, nameOffset, numBound, def.defaultDialect ?? "");
    const r = def.parseAssembly!(parser, state);
    if (this.failed) return false;
    if (r.failed) {
      // A hook that fails without a diagnostic still must not pass silently.
      this.error(this.skip(), `failed to parse '${name.name}'`);
      return false;
    }
    const loc = this.parseTrailingLocation(nameOffset);
    if (!loc) return false;
    if (!this.checkResultCount(results, state.types.length)) return false;
    let attributes = state.attributes.length ? DictionaryAttr.get(this.ctx, state.attributes) : this.ctx.emptyDictionary;
    let properties: Attribute | undefined;
    if (def.inherentAttrNames && def.inherentAttrNames.length) {
      const split = this.splitInherent(def.inherentAttrNames, undefined, attributes);
      properties = split.properties;
      attributes = split.attributes;
    }
    const operation = Operation.createDeferred(this.ctx, {
      name,
      loc,
      operands: state.operands,
      resultTypes: state.types,
      successors: state.successors,
      numRegions: state.regions.length,
      properties,
      attributes,
    });
    for (let i = 0; i < state.regions.length; i++) operation.regions[i]!.takeBody(state.regions[i]!);
    if (!this.bindResults(scope, results, operation)) return false;
    const block = frames.length ? frames[frames.length - 1]!.block! : top;
    block.push(operation);
    return true;
  }

  /**
   * `{ ... }` for a parse hook: a nested run of the main loop until this
   * region's `}`, with `args` as the entry block's arguments. Recursive, so
   * bounded by kMaxCustomNesting. @internal (CustomOpParser)
   */
  parseNestedRegion(region: Region, args: readonly OpAsmArgument[], scope: NameScope, defaultDialect: string): boolean {
    if (this.customDepth >= kMaxCustomNesting) {
      this.error(this.skip(), `custom operation nesting exceeds the limit of ${kMaxCustomNesting} regions (the generic form has no limit)`);
      return false;
    }
    if (!this.expect(Ch.LBrace, "expected '{' to begin a region")) return false;
    const head = pendingOp(OpForm.CustomRegion, this.moduleName, this.pos, kNoResults, scope);
    scope.pushRegion();
    const frame: RegionFrame = { op: head, region, block: null, labels: new Map(), scope, defaultDialect };
    if (args.length) {
      if (this.peek() === Ch.Caret) {
        this.error(this.pos, "invalid block name in region with named arguments");
        return false;
      }
      const entry = new Block();
      region.push(entry);
      frame.block = entry;
      for (const a of args) {
        // A name already defined or used (even outside an isolated op) may not name an entry argument.
        const prior = a.ssaName.name === "" ? undefined : scope.get(a.ssaName.name)?.values[a.ssaName.number];
        if (prior) {
          const at = prior instanceof ForwardRefValue ? prior.useOffset : scope.get(a.ssaName.name)!.defOffset;
          this.errorWithNote(a.ssaName.offset, `region entry argument '%${a.ssaName.name}' is already in use`, at, "previously referenced here");
          return false;
        }
        const arg = entry.addArgument(a.type!, a.loc ?? this.locAt(a.ssaName.offset));
        if (a.ssaName.name !== "" && !this.defineValues(scope, a.ssaName.name, entry.args, arg.index, 1, a.ssaName.offset)) return false;
      }
    }
    this.customDepth++;
    this.parseOps([frame], new Block());
    this.customDepth--;
    return !this.failed;
  }

  //===--------------------------------------------------------------------===//
  // SSA names
  //===--------------------------------------------------------------------===//

  resolveOperand(scope: NameScope, ref: OperandRef, type: Type): Value | undefined {
    const e = scope.getOrCreate(ref.name, ref.number + 1);
    if (e.numDefined > 0 && ref.number >= e.numDefined) {
      this.error(ref.offset, "reference to invalid result number");
      return undefined;
    }
    const existing = e.values[ref.number];
    if (existing) {
      if (existing.type === type) return existing;
      const prior = existing instanceof ForwardRefValue ? existing.useOffset : e.defOffset;
      this.errorWithNote(
        ref.offset,
        `use of value '%${ref.name}' expects different type than prior uses: '${this.typeText(type)}' vs '${this.typeText(existing.type)}'`,
        prior,
        "prior use here",
      );
      return undefined;
    }
    const fwd = new ForwardRefValue(type, ref.offset);
    e.values[ref.number] = fwd;
    scope.numForwardRefs++;
    return fwd;
  }

  /** Defines `%name#0..count-1` as `values[first..first+count)` (op results, or one block argument). */
  defineValues(scope: NameScope, name: SsaKey, values: readonly Value[], first: number, count: number, offset: number): boolean {
    const e = scope.getOrCreate(name, count);
    // Forward references past the defined count (`%x#3` for 2 results) stay
    // unresolved and are reported when the scope closes, as MLIR does.
    for (let i = 0; i < count; i++) {
      const old = e.values[i];
      const v = values[first + i]!;
      if (old && !(old instanceof ForwardRefValue)) {
        this.errorWithNote(offset, `redefinition of SSA value '%${name}'`, e.defOffset, "previously defined here");
        return false;
      }
      if (old instanceof ForwardRefValue) {
        if (old.type !== v.type) {
          this.errorWithNote(
            offset,
            `definition of SSA value '%${name}#${i}' has type '${this.typeText(v.type)}'`,
            old.useOffset,
            `previously used here with type '${this.typeText(old.type)}'`,
          );
          return false;
        }
        old.replaceAllUsesWith(v);
        scope.numForwardRefs--;
      }
      e.values[i] = v;
    }
    e.numDefined = count;
    e.defOffset = offset;
    scope.noteDefinition(name);
    return true;
  }

  /** Reports the earliest unresolved forward reference of a closing isolated scope. */
  private checkForwardRefs(scope: NameScope): boolean {
    if (scope.numForwardRefs === 0) return true;
    let first: ForwardRefValue | undefined;
    for (const e of scope.entries())
      for (const v of e.values) if (v instanceof ForwardRefValue && (!first || v.useOffset < first.useOffset)) first = v;
    if (first) {
      this.error(first.useOffset, "use of undeclared SSA value name");
      return false;
    }
    return true;
  }

  typeText(t: Type): string {
    return this.tp.typeToString(t);
  }

  //===--------------------------------------------------------------------===//
  // Blocks
  //===--------------------------------------------------------------------===//

  parseBlockRef(frame: RegionFrame | undefined): Block | undefined {
    const offset = this.pos;
    const name = this.readSuffixId();
    if (!name) {
      this.error(offset, "expected block name");
      return undefined;
    }
    // Top-level ops live in the implicit module's block, so they can name
    // successors too (which can never be defined there).
    const labels = frame ? frame.labels : this.topLabels;
    let info = labels.get(name);
    if (!info) {
      info = { block: new Block(), defOffset: -1, refOffset: offset };
      labels.set(name, info);
    }
    return info.block;
  }

  /**
   * An optional trailing `loc(...)`; without one, the location of
   * `defaultOffset` in this file (MLIR's default for ops and block arguments).
   * Returns undefined after reporting an error.
   */
  parseTrailingLocation(defaultOffset: number): Location | undefined {
    const lp = this.skip();
    const t = this.text;
    if (!t.startsWith("loc", lp) || isBareIdChar(t.charCodeAt(lp + 3))) return this.locAt(defaultOffset);
    if (t.charCodeAt(lp + 3) !== Ch.LParen) {
      this.pos = lp + 3;
      this.wrongToken(this.skip(), "expected '(' in location");
      return undefined;
    }
    this.tp.pos = lp;
    const l = this.tp.parseLocation();
    this.pos = this.tp.pos;
    return l;
  }

  /** `%name: type loc(...)?`: appends the argument to `block` and defines its name. */
  private parseBlockArgument(frame: RegionFrame, block: Block): boolean {
    const argName = this.readSsaName();
    if (argName === undefined) return false;
    const argOffset = this.ssaNameOffset;
    if (!this.expect(Ch.Colon, "expected ':' and type for SSA operand")) return false;
    this.tp.pos = this.skip();
    const t = this.tp.parseType();
    this.pos = this.tp.pos;
    if (!t) return false;
    const loc = this.parseTrailingLocation(argOffset);
    if (!loc) return false;
    const arg = block.addArgument(t, loc);
    return this.defineValues(frame.scope, argName, block.args, arg.index, 1, argOffset);
  }

  /** `^name(%a: T loc(...), ...):` — starts a new block in the current region. */
  private parseBlockLabel(frame: RegionFrame): void {
    const offset = this.pos;
    const name = this.readSuffixId();
    if (!name) {
      this.error(offset, "expected block name");
      return;
    }
    let info = frame.labels.get(name);
    if (info && info.defOffset >= 0) {
      this.error(offset, `redefinition of block '^${name}'`);
      return;
    }
    if (!info) {
      info = { block: new Block(), defOffset: offset, refOffset: offset };
      frame.labels.set(name, info);
    }
    info.defOffset = offset;
    const block = info.block;
    frame.region.push(block);
    frame.block = block;
    if (this.peek() === Ch.LParen) {
      this.pos++;
      if (this.peek() === Ch.RParen) {
        this.pos++;
      } else if (!this.parseCommaList(Ch.RParen, "expected ')'", () => this.parseBlockArgument(frame, block))) {
        return;
      }
    }
    this.expect(Ch.Colon, "expected ':' after block name");
  }
}
