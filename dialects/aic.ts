// Hooks of the aic dialect (dialects/aic.yaml): see queue-unit-hooks.ts.

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { aicQueueAsmHooks } from "./queue-asm.js";
import { coreQueueDialectHooks } from "./queue-unit-hooks.js";

export const hooks: DialectHooks = { ops: coreQueueDialectHooks(aicQueueAsmHooks, ["gemm"]) };
