// A lower bound on any schedule's makespan (peers.md §3), valid for every
// scheduler of this folder: the longest dependency chain; and per rank and
// per resource (its cube cores, its vector cores, its egress link), the work
// that must run on it, spread evenly over its units, plus the time before the
// first of that work can start (head: the longest chain into it) and after
// the last of it ends (tail: the longest chain out of it). Any subset of the
// work gives a bound, so the tasks are swept by head (and by tail): the tasks
// whose head is at least h all run after h, and the run ends no sooner than
// the shortest tail among them after they are done. For all of a resource's
// tasks, the spread is also rounded up to whole tasks (packing-bound.ts).
//
// Chains charge each dependency the least sync delay any placement gives it
// (machine.ts leastSyncDelay: an arrival's consumer polls, a cube task's
// vector consumer is at best on its AI Core; tasks of one type may share a
// core and pay nothing), so the bound holds whatever the event protocol
// costs. A put's bytes hold its rank's egress link and its destination's
// ingress (one put at a time each), so both are resources of the sweep; and a
// head counts the puts a task waits for into its rank one after another at
// the ingress, a tail the puts that wait for it at its rank's egress.

import { leastSyncDelay, type Machine } from "./machine.js";
import { packedSpan } from "./packing-bound.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

export interface LowerBound {
  readonly value: number;
  readonly criticalPath: number;
  /** The cube-core term: max over ranks of head + work / cores + tail (swept). */
  readonly aicWork: number;
  readonly aivWork: number;
  /** The egress-link term, the same way with each put's link time as its work. */
  readonly egress: number;
  /** The ingress term: the puts into a rank, each holding its ingress for its link time. */
  readonly ingress: number;
  /** Which term binds: "critical path", "aic work", "aiv work", "egress" or "ingress". */
  readonly binding: string;
}

/**
 * Longest chain into each task (head) and out of it (tail): durations and
 * least sync delays; and where a task waits for several puts into its rank,
 * or several puts wait for it, the time those puts need one after another on
 * the port they share (`portHead`, `portTail`). O(n + e + the puts behind
 * each task's arrivals).
 */
export function headsAndTails(g: TaskGraph, m: Machine): { head: Float64Array; tail: Float64Array } {
  const delay = (i: number, j: number) => leastSyncDelay(m, g.type[i] as CoreType, g.rank[i]!, g.type[j] as CoreType, g.rank[j]!);
  const head = new Float64Array(g.n);
  const tail = new Float64Array(g.n);
  const seen = new Int32Array(g.n);
  for (let k = 0; k < g.n; k++) {
    const i = g.topo[k]!;
    let t = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
      const p = g.pred[e]!;
      t = Math.max(t, head[p]! + g.duration[p]! + delay(p, i));
    }
    head[i] = Math.max(t, portHead(g, i, head, seen, delay));
  }
  for (let k = g.n - 1; k >= 0; k--) {
    const i = g.topo[k]!;
    let t = 0;
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      t = Math.max(t, tail[j]! + g.duration[j]! + delay(i, j));
    }
    tail[i] = Math.max(t, portTail(g, i, tail, delay));
  }
  return { head, tail };
}

/**
 * Task `i` starts after every put behind its arrivals (into its rank) has
 * ended. Those puts pass the rank's ingress one at a time, none before its
 * head, and a put ends its duration after its bytes enter: so the last ends
 * no sooner than the earliest head + all their link times + the least
 * (duration - link time) among them. `seen` marks puts counted for `i`.
 */
function portHead(g: TaskGraph, i: number, head: Float64Array, seen: Int32Array, delay: (a: number, b: number) => number): number {
  let puts = 0;
  let earliest = Infinity;
  let link = 0;
  let after = Infinity;
  let sync = Infinity;
  for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
    const a = g.pred[e]!;
    if (g.type[a] !== CoreType.none) continue;
    for (let f = g.predStart[a]!; f < g.predStart[a + 1]!; f++) {
      const p = g.pred[f]!;
      if (!(g.linkTime[p]! > 0) || g.peer[p] !== g.rank[i] || seen[p] === i + 1) continue;
      seen[p] = i + 1;
      puts++;
      earliest = Math.min(earliest, head[p]!);
      link += g.linkTime[p]!;
      after = Math.min(after, g.duration[p]! - g.linkTime[p]!);
      sync = Math.min(sync, delay(a, i));
    }
  }
  return puts > 1 ? earliest + link + after + sync : 0;
}

