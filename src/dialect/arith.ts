// The arith dialect: ops declared in dialects/arith.yaml, hooks in dialects/arith.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/arith.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers the arith ops and their constant materialiser in `ctx`. Idempotent. */
export function registerArithDialect(ctx: Context): void {
  loadShippedDialect(ctx, "arith", hooks);
}
