// Dominance: per-region dominator (and post-dominator) trees over the block
// CFG, and MLIR's SSA dominance queries across nested regions and graph regions.

import type { Block } from "./block.js";
import type { Operation } from "./operation.js";
import { RegionKind } from "./operation-name.js";
import type { Region } from "./region.js";
import { BlockArgument, type Value } from "./value.js";

//===----------------------------------------------------------------------===//
// Dominator tree construction
//===----------------------------------------------------------------------===//

/**
 * Immediate dominators of a graph given as CSR successor lists, by the
 * Cooper–Harvey–Kennedy iterative algorithm ("A Simple, Fast Dominance
 * Algorithm", 2001) over a reverse postorder computed with an explicit stack.
 * Nodes are `0..numNodes-1`; only nodes reachable from `root` get a number.
 */
class DomTreeCore {
  /** Reachable nodes in reverse postorder; `order[0]` is the root. */
  readonly order: Int32Array;
  /** Node → position in `order`, or -1 when unreachable. */
  readonly rpo: Int32Array;
  /** Position → position of the immediate dominator (the root maps to itself). */
  readonly idom: Int32Array;
  /** Position → depth in the tree (root 0). */
  readonly level: Int32Array;
  /** Position → preorder entry/exit numbers in the tree: O(1) ancestor tests. */
  private readonly dfsIn: Int32Array;
  private readonly dfsOut: Int32Array;

  /**
   * O((N + E) · d) where d is the loop-nesting depth of the CFG (the number of
   * CHK sweeps, 2–3 on structured code); O(N + E) memory in typed arrays.
   */
  constructor(numNodes: number, root: number, succStart: Int32Array, succ: Int32Array) {
    // Postorder by an explicit-stack DFS (JS stacks are too shallow for long CFG chains).
    const rpo = new Int32Array(numNodes).fill(-1);
    const post = new Int32Array(numNodes);
    const stackNode = new Int32Array(numNodes);
    const stackEdge = new Int32Array(numNodes);
    let numPost = 0;
    let sp = 0;
    rpo[root] = 0; // Marks visited; renumbered below.
    stackNode[0] = root;
    stackEdge[0] = succStart[root];
    sp = 1;
    while (sp > 0) {
      const top = sp - 1;
      const n = stackNode[top];
      const e = stackEdge[top];
      if (e < succStart[n + 1]) {
        stackEdge[top] = e + 1;
        const s = succ[e];
        if (rpo[s] === -1) {
          rpo[s] = 0;
          stackNode[sp] = s;
          stackEdge[sp] = succStart[s];
          sp++;
        }
      } else {
        post[numPost++] = n;
        sp--;
      }
    }
    const order = new Int32Array(numPost);
    for (let i = 0; i < numPost; i++) {
      const n = post[numPost - 1 - i];
      order[i] = n;
      rpo[n] = i;
    }
    this.order = order;
    this.rpo = rpo;

    // Predecessor lists in RPO positions (edges out of reachable nodes only).
    const predStart = new Int32Array(numPost + 1);
    for (let i = 0; i < numPost; i++) {
      const n = order[i];
      for (let e = succStart[n]; e < succStart[n + 1]; e++) predStart[rpo[succ[e]] + 1]++;
    }
    for (let i = 0; i < numPost; i++) predStart[i + 1] += predStart[i];
    const preds = new Int32Array(predStart[numPost]);
    const fill = predStart.slice(0, numPost);
    for (let i = 0; i < numPost; i++) {
      const n = order[i];
      for (let e = succStart[n]; e < succStart[n + 1]; e++) preds[fill[rpo[succ[e]]]++] = i;
    }

    // CHK sweeps: in RPO positions a dominator always has a smaller number.
    const idom = new Int32Array(numPost).fill(-1);
    if (numPost > 0) idom[0] = 0;
    for (let changed = true; changed; ) {
      changed = false;
      for (let b = 1; b < numPost; b++) {
        let d = -1;
        for (let k = predStart[b]; k < predStart[b + 1]; k++) {
          const p = preds[k];
          if (idom[p] === -1) continue;
          if (d === -1) {
            d = p;
            continue;
          }
          let x = p;
          while (x !== d) {
            while (x > d) x = idom[x];
            while (d > x) d = idom[d];
          }
        }
        if (idom[b] !== d) {
          idom[b] = d;
          changed = true;
        }
      }
    }
    this.idom = idom;

    // Tree children (CSR), then preorder intervals and levels by an explicit stack.
    const childStart = new Int32Array(numPost + 1);
    for (let b = 1; b < numPost; b++) childStart[idom[b] + 1]++;
    for (let i = 0; i < numPost; i++) childStart[i + 1] += childStart[i];
    const children = new Int32Array(Math.max(0, numPost - 1));
    const cfill = childStart.slice(0, numPost);
    for (let b = 1; b < numPost; b++) children[cfill[idom[b]]++] = b;
    const dfsIn = new Int32Array(numPost);
    const dfsOut = new Int32Array(numPost);
    const level = new Int32Array(numPost);
    if (numPost > 0) {
      let clock = 0;
      sp = 0;
      stackNode[sp] = 0;
      stackEdge[sp] = childStart[0];
      sp++;
      dfsIn[0] = clock++;
      while (sp > 0) {
        const top = sp - 1;
        const n = stackNode[top];
        const e = stackEdge[top];
        if (e < childStart[n + 1]) {
          stackEdge[top] = e + 1;
          const c = children[e];
          level[c] = level[n] + 1;
          dfsIn[c] = clock++;
          stackNode[sp] = c;
          stackEdge[sp] = childStart[c];
          sp++;
        } else {
          dfsOut[n] = clock++;
          sp--;
        }
      }
    }
    this.dfsIn = dfsIn;
    this.dfsOut = dfsOut;
    this.level = level;
  }

