// Discrete-event simulation of queue programs (dialects/queue-model.ts) of
// every rank on a hardware profile (docs/sim.md has the model in full).
// Each core runs its queue in order; tasks cost what passes/schedule/
// task-cost.ts says; puts of one rank share its egress link, and puts from
// one rank to one peer the link between them, in the order they start; puts
// into one rank share its ingress in the order their bytes leave. Events-level programs synchronize through their events:
//  - signal on a gm_counter: DMA atomic add, lands after `dma_atomic`; a
//    waiting core sees the count `poll` later;
//  - signal on a cross_core event: a flag set lands after `cross_core_flag`
//    on the (AI Core, flag id, producer, consumer) channel; the wait consumes
//    `threshold` sets;
//  - signal_remote: fence + remote atomic add, occupies its core for
//    `remote_signal` (a local `dma_atomic` to the own rank); the peer sees
//    its counter `poll` later. The put before it already landed (a put
//    holds its core until its bytes are at the peer).
// Schedule-level programs (tasks with `after`, arrivals) wait for each
// dependency's end plus machine.ts syncDelay, as fixed-order.ts does.
// O((entries + deps) log cores).

import type { QueueEntry, QueueEventSpec, QueueProgramSpec } from "../../../dialects/queue-model.js";
import { coresPerRank, machineOf, Ports, syncDelay, type Machine } from "../../../passes/schedule/machine.js";
import { taskCostOf, type RunTimeCounts } from "../../../passes/schedule/task-cost.js";
import type { CostModel } from "../../target/cost-model.js";
import { coreLabel, SimInputError, type BlockedCore, type SimCore, type SimResult, type SimSlice, type SimTask } from "./sim-result.js";
import { TimeHeap } from "./time-heap.js";

export interface SimOptions {
  /** The routing worst-case programs (with a `@counts` buffer) run with. */
  readonly runTime?: RunTimeCounts;
}

type TaskEntry = Extract<QueueEntry, { op: "task" }>;

/** A task entry with its cost worked out. */
interface PreparedTask {
  readonly entry: TaskEntry;
  /** us its core is busy, alone on the link. */
  readonly coreTime: number;
  readonly linkTime: number;
  /** us the (source, destination) link carries its bytes: bytes / the peer's bandwidth. */
  readonly pairTime: number;
  readonly bytes: number;
  readonly peer: number;
}

interface EventState {
  readonly spec: QueueEventSpec;
  readonly rank: number;
  value: number;
  lastLanding: number;
  /** When the count reached the threshold (NaN: not yet). */
  reachedAt: number;
  waiters: number[];
  /** cross_core: the queue that signals it and the one that waits on it (-1: none). */
  producer: number;
  consumer: number;
}

/** Flag sets of one cross-core channel: landing times in order, and how many the consumer took. */
interface Channel {
  readonly landings: number[];
  consumed: number;
  waiting: number;
  overflowed: boolean;
}

interface Queue {
  readonly core: SimCore;
  readonly rank: number;
  readonly entries: readonly QueueEntry[];
  readonly tasks: (PreparedTask | undefined)[];
  readonly events: Map<string, EventState>;
  /** Schedule level: puts hold their core through the signal too (no signal_remote op follows). */
  readonly scheduleLevel: boolean;
}

const key = (rank: number, task: number): string => `${rank}:${task}`;
/** Added to a departing put's heap tie: at one time, tasks start before bytes leave, as in fixed-order.ts. */
const kDepartureTie = 2 ** 40;

/** Runs `programs` (one per rank, any order) to completion or deadlock. Throws SimInputError on malformed input. */
export function simulateQueues(programs: readonly QueueProgramSpec[], model: CostModel, opts: SimOptions = {}): SimResult {
  return new Simulation(programs, model, opts).run();
}

