// The hooks the aic and aiv dialects share: a core queue, its tasks (the tile
// tasks' grammar and checks, at the queue level) and its waits and signals.

import type { OpHooks } from "../src/dialect/dialect-hooks.js";
import type { Operation } from "../src/ir/operation.js";
import { syncAsmHooks } from "./queue-asm.js";
import { verifyCoreQueue, verifyQueueTask } from "./queue-verify.js";
import { tileOpAsmHooks } from "./tile-asm.js";
import type { TaskKind } from "./tile-build.js";

/** The hooks of the queue op, of `tasks` and of wait and signal, for one unit's dialect. */
export function coreQueueDialectHooks(queueAsm: Pick<OpHooks, "parseAssembly" | "printAssembly">, tasks: readonly TaskKind[]): Record<string, OpHooks> {
  const ops: Record<string, OpHooks> = {
    queue: { ...queueAsm, verify: verifyCoreQueue },
    wait: syncAsmHooks(),
    signal: syncAsmHooks(),
  };
  for (const kind of tasks) ops[kind] = { ...tileOpAsmHooks(kind, "queue"), verify: (op: Operation) => verifyQueueTask(op, kind) };
  return ops;
}
