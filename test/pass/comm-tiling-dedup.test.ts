// comm-tiling{dedup=true}: deduplicated dispatch on lowered programs. Task
// and byte counts are computed here from the routing's ids (which ranks each
// token's experts live on), not read from the pass; the programs are
// race-free with every put matched; the limits are located errors.

import { describe, expect, it } from "vitest";
import { registerAllPasses } from "../../passes/index.js";
import { TileGraph } from "../../passes/tile-graph.js";
import { computeTileStats } from "../../passes/tile-stats.js";
import { findRaces } from "../../passes/tile-race-check.js";
import { readTask } from "../../dialects/tile-build.js";
import { Stage } from "../../dialects/tile-model.js";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { Context } from "../../src/ir/context.js";
import type { Operation } from "../../src/ir/operation.js";
import { Severity } from "../../src/ir/diagnostics.js";
import { readIntArray } from "../../src/ir/dense-int-array.js";
import { intAttrValue } from "../../src/ir/int-attr.js";
import { DenseIntOrFPElementsAttr, StringAttr } from "../../src/ir/builtin-attributes.js";
import { IntegerType, RankedTensorType } from "../../src/ir/builtin-types.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { verify } from "../../src/ir/verifier.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { generateRouting, type Routing } from "../../src/layer/routing.js";
import { globalPassRegistry } from "../../src/pass/pass-registry.js";
import { parsePassPipeline, PipelineError } from "../../src/pass/pipeline-parser.js";
import { tinyConfig, type TinySizes } from "../runtime/fixtures.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import { CoreType } from "../../passes/schedule/task-graph.js";

registerAllPasses(globalPassRegistry);

/** Skewed routing, so that tokens often have several experts on one rank. */
const zipf: TinySizes = { ep: 2, experts: 6, topK: 3, tokensPerRank: 9, hidden: 12, inter: 5, routing: { kind: "zipf", seed: 4, skew: 2 } };
const ep4: TinySizes = { ep: 4, experts: 8, topK: 4, tokensPerRank: 7, hidden: 6, inter: 3, routing: { kind: "zipf", seed: 2, skew: 1.5 } };

function lower(s: TinySizes, pipeline: string, opts: { dedupTables?: boolean; worstCase?: boolean } = {}): { module: Operation; ctx: Context; routing: Routing; failed: boolean } {
  const cfg = tinyConfig({ ...s, pass: "both" });
  const ctx = new Context();
  registerAllDialects(ctx);
  const routing = generateRouting(cfg);
  const module = buildMoeModule(ctx, cfg, opts.worstCase ? undefined : routing, { dedup: (opts.dedupTables ?? true) && !opts.worstCase });
  expect(verify(module).failed).toBe(false);
  const pm = parsePassPipeline(`builtin.module(${pipeline})`, globalPassRegistry);
  if (pm instanceof PipelineError) throw new Error(pm.text);
  return { module, ctx, routing, failed: pm.run(module).failed };
}

function programs(m: Operation): Operation[] {
  const out: Operation[] = [];
  for (let op = m.regions[0]!.entryBlock!.first; op; op = op.next) if (op.name.name === "tile.program") out.push(op);
  return out;
}

/** The ranks holding the experts of token t of source s. */
function ranksOf(r: Routing, s: number, t: number): Set<number> {
  const e = r.experts / r.ep;
  const out = new Set<number>();
  for (let k = 0; k < r.topK; k++) out.add(Math.floor(r.ids[s]![t * r.topK + k]! / e));
  return out;
}

const ceilDiv = (a: number, b: number) => Math.ceil(a / b);

describe("comm-tiling dedup=true: counts from the routing", () => {
  for (const [name, s, tileRows] of [
    ["ep2 zipf", zipf, 2],
    ["ep4 zipf", ep4, 3],
    ["ep2 zipf, one tile per block", zipf, 128],
  ] as const)
    it(`sends each token to a rank once, gathers every routed row (${name}, tile-rows=${tileRows})`, () => {
      const { module, ctx, routing, failed } = lower(s, `moe-to-tile,comm-tiling{dedup=true tile-rows=${tileRows}}`);
      expect(failed).toBe(false);
      const { ep, experts: E, tokensPerRank: T } = routing;
      const e = E / ep;
      const H = s.hidden;
      const remarks = ctx.diagnostics.takeAll().filter((d) => d.severity === Severity.Remark);
      let saved = 0;
      for (const program of programs(module)) {
        const r = intAttrValue(program.getAttr("rank"))!;
        const bwd = (program.getAttr("sym_name") as StringAttr).value.startsWith("bwd");
        const exchange = bwd ? Stage.combine_grad : Stage.dispatch;
        // Expected from the ids: unique tokens per (r -> p), routed rows per (s -> d on r).
        let puts = 0;
        let sent = 0;
        let without = 0;
        for (let p = 0; p < ep; p++) {
          let unique = 0;
          for (let t = 0; t < T; t++) if (ranksOf(routing, r, t).has(p)) unique++;
          puts += ceilDiv(unique, tileRows);
          sent += unique * H * 2;
          for (let d = 0; d < e; d++) without += routing.counts[r * E + p * e + d]! * H * 2;
        }
        let gathers = 0;
        for (let d = 0; d < e; d++) for (let src = 0; src < ep; src++) gathers += ceilDiv(routing.counts[src * E + r * e + d]!, tileRows);
        const got = { puts: 0, sent: 0, gathers: 0 };
        for (let op = program.regions[0]!.entryBlock!.first; op; op = op.next) {
          const task = readTask(op);
          if (task?.kind === "put" && task.stage === exchange) {
            got.puts++;
            got.sent += task.bytesSent;
          }
          if (task?.kind === "gather") got.gathers++;
        }
        expect(got).toEqual({ puts, sent, gathers });
        expect(readIntArray(program.getAttr("moe.dedup_bytes"), 64)).toEqual([without, sent]);
        expect(program.getAttr("moe.unique_counts")).toBeUndefined();
        saved += without - sent;
      }
      expect(saved).toBeGreaterThan(0);
      expect(remarks).toHaveLength(2 * ep);
      expect(remarks[0]!.message).toMatch(/^comm-tiling dedup: the first exchange sends \d+ bytes instead of \d+ \(\d+ saved\)$/);
    });
});

