// comm-tiling: splits the whole-block puts and arrivals of moe-to-tile into
// token tiles of tile-rows rows, re-links every consumer tile-exactly (a task
// waits for the arrivals whose rows it reads; a join or the terminator for
// all of them), orders each stage's put tiles (natural, ratr or cost) and
// numbers signals so both sides of every transfer agree.
//
// Modes: known routing gives compact blocks, so no tile is empty (empty-tile
// elimination); in the static worst case every (source, expert) block has T
// rows, split into T/tile-rows tiles whose `valid_rows = [src, expert, first]`
// tells the run time how many rows really move (from @counts).
//
// dedup=true (known routing only) sends each token of the first exchange
// (dispatch, combine_grad) to a peer rank once and gathers it into the
// dispatch layout there (tile-dedup-dispatch.ts); it reports the bytes saved.

import { intAttrValue } from "../src/ir/int-attr.js";
import type { Block } from "../src/ir/block.js";
import { Severity } from "../src/ir/diagnostics.js";
import type { Operation } from "../src/ir/operation.js";
import type { Value } from "../src/ir/value.js";
import { slicesOverlap, type Slice, type Stage, type Unit } from "../dialects/tile-model.js";
import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";
import { blockOf, kArrival, kProgram, kProgramGatherRowsAttr, kProgramUniqueCountsAttr, kPut, kTerminate, readsOf, TileBuilder, validRowsOf, writesOf, type RoutingBlock } from "./tile-builder.js";
import { orderPutTiles, type CommOrder, type PutTile } from "./tile-comm-order.js";
import { ranges } from "./tile-program-emitter.js";
import { dedupFirstExchange, type DedupSummary } from "./tile-dedup-dispatch.js";
import { assignSignals } from "./tile-signals.js";
import { shiftRows, type SplitBlock } from "./tile-split-block.js";
import { WriterIndex } from "./tile-writer-index.js";

export class CommTilingPass extends Pass {
  readonly argument = "comm-tiling";
  readonly name = "CommTiling";
  readonly summary = "Split dispatch/combine blocks into per-peer token tiles, order them and re-link consumers tile-exactly";
  override readonly options = new PassOptions({
    tileRows: option("tile-rows", "int", 128, "Token rows per communication tile"),
    order: option("order", "enum", "natural", "Put tile order: natural (destination-major), ratr (expert-major, rank-rotated peers) or cost (expert-major, largest block first)", ["natural", "ratr", "cost"]),
    mode: option("mode", "enum", "auto", "Routing: known (compact blocks, no empty tiles), worst-case (T rows per block, run-time counts) or auto (what moe-to-tile produced)", ["auto", "known", "worst-case"]),
    dedup: option("dedup", "bool", false, "Send a token to a peer once even when several of its experts live there"),
  });
  private readonly numPutTiles = this.statistic("num-put-tiles", "Put tiles generated");
  private readonly numArrivalTiles = this.statistic("num-arrival-tiles", "Arrival tiles generated");
  private readonly numGatherTiles = this.statistic("num-gather-tiles", "Gather tiles generated (dedup)");
  private readonly dedupBytesWithout = this.statistic("dedup-bytes-without", "Bytes the deduplicated exchanges would send without dedup");
  private readonly dedupBytesSent = this.statistic("dedup-bytes-sent", "Bytes the deduplicated exchanges send");
  private readonly dedupBytesSaved = this.statistic("dedup-bytes-saved", "Bytes saved by dedup");

  runOnOperation(): void {
    const top = this.getOperation();
    const o = this.options.values;
    if (o.tileRows <= 0) {
      top.emitError(`comm-tiling: tile-rows must be positive, got ${o.tileRows}`);
      return this.signalPassFailure();
    }
    const programs: Operation[] = [];
    for (const region of top.regions) for (let b = region.entryBlock; b; b = b.next) for (let op = b.first; op; op = op.next) if (op.name.name === kProgram) programs.push(op);
    if (top.name.name === kProgram) programs.push(top);
    let changed = false;
    for (const program of programs) {
      const body = program.regions[0]?.entryBlock;
      if (!body) continue;
      const r = this.tileProgram(program, body);
      if (r === undefined) return this.signalPassFailure();
      changed ||= r;
    }
    if (!changed) this.markAllAnalysesPreserved();
  }

