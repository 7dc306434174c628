// The greedy pattern rewrite driver (MLIR's applyPatternsGreedily): a
// worklist of ops, each erased if trivially dead, else folded, else matched
// against the patterns by decreasing benefit; every change the rewriter
// reports puts the affected ops back on the worklist. Iterates (with region
// simplification between sweeps) until nothing changes or the iteration
// limit is hit, and then says which patterns were still firing.

import { constantValue, foldOperation, getConstantMaterializer, isValue } from "../ir/fold.js";
import type { Attribute } from "../ir/attribute.js";
import { isOpTriviallyDead } from "../ir/side-effects.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import { PatternRewriter, type RewriteListener, type RewritePattern } from "../ir/pattern-match.js";
import type { Region } from "../ir/region.js";
import { walk, WalkOrder, WalkResult } from "../ir/walk.js";
import type { Value } from "../ir/value.js";
import { ConstantUniquer } from "./constant-uniquer.js";
import { eraseUnreachableBlocks, simplifyRegions } from "./region-utils.js";

export interface GreedyRewriteConfig {
  /** Seed the worklist in pre-order (true) or post-order. Default true. */
  topDown: boolean;
  /** Sweeps before giving up; -1 for no limit. Default 10. */
  maxIterations: number;
  /** Rewrites per sweep before stopping it; -1 for no limit. Default -1. */
  maxNumRewrites: number;
  /** Try ops' fold hooks. Default true. */
  enableFolding: boolean;
  /**
   * Region simplification between sweeps: "disabled", "normal" (unreachable
   * blocks, region DCE) or "aggressive" (also identical-block merging and
   * block arguments fed one value). Default "normal".
   */
  regionSimplification: "disabled" | "normal" | "aggressive";
  /** Unique and hoist constants while filling the worklist (MLIR's cseConstants). Default true. */
  cseConstants: boolean;
  /** Called with one line per rewrite, fold or erasure; defaults to the process-wide trace (setRewriteTrace). */
  trace?: (line: string) => void;
}

/** The process-wide rewrite trace (hpmoe-opt's --trace-patterns). */
let globalTrace: { sink: (line: string) => void; only: ReadonlySet<string> | undefined } | undefined;

/**
 * Sends a line per rewrite of every greedy driver to `sink` (only for the
 * patterns named in `only`, when given; "fold" and "dead-op-erasure" name the
 * built-in steps), or stops tracing when `sink` is undefined.
 */
export function setRewriteTrace(sink: ((line: string) => void) | undefined, only?: ReadonlySet<string>): void {
  globalTrace = sink ? { sink, only } : undefined;
}

export const defaultGreedyRewriteConfig: GreedyRewriteConfig = {
  topDown: true,
  maxIterations: 10,
  maxNumRewrites: -1,
  enableFolding: true,
  regionSimplification: "normal",
  cseConstants: true,
};

export interface GreedyRewriteResult {
  /** Nothing changed in the last sweep. */
  converged: boolean;
  /** Anything changed at all. */
  changed: boolean;
  /** Debug names of the patterns (and "fold", "dead-op-erasure") that applied in the last sweep, sorted. */
  stillFiring: string[];
}

/** Patterns by root op name, each list by decreasing benefit (stable), any-op patterns merged in. */
class PatternTable {
  private readonly byName = new Map<string, RewritePattern[]>();
  private readonly anyOp: RewritePattern[];
  constructor(patterns: readonly RewritePattern[]) {
    const order = new Map(patterns.map((p, i) => [p, i]));
    const byBenefit = (a: RewritePattern, b: RewritePattern): number => b.benefit - a.benefit || order.get(a)! - order.get(b)!;
    this.anyOp = patterns.filter((p) => p.rootName === undefined);
    for (const p of patterns) {
      if (p.rootName === undefined) continue;
      let list = this.byName.get(p.rootName);
      if (!list) this.byName.set(p.rootName, (list = [...this.anyOp]));
      list.push(p);
    }
    for (const list of this.byName.values()) list.sort(byBenefit);
    this.anyOp.sort(byBenefit);
  }
  for(op: Operation): readonly RewritePattern[] {
    return this.byName.get(op.name.name) ?? this.anyOp;
  }
}

