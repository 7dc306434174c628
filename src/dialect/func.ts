// The func dialect: ops declared in dialects/func.yaml, hooks in dialects/func.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/func.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers the func ops in `ctx` (loading the `func` namespace). Idempotent. */
export function registerFuncDialect(ctx: Context): void {
  loadShippedDialect(ctx, "func", hooks);
}
