// Hooks of the cf dialect (dialects/cf.yaml): BranchOpInterface for `cf.br`
// and `cf.cond_br` (which operands feed which successor) and its
// successor-operand check, with mlir-opt 22's wording. Counts, segment sizes
// and the condition's type are checked from the YAML.

import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import type { Value } from "../src/ir/value.js";
import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { readSegmentSizes, segmentSizesAttr } from "../src/ir/segment-sizes.js";
import { branchCanonicalizationPatterns, condBranchCanonicalizationPatterns } from "./cf-patterns.js";

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

/** `cf.cond_br`'s segment sizes; an absent property is all zeros, as MLIR default-initialises it. */
function segmentSizes(op: Operation): number[] {
  return readSegmentSizes(op.getAttr("operandSegmentSizes")) ?? [0, 0, 0];
}

/** Stores `sizes` as the `operandSegmentSizes` property. */
function setSegmentSizes(op: Operation, sizes: readonly number[]): void {
  op.setProperty("operandSegmentSizes", segmentSizesAttr(op.context, sizes));
}

export const hooks: DialectHooks = {
  ops: {
    br: {
      branch: {
        successorOperands: (op) => ({ start: 0, length: op.numOperands }),
        eraseSuccessorOperand: (op, _index, position) => op.setOperands(operandsWithout(op, position)),
        appendSuccessorOperands: (op, _index, values) => op.setOperands([...op.getOperands(), ...values]),
      },
      verify: (op) => verifySuccessorOperands(op, 0, 0, op.numOperands),
      canonicalizationPatterns: branchCanonicalizationPatterns,
    },
    cond_br: {
      branch: {
        successorOperands(op, index) {
          const sizes = segmentSizes(op);
          return index === 0 ? { start: sizes[0]!, length: sizes[1]! } : { start: sizes[0]! + sizes[1]!, length: sizes[2]! };
        },
        eraseSuccessorOperand(op, index, position) {
          const sizes = segmentSizes(op);
          const start = index === 0 ? sizes[0]! : sizes[0]! + sizes[1]!;
          op.setOperands(operandsWithout(op, start + position));
          sizes[index + 1]!--;
          setSegmentSizes(op, sizes);
        },
        appendSuccessorOperands(op, index, values) {
          const sizes = segmentSizes(op);
          const end = sizes[0]! + sizes[1]! + (index === 0 ? 0 : sizes[2]!);
          const operands = op.getOperands();
          operands.splice(end, 0, ...values);
          op.setOperands(operands);
          sizes[index + 1]! += values.length;
          setSegmentSizes(op, sizes);
        },
      },
      canonicalizationPatterns: condBranchCanonicalizationPatterns,
      verify(op) {
        const sizes = segmentSizes(op);
        const r = verifySuccessorOperands(op, 0, sizes[0]!, sizes[1]!);
        if (r.failed) return r;
        return verifySuccessorOperands(op, 1, sizes[0]! + sizes[1]!, sizes[2]!);
      },
    },
  },
};
