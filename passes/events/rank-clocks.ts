// Which `after` dependencies of one rank's schedule-level queues still need a
// wait, by vector clocks over the rank's queues: clock(v)[q] is the last
// position on queue q known finished when task v starts (-1: none). A task
// inherits its queue predecessor's clock; a dependency on (q, pos) is implied
// when that clock, or the clock of another dependency it keeps, already covers
// pos. Only intra-rank knowledge is tracked (paths through other ranks are not
// used to drop a wait: dropping less is safe). Arrivals are tracked per queue:
// once a queue waited for an arrival, later tasks on it need not.
//
// Cost: O(tasks * queues) for the clocks (queues per rank is 3 * block_dim),
// plus O(deps^2) per task among its own dependencies (a handful).

import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { queueName } from "./limits.js";

/** A rank's tasks as nodes: queue q's tasks are nodes first[q] .. first[q+1]-1, in queue order. */
export interface RankTasks {
  readonly rank: number;
  readonly first: Int32Array;
  readonly queueOf: Int32Array;
  /** Position among the queue's tasks. */
  readonly posOf: Int32Array;
  readonly taskIdOf: Int32Array;
  readonly nodeOfTask: Map<number, number>;
  /** Cross-queue task dependencies per node (same-queue ones are implied by order and dropped). */
  readonly deps: number[][];
  /** Arrival ids per node. */
  readonly arrivals: number[][];
  /** How many cross-queue dependencies (tasks and arrivals) the schedule states. */
  readonly stated: number;
}

export interface ScheduleProblem {
  readonly message: string;
  readonly op?: import("../../src/ir/operation.js").Operation;
}

/** Indexes a schedule-level program; problems for what event insertion cannot take. */
export function indexRankTasks(p: QueueProgramSpec, problems: ScheduleProblem[]): RankTasks {
  const nQ = p.queues.length;
  const first = new Int32Array(nQ + 1);
  for (let q = 0; q < nQ; q++) first[q + 1] = first[q]! + p.queues[q]!.entries.length;
  const n = first[nQ]!;
  const queueOf = new Int32Array(n);
  const posOf = new Int32Array(n);
  const taskIdOf = new Int32Array(n);
  const nodeOfTask = new Map<number, number>();
  for (let q = 0; q < nQ; q++) {
    p.queues[q]!.entries.forEach((e, pos) => {
      const v = first[q]! + pos;
      queueOf[v] = q;
      posOf[v] = pos;
      if (e.op !== "task") {
        problems.push({ op: e.irOp ?? p.queues[q]!.op, message: `${queueName(p.rank, p.queues[q]!)} already holds '${e.op}' ops: event insertion takes schedule-level queues (tasks with 'after')` });
        taskIdOf[v] = -1;
        return;
      }
      taskIdOf[v] = e.task;
      if (nodeOfTask.has(e.task)) problems.push({ op: e.irOp, message: `task ${e.task} of rank ${p.rank} is placed twice` });
      nodeOfTask.set(e.task, v);
    });
  }
  const arrivalIds = new Set(p.arrivals.map((a) => a.task));
  const deps: number[][] = [];
  const arrivals: number[][] = [];
  let stated = 0;
  for (let v = 0; v < n; v++) {
    const e = p.queues[queueOf[v]!]!.entries[posOf[v]!]!;
    const d: number[] = [];
    const a: number[] = [];
    if (e.op === "task") {
      for (const id of e.after ?? []) {
        const u = nodeOfTask.get(id);
        if (u === undefined) {
          if (arrivalIds.has(id)) a.push(id), stated++;
          else problems.push({ op: e.irOp, message: `task ${e.task} of rank ${p.rank} depends on ${id}, which is neither a task nor an arrival of its program` });
        } else if (queueOf[u] !== queueOf[v]) d.push(u), stated++;
        else if (posOf[u]! >= posOf[v]!) problems.push({ op: e.irOp, message: `task ${e.task} depends on task ${id}, which runs after it on ${queueName(p.rank, p.queues[queueOf[v]!]!)}` });
      }
    }
    deps.push(d);
    arrivals.push(a);
  }
  return { rank: p.rank, first, queueOf, posOf, taskIdOf, nodeOfTask, deps, arrivals, stated };
}

/** The waits a rank's tasks still need. */
export interface NeededDeps {
  /** Per node: producer nodes on other queues, at most one per queue, ascending. */
  readonly tasks: number[][];
  /** Per node: arrival ids, ascending. */
  readonly arrivals: number[][];
  /** Per node, flattened: clock(v)[q] at clocks[v * queues + q]. */
  readonly clocks: Int32Array;
}

/**
 * Topological order of the nodes under queue order plus `deps` and `extra`;
 * undefined when they form a cycle. O(nodes + deps).
 */
function topologicalOrder(t: RankTasks, extra: ReadonlyMap<number, readonly number[]>): Int32Array | undefined {
  const n = t.queueOf.length;
  const indeg = new Int32Array(n);
  const succ: number[][] = Array.from({ length: n }, () => []);
  const edge = (u: number, v: number) => (succ[u]!.push(v), indeg[v]++);
  for (let v = 0; v < n; v++) {
    if (t.posOf[v]! > 0) edge(v - 1, v);
    for (const u of t.deps[v]!) edge(u, v);
    for (const u of extra.get(v) ?? []) edge(u, v);
  }
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) for (const w of succ[order[head++]!]!) if (--indeg[w] === 0) order[tail++] = w;
  return tail === n ? order : undefined;
}

/** Drops every dependency implied by queue order or by another kept dependency; undefined on a cycle. */
export function neededDeps(t: RankTasks, queues: number, extra: ReadonlyMap<number, readonly number[]>): NeededDeps | undefined {
  const order = topologicalOrder(t, extra);
  if (!order) return undefined;
  const n = t.queueOf.length;
  const clocks = new Int32Array(n * queues).fill(-1);
  const none: number[] = [];
  const tasks: number[][] = new Array<number[]>(n).fill(none);
  const arrivals: number[][] = new Array<number[]>(n).fill(none);
  const kept: number[] = [];
  const seen = Array.from({ length: queues }, () => new Set<number>());
  for (const v of order) {
    const q = t.queueOf[v]!;
    const base = v * queues;
    if (t.posOf[v]! > 0) clocks.copyWithin(base, base - queues, base);
    // Latest dependency per producer queue that the clock does not cover yet.
    kept.length = 0;
    const consider = (u: number) => {
      const uq = t.queueOf[u]!;
      if (clocks[base + uq]! >= t.posOf[u]!) return;
      const same = kept.findIndex((w) => t.queueOf[w] === uq);
      if (same < 0) kept.push(u);
      else if (kept[same]! < u) kept[same] = u;
    };
    for (const u of t.deps[v]!) consider(u);
    const more = extra.get(v);
    if (more) for (const u of more) consider(u);
    const needed = kept.length === 0 ? none : kept.filter((u) => !kept.some((w) => w !== u && clocks[w * queues + t.queueOf[u]!]! >= t.posOf[u]!)).sort((a, b) => a - b);
    for (const u of needed) for (let k = 0; k < queues; k++) if (clocks[u * queues + k]! > clocks[base + k]!) clocks[base + k] = clocks[u * queues + k]!;
    clocks[base + q] = t.posOf[v]!;
    tasks[v] = needed;
    if (t.arrivals[v]!.length) {
      arrivals[v] = [...new Set(t.arrivals[v])].filter((a) => !seen[q]!.has(a)).sort((a, b) => a - b);
      for (const a of arrivals[v]!) seen[q]!.add(a);
    }
  }
  return { tasks, arrivals, clocks };
}
