// The aggressive level of region simplification (MLIR's RegionUtils):
// merging blocks that do the same thing with different outside values
// (those values become new block arguments), and dropping block arguments
// that every predecessor feeds with the same value.

import type { Block } from "../ir/block.js";
import type { Operation } from "../ir/operation.js";
import type { PatternRewriter } from "../ir/pattern-match.js";
import type { Region } from "../ir/region.js";
import { BlockArgument, type OpResult, type Value } from "../ir/value.js";

/** The block in which `v` is defined. */
function definingBlock(v: Value): Block | null {
  return v instanceof BlockArgument ? v.owner : v.definingOp!.parent;
}

/** Whether an op outside `block` uses `v`. */
function usedOutside(v: Value, block: Block): boolean {
  for (const use of v.uses()) if (use.owner.parent !== block) return true;
  return false;
}

/** `op` and `other` are the same computation, ignoring locations and which values they use (MLIR's OperationEquivalence with ignoreValueEquivalence). */
function sameShape(op: Operation, other: Operation): boolean {
  if (
    op.name !== other.name ||
    op.attributes !== other.attributes ||
    op.properties !== other.properties ||
    op.regions.length !== other.regions.length ||
    op.successors.length !== other.successors.length ||
    op.operands.length !== other.operands.length ||
    op.results.length !== other.results.length
  )
    return false;
  for (let i = 0; i < op.operands.length; i++) if (op.operands[i]!.value.type !== other.operands[i]!.value.type) return false;
  for (let i = 0; i < op.results.length; i++) if (op.results[i]!.type !== other.results[i]!.type) return false;
  return true;
}

/** A block's ops, and the position of each value it defines (arguments first, then results in op order). */
class BlockShape {
  readonly ops: Operation[] = [];
  private readonly position = new Map<Operation, number>();
  constructor(readonly block: Block) {
    let next = block.args.length;
    for (let op = block.first; op; op = op.next) {
      this.ops.push(op);
      if (op.results.length) {
        this.position.set(op, next);
        next += op.results.length;
      }
    }
  }
  positionOf(v: Value): number {
    return v instanceof BlockArgument ? v.index : this.position.get(v.definingOp!)! + (v as OpResult).index;
  }
}

/** A result of the block's branch terminator can't be forwarded to a successor that the terminator's block branches to. */
function forwardable(block: Block, v: Value): boolean {
  const def = v.definingOp;
  const from = definingBlock(v);
  if (!def || !from || def !== from.last) return true;
  for (let u = block.firstUse; u; u = u.nextUse) if (u.owner.parent === from) return false;
  return true;
}

/** One leader block and the blocks found identical to it, with the operand positions (op index, operand index) that differ. */
class MergeCluster {
  readonly members: BlockShape[] = [];
  /** Differing operands, each once, in the order first found. */
  readonly differing: [number, number][] = [];
  private readonly seen = new Set<number>();
  constructor(readonly leader: BlockShape) {}

  /** Adds `candidate` when it does what the leader does. */
  tryAdd(candidate: BlockShape): boolean {
    const a = this.leader;
    const b = candidate;
    if (a.ops.length !== b.ops.length || a.block.args.length !== b.block.args.length) return false;
    for (let i = 0; i < a.block.args.length; i++) if (a.block.args[i]!.type !== b.block.args[i]!.type) return false;
    const found: [number, number][] = [];
    for (let i = 0; i < a.ops.length; i++) {
      const x = a.ops[i]!;
      const y = b.ops[i]!;
      if (!sameShape(x, y)) return false;
      for (let k = 0; k < x.operands.length; k++) {
        const u = x.operands[k]!.value;
        const v = y.operands[k]!.value;
        if (u === v) continue;
        const uInside = definingBlock(u) === a.block;
        if (uInside !== (definingBlock(v) === b.block)) return false;
        if (!uInside) {
          if (!forwardable(a.block, u) || !forwardable(b.block, v)) return false;
          found.push([i, k]);
        } else if (a.positionOf(u) !== b.positionOf(v)) return false;
      }
      // A result used elsewhere would stand for whichever block ran: no single op can replace both.
      for (const r of x.results) if (usedOutside(r, a.block)) return false;
      for (const r of y.results) if (usedOutside(r, b.block)) return false;
    }
    for (const [i, k] of found) {
      const key = i * 0x10000 + k;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.differing.push([i, k]);
    }
    this.members.push(candidate);
    return true;
  }

