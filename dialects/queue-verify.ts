// Checks of one queue-level op on its own (the `verify` hooks of dialects
// queue, aic and aiv): ranges of the program's figures, an event's
// kind-specific fields, a core queue's place in the launch and its ops, task
// ids. Tasks and arrivals reuse the tile checks (tile-verify.ts). Whatever
// needs the whole program (symbols, ids, order) is in queue-program-verify.ts.

import { StringAttr } from "../src/ir/builtin-attributes.js";
import { readI64 } from "../src/ir/int-attr.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { EventKind } from "./queue-model.js";
import { programRanks, verifyArrival, verifyProgram, verifyTask } from "./tile-verify.js";

/** `queue.program`: ep >= 1, rank in [0, ep), block_dim >= 1, a target name. */
export function verifyQueueProgram(op: Operation): LogicalResult {
  if (verifyProgram(op).failed) return failure();
  const blockDim = readI64(op.getAttr("block_dim"))!;
  if (blockDim < 1) return op.emitOpError(`'block_dim' must be at least 1, got ${blockDim}`);
  if ((op.getAttr("target") as StringAttr).value === "") return op.emitOpError("'target' must name a hardware profile, got an empty string");
  return success();
}

/** The `block_dim` of the queue.program holding `op` (its parent, or its queue's parent), if set. */
function blockDimOf(op: Operation): number | undefined {
  let program = op.parentOp;
  if (program !== null && program.name.name !== "queue.program") program = program.parentOp;
  return readI64(program?.getAttr("block_dim"));
}

/** A non-negative task id (ids are the tile tasks' indices). */
function verifyTaskId(op: Operation): LogicalResult {
  const task = readI64(op.getAttr("task"))!;
  if (task < 0) return op.emitOpError(`'task' must be non-negative, got ${task}`);
  return success();
}

/** `queue.arrival`: the tile arrival's checks and its task id. */
export function verifyQueueArrival(op: Operation): LogicalResult {
  if (verifyTaskId(op).failed) return failure();
  return verifyArrival(op);
}

/** A queue-level task (aic.gemm, aiv.put, ...): the tile task's checks and its task id. */
export function verifyQueueTask(op: Operation, mnemonic: string): LogicalResult {
  if (verifyTaskId(op).failed) return failure();
  return verifyTask(op, mnemonic);
}

/**
 * `queue.event`: id >= 0 and threshold >= 1; a cross_core event names an AI
 * Core of the launch and mode 1 (AIV <-> AIV) or 2 (AIC <-> AIV); the others
 * have neither.
 */
export function verifyEvent(op: Operation): LogicalResult {
  const kind = readI64(op.getAttr("kind"))!;
  const kindName = Object.keys(EventKind)[kind]!;
  const id = readI64(op.getAttr("id"))!;
  const threshold = readI64(op.getAttr("threshold"))!;
  if (id < 0) return op.emitOpError(`'id' must be non-negative, got ${id}`);
  if (threshold < 1) return op.emitOpError(`'threshold' must be at least 1, got ${threshold}`);
  const core = readI64(op.getAttr("core"));
  const mode = readI64(op.getAttr("mode"));
  if (kind !== EventKind.cross_core) {
    if (core !== undefined) return op.emitOpError(`a ${kindName} event has no 'core' (only cross_core events do)`);
    if (mode !== undefined) return op.emitOpError(`a ${kindName} event has no 'mode' (only cross_core events do)`);
    return success();
  }
  if (core === undefined) return op.emitOpError("a cross_core event needs 'core', the AI Core whose flag it uses");
  if (mode === undefined) return op.emitOpError("a cross_core event needs 'mode' (1: AIV to AIV, 2: AIC and AIV)");
  if (mode !== 1 && mode !== 2) return op.emitOpError(`'mode' must be 1 (AIV to AIV) or 2 (AIC and AIV), got ${mode}`);
  const blockDim = blockDimOf(op);
  if (blockDim !== undefined && (core < 0 || core >= blockDim)) return op.emitOpError(`core ${core} is out of range [0, ${blockDim}) of the launch's block_dim`);
  return success();
}

/** `aic.queue` / `aiv.queue`: core within block_dim, sub 0 or 1, and only ops of its own dialect. O(ops of the queue). */
export function verifyCoreQueue(op: Operation): LogicalResult {
  const dialect = op.name.name.substring(0, 3);
  const core = readI64(op.getAttr("core"))!;
  const blockDim = blockDimOf(op);
  if (core < 0 || (blockDim !== undefined && core >= blockDim))
    return op.emitOpError(`core ${core} is out of range [0, ${blockDim ?? "block_dim"}) of the launch's block_dim`);
  const sub = readI64(op.getAttr("sub"));
  if (sub !== undefined && sub !== 0 && sub !== 1) return op.emitOpError(`'sub' must be 0 or 1 (an AI Core has two AIVs), got ${sub}`);
  const block = op.regions[0]!.entryBlock;
  for (let child = block?.first ?? null; child; child = child.nextOp)
    if (!child.name.name.startsWith(dialect + "."))
      return child.emitOpError(`cannot run on an ${dialect} core: '${op.name.name}' holds only ${dialect} ops`);
  return success();
}

/** `aiv.signal_remote`: its peer is a rank of the program's EP group (itself included). */
export function verifySignalRemote(op: Operation): LogicalResult {
  const peer = readI64(op.getAttr("peer"))!;
  const ep = programRanks(op)?.ep;
  if (ep !== undefined && (peer < 0 || peer >= ep)) return op.emitOpError(`peer rank ${peer} is out of range [0, ${ep})`);
  return success();
}
