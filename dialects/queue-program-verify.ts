// Checks of a whole `queue.program` once its ops verified (its
// `verifyRegions` hook), see docs/queue.md "Verification":
// - body order: tile.buffer, queue.arrival, queue.event, then block_dim
//   aic.queue ops in core order and 2 x block_dim aiv.queue ops in (core, sub)
//   order;
// - one level: schedule-level ops (queue.arrival, `after`) and events-level
//   ops (queue.event, waits, signals) do not mix;
// - slices name buffers of the program within bounds (tile-program-verify.ts);
//   puts and arrivals use a signal once per peer;
// - task ids are unique among tasks and arrivals, and `after` names them;
// - waits and signals name a queue.event of the program; gm_counter and
//   remote ids are unique per kind; signal_remote names a remote event of the
//   peer's program when the enclosing op holds it.
// O(ops x slices x rank) for the program, plus O(top-level ops) of each peer
// program the first time it is looked up.

import { StringAttr, SymbolRefAttr } from "../src/ir/builtin-attributes.js";
import { readI64 } from "../src/ir/int-attr.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { readI64Array, readSliceList, taskShapes } from "./tile-model.js";
import { collectBuffers, verifySlices, verifyUniqueSignal, type BufferInfo } from "./tile-program-verify.js";
import { EventKind } from "./queue-model.js";

/** Position of each top-level op kind in the body order. */
const kBodyOrder: ReadonlyMap<string, number> = new Map([
  ["tile.buffer", 0],
  ["queue.arrival", 1],
  ["queue.event", 2],
  ["aic.queue", 3],
  ["aiv.queue", 4],
]);
const kBodyOrderText = "tile.buffer, queue.arrival, queue.event, aic.queue, then aiv.queue ops";

/** What one walk over the program gathers. */
interface ProgramState {
  readonly program: Operation;
  readonly buffers: Map<string, BufferInfo>;
  /** Task and arrival ops by task id. */
  readonly tasks: Map<number, Operation>;
  /** Events by symbol name. */
  readonly events: Map<string, Operation>;
  readonly putSignals: Map<number, Map<number, Operation>>;
  readonly arrivalSignals: Map<number, Map<number, Operation>>;
  /** Ops with an `after` list, checked once every task id is known. */
  readonly withAfter: Operation[];
  /** The first op of each level seen, to report a mix. */
  scheduleOp: Operation | undefined;
  eventsOp: Operation | undefined;
}

/** `queue.program`'s region checks (see the file header). */
export function verifyQueueProgramRegions(program: Operation): LogicalResult {
  const block = program.regions[0]!.entryBlock;
  if (block === null) return success(); // Reported by SizedRegion<1>.
  const state: ProgramState = {
    program,
    buffers: collectBuffers(block.first),
    tasks: new Map(),
    events: new Map(),
    putSignals: new Map(),
    arrivalSignals: new Map(),
    withAfter: [],
    scheduleOp: undefined,
    eventsOp: undefined,
  };
  if (verifyBody(state, block.first).failed) return failure();
  for (const op of state.withAfter) if (verifyAfter(state, op).failed) return failure();
  if (state.scheduleOp !== undefined && state.eventsOp !== undefined) {
    const diag = state.eventsOp.emitOpError(
      `is an events-level op, but the program is at the schedule level ('${state.scheduleOp.name.name}'${state.scheduleOp.getAttr("after") ? " with 'after'" : ""} here): event insertion replaces every 'after' and queue.arrival`,
    );
    diag.attachNote("schedule-level op here", state.scheduleOp.loc);
    return diag;
  }
  return success();
}

/**
 * Two walks: the top level first (order, queue numbering, events and
 * arrivals), so a misplaced op is reported as such rather than through a
 * symbol it should have declared; then the ops of each core queue.
 */