  /** Merges the members into the leader. False when there is nothing to merge or a predecessor can't take new operands. */
  merge(rewriter: PatternRewriter): boolean {
    if (!this.members.length) return false;
    const all = [this.leader, ...this.members];
    if (this.differing.length) {
      for (const s of all)
        for (let u = s.block.firstUse; u; u = u.nextUse) if (!u.owner.name.definition?.branch?.appendSuccessorOperands) return false;
      // Each block's differing values become arguments of the leader, passed by
      // its predecessors; operands that differ in the same way share one argument.
      const passed: Value[][] = all.map(() => []);
      const argFor = new Map<string, BlockArgument>();
      const valueIds = new Map<Value, number>();
      const idOf = (v: Value): number => {
        let id = valueIds.get(v);
        if (id === undefined) valueIds.set(v, (id = valueIds.size));
        return id;
      };
      for (const [i, k] of this.differing) {
        const values = all.map((s) => s.ops[i]!.operands[k]!.value);
        const key = values.map(idOf).join(",");
        let arg = argFor.get(key);
        if (!arg) {
          const v = values[0]!;
          arg = this.leader.block.addArgument(v.type, v instanceof BlockArgument ? v.loc : v.definingOp!.loc);
          argFor.set(key, arg);
          values.forEach((x, n) => passed[n]!.push(x));
        }
        this.leader.ops[i]!.operands[k]!.set(arg);
      }
      all.forEach((s, n) => {
        for (const u of [...s.block.predecessorUses()]) u.owner.name.definition!.branch!.appendSuccessorOperands!(u.owner, u.index, passed[n]!);
      });
    }
    for (const s of this.members) {
      for (const u of [...s.block.predecessorUses()]) u.set(this.leader.block);
      rewriter.eraseBlock(s.block);
    }
    return true;
  }
}

/** Merges identical non-entry blocks of `region` that branch to the same successors. */
function mergeIdenticalBlocksIn(rewriter: PatternRewriter, region: Region): boolean {
  const entry = region.entryBlock;
  if (!entry || entry === region.lastBlock) return false;
  // Group by successor list; the key is the successors' identities in order.
  const ids = new Map<Block, number>();
  const idOf = (b: Block): number => {
    let id = ids.get(b);
    if (id === undefined) ids.set(b, (id = ids.size));
    return id;
  };
  const groups = new Map<string, Block[]>();
  for (let b = entry.next; b; b = b.next) {
    const key = b.last ? b.last.successors.map((s) => idOf(s.block)).join(",") : "";
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(b);
  }
  let merged = false;
  for (const blocks of groups.values()) {
    if (blocks.length < 2) continue;
    const clusters: MergeCluster[] = [];
    for (const block of blocks) {
      let hasRegion = false;
      for (let op = block.first; op && !hasRegion; op = op.next) hasRegion = op.regions.some((r) => r.entryBlock !== null);
      if (hasRegion || block.args.some((a) => usedOutside(a, block))) continue;
      const shape = new BlockShape(block);
      if (!clusters.some((c) => c.tryAdd(shape))) clusters.push(new MergeCluster(shape));
    }
    for (const c of clusters) if (c.merge(rewriter)) merged = true;
  }
  return merged;
}

/** Nested regions of `region`'s ops, pushed onto `out`. */
export function pushNestedRegions(region: Region, out: Region[]): void {
  for (let b = region.entryBlock; b; b = b.next)
    for (let op = b.first; op; op = op.next) {
      const regions = op.regions;
      for (let i = 0; i < regions.length; i++) out.push(regions[i]!);
    }
}

/** MLIR's mergeIdenticalBlocks over `regions` and everything nested. Returns whether any block was merged. */
export function mergeIdenticalBlocks(rewriter: PatternRewriter, regions: readonly Region[]): boolean {
  let changed = false;
  const work = [...regions];
  const queued = new Set(work);
  while (work.length) {
    const region = work.pop()!;
    queued.delete(region);
    if (mergeIdenticalBlocksIn(rewriter, region)) {
      changed = true;
      work.push(region);
      queued.add(region);
    }
    const nested: Region[] = [];
    pushNestedRegions(region, nested);
    for (const r of nested)
      if (!queued.has(r)) {
        queued.add(r);
        work.push(r);
      }
  }
  return changed;
}

/** Drops the arguments of `block` that all its predecessors feed with one value. */
function dropRedundantArgumentsOf(rewriter: PatternRewriter, block: Block): boolean {
  const drop: number[] = [];
  for (const arg of block.args) {
    let common: Value | undefined;
    let same = true;
    for (let u = block.firstUse; u && same; u = u.nextUse) {
      const branch = u.owner.name.definition?.branch;
      if (!branch) {
        same = false;
        break;
      }
      const { start } = branch.successorOperands(u.owner, u.index);
      const v = u.owner.operands[start + arg.index]!.value;
      if (common === undefined) common = v;
      else if (v !== common) same = false;
    }
    // An argument fed only with itself (a loop that never changes it) has no outside value to use.
    if (common && same && common !== arg) {
      drop.push(arg.index);
      rewriter.replaceAllUsesWith(arg, common);
    }
  }
  for (let n = drop.length - 1; n >= 0; n--) {
    const index = drop[n]!;
    block.eraseArgument(index);
    for (let u = block.firstUse; u; u = u.nextUse) u.owner.name.definition!.branch!.eraseSuccessorOperand(u.owner, u.index, index);
  }
  return drop.length > 0;
}

/** MLIR's dropRedundantArguments over `regions` and everything nested. Returns whether any argument was dropped. */
export function dropRedundantArguments(rewriter: PatternRewriter, regions: readonly Region[]): boolean {
  let changed = false;
  const work = [...regions];
  while (work.length) {
    const region = work.pop()!;
    for (let b = region.entryBlock; b; b = b.next) if (dropRedundantArgumentsOf(rewriter, b)) changed = true;
    pushNestedRegions(region, work);
  }
  return changed;
}
