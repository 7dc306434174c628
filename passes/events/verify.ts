// verify-schedule on plain events-level queue programs (all ranks of a
// module). Three stages, each trusting the one before (docs/events.md has the
// argument):
// 1. Declarations and counts: block_dim within the target's AI Cores, ids in
//    budget and unique, every reference resolves, every event's signals equal
//    its threshold and someone waits; cross-core events have one producer and
//    one consumer queue in their AI Core, and the events sharing a flag towards
//    one consumer form one FIFO channel.
// 2. No deadlock: the happens-before graph (happens-before.ts) is acyclic;
//    otherwise the cycle is named.
// 3. On that graph: no cross-core channel can hold more than `pending` sets,
//    and every read of a slice is ordered after every task (any queue, any
//    rank) writing an overlapping slice.

import type { CoreQueueSpec, QueueEntry, QueueEventSpec, QueueProgramSpec } from "../../dialects/queue-model.js";
import { formatSlice, slicesOverlap, type Slice } from "../../dialects/tile-model.js";
import type { Operation } from "../../src/ir/operation.js";
import { WriterIndex } from "../tile-writer-index.js";
import { EdgeBuilder, findCycle, happensBefore, RankClocks, topologicalOrder, type GraphEdges, type OrderQuery, type RankSpan } from "./happens-before.js";
import { flagModeOf, queueName, type EventLimits } from "./limits.js";
import type { ScheduleProblem } from "./rank-clocks.js";

/** Most unguarded reads reported one by one; the rest are counted. */
const kMaxReadReports = 20;

interface QueueRef {
  readonly p: QueueProgramSpec;
  readonly q: CoreQueueSpec;
  /** Node of its first entry. */
  readonly base: number;
  readonly name: string;
}

interface EventUse {
  readonly p: QueueProgramSpec;
  readonly ev: QueueEventSpec;
  readonly node: number;
  /** Signal entries (signal or signal_remote) and waits, as global nodes, in program then queue order. */
  readonly signals: number[];
  readonly waits: number[];
}

/** Everything verify-schedule indexes once. */
class ScheduleIndex {
  readonly queues: QueueRef[] = [];
  readonly queueOfNode: number[] = [];
  readonly posOfNode: number[] = [];
  readonly entryOf: QueueEntry[] = [];
  /** Events by rank, then name. */
  readonly events = new Map<number, Map<string, EventUse>>();
  readonly eventNodes: EventUse[] = [];
  /** Each program's node and queue ranges (entries first, then events), by rank. */
  readonly spans = new Map<number, RankSpan>();
  readonly problems: ScheduleProblem[] = [];

  constructor(readonly programs: readonly QueueProgramSpec[]) {
    const lows = programs.map(() => ({ queueLo: 0, queueHi: 0, entryLo: 0, entryHi: 0 }));
    programs.forEach((p, i) => {
      lows[i]!.queueLo = this.queues.length;
      lows[i]!.entryLo = this.queueOfNode.length;
      for (const q of p.queues) {
        const base = this.queueOfNode.length;
        this.queues.push({ p, q, base, name: queueName(p.rank, q) });
        q.entries.forEach((e, pos) => {
          this.queueOfNode.push(this.queues.length - 1);
          this.posOfNode.push(pos);
          this.entryOf.push(e);
        });
      }
      lows[i]!.queueHi = this.queues.length;
      lows[i]!.entryHi = this.queueOfNode.length;
    });
    programs.forEach((p, i) => {
      const eventLo = this.entryOf.length + this.eventNodes.length;
      if (this.events.has(p.rank)) this.problem(p.op, `two programs claim rank ${p.rank}`);
      const byName = new Map<string, EventUse>();
      this.events.set(p.rank, byName);
      for (const ev of p.events) {
        if (byName.has(ev.name)) this.problem(ev.op, `event @${ev.name} is declared twice on rank ${p.rank}`);
        const use: EventUse = { p, ev, node: this.entryOf.length + this.eventNodes.length, signals: [], waits: [] };
        byName.set(ev.name, use);
        this.eventNodes.push(use);
      }
      this.spans.set(p.rank, { ...lows[i]!, eventLo, eventHi: this.entryOf.length + this.eventNodes.length });
    });
  }

  problem(op: Operation | undefined, message: string): void {
    this.problems.push({ op, message });
  }

  /** `aic.gemm` etc.: how messages name an entry's op. */
  opName(node: number): string {
    const e = this.entryOf[node]!;
    const unit = this.queues[this.queueOfNode[node]!]!.q.unit;
    return `${unit}.${e.op === "task" ? e.kind : e.op}`;
  }

