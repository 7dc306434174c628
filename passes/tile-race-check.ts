// tile-race-check: every read of a slice must come after every other task
// that writes an overlapping slice of the same buffer on the same rank (puts
// write their peer's buffer), through token deps and put->arrival links.
//
// No all-pairs: writes are indexed per (program family, rank, buffer) and
// sorted by their first row, with a running maximum of row ends, so a read
// only visits writes whose row range can meet its own. A writer W ordered
// before reader R means a path W -> R; every node on such a path sits after W
// in a topological order, so the check is a backward search from R that
// never enters nodes placed before the earliest writer it still needs, one
// search per reader (visit marks are stamps, so nothing is cleared). Tile-
// exact deps keep these searches short; the worst case is the reader's
// ancestor cone.

import type { Operation } from "../src/ir/operation.js";
import { Pass } from "../src/pass/pass.js";
import { formatSlice, slicesOverlap, type Slice } from "../dialects/tile-model.js";
import { familyOf, TileGraph, type TileNode } from "./tile-graph.js";
import { reportGraphProblems } from "./tile-stats.js";

/** A write of one slice by node `node`, landing on `rank`. */
interface Write {
  readonly node: number;
  readonly slice: Slice;
  readonly start: number;
  readonly end: number;
}

/** The writes of one buffer on one rank, sorted by first row, with the running maximum of row ends. */
interface WriteIndex {
  readonly writes: Write[];
  maxEnd: Float64Array;
}

/** A read not ordered after an overlapping write. */
export interface Race {
  readonly reader: TileNode;
  readonly read: Slice;
  readonly writer: TileNode;
  readonly write: Slice;
}

const rowRange = (s: Slice): [number, number] => (s.offsets.length ? [s.offsets[0]!, s.offsets[0]! + s.sizes[0]!] : [0, 1]);

/** Where a node's writes land: puts write the peer's buffer; matched arrivals repeat their put's write. */
function writeRank(g: TileGraph, n: TileNode): number | undefined {
  if (n.kind === "put") return n.peer;
  if (n.kind === "arrival") return g.putOf(n.index) ? undefined : n.rank;
  if (n.kind === "join" || n.kind === "terminate") return undefined;
  return n.rank;
}

/** Every race in `g` (which must be acyclic), readers in IR order. O(nodes + edges + overlaps) plus the searches. */
export function findRaces(g: TileGraph): Race[] {
  const index = new Map<string, WriteIndex>();
  const keyOf = (fam: string, rank: number, buffer: string) => `${fam}\0${rank}\0${buffer}`;
  for (const n of g.nodes) {
    const rank = writeRank(g, n);
    if (rank === undefined) continue;
    for (const slice of n.writes) {
      const k = keyOf(familyOf(n.program), rank, slice.buffer);
      let w = index.get(k);
      if (!w) index.set(k, (w = { writes: [], maxEnd: new Float64Array(0) }));
      const [start, end] = rowRange(slice);
      w.writes.push({ node: n.index, slice, start, end });
    }
  }
  for (const w of index.values()) {
    w.writes.sort((a, b) => a.start - b.start || a.node - b.node);
    w.maxEnd = new Float64Array(w.writes.length);
    let m = -Infinity;
    for (let i = 0; i < w.writes.length; i++) w.maxEnd[i] = m = Math.max(m, w.writes[i]!.end);
  }

  const { order } = g.topologicalOrder();
  const pos = new Int32Array(g.nodes.length);
  for (let i = 0; i < order.length; i++) pos[order[i]!] = i;
  const stamp = new Int32Array(g.nodes.length);
  let search = 0;
  const races: Race[] = [];
  for (const reader of g.nodes) {
    if (reader.kind === "arrival" || reader.kind === "join" || reader.kind === "terminate") continue;
    const needed: { writer: number; read: Slice; write: Slice }[] = [];
    for (const read of reader.reads) {
      const w = index.get(keyOf(familyOf(reader.program), reader.rank, read.buffer));
      if (!w) continue;
      const [start, end] = rowRange(read);
      // Last write starting before `end`, then back while some earlier write can still reach `start`.
      const hi = upperBound(w.writes, end);
      for (let i = hi - 1; i >= 0 && w.maxEnd[i]! > start; i--) {
        const cand = w.writes[i]!;
        if (cand.node !== reader.index && cand.end > start && slicesOverlap(read, cand.slice)) needed.push({ writer: cand.node, read, write: cand.slice });
      }
    }
    if (!needed.length) continue;
    const reached = ancestorsDownTo(g, reader.index, Math.min(...needed.map((n) => pos[n.writer]!)), pos, stamp, ++search);
    const seen = new Set<number>();
    for (const n of needed) {
      if (stamp[n.writer] === reached || seen.has(n.writer)) continue;
      seen.add(n.writer);
      races.push({ reader, read: n.read, writer: g.nodes[n.writer]!, write: n.write });
    }
  }
  return races;
}

/** First index whose write starts at or after `row`. */
function upperBound(writes: readonly Write[], row: number): number {
  let lo = 0;
  let hi = writes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (writes[mid]!.start < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Marks with `mark` every ancestor of `from` whose topological position is at
 * least `floor`; returns `mark`.
 */
function ancestorsDownTo(g: TileGraph, from: number, floor: number, pos: Int32Array, stamp: Int32Array, mark: number): number {
  const stack = [from];
  while (stack.length) {
    const i = stack.pop()!;
    g.graph.forEachInNeighbor(String(i), (key) => {
      const p = Number(key);
      if (stamp[p] === mark || pos[p]! < floor) return;
      stamp[p] = mark;
      stack.push(p);
    });
  }
  return mark;
}

export class TileRaceCheckPass extends Pass {
  readonly argument = "tile-race-check";
  readonly name = "TileRaceCheck";
  readonly summary = "Check that every read of a tile slice depends on every overlapping write";
  private readonly numRaces = this.statistic("num-races", "Reads not ordered after an overlapping write");

  runOnOperation(): void {
    const root: Operation = this.getOperation();
    const g = new TileGraph(root);
    if (!reportGraphProblems(g)) return this.signalPassFailure();
    const races = findRaces(g);
    for (const r of races) {
      const where = r.writer.rank === r.reader.rank ? "" : ` on rank ${r.writer.rank}`;
      r.reader.op
        .emitOpError(`reads ${formatSlice(r.read)} without depending on '${r.writer.op.name.name}'${where}, which writes ${formatSlice(r.write)}`)
        .attachNote("the writer", r.writer.op.loc);
    }
    this.numRaces.value += races.length;
    if (races.length) return this.signalPassFailure();
    this.markAllAnalysesPreserved();
  }
}
