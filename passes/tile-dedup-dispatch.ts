// Deduplicated dispatch for comm-tiling{dedup=true} (docs/moe-tile.md,
// "Deduplicated dispatch"): the first exchange of a program (forward
// dispatch, backward combine_grad) sends each token to a peer rank once,
// and the expert rank gathers the received tokens into the dispatch layout.
//
// Replaces the exchange's whole-block puts and arrivals (one per source and
// expert) by
//   - token put tiles: @xtok (input, token send layout) -> peer's @xrecv
//     (symmetric, token receive layout), tile-rows tokens each;
//   - token arrival tiles on @xrecv;
//   - gather tiles (aiv): tile-rows rows of one (local expert, source) block
//     of the dispatch layout, each after the arrival tiles holding its tokens;
//     in the backward they also read @prow (input, f32: p of each row) and
//     scale, so the rows equal bf16(p * dout) as moe.combine_grad makes them.
// Consumers of the old arrivals are re-linked to the gathers by the caller
// (SplitBlock), exactly as to arrival tiles.

import { intAttrValue } from "../src/ir/int-attr.js";
import { intArrayAttr } from "../src/ir/dense-int-array.js";
import { FloatType, MemRefType } from "../src/ir/builtin-types.js";
import type { Block } from "../src/ir/block.js";
import type { Operation } from "../src/ir/operation.js";
import type { Value } from "../src/ir/value.js";
import { DedupLayout } from "../src/layer/dedup-layout.js";
import { decodeDedupTables } from "../dialects/moe-dedup.js";
import { BufferKind, Stage, Unit, type Slice } from "../dialects/tile-model.js";
import { blockOf, kArrival, kBuffer, kDedupBytesAttr, kGather, kProgramGatherRowsAttr, kProgramUniqueCountsAttr, kPut, readsOf, TileBuilder, validRowsOf, writesOf } from "./tile-builder.js";
import { orderPutTiles, type CommOrder, type PutTile } from "./tile-comm-order.js";
import { kBf16, kF32, ranges, rowSlice } from "./tile-program-emitter.js";
import type { SplitBlock } from "./tile-split-block.js";

/** What one program's deduplication did. */
export interface DedupSummary {
  /** Payload bytes the exchange's puts sent before (per (token, expert) row) and after (per (token, peer)). */
  readonly bytesWithout: number;
  readonly bytesWith: number;
  readonly numPutTiles: number;
  readonly numArrivalTiles: number;
  readonly numGatherTiles: number;
}

/** The first exchange's stage by direction, and the buffers its tokens move through. */
const kExchanges = [
  { stage: Stage.dispatch, tokens: "xtok", received: "xrecv", scales: undefined },
  { stage: Stage.combine_grad, tokens: "dtok", received: "drecv", scales: "prow" },
] as const;

export interface DedupOptions {
  readonly tileRows: number;
  readonly order: CommOrder;
}

/**
 * Deduplicates the first exchange of `program` (rank `rank` of `ep`), whose
 * block ops are among `blocks`. Adds a SplitBlock per replaced block op to
 * `split` (the caller re-links users and erases them) and returns the
 * summary, or a message when the program cannot be deduplicated (static
 * worst case, no tables). O(rows of the exchange + tiles).
 */
