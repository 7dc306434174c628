// Properties every scheduler of passes/schedule must have, on seeded random
// DAGs over two ranks with cube, vector and put tasks: precedence plus sync
// delay, one task per core at a time, each task on a core of its type and
// rank, no egress link or ingress carrying two puts at once; the makespan at or
// above the lower bound; `ours` never slower than `reference`; and on graphs
// of at most 12 tasks the exhaustive optimum between the bound and ours.

import { describe, expect, it } from "vitest";
import { referenceSchedule } from "../../passes/schedule/baselines.js";
import { optimalMakespan } from "../../passes/schedule/exhaustive.js";
import { listSchedule, upwardRank } from "../../passes/schedule/list-scheduler.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import { coresPerRank, syncDelay, type Machine } from "../../passes/schedule/machine.js";
import { oursSchedule } from "../../passes/schedule/ours.js";
import { justify } from "../../passes/schedule/justify.js";
import { priorityKeys, putRoundKeys, putTileKeys } from "../../passes/schedule/priorities.js";
import { queuesOf, type Schedule } from "../../passes/schedule/schedule.js";
import { CoreType, TaskGraph, type TaskSpec } from "../../passes/schedule/task-graph.js";
import { timedListSchedule } from "../../passes/schedule/timed-list-scheduler.js";
import { randomSmallGraph } from "../../src/cli/bench-schedule-extras.js";
import { SeededRandom } from "../../src/layer/seeded-random.js";

const machine = (aic: number, ranks = 2): Machine => ({ ranks, aic, aivPerAic: 2, crossCoreFlag: 0.1, gmCounter: 0.7, injectionBytesPerUs: 1000 });

/** Every constraint of the scheduling model; the first violation fails the test with its description. */
function violations(g: TaskGraph, m: Machine, s: Schedule): string[] {
  const out: string[] = [];
  const per = coresPerRank(m);
  const eps = 1e-9;
  for (let i = 0; i < g.n; i++) {
    if (g.type[i] === CoreType.none) {
      if (s.core[i] !== -1) out.push(`event ${i} on core ${s.core[i]}`);
    } else {
      const local = s.core[i]! % per;
      if (s.core[i]! < 0 || Math.floor(s.core[i]! / per) !== g.rank[i]) out.push(`task ${i} of rank ${g.rank[i]} on core ${s.core[i]}`);
      if ((g.type[i] === CoreType.aic) !== local < m.aic) out.push(`task ${i} on a core of the wrong type`);
    }
    if (s.end[i]! - s.start[i]! < g.duration[i]! - eps) out.push(`task ${i} shorter than its duration`);
    for (const k of g.predecessors(i))
      if (s.start[i]! < s.end[k]! + syncDelay(m, s.core[k]!, s.core[i]!) - eps) out.push(`task ${i} starts before input ${k} (+ sync)`);
  }
  for (const q of queuesOf(g, s, m.ranks * per))
    for (let k = 1; k < q.length; k++) if (s.start[q[k]!]! < s.end[q[k - 1]!]! - eps) out.push(`tasks ${q[k - 1]} and ${q[k]} overlap on one core`);
  // Links (machine.ts Ports): a put's bytes pass its destination's ingress in the window that
  // ends its duration before the put ends, and no two such windows overlap at a rank. Before that,
  // in start order (ties: by id, the order in which the runners start them), they leave their
  // rank's egress link after the previous put's.
  const ingressWindow = (i: number) => s.end[i]! - g.duration[i]!;
  for (let r = 0; r < m.ranks; r++) {
    const incoming: number[] = [];
    const outgoing: number[] = [];
    for (let i = 0; i < g.n; i++) {
      if (!(g.linkTime[i]! > 0)) continue;
      if (g.peer[i] === r) incoming.push(i);
      if (g.rank[i] === r) outgoing.push(i);
    }
    incoming.sort((a, b) => ingressWindow(a) - ingressWindow(b) || a - b);
    incoming.forEach((i, k) => {
      const before = incoming[k - 1];
      if (ingressWindow(i) < s.start[i]! - eps) out.push(`put ${i} reaches rank ${r} before it starts`);
      if (before !== undefined && ingressWindow(i) < ingressWindow(before) + g.linkTime[before]! - eps) out.push(`puts ${before} and ${i} overlap at the ingress of rank ${r}`);
    });
    outgoing.sort((a, b) => s.start[a]! - s.start[b]! || a - b);
    let linkFree = 0;
    for (const i of outgoing) {
      linkFree = Math.max(linkFree, s.start[i]!) + g.linkTime[i]!;
      if (linkFree - g.linkTime[i]! > ingressWindow(i) + eps) out.push(`put ${i} reaches rank ${g.peer[i]} before it leaves the egress link of rank ${r}`);
    }
  }
  return out;
}

