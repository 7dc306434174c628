// moe-to-tile and comm-tiling on small layers: structure (every read depends
// on its writers), tile-exact vs per-expert dependencies, GEMM tilings, token
// tiles with known and worst-case routing, tile orders and signal matching.

import { intAttrValue } from "../../src/ir/int-attr.js";
import { describe, expect, test } from "vitest";
import type { LayerConfig } from "../../src/layer/layer-config.js";
import { generateRouting } from "../../src/layer/routing.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { verify } from "../../src/ir/verifier.js";
import type { Operation } from "../../src/ir/operation.js";
import type { StringAttr } from "../../src/ir/builtin-attributes.js";
import { printAttr } from "./moe-to-tile-check.js";
import { readsOf, validRowsOf, writesOf, blockOf, kGemm, kJoin, kPut, kArrival, kTerminate } from "../../passes/tile-builder.js";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import { MoeToTilePass } from "../../passes/moe-to-tile.js";
import { CommTilingPass } from "../../passes/comm-tiling.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { linkPutsToArrivals } from "../../dialects/tile-links.js";
import { perCoreColumns } from "../../passes/tile-program-emitter.js";
import { Stage } from "../../dialects/tile-model.js";
import { lowerContext, parseMoe, type MoeCase } from "./moe-to-tile-fixture.js";
import { countsByStage, dependencyProblems, programOps, programs, tasks, transfers } from "./moe-to-tile-check.js";

function symName(op: Operation): string {
  return (op.getAttr("sym_name") as StringAttr).value;
}

function config(c: { ep: number; experts: number; topK: number; tokens: number; seed?: number; skew?: number }): LayerConfig {
  return {
    model: { hidden: 64, moeIntermediate: 32, experts: c.experts, topK: c.topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep: c.ep, tokensPerRank: c.tokens },
    routing: c.skew ? { kind: "zipf", seed: c.seed ?? 1, skew: c.skew } : { kind: "balanced", seed: c.seed ?? 1 },
    pass: "both",
    target: "a3-die",
    source: "",
  };
}

/** Lowers `c` with `pipeline`; throws with the diagnostics on failure. */
function lower(c: MoeCase, pipeline: string | { preset: "reference" }): { module: Operation; progs: Operation[] } {
  const ctx = lowerContext();
  const module = parseMoe(ctx, c);
  const r = lowerMoeToTile(module, typeof pipeline === "string" ? { pipeline } : pipeline);
  if (r.failed) throw new Error(ctx.diagnostics.takeAll().map((d) => d.message).join("\n"));
  return { module, progs: programs(module) };
}

/** The diagnostics of a lowering expected to fail. */
function lowerErrors(c: MoeCase, pipeline: string): string[] {
  const ctx = lowerContext();
  const module = parseMoe(ctx, c);
  expect(lowerMoeToTile(module, { pipeline }).failed).toBe(true);
  return ctx.diagnostics.takeAll().map((d) => d.message);
}

const small: MoeCase = { ep: 2, experts: 4, topK: 2, tokens: 16, hidden: 32, inter: 16, direction: "both" };
const routed = (skew?: number): MoeCase => {
  const routing = generateRouting(config({ ep: 4, experts: 8, topK: 3, tokens: 40, skew, seed: 7 }));
  return { ep: 4, experts: 8, topK: 3, tokens: 40, hidden: 48, inter: 24, direction: "both", counts: routing.counts };
};

