// The generic invariant verifier: what MLIR's ODS generates as an op's
// verifyInvariants, computed from its OpSpec and trait list instead. Order
// and wording are mlir-opt 22's: the count traits (regions, results,
// successors, operands), then OpInvariants (required attributes in name
// order, attribute constraints in declaration order, segment sizes, operand,
// result and region constraints), then the declared traits in order.

import { IntegerType, RankedTensorType, ShapedType, UnrankedTensorType, VectorType } from "../ir/builtin-types.js";
import { Severity } from "../ir/diagnostics.js";
import { success, type LogicalResult } from "../ir/logical-result.js";
import { readSegmentSizes } from "../ir/segment-sizes.js";
import type { OperandSpec, OpSpec, ResultSpec, TypeRelation } from "../ir/op-spec.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";
import { printAttributeForDiagnostic, printTypeForDiagnostic } from "../syntax/type-attr-printer.js";
import type { TraitDecl } from "./dialect-decl.js";

const quote = (t: Type): string => `'${printTypeForDiagnostic(t)}'`;

/** The verifier of one op kind; build once per definition. */
export function makeInvariantVerifier(spec: OpSpec, traits: readonly TraitDecl[]): (op: Operation) => LogicalResult {
  const hasTrait = (name: string): boolean => traits.some((t) => t.name === name);
  const operandSegments = hasTrait("AttrSizedOperandSegments");
  const resultSegments = hasTrait("AttrSizedResultSegments");
  const requiredAttrs = spec.attributes.filter((a) => !a.optional).map((a) => a.name).sort();
  const isTerminator = hasTrait("Terminator");
  const checkTraits = traits.map((t) => traitCheck(spec, t)).filter((c) => c !== undefined);
  // Most ops have only single groups and fixed counts: one comparison per list, no size arrays.
  const single = (g: { arity: string }): boolean => g.arity === "single";
  const fixedShape =
    spec.operands.every(single) && spec.results.every(single) && !spec.regions.some((r) => r.variadic) && !spec.successors.some((r) => r.variadic);
  const numOperands = spec.operands.length;
  const numResults = spec.results.length;
  const numRegions = spec.regions.length;
  const numSuccessors = spec.successors.length;
  const operandConstraints = spec.operands.map((g) => g.constraint);
  const resultConstraints = spec.results.map((g) => g.constraint);
  // Only some ops constrain a region to one block; the others skip the region loop.
  const singleBlockRegions = spec.regions.some((r) => r.singleBlock);
  const counts = fixedCounts(spec);
  // Group sizes of the op being verified: reused, since they never outlive one call.
  const operandSizes: number[] = new Array<number>(spec.operands.length).fill(0);
  const resultSizes: number[] = new Array<number>(spec.results.length).fill(0);
  return (op) => {
    const fastCounts =
      fixedShape &&
      op.numOperands === numOperands &&
      op.results.length === numResults &&
      op.regions.length === numRegions &&
      op.successors.length === numSuccessors;
    if (!fastCounts) {
      const checked = verifyCounts(op, spec, counts);
      if (checked.failed) return checked;
    }
    for (let i = 0; i < requiredAttrs.length; i++)
      if (op.getAttr(requiredAttrs[i]!) === undefined) return op.emitOpError(`requires attribute '${requiredAttrs[i]}'`);
    for (let i = 0; i < spec.attributes.length; i++) {
      const a = spec.attributes[i]!;
      const v = op.getAttr(a.name);
      // MLIR rejects these while converting parsed properties, so its message has no "see current operation" note.
      if (v !== undefined && !a.constraint.holds(v))
        return op.context.diagnostics.emit(
          Severity.Error,
          op.loc,
          `'${op.name.name}' op attribute '${a.name}' failed to satisfy constraint: ${a.constraint.description}`,
        );
    }
    if (fastCounts) {
      for (let i = 0; i < numOperands; i++) {
        const c = operandConstraints[i]!;
        const t = op.getOperand(i).type;
        if (!c.holds(t)) return op.emitOpError(`operand #${i} must be ${c.description}, but got ${quote(t)}`);
      }
      const results = op.results;
      for (let i = 0; i < numResults; i++) {
        const c = resultConstraints[i]!;
        const t = results[i]!.type;
        if (!c.holds(t)) return op.emitOpError(`result #${i} must be ${c.description}, but got ${quote(t)}`);
      }
    } else {
      const sizedOperands = groupSizes(op, spec.operands, counts.operands, op.numOperands, operandSegments ? "operandSegmentSizes" : undefined, "operand", operandSizes);
      if (sizedOperands.failed) return sizedOperands;
      const sizedResults = groupSizes(op, spec.results, counts.results, op.numResults, resultSegments ? "resultSegmentSizes" : undefined, "result", resultSizes);
      if (sizedResults.failed) return sizedResults;
      const operands = verifyValueTypes(op, spec.operands, operandSizes, "operand");
      if (operands.failed) return operands;
      const results = verifyValueTypes(op, spec.results, resultSizes, "result");
      if (results.failed) return results;
    }
    if (singleBlockRegions)
      for (let i = 0; i < op.regions.length && i < numRegions; i++) {
        const r = spec.regions[spec.regions[i]!.variadic ? numRegions - 1 : i]!;
        const region = op.regions[i]!;
        if (r.singleBlock && (region.entryBlock === null || region.entryBlock !== region.lastBlock))
          return op.emitOpError(`region #${i} ('${r.name}') failed to verify constraint: region with 1 blocks`);
      }
    for (let i = 0; i < checkTraits.length; i++) {
      const r = checkTraits[i]!(op);
      if (r.failed) return r;
    }
    if (isTerminator && op.parent?.last !== op) return op.emitOpError("must be the last operation in the parent block");
    return success();
  };
}

