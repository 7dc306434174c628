// Checks of one tile op on its own (dialects/tile.yaml `verify` hooks): slice
// lists well formed, operand roles and shapes (gemm, swiglu, swiglu_grad,
// gather, put), unit and stage fitting the op, non-negative cost inputs, and
// peers and `valid_rows` within the enclosing program's ranks. Whatever needs
// the program's buffers is checked once per program (tile-program-verify.ts).
// Each check is O(slices x rank).

import { TypeAttr } from "../src/ir/builtin-attributes.js";
import { MemRefType, kDynamic } from "../src/ir/builtin-types.js";
import { readI64 } from "../src/ir/int-attr.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import { formatSlice, readI64Array, readSliceList, stageNames, taskShapes, unitNames, type Slice } from "./tile-model.js";

/** `128x64`, the sizes of a slice or matrix. */
function dims(sizes: readonly number[]): string {
  return sizes.join("x");
}

/** The `rank` and `ep` of the program holding `op`, or undefined when they are not set (reported on the program). */
function programRanks(op: Operation): { rank: number; ep: number } | undefined {
  const program = op.parentOp;
  const rank = readI64(program?.getAttr("rank"));
  const ep = readI64(program?.getAttr("ep"));
  return rank === undefined || ep === undefined ? undefined : { rank, ep };
}

/** The slices of property `name`, or undefined after reporting that it is not a slice list. */
function slicesOf(op: Operation, name: string): Slice[] | undefined {
  const slices = readSliceList(op.getAttr(name));
  if (slices === undefined)
    op.emitOpError(
      `attribute '${name}' failed to satisfy constraint: array of slices [@buffer, array<i64: offsets...>, array<i64: sizes...>] of equal ranks`,
    );
  return slices;
}

/** Offsets and sizes of every slice are non-negative. */
function verifySliceSigns(op: Operation, what: string, slices: readonly Slice[]): LogicalResult {
  for (const s of slices) {
    if (s.offsets.some((o) => o < 0)) return op.emitOpError(`${what} slice ${formatSlice(s)} has a negative offset`);
    if (s.sizes.some((z) => z < 0)) return op.emitOpError(`${what} slice ${formatSlice(s)} has a negative size`);
  }
  return success();
}

/**
 * `peer` is a rank of the program's EP group, its own included: a put to
 * itself is the local copy of the rows a rank routes to its own experts (the
 * reference counts those among the dispatch tasks), matched by an arrival in
 * the same program like any other put.
 */
function verifyPeer(op: Operation): LogicalResult {
  const peer = readI64(op.getAttr("peer"))!;
  const signal = readI64(op.getAttr("signal"))!;
  if (signal < 0) return op.emitOpError(`'signal' must be non-negative, got ${signal}`);
  const ep = programRanks(op)?.ep;
  if (ep !== undefined && (peer < 0 || peer >= ep)) return op.emitOpError(`peer rank ${peer} is out of range [0, ${ep})`);
  return success();
}

/** `valid_rows = [src, expert, first]`: src a rank of the program, the others non-negative. */
function verifyValidRows(op: Operation): LogicalResult {
  const a = op.getAttr("valid_rows");
  if (a === undefined) return success();
  const v = readI64Array(a)!;
  const ep = programRanks(op)?.ep ?? Number.MAX_SAFE_INTEGER;
  if (v.length !== 3 || v[0]! < 0 || v[0]! >= ep || v[1]! < 0 || v[2]! < 0)
    return op.emitOpError(`'valid_rows' must be [src, expert, first] with src in [0, ${ep}), expert >= 0 and first >= 0, got [${v.join(", ")}]`);
  return success();
}

/** The (rows, cols) of a gemm operand: a 2-D slice, or a 3-D one with a leading dim of size 1; transposed if asked. */
function matrixOf(s: Slice, transposed: boolean): [number, number] | undefined {
  const z = s.sizes;
  const m = z.length === 2 ? [z[0]!, z[1]!] : z.length === 3 && z[0] === 1 ? [z[1]!, z[2]!] : undefined;
  if (m === undefined) return undefined;
  return transposed ? [m[1]!, m[0]!] : [m[0]!, m[1]!];
}

