// Tile programs as a scheduling problem: tasks with cost-model durations,
// token edges, put -> arrival links across ranks; then the policies on it.

import { describe, expect, it } from "vitest";
import { Context, parseSourceString, registerAllDialects, verify } from "../../src/index.js";
import type { Operation } from "../../src/ir/operation.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import { listSchedule } from "../../passes/schedule/list-scheduler.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import { machineOf } from "../../passes/schedule/machine.js";
import { CoreType } from "../../passes/schedule/task-graph.js";
import { twoRankProgram as program } from "./two-rank-tile.js";


function programs(): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, program(0) + program(1), "two.mlir")!;
  expect(m && verify(m).failed).toBe(false);
  return [...m.regions[0]!.entryBlock!.ops()];
}

describe("tile programs as task graphs", () => {
  const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
  it("link each put to the peer's arrival and charge cost-model durations", () => {
    const { graph: g, ops } = taskGraphOfPrograms(programs(), model);
    expect(g.n).toBe(8);
    const name = (i: number) => `${ops[i]!.name.name}@${g.rank[i]}`;
    const edges: string[] = [];
    for (let i = 0; i < g.n; i++) for (const j of g.successors(i)) edges.push(`${name(i)}->${name(j)}`);
    expect(edges.sort()).toEqual(
      ["tile.put@0->tile.arrival@1", "tile.put@1->tile.arrival@0", "tile.arrival@0->tile.gemm@0", "tile.arrival@1->tile.gemm@1", "tile.gemm@0->tile.swiglu@0", "tile.gemm@1->tile.swiglu@1"].sort(),
    );
    const gemm = ops.findIndex((o) => o.name.name === "tile.gemm");
    expect(g.type[gemm]).toBe(CoreType.aic);
    expect(g.duration[gemm]).toBeCloseTo(model.gemmMicros(128, 512, 256), 9);
    const put = ops.findIndex((o) => o.name.name === "tile.put");
    expect(g.duration[put]).toBeCloseTo(model.putMicros(65536, 0, 1), 9);
    expect(g.linkTime[put]).toBeCloseTo(65536 / (model.profile.links.injection_bandwidth.value * 1e3), 12);
    expect(g.peer[put]).toBe(1);
  });
  it("schedule: the makespan is the chain put -> gemm -> swiglu with its sync delays", () => {
    const { graph: g } = taskGraphOfPrograms(programs(), model);
    const m = machineOf(model, 2);
    const s = listSchedule(g, m, "peft");
    const chain = model.putMicros(65536, 0, 1) + m.gmCounter + model.gemmMicros(128, 512, 256) + m.crossCoreFlag + model.vectorMicros(10 * 128 * 256, 2 * (128 * 256 + 128 * 512));
    expect(s.makespan).toBeCloseTo(chain, 6);
    expect(lowerBound(g, m).value).toBeLessThanOrEqual(s.makespan);
  });
  it("an unpaired put or arrival is an error naming the link", () => {
    const ctx = new Context();
    registerAllDialects(ctx);
    const m = parseSourceString(ctx, program(0), "one.mlir")!;
    expect(() => taskGraphOfPrograms([...m.regions[0]!.entryBlock!.ops()], model)).toThrow("'tile.put' op to rank 1 has no matching tile.arrival there");
  });
});
