// The simulator agrees with passes/schedule/fixed-order.ts on schedule-level
// programs: the small EP2 layer's tile programs are list-scheduled, their
// queues written as queue programs with `after` dependencies (built here in
// code), and both time the same queues with the same model.

import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { CoreQueueSpec, QueueArrivalSpec, QueueEntry, QueueProgramSpec } from "../../dialects/queue-model.js";
import { readTask } from "../../dialects/tile-build.js";
import { readSlice } from "../../dialects/tile-model.js";
import { evaluateFixedOrder } from "../../passes/schedule/fixed-order.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import { coresPerRank, machineOf, type Machine } from "../../passes/schedule/machine.js";
import { scheduleWithPolicy, serializedCostsOf } from "../../passes/schedule/policies.js";
import { queuesOf } from "../../passes/schedule/schedule.js";
import type { TaskGraph } from "../../passes/schedule/task-graph.js";
import { Context, parseSourceString, registerAllDialects } from "../../src/index.js";
import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import { simulateQueues } from "../../src/runtime/sim/simulate.js";
import { a3 } from "./sim-fixtures.js";

function tilePrograms(): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const text = fs.readFileSync(new URL("../../examples/ir/small-ep2.tile.mlir", import.meta.url), "utf8");
  const m = parseSourceString(ctx, text, "small-ep2.tile.mlir")!;
  return [...m.regions[0]!.entryBlock!.ops()];
}

/** Schedule-level queue programs of fixed queues: task ids are indices in their rank's program, deps become `after`. */
function queuePrograms(g: TaskGraph, ops: readonly Operation[], m: Machine, queues: readonly (readonly number[])[]): QueueProgramSpec[] {
  const per = coresPerRank(m);
  const first = new Map<number, number>();
  for (let i = 0; i < g.n; i++) if (!first.has(g.rank[i]!)) first.set(g.rank[i]!, i);
  const local = (i: number) => i - first.get(g.rank[i]!)!;
  return Array.from({ length: m.ranks }, (_, rank) => {
    const arrivals: QueueArrivalSpec[] = [];
    for (let i = 0; i < g.n; i++)
      if (g.rank[i] === rank && ops[i]!.name.name === "tile.arrival")
        arrivals.push({ task: local(i), writes: readSlice(ops[i]!.getAttr("writes"))!, peer: intAttrValue(ops[i]!.getAttr("peer"))!, signal: intAttrValue(ops[i]!.getAttr("signal"))! });
    const qs: CoreQueueSpec[] = [];
    for (let l = 0; l < per; l++) {
      const entries: QueueEntry[] = queues[rank * per + l]!.map((i) => {
        const { kind, op: _op, unit: _unit, deps: _deps, ...spec } = readTask(ops[i]!)!;
        return { op: "task", kind, task: local(i), spec, after: [...g.predecessors(i)].map(local) };
      });
      const aiv = l - m.aic;
      qs.push(l < m.aic ? { unit: "aic", core: l, sub: 0, entries } : { unit: "aiv", core: Math.floor(aiv / m.aivPerAic), sub: aiv % m.aivPerAic, entries });
    }
    return { name: `fwd_rank${rank}`, rank, ep: m.ranks, target: "a3-die", blockDim: m.aic, policy: "ours", buffers: [], arrivals, events: [], queues: qs };
  });
}

describe("sim agrees with fixed-order timing on schedule-level programs", () => {
  const { graph: g, ops } = taskGraphOfPrograms(tilePrograms(), a3);
  const m = machineOf(a3, 2);
  // `serialized` is left out: its collectives run on the host (puts on no core), outside any queue.
  it.each(["ours", "reference"] as const)("%s queues of the small EP2 layer: same makespan and task times", (policy) => {
    const scheduled = scheduleWithPolicy(g, m, policy, { serialized: serializedCostsOf(a3) });
    const queues = queuesOf(g, scheduled, m.ranks * coresPerRank(m));
    const fixed = evaluateFixedOrder(g, m, queues);
    const r = simulateQueues(queuePrograms(g, ops, m, queues), a3);
    expect(r.blocked).toEqual([]);
    expect(r.makespan).toBeCloseTo(fixed.makespan, 9);
    // ours reports the run of its queues, so the list-schedule remark and the bench show what the simulator measures.
    if (policy === "ours") expect(scheduled.makespan).toBeCloseTo(r.makespan, 9);
    const first = [0, g.rank.indexOf(1)];
    for (const t of r.tasks) {
      const i = first[t.rank]! + t.task;
      expect([t.start, t.end]).toEqual([expect.closeTo(fixed.start[i]!, 9), expect.closeTo(fixed.end[i]!, 9)]);
    }
    expect(r.tasks.length).toBe(queues.reduce((n, q) => n + q.length, 0));
  });
});
