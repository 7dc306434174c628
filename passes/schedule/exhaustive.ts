// The optimal makespan of a small task graph, by branch and bound over every
// order of dispatching ready tasks to every core of their type (each task
// starting as early as its inputs and its core allow: the semi-active
// schedules, which include an optimal one). Idle cores are interchangeable,
// so a task tries only the first idle core of each AI Core pattern. A branch
// ends as soon as a placed task's end plus the longest chain after it reaches
// the best makespan found (the caller may seed it with a known schedule's). For
// graphs of at most about 12 tasks: it is how the list scheduler's quality
// is measured, not a scheduler.

import { coreRange, coresPerRank, Ports, syncDelay, type Machine } from "./machine.js";
import { headsAndTails, lowerBound } from "./lower-bound.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

export const kExhaustiveLimit = 12;

/**
 * The optimum; `upper`, a makespan some valid schedule reaches, only speeds the search.
 * `pruneByBound` = false leaves lower-bound.ts out of the search (no early stop
 * at the bound, no tail cuts), so tests can check the bound against it.
 */
export function optimalMakespan(g: TaskGraph, m: Machine, upper = Infinity, pruneByBound = true): number {
  if (g.n > kExhaustiveLimit) throw new Error(`optimalMakespan: ${g.n} tasks, more than the ${kExhaustiveLimit} it can enumerate`);
  const per = coresPerRank(m);
  const core = new Int32Array(g.n).fill(-1);
  const end = new Float64Array(g.n);
  const placed = new Uint8Array(g.n);
  const coreFree = new Float64Array(m.ranks * per);
  const used = new Uint8Array(m.ranks * per);
  const ports = new Ports(m.ranks);
  const floor = pruneByBound ? lowerBound(g, m).value : 0;
  const tail = pruneByBound ? headsAndTails(g, m).tail : new Float64Array(g.n);
  // Strictly above `upper`, so a schedule matching it is still found (and returned).
  let best = upper === Infinity ? Infinity : upper * (1 + 1e-9) + 1e-9;

  const readyTime = (i: number, c: number): number => {
    let t = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
      const k = g.pred[e]!;
      t = Math.max(t, end[k]! + syncDelay(m, core[k]!, c));
    }
    return t;
  };
  // Tasks are placed in order of start time: every semi-active schedule is still reached (place its
  // tasks by start), and the orders that differ only in how simultaneous choices interleave are not.
  const search = (count: number, makespan: number, lastStart: number): void => {
    if (makespan >= best || best <= floor) return;
    if (count === g.n) {
      best = makespan;
      return;
    }
    for (let i = 0; i < g.n; i++) {
      if (placed[i]) continue;
      let ok = true;
      for (let e = g.predStart[i]!; e < g.predStart[i + 1]! && ok; e++) ok = placed[g.pred[e]!] === 1;
      if (!ok) continue;
      placed[i] = 1;
      if (g.type[i] === CoreType.none) {
        end[i] = readyTime(i, -1);
        if (end[i]! >= lastStart && end[i]! + tail[i]! < best) search(count + 1, Math.max(makespan, end[i]!), end[i]!);
      } else {
        const r = g.rank[i]!;
        const [first, n] = coreRange(m, g.type[i] as CoreType);
        let triedIdle = false;
        for (let c = 0; c < n; c++) {
          const gc = r * per + first + c;
          // Unused cores differ only in which AI Core they share with used ones; try one unused core
          // plus every unused core that shares an AI Core with a used one.
          if (!used[gc]) {
            const mate = sharesAiCoreWithUsed(m, used, r * per, first + c);
            if (triedIdle && !mate) continue;
            if (!mate) triedIdle = true;
          }
          const start0 = Math.max(readyTime(i, gc), coreFree[gc]!);
          if (start0 < lastStart) continue;
          // A put's bytes wait for its link, then for its destination's ingress (its core waits with it).
          const isPut = g.linkTime[i]! > 0;
          const d = isPut ? g.peer[i]! : r;
          const saved = [coreFree[gc]!, used[gc]!, ports.egressFree[r]!, ports.ingressFree[d]!] as const;
          core[i] = gc;
          end[i] = (isPut ? ports.book(r, d, start0, g.linkTime[i]!) : start0) + g.duration[i]!;
          coreFree[gc] = end[i]!;
          used[gc] = 1;
          if (end[i]! + tail[i]! < best) search(count + 1, Math.max(makespan, end[i]!), start0);
          [coreFree[gc], used[gc], ports.egressFree[r], ports.ingressFree[d]] = saved;
          core[i] = -1;
        }
      }
      placed[i] = 0;
    }
  };
  search(0, 0, 0);
  return Math.min(best, upper);
}

function sharesAiCoreWithUsed(m: Machine, used: Uint8Array, rankBase: number, local: number): boolean {
  const ai = local < m.aic ? local : Math.floor((local - m.aic) / m.aivPerAic);
  if (used[rankBase + ai]) return true;
  for (let v = 0; v < m.aivPerAic; v++) if (used[rankBase + m.aic + ai * m.aivPerAic + v]) return true;
  return false;
}
