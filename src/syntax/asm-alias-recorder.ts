// AliasRecorder: an OpAsmPrinter that prints nothing and records what a
// custom print hook would print, for alias collection (MLIR's
// DummyAliasOperationPrinter): types, attributes and locations to visit, and
// regions to walk, in print order.

import type { Attribute } from "../ir/attribute.js";
import type { DictionaryAttr, NamedAttribute } from "../ir/builtin-attributes.js";
import type { Context } from "../ir/context.js";
import type { Location } from "../ir/location.js";
import type { OpAsmPrinter } from "../ir/op-asm.js";
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { BlockArgument } from "../ir/value.js";
import { mergedAttributes } from "./op-attrs.js";

/** A region as a hook prints it: whether entry-block arguments and terminators print. */
export interface RecordedRegion {
  readonly region: Region;
  readonly printEntryBlockArgs: boolean;
  readonly printBlockTerminators: boolean;
}

/** What a print hook showed, in order: a value to visit, or a region to walk. */
export type RecordedItem = Type | Attribute | RecordedRegion;

export class AliasRecorder implements OpAsmPrinter {
  readonly items: RecordedItem[] = [];
  constructor(
    readonly context: Context,
    private readonly printDebugInfo: boolean,
  ) {}

  print(): void {}
  printNewline(): void {}
  printOperand(): void {}
  printOperands(): void {}
  printSymbolName(): void {}
  printKeywordOrString(): void {}
  printSuccessor(): void {}
  printSuccessorAndUseList(): void {}
  printType(t: Type): void {
    this.items.push(t);
  }
  printTypes(types: readonly Type[]): void {
    for (const t of types) this.items.push(t);
  }
  printArrowTypeList(types: readonly Type[]): void {
    this.printTypes(types);
  }
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void {
    this.printTypes(inputs);
    this.printTypes(results);
  }
  printAttribute(a: Attribute): void {
    this.items.push(a);
  }
  printStrippedAttribute(a: Attribute): void {
    this.items.push(a);
  }
  printAttributeWithoutType(a: Attribute): void {
    this.items.push(a);
  }
  printOptionalAttrDict(attrs: readonly NamedAttribute[], elided?: readonly string[]): void {
    for (const e of attrs) if (!elided || !elided.includes(e.name)) this.items.push(e.value);
  }
  printOptionalAttrDictWithKeyword(attrs: readonly NamedAttribute[], elided?: readonly string[]): void {
    this.printOptionalAttrDict(attrs, elided);
  }
  /** Like MLIR's dummy printer: the type and location, not the argument's attributes. */
  printRegionArgument(arg: BlockArgument, _attrs?: DictionaryAttr, _omitType?: boolean): void {
    this.items.push(arg.type);
    if (this.printDebugInfo) this.items.push(arg.loc);
  }
  printRegion(region: Region, printEntryBlockArgs = true, printBlockTerminators = true): void {
    this.items.push({ region, printEntryBlockArgs, printBlockTerminators });
  }
  printOptionalLocationSpecifier(loc: Location): void {
    if (this.printDebugInfo) this.items.push(loc);
  }
  getAttrs(op: Operation): readonly NamedAttribute[] {
    return mergedAttributes(op);
  }
}
