// The `ours` policy: several list schedules of the same graph, each judged by
// a run of its queues (fixed-order.ts); keep the fastest, then try to improve
// it by forward-backward justification (justify.ts) of its run, repeated from
// each shorter run, and by re-sequencing runs (resequence.ts).
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
import { justify, reverseGraph } from "./justify.js";
import { resequence } from "./resequence.js";
import { priorityKeys, putRoundKeys, putTileKeys } from "./priorities.js";
import type { Schedule } from "./schedule.js";
import type { TaskGraph } from "./task-graph.js";
import { timedListSchedule } from "./timed-list-scheduler.js";

/** Graphs up to this many tasks also try the static list scheduler (~5-15 us a task). */
export const kStaticListLimit = 2_000;

/** Justifications of the winner's run at most (each: two time-driven schedules and a run). */
export const kRunJustifyRounds = 4;

/** Re-sequencings of the best run (each: a sort and a run). */
export const kResequenceRounds = 4;

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
   * "list-peft" or "reference", with "+justified" when justification shortened it and
   * "+resequenced" when re-sequencing did.
   */
  readonly chosen: string;
  /** The winning candidate's own estimate; its run (`schedule`) may take longer (docs/schedule.md). */
  readonly planMakespan: number;
}

export function oursSchedule(g: TaskGraph, m: Machine, opts: OursOptions = {}): OursResult {
  const up = upwardRank(g, m);
  let best: OursResult | undefined;
  // A plan is judged by what its queues do when run: each core in order, every task as soon as its
  // inputs and core allow, puts taking their links in the order they start and the destinations'
  // ingress in the order their bytes leave (fixed-order.ts, as the simulator runs queue IR). A plan that held a put back for a busy
  // ingress gets no credit for it: its queue cannot hold the put back.
  const consider = (chosen: string, plan: Schedule): Schedule => {
    const schedule = runPlan(g, m, plan);
    if (!best || schedule.makespan < best.schedule.makespan) best = { schedule, chosen, planMakespan: plan.makespan };
    return schedule;
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
  // Justify the winner's run, run the result, and go on from that run while runs get shorter:
  // each round starts from the times the queues really take, not from the plan.
  const plain = best!.chosen;
  const reversed = reverseGraph(g);
  for (let round = 0; round < kRunJustifyRounds; round++) {
    const from = best!.schedule;
    const justified = justify(g, m, from, reversed);
    if (justified === from) break;
    consider(`${plain}+justified`, justified);
    if (best!.schedule === from) break;
  }
  // Re-sequence the best run a few times, each from the last run (resequence.ts).
  const polished = best!.chosen;
  let run = best!.schedule;
  for (let round = 0; round < kResequenceRounds; round++) run = consider(`${polished}+resequenced`, resequence(g, m, run));
  return best!;
}
