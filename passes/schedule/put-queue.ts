// The ready puts of one rank for the time-driven scheduler. A put needs its
// rank's egress link and its destination's ingress free; the most urgent put
// whose destination can take bytes now goes first, and a destination busy
// with another rank's put does not hold up puts to other ranks. One heap per
// destination, and a heap of destinations keyed by their most urgent put
// (stale entries are dropped as they surface), so taking a put costs
// O(log n) plus the busy destinations passed over, at most one per rank;
// looking at the next one without taking it costs the same.

import { MinHeap } from "./task-graph.js";

export class PutQueue {
  size = 0;
  /** After `take` returned -1: the earliest time a destination it passed over frees (Infinity if none). */
  nextFree = Infinity;
  private readonly perPeer: MinHeap[];
  private readonly peers: MinHeap;
  /** Whether a destination has a live entry in `peers`, and that entry's key. */
  private readonly queued: Uint8Array;
  private readonly queuedKey: Float64Array;
  private readonly passed: number[] = [];

  /** `counts[d]`: how many puts to destination d this queue will ever hold (heap capacities). */
  constructor(counts: Int32Array) {
    this.perPeer = Array.from(counts, (c) => new MinHeap(c));
    this.peers = new MinHeap(2 * counts.length);
    this.queued = new Uint8Array(counts.length);
    this.queuedKey = new Float64Array(counts.length);
  }

  push(put: number, peer: number, key: number): void {
    this.perPeer[peer]!.push(put, key);
    this.size++;
    this.requeue(peer);
  }

  /** Removes and returns the most urgent put whose destination's ingress is free at `t`, or -1. */
  take(t: number, ingressFree: Float64Array): number {
    return this.find(t, ingressFree, true);
  }

  /** The key of the put `take` would return (Infinity if none), leaving it in the queue. */
  peekKey(t: number, ingressFree: Float64Array): number {
    const d = this.find(t, ingressFree, false);
    return d < 0 ? Infinity : this.queuedKey[d]!;
  }

  /** With `remove`, the put taken (or -1); without, the destination whose put is next (or -1). */
  private find(t: number, ingressFree: Float64Array, remove: boolean): number {
    this.nextFree = Infinity;
    let found = -1;
    while (this.peers.size > 0) {
      const key = this.peers.peekKey();
      const d = this.peers.pop();
      if (!this.queued[d] || key !== this.queuedKey[d]) continue;
      this.queued[d] = 0;
      if (ingressFree[d]! > t) {
        this.passed.push(d);
        this.nextFree = Math.min(this.nextFree, ingressFree[d]!);
        continue;
      }
      if (remove) {
        found = this.perPeer[d]!.pop();
        this.size--;
      } else found = d;
      this.requeue(d);
      break;
    }
    for (const d of this.passed) this.requeue(d);
    this.passed.length = 0;
    return found;
  }

  /** Enters destination d under its most urgent put's key, unless it is already in under a smaller one. */
  private requeue(d: number): void {
    const heap = this.perPeer[d]!;
    if (heap.size === 0) return;
    const key = heap.peekKey();
    if (this.queued[d] && this.queuedKey[d]! <= key) return;
    this.queued[d] = 1;
    this.queuedKey[d] = key;
    this.peers.push(d, key);
  }
}