/** How many regions, results, successors and operands of an op kind are fixed (not variadic or optional). */
interface FixedCounts {
  regions: number;
  results: number;
  successors: number;
  operands: number;
}

function fixedCounts(spec: OpSpec): FixedCounts {
  return {
    regions: spec.regions.filter((r) => !r.variadic).length,
    results: spec.results.filter((g) => g.arity === "single").length,
    successors: spec.successors.filter((s) => !s.variadic).length,
    operands: spec.operands.filter((g) => g.arity === "single").length,
  };
}

/** ODS's count traits: ZeroRegions/OneRegion/NRegions/AtLeastNRegions, then results, successors, operands. */
function verifyCounts(op: Operation, spec: OpSpec, counts: FixedCounts): LogicalResult {
  const fixedRegions = counts.regions;
  const n = op.numRegions;
  if (fixedRegions === spec.regions.length) {
    if (fixedRegions === 0 && n !== 0) return op.emitOpError("requires zero regions");
    if (fixedRegions === 1 && n !== 1) return op.emitOpError("requires one region");
    if (fixedRegions > 1 && n !== fixedRegions) return op.emitOpError(`expected ${fixedRegions} regions`);
  } else if (n < fixedRegions) return op.emitOpError(`expected at least ${fixedRegions} regions`);

  const results = verifyValueCount(op, spec.results.length, counts.results, op.numResults, "requires one result", "result");
  if (results.failed) return results;

  const fixedSuccessors = counts.successors;
  const s = op.numSuccessors;
  if (fixedSuccessors === spec.successors.length) {
    if (s !== fixedSuccessors)
      return op.emitOpError(`requires ${fixedSuccessors} successor${fixedSuccessors === 1 ? "" : "s"} but found ${s}`);
  } else if (s < fixedSuccessors) return op.emitOpError(`requires at least ${fixedSuccessors} successors but found ${s}`);

  return verifyValueCount(op, spec.operands.length, counts.operands, op.numOperands, "requires a single operand", "operand");
}

