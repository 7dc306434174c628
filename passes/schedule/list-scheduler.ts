// Typed static list scheduling (HEFT and PEFT priorities, insertion-based
// earliest finish time). Each task runs on a core of its type on its own rank;
// events (arrivals, joins) take no core and finish when their inputs do.
//
// A ready list ordered by priority keeps the order topological even where
// priorities tie (zero-time events). Candidate cores are scored in O(preds +
// cores) per task: the delay from a predecessor depends only on whether it ran
// on the same core, in the same AI Core (cross-core flag) or elsewhere (GM
// counter), so predecessors are grouped by AI Core once per task. A graph
// with puts is timed again at the end with the destinations' ingress.

import { CoreTimelines } from "./core-timeline.js";
import { runPlan } from "./fixed-order.js";
import { aiCoreOf, coreRange, coresPerRank, syncDelay, type Machine } from "./machine.js";
import { emptySchedule, finish, type Schedule } from "./schedule.js";
import { CoreType, MinHeap, type TaskGraph } from "./task-graph.js";

export type Priority = "heft" | "peft";

/** HEFT upward rank: duration plus the longest path to an exit, with mean sync delays. */
export function upwardRank(g: TaskGraph, m: Machine): Float64Array {
  const rank = new Float64Array(g.n);
  for (let k = g.n - 1; k >= 0; k--) {
    const i = g.topo[k]!;
    let best = 0;
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      const c = g.type[i] === CoreType.none || g.type[j] === CoreType.none ? 0 : m.gmCounter;
      best = Math.max(best, c + rank[j]!);
    }
    rank[i] = g.duration[i]! + best;
  }
  return rank;
}

/**
 * PEFT's optimistic cost table collapsed over identical cores: the longest
 * remaining path after i finishes when every successor runs on the best core
 * for it (its own core for the same type, a core of the same AI Core otherwise).
 * Also returns, per task, the successor that realises it (-1 at exits).
 */
export function optimisticCost(g: TaskGraph, m: Machine): { oct: Float64Array; critical: Int32Array } {
  const oct = new Float64Array(g.n);
  const critical = new Int32Array(g.n).fill(-1);
  for (let k = g.n - 1; k >= 0; k--) {
    const i = g.topo[k]!;
    let best = 0;
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      const c = g.type[i] === g.type[j] || g.type[i] === CoreType.none || g.type[j] === CoreType.none ? 0 : m.crossCoreFlag;
      const v = oct[j]! + g.duration[j]! + c;
      if (v > best || critical[i]! < 0) {
        best = v;
        critical[i] = j;
      }
    }
    oct[i] = best;
  }
  return { oct, critical };
}