/** out (M x N) = op(lhs) (M x K) * op(rhs) (K x N). */
function verifyGemmShapes(op: Operation, reads: readonly Slice[], writes: readonly Slice[]): LogicalResult {
  const tl = op.getAttr("transpose_lhs") !== undefined;
  const tr = op.getAttr("transpose_rhs") !== undefined;
  const roles: [string, Slice, boolean][] = [["lhs", reads[0]!, tl], ["rhs", reads[1]!, tr], ["out", writes[0]!, false]];
  const m: [number, number][] = [];
  for (const [role, s, t] of roles) {
    const mat = matrixOf(s, t);
    if (mat === undefined)
      return op.emitOpError(`${role} slice ${formatSlice(s)} must be 2-D, or 3-D with a leading dim of size 1`);
    m.push(mat);
  }
  const [a, b, c] = m as [[number, number], [number, number], [number, number]];
  const lhs = tl ? "transposed lhs" : "lhs";
  const rhs = tr ? "transposed rhs" : "rhs";
  if (a[1] !== b[0]) return op.emitOpError(`${lhs} (${dims(a)}) and ${rhs} (${dims(b)}) differ in the contraction dim`);
  if (c[0] !== a[0] || c[1] !== b[1]) return op.emitOpError(`out is ${dims(c)}, but ${lhs} x ${rhs} is ${a[0]}x${b[1]}`);
  return success();
}

/** Every slice is 2-D. */
function verifyMatrices(op: Operation, slices: readonly Slice[]): LogicalResult {
  for (const s of slices) if (s.sizes.length !== 2) return op.emitOpError(`slice ${formatSlice(s)} must be 2-D`);
  return success();
}

/** swiglu: h (rows x 2c) -> a (rows x c); swiglu_grad: h (rows x 2c), da (rows x c) -> dh (rows x 2c). */
function verifySwigluShapes(op: Operation, reads: readonly Slice[], writes: readonly Slice[], grad: boolean): LogicalResult {
  const all = [...reads, ...writes];
  if (verifyMatrices(op, all).failed) return failure();
  const h = reads[0]!.sizes;
  const a = (grad ? reads[1]! : writes[0]!).sizes;
  const aName = grad ? "da" : "a";
  if (h[0] !== a[0] || h[1] !== 2 * a[1]!)
    return op.emitOpError(`expects h (rows x 2c) and ${aName} (rows x c), but h is ${dims(h)} and ${aName} is ${dims(a)}`);
  if (grad && (writes[0]!.sizes[0] !== h[0] || writes[0]!.sizes[1] !== h[1]))
    return op.emitOpError(`expects dh with the shape of h (${dims(h)}), but dh is ${dims(writes[0]!.sizes)}`);
  return success();
}

/**
 * gather: the written slice has one row per `rows` entry, each a row of the
 * read slice, and the same width; scales (when read) one column per written row.
 */
function verifyGatherShapes(op: Operation, reads: readonly Slice[], writes: readonly Slice[]): LogicalResult {
  if (verifyMatrices(op, [...reads, writes[0]!]).failed) return failure();
  const scales = reads[1]?.sizes;
  if (scales && (scales[0] !== writes[0]!.sizes[0] || scales[1] !== 1))
    return op.emitOpError(`reads scales of shape ${dims(scales)}, but writes ${writes[0]!.sizes[0]} rows (expected ${writes[0]!.sizes[0]}x1)`);
  const rows = readI64Array(op.getAttr("rows"))!;
  const src = reads[0]!.sizes;
  const dst = writes[0]!.sizes;
  if (dst[0] !== rows.length) return op.emitOpError(`writes ${dst[0]} rows, but 'rows' lists ${rows.length}`);
  if (dst[1] !== src[1]) return op.emitOpError(`reads rows of width ${src[1]}, but writes rows of width ${dst[1]}`);
  for (const r of rows) if (r < 0 || r >= src[0]!) return op.emitOpError(`row ${r} is out of range of the read slice's ${src[0]} rows`);
  return success();
}

/** Product of the sizes (elements of a slice). */
function numElements(s: Slice): number {
  let n = 1;
  for (const z of s.sizes) n *= z;
  return n;
}