  /** Whether RPO position `a` dominates position `b` (reflexive). O(1). */
  dominatesPos(a: number, b: number): boolean {
    return this.dfsIn[a] <= this.dfsIn[b] && this.dfsOut[b] <= this.dfsOut[a];
  }

  /** Nearest common dominator of two RPO positions. O(tree depth). */
  commonPos(a: number, b: number): number {
    const idom = this.idom;
    while (a !== b) {
      while (a > b) a = idom[a];
      while (b > a) b = idom[b];
    }
    return a;
  }
}

/**
 * The (post-)dominator tree of one region's blocks. Edges are the successors
 * of each block's last op that lie in the same region (the verifier rejects
 * the others). Blocks unreachable from the entry (for post-dominance: that
 * cannot reach an exit) are not in the tree.
 */
export class RegionDomTree {
  private readonly core: DomTreeCore;
  /** Region order index of each block. */
  private readonly index: Map<Block, number>;
  /** Blocks in region order; the post-dominator tree adds a virtual exit node after them. */
  private readonly blocks: Block[];

  private constructor(core: DomTreeCore, index: Map<Block, number>, blocks: Block[]) {
    this.core = core;
    this.index = index;
    this.blocks = blocks;
  }

  /**
   * Builds the tree of `region` (non-empty). With `post`, edges are reversed
   * and a virtual exit node succeeds every block without in-region
   * successors. O(blocks + edges) plus the CHK sweeps.
   */
  static build(region: Region, post: boolean): RegionDomTree {
    const blocks: Block[] = [];
    const index = new Map<Block, number>();
    for (let b = region.entryBlock; b; b = b.next) {
      index.set(b, blocks.length);
      blocks.push(b);
    }
    const n = blocks.length;
    // Forward edges first, as CSR.
    const outDeg = new Int32Array(n + 1);
    let numEdges = 0;
    for (let i = 0; i < n; i++) {
      const t = blocks[i].last;
      if (!t) continue;
      for (const s of t.successors) {
        if (s.block.parent !== region) continue;
        outDeg[i + 1]++;
        numEdges++;
      }
    }
    const fStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) fStart[i + 1] = fStart[i] + outDeg[i + 1];
    const fSucc = new Int32Array(numEdges);
    for (let i = 0, k = 0; i < n; i++) {
      const t = blocks[i].last;
      if (!t) continue;
      for (const s of t.successors) if (s.block.parent === region) fSucc[k++] = index.get(s.block)!;
    }
    if (!post) return new RegionDomTree(new DomTreeCore(n, 0, fStart, fSucc), index, blocks);

