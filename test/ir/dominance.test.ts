// Dominance: trees over random CFGs against a naive reference, and MLIR's
// value/op dominance rules across nested and graph regions.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Block } from "../../src/ir/block.js";
import { IntegerType } from "../../src/ir/builtin-types.js";
import { Context } from "../../src/ir/context.js";
import { DominanceInfo, PostDominanceInfo } from "../../src/ir/dominance.js";
import { UnknownLoc } from "../../src/ir/location.js";
import { Operation } from "../../src/ir/operation.js";
import { OpTrait, RegionKind } from "../../src/ir/operation-name.js";
import type { Value } from "../../src/ir/value.js";

function setup() {
  const ctx = new Context({ allowUnregisteredDialects: true });
  const loc = UnknownLoc.get(ctx);
  const i32 = IntegerType.get(ctx, 32);
  ctx.registerOperation({ name: "g.graph", traits: OpTrait.NoTerminator, regionKind: () => RegionKind.Graph });
  ctx.registerOperation({ name: "s.ssa", traits: 0 });
  const op = (
    name: string,
    o: { operands?: Value[]; results?: number; regions?: number; successors?: Block[] } = {},
  ): Operation =>
    Operation.create(ctx, {
      name: ctx.getOperationName(name),
      loc,
      operands: o.operands ?? [],
      resultTypes: new Array(o.results ?? 0).fill(i32),
      numRegions: o.regions ?? 0,
      successors: o.successors ?? [],
    });
  /** A region of `holder` whose block i branches to succs[i] (or returns). */
  const cfg = (succs: number[][], holderName = "u.cfg") => {
    const holder = op(holderName, { regions: 1 });
    const blocks = succs.map(() => new Block());
    for (const b of blocks) holder.regions[0]!.push(b);
    succs.forEach((s, i) => blocks[i]!.push(op(s.length ? "u.br" : "u.ret", { successors: s.map((j) => blocks[j]!) })));
    return { holder, blocks };
  };
  return { ctx, op, cfg };
}

//===----------------------------------------------------------------------===//
// Naive reference: dominance by reachability with one node removed
//===----------------------------------------------------------------------===//

/** Nodes reachable from `start` over `succs`, never entering `removed`. */
function reach(succs: number[][], start: number, removed: number): boolean[] {
  const seen = new Array<boolean>(succs.length).fill(false);
  if (start === removed) return seen;
  const stack = [start];
  seen[start] = true;
  while (stack.length) {
    const n = stack.pop()!;
    for (const s of succs[n]!)
      if (s !== removed && !seen[s]) {
        seen[s] = true;
        stack.push(s);
      }
  }
  return seen;
}

/** dom[a][b]: a dominates b, with LLVM's rule for unreachable blocks. */
function naiveDominance(succs: number[][], entry: number): boolean[][] {
  const n = succs.length;
  const reachable = reach(succs, entry, -1);
  return Array.from({ length: n }, (_, a) => {
    const without = reach(succs, entry, a);
    return Array.from({ length: n }, (_, b) => a === b || !reachable[b] || (reachable[a]! && !without[b]));
  });
}

/** Reverse graph plus a virtual exit node `n` that reaches every block without successors. */
function reverseWithExit(succs: number[][]): number[][] {
  const n = succs.length;
  const rev: number[][] = Array.from({ length: n + 1 }, () => []);
  succs.forEach((s, i) => {
    if (s.length === 0) rev[n]!.push(i);
    for (const j of s) rev[j]!.push(i);
  });
  return rev;
}