function schedulers(g: TaskGraph, m: Machine): [string, Schedule][] {
  const up = upwardRank(g, m);
  const heft = priorityKeys(g, m, "heft", up);
  const stream = priorityKeys(g, m, "stream", up);
  return [
    ["timed heft", timedListSchedule(g, m, heft)],
    ["timed heft, justified", justify(g, m, timedListSchedule(g, m, heft))],
    ["timed heft, busiest ranks' cheapest tiles first", timedListSchedule(g, m, heft, putTileKeys(g))],
    ["timed stream, puts round robin", timedListSchedule(g, m, stream, putRoundKeys(g, stream))],
    ["list heft", listSchedule(g, m, "heft")],
    ["list peft", listSchedule(g, m, "peft")],
    ["reference", referenceSchedule(g, m)],
    ["ours", oursSchedule(g, m).schedule],
  ];
}

describe("schedule properties", () => {
  it("120 random two-rank graphs of 5-60 tasks: every scheduler is valid and at or above the bound; ours <= reference", () => {
    const rng = new SeededRandom(23);
    let shortened = 0;
    for (let round = 0; round < 120; round++) {
      const g = randomSmallGraph(rng, 5 + ((round * 7) % 56));
      const m = machine(1 + (round % 3));
      const bound = lowerBound(g, m).value;
      const all = schedulers(g, m);
      for (const [name, s] of all) {
        expect(violations(g, m, s), `${name}, round ${round}`).toEqual([]);
        expect(s.makespan, `${name}, round ${round}`).toBeGreaterThanOrEqual(bound - 1e-9);
      }
      const ours = all.find(([n]) => n === "ours")![1];
      const reference = all.find(([n]) => n === "reference")![1];
      expect(ours.makespan).toBeLessThanOrEqual(reference.makespan);
      const [plain, justified] = [all[0]![1], all[1]![1]];
      expect(justified.makespan).toBeLessThanOrEqual(plain.makespan);
      if (justified.makespan < plain.makespan - 1e-9) shortened++;
    }
    // Justification is not a no-op: it shortens some of these schedules (7 of the 120 when written).
    expect(shortened).toBeGreaterThan(0);
  });

  it("80 random four-rank graphs (puts from several ranks into one share its ingress): valid, at or above the bound", () => {
    const rng = new SeededRandom(31);
    let contended = 0;
    for (let round = 0; round < 80; round++) {
      const g = randomSmallGraph(rng, 10 + ((round * 5) % 50), 4);
      const m = machine(1 + (round % 2), 4);
      const bound = lowerBound(g, m).value;
      for (const [name, s] of schedulers(g, m)) {
        expect(violations(g, m, s), `${name}, round ${round}`).toEqual([]);
        expect(s.makespan, `${name}, round ${round}`).toBeGreaterThanOrEqual(bound - 1e-9);
      }
      const lb = lowerBound(g, m);
      if (lb.ingress > lb.egress) contended++;
    }
    // In some of them a rank's ingress is the busier port, so the check above has something to catch.
    expect(contended).toBeGreaterThan(0);
  });

  it("40 random four-rank graphs of 6-9 tasks: bound <= exhaustive optimum (searched without the bound) <= ours", () => {
    const rng = new SeededRandom(5);
    for (let round = 0; round < 40; round++) {
      const g = randomSmallGraph(rng, 6 + (round % 4), 4);
      const m = machine(1, 4);
      const ours = oursSchedule(g, m).schedule.makespan;
      const opt = optimalMakespan(g, m, ours, false);
      expect(opt).toBeGreaterThanOrEqual(lowerBound(g, m).value - 1e-9);
      expect(opt).toBeLessThanOrEqual(ours + 1e-9);
    }
  });

  it("60 random graphs of 6-12 tasks: bound <= exhaustive optimum <= ours", () => {
    const rng = new SeededRandom(7);
    const m = machine(1);
    let worst = 1;
    for (let round = 0; round < 60; round++) {
      const g = randomSmallGraph(rng, 6 + (round % 7));
      const ours = oursSchedule(g, m).schedule.makespan;
      const opt = optimalMakespan(g, m, ours);
      expect(opt).toBeGreaterThanOrEqual(lowerBound(g, m).value - 1e-9);
      // The search above stops at the bound; one that does not use it must agree on small graphs.
      if (g.n <= 8) expect(optimalMakespan(g, m, ours, false)).toBeCloseTo(opt, 9);
      expect(opt).toBeLessThanOrEqual(ours + 1e-9);
      // Without the hint the search finds the same optimum (or, at worst, ours was better than every semi-active order).
      if (g.n <= 9) expect(optimalMakespan(g, m)).toBeGreaterThanOrEqual(opt - 1e-9);
      worst = Math.max(worst, ours / opt);
    }
    expect(worst).toBeLessThan(1.5);
  });
});

