// Row layouts: a put of (s -> g) rows is one block on both sides, compact
// layouts are dense, the worst case reserves T rows per (source, expert).

import { describe, expect, it } from "vitest";
import { generateRouting } from "../../src/layer/routing.js";
import { RowLayout, sendRowOfSlot } from "../../src/layer/row-layout.js";
import type { LayerConfig } from "../../src/layer/layer-config.js";

const cfg = (ep: number, experts: number, topK: number, tokens: number): LayerConfig => ({
  model: { hidden: 8, moeIntermediate: 4, experts, topK, dtype: "bf16", dispatchDtype: "bf16" },
  parallel: { ep, tokensPerRank: tokens },
  routing: { kind: "zipf", seed: 2, skew: 1.3 },
  pass: "forward",
  target: "a3-die",
  source: "",
});

describe("row layouts", () => {
  it("compact: send rows of each rank tile [0, T*K) in (g, t) order; dispatch rows tile [0, received)", () => {
    const r = generateRouting(cfg(3, 6, 2, 10));
    const L = new RowLayout(r, r.counts);
    const e = 2;
    for (let s = 0; s < 3; s++) {
      expect(L.sendRows(s)).toBe(20);
      const rows = sendRowOfSlot(L, s, r.ids[s]!);
      expect([...rows].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
      // (g, t) order: walking the rows by position gives non-decreasing experts.
      const expertAt = new Int32Array(20);
      rows.forEach((row, j) => (expertAt[row] = r.ids[s]![j]!));
      for (let i = 1; i < 20; i++) expect(expertAt[i]!).toBeGreaterThanOrEqual(expertAt[i - 1]!);
    }
    for (let dst = 0; dst < 3; dst++) {
      let received = 0;
      for (let s = 0; s < 3; s++) for (let d = 0; d < e; d++) received += r.counts[s * 6 + dst * e + d]!;
      expect(L.recvRows(dst)).toBe(received);
      let expect0 = 0;
      for (let d = 0; d < e; d++) {
        const [a, b] = L.expertRows(dst, d);
        expect(a).toBe(expect0);
        for (let s = 0; s < 3; s++) expect(L.recvOffset(dst, d, s)).toBe(expect0 + [0, 1, 2].slice(0, s).reduce((acc, q) => acc + r.counts[q * 6 + dst * e + d]!, 0));
        expect0 = b;
      }
      expect(expect0).toBe(received);
    }
  });
  it("worst case: T rows per (source, expert) on both sides", () => {
    const L = new RowLayout({ ep: 2, experts: 4, topK: 2, tokensPerRank: 8 }, undefined);
    expect(L.worstCase).toBe(true);
    expect(L.sendOffset(1, 3)).toBe(24);
    expect(L.sendRows(0)).toBe(32);
    expect(L.recvOffset(1, 1, 1)).toBe(24);
    expect(L.expertRows(0, 1)).toEqual([16, 32]);
    expect(L.recvRows(1)).toBe(32);
  });
});
