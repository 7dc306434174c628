// The operation printer: generic form (byte-identical to mlir-opt 22), the
// custom form of builtin.module, aliases and the trailing resource block.
// Iterative over nesting (a stack of open ops), so depth is unbounded.

import type { Block } from "../ir/block.js";
import type { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait, type OpDefinition, type OperationName } from "../ir/operation-name.js";
import type { Type } from "../ir/type.js";
import { DictionaryAttr, StringAttr } from "../ir/builtin-attributes.js";
import { TypeAttrPrinter, type AsmPrintOptions } from "./type-attr-printer.js";
import { escapeString } from "./escape.js";
import { ValueNumbering } from "./value-numbering.js";
import { hasWideChar, TextSink } from "./text-sink.js";
import { CustomOpPrinter } from "./asm-printer.js";
import { verify } from "../ir/verifier.js";

/** How to print. Field names follow mlir-opt's flags. */
export interface PrintOptions extends AsmPrintOptions {
  /** `--mlir-print-op-generic`: every op in generic form (implies unique SSA ids, as in MLIR 22). */
  printGenericOpForm: boolean;
  /** `--mlir-print-unique-ssa-ids`: never reuse a value number in sibling regions. */
  printUniqueSSAIds: boolean;
  /** `--mlir-print-assume-verified`: skip the verification that decides between custom and generic form. */
  assumeVerified?: boolean;
}

export const defaultPrintOptions: PrintOptions = {
  printGenericOpForm: false,
  printUniqueSSAIds: false,
  printDebugInfo: false,
  printLocalScope: false,
  hexThreshold: 100,
};

/**
 * Prints `root` the way `mlir-opt` prints a top-level op: attribute/type
 * aliases, the op, deferred `#loc` aliases, then the `{-# #-}` resources.
 * mlir-opt adds one more newline after this text. O(size of the IR).
 */
export function printTopLevel(root: Operation, options: Partial<PrintOptions> = {}): string {
  const opts = resolvePrintOptions(root, options);
  const p = new OpPrinter(root.context, opts, root, /*printsWholeScope=*/ true);
  p.printTop(root);
  return p.topText();
}

/**
 * The options a print of `root` runs with: custom forms need IR that
 * verifies, so unless told to assume it, `root` is verified first (silently)
 * and printed generically if it fails, as mlir-opt's printer does. O(IR)
 * for that check, none with printGenericOpForm or assumeVerified.
 */
function resolvePrintOptions(root: Operation, options: Partial<PrintOptions>): PrintOptions {
  const opts: PrintOptions = { ...defaultPrintOptions, ...options };
  if (opts.printGenericOpForm || opts.assumeVerified) return opts;
  const ctx = root.context;
  const verified = ctx.diagnostics.suppress(() => verify(root, { printOpOnDiagnostic: false }));
  if (verified.failed) opts.printGenericOpForm = true;
  return opts;
}

/**
 * printTopLevel's text as latin1 bytes, without building a string: for
 * writing large outputs (it is a view of the printer's buffer).
 */
export function printTopLevelBytes(root: Operation, options: Partial<PrintOptions> = {}): Uint8Array {
  const opts = resolvePrintOptions(root, options);
  const p = new OpPrinter(root.context, opts, root, /*printsWholeScope=*/ true);
  p.printTop(root);
  return p.topBytes();
}

/**
 * Prints one op alone in generic form with local scope, for diagnostics such
 * as "see current operation". Values are numbered from the nearest
 * IsolatedFromAbove ancestor (or the topmost one), as MLIR's Operation::print
 * does, so operands defined outside the op keep meaningful names.
 */
export function printOpForDiagnostic(op: Operation): string {
  const opts: PrintOptions = { ...defaultPrintOptions, printGenericOpForm: true, printLocalScope: true };
  let scope = op;
  while (!scope.name.hasTrait(OpTrait.IsolatedFromAbove) && scope.parentOp) scope = scope.parentOp;
  const p = new OpPrinter(op.context, opts, scope, /*printsWholeScope=*/ op === scope);
  return p.printOpOnly(op).replace(/\n$/, "");
}

