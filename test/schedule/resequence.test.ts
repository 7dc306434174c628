// Re-sequencing a run: a core that waited on a late input takes the task that was ready first.

import { describe, expect, it } from "vitest";
import { evaluateFixedOrder, runPlan } from "../../passes/schedule/fixed-order.js";
import { coresPerRank, type Machine } from "../../passes/schedule/machine.js";
import { resequence } from "../../passes/schedule/resequence.js";
import { CoreType, TaskGraph } from "../../passes/schedule/task-graph.js";

const m: Machine = { ranks: 2, aic: 1, aivPerAic: 2, crossCoreFlag: 0.1, gmCounter: 0.7, injectionBytesPerUs: 1000 };

describe("resequence", () => {
  it("puts a ready task ahead of one whose input came late, on the core that frees first", () => {
    // Rank 1 puts 10 us into rank 0, where GEMM a needs it and GEMM b needs nothing; rank 0 has one cube core.
    const g = new TaskGraph(
      [
        { type: CoreType.aiv, rank: 1, duration: 10, linkTime: 1, bytesSent: 1000, peer: 0 },
        { type: CoreType.none, rank: 0, duration: 0 },
        { type: CoreType.aic, rank: 0, duration: 5 },
        { type: CoreType.aic, rank: 0, duration: 5 },
      ],
      [
        [0, 1],
        [1, 2],
      ],
    );
    const per = coresPerRank(m);
    const queues: number[][] = Array.from({ length: 2 * per }, () => []);
    queues[0] = [2, 3];
    queues[per + 1] = [0];
    const run = evaluateFixedOrder(g, m, queues);
    // a waits for the put (ends at 10) and its poll; b waits behind a.
    expect([run.start[2], run.start[3], run.makespan]).toEqual([10.7, 15.7, 20.7]);
    const plan = resequence(g, m, run);
    expect(plan.core[3]).toBe(0);
    expect(plan.start[3]).toBeLessThan(plan.start[2]!);
    const again = runPlan(g, m, plan);
    expect([again.start[3], again.start[2], again.makespan]).toEqual([0, 10.7, 15.7]);
  });
});
