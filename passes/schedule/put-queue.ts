// The ready puts of one rank for the time-driven scheduler. A put needs its
// rank's egress link and its destination's ingress free; the most urgent put
// whose destination can take bytes now goes first, and a destination busy
// with another rank's put does not hold up puts to other ranks.
//
// One heap per destination, a heap of open destinations keyed by their most
// urgent put, and a heap of busy ("parked") destinations keyed by when their
// ingress frees. A destination found busy is parked until then, so it is not
// passed over again at every look; one found free again is reopened. Stale
// heap entries are dropped as they surface. Taking or peeking at a put costs
// O(log n) plus O(log ranks) per destination parked or reopened, and a
// destination is parked at most once per put booked into it.

import { MinHeap } from "./task-graph.js";

export class PutQueue {
  size = 0;
  private readonly perPeer: MinHeap[];
  /** Open destinations by their most urgent put's key. */
  private readonly open: MinHeap;
  /** Busy destinations by the time their ingress was to free when they were parked (one entry each). */
  private readonly parked: MinHeap;
  /** 0 not entered, 1 in `open` under `openKey`, 2 in `parked` (its one entry there). */
  private readonly state: Uint8Array;
  private readonly openKey: Float64Array;

  /** `counts[d]`: how many puts to destination d this queue will ever hold (heap capacities). */
  constructor(counts: Int32Array) {
    this.perPeer = Array.from(counts, (c) => new MinHeap(c));
    this.open = new MinHeap(2 * counts.length);
    this.parked = new MinHeap(2 * counts.length);
    this.state = new Uint8Array(counts.length);
    this.openKey = new Float64Array(counts.length);
  }

  /** The earliest time a parked destination's ingress frees (Infinity if none): when to look again. */
  get nextFree(): number {
    return this.parked.size > 0 ? this.parked.peekKey() : Infinity;
  }

  push(put: number, peer: number, key: number): void {
    this.perPeer[peer]!.push(put, key);
    this.size++;
    if (this.state[peer] !== 2) this.reopen(peer);
  }

  /** Removes and returns the most urgent put whose destination's ingress is free at `t`, or -1. */
  take(t: number, ingressFree: Float64Array): number {
    const d = this.next(t, ingressFree);
    if (d < 0) return -1;
    this.state[d] = 0;
    this.open.pop();
    const put = this.perPeer[d]!.pop();
    this.size--;
    this.reopen(d);
    return put;
  }

  /** The key of the put `take` would return (Infinity if none), leaving it in the queue. */
  peekKey(t: number, ingressFree: Float64Array): number {
    const d = this.next(t, ingressFree);
    return d < 0 ? Infinity : this.openKey[d]!;
  }

  /** The open destination whose put goes next (at the top of `open`), after parking busy ones; -1 if none. */
  private next(t: number, ingressFree: Float64Array): number {
    // Reopen destinations whose ingress was to free by now (a later booking may have moved it: checked below).
    while (this.parked.size > 0 && this.parked.peekKey() <= t) {
      const d = this.parked.pop();
      this.state[d] = 0;
      this.reopen(d);
    }
    while (this.open.size > 0) {
      const d = this.open.peek();
      if (this.state[d] !== 1 || this.open.peekKey() !== this.openKey[d]) {
        this.open.pop();
        continue;
      }
      if (ingressFree[d]! <= t) return d;
      this.open.pop();
      this.state[d] = 2;
      this.parked.push(d, ingressFree[d]!);
    }
    return -1;
  }

  /** Enters destination d in `open` under its most urgent put's key, unless it is there under a smaller one. */
  private reopen(d: number): void {
    const heap = this.perPeer[d]!;
    if (heap.size === 0) return;
    const key = heap.peekKey();
    if (this.state[d] === 1 && this.openKey[d]! <= key) return;
    this.state[d] = 1;
    this.openKey[d] = key;
    this.open.push(d, key);
  }
}
