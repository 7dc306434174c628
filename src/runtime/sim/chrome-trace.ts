// A simulation as a Chrome trace (the JSON object form with `traceEvents`,
// which Perfetto and chrome://tracing open): one process per rank, one thread
// per core (tid = local core id: AICs, then AIVs by (core, sub)) and one per
// rank's egress link (tid = cores per rank). Tasks, blocking waits and
// signal_remote ops are complete events ("X") in microseconds, rounded to
// nanoseconds; bytes are deterministic (fixed key order, one event a line).

import { stageNames } from "../../../dialects/tile-model.js";
import { coreLabel, type SimResult } from "./sim-result.js";

const ns = (us: number): number => Math.round(us * 1000) / 1000;

export function chromeTraceJson(r: SimResult): string {
  const events: object[] = [];
  const tidOf = (queue: number): number => r.cores[queue]!.global - r.cores[queue]!.rank * r.coresPerRank;
  const linkTid = r.coresPerRank;
  const ranks = [...new Set(r.cores.map((c) => c.rank))].sort((a, b) => a - b);
  const complete = (name: string, cat: string, start: number, end: number, pid: number, tid: number, args: object) =>
    events.push({ name, cat, ph: "X", ts: ns(start), dur: ns(ns(end) - ns(start)), pid, tid, args });

  for (const rank of ranks) {
    events.push({ name: "process_name", ph: "M", pid: rank, tid: 0, args: { name: `rank ${rank}` } });
    events.push({ name: "process_sort_index", ph: "M", pid: rank, tid: 0, args: { sort_index: rank } });
    events.push({ name: "thread_name", ph: "M", pid: rank, tid: linkTid, args: { name: "link (egress)" } });
    events.push({ name: "thread_sort_index", ph: "M", pid: rank, tid: linkTid, args: { sort_index: linkTid } });
  }
  r.cores.forEach((c, q) => {
    events.push({ name: "thread_name", ph: "M", pid: c.rank, tid: tidOf(q), args: { name: coreLabel(c) } });
    events.push({ name: "thread_sort_index", ph: "M", pid: c.rank, tid: tidOf(q), args: { sort_index: tidOf(q) } });
  });
  for (const t of r.tasks) {
    const stage = stageNames[t.stage] ?? String(t.stage);
    const args = t.kind === "put" ? { task: t.task, stage, peer: t.peer, bytes: t.bytes } : { task: t.task, stage };
    complete(`${t.kind} ${t.task}`, stage, t.start, t.end, t.rank, tidOf(t.queue), args);
    if (t.linkEnd > t.linkStart) complete(`put ${t.task} -> rank ${t.peer}`, stage, t.linkStart, t.linkEnd, t.rank, linkTid, { task: t.task, bytes: t.bytes });
  }
  for (const s of r.slices) complete(`${s.what} @${s.event}`, s.what, s.start, s.end, r.cores[s.queue]!.rank, tidOf(s.queue), {});
  const meta = { makespan_us: ns(r.makespan), ranks: r.ranks, blocked: r.blocked.map((b) => b.reason) };
  return `{"displayTimeUnit":"ns","otherData":${JSON.stringify(meta)},"traceEvents":[\n${events.map((e) => JSON.stringify(e)).join(",\n")}\n]}\n`;
}
