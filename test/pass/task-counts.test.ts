// Task counts of the reference preset against the formulas of
// hyperparallel-moe.md §3.4 for every tp = 1 configuration listed there
// (static worst case): communication E * T/128 per stage, GEMMs cores * e,
// SwiGLU (T * ep / 128) * e. Expected numbers come from the formulas, not
// from our output. Only rank 0 is lowered: each rank's program is generated
// alone, and the counts are the same on every rank.

import { describe, expect, test } from "vitest";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import { kTerminate } from "../../passes/tile-builder.js";
import { lowerContext, parseMoe, type MoeCase } from "./moe-to-tile-fixture.js";
import { countsByStage, programOps, programs } from "./moe-to-tile-check.js";

interface Row extends Pick<MoeCase, "ep" | "experts" | "topK" | "tokens" | "hidden" | "inter"> {
  name: string;
  cores: number;
  /** Check the forward program only (the backward formulas are checked on the E48 rows; this keeps the file fast). */
  forwardOnly?: boolean;
}

/** The reference code's per-rank counts (hyperparallel-moe.md §3.1, tp = 1). */
function formula(r: Row) {
  const e = r.experts / r.ep;
  const comm = r.experts * (r.tokens / 128);
  const gmm = r.cores * e;
  const swiglu = ((r.tokens * r.ep) / 128) * e;
  return {
    fwd: { dispatch: comm, gmm1: gmm, swiglu, gmm2: gmm, combine: comm },
    bwd: { combine_grad: comm, gmm2_grad_lhs: gmm, gmm2_grad_weight: gmm, swiglu_grad: swiglu, gmm1_grad_lhs: gmm, gmm1_grad_weight: gmm, dispatch_grad: comm },
  };
}

function lowerRank0(r: Row, pipeline: string) {
  const c: MoeCase = { ep: r.ep, experts: r.experts, topK: r.topK, tokens: r.tokens, hidden: r.hidden, inter: r.inter, direction: r.forwardOnly ? "fwd" : "both", ranks: [0] };
  const ctx = lowerContext();
  const module = parseMoe(ctx, c);
  const ok = !lowerMoeToTile(module, { pipeline }).failed;
  expect(ok, ctx.diagnostics.takeAll().map((d) => d.message).join("\n")).toBe(true);
  const [fwd, bwd] = programs(module);
  return { fwd: fwd!, bwd };
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

// H and I do not change counts; where the paper's config names them we keep them (they only size buffers).
const rows: Row[] = [
  { name: "Qwen example, EP8 T4096 E48 K8", ep: 8, experts: 48, topK: 8, tokens: 4096, hidden: 256, inter: 128, cores: 24 },
  { name: "DSV4.1 crop, EP8 E48 T4096 K6 H5120 I2304", ep: 8, experts: 48, topK: 6, tokens: 4096, hidden: 5120, inter: 2304, cores: 24 },
  { name: "15.24x run, EP4 E192 T4096", ep: 4, experts: 192, topK: 8, tokens: 4096, hidden: 256, inter: 128, cores: 24, forwardOnly: true },
  { name: "15.24x run on a 20-core 910B3", ep: 4, experts: 192, topK: 8, tokens: 4096, hidden: 256, inter: 128, cores: 20, forwardOnly: true },
];

describe("reference preset task counts (hyperparallel-moe.md §3.4)", () => {
  for (const r of rows)
    test(r.name, () => {
      const preset = `moe-to-tile{gemm-tiling=per-core cube-cores=${r.cores} swiglu-rows=128 deps=expert},comm-tiling{tile-rows=128 order=ratr mode=worst-case}`;
      const { fwd, bwd } = lowerRank0(r, preset);
      const want = formula(r);
      expect(countsByStage(fwd)).toEqual(want.fwd);
      if (bwd) expect(countsByStage(bwd)).toEqual(want.bwd);
      for (const p of bwd ? [fwd, bwd] : [fwd]) expect(programOps(p).filter((op) => op.name.name === kTerminate).length).toBe(1);
      if (r.cores === 24 && r.experts === 48) {
        expect(sum(countsByStage(fwd))).toBe(4896);
        expect(sum(countsByStage(bwd!))).toBe(5184);
      }
      if (r.experts === 192) {
        expect(want.fwd.dispatch).toBe(6144);
        expect(want.fwd.gmm1).toBe(r.cores === 24 ? 1152 : 960);
      }
    }, 120_000);

  test("the preset entry point gives the same counts", () => {
    const c: MoeCase = { ep: 8, experts: 48, topK: 8, tokens: 4096, hidden: 64, inter: 32, direction: "fwd", ranks: [3] };
    const ctx = lowerContext();
    const module = parseMoe(ctx, c);
    expect(lowerMoeToTile(module, { preset: "reference" }).failed).toBe(false);
    expect(sum(countsByStage(programs(module)[0]!))).toBe(4896);
  }, 60_000);
});