/** Indents by nesting depth: two spaces a level, each string built once. */
const indents: string[] = [""];
export function indentOf(depth: number): string {
  while (indents.length <= depth) indents.push(indents[indents.length - 1]! + "  ");
  return indents[depth]!;
}

/**
 * The output buffer starts at this many bytes per op: generic ops of compiler IR
 * take 150-300 bytes, and with debuginfo a location alias definition each. Growing
 * costs a copy and, for a large module, a major GC (external memory jumps).
 */
const kExpectedBytesPerOp = 256;
const kExpectedBytesPerOpWithLocations = 384;

/** Marks a frame for `builtin.module` printed in its custom form (no region index). */
const kCustomModule = -1;

/**
 * How deep custom-form ops may nest regions when printing: their hooks
 * recurse (printRegion). Deeper ops print in generic form, which is iterative.
 */
export const kMaxCustomPrintNesting = 256;

export class OpPrinter {
  private readonly sink: TextSink;
  readonly names: ValueNumbering;
  readonly attrs: TypeAttrPrinter;
  /** Ops without a dialect prefix belong to the top entry (MLIR's default dialect stack). */
  private readonly defaultDialects: string[] = ["builtin"];
  private readonly custom: CustomOpPrinter;
  /** Custom-form ops whose hooks are running (see kMaxCustomPrintNesting). */
  private customDepth = 0;
  private readonly moduleName;
  private readonly castName;
  /** `"name"(` per op name: op names repeat. */
  private readonly quotedOpNames = new Map<OperationName, string>();

  constructor(
    readonly ctx: Context,
    readonly options: PrintOptions,
    root: Operation,
    printsWholeScope: boolean,
  ) {
    this.names = new ValueNumbering(root, options.printGenericOpForm || options.printUniqueSSAIds, !options.printGenericOpForm);
    this.custom = new CustomOpPrinter(this);
    // A diagnostic prints one op of the scope: no guess.
    const bytesPerOp = options.printDebugInfo ? kExpectedBytesPerOpWithLocations : kExpectedBytesPerOp;
    this.sink = new TextSink(printsWholeScope ? this.names.numOps * bytesPerOp : 0);
    this.attrs = new TypeAttrPrinter(ctx, options);
    this.moduleName = ctx.getOperationName("builtin.module");
    this.castName = ctx.getOperationName("builtin.unrealized_conversion_cast");
  }

  printTop(root: Operation): void {
    this.attrs.collectAliases(root);
    this.attrs.writeAliases(/*deferred=*/ false, this.emitLine);
    this.printOps(root, root, 0);
    // The op text ends with a newline. With local scope mlir-opt skips the
    // alias pass entirely: no deferred aliases, no resource block, and no
    // blank line after the op (mlir-opt's own final newline then ends it).
    if (this.options.printLocalScope) return;
    this.attrs.writeAliases(/*deferred=*/ true, this.emitLine);
    const resources = this.printResources();
    if (hasWideChar(resources)) this.sink.allowWideChars();
    this.emit(resources);
  }

  /** What printTop printed (without the op's last newline under local scope). */
  topText(): string {
    const text = this.sink.text();
    return this.options.printLocalScope ? text.substring(0, text.length - 1) : text;
  }

  topBytes(): Uint8Array {
    const bytes = this.sink.bytes();
    return this.options.printLocalScope ? bytes.subarray(0, bytes.length - 1) : bytes;
  }

  printOpOnly(op: Operation): string {
    this.printOps(op, op, 0);
    return this.sink.text();
  }

  private readonly emitLine = (line: string): void => this.emit(line);

