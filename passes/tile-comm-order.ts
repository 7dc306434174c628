// The queue order of communication tiles (hyperparallel-moe.md §1.6, §4.2).
// The order is the program order of a stage's put tiles, which list schedulers
// and the reference round-robin policy read as priority.

import type { Operation } from "../src/ir/operation.js";

export type CommOrder = "natural" | "ratr" | "cost";

/** A put tile and what its order depends on. */
export interface PutTile {
  readonly op: Operation;
  readonly peer: number;
  /** Local expert index of the block's expert on its rank. */
  readonly local: number;
  /** First row of the tile within its block. */
  readonly row: number;
  /** Rows of the whole block. */
  readonly blockRows: number;
}

/**
 * Sorts `tiles` (one stage of one rank) in place:
 * - natural: destination-major, then expert, then tile (the reference's fill order);
 * - ratr: expert-major, then tile, then peers rotated to start at `rank` (RATR):
 *   every destination's first expert fills first, and at any position the
 *   ranks target distinct peers (no incast);
 * - cost: expert-major and tile-major like RATR, but at each (expert, tile)
 *   the peer whose block is largest goes first: its expert has the most rows,
 *   so its GEMM is the longest and gains most from an early start; rotation
 *   breaks the remaining ties. With equal blocks (the worst case) cost = ratr.
 * Deterministic: every key is data, ties fall back to the peer rotation.
 */
export function orderPutTiles(tiles: PutTile[], order: CommOrder, rank: number, ep: number): void {
  const rot = (p: number) => (p - rank + ep) % ep;
  if (order === "natural") tiles.sort((a, b) => a.peer - b.peer || a.local - b.local || a.row - b.row);
  else if (order === "ratr") tiles.sort((a, b) => a.local - b.local || a.row - b.row || rot(a.peer) - rot(b.peer));
  else tiles.sort((a, b) => a.local - b.local || a.row - b.row || b.blockRows - a.blockRows || rot(a.peer) - rot(b.peer));
}