class Simulation {
  private readonly m: Machine;
  private readonly queues: Queue[] = [];
  private readonly byRank: (QueueProgramSpec | undefined)[];
  private readonly eventsByRank: Map<string, EventState>[];
  private readonly channels = new Map<string, Channel>();
  /** Started tasks: end and global core, by (rank, task id). */
  private readonly started = new Map<string, { end: number; core: number }>();
  /** Arrivals: the put (rank, task id) they stand for, by (rank, arrival task id). */
  private readonly arrivalPut = new Map<string, string>();
  private readonly taskWaiters = new Map<string, number[]>();
  private readonly heap = new TimeHeap();
  /** Each rank's egress link and ingress (one put's bytes at a time each, at the injection bandwidth). */
  private readonly ports: Ports;
  /** When each (source, destination) link frees, by source * ranks + destination. */
  private readonly pairFree = new Map<number, number>();
  private readonly pc: Int32Array;
  private readonly depCursor: Int32Array;
  private readonly depReady: Float64Array;
  private readonly blockedSince: Float64Array;
  private readonly finish: Float64Array;
  /** Each queue's put whose bytes wait for its links (see startTask). */
  private readonly departing: ({ task: PreparedTask; slot: number; start: number } | undefined)[];
  private readonly tasks: SimTask[] = [];
  private readonly slices: SimSlice[] = [];
  private readonly overflows: string[] = [];
  private readonly lat: { dmaAtomic: number; poll: number; flag: number; remoteSignal: number; pending: number };

  constructor(
    programs: readonly QueueProgramSpec[],
    private readonly model: CostModel,
    private readonly opts: SimOptions,
  ) {
    const ep = Math.max(0, ...programs.map((p) => Math.max(p.ep, p.rank + 1)));
    this.m = machineOf(model, ep);
    const p = model.profile;
    this.lat = {
      dmaAtomic: p.latencies.dma_atomic.value,
      poll: p.latencies.poll.value,
      flag: p.latencies.cross_core_flag.value,
      remoteSignal: p.latencies.remote_signal.value,
      pending: p.events.cross_core_pending.value,
    };
    this.byRank = new Array(ep).fill(undefined);
    this.eventsByRank = Array.from({ length: ep }, () => new Map());
    const sorted = [...programs].sort((a, b) => a.rank - b.rank);
    for (const prog of sorted) {
      if (prog.rank < 0 || this.byRank[prog.rank]) throw new SimInputError(`two programs for rank ${prog.rank}`, prog.op);
      this.byRank[prog.rank] = prog;
      for (const e of prog.events) this.eventsByRank[prog.rank]!.set(e.name, { spec: e, rank: prog.rank, value: 0, lastLanding: 0, reachedAt: e.threshold <= 0 ? 0 : NaN, waiters: [], producer: -1, consumer: -1 });
    }
    for (const prog of sorted) this.addProgram(prog);
    const n = this.queues.length;
    this.ports = new Ports(ep);
    this.pc = new Int32Array(n);
    this.depCursor = new Int32Array(n);
    this.depReady = new Float64Array(n);
    this.blockedSince = new Float64Array(n).fill(NaN);
    this.finish = new Float64Array(n);
    this.departing = new Array(n).fill(undefined);
  }

  private addProgram(prog: QueueProgramSpec): void {
    const per = coresPerRank(this.m);
    const worstCase = prog.buffers.some((b) => b.name === "counts");
    const scheduleLevel = prog.arrivals.length > 0 || prog.queues.some((q) => q.entries.some((e) => e.op === "task" && e.after !== undefined));
    const taskIds = new Set<number>();
    for (const a of prog.arrivals) {
      taskIds.add(a.task);
      this.arrivalPut.set(key(prog.rank, a.task), `put ${a.peer}>${prog.rank}#${a.signal}`);
    }
    for (const q of prog.queues) {
      if (q.core < 0 || q.core >= this.m.aic || q.sub < 0 || q.sub >= (q.unit === "aic" ? 1 : this.m.aivPerAic))
        throw new SimInputError(`rank ${prog.rank}: ${q.unit} queue core ${q.core} sub ${q.sub} is not a core of the profile (${this.m.aic} AI Cores x ${this.m.aivPerAic} AIVs)`, q.op);
      const local = q.unit === "aic" ? q.core : this.m.aic + q.core * this.m.aivPerAic + q.sub;
      const core: SimCore = { rank: prog.rank, unit: q.unit, core: q.core, sub: q.sub, global: prog.rank * per + local };
      const index = this.queues.length;
      const tasks = q.entries.map((e) => (e.op === "task" ? this.prepareTask(e, prog, worstCase, scheduleLevel) : undefined));
      for (const e of q.entries) {
        if (e.op === "task") {
          taskIds.add(e.task);
          if (e.kind === "put" && e.spec.peer !== undefined) this.arrivalPut.set(`put ${prog.rank}>${e.spec.peer}#${e.spec.signal ?? -1}`, key(prog.rank, e.task));
        } else if (e.op !== "signal_remote") {
          const ev = this.eventOf(prog.rank, e.event, e.irOp);
          if (ev.spec.kind === "cross_core") {
            if (e.op === "signal") ev.producer = index;
            else ev.consumer = index;
          }
        } else this.remoteEventOf(e, e.irOp);
      }
      this.queues.push({ core, rank: prog.rank, entries: q.entries, tasks, events: this.eventsByRank[prog.rank]!, scheduleLevel });
    }
    for (const q of prog.queues)
      for (const e of q.entries)
        if (e.op === "task")
          for (const d of e.after ?? []) if (!taskIds.has(d)) throw new SimInputError(`rank ${prog.rank}: task ${e.task} depends on task ${d}, which is neither a task nor an arrival of its program`, e.irOp);
  }

