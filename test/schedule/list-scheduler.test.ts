// The scheduling core: list schedules are valid and never beat the lower
// bound or the exhaustive optimum; fixed queues are evaluated faithfully,
// including the reference runtime's polling and deadlocks.

import { describe, expect, it } from "vitest";
import { optimalMakespan } from "../../passes/schedule/exhaustive.js";
import { DeadlockError, evaluateFixedOrder } from "../../passes/schedule/fixed-order.js";
import { listSchedule, type Priority } from "../../passes/schedule/list-scheduler.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import { coresPerRank, syncDelay, type Machine } from "../../passes/schedule/machine.js";
import { queuesOf, type Schedule } from "../../passes/schedule/schedule.js";
import { CoreType, TaskGraph, type TaskSpec } from "../../passes/schedule/task-graph.js";
import { SeededRandom } from "../../src/layer/seeded-random.js";

const machine = (aic = 2, ranks = 1): Machine => ({ ranks, aic, aivPerAic: 2, crossCoreFlag: 0.1, gmCounter: 0.7, injectionBytesPerUs: 1000 });

/** Every dependency and core exclusivity respected; events take no core. */
function checkValid(g: TaskGraph, m: Machine, s: Schedule): void {
  const per = coresPerRank(m);
  for (let i = 0; i < g.n; i++) {
    if (g.type[i] === CoreType.none) expect(s.core[i]).toBe(-1);
    else {
      const local = s.core[i]! % per;
      expect(Math.floor(s.core[i]! / per)).toBe(g.rank[i]);
      expect(g.type[i] === CoreType.aic ? local < m.aic : local >= m.aic).toBe(true);
    }
    expect(s.end[i]! - s.start[i]!).toBeGreaterThanOrEqual(g.duration[i]! - 1e-9);
    for (const k of g.predecessors(i)) expect(s.start[i]!).toBeGreaterThanOrEqual(s.end[k]! + syncDelay(m, s.core[k]!, s.core[i]!) - 1e-9);
  }
  for (const q of queuesOf(g, s, m.ranks * per)) for (let k = 1; k < q.length; k++) expect(s.start[q[k]!]!).toBeGreaterThanOrEqual(s.end[q[k - 1]!]! - 1e-9);
}

/** A random layered DAG of `n` typed tasks on one rank. */
function randomGraph(rng: SeededRandom, n: number, withEvents = true): TaskGraph {
  const tasks: TaskSpec[] = [];
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const roll = rng.next();
    const type = withEvents && roll < 0.1 ? CoreType.none : roll < 0.5 ? CoreType.aic : CoreType.aiv;
    tasks.push({ type, rank: 0, duration: 1 + Math.floor(rng.next() * 9) });
    for (let k = 0; k < i; k++) if (rng.next() < 0.25) edges.push([k, i]);
  }
  return new TaskGraph(tasks, edges);
}

describe("task graphs", () => {
  it("reject cycles and dangling edges, and order tasks topologically", () => {
    const t = (type: CoreType): TaskSpec => ({ type, rank: 0, duration: 1 });
    expect(() => new TaskGraph([t(0), t(1)], [[0, 1], [1, 0]])).toThrow(/cycle through tasks 0, 1/);
    expect(() => new TaskGraph([t(0)], [[0, 3]])).toThrow(/outside \[0, 1\)/);
    const g = new TaskGraph([t(0), t(1), t(0)], [[2, 0], [0, 1]]);
    expect(Array.from(g.topo)).toEqual([2, 0, 1]);
  });
});

