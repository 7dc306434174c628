// Region simplification run by the greedy driver (MLIR's RegionUtils):
// erasing blocks unreachable from their region's entry, and region DCE, a
// liveness fixpoint that erases dead ops and dead non-entry block arguments
// (with the successor operands feeding them, through BranchOpInterface).
// Iterative over nesting.

import type { Block } from "../ir/block.js";
import { dropRedundantArguments, mergeIdenticalBlocks, pushNestedRegions } from "./block-merging.js";
import { wouldOpBeTriviallyDead } from "../ir/side-effects.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import type { PatternRewriter } from "../ir/pattern-match.js";
import type { Region } from "../ir/region.js";
import { nextAnalysisMark, OpResult, type BlockArgument, type OpOperand, type Value } from "../ir/value.js";

/** Blocks reachable from `region`'s entry, in DFS post-order (MLIR's llvm::post_order). */
function postOrder(region: Region): Block[] {
  const entry = region.entryBlock;
  if (!entry) return [];
  const out: Block[] = [];
  const seen = new Set<Block>([entry]);
  const stack: { block: Block; next: number }[] = [{ block: entry, next: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const succs = top.block.last ? top.block.last.successors : [];
    if (top.next < succs.length) {
      const s = succs[top.next++]!.block;
      if (!seen.has(s)) {
        seen.add(s);
        stack.push({ block: s, next: 0 });
      }
      continue;
    }
    stack.pop();
    out.push(top.block);
  }
  return out;
}

/** Erases blocks that cannot be reached from their region's entry. Returns whether any was erased. */
export function eraseUnreachableBlocks(rewriter: PatternRewriter, regions: readonly Region[]): boolean {
  let erased = false;
  const work = [...regions];
  while (work.length) {
    const region = work.pop()!;
    const entry = region.entryBlock;
    if (!entry) continue;
    const reachable = new Set(postOrder(region));
    const dead: Block[] = [];
    for (let b: Block | null = entry; b; b = b.next) if (!reachable.has(b)) dead.push(b);
    // Dead blocks may use each other's values: drop all their uses before erasing any.
    for (const b of dead) for (let op = b.first; op; op = op.next) op.dropAllReferences();
    for (const b of dead) {
      rewriter.eraseBlock(b);
      erased = true;
    }
    pushNestedRegions(region, work);
  }
  return erased;
}

/**
 * What region DCE has proven live: ops and block arguments. An op result is
 * live exactly when its op is (MLIR tracks results through their owner).
 */
class LiveMap {
  changed = false;
  /** Ops and arguments proven live hold this mark (no Set: one field write per live op). */
  private readonly liveMark = nextAnalysisMark();
  isOpLive(op: Operation): boolean {
    return op.mark === this.liveMark;
  }
  isLive(x: Operation | Value): boolean {
    return (x instanceof OpResult ? x.owner : (x as Operation | BlockArgument)).mark === this.liveMark;
  }
  setLive(x: Operation | Value): void {
    const key = x instanceof OpResult ? x.owner : (x as Operation | BlockArgument);
    if (key.mark === this.liveMark) return;
    key.mark = this.liveMark;
    this.changed = true;
  }
}

/** The block argument a terminator's operand feeds, if the op says (BranchOpInterface). */
function successorArgumentOf(use: OpOperand): BlockArgument | undefined {
  const op = use.owner;
  const branch = op.name.definition?.branch;
  if (!branch) return undefined;
  for (let i = 0; i < op.successors.length; i++) {
    const { start, length } = branch.successorOperands(op, i);
    if (use.index >= start && use.index < start + length) return op.successors[i]!.block.args[use.index - start];
  }
  return undefined;
}

function processValue(v: Value, live: LiveMap): void {
  for (let use = v.useHead; use; use = use.nextUse) {
    const owner = use.owner;
    // A successor operand is an operand of the phi it feeds, not of the branch.
    if (owner.name.hasTrait(OpTrait.Terminator)) {
      const arg = successorArgumentOf(use);
      if (arg && !live.isLive(arg)) continue;
    }
    if (live.isOpLive(owner)) {
      live.setLive(v);
      return;
    }
  }
}

function propagateTerminator(op: Operation, live: LiveMap): void {
  live.setLive(op);
  const branch = op.name.definition?.branch;
  // Without BranchOpInterface the successors' arguments must all stay.
  if (!branch) for (const s of op.successors) for (const a of s.block.args) live.setLive(a);
}

/** A region being swept: its reachable blocks in post-order, and a cursor walking each block's ops backwards. */
interface SweepFrame {
  region: Region;
  blocks: Block[];
  blockIndex: number;
  op: Operation | null;
  /** Whether `op`'s nested regions were swept already. */
  opRegionsDone: boolean;
}

function sweepFrame(region: Region): SweepFrame {
  const blocks = postOrder(region);
  return { region, blocks, blockIndex: 0, op: blocks.length ? blocks[0]!.last : null, opRegionsDone: false };
}

/**
 * One sweep of MLIR's propagateLiveness over `regions`: blocks in post-order,
 * ops backwards (uses before definitions), nested regions before their op,
 * then the block's arguments (never the entry block's). Iterative.
 */
function propagate(regions: readonly Region[], live: LiveMap): void {
  for (const root of regions) {
    const stack: SweepFrame[] = [sweepFrame(root)];
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.blockIndex >= f.blocks.length) {
        stack.pop();
        continue;
      }
      const op = f.op;
      if (op === null) {
        const block = f.blocks[f.blockIndex]!;
        if (block !== f.region.entryBlock) for (const a of block.args) if (!live.isLive(a)) processValue(a, live);
        f.blockIndex++;
        f.op = f.blockIndex < f.blocks.length ? f.blocks[f.blockIndex]!.last : null;
        continue;
      }
      if (op.regions.length && !f.opRegionsDone) {
        f.opRegionsDone = true;
        for (let k = op.regions.length - 1; k >= 0; k--) stack.push(sweepFrame(op.regions[k]!));
        continue;
      }
      f.op = op.prev;
      f.opRegionsDone = false;
      if (op.name.hasTrait(OpTrait.Terminator)) propagateTerminator(op, live);
      else if (!live.isOpLive(op)) {
        if (!wouldOpBeTriviallyDead(op)) live.setLive(op);
        else for (let i = 0; i < op.results.length; i++) processValue(op.results[i]!, live);
      }
    }
  }
}

