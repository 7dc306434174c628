// Baseline policies: kernel-by-kernel stages with launches and host
// collectives; the reference runtime's round-robin queues with polling.

import { describe, expect, it } from "vitest";
import { referenceQueues, referenceSchedule, serializedSchedule } from "../../passes/schedule/baselines.js";
import { listSchedule } from "../../passes/schedule/list-scheduler.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import type { Machine } from "../../passes/schedule/machine.js";
import { CoreType, TaskGraph, type TaskSpec } from "../../passes/schedule/task-graph.js";

const m: Machine = { ranks: 2, aic: 2, aivPerAic: 2, crossCoreFlag: 0.1, gmCounter: 0.7, injectionBytesPerUs: 1000 };

/** Two ranks: each puts 2 tiles to the other (stage 0), 4 GEMMs (stage 1) on the arrivals, 4 SwiGLUs (stage 2). */
function smallLayer(): TaskGraph {
  const tasks: TaskSpec[] = [];
  const edges: [number, number][] = [];
  const add = (t: TaskSpec) => tasks.push(t) - 1;
  for (let r = 0; r < 2; r++) {
    const arrivals: number[] = [];
    for (let k = 0; k < 2; k++) {
      const put = add({ type: CoreType.aiv, rank: 1 - r, duration: 6, linkTime: 5, bytesSent: 5000, peer: r, stage: 0 });
      const a = add({ type: CoreType.none, rank: r, duration: 0, stage: 0 });
      edges.push([put, a]);
      arrivals.push(a);
    }
    for (let k = 0; k < 4; k++) {
      const g = add({ type: CoreType.aic, rank: r, duration: 10, stage: 1 });
      edges.push([arrivals[k % 2]!, g]);
      const s = add({ type: CoreType.aiv, rank: r, duration: 3, stage: 2 });
      edges.push([g, s]);
    }
  }
  return new TaskGraph(tasks, edges);
}

describe("baselines", () => {
  it("serialized runs stage after stage, each behind a launch; collectives pay alpha plus link time", () => {
    const g = smallLayer();
    const s = serializedSchedule(g, m, { kernelLaunch: 20, collectiveAlpha: 60 });
    // dispatch: 20 + 60 + 10 (two 5 us puts on each rank's link); gmm: 20 + 20 (4 GEMMs on 2 AICs); swiglu: 20 + 3.
    expect(s.makespan).toBeCloseTo(20 + 60 + 10 + 20 + 20 + 20 + 3, 9);
    const ours = listSchedule(g, m, "peft");
    expect(ours.makespan).toBeLessThan(s.makespan);
    expect(ours.makespan).toBeGreaterThanOrEqual(lowerBound(g, m).value);
  });
  it("reference queues: program order, round-robin per type, odd vector cores only", () => {
    const g = smallLayer();
    const q = referenceQueues(g, m);
    const per = 6;
    // rank 0's GEMMs (tasks 4, 6, 8, 10) alternate over its two AICs.
    expect(q[0]).toEqual([4, 8]);
    expect(q[1]).toEqual([6, 10]);
    // vector cores 0 and 2 (even) of each rank stay idle.
    expect(q[2]).toEqual([]);
    expect(q[4]).toEqual([]);
    expect(q[per + 2]).toEqual([]);
    expect(q[3]!.length + q[5]!.length + q[per + 3]!.length + q[per + 5]!.length).toBe(g.n - 8 - 4);
  });
  it("reference timing is quantized by polling, so it is slower than the same queues without it", () => {
    const g = smallLayer();
    const slow = referenceSchedule(g, m);
    const quick = referenceSchedule(g, m, { aic: 0, aiv: 0 });
    expect(slow.makespan).toBeGreaterThan(quick.makespan);
    expect(quick.makespan).toBeGreaterThanOrEqual(lowerBound(g, m).value);
  });
});