  /** Appends printed text (type and attribute texts may carry chars above 0xFF: see TextSink). */
  emit(s: string): void {
    if (this.attrs.sawWideChars) this.sink.allowWideChars();
    this.sink.write(s);
  }

  /**
   * Prints the ops `first` to `last` of one block (at `baseDepth`) and
   * everything nested, iteratively: a stack of the ops whose regions are
   * open, with the index of the region being printed. An op's trailing
   * attributes and types print after its regions, in text order (so distinct
   * ids in local scope follow the text, as in mlir-opt). Custom-form ops
   * print whole through their hooks (recursing for their regions).
   */
  printOps(first: Operation, last: Operation, baseDepth: number): void {
    const open: Operation[] = [];
    const openRegion: number[] = [];
    const dialects = this.defaultDialects;
    let next: Operation | null = first;
    let block: Block | null = null;
    for (;;) {
      // Print the ops of the current block until one opens its regions.
      while (next !== null) {
        const op: Operation = next;
        const depth = baseDepth + open.length;
        const region = this.printOpStart(op, indentOf(depth), depth);
        if (region === undefined) {
          next = op === last ? null : op.next;
          continue;
        }
        open.push(op);
        openRegion.push(region);
        dialects.push(op.name.definition?.defaultDialect ?? "");
        block = region === kCustomModule ? op.regions[0]!.entryBlock : this.openRegion(op, 0, depth);
        next = block ? block.first : null;
      }
      if (open.length === 0) return;
      // The block has ended: go on to the next block, region, or close the op.
      const top = open.length - 1;
      const op = open[top]!;
      const labelIndent = indentOf(baseDepth + top);
      if (block !== null && block.next !== null && openRegion[top] !== kCustomModule) {
        block = block.next;
        this.emit(this.blockHeader(block, labelIndent));
        next = block.first;
        continue;
      }
      if (openRegion[top] === kCustomModule) {
        this.emit(labelIndent + "}" + this.loc(op) + "\n");
      } else {
        const ri = openRegion[top]! + 1;
        if (ri < op.regions.length) {
          openRegion[top] = ri;
          this.emit(labelIndent + "}, {\n");
          block = this.openRegion(op, ri, baseDepth + top);
          next = block ? block.first : null;
          continue;
        }
        this.emit(labelIndent + "})" + this.opTail(op) + "\n");
      }
      open.pop();
      openRegion.pop();
      dialects.pop();
      block = op.parent;
      next = op === last ? null : op.next;
    }
  }

  /**
   * Prints an op whole when it has no regions (undefined), else its head up to
   * ` ({` and returns the index of the region to print first (kCustomModule
   * for `builtin.module` in custom form).
   */
  private printOpStart(op: Operation, indent: string, depth: number): number | undefined {
    if (!this.options.printGenericOpForm) {
      if (op.name === this.moduleName && this.canPrintModuleCustom(op)) {
        this.printModuleHead(op, indent);
        return kCustomModule;
      }
      if (op.name === this.castName && op.numResults > 0 && op.properties === undefined) {
        this.emit(this.printCast(op, indent));
        return undefined;
      }
      const def = op.name.definition;
      if (def?.printAssembly && this.customDepth < kMaxCustomPrintNesting) {
        this.printCustomOp(op, def, indent, depth);
        return undefined;
      }
    }
    const names = this.names;
    let head = indent + names.resultPrefix(op) + this.quotedOpName(op.name);
    const numOperands = op.numOperands;
    for (let i = 0; i < numOperands; i++) head += (i ? ", " : "") + names.valueName(op.getOperand(i));
    head += ")";
    const succ = op.successors;
    if (succ.length) {
      head += "[";
      for (let i = 0; i < succ.length; i++) head += (i ? ", " : "") + names.blockName(succ[i]!.block);
      head += "]";
    }
    if (op.properties !== undefined) head += " <" + this.attrs.printAttribute(op.properties) + ">";
    if (op.regions.length === 0) {
      this.emit(head + this.opTail(op) + "\n");
      return undefined;
    }
    this.emit(head + " ({\n");
    return 0;
  }

