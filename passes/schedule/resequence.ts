// Re-sequencing a run: queues rebuilt from what a run of them observed. A
// plan's queue order assumed inputs would arrive when the plan said; in the
// run, puts meet at the ingress in another order, so a core may wait on a tile
// whose inputs come late while a tile behind it in the queue has all of its.
// Here each rank's tasks of one core type go, in the order their inputs were
// ready in the run, to whichever of its cores frees first, each for as long as
// it took in the run. The result is a plan to run again; runs of successive
// re-sequencings do not improve monotonically, so the caller keeps the best.

import { coreRange, coresPerRank, syncDelay, type Machine } from "./machine.js";
import type { Schedule } from "./schedule.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

/** Queues (cores and start order) from `run`'s input-ready times. O(n log n + e). */
export function resequence(g: TaskGraph, m: Machine, run: Schedule): Schedule {
  const ready = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let t = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
      const p = g.pred[e]!;
      t = Math.max(t, run.end[p]! + syncDelay(m, run.core[p]!, run.core[i]!));
    }
    ready[i] = t;
  }
  const plan: Schedule = { start: Float64Array.from(run.start), end: Float64Array.from(run.end), core: Int32Array.from(run.core), makespan: run.makespan };
  // Tasks by (rank, core type), each group in ready order (ties: the run's order).
  const groupOf = (i: number) => 2 * g.rank[i]! + (g.type[i] === CoreType.aic ? 0 : 1);
  const ids: number[] = [];
  for (let i = 0; i < g.n; i++) if (g.type[i] !== CoreType.none) ids.push(i);
  ids.sort((a, b) => groupOf(a) - groupOf(b) || ready[a]! - ready[b]! || run.start[a]! - run.start[b]! || a - b);
  const per = coresPerRank(m);
  const free = new Float64Array(per);
  let group = -1;
  for (const i of ids) {
    const type = g.type[i] as CoreType;
    const [first, count] = coreRange(m, type);
    if (groupOf(i) !== group) {
      group = groupOf(i);
      free.fill(0);
    }
    let c = first;
    for (let k = first + 1; k < first + count; k++) if (free[k]! < free[c]!) c = k;
    const start = Math.max(free[c]!, ready[i]!);
    free[c] = start + (run.end[i]! - run.start[i]!);
    plan.core[i] = g.rank[i]! * per + c;
    plan.start[i] = start;
    plan.end[i] = free[c]!;
  }
  return plan;
}
