// The queue-level dialects: queue, aic and aiv, declared in dialects/<name>.yaml with hooks in
// dialects/<name>.ts. They are registered together since none is usable alone.

import type { Context } from "../ir/context.js";
import { hooks as aicHooks } from "../../dialects/aic.js";
import { hooks as aivHooks } from "../../dialects/aiv.js";
import { hooks as queueHooks } from "../../dialects/queue.js";
import { loadShippedDialect } from "./dialect-loader.js";

/** Registers queue.program, queue.arrival, queue.event and the aic and aiv queues and ops in `ctx`. Idempotent. */
export function registerQueueDialects(ctx: Context): void {
  loadShippedDialect(ctx, "queue", queueHooks);
  loadShippedDialect(ctx, "aic", aicHooks);
  loadShippedDialect(ctx, "aiv", aivHooks);
}
