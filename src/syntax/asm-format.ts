// The declarative assembly-format compiler: from an OpSpec with
// `assemblyFormat`, parse and print hooks for the op's OpDefinition (what
// mlir-tblgen's OpFormatGen generates as C++). The format is read and checked
// once per op; the hooks interpret the element tree.

import type { Attribute } from "../ir/attribute.js";
import type { Block } from "../ir/block.js";
import { IntegerType, RankedTensorType, UnrankedTensorType, VectorType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import type { LogicalResult } from "../ir/logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState, UnresolvedOperand } from "../ir/op-asm.js";
import { readSegmentSizes } from "../ir/segment-sizes.js";
import type { OpSpec, TypeRelation } from "../ir/op-spec.js";
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import { FormatError, FormatReader, type FormatElement } from "./asm-format-text.js";
import { parseWithFormat } from "./asm-format-parser.js";
import { printWithFormat } from "./asm-format-printer.js";

export { FormatError } from "./asm-format-text.js";

/** What a `custom<Name>(...)` directive's parse hook fills, one slot per argument. */
export interface CustomParseSlot {
  /** `$operand`: the operands read. */
  operands: UnresolvedOperand[];
  /** `type($x)`: the types read. */
  types: Type[];
  /** `$attr`: the attribute read, if any. */
  attribute: Attribute | undefined;
  /** `$region`: the region to parse into (given). */
  readonly regions: readonly Region[];
  /** `$successor`: the blocks read. */
  successors: Block[];
}

/** What a `custom<Name>(...)` directive's print hook gets, one entry per argument. */
export interface CustomPrintArg {
  readonly values: readonly Value[];
  readonly types: readonly Type[];
  readonly attribute: Attribute | undefined;
  readonly regions: readonly Region[];
  readonly successors: readonly Block[];
}

/** A `custom<Name>` directive's TypeScript hooks (ODS's parseName / printName functions). */
export interface CustomDirective {
  parse(parser: OpAsmParser, slots: readonly CustomParseSlot[]): boolean;
  print(printer: OpAsmPrinter, op: Operation, args: readonly CustomPrintArg[]): void;
}

export interface FormatOptions {
  /** Hooks for `custom<Name>` directives, by name. */
  readonly customDirectives?: ReadonlyMap<string, CustomDirective>;
}

/** The hooks a compiled format gives an OpDefinition. */
export interface CompiledFormat {
  parseAssembly(parser: OpAsmParser, state: OpAsmState): LogicalResult;
  printAssembly(printer: OpAsmPrinter, op: Operation): void;
}

/** A format checked against its op: the elements and what the interpreters need to know. */
export interface FormatProgram {
  readonly spec: OpSpec;
  readonly elements: readonly FormatElement[];
  readonly customDirectives: ReadonlyMap<string, CustomDirective>;
  /** Attribute names the format prints itself (left out of attr-dict). */
  readonly elidedAttrs: readonly string[];
  /** The op stores operand (result) group sizes in `operandSegmentSizes` (`resultSegmentSizes`). */
  readonly operandSegments: boolean;
  readonly resultSegments: boolean;
  readonly hasPropDict: boolean;
  /** Whether a type directive gives each operand (result) group its types. */
  readonly typedOperands: readonly boolean[];
  readonly typedResults: readonly boolean[];
  /** Unit-attribute anchors that print nothing (ODS elides them; parsing the group sets them). */
  readonly elidedAnchors: ReadonlySet<FormatElement>;
  /** Arity per operand, result, successor and region group (for splitting an op's lists). */
  readonly operandArities: readonly string[];
  readonly resultArities: readonly string[];
  readonly successorArities: readonly string[];
  readonly regionArities: readonly string[];
  /** The spec's type relations with their ends resolved to groups. */
  readonly relations: readonly ResolvedRelation[];
}

/** An operand (`isOperand`) or result group, by index. */
export interface GroupRef {
  readonly isOperand: boolean;
  readonly index: number;
}

/** A TypeRelation between two groups, or from a typed attribute the format parses (`attr-dict $value` with AllTypesMatch<value, result>). */
export interface ResolvedRelation {
  readonly target: GroupRef;
  /** The source group; undefined when the source is the attribute `sourceAttribute`. */
  readonly source: GroupRef | undefined;
  readonly sourceAttribute?: string;
  readonly relation: TypeRelation;
}

/** The group named `name`, or undefined. */
function groupNamed(spec: OpSpec, name: string): GroupRef | undefined {
  const o = spec.operands.findIndex((x) => x.name === name);
  if (o >= 0) return { isOperand: true, index: o };
  const r = spec.results.findIndex((x) => x.name === name);
  return r >= 0 ? { isOperand: false, index: r } : undefined;
}

/** MLIR's shouldEmitSpaceBefore: whether a space goes before literal `value`. */
function spaceBeforeLiteral(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== "->") return true;
  if (lastWasPunctuation) return !">)}],".includes(value[0]!);
  return !"<>(){}[],".includes(value[0]!);
}