  /** Splits one program's blocks; false when it had none, undefined after an error. */
  private tileProgram(program: Operation, body: Block): boolean | undefined {
    const o = this.options.values;
    const rank = intAttrValue(program.getAttr("rank")) ?? 0;
    const ep = intAttrValue(program.getAttr("ep")) ?? 1;
    const blocks: Operation[] = [];
    for (let op = body.first; op; op = op.next) if ((op.name.name === kPut || op.name.name === kArrival) && blockOf(op)) blocks.push(op);
    if (blocks.length === 0) return false;
    // moe-to-tile marks worst-case blocks' puts with valid_rows (the run-time counts decide what moves).
    const firstPut = blocks.find((op) => op.name.name === kPut);
    const worst = firstPut !== undefined && validRowsOf(firstPut) !== undefined;
    if (o.mode !== "auto" && (o.mode === "worst-case") !== worst) {
      program.emitOpError(
        o.mode === "known"
          ? "comm-tiling mode=known needs routing counts, but this program was lowered for the static worst case (its moe ops carried no 'counts')"
          : "comm-tiling mode=worst-case needs a worst-case program, but this one was lowered with known routing counts (drop 'counts' from the moe ops, as --preset=reference does)",
      );
      return undefined;
    }
    const split = new Map<Value, SplitBlock>();
    if (o.dedup) {
      const summary = dedupFirstExchange(program, body, blocks, split, { tileRows: o.tileRows, order: o.order as CommOrder });
      if (typeof summary === "string") {
        program.emitOpError(`comm-tiling ${summary}`);
        return undefined;
      }
      this.report(program, summary);
    }
    program.removeAttr(kProgramUniqueCountsAttr);
    program.removeAttr(kProgramGatherRowsAttr);
    const tb = new TileBuilder(program.context);
    // Put tiles per stage, in first-seen stage order, with the stage's last block put.
    const stages = new Map<number, { anchor: Operation; tiles: PutTile[] }>();
    for (const op of blocks) {
      if (split.has(op.results[0]!)) continue; // deduplicated above
      const block = blockOf(op)!;
      const landed = writesOf(op)[0]!;
      const rows = landed.sizes[0] ?? 0;
      tb.builder.loc = op.loc;
      tb.builder.setInsertionPoint(op);
      const starts = ranges(0, rows, o.tileRows).map(([a]) => a);
      const tiles = op.name.name === kPut ? this.splitPut(tb, op, block, starts, rows, stages) : this.splitArrival(tb, op, block, landed, starts, rows);
      split.set(op.results[0]!, { op, landed, tiles, starts, rows });
    }
    this.relinkUsers(split);
    sinkUnusedTiles(body, split);
    for (const { anchor, tiles } of stages.values()) {
      orderPutTiles(tiles, o.order as CommOrder, rank, ep);
      for (const t of tiles) t.op.moveBefore(anchor);
    }
    for (const s of split.values()) s.op.erase();
    assignSignals(body);
    return true;
  }

  /** Statistics and a remark with the bytes deduplication saved on `program`. */
  private report(program: Operation, d: DedupSummary): void {
    this.numPutTiles.value += d.numPutTiles;
    this.numArrivalTiles.value += d.numArrivalTiles;
    this.numGatherTiles.value += d.numGatherTiles;
    this.dedupBytesWithout.value += d.bytesWithout;
    this.dedupBytesSent.value += d.bytesWith;
    this.dedupBytesSaved.value += d.bytesWithout - d.bytesWith;
    // At the location only: the op printed with it would be half rewritten.
    program.context.diagnostics.emit(Severity.Remark, program.loc, `comm-tiling dedup: the first exchange sends ${d.bytesWith} bytes instead of ${d.bytesWithout} (${d.bytesWithout - d.bytesWith} saved)`);
  }

