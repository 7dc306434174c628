// cse: eliminates common subexpressions (MLIR's CSE). Walks each region's
// dominator tree keeping a scoped table of the ops seen so far; a side-effect
// free op equivalent to a dominating one (same name, operands, result types,
// attributes and properties; locations ignored) is replaced by it. Trivially
// dead ops are erased on the way. Nested regions see the enclosing scope
// unless their op may be IsolatedFromAbove. Iterative: nesting depth is
// unbounded.
//
// Ops with regions are merged when each region has at most one block, the
// op and everything nested are free of memory effects, and the regions match
// op for op. Commutative ops match whatever their operand order.
//
// Not yet: ops that only read memory are not merged across (no memory-effect
// interface with read effects yet).

import type { Block } from "../src/ir/block.js";
import { DominanceInfo } from "../src/ir/dominance.js";
import { isMemoryEffectFree, isOpTriviallyDead } from "../src/ir/side-effects.js";
import { UnknownLoc } from "../src/ir/location.js";
import type { Operation } from "../src/ir/operation.js";
import { OpTrait } from "../src/ir/operation-name.js";
import type { Region } from "../src/ir/region.js";
import { mixHash } from "../src/ir/structural-hash.js";
import { valueHashId, type Value } from "../src/ir/value.js";
import { Pass } from "../src/pass/pass.js";

/** Known ops by structural hash, with scopes that forget what they added. */
class ScopedOpTable {
  /** Per hash: the one op (the common case: no array per op) or the ops, latest last. */
  private readonly buckets = new Map<number, Operation | Operation[]>();
  private readonly scopes: number[][] = [];

  openScope(): void {
    this.scopes.push([]);
  }
  closeScope(): void {
    const added = this.scopes.pop()!;
    for (let i = added.length - 1; i >= 0; i--) {
      const h = added[i]!;
      const bucket = this.buckets.get(h)!;
      if (Array.isArray(bucket)) {
        bucket.pop();
        if (bucket.length === 0) this.buckets.delete(h);
      } else this.buckets.delete(h);
    }
  }
  lookup(op: Operation, hash: number): Operation | undefined {
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return equivalent(bucket, op) ? bucket : undefined;
    for (let i = bucket.length - 1; i >= 0; i--) if (equivalent(bucket[i]!, op)) return bucket[i];
    return undefined;
  }
  insert(op: Operation, hash: number): void {
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) this.buckets.set(hash, op);
    else if (Array.isArray(bucket)) bucket.push(op);
    else this.buckets.set(hash, [bucket, op]);
    this.scopes[this.scopes.length - 1]!.push(hash);
  }
  /** Whether `op` is a known op (visited and kept) in any open scope. */
  has(op: Operation): boolean {
    const bucket = this.buckets.get(hashOf(op));
    return bucket === op || (Array.isArray(bucket) && bucket.includes(op));
  }
}

/** OperationEquivalence's hash, locations ignored. Numeric throughout: the name's hash is computed once per op kind. */
function hashOf(op: Operation): number {
  let h = mixHash(op.name.hash, op.attributes.id);
  if (op.properties) h = mixHash(h, op.properties.id);
  const results = op.results;
  for (let i = 0; i < results.length; i++) h = mixHash(h, results[i]!.type.id);
  const n = op.numOperands;
  if (op.name.hasTrait(OpTrait.Commutative)) {
    // Operand order does not matter for commutative ops (MLIR's OperationEquivalence): hash their sum.
    let sum = 0;
    for (let i = 0; i < n; i++) sum = (sum + valueHashId(op.getOperand(i))) | 0;
    return mixHash(h, sum);
  }
  for (let i = 0; i < n; i++) h = mixHash(h, valueHashId(op.getOperand(i)));
  return h;
}

/** `a` and `b` have the same name, attributes, properties, result types and region count. */
function sameHead(a: Operation, b: Operation): boolean {
  if (a.name !== b.name || a.attributes !== b.attributes || a.properties !== b.properties) return false;
  if (a.operands.length !== b.operands.length || a.results.length !== b.results.length) return false;
  if (a.regions.length !== b.regions.length || a.successors.length !== b.successors.length) return false;
  for (let i = 0; i < a.results.length; i++) if (a.results[i]!.type !== b.results[i]!.type) return false;
  return true;
}

