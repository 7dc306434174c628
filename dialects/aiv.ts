// Hooks of the aiv dialect (dialects/aiv.yaml).

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";

export const hooks: DialectHooks = { ops: {} };
