// Dedup layouts on a hand-written routing: unique tokens per (source, rank),
// token send and receive offsets, and gather rows that map every dispatch
// row back to its token.

import { describe, expect, it } from "vitest";
import { DedupLayout, gatherRows, tokensByRank, uniqueTokenCounts } from "../../src/layer/dedup-layout.js";
import { RowLayout } from "../../src/layer/row-layout.js";
import type { Routing } from "../../src/layer/routing.js";

/** ep 2, 4 experts (rank 0: 0, 1; rank 1: 2, 3), top-2, 3 tokens per rank. */
function routing(): Routing {
  const ids = [
    Int32Array.from([0, 1, /**/ 2, 0, /**/ 3, 2]), // source 0: t0 -> ranks {0}, t1 -> {1, 0}, t2 -> {1}
    Int32Array.from([1, 3, /**/ 0, 1, /**/ 2, 1]), // source 1: t0 -> ranks {0, 1}, t1 -> {0}, t2 -> {1, 0}
  ];
  const counts = new Int32Array(2 * 4);
  ids.forEach((r, s) => r.forEach((g) => counts[s * 4 + g]!++));
  return { ep: 2, experts: 4, topK: 2, tokensPerRank: 3, ids, weights: ids.map((r) => new Float32Array(r.length).fill(0.5)), counts };
}

describe("dedup layouts", () => {
  it("count each token once per rank holding one of its experts", () => {
    const r = routing();
    expect([...uniqueTokenCounts(r)]).toEqual([2, 2, 3, 2]);
    expect(tokensByRank(r, 0).map((l) => [...l])).toEqual([[0, 1], [1, 2]]);
    expect(tokensByRank(r, 1).map((l) => [...l])).toEqual([[0, 1, 2], [0, 2]]);
  });

  it("lay out token blocks per peer on the source and per source on the destination", () => {
    const L = new DedupLayout(2, uniqueTokenCounts(routing()));
    expect([L.sendOffset(0, 0), L.sendOffset(0, 1), L.sendRows(0)]).toEqual([0, 2, 4]);
    expect([L.sendOffset(1, 0), L.sendOffset(1, 1), L.sendRows(1)]).toEqual([0, 3, 5]);
    expect([L.recvOffset(0, 0), L.recvOffset(0, 1), L.recvRows(0)]).toEqual([0, 2, 5]);
    expect([L.recvOffset(1, 0), L.recvOffset(1, 1), L.recvRows(1)]).toEqual([0, 2, 4]);
  });

  it("map every dispatch row to its token's place among the tokens its source sends", () => {
    const r = routing();
    // Rank 0 (s0 sends it t0, t1; s1 sends t0, t1, t2):
    // d=0: s0 {t0, t1} -> [0, 1]; s1 {t1} -> [1]. d=1: s0 {t0} -> [0]; s1 {t0, t1, t2} -> [0, 1, 2].
    expect([...gatherRows(r, 0)]).toEqual([0, 1, 1, 0, 0, 1, 2]);
    // Rank 1 (s0 sends it t1, t2; s1 sends t0, t2): d=0 (expert 2): s0 {t1, t2} -> [0, 1]; s1 {t2} -> [1]. d=1 (expert 3): s0 {t2} -> [1]; s1 {t0} -> [0].
    expect([...gatherRows(r, 1)]).toEqual([0, 1, 1, 1, 0]);
    expect(gatherRows(r, 0).length).toBe(new RowLayout(r, r.counts).recvRows(0));
  });
});