export function listSchedule(g: TaskGraph, m: Machine, priority: Priority = "heft"): Schedule {
  const per = coresPerRank(m);
  const s = emptySchedule(g.n);
  const timelines = new CoreTimelines(m.ranks * per);
  const linkFree = new Float64Array(m.ranks);
  // Puts of a rank start in the order they book its link (no insertion before a booked put),
  // so the link carries them one after another. Destinations' ingress is left to the re-timing at the end.
  const lastPutStart = new Float64Array(m.ranks);
  let hasPuts = false;
  for (let i = 0; i < g.n && !hasPuts; i++) hasPuts = g.linkTime[i]! > 0;
  const up = upwardRank(g, m);
  const { oct, critical } = priority === "peft" ? optimisticCost(g, m) : { oct: up, critical: undefined };
  const key = priority === "peft" ? oct : up;

  const waiting = new Int32Array(g.n);
  const ready = new MinHeap(g.n);
  for (let i = 0; i < g.n; i++) {
    waiting[i] = g.predStart[i + 1]! - g.predStart[i]!;
    if (waiting[i] === 0) ready.push(i, -key[i]!);
  }
  // Predecessors on this rank grouped by AI Core (scratch lists, valid where stamp = current task).
  const nearCores: number[][] = Array.from({ length: m.aic }, () => []);
  const nearStamp = new Int32Array(m.aic).fill(-1);

  while (ready.size) {
    const i = ready.pop();
    const type = g.type[i] as CoreType;
    const r = g.rank[i]!;
    if (type === CoreType.none) {
      let t = 0;
      for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) t = Math.max(t, s.end[g.pred[e]!]!);
      s.start[i] = s.end[i] = t;
    } else {
      // Far: every predecessor's end plus the GM-counter delay; near ones are refined per candidate.
      let far = 0;
      let farSecond = 0;
      let farAi = -1;
      for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) {
        const k = g.pred[e]!;
        const ck = s.core[k]!;
        const t = s.end[k]! + m.gmCounter;
        const ai = ck >= 0 && Math.floor(ck / per) === r ? aiCoreOf(m, ck % per) : -1;
        // Keep the best two "far" values from distinct AI Cores so one AI Core can be excluded.
        if (ai >= 0) {
          if (nearStamp[ai] !== i) {
            nearStamp[ai] = i;
            nearCores[ai]!.length = 0;
          }
          nearCores[ai]!.push(k);
        }
        if (t > far) {
          if (ai !== farAi) farSecond = far;
          far = t;
          farAi = ai;
        } else if (ai !== farAi && t > farSecond) farSecond = t;
      }
      const [first, count] = coreRange(m, type);
      const base = r * per + first;
      const isPut = g.linkTime[i]! > 0;
      const dur = g.duration[i]!;
      const link = isPut ? linkFree[r]! : -1;
      let bestCore = -1;
      let bestStart = 0;
      let bestScore = Infinity;
      let bestEnd = 0;
      // PEFT look-ahead: how soon the critical successor could start near or far from each candidate.
      const j = critical ? critical[i]! : -1;
      const jType = j >= 0 ? (g.type[j] as CoreType) : CoreType.none;
      let jFarFree = 0;
      if (j >= 0 && jType !== CoreType.none && g.rank[j] === r) {
        const [jf, jc] = coreRange(m, jType);
        jFarFree = Infinity;
        for (let q = 0; q < jc; q++) jFarFree = Math.min(jFarFree, timelines.tail[r * per + jf + q]!);
      }
      for (let c = 0; c < count; c++) {
        const core = base + c;
        const ai = aiCoreOf(m, first + c);
        let readyAt = ai === farAi ? farSecond : far;
        if (nearStamp[ai] === i) for (const k of nearCores[ai]!) readyAt = Math.max(readyAt, s.end[k]! + syncDelay(m, s.core[k]!, core));
        if (isPut) readyAt = Math.max(readyAt, lastPutStart[r]!);
        const start = timelines.earliestStart(core, readyAt, dur, link);
        const end = start + dur + (link > start ? link - start : 0);
        let score = end;
        if (j >= 0 && jType !== CoreType.none && g.rank[j] === r) {
          // The successor on this AI Core (same core when the type matches), or the earliest free one elsewhere.
          const nearCore = jType === type ? core : r * per + (jType === CoreType.aic ? ai : m.aic + ai * m.aivPerAic);
          const nearStart = nearCore === core ? end : Math.max(timelines.tail[nearCore]!, end + syncDelay(m, core, nearCore));
          const farStart = Math.max(jFarFree, end + m.gmCounter);
          score = Math.min(nearStart, farStart) + g.duration[j]! + oct[j]!;
        }
        if (score < bestScore || (score === bestScore && end < bestEnd)) {
          bestScore = score;
          bestCore = core;
          bestStart = start;
          bestEnd = end;
        }
      }
      timelines.reserve(bestCore, bestStart, bestEnd);
      if (isPut) {
        linkFree[r] = Math.max(bestStart, link) + g.linkTime[i]!;
        lastPutStart[r] = bestStart;
      }
      s.core[i] = bestCore;
      s.start[i] = bestStart;
      s.end[i] = bestEnd;
    }
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      if (--waiting[j]! === 0) ready.push(j, -key[j]!);
    }
  }
  // Insertion places puts out of time order, so their bytes' turns at a destination's ingress are
  // only known once every put is placed: keep the cores and queue orders, and time them again
  // with the ingress (a put waits, holding its core, for the puts into its destination before it).
  return hasPuts ? runPlan(g, m, finish(s)) : finish(s);
}
