// The cf dialect's ops (`cf.br`, `cf.cond_br`, `cf.switch` in cf-switch.ts, `cf.assert`), with MLIR's
// successor-operand checks (BranchOpInterface) and wording (mlir-opt 22).
// Their custom forms come from the declarative formats in format-specs.ts.

import { DictionaryAttr, StringAttr } from "../ir/builtin-attributes.js";
import { segmentSizes, segmentSizesAttr } from "../syntax/asm-format.js";
import { printTypeForDiagnostic } from "../syntax/type-attr-printer.js";
import { IntegerType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { success, type LogicalResult } from "../ir/logical-result.js";
import type { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";
import { OpTrait, type OpDefinition } from "../ir/operation-name.js";
import { AssertSpec, BranchSpec, CondBranchSpec, withAssemblyFormat } from "./format-specs.js";
import { SwitchOpDef } from "./cf-switch.js";

/**
 * BranchOpInterface's check: successor `index` receives operands
 * `[first, first + count)`, which must match its block arguments in number and type.
 */
function verifySuccessorOperands(op: Operation, index: number, first: number, count: number): LogicalResult {
  const block = op.getSuccessor(index);
  if (count !== block.numArguments)
    return op.emitError(`branch has ${count} operands for successor #${index}, but target block has ${block.numArguments}`);
  for (let i = 0; i < count; i++)
    if (op.getOperand(first + i).type !== block.args[i]!.type)
      return op.emitError(`type mismatch for bb argument #${i} of successor #${index}`);
  return success();
}

/** `op`'s operands without operand `index`. */
function operandsWithout(op: Operation, index: number): Value[] {
  const out = op.getOperands();
  out.splice(index, 1);
  return out;
}

/** `cf.br`: every operand goes to the single successor. */
export const BranchOpDef: OpDefinition = withAssemblyFormat({
  name: "cf.br",
  summary: "Unconditional branch to one successor, forwarding operands to it",
  traits: OpTrait.Terminator | OpTrait.Pure,
  branch: {
    successorOperands: (op) => ({ start: 0, length: op.numOperands }),
    eraseSuccessorOperand: (op, _index, position) => op.setOperands(operandsWithout(op, position)),
  },
  verify(op) {
    if (op.numSuccessors !== 1) return op.emitOpError(`requires 1 successor but found ${op.numSuccessors}`);
    return verifySuccessorOperands(op, 0, 0, op.numOperands);
  },
}, BranchSpec);

/** The i32 entries of the `operandSegmentSizes` property, or undefined when it is not an `array<i32: ...>`. */
function operandSegmentSizes(op: Operation): number[] | undefined {
  return segmentSizes(op, "operandSegmentSizes");
}

/** Stores `sizes` as the `operandSegmentSizes` property. */
function setSegmentSizes(op: Operation, sizes: readonly number[]): void {
  const value = segmentSizesAttr(op.context, sizes);
  const props = op.properties instanceof DictionaryAttr ? op.properties.entries.filter((e) => e.name !== "operandSegmentSizes") : [];
  op.properties = DictionaryAttr.get(op.context, [...props, { name: "operandSegmentSizes", value }]);
}

/** `cf.cond_br`: condition, then the operands of each successor, split by `operandSegmentSizes`. */
export const CondBranchOpDef: OpDefinition = withAssemblyFormat({
  name: "cf.cond_br",
  summary: "Two-way branch on an i1 condition, forwarding operands to each side",
  traits: OpTrait.Terminator | OpTrait.Pure,
  inherentAttrNames: ["operandSegmentSizes", "branch_weights"],
  branch: {
    successorOperands(op, index) {
      const sizes = operandSegmentSizes(op) ?? [0, 0, 0];
      return index === 0 ? { start: sizes[0]!, length: sizes[1]! } : { start: sizes[0]! + sizes[1]!, length: sizes[2]! };
    },
    eraseSuccessorOperand(op, index, position) {
      const sizes = operandSegmentSizes(op) ?? [0, 0, 0];
      const start = index === 0 ? sizes[0]! : sizes[0]! + sizes[1]!;
      op.setOperands(operandsWithout(op, start + position));
      sizes[index + 1]!--;
      setSegmentSizes(op, sizes);
    },
  },
  verify(op) {
    // An absent property is all zeros, as MLIR default-initialises it.
    const sizes = operandSegmentSizes(op) ?? [0, 0, 0];
    if (sizes.length !== 3)
      return op.emitOpError(`'operandSegmentSizes' attribute for specifying operand segments must have 3 elements, but got ${sizes.length}`);
    const total = sizes[0]! + sizes[1]! + sizes[2]!;
    if (total !== op.numOperands)
      return op.emitOpError(
        `operand count (${op.numOperands}) does not match with the total size (${total}) specified in attribute 'operandSegmentSizes'`,
      );
    if (op.numSuccessors !== 2) return op.emitOpError(`requires 2 successors but found ${op.numSuccessors}`);
    const r = verifySuccessorOperands(op, 0, sizes[0]!, sizes[1]!);
    if (r.failed) return r;
    return verifySuccessorOperands(op, 1, sizes[0]! + sizes[1]!, sizes[2]!);
  },
}, CondBranchSpec);

/**
 * `cf.assert`: ODS's checks (ZeroRegions, ZeroResults, ZeroSuccessors, one
 * operand, the `msg` string, an i1 operand) with mlir-opt's wording.
 */
function verifyAssert(op: Operation): LogicalResult {
  if (op.numRegions !== 0) return op.emitOpError("requires zero regions");
  if (op.numResults !== 0) return op.emitOpError("requires zero results");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
  if (op.numOperands !== 1) return op.emitOpError(`expected 1 operands, but found ${op.numOperands}`);
  const msg = op.getAttr("msg");
  if (msg === undefined) return op.emitOpError("requires attribute 'msg'");
  if (!(msg instanceof StringAttr)) return op.emitOpError("attribute 'msg' failed to satisfy constraint: string attribute");
  const t = op.getOperand(0).type;
  if (!(t instanceof IntegerType && t.width === 1 && t.isSignless))
    return op.emitOpError(`operand #0 must be 1-bit signless integer, but got '${printTypeForDiagnostic(t)}'`);
  return success();
}

/** `cf.assert %cond, "message"`: aborts with the message when the condition is false. */
export const AssertOpDef: OpDefinition = withAssemblyFormat(
  {
    name: "cf.assert",
    summary: "Assert operation with message attribute",
    traits: OpTrait.None,
    inherentAttrNames: ["msg"],
    verify: verifyAssert,
  },
  AssertSpec,
);

/** Registers `cf.br`, `cf.cond_br`, `cf.switch` and `cf.assert`; `cf` becomes a loaded dialect. */
export function registerControlFlowDialect(ctx: Context): void {
  ctx.registerOperation(BranchOpDef);
  ctx.registerOperation(CondBranchOpDef);
  ctx.registerOperation(SwitchOpDef);
  ctx.registerOperation(AssertOpDef);
}