  private prepareTask(entry: TaskEntry, prog: QueueProgramSpec, worstCase: boolean, scheduleLevel: boolean): PreparedTask {
    const cost = taskCostOf(this.model, { kind: entry.kind, ...entry.spec }, { rank: prog.rank, ep: prog.ep, runTime: this.opts.runTime, worstCase });
    // At the events level the signal after a put is its own op (signal_remote), charged there.
    const signal = entry.kind === "put" && !scheduleLevel ? this.signalMicros(prog.rank, entry.spec.peer ?? prog.rank) : 0;
    const links = this.model.profile.links;
    const pairBandwidth = cost.peer < 0 ? Infinity : (this.model.sameScaleUp(prog.rank, cost.peer) ? links.peer_bandwidth.value : links.scale_out_bandwidth.value) * 1e3;
    return { entry, coreTime: cost.duration - signal, linkTime: cost.bytesSent / this.m.injectionBytesPerUs, pairTime: cost.bytesSent / pairBandwidth, bytes: cost.bytesSent, peer: cost.peer };
  }

  /** us a signal_remote holds its core: fence + remote atomic, or a local atomic to the own rank. */
  private signalMicros(rank: number, peer: number): number {
    return peer === rank ? this.lat.dmaAtomic : this.lat.remoteSignal;
  }

  private eventOf(rank: number, name: string, op: QueueEntry["irOp"]): EventState {
    const ev = this.eventsByRank[rank]?.get(name);
    if (!ev) throw new SimInputError(`rank ${rank}: no event @${name} in its program`, op);
    return ev;
  }

  private remoteEventOf(e: Extract<QueueEntry, { op: "signal_remote" }>, op: QueueEntry["irOp"]): EventState {
    if (!this.byRank[e.peer]) throw new SimInputError(`signal_remote to rank ${e.peer}, which has no program here`, op);
    const ev = this.eventOf(e.peer, e.event, op);
    if (ev.spec.kind !== "remote") throw new SimInputError(`signal_remote names @${e.event} of rank ${e.peer}, a ${ev.spec.kind} event (expected remote)`, op);
    return ev;
  }

  run(): SimResult {
    this.queues.forEach((_, q) => this.schedule(q, 0));
    while (this.heap.size) {
      const [q, now] = this.heap.pop();
      this.step(q, now);
    }
    const blocked: BlockedCore[] = [];
    let makespan = 0;
    this.queues.forEach((q, i) => {
      makespan = Math.max(makespan, this.finish[i]!);
      if (this.pc[i]! < q.entries.length) blocked.push(this.blockedReport(i));
    });
    return { cores: this.queues.map((q) => q.core), tasks: this.tasks, slices: this.slices, makespan, ranks: this.m.ranks, coresPerRank: coresPerRank(this.m), blocked, flagOverflows: this.overflows };
  }

  /** Resumes queue `q` at `time`; ties go to the lower tile task it starts next, as in fixed-order.ts. */
  private schedule(q: number, time: number): void {
    const queue = this.queues[q]!;
    const next = queue.entries[this.pc[q]!];
    const tie = next?.op === "task" ? queue.rank * 2 ** 24 + next.task : -1;
    this.heap.push(q, time, tie);
  }

  private finishTask(q: number, end: number): void {
    this.advance(q);
    this.finish[q] = end;
    this.schedule(q, end);
  }