/** `a`'s operands are `b`'s (through `map` for values defined in compared regions); in any order for commutative ops. */
function sameOperands(a: Operation, b: Operation, map: Map<Value, Value> | undefined): boolean {
  const mapped = (v: Value): Value => map?.get(v) ?? v;
  let inOrder = true;
  for (let i = 0; i < a.operands.length && inOrder; i++) inOrder = mapped(a.operands[i]!.value) === b.operands[i]!.value;
  if (inOrder || !a.name.hasTrait(OpTrait.Commutative)) return inOrder;
  const x = a.operands.map((o) => valueHashId(mapped(o.value))).sort((p, q) => p - q);
  const y = b.operands.map((o) => valueHashId(o.value)).sort((p, q) => p - q);
  return x.every((id, i) => id === y[i]);
}

/**
 * MLIR's OperationEquivalence (locations ignored): same head and operands,
 * and regions equal block for block and op for op, values defined inside
 * them matched in order. Iterative over nesting.
 */
function equivalent(a: Operation, b: Operation): boolean {
  if (!sameHead(a, b) || !sameOperands(a, b, undefined)) return false;
  if (a.regions.length === 0) return true;
  const values = new Map<Value, Value>();
  const blocks = new Map<Block, Block>();
  const pairs: [Operation, Operation][] = [[a, b]];
  while (pairs.length) {
    const [x, y] = pairs.pop()!;
    for (let i = 0; i < x.results.length; i++) values.set(x.results[i]!, y.results[i]!);
    for (let i = 0; i < x.successors.length; i++) {
      const s = x.successors[i]!.block;
      const t = y.successors[i]!.block;
      const seen = blocks.get(s);
      if (seen === undefined) blocks.set(s, t);
      else if (seen !== t) return false;
    }
    for (let r = 0; r < x.regions.length; r++) {
      let bx = x.regions[r]!.entryBlock;
      let by = y.regions[r]!.entryBlock;
      for (; bx && by; bx = bx.next, by = by.next) {
        const seen = blocks.get(bx);
        if (seen === undefined) blocks.set(bx, by);
        else if (seen !== by) return false;
        if (bx.args.length !== by.args.length) return false;
        for (let i = 0; i < bx.args.length; i++) {
          if (bx.args[i]!.type !== by.args[i]!.type) return false;
          values.set(bx.args[i]!, by.args[i]!);
        }
        let ox = bx.first;
        let oy = by.first;
        for (; ox && oy; ox = ox.next, oy = oy.next) {
          if (!sameHead(ox, oy)) return false;
          pairs.push([ox, oy]);
        }
        if (ox || oy) return false;
      }
      if (bx || by) return false;
    }
  }
  // Operands last: every value defined inside the regions is mapped by now.
  return operandsMatch(a, b, values);
}

/** The operands of every op pair nested in `a` and `b` match through `values`. */
function operandsMatch(a: Operation, b: Operation, values: Map<Value, Value>): boolean {
  const pairs: [Operation, Operation][] = [[a, b]];
  while (pairs.length) {
    const [x, y] = pairs.pop()!;
    if (!sameOperands(x, y, values)) return false;
    for (let r = 0; r < x.regions.length; r++)
      for (let bx = x.regions[r]!.entryBlock, by = y.regions[r]!.entryBlock; bx && by; bx = bx.next, by = by.next)
        for (let ox = bx.first, oy = by.first; ox && oy; ox = ox.next, oy = oy.next) pairs.push([ox, oy]);
  }
  return true;
}

/** Pending work of the iterative walk. */
type Task =
  | { kind: "region"; region: Region; table: ScopedOpTable }
  | { kind: "domNode"; block: Block; table: ScopedOpTable; hasDom: boolean; children: Map<Block, Block[]> }
  | { kind: "ops"; from: Operation | null; table: ScopedOpTable; hasDom: boolean; finish: Operation | null }
  | { kind: "closeScope"; table: ScopedOpTable };

export class CSEPass extends Pass {
  readonly argument = "cse";
  readonly name = "CSE";
  readonly summary = "Replace side-effect free ops by equivalent dominating ones";
  private readonly numCSE = this.statistic("num-cse'd", "Number of operations CSE'd");
  private readonly numDCE = this.statistic("num-dce'd", "Number of operations DCE'd");