describe("moe-to-tile structure", () => {
  for (const [label, c] of [["worst case", small], ["balanced routing", routed()], ["zipf routing", routed(1.5)]] as const)
    for (const deps of ["tile", "expert"])
      for (const gemm of ["mxn gemm-m=8 gemm-n=16", "per-core cube-cores=3"])
        test(`${label}, deps=${deps}, ${gemm.split(" ")[0]}: every read depends on its writers`, () => {
          const { progs } = lower(c, `moe-to-tile{deps=${deps} gemm-tiling=${gemm} swiglu-rows=16},comm-tiling{tile-rows=8}`);
          expect(progs.length).toBe(2 * c.ep);
          for (const p of progs) expect(dependencyProblems(p, deps === "tile")).toEqual([]);
        });

  test("programs are named per rank and direction, after the functions they replace", () => {
    const { module, progs } = lower(small, "moe-to-tile");
    expect(progs.map(symName)).toEqual(["fwd_rank0", "fwd_rank1", "bwd_rank0", "bwd_rank1"]);
    expect(programOps(module).some((op) => op.name.name === "func.func")).toBe(false);
  });

  test("buffers: names, kinds and symmetric shapes equal on every rank", () => {
    const { progs } = lower(routed(1.5), "moe-to-tile,comm-tiling");
    const buffers = (p: Operation) =>
      programOps(p)
        .filter((op) => op.name.name === "tile.buffer")
        .map((op) => `${symName(op)} ${intAttrValue(op.getAttr("kind"))} ${printAttr(op.getAttr("type")!)}`);
    expect(buffers(progs[0]!).map((b) => b.split(" ")[0])).toEqual(["xsend", "xin", "h", "a", "y", "yret", "w13", "w2"]);
    expect(buffers(progs[4]!).map((b) => b.split(" ")[0])).toEqual(["dsend", "dyin", "xin", "h", "a", "da", "dh", "dxe", "dxret", "w13", "w2", "dw13", "dw2"]);
    const symmetric = (p: Operation) => buffers(p).filter((b) => b.split(" ")[1] === "2");
    for (const p of progs.slice(1, 4)) expect(symmetric(p)).toEqual(symmetric(progs[0]!));
    for (const p of progs.slice(5)) expect(symmetric(p)).toEqual(symmetric(progs[4]!));
    expect(buffers(lower(small, "moe-to-tile").progs[0]!).at(-1)).toMatch(/^counts 0 memref<2x4xi32>$/);
  });

  test("output is deterministic and options round-trip as pipeline text", () => {
    const print = () => printTopLevel(lower(routed(1.5), "moe-to-tile{deps=expert},comm-tiling{order=cost tile-rows=8}").module, { printGenericOpForm: true });
    expect(print()).toBe(print());
    const pass = new MoeToTilePass();
    expect(pass.options.parse("gemm-tiling=per-core cube-cores=20 deps=expert")).toBeUndefined();
    expect(pass.printAsTextualPipeline()).toBe("moe-to-tile{cube-cores=20 deps=expert gemm-m=128 gemm-n=256 gemm-tiling=per-core swiglu-rows=128}");
    const comm = new CommTilingPass();
    expect(comm.options.parse("order=sideways")?.badValue).toMatch(/Cannot find option named 'sideways'/);
  });

  test("the terminator waits for every token nothing else uses", () => {
    const { progs } = lower(routed(), "moe-to-tile,comm-tiling");
    for (const p of progs) {
      const ops = programOps(p);
      const term = ops.at(-1)!;
      expect(term.name.name).toBe(kTerminate);
      const sinks = ops.filter((op) => op.results.length && [...op.results[0]!.uses()].every((u) => u.owner === term));
      expect(term.numOperands).toBe(sinks.length);
    }
  });
});

describe("moe-to-tile on moe-import's modules", () => {
  test("a config with known routing lowers and every program passes the dependency check", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 24, seed: 3 });
    const ctx = lowerContext();
    const module = buildMoeModule(ctx, cfg, generateRouting(cfg));
    expect(lowerMoeToTile(module, { pipeline: "moe-to-tile{gemm-m=16 gemm-n=32},comm-tiling{tile-rows=8 order=cost}" }).failed).toBe(false);
    expect(verify(module).failed).toBe(false);
    const progs = programs(module);
    expect(progs.map(symName)).toEqual(["fwd_rank0", "fwd_rank1", "bwd_rank0", "bwd_rank1"]);
    for (const p of progs) expect(dependencyProblems(p, true)).toEqual([]);
  });

  test("without routing the preset lowers every rank for the worst case", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 128 });
    const ctx = lowerContext();
    const module = buildMoeModule(ctx, cfg, undefined);
    expect(lowerMoeToTile(module, { preset: "reference" }).failed).toBe(false);
    for (const p of programs(module)) expect(dependencyProblems(p, false)).toEqual([]);
  });
});