/** Removes the successor operands of `terminator` whose block arguments are dead. */
function eraseDeadSuccessorOperands(terminator: Operation, live: LiveMap): void {
  const branch = terminator.name.definition?.branch;
  if (!branch) return;
  for (let i = terminator.successors.length - 1; i >= 0; i--) {
    const { length } = branch.successorOperands(terminator, i);
    const args = terminator.successors[i]!.block.args;
    for (let k = length - 1; k >= 0; k--) if (k < args.length && !live.isLive(args[k]!)) branch.eraseSuccessorOperand(terminator, i, k);
  }
}

/** Erases what `live` does not hold. Returns whether anything was erased. */
function deleteDeadness(rewriter: PatternRewriter, regions: readonly Region[], live: LiveMap): boolean {
  let erased = false;
  const work = [...regions];
  while (work.length) {
    const region = work.pop()!;
    const entry = region.entryBlock;
    if (!entry) continue;
    const single = entry === region.lastBlock;
    for (const block of postOrder(region)) {
      if (!single && block.last) eraseDeadSuccessorOperands(block.last, live);
      for (let op = block.last; op; ) {
        const prev = op.prev;
        if (!live.isOpLive(op)) {
          // Graph regions may have use cycles among dead ops: unlink their uses first.
          for (let i = 0; i < op.results.length; i++)
            for (let use = op.results[i]!.useHead; use; ) {
              const next = use.nextUse;
              use.unlink();
              use = next;
            }
          rewriter.eraseOp(op);
          erased = true;
        } else {
          for (let i = 0; i < op.regions.length; i++) work.push(op.regions[i]!);
        }
        op = prev;
      }
    }
    for (let b = entry.next; b; b = b.next)
      for (let i = b.args.length - 1; i >= 0; i--)
        if (!live.isLive(b.args[i]!)) {
          b.eraseArgument(i);
          erased = true;
        }
  }
  return erased;
}

/** MLIR's runRegionDCE: liveness to a fixpoint, then deletion. Returns whether anything was erased. */
export function runRegionDCE(rewriter: PatternRewriter, regions: readonly Region[]): boolean {
  const live = new LiveMap();
  do {
    live.changed = false;
    propagate(regions, live);
  } while (live.changed);
  return deleteDeadness(rewriter, regions, live);
}

/**
 * MLIR's simplifyRegions: unreachable blocks, then region DCE, then with
 * `mergeBlocks` (the aggressive level) identical blocks and block arguments
 * fed one value. Returns whether anything changed.
 */
export function simplifyRegions(rewriter: PatternRewriter, regions: readonly Region[], mergeBlocks = false): boolean {
  const a = eraseUnreachableBlocks(rewriter, regions);
  const b = runRegionDCE(rewriter, regions);
  if (!mergeBlocks) return a || b;
  const c = mergeIdenticalBlocks(rewriter, regions);
  const d = dropRedundantArguments(rewriter, regions);
  return a || b || c || d;
}
