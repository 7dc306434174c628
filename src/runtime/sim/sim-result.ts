// What a simulation of queue programs produces: every core, every task's
// times, the waits and signals that occupied cores, and what blocked a
// deadlocked run. Metrics (sim-metrics.ts), the Chrome trace
// (chrome-trace.ts) and the Gantt chart (gantt-svg.ts) read only this.

import type { TaskKind } from "../../../dialects/tile-build.js";
import type { Operation } from "../../ir/operation.js";

/** One simulated core queue. */
export interface SimCore {
  readonly rank: number;
  readonly unit: "aic" | "aiv";
  /** AI Core index. */
  readonly core: number;
  /** AIV sub-block (0 for aic). */
  readonly sub: number;
  /** Global core id: rank * coresPerRank + local id (passes/schedule/machine.ts). */
  readonly global: number;
}

/** One tile task as it ran. `queue` indexes SimResult.cores. */
export interface SimTask {
  readonly queue: number;
  readonly rank: number;
  /** The tile task id (stable across levels). */
  readonly task: number;
  readonly kind: TaskKind;
  readonly stage: number;
  readonly start: number;
  readonly end: number;
  /** Puts to another rank: destination, bytes, and when the rank's egress link carried them. */
  readonly peer: number;
  readonly bytes: number;
  readonly linkStart: number;
  readonly linkEnd: number;
}

/** A core busy or blocked outside tasks: a wait that blocked, or a signal_remote (fence + remote atomic). */
export interface SimSlice {
  readonly queue: number;
  readonly what: "wait" | "signal_remote";
  /** The event's name (signal_remote: in the peer's program). */
  readonly event: string;
  readonly start: number;
  readonly end: number;
}

/** A core left blocked when nothing more can happen. */
export interface BlockedCore {
  readonly queue: number;
  /** What it waits for, in words (event, counter value and threshold, or task). */
  readonly reason: string;
  readonly op?: Operation;
}

export interface SimResult {
  readonly cores: readonly SimCore[];
  /** Tasks in the order they started (ties as docs/sim.md "Ties" says). */
  readonly tasks: readonly SimTask[];
  readonly slices: readonly SimSlice[];
  readonly makespan: number;
  readonly ranks: number;
  /** Local core ids per rank (global = rank * coresPerRank + local). */
  readonly coresPerRank: number;
  /** Empty unless the queues deadlock. */
  readonly blocked: readonly BlockedCore[];
  /** Cross-core flags that held more pending sets than the hardware counts (cross_core_pending). */
  readonly flagOverflows: readonly string[];
}

/** Input the simulator cannot run (unknown event, missing peer program): `op` locates it when known. */
export class SimInputError extends Error {
  constructor(
    message: string,
    readonly op?: Operation,
  ) {
    super(message);
  }
}

/** `aic 3` or `aiv 3.1`: how traces and messages name a core. */
export function coreLabel(c: SimCore): string {
  return c.unit === "aic" ? `aic ${c.core}` : `aiv ${c.core}.${c.sub}`;
}
