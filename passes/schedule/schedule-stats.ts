// What a schedule does with the machine: cube-core utilization and how much
// communication is exposed (not hidden under cube work). Both are averaged
// over ranks; the bench prints them and compares the serialized baseline's
// with the paper's motivation figures (hyperparallel-moe.md §5.1).

import { intervalUnion, lengthOutside, unionLength } from "./intervals.js";
import type { Machine } from "./machine.js";
import type { Schedule } from "./schedule.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

export interface ScheduleStats {
  /** Busy cube-core time over cube cores x makespan, all ranks. */
  readonly aicUtilization: number;
  /** Mean over ranks of the time some put of the rank is in flight, us. */
  readonly commMicros: number;
  /** Mean over ranks of the time some put of the rank is in flight while none of its cube cores works, us. */
  readonly exposedCommMicros: number;
}

/** The busy intervals of tasks `ids`, flat. */
function intervalsOf(ids: readonly number[], s: Schedule): number[] {
  const flat: number[] = [];
  for (const i of ids) flat.push(s.start[i]!, s.end[i]!);
  return flat;
}

/** O(n log n). */
export function scheduleStats(g: TaskGraph, m: Machine, s: Schedule): ScheduleStats {
  const cube: number[][] = Array.from({ length: m.ranks }, () => []);
  const puts: number[][] = Array.from({ length: m.ranks }, () => []);
  let busy = 0;
  for (let i = 0; i < g.n; i++) {
    if (g.type[i] === CoreType.aic) {
      cube[g.rank[i]!]!.push(i);
      busy += s.end[i]! - s.start[i]!;
    }
    if (g.linkTime[i]! > 0) puts[g.rank[i]!]!.push(i);
  }
  let comm = 0;
  let exposed = 0;
  for (let r = 0; r < m.ranks; r++) {
    const p = intervalUnion(intervalsOf(puts[r]!, s));
    comm += unionLength(p);
    exposed += lengthOutside(p, intervalUnion(intervalsOf(cube[r]!, s)));
  }
  return {
    aicUtilization: s.makespan > 0 ? busy / (m.ranks * m.aic * s.makespan) : 0,
    commMicros: comm / m.ranks,
    exposedCommMicros: exposed / m.ranks,
  };
}
