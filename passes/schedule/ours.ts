// The `ours` policy: several list schedules of the same graph, keep the
// shortest. Time-driven list scheduling with the heft and stream priorities
// (puts round robin over destinations) covers large graphs in O((n + e) log n)
// each; the insertion-based static list scheduler (HEFT or PEFT) joins on
// small graphs, where it sometimes wins and costs little. The reference
// policy's schedule is a candidate too, so `ours` is never slower than it.

import { referenceSchedule } from "./baselines.js";
import { listSchedule, upwardRank, type Priority } from "./list-scheduler.js";
import type { Machine } from "./machine.js";
import { priorityKeys, putRoundKeys, type TimedPriority } from "./priorities.js";
import type { Schedule } from "./schedule.js";
import type { TaskGraph } from "./task-graph.js";
import { timedListSchedule } from "./timed-list-scheduler.js";

/** Graphs up to this many tasks also try the static list scheduler (~5-15 us a task). */
export const kStaticListLimit = 2_000;

export interface OursOptions {
  /** Priority of the static list scheduler candidate (default heft). */
  readonly priority?: Priority;
  /** The reference policy's schedule when the caller already has it. */
  readonly reference?: Schedule;
}

export interface OursResult {
  readonly schedule: Schedule;
  /** The candidate that won: "timed-heft", "timed-stream", "list-heft", "list-peft" or "reference". */
  readonly chosen: string;
}

export function oursSchedule(g: TaskGraph, m: Machine, opts: OursOptions = {}): OursResult {
  const up = upwardRank(g, m);
  let best: OursResult | undefined;
  const consider = (chosen: string, schedule: Schedule) => {
    if (!best || schedule.makespan < best.schedule.makespan) best = { schedule, chosen };
  };
  for (const p of ["heft", "stream"] as TimedPriority[]) {
    const key = priorityKeys(g, m, p, up);
    consider(`timed-${p}`, timedListSchedule(g, m, key, putRoundKeys(g, key)));
  }
  if (g.n <= kStaticListLimit) {
    const p = opts.priority ?? "heft";
    consider(`list-${p}`, listSchedule(g, m, p));
  }
  consider("reference", opts.reference ?? referenceSchedule(g, m));
  return best!;
}