  runOnOperation(): void {
    const root = this.getOperation();
    const dom = new DominanceInfo();
    const toErase: Operation[] = [];
    const stack: Task[] = [];
    const rootTable = new ScopedOpTable();
    for (let i = root.regions.length - 1; i >= 0; i--) stack.push({ kind: "region", region: root.regions[i]!, table: rootTable });
    while (stack.length) {
      const t = stack.pop()!;
      switch (t.kind) {
        case "closeScope":
          t.table.closeScope();
          break;
        case "region": {
          const entry = t.region.entryBlock;
          if (!entry) break;
          const hasDom = dom.hasSSADominance(t.region);
          if (entry === t.region.lastBlock) {
            t.table.openScope();
            stack.push({ kind: "closeScope", table: t.table });
            stack.push({ kind: "ops", from: entry.first, table: t.table, hasDom, finish: null });
            break;
          }
          // Multi-block regions without dominance are left alone, as in MLIR.
          if (!hasDom) break;
          stack.push({ kind: "domNode", block: entry, table: t.table, hasDom, children: domChildren(dom, t.region) });
          break;
        }
        case "domNode": {
          t.table.openScope();
          stack.push({ kind: "closeScope", table: t.table });
          const kids = t.children.get(t.block) ?? [];
          for (let i = kids.length - 1; i >= 0; i--) stack.push({ ...t, block: kids[i]! });
          stack.push({ kind: "ops", from: t.block.first, table: t.table, hasDom: t.hasDom, finish: null });
          break;
        }
        case "ops": {
          // `finish` is an op whose regions are done: simplify it, then go on after it.
          if (t.finish) this.simplify(t.finish, t.table, t.hasDom, toErase);
          for (let op = t.from; op; op = op.next) {
            if (op.regions.length === 0) {
              this.simplify(op, t.table, t.hasDom, toErase);
              continue;
            }
            // Regions first (region 0 first), then this op, then the rest of the block.
            stack.push({ kind: "ops", from: op.next, table: t.table, hasDom: t.hasDom, finish: op });
            const table = op.name.mightHaveTrait(OpTrait.IsolatedFromAbove) ? new ScopedOpTable() : t.table;
            for (let i = op.regions.length - 1; i >= 0; i--) stack.push({ kind: "region", region: op.regions[i]!, table });
            break;
          }
          break;
        }
      }
    }
    for (const op of toErase) op.erase();
    if (toErase.length === 0) this.markAllAnalysesPreserved();
  }

  /** MLIR's simplifyOperation. */
  private simplify(op: Operation, table: ScopedOpTable, hasDom: boolean, toErase: Operation[]): void {
    if (isOpTriviallyDead(op)) {
      toErase.push(op);
      this.numDCE.value++;
      return;
    }
    if (op.name.hasTrait(OpTrait.Terminator)) return;
    for (let i = 0; i < op.regions.length; i++) if (op.regions[i]!.entryBlock !== op.regions[i]!.lastBlock) return;
    if (!isMemoryEffectFree(op)) return;
    const hash = hashOf(op);
    const existing = table.lookup(op, hash);
    if (!existing) {
      table.insert(op, hash);
      return;
    }
    if (hasDom) {
      for (let i = 0; i < op.results.length; i++) op.results[i]!.replaceAllUsesWith(existing.results[i]!);
      toErase.push(op);
    } else {
      // Graph regions: only uses not visited yet may switch to the earlier op.
      for (let i = 0; i < op.results.length; i++)
        for (const use of [...op.results[i]!.uses()]) if (!table.has(use.owner)) use.set(existing.results[i]!);
      if (op.results.every((r) => !r.hasUses)) toErase.push(op);
    }
    if (existing.loc instanceof UnknownLoc && !(op.loc instanceof UnknownLoc)) existing.loc = op.loc;
    this.numCSE.value++;
  }
}

/** The dominator tree of a region as child lists (region order). */
function domChildren(dom: DominanceInfo, region: Region): Map<Block, Block[]> {
  const children = new Map<Block, Block[]>();
  for (let b = region.entryBlock; b; b = b.next) {
    const idom = dom.getImmediateDominator(b);
    if (!idom || !dom.isReachableFromEntry(b)) continue;
    let list = children.get(idom);
    if (!list) children.set(idom, (list = []));
    list.push(b);
  }
  return children;
}