/** ZeroX/OneX/NX/AtLeastNX for operands or results: `requiresOne` is ODS's wording for exactly one. */
function verifyValueCount(
  op: Operation,
  numGroups: number,
  fixed: number,
  actual: number,
  requiresOne: string,
  noun: "operand" | "result",
): LogicalResult {
  if (fixed !== numGroups)
    return actual < fixed ? op.emitOpError(`expected ${fixed} or more ${noun}s, but found ${actual}`) : success();
  if (actual === fixed) return success();
  if (fixed === 0) return op.emitOpError(`requires zero ${noun}s`);
  return op.emitOpError(fixed === 1 ? requiresOne : `expected ${fixed} ${noun}s, but found ${actual}`);
}


/**
 * How many values each group binds, written into `sizes`: from the
 * segment-sizes property when the op has one (absent means all zeros, as
 * MLIR default-initialises it), else the single optional/variadic group takes
 * what the `fixed` single groups leave.
 */
function groupSizes(
  op: Operation,
  groups: readonly (OperandSpec | ResultSpec)[],
  fixed: number,
  total: number,
  segmentAttr: string | undefined,
  kind: "operand" | "result",
  sizes: number[],
): LogicalResult {
  if (segmentAttr !== undefined) {
    const segments = readSegmentSizes(op.getAttr(segmentAttr)) ?? groups.map(() => 0);
    // MLIR rejects a wrong-sized array while converting parsed properties: no "see current operation" note.
    if (segments.length !== groups.length)
      return op.context.diagnostics.emit(
        Severity.Error,
        op.loc,
        `invalid properties ${op.properties ? printAttributeForDiagnostic(op.properties) : "{}"} for op ${op.name.name}: ` +
          `size mismatch in attribute conversion: ${segments.length} vs ${groups.length}`,
      );
    let sum = 0;
    for (let i = 0; i < segments.length; i++) sum += segments[i]!;
    if (sum !== total)
      return op.emitOpError(`${kind} count (${total}) does not match with the total size (${sum}) specified in attribute '${segmentAttr}'`);
    for (let i = 0; i < segments.length; i++) sizes[i] = segments[i]!;
    return success();
  }
  let first = 0;
  for (let i = 0; i < groups.length; i++) {
    const arity = groups[i]!.arity;
    const n = arity === "single" ? 1 : total - fixed;
    if (arity === "optional" && n > 1) return op.emitOpError(`${kind} group starting at #${first} requires 0 or 1 element, but found ${n}`);
    sizes[i] = n;
    first += n;
  }
  return success();
}

function verifyValueTypes(
  op: Operation,
  groups: readonly (OperandSpec | ResultSpec)[],
  sizes: readonly number[],
  kind: "operand" | "result",
): LogicalResult {
  let index = 0;
  for (let g = 0; g < groups.length; g++) {
    const c = groups[g]!.constraint;
    for (let i = 0; i < sizes[g]!; i++, index++) {
      const t = kind === "operand" ? op.getOperand(index).type : op.getResult(index).type;
      if (!c.holds(t)) return op.emitOpError(`${kind} #${index} must be ${c.description}, but got ${quote(t)}`);
    }
  }
  return success();
}

/**
 * Reads the type named `name` on an op of `spec`: a single operand or
 * result, or a typed attribute's type. The name is resolved once, here.
 */
function namedTypeReader(spec: OpSpec, name: string): (op: Operation) => Type | undefined {
  const operand = spec.operands.findIndex((o) => o.name === name);
  if (operand >= 0) return (op) => (operand < op.numOperands ? op.getOperand(operand).type : undefined);
  const result = spec.results.findIndex((r) => r.name === name);
  if (result >= 0) return (op) => (result < op.numResults ? op.getResult(result).type : undefined);
  return (op) => op.getAttr(name)?.type;
}

/** The type `relation` requires of its target, given its source's type. */
export function relatedType(relation: TypeRelation, source: Type): Type {
  if (relation.transform === "same") return source;
  const i1 = IntegerType.get(source.context, 1);
  if (source instanceof VectorType) return VectorType.get(source.context, source.shape, i1, source.scalableDims);
  if (source instanceof RankedTensorType) return RankedTensorType.get(source.context, source.shape, i1, source.encoding);
  if (source instanceof UnrankedTensorType) return UnrankedTensorType.get(source.context, i1);
  return i1;
}

