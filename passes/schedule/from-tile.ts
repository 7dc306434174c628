// The scheduling problem of a set of tile programs (one per rank): every task
// becomes a TaskGraph node with its duration from the cost model, token
// operands become edges, and each put is linked to the arrival with the same
// (source rank, destination rank, signal) in the destination's program.
// Arrivals and joins are zero-time events.

import type { Operation } from "../../src/ir/operation.js";
import type { CostModel } from "../../src/target/cost-model.js";
import { readTask, type TaskView } from "../../dialects/tile-build.js";
import { CoreType, TaskGraph, type TaskSpec } from "./task-graph.js";

export interface TileTaskGraph {
  readonly graph: TaskGraph;
  /** The op of each task (arrivals and joins included), by task index. */
  readonly ops: readonly Operation[];
}

const intProp = (op: Operation, name: string): number => {
  const a = op.getAttr(name) as { value?: bigint } | undefined;
  return a?.value !== undefined ? Number(a.value) : -1;
};

/** Element count of a slice's last two dims as (rows, cols). */
function lastTwo(sizes: readonly number[]): [number, number] {
  return [sizes[sizes.length - 2] ?? 1, sizes[sizes.length - 1] ?? 1];
}

/** Microseconds of one compute task on its core. */
function computeMicros(model: CostModel, t: TaskView): number {
  if (t.kind === "gemm") {
    const [a, b] = lastTwo(t.reads[0]!.sizes);
    const [, n] = lastTwo(t.writes[0]!.sizes);
    const [m, k] = t.transposeLhs ? [b, a] : [a, b];
    return model.gemmMicros(m, n, k);
  }
  const elements = t.writes.reduce((acc, s) => acc + s.sizes.reduce((x, y) => x * y, 1), 0);
  // SwiGLU and its gradient: about 10 vector flops per output element (exp, reciprocal, products).
  const flops = t.kind === "swiglu" || t.kind === "swiglu_grad" ? 10 * elements : 0;
  const bytes = t.bytes > 0 ? t.bytes : 2 * (elements + t.reads.reduce((acc, s) => acc + s.sizes.reduce((x, y) => x * y, 1), 0));
  return model.vectorMicros(flops, bytes);
}

/** Builds the task graph of `programs` (tile.program ops, any order). O(ops + deps). */
export function taskGraphOfPrograms(programs: readonly Operation[], model: CostModel): TileTaskGraph {
  const tasks: TaskSpec[] = [];
  const ops: Operation[] = [];
  const edges: [number, number][] = [];
  const index = new Map<Operation, number>();
  const puts = new Map<string, number>();
  const arrivals: { id: number; key: string }[] = [];
  const injection = model.profile.links.injection_bandwidth.value * 1e3;
  for (const program of programs) {
    const rank = intProp(program, "rank");
    for (const op of program.regions[0]!.entryBlock!.ops()) {
      const name = op.name.name;
      const t = readTask(op);
      let spec: TaskSpec | undefined;
      if (t && t.kind === "put") {
        const peer = t.peer ?? rank;
        const bytes = t.bytesSent > 0 ? t.bytesSent : t.bytes;
        spec = { type: CoreType.aiv, rank, duration: model.putMicros(bytes, rank, peer), linkTime: peer === rank ? 0 : bytes / injection, bytesSent: peer === rank ? 0 : bytes, peer: peer === rank ? -1 : peer, stage: t.stage };
        puts.set(`${rank}>${peer}#${t.signal}`, tasks.length);
      } else if (t) {
        spec = { type: t.unit === 0 ? CoreType.aic : CoreType.aiv, rank, duration: computeMicros(model, t), stage: t.stage };
      } else if (name === "tile.arrival") {
        arrivals.push({ id: tasks.length, key: `${intProp(op, "peer")}>${rank}#${intProp(op, "signal")}` });
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
    const put = puts.get(a.key);
    if (put === undefined) throw new Error(`no put matches the arrival ${a.key} (source>destination#signal)`);
    edges.push([put, a.id]);
    // An arrival counts as part of its put's stage.
    (tasks[a.id] as { stage?: number }).stage = tasks[put]!.stage;
  }
  return { graph: new TaskGraph(tasks, edges), ops };
}