describe("list scheduling", () => {
  it.each<Priority>(["heft", "peft"])("%s: valid, at or above the lower bound and the optimum on 150 random graphs of <= 9 tasks", (priority) => {
    const rng = new SeededRandom(11);
    const m = machine(1);
    let worst = 1;
    for (let round = 0; round < 150; round++) {
      const g = randomGraph(rng, 3 + (round % 7));
      const s = listSchedule(g, m, priority);
      checkValid(g, m, s);
      const opt = optimalMakespan(g, m);
      const lb = lowerBound(g, m).value;
      expect(opt).toBeGreaterThanOrEqual(lb - 1e-9);
      expect(s.makespan).toBeGreaterThanOrEqual(opt - 1e-9);
      worst = Math.max(worst, s.makespan / opt);
    }
    // Jaffe's bound for list schedules of typed task systems (2 types): < 3 x OPT, plus sync delays.
    expect(worst).toBeLessThan(3);
  });
  it("fills an idle gap (insertion) instead of appending", () => {
    // Chain a(aic) -> b(aiv) -> c(aic) leaves the AIC idle while b runs; d (aic, no deps, short, low rank) fits there.
    const g = new TaskGraph(
      [
        { type: CoreType.aic, rank: 0, duration: 4 },
        { type: CoreType.aiv, rank: 0, duration: 10 },
        { type: CoreType.aic, rank: 0, duration: 4 },
        { type: CoreType.aic, rank: 0, duration: 2 },
      ],
      [[0, 1], [1, 2]],
    );
    const s = listSchedule(g, { ...machine(1), aivPerAic: 1 });
    expect(s.start[3]).toBeLessThan(s.start[2]!);
    expect(s.end[3]).toBeLessThanOrEqual(s.start[2]!);
    expect(s.makespan).toBeCloseTo(4 + 0.1 + 10 + 0.1 + 4, 9);
  });
  it("puts share the rank's egress link", () => {
    const put = (linkTime: number): TaskSpec => ({ type: CoreType.aiv, rank: 0, duration: linkTime + 1, linkTime, bytesSent: linkTime * 1000, peer: 1 });
    const g = new TaskGraph([put(10), put(10), put(10)], []);
    const m = machine(2, 2);
    const s = listSchedule(g, m);
    checkValid(g, m, s);
    const ends = Array.from(s.end).sort((a, b) => a - b);
    expect(ends).toEqual([11, 21, 31]);
    expect(lowerBound(g, m)).toMatchObject({ egress: 30, ingress: 30, binding: "egress" });
  });
});

describe("fixed queues", () => {
  it("re-timing a list schedule's queues gives the same makespan or better", () => {
    const rng = new SeededRandom(5);
    const m = machine(2);
    for (let round = 0; round < 50; round++) {
      const g = randomGraph(rng, 40);
      const s = listSchedule(g, m, "peft");
      const again = evaluateFixedOrder(g, m, queuesOf(g, s, coresPerRank(m)));
      checkValid(g, m, again);
      expect(again.makespan).toBeLessThanOrEqual(s.makespan + 1e-9);
    }
  });
  it("a waiting core sees its event only at the next poll tick", () => {
    const g = new TaskGraph(
      [
        { type: CoreType.aic, rank: 0, duration: 7 },
        { type: CoreType.aiv, rank: 0, duration: 1 },
      ],
      [[0, 1]],
    );
    const m = machine(1);
    const s = evaluateFixedOrder(g, m, [[0], [1], []], { pollInterval: { aic: 50, aiv: 150 } });
    expect(s.start[1]).toBe(150);
    expect(evaluateFixedOrder(g, m, [[0], [1], []]).start[1]).toBeCloseTo(7.1, 9);
  });
  it("an ingress takes bytes in the order they leave their links, not the order their puts start", () => {
    // Rank 0 starts two 10-us puts to rank 2 at 0 on two vector cores; the second waits for rank 0's
    // link until 10. Rank 1's put starts at 1 and its bytes leave at once, so rank 2 takes them next.
    const put = (rank: number, duration: number): TaskSpec => ({ type: CoreType.aiv, rank, duration, linkTime: 10, bytesSent: 10_000, peer: 2 });
    const g = new TaskGraph([put(0, 11), put(0, 11), { type: CoreType.aiv, rank: 1, duration: 1 }, put(1, 11)], [[2, 3]]);
    const m = machine(1, 3);
    const per = coresPerRank(m);
    const queues: number[][] = Array.from({ length: 3 * per }, () => []);
    queues[1] = [0];
    queues[2] = [1];
    queues[per + 1] = [2, 3];
    const s = evaluateFixedOrder(g, m, queues);
    expect([s.start[3], s.end[0], s.end[3], s.end[1]]).toEqual([1, 11, 21, 31]);
  });
  it("queues that contradict the dependencies deadlock, reported with the stuck tasks", () => {
    const g = new TaskGraph(
      [
        { type: CoreType.aic, rank: 0, duration: 1 },
        { type: CoreType.aic, rank: 0, duration: 1 },
      ],
      [[0, 1]],
    );
    expect(() => evaluateFixedOrder(g, machine(1), [[1, 0], [], []])).toThrow(DeadlockError);
  });
});
