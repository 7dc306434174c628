// Time-driven list scheduling: the clock advances from event to event; when a
// core falls idle it takes the most urgent ready task of its rank and type
// (smallest key). No core idles while a task it could run is ready (a
// non-delay schedule), and each decision costs a heap operation, so a whole
// schedule is O((n + e) log n) whatever the core count.
//
// A task is ready a GM-counter delay after its last input ends (the slowest
// sync between two cores; an event with no core is ready at once), so the
// schedule is valid under every delay machine.ts charges.
//
// The rank's egress link and each destination's ingress are resources: a put
// starts only when both are free, so it never holds its vector core while
// waiting for bytes ahead of it; a vector core that finds only puts behind a
// busy link runs compute tasks instead, or wakes again when the link (or the
// destination) frees. A free link goes to the most urgent ready put whose
// destination can take it (puts have their own order, `putKey`; put-queue.ts):
// an idle link is the scarcer resource.

import { coreRange, coresPerRank, Ports, type Machine } from "./machine.js";
import { PutQueue } from "./put-queue.js";
import { emptySchedule, finish, type Schedule } from "./schedule.js";
import { CoreType, MinHeap, type TaskGraph } from "./task-graph.js";

/** Ready heaps of one rank: cube tasks, vector compute tasks (puts wait in a PutQueue). */
const kCube = 0;
const kVector = 1;
const kPut = 2;
const kHeaps = 2;

/**
 * Schedules `g` on `m`; among ready tasks the one with the smallest `key`
 * goes first (ties: smaller id); among ready puts, the smallest `putKey`.
 * O((n + e) log n).
 */
