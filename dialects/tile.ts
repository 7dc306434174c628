// Hooks of the tile dialect (dialects/tile.yaml): the custom form of the tasks
// and of `tile.arrival` (tile-asm.ts), each op's own checks (tile-verify.ts)
// and the whole-program checks (tile-program-verify.ts). Counts, enum values,
// token types and parents are checked from the YAML.

import type { DialectHooks, OpHooks } from "../src/dialect/dialect-hooks.js";
import type { Operation } from "../src/ir/operation.js";
import { tileOpAsmHooks } from "./tile-asm.js";
import { parseBufferOp, parseProgramOp, printBufferOp, printProgramOp } from "./tile-program-asm.js";
import { taskShapes } from "./tile-model.js";
import { verifyProgramRegions } from "./tile-program-verify.js";
import { verifyArrival, verifyBuffer, verifyJoin, verifyProgram, verifyTask } from "./tile-verify.js";

/** The hooks of task op `mnemonic`: its custom form and verifyTask. */
function taskHooks(mnemonic: string): OpHooks {
  return { ...tileOpAsmHooks(mnemonic), verify: (op: Operation) => verifyTask(op, mnemonic) };
}

const ops: Record<string, OpHooks> = {
  program: { verify: verifyProgram, verifyRegions: verifyProgramRegions, parseAssembly: parseProgramOp, printAssembly: printProgramOp },
  buffer: { verify: verifyBuffer, parseAssembly: parseBufferOp, printAssembly: printBufferOp },
  arrival: { ...tileOpAsmHooks("arrival"), verify: verifyArrival },
  join: { verify: verifyJoin },
};
for (const mnemonic of Object.keys(taskShapes)) ops[mnemonic] = taskHooks(mnemonic);

export const hooks: DialectHooks = { ops };
