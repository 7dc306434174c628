// Where each routed row goes, for the emulators and the tile host prologue
// and epilogue: the rank that holds the expert of slot (t, k) and the row it
// occupies there, from the shared RowLayout (never re-derived here).

import { RowLayout, sendRowOfSlot } from "../../layer/row-layout.js";
import type { Routing } from "../../layer/routing.js";
import { weightedRowSum } from "./kernels.js";

/** The compact layout of a routing (run-time counts). */
export function compactLayout(routing: Routing): RowLayout {
  return new RowLayout(routing, routing.counts);
}

/**
 * For source rank s: the dispatch-layout row, on the expert's rank, of each
 * routed row (t, k) (T*K, [t][k]). O(T*K + E).
 */
export function dispatchRowOfSlot(layout: RowLayout, s: number, ids: Int32Array): Int32Array {
  const e = layout.localExperts;
  const send = sendRowOfSlot(layout, s, ids);
  const out = new Int32Array(send.length);
  for (let j = 0; j < send.length; j++) {
    const g = ids[j]!;
    out[j] = layout.recvOffset(Math.floor(g / e), g % e, s) + send[j]! - layout.sendOffset(s, g);
  }
  return out;
}

/**
 * Sends rows to the experts: for each source s and slot (t, k), row `rowOf(s, t, k)`
 * of width `cols` lands in the destination rank's buffer at its dispatch row.
 * `rowOf` writes the row into `dst` at `dstOffset`.
 */
export function scatterToExperts(
  layout: RowLayout,
  ids: readonly Int32Array[],
  recv: readonly Uint16Array[],
  cols: number,
  rowOf: (s: number, t: number, k: number, dst: Uint16Array, dstOffset: number) => void,
): void {
  const { topK: K } = layout.shape;
  const e = layout.localExperts;
  for (let s = 0; s < ids.length; s++) {
    const rows = dispatchRowOfSlot(layout, s, ids[s]!);
    for (let j = 0; j < rows.length; j++) rowOf(s, Math.floor(j / K), j % K, recv[Math.floor(ids[s]![j]! / e)]!, rows[j]! * cols);
  }
}

/**
 * Brings rows back to their tokens and reduces them: out[s][t] = sum over k
 * ascending of w(t, k) * rows[rank of g][dispatch row (t, k)] (weights
 * undefined: plain sum), per the kernels' weightedRowSum.
 */
export function reduceFromExperts(
  layout: RowLayout,
  ids: readonly Int32Array[],
  rows: readonly Uint16Array[],
  weights: readonly Float32Array[] | undefined,
  out: readonly Uint16Array[],
  cols: number,
): void {
  const { topK: K, tokensPerRank: T } = layout.shape;
  const e = layout.localExperts;
  const bufs: Uint16Array[] = new Array(K);
  const offs: number[] = new Array(K);
  const ws: number[] = new Array(K);
  for (let s = 0; s < ids.length; s++) {
    const at = dispatchRowOfSlot(layout, s, ids[s]!);
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < K; k++) {
        bufs[k] = rows[Math.floor(ids[s]![t * K + k]! / e)]!;
        offs[k] = at[t * K + k]! * cols;
        if (weights) ws[k] = weights[s]![t * K + k]!;
      }
      weightedRowSum(bufs, offs, weights ? ws : undefined, out[s]!, t * cols, cols);
    }
  }
}
