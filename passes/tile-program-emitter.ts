// Emits the tasks of one tile program with their dependencies. Tile-exact
// mode: a task depends on exactly the ops whose written slices overlap its
// reads (found in a WriterIndex). Expert mode (the reference's events): the
// same producers, coarsened to one tile.join per (producer stage, expert).

import type { Value } from "../src/ir/value.js";
import type { Operation } from "../src/ir/operation.js";
import { Stage, Unit, type Slice } from "../dialects/tile-model.js";
import type { RowLayout } from "../src/layer/row-layout.js";
import { kGemm, kPut, type RoutingBlock, type TaskSpec, type TileBuilder } from "./tile-builder.js";
import { WriterIndex } from "./tile-writer-index.js";

export interface MoeToTileOptions {
  readonly gemmTiling: "mxn" | "per-core";
  readonly cubeCores: number;
  readonly gemmM: number;
  readonly gemmN: number;
  readonly swigluRows: number;
  readonly deps: "tile" | "expert";
}

/** Bytes per bf16 and f32 element. */
export const kBf16 = 2;
export const kF32 = 4;

/** [first, end) ranges of `size` cut every `step` from `first` (the last one shorter). */
export function ranges(first: number, end: number, step: number): [number, number][] {
  const out: [number, number][] = [];
  for (let a = first; a < end; a += step) out.push([a, Math.min(a + step, end)]);
  return out;
}

/**
 * One cube core's share of an N-column output for each of `cores` cores:
 * contiguous, 16-aligned column ranges (the last ones may be short or empty,
 * since the reference's 24 seats exist whatever N is).
 */
export function perCoreColumns(n: number, cores: number): [number, number][] {
  const share = Math.ceil(n / cores / 16) * 16;
  const out: [number, number][] = [];
  for (let c = 0; c < cores; c++) out.push([Math.min(c * share, n), Math.min((c + 1) * share, n)]);
  return out;
}

/** A row slice `[rows, 0:cols]` of a 2-D buffer. */
export function rowSlice(buffer: string, first: number, rows: number, cols: number, col0 = 0): Slice {
  return { buffer, offsets: [first, col0], sizes: [rows, cols] };
}

export class TileProgramEmitter {
  private readonly writers = new WriterIndex<Value>();
  /** Producer group ("stage:expert") of each token, for expert-mode joins. */
  private readonly groupOf = new Map<Value, string>();
  private readonly groups = new Map<string, Value[]>();
  private readonly joins = new Map<string, Value>();
  /** Every token made, in order (the terminator waits for those nobody uses). */
  readonly tokens: Value[] = [];
  readonly localExperts: number;

  constructor(
    readonly tb: TileBuilder,
    readonly layout: RowLayout,
    readonly rank: number,
    readonly options: MoeToTileOptions,
  ) {
    this.localExperts = layout.localExperts;
  }

  /** The producers `reads` depend on: tile-exact writers, or their (stage, expert) joins. */
  depsFor(reads: readonly Slice[]): Value[] {
    const writers = this.writers.writersOf(reads);
    if (this.options.deps === "tile") return writers;
    const out: Value[] = [];
    const seen = new Set<string>();
    for (const w of writers) {
      const key = this.groupOf.get(w)!;
      if (seen.has(key)) continue;
      seen.add(key);
      let j = this.joins.get(key);
      if (!j) this.joins.set(key, (j = this.tb.join(this.groups.get(key)!).results[0]!));
      out.push(j);
    }
    return out;
  }

  /** Records `op`'s token as a writer of `writes` in producer group `group`. */
  record(op: Operation, group: string, writes: readonly Slice[]): Value {
    const token = op.results[0]!;
    for (const w of writes) this.writers.add(w, token);
    this.groupOf.set(token, group);
    let list = this.groups.get(group);
    if (!list) this.groups.set(group, (list = []));
    list.push(token);
    this.tokens.push(token);
    return token;
  }

