// The operation printer: generic form (byte-identical to mlir-opt 22), the
// custom form of builtin.module, aliases and the trailing resource block.
// Iterative over nesting (an explicit task stack), so depth is unbounded.

import type { Block } from "../ir/block.js";
import type { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import type { Type } from "../ir/type.js";
import { DictionaryAttr, StringAttr } from "../ir/builtin-attributes.js";
import { TypeAttrPrinter, type AsmPrintOptions } from "./type-attr-printer.js";
import { escapeString } from "./escape.js";
import { ValueNumbering } from "./value-numbering.js";

/** How to print. Field names follow mlir-opt's flags. */
export interface PrintOptions extends AsmPrintOptions {
  /** `--mlir-print-op-generic`: every op in generic form (implies unique SSA ids, as in MLIR 22). */
  printGenericOpForm: boolean;
  /** `--mlir-print-unique-ssa-ids`: never reuse a value number in sibling regions. */
  printUniqueSSAIds: boolean;
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
  const opts: PrintOptions = { ...defaultPrintOptions, ...options };
  const p = new OpPrinter(root.context, opts, root);
  return p.printTop(root);
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
  const p = new OpPrinter(op.context, opts, scope);
  return p.printOpOnly(op).replace(/\n$/, "");
}

/** A unit of pending output: text to emit, an op to print, or a block's contents. */
type Task = string | { op: Operation; indent: string } | { block: Block; indent: string };

class OpPrinter {
  private readonly out: string[] = [];
  private readonly names: ValueNumbering;
  private readonly attrs: TypeAttrPrinter;
  private readonly moduleName;
  private readonly castName;

  constructor(
    private readonly ctx: Context,
    private readonly options: PrintOptions,
    root: Operation,
  ) {
    this.names = new ValueNumbering(root, options.printGenericOpForm || options.printUniqueSSAIds);
    this.attrs = new TypeAttrPrinter(ctx, options);
    this.moduleName = ctx.getOperationName("builtin.module");
    this.castName = ctx.getOperationName("builtin.unrealized_conversion_cast");
  }

  printTop(root: Operation): string {
    this.attrs.collectAliases(root);
    const before = this.attrs.aliasesBefore();
    this.run(root);
    // The op text ends with a newline. With local scope mlir-opt skips the
    // alias pass entirely: no deferred aliases, no resource block, and no
    // blank line after the op (mlir-opt's own final newline then ends it).
    const body = this.out.join("");
    if (this.options.printLocalScope) return before + body.substring(0, body.length - 1);
    return before + body + this.attrs.aliasesAfter() + this.printResources();
  }

  printOpOnly(op: Operation): string {
    this.run(op);
    return this.out.join("");
  }

  /** Prints `root` and everything nested, iteratively. */
  private run(root: Operation): void {
    const out = this.out;
    const stack: Task[] = [{ op: root, indent: "" }];
    while (stack.length) {
      const t = stack.pop()!;
      if (typeof t === "string") {
        out.push(t);
      } else if ("op" in t) {
        this.printOp(t.op, t.indent, stack);
      } else {
        this.printBlock(t.block, t.indent, stack);
      }
    }
  }

  private printOp(op: Operation, indent: string, stack: Task[]): void {
    if (!this.options.printGenericOpForm) {
      if (op.name === this.moduleName && this.canPrintModuleCustom(op)) {
        this.printModule(op, indent, stack);
        return;
      }
      if (op.name === this.castName && op.numResults > 0 && op.properties === undefined) {
        this.out.push(this.printCast(op, indent));
        return;
      }
    }
    const out = this.out;
    const names = this.names;
    let head = indent + names.resultPrefix(op) + '"' + escapeString(op.name.name) + '"(';
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) head += (i ? ", " : "") + names.valueName(operands[i]!.value);
    head += ")";
    const succ = op.successors;
    if (succ.length) {
      head += "[";
      for (let i = 0; i < succ.length; i++) head += (i ? ", " : "") + names.blockName(succ[i]!.block);
      head += "]";
    }
    if (op.properties !== undefined) head += " <" + this.attrs.printAttribute(op.properties) + ">";
    const tail = this.opTail(op);
    if (op.regions.length === 0) {
      out.push(head + tail + "\n");
      return;
    }
    out.push(head + " (");
    // Pushed in reverse: the last thing to print goes on the stack first.
    stack.push(")" + tail + "\n");
    const inner = indent + "  ";
    for (let i = op.regions.length - 1; i >= 0; i--) {
      stack.push(indent + "}");
      this.pushRegionBlocks(op.regions[i]!, indent, inner, stack);
      stack.push(i === 0 ? "{\n" : ", {\n");
    }
  }

  /** ` {attrs} : (T) -> T loc(...)` after the regions of a generic op. */
  private opTail(op: Operation): string {
    let s = this.attrDict(op.attributes);
    s += " : (";
    const operands = op.operands;
    for (let i = 0; i < operands.length; i++) s += (i ? ", " : "") + this.type(operands[i]!.value.type);
    s += ") -> ";
    const results = op.results;
    if (results.length === 1 && !isFunctionTypeText(this.type(results[0]!.type))) {
      s += this.type(results[0]!.type);
    } else {
      s += "(";
      for (let i = 0; i < results.length; i++) s += (i ? ", " : "") + this.type(results[i]!.type);
      s += ")";
    }
    return s + this.loc(op);
  }

  private attrDict(d: DictionaryAttr): string {
    if (d.size === 0) return "";
    const s = this.attrs.printAttrDict(d);
    return s.charCodeAt(0) === 32 ? s : " " + s;
  }

  private type(t: Type): string {
    return this.attrs.printType(t);
  }

  private loc(op: Operation): string {
    return this.options.printDebugInfo ? " " + this.attrs.printLocation(op.loc) : "";
  }

  /**
   * Queues a region's blocks (in reverse, for the stack). The entry block's
   * label is printed only when it has arguments or is empty (MLIR's rule).
   */
  private pushRegionBlocks(region: { lastBlock: Block | null }, labelIndent: string, opIndent: string, stack: Task[]): void {
    for (let b = region.lastBlock; b; b = b.prev) {
      stack.push({ block: b, indent: opIndent });
      const isEntry = b.prev === null;
      if (!isEntry || b.args.length || b.empty) stack.push(this.blockHeader(b, labelIndent));
    }
  }

  private blockHeader(b: Block, indent: string): string {
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

  private printBlock(b: Block, indent: string, stack: Task[]): void {
    for (let op = b.last; op; op = op.prev) stack.push({ op, indent });
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

  private printModule(op: Operation, indent: string, stack: Task[]): void {
    let head = indent + "module";
    const sym = op.getAttr("sym_name");
    if (sym instanceof StringAttr) head += " @" + this.attrs.printSymbolName(sym.value);
    const rest = op.attributes.entries.filter((e) => e.name !== "sym_name");
    if (rest.length) head += " attributes" + this.attrDict(DictionaryAttr.get(this.ctx, rest));
    this.out.push(head + " {\n");
    stack.push(indent + "}" + this.loc(op) + "\n");
    stack.push({ block: op.regions[0]!.entryBlock!, indent: indent + "  " });
  }

  /** `%0 = builtin.unrealized_conversion_cast %a : T to U {attrs}`. */
  private printCast(op: Operation, indent: string): string {
    let s = indent + this.names.resultPrefix(op) + "builtin.unrealized_conversion_cast";
    if (op.numOperands) {
      s += " " + op.operands.map((o) => this.names.valueName(o.value)).join(", ");
      s += " : " + op.operands.map((o) => this.type(o.value.type)).join(", ");
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