export function timedListSchedule(g: TaskGraph, m: Machine, key: Float64Array, putKey: Float64Array = key): Schedule {
  const n = g.n;
  const per = coresPerRank(m);
  const cores = m.ranks * per;
  const s = emptySchedule(n);

  const heapOf = new Uint8Array(n);
  const heapSize = new Int32Array(m.ranks * kHeaps);
  const putCounts = Array.from({ length: m.ranks }, () => new Int32Array(m.ranks));
  for (let i = 0; i < n; i++) {
    heapOf[i] = g.type[i] === CoreType.aic ? kCube : g.linkTime[i]! > 0 ? kPut : kVector;
    if (heapOf[i] === kPut) putCounts[g.rank[i]!]![g.peer[i]!]!++;
    else if (g.type[i] !== CoreType.none) heapSize[g.rank[i]! * kHeaps + heapOf[i]!]!++;
  }
  const ready = Array.from(heapSize, (size) => new MinHeap(size));
  const puts = putCounts.map((counts) => new PutQueue(counts));

  // Idle cores per (rank, type) as stacks; the vector stack of rank r is group 2r + 1.
  const idle = Array.from({ length: m.ranks * 2 }, (_, grp) => {
    const [first, count] = coreRange(m, grp % 2 === 0 ? CoreType.aic : CoreType.aiv);
    const base = (grp >> 1) * per + first;
    const stack = new Int32Array(count);
    // Lowest core on top, so small graphs use low-numbered cores first.
    for (let c = 0; c < count; c++) stack[c] = base + count - 1 - c;
    return { stack, size: count };
  });

  // Events: ids [0, n) = task i ready, [n, n + cores) = core frees, [n + cores, ...) = rank's link frees.
  const events = new MinHeap(3 * n + cores + m.ranks + 16);
  const running = new Int32Array(cores).fill(-1);
  const ports = new Ports(m.ranks);
  const { egressFree: linkFree, ingressFree } = ports;
  const wakeAt = new Float64Array(m.ranks).fill(-1);
  const readyAt = new Float64Array(n);
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    waiting[i] = g.predStart[i + 1]! - g.predStart[i]!;
    if (waiting[i] === 0) events.push(i, 0);
  }
  const dirty = new Int32Array(m.ranks * 2);
  const dirtyMark = new Uint8Array(m.ranks * 2);
  let dirtyCount = 0;
  const markDirty = (grp: number) => {
    if (!dirtyMark[grp]) {
      dirtyMark[grp] = 1;
      dirty[dirtyCount++] = grp;
    }
  };

  const complete = (i: number, t: number) => {
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      const at = t + (g.type[j] === CoreType.none ? 0 : m.gmCounter);
      if (at > readyAt[j]!) readyAt[j] = at;
      if (--waiting[j]! === 0) events.push(j, readyAt[j]!);
    }
  };

  const start = (i: number, core: number, t: number) => {
    let end = t + g.duration[i]!;
    // Started only with both ends free (see sendPuts), so no wait is charged; kept exact anyway.
    if (g.linkTime[i]! > 0) end += ports.book(g.rank[i]!, g.peer[i]!, t, g.linkTime[i]!) - t;
    s.core[i] = core;
    s.start[i] = t;
    s.end[i] = end;
    running[core] = i;
    events.push(n + core, end);
  };

  const dispatch = (grp: number, t: number) => {
    const r = grp >> 1;
    const pool = idle[grp]!;
    if (grp % 2 === 0) {
      const heap = ready[r * kHeaps + kCube]!;
      while (pool.size > 0 && heap.size > 0) start(heap.pop(), pool.stack[--pool.size]!, t);
      return;
    }
    const vector = ready[r * kHeaps + kVector]!;
    while (pool.size > 0 && vector.size > 0) start(vector.pop(), pool.stack[--pool.size]!, t);
    // sendPuts took any put this rank could start: the rest wait for the link or for their
    // destinations, so wake this group when the first of those frees.
    const rankPuts = puts[r]!;
    if (pool.size > 0 && rankPuts.size > 0) {
      const wake = linkFree[r]! > t ? linkFree[r]! : rankPuts.nextFree;
      if (wake > t && wake < Infinity && wakeAt[r] !== wake) {
        wakeAt[r] = wake;
        events.push(n + cores + r, wake);
      }
    }
  };

  // Ranks ready to send at the current time, by their most urgent put a free destination can take.
  const senders = new MinHeap(m.ranks);
  /**
   * Puts across ranks at time t: the most urgent put of any rank whose link and an
   * idle vector core are free, and whose destination's ingress is free, goes
   * first, so a destination takes the put it needs most rather than the first
   * rank's. A rank sends at most one put per instant (its link is then busy).
   */
  const sendPuts = (t: number) => {
    for (let k = 0; k < dirtyCount; k++) {
      const grp = dirty[k]!;
      const r = grp >> 1;
      if (grp % 2 === 1 && idle[grp]!.size > 0 && linkFree[r]! <= t && puts[r]!.size > 0) {
        const best = puts[r]!.peekKey(t, ingressFree);
        if (best < Infinity) senders.push(r, best);
      }
    }
    while (senders.size > 0) {
      const best = senders.peekKey();
      const r = senders.pop();
      // An earlier put of this instant may have taken the destination this rank wanted.
      const now = puts[r]!.peekKey(t, ingressFree);
      if (now !== best) {
        if (now < Infinity) senders.push(r, now);
        continue;
      }
      const pool = idle[2 * r + 1]!;
      start(puts[r]!.take(t, ingressFree), pool.stack[--pool.size]!, t);
    }
  };

  while (events.size > 0) {
    const t = events.peekKey();
    while (events.size > 0 && events.peekKey() === t) {
      const id = events.pop();
      if (id < n) {
        if (g.type[id] === CoreType.none) {
          s.start[id] = s.end[id] = t;
          complete(id, t);
        } else {
          const r = g.rank[id]!;
          if (heapOf[id] === kPut) puts[r]!.push(id, g.peer[id]!, putKey[id]!);
          else ready[r * kHeaps + heapOf[id]!]!.push(id, key[id]!);
          markDirty(2 * r + (g.type[id] === CoreType.aic ? 0 : 1));
        }
      } else if (id < n + cores) {
        const core = id - n;
        const i = running[core]!;
        running[core] = -1;
        const grp = 2 * Math.floor(core / per) + (core % per < m.aic ? 0 : 1);
        const pool = idle[grp]!;
        pool.stack[pool.size++] = core;
        markDirty(grp);
        complete(i, t);
      } else markDirty(2 * (id - n - cores) + 1);
    }
    // Puts first: an idle link is the scarcer resource.
    sendPuts(t);
    for (let k = 0; k < dirtyCount; k++) {
      dirtyMark[dirty[k]!] = 0;
      dispatch(dirty[k]!, t);
    }
    dirtyCount = 0;
  }
  return finish(s);
}
