// The moe dialect: ops declared in dialects/moe.yaml, hooks in dialects/moe.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/moe.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers the moe dialect's forward and backward MoE operators in `ctx`. Idempotent. */
export function registerMoeDialect(ctx: Context): void {
  loadShippedDialect(ctx, "moe", hooks);
}
