// What the moe dialect's routing attributes mean, as plain data: the
// `experts`, `ep`, `rank` and optional `counts` of the ops that send rows
// (moe.dispatch, moe.combine_grad), and the op that made a `!moe.route`.
// The verifier, the import, moe-verify-config and the lowering read and build
// them through these helpers, never by raw attribute layout.

import { readI64 as readI64Bits } from "../src/ir/int-attr.js";
import type { Attribute } from "../src/ir/attribute.js";
import { DenseIntOrFPElementsAttr, IntegerAttr } from "../src/ir/builtin-attributes.js";
import { IntegerType, OpaqueType, RankedTensorType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import type { Operation } from "../src/ir/operation.js";
import { OpResult, type Value } from "../src/ir/value.js";

/** The discardable attribute giving the EP rank of a moe function (`moe.rank = 3 : i64` on its func.func). */
export const kMoeRankAttr = "moe.rank";

/** Ops whose second result is a `!moe.route` and that carry the routing attributes. */
export const kRouteSenderOps: readonly string[] = ["moe.dispatch", "moe.combine_grad"];

/** The routing attributes of a sender op, as numbers. */
export interface SenderAttrs {
  readonly experts: number;
  readonly ep: number;
  readonly rank: number;
  /** The `counts` attribute, when present (read it with `readCounts`). */
  readonly counts: Attribute | undefined;
}

/** A dense `tensor<R x C x i32>` attribute's entries, row-major. */
export interface CountsMatrix {
  readonly rows: number;
  readonly cols: number;
  /** Shared by every reader of the attribute: read-only. */
  readonly values: Int32Array;
}

/** `!moe.route`: the row layout of one dispatch (kept opaque, as dialects/moe.yaml declares it). */
export function routeType(ctx: Context): OpaqueType {
  return OpaqueType.get(ctx, "moe", "route");
}

/** The value of an `i64` integer attribute, or undefined for anything else (or beyond 2^53). */
export function readI64(a: Attribute | undefined): number | undefined {
  const v = readI64Bits(a);
  return v !== undefined && Number.isSafeInteger(v) ? v : undefined;
}

/** `value` as an `i64` attribute. */
export function i64Attr(ctx: Context, value: number): IntegerAttr {
  return IntegerAttr.getFromSafeInteger(ctx, IntegerType.get(ctx, 64), value);
}

/**
 * The routing attributes of `op` (a registered sender op that verified its
 * attribute constraints), or undefined when one of `experts`, `ep`, `rank`
 * is missing or not an i64.
 */
export function readSenderAttrs(op: Operation): SenderAttrs | undefined {
  const experts = readI64(op.getAttr("experts"));
  const ep = readI64(op.getAttr("ep"));
  const rank = readI64(op.getAttr("rank"));
  if (experts === undefined || ep === undefined || rank === undefined) return undefined;
  return { experts, ep, rank, counts: op.getAttr("counts") };
}

/**
 * The `counts` attribute: `dense<...> : tensor<ep x E x i32>` with
 * counts[s*E + g] (Routing.counts' layout). Equal entries give a splat
 * (`dense<3>`), as MLIR's DenseElementsAttr::get does, so the attribute is
 * the one its printed form parses to. O(ep * E).
 */
export function countsAttr(ctx: Context, ep: number, experts: number, counts: Int32Array): DenseIntOrFPElementsAttr {
  const type = RankedTensorType.get(ctx, [ep, experts], IntegerType.get(ctx, 32));
  let isSplat = counts.length > 0;
  for (let i = 1; i < counts.length && isSplat; i++) isSplat = counts[i] === counts[0];
  const n = isSplat ? 1 : counts.length;
  const data = new Uint8Array(n * 4);
  const view = new DataView(data.buffer);
  for (let i = 0; i < n; i++) view.setInt32(i * 4, counts[i]!, true);
  return DenseIntOrFPElementsAttr.get(ctx, type, data, isSplat);
}

/** Decoded counts by attribute: every rank's senders share one uniqued attribute, decoded once. */
const decodedCounts = new WeakMap<DenseIntOrFPElementsAttr, CountsMatrix>();

/**
 * The entries of a dense 2-D `i32` tensor attribute (a splat expanded), or
 * undefined for any other attribute. O(entries) the first time for an
 * attribute, O(1) after (callers must not write to `values`).
 */
export function readCounts(a: Attribute | undefined): CountsMatrix | undefined {
  if (!(a instanceof DenseIntOrFPElementsAttr)) return undefined;
  const known = decodedCounts.get(a);
  if (known) return known;
  const decoded = decodeCounts(a);
  if (decoded) decodedCounts.set(a, decoded);
  return decoded;
}

function decodeCounts(a: DenseIntOrFPElementsAttr): CountsMatrix | undefined {
  const type = a.type;
  if (!(type instanceof RankedTensorType) || type.shape.length !== 2) return undefined;
  const elt = type.elementType;
  if (!(elt instanceof IntegerType) || elt.width !== 32) return undefined;
  const [rows, cols] = type.shape as [number, number];
  const values = new Int32Array(rows * cols);
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  if (a.isSplat) values.fill(view.getInt32(0, true));
  else for (let i = 0; i < values.length; i++) values[i] = view.getInt32(i * 4, true);
  return { rows, cols, values };
}

/** The moe.dispatch or moe.combine_grad whose route `route` is, or undefined (a block argument, another op). */
export function routeSender(route: Value): Operation | undefined {
  if (!(route instanceof OpResult) || route.index !== 1) return undefined;
  const op = route.owner;
  return kRouteSenderOps.includes(op.name.name) ? op : undefined;
}
