// Building and reading queue-level IR (dialects queue, aic, aiv) as the plain
// data of dialects/queue-model.ts, so the scheduler, event insertion, the
// verifier and the simulator never touch raw property names. Task properties
// are encoded and decoded by tile-build's taskProperties / readTaskProperties,
// one implementation for both levels. Both directions are O(ops x slices x rank).

import type { Builder } from "../src/ir/builder.js";
import { DictionaryAttr, StringAttr, SymbolRefAttr, TypeAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { MemRefType } from "../src/ir/builtin-types.js";
import { readI64 } from "../src/ir/int-attr.js";
import type { Operation } from "../src/ir/operation.js";
import type { QueueArrivalSpec, QueueBufferSpec, QueueEntry, QueueEventSpec, QueueProgramSpec, CoreQueueSpec } from "./queue-model.js";
import { EventKind, SchedulePolicy } from "./queue-model.js";
import { createBuffer, i64Attr, readTaskProperties, taskProperties, type TaskKind } from "./tile-build.js";
import { i64ArrayAttr, readI64Array, readSliceList, sliceListAttr, type BufferKind } from "./tile-model.js";

/** The dialect of each task kind's queue op. */
export const taskUnit: Readonly<Record<TaskKind, "aic" | "aiv">> = { gemm: "aic", put: "aiv", swiglu: "aiv", swiglu_grad: "aiv", gather: "aiv" };

/** The keyword of each enum value, by value. */
const eventKindNames = Object.keys(EventKind) as EventKind[];
const policyNames = Object.keys(SchedulePolicy) as SchedulePolicy[];

/** Creates `queue.program` for `spec` at the builder's insertion point; the builder ends up just after it. */
export function buildQueueProgram(b: Builder, spec: QueueProgramSpec): Operation {
  const ctx = b.context;
  const properties = DictionaryAttr.get(ctx, [
    { name: "block_dim", value: i64Attr(ctx, spec.blockDim) },
    { name: "ep", value: i64Attr(ctx, spec.ep) },
    { name: "policy", value: i64Attr(ctx, SchedulePolicy[spec.policy]) },
    { name: "rank", value: i64Attr(ctx, spec.rank) },
    { name: "sym_name", value: StringAttr.get(ctx, spec.name) },
    { name: "target", value: StringAttr.get(ctx, spec.target) },
  ]);
  const program = b.create("queue.program", { properties, regions: 1 });
  b.createBlock(program.regions[0]!);
  for (const buffer of spec.buffers) createBuffer(b, buffer.name, buffer.type, buffer.kind);
  for (const arrival of spec.arrivals) createQueueArrival(b, arrival);
  for (const event of spec.events) createQueueEvent(b, event);
  for (const queue of spec.queues) createCoreQueue(b, queue);
  b.setInsertionPointAfter(program);
  return program;
}

/** Creates `queue.arrival` for `spec`. */
export function createQueueArrival(b: Builder, spec: QueueArrivalSpec): Operation {
  const ctx = b.context;
  const properties = DictionaryAttr.get(ctx, [
    { name: "peer", value: i64Attr(ctx, spec.peer) },
    { name: "signal", value: i64Attr(ctx, spec.signal) },
    { name: "task", value: i64Attr(ctx, spec.task) },
    { name: "writes", value: sliceListAttr(ctx, [spec.writes]) },
  ]);
  return b.create("queue.arrival", { properties });
}

/** Creates `queue.event` for `spec` (`core` and `mode` only when set). */
export function createQueueEvent(b: Builder, spec: QueueEventSpec): Operation {
  const ctx = b.context;
  const props: NamedAttribute[] = [
    { name: "id", value: i64Attr(ctx, spec.id) },
    { name: "kind", value: i64Attr(ctx, EventKind[spec.kind]) },
    { name: "sym_name", value: StringAttr.get(ctx, spec.name) },
    { name: "threshold", value: i64Attr(ctx, spec.threshold) },
  ];
  if (spec.core !== undefined) props.push({ name: "core", value: i64Attr(ctx, spec.core) });
  if (spec.mode !== undefined) props.push({ name: "mode", value: i64Attr(ctx, spec.mode) });
  return b.create("queue.event", { properties: DictionaryAttr.get(ctx, props) });
}

/** Creates `aic.queue core C` or `aiv.queue core C sub S` with its entries; the builder ends up just after it. */
export function createCoreQueue(b: Builder, spec: CoreQueueSpec): Operation {
  const ctx = b.context;
  const props: NamedAttribute[] = [{ name: "core", value: i64Attr(ctx, spec.core) }];
  if (spec.unit === "aiv") props.push({ name: "sub", value: i64Attr(ctx, spec.sub) });
  const queue = b.create(`${spec.unit}.queue`, { properties: DictionaryAttr.get(ctx, props), regions: 1 });
  b.createBlock(queue.regions[0]!);
  for (const entry of spec.entries) createQueueEntry(b, spec.unit, entry);
  b.setInsertionPointAfter(queue);
  return queue;
}

/** Creates the op of one queue entry in dialect `unit`. */
export function createQueueEntry(b: Builder, unit: "aic" | "aiv", entry: QueueEntry): Operation {
  const ctx = b.context;
  const event = (name: string): NamedAttribute => ({ name: "event", value: SymbolRefAttr.get(ctx, name) });
  switch (entry.op) {
    case "task": {
      const props = taskProperties(ctx, entry.kind, entry.spec);
      props.push({ name: "task", value: i64Attr(ctx, entry.task) });
      if (entry.after !== undefined) props.push({ name: "after", value: i64ArrayAttr(ctx, entry.after) });
      return b.create(`${taskUnit[entry.kind]}.${entry.kind}`, { properties: DictionaryAttr.get(ctx, props) });
    }
    case "wait":
    case "signal":
      return b.create(`${unit}.${entry.op}`, { properties: DictionaryAttr.get(ctx, [event(entry.event)]) });
    case "signal_remote":
      return b.create(`${unit}.signal_remote`, {
        properties: DictionaryAttr.get(ctx, [event(entry.event), { name: "peer", value: i64Attr(ctx, entry.peer) }]),
      });
  }
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

/** The string of property `name`, or "" (verified IR has it). */
function stringOf(op: Operation, name: string): string {
  const a = op.getAttr(name);
  return a instanceof StringAttr ? a.value : "";
}

/** The flat symbol of property `event`, or "". */
function eventOf(op: Operation): string {
  const a = op.getAttr("event");
  return a instanceof SymbolRefAttr ? a.root : "";
}

/** Reads a verified `queue.program` back into its spec, with `op` / `irOp` set on every part. O(ops). */
export function readQueueProgram(op: Operation): QueueProgramSpec {
  const buffers: QueueBufferSpec[] = [];
  const arrivals: QueueArrivalSpec[] = [];
  const events: QueueEventSpec[] = [];
  const queues: CoreQueueSpec[] = [];
  const block = op.regions[0]?.entryBlock;
  for (let child = block?.first ?? null; child; child = child.nextOp) {
    switch (child.name.name) {
      case "tile.buffer": {
        const type = child.getAttr("type");
        if (type instanceof TypeAttr && type.value instanceof MemRefType)
          buffers.push({ name: stringOf(child, "sym_name"), type: type.value, kind: readI64(child.getAttr("kind")) as BufferKind });
        break;
      }
      case "queue.arrival":
        arrivals.push(readQueueArrival(child));
        break;
      case "queue.event":
        events.push(readQueueEvent(child));
        break;
      case "aic.queue":
      case "aiv.queue":
        queues.push(readCoreQueue(child));
        break;
    }
  }
  return {
    name: stringOf(op, "sym_name"),
    rank: readI64(op.getAttr("rank")) ?? 0,
    ep: readI64(op.getAttr("ep")) ?? 0,
    target: stringOf(op, "target"),
    blockDim: readI64(op.getAttr("block_dim")) ?? 0,
    policy: policyNames[readI64(op.getAttr("policy")) ?? 0]!,
    buffers,
    arrivals,
    events,
    queues,
    op,
  };
}

/** A `queue.arrival` as its spec. */
export function readQueueArrival(op: Operation): QueueArrivalSpec {
  const slice = readSliceList(op.getAttr("writes"))?.[0];
  return {
    task: readI64(op.getAttr("task")) ?? -1,
    writes: slice ?? { buffer: "", offsets: [], sizes: [] },
    peer: readI64(op.getAttr("peer")) ?? -1,
    signal: readI64(op.getAttr("signal")) ?? -1,
  };
}

/** A `queue.event` as its spec. */
export function readQueueEvent(op: Operation): QueueEventSpec {
  const core = readI64(op.getAttr("core"));
  const mode = readI64(op.getAttr("mode"));
  return {
    name: stringOf(op, "sym_name"),
    kind: eventKindNames[readI64(op.getAttr("kind")) ?? 0]!,
    id: readI64(op.getAttr("id")) ?? -1,
    threshold: readI64(op.getAttr("threshold")) ?? 0,
    ...(core !== undefined ? { core } : {}),
    ...(mode !== undefined ? { mode: mode as 1 | 2 } : {}),
    op,
  };
}

/** An `aic.queue` or `aiv.queue` with its entries. */
export function readCoreQueue(op: Operation): CoreQueueSpec {
  const unit = op.name.name === "aic.queue" ? "aic" : "aiv";
  const entries: QueueEntry[] = [];
  for (let child = op.regions[0]?.entryBlock?.first ?? null; child; child = child.nextOp) {
    const entry = readQueueEntry(child);
    if (entry !== undefined) entries.push(entry);
  }
  return { unit, core: readI64(op.getAttr("core")) ?? -1, sub: readI64(op.getAttr("sub")) ?? 0, entries, op };
}

/** One op of a core queue as its entry, or undefined for an op that is none. */
export function readQueueEntry(op: Operation): QueueEntry | undefined {
  const name = op.name.name;
  const dot = name.indexOf(".");
  const mnemonic = name.substring(dot + 1);
  switch (mnemonic) {
    case "wait":
    case "signal":
      return { op: mnemonic, event: eventOf(op), irOp: op };
    case "signal_remote":
      return { op: "signal_remote", event: eventOf(op), peer: readI64(op.getAttr("peer")) ?? -1, irOp: op };
  }
  const kind = mnemonic as TaskKind;
  if (taskUnit[kind] === undefined || taskUnit[kind] !== name.substring(0, dot)) return undefined;
  const after = readI64Array(op.getAttr("after"));
  return {
    op: "task",
    kind,
    task: readI64(op.getAttr("task")) ?? -1,
    spec: readTaskProperties(op),
    ...(after !== undefined ? { after } : {}),
    irOp: op,
  };
}
