// The queue level (dialects queue, aic, aiv) as plain data: what the
// scheduler builds, event insertion rewrites, the verifier proves and the
// simulator runs. dialects/queue-build.ts turns it into IR and reads IR back
// into it; the semantics are in docs/queue.md.

import type { MemRefType } from "../src/ir/builtin-types.js";
import type { Operation } from "../src/ir/operation.js";
import type { BufferKind } from "./tile-model.js";
import type { TaskKind, TaskSpec } from "./tile-build.js";

/** How a wait is satisfied (docs/queue.md "Events"). */
export const EventKind = { cross_core: 0, gm_counter: 1, remote: 2 } as const;
export type EventKind = keyof typeof EventKind;

/** Which policy placed the tasks (passes/list-schedule.ts). */
export const SchedulePolicy = { ours: 0, reference: 1, serialized: 2 } as const;
export type SchedulePolicy = keyof typeof SchedulePolicy;
export const schedulePolicies = Object.keys(SchedulePolicy) as SchedulePolicy[];
export function isSchedulePolicy(name: string): name is SchedulePolicy {
  return Object.hasOwn(SchedulePolicy, name);
}

/**
 * `queue.event`: a counter waits compare with `threshold`.
 * - gm_counter: monotonic int32 at 64-byte line `id` of the rank's counter area;
 *   every `signal` adds 1 (DMA atomic add); a wait passes once it is >= threshold.
 * - remote: the same in the rank's symmetric signal area; raised by
 *   `signal_remote` ops of any rank (after the put before them has landed).
 * - cross_core: hardware flag `id` (0..10) of AI Core `core`, `mode` 2 (AIC <-> its
 *   AIVs) or 1 (AIV <-> AIV of one AI Core); one producer queue, one consumer
 *   queue; the wait consumes `threshold` pending sets.
 */
export interface QueueEventSpec {
  readonly name: string;
  readonly kind: EventKind;
  readonly id: number;
  readonly threshold: number;
  /** cross_core only. */
  readonly core?: number;
  readonly mode?: 1 | 2;
  /** Set by readers: the op, for diagnostics. */
  readonly op?: Operation;
}

/** One entry of a core queue, in execution order. */
export type QueueEntry =
  | {
      readonly op: "task";
      readonly kind: TaskKind;
      /** The tile task's index in its rank's program (stable across levels; traces use it). */
      readonly task: number;
      readonly spec: Omit<TaskSpec, "deps">;
      /** Schedule level only: task ids (tasks or arrivals of this rank) it depends on. */
      readonly after?: readonly number[];
      readonly irOp?: Operation;
    }
  | { readonly op: "wait"; readonly event: string; readonly irOp?: Operation }
  | { readonly op: "signal"; readonly event: string; readonly irOp?: Operation }
  | { readonly op: "signal_remote"; readonly event: string; readonly peer: number; readonly irOp?: Operation };

/** `aic.queue core C` (sub = 0) or `aiv.queue core C sub S`: one physical core's queue. */
export interface CoreQueueSpec {
  readonly unit: "aic" | "aiv";
  /** AI Core index, 0 .. block_dim-1. */
  readonly core: number;
  /** AIV sub-block 0 or 1 (0 for aic). */
  readonly sub: number;
  readonly entries: readonly QueueEntry[];
  readonly op?: Operation;
}

/** Schedule level only: a peer's put landing here (tile.arrival), named by task id for `after`. */
export interface QueueArrivalSpec {
  readonly task: number;
  readonly writes: import("./tile-model.js").Slice;
  readonly peer: number;
  readonly signal: number;
}

export interface QueueBufferSpec {
  readonly name: string;
  readonly type: MemRefType;
  readonly kind: BufferKind;
}

/** `queue.program`: the queues of one EP rank. */
export interface QueueProgramSpec {
  readonly name: string;
  readonly rank: number;
  readonly ep: number;
  readonly target: string;
  readonly blockDim: number;
  readonly policy: SchedulePolicy;
  readonly buffers: readonly QueueBufferSpec[];
  readonly arrivals: readonly QueueArrivalSpec[];
  readonly events: readonly QueueEventSpec[];
  /** aic queues by core, then aiv queues by (core, sub); every core of the launch has one (maybe empty). */
  readonly queues: readonly CoreQueueSpec[];
  readonly op?: Operation;
}