  private step(q: number, now: number): void {
    if (this.departing[q]) return this.finishTask(q, this.enterIngress(q, now));
    const queue = this.queues[q]!;
    while (this.pc[q]! < queue.entries.length) {
      const e = queue.entries[this.pc[q]!]!;
      if (e.op === "task") {
        const t = queue.tasks[this.pc[q]!]!;
        if (e.after) {
          const ready = this.dependenciesReady(q, e.after);
          if (ready === undefined) return;
          if (ready > now) return this.schedule(q, ready);
        }
        const end = this.startTask(q, t, now);
        if (end === undefined) return;
        return this.finishTask(q, end);
      }
      if (e.op === "signal") this.signal(q, queue.events.get(e.event)!, now);
      else if (e.op === "signal_remote") {
        const ev = this.remoteEventOf(e, e.irOp);
        const end = now + this.signalMicros(queue.rank, e.peer);
        this.slices.push({ queue: q, what: "signal_remote", event: e.event, start: now, end });
        this.bump(ev, end, now);
        this.advance(q);
        this.finish[q] = end;
        return this.schedule(q, end);
      } else {
        const ev = queue.events.get(e.event)!;
        if (Number.isNaN(this.blockedSince[q]!)) this.blockedSince[q] = now;
        const ready = this.waitReady(q, ev);
        if (ready === undefined) return;
        if (ready > now) return this.schedule(q, ready);
        if (ev.spec.kind === "cross_core") this.channelOf(ev, ev.producer, q).consumed += ev.spec.threshold;
        if (now > this.blockedSince[q]!) this.slices.push({ queue: q, what: "wait", event: e.event, start: this.blockedSince[q]!, end: now });
        this.blockedSince[q] = NaN;
      }
      this.advance(q);
      this.finish[q] = now;
    }
  }

  private advance(q: number): void {
    this.pc[q]!++;
    this.depCursor[q] = 0;
    this.depReady[q] = 0;
  }

  /** When every `after` dependency allows the task to start, or undefined (queued as a waiter) if one has not started. */
  private dependenciesReady(q: number, after: readonly number[]): number | undefined {
    const queue = this.queues[q]!;
    for (; this.depCursor[q]! < after.length; this.depCursor[q]!++) {
      const dep = key(queue.rank, after[this.depCursor[q]!]!);
      const put = this.arrivalPut.get(dep);
      const source = put !== undefined ? this.arrivalPut.get(put) : dep;
      const s = source !== undefined ? this.started.get(source) : undefined;
      if (!s) {
        // An arrival whose put is in no program never lands: the wait shows as a deadlock.
        const waitOn = source ?? dep;
        const list = this.taskWaiters.get(waitOn);
        if (list) list.push(q);
        else this.taskWaiters.set(waitOn, [q]);
        return undefined;
      }
      const from = put !== undefined ? -1 : s.core;
      this.depReady[q] = Math.max(this.depReady[q]!, s.end + syncDelay(this.m, from, queue.core.global));
    }
    return this.depReady[q]!;
  }

  /**
   * Starts a task at `now` and returns its end. A put's bytes wait until its
   * rank's egress link and the link to its peer are free and hold each for
   * their time; the put then stays pending (returns undefined) until they
   * leave, when `enterIngress` books the peer's ingress in departure order
   * (machine.ts Ports).
   */
  private startTask(q: number, t: PreparedTask, now: number): number | undefined {
    // Its slot in the result is taken now, so the tasks stay in start order; a put's is filled in at departure.
    const slot = this.tasks.length;
    this.tasks.push(undefined!);
    if (t.linkTime <= 0) return this.record(q, t, slot, now, now + t.coreTime, -1, now);
    const queue = this.queues[q]!;
    const pair = queue.rank * this.m.ranks + t.peer;
    const out = this.ports.depart(queue.rank, now, t.linkTime, this.pairFree.get(pair) ?? 0);
    this.pairFree.set(pair, out + t.pairTime);
    this.departing[q] = { task: t, slot, start: now };
    this.heap.push(q, out, kDepartureTie + queue.rank * 2 ** 24 + t.entry.task);
    return undefined;
  }

  /** The bytes of queue `q`'s pending put leave its link at `now`: they take the peer's ingress. */
  private enterIngress(q: number, now: number): number {
    const { task: t, slot, start } = this.departing[q]!;
    this.departing[q] = undefined;
    return this.record(q, t, slot, start, this.ports.enter(t.peer, now, t.linkTime) + t.coreTime, now, now);
  }

