// The scheduling problem as dense arrays: typed tasks with durations, the
// rank they run on, and precedence edges in CSR form. Built once from tile
// IR (or by hand in tests); every scheduler and bound reads it.

/** Which kind of core runs a task; `none` marks zero-time events (arrivals, joins). */
export const CoreType = { aic: 0, aiv: 1, none: 2 } as const;
export type CoreType = (typeof CoreType)[keyof typeof CoreType];

export interface TaskSpec {
  readonly type: CoreType;
  readonly rank: number;
  /** Microseconds on a core of its type. */
  readonly duration: number;
  /** Bytes this task sends to another rank (puts), for link bounds. */
  readonly bytesSent?: number;
  /** Destination rank of a put. */
  readonly peer?: number;
  /** Of `duration`, the us the rank's egress link carries this task's bytes (puts). */
  readonly linkTime?: number;
  /** The moe stage the task comes from (the serialized baseline runs stage by stage). */
  readonly stage?: number;
}

export class TaskGraph {
  readonly n: number;
  readonly type: Uint8Array;
  readonly rank: Int32Array;
  readonly duration: Float64Array;
  readonly bytesSent: Float64Array;
  readonly peer: Int32Array;
  readonly linkTime: Float64Array;
  readonly stage: Int32Array;
  /** Successors of i: succ[succStart[i] .. succStart[i+1]). */
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  /** A topological order (Kahn, smallest index first among ready tasks: deterministic). */
  readonly topo: Int32Array;

  /**
   * Throws when an edge names a missing task or the edges form a cycle.
   * Large graphs come as columns (TaskColumns, EdgeColumns): no object per task or edge.
   */
  constructor(tasks: readonly TaskSpec[] | TaskColumns, edges: ReadonlyArray<readonly [number, number]> | EdgeColumns) {
    const c = Array.isArray(tasks) ? columnsOf(tasks as readonly TaskSpec[]) : (tasks as TaskColumns);
    const n = (this.n = c.type.length);
    this.type = c.type;
    this.rank = c.rank;
    this.duration = c.duration;
    this.bytesSent = c.bytesSent;
    this.peer = c.peer;
    this.linkTime = c.linkTime;
    this.stage = c.stage;
    for (let i = 0; i < n; i++) {
      if (this.type[i] === CoreType.none) this.duration[i] = 0;
      this.linkTime[i] = Math.min(this.linkTime[i]!, this.duration[i]!);
    }
    const { from, to } = Array.isArray(edges) ? edgeColumnsOf(edges as ReadonlyArray<readonly [number, number]>) : (edges as EdgeColumns);
    const m = from.length;
    const outDeg = new Int32Array(n + 1);
    const inDeg = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      const a = from[k]!;
      const b = to[k]!;
      if (!(a >= 0 && a < n && b >= 0 && b < n)) throw new Error(`edge ${a} -> ${b} names a task outside [0, ${n})`);
      outDeg[a]!++;
      inDeg[b]!++;
    }
    this.succStart = prefix(outDeg);
    this.predStart = prefix(inDeg);
    this.succ = new Int32Array(m);
    this.pred = new Int32Array(m);
    const so = this.succStart.slice(0, n);
    const po = this.predStart.slice(0, n);
    for (let k = 0; k < m; k++) {
      const a = from[k]!;
      const b = to[k]!;
      this.succ[so[a]!++] = b;
      this.pred[po[b]!++] = a;
    }
    this.topo = topologicalOrder(this);
  }

  *successors(i: number): IterableIterator<number> {
    for (let e = this.succStart[i]!; e < this.succStart[i + 1]!; e++) yield this.succ[e]!;
  }
  *predecessors(i: number): IterableIterator<number> {
    for (let e = this.predStart[i]!; e < this.predStart[i + 1]!; e++) yield this.pred[e]!;
  }
  get ranks(): number {
    let r = 0;
    for (let i = 0; i < this.n; i++) r = Math.max(r, this.rank[i]! + 1);
    return r;
  }
}

/** Tasks as one typed array per field (TaskSpec's fields; peer -1 = none). The graph takes them over. */
export type TaskColumns = Pick<TaskGraph, "type" | "rank" | "duration" | "bytesSent" | "peer" | "linkTime" | "stage">;

