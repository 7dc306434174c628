// What a target allows the event level: AI Cores per launch, cross-core flag
// ids and their pending-set bound, GM counter and remote signal lines. Read
// from a hardware profile (targets/*.yaml, section `events`), so event
// insertion and verify-schedule judge a program by the same numbers.

import type { CoreQueueSpec } from "../../dialects/queue-model.js";
import type { HardwareProfile } from "../../src/target/hardware-profile.js";

export interface EventLimits {
  readonly target: string;
  /** Physical AI Cores (one AIC each): block_dim must not exceed it (co-residency). */
  readonly aiCores: number;
  /** Cross-core flag ids generated code may use: 0 .. flagIds-1. */
  readonly flagIds: number;
  /** Sets a cross-core flag may hold pending (its 4-bit counter). */
  readonly pending: number;
  /** 64-byte GM counter lines per rank: gm_counter ids 0 .. gmLines-1. */
  readonly gmLines: number;
  /** Lines of the symmetric signal area per rank: remote ids 0 .. remoteLines-1. */
  readonly remoteLines: number;
}

export function eventLimitsOf(p: HardwareProfile): EventLimits {
  return {
    target: p.name,
    aiCores: p.cores.aic.value,
    flagIds: p.events.cross_core_flag_ids.value,
    pending: p.events.cross_core_pending.value,
    gmLines: p.events.gm_counter_lines.value,
    remoteLines: p.events.remote_signal_lines.value,
  };
}

/** `rank 0 aiv core 3 sub 1`: how diagnostics name a queue. */
export function queueName(rank: number, q: Pick<CoreQueueSpec, "unit" | "core" | "sub">): string {
  return q.unit === "aic" ? `rank ${rank} aic core ${q.core}` : `rank ${rank} aiv core ${q.core} sub ${q.sub}`;
}

/** Cross-core flag mode between two queues of one AI Core: 1 between its AIVs, 2 between its AIC and an AIV. */
export function flagModeOf(a: Pick<CoreQueueSpec, "unit">, b: Pick<CoreQueueSpec, "unit">): 1 | 2 {
  return a.unit === "aiv" && b.unit === "aiv" ? 1 : 2;
}
