// The two sections `hpmoe bench schedule` prints after its table: ours
// against the exhaustive optimum on graphs small enough to enumerate, and the
// serialized baseline's cube utilization and exposed communication next to
// the paper's motivation figures (hyperparallel-moe.md §5.1).

import { SeededRandom } from "../layer/seeded-random.js";
import type { CostModel } from "../target/cost-model.js";
import { kExhaustiveLimit, optimalMakespan } from "../../passes/schedule/exhaustive.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import { machineOf, type Machine } from "../../passes/schedule/machine.js";
import { oursSchedule } from "../../passes/schedule/ours.js";
import { CoreType, TaskGraph, type TaskSpec } from "../../passes/schedule/task-graph.js";
import type { BenchScheduleRow } from "./bench-schedule.js";

/** A random DAG of `n` tasks over `ranks` ranks: cube, vector and put tasks (puts feed an arrival on the peer). */
export function randomSmallGraph(rng: SeededRandom, n: number, ranks = 2): TaskGraph {
  const tasks: TaskSpec[] = [];
  const edges: [number, number][] = [];
  while (tasks.length < n) {
    const i = tasks.length;
    const rank = ranks === 2 ? (rng.next() < 0.5 ? 0 : 1) : Math.floor(rng.next() * ranks);
    const roll = rng.next();
    const duration = 1 + Math.floor(rng.next() * 9);
    if (roll < 0.15 && i + 1 < n) {
      const peer = ranks === 2 ? 1 - rank : (rank + 1 + Math.floor(rng.next() * (ranks - 1))) % ranks;
      tasks.push({ type: CoreType.aiv, rank, duration, linkTime: duration / 2, bytesSent: duration * 500, peer });
      tasks.push({ type: CoreType.none, rank: peer, duration: 0 });
      edges.push([i, i + 1]);
    } else tasks.push({ type: roll < 0.6 ? CoreType.aic : CoreType.aiv, rank, duration });
    for (let k = 0; k < i; k++) if (rng.next() < 0.2) edges.push([k, tasks.length - 1]);
  }
  return new TaskGraph(tasks, edges);
}

/**
 * A tiny MoE layer on two ranks (12 tasks): each rank puts `rows` tokens to
 * the other, which runs GMM1 in two column tiles, SwiGLU and GMM2 on them.
 */
export function tinyLayerGraph(model: CostModel, rows: number, hidden: number, inter: number): TaskGraph {
  const tasks: TaskSpec[] = [];
  const edges: [number, number][] = [];
  const injection = model.profile.links.injection_bandwidth.value * 1e3;
  for (let r = 0; r < 2; r++) {
    const bytes = rows * hidden * 2;
    const put = tasks.push({ type: CoreType.aiv, rank: 1 - r, duration: model.putMicros(bytes, 1 - r, r), linkTime: bytes / injection, bytesSent: bytes, peer: r }) - 1;
    const arrival = tasks.push({ type: CoreType.none, rank: r, duration: 0 }) - 1;
    edges.push([put, arrival]);
    const swiglu = tasks.push({ type: CoreType.aiv, rank: r, duration: model.vectorMicros(10 * rows * inter, 2 * rows * 3 * inter) }) - 1;
    for (let t = 0; t < 2; t++) {
      const gmm1 = tasks.push({ type: CoreType.aic, rank: r, duration: model.gemmMicros(rows, inter, hidden) }) - 1;
      edges.push([arrival, gmm1], [gmm1, swiglu]);
    }
    const gmm2 = tasks.push({ type: CoreType.aic, rank: r, duration: model.gemmMicros(rows, hidden, inter) }) - 1;
    edges.push([swiglu, gmm2]);
  }
  return new TaskGraph(tasks, edges);
}

export interface OptimumSummary {
  readonly graphs: number;
  readonly worst: number;
  readonly mean: number;
  /** Graphs where ours found an optimal schedule. */
  readonly optimal: number;
}

function compare(graphs: readonly TaskGraph[], m: Machine): OptimumSummary {
  let worst = 1;
  let sum = 0;
  let optimal = 0;
  for (const g of graphs) {
    const ours = oursSchedule(g, m).schedule.makespan;
    const opt = optimalMakespan(g, m, ours);
    const ratio = ours / opt;
    if (opt < lowerBound(g, m).value - 1e-9) throw new Error("bench schedule: the exhaustive optimum is below the lower bound");
    worst = Math.max(worst, ratio);
    sum += ratio;
    if (ratio <= 1 + 1e-9) optimal++;
  }
  return { graphs: graphs.length, worst, mean: sum / graphs.length, optimal };
}

/** Ours over the optimum on 60 random graphs and 6 tiny layers (<= 12 tasks, two ranks of one AI Core). */
export function optimumSummaries(model: CostModel): { random: OptimumSummary; tiny: OptimumSummary } {
  const m: Machine = { ...machineOf(model, 2), aic: 1 };
  const rng = new SeededRandom(7);
  const random = Array.from({ length: 60 }, (_, k) => randomSmallGraph(rng, 6 + (k % (kExhaustiveLimit - 5))));
  const tiny = [16, 32, 64, 128, 256, 512].map((rows) => tinyLayerGraph(model, rows, 1024, 512));
  return { random: compare(random, m), tiny: compare(tiny, m) };
}

export function optimumComparison(model: CostModel): string {
  const { random, tiny } = optimumSummaries(model);
  const line = (what: string, s: OptimumSummary) =>
    `  ${what}: ${s.graphs} graphs, ours optimal on ${s.optimal}, mean ours/optimum ${s.mean.toFixed(3)}, worst ${s.worst.toFixed(3)}\n`;
  return `exhaustive optimum (<= ${kExhaustiveLimit} tasks, two ranks of one AI Core):\n` + line("random graphs", random) + line("tiny layers", tiny);
}

/** The paper's motivation figures (hyperparallel-moe.md §5.1) for the kernel-by-kernel baseline. */
const kPaper = { aicUtilization: 0.54, commShare: 0.17, exposedOfComm: 0.39 };

export function sanityLines(rows: readonly BenchScheduleRow[]): string {
  let out =
    `serialized baseline vs the paper's motivation (A3, DeepSeek-V3 scale: cube utilization ~${100 * kPaper.aicUtilization}%, ` +
    `AllToAll ~${100 * kPaper.commShare}% of the time, ${100 * kPaper.exposedOfComm}% of it exposed = ~${(100 * kPaper.commShare * kPaper.exposedOfComm).toFixed(1)}% of the time):\n`;
  for (const r of rows) {
    const comm = r.serialized_comm_us / r.serialized_us;
    const exposed = r.serialized_exposed_comm_us / r.serialized_us;
    out += `  ${r.config}: cube utilization ${(100 * r.serialized_aic_utilization).toFixed(1)}%, communication ${(100 * comm).toFixed(1)}% of the time, exposed ${(100 * exposed).toFixed(1)}%\n`;
  }
  return out;
}
