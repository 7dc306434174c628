// The `ours` policy: several list schedules of the same graph, keep the
// shortest, then improve it by forward-backward justification (justify.ts).
// Time-driven list scheduling covers large graphs in O((n + e) log n) each:
// heft and stream priorities with puts round robin over destinations, and
// heft with the busiest destinations' cheapest tiles' puts first (skewed routing);
// the insertion-based static list scheduler (HEFT or PEFT) joins on small
// graphs, where it sometimes wins and costs little. The reference policy's
// schedule is a candidate too, so `ours` is never slower than it.

import { referenceSchedule } from "./baselines.js";
import { listSchedule, upwardRank, type Priority } from "./list-scheduler.js";
import type { Machine } from "./machine.js";
import { justify } from "./justify.js";
import { priorityKeys, putRoundKeys, putTileKeys } from "./priorities.js";
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
  /**
   * The candidate that won: "timed-heft", "timed-stream", "timed-tiles", "list-heft",
   * "list-peft" or "reference", with "+justified" when justification shortened it.
   */
  readonly chosen: string;
}

export function oursSchedule(g: TaskGraph, m: Machine, opts: OursOptions = {}): OursResult {
  const up = upwardRank(g, m);
  let best: OursResult | undefined;
  const consider = (chosen: string, schedule: Schedule) => {
    if (!best || schedule.makespan < best.schedule.makespan) best = { schedule, chosen };
  };
  const heft = priorityKeys(g, m, "heft", up);
  const stream = priorityKeys(g, m, "stream", up);
  consider("timed-heft", timedListSchedule(g, m, heft, putRoundKeys(g, heft)));
  consider("timed-stream", timedListSchedule(g, m, stream, putRoundKeys(g, stream)));
  consider("timed-tiles", timedListSchedule(g, m, heft, putTileKeys(g)));
  if (g.n <= kStaticListLimit) {
    const p = opts.priority ?? "heft";
    consider(`list-${p}`, listSchedule(g, m, p));
  }
  consider("reference", opts.reference ?? referenceSchedule(g, m));
  const justified = justify(g, m, best!.schedule);
  if (justified !== best!.schedule) best = { schedule: justified, chosen: `${best!.chosen}+justified` };
  return best!;
}
