// What one tile task costs on its core, from the cost model: the one place
// the scheduler's task graphs (from-tile.ts) and the simulator
// (src/runtime/sim) charge tasks, so their times always agree.
//
// Programs lowered for the static worst case (they read a `@counts` buffer)
// move and compute only the rows the run-time counts make valid: given the
// routing, puts are charged for their valid rows and compute tasks on the
// dispatch layout for the valid rows of the (expert, source) regions they
// cover (T rows each, docs/moe-tile.md).

import type { CostModel } from "../../src/target/cost-model.js";
import type { TaskKind } from "../../dialects/tile-build.js";
import type { Slice } from "../../dialects/tile-model.js";

/** The routing the run will see, for programs lowered without it (static worst case). */
export interface RunTimeCounts {
  /** ep*E: counts[s*E + g]. */
  readonly counts: Int32Array;
  readonly experts: number;
  readonly tokensPerRank: number;
}

/** The fields of a tile task (tile-build's TaskView, or a queue entry's spec) the cost depends on. */
export interface CostedTask {
  readonly kind: TaskKind;
  readonly reads: readonly Slice[];
  readonly writes: readonly Slice[];
  readonly bytes?: number;
  readonly peer?: number;
  readonly bytesSent?: number;
  readonly validRows?: readonly [number, number, number];
  readonly transposeLhs?: boolean;
}

/** Where a task runs and which counts apply. */
export interface CostContext {
  readonly rank: number;
  readonly ep: number;
  readonly runTime?: RunTimeCounts;
  /** The program reads a `@counts` buffer: its compute tasks cover worst-case rows. */
  readonly worstCase: boolean;
}

export interface TaskCost {
  /** us on its core, alone on the link. */
  readonly duration: number;
  /** Bytes sent to another rank (0 for compute and for puts to the own rank). */
  readonly bytesSent: number;
  /** Destination rank of a put to another rank, else -1. */
  readonly peer: number;
}

/** Element count of a slice's last two dims as (rows, cols). */
function lastTwo(sizes: readonly number[]): [number, number] {
  return [sizes[sizes.length - 2] ?? 1, sizes[sizes.length - 1] ?? 1];
}

const elementsOf = (slices: readonly Slice[]): number => slices.reduce((acc, s) => acc + s.sizes.reduce((x, y) => x * y, 1), 0);

/** Valid rows among dispatch-layout rows [first, first + rows) of `rank` in the worst-case layout. */
function validDispatchRows(c: RunTimeCounts, ep: number, rank: number, first: number, rows: number): number {
  const T = c.tokensPerRank;
  const e = c.experts / ep;
  let valid = 0;
  for (let q = Math.floor(first / T); q * T < first + rows; q++) {
    const d = Math.floor(q / ep);
    const src = q % ep;
    if (d >= e) break;
    const count = c.counts[src * c.experts + rank * e + d]!;
    valid += Math.max(0, Math.min(first + rows, q * T + count) - Math.max(first, q * T));
  }
  return valid;
}

/** Microseconds of one compute task on its core; `rowScale` = valid / worst-case rows of its row dimension. */
function computeMicros(model: CostModel, t: CostedTask, rowScale: number): number {
  if (t.kind === "gemm") {
    const [a, b] = lastTwo(t.reads[0]!.sizes);
    const [, n] = lastTwo(t.writes[0]!.sizes);
    const [m, k] = t.transposeLhs ? [b, a * rowScale] : [a * rowScale, b];
    return model.gemmMicros(Math.ceil(m), n, Math.ceil(k));
  }
  const elements = rowScale * elementsOf(t.writes);
  // SwiGLU and its gradient: about 10 vector flops per output element (exp, reciprocal, products).
  const flops = t.kind === "swiglu" || t.kind === "swiglu_grad" ? 10 * elements : 0;
  const bytes = (t.bytes ?? 0) > 0 ? t.bytes! * rowScale : 2 * (elements + rowScale * elementsOf(t.reads));
  return model.vectorMicros(flops, bytes);
}

/** Bytes a put moves: its payload, cut to the valid rows of a worst-case tile. */
function putBytes(t: CostedTask, runTime: RunTimeCounts | undefined): number {
  const bytes = (t.bytesSent ?? 0) > 0 ? t.bytesSent! : t.bytes ?? 0;
  if (!runTime || !t.validRows) return bytes;
  const [src, g, first] = t.validRows;
  const rows = t.writes[0]!.sizes[0]!;
  return (bytes * Math.max(0, Math.min(rows, runTime.counts[src * runTime.experts + g]! - first))) / rows;
}

/** The cost of tile task `t` of the program described by `at`. */
export function taskCostOf(model: CostModel, t: CostedTask, at: CostContext): TaskCost {
  if (t.kind === "put") {
    const peer = t.peer ?? at.rank;
    const bytes = putBytes(t, at.runTime);
    const remote = peer !== at.rank;
    return { duration: model.putMicros(bytes, at.rank, peer), bytesSent: remote ? bytes : 0, peer: remote ? peer : -1 };
  }
  const rows = t.reads[0]?.sizes[0] ?? 0;
  const scale = at.runTime && at.worstCase && rows > 0 ? validDispatchRows(at.runTime, at.ep, at.rank, t.reads[0]!.offsets[0]!, rows) / rows : 1;
  return { duration: computeMicros(model, t, scale), bytesSent: 0, peer: -1 };
}
