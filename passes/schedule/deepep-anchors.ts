// Public latency anchors the cost model is calibrated against: DeepEP-style
// low-latency dispatch and combine on Ascend A3 (peers.md §6.4, sgl-kernel-npu
// README): 128 tokens per rank, hidden 7168, top-8, int8 dispatch (plus an
// fp32 scale per token), bf16 combine.
//
// The scenario as a task graph: every rank puts each of its T*K token copies
// to its expert's rank (one put per copy, local ones included, as DeepEP's
// logical bandwidth counts them), spread round-robin over all vector cores;
// then each rank raises one completion signal per peer, one after another,
// and the call ends when every rank has all of them (the closing barrier).
// One kernel launch precedes it.

import type { CostModel } from "../../src/target/cost-model.js";
import { listSchedule } from "./list-scheduler.js";
import { machineOf } from "./machine.js";
import { CoreType, TaskGraph, type TaskSpec } from "./task-graph.js";

export interface Anchor {
  readonly name: string;
  readonly ep: number;
  readonly kind: "dispatch" | "combine";
  /** Published latency, us. */
  readonly measured: number;
}

export const deepEpA3Anchors: readonly Anchor[] = [
  { name: "dispatch EP8", ep: 8, kind: "dispatch", measured: 132 },
  { name: "combine EP8", ep: 8, kind: "combine", measured: 126 },
  { name: "dispatch EP32", ep: 32, kind: "dispatch", measured: 153 },
  { name: "combine EP32", ep: 32, kind: "combine", measured: 151 },
];

const kTokens = 128;
const kHidden = 7168;
const kTopK = 8;

/** Our model's latency (us) for one anchor's call. */
export function modelAnchor(model: CostModel, anchor: Anchor): number {
  const m = machineOf(model, anchor.ep);
  const rowBytes = anchor.kind === "dispatch" ? kHidden + 4 : kHidden * 2;
  const tasks: TaskSpec[] = [];
  const edges: [number, number][] = [];
  const signalUs = model.profile.latencies.remote_signal.value + model.profile.links.peer_latency.value;
  for (let r = 0; r < anchor.ep; r++) {
    const puts: number[] = [];
    // Balanced routing: copy j of rank r goes to rank (r + j) mod ep.
    for (let j = 0; j < kTokens * kTopK; j++) {
      const peer = (r + j) % anchor.ep;
      const linkTime = peer === r ? 0 : rowBytes / m.injectionBytesPerUs;
      puts.push(tasks.push({ type: CoreType.aiv, rank: r, duration: model.putMicros(rowBytes, r, peer), linkTime, bytesSent: rowBytes, peer }) - 1);
    }
    // The closing barrier: one completion signal to every peer once this rank's puts are out.
    const sent = tasks.push({ type: CoreType.none, rank: r, duration: 0 }) - 1;
    for (const p of puts) edges.push([p, sent]);
    // One vector core raises them in turn (a chain), as the per-peer flag loop does.
    let previous = sent;
    for (let q = 0; q < anchor.ep; q++) {
      const signal = tasks.push({ type: CoreType.aiv, rank: r, duration: signalUs }) - 1;
      const arrival = tasks.push({ type: CoreType.none, rank: q, duration: 0 }) - 1;
      edges.push([previous, signal], [signal, arrival]);
      previous = signal;
    }
  }
  const g = new TaskGraph(tasks, edges);
  return model.profile.latencies.kernel_launch.value + listSchedule(g, m, "heft").makespan;
}
