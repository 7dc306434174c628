// Routing generation: balanced spreads rows evenly, zipf concentrates them on
// popular experts, files are read with located errors; all deterministic.

import { describe, expect, it } from "vitest";
import type { LayerConfig, RoutingSpec } from "../../src/layer/layer-config.js";
import { generateRouting, parseRoutingFile, type Routing } from "../../src/layer/routing.js";

function config(routing: RoutingSpec, ep = 4, experts = 16, topK = 4, tokens = 96): LayerConfig {
  return {
    model: { hidden: 64, moeIntermediate: 32, experts, topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep, tokensPerRank: tokens },
    routing,
    pass: "forward",
    target: "a3-die",
    source: "",
  };
}

function checkWellFormed(r: Routing): void {
  for (let s = 0; s < r.ep; s++) {
    const ids = r.ids[s]!;
    const w = r.weights[s]!;
    for (let t = 0; t < r.tokensPerRank; t++) {
      const row = Array.from(ids.subarray(t * r.topK, (t + 1) * r.topK));
      expect(new Set(row).size).toBe(r.topK);
      expect(row.every((g) => g >= 0 && g < r.experts)).toBe(true);
      const ws = Array.from(w.subarray(t * r.topK, (t + 1) * r.topK));
      expect(ws.every((x) => x > 0)).toBe(true);
      expect(Math.abs(ws.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
    }
    for (let g = 0; g < r.experts; g++) {
      let n = 0;
      for (const x of ids) if (x === g) n++;
      expect(r.counts[s * r.experts + g]).toBe(n);
    }
  }
}

describe("routing", () => {
  it("balanced: every (rank, expert) gets floor or ceil of T*K/E rows, distinct ids per token", () => {
    for (const [ep, e, k, t] of [[4, 16, 4, 96], [2, 6, 6, 5], [1, 3, 2, 7], [8, 48, 8, 128]] as const) {
      const r = generateRouting(config({ kind: "balanced", seed: 3 }, ep, e, k, t));
      checkWellFormed(r);
      const lo = Math.floor((t * k) / e);
      for (const c of r.counts) expect(c === lo || c === lo + 1).toBe(true);
    }
  });
  it("zipf: the most popular expert gets more rows as skew grows; ids stay distinct", () => {
    const max = (skew: number) => {
      const r = generateRouting(config({ kind: "zipf", seed: 5, skew }, 2, 32, 4, 512));
      checkWellFormed(r);
      const perExpert = new Array(32).fill(0);
      r.counts.forEach((c, i) => (perExpert[i % 32] += c));
      return Math.max(...perExpert);
    };
    const flat = max(0);
    const skewed = max(1.5);
    expect(skewed).toBeGreaterThan(2 * flat);
  });
  it("is deterministic in the seed and changes with it", () => {
    const a = generateRouting(config({ kind: "zipf", seed: 7, skew: 1.2 }));
    const b = generateRouting(config({ kind: "zipf", seed: 7, skew: 1.2 }));
    const c = generateRouting(config({ kind: "zipf", seed: 8, skew: 1.2 }));
    expect(a.ids).toEqual(b.ids);
    expect(a.weights).toEqual(b.weights);
    expect(a.ids).not.toEqual(c.ids);
  });
  it("reads a routing file and reports located errors", () => {
    const cfg = config({ kind: "file", path: "r.txt" }, 2, 4, 2, 2);
    const ok = parseRoutingFile(cfg, "# rank 0\n0 1\n2, 3\n\n3 0\n1 2\n", "r.txt");
    expect(Array.isArray(ok)).toBe(false);
    const r = ok as Routing;
    expect(Array.from(r.ids[0]!)).toEqual([0, 1, 2, 3]);
    expect(Array.from(r.ids[1]!)).toEqual([3, 0, 1, 2]);
    checkWellFormed(r);
    const bad = parseRoutingFile(cfg, "0 1\n2 2\n0 9\n1\n", "r.txt") as { line: number; col: number; message: string }[];
    expect(bad.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual([
      "2:3: expert 2 appears twice for one token",
      "3:3: expert id '9' is not an integer in [0, 4)",
      "4:1: expected 2 expert ids (top_k), found 1",
    ]);
    const short = parseRoutingFile(cfg, "0 1\n", "r.txt") as { message: string }[];
    expect(short[0]!.message).toBe("expected ep * tokens_per_rank = 4 token lines, found 1");
  });
});