describe("dominator trees", () => {
  it("matches the naive reference on random CFGs (dominance, idom, NCA, reachability)", () => {
    const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(graph, (succs) => {
        const { cfg } = setup();
        const { blocks } = cfg(succs);
        const dom = new DominanceInfo();
        const ref = naiveDominance(succs, 0);
        const reachable = reach(succs, 0, -1);
        const n = succs.length;
        for (let a = 0; a < n; a++) {
          expect(dom.isReachableFromEntry(blocks[a]!)).toBe(reachable[a]);
          for (let b = 0; b < n; b++) expect(dom.dominates(blocks[a]!, blocks[b]!)).toBe(ref[a]![b]);
        }
        for (let b = 1; b < n; b++) {
          if (!reachable[b]) {
            expect(dom.getImmediateDominator(blocks[b]!)).toBeNull();
            continue;
          }
          // The idom is the strict dominator that every other strict dominator dominates.
          const strict = [...Array(n).keys()].filter((a) => a !== b && ref[a]![b] && reachable[a]);
          const idom = strict.find((d) => strict.every((o) => ref[o]![d]));
          expect(dom.getImmediateDominator(blocks[b]!)).toBe(blocks[idom!]);
        }
        for (let a = 0; a < n; a++)
          for (let b = 0; b < n; b++) {
            if (!reachable[a] || !reachable[b]) continue;
            const common = [...Array(n).keys()].filter((d) => reachable[d] && ref[d]![a] && ref[d]![b]);
            const nearest = common.find((d) => common.every((o) => ref[o]![d]));
            expect(dom.findNearestCommonDominator(blocks[a]!, blocks[b]!)).toBe(blocks[nearest!]);
          }
      }),
      { numRuns: 300 },
    );
  });

  it("matches the naive reference for post-dominance (virtual exit)", () => {
    const graph = fc.integer({ min: 1, max: 9 }).chain((n) =>
      fc.array(fc.array(fc.nat({ max: n - 1 }), { maxLength: 3 }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(graph, (succs) => {
        const { cfg } = setup();
        const { blocks } = cfg(succs);
        const pdom = new PostDominanceInfo();
        const ref = naiveDominance(reverseWithExit(succs), succs.length);
        for (let a = 0; a < succs.length; a++)
          for (let b = 0; b < succs.length; b++) expect(pdom.postDominates(blocks[a]!, blocks[b]!)).toBe(ref[a]![b]);
      }),
      { numRuns: 300 },
    );
  });

  it("builds trees for long chains and deep loops without recursion", () => {
    const { cfg } = setup();
    const n = 50_000;
    const succs = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1, 0] : []));
    const { blocks } = cfg(succs);
    const dom = new DominanceInfo();
    expect(dom.dominates(blocks[0]!, blocks[n - 1]!)).toBe(true);
    expect(dom.dominates(blocks[n - 2]!, blocks[n - 1]!)).toBe(true);
    expect(dom.dominates(blocks[n - 1]!, blocks[n - 2]!)).toBe(false);
    expect(dom.getImmediateDominator(blocks[n - 1]!)).toBe(blocks[n - 2]);
  });
});

//===----------------------------------------------------------------------===//
// Values and ops across regions
//===----------------------------------------------------------------------===//