/** A shape as text: "" for scalars, "*" for unranked, else the dimensions. */
function shapeKey(t: Type): string {
  if (!(t instanceof ShapedType)) return "";
  const shape = t.shape;
  return shape === undefined ? "*" : shape.join("x") + "x";
}

/** The check a declared trait adds after OpInvariants, or undefined for traits checked elsewhere (or not at all). */
function traitCheck(spec: OpSpec, trait: TraitDecl): ((op: Operation) => LogicalResult) | undefined {
  switch (trait.name) {
    case "SameOperandsAndResultType":
      return (op) => {
        const first = op.numResults ? op.getResult(0).type : op.numOperands ? op.getOperand(0).type : undefined;
        for (let i = 0; i < op.numResults; i++) if (op.getResult(i).type !== first) return op.emitOpError("requires the same type for all operands and results");
        for (let i = 0; i < op.numOperands; i++)
          if (op.getOperand(i).type !== first) return op.emitOpError("requires the same type for all operands and results");
        return success();
      };
    case "SameTypeOperands":
      return (op) => {
        for (let i = 1; i < op.numOperands; i++)
          if (op.getOperand(i).type !== op.getOperand(0).type) return op.emitOpError("requires all operands to have the same type");
        return success();
      };
    case "SameOperandsAndResultShape":
      return (op) => {
        const types: Type[] = [];
        for (let i = 0; i < op.numOperands; i++) types.push(op.getOperand(i).type);
        for (const r of op.results) types.push(r.type);
        const first = types.length ? shapeKey(types[0]!) : "";
        for (const t of types) if (shapeKey(t) !== first) return op.emitOpError("requires the same shape for all operands and results");
        return success();
      };
    case "AllTypesMatch": {
      const names = trait.args;
      const message = `failed to verify that all of {${names.join(", ")}} have same type`;
      const readers = names.map((name) => namedTypeReader(spec, name));
      return (op) => {
        const first = readers[0]!(op);
        for (let i = 1; i < readers.length; i++) if (first === undefined || readers[i]!(op) !== first) return op.emitOpError(message);
        return success();
      };
    }
    case "TypesMatchWith": {
      const [source, target, transform] = trait.args as [string, string, TypeRelation["transform"]];
      const relation: TypeRelation = { source, target, transform };
      const message =
        transform === "same" ? `failed to verify that ${target} type matches ${source} type` : `failed to verify that ${target} type has i1 element type and same shape as operands`;
      const readSource = namedTypeReader(spec, source);
      const readTarget = namedTypeReader(spec, target);
      return (op) => {
        const s = readSource(op);
        if (s === undefined || readTarget(op) !== relatedType(relation, s)) return op.emitOpError(message);
        return success();
      };
    }
    case "HasParent": {
      const names = trait.args;
      const message = names.length === 1 ? `expects parent op '${names[0]}'` : `expects parent op to be one of '${names.join(", ")}'`;
      return (op) => {
        const parent = op.parentOp;
        if (parent === null || !names.includes(parent.name.name)) return op.emitOpError(message);
        return success();
      };
    }
    case "NoRegionArguments":
      return (op) => {
        for (let i = 0; i < op.numRegions; i++) {
          const entry = op.regions[i]!.entryBlock;
          if (entry && entry.numArguments !== 0)
            return op.emitOpError(op.numRegions === 1 ? "region should have no arguments" : `region #${i} should have no arguments`);
        }
        return success();
      };
    default:
      return undefined;
  }
}

/**
 * SingleBlockImplicitTerminator<T>'s region check (run after the regions
 * verified, as MLIR's verifyRegionTrait): each non-empty region ends with `T`.
 */
export function makeImplicitTerminatorCheck(terminator: string): (op: Operation) => LogicalResult {
  return (op) => {
    for (const region of op.regions) {
      const last = region.entryBlock?.last;
      if (!last || last.name.name === terminator) continue;
      const diag = op.emitOpError(`expects regions to end with '${terminator}', found '${last.name.name}'`);
      diag.attachNote(`in custom textual format, the absence of terminator implies '${terminator}'`);
      return diag;
    }
    return success();
  };
}
