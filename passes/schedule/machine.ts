// The cores a schedule places tasks on and what a dependency costs between
// them. Per rank: `aic` cube cores, then `aic * aivPerAic` vector cores; vector
// core j belongs to AI Core floor(j / aivPerAic), whose cube core is AIC
// floor(j / aivPerAic). Core ids are global: rank * coresPerRank + local.

import type { CostModel } from "../../src/target/cost-model.js";
import { CoreType } from "./task-graph.js";

export interface Machine {
  readonly ranks: number;
  readonly aic: number;
  readonly aivPerAic: number;
  /** us from a producer's end to a consumer's start inside one AI Core (hardware cross-core flag). */
  readonly crossCoreFlag: number;
  /** us through a GM counter between cores of one rank (DMA atomic add, then a poll sees it). */
  readonly gmCounter: number;
  /** Egress bytes per us of one rank's links (puts share it). */
  readonly injectionBytesPerUs: number;
}

/** The machine of `ranks` devices of the model's profile. */
export function machineOf(model: CostModel, ranks: number): Machine {
  const p = model.profile;
  return {
    ranks,
    aic: p.cores.aic.value,
    aivPerAic: p.cores.aiv_per_aic.value,
    crossCoreFlag: p.latencies.cross_core_flag.value,
    gmCounter: p.latencies.dma_atomic.value + p.latencies.poll.value,
    injectionBytesPerUs: p.links.injection_bandwidth.value * 1e3,
  };
}

export function coresPerRank(m: Machine): number {
  return m.aic * (1 + m.aivPerAic);
}
/** First local core id of a type, and how many there are per rank. */
export function coreRange(m: Machine, type: CoreType): [first: number, count: number] {
  return type === CoreType.aic ? [0, m.aic] : [m.aic, m.aic * m.aivPerAic];
}
/** The AI Core (cube core index) a local core belongs to. */
export function aiCoreOf(m: Machine, local: number): number {
  return local < m.aic ? local : Math.floor((local - m.aic) / m.aivPerAic);
}

/**
 * Delay between a producer ending on global core `from` and a consumer
 * starting on global core `to` (-1 = an event with no core: arrivals, joins).
 * Cross-rank latency is part of a put's own duration.
 */
export function syncDelay(m: Machine, from: number, to: number): number {
  if (to < 0) return 0;
  if (from === to) return 0;
  if (from < 0) return m.gmCounter;
  const per = coresPerRank(m);
  if (Math.floor(from / per) !== Math.floor(to / per)) return m.gmCounter;
  return aiCoreOf(m, from % per) === aiCoreOf(m, to % per) ? m.crossCoreFlag : m.gmCounter;
}

/**
 * The least `syncDelay` a dependency between tasks of these types and ranks
 * can cost wherever the two are placed: an event's consumer always polls
 * (GM counter); tasks of two core types sit on two cores, at best of one AI
 * Core; tasks of one type may share a core.
 */
export function leastSyncDelay(m: Machine, fromType: CoreType, fromRank: number, toType: CoreType, toRank: number): number {
  if (toType === CoreType.none) return 0;
  if (fromType === CoreType.none || fromRank !== toRank) return m.gmCounter;
  return fromType === toType ? 0 : Math.min(m.crossCoreFlag, m.gmCounter);
}

/**
 * When every rank's egress link and ingress free. A put's bytes hold its
 * rank's egress link, then its destination's ingress, each for its link time
 * and one put at a time; the fabric holds bytes between the two, so a busy
 * ingress delays the put but not its sender's link. The ingress takes bytes in
 * the order they leave their links: a runner of queues books `depart` when a
 * put starts and `enter` at the departure time, in time order with the other
 * ranks' departures, so a put queued behind its own link cannot take a
 * destination ahead of bytes already on the way.
 */
export class Ports {
  readonly egressFree: Float64Array;
  readonly ingressFree: Float64Array;

  constructor(ranks: number) {
    this.egressFree = new Float64Array(ranks);
    this.ingressFree = new Float64Array(ranks);
  }

  /**
   * Books rank `from`'s egress link for a put of `linkTime` started at `start`
   * (its bytes also wait for `notBefore`, another link on the way); returns
   * when the bytes leave.
   */
  depart(from: number, start: number, linkTime: number, notBefore = 0): number {
    const out = Math.max(start, notBefore, this.egressFree[from]!);
    this.egressFree[from] = out + linkTime;
    return out;
  }

  /** Books rank `to`'s ingress for bytes that left their link at `out`; returns when they pass it. */
  enter(to: number, out: number, linkTime: number): number {
    const into = Math.max(out, this.ingressFree[to]!);
    this.ingressFree[to] = into + linkTime;
    return into;
  }

  /**
   * Both at once, for a planner that places each put at the ingress as it
   * starts it (the time-driven scheduler starts puts only on a free link, so
   * their bytes leave at `start`): returns when they pass the ingress. The put
   * ends its duration after that, its core waiting with it.
   */
  book(from: number, to: number, start: number, linkTime: number): number {
    return this.enter(to, this.depart(from, start, linkTime), linkTime);
  }
}
