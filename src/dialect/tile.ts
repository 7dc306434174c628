// The tile dialect: ops declared in dialects/tile.yaml, hooks in dialects/tile.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/tile.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers tile.program, tile.buffer, the tile tasks, tile.arrival, tile.join and tile.terminate in `ctx`. Idempotent. */
export function registerTileDialect(ctx: Context): void {
  loadShippedDialect(ctx, "tile", hooks);
}
