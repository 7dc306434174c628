// The scheduling problem of a set of tile programs (one per rank): every task
// becomes a TaskGraph node with its duration from the cost model, token
// operands become edges, and each put is linked to the arrival with the same
// (source rank, destination rank, signal) in the destination's program
// (dialects/tile-links.ts pairs them; an unpaired one is an error).
// Arrivals and joins are zero-time events.
//
// Programs lowered for the static worst case (they read a `@counts` buffer)
// move and compute only the rows the run-time counts make valid: given the
// routing, puts are charged for their valid rows and compute tasks on the
// dispatch layout for the valid rows of the (expert, source) regions they
// cover (T rows each, docs/moe-tile.md).

import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import type { CostModel } from "../../src/target/cost-model.js";
import { readTask, type TaskView } from "../../dialects/tile-build.js";
import { linkPutsToArrivals } from "../../dialects/tile-links.js";
import { CoreType, TaskGraph, type TaskSpec } from "./task-graph.js";

/** The routing the run will see, for programs lowered without it (static worst case). */
export interface RunTimeCounts {
  /** ep*E: counts[s*E + g]. */
  readonly counts: Int32Array;
  readonly experts: number;
  readonly tokensPerRank: number;
}

export interface TileTaskGraph {
  readonly graph: TaskGraph;
  /** The op of each task (arrivals and joins included), by task index. */
  readonly ops: readonly Operation[];
}

/** Element count of a slice's last two dims as (rows, cols). */
function lastTwo(sizes: readonly number[]): [number, number] {
  return [sizes[sizes.length - 2] ?? 1, sizes[sizes.length - 1] ?? 1];
}

/** Valid rows among dispatch-layout rows [first, first + rows) of `rank` in the worst-case layout. */
function validDispatchRows(c: RunTimeCounts, ep: number, rank: number, first: number, rows: number): number {
  const T = c.tokensPerRank;
  const e = c.experts / ep;
  let valid = 0;
  for (let q = Math.floor(first / T); q * T < first + rows; q++) {
    const d = Math.floor(q / ep);
    const src = q % ep;
    if (d >= e) break;
    const count = c.counts[src * c.experts + rank * e + d]!;
    valid += Math.max(0, Math.min(first + rows, q * T + count) - Math.max(first, q * T));
  }
  return valid;
}

/** Microseconds of one compute task on its core; `rowScale` = valid / worst-case rows of its row dimension. */
function computeMicros(model: CostModel, t: TaskView, rowScale: number): number {
  if (t.kind === "gemm") {
    const [a, b] = lastTwo(t.reads[0]!.sizes);
    const [, n] = lastTwo(t.writes[0]!.sizes);
    const [m, k] = t.transposeLhs ? [b, a * rowScale] : [a * rowScale, b];
    return model.gemmMicros(Math.ceil(m), n, Math.ceil(k));
  }
  const elements = rowScale * t.writes.reduce((acc, s) => acc + s.sizes.reduce((x, y) => x * y, 1), 0);
  // SwiGLU and its gradient: about 10 vector flops per output element (exp, reciprocal, products).
  const flops = t.kind === "swiglu" || t.kind === "swiglu_grad" ? 10 * elements : 0;
  const bytes = t.bytes > 0 ? t.bytes * rowScale : 2 * (elements + rowScale * t.reads.reduce((acc, s) => acc + s.sizes.reduce((x, y) => x * y, 1), 0));
  return model.vectorMicros(flops, bytes);
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
  if (t && t.kind === "put") {
    const peer = t.peer ?? rank;
    let bytes = t.bytesSent > 0 ? t.bytesSent : t.bytes;
    if (runTime && t.validRows) {
      const [src, g, first] = t.validRows;
      const rows = t.writes[0]!.sizes[0]!;
      bytes = (bytes * Math.max(0, Math.min(rows, runTime.counts[src * runTime.experts + g]! - first))) / rows;
    }
    const injection = model.profile.links.injection_bandwidth.value * 1e3;
    const remote = peer !== rank;
    return { type: CoreType.aiv, rank, duration: model.putMicros(bytes, rank, peer), linkTime: remote ? bytes / injection : 0, bytesSent: remote ? bytes : 0, peer: remote ? peer : -1, stage: t.stage };
  }
  if (t) {
    const rows = t.reads[0]!.sizes[0]!;
    const scale = worstCase && rows > 0 ? validDispatchRows(runTime!, ep, rank, t.reads[0]!.offsets[0]!, rows) / rows : 1;
    return { type: t.unit === 0 ? CoreType.aic : CoreType.aiv, rank, duration: computeMicros(model, t, scale), stage: t.stage };
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