export function dedupFirstExchange(program: Operation, body: Block, blocks: readonly Operation[], split: Map<Value, SplitBlock>, o: DedupOptions): DedupSummary | string {
  const rank = intAttrValue(program.getAttr("rank")) ?? 0;
  const ep = intAttrValue(program.getAttr("ep")) ?? 1;
  const puts = blocks.filter((op) => op.name.name === kPut && kExchanges.some((x) => x.stage === intAttrValue(op.getAttr("stage"))));
  const first = puts[0];
  if (!first) return "dedup=true found no dispatch or combine_grad puts to deduplicate";
  if (validRowsOf(first) !== undefined)
    return "dedup=true needs known routing: in the static worst case which tokens share a peer is run-time data, and tile.gather's rows are static (lower with 'counts')";
  const tables = decodeDedupTables(program.getAttr(kProgramUniqueCountsAttr), program.getAttr(kProgramGatherRowsAttr));
  if (!tables || tables.unique.length !== ep * ep)
    return "dedup=true needs the moe senders' dedup tables ('unique_counts', 'gather_rows'): build the moe module with dedup (hpmoe compile --dedup)";
  const x = kExchanges.find((k) => k.stage === intAttrValue(first.getAttr("stage")))!;
  const sendBuffer = readsOf(first)[0]!.buffer;
  const landedBuffer = writesOf(first)[0]!.buffer;
  const cols = writesOf(first)[0]!.sizes[1] ?? 0;
  const arrivals = blocks.filter((op) => op.name.name === kArrival && writesOf(op)[0]!.buffer === landedBuffer);
  const L = new DedupLayout(ep, tables.unique);
  let maxRecv = 0;
  for (let p = 0; p < ep; p++) maxRecv = Math.max(maxRecv, L.recvRows(p));

  // Payload bytes per element, from the moe-to-tile puts (the dispatch dtype's size).
  let bytesWithout = 0;
  let elementsWithout = 0;
  for (const op of puts) {
    bytesWithout += intAttrValue(op.getAttr("bytes_sent")) ?? 0;
    elementsWithout += (writesOf(op)[0]!.sizes[0] ?? 0) * cols;
  }
  const sentPerElement = elementsWithout > 0 ? bytesWithout / elementsWithout : kBf16;

  for (const op of arrivals) {
    const { src } = blockOf(op)!;
    const landed = writesOf(op)[0]!;
    const base = landed.offsets[0] ?? 0;
    const end = base + (landed.sizes[0] ?? 0);
    // Gather tiles read one run of tokens: rows in range and ascending within the block.
    const limit = L.tokens(src, rank);
    if (end > tables.gatherRows.length || tables.gatherRows.subarray(base, end).some((v, i, a) => v < 0 || v >= limit || (i > 0 && v < a[i - 1]!)))
      return `dedup=true found dedup tables that do not fit the program's dispatch layout (rows ${base}..${end} from rank ${src})`;
  }
  const sendOp = bufferOp(body, sendBuffer);
  if (!sendOp) return `dedup=true needs the program's @${sendBuffer} buffer`;

  const tb = new TileBuilder(program.context);
  tb.builder.loc = first.loc;
  replaceBuffers(tb, sendOp, x, { sendRows: L.sendRows(rank), maxRecv, rows: tables.gatherRows.length, cols });

  // New ops go before the exchange's first block op: above every consumer.
  const exchangeOps = new Set<Operation>([...puts, ...arrivals]);
  let at: Operation | null = body.first;
  while (at && !exchangeOps.has(at)) at = at.next;
  tb.builder.setInsertionPoint(at!);

  const putTiles: PutTile[] = [];
  let bytesWith = 0;
  for (let p = 0; p < ep; p++) {
    const n = L.tokens(rank, p);
    for (const [a, b] of ranges(0, n, o.tileRows)) {
      const m = b - a;
      const sent = m * cols * sentPerElement;
      bytesWith += sent;
      const op = tb.task(
        kPut,
        {
          unit: Unit.aiv,
          stage: x.stage,
          reads: [rowSlice(x.tokens, L.sendOffset(rank, p) + a, m, cols)],
          writes: [rowSlice(x.received, L.recvOffset(p, rank) + a, m, cols)],
          flops: 0,
          bytes: m * cols * kBf16,
          put: { peer: p, signal: 0, bytesSent: sent },
        },
        [],
      );
      putTiles.push({ op, peer: p, local: 0, row: a, blockRows: n });
    }
  }
  orderPutTiles(putTiles, o.order, rank, ep);
  for (const t of putTiles) t.op.moveBefore(at!);
  const putTokens = putTiles.map((t) => t.op.results[0]!);
  puts.forEach((op, i) => split.set(op.results[0]!, { op, landed: writesOf(op)[0]!, tiles: i === 0 ? putTokens : [], starts: [], rows: 0 }));

  // Arrival tiles per source, tile-rows tokens each, in the order of their rows.
  const arrivalTiles: Value[][] = [];
  let numArrivalTiles = 0;
  for (let s = 0; s < ep; s++) {
    const tiles: Value[] = [];
    for (const [a, b] of ranges(0, L.tokens(s, rank), o.tileRows)) tiles.push(tb.arrival(s, 0, rowSlice(x.received, L.recvOffset(rank, s) + a, b - a, cols)).results[0]!);
    arrivalTiles.push(tiles);
    numArrivalTiles += tiles.length;
  }

  // Gather tiles per old arrival block (one source, one local expert).
  let numGatherTiles = 0;
  for (const op of arrivals) {
    const s = blockOf(op)!.src;
    const landed = writesOf(op)[0]!;
    const rows = landed.sizes[0] ?? 0;
    const base = landed.offsets[0] ?? 0;
    const tiles: Value[] = [];
    const starts: number[] = [];
    for (const [a, b] of ranges(0, rows, o.tileRows)) {
      const m = b - a;
      // Gather rows ascend within a block (tokens in order), so the tile reads one run of tokens.
      const pick = Array.from(tables.gatherRows.subarray(base + a, base + b));
      const lo = pick[0]!;
      const hi = pick[m - 1]! + 1;
      const reads: Slice[] = [rowSlice(x.received, L.recvOffset(rank, s) + lo, hi - lo, cols)];
      if (x.scales) reads.push(rowSlice(x.scales, base + a, m, 1));
      const deps = arrivalTiles[s]!.slice(Math.floor(lo / o.tileRows), Math.ceil(hi / o.tileRows));
      const gather = tb.task(
        kGather,
        {
          unit: Unit.aiv,
          stage: Stage.gather,
          reads,
          writes: [rowSlice(landed.buffer, base + a, m, cols)],
          flops: 0,
          // The rows it copies, not the whole read run (docs/moe-tile.md, cost inputs).
          bytes: 2 * m * cols * kBf16 + (x.scales ? m * kF32 : 0),
          rows: pick.map((r) => r - lo),
        },
        deps,
      );
      tiles.push(gather.results[0]!);
      starts.push(a);
    }
    numGatherTiles += tiles.length;
    split.set(op.results[0]!, { op, landed, tiles, starts, rows });
  }
  program.setAttr(kDedupBytesAttr, intArrayAttr(program.context, 64, [bytesWithout, bytesWith]));
  return { bytesWithout, bytesWith, numPutTiles: putTiles.length, numArrivalTiles, numGatherTiles };
}

