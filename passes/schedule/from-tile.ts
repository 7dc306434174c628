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

/** Whether `program` was lowered for the static worst case (it reads `@counts`) and `runTime` is given. */
export function runsWorstCase(program: Operation, runTime: RunTimeCounts | undefined): boolean {
  if (runTime === undefined) return false;
  for (const o of program.regions[0]!.entryBlock!.ops()) if (o.name.name === "tile.buffer" && (o.getAttr("sym_name") as { value?: string })?.value === "counts") return true;
  return false;
}

/**
 * The scheduling task of one op of a tile program of `rank` (undefined for ops
 * that are no task: buffers, the terminator). `worstCase`: see runsWorstCase.
 */
export function taskSpecOf(op: Operation, rank: number, ep: number, model: CostModel, runTime: RunTimeCounts | undefined, worstCase: boolean): TaskSpec | undefined {
  const name = op.name.name;
  const t = readTask(op);
  if (t) {
    const cost = taskCostOf(model, t, { rank, ep, runTime, worstCase });
    const injection = model.profile.links.injection_bandwidth.value * 1e3;
    const type = t.kind === "put" || t.unit !== 0 ? CoreType.aiv : CoreType.aic;
    return { type, rank, duration: cost.duration, linkTime: cost.bytesSent / injection, bytesSent: cost.bytesSent, peer: cost.peer, stage: t.stage };
  }
  if (name === "tile.arrival" || name === "tile.join") return { type: CoreType.none, rank, duration: 0 };
  return undefined;
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
  for (const program of programs) {
    const rank = intAttrValue(program.getAttr("rank")) ?? -1;
    const ep = intAttrValue(program.getAttr("ep")) ?? -1;
    const worstCase = runsWorstCase(program, runTime);
    for (const op of program.regions[0]!.entryBlock!.ops()) {
      const spec = taskSpecOf(op, rank, ep, model, runTime, worstCase);
      if (!spec) continue;
      const id = tasks.push(spec) - 1;
      if (op.name.name === "tile.arrival") arrivals.push(id);
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
