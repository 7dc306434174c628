// Event insertion on plain queue programs (dialects/queue-model.ts): every
// `after` dependency that crosses queues becomes a wait on an event, every
// producer a signal, and arrivals become remote events raised by the put's
// queue (docs/events.md).
//
// 1. Per rank, rank-clocks.ts keeps only the dependencies no earlier wait or
//    queue order implies.
// 2. Cross-core channels (producer queue -> consumer queue of one AI Core)
//    that could hold more than `pending` sets get credits: the producer of the
//    n-th set depends on the consumer of set n - pending, if that runs forward
//    in one global task order (global-order.ts); otherwise the pair goes
//    through a GM counter. Credits are dependencies like any other, so step 1
//    runs again until none is missing.
// 3. Each kept dependency becomes an event by where its producer runs: same AI
//    Core -> cross_core (one flag id per channel, so the channel is FIFO);
//    another core of the rank -> gm_counter (consumers waiting for the same
//    producer set share one counter, its threshold the set's size); an
//    arrival -> remote (likewise per arrival set; each put signals it).
//
// Names are deterministic: cc<n>, gm<n>, rs<n> in order of the consuming
// task (queue order, queues in program order). Cost: rank-clocks' per round
// (usually one or two) plus O(entries).

import type { CoreQueueSpec, QueueEntry, QueueEventSpec, QueueProgramSpec } from "../../dialects/queue-model.js";
import { flagModeOf, type EventLimits } from "./limits.js";
import { globalOrder, putKey, putsOf, type RankView } from "./global-order.js";
import { indexRankTasks, neededDeps, type NeededDeps, type RankTasks, type ScheduleProblem } from "./rank-clocks.js";

export interface InsertionStats {
  crossCore: number;
  gmCounter: number;
  remote: number;
  /** Cross-core events that exist only to bound a channel's pending sets. */
  credits: number;
  /** Same-AI-Core dependencies sent through a GM counter because a credit would run against the schedule. */
  demoted: number;
  /** Cross-queue dependencies the schedule states (tasks and arrivals). */
  waitsBefore: number;
  /** Wait ops emitted. */
  waitsAfter: number;
  /** Most cross-core flag ids one AI Core uses. */
  flagIds: number;
}

export interface InsertionResult {
  readonly programs: QueueProgramSpec[];
  readonly stats: InsertionStats;
  readonly problems: ScheduleProblem[];
}

/** A rank's plan: its kept dependencies (credits included) and the events they become. */
interface RankPlan extends RankView {
  readonly need: NeededDeps;
  readonly extra: Map<number, number[]>;
  /** Same-AI-Core pairs (producer * nodes + consumer) that go through a GM counter instead of a flag. */
  readonly demoted: Set<number>;
  readonly events: QueueEventSpec[];
  readonly waits: string[][];
  readonly signals: string[][];
  /** Puts (by node) and the remote events they raise. */
  readonly remoteSignals: Map<number, { event: string; peer: number }[]>;
}

const kMaxCreditRounds = 16;

/** Whether producer u and consumer v of a kept dependency talk through a cross-core flag. */
function onFlag(p: QueueProgramSpec, t: RankTasks, demoted: ReadonlySet<number>, u: number, v: number): boolean {
  return p.queues[t.queueOf[u]!]!.core === p.queues[t.queueOf[v]!]!.core && !demoted.has(u * t.queueOf.length + v);
}

/**
 * Bounds every cross-core channel's pending sets: before the n-th set the
 * producer must know the consumer took set n - pending. Where it does not, a
 * credit (producer after that consumer task) is added if it runs forward in
 * the global order `tau`; otherwise the pair is demoted to a GM counter.
 * Returns how many credits and demotions it made.
 */
function boundChannels(p: QueueProgramSpec, t: RankTasks, need: NeededDeps, extra: Map<number, number[]>, demoted: Set<number>, tau: Int32Array, pending: number): number {
  const nQ = p.queues.length;
  const n = t.queueOf.length;
  // Channel (producer queue, consumer queue) -> its (producer, consumer) pairs in consumer order.
  const channels = new Map<number, [number, number][]>();
  for (let v = 0; v < n; v++) {
    for (const u of need.tasks[v]!) {
      if (!onFlag(p, t, demoted, u, v)) continue;
      const key = t.queueOf[u]! * nQ + t.queueOf[v]!;
      let seq = channels.get(key);
      if (!seq) channels.set(key, (seq = []));
      seq.push([u, v]);
    }
  }
  let changes = 0;
  for (const [key, seq] of channels) {
    const qc = key % nQ;
    const kept: number[] = [];
    for (const [producer, consumer] of seq) {
      const taken = kept.length >= pending ? kept[kept.length - pending]! : -1;
      if (taken >= 0 && need.clocks[producer * nQ + qc]! < t.posOf[taken]!) {
        changes++;
        if (tau[taken]! > tau[producer]!) {
          demoted.add(producer * n + consumer);
          continue;
        }
        let list = extra.get(producer);
        if (!list) extra.set(producer, (list = []));
        list.push(taken);
      }
      kept.push(consumer);
    }
  }
  return changes;
}