  /** `"name"(`, memoised per op name. */
  private quotedOpName(name: OperationName): string {
    let s = this.quotedOpNames.get(name);
    if (s === undefined) this.quotedOpNames.set(name, (s = '"' + escapeString(name.name) + '"('));
    return s;
  }

  /**
   * Starts region `index` of `op` (its `{` is printed) and returns its entry
   * block, after printing the block's label when it has arguments or is
   * empty (MLIR's rule); null for a region without blocks.
   */
  private openRegion(op: Operation, index: number, depth: number): Block | null {
    const b = op.regions[index]!.entryBlock;
    if (b !== null && (b.args.length || b.empty)) this.emit(this.blockHeader(b, indentOf(depth)));
    return b;
  }

  /** ` {attrs} : (T) -> T loc(...)` after the regions of a generic op. */
  private opTail(op: Operation): string {
    let s = this.attrDict(op.attributes);
    s += " : (";
    const numOperands = op.numOperands;
    for (let i = 0; i < numOperands; i++) s += (i ? ", " : "") + this.type(op.getOperand(i).type);
    s += ") -> ";
    const results = op.results;
    if (results.length === 1) {
      const r = this.type(results[0]!.type);
      s += isFunctionTypeText(r) ? "(" + r + ")" : r;
    } else {
      s += "(";
      for (let i = 0; i < results.length; i++) s += (i ? ", " : "") + this.type(results[i]!.type);
      s += ")";
    }
    return s + this.loc(op);
  }

  /** ` {a = 1 : i64}` or "" (the leading space comes with it: no charCodeAt, which would flatten the text). */
  private attrDict(d: DictionaryAttr): string {
    return this.attrs.printAttrDict(d);
  }

  type(t: Type): string {
    return this.attrs.printType(t);
  }

  loc(op: Operation): string {
    return this.options.printDebugInfo ? " " + this.attrs.printLocation(op.loc) : "";
  }

  /** `%r = name <hook's text> loc(...)` and a newline. */
  private printCustomOp(op: Operation, def: OpDefinition, indent: string, depth: number): void {
    this.emit(indent + this.names.resultPrefix(op) + this.opName(op));
    this.defaultDialects.push(def.defaultDialect ?? "");
    this.customDepth++;
    const saved = this.custom.depth;
    this.custom.depth = depth;
    def.printAssembly!(this.custom, op);
    this.custom.depth = saved;
    this.customDepth--;
    this.defaultDialects.pop();
    this.emit(this.loc(op) + "\n");
  }

  /** The op's name without the default dialect's prefix (MLIR's OpState::printOpName). */
  private opName(op: Operation): string {
    const name = op.name.name;
    const dialect = this.defaultDialects[this.defaultDialects.length - 1]!;
    if (dialect && name.length > dialect.length && name.startsWith(dialect) && name.charCodeAt(dialect.length) === 46 /* . */) {
      const rest = name.substring(dialect.length + 1);
      if (rest.indexOf(".") < 0) return rest;
    }
    return name;
  }

  blockHeader(b: Block, indent: string): string {
    const names = this.names;
    let s = indent + names.blockName(b);
    if (b.args.length) {
      s += "(";
      for (let i = 0; i < b.args.length; i++) {
        const a = b.args[i]!;
        s += (i ? ", " : "") + names.valueName(a) + ": " + this.type(a.type);
        // mlir-opt prints block-argument locations inline even when aliased.
        if (this.options.printDebugInfo) s += " " + this.attrs.printLocation(a.loc, /*allowAlias=*/ false);
      }
      s += ")";
    }
    s += ":";
    if (!b.hasPredecessors) {
      if (b.prev !== null) s += "  // no predecessors";
    } else {
      const ids: number[] = [];
      for (const use of b.predecessorUses()) ids.push(names.blockId(use.owner.parent!));
      if (ids.length === 1) s += "  // pred: ^bb" + ids[0];
      else {
        ids.sort((x, y) => x - y);
        s += "  // " + ids.length + " preds: ";
        for (let i = 0; i < ids.length; i++) s += (i ? ", " : "") + "^bb" + ids[i];
      }
    }
    return s + "\n";
  }