    // Reverse graph over n + 1 nodes; node n is the virtual exit.
    const rStart = new Int32Array(n + 2);
    for (let i = 0; i < n; i++) {
      if (fStart[i + 1] === fStart[i]) rStart[n + 1]++;
      for (let e = fStart[i]; e < fStart[i + 1]; e++) rStart[fSucc[e] + 1]++;
    }
    for (let i = 0; i <= n; i++) rStart[i + 1] += rStart[i];
    const rSucc = new Int32Array(rStart[n + 1]);
    const fill = rStart.slice(0, n + 1);
    for (let i = 0; i < n; i++) {
      if (fStart[i + 1] === fStart[i]) rSucc[fill[n]++] = i;
      for (let e = fStart[i]; e < fStart[i + 1]; e++) rSucc[fill[fSucc[e]]++] = i;
    }
    return new RegionDomTree(new DomTreeCore(n + 1, n, rStart, rSucc), index, blocks);
  }

  /** RPO position of `b`, or -1 when it is not in the tree. O(1) average. */
  private pos(b: Block): number {
    const i = this.index.get(b);
    return i === undefined ? -1 : this.core.rpo[i];
  }

  /** Whether `b` is in the tree (reachable from the entry, or reaching an exit). O(1). */
  isReachable(b: Block): boolean {
    return this.pos(b) >= 0;
  }

  /**
   * LLVM's rule: a block dominates itself; a block outside the tree is
   * dominated by every block and dominates none but itself. O(1).
   */
  dominates(a: Block, b: Block): boolean {
    if (a === b) return true;
    const pb = this.pos(b);
    if (pb < 0) return true;
    const pa = this.pos(a);
    if (pa < 0) return false;
    return this.core.dominatesPos(pa, pb);
  }

  /** `dominates(a, b)` and `a !== b`. O(1). */
  properlyDominates(a: Block, b: Block): boolean {
    return a !== b && this.dominates(a, b);
  }

  /** The immediate (post-)dominator of `b`, or null for the entry, blocks outside the tree and exits of the post tree. O(1). */
  getImmediateDominator(b: Block): Block | null {
    const p = this.pos(b);
    if (p <= 0) return null;
    const d = this.core.order[this.core.idom[p]];
    return d < this.blocks.length ? this.blocks[d] : null;
  }

  /** Depth of `b` in the tree (entry 0), or -1 outside the tree. O(1). */
  getLevel(b: Block): number {
    const p = this.pos(b);
    return p < 0 ? -1 : this.core.level[p];
  }

  /** The nearest block (post-)dominating both, or null when there is none. O(tree depth). */
  findNearestCommonDominator(a: Block, b: Block): Block | null {
    const pa = this.pos(a);
    const pb = this.pos(b);
    if (pa < 0 || pb < 0) return null;
    const d = this.core.order[this.core.commonPos(pa, pb)];
    return d < this.blocks.length ? this.blocks[d] : null;
  }
}

//===----------------------------------------------------------------------===//
// DominanceInfo
//===----------------------------------------------------------------------===//

/** Per-region cache entry: SSA-ness and the lazily built tree (multi-block regions only). */
interface RegionInfo {
  ssa: boolean;
  tree: RegionDomTree | null;
}

/** The ancestor of `op` (or `op` itself) whose block lies in `region`, or null. O(depth). */
function findAncestorOpInRegion(region: Region, op: Operation): Operation | null {
  for (let o: Operation | null = op; o; o = o.parentOp) if (o.parentRegion === region) return o;
  return null;
}

/**
 * Shared logic of dominance and post-dominance (MLIR's DominanceInfoBase).
 * Trees are built per region on first use and cached: answers are valid until
 * the CFG of a cached region changes; call `invalidate` after such edits.
 */
abstract class DominanceInfoBase {
  private readonly infos = new Map<Region, RegionInfo>();
  protected abstract readonly isPost: boolean;

  /** Drops cached trees (of one region, or all). */
  invalidate(region?: Region): void {
    if (region) this.infos.delete(region);
    else this.infos.clear();
  }

  private getInfo(region: Region): RegionInfo {
    let info = this.infos.get(region);
    if (info === undefined) {
      info = { ssa: computeHasSSADominance(region), tree: null };
      this.infos.set(region, info);
    }
    return info;
  }

  /**
   * Whether values in `region` must dominate their uses. Multi-block regions
   * always do; a single-block region does unless its op is unregistered (MLIR
   * treats those as possible graph regions) or declares it RegionKind.Graph.
   * O(1) after the first query of the region.
   */
  hasSSADominance(region: Region): boolean {
    return this.getInfo(region).ssa;
  }

  /** The tree of a region with two or more blocks, built on first use; null otherwise. */
  getDomTree(region: Region): RegionDomTree | null {
    const info = this.getInfo(region);
    if (info.tree === null && region.entryBlock !== null && region.entryBlock !== region.lastBlock)
      info.tree = RegionDomTree.build(region, this.isPost);
    return info.tree;
  }

  /**
   * Whether `b` is reachable from its region's entry (post: reaches an exit).
   * Entry and detached blocks count as reachable, as in MLIR. O(1).
   */
  isReachableFromEntry(b: Block): boolean {
    const region = b.parent;
    if (!region || region.entryBlock === b) return true;
    const tree = this.getDomTree(region);
    return tree === null || tree.isReachable(b);
  }