function verifyBody(state: ProgramState, first: Operation | null): LogicalResult {
  const { program } = state;
  const blockDim = readI64(program.getAttr("block_dim"))!;
  let phase = 0;
  let aicCount = 0;
  let aivCount = 0;
  const ids = new Map<number, Operation>(); // gm_counter and remote ids, keyed by kind * 2^32 + id
  for (let op = first; op; op = op.nextOp) {
    const name = op.name.name;
    const position = kBodyOrder.get(name);
    if (position === undefined) return op.emitOpError(`cannot be in a queue.program, which holds ${kBodyOrderText}`);
    if (position < phase) return op.emitOpError(`is out of order: a queue.program holds ${kBodyOrderText}, in this order`);
    phase = position;
    switch (name) {
      case "queue.arrival":
        state.scheduleOp ??= op;
        if (verifyTaskLike(state, op, "arrival").failed) return failure();
        break;
      case "queue.event":
        state.eventsOp ??= op;
        if (verifyEventDecl(state, op, ids).failed) return failure();
        break;
      case "aic.queue": {
        const core = readI64(op.getAttr("core"))!;
        if (core !== aicCount) return op.emitOpError(`expects core ${aicCount} here: aic queues go in core order 0..${blockDim - 1}, got core ${core}`);
        aicCount++;
        break;
      }
      case "aiv.queue": {
        const core = readI64(op.getAttr("core"))!;
        const sub = readI64(op.getAttr("sub"))!;
        const [wantCore, wantSub] = [Math.floor(aivCount / 2), aivCount % 2];
        if (core !== wantCore || sub !== wantSub)
          return op.emitOpError(`expects core ${wantCore} sub ${wantSub} here: aiv queues go in (core, sub) order, got core ${core} sub ${sub}`);
        aivCount++;
        break;
      }
    }
  }
  if (aicCount !== blockDim) return program.emitOpError(`expects ${blockDim} aic.queue ops (one per AI Core of block_dim ${blockDim}), got ${aicCount}`);
  if (aivCount !== 2 * blockDim)
    return program.emitOpError(`expects ${2 * blockDim} aiv.queue ops (two per AI Core of block_dim ${blockDim}), got ${aivCount}`);
  for (let op = first; op; op = op.nextOp)
    if (kBodyOrder.get(op.name.name)! >= 3 && verifyQueueOps(state, op).failed) return failure();
  return success();
}

/** Records a queue.event by name; gm_counter and remote ids are unique per kind (they are counter lines). */
function verifyEventDecl(state: ProgramState, op: Operation, ids: Map<number, Operation>): LogicalResult {
  state.events.set((op.getAttr("sym_name") as StringAttr).value, op);
  const kind = readI64(op.getAttr("kind"))!;
  if (kind === EventKind.cross_core) return success(); // Several channels may share a flag (docs/queue.md).
  const id = readI64(op.getAttr("id"))!;
  const key = kind * 2 ** 32 + id;
  const previous = ids.get(key);
  if (previous !== undefined) {
    const kindName = Object.keys(EventKind)[kind]!;
    const diag = op.emitOpError(`${kindName} line ${id} is already used by another ${kindName} event of this program (the counter is never reset in a launch)`);
    diag.attachNote("first used here", previous.loc);
    return diag;
  }
  ids.set(key, op);
  return success();
}

/** A task or arrival: its slices, its signal, its unique task id, its `after` list for later. */
function verifyTaskLike(state: ProgramState, op: Operation, mnemonic: string): LogicalResult {
  const reads = readSliceList(op.getAttr("reads"));
  const writes = readSliceList(op.getAttr("writes"))!;
  const writesPeer = mnemonic === "put" || mnemonic === "arrival";
  if (reads && verifySlices(op, "read", reads, state.buffers, false).failed) return failure();
  if (verifySlices(op, "written", writes, state.buffers, writesPeer).failed) return failure();
  if (mnemonic === "put" && verifyUniqueSignal(op, state.putSignals, "put to").failed) return failure();
  if (mnemonic === "arrival" && verifyUniqueSignal(op, state.arrivalSignals, "arrival from").failed) return failure();
  const task = readI64(op.getAttr("task"))!;
  const previous = state.tasks.get(task);
  if (previous !== undefined) {
    const diag = op.emitOpError(`task id ${task} is already used by another task or arrival of this program`);
    diag.attachNote("first used here", previous.loc);
    return diag;
  }
  state.tasks.set(task, op);
  if (op.getAttr("after") !== undefined) {
    state.scheduleOp ??= op;
    state.withAfter.push(op);
  }
  return success();
}