describe("value dominance (MLIR's properlyDominates(Value, Operation*))", () => {
  it("orders ops in one block of an SSACFG region", () => {
    const { op, cfg } = setup();
    // A registered op without RegionKind.Graph: its single-block region is SSACFG.
    const { blocks } = cfg([[]], "s.ssa");
    const b = blocks[0]!;
    const def = op("u.def", { results: 1 });
    const use = op("u.use", { operands: [def.getResult(0)] });
    b.insertBefore(use, b.first);
    b.insertBefore(def, b.first);
    const dom = new DominanceInfo();
    expect(dom.properlyDominates(def.getResult(0), use)).toBe(true);
    use.moveBefore(def);
    expect(dom.properlyDominates(def.getResult(0), use)).toBe(false);
    // An op never dominates itself in an SSACFG region...
    expect(dom.properlyDominates(def.getResult(0), def)).toBe(false);
    expect(dom.properlyDominatesOp(def, def)).toBe(false);
  });

  it("walks nested uses up to the definition's region", () => {
    const { op, cfg } = setup();
    const { blocks } = cfg([[1], []]);
    const def = op("u.def", { results: 1 });
    const arg = blocks[1]!.addArgument(def.getResult(0).type, UnknownLoc.get(def.context));
    blocks[0]!.insertBefore(def, blocks[0]!.first);
    // Two levels of SSACFG nesting (multi-block unregistered regions are SSACFG) in block 1.
    const outer = op("s.ssa", { regions: 1 });
    const inner = op("s.ssa", { regions: 1 });
    const ob = new Block();
    outer.regions[0]!.push(ob);
    ob.push(inner);
    const ib = new Block();
    inner.regions[0]!.push(ib);
    const use = op("u.use", { operands: [def.getResult(0), arg] });
    ib.push(use);
    blocks[1]!.insertBefore(outer, blocks[1]!.first);
    const dom = new DominanceInfo();
    expect(dom.properlyDominates(def.getResult(0), use)).toBe(true);
    expect(dom.properlyDominates(arg, use)).toBe(true);
    expect(dom.dominates(blocks[0]!, ib)).toBe(true);
    expect(dom.dominates(ib, blocks[0]!)).toBe(false);
    expect(dom.properlyDominatesOp(outer, use)).toBe(true);
    expect(dom.properlyDominatesOp(outer, use, /*enclosingOpOk=*/ false)).toBe(false);
    // A value used inside its own defining op's region does not dominate the use.
    const holder = op("s.ssa", { results: 1, regions: 1 });
    const hb = new Block();
    holder.regions[0]!.push(hb);
    const selfUse = op("u.use", { operands: [holder.getResult(0)] });
    hb.push(selfUse);
    blocks[1]!.insertBefore(holder, blocks[1]!.last);
    expect(dom.properlyDominates(holder.getResult(0), selfUse)).toBe(false);
    // Values defined in a sibling or child region never dominate.
    const child = op("u.def", { results: 1 });
    ib.insertBefore(child, ib.first);
    expect(dom.properlyDominates(child.getResult(0), blocks[1]!.last!)).toBe(false);
    expect(dom.properlyDominates(child.getResult(0), selfUse)).toBe(false);
  });

  it("puts no constraint on graph regions: registered Graph kinds and unregistered single-block regions", () => {
    const { op } = setup();
    for (const name of ["g.graph", "u.unknown"]) {
      const g = op(name, { regions: 1 });
      const b = new Block();
      g.regions[0]!.push(b);
      const def = op("u.def", { results: 1, regions: 1 });
      const use = op("u.use", { operands: [def.getResult(0)] });
      b.push(use);
      b.push(def);
      // A use nested in the defining op is fine too, and so is an op using its own result.
      const nb = new Block();
      def.regions[0]!.push(nb);
      const nested = op("u.use", { operands: [def.getResult(0)] });
      nb.push(nested);
      const self = op("u.self", { results: 1 });
      self.setOperands([self.getResult(0)]);
      b.push(self);
      const dom = new DominanceInfo();
      expect(dom.hasSSADominance(g.regions[0]!)).toBe(false);
      expect(dom.properlyDominates(def.getResult(0), use)).toBe(true);
      expect(dom.properlyDominates(def.getResult(0), nested)).toBe(true);
      expect(dom.properlyDominates(self.getResult(0), self)).toBe(true);
      expect(dom.properlyDominatesBlock(b, b)).toBe(true);
    }
    // An unregistered op's multi-block region has SSA dominance.
    const { cfg } = setup();
    const { holder } = cfg([[1], []]);
    expect(new DominanceInfo().hasSSADominance(holder.regions[0]!)).toBe(true);
  });

  it("answers in O(depth) for 10,000 levels of nesting, and O(1) with the ancestor hint", () => {
    const { op, cfg } = setup();
    const { blocks } = cfg([[]], "s.ssa");
    const def = op("u.def", { results: 1 });
    blocks[0]!.insertBefore(def, blocks[0]!.first);
    let parent = blocks[0]!;
    let top: Operation | undefined;
    for (let i = 0; i < 10_000; i++) {
      const o = op("s.ssa", { regions: 1 });
      parent.insertBefore(o, parent.last);
      top ??= o;
      const b = new Block();
      o.regions[0]!.push(b);
      parent = b;
    }
    const use = op("u.use", { operands: [def.getResult(0)] });
    parent.push(use);
    const dom = new DominanceInfo();
    expect(dom.properlyDominates(def.getResult(0), use)).toBe(true);
    expect(dom.properlyDominates(def.getResult(0), use, top)).toBe(true);
    expect(dom.findNearestCommonDominator(parent, blocks[0]!)).toBe(blocks[0]);
  });

  it("post-dominates within a block by reverse order", () => {
    const { op, cfg } = setup();
    const { blocks } = cfg([[1, 2], [3], [3], []]);
    const pdom = new PostDominanceInfo();
    expect(pdom.postDominates(blocks[3]!, blocks[0]!)).toBe(true);
    expect(pdom.postDominates(blocks[1]!, blocks[0]!)).toBe(false);
    const first = op("u.a");
    blocks[0]!.insertBefore(first, blocks[0]!.first);
    expect(pdom.properlyPostDominatesOp(blocks[0]!.last!, first)).toBe(true);
    expect(pdom.properlyPostDominatesOp(first, blocks[0]!.last!)).toBe(false);
  });
});