/**
 * Swaps the exchange's send-layout input buffer for the token buffers: the
 * token send layout (input, `sendRows` rows), the token receive layout
 * (symmetric, `maxRecv` rows, the same on every rank) and, in the backward,
 * the f32 scales (input, one per dispatch-layout row of the rank).
 */
function replaceBuffers(tb: TileBuilder, old: Operation, x: (typeof kExchanges)[number], n: { sendRows: number; maxRecv: number; rows: number; cols: number }): void {
  const type = (old.getAttr("type") as { value?: unknown }).value as MemRefType;
  tb.builder.setInsertionPoint(old);
  tb.buffer(x.tokens, [n.sendRows, n.cols], type.elementType, BufferKind.input);
  tb.buffer(x.received, [n.maxRecv, n.cols], type.elementType, BufferKind.symmetric);
  if (x.scales) tb.buffer(x.scales, [n.rows, 1], FloatType.get(tb.context, "f32"), BufferKind.input);
  old.erase();
}

/** The `tile.buffer` op named `name` with a memref type, or undefined. O(ops before it). */
function bufferOp(body: Block, name: string): Operation | undefined {
  for (let op = body.first; op; op = op.next)
    if (op.name.name === kBuffer && bufferName(op) === name && (op.getAttr("type") as { value?: unknown } | undefined)?.value instanceof MemRefType) return op;
  return undefined;
}

function bufferName(op: Operation): string | undefined {
  const v = (op.getAttr("sym_name") as { value?: unknown } | undefined)?.value;
  return typeof v === "string" ? v : undefined;
}