  where(node: number): string {
    const e = this.entryOf[node]!;
    const q = this.queues[this.queueOfNode[node]!]!;
    return e.op === "task" ? `task ${e.task} (${this.opName(node)}) on ${q.name}` : `'${this.opName(node)}' on ${q.name}`;
  }

  opOf(node: number): Operation | undefined {
    return this.entryOf[node]!.irOp ?? this.queues[this.queueOfNode[node]!]!.q.op;
  }

  get nodes(): number {
    return this.entryOf.length + this.eventNodes.length;
  }
}

function checkDeclarations(x: ScheduleIndex, limits: EventLimits): void {
  for (const p of x.programs) {
    if (p.blockDim > limits.aiCores)
      x.problem(p.op, `rank ${p.rank} launches block_dim ${p.blockDim} but target ${limits.target} has ${limits.aiCores} AI Cores: not every queue would be resident, so a wait could block a core whose signaller never starts (co-residency)`);
    if (p.arrivals.length) x.problem(p.op, `rank ${p.rank} still has queue.arrival ops: run event-insertion before verify-schedule`);
    for (const q of p.queues) if (q.core >= p.blockDim) x.problem(q.op, `${queueName(p.rank, q)} is outside block_dim ${p.blockDim}`);
    const ids = new Map<string, QueueEventSpec>();
    for (const ev of p.events) {
      const where = `event @${ev.name} on rank ${p.rank}`;
      if (ev.kind === "cross_core") {
        if (ev.id < 0 || ev.id >= limits.flagIds) x.problem(ev.op, `${where}: cross-core flag id ${ev.id} is outside the budget 0..${limits.flagIds - 1} of target ${limits.target}`);
        if (ev.core === undefined || ev.core < 0 || ev.core >= p.blockDim) x.problem(ev.op, `${where}: AI Core ${ev.core} is outside block_dim ${p.blockDim}`);
        continue;
      }
      const budget = ev.kind === "gm_counter" ? limits.gmLines : limits.remoteLines;
      if (ev.id < 0 || ev.id >= budget) x.problem(ev.op, `${where}: ${ev.kind} line ${ev.id} is outside the budget 0..${budget - 1} of target ${limits.target}`);
      const key = `${ev.kind} ${ev.id}`;
      const other = ids.get(key);
      if (other) x.problem(ev.op, `${where}: ${ev.kind} id ${ev.id} is also used by @${other.name}; the two would share one counter`);
      else ids.set(key, ev);
    }
  }
}

/** Resolves every wait and signal, filling the events' signal and wait lists. */
function collectUses(x: ScheduleIndex): void {
  for (let node = 0; node < x.entryOf.length; node++) {
    const e = x.entryOf[node]!;
    if (e.op === "task") {
      if (e.after?.length) x.problem(e.irOp, `${x.where(node)} still has 'after': run event-insertion before verify-schedule`);
      continue;
    }
    const rank = x.queues[x.queueOfNode[node]!]!.p.rank;
    const owner = e.op === "signal_remote" ? e.peer : rank;
    const byName = x.events.get(owner);
    if (!byName) {
      x.problem(e.irOp, `${x.where(node)} targets rank ${owner}, which has no program in this module`);
      continue;
    }
    const use = byName.get(e.event);
    if (!use) {
      x.problem(e.irOp, `${x.where(node)} names @${e.event}, which rank ${owner} does not declare`);
      continue;
    }
    if (e.op === "wait") use.waits.push(node);
    else if ((e.op === "signal_remote") !== (use.ev.kind === "remote"))
      x.problem(e.irOp, e.op === "signal_remote" ? `${x.where(node)} raises @${e.event} of rank ${owner}, a ${use.ev.kind} event (signal_remote raises remote events only)` : `${x.where(node)} signals remote event @${e.event}: remote events are raised by signal_remote after a put`);
    else use.signals.push(node);
  }
}

