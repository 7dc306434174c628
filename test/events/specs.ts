// Hand-made queue programs as plain data for the events tests: queues named
// "aic0", "aiv1.0" (core 1, sub 0); slices written "buf[0:8]" (one dim).

import type { CoreQueueSpec, QueueEntry, QueueEventSpec, QueueProgramSpec } from "../../dialects/queue-model.js";
import type { TaskKind } from "../../dialects/tile-build.js";
import type { Slice } from "../../dialects/tile-model.js";
import { eventLimitsOf, type EventLimits } from "../../passes/events/limits.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

export const a3Limits: EventLimits = eventLimitsOf(loadTarget("a3-die") as HardwareProfile);

export function slice(text: string): Slice {
  const m = /^(\w+)\[(\d+):(\d+)\]$/.exec(text)!;
  return { buffer: m[1]!, offsets: [Number(m[2])], sizes: [Number(m[3]) - Number(m[2])] };
}

export interface TaskOpts {
  readonly reads?: readonly string[];
  readonly writes?: readonly string[];
  readonly after?: readonly number[];
  readonly peer?: number;
  readonly signal?: number;
}

export function task(id: number, kind: TaskKind, o: TaskOpts = {}): QueueEntry {
  return {
    op: "task",
    kind,
    task: id,
    spec: { stage: 0 as never, reads: (o.reads ?? []).map(slice), writes: (o.writes ?? []).map(slice), peer: o.peer, signal: o.signal },
    ...(o.after ? { after: o.after } : {}),
  };
}

export const wait = (event: string): QueueEntry => ({ op: "wait", event });
export const signal = (event: string): QueueEntry => ({ op: "signal", event });
export const signalRemote = (event: string, peer: number): QueueEntry => ({ op: "signal_remote", event, peer });

export function queueOf(key: string, entries: QueueEntry[]): CoreQueueSpec {
  const m = /^(aic|aiv)(\d+)(?:\.(\d))?$/.exec(key)!;
  return { unit: m[1] as "aic" | "aiv", core: Number(m[2]), sub: Number(m[3] ?? 0), entries };
}

/** A program with every queue of `blockDim` AI Cores, those in `queues` filled. */
export function program(rank: number, blockDim: number, queues: Record<string, QueueEntry[]>, extra: Partial<QueueProgramSpec> = {}): QueueProgramSpec {
  const all: CoreQueueSpec[] = [];
  for (let c = 0; c < blockDim; c++) all.push(queueOf(`aic${c}`, queues[`aic${c}`] ?? []));
  for (let c = 0; c < blockDim; c++) for (const s of [0, 1]) all.push(queueOf(`aiv${c}.${s}`, queues[`aiv${c}.${s}`] ?? []));
  for (const k of Object.keys(queues)) if (!all.some((q) => (q.unit === "aic" ? `aic${q.core}` : `aiv${q.core}.${q.sub}`) === k)) throw new Error(`queue ${k} outside block_dim ${blockDim}`);
  return { name: `fwd_rank${rank}`, rank, ep: 1, target: "a3-die", blockDim, policy: "ours", buffers: [], arrivals: [], events: [], queues: all, ...extra };
}

export const cc = (name: string, id: number, core: number, mode: 1 | 2, threshold = 1): QueueEventSpec => ({ name, kind: "cross_core", id, threshold, core, mode });
export const gm = (name: string, id: number, threshold = 1): QueueEventSpec => ({ name, kind: "gm_counter", id, threshold });
export const rs = (name: string, id: number, threshold = 1): QueueEventSpec => ({ name, kind: "remote", id, threshold });

/** One line per queue: "aic0: wait cc0 | gemm#1 | signal gm0". */
export function render(p: QueueProgramSpec): string[] {
  return p.queues
    .filter((q) => q.entries.length)
    .map((q) => `${q.unit}${q.core}${q.unit === "aiv" ? "." + q.sub : ""}: ` + q.entries.map((e) => (e.op === "task" ? `${e.kind}#${e.task}` : e.op === "signal_remote" ? `signal_remote ${e.event} rank ${e.peer}` : `${e.op} ${e.event}`)).join(" | "));
}

export function renderEvents(p: QueueProgramSpec): string[] {
  return p.events.map((e) => `${e.name} ${e.kind} id ${e.id} threshold ${e.threshold}${e.kind === "cross_core" ? ` core ${e.core} mode ${e.mode}` : ""}`);
}
