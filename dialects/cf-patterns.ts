// Canonicalization patterns of cf.br and cf.cond_br, as MLIR's
// ControlFlowOps define them: merging a block into its only predecessor,
// skipping blocks that only branch on, constant and repeated conditions,
// and identical successors (through arith.select where operands differ).

import type { Block } from "../src/ir/block.js";
import { DictionaryAttr, IntegerAttr } from "../src/ir/builtin-attributes.js";
import { segmentSizesAttr } from "../src/ir/segment-sizes.js";
import { IntegerType } from "../src/ir/builtin-types.js";
import { constantValue } from "../src/ir/fold.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { RewritePattern, type PatternRewriter } from "../src/ir/pattern-match.js";
import { BlockArgument, type Value } from "../src/ir/value.js";

const kBr = "cf.br";
const kCondBr = "cf.cond_br";

/** The operands `op` forwards to successor `index` (through its BranchOpInterface). */
function forwarded(op: Operation, index: number): Value[] {
  const { start, length } = op.name.definition!.branch!.successorOperands(op, index);
  const out: Value[] = [];
  for (let i = 0; i < length; i++) out.push(op.operands[start + i]!.value);
  return out;
}

function replaceWithBr(rewriter: PatternRewriter, op: Operation, dest: Block, operands: readonly Value[]): void {
  rewriter.setInsertionPoint(op);
  const br = rewriter.create(kBr, { operands, successors: [dest], loc: op.loc });
  rewriter.replaceOp(op, br.results);
}

function replaceWithCondBr(
  rewriter: PatternRewriter,
  op: Operation,
  trueDest: Block,
  trueOperands: readonly Value[],
  falseDest: Block,
  falseOperands: readonly Value[],
): void {
  const ctx = op.context;
  const segments = segmentSizesAttr(ctx, [1, trueOperands.length, falseOperands.length]);
  rewriter.setInsertionPoint(op);
  const br = rewriter.create(kCondBr, {
    operands: [op.operands[0]!.value, ...trueOperands, ...falseOperands],
    successors: [trueDest, falseDest],
    properties: DictionaryAttr.get(ctx, [{ name: "operandSegmentSizes", value: segments }]),
    loc: op.loc,
  });
  rewriter.replaceOp(op, br.results);
}

/**
 * When `dest` holds nothing but a `cf.br` whose operands are its arguments
 * or outside values, and does not loop to itself: where that branch goes,
 * with the operands it would pass given `operands` for `dest` (MLIR's
 * collapseBranch).
 */
function collapse(dest: Block, operands: readonly Value[]): { dest: Block; operands: Value[] } | undefined {
  const br = dest.first;
  if (!br || br !== dest.last || br.name.name !== kBr) return undefined;
  for (const a of dest.args) for (const use of a.uses()) if (use.owner !== br) return undefined;
  const next = br.successors[0]!.block;
  if (next === dest) return undefined;
  const mapped = br.getOperands().map((v) => (v instanceof BlockArgument && v.owner === dest ? operands[v.index]! : v));
  return { dest: next, operands: mapped };
}

