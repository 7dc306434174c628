// Prints an op with its compiled declarative format (the printer OpFormatGen
// generates): elements in order, spaces as decided at compile time.

import type { Block } from "../ir/block.js";
import { DictionaryAttr, IntegerAttr, OpaqueAttr } from "../ir/builtin-attributes.js";
import type { OpAsmPrinter } from "../ir/op-asm.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import type { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import type { CustomPrintArg, FormatProgram } from "./asm-format.js";
import { segmentSizes, splitGroups } from "./asm-format.js";
import type { FormatElement, TypeSource } from "./asm-format-text.js";

/** The op's operand, result and successor groups, split by the spec's arities. */
class OpGroups {
  readonly operands: Value[][];
  readonly results: Value[][];
  readonly successors: Block[][];
  readonly regions: Region[][];
  constructor(
    readonly program: FormatProgram,
    readonly op: Operation,
  ) {
    this.operands = splitGroups(
      op.getOperands(),
      program.operandArities,
      program.operandSegments ? segmentSizes(op, "operandSegmentSizes") : undefined,
    );
    this.results = splitGroups(op.results, program.resultArities, program.resultSegments ? segmentSizes(op, "resultSegmentSizes") : undefined);
    this.successors = splitGroups(
      op.successors.map((s) => s.block),
      program.successorArities,
      undefined,
    );
    this.regions = splitGroups(op.regions, program.regionArities, undefined);
  }

  types(source: TypeSource): Type[] {
    switch (source.kind) {
      case "operand":
        return this.operands[source.index]!.map((v) => v.type);
      case "result":
        return this.results[source.index]!.map((v) => v.type);
      case "operands":
        return this.op.getOperands().map((v) => v.type);
      case "results":
        return this.op.results.map((v) => v.type);
    }
  }
}

/** ODS's rule for regions of SingleBlockImplicitTerminator ops: print the terminator only if it carries something. */
function printsTerminator(op: Operation, region: Region): boolean {
  if (!op.name.hasTrait(OpTrait.SingleBlockImplicitTerminator)) return true;
  const term = region.entryBlock?.last;
  if (!term) return true;
  return term.attributes.size > 0 || (term.properties !== undefined) || term.numOperands > 0 || term.numResults > 0;
}

export function printWithFormat(program: FormatProgram, p: OpAsmPrinter, op: Operation): void {
  const groups = new OpGroups(program, op);
  printElements(program, groups, p, op, program.elements);
}

function printElements(program: FormatProgram, g: OpGroups, p: OpAsmPrinter, op: Operation, elements: readonly FormatElement[]): void {
  for (const e of elements) {
    if (program.elidedAnchors.has(e)) continue;
    if (e.space) p.print(" ");
    printElement(program, g, p, op, e);
  }
}

function commaSeparated<T>(items: readonly T[], p: OpAsmPrinter, each: (x: T) => void): void {
  for (let i = 0; i < items.length; i++) {
    if (i) p.print(", ");
    each(items[i]!);
  }
}

/** Whether an optional group's anchor has something to print. */
function isAnchorPresent(g: OpGroups, op: Operation, a: FormatElement): boolean {
  switch (a.kind) {
    case "operand":
      return g.operands[a.index]!.length > 0;
    case "attribute": {
      // A default-valued attribute holding its default prints nothing (ODS elides it).
      const spec = g.program.spec.attributes[a.index]!;
      const value = op.getAttr(spec.name);
      return value !== undefined && (spec.defaultValue === undefined || value !== spec.defaultValue(op.context));
    }
    case "region":
      return !op.regions[a.index]!.empty;
    case "successor":
      return g.successors[a.index]!.length > 0;
    case "type":
    case "functional-type":
      return g.types(a.kind === "type" ? a.source : a.inputs).length > 0;
    case "operands":
      return op.numOperands > 0;
    case "regions":
      return op.regions.some((r) => !r.empty);
    case "successors":
      return op.numSuccessors > 0;
    default:
      return true;
  }
}

