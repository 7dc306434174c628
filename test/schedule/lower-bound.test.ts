// The lower bound's terms on graphs whose optimum is known by hand.

import { describe, expect, it } from "vitest";
import { listSchedule } from "../../passes/schedule/list-scheduler.js";
import { oursSchedule } from "../../passes/schedule/ours.js";
import { priorityKeys } from "../../passes/schedule/priorities.js";
import { timedListSchedule } from "../../passes/schedule/timed-list-scheduler.js";
import { headsAndTails, lowerBound } from "../../passes/schedule/lower-bound.js";
import type { Machine } from "../../passes/schedule/machine.js";
import { CoreType, TaskGraph, type TaskSpec } from "../../passes/schedule/task-graph.js";

const m: Machine = { ranks: 2, aic: 2, aivPerAic: 2, crossCoreFlag: 0, gmCounter: 0, injectionBytesPerUs: 1000 };

describe("lower bound", () => {
  it("charges the cube work of a rank between its head (the put before it) and its tail (the task after it)", () => {
    // put (5 us, rank 1 -> rank 0) -> arrival -> 4 GEMMs of 10 us on rank 0's 2 AICs -> SwiGLU 3 us.
    const tasks: TaskSpec[] = [
      { type: CoreType.aiv, rank: 1, duration: 5, linkTime: 4, bytesSent: 4000, peer: 0 },
      { type: CoreType.none, rank: 0, duration: 0 },
      { type: CoreType.aiv, rank: 0, duration: 3 },
    ];
    const edges: [number, number][] = [[0, 1]];
    for (let k = 0; k < 4; k++) edges.push([1, tasks.push({ type: CoreType.aic, rank: 0, duration: 10 }) - 1], [tasks.length - 1, 2]);
    const g = new TaskGraph(tasks, edges);
    const { head, tail } = headsAndTails(g, m);
    expect(head[3]).toBe(5);
    expect(tail[3]).toBe(3);
    const lb = lowerBound(g, m);
    // 5 + 40 / 2 + 3: the work term with head and tail, above the critical path (5 + 10 + 3).
    // Egress (and rank 0's ingress): the put's 4 us of link plus the 13 us chain after it.
    expect(lb).toMatchObject({ value: 28, binding: "aic work", criticalPath: 18, egress: 17, ingress: 17 });
    // Sync-free machine: the list schedule reaches it, so the bound is tight here.
    expect(listSchedule(g, m).makespan).toBe(28);
  });

  it("charges each dependency the least sync any placement gives it", () => {
    // put (rank 1) -> arrival (rank 0) -> GEMM -> SwiGLU (vector) -> GEMM2; 0.7 us GM counter, 0.1 us flag.
    const synced: Machine = { ...m, crossCoreFlag: 0.1, gmCounter: 0.7 };
    const tasks: TaskSpec[] = [
      { type: CoreType.aiv, rank: 1, duration: 5, linkTime: 4, bytesSent: 4000, peer: 0 },
      { type: CoreType.none, rank: 0, duration: 0 },
      { type: CoreType.aic, rank: 0, duration: 10 },
      { type: CoreType.aiv, rank: 0, duration: 3 },
      { type: CoreType.aic, rank: 0, duration: 2 },
      { type: CoreType.aic, rank: 0, duration: 1 },
    ];
    const g = new TaskGraph(tasks, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
    const { head, tail } = headsAndTails(g, synced);
    // Put to arrival: free (the put's duration holds its latency); arrival to GEMM: a poll.
    expect(head[1]).toBe(5);
    expect(head[2]).toBeCloseTo(5.7, 12);
    // Cube to vector and back: two flags at best; cube to cube: maybe the same core, free.
    expect(tail[2]).toBeCloseTo(0.1 + 3 + 0.1 + 2 + 1, 12);
    expect(lowerBound(g, synced).criticalPath).toBeCloseTo(5 + 0.7 + 10 + 0.1 + 3 + 0.1 + 3, 12);
    expect(listSchedule(g, synced).makespan).toBeGreaterThanOrEqual(lowerBound(g, synced).value);
  });

  it("sweeps by head: late work alone can bind more than all work from the earliest head", () => {
    // Two independent 1 us GEMMs at time 0, and 4 GEMMs of 10 us behind a 20 us vector task.
    const tasks: TaskSpec[] = [{ type: CoreType.aiv, rank: 0, duration: 20 }];
    const edges: [number, number][] = [];
    for (let k = 0; k < 2; k++) tasks.push({ type: CoreType.aic, rank: 0, duration: 1 });
    for (let k = 0; k < 4; k++) edges.push([0, tasks.push({ type: CoreType.aic, rank: 0, duration: 10 }) - 1]);
    const g = new TaskGraph(tasks, edges);
    // All cube work from time 0: 42 / 2 = 21; the late GEMMs alone: 20 + 40 / 2 = 40.
    expect(lowerBound(g, { ...m, ranks: 1 }).aicWork).toBe(40);
  });

  it("puts from two ranks into one share its ingress: the bound and every scheduler serialize them", () => {
    const put = (rank: number): TaskSpec => ({ type: CoreType.aiv, rank, duration: 10, linkTime: 10, bytesSent: 10000, peer: 2 });
    const g = new TaskGraph([put(0), put(1)], []);
    const three = { ...m, ranks: 3 };
    const lb = lowerBound(g, three);
    expect(lb).toMatchObject({ value: 20, ingress: 20, egress: 10, binding: "ingress" });
    expect(listSchedule(g, three).makespan).toBe(20);
    const heft = priorityKeys(g, three, "heft");
    expect(timedListSchedule(g, three, heft).makespan).toBe(20);
    expect(oursSchedule(g, three).schedule.makespan).toBe(20);
  });

  it("a task behind several puts into its rank waits for them one after another at its ingress; so do puts behind one task at its egress", () => {
    // Ranks 1, 2 and 3 each put 4 us of link (6 us of duration) into rank 0; one GEMM (10 us) needs
    // all three; then rank 0 puts 2 us of link (5 us of duration) back to each of them.
    const four = { ...m, ranks: 4 };
    const tasks: TaskSpec[] = [];
    const edges: [number, number][] = [];
    const gemm = tasks.push({ type: CoreType.aic, rank: 0, duration: 10 }) - 1;
    for (let r = 1; r <= 3; r++) {
      const put = tasks.push({ type: CoreType.aiv, rank: r, duration: 6, linkTime: 4, bytesSent: 4000, peer: 0 }) - 1;
      const arrival = tasks.push({ type: CoreType.none, rank: 0, duration: 0 }) - 1;
      edges.push([put, arrival], [arrival, gemm]);
      const back = tasks.push({ type: CoreType.aiv, rank: 0, duration: 5, linkTime: 2, bytesSent: 2000, peer: r }) - 1;
      edges.push([gemm, back]);
    }
    const g = new TaskGraph(tasks, edges);
    const { head, tail } = headsAndTails(g, four);
    // The last of the three enters rank 0's ingress at 8 and ends 6 us later (its chain alone gives 6).
    expect(head[gemm]).toBe(3 * 4 + (6 - 4));
    // The last put back leaves at 4 and ends 5 us later (each alone gives 5).
    expect(tail[gemm]).toBe(3 * 2 + (5 - 2));
    const lb = lowerBound(g, four);
    expect(lb.value).toBe(14 + 10 + 9);
    // The time-driven scheduler meets it: the bound is tight here.
    expect(oursSchedule(g, four).schedule.makespan).toBe(lb.value);
  });
});