/**
 * The puts of `i`'s rank that wait for `i` leave its egress link one at a
 * time, none sooner than `i`'s end plus its sync, and each ends its duration
 * after its bytes leave: the last of them, and its tail, come no sooner than
 * all their link times + the least (duration - link time + tail) among them.
 */
function portTail(g: TaskGraph, i: number, tail: Float64Array, delay: (a: number, b: number) => number): number {
  let puts = 0;
  let link = 0;
  let after = Infinity;
  let sync = Infinity;
  for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
    const j = g.succ[e]!;
    if (!(g.linkTime[j]! > 0) || g.rank[j] !== g.rank[i]) continue;
    puts++;
    link += g.linkTime[j]!;
    after = Math.min(after, g.duration[j]! - g.linkTime[j]! + tail[j]!);
    sync = Math.min(sync, delay(i, j));
  }
  return puts > 1 ? sync + link + after : 0;
}

/**
 * max over subsets {tasks with head >= h} of h + work / units + min tail,
 * and the same with heads and tails swapped; and for the whole set, the
 * earliest head + its packed span + the shortest tail. `ids` are one
 * resource's tasks. O(k log k).
 */
function sweptBound(ids: number[], work: Float64Array, head: Float64Array, tail: Float64Array, units: number): number {
  let firstHead = Infinity;
  let lastTail = Infinity;
  for (const i of ids) {
    firstHead = Math.min(firstHead, head[i]!);
    lastTail = Math.min(lastTail, tail[i]!);
  }
  let best = firstHead + packedSpan(work, ids, units) + lastTail;
  for (const [from, to] of [[head, tail], [tail, head]] as const) {
    ids.sort((a, b) => from[b]! - from[a]! || a - b);
    let sum = 0;
    let shortest = Infinity;
    for (const i of ids) {
      sum += work[i]!;
      shortest = Math.min(shortest, to[i]!);
      best = Math.max(best, from[i]! + sum / units + shortest);
    }
  }
  return best;
}

/** Resources per rank, in `terms` order: cube cores, vector cores, egress link, ingress. */
const kResources = 4;

export function lowerBound(g: TaskGraph, m: Machine): LowerBound {
  const { head, tail } = headsAndTails(g, m);
  let criticalPath = 0;
  for (let i = 0; i < g.n; i++) criticalPath = Math.max(criticalPath, head[i]! + g.duration[i]! + tail[i]!);
  // Tasks of each (rank, resource); a put is in its rank's egress group and its destination's ingress group.
  const groups: number[][] = Array.from({ length: m.ranks * kResources }, () => []);
  for (let i = 0; i < g.n; i++) {
    const r = g.rank[i]!;
    if (g.type[i] === CoreType.aic) groups[kResources * r]!.push(i);
    else if (g.type[i] === CoreType.aiv) groups[kResources * r + 1]!.push(i);
    if (g.linkTime[i]! > 0) {
      groups[kResources * r + 2]!.push(i);
      groups[kResources * g.peer[i]! + 3]!.push(i);
    }
  }
  const terms = [0, 0, 0, 0];
  const units = [m.aic, m.aic * m.aivPerAic, 1, 1];
  groups.forEach((ids, k) => {
    if (ids.length === 0) return;
    const res = k % kResources;
    const work = res >= 2 ? g.linkTime : g.duration;
    terms[res] = Math.max(terms[res]!, sweptBound(ids, work, head, tail, units[res]!));
  });
  const named: [string, number][] = [
    ["critical path", criticalPath],
    ["aic work", terms[0]!],
    ["aiv work", terms[1]!],
    ["egress", terms[2]!],
    ["ingress", terms[3]!],
  ];
  const [binding, value] = named.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value, criticalPath, aicWork: terms[0]!, aivWork: terms[1]!, egress: terms[2]!, ingress: terms[3]!, binding };
}
