// A lower bound on any schedule's makespan (peers.md §3): the longest
// dependency chain, each rank's cube and vector work spread over its cores,
// and each rank's egress and ingress bytes over its link. No sync delays are
// charged, so the bound holds whatever the event protocol costs.

import type { Machine } from "./machine.js";
import { CoreType, type TaskGraph } from "./task-graph.js";

export interface LowerBound {
  readonly value: number;
  readonly criticalPath: number;
  readonly aicWork: number;
  readonly aivWork: number;
  readonly egress: number;
  readonly ingress: number;
  /** Which term binds: "critical path", "aic work", "aiv work", "egress" or "ingress". */
  readonly binding: string;
}

export function lowerBound(g: TaskGraph, m: Machine): LowerBound {
  const finish = new Float64Array(g.n);
  let criticalPath = 0;
  for (const i of g.topo) {
    let t = 0;
    for (let e = g.predStart[i]!; e < g.predStart[i + 1]!; e++) t = Math.max(t, finish[g.pred[e]!]!);
    finish[i] = t + g.duration[i]!;
    criticalPath = Math.max(criticalPath, finish[i]!);
  }
  const aic = new Float64Array(m.ranks);
  const aiv = new Float64Array(m.ranks);
  const egress = new Float64Array(m.ranks);
  const ingress = new Float64Array(m.ranks);
  for (let i = 0; i < g.n; i++) {
    const r = g.rank[i]!;
    if (g.type[i] === CoreType.aic) aic[r]! += g.duration[i]!;
    else if (g.type[i] === CoreType.aiv) aiv[r]! += g.duration[i]!;
    egress[r]! += g.linkTime[i]!;
    if (g.peer[i]! >= 0) ingress[g.peer[i]!]! += g.bytesSent[i]! / m.injectionBytesPerUs;
  }
  const max = (a: Float64Array, div: number) => a.reduce((x, y) => Math.max(x, y / div), 0);
  const terms: [string, number][] = [
    ["critical path", criticalPath],
    ["aic work", max(aic, m.aic)],
    ["aiv work", max(aiv, m.aic * m.aivPerAic)],
    ["egress", max(egress, 1)],
    ["ingress", max(ingress, 1)],
  ];
  const [binding, value] = terms.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { value, criticalPath, aicWork: terms[1]![1], aivWork: terms[2]![1], egress: terms[3]![1], ingress: terms[4]![1], binding };
}