function checkCounts(x: ScheduleIndex): void {
  for (const use of x.eventNodes) {
    const { ev, p } = use;
    const name = `@${ev.name} (${ev.kind}) of rank ${p.rank}`;
    const s = use.signals.length;
    if (use.waits.length && s < ev.threshold) {
      x.problem(x.opOf(use.waits[0]!), s === 0 ? `${x.where(use.waits[0]!)} waits on ${name}, which nothing signals: the wait can never be satisfied` : `${x.where(use.waits[0]!)} waits on ${name} with threshold ${ev.threshold} but only ${s} signal${s === 1 ? "" : "s"} reach it: the wait can never be satisfied`);
    } else if (s !== ev.threshold && s > 0) {
      x.problem(ev.op ?? x.opOf(use.signals[0]!), `${name} has ${s} signals but threshold ${ev.threshold}: the count must equal the threshold`);
    }
    if (s > 0 && use.waits.length === 0) x.problem(ev.op ?? x.opOf(use.signals[0]!), `${name} is signalled (first by ${x.where(use.signals[0]!)}) but nothing waits on it`);
    if (ev.kind !== "cross_core") continue;
    const consumers = new Set(use.waits.map((n) => x.queueOfNode[n]!));
    const producers = new Set(use.signals.map((n) => x.queueOfNode[n]!));
    if (use.waits.length > 1) x.problem(x.opOf(use.waits[1]!), `${name} is waited on ${use.waits.length} times (${x.where(use.waits[0]!)}, ${x.where(use.waits[1]!)}): a cross-core wait consumes its sets, so there is exactly one`);
    if (producers.size > 1) {
      const [a, b] = [...producers].map((q) => x.queues[q]!.name);
      x.problem(ev.op, `${name} is signalled from ${a} and ${b}: a cross-core event has one producer queue`);
    }
    for (const q of [...producers, ...consumers]) {
      const ref = x.queues[q]!;
      if (ref.q.core !== ev.core) x.problem(ev.op, `${name} of AI Core ${ev.core} is used by ${ref.name}, outside that AI Core`);
    }
    if (producers.size === 1 && consumers.size === 1) {
      const [pq] = producers;
      const [cq] = consumers;
      if (pq === cq) x.problem(ev.op, `${name} is signalled and waited on the same queue (${x.queues[pq!]!.name})`);
      else if (ev.mode !== flagModeOf(x.queues[pq!]!.q, x.queues[cq!]!.q)) x.problem(ev.op, `${name} has mode ${ev.mode} but links ${x.queues[pq!]!.name} and ${x.queues[cq!]!.name} (mode ${flagModeOf(x.queues[pq!]!.q, x.queues[cq!]!.q)})`);
    }
  }
}

/** The events sharing one flag towards one consumer queue, in wait order, with their producer queue. */
interface FlagChannel {
  readonly rank: number;
  readonly core: number;
  readonly id: number;
  readonly producer: number;
  readonly consumer: number;
  readonly events: EventUse[];
}

/** Groups cross-core events into channels and checks each is FIFO along both queues (id reuse while pending). */
function flagChannels(x: ScheduleIndex): FlagChannel[] {
  const groups = new Map<string, EventUse[]>();
  for (const use of x.eventNodes) {
    if (use.ev.kind !== "cross_core" || use.waits.length !== 1 || use.signals.length === 0) continue;
    const key = `${use.p.rank},${use.ev.core},${use.ev.id},${x.queueOfNode[use.waits[0]!]}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(use);
  }
  const channels: FlagChannel[] = [];
  for (const events of groups.values()) {
    events.sort((a, b) => a.waits[0]! - b.waits[0]!);
    const first = events[0]!;
    const producer = x.queueOfNode[first.signals[0]!]!;
    const consumer = x.queueOfNode[first.waits[0]!]!;
    const what = `cross-core flag ${first.ev.id} of AI Core ${first.ev.core} on rank ${first.p.rank}`;
    const other = events.find((u) => x.queueOfNode[u.signals[0]!] !== producer);
    if (other) {
      x.problem(other.ev.op, `id reuse while pending: @${first.ev.name} (from ${x.queues[producer]!.name}) and @${other.ev.name} (from ${x.queues[x.queueOfNode[other.signals[0]!]!]!.name}) both use ${what} towards ${x.queues[consumer]!.name}; their sets could interleave`);
      continue;
    }
    // FIFO: every signal of the k-th waited event comes after all signals of the events waited before it.
    let bad: [EventUse, EventUse] | undefined;
    for (let k = 1; k < events.length && !bad; k++) if (events[k]!.signals[0]! < events[k - 1]!.signals[events[k - 1]!.signals.length - 1]!) bad = [events[k - 1]!, events[k]!];
    if (bad) {
      x.problem(bad[1].ev.op, `id reuse while pending: @${bad[0].ev.name} and @${bad[1].ev.name} share ${what} from ${x.queues[producer]!.name} to ${x.queues[consumer]!.name}, but are signalled in another order than ${x.queues[consumer]!.name} waits for them, so a wait could take the other event's set`);
      continue;
    }
    channels.push({ rank: first.p.rank, core: first.ev.core!, id: first.ev.id, producer, consumer, events });
  }
  return channels;
}

