// A whole-block communication op being replaced by tiles (comm-tiling), and
// the row arithmetic on slices that splitting needs.

import type { Operation } from "../src/ir/operation.js";
import type { Value } from "../src/ir/value.js";
import type { Slice } from "../dialects/tile-model.js";

/**
 * A block op and the tiles replacing it: its users are re-pointed at the
 * tiles. `tiles[j]` covers block rows [starts[j], starts[j] + tile-rows) of
 * `landed` (what consumers read), clipped to `rows`.
 */
export interface SplitBlock {
  readonly op: Operation;
  readonly landed: Slice;
  readonly tiles: Value[];
  /** First rows of the tiles, relative to the block. */
  readonly starts: number[];
  readonly rows: number;
}

/** `s` moved down `by` rows and cut to `rows` rows. */
export function shiftRows(s: Slice, by: number, rows: number): Slice {
  return { buffer: s.buffer, offsets: [(s.offsets[0] ?? 0) + by, ...s.offsets.slice(1)], sizes: [rows, ...s.sizes.slice(1)] };
}
