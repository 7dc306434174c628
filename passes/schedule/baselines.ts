// The two baseline policies the list scheduler is compared with.
//
// serialized: kernel-by-kernel execution. Stages run one after another on
// every rank, each behind a kernel launch; inside a compute stage tasks are
// list-scheduled on their unit; a communication stage is a host-driven
// collective costing its fixed overhead plus the busiest rank's link time.
//
// reference: the paper's runtime (hyperparallel-moe.md §4.1). Tasks keep their
// program order (the graph's index order) on two queues per rank, one for cube
// and one for vector tasks; worker w of N runs positions w, w+N, ... strictly in
// order. Only the odd vector cores run tasks, and a waiting worker sees its
// counter only at its polling interval.

import { evaluateFixedOrder } from "./fixed-order.js";
import { listSchedule } from "./list-scheduler.js";
import { coresPerRank, type Machine } from "./machine.js";
import { emptySchedule, finish, type Schedule } from "./schedule.js";
import { CoreType, TaskGraph, type TaskSpec } from "./task-graph.js";

export interface SerializedCosts {
  /** us between one kernel's end and the next one's start. */
  readonly kernelLaunch: number;
  /** Fixed us of one host-driven collective (dispatch or combine). */
  readonly collectiveAlpha: number;
}

/** Stages in an order consistent with the dependencies between them. */
function stageOrder(g: TaskGraph): number[] {
  const seen = new Set<number>();
  const order: number[] = [];
  for (const i of g.topo) {
    const st = g.stage[i]!;
    if (!seen.has(st)) {
      seen.add(st);
      order.push(st);
    }
  }
  return order;
}

export function serializedSchedule(g: TaskGraph, m: Machine, costs: SerializedCosts): Schedule {
  const s = emptySchedule(g.n);
  let clock = 0;
  for (const stage of stageOrder(g)) {
    const ids: number[] = [];
    for (let i = 0; i < g.n; i++) if (g.stage[i] === stage) ids.push(i);
    const start = clock + costs.kernelLaunch;
    const comm = ids.some((i) => g.linkTime[i]! > 0);
    let end = start;
    if (comm) {
      const egress = new Float64Array(m.ranks);
      const ingress = new Float64Array(m.ranks);
      for (const i of ids) {
        egress[g.rank[i]!]! += g.linkTime[i]!;
        if (g.peer[i]! >= 0) ingress[g.peer[i]!]! += g.bytesSent[i]! / m.injectionBytesPerUs;
      }
      end = start + costs.collectiveAlpha + Math.max(...egress, ...ingress);
      for (const i of ids) {
        s.start[i] = start;
        s.end[i] = end;
      }
    } else {
      // The stage alone, as its own kernel: its tasks with the dependencies among them.
      const local = new Map(ids.map((i, k) => [i, k]));
      const edges: [number, number][] = [];
      for (const i of ids) for (const j of g.successors(i)) if (local.has(j)) edges.push([local.get(i)!, local.get(j)!]);
      const sub = new TaskGraph(
        ids.map((i): TaskSpec => ({ type: g.type[i] as CoreType, rank: g.rank[i]!, duration: g.duration[i]! })),
        edges,
      );
      const inner = listSchedule(sub, m, "heft");
      ids.forEach((i, k) => {
        s.core[i] = inner.core[k]!;
        s.start[i] = start + inner.start[k]!;
        s.end[i] = start + inner.end[k]!;
        end = Math.max(end, s.end[i]!);
      });
    }
    clock = end;
  }
  return finish(s);
}

/** The reference runtime's queues: program order, round-robin by position, odd vector cores only. */
export function referenceQueues(g: TaskGraph, m: Machine): number[][] {
  const per = coresPerRank(m);
  const queues: number[][] = Array.from({ length: m.ranks * per }, () => []);
  const cubePos = new Int32Array(m.ranks);
  const vecPos = new Int32Array(m.ranks);
  const vectorWorkers = m.aic; // one vector core (the odd sub-block) per AI Core
  for (let i = 0; i < g.n; i++) {
    const r = g.rank[i]!;
    if (g.type[i] === CoreType.aic) queues[r * per + (cubePos[r]!++ % m.aic)]!.push(i);
    else if (g.type[i] === CoreType.aiv) {
      const w = vecPos[r]!++ % vectorWorkers;
      queues[r * per + m.aic + w * m.aivPerAic + (m.aivPerAic - 1)]!.push(i);
    }
  }
  return queues;
}

/** The reference policy's schedule: its queues, timed with its polling intervals (us). */
export function referenceSchedule(g: TaskGraph, m: Machine, poll = { aic: 50, aiv: 150 }): Schedule {
  return evaluateFixedOrder(g, m, referenceQueues(g, m), { pollInterval: poll });
}