function buildGraph(x: ScheduleIndex): GraphEdges {
  const edges = new EdgeBuilder(x.nodes);
  for (let node = 0; node < x.entryOf.length; node++) if (x.posOfNode[node]! > 0) edges.add(node - 1, node);
  for (const use of x.eventNodes) {
    for (const s of use.signals) edges.add(s, use.node);
    for (const w of use.waits) edges.add(use.node, w);
  }
  const queueOf = Int32Array.from({ length: x.nodes }, (_, v) => (v < x.entryOf.length ? x.queueOfNode[v]! : -1));
  const posOf = Int32Array.from({ length: x.nodes }, (_, v) => (v < x.entryOf.length ? x.posOfNode[v]! : -1));
  return edges.build(queueOf, posOf);
}

function reportCycle(x: ScheduleIndex, g: GraphEdges, order: Int32Array): void {
  // findCycle starts at the cycle's smallest node: an entry, as entries come before event nodes.
  const found = findCycle(g, order);
  const firstWait = found.findIndex((v) => x.entryOf[v]?.op === "wait");
  // Start at the event that first wait waits on, so each step reads "queue waits on event".
  const from = (firstWait - 1 + found.length) % found.length;
  const cycle = [...found.slice(from), ...found.slice(0, from)];
  const steps: string[] = [];
  for (let i = 0; i < cycle.length; i++) {
    const v = cycle[i]!;
    if (v < x.entryOf.length) continue;
    const wait = cycle[(i + 1) % cycle.length]!;
    steps.push(`${x.queues[x.queueOfNode[wait]!]!.name} waits on @${x.eventNodes[v - x.entryOf.length]!.ev.name}`);
  }
  x.problem(x.opOf(cycle[1]!), `deadlock: cyclic wait: ${steps.join(", then ")}, which is signalled only after the first wait passes`);
}

/** Pending-set bound: before the n-th set of a channel, the consumer has taken at least n + 1 - pending. */
function pendingQueries(x: ScheduleIndex, channels: readonly FlagChannel[], pending: number): { q: OrderQuery; report: () => void }[] {
  const out: { q: OrderQuery; report: () => void }[] = [];
  for (const c of channels) {
    const signals = c.events.flatMap((u) => u.signals);
    let j = 0;
    let consumed = c.events[0]!.ev.threshold;
    for (let n = pending; n < signals.length; n++) {
      while (consumed < n + 1 - pending) consumed += c.events[++j]!.ev.threshold;
      const taken = c.events[j]!;
      const wait = taken.waits[0]!;
      const signal = signals[n]!;
      out.push({
        q: { queue: c.consumer, pos: x.posOfNode[wait]!, node: signal },
        report: () =>
          x.problem(
            x.opOf(signal),
            `more than ${pending} sets could be pending on cross-core flag ${c.id} of AI Core ${c.core} on rank ${c.rank}: ${x.queues[c.producer]!.name} signals set ${n + 1} (@${(x.entryOf[signal] as { event: string }).event}) without waiting for ${x.queues[c.consumer]!.name} to take @${taken.ev.name} (no credit)`,
          ),
      });
    }
  }
  return out;
}

/** Every (reader, writer) pair of overlapping slices on different nodes, as order queries. */
function readQueries(x: ScheduleIndex): { q: OrderQuery; reader: number; writer: number; read: Slice; write: Slice }[] {
  const index = new Map<number, WriterIndex<number>>();
  const rankOf = (node: number) => x.queues[x.queueOfNode[node]!]!.p.rank;
  for (let node = 0; node < x.entryOf.length; node++) {
    const e = x.entryOf[node]!;
    if (e.op !== "task") continue;
    const lands = e.kind === "put" ? (e.spec.peer ?? rankOf(node)) : rankOf(node);
    let w = index.get(lands);
    if (!w) index.set(lands, (w = new WriterIndex<number>()));
    for (const s of e.spec.writes) w.add(s, node);
  }
  const out: { q: OrderQuery; reader: number; writer: number; read: Slice; write: Slice }[] = [];
  for (let node = 0; node < x.entryOf.length; node++) {
    const e = x.entryOf[node]!;
    if (e.op !== "task") continue;
    const w = index.get(rankOf(node));
    if (!w) continue;
    const seen = new Set<number>();
    for (const read of e.spec.reads) {
      w.forEachOverlap(read, (writer) => {
        if (writer === node || seen.has(writer)) return;
        const we = x.entryOf[writer] as Extract<QueueEntry, { op: "task" }>;
        const write = we.spec.writes.find((s) => slicesOverlap(s, read));
        if (!write) return;
        seen.add(writer);
        out.push({ q: { queue: x.queueOfNode[writer]!, pos: x.posOfNode[writer]!, node }, reader: node, writer, read, write });
      });
    }
  }
  return out;
}

