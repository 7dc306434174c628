// Times of a schedule whose queues are fixed: each core runs its queue
// strictly in order, each task waiting for its inputs (and, optionally, for
// the next tick of a coarse polling loop, as the reference runtime does).
// Tasks start in time order (a heap), so puts take the rank's link in the
// order they start, and the destination's ingress in the order their bytes
// leave the links (machine.ts Ports). A queue order that contradicts the
// dependencies is a deadlock: it is reported with the tasks left waiting.

import { coresPerRank, Ports, syncDelay, type Machine } from "./machine.js";
import { emptySchedule, finish, queuesOf, type Schedule } from "./schedule.js";
import { CoreType, MinHeap, type TaskGraph } from "./task-graph.js";

export interface FixedOrderOptions {
  /** Poll interval (us) of a waiting core by core type; 0 = sees the event at once. */
  readonly pollInterval?: { readonly aic: number; readonly aiv: number };
}

export class DeadlockError extends Error {
  constructor(readonly waiting: number[]) {
    super(`the queues deadlock: ${waiting.length} tasks never start (first: ${waiting.slice(0, 5).join(", ")})`);
  }
}

/** `queues[core]` lists global core `core`'s tasks in order; tasks of type none are in no queue. */
export function evaluateFixedOrder(g: TaskGraph, m: Machine, queues: readonly (readonly number[])[], opts: FixedOrderOptions = {}): Schedule {
  const s = emptySchedule(g.n);
  const position = new Int32Array(g.n).fill(-1);
  queues.forEach((q, core) =>
    q.forEach((i, k) => {
      s.core[i] = core;
      position[i] = k;
    }),
  );
  const waiting = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) waiting[i] = g.predStart[i + 1]! - g.predStart[i]! + (position[i]! > 0 ? 1 : 0);
  const coreFree = new Float64Array(queues.length);
  const ports = new Ports(m.ranks);
  const heap = new MinHeap(2 * g.n);
  const startOf = (i: number): number => {
    let ready = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
      const k = g.pred[e]!;
      ready = Math.max(ready, s.end[k]! + syncDelay(m, s.core[k]!, s.core[i]!));
    }
    if (g.type[i] === CoreType.none) return ready;
    const free = coreFree[s.core[i]!]!;
    const poll = opts.pollInterval ? (g.type[i] === CoreType.aic ? opts.pollInterval.aic : opts.pollInterval.aiv) : 0;
    if (ready <= free || poll <= 0) return Math.max(ready, free);
    return free + Math.ceil((ready - free) / poll) * poll;
  };
  for (let i = 0; i < g.n; i++) if (waiting[i] === 0) heap.push(i, startOf(i));
  const release = (j: number) => {
    if (--waiting[j]! === 0) heap.push(j, startOf(j));
  };
  let done = 0;
  const finishTask = (i: number, end: number) => {
    s.end[i] = end;
    done++;
    if (s.core[i]! >= 0) {
      coreFree[s.core[i]!] = end;
      const next = queues[s.core[i]!]![position[i]! + 1];
      if (next !== undefined) release(next);
    }
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) release(g.succ[e]!);
  };
  // Heap ids [0, n): task i starts; [n, 2n): put i - n's bytes leave its link.
  while (heap.size) {
    const t = heap.peekKey();
    const id = heap.pop();
    if (id >= g.n) {
      const i = id - g.n;
      finishTask(i, ports.enter(g.peer[i]!, t, g.linkTime[i]!) + g.duration[i]!);
      continue;
    }
    const start = startOf(id);
    s.start[id] = start;
    if (g.linkTime[id]! > 0) heap.push(g.n + id, ports.depart(g.rank[id]!, start, g.linkTime[id]!));
    else finishTask(id, start + g.duration[id]!);
  }
  if (done !== g.n) {
    const stuck: number[] = [];
    for (let i = 0; i < g.n; i++) if (waiting[i]! > 0) stuck.push(i);
    throw new DeadlockError(stuck);
  }
  return finish(s);
}

/** What `plan`'s core queues do when run: the times the simulator gives its schedule-level queue IR. */
export function runPlan(g: TaskGraph, m: Machine, plan: Schedule): Schedule {
  return evaluateFixedOrder(g, m, queuesOf(g, plan, m.ranks * coresPerRank(m)));
}