describe("moe-to-tile GEMM tiling and dependencies", () => {
  test("per-core: cube-cores tasks per expert, contiguous 16-aligned column shares of N", () => {
    expect(perCoreColumns(100, 4)).toEqual([[0, 32], [32, 64], [64, 96], [96, 100]]);
    expect(perCoreColumns(40, 4)).toEqual([[0, 16], [16, 32], [32, 40], [40, 40]]);
    const { progs } = lower({ ...small, direction: "fwd" }, "moe-to-tile{gemm-tiling=per-core cube-cores=3}");
    const gmm1 = tasks(progs[0]!).filter((t) => intAttrValue(t.getAttr("stage")) === Stage.gmm1);
    expect(gmm1.length).toBe(3 * 2);
    // Each reads all of its expert's rows (2 sources x T) and writes one column share of 2I = 32.
    expect(gmm1.slice(0, 3).map((t) => writesOf(t)[0]!.offsets[1])).toEqual([0, 16, 32]);
    expect(gmm1.map((t) => readsOf(t)[0]!.sizes[0])).toEqual(Array(6).fill(32));
  });

  test("mxn: gemm-m x gemm-n output tiles, each depending only on the token tiles it reads", () => {
    const { progs } = lower({ ...small, direction: "fwd" }, "moe-to-tile{gemm-m=8 gemm-n=16},comm-tiling{tile-rows=4}");
    const gmm1 = tasks(progs[0]!).filter((t) => intAttrValue(t.getAttr("stage")) === Stage.gmm1);
    // 2 experts x (32 rows / 8) x (32 cols / 16).
    expect(gmm1.length).toBe(2 * 4 * 2);
    for (const t of gmm1) {
      expect(t.numOperands).toBe(2); // two 4-row arrival tiles cover 8 rows
      for (const d of t.getOperands()) expect(d.definingOp!.name.name).toBe(kArrival);
    }
  });

  test("deps=expert: one join per (stage, expert), and every task of expert d waits on all of d's previous stage", () => {
    const { progs } = lower({ ...small, direction: "fwd" }, "moe-to-tile{deps=expert gemm-m=8 gemm-n=16},comm-tiling{tile-rows=4}");
    const ops = programOps(progs[0]!);
    const joins = ops.filter((op) => op.name.name === kJoin);
    // dispatch arrivals, gmm1, swiglu, gmm2 for each of 2 experts.
    expect(joins.length).toBe(4 * 2);
    for (const t of tasks(progs[0]!).filter((t) => intAttrValue(t.getAttr("stage")) !== Stage.dispatch)) {
      expect(t.numOperands).toBe(1);
      expect(t.getOperand(0).definingOp!.name.name).toBe(kJoin);
    }
    // The GEMM1 join of expert 0 counts all 8 arrival tiles of that expert (2 sources x 16 rows / 4).
    const g = tasks(progs[0]!).find((t) => intAttrValue(t.getAttr("stage")) === Stage.gmm1)!;
    expect(g.getOperand(0).definingOp!.numOperands).toBe(8);
  });

  test("tile-exact has more, finer edges than expert mode and no joins", () => {
    const edges = (deps: string) => {
      const { progs } = lower({ ...small, direction: "fwd" }, `moe-to-tile{deps=${deps} gemm-m=8 gemm-n=16 swiglu-rows=8},comm-tiling{tile-rows=4}`);
      const ops = programOps(progs[0]!);
      return { joins: ops.filter((o) => o.name.name === kJoin).length, swigluDeps: tasks(progs[0]!).filter((t) => intAttrValue(t.getAttr("stage")) === Stage.swiglu).map((t) => t.numOperands) };
    };
    expect(edges("tile")).toEqual({ joins: 0, swigluDeps: Array(8).fill(2) }); // the two column tiles of its rows
    expect(edges("expert").swigluDeps).toEqual(Array(8).fill(1));
  });

  test("backward: weight gradients read all expert rows, transpose flags, f32 outputs; empty experts still write dW", () => {
    const counts = new Int32Array([16, 16, 0, 0, 16, 16, 0, 0]); // experts 2, 3 (rank 1) receive nothing
    const { progs } = lower({ ...small, counts, direction: "bwd" }, "moe-to-tile{gemm-m=16 gemm-n=16},comm-tiling{tile-rows=8}");
    const r1 = tasks(progs[1]!);
    expect(countsByStage(progs[1]!)).toEqual({ combine_grad: 2 * 16 / 8, gmm2_grad_weight: 2 * 1 * 2, gmm1_grad_weight: 2 * 2 * 2 });
    for (const t of r1.filter((t) => t.name.name === kGemm)) expect(t.getAttr("transpose_lhs")).toBeDefined();
    const r0 = tasks(progs[0]!);
    expect(r0.filter((t) => intAttrValue(t.getAttr("stage")) === Stage.gmm2_grad_lhs).every((t) => t.getAttr("transpose_rhs") !== undefined)).toBe(true);
    const w1 = r0.find((t) => intAttrValue(t.getAttr("stage")) === Stage.gmm1_grad_weight)!;
    expect(readsOf(w1).map((s) => s.sizes[0])).toEqual([32, 32]);
    expect(writesOf(w1)[0]!.buffer).toBe("dw13");
  });
});