/**
 * Answers order queries: first by each reader rank's own clocks (and, for a
 * writer on another rank, through the signal_remote ops right after it and
 * the waits on their event), which settles every query of a correct schedule
 * at O(nodes * queues of a rank) per rank; the rest exactly (happensBefore).
 */
function answerQueries(x: ScheduleIndex, g: GraphEdges, order: Int32Array, queries: readonly OrderQuery[]): boolean[] {
  const answers: boolean[] = new Array(queries.length).fill(false);
  const byRank = new Map<number, number[]>();
  queries.forEach((q, i) => {
    // Query nodes are entries (readers and signals).
    const r = x.queues[x.queueOfNode[q.node]!]!.p.rank;
    let list = byRank.get(r);
    if (!list) byRank.set(r, (list = []));
    list.push(i);
  });
  // The order split by rank, so each rank's clocks walk only its own nodes.
  const rankOrder = new Map<number, number[]>();
  for (const v of order) {
    const rank = v < x.entryOf.length ? x.queues[x.queueOfNode[v]!]!.p.rank : x.eventNodes[v - x.entryOf.length]!.p.rank;
    if (!byRank.has(rank)) continue;
    let list = rankOrder.get(rank);
    if (!list) rankOrder.set(rank, (list = []));
    list.push(v);
  }
  const rest: number[] = [];
  for (const [rank, list] of byRank) {
    const clocks = new RankClocks(g, rankOrder.get(rank) ?? [], x.spans.get(rank)!);
    for (const i of list) {
      const q = queries[i]!;
      const source = x.queues[q.queue]!;
      if (source.p.rank === rank) answers[i] = clocks.at(q.node, q.queue) >= q.pos;
      else {
        // A put's data is known landed once a wait on an event its signal_remote raised is.
        for (let pos = q.pos + 1; pos < source.q.entries.length && !answers[i]; pos++) {
          const e = source.q.entries[pos]!;
          if (e.op !== "signal_remote") break;
          if (e.peer !== rank) continue;
          const use = x.events.get(rank)?.get(e.event);
          for (const w of use?.waits ?? []) if (clocks.at(q.node, x.queueOfNode[w]!) >= x.posOfNode[w]!) answers[i] = true;
        }
      }
      if (!answers[i]) rest.push(i);
    }
  }
  const exact = happensBefore(g, order, rest.map((i) => queries[i]!));
  rest.forEach((i, k) => (answers[i] = exact[k]!));
  return answers;
}

/** Every problem of `programs` (events-level, all ranks of a module), in a fixed order. */
export function verifySchedule(programs: readonly QueueProgramSpec[], limits: EventLimits): ScheduleProblem[] {
  const x = new ScheduleIndex(programs);
  checkDeclarations(x, limits);
  collectUses(x);
  if (x.problems.length) return x.problems;
  checkCounts(x);
  const channels = flagChannels(x);
  if (x.problems.length) return x.problems;

  const g = buildGraph(x);
  const order = topologicalOrder(g);
  if (order.length < g.nodes) {
    reportCycle(x, g, order);
    return x.problems;
  }
  const pending = pendingQueries(x, channels, limits.pending);
  const reads = readQueries(x);
  const answers = answerQueries(x, g, order, [...pending.map((p) => p.q), ...reads.map((r) => r.q)]);
  pending.forEach((p, i) => answers[i] || p.report());
  let unguarded = 0;
  reads.forEach((r, i) => {
    if (answers[pending.length + i]) return;
    if (++unguarded > kMaxReadReports) return;
    const rankNote = x.queues[x.queueOfNode[r.writer]!]!.p.rank === x.queues[x.queueOfNode[r.reader]!]!.p.rank ? "" : " (a put from another rank)";
    x.problem(x.opOf(r.reader), `unguarded read: ${x.where(r.reader)} reads ${formatSlice(r.read)}, written${rankNote} by ${x.where(r.writer)} as ${formatSlice(r.write)}, with no chain of queue order and waits from the writer to the reader`);
  });
  if (unguarded > kMaxReadReports) x.problem(programs[0]?.op, `${unguarded - kMaxReadReports} more unguarded reads`);
  return x.problems;
}
