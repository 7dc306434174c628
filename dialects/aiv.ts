// Hooks of the aiv dialect (dialects/aiv.yaml): see queue-unit-hooks.ts; plus
// `aiv.signal_remote`, which only AIVs issue (it follows their puts).

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { aivQueueAsmHooks, signalRemoteAsmHooks } from "./queue-asm.js";
import { verifySignalRemote } from "./queue-verify.js";
import { coreQueueDialectHooks } from "./queue-unit-hooks.js";

export const hooks: DialectHooks = {
  ops: {
    ...coreQueueDialectHooks(aivQueueAsmHooks, ["put", "swiglu", "swiglu_grad", "gather"]),
    signal_remote: { ...signalRemoteAsmHooks, verify: verifySignalRemote },
  },
};