/** Flag id per channel: per AI Core, its channels in (producer, consumer) queue order get 0, 1, ... */
function allocateFlagIds(plan: Pick<RankPlan, "p" | "t" | "need" | "demoted">, limits: EventLimits, problems: ScheduleProblem[]): { ids: Map<number, number>; most: number } {
  const { p, t, demoted } = plan;
  const nQ = p.queues.length;
  const keys = new Set<number>();
  plan.need.tasks.forEach((producers, v) => {
    for (const u of producers) if (onFlag(p, t, demoted, u, v)) keys.add(t.queueOf[u]! * nQ + t.queueOf[v]!);
  });
  const ids = new Map<number, number>();
  const perCore = new Map<number, number>();
  let most = 0;
  for (const key of [...keys].sort((a, b) => a - b)) {
    const core = p.queues[Math.floor(key / nQ)]!.core;
    const id = perCore.get(core) ?? 0;
    perCore.set(core, id + 1);
    ids.set(key, id);
    most = Math.max(most, id + 1);
    if (id === limits.flagIds) problems.push({ op: p.op, message: `rank ${p.rank} AI Core ${core} needs more than ${limits.flagIds} cross-core flag channels (target ${limits.target})` });
  }
  return { ids, most };
}

/** Kept dependencies of one rank, with credits and demotions; undefined (and a problem) if they do not settle. */
function planDeps(r: RankView, tau: Int32Array, limits: EventLimits, problems: ScheduleProblem[]): Pick<RankPlan, "need" | "extra" | "demoted"> | undefined {
  const extra = new Map<number, number[]>();
  const demoted = new Set<number>();
  for (let round = 0; round < kMaxCreditRounds; round++) {
    const need = neededDeps(r.t, r.p.queues.length, extra);
    if (!need) {
      problems.push({ op: r.p.op, message: `the schedule of rank ${r.p.rank} has cyclic dependencies` });
      return undefined;
    }
    if (boundChannels(r.p, r.t, need, extra, demoted, tau, limits.pending) === 0) return { need, extra, demoted };
  }
  problems.push({ op: r.p.op, message: `rank ${r.p.rank}: cross-core credits did not settle in ${kMaxCreditRounds} rounds` });
  return undefined;
}

/** Creates rank `plan`'s events, its waits and signals, and the signal_remote ops its arrivals need on the source ranks. */
function createEvents(plan: RankPlan, plans: ReadonlyMap<number, RankPlan>, putNode: ReadonlyMap<number, Map<string, number>>, limits: EventLimits, stats: InsertionStats, problems: ScheduleProblem[]): void {
  const { p, t, need } = plan;
  const nQ = p.queues.length;
  const { ids, most } = allocateFlagIds(plan, limits, problems);
  stats.flagIds = Math.max(stats.flagIds, most);
  const cross: QueueEventSpec[] = [];
  const gm = new Map<string, QueueEventSpec>();
  const remote = new Map<string, QueueEventSpec>();
  const arrivalById = new Map(p.arrivals.map((a) => [a.task, a]));
  for (let v = 0; v < t.queueOf.length; v++) {
    const qc = t.queueOf[v]!;
    const consumer = p.queues[qc]!;
    const far: number[] = [];
    for (const u of need.tasks[v]!) {
      const qp = t.queueOf[u]!;
      const producer = p.queues[qp]!;
      if (!onFlag(p, t, plan.demoted, u, v)) {
        if (producer.core === consumer.core) stats.demoted++;
        far.push(u);
        continue;
      }
      const ev: QueueEventSpec = { name: `cc${cross.length}`, kind: "cross_core", id: ids.get(qp * nQ + qc)!, threshold: 1, core: consumer.core, mode: flagModeOf(producer, consumer) };
      cross.push(ev);
      plan.signals[u]!.push(ev.name);
      plan.waits[v]!.push(ev.name);
      if (!t.deps[v]!.includes(u)) stats.credits++;
    }
    if (far.length) {
      const key = far.join(",");
      let ev = gm.get(key);
      if (!ev) {
        gm.set(key, (ev = { name: `gm${gm.size}`, kind: "gm_counter", id: gm.size, threshold: far.length }));
        for (const u of far) plan.signals[u]!.push(ev.name);
      }
      plan.waits[v]!.push(ev.name);
    }
    const arrivals = need.arrivals[v]!;
    if (arrivals.length) {
      const key = arrivals.join(",");
      let ev = remote.get(key);
      if (!ev) {
        remote.set(key, (ev = { name: `rs${remote.size}`, kind: "remote", id: remote.size, threshold: arrivals.length }));
        for (const id of arrivals) {
          const a = arrivalById.get(id)!;
          const source = plans.get(a.peer);
          const put = putNode.get(a.peer)?.get(putKey(p.rank, a.signal));
          if (!source || put === undefined) {
            problems.push({ op: p.op, message: `arrival ${id} of rank ${p.rank} (from rank ${a.peer}, signal ${a.signal}) has no put in the module` });
            continue;
          }
          let list = source.remoteSignals.get(put);
          if (!list) source.remoteSignals.set(put, (list = []));
          list.push({ event: ev.name, peer: p.rank });
        }
      }
      plan.waits[v]!.push(ev.name);
    }
  }
  plan.events.push(...cross, ...gm.values(), ...remote.values());
  stats.crossCore += cross.length;
  stats.gmCounter += gm.size;
  stats.remote += remote.size;
  if (gm.size > limits.gmLines) problems.push({ op: p.op, message: `rank ${p.rank} needs ${gm.size} GM counters but target ${limits.target} has ${limits.gmLines} lines` });
  if (remote.size > limits.remoteLines) problems.push({ op: p.op, message: `rank ${p.rank} needs ${remote.size} remote signals but target ${limits.target} has ${limits.remoteLines} lines` });
}

