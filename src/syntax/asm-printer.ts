// CustomOpPrinter: the OpAsmPrinter handed to an op's print hook, writing
// into the op printer's output with its value names, aliases and options
// (MLIR's OperationPrinter as an OpAsmPrinter, mlir/lib/IR/AsmPrinter.cpp).

import type { Attribute } from "../ir/attribute.js";
import type { Block } from "../ir/block.js";
import { DenseArrayAttr, DictionaryAttr, FloatAttr, IntegerAttr, type NamedAttribute } from "../ir/builtin-attributes.js";
import { FunctionType, IntegerType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { formatFloat } from "../ir/float-format.js";
import type { Location } from "../ir/location.js";
import type { OpAsmPrinter } from "../ir/op-asm.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import type { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { BlockArgument, Value } from "../ir/value.js";
import { printKeywordOrString } from "./escape.js";
import { mergedAttributes } from "./op-attrs.js";
import { indentOf, type OpPrinter } from "./printer.js";

/** The text of `a` without its `: type` (OpAsmPrinter::printAttributeWithoutType). */
export function attributeWithoutType(a: Attribute, printAttribute: (a: Attribute) => string): string {
  if (a instanceof IntegerAttr) {
    const t = a.type;
    if (t instanceof IntegerType && t.width === 1) return a.value === 0n ? "false" : "true";
    return a.value.toString();
  }
  if (a instanceof FloatAttr) return formatFloat(a.bits, a.type.kind);
  return printAttribute(a);
}

export class CustomOpPrinter implements OpAsmPrinter {
  readonly context: Context;
  /** Nesting depth of the op being printed (its regions' ops print one deeper). */
  depth = 0;

  constructor(private readonly host: OpPrinter) {
    this.context = host.ctx;
  }

  print(text: string): void {
    this.host.emit(text);
  }
  printNewline(): void {
    this.host.emit("\n" + indentOf(this.depth));
  }
  printOperand(v: Value): void {
    this.host.emit(this.host.names.valueName(v));
  }
  printOperands(values: readonly Value[]): void {
    const names = this.host.names;
    let s = "";
    for (let i = 0; i < values.length; i++) s += (i ? ", " : "") + names.valueName(values[i]!);
    this.host.emit(s);
  }
  printType(t: Type): void {
    this.host.emit(this.host.type(t));
  }
  printTypes(types: readonly Type[]): void {
    let s = "";
    for (let i = 0; i < types.length; i++) s += (i ? ", " : "") + this.host.type(types[i]!);
    this.host.emit(s);
  }
  printArrowTypeList(types: readonly Type[]): void {
    const wrapped = types.length !== 1 || types[0] instanceof FunctionType;
    this.host.emit("-> " + (wrapped ? "(" : ""));
    this.printTypes(types);
    if (wrapped) this.host.emit(")");
  }
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.host.emit("(");
    this.printTypes(inputs);
    this.host.emit(") ");
    this.printArrowTypeList(results);
  }
  printAttribute(a: Attribute): void {
    this.host.emit(this.host.attrs.printAttribute(a));
  }
  printStrippedAttribute(a: Attribute): void {
    const text = this.host.attrs.printAttribute(a);
    if (!(a instanceof DenseArrayAttr) || !text.startsWith("array<")) return this.host.emit(text);
    // `array<i32: 1, 2>` -> `[1, 2]`, `array<i32>` -> `[]`.
    const colon = text.indexOf(":");
    this.host.emit(colon < 0 ? "[]" : "[" + text.substring(colon + 2, text.length - 1) + "]");
  }
  printAttributeWithoutType(a: Attribute): void {
    this.host.emit(attributeWithoutType(a, (x) => this.host.attrs.printAttribute(x)));
  }
  /** ` {…}` for `attrs` minus `elided`, or "". */
  private attrDictText(attrs: readonly NamedAttribute[], elided: readonly string[] | undefined): string {
    let kept = attrs;
    if (elided && elided.length) kept = attrs.filter((e) => !elided.includes(e.name));
    if (kept.length === 0) return "";
    return " " + this.host.attrs.printAttribute(DictionaryAttr.get(this.context, kept));
  }
  printOptionalAttrDict(attrs: readonly NamedAttribute[], elided?: readonly string[]): void {
    this.host.emit(this.attrDictText(attrs, elided));
  }
  printOptionalAttrDictWithKeyword(attrs: readonly NamedAttribute[], elided?: readonly string[]): void {
    const text = this.attrDictText(attrs, elided);
    if (text) this.host.emit(" attributes" + text);
  }
  printSymbolName(name: string): void {
    this.host.emit("@" + this.host.attrs.printSymbolName(name));
  }
  printKeywordOrString(s: string): void {
    this.host.emit(printKeywordOrString(s));
  }
  printSuccessor(b: Block): void {
    this.host.emit(this.host.names.blockName(b));
  }
  printSuccessorAndUseList(b: Block, operands: readonly Value[]): void {
    this.printSuccessor(b);
    if (operands.length === 0) return;
    this.host.emit("(");
    this.printOperands(operands);
    this.host.emit(" : ");
    this.printTypes(operands.map((v) => v.type));
    this.host.emit(")");
  }
  printRegionArgument(arg: BlockArgument, attrs?: DictionaryAttr, omitType = false): void {
    let s = this.host.names.valueName(arg);
    if (!omitType) s += ": " + this.host.type(arg.type);
    if (attrs && attrs.size) s += " " + this.host.attrs.printAttribute(attrs);
    // mlir-opt prints argument locations inline even when aliased.
    if (this.host.options.printDebugInfo) s += " " + this.host.attrs.printLocation(arg.loc, /*allowAlias=*/ false);
    this.host.emit(s);
  }
  printRegion(region: Region, printEntryBlockArgs = true, printBlockTerminators = true, printEmptyBlock = false): void {
    const host = this.host;
    const depth = this.depth;
    host.emit("{\n");
    for (let b = region.entryBlock; b; b = b.next) {
      const isEntry = b.prev === null;
      const header = !isEntry || (printEmptyBlock && b.empty) || (printEntryBlockArgs && b.args.length > 0);
      if (header) host.emit(host.blockHeader(b, indentOf(depth)));
      let last = b.last;
      if (!printBlockTerminators && last && last.name.hasTrait(OpTrait.Terminator)) last = last.prev;
      if (last) host.printOps(b.first!, last, depth + 1);
    }
    this.depth = depth;
    host.emit(indentOf(depth) + "}");
  }
  printOptionalLocationSpecifier(loc: Location): void {
    if (this.host.options.printDebugInfo) this.host.emit(" " + this.host.attrs.printLocation(loc));
  }
  getAttrs(op: Operation): readonly NamedAttribute[] {
    return mergedAttributes(op);
  }
}
