// The host prologue's share of deduplicated dispatch (docs/moe-tile.md,
// "Deduplicated dispatch"): the token send layout (@xtok with x, @dtok with
// the unscaled dout: each token once per peer rank) and, for the backward's
// scaling gathers, @prow (p of each row of the rank's dispatch layout).

import { DedupLayout, tokensByRank, uniqueTokenCounts } from "../../layer/dedup-layout.js";
import type { Routing } from "../../layer/routing.js";
import { compactLayout, dispatchRowOfSlot } from "./exchange.js";

/** Rows of the token send layout of rank r. */
export function tokenSendRows(routing: Routing, r: number): number {
  return new DedupLayout(routing.ep, uniqueTokenCounts(routing)).sendRows(r);
}

/**
 * Rank r's token send layout: for each peer p in order, row
 * sendOffset(r, p) + i = token i of those r sends to p, taken from `tokens`
 * (T x cols). O(T * K + ep + rows * cols) after the routing's unique counts.
 */
export function fillTokenSendLayout(routing: Routing, r: number, tokens: Uint16Array, cols: number, dst: Uint16Array): void {
  const L = new DedupLayout(routing.ep, uniqueTokenCounts(routing));
  const lists = tokensByRank(routing, r);
  for (let p = 0; p < routing.ep; p++) {
    const list = lists[p]!;
    const first = L.sendOffset(r, p);
    for (let i = 0; i < list.length; i++) dst.set(tokens.subarray(list[i]! * cols, (list[i]! + 1) * cols), (first + i) * cols);
  }
}

/** Rank r's @prow: p[t,k] of every routed row of its compact dispatch layout. O(ep * T * K). */
export function fillRowWeights(routing: Routing, r: number, dst: Float32Array): void {
  const layout = compactLayout(routing);
  const e = layout.localExperts;
  for (let s = 0; s < routing.ep; s++) {
    const ids = routing.ids[s]!;
    const rows = dispatchRowOfSlot(layout, s, ids);
    for (let j = 0; j < ids.length; j++) if (Math.floor(ids[j]! / e) === r) dst[rows[j]!] = routing.weights[s]![j]!;
  }
}
