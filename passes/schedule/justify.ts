// Forward-backward improvement ("double justification", known from project
// scheduling): schedule the reversed graph with the tasks that end last going
// first, which packs the work against the end; then schedule forward again
// with the tasks that start earliest in that packing going first. Each round
// closes gaps the first schedule left at the start and the end (cube cores
// waiting for the first arrivals, uneven last waves); a round that does not
// shorten the schedule ends the search. Both passes are time-driven list
// schedules, so a round costs two of them, and the result is an ordinary
// forward schedule, valid under the same rules.

import type { Machine } from "./machine.js";
import type { Schedule } from "./schedule.js";
import { TaskGraph } from "./task-graph.js";
import { timedListSchedule } from "./timed-list-scheduler.js";

/** Rounds tried at most; DeepSeek-V3 rows gain nothing after the second. */
export const kJustifyRounds = 2;

/** The best of `s` and its forward-backward improvements; `reversed` may be passed when already built. */
export function justify(g: TaskGraph, m: Machine, s: Schedule, reversed = reverseGraph(g)): Schedule {
  let best = s;
  for (let round = 0; round < kJustifyRounds; round++) {
    const backward = timedListSchedule(reversed, m, negated(best.end));
    const forward = timedListSchedule(g, m, negated(backward.end));
    if (forward.makespan >= best.makespan) break;
    best = forward;
  }
  return best;
}

/** The same tasks with every edge turned around. */
export function reverseGraph(g: TaskGraph): TaskGraph {
  const from = new Int32Array(g.succ.length);
  const to = new Int32Array(g.succ.length);
  let k = 0;
  for (let i = 0; i < g.n; i++)
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      from[k] = g.succ[e]!;
      to[k++] = i;
    }
  const columns = { type: g.type.slice(), rank: g.rank.slice(), duration: g.duration.slice(), bytesSent: g.bytesSent.slice(), peer: g.peer.slice(), linkTime: g.linkTime.slice(), stage: g.stage.slice() };
  return new TaskGraph(columns, { from, to });
}

function negated(times: Float64Array): Float64Array {
  const key = new Float64Array(times.length);
  for (let i = 0; i < times.length; i++) key[i] = -times[i]!;
  return key;
}
