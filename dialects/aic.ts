// Hooks of the aic dialect (dialects/aic.yaml).

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";

export const hooks: DialectHooks = { ops: {} };
