// The happens-before graph of events-level queue programs (all ranks): one
// node per queue entry and one per declared event. Edges: each entry after
// its queue predecessor; each signal (or signal_remote) into its event; each
// event into its waits. Given balanced counts and FIFO flag channels (checked
// before this graph is trusted), a wait passes only after every signal of its
// event, so a path u -> v means u finishes before v starts in every run.
//
// "Does (queue q, position i) happen before node v?" is answered in batches:
// per source queue, one sweep over the topological order computes for every
// node the last position on q that reaches it (a column of the nodes' vector
// clocks), so a batch costs O(source queues * (nodes + edges)) time and
// O(nodes) memory, never a per-pair search.

export interface GraphEdges {
  readonly nodes: number;
  /** CSR: predecessors of v are preds[predStart[v] .. predStart[v+1]). */
  readonly predStart: Int32Array;
  readonly preds: Int32Array;
  /** Queue of each node (-1 for event nodes) and its position there. */
  readonly queueOf: Int32Array;
  readonly posOf: Int32Array;
}

/** Collects predecessor lists, then packs them (CSR). */
export class EdgeBuilder {
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  constructor(readonly nodes: number) {}
  add(u: number, v: number): void {
    this.from.push(u);
    this.to.push(v);
  }
  build(queueOf: Int32Array, posOf: Int32Array): GraphEdges {
    const predStart = new Int32Array(this.nodes + 1);
    for (const v of this.to) predStart[v + 1]++;
    for (let v = 0; v < this.nodes; v++) predStart[v + 1] += predStart[v]!;
    const fill = predStart.slice(0, this.nodes);
    const preds = new Int32Array(this.to.length);
    for (let k = 0; k < this.to.length; k++) preds[fill[this.to[k]!]!++] = this.from[k]!;
    return { nodes: this.nodes, predStart, preds, queueOf, posOf };
  }
}

/** Kahn's order; `order.length < nodes` when some nodes sit on or behind a cycle. O(nodes + edges). */
export function topologicalOrder(g: GraphEdges): Int32Array {
  const succStart = new Int32Array(g.nodes + 1);
  for (let k = 0; k < g.preds.length; k++) succStart[g.preds[k]! + 1]++;
  for (let v = 0; v < g.nodes; v++) succStart[v + 1] += succStart[v]!;
  const fill = succStart.slice(0, g.nodes);
  const succ = new Int32Array(g.preds.length);
  const indeg = new Int32Array(g.nodes);
  for (let v = 0; v < g.nodes; v++) {
    indeg[v] = g.predStart[v + 1]! - g.predStart[v]!;
    for (let k = g.predStart[v]!; k < g.predStart[v + 1]!; k++) succ[fill[g.preds[k]!]!++] = v;
  }
  const order = new Int32Array(g.nodes);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < g.nodes; v++) if (indeg[v] === 0) order[tail++] = v;
  while (head < tail) {
    const u = order[head++]!;
    for (let k = succStart[u]!; k < succStart[u + 1]!; k++) if (--indeg[succ[k]!] === 0) order[tail++] = succ[k]!;
  }
  return order.subarray(0, tail);
}

/**
 * A cycle among the nodes `order` left out, as nodes in edge direction,
 * starting at its smallest node. Walks predecessors that are also left out
 * (each has one), so O(nodes + edges).
 */