  /** Fills a started task's result slot (its bytes left at `linkStart`, or -1) and wakes, at `now`, the queues waiting for it. */
  private record(q: number, t: PreparedTask, slot: number, start: number, end: number, linkStart: number, now: number): number {
    const queue = this.queues[q]!;
    const e = t.entry;
    const linkEnd = linkStart < 0 ? -1 : linkStart + t.linkTime;
    this.tasks[slot] = { queue: q, rank: queue.rank, task: e.task, kind: e.kind, stage: e.spec.stage, start, end, peer: t.peer, bytes: t.bytes, linkStart, linkEnd };
    const k = key(queue.rank, e.task);
    this.started.set(k, { end, core: queue.core.global });
    const waiters = this.taskWaiters.get(k);
    if (waiters) {
      this.taskWaiters.delete(k);
      for (const w of waiters) this.schedule(w, now);
    }
    return end;
  }

  private signal(q: number, ev: EventState, now: number): void {
    if (ev.spec.kind !== "cross_core") return this.bump(ev, now + this.lat.dmaAtomic, now);
    const c = this.channelOf(ev, q, ev.consumer);
    c.landings.push(now + this.lat.flag);
    if (!c.overflowed && c.landings.length - c.consumed > this.lat.pending) {
      c.overflowed = true;
      this.overflows.push(`rank ${ev.rank}: flag ${ev.spec.id} of AI Core ${ev.spec.core ?? 0} holds more than ${this.lat.pending} pending sets (at @${ev.spec.name}, ${now.toFixed(3)} us)`);
    }
    if (c.waiting >= 0) {
      this.schedule(c.waiting, now);
      c.waiting = -1;
    }
  }

  /** Adds 1 to a gm/remote counter, landing at `landing`; wakes its waiters once it reaches the threshold. */
  private bump(ev: EventState, landing: number, now: number): void {
    ev.value++;
    ev.lastLanding = Math.max(ev.lastLanding, landing);
    if (ev.value !== ev.spec.threshold) return;
    ev.reachedAt = ev.lastLanding;
    for (const w of ev.waiters) this.schedule(w, now);
    ev.waiters = [];
  }

  /** When queue `q`'s wait on `ev` passes, or undefined (queued as a waiter) while it cannot. */
  private waitReady(q: number, ev: EventState): number | undefined {
    if (ev.spec.kind === "cross_core") {
      const c = this.channelOf(ev, ev.producer, q);
      const need = ev.spec.threshold;
      if (c.landings.length - c.consumed >= need) return need > 0 ? c.landings[c.consumed + need - 1]! : 0;
      c.waiting = q;
      return undefined;
    }
    if (!Number.isNaN(ev.reachedAt)) return ev.reachedAt + (ev.spec.threshold > 0 ? this.lat.poll : 0);
    ev.waiters.push(q);
    return undefined;
  }

  /** The (AI Core, flag id, producer, consumer) channel of a cross-core event. */
  private channelOf(ev: EventState, producer: number, consumer: number): Channel {
    const k = `${ev.rank}:${ev.spec.core ?? 0}:${ev.spec.id}:${producer}:${consumer}`;
    let c = this.channels.get(k);
    if (!c) this.channels.set(k, (c = { landings: [], consumed: 0, waiting: -1, overflowed: false }));
    return c;
  }

  private blockedReport(q: number): BlockedCore {
    const queue = this.queues[q]!;
    const e = queue.entries[this.pc[q]!]!;
    const where = `rank ${queue.rank} ${coreLabel(queue.core)}`;
    if (e.op === "task") {
      const dep = e.after![this.depCursor[q]!]!;
      return { queue: q, reason: `${where}: task ${e.task} waits for task ${dep}, which never starts`, op: e.irOp };
    }
    const ev = queue.events.get(e.event)!;
    if (ev.spec.kind === "cross_core") {
      const c = this.channelOf(ev, ev.producer, q);
      const sets = c.landings.length - c.consumed;
      return { queue: q, reason: `${where}: waits on @${e.event} (cross_core flag ${ev.spec.id} of AI Core ${ev.spec.core ?? 0}: ${sets} of ${ev.spec.threshold} sets)`, op: e.irOp };
    }
    return { queue: q, reason: `${where}: waits on @${e.event} (${ev.spec.kind} ${ev.spec.id}: ${ev.value} of ${ev.spec.threshold} signals)`, op: e.irOp };
  }
}