/** Edge k runs from[k] -> to[k]. */
export interface EdgeColumns {
  readonly from: Int32Array;
  readonly to: Int32Array;
}

function columnsOf(tasks: readonly TaskSpec[]): TaskColumns {
  const n = tasks.length;
  const c = { type: new Uint8Array(n), rank: new Int32Array(n), duration: new Float64Array(n), bytesSent: new Float64Array(n), peer: new Int32Array(n).fill(-1), linkTime: new Float64Array(n), stage: new Int32Array(n) };
  tasks.forEach((t, i) => {
    c.type[i] = t.type;
    c.rank[i] = t.rank;
    c.duration[i] = t.duration;
    c.bytesSent[i] = t.bytesSent ?? 0;
    c.peer[i] = t.peer ?? -1;
    c.linkTime[i] = t.linkTime ?? 0;
    c.stage[i] = t.stage ?? 0;
  });
  return c;
}

function edgeColumnsOf(edges: ReadonlyArray<readonly [number, number]>): EdgeColumns {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  edges.forEach(([a, b], k) => {
    from[k] = a;
    to[k] = b;
  });
  return { from, to };
}

function prefix(counts: Int32Array): Int32Array {
  const out = new Int32Array(counts.length);
  let s = 0;
  for (let i = 0; i < counts.length; i++) {
    out[i] = s;
    s += counts[i]!;
  }
  return out;
}

/** Kahn's algorithm with a binary heap of ready tasks, smallest index first. O((n + e) log n). */
function topologicalOrder(g: TaskGraph): Int32Array {
  const indeg = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) indeg[i] = g.predStart[i + 1]! - g.predStart[i]!;
  const heap = new MinHeap(g.n);
  for (let i = 0; i < g.n; i++) if (indeg[i] === 0) heap.push(i, i);
  const order = new Int32Array(g.n);
  let k = 0;
  while (heap.size) {
    const i = heap.pop();
    order[k++] = i;
    for (let e = g.succStart[i]!; e < g.succStart[i + 1]!; e++) {
      const j = g.succ[e]!;
      if (--indeg[j]! === 0) heap.push(j, j);
    }
  }
  if (k !== g.n) {
    const stuck: number[] = [];
    for (let i = 0; i < g.n && stuck.length < 5; i++) if (indeg[i]! > 0) stuck.push(i);
    throw new Error(`the task graph has a cycle through tasks ${stuck.join(", ")}${g.n - k > 5 ? ", ..." : ""}`);
  }
  return order;
}

/** A binary min-heap of task ids keyed by a number; ties go to the smaller id. */
export class MinHeap {
  private ids: Int32Array;
  private keys: Float64Array;
  size = 0;
  /** `capacity` is a hint: the heap doubles when a push finds it full. */
  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(1, capacity));
    this.keys = new Float64Array(Math.max(1, capacity));
  }
  private less(a: number, b: number): boolean {
    const ka = this.keys[a]!;
    const kb = this.keys[b]!;
    return ka < kb || (ka === kb && this.ids[a]! < this.ids[b]!);
  }
  private swap(a: number, b: number): void {
    const i = this.ids[a]!;
    this.ids[a] = this.ids[b]!;
    this.ids[b] = i;
    const k = this.keys[a]!;
    this.keys[a] = this.keys[b]!;
    this.keys[b] = k;
  }
  push(id: number, key: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(2 * this.size);
      const keys = new Float64Array(2 * this.size);
      ids.set(this.ids);
      keys.set(this.keys);
      this.ids = ids;
      this.keys = keys;
    }
    let i = this.size++;
    this.ids[i] = id;
    this.keys[i] = key;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  /** The smallest id and its key; call only when size > 0. */
  peek(): number {
    return this.ids[0]!;
  }
  peekKey(): number {
    return this.keys[0]!;
  }
  pop(): number {
    const top = this.ids[0]!;
    this.size--;
    if (this.size > 0) {
      this.ids[0] = this.ids[this.size]!;
      this.keys[0] = this.keys[this.size]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.size && this.less(l, m)) m = l;
        if (r < this.size && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
