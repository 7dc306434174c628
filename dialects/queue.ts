// Hooks of the queue dialect (dialects/queue.yaml): the custom forms
// (queue-asm.ts; `queue.arrival` shares the tile tasks' grammar, tile-asm.ts),
// each op's own checks (queue-verify.ts) and the whole-program checks
// (queue-program-verify.ts).

import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { eventAsmHooks, programAsmHooks } from "./queue-asm.js";
import { verifyQueueProgramRegions } from "./queue-program-verify.js";
import { verifyEvent, verifyQueueArrival, verifyQueueProgram } from "./queue-verify.js";
import { tileOpAsmHooks } from "./tile-asm.js";

export const hooks: DialectHooks = {
  ops: {
    program: { ...programAsmHooks, verify: verifyQueueProgram, verifyRegions: verifyQueueProgramRegions },
    arrival: { ...tileOpAsmHooks("arrival", "queue"), verify: verifyQueueArrival },
    event: { ...eventAsmHooks, verify: verifyEvent },
  },
};