describe("comm-tiling dedup=true: dependencies", () => {
  for (const pipeline of [
    "moe-to-tile,comm-tiling{dedup=true}",
    "moe-to-tile{gemm-m=4 gemm-n=8 swiglu-rows=3},comm-tiling{tile-rows=2 order=ratr dedup=true}",
    "moe-to-tile{gemm-tiling=per-core cube-cores=4 deps=expert},comm-tiling{tile-rows=3 order=cost dedup=true}",
  ])
    it(`is race-free and acyclic with every put matched (${pipeline})`, () => {
      for (const s of [zipf, ep4]) {
        const { module, failed } = lower(s, pipeline);
        expect(failed).toBe(false);
        const g = new TileGraph(module);
        expect(g.problems).toEqual([]);
        expect(findRaces(g)).toEqual([]);
        expect(computeTileStats(g).acyclic).toBe(true);
      }
    });

  it("makes a GEMM tile wait for the gathers of its rows, and a gather for the arrivals of its tokens", () => {
    const { module } = lower(zipf, "moe-to-tile{gemm-m=4},comm-tiling{tile-rows=2 dedup=true}");
    const program = programs(module)[0]!;
    for (let op = program.regions[0]!.entryBlock!.first; op; op = op.next) {
      const t = readTask(op);
      if (t?.kind === "gather") for (const d of t.deps) expect(d.definingOp!.name.name).toBe("tile.arrival");
      if (t?.kind === "gemm" && t.stage === Stage.gmm1) {
        expect(t.deps.length).toBeGreaterThan(0);
        for (const d of t.deps) expect(readTask(d.definingOp!)?.kind).toBe("gather");
      }
    }
  });
});

describe("comm-tiling dedup=true: scheduling input", () => {
  it("charges gathers as vector tasks from their bytes (backward programs)", () => {
    const { module } = lower(ep4, "moe-to-tile,comm-tiling{dedup=true tile-rows=2}");
    const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
    const bwd = programs(module).filter((p) => (p.getAttr("sym_name") as StringAttr).value.startsWith("bwd"));
    const { graph: g, ops } = taskGraphOfPrograms(bwd, model);
    let gathers = 0;
    for (let i = 0; i < g.n; i++) {
      const t = readTask(ops[i]!);
      if (t?.kind !== "gather") continue;
      gathers++;
      expect(g.type[i]).toBe(CoreType.aiv);
      expect(g.duration[i]).toBeCloseTo(model.vectorMicros(0, t.bytes), 9);
    }
    expect(gathers).toBeGreaterThan(0);
  });
});

describe("comm-tiling dedup=true: limits", () => {
  it("rejects the static worst case, located at the program", () => {
    const { ctx, failed } = lower(zipf, "moe-to-tile,comm-tiling{dedup=true}", { worstCase: true });
    expect(failed).toBe(true);
    const d = ctx.diagnostics.takeAll().find((x) => x.severity === Severity.Error)!;
    expect(d.message).toMatch(/^'tile.program' op comm-tiling dedup=true needs known routing: in the static worst case/);
  });

  it("rejects programs whose moe senders carried no dedup tables", () => {
    const { ctx, failed } = lower(zipf, "moe-to-tile,comm-tiling{dedup=true}", { dedupTables: false });
    expect(failed).toBe(true);
    const d = ctx.diagnostics.takeAll().find((x) => x.severity === Severity.Error)!;
    expect(d.message).toMatch(/needs the moe senders' dedup tables \('unique_counts', 'gather_rows'\)/);
  });

  it("rejects tables that do not fit the program (edited between the passes)", () => {
    const { module, ctx } = lower(zipf, "moe-to-tile");
    const program = programs(module)[0]!;
    const rows = program.getAttr("moe.gather_rows") as DenseIntOrFPElementsAttr;
    program.setAttr("moe.gather_rows", DenseIntOrFPElementsAttr.get(ctx, RankedTensorType.get(ctx, [2], IntegerType.get(ctx, 32)), rows.data.slice(0, 8), false));
    const pm = parsePassPipeline("builtin.module(comm-tiling{dedup=true})", globalPassRegistry);
    if (pm instanceof PipelineError) throw new Error(pm.text);
    expect(pm.run(module).failed).toBe(true);
    const d = ctx.diagnostics.takeAll().find((x) => x.severity === Severity.Error)!;
    expect(d.message).toMatch(/^'tile.program' op comm-tiling dedup=true found dedup tables that do not fit the program's dispatch layout \(rows \d+\.\.\d+ from rank \d\)$/);
  });

  it("drops the tables and lowers as before with dedup=false", () => {
    const a = lower(zipf, "moe-to-tile,comm-tiling");
    const b = lower(zipf, "moe-to-tile,comm-tiling", { dedupTables: false });
    expect(printTopLevel(a.module)).toBe(printTopLevel(b.module));
  });
});
