// The greedy pattern rewrite driver (MLIR's applyPatternsGreedily): a
// worklist of ops, each erased if trivially dead, else folded, else matched
// against the patterns by decreasing benefit; every change the rewriter
// reports puts the affected ops back on the worklist. Iterates (with region
// simplification between sweeps) until nothing changes or the iteration
// limit is hit, and then says which patterns were still firing.

import { constantValue, foldOperation, getConstantMaterializer, isValue, type ConstantMaterializer } from "../ir/fold.js";
import type { Attribute } from "../ir/attribute.js";
import { isOpTriviallyDead } from "../ir/side-effects.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import { PatternRewriter, type RewriteListener, type RewritePattern } from "../ir/pattern-match.js";
import type { Region } from "../ir/region.js";
import { walk, WalkOrder } from "../ir/walk.js";
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
      const results = op.results;
      for (let i = 0; i < results.length; i++) for (let use = results[i]!.useHead; use; use = use.nextUse) worklist.push(use.owner);
    },
    notifyOperationErased: (op) => {
      // Definitions left with at most one other user may die or simplify (MLIR's addOperandsToWorklist).
      const operands = op.operands;
      for (let i = 0; i < operands.length; i++) {
        const value = operands[i]!.value;
        const def = value.definingOp;
        if (def && hasAtMostOneOtherUser(value, op)) worklist.push(def);
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
    if (cfg.topDown) seedPreOrder(regions, worklist, constants);
    else
      for (const region of regions)
        for (let b = region.entryBlock; b; b = b.next)
          for (let op = b.first; op; ) {
            const next = op.next;
            walk(op, (o) => void (constants?.uniqueConstant(o) || worklist.push(o)), WalkOrder.PostOrder);
            op = next;
          }
    // Popping from the end must give the walk's order.
    if (cfg.topDown) worklist.reverse();
  };

  const operandConstants: (Attribute | undefined)[][] = [];
  // The last dialect's constant materialiser: folds come in runs of one dialect's ops.
  let lastDialect: string | undefined;
  let lastMaterializer: ConstantMaterializer | undefined;
  const materializerOf = (dialect: string): ConstantMaterializer | undefined => {
    if (dialect !== lastDialect) {
      lastMaterializer = getConstantMaterializer(ctx, dialect);
      lastDialect = dialect;
    }
    return lastMaterializer;
  };

  /** Replaces `op` by its fold results; false when it does not fold or a constant cannot be made. */
  const tryFold = (op: Operation): boolean => {
    const def = op.name.definition;
    // Ops that cannot fold (no hook, no folding trait) skip the operand constants.
    if (!def || def.traits & OpTrait.ConstantLike || (!def.fold && !(def.traits & kFoldingTraits))) return false;
    const n = op.numOperands;
    // Fold hooks only read the operand constants: one scratch array per arity serves every call.
    const constants = (operandConstants[n] ??= new Array<Attribute | undefined>(n));
    for (let i = 0; i < n; i++) constants[i] = constantValue(op.getOperand(i));
    const result = foldOperation(op, constants);
    if (result === undefined) return false;
    // Folding to its own results changes nothing (a cast cycle in a graph region, say).
    if (result !== "in-place" && foldsToOwnResults(op, result)) return false;
    if (result === "in-place") {
      listener.notifyOperationModified!(op);
      return true;
    }
    rewriter.setInsertionPoint(op);
    const replacements = new Array<Value>(result.length);
    for (let i = 0; i < result.length; i++) {
      const r = result[i]!;
      if (isValue(r)) {
        replacements[i] = r;
        continue;
      }
      const materialize = materializerOf(op.name.dialect);
      const c = materialize?.(rewriter, r, op.results[i]!.type, op.loc);
      if (!c) {
        // Erase the constants made for the results before this one.
        for (let j = 0; j < i; j++) if (!isValue(result[j]!)) rewriter.eraseOp(replacements[j]!.definingOp!);
        return false;
      }
      replacements[i] = c.results[0]!;
    }
    rewriter.replaceOp(op, replacements);
    return true;
  };

  const traceDead = traceOf("dead-op-erasure");
  const traceFold = traceOf("fold");

  const processWorklist = (): boolean => {
    let changed = false;
    let rewrites = 0;
    for (let op = worklist.pop(); op; op = worklist.pop()) {
      if (cfg.maxNumRewrites >= 0 && rewrites >= cfg.maxNumRewrites) break;
      if (isOpTriviallyDead(op)) {
        traceDead?.(`erased trivially dead ${opText(op)}`);
        rewriter.eraseOp(op);
        firing.add("dead-op-erasure");
        changed = true;
        continue;
      }
      if (cfg.enableFolding) {
        if (tryFold(op)) {
          traceFold?.(`folded ${opText(op)}`);
          firing.add("fold");
          changed = true;
          continue;
        }
      }
      const patterns = table.for(op);
      for (let i = 0; i < patterns.length; i++) {
        const p = patterns[i]!;
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

/** Traits whose folds foldOperation applies without a fold hook. */
const kFoldingTraits = OpTrait.Idempotent | OpTrait.Commutative;

/** Whether fold `result` is just `op`'s own results. */
function foldsToOwnResults(op: Operation, result: readonly (Attribute | Value)[]): boolean {
  for (let i = 0; i < result.length; i++) if (result[i] !== op.results[i]) return false;
  return true;
}

/**
 * Pushes the ops nested in `regions` in pre-order, uniquing and hoisting
 * constants on the way (a replaced constant is not pushed). The regions of a
 * constant-like op are not entered, as walk's Skip. Iterative, no callback.
 */
function seedPreOrder(regions: readonly Region[], worklist: Worklist, constants: ConstantUniquer | undefined): void {
  const stack: Operation[] = [];
  for (const region of regions)
    for (let b = region.entryBlock; b; b = b.next)
      for (let top = b.first; top; ) {
        const next = top.next;
        stack.push(top);
        while (stack.length) {
          const op = stack.pop()!;
          if (constants?.uniqueConstant(op)) continue;
          worklist.push(op);
          const nested = op.regions;
          // Children in reverse, so the first nested op comes off the stack first.
          for (let ri = nested.length - 1; ri >= 0; ri--)
            for (let nb = nested[ri]!.lastBlock; nb; nb = nb.prev) for (let c = nb.last; c; c = c.prev) stack.push(c);
        }
        top = next;
      }
}

/** Whether `v` is used by at most one op other than `op`. O(uses) up to the second other user. */
function hasAtMostOneOtherUser(v: Value, op: Operation): boolean {
  let other: Operation | undefined;
  for (let use = v.useHead; use; use = use.nextUse) {
    const user = use.owner;
    if (user === op || user === other) continue;
    if (other) return false;
    other = user;
  }
  return true;
}