  private splitPut(tb: TileBuilder, op: Operation, block: RoutingBlock, starts: number[], rows: number, stages: Map<number, { anchor: Operation; tiles: PutTile[] }>): Value[] {
    const read = readsOf(op)[0]!;
    const landed = writesOf(op)[0]!;
    const stage = intAttrValue(op.getAttr("stage"))!;
    const peer = intAttrValue(op.getAttr("peer"))!;
    const first = validRowsOf(op)?.[2];
    const rowBytes = rows > 0 ? (intAttrValue(op.getAttr("bytes")) ?? 0) / rows : 0;
    const rowSent = rows > 0 ? (intAttrValue(op.getAttr("bytes_sent")) ?? 0) / rows : 0;
    // The block's producers, so each tile keeps only those that wrote its rows.
    const deps = op.getOperands();
    const producers = new WriterIndex<Value>();
    const always: Value[] = [];
    for (const d of deps) {
      const def = d.definingOp;
      const w = def ? writesOf(def) : [];
      if (w.length === 0) always.push(d);
      else for (const s of w) producers.add(s, d);
    }
    // Tiles go before the stage's last block put: every op the stage's tiles depend on (a join
    // made for a later block, say) is above it, so any order keeps dominance.
    let entry = stages.get(stage);
    if (!entry) stages.set(stage, (entry = { anchor: op, tiles: [] }));
    entry.anchor = op;
    const out: Value[] = [];
    for (const a of starts) {
      const m = Math.min(this.options.values.tileRows, rows - a);
      const tileRead = shiftRows(read, a, m);
      const kept = new Set([...always, ...producers.writersOf([tileRead])]);
      const tile = tb.task(
        kPut,
        {
          unit: intAttrValue(op.getAttr("unit")) as Unit,
          stage: stage as Stage,
          reads: [tileRead],
          writes: [shiftRows(landed, a, m)],
          flops: 0,
          bytes: rowBytes * m,
          put: { peer, signal: 0, bytesSent: rowSent * m },
          ...(first !== undefined ? { validRows: [block.src, block.expert, first + a] as [number, number, number] } : {}),
        },
        deps.filter((d) => kept.has(d)),
      );
      tb.markBlock(tile, block);
      entry.tiles.push({ op: tile, peer, local: block.local, row: (first ?? 0) + a, blockRows: rows });
      out.push(tile.results[0]!);
    }
    this.numPutTiles.value += out.length;
    return out;
  }

  private splitArrival(tb: TileBuilder, op: Operation, block: RoutingBlock, landed: Slice, starts: number[], rows: number): Value[] {
    const peer = intAttrValue(op.getAttr("peer"))!;
    const out: Value[] = [];
    for (const a of starts) {
      const m = Math.min(this.options.values.tileRows, rows - a);
      const tile = tb.arrival(peer, 0, shiftRows(landed, a, m));
      tb.markBlock(tile, block);
      out.push(tile.results[0]!);
    }
    this.numArrivalTiles.value += out.length;
    return out;
  }

  /**
   * Points every user of a split block at its tiles: a task at the tiles
   * whose rows it reads (found by row arithmetic, then checked exactly), any
   * other op (join, terminator, put) at all of them.
   */
  private relinkUsers(split: Map<Value, SplitBlock>): void {
    const users = new Set<Operation>();
    for (const v of split.keys()) for (const u of v.uses()) users.add(u.owner);
    const tileRows = this.options.values.tileRows;
    for (const user of users) {
      const reads = user.getAttr("unit") !== undefined && user.name.name !== kPut ? readsOf(user) : [];
      const operands: Value[] = [];
      const seen = new Set<Value>();
      const add = (v: Value) => {
        if (!seen.has(v)) {
          seen.add(v);
          operands.push(v);
        }
      };
      for (const v of user.getOperands()) {
        const s = split.get(v);
        if (!s) add(v);
        else if (reads.length === 0) s.tiles.forEach(add);
        else
          for (const r of reads) {
            if (r.buffer !== s.landed.buffer) continue;
            const base = s.landed.offsets[0] ?? 0;
            const lo = Math.max(0, Math.floor(((r.offsets[0] ?? 0) - base) / tileRows));
            const hi = Math.min(s.tiles.length, Math.ceil(((r.offsets[0] ?? 0) + (r.sizes[0] ?? 0) - base) / tileRows));
            for (let j = lo; j < hi; j++) {
              const m = Math.min(tileRows, s.rows - s.starts[j]!);
              if (slicesOverlap(shiftRows(s.landed, s.starts[j]!, m), r)) add(s.tiles[j]!);
            }
          }
      }
      user.setOperands(operands);
    }
  }
}

/** Makes tiles nobody waits for sinks of the program's terminator (every token must be used). */
function sinkUnusedTiles(body: Block, split: Map<Value, SplitBlock>): void {
  const unused: Value[] = [];
  for (const s of split.values()) for (const t of s.tiles) if (!t.hasUses) unused.push(t);
  const term = body.last;
  if (unused.length > 0 && term?.name.name === kTerminate) term.setOperands([...term.getOperands(), ...unused]);
}
