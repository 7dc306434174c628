// Hooks of the queue dialect (dialects/queue.yaml).

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";

export const hooks: DialectHooks = { ops: {} };
