// What a schedule does with the machine: cube-core utilization and how much
// communication is exposed (not hidden under cube work). Both are averaged
// over ranks; the bench prints them and compares the serialized baseline's
// with the paper's motivation figures (hyperparallel-moe.md §5.1).

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

/** Sorted, disjoint union of intervals [s[i], e[i]) over `ids`. */
function union(ids: number[], s: Schedule): number[] {
  ids.sort((a, b) => s.start[a]! - s.start[b]! || a - b);
  const out: number[] = [];
  for (const i of ids) {
    const a = s.start[i]!;
    const b = s.end[i]!;
    if (b <= a) continue;
    if (out.length > 0 && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return out;
}

function measure(u: number[]): number {
  let t = 0;
  for (let k = 0; k < u.length; k += 2) t += u[k + 1]! - u[k]!;
  return t;
}

/** Length of the intersection of two unions. O(|a| + |b|). */
function overlap(a: number[], b: number[]): number {
  let t = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (hi > lo) t += hi - lo;
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return t;
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
    const p = union(puts[r]!, s);
    const c = measure(p);
    comm += c;
    exposed += c - overlap(p, union(cube[r]!, s));
  }
  return {
    aicUtilization: s.makespan > 0 ? busy / (m.ranks * m.aic * s.makespan) : 0,
    commMicros: comm / m.ranks,
    exposedCommMicros: exposed / m.ranks,
  };
}
