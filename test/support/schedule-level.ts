// Schedule-level queue programs as plain data, for tests of the events
// passes: tile programs -> task graph -> a policy's schedule -> one
// QueueProgramSpec per rank whose tasks carry `after` (task ids of the rank's
// tasks and arrivals; joins expanded). Task ids are the index of the op among
// its program's task-graph ops (tasks, arrivals, joins).

import { readFileSync } from "node:fs";
import type { CoreQueueSpec, QueueEntry, QueueProgramSpec, SchedulePolicy } from "../../dialects/queue-model.js";
import { readTask } from "../../dialects/tile-build.js";
import { readSliceList, type BufferKind } from "../../dialects/tile-model.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import { coresPerRank, machineOf } from "../../passes/schedule/machine.js";
import { scheduleWithPolicy, serializedCostsOf } from "../../passes/schedule/policies.js";
import { Context, parseSourceString, registerAllDialects, type MemRefType, type StringAttr, type TypeAttr } from "../../src/index.js";
import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

export function tilePrograms(file: string): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, readFileSync(file, "utf8"), file)!;
  return [...m.regions[0]!.entryBlock!.ops()].filter((o) => o.name.name === "tile.program");
}

/** Schedules `programs` with `policy` on `blockDim` AI Cores of a3-die. */
export function scheduleLevelSpecs(programs: readonly Operation[], blockDim: number, policy: SchedulePolicy = "ours"): QueueProgramSpec[] {
  const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
  const { graph, ops } = taskGraphOfPrograms(programs, model);
  const m = { ...machineOf(model, programs.length), aic: blockDim };
  const s = scheduleWithPolicy(graph, m, policy, { serialized: serializedCostsOf(model) });
  const idOf = new Map<Operation, number>();
  const counters = new Map<Operation, number>();
  for (const op of ops) {
    const p = op.parentOp!;
    const k = counters.get(p) ?? 0;
    idOf.set(op, k);
    counters.set(p, k + 1);
  }
  const afterOf = (op: Operation): number[] => {
    const out = new Set<number>();
    const visit = (o: Operation) => {
      for (const v of o.getOperands()) {
        const d = v.definingOp!;
        if (d.name.name === "tile.join") visit(d);
        else out.add(idOf.get(d)!);
      }
    };
    visit(op);
    return [...out].sort((a, b) => a - b);
  };
  const per = coresPerRank(m);
  const order = [...graph.rank.keys()].sort((a, b) => s.start[a]! - s.start[b]! || a - b);
  return programs.map((p, rank) => {
    const queues: CoreQueueSpec[] = [];
    const slots: QueueEntry[][] = Array.from({ length: per }, () => []);
    for (const i of order) {
      const op = ops[i]!;
      if (op.parentOp !== p || s.core[i]! < 0) continue;
      const t = readTask(op)!;
      const { kind, op: _op, unit: _unit, deps: _deps, ...spec } = t;
      slots[s.core[i]! - rank * per]!.push({ op: "task", kind, task: idOf.get(op)!, spec, after: afterOf(op) });
    }
    for (let c = 0; c < blockDim; c++) queues.push({ unit: "aic", core: c, sub: 0, entries: slots[c]! });
    for (let j = 0; j < 2 * blockDim; j++) queues.push({ unit: "aiv", core: j >> 1, sub: j & 1, entries: slots[blockDim + j]! });
    const arrivals = ops
      .filter((o) => o.parentOp === p && o.name.name === "tile.arrival")
      .map((o) => ({ task: idOf.get(o)!, writes: readSliceList(o.getAttr("writes"))![0]!, peer: intAttrValue(o.getAttr("peer"))!, signal: intAttrValue(o.getAttr("signal"))! }));
    const buffers = [...p.regions[0]!.entryBlock!.ops()]
      .filter((o) => o.name.name === "tile.buffer")
      .map((o) => ({ name: (o.getAttr("sym_name") as StringAttr).value, type: (o.getAttr("type") as TypeAttr).value as MemRefType, kind: intAttrValue(o.getAttr("kind")) as BufferKind }));
    return { name: `fwd_rank${rank}`, rank, ep: programs.length, target: "a3-die", blockDim, policy, buffers, arrivals, events: [], queues };
  });
}
