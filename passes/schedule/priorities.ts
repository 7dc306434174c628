// Priority keys for timedListSchedule (smaller runs first).
//
// heft: longest remaining path first (HEFT's upward rank).
// stream: oldest work first. Each task inherits the latest origin among its
// inputs (roots are numbered in topological order, an arrival inherits its
// put's), so all tasks of one (expert, source) block share their block's
// origin; ties go by upward rank. An idle cube core then finishes the GMM2 of
// an older block before the GMM1 of a newer one, so combine puts leave while
// compute goes on instead of piling up on the link at the end.

import type { Machine } from "./machine.js";
import { upwardRank } from "./list-scheduler.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

/**
 * The order of puts on a rank's link: round robin over destinations (the
 * k-th put of every peer before the (k+1)-th of any), starting with the next
 * rank, so every rank gets its first blocks early instead of one rank after
 * another; inside a round, peers by distance, then `key`. Puts only.
 */
export function putRoundKeys(g: TaskGraph, key: Float64Array): Float64Array {
  const ranks = g.ranks;
  const round = new Map<number, number>();
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < g.n; i++)
    if (g.linkTime[i]! > 0) {
      lo = Math.min(lo, key[i]!);
      hi = Math.max(hi, key[i]!);
    }
  const out = new Float64Array(g.n);
  // Rounds follow the tasks' urgency: number each (rank, peer)'s puts in key order.
  const puts: number[] = [];
  for (let i = 0; i < g.n; i++) if (g.linkTime[i]! > 0) puts.push(i);
  puts.sort((a, b) => key[a]! - key[b]! || a - b);
  for (const i of puts) {
    const r = g.rank[i]!;
    const p = g.peer[i]!;
    const slot = r * ranks + p;
    const k = round.get(slot) ?? 0;
    round.set(slot, k + 1);
    const distance = (p - r + ranks) % ranks;
    out[i] = (k * ranks + distance) + (hi > lo ? (key[i]! - lo) / (hi - lo) / 2 : 0);
  }
  return out;
}

/**
 * The order of puts when ranks carry unequal work (skewed routing): the
 * destination with the most cube work first (in 1% levels of the heaviest,
 * so near-equal ranks count as equal); to one level, the puts of the tile
 * that needs the fewest link-us of input first. A tile (any task behind
 * arrivals) runs once all the puts its arrivals stand for are in, and a
 * rank's ingress takes one put at a time, so the busiest rank gets whole
 * small tiles first and its cube cores start while the big blocks are still
 * on the links. Puts only.
 */
export function putTileKeys(g: TaskGraph): Float64Array {
  // Link-us behind each arrival (its puts), then behind each task (its arrivals).
  const behindArrival = new Float64Array(g.n);
  const behindTask = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    if (g.type[i] !== CoreType.none) continue;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) behindArrival[i]! += g.linkTime[g.pred[e]!]!;
  }
  const load = new Float64Array(g.ranks);
  let most = 0;
  for (let i = 0; i < g.n; i++) {
    if (g.type[i] === CoreType.aic) load[g.rank[i]!]! += g.duration[i]!;
    if (g.type[i] === CoreType.none) continue;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) behindTask[i]! += behindArrival[g.pred[e]!]!;
    most = Math.max(most, behindTask[i]!);
  }
  const heaviest = Math.max(...load);
  const out = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    if (!(g.linkTime[i]! > 0)) continue;
    // The cheapest tile behind this put's arrivals (the put itself when nothing waits on it).
    let cheapest = Infinity;
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const a = g.succ[e]!;
      for (let f = g.succStart[a]!; f < g.succStart[a + 1]!; f++) cheapest = Math.min(cheapest, behindTask[g.succ[f]!]!);
    }
    if (cheapest === Infinity) cheapest = g.linkTime[i]!;
    const level = heaviest > 0 ? Math.round(100 * (1 - load[g.peer[i]!]! / heaviest)) : 0;
    // A fraction in [0, 0.5) that grows with the tile's input: it orders puts inside a level.
    out[i] = level + (cheapest > 0 ? cheapest / (2 * (most + cheapest)) : 0);
  }
  return out;
}

export type TimedPriority = "heft" | "stream";

export function priorityKeys(g: TaskGraph, m: Machine, priority: TimedPriority, up = upwardRank(g, m)): Float64Array {
  const key = new Float64Array(g.n);
  if (priority === "heft") {
    for (let i = 0; i < g.n; i++) key[i] = -up[i]!;
    return key;
  }
  const origin = new Float64Array(g.n);
  let roots = 0;
  let maxUp = 0;
  for (const i of g.topo) {
    maxUp = Math.max(maxUp, up[i]!);
    if (g.predStart[i + 1] === g.predStart[i]) origin[i] = roots++;
    else for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) origin[i] = Math.max(origin[i]!, origin[g.pred[e]!]!);
  }
  // origin + a fraction in [0, 1) that falls as the upward rank grows: one number, no sort.
  for (let i = 0; i < g.n; i++) key[i] = origin[i]! + (maxUp - up[i]!) / (maxUp + 1);
  return key;
}
