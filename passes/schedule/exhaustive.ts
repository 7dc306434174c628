// The optimal makespan of a small task graph, by branch and bound over every
// order of dispatching ready tasks to every core of their type (each task
// starting as early as its inputs and its core allow: the semi-active
// schedules, which include an optimal one). Idle cores are interchangeable,
// so a task tries only the first idle core of each AI Core pattern. For
// graphs of at most about 12 tasks: it is how the list scheduler's quality
// is measured, not a scheduler.

import { coreRange, coresPerRank, syncDelay, type Machine } from "./machine.js";
import { lowerBound } from "./lower-bound.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

export const kExhaustiveLimit = 12;

export function optimalMakespan(g: TaskGraph, m: Machine): number {
  if (g.n > kExhaustiveLimit) throw new Error(`optimalMakespan: ${g.n} tasks, more than the ${kExhaustiveLimit} it can enumerate`);
  const per = coresPerRank(m);
  const core = new Int32Array(g.n).fill(-1);
  const end = new Float64Array(g.n);
  const placed = new Uint8Array(g.n);
  const coreFree = new Float64Array(m.ranks * per);
  const used = new Uint8Array(m.ranks * per);
  const linkFree = new Float64Array(m.ranks);
  const floor = lowerBound(g, m).value;
  // Remaining work per (rank, type), for pruning.
  let best = Infinity;

  const readyTime = (i: number, c: number): number => {
    let t = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
      const k = g.pred[e]!;
      t = Math.max(t, end[k]! + syncDelay(m, core[k]!, c));
    }
    return t;
  };
  const search = (count: number, makespan: number): void => {
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
        search(count + 1, Math.max(makespan, end[i]!));
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
          const wait = g.linkTime[i]! > 0 ? Math.max(0, linkFree[r]! - start0) : 0;
          const saved = [coreFree[gc]!, used[gc]!, linkFree[r]!] as const;
          core[i] = gc;
          end[i] = start0 + g.duration[i]! + wait;
          coreFree[gc] = end[i]!;
          used[gc] = 1;
          if (g.linkTime[i]! > 0) linkFree[r] = Math.max(start0, linkFree[r]!) + g.linkTime[i]!;
          search(count + 1, Math.max(makespan, end[i]!));
          [coreFree[gc], used[gc], linkFree[r]] = saved;
          core[i] = -1;
        }
      }
      placed[i] = 0;
    }
  };
  search(0, 0);
  return best;
}

function sharesAiCoreWithUsed(m: Machine, used: Uint8Array, rankBase: number, local: number): boolean {
  const ai = local < m.aic ? local : Math.floor((local - m.aic) / m.aivPerAic);
  if (used[rankBase + ai]) return true;
  for (let v = 0; v < m.aivPerAic; v++) if (used[rankBase + m.aic + ai * m.aivPerAic + v]) return true;
  return false;
}