  /** A task after the producers of its reads, recorded in group (stage, expert). */
  task(name: string, spec: TaskSpec, expert: number): Value {
    const op = this.tb.task(name, spec, this.depsFor(spec.reads));
    return this.record(op, `${spec.stage}:${expert}`, spec.writes);
  }

  /** `[src, expert, first]` for a worst-case row tile [a, b) of local expert d when it lies in one (source, expert) block. */
  validRows(d: number, a: number, b: number): [number, number, number] | undefined {
    if (!this.layout.worstCase) return undefined;
    const T = this.layout.shape.tokensPerRank;
    const f = this.layout.recvOffset(this.rank, d, 0);
    const s = Math.floor((a - f) / T);
    if (Math.floor((b - 1 - f) / T) !== s) return undefined;
    return [s, this.rank * this.localExperts + d, a - f - s * T];
  }

  /**
   * An activation GEMM of local expert d: out[rows, n] = lhs[rows, 0:k] x w[d]
   * (w[d] is k x n, or n x k with transposeRhs). Per-core: cube-cores tasks,
   * each all of the expert's rows and one core's column share; mxn: gemm-m x
   * gemm-n output tiles. Nothing for an expert with no rows.
   */
  activationGemm(stage: Stage, d: number, g: { lhs: string; k: number; weight: string; out: string; n: number; transposeRhs?: boolean }): void {
    const [f, l] = this.layout.expertRows(this.rank, d);
    if (l === f) return;
    const perCore = this.options.gemmTiling === "per-core";
    const rowTiles = perCore ? [[f, l] as [number, number]] : ranges(f, l, this.options.gemmM);
    const colTiles = perCore ? perCoreColumns(g.n, this.options.cubeCores) : ranges(0, g.n, this.options.gemmN);
    const expert = this.rank * this.localExperts + d;
    for (const [a, b] of rowTiles)
      for (const [n0, n1] of colTiles) {
        const m = b - a;
        const n = n1 - n0;
        const w: Slice = g.transposeRhs ? { buffer: g.weight, offsets: [d, n0, 0], sizes: [1, n, g.k] } : { buffer: g.weight, offsets: [d, 0, n0], sizes: [1, g.k, n] };
        const validRows = perCore ? undefined : this.validRows(d, a, b);
        this.task(
          kGemm,
          {
            unit: Unit.aic,
            stage,
            reads: [rowSlice(g.lhs, a, m, g.k), w],
            writes: [rowSlice(g.out, a, m, n, n0)],
            flops: 2 * m * g.k * n,
            bytes: (m * g.k + g.k * n + m * n) * kBf16,
            ...(validRows ? { validRows } : {}),
            ...(g.transposeRhs ? { transposeRhs: true } : {}),
          },
          expert,
        );
      }
  }

  /**
   * A weight-gradient GEMM of local expert d: out[d] (kd x n, f32) = x^T dy
   * over all of the expert's rows. Per-core: cube-cores tasks, each the whole
   * kd and one core's column share of n; mxn: gemm-m x gemm-n tiles of the
   * kd x n output. Emitted even for an expert with no rows (its gradient is 0).
   */
  weightGradGemm(stage: Stage, d: number, g: { x: string; kd: number; dy: string; n: number; out: string }): void {
    const [f, l] = this.layout.expertRows(this.rank, d);
    const m = l - f;
    const perCore = this.options.gemmTiling === "per-core";
    const kTiles = perCore ? [[0, g.kd] as [number, number]] : ranges(0, g.kd, this.options.gemmM);
    const nTiles = perCore ? perCoreColumns(g.n, this.options.cubeCores) : ranges(0, g.n, this.options.gemmN);
    const expert = this.rank * this.localExperts + d;
    for (const [k0, k1] of kTiles)
      for (const [n0, n1] of nTiles) {
        const k = k1 - k0;
        const n = n1 - n0;
        this.task(
          kGemm,
          {
            unit: Unit.aic,
            stage,
            reads: [rowSlice(g.x, f, m, k, k0), rowSlice(g.dy, f, m, n, n0)],
            writes: [{ buffer: g.out, offsets: [d, k0, n0], sizes: [1, k, n] }],
            flops: 2 * m * k * n,
            bytes: (m * k + m * n) * kBf16 + k * n * kF32,
            transposeLhs: true,
          },
          expert,
        );
      }
  }