/** Turns `after` dependencies of schedule-level programs (all ranks) into events. */
export function insertEvents(programs: readonly QueueProgramSpec[], limits: EventLimits): InsertionResult {
  const problems: ScheduleProblem[] = [];
  const stats: InsertionStats = { crossCore: 0, gmCounter: 0, remote: 0, credits: 0, demoted: 0, waitsBefore: 0, waitsAfter: 0, flagIds: 0 };
  const views = new Map<number, RankView>();
  for (const p of programs) {
    if (p.blockDim > limits.aiCores) problems.push({ op: p.op, message: `rank ${p.rank} launches block_dim ${p.blockDim} but target ${limits.target} has ${limits.aiCores} AI Cores: its queues could not all be resident, so waits could deadlock` });
    if (views.has(p.rank)) problems.push({ op: p.op, message: `two programs claim rank ${p.rank}` });
    const t = indexRankTasks(p, problems);
    stats.waitsBefore += t.stated;
    views.set(p.rank, { p, t });
  }
  if (problems.length) return { programs: [], stats, problems };
  const putNode = new Map([...views].map(([rank, r]) => [rank, putsOf(r)]));
  const tau = globalOrder(views, putNode);
  if (!tau) return { programs: [], stats, problems: [{ op: programs[0]?.op, message: "the schedule's dependencies form a cycle (through queue order, 'after' and put -> arrival links)" }] };
  const plans = new Map<number, RankPlan>();
  for (const [rank, r] of views) {
    const planned = planDeps(r, tau.get(rank)!, limits, problems);
    if (!planned) continue;
    const n = r.t.queueOf.length;
    plans.set(rank, { ...r, ...planned, events: [], waits: Array.from({ length: n }, () => []), signals: Array.from({ length: n }, () => []), remoteSignals: new Map() });
  }
  if (problems.length) return { programs: [], stats, problems };

  for (const plan of plans.values()) createEvents(plan, plans, putNode, limits, stats, problems);
  if (problems.length) return { programs: [], stats, problems };

  const out: QueueProgramSpec[] = [];
  for (const p of programs) {
    const plan = plans.get(p.rank)!;
    const queues: CoreQueueSpec[] = p.queues.map((q, qi) => {
      const entries: QueueEntry[] = [];
      q.entries.forEach((e, pos) => {
        const v = plan.t.first[qi]! + pos;
        if (e.op !== "task") return;
        for (const event of plan.waits[v]!) entries.push({ op: "wait", event });
        entries.push({ op: "task", kind: e.kind, task: e.task, spec: e.spec });
        for (const s of plan.remoteSignals.get(v) ?? []) entries.push({ op: "signal_remote", event: s.event, peer: s.peer });
        for (const event of plan.signals[v]!) entries.push({ op: "signal", event });
        stats.waitsAfter += plan.waits[v]!.length;
      });
      return { unit: q.unit, core: q.core, sub: q.sub, entries };
    });
    const { op: _op, ...rest } = p;
    out.push({ ...rest, arrivals: [], events: plan.events, queues });
  }
  return { programs: out, stats, problems };
}