describe("comm-tiling", () => {
  test("known routing: ceil(rows / tile-rows) tiles per block, none empty", () => {
    const c = routed(1.5);
    const { progs } = lower(c, "moe-to-tile,comm-tiling{tile-rows=4}");
    const E = c.experts;
    const e = E / c.ep;
    for (const p of progs.filter((p) => intAttrValue(p.getAttr("rank")) !== undefined).slice(0, c.ep)) {
      const r = intAttrValue(p.getAttr("rank"))!;
      let expected = 0;
      for (let g = 0; g < E; g++) expected += Math.ceil(c.counts![r * E + g]! / 4);
      for (let s = 0; s < c.ep; s++) for (let d = 0; d < e; d++) expected += Math.ceil(c.counts![s * E + r * e + d]! / 4);
      const puts = tasks(p).filter((t) => t.name.name === kPut);
      expect(puts.length).toBe(expected);
      for (const t of puts) {
        expect(writesOf(t)[0]!.sizes[0]).toBeGreaterThan(0);
        expect(validRowsOf(t)).toBeUndefined();
      }
    }
  });

  test("worst case: T / tile-rows tiles per (source, expert) with valid_rows = [src, expert, first]", () => {
    const { progs } = lower({ ...small, direction: "fwd" }, "moe-to-tile,comm-tiling{tile-rows=4 mode=worst-case}");
    const puts = tasks(progs[1]!).filter((t) => t.name.name === kPut);
    expect(puts.length).toBe(2 * 4 * (16 / 4)); // dispatch and combine: E blocks x T/4
    const dispatch = puts.filter((t) => intAttrValue(t.getAttr("stage")) === Stage.dispatch);
    const firsts = dispatch.filter((t) => blockOf(t)!.expert === 0).map((t) => validRowsOf(t));
    expect(firsts).toEqual([[1, 0, 0], [1, 0, 4], [1, 0, 8], [1, 0, 12]]);
    const arrivals = programOps(progs[1]!).filter((op) => op.name.name === kArrival);
    expect(arrivals.length).toBe(2 * 2 * 2 * (16 / 4)); // (dispatch, combine) x 2 peers x 2 experts
    expect(arrivals.every((a) => writesOf(a)[0]!.sizes[0] === 4)).toBe(true);
  });

  test("mode must match how the program was lowered", () => {
    expect(lowerErrors(small, "moe-to-tile,comm-tiling{mode=known}")[0]).toMatch(/mode=known needs routing counts/);
    expect(lowerErrors(routed(), "moe-to-tile,comm-tiling{mode=worst-case}")[0]).toMatch(/mode=worst-case needs a worst-case program/);
  });

  test("bad options and inputs are located errors", () => {
    expect(lowerErrors(small, "moe-to-tile{gemm-m=0}")[0]).toMatch(/gemm-m must be positive/);
    expect(lowerErrors(small, "moe-to-tile,comm-tiling{tile-rows=0}")[0]).toMatch(/tile-rows must be positive/);
    const bad = new Int32Array(8).fill(17); // more rows than tokens
    expect(lowerErrors({ ...small, counts: bad }, "moe-to-tile")[0]).toMatch(/'counts' entry \[0\]\[0\] = 17 is outside \[0, 16\]/);
  });

  test("every put has exactly one matching arrival on its peer (same signal, same landed slice)", () => {
    for (const c of [small, routed(), routed(1.5)]) {
      const { progs } = lower(c, "moe-to-tile,comm-tiling{tile-rows=4 order=ratr}");
      const { sent, landed } = transfers(progs.filter((p) => String(p.getAttr("sym_name")).includes("fwd")));
      expect(landed).toEqual(sent);
      expect(new Set(sent.map((s) => s.split(" @")[0])).size).toBe(sent.length); // (src, dst, signal) unique
      const bwd = transfers(progs.filter((p) => String(p.getAttr("sym_name")).includes("bwd")));
      expect(bwd.landed).toEqual(bwd.sent);
      // The tile dialect's own cross-program check agrees.
      for (const dir of ["fwd", "bwd"]) expect(linkPutsToArrivals(progs.filter((p) => symName(p).startsWith(dir))).errors).toEqual([]);
    }
  });

  const order = (o: string, c: MoeCase) => {
    const { progs } = lower({ ...c, direction: "fwd" }, `moe-to-tile,comm-tiling{tile-rows=8 order=${o}}`);
    const puts = tasks(progs[1]!).filter((t) => t.name.name === kPut && intAttrValue(t.getAttr("stage")) === Stage.dispatch);
    // A tile's first row within its block: valid_rows in the worst case, else from the block's first tile.
    const blockStart = new Map<string, number>();
    const key = (t: Operation) => `p${intAttrValue(t.getAttr("peer"))}d${blockOf(t)!.local}`;
    for (const t of puts) blockStart.set(key(t), Math.min(blockStart.get(key(t)) ?? Infinity, writesOf(t)[0]!.offsets[0]!));
    return puts.map((t) => `${key(t)}r${validRowsOf(t)?.[2] ?? writesOf(t)[0]!.offsets[0]! - blockStart.get(key(t))!}`);
  };
  const three: MoeCase = { ep: 3, experts: 6, topK: 2, tokens: 16, hidden: 16, inter: 8 };

  test("order=natural: destination-major, then expert, then tile", () => {
    expect(order("natural", three)).toEqual(["p0d0r0", "p0d0r8", "p0d1r0", "p0d1r8", "p1d0r0", "p1d0r8", "p1d1r0", "p1d1r8", "p2d0r0", "p2d0r8", "p2d1r0", "p2d1r8"]);
  });

  test("order=ratr: expert-major, tile, peers rotated to start at the rank (hyperparallel-moe.md §4.2)", () => {
    expect(order("ratr", three)).toEqual(["p1d0r0", "p2d0r0", "p0d0r0", "p1d0r8", "p2d0r8", "p0d0r8", "p1d1r0", "p2d1r0", "p0d1r0", "p1d1r8", "p2d1r8", "p0d1r8"]);
  });

  test("order=cost: like ratr, but the larger block first at each (expert, tile)", () => {
    // Rank 1 sends 16 rows to expert 0 (rank 0), 9 to expert 2 (rank 1), 12 to expert 4 (rank 2).
    const counts = new Int32Array(18).fill(4);
    counts.set([16, 4, 9, 4, 12, 4], 6);
    const known = { ...three, counts };
    expect(order("cost", known).slice(0, 6)).toEqual(["p0d0r0", "p2d0r0", "p1d0r0", "p0d0r8", "p2d0r8", "p1d0r8"]);
    expect(order("ratr", known).slice(0, 3)).toEqual(["p1d0r0", "p2d0r0", "p0d0r0"]);
    expect(order("cost", three)).toEqual(order("ratr", three));
  });

  test("the reference preset drops routing counts and plans for the worst case", () => {
    const { progs } = lower({ ...routed(), direction: "fwd" }, { preset: "reference" });
    const puts = tasks(progs[0]!).filter((t) => t.name.name === kPut);
    expect(puts.every((t) => validRowsOf(t) !== undefined)).toBe(true);
    expect(puts.length).toBe(2 * 8 * 1); // 40 tokens: one 128-row tile per (source, expert)
    expect(tasks(progs[0]!).filter((t) => t.name.name === kGemm).length).toBe(2 * 2 * 24);
  });
});
