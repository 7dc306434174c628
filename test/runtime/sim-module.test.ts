// The simulator on queue IR: programs built with dialects/queue-build.ts,
// printed and parsed back, grouped by launch, and located errors.

import { describe, expect, it } from "vitest";
import { Context, parseSourceString, registerAllDialects, type Operation } from "../../src/index.js";
import { queueProgramGroups, simulateModule } from "../../src/runtime/sim/sim-module.js";
import { SimInputError } from "../../src/runtime/sim/sim-result.js";
import { simulateQueues } from "../../src/runtime/sim/simulate.js";
import { a3, crossCore, exchange, moduleText, program, wait } from "./sim-fixtures.js";

function parsed(text: string): Operation {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, text, "queues.mlir")!;
  expect(m).toBeDefined();
  return m;
}

describe("sim on queue IR", () => {
  it("reads every program of a module and times it as the plain data", () => {
    const specs = [exchange(0), exchange(1)];
    const r = simulateModule(parsed(moduleText(specs)))!;
    const direct = simulateQueues(specs, a3);
    expect(r.makespan).toBe(direct.makespan);
    expect(r.tasks.map((t) => [t.rank, t.task, t.start, t.end])).toEqual(direct.tasks.map((t) => [t.rank, t.task, t.start, t.end]));
  });

  it("runs a forward and a backward launch one after the other", () => {
    const m = parsed(moduleText([exchange(0), exchange(1), exchange(0, "bwd"), exchange(1, "bwd")]));
    expect(queueProgramGroups(m).map((g) => g.map((p) => p.name))).toEqual([["fwd_rank0", "fwd_rank1"], ["bwd_rank0", "bwd_rank1"]]);
    const one = simulateQueues([exchange(0), exchange(1)], a3);
    const both = simulateModule(m)!;
    expect(both.makespan).toBeCloseTo(2 * one.makespan, 9);
    expect(both.cores.length).toBe(one.cores.length);
    expect(both.tasks.length).toBe(2 * one.tasks.length);
    const second = both.tasks[one.tasks.length]!;
    expect(second.start).toBeCloseTo(one.tasks[0]!.start + one.makespan, 9);
  });

  it("blocked cores and bad events carry the op that stopped them", () => {
    const stuck = program(0, 1, 1, [crossCore("f", 0, 2)], { "aiv 0.0": [wait("f")] });
    const r = simulateModule(parsed(moduleText([stuck])))!;
    expect(r.blocked.map((b) => b.reason)).toEqual(["rank 0 aiv 0.0: waits on @f (cross_core flag 2 of AI Core 0: 0 of 1 sets)"]);
    expect(r.blocked[0]!.op?.name.name).toBe("aiv.wait");
    const text = moduleText([exchange(0)]);
    // Rank 1 is missing: the signal_remote to it cannot be resolved.
    let error: unknown;
    try {
      simulateModule(parsed(text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimInputError);
    expect((error as SimInputError).message).toBe("signal_remote to rank 1, which has no program here");
    expect((error as SimInputError).op?.name.name).toBe("aiv.signal_remote");
  });
});
