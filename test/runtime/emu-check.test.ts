// runEmuCheck end to end on tiny configs, moe and tile level. Odd sizes:
// hidden not a multiple of any tile, experts that receive no token,
// top_k = experts, ep = 1; forward and backward; known and worst-case routing.

import { describe, expect, it } from "vitest";
import { registerAllPasses } from "../../passes/index.js";
import { globalPassRegistry } from "../../src/pass/pass-registry.js";
import { kEmuTolerance, runEmuCheck } from "../../src/runtime/emu/emu-check.js";
import { tinyConfig, type TinySizes } from "./fixtures.js";

registerAllPasses(globalPassRegistry);

const configs: [string, TinySizes][] = [
  ["ep2 E4 top-2, hidden 20", { ep: 2, experts: 4, topK: 2, tokensPerRank: 6, hidden: 20, inter: 6 }],
  ["ep1, top_k = experts", { ep: 1, experts: 3, topK: 3, tokensPerRank: 5, hidden: 9, inter: 4 }],
  ["ep4, experts without tokens", { ep: 4, experts: 8, topK: 1, tokensPerRank: 1, hidden: 7, inter: 3 }],
  ["ep2 zipf, skewed", { ep: 2, experts: 6, topK: 2, tokensPerRank: 9, hidden: 12, inter: 5, routing: { kind: "zipf", seed: 4, skew: 2 } }],
];

describe("runEmuCheck, moe level", () => {
  for (const [name, s] of configs)
    it(`passes forward and backward (${name})`, () => {
      const r = runEmuCheck(tinyConfig({ ...s, pass: "both" }), { level: "moe" });
      expect(r.details.length).toBe(5);
      expect(r.ok).toBe(true);
      // bf16 storage against float64: below 2^-6 of the scale, but not zero.
      const f64 = [...r.details[4]!.matchAll(/(\S+) ([0-9.]+e[-+]\d+)/g)].map((m) => Number(m[2]));
      expect(f64).toHaveLength(4);
      for (const e of f64) {
        expect(e).toBeGreaterThan(0);
        expect(e).toBeLessThan(kEmuTolerance);
      }
      // The moe level follows the reference's accumulation orders: no error at all.
      expect(r.maxAbsErr).toBe(0);
    });

  it("checks only the forward for pass: forward", () => {
    const r = runEmuCheck(tinyConfig({ ...configs[0]![1], pass: "forward" }), { level: "moe" });
    expect(r.ok).toBe(true);
    expect(r.details).toHaveLength(2);
    expect(r.details[0]).toMatch(/^out: max abs err 0\.000e\+0, scale \S+, rel 0\.000e\+0$/);
    expect(r.details[1]).toMatch(/^rel err against the float64 reference: out \S+$/);
  });

  it("reports a routing file it cannot read", () => {
    // A LayerConfig's routing path is already resolved (the config reader stores it absolute).
    const cfg = { ...tinyConfig(configs[0]![1]), routing: { kind: "file" as const, path: "/nonexistent/missing-routing.txt" }, source: "/nonexistent/layer.yaml" };
    const r = runEmuCheck(cfg, { level: "moe" });
    expect(r.ok).toBe(false);
    expect(r.details).toEqual(["/nonexistent/missing-routing.txt:1:1: error: could not read the routing file (ENOENT)"]);
  });

  it("has a tolerance that a single wrong element of size 'scale' would break", () => {
    expect(kEmuTolerance).toBeLessThan(0.05);
  });
});

describe("runEmuCheck, tile level", () => {
  for (const [name, s] of configs)
    for (const pipeline of ["moe-to-tile,comm-tiling", "moe-to-tile{gemm-m=4 gemm-n=8 swiglu-rows=3},comm-tiling{tile-rows=2}", "moe-to-tile{gemm-tiling=per-core cube-cores=3 deps=expert},comm-tiling{tile-rows=4 order=ratr}"])
      it(`passes and equals the moe level bit for bit (${name}; ${pipeline})`, () => {
        const r = runEmuCheck(tinyConfig({ ...s, pass: "both" }), { level: "tile", pipeline });
        expect(r.details.at(-1)).toMatch(/^tile and moe results are bitwise identical/);
        expect(r.ok).toBe(true);
      });

  for (const [name, s] of configs)
    it(`passes in the static worst case, valid_rows from @counts (${name})`, () => {
      for (const pipeline of ["moe-to-tile{gemm-m=4 gemm-n=8 swiglu-rows=2},comm-tiling{tile-rows=3}", "moe-to-tile{gemm-tiling=per-core cube-cores=24 swiglu-rows=128 deps=expert},comm-tiling{tile-rows=128 order=ratr mode=worst-case}"]) {
        const r = runEmuCheck(tinyConfig({ ...s, pass: "both" }), { level: "tile", pipeline, routing: "worst-case" });
        expect(r.details.at(-1)).toMatch(/^tile and moe results are bitwise identical/);
        expect(r.ok).toBe(true);
      }
    });
});

describe("runEmuCheck, deduplicated dispatch", () => {
  // The non-dedup tile run equals the moe run bit for bit (above), so equality with moe here
  // is equality with the non-dedup tile run.
  for (const [name, s] of configs)
    it(`passes forward and backward, bitwise equal to the tile run without dedup (${name})`, () => {
      for (const pipeline of [undefined, "moe-to-tile{gemm-m=4 gemm-n=8 swiglu-rows=3},comm-tiling{tile-rows=2 dedup=true}", "moe-to-tile{gemm-tiling=per-core cube-cores=3 deps=expert},comm-tiling{tile-rows=4 order=ratr dedup=true}"]) {
        const r = runEmuCheck(tinyConfig({ ...s, pass: "both" }), { level: "tile", dedup: true, ...(pipeline ? { pipeline } : {}) });
        expect(r.details.at(-1)).toMatch(/^tile and moe results are bitwise identical/);
        expect(r.ok).toBe(true);
      }
    });

  it("reports the static worst case as a lowering failure", () => {
    const r = runEmuCheck(tinyConfig({ ...configs[0]![1], pass: "both" }), { level: "tile", dedup: true, routing: "worst-case" });
    expect(r.ok).toBe(false);
    expect(r.details[0]).toMatch(/^tile lowering failed: 'tile.program' op comm-tiling dedup=true needs known routing/);
  });
});