function printElement(program: FormatProgram, g: OpGroups, p: OpAsmPrinter, op: Operation, e: FormatElement): void {
  const spec = program.spec;
  switch (e.kind) {
    case "literal":
      if (e.value === "\\n") p.printNewline();
      else if (e.value !== " " && e.value !== "") p.print(e.value);
      return;
    case "operand":
      p.printOperands(g.operands[e.index]!);
      return;
    case "attribute": {
      const a = spec.attributes[e.index]!;
      const value = op.getAttr(a.name);
      if (value === undefined) return;
      const cases = a.constraint.enumCases;
      if (cases && value instanceof IntegerAttr) {
        const c = cases.find((x) => BigInt(x.value) === value.value);
        if (c) return p.print(c.keyword);
      }
      const kind = a.constraint.dialectAttr;
      if (kind && value instanceof OpaqueAttr && value.dialect === kind.dialect && value.data.startsWith(kind.mnemonic + "<"))
        return p.print(value.data.substring(kind.mnemonic.length));
      if (a.constraint.valueType) p.printAttributeWithoutType(value);
      else p.printStrippedAttribute(value);
      return;
    }
    case "region":
      commaSeparated(g.regions[e.index]!, p, (r) => p.printRegion(r, true, printsTerminator(op, r)));
      return;
    case "regions":
      commaSeparated(op.regions, p, (r) => p.printRegion(r, true, printsTerminator(op, r)));
      return;
    case "successor":
      commaSeparated(g.successors[e.index]!, p, (b) => p.printSuccessor(b));
      return;
    case "successors":
      commaSeparated(op.successors, p, (s) => p.printSuccessor(s.block));
      return;
    case "operands":
      p.printOperands(op.getOperands());
      return;
    case "attr-dict": {
      // With a prop-dict, the attribute dictionary holds the discardable attributes only.
      const attrs = program.hasPropDict ? op.attributes.entries : p.getAttrs(op);
      if (e.withKeyword) p.printOptionalAttrDictWithKeyword(attrs, program.elidedAttrs);
      else p.printOptionalAttrDict(attrs, program.elidedAttrs);
      return;
    }
    case "prop-dict": {
      const names = new Set(spec.attributes.map((a) => a.name));
      const props = p.getAttrs(op).filter((x) => names.has(x.name) && !program.elidedAttrs.includes(x.name));
      if (props.length === 0) return;
      p.print("<");
      // printOptionalAttrDict adds a leading space: print the dictionary itself.
      p.printAttribute(DictionaryAttr.get(op.context, props));
      p.print(">");
      return;
    }
    case "type":
      p.printTypes(g.types(e.source));
      return;
    case "functional-type":
      p.printFunctionalType(g.types(e.inputs), g.types(e.results));
      return;
    case "qualified":
      // A qualified attribute prints whole, not stripped; a buildable type is still elided (as ODS).
      if (e.inner.kind === "attribute") {
        const a = spec.attributes[e.inner.index]!;
        const value = op.getAttr(a.name);
        if (value === undefined) return;
        if (a.constraint.valueType) p.printAttributeWithoutType(value);
        else p.printAttribute(value);
        return;
      }
      printElement(program, g, p, op, e.inner);
      return;
    case "custom": {
      const args: CustomPrintArg[] = e.args.map((a) => customArg(g, op, a));
      program.customDirectives.get(e.name)!.print(p, op, args);
      return;
    }
    case "optional":
      printElements(program, g, p, op, isAnchorPresent(g, op, e.anchor) ? e.then : e.else);
      return;
  }
}

/** What a custom directive's print hook gets for argument `a`. */
function customArg(g: OpGroups, op: Operation, a: FormatElement): CustomPrintArg {
  const none: CustomPrintArg = { values: [], types: [], attribute: undefined, regions: [], successors: [] };
  switch (a.kind) {
    case "operand":
      return { ...none, values: g.operands[a.index]!, types: g.operands[a.index]!.map((v) => v.type) };
    case "type":
      return { ...none, types: g.types(a.source) };
    case "qualified":
      return customArg(g, op, a.inner);
    case "attribute":
      return { ...none, attribute: op.getAttr(g.program.spec.attributes[a.index]!.name) };
    case "region":
      return { ...none, regions: g.regions[a.index]! };
    case "successor":
      return { ...none, successors: g.successors[a.index]! };
    default:
      return none;
  }
}
