// The cf dialect: ops declared in dialects/cf.yaml, hooks in dialects/cf.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/cf.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers `cf.br` and `cf.cond_br`; `cf` becomes a loaded dialect. */
export function registerControlFlowDialect(ctx: Context): void {
  loadShippedDialect(ctx, "cf", hooks);
}
