// Building a layer's task graph rank by rank gives the graph the whole-module
// builder gives; schedule statistics on a hand-made schedule.

import { describe, expect, it } from "vitest";
import { Context, parseSourceString, registerAllDialects, verify } from "../../src/index.js";
import type { Operation } from "../../src/ir/operation.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import type { Machine } from "../../passes/schedule/machine.js";
import { RankTaskGraphCollector } from "../../passes/schedule/rank-task-graph.js";
import { scheduleStats } from "../../passes/schedule/schedule-stats.js";
import { finish } from "../../passes/schedule/schedule.js";
import { CoreType, TaskGraph, type TaskGraph as Graph } from "../../passes/schedule/task-graph.js";
import { twoRankProgram as program } from "./two-rank-tile.js";


function programsOf(text: string): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, text, "ranks.mlir")!;
  expect(m && verify(m).failed).toBe(false);
  return [...m.regions[0]!.entryBlock!.ops()];
}

function edgesOf(g: Graph): string[] {
  const out: string[] = [];
  for (let i = 0; i < g.n; i++) for (const j of g.successors(i)) out.push(`${i}->${j}`);
  return out.sort();
}

describe("task graph rank by rank", () => {
  const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
  it("equals the whole-module graph: tasks, durations, links and edges", () => {
    const whole = taskGraphOfPrograms(programsOf(program(0) + program(1)), model).graph;
    const collector = new RankTaskGraphCollector(model);
    // Each rank parsed (and dropped) on its own, as the bench does.
    collector.add(programsOf(program(0)));
    collector.add(programsOf(program(1)));
    const g = collector.finish();
    expect(g.n).toBe(whole.n);
    for (const field of ["type", "rank", "duration", "linkTime", "bytesSent", "peer", "stage"] as const) expect(Array.from(g[field])).toEqual(Array.from(whole[field]));
    expect(edgesOf(g)).toEqual(edgesOf(whole));
  });
  it("names a put whose arrival never came", () => {
    const collector = new RankTaskGraphCollector(model);
    collector.add(programsOf(program(0)));
    expect(() => collector.finish()).toThrow("'tile.arrival' op on rank 0 from rank 1 has no matching tile.put there");
  });
});

describe("schedule statistics", () => {
  it("cube utilization and the communication not hidden under cube work", () => {
    const m: Machine = { ranks: 1, aic: 2, aivPerAic: 1, crossCoreFlag: 0, gmCounter: 0, injectionBytesPerUs: 1 };
    const g = new TaskGraph(
      [
        { type: CoreType.aic, rank: 0, duration: 10 },
        { type: CoreType.aiv, rank: 0, duration: 8, linkTime: 8, bytesSent: 8, peer: 0 },
        { type: CoreType.aiv, rank: 0, duration: 4, linkTime: 4, bytesSent: 4, peer: 0 },
      ],
      [],
    );
    // Cube busy [0, 10) on one of two cores; puts [6, 14) and [12, 16): 10 us in flight, 6 of them after the cube stops.
    const s = finish({ core: Int32Array.from([0, 2, 3]), start: Float64Array.from([0, 6, 12]), end: Float64Array.from([10, 14, 16]) });
    expect(scheduleStats(g, m, s)).toEqual({ aicUtilization: 10 / (2 * 16), commMicros: 10, exposedCommMicros: 6 });
  });
});
