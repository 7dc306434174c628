// The `ours` policy: several list schedules of the same graph, each judged by
// a run of its queues (fixed-order.ts); keep the fastest, then try to improve
// it by forward-backward justification (justify.ts).
// Time-driven list scheduling covers large graphs in O((n + e) log n) each:
// heft and stream priorities with puts round robin over destinations, and
// heft with the busiest destinations' cheapest tiles' puts first (skewed routing);
// the insertion-based static list scheduler (HEFT or PEFT) joins on small
// graphs, where it sometimes wins and costs little. The reference policy's
// schedule is a candidate too, so `ours` is never slower than it.

import { referenceSchedule } from "./baselines.js";
import { listSchedule, upwardRank, type Priority } from "./list-scheduler.js";
import { runPlan } from "./fixed-order.js";
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
  /** The winning candidate's own estimate; its run (`schedule`) may take longer (docs/schedule.md). */
  readonly planMakespan: number;
}

export function oursSchedule(g: TaskGraph, m: Machine, opts: OursOptions = {}): OursResult {
  const up = upwardRank(g, m);
  let best: OursResult | undefined;
  // A plan is judged by what its queues do when run: each core in order, every task as soon as its
  // inputs and core allow, puts taking the links and the destinations' ingress in the order they
  // start (fixed-order.ts, as the simulator runs queue IR). A plan that held a put back for a busy
  // ingress gets no credit for it: its queue cannot hold the put back.
  const consider = (chosen: string, plan: Schedule) => {
    const schedule = runPlan(g, m, plan);
    if (!best || schedule.makespan < best.schedule.makespan) best = { schedule, chosen, planMakespan: plan.makespan };
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
  const plain = best!;
  const justified = justify(g, m, plain.schedule);
  if (justified !== plain.schedule) consider(`${plain.chosen}+justified`, justified);
  return best!;
}