  //===--------------------------------------------------------------------===//
  // builtin.module custom form
  //===--------------------------------------------------------------------===//

  /** The custom form needs exactly one block without arguments and no results. */
  private canPrintModuleCustom(op: Operation): boolean {
    const r = op.regions[0];
    if (op.regions.length !== 1 || !r || op.numResults || op.numOperands) return false;
    const b = r.entryBlock;
    return b !== null && b.next === null && b.args.length === 0;
  }

  /** `module @name attributes {...} {`; the body and `}` follow as for a region. */
  private printModuleHead(op: Operation, indent: string): void {
    let head = indent + this.opName(op);
    const sym = op.getAttr("sym_name");
    if (sym instanceof StringAttr) head += " @" + this.attrs.printSymbolName(sym.value);
    const rest = op.attributes.entries.filter((e) => e.name !== "sym_name");
    if (rest.length) head += " attributes" + this.attrDict(DictionaryAttr.get(this.ctx, rest));
    this.emit(head + " {\n");
  }

  /** `%0 = builtin.unrealized_conversion_cast %a : T to U {attrs}`. */
  private printCast(op: Operation, indent: string): string {
    let s = indent + this.names.resultPrefix(op) + this.opName(op);
    if (op.numOperands) {
      const operands = op.getOperands();
      s += " " + operands.map((v) => this.names.valueName(v)).join(", ");
      s += " : " + operands.map((v) => this.type(v.type)).join(", ");
    }
    s += " to " + op.results.map((r) => this.type(r.type)).join(", ");
    return s + this.attrDict(op.attributes) + this.loc(op) + "\n";
  }

  //===--------------------------------------------------------------------===//
  // Resources
  //===--------------------------------------------------------------------===//

  /** The `{-# #-}` block: the builtin blobs printed (in first-print order) and known external resources. */
  private printResources(): string {
    if (this.ctx.resourceBlobs.size === 0 && this.ctx.externalResources.size === 0) return "";
    const blobs = this.attrs.resourceKeys();
    const sections: string[] = [];
    const blobLines: string[] = [];
    for (const key of blobs) {
      const blob = this.ctx.resourceBlobs.get(key);
      if (!blob) continue;
      const align = Buffer.alloc(4);
      align.writeUInt32LE(blob.alignment, 0);
      const hex = "0x" + (align.toString("hex") + Buffer.from(blob.data).toString("hex")).toUpperCase();
      blobLines.push(`      ${this.attrs.printSymbolName(key, /*bare=*/ true)}: "${hex}"`);
    }
    if (blobLines.length) sections.push(`  dialect_resources: {\n    builtin: {\n${blobLines.join(",\n")}\n    }\n  }`);
    const ext: string[] = [];
    for (const [group, entries] of this.ctx.externalResources) {
      if (group !== "mlir_reproducer") continue;
      const lines: string[] = [];
      for (const [k, v] of entries) lines.push(`      ${k}: ${typeof v === "string" ? '"' + escapeString(v) + '"' : String(v)}`);
      ext.push(`    ${group}: {\n${lines.join(",\n")}\n    }`);
    }
    if (ext.length) sections.push(`  external_resources: {\n${ext.join(",\n")}\n  }`);
    if (!sections.length) return "";
    return "\n{-#\n" + sections.join(",\n") + "\n#-}\n";
  }
}

/** A single result of function type needs parentheses (`() -> ((i32) -> i32)`). */
function isFunctionTypeText(s: string): boolean {
  return s.charCodeAt(0) === 40; // '('
}
