// The cf dialect: ops declared in dialects/cf.yaml, hooks in dialects/cf.ts.

import type { Context } from "../ir/context.js";
import { hooks } from "../../dialects/cf.js";
import { SwitchOpDef } from "../../dialects/cf-switch.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers `cf.br` and `cf.cond_br`; `cf` becomes a loaded dialect. */
export function registerControlFlowDialect(ctx: Context): void {
  loadShippedDialect(ctx, "cf", hooks);
  // cf.switch stays hand-written: its case operands are a list of lists, which the YAML format cannot state yet.
  ctx.registerOperation(SwitchOpDef);
}
