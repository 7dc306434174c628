// The builtin dialect: ops declared in dialects/builtin.yaml, hooks in dialects/builtin.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/builtin.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers the builtin ops in `ctx` (loading the `builtin` namespace). Idempotent. */
export function registerBuiltinDialect(ctx: Context): void {
  loadShippedDialect(ctx, "builtin", hooks);
}