  /**
   * MLIR's properlyDominatesImpl over positions "before op `aOp` in `aBlock`"
   * (null: the block's end), with `b` hoisted to `a`'s region first.
   * O(depth of b below a's region) + O(1).
   */
  protected properlyDominatesAt(
    aBlock: Block,
    aOp: Operation | null,
    bBlock: Block,
    bOp: Operation | null,
    enclosingOk: boolean,
  ): boolean {
    if (aBlock === bBlock && aOp === bOp) return !this.hasSSADominanceOfBlock(aBlock);
    const aRegion = aBlock.parent;
    if (aRegion !== bBlock.parent) {
      if (!aRegion) return false;
      const parentOp = bBlock.parentOp;
      const anc = parentOp ? findAncestorOpInRegion(aRegion, parentOp) : null;
      if (!anc) return false;
      bBlock = anc.parent!;
      bOp = anc;
      if (aBlock === bBlock && aOp === bOp && enclosingOk) return true;
    }
    return this.properlyDominatesInRegion(aBlock, aOp, bBlock, bOp);
  }

  /** The same-region part of `properlyDominatesAt`: `b` already lies in `a`'s region. */
  protected properlyDominatesInRegion(aBlock: Block, aOp: Operation | null, bBlock: Block, bOp: Operation | null): boolean {
    if (aBlock === bBlock) {
      if (!this.hasSSADominanceOfBlock(aBlock)) return true;
      return this.isPost ? isBeforeInBlock(bOp, aOp) : isBeforeInBlock(aOp, bOp);
    }
    const region = aBlock.parent;
    const tree = region ? this.getDomTree(region) : null;
    return tree !== null && tree.properlyDominates(aBlock, bBlock);
  }

  private hasSSADominanceOfBlock(b: Block): boolean {
    return b.parent ? this.hasSSADominance(b.parent) : true;
  }
}

/**
 * Whether position `a` comes before position `b` of one block, where null is
 * the block's end (MLIR's iterator form). O(1) amortised.
 */
function isBeforeInBlock(a: Operation | null, b: Operation | null): boolean {
  if (a === b || a === null) return false;
  if (b === null) return true;
  return a.isBeforeInBlock(b);
}

function computeHasSSADominance(region: Region): boolean {
  // Multi-block (and empty) regions always have SSA dominance: graph regions
  // are limited to one block by the verifier.
  if (region.entryBlock === null || region.entryBlock !== region.lastBlock) return true;
  const op = region.parent;
  if (!op) return true;
  const def = op.name.definition;
  if (!def) return false; // Unregistered ops may hold graph regions.
  if (!def.regionKind) return true;
  return def.regionKind(op.regions.indexOf(region)) !== RegionKind.Graph;
}

/**
 * SSA dominance (MLIR's DominanceInfo). Block queries are O(1) once the
 * region's tree is built (O(blocks + edges) per multi-block region, on
 * first use); op and value queries add O(depth) to walk the later position up
 * to the earlier one's region.
 */
export class DominanceInfo extends DominanceInfoBase {
  protected readonly isPost = false;

  /** Whether block `a` dominates block `b` (reflexive; nested `b` is hoisted to `a`'s region). */
  dominates(a: Block, b: Block): boolean {
    return a === b || this.properlyDominatesBlock(a, b);
  }

  /**
   * Whether `a` properly dominates `b`: `b` (or the op of `a`'s region that
   * encloses it) lies in a block strictly dominated by `a`, or in `a` itself
   * below its start. In a graph region a block properly dominates itself.
   */
  properlyDominatesBlock(a: Block, b: Block): boolean {
    return this.properlyDominatesAt(a, a.first, b, b.first, /*enclosingOk=*/ true);
  }

  /**
   * Whether op `a` properly dominates op `b`. With `enclosingOpOk`, `a`
   * dominates the ops nested in its regions. Ops in one block compare by
   * position (O(1) amortised, see Operation.isBeforeInBlock); in a graph
   * region every op of the block dominates every other.
   */
  properlyDominatesOp(a: Operation, b: Operation, enclosingOpOk = true): boolean {
    if (!a.parent || !b.parent) return false;
    return this.properlyDominatesAt(a.parent, a, b.parent, b, enclosingOpOk);
  }

  /** `a === b` or `properlyDominatesOp(a, b)`. */
  dominatesOp(a: Operation, b: Operation, enclosingOpOk = true): boolean {
    return a === b || this.properlyDominatesOp(a, b, enclosingOpOk);
  }

