// The dialects hpmoe ships, registered together (hpmoe-opt, the docs generator).

import type { Context } from "../ir/context.js";
import { registerArithDialect } from "./arith.js";
import { registerBuiltinDialect } from "./builtin.js";
import { registerControlFlowDialect } from "./cf.js";
import { registerFuncDialect } from "./func.js";
import { registerMoeDialect } from "./moe.js";
import { registerSCFDialect } from "./scf.js";
import { registerQueueDialects } from "./queue.js";
import { registerTileDialect } from "./tile.js";

/** Registers builtin, func, cf, arith, scf, moe, tile, queue, aic and aiv in `ctx`. Idempotent; under 10 ms (declarations load from the build's JSON). */
export function registerAllDialects(ctx: Context): void {
  registerBuiltinDialect(ctx);
  registerFuncDialect(ctx);
  registerControlFlowDialect(ctx);
  registerArithDialect(ctx);
  registerSCFDialect(ctx);
  registerMoeDialect(ctx);
  registerTileDialect(ctx);
  registerQueueDialects(ctx);
}
