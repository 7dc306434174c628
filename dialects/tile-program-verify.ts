// Checks of a whole `tile.program` once its ops verified (its `verifyRegions`
// hook): the body ends in `tile.terminate`; every slice names a `tile.buffer`
// of the program, has its rank and lies within it; puts and arrivals write
// symmetric buffers; signals are unique per peer among puts and among
// arrivals; every token is used. One pass over the body with maps: O(ops x
// slices x rank), for programs of 50k ops and more.

import { StringAttr, TypeAttr } from "../src/ir/builtin-attributes.js";
import { MemRefType } from "../src/ir/builtin-types.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { BufferKind, formatSlice, readSliceList, taskShapes, tokenType, type Slice } from "./tile-model.js";
import { readI64 } from "../src/ir/int-attr.js";

export interface BufferInfo {
  readonly shape: readonly number[];
  readonly kind: number;
}

/** The buffers of the program's body by name (their own verifiers ran: shapes are static). */
export function collectBuffers(first: Operation | null): Map<string, BufferInfo> {
  const buffers = new Map<string, BufferInfo>();
  for (let op = first; op; op = op.nextOp) {
    if (op.name.name !== "tile.buffer") continue;
    const name = op.getAttr("sym_name");
    const type = op.getAttr("type");
    if (!(name instanceof StringAttr) || !(type instanceof TypeAttr) || !(type.value instanceof MemRefType)) continue;
    buffers.set(name.value, { shape: type.value.shape, kind: readI64(op.getAttr("kind")) ?? -1 });
  }
  return buffers;
}

/** Each slice names a buffer of the program, with its rank, within its bounds; `symmetric` ones when asked. */
export function verifySlices(op: Operation, what: string, slices: readonly Slice[], buffers: Map<string, BufferInfo>, symmetric: boolean): LogicalResult {
  for (const s of slices) {
    const b = buffers.get(s.buffer);
    if (b === undefined) return op.emitOpError(`${what} slice ${formatSlice(s)} names '@${s.buffer}', which is not a tile.buffer of this program`);
    if (b.shape.length !== s.offsets.length)
      return op.emitOpError(`${what} slice ${formatSlice(s)} has rank ${s.offsets.length}, but buffer @${s.buffer} has rank ${b.shape.length}`);
    for (let d = 0; d < b.shape.length; d++)
      if (s.offsets[d]! + s.sizes[d]! > b.shape[d]!)
        return op.emitOpError(`${what} slice ${formatSlice(s)} is out of bounds of @${s.buffer} (${b.shape.join("x")}) in dim ${d}`);
    if (symmetric && b.kind !== BufferKind.symmetric)
      return op.emitOpError(`writes @${s.buffer}, which is not a symmetric buffer (only those exist on every rank)`);
  }
  return success();
}

/** Records `op`'s (peer, signal) in `seen`; reports a repeat with a note at the first user. */
export function verifyUniqueSignal(op: Operation, seen: Map<number, Map<number, Operation>>, what: string): LogicalResult {
  const peer = readI64(op.getAttr("peer"))!;
  const signal = readI64(op.getAttr("signal"))!;
  let signals = seen.get(peer);
  if (signals === undefined) seen.set(peer, (signals = new Map()));
  const previous = signals.get(signal);
  if (previous !== undefined) {
    const diag = op.emitOpError(`signal ${signal} is already used by another ${what} rank ${peer}`);
    diag.attachNote(`first used here`, previous.loc);
    return diag;
  }
  signals.set(signal, op);
  return success();
}

/** `tile.program`'s region checks (see the file header). */
export function verifyProgramRegions(program: Operation): LogicalResult {
  const block = program.regions[0]!.entryBlock;
  if (block === null) return success(); // Reported by SizedRegion<1>.
  if (block.last === null || block.last.name.name !== "tile.terminate")
    return program.emitOpError("expects its body to end with 'tile.terminate'");
  const buffers = collectBuffers(block.first);
  const putSignals = new Map<number, Map<number, Operation>>();
  const arrivalSignals = new Map<number, Map<number, Operation>>();
  const token = tokenType(program.context);
  for (let op = block.first; op; op = op.nextOp) {
    const name = op.name.name;
    const mnemonic = name.startsWith("tile.") ? name.substring(5) : "";
    const isArrival = mnemonic === "arrival";
    if (taskShapes[mnemonic] !== undefined || isArrival) {
      const reads = readSliceList(op.getAttr("reads"));
      const writes = readSliceList(op.getAttr("writes"))!;
      const writesPeer = mnemonic === "put" || isArrival;
      if (reads && verifySlices(op, "read", reads, buffers, false).failed) return failure();
      if (verifySlices(op, "written", writes, buffers, writesPeer).failed) return failure();
      if (mnemonic === "put" && verifyUniqueSignal(op, putSignals, "put to").failed) return failure();
      if (isArrival && verifyUniqueSignal(op, arrivalSignals, "arrival from").failed) return failure();
    }
    for (const r of op.results)
      if (r.type === token && !r.hasUses) return op.emitOpError("token is never used (sink tokens go to tile.terminate)");
  }
  return success();
}