  /**
   * Whether `value` may be used by `user`: a block argument dominates every
   * op of blocks its block dominates; an op result must be defined by an op
   * that properly dominates `user` without enclosing it. Uses inside graph
   * regions (or reached through one) are always fine.
   *
   * `userAncestor`, when given, must be the ancestor of `user` (or `user`) in
   * the value's region: callers that track the nesting path (the verifier)
   * pass it to skip the O(depth) walk, making the query O(1).
   */
  properlyDominates(value: Value, user: Operation, userAncestor?: Operation): boolean {
    const userBlock = user.parent;
    if (!userBlock) return false;
    if (value instanceof BlockArgument) {
      const owner = value.owner;
      if (owner === userBlock) return true;
      const region = owner.parent;
      if (!region) return false;
      const anc = userAncestor ?? findAncestorOpInRegion(region, user);
      if (!anc) return false;
      const ancBlock = anc.parent!;
      if (ancBlock === owner) return true;
      const tree = this.getDomTree(region);
      return tree !== null && tree.properlyDominates(owner, ancBlock);
    }
    const def = value.definingOp;
    const defBlock = def?.parent;
    if (!def || !defBlock) return false;
    const region = defBlock.parent;
    if (!region) return false;
    const anc = userAncestor ?? findAncestorOpInRegion(region, user);
    if (!anc) return false;
    // A value does not dominate its own op nor uses nested inside it, except in graph regions.
    if (anc === def) return !this.hasSSADominance(region);
    return this.properlyDominatesInRegion(defBlock, def, anc.parent!, anc);
  }

  /** The immediate dominator of `b` in its region, or null for entries and unreachable blocks. */
  getImmediateDominator(b: Block): Block | null {
    const tree = b.parent ? this.getDomTree(b.parent) : null;
    return tree ? tree.getImmediateDominator(b) : null;
  }

  /**
   * The nearest block dominating both `a` and `b`, after hoisting both to
   * their closest common region; null when they share no region. O(depth).
   */
  findNearestCommonDominator(a: Block, b: Block): Block | null {
    if (a === b) return a;
    const pair = hoistToCommonRegion(a, b);
    if (!pair) return null;
    [a, b] = pair;
    if (a === b) return a;
    const tree = this.getDomTree(a.parent!);
    return tree ? tree.findNearestCommonDominator(a, b) : null;
  }
}

/**
 * Post-dominance (MLIR's PostDominanceInfo). The tree has a virtual exit
 * joined from every block without in-region successors. Unlike LLVM, blocks
 * that reach no exit (infinite loops) get no extra roots: they are outside
 * the tree, so they are post-dominated by every block and post-dominate none.
 */
export class PostDominanceInfo extends DominanceInfoBase {
  protected readonly isPost = true;

  /** Whether block `a` post-dominates block `b` (reflexive). */
  postDominates(a: Block, b: Block): boolean {
    return a === b || this.properlyPostDominatesBlock(a, b);
  }

  /** Whether `a` properly post-dominates `b` (nested `b` is hoisted to `a`'s region). */
  properlyPostDominatesBlock(a: Block, b: Block): boolean {
    return this.properlyDominatesAt(a, null, b, null, /*enclosingOk=*/ true);
  }

  /** Whether op `a` properly post-dominates op `b`; `enclosingOpOk` as in DominanceInfo. */
  properlyPostDominatesOp(a: Operation, b: Operation, enclosingOpOk = true): boolean {
    if (!a.parent || !b.parent) return false;
    return this.properlyDominatesAt(a.parent, a, b.parent, b, enclosingOpOk);
  }

  /** `a === b` or `properlyPostDominatesOp(a, b)`. */
  postDominatesOp(a: Operation, b: Operation, enclosingOpOk = true): boolean {
    return a === b || this.properlyPostDominatesOp(a, b, enclosingOpOk);
  }
}

/** The block enclosing `b`'s parent op, or null at the top. */
function ancestorBlock(b: Block): Block | null {
  const op = b.parentOp;
  return op ? op.parent : null;
}

/** Walks `a` and `b` up to blocks of one region (MLIR's tryGetBlocksInSameRegion). O(depth). */
function hoistToCommonRegion(a: Block, b: Block): [Block, Block] | null {
  const depth = (x: Block): number => {
    let d = 0;
    for (let y: Block | null = x; y; y = ancestorBlock(y)) d++;
    return d;
  };
  let da = depth(a);
  let db = depth(b);
  let x: Block | null = a;
  let y: Block | null = b;
  while (da > db) {
    x = ancestorBlock(x!);
    da--;
  }
  while (db > da) {
    y = ancestorBlock(y!);
    db--;
  }
  while (x && y) {
    if (x.parent === y.parent) return [x, y];
    x = ancestorBlock(x);
    y = ancestorBlock(y);
  }
  return null;
}