/** The ops of one core queue (their dialect was checked by the queue's own verifier). */
function verifyQueueOps(state: ProgramState, queue: Operation): LogicalResult {
  for (let op = queue.regions[0]!.entryBlock?.first ?? null; op; op = op.nextOp) {
    const mnemonic = op.name.name.substring(4);
    if (taskShapes[mnemonic] !== undefined) {
      if (verifyTaskLike(state, op, mnemonic).failed) return failure();
      continue;
    }
    state.eventsOp ??= op;
    if (mnemonic === "signal_remote") {
      if (verifyRemoteTarget(state, op).failed) return failure();
      continue;
    }
    const event = (op.getAttr("event") as SymbolRefAttr).root;
    if (!state.events.has(event)) return op.emitOpError(`'@${event}' does not name a queue.event of this program`);
  }
  return success();
}

/** Every `after` id names a task or arrival of the program other than the op itself. */
function verifyAfter(state: ProgramState, op: Operation): LogicalResult {
  const self = readI64(op.getAttr("task"))!;
  for (const id of readI64Array(op.getAttr("after"))!) {
    if (id === self) return op.emitOpError(`'after' names the task itself (${id})`);
    if (!state.tasks.has(id)) return op.emitOpError(`'after' names task ${id}, which is no task or arrival of this program`);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// signal_remote: the peer's program
//===----------------------------------------------------------------------===//

/**
 * Programs by rank, per enclosing op, and events by name, per program:
 * built on first use and checked on every hit (the op found must still be
 * where it was, under the same key), rebuilt on a miss. So verifying EP
 * programs that signal each other costs O(top-level ops) per program, not per pair.
 */
const programsByRank = new WeakMap<Operation, Map<number, Operation>>();
const eventsByName = new WeakMap<Operation, Map<string, Operation>>();

function buildProgramsByRank(parent: Operation): Map<number, Operation> {
  const map = new Map<number, Operation>();
  for (const region of parent.regions)
    for (let block = region.entryBlock; block; block = block.next)
      for (let op = block.first; op; op = op.nextOp) {
        const rank = op.name.name === "queue.program" ? readI64(op.getAttr("rank")) : undefined;
        if (rank !== undefined && !map.has(rank)) map.set(rank, op);
      }
  programsByRank.set(parent, map);
  return map;
}

function buildEventsByName(program: Operation): Map<string, Operation> {
  const map = new Map<string, Operation>();
  for (let op = program.regions[0]?.entryBlock?.first ?? null; op; op = op.nextOp) {
    const name = op.name.name === "queue.event" ? op.getAttr("sym_name") : undefined;
    if (name instanceof StringAttr) map.set(name.value, op);
  }
  eventsByName.set(program, map);
  return map;
}

/** The queue.program of `rank` beside `program`, or undefined when its enclosing op holds none. */
function peerProgram(program: Operation, rank: number): Operation | undefined {
  const parent = program.parentOp;
  if (parent === null) return undefined;
  const cached = programsByRank.get(parent)?.get(rank);
  if (cached !== undefined && cached.parentOp === parent && readI64(cached.getAttr("rank")) === rank) return cached;
  return buildProgramsByRank(parent).get(rank);
}

/** The queue.event `name` of `program`, or undefined. */
function eventIn(program: Operation, name: string): Operation | undefined {
  const cached = eventsByName.get(program)?.get(name);
  if (cached !== undefined && cached.parentOp === program && (cached.getAttr("sym_name") as StringAttr | undefined)?.value === name) return cached;
  return buildEventsByName(program).get(name);
}

/** `aiv.signal_remote @e rank P`: @e is a remote event of rank P's program, when that program is in view. */
function verifyRemoteTarget(state: ProgramState, op: Operation): LogicalResult {
  const event = (op.getAttr("event") as SymbolRefAttr).root;
  const peer = readI64(op.getAttr("peer"))!;
  const own = readI64(state.program.getAttr("rank"))!;
  const target = peer === own ? state.program : peerProgram(state.program, peer);
  if (target === undefined) return success(); // Resolved when the peer's program is verified beside this one.
  const decl = peer === own ? state.events.get(event) : eventIn(target, event);
  if (decl === undefined) return op.emitOpError(`'@${event}' does not name a queue.event of rank ${peer}'s program`);
  if (readI64(decl.getAttr("kind")) !== EventKind.remote) {
    const diag = op.emitOpError(`'@${event}' of rank ${peer}'s program is not a remote event`);
    diag.attachNote("declared here", decl.loc);
    return diag;
  }
  return success();
}