/**
 * Ops to visit; removal leaves a hole, so nothing shifts (as in MLIR). Each
 * op remembers its slot, and an op is on the list exactly when its slot holds
 * it: no Map lookups on this hot path.
 */
class Worklist {
  private readonly items: (Operation | null)[] = [];
  private has(op: Operation): boolean {
    return this.items[op.worklistSlot] === op;
  }
  push(op: Operation): void {
    if (this.has(op)) return;
    op.worklistSlot = this.items.length;
    this.items.push(op);
  }
  pop(): Operation | undefined {
    const items = this.items;
    while (items.length) {
      const op = items.pop();
      if (op) return op;
    }
    return undefined;
  }
  remove(op: Operation): void {
    if (this.has(op)) this.items[op.worklistSlot] = null;
  }
  clear(): void {
    this.items.length = 0;
  }
  reverse(): void {
    const items = this.items;
    items.reverse();
    for (let i = 0; i < items.length; i++) if (items[i]) items[i]!.worklistSlot = i;
  }
}

function opText(op: Operation): string {
  return `'${op.name.name}'`;
}

/**
 * Applies `patterns` and folding to every op nested in `regions` until a
 * fixed point. The regions' own op is never touched.
 */
export function applyPatternsGreedily(
  regions: readonly Region[],
  patterns: readonly RewritePattern[],
  config: Partial<GreedyRewriteConfig> = {},
): GreedyRewriteResult {
  const cfg: GreedyRewriteConfig = { ...defaultGreedyRewriteConfig, ...config };
  const table = new PatternTable(patterns);
  const worklist = new Worklist();
  const firing = new Set<string>();
  const g = globalTrace;
  const traceAll = cfg.trace ?? g?.sink;
  const trace = traceAll && (cfg.trace || !g?.only) ? traceAll : undefined;
  /** The trace for one step kind, when it is traced. */
  const traceOf = (what: string): ((line: string) => void) | undefined => trace ?? (g?.only?.has(what) ? g.sink : undefined);
  const ctx = regions[0]?.parent?.context;
  if (!ctx) return { converged: true, changed: false, stillFiring: [] };

  const listener: RewriteListener = {
    notifyOperationInserted: (op) => worklist.push(op),
    notifyOperationModified: (op) => worklist.push(op),
    notifyOperationReplaced: (op) => {
      for (const r of op.results) for (const use of r.uses()) worklist.push(use.owner);
    },
    notifyOperationErased: (op) => {
      // Definitions left with at most one other user may die or simplify (MLIR's addOperandsToWorklist).
      for (const o of op.operands) {
        const def = o.value.definingOp;
        if (def && hasAtMostOneOtherUser(o.value, op)) worklist.push(def);
      }
      worklist.remove(op);
    },
  };
  const rewriter = new PatternRewriter(ctx, listener);

  /**
   * Fills the worklist in walk order. Constants met on the way are uniqued
   * and hoisted first (MLIR's OperationFolder::insertKnownConstant, one per
   * sweep). A replaced duplicate stays off the worklist, and its users join
   * it early, as in MLIR.
   */
  const seed = (): void => {
    worklist.clear();
    const constants = cfg.cseConstants ? new ConstantUniquer(rewriter) : undefined;
    for (const region of regions)
      for (let b = region.entryBlock; b; b = b.next)
        for (let op = b.first; op; ) {
          const next = op.next;
          walk(
            op,
            cfg.topDown
              ? (o) => (constants?.uniqueConstant(o) ? WalkResult.Skip : void worklist.push(o))
              : (o) => void (constants?.uniqueConstant(o) || worklist.push(o)),
            cfg.topDown ? WalkOrder.PreOrder : WalkOrder.PostOrder,
          );
          op = next;
        }
    // Popping from the end must give the walk's order.
    if (cfg.topDown) worklist.reverse();
  };

  /** Replaces `op` by its fold results; false when it does not fold or a constant cannot be made. */
  const tryFold = (op: Operation): boolean => {
    if (!op.name.definition || op.name.hasTrait(OpTrait.ConstantLike)) return false;
    const operands = op.operands;
    const constants = new Array<Attribute | undefined>(operands.length);
    for (let i = 0; i < operands.length; i++) constants[i] = constantValue(operands[i]!.value);
    const result = foldOperation(op, constants);
    if (result === undefined) return false;
    // Folding to its own results changes nothing (a cast cycle in a graph region, say).
    if (result !== "in-place" && result.every((r, i) => r === op.results[i])) return false;
    if (result === "in-place") {
      listener.notifyOperationModified!(op);
      return true;
    }
    rewriter.setInsertionPoint(op);
    const replacements: Value[] = [];
    const made: Operation[] = [];
    for (let i = 0; i < result.length; i++) {
      const r = result[i]!;
      if (isValue(r)) {
        replacements.push(r);
        continue;
      }
      const materialize = getConstantMaterializer(ctx, op.name.dialect);
      const c = materialize?.(rewriter, r, op.results[i]!.type, op.loc);
      if (!c) {
        for (const m of made) rewriter.eraseOp(m);
        return false;
      }
      made.push(c);
      replacements.push(c.results[0]!);
    }
    rewriter.replaceOp(op, replacements);
    return true;
  };

  const processWorklist = (): boolean => {
    let changed = false;
    let rewrites = 0;
    for (let op = worklist.pop(); op; op = worklist.pop()) {
      if (cfg.maxNumRewrites >= 0 && rewrites >= cfg.maxNumRewrites) break;
      if (isOpTriviallyDead(op)) {
        traceOf("dead-op-erasure")?.(`erased trivially dead ${opText(op)}`);
        rewriter.eraseOp(op);
        firing.add("dead-op-erasure");
        changed = true;
        continue;
      }
      if (cfg.enableFolding) {
        if (tryFold(op)) {
          traceOf("fold")?.(`folded ${opText(op)}`);
          firing.add("fold");
          changed = true;
          continue;
        }
      }
      for (const p of table.for(op)) {
        rewriter.setInsertionPoint(op);
        if (p.matchAndRewrite(op, rewriter).failed) continue;
        traceOf(p.debugName)?.(`applied ${p.debugName} to ${opText(op)}`);
        firing.add(p.debugName);
        changed = true;
        rewrites++;
        break;
      }
    }
    return changed;
  };

  let iteration = 0;
  let again = false;
  let changedAny = false;
  do {
    if (cfg.maxIterations >= 0 && iteration++ >= cfg.maxIterations) break;
    firing.clear();
    seed();
    again = processWorklist();
    // Unreachable blocks go even with simplification disabled (mlir-opt 22 does
    // the same): their IR need not respect dominance, which patterns assume.
    const simplified =
      cfg.regionSimplification === "disabled"
        ? eraseUnreachableBlocks(rewriter, regions)
        : simplifyRegions(rewriter, regions, cfg.regionSimplification === "aggressive");
    if (simplified) {
      firing.add("region-simplification");
      again = true;
    }
    changedAny ||= again;
  } while (again);
  return { converged: !again, changed: changedAny, stillFiring: again ? [...firing].sort() : [] };
}

/** Whether `v` is used by at most one op other than `op`. O(uses) up to the second other user. */
function hasAtMostOneOtherUser(v: Value, op: Operation): boolean {
  let other: Operation | undefined;
  for (const use of v.uses()) {
    const user = use.owner;
    if (user === op || user === other) continue;
    if (other) return false;
    other = user;
  }
  return true;
}
