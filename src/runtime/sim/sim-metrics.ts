// Summary figures of a simulation (docs/sim.md "Metrics"):
// - utilization of a core kind: task time on its cores / (cores x makespan);
//   the cores are the launched ones (block_dim AICs and 2 x block_dim AIVs
//   per rank), a put counts as AIV time, waits and signals do not;
// - link utilization: egress-link busy time / (ranks x makespan);
// - exposed communication of a rank: the time some communication of the rank
//   is in flight (a put it sends or receives, a signal_remote it issues)
//   while none of its cores runs a compute task. Reported per rank, and as
//   the mean over ranks. O(tasks log tasks).

import { intervalUnion, lengthOutside } from "../../../passes/schedule/intervals.js";
import type { SimResult } from "./sim-result.js";

export interface SimMetrics {
  readonly makespanUs: number;
  readonly aicUtilization: number;
  readonly aivUtilization: number;
  readonly linkUtilization: number;
  readonly exposedCommUs: number;
  /** exposedCommUs / makespan. */
  readonly exposedCommFraction: number;
  readonly exposedCommByRank: readonly number[];
}

const ratio = (x: number, y: number): number => (y > 0 ? x / y : 0);

export function simMetrics(r: SimResult): SimMetrics {
  const busy = { aic: 0, aiv: 0 };
  const count = { aic: 0, aiv: 0 };
  for (const c of r.cores) count[c.unit]++;
  let link = 0;
  // Per rank, intervals flat as [start, end, ...] (passes/schedule/intervals.ts).
  const comm: number[][] = Array.from({ length: r.ranks }, () => []);
  const compute: number[][] = Array.from({ length: r.ranks }, () => []);
  for (const t of r.tasks) {
    busy[r.cores[t.queue]!.unit] += t.end - t.start;
    if (t.linkEnd > t.linkStart) link += t.linkEnd - t.linkStart;
    if (t.kind !== "put") compute[t.rank]!.push(t.start, t.end);
    else {
      comm[t.rank]!.push(t.start, t.end);
      if (t.peer >= 0 && t.peer !== t.rank) comm[t.peer]?.push(t.start, t.end);
    }
  }
  for (const s of r.slices) if (s.what === "signal_remote") comm[r.cores[s.queue]!.rank]!.push(s.start, s.end);
  const byRank = comm.map((c, rank) => lengthOutside(intervalUnion(c), intervalUnion(compute[rank]!)));
  const exposed = ratio(byRank.reduce((a, b) => a + b, 0), r.ranks);
  return {
    makespanUs: r.makespan,
    aicUtilization: ratio(busy.aic, count.aic * r.makespan),
    aivUtilization: ratio(busy.aiv, count.aiv * r.makespan),
    linkUtilization: ratio(link, r.ranks * r.makespan),
    exposedCommUs: exposed,
    exposedCommFraction: ratio(exposed, r.makespan),
    exposedCommByRank: byRank,
  };
}