describe("time-driven list scheduling", () => {
  const put = (rank: number, peer: number, linkTime: number): TaskSpec => ({ type: CoreType.aiv, rank, duration: linkTime + 2, linkTime, bytesSent: linkTime * 1000, peer });

  it("a put starts only when the rank's link is free, leaving its core to compute meanwhile", () => {
    // Two puts and a vector task on a rank with one AI Core (two vector cores).
    const g = new TaskGraph([put(0, 1, 10), put(0, 1, 10), { type: CoreType.aiv, rank: 0, duration: 5 }], []);
    const m: Machine = { ...machine(1), ranks: 2 };
    const s = timedListSchedule(g, m, new Float64Array(3));
    expect(violations(g, m, s)).toEqual([]);
    expect([s.start[0], s.start[1], s.start[2]]).toEqual([0, 10, 0]);
    expect(s.end[1]).toBe(22);
  });

  it("a put whose destination's ingress is busy lets a put to another rank go first", () => {
    // Rank 1's put is the most urgent of all and takes rank 2's ingress at 0; rank 0's put to rank 2
    // then waits, and its put to rank 3 uses the free link meanwhile instead of queueing behind it.
    const g = new TaskGraph([put(1, 2, 10), put(0, 2, 10), put(0, 3, 10)], []);
    const m: Machine = { ...machine(1), ranks: 4 };
    const key = Float64Array.from([-1, 0, 1]);
    const s = timedListSchedule(g, m, key);
    expect(violations(g, m, s)).toEqual([]);
    expect([s.start[0], s.start[1], s.start[2]]).toEqual([0, 10, 0]);
    expect(s.makespan).toBe(22);
    // Rank 0's egress and rank 2's ingress both carry 20 us (the bound leaves out the 2 us after the bytes).
    expect(lowerBound(g, m)).toMatchObject({ value: 20, ingress: 20, egress: 20 });
  });

  it("at one instant the most urgent put of any rank gets a destination first", () => {
    // Both ranks want rank 2 at 0; rank 1's put is more urgent although rank 0 comes first.
    const g = new TaskGraph([put(0, 2, 10), put(1, 2, 10)], []);
    const m: Machine = { ...machine(1), ranks: 3 };
    const s = timedListSchedule(g, m, Float64Array.from([1, 0]));
    expect([s.start[0], s.start[1]]).toEqual([10, 0]);
  });

  it("puts go round robin over destinations, starting with the next rank", () => {
    const tasks: TaskSpec[] = [];
    for (const peer of [1, 1, 1, 2, 2, 2, 3, 3, 3]) tasks.push(put(0, peer, 1));
    const g = new TaskGraph(tasks, []);
    const m: Machine = { ...machine(4), ranks: 4 };
    const key = new Float64Array(g.n);
    const s = timedListSchedule(g, m, key, putRoundKeys(g, key));
    const order = Array.from({ length: g.n }, (_, i) => i).sort((a, b) => s.start[a]! - s.start[b]!);
    expect(order.map((i) => g.peer[i])).toEqual([1, 2, 3, 1, 2, 3, 1, 2, 3]);
  });

  it("stream priority finishes an older block before starting a newer one; heft the other way", () => {
    // Block k: root (aiv) -> a (aic) -> b (aiv) -> c (aic); block 1's root runs long, so on the one
    // cube core block 0's c and block 1's a become ready together (at 8.1).
    const tasks: TaskSpec[] = [];
    const edges: [number, number][] = [];
    for (const rootUs of [1, 7.4]) {
      const base = tasks.length;
      tasks.push({ type: CoreType.aiv, rank: 0, duration: rootUs }, { type: CoreType.aic, rank: 0, duration: 4 }, { type: CoreType.aiv, rank: 0, duration: 1 }, { type: CoreType.aic, rank: 0, duration: 4 });
      edges.push([base, base + 1], [base + 1, base + 2], [base + 2, base + 3]);
    }
    const g = new TaskGraph(tasks, edges);
    const m: Machine = { ...machine(1), ranks: 1 };
    const stream = timedListSchedule(g, m, priorityKeys(g, m, "stream"));
    expect(violations(g, m, stream)).toEqual([]);
    expect(stream.start[3]).toBeCloseTo(8.1, 9);
    expect(stream.start[5]).toBeCloseTo(12.1, 9);
    const heft = timedListSchedule(g, m, priorityKeys(g, m, "heft"));
    expect(heft.start[5]).toBeCloseTo(8.1, 9);
    expect(heft.start[3]).toBeCloseTo(12.1, 9);
  });
});
