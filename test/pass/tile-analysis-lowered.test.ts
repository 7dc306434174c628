// tile-stats, tile-race-check and the tile emulator on programs that
// moe-to-tile and comm-tiling produce:
// lowered programs are race-free and acyclic; dropping a dependency or a put
// is caught by the race check and by the emulator.

import { describe, expect, it } from "vitest";
import { registerAllPasses } from "../../passes/index.js";
import { TileGraph } from "../../passes/tile-graph.js";
import { computeTileStats } from "../../passes/tile-stats.js";
import { findRaces } from "../../passes/tile-race-check.js";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { Context } from "../../src/ir/context.js";
import type { Operation } from "../../src/ir/operation.js";
import { walk } from "../../src/ir/walk.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { generateRouting } from "../../src/layer/routing.js";
import { globalPassRegistry } from "../../src/pass/pass-registry.js";
import { parsePassPipeline, PipelineError } from "../../src/pass/pipeline-parser.js";
import { runTilePrograms } from "../../src/runtime/emu/tile-emu.js";
import { tinyConfig } from "../runtime/fixtures.js";

registerAllPasses(globalPassRegistry);

function lowered(pipeline: string, worstCase = false): Operation {
  const cfg = tinyConfig({ ep: 2, experts: 4, topK: 2, tokensPerRank: 6, hidden: 8, inter: 4, pass: "both" });
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = buildMoeModule(ctx, cfg, worstCase ? undefined : generateRouting(cfg));
  const pm = parsePassPipeline(`builtin.module(${pipeline})`, globalPassRegistry);
  if (pm instanceof PipelineError) throw new Error(pm.text);
  expect(pm.run(m).failed).toBe(false);
  return m;
}

const first = (m: Operation, name: string, pred: (op: Operation) => boolean = () => true): Operation => {
  let found: Operation | undefined;
  walk(m, (op) => {
    if (!found && op.name.name === name && pred(op)) found = op;
  });
  return found!;
};

describe("tile analyses on lowered programs", () => {
  for (const [pipeline, worst] of [
    ["moe-to-tile,comm-tiling", false],
    ["moe-to-tile{gemm-m=4 gemm-n=8 swiglu-rows=3},comm-tiling{tile-rows=2 order=ratr}", false],
    ["moe-to-tile{gemm-tiling=per-core cube-cores=4 deps=expert},comm-tiling{tile-rows=4 mode=worst-case}", true],
  ] as const)
    it(`finds them race-free and acyclic, every put matched (${pipeline})`, () => {
      const g = new TileGraph(lowered(pipeline, worst));
      expect(g.problems).toEqual([]);
      expect(findRaces(g)).toEqual([]);
      const s = computeTileStats(g);
      expect(s.acyclic).toBe(true);
      expect(s.tasks).toBeGreaterThan(0);
      expect(s.criticalTasks).toBeGreaterThanOrEqual(5);
    });

  it("catches a GEMM whose dependencies were dropped", () => {
    const m = lowered("moe-to-tile,comm-tiling");
    const gemm = first(m, "tile.gemm", (op) => op.numOperands > 0);
    gemm.setOperands([]);
    const races = findRaces(new TileGraph(m));
    expect(races.length).toBeGreaterThan(0);
    expect(races[0]!.reader.op).toBe(gemm);
  });

  it("reports, without crashing, tasks the emulator can never run (a put removed)", () => {
    const m = lowered("moe-to-tile,comm-tiling");
    const put = first(m, "tile.put");
    for (const u of [...put.getResult(0).uses()]) u.owner.setOperands(u.owner.getOperands().filter((v) => v !== put.getResult(0)));
    put.erase();
    const run = runTilePrograms(m, () => undefined);
    expect("message" in run && run.message).toMatch(/^never runs: no put raises this arrival \(\d+ ops stuck\)$/);
  });
});