export function findCycle(g: GraphEdges, order: Int32Array): number[] {
  const done = new Uint8Array(g.nodes);
  for (const v of order) done[v] = 1;
  let v = done.indexOf(0);
  const seenAt = new Int32Array(g.nodes).fill(-1);
  const walk: number[] = [];
  while (seenAt[v] === -1) {
    seenAt[v] = walk.length;
    walk.push(v);
    let next = -1;
    for (let k = g.predStart[v]!; k < g.predStart[v + 1]! && next < 0; k++) if (!done[g.preds[k]!]) next = g.preds[k]!;
    v = next;
  }
  const cycle = walk.slice(seenAt[v]!).reverse();
  const start = cycle.indexOf(cycle.reduce((a, b) => Math.min(a, b)));
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/** One question: does position `pos` of queue `queue` happen before node `node`? */
export interface OrderQuery {
  readonly queue: number;
  readonly pos: number;
  readonly node: number;
}

/** Answers `queries` on an acyclic graph with topological `order`; answers in query order. */
export function happensBefore(g: GraphEdges, order: Int32Array, queries: readonly OrderQuery[]): boolean[] {
  const answers: boolean[] = new Array(queries.length).fill(false);
  const byQueue = new Map<number, number[]>();
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!;
    if (g.queueOf[q.node] === q.queue) answers[i] = q.pos < g.posOf[q.node]!;
    else {
      let list = byQueue.get(q.queue);
      if (!list) byQueue.set(q.queue, (list = []));
      list.push(i);
    }
  }
  const topo = new Int32Array(g.nodes);
  for (let i = 0; i < order.length; i++) topo[order[i]!] = i;
  const last = new Int32Array(g.nodes);
  for (const [queue, list] of [...byQueue].sort((a, b) => a[0] - b[0])) {
    last.fill(-1);
    // Nodes before the queue's first node in the order cannot be reached from it.
    let from = g.nodes;
    for (let v = 0; v < g.nodes; v++) if (g.queueOf[v] === queue && g.posOf[v] === 0) from = topo[v]!;
    for (let i = from; i < order.length; i++) {
      const v = order[i]!;
      let m = g.queueOf[v] === queue ? g.posOf[v]! : -1;
      for (let k = g.predStart[v]!; k < g.predStart[v + 1]!; k++) if (last[g.preds[k]!]! > m) m = last[g.preds[k]!]!;
      last[v] = m;
    }
    for (const i of list) answers[i] = last[queries[i]!.node]! >= queries[i]!.pos;
  }
  return answers;
}

/** The nodes of one rank: entries [entryLo, entryHi), events [eventLo, eventHi), queues [queueLo, queueHi). */
export interface RankSpan {
  readonly entryLo: number;
  readonly entryHi: number;
  readonly eventLo: number;
  readonly eventHi: number;
  readonly queueLo: number;
  readonly queueHi: number;
}

/**
 * Vector clocks of one rank's nodes over its own queues, through edges inside
 * the rank only: `at(v, q)` is the last position of queue q known finished
 * when node v runs (-1: none), a lower bound of the exact answer. O(nodes *
 * queues of the rank), so callers do one rank at a time.
 */
export class RankClocks {
  private readonly clock: Int32Array;
  private readonly width: number;

  /** `order`: a topological order of (at least) the rank's nodes. */
  constructor(g: GraphEdges, order: ArrayLike<number>, readonly span: RankSpan) {
    this.width = span.queueHi - span.queueLo;
    const w = this.width;
    this.clock = new Int32Array(((span.entryHi - span.entryLo) + (span.eventHi - span.eventLo)) * w).fill(-1);
    for (let i = 0; i < order.length; i++) {
      const v = order[i]!;
      const at = this.slot(v);
      if (at < 0) continue;
      for (let k = g.predStart[v]!; k < g.predStart[v + 1]!; k++) {
        const from = this.slot(g.preds[k]!);
        if (from < 0) continue;
        for (let j = 0; j < w; j++) if (this.clock[from + j]! > this.clock[at + j]!) this.clock[at + j] = this.clock[from + j]!;
      }
      const q = g.queueOf[v]!;
      if (q >= 0) this.clock[at + q - span.queueLo] = g.posOf[v]!;
    }
  }

  /** Offset of node v's clock, -1 outside the rank. */
  private slot(v: number): number {
    const s = this.span;
    if (v >= s.entryLo && v < s.entryHi) return (v - s.entryLo) * this.width;
    if (v >= s.eventLo && v < s.eventHi) return (s.entryHi - s.entryLo + v - s.eventLo) * this.width;
    return -1;
  }

  /** Last position of (global) queue q known finished at node v, through this rank's edges. */
  at(v: number, q: number): number {
    const slot = this.slot(v);
    return slot < 0 || q < this.span.queueLo || q >= this.span.queueHi ? -1 : this.clock[slot + q - this.span.queueLo]!;
  }
}
