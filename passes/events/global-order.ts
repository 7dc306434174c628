// One topological order of every rank's tasks under queue order, `after`
// dependencies and put -> arrival links. Event insertion adds a credit only
// when it runs forward in this order, so credits can never close a cycle,
// not even one through other ranks. Kahn's order from all sources at once,
// so it follows dependency depth, a proxy for time. O(tasks + dependencies).

import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { EdgeBuilder, topologicalOrder } from "./happens-before.js";
import type { RankTasks } from "./rank-clocks.js";

export interface RankView {
  readonly p: QueueProgramSpec;
  readonly t: RankTasks;
}

/** Puts of a rank by (destination, signal). */
export function putsOf(r: RankView): Map<string, number> {
  const byKey = new Map<string, number>();
  for (let v = 0; v < r.t.queueOf.length; v++) {
    const e = r.p.queues[r.t.queueOf[v]!]!.entries[r.t.posOf[v]!]!;
    if (e.op === "task" && e.kind === "put") byKey.set(putKey(e.spec.peer ?? r.p.rank, e.spec.signal ?? -1), v);
  }
  return byKey;
}

export function putKey(peer: number, signal: number): string {
  return `${peer},${signal}`;
}

/**
 * Position of each task in the order, per rank (by rank number); undefined
 * when the ranks' dependencies form a cycle. Arrivals without a put are
 * skipped here (insertion reports them).
 */
export function globalOrder(ranks: ReadonlyMap<number, RankView>, puts: ReadonlyMap<number, Map<string, number>>): Map<number, Int32Array> | undefined {
  const offset = new Map<number, number>();
  let total = 0;
  for (const [rank, r] of ranks) offset.set(rank, total), (total += r.t.queueOf.length);
  const edges = new EdgeBuilder(total);
  for (const [rank, { p, t }] of ranks) {
    const base = offset.get(rank)!;
    const arrivalById = new Map(p.arrivals.map((a) => [a.task, a]));
    for (let v = 0; v < t.queueOf.length; v++) {
      if (t.posOf[v]! > 0) edges.add(base + v - 1, base + v);
      for (const u of t.deps[v]!) edges.add(base + u, base + v);
      for (const id of t.arrivals[v]!) {
        const a = arrivalById.get(id)!;
        const put = puts.get(a.peer)?.get(putKey(rank, a.signal));
        if (put !== undefined) edges.add(offset.get(a.peer)! + put, base + v);
      }
    }
  }
  const none = new Int32Array(total);
  const g = edges.build(none, none);
  const order = topologicalOrder(g);
  if (order.length < total) return undefined;
  const pos = new Int32Array(total);
  for (let i = 0; i < order.length; i++) pos[order[i]!] = i;
  const out = new Map<number, Int32Array>();
  for (const [rank, r] of ranks) out.set(rank, pos.subarray(offset.get(rank)!, offset.get(rank)! + r.t.queueOf.length));
  return out;
}