/** The printer's spacing state as OpFormatGen tracks it while generating code. */
interface Spacing {
  shouldEmitSpace: boolean;
  lastWasPunctuation: boolean;
}

/** Fills each element's `space` as OpFormatGen's genElementPrinter decides it (statically, in text order). */
function assignSpacing(elements: readonly FormatElement[], s: Spacing, elided: ReadonlySet<FormatElement>): void {
  for (const e of elements) {
    if (elided.has(e)) continue;
    switch (e.kind) {
      case "literal":
        if (e.value === " " || e.value === "") {
          // `` ` ` `` prints a space; `` `` `` suppresses the next one.
          e.space = e.value === " ";
          s.lastWasPunctuation = e.value === "";
          s.shouldEmitSpace = false;
        } else if (e.value === "\\n") {
          e.space = false;
        } else {
          e.space = s.shouldEmitSpace && spaceBeforeLiteral(e.value, s.lastWasPunctuation);
          s.shouldEmitSpace = e.value.length !== 1 || !"<({[".includes(e.value);
          s.lastWasPunctuation = e.value[0] !== "_" && !/[A-Za-z]/.test(e.value[0]!);
        }
        break;
      case "attr-dict":
        s.lastWasPunctuation = false;
        break;
      case "optional":
        assignSpacing(e.then, s, elided);
        assignSpacing(e.else, s, elided);
        break;
      default:
        e.space = s.shouldEmitSpace || !s.lastWasPunctuation;
        s.lastWasPunctuation = false;
        s.shouldEmitSpace = true;
    }
  }
}

/**
 * Whether an attribute constraint is ODS's UnitAttr. The OpSpec contract has
 * no storage kind, so this goes by ODS's summary for UnitAttr.
 */
function isUnitConstraint(description: string): boolean {
  return description === "unit attribute";
}

/** Anchors ODS does not print: a unit attribute anchoring a group it does not start. */
function findElidedAnchors(spec: OpSpec, elements: readonly FormatElement[]): Set<FormatElement> {
  const out = new Set<FormatElement>();
  for (const e of elements) {
    if (e.kind !== "optional") continue;
    const a = e.anchor;
    if (a.kind === "attribute" && a !== e.then[0] && isUnitConstraint(spec.attributes[a.index]!.constraint.description)) out.add(a);
  }
  return out;
}

/**
 * Whether every operand and result group's types are known after parsing:
 * given by a directive, built from a single-type constraint, or derived by
 * a type relation from a known one. Returns the first group that is not.
 */
function findUnresolvedType(spec: OpSpec, typedOperands: boolean[], typedResults: boolean[], parsedAttributes: ReadonlySet<number>): string | undefined {
  const known = new Set<string>();
  // A required attribute the format parses gives its type (TypedAttr).
  for (const i of parsedAttributes) if (!spec.attributes[i]!.optional) known.add(spec.attributes[i]!.name);
  spec.operands.forEach((o, i) => typedOperands[i] && known.add(o.name));
  spec.results.forEach((r, i) => typedResults[i] && known.add(r.name));
  for (let changed = true; changed; ) {
    changed = false;
    for (const rel of spec.typeRelations)
      if (!known.has(rel.target) && known.has(rel.source)) {
        known.add(rel.target);
        changed = true;
      }
  }
  for (let i = 0; i < spec.operands.length; i++) {
    const o = spec.operands[i]!;
    if (!known.has(o.name) && !o.constraint.buildType)
      return `type of operand #${i}, named '${o.name}', is not buildable and a buildable type cannot be inferred`;
  }
  for (let i = 0; i < spec.results.length; i++) {
    const r = spec.results[i]!;
    if (!known.has(r.name) && !r.constraint.buildType)
      return `type of result #${i}, named '${r.name}', is not buildable and a buildable type cannot be inferred`;
  }
  return undefined;
}

