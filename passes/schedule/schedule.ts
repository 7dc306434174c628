// A schedule: each task's core (global id, -1 for events) and its start and
// end in microseconds; per-core task order follows start times.

import type { TaskGraph } from "./task-graph.js";

export interface Schedule {
  readonly core: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly makespan: number;
}

export function emptySchedule(n: number): { core: Int32Array; start: Float64Array; end: Float64Array } {
  return { core: new Int32Array(n).fill(-1), start: new Float64Array(n), end: new Float64Array(n) };
}

export function finish(s: { core: Int32Array; start: Float64Array; end: Float64Array }): Schedule {
  let makespan = 0;
  for (let i = 0; i < s.end.length; i++) makespan = Math.max(makespan, s.end[i]!);
  return { ...s, makespan };
}

/** Tasks of each core in start order (ties by task id): the queues a schedule implies. */
export function queuesOf(g: TaskGraph, s: Schedule, cores: number): number[][] {
  const queues: number[][] = Array.from({ length: cores }, () => []);
  for (let i = 0; i < g.n; i++) if (s.core[i]! >= 0) queues[s.core[i]!]!.push(i);
  for (const q of queues) q.sort((a, b) => s.start[a]! - s.start[b]! || a - b);
  return queues;
}
