// The scheduling problem of a set of tile programs (one per rank): every task
// becomes a TaskGraph node with its duration from the cost model, token
// operands become edges, and each put is linked to the arrival with the same
// (source rank, destination rank, signal) in the destination's program
// (dialects/tile-links.ts pairs them; an unpaired one is an error).
// Arrivals and joins are zero-time events. Task costs come from task-cost.ts
// (shared with the simulator).

import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import type { CostModel } from "../../src/target/cost-model.js";
import { readTask } from "../../dialects/tile-build.js";
import { linkPutsToArrivals } from "../../dialects/tile-links.js";
import { CoreType, TaskGraph, type TaskSpec } from "./task-graph.js";
import { taskCostOf, type RunTimeCounts } from "./task-cost.js";

export type { RunTimeCounts } from "./task-cost.js";

export interface TileTaskGraph {
  readonly graph: TaskGraph;
  /** The op of each task (arrivals and joins included), by task index. */
  readonly ops: readonly Operation[];
}

/**
 * Builds the task graph of `programs` (tile.program ops, any order). `runTime`
 * gives the counts worst-case programs run with. O(ops + deps).
 */
export function taskGraphOfPrograms(programs: readonly Operation[], model: CostModel, runTime?: RunTimeCounts): TileTaskGraph {
  const tasks: TaskSpec[] = [];
  const ops: Operation[] = [];
  const edges: [number, number][] = [];
  const index = new Map<Operation, number>();
  const links = linkPutsToArrivals(programs);
  if (links.errors.length) throw new Error(links.errors[0]!.message);
  const arrivals: number[] = [];
  const injection = model.profile.links.injection_bandwidth.value * 1e3;
  for (const program of programs) {
    const rank = intAttrValue(program.getAttr("rank")) ?? -1;
    const ep = intAttrValue(program.getAttr("ep")) ?? -1;
    const body = program.regions[0]!.entryBlock!;
    const worstCase = runTime !== undefined && [...body.ops()].some((o) => o.name.name === "tile.buffer" && (o.getAttr("sym_name") as { value?: string })?.value === "counts");
    for (const op of body.ops()) {
      const name = op.name.name;
      const t = readTask(op);
      let spec: TaskSpec | undefined;
      if (t) {
        const cost = taskCostOf(model, t, { rank, ep, runTime, worstCase });
        const type = t.kind === "put" || t.unit !== 0 ? CoreType.aiv : CoreType.aic;
        spec = { type, rank, duration: cost.duration, linkTime: cost.bytesSent / injection, bytesSent: cost.bytesSent, peer: cost.peer, stage: t.stage };
      } else if (name === "tile.arrival") {
        arrivals.push(tasks.length);
        spec = { type: CoreType.none, rank, duration: 0 };
      } else if (name === "tile.join") {
        spec = { type: CoreType.none, rank, duration: 0 };
      }
      if (!spec) continue;
      const id = tasks.push(spec) - 1;
      ops.push(op);
      index.set(op, id);
      for (const dep of op.getOperands()) {
        const def = dep.definingOp;
        const from = def && index.get(def);
        if (from !== undefined) edges.push([from, id]);
      }
    }
  }
  for (const a of arrivals) {
    const put = index.get(links.putOf.get(ops[a]!)!)!;
    edges.push([put, a]);
    // An arrival counts as part of its put's stage.
    (tasks[a] as { stage?: number }).stage = tasks[put]!.stage;
  }
  return { graph: new TaskGraph(tasks, edges), ops };
}