/** The checks of task op `mnemonic` (a key of taskShapes). */
export function verifyTask(op: Operation, mnemonic: string): LogicalResult {
  const shape = taskShapes[mnemonic]!;
  const reads = slicesOf(op, "reads");
  if (reads === undefined) return failure();
  const writes = slicesOf(op, "writes");
  if (writes === undefined) return failure();
  const fewestReads = shape.reads.length - (shape.optionalReads ?? 0);
  if (reads.length < fewestReads || reads.length > shape.reads.length)
    return op.emitOpError(
      fewestReads === shape.reads.length
        ? `expects ${shape.reads.length} read slice(s) (${shape.reads.join(", ")}), but got ${reads.length}`
        : `expects ${fewestReads} to ${shape.reads.length} read slices (${shape.reads.join(", ")}), but got ${reads.length}`,
    );
  if (writes.length !== shape.writes.length)
    return op.emitOpError(`expects ${shape.writes.length} written slice(s) (${shape.writes.join(", ")}), but got ${writes.length}`);
  if (verifySliceSigns(op, "read", reads).failed || verifySliceSigns(op, "written", writes).failed) return failure();
  const unit = readI64(op.getAttr("unit"))!;
  if (unit !== shape.unit) return op.emitOpError(`runs on ${unitNames[shape.unit]}, but its unit is ${unitNames[unit]}`);
  const stage = readI64(op.getAttr("stage"))!;
  if (!(shape.stages as readonly number[]).includes(stage))
    return op.emitOpError(`stage '${stageNames[stage]}' does not fit the op (expected ${shape.stages.map((s) => stageNames[s]).join(", ")})`);
  for (const name of ["flops", "bytes", "bytes_sent"]) {
    const v = readI64(op.getAttr(name));
    if (v !== undefined && v < 0) return op.emitOpError(`'${name}' must be non-negative, got ${v}`);
  }
  if (verifyValidRows(op).failed) return failure();
  switch (mnemonic) {
    case "gemm":
      return verifyGemmShapes(op, reads, writes);
    case "swiglu":
      return verifySwigluShapes(op, reads, writes, /*grad=*/ false);
    case "swiglu_grad":
      return verifySwigluShapes(op, reads, writes, /*grad=*/ true);
    case "gather":
      return verifyGatherShapes(op, reads, writes);
    case "put": {
      const [src, dst] = [reads[0]!, writes[0]!];
      if (numElements(src) !== numElements(dst))
        return op.emitOpError(`reads ${numElements(src)} elements (${dims(src.sizes)}) but writes ${numElements(dst)} (${dims(dst.sizes)})`);
      return verifyPeer(op);
    }
  }
  return success();
}

/** `tile.arrival`: one landed slice, and a peer rank other than the program's. */
export function verifyArrival(op: Operation): LogicalResult {
  const writes = slicesOf(op, "writes");
  if (writes === undefined) return failure();
  if (writes.length !== 1) return op.emitOpError(`expects 1 written slice (the landed data), but got ${writes.length}`);
  if (verifySliceSigns(op, "written", writes).failed) return failure();
  return verifyPeer(op);
}

/** `tile.buffer`: a statically shaped memref. */
export function verifyBuffer(op: Operation): LogicalResult {
  const a = op.getAttr("type");
  const t = a instanceof TypeAttr ? a.value : undefined;
  if (!(t instanceof MemRefType) || t.shape.includes(kDynamic))
    return op.emitOpError(`type must be a statically shaped memref, but got '${t ? printTypeForDiagnostic(t) : "none"}'`);
  return success();
}

/** `tile.join`: at least one token to count. */
export function verifyJoin(op: Operation): LogicalResult {
  if (op.numOperands === 0) return op.emitOpError("expects at least one dependency token");
  return success();
}

/** `tile.program`: ep >= 1 and rank in [0, ep). */
export function verifyProgram(op: Operation): LogicalResult {
  const rank = readI64(op.getAttr("rank"))!;
  const ep = readI64(op.getAttr("ep"))!;
  if (ep < 1) return op.emitOpError(`'ep' must be at least 1, got ${ep}`);
  if (rank < 0 || rank >= ep) return op.emitOpError(`'rank' ${rank} is out of range [0, ${ep})`);
  return success();
}
