// The deduplication tables a moe sender (moe.dispatch, moe.combine_grad) may
// carry when routing is known at compile time, so the tile lowering can send
// each token to a peer rank once (comm-tiling{dedup=true}):
//
//   unique_counts: tensor<ep x ep x i32>, [s][p] = tokens of source rank s
//                  with at least one top-k expert on rank p;
//   gather_rows:   tensor<N x i32>, one entry per row of this rank's compact
//                  dispatch layout (N rows): the index of the row's token
//                  among the tokens its source sends to this rank.
//
// Both need `counts`. Their layouts are src/layer/dedup-layout.ts's.

import type { Attribute } from "../src/ir/attribute.js";
import { DenseIntOrFPElementsAttr } from "../src/ir/builtin-attributes.js";
import { IntegerType, RankedTensorType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { RowLayout } from "../src/layer/row-layout.js";
import { countsAttr, readCounts, readSenderAttrs } from "./moe-model.js";

export const kUniqueCountsAttr = "unique_counts";
export const kGatherRowsAttr = "gather_rows";

/** The decoded tables of a sender. */
export interface DedupTables {
  /** ep*ep, unique[s*ep + p]. */
  readonly unique: Int32Array;
  /** The gather row of each compact dispatch-layout row of the sender's rank. */
  readonly gatherRows: Int32Array;
}

/** `unique_counts` as an attribute (a splat when all equal, like `counts`). */
export function uniqueCountsAttr(ctx: Context, ep: number, unique: Int32Array): DenseIntOrFPElementsAttr {
  return countsAttr(ctx, ep, ep, unique);
}

/** `gather_rows` as a dense `tensor<N x i32>`. O(N). */
export function gatherRowsAttr(ctx: Context, rows: Int32Array): DenseIntOrFPElementsAttr {
  const type = RankedTensorType.get(ctx, [rows.length], IntegerType.get(ctx, 32));
  return DenseIntOrFPElementsAttr.get(ctx, type, new Uint8Array(rows.buffer.slice(rows.byteOffset, rows.byteOffset + rows.byteLength)), false);
}

/** A dense 1-D i32 attribute's entries (a splat expanded), or undefined. O(N). */
function readI32Vector(a: Attribute | undefined): Int32Array | undefined {
  if (!(a instanceof DenseIntOrFPElementsAttr)) return undefined;
  const type = a.type;
  const el = type.elementType;
  if (!(type instanceof RankedTensorType) || type.shape.length !== 1 || !(el instanceof IntegerType) || el.width !== 32) return undefined;
  const n = type.shape[0]!;
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getInt32(a.isSplat ? 0 : i * 4, true);
  return out;
}

/** Whether `op` carries either table. */
export function hasDedupTables(op: Operation): boolean {
  return op.getAttr(kUniqueCountsAttr) !== undefined || op.getAttr(kGatherRowsAttr) !== undefined;
}

/** The tables of `op`, or undefined when absent or malformed (the verifier says which). */
export function readDedupTables(op: Operation): DedupTables | undefined {
  return decodeDedupTables(op.getAttr(kUniqueCountsAttr), op.getAttr(kGatherRowsAttr));
}

/** The tables from their two attributes (wherever they are kept), or undefined when absent or malformed. */
export function decodeDedupTables(uniqueCounts: Attribute | undefined, rows: Attribute | undefined): DedupTables | undefined {
  const unique = readCounts(uniqueCounts);
  const gatherRows = readI32Vector(rows);
  return unique && unique.rows === unique.cols && gatherRows ? { unique: unique.values, gatherRows } : undefined;
}

/**
 * The sender checks of the tables: both or neither, with `counts`;
 * unique_counts ep x ep in [0, T]; gather_rows one entry per dispatch-layout
 * row of the rank, each block (local expert, source) non-decreasing and below
 * the tokens that source sends here. O(ep^2 + N).
 */
export function verifyDedupTables(op: Operation, tokensPerRank: number): LogicalResult {
  if (!hasDedupTables(op)) return success();
  const attrs = readSenderAttrs(op)!;
  const { ep, experts: E, rank } = attrs;
  const counts = readCounts(attrs.counts);
  if (!counts) return op.emitOpError(`'${kUniqueCountsAttr}' and '${kGatherRowsAttr}' need 'counts' (deduplication needs known routing)`);
  const tables = readDedupTables(op);
  const unique = readCounts(op.getAttr(kUniqueCountsAttr));
  if (!unique || unique.rows !== ep || unique.cols !== ep) return op.emitOpError(`'${kUniqueCountsAttr}' must be a dense tensor<${ep}x${ep}xi32> (ep x ep) attribute`);
  if (!tables) return op.emitOpError(`'${kGatherRowsAttr}' must be a dense 1-D i32 tensor attribute`);
  const bad = tables.unique.findIndex((u) => u < 0 || u > tokensPerRank);
  if (bad >= 0) return op.emitOpError(`${kUniqueCountsAttr}[${Math.floor(bad / ep)}][${bad % ep}] (${tables.unique[bad]}) must be in [0, ${tokensPerRank}] (tokens per rank)`);
  const layout = new RowLayout({ ep, experts: E, topK: 1, tokensPerRank }, counts.values);
  if (tables.gatherRows.length !== layout.recvRows(rank))
    return op.emitOpError(`'${kGatherRowsAttr}' has ${tables.gatherRows.length} entries, but rank ${rank} receives ${layout.recvRows(rank)} rows`);
  const e = E / ep;
  for (let d = 0; d < e; d++)
    for (let s = 0; s < ep; s++) {
      const first = layout.recvOffset(rank, d, s);
      const end = first + layout.capacity(s, rank * e + d);
      const limit = tables.unique[s * ep + rank]!;
      for (let i = first; i < end; i++) {
        const v = tables.gatherRows[i]!;
        if (v < 0 || v >= limit || (i > first && v < tables.gatherRows[i - 1]!))
          return op.emitOpError(`${kGatherRowsAttr}[${i}] (${v}) must be in [0, ${limit}) (the tokens rank ${s} sends here) and not below the previous row of its block`);
      }
    }
  return success();
}
