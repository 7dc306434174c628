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
// The rank's egress link is a resource: a put starts only when the link is
// free, so it never holds its vector core while waiting for bytes ahead of it;
// a vector core that finds only puts behind a busy link runs compute tasks
// instead, or wakes again when the link frees. A free link goes to the most
// urgent ready put first (puts have their own order, `putKey`): an idle link
// is the scarcer resource.

import { coreRange, coresPerRank, type Machine } from "./machine.js";
import { emptySchedule, finish, type Schedule } from "./schedule.js";
import { CoreType, MinHeap, type TaskGraph } from "./task-graph.js";

/** Ready heaps of one rank: cube tasks, vector compute tasks, puts. */
const kCube = 0;
const kVector = 1;
const kPut = 2;
const kHeaps = 3;

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
  for (let i = 0; i < n; i++) {
    heapOf[i] = g.type[i] === CoreType.aic ? kCube : g.linkTime[i]! > 0 ? kPut : kVector;
    if (g.type[i] !== CoreType.none) heapSize[g.rank[i]! * kHeaps + heapOf[i]!]!++;
  }
  const ready = Array.from(heapSize, (size) => new MinHeap(size));

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
  const linkFree = new Float64Array(m.ranks);
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
    if (g.linkTime[i]! > 0) {
      const r = g.rank[i]!;
      // Started only on a free link (see dispatch), so no wait is charged; kept exact anyway.
      end += Math.max(0, linkFree[r]! - t);
      linkFree[r] = Math.max(t, linkFree[r]!) + g.linkTime[i]!;
    }
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
    const puts = ready[r * kHeaps + kPut]!;
    while (pool.size > 0) {
      let i: number;
      if (puts.size > 0 && linkFree[r]! <= t) i = puts.pop();
      else if (vector.size > 0) i = vector.pop();
      else break;
      start(i, pool.stack[--pool.size]!, t);
    }
    // Puts wait for the link: wake this group when it frees.
    if (pool.size > 0 && puts.size > 0 && linkFree[r]! > t && wakeAt[r] !== linkFree[r]) {
      wakeAt[r] = linkFree[r]!;
      events.push(n + cores + r, linkFree[r]!);
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
          ready[r * kHeaps + heapOf[id]!]!.push(id, heapOf[id] === kPut ? putKey[id]! : key[id]!);
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
    for (let k = 0; k < dirtyCount; k++) {
      dirtyMark[dirty[k]!] = 0;
      dispatch(dirty[k]!, t);
    }
    dirtyCount = 0;
  }
  return finish(s);
}