/** Reads and checks `spec.assemblyFormat`. */
export function compileFormatProgram(spec: OpSpec, options: FormatOptions = {}): FormatProgram | FormatError {
  const text = spec.assemblyFormat ?? "";
  const reader = new FormatReader(spec);
  const elements = reader.read(text);
  if (elements instanceof FormatError) return elements;
  const customDirectives = options.customDirectives ?? new Map<string, CustomDirective>();
  for (const e of allElements(elements))
    if (e.kind === "custom" && !customDirectives.has(e.name)) return new FormatError(`unknown custom directive '${e.name}'`, e.column);
  if (!reader.sawAttrDict) return new FormatError("'attr-dict' directive not found in custom assembly format", 1);
  if (!reader.sawAllOperands)
    for (let i = 0; i < spec.operands.length; i++)
      if (!reader.seenOperands.has(i)) return new FormatError(`operand #${i}, named '${spec.operands[i]!.name}', not found`, 1);
  if (!reader.sawAllRegions)
    for (let i = 0; i < spec.regions.length; i++)
      if (!reader.seenRegions.has(i)) return new FormatError(`region #${i}, named '${spec.regions[i]!.name}', not found`, 1);
  if (!reader.sawAllSuccessors)
    for (let i = 0; i < spec.successors.length; i++)
      if (!reader.seenSuccessors.has(i)) return new FormatError(`successor #${i}, named '${spec.successors[i]!.name}', not found`, 1);
  const typedOperands = spec.operands.map((_, i) => reader.sawAllOperandTypes || reader.typedOperands.has(i));
  const typedResults = spec.results.map((_, i) => reader.sawAllResultTypes || reader.typedResults.has(i));
  const unresolved = findUnresolvedType(spec, typedOperands, typedResults, reader.seenAttributes);
  if (unresolved) return new FormatError(unresolved, 1);
  const elidedAnchors = findElidedAnchors(spec, elements);
  assignSpacing(elements, { shouldEmitSpace: true, lastWasPunctuation: false }, elidedAnchors);
  const elidedAttrs: string[] = [];
  for (const i of reader.seenAttributes) elidedAttrs.push(spec.attributes[i]!.name);
  const operandSegments = spec.operands.filter((o) => o.arity !== "single").length > 1;
  const resultSegments = spec.results.filter((r) => r.arity !== "single").length > 1;
  if (operandSegments) elidedAttrs.push("operandSegmentSizes");
  if (resultSegments) elidedAttrs.push("resultSegmentSizes");
  const relations: ResolvedRelation[] = [];
  for (const relation of spec.typeRelations) {
    const target = groupNamed(spec, relation.target);
    const source = groupNamed(spec, relation.source);
    if (target && source) relations.push({ target, source, relation });
    else if (target && spec.attributes.some((a) => a.name === relation.source)) relations.push({ target, source: undefined, sourceAttribute: relation.source, relation });
  }
  return {
    operandArities: spec.operands.map((o) => o.arity),
    resultArities: spec.results.map((r) => r.arity),
    successorArities: spec.successors.map((x) => (x.variadic ? "variadic" : "single")),
    regionArities: spec.regions.map((x) => (x.variadic ? "variadic" : "single")),
    relations,
    spec,
    elements,
    customDirectives,
    elidedAttrs,
    operandSegments,
    resultSegments,
    hasPropDict: reader.sawPropDict,
    typedOperands,
    typedResults,
    elidedAnchors,
  };
}

/** Compiles `spec.assemblyFormat` into parse and print hooks, or a FormatError naming the column. */
export function compileAssemblyFormat(spec: OpSpec, options: FormatOptions = {}): CompiledFormat | FormatError {
  const program = compileFormatProgram(spec, options);
  if (program instanceof FormatError) return program;
  return {
    parseAssembly: (parser, state) => parseWithFormat(program, parser, state),
    printAssembly: (printer, op) => printWithFormat(program, printer, op),
  };
}

/** The diagnostic text for a format error: `'<op>' assembly format, column N: message`. */
export function describeFormatError(opName: string, e: FormatError): string {
  return `'${opName}' assembly format, column ${e.column}: ${e.message}`;
}

/** Every element, nested ones included (optional groups, qualified, custom arguments). */
export function* allElements(elements: readonly FormatElement[]): Generator<FormatElement> {
  for (const e of elements) {
    yield e;
    if (e.kind === "optional") {
      yield* allElements(e.then);
      yield* allElements(e.else);
    } else if (e.kind === "qualified") {
      yield e.inner;
    } else if (e.kind === "custom") {
      yield* allElements(e.args);
    }
  }
}

//===----------------------------------------------------------------------===//
// Groups of operands, results, regions and successors
//===----------------------------------------------------------------------===//

/** The i32 entries of the segment-sizes property `name` of `op`, or undefined. */
export function segmentSizes(op: Operation, name: string): number[] | undefined {
  return readSegmentSizes(op.getAttr(name));
}

/**
 * Splits `items` into groups by arity: from the segment sizes when given,
 * else single groups take one each and the one non-single group the rest.
 */
export function splitGroups<T>(items: readonly T[], arities: readonly string[], sizes: readonly number[] | undefined): T[][] {
  const out: T[][] = [];
  if (sizes && sizes.length === arities.length) {
    let start = 0;
    for (const n of sizes) {
      out.push(items.slice(start, start + n));
      start += n;
    }
    return out;
  }
  let numSingle = 0;
  for (const a of arities) if (a === "single") numSingle++;
  const rest = Math.max(0, items.length - numSingle);
  let start = 0;
  for (const a of arities) {
    const n = a === "single" ? 1 : rest;
    out.push(items.slice(start, start + n));
    start += n;
  }
  return out;
}

/** `relation.transform` applied to `source` (TypesMatchWith's transformer). */
export function applyTypeRelation(ctx: Context, relation: TypeRelation, source: Type): Type {
  if (relation.transform === "same") return source;
  const i1 = IntegerType.get(ctx, 1);
  if (source instanceof RankedTensorType) return RankedTensorType.get(ctx, source.shape, i1);
  if (source instanceof UnrankedTensorType) return UnrankedTensorType.get(ctx, i1);
  if (source instanceof VectorType) return VectorType.get(ctx, source.shape, i1, source.scalableDims);
  return i1;
}