  /** Row tiles of swiglu-rows rows over local expert d's rows; `slices` gives each tile's reads and writes. */
  rowTiles(stage: Stage, d: number, name: string, make: (a: number, m: number) => { reads: Slice[]; writes: Slice[]; flops: number; bytes: number }): void {
    const [f, l] = this.layout.expertRows(this.rank, d);
    const expert = this.rank * this.localExperts + d;
    for (const [a, b] of ranges(f, l, this.options.swigluRows)) {
      const validRows = this.validRows(d, a, b);
      this.task(name, { unit: Unit.aiv, stage, ...make(a, b - a), ...(validRows ? { validRows } : {}) }, expert);
    }
  }

  /**
   * The routed-row blocks of one exchange, as whole-block puts and arrivals
   * (comm-tiling splits them). `toExperts` (dispatch, combine_grad): this rank
   * sends its send-layout rows of each remote expert to that expert's rank and
   * receives dispatch-layout rows for its own experts. Otherwise (combine,
   * dispatch_grad): the way back. Empty blocks are not emitted; signals are
   * placeholders until assignSignals.
   */
  exchange(stage: Stage, toExperts: boolean, from: string, to: string, cols: number): void {
    const worst = this.layout.worstCase;
    for (const b of this.blocks(/*sending=*/ true, toExperts)) {
      const read = rowSlice(from, toExperts ? b.sendRow : b.recvRow, b.rows, cols);
      const write = rowSlice(to, toExperts ? b.recvRow : b.sendRow, b.rows, cols);
      const op = this.tb.task(
        kPut,
        {
          unit: Unit.aiv,
          stage,
          reads: [read],
          writes: [write],
          flops: 0,
          bytes: b.rows * cols * kBf16,
          put: { peer: b.peer, signal: 0, bytesSent: b.rows * cols * kBf16 },
          ...(worst ? { validRows: [b.src, b.expert, 0] as [number, number, number] } : {}),
        },
        this.depsFor([read]),
      );
      this.tb.markBlock(op, b);
      this.tokens.push(op.results[0]!);
    }
    for (const b of this.blocks(/*sending=*/ false, toExperts)) {
      const landed = rowSlice(to, toExperts ? b.recvRow : b.sendRow, b.rows, cols);
      const op = this.tb.arrival(b.peer, 0, landed);
      this.tb.markBlock(op, b);
      this.record(op, `arrival${stage}:${b.expert}`, [landed]);
    }
  }

  /**
   * The non-empty routing blocks this rank sends (or receives) in one
   * exchange, peer-major then local expert: their source rank, global expert,
   * rows and first rows in the send and dispatch layouts. A block goes from
   * its source rank to its expert's rank toward the experts, and back otherwise.
   */
  private blocks(sending: boolean, toExperts: boolean): (RoutingBlock & { peer: number; rows: number; sendRow: number; recvRow: number })[] {
    const L = this.layout;
    const e = this.localExperts;
    const out = [];
    for (let peer = 0; peer < L.shape.ep; peer++)
      for (let d = 0; d < e; d++) {
        const [src, expertRank] = sending === toExperts ? [this.rank, peer] : [peer, this.rank];
        const expert = expertRank * e + d;
        const rows = L.capacity(src, expert);
        if (rows === 0) continue;
        out.push({ peer, src, expert, local: d, rows, sendRow: L.sendOffset(src, expert), recvRow: L.recvOffset(expertRank, d, src) });
      }
    return out;
  }

  /** The terminator, after every token nothing else waits for. */
  terminate(): void {
    this.tb.terminate(this.tokens.filter((t) => !t.hasUses));
  }
}