/** `cf.br` to a block with no other predecessor: the block is merged into the branch's. */
class SimplifyBrToBlockWithSinglePred extends RewritePattern {
  constructor() {
    super(kBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const dest = op.successors[0]!.block;
    const block = op.parent!;
    if (dest === block || dest.singlePredecessor !== block) return failure();
    const operands = op.getOperands();
    rewriter.eraseOp(op);
    rewriter.mergeBlocks(dest, block, operands);
    return success();
  }
}

/** `cf.br` to a block that only branches on: branch straight to where it goes. */
class SimplifyPassThroughBr extends RewritePattern {
  constructor() {
    super(kBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const dest = op.successors[0]!.block;
    if (dest === op.parent) return failure();
    const c = collapse(dest, op.getOperands());
    if (!c) return failure();
    replaceWithBr(rewriter, op, c.dest, c.operands);
    return success();
  }
}

/** Whether constant `v` is zero (false) or not, or undefined when `v` is not an integer constant. */
function constantTruth(v: Value): boolean | undefined {
  const c = constantValue(v);
  return c instanceof IntegerAttr ? c.value !== 0n : undefined;
}

/** `cf.cond_br` on a constant: an unconditional branch to the side taken. */
class SimplifyConstCondBranchPred extends RewritePattern {
  constructor() {
    super(kCondBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const taken = constantTruth(op.operands[0]!.value);
    if (taken === undefined) return failure();
    const index = taken ? 0 : 1;
    replaceWithBr(rewriter, op, op.successors[index]!.block, forwarded(op, index));
    return success();
  }
}

/** `cf.cond_br` to blocks that only branch on: skip them. */
class SimplifyPassThroughCondBranch extends RewritePattern {
  constructor() {
    super(kCondBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const sides = [0, 1].map((i) => ({ dest: op.successors[i]!.block, operands: forwarded(op, i) }));
    const collapsed = sides.map((s) => collapse(s.dest, s.operands));
    if (!collapsed[0] && !collapsed[1]) return failure();
    const [t, f] = [0, 1].map((i) => collapsed[i] ?? sides[i]!);
    replaceWithCondBr(rewriter, op, t!.dest, t!.operands, f!.dest, f!.operands);
    return success();
  }
}

/** `cf.cond_br` whose two sides go to the same block: one branch, selecting operands that differ. */
class SimplifyCondBranchIdenticalSuccessors extends RewritePattern {
  constructor() {
    super(kCondBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const dest = op.successors[0]!.block;
    if (dest !== op.successors[1]!.block) return failure();
    const t = forwarded(op, 0);
    const f = forwarded(op, 1);
    if (t.every((v, i) => v === f[i])) {
      replaceWithBr(rewriter, op, dest, t);
      return success();
    }
    if (dest.uniquePredecessor !== op.parent) return failure();
    const cond = op.operands[0]!.value;
    rewriter.setInsertionPoint(op);
    const merged = t.map((v, i) =>
      v === f[i] ? v : rewriter.create("arith.select", { operands: [cond, v, f[i]!], results: [v.type], loc: op.loc }).results[0]!,
    );
    replaceWithBr(rewriter, op, dest, merged);
    return success();
  }
}

/** `cf.cond_br` in a block reached only from a `cf.cond_br` on the same condition: the side taken is known. */
class SimplifyCondBranchFromCondBranchOnSameCondition extends RewritePattern {
  constructor() {
    super(kCondBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const block = op.parent!;
    const pred = block.singlePredecessor;
    const predBr = pred?.last;
    if (!predBr || predBr.name.name !== kCondBr || predBr.operands[0]!.value !== op.operands[0]!.value) return failure();
    const index = predBr.successors[0]!.block === block ? 0 : 1;
    replaceWithBr(rewriter, op, op.successors[index]!.block, forwarded(op, index));
    return success();
  }
}

/** Uses of a `cf.cond_br`'s condition in a side reached only through it become constants. */
class CondBranchTruthPropagation extends RewritePattern {
  constructor() {
    super(kCondBr);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const cond = op.operands[0]!.value;
    const ctx = op.context;
    let replaced = false;
    for (const [index, truth] of [
      [0, true],
      [1, false],
    ] as const) {
      const dest = op.successors[index]!.block;
      if (!dest.singlePredecessor) continue;
      let constant: Value | undefined;
      for (const use of [...cond.uses()]) {
        if (use.owner.parent !== dest) continue;
        replaced = true;
        if (!constant) {
          rewriter.setInsertionPoint(op);
          const i1 = IntegerType.get(ctx, 1);
          constant = rewriter.create("arith.constant", {
            results: [i1],
            properties: DictionaryAttr.get(ctx, [{ name: "value", value: IntegerAttr.get(ctx, i1, truth ? 1n : 0n) }]),
            loc: op.loc,
          }).results[0]!;
        }
        const c = constant;
        rewriter.modifyOpInPlace(use.owner, () => use.set(c));
      }
    }
    return replaced ? success() : failure();
  }
}

/** cf.br's canonicalization patterns, in MLIR's order. */
export function branchCanonicalizationPatterns(): RewritePattern[] {
  return [new SimplifyBrToBlockWithSinglePred(), new SimplifyPassThroughBr()];
}

/** cf.cond_br's canonicalization patterns, in MLIR's order. */
export function condBranchCanonicalizationPatterns(): RewritePattern[] {
  return [
    new SimplifyConstCondBranchPred(),
    new SimplifyPassThroughCondBranch(),
    new SimplifyCondBranchIdenticalSuccessors(),
    new SimplifyCondBranchFromCondBranchOnSameCondition(),
    new CondBranchTruthPropagation(),
  ];
}
