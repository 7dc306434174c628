// Executes tile programs on real data: every program's buffers as typed
// arrays (bf16 as Uint16Array, f32, i32; zeroed), tasks in an order that
// respects token deps and put->arrival links across all ranks (Kahn), each
// task doing exactly its slices through the kernels the moe emulator uses.
// Filling input buffers and reading results (the host prologue and
// epilogue) is the caller's, through `fill` and the returned buffers.

import { FloatType, IntegerType, MemRefType } from "../../ir/builtin-types.js";
import type { Operation } from "../../ir/operation.js";
import { readIntArray } from "../../ir/dense-int-array.js";
import { type Slice } from "../../../dialects/tile-model.js";
import { familyOf, hasUnitAttr, TileGraph, tilePrograms, type TileNode } from "../../../passes/tile-graph.js";
import { gemmAccumulateF32, gemmBf16, scaleRow, swiglu, swigluGrad, transposed, type View } from "./kernels.js";
import type { EmuFailure, EmuTensor } from "./emu-values.js";

/** A program's buffers by symbol name. */
export type TileBuffers = Map<string, EmuTensor>;

/** Each program's buffers after the run, and how many tasks ran. */
export interface TileRun {
  readonly buffers: Map<Operation, TileBuffers>;
  readonly tasksRun: number;
}

/** Called once per program after its buffers are allocated (zeroed): the host prologue. */
export type BufferFill = (program: Operation, rank: number, buffers: TileBuffers) => EmuFailure | undefined;

/**
 * Runs every tile.program under `root`. Fails, located, on a malformed
 * buffer or slice, an op it cannot run, or tasks whose dependencies never
 * complete (a cycle, or an arrival no put raises). O(tasks + deps) plus the
 * kernels' work.
 */
export function runTilePrograms(root: Operation, fill: BufferFill): TileRun | EmuFailure {
  // Link problems are not fatal here: an arrival no put raises shows up below as the tasks that never run.
  const g = new TileGraph(root);
  const buffers = new Map<Operation, TileBuffers>();
  const programOf = new Map<string, Operation>();
  for (const program of tilePrograms(root)) {
    const bufs = allocate(program);
    if ("message" in bufs) return bufs;
    buffers.set(program, bufs);
    const rank = Number((program.getAttr("rank") as { value?: bigint } | undefined)?.value ?? -1);
    programOf.set(`${familyOf(program)}\0${rank}`, program);
    const f = fill(program, rank, bufs);
    if (f) return f;
  }
  const exec = new Executor(g, buffers, programOf);
  return exec.run();
}

/** Zeroed typed arrays for every tile.buffer of `program`. */
function allocate(program: Operation): TileBuffers | EmuFailure {
  const out: TileBuffers = new Map();
  const body = program.regions[0]?.entryBlock;
  for (let op = body?.first ?? null; op; op = op.next) {
    if (op.name.name !== "tile.buffer") continue;
    const name = (op.getAttr("sym_name") as { value?: unknown } | undefined)?.value;
    const type = (op.getAttr("type") as { value?: unknown } | undefined)?.value;
    if (typeof name !== "string" || !(type instanceof MemRefType) || type.shape.some((d) => d < 0)) return { op, message: "needs a name and a static memref type to be emulated" };
    const n = type.shape.reduce((a, b) => a * b, 1);
    const el = type.elementType;
    if (el instanceof FloatType && el.kind === "bf16") out.set(name, { dtype: "bf16", shape: type.shape, data: new Uint16Array(n) });
    else if (el instanceof FloatType && el.kind === "f32") out.set(name, { dtype: "f32", shape: type.shape, data: new Float32Array(n) });
    else if (el instanceof IntegerType && el.width === 32) out.set(name, { dtype: "i32", shape: type.shape, data: new Int32Array(n) });
    else return { op, message: "has an element type the emulator does not store (bf16, f32, i32)" };
  }
  return out;
}

/** A slice's last two dims as a strided 2-D view into its buffer, with its logical rows and columns. */
interface SliceView<A> {
  readonly view: View<A>;
  readonly rows: number;
  readonly cols: number;
}

class Executor {
  private tasksRun = 0;

  constructor(
    private readonly g: TileGraph,
    private readonly buffers: Map<Operation, TileBuffers>,
    private readonly programOf: Map<string, Operation>,
  ) {}

  /**
   * Kahn over all programs: a node runs once all its deps have; an arrival
   * also waits for its put, and one with no put never runs.
   */
  run(): TileRun | EmuFailure {
    const { g } = this;
    const n = g.nodes.length;
    const waiting = new Int32Array(n);
    const ready: number[] = [];
    for (let i = 0; i < n; i++) {
      const node = g.nodes[i]!;
      waiting[i] = g.graph.inDegree(String(i)) + (node.kind === "arrival" && !g.putOf(i) ? 1 : 0);
      if (waiting[i] === 0) ready.push(i);
    }
    let done = 0;
    for (let head = 0; head < ready.length; head++) {
      const i = ready[head]!;
      const f = this.execute(g.nodes[i]!);
      if (f) return f;
      done++;
      g.graph.forEachOutNeighbor(String(i), (key) => {
        const j = Number(key);
        if (--waiting[j]! === 0) ready.push(j);
      });
    }
    if (done < n) {
      let first = -1;
      let count = 0;
      for (let i = 0; i < n; i++)
        if (waiting[i]! > 0) {
          count++;
          if (first < 0 && g.nodes[i]!.kind !== "terminate") first = i;
        }
      const node = g.nodes[first < 0 ? n - 1 : first]!;
      const why = node.kind === "arrival" && !g.putOf(node.index) ? "no put raises this arrival" : "its dependencies never complete";
      return { op: node.op, message: `never runs: ${why} (${count} ops stuck)` };
    }
    return { buffers: this.buffers, tasksRun: this.tasksRun };
  }

  private buffer(node: TileNode, rank: number, slice: Slice): EmuTensor | EmuFailure {
    const program = rank === node.rank ? node.program : this.programOf.get(`${familyOf(node.program)}\0${rank}`);
    const buf = program ? this.buffers.get(program)?.get(slice.buffer) : undefined;
    if (!buf) return { op: node.op, message: `refers to @${slice.buffer}, which rank ${rank} does not have` };
    if (buf.shape.length !== slice.offsets.length || slice.offsets.some((o, i) => o < 0 || o + slice.sizes[i]! > buf.shape[i]!))
      return { op: node.op, message: `slice of @${slice.buffer} is outside its ${buf.shape.join("x")} shape` };
    return buf;
  }

  /** The 2-D view of a slice: leading dims (of size 1) fold into the offset. */
  private view<A>(data: A, shape: readonly number[], s: Slice): SliceView<A> {
    let offset = 0;
    for (let i = 0; i < shape.length; i++) offset = offset * shape[i]! + s.offsets[i]!;
    const nd = shape.length;
    const cols = nd >= 1 ? s.sizes[nd - 1]! : 1;
    const rows = nd >= 2 ? s.sizes[nd - 2]! : 1;
    const rowStride = nd >= 1 ? shape[nd - 1]! : 1;
    return { view: { data, offset, rowStride, colStride: 1 }, rows, cols };
  }

  /** Rows of a tile that really exist: all, or those its valid_rows leave (from the rank's @counts). */
  private validRows(node: TileNode, rows: number): number | EmuFailure {
    const v = readIntArray(node.op.getAttr("valid_rows"), 64);
    if (!v) return rows;
    const counts = this.buffers.get(node.program)!.get("counts");
    if (!counts || counts.dtype !== "i32" || counts.shape.length !== 2) return { op: node.op, message: "has valid_rows but its program has no i32 @counts buffer" };
    const [src, expert, first] = v as [number, number, number];
    return Math.max(0, Math.min(rows, counts.data[src * counts.shape[1]! + expert]! - first));
  }

  private execute(node: TileNode): EmuFailure | undefined {
    switch (node.kind) {
      case "arrival":
      case "join":
      case "terminate":
        return undefined;
      case "put":
        return this.put(node);
      case "gemm":
        return this.gemm(node);
      case "swiglu":
      case "swiglu_grad":
        return this.swiglu(node);
      case "gather":
        return this.gather(node);
    }
  }

  /** Copies the valid rows of the local slice into the peer's buffer. */
  private put(node: TileNode): EmuFailure | undefined {
    const [read] = node.reads;
    const [write] = node.writes;
    if (!read || !write) return { op: node.op, message: "needs one read and one written slice" };
    const src = this.buffer(node, node.rank, read);
    if ("message" in src) return src;
    const dst = this.buffer(node, node.peer, write);
    if ("message" in dst) return dst;
    if (src.dtype !== dst.dtype) return { op: node.op, message: "copies between buffers of different element types" };
    const a = this.view(src.data, src.shape, read);
    const b = this.view(dst.data, dst.shape, write);
    if (a.rows !== b.rows || a.cols !== b.cols) return { op: node.op, message: "reads and writes slices of different shapes" };
    const rows = this.validRows(node, a.rows);
    if (typeof rows !== "number") return rows;
    for (let r = 0; r < rows; r++) {
      const from = a.view.offset + r * a.view.rowStride;
      (b.view.data as Uint16Array).set((a.view.data as Uint16Array).subarray(from, from + a.cols), b.view.offset + r * b.view.rowStride);
    }
    this.tasksRun++;
    return undefined;
  }

  /** out = op(lhs) * op(rhs): bf16 out stored, f32 out accumulated (weight grads). */
  private gemm(node: TileNode): EmuFailure | undefined {
    const [ls, rs] = node.reads;
    const [os] = node.writes;
    if (!ls || !rs || !os) return { op: node.op, message: "needs reads [lhs, rhs] and writes [out]" };
    const lb = this.buffer(node, node.rank, ls);
    const rb = this.buffer(node, node.rank, rs);
    const ob = this.buffer(node, node.rank, os);
    if ("message" in lb) return lb;
    if ("message" in rb) return rb;
    if ("message" in ob) return ob;
    if (lb.dtype !== "bf16" || rb.dtype !== "bf16") return { op: node.op, message: "multiplies bf16 operands only" };
    let l = this.view(lb.data, lb.shape, ls);
    let r = this.view(rb.data, rb.shape, rs);
    const transposeLhs = hasUnitAttr(node.op, "transpose_lhs");
    if (transposeLhs) l = { view: transposed(l.view), rows: l.cols, cols: l.rows };
    if (hasUnitAttr(node.op, "transpose_rhs")) r = { view: transposed(r.view), rows: r.cols, cols: r.rows };
    const o = this.view(ob.data, ob.shape, os);
    if (l.cols !== r.rows || o.rows !== l.rows || o.cols !== r.cols) return { op: node.op, message: `has mismatched tile shapes ${l.rows}x${l.cols} * ${r.rows}x${r.cols} -> ${o.rows}x${o.cols}` };
    // valid_rows limits the token rows: the output rows, or with transpose_lhs the contraction.
    const valid = this.validRows(node, transposeLhs ? l.cols : l.rows);
    if (typeof valid !== "number") return valid;
    const m = transposeLhs ? l.rows : valid;
    const k = transposeLhs ? valid : l.cols;
    if (ob.dtype === "bf16") gemmBf16(l.view, r.view, o.view as View<Uint16Array>, m, o.cols, k);
    else if (ob.dtype === "f32") gemmAccumulateF32(l.view, r.view, o.view as View<Float32Array>, m, o.cols, k);
    else return { op: node.op, message: "writes an i32 buffer" };
    this.tasksRun++;
    return undefined;
  }

  /** swiglu: reads [h], writes [a]; swiglu_grad: reads [h, da], writes [dh]. */
  private swiglu(node: TileNode): EmuFailure | undefined {
    const grad = node.kind === "swiglu_grad";
    const views: SliceView<Uint16Array>[] = [];
    for (const s of [...node.reads.slice(0, grad ? 2 : 1), ...node.writes.slice(0, 1)]) {
      const b = this.buffer(node, node.rank, s);
      if ("message" in b) return b;
      if (b.dtype !== "bf16") return { op: node.op, message: "works on bf16 buffers only" };
      views.push(this.view(b.data, b.shape, s));
    }
    if (views.length !== (grad ? 3 : 2)) return { op: node.op, message: grad ? "needs reads [h, da] and writes [dh]" : "needs reads [h] and writes [a]" };
    const h = views[0]!;
    const inter = h.cols / 2;
    const rows = this.validRows(node, h.rows);
    if (typeof rows !== "number") return rows;
    const asRows = (v: SliceView<Uint16Array>) => ({ data: v.view.data, offset: v.view.offset, stride: v.view.rowStride });
    if (grad) swigluGrad(asRows(h), asRows(views[1]!), asRows(views[2]!), rows, inter);
    else swiglu(h.view.data, h.view.offset, h.view.rowStride, views[1]!.view.data, views[1]!.view.offset, views[1]!.view.rowStride, rows, inter);
    this.tasksRun++;
    return undefined;
  }

  /** Row i of the written slice = row rows[i] of the read slice (times scales[i] when read, as moe.combine_grad scales). */
  private gather(node: TileNode): EmuFailure | undefined {
    const [read, scaleSlice] = node.reads;
    const [write] = node.writes;
    const pick = readIntArray(node.op.getAttr("rows"), 64);
    if (!read || !write || !pick) return { op: node.op, message: "needs one read slice, one written slice and rows" };
    const src = this.buffer(node, node.rank, read);
    const dst = this.buffer(node, node.rank, write);
    if ("message" in src) return src;
    if ("message" in dst) return dst;
    const a = this.view(src.data as Uint16Array, src.shape, read);
    const b = this.view(dst.data as Uint16Array, dst.shape, write);
    let scales: SliceView<Float32Array> | undefined;
    if (scaleSlice) {
      const sb = this.buffer(node, node.rank, scaleSlice);
      if ("message" in sb) return sb;
      if (sb.dtype !== "f32") return { op: node.op, message: "reads scales from a buffer that is not f32" };
      scales = this.view(sb.data as Float32Array, sb.shape, scaleSlice);
    }
    const rows = this.validRows(node, Math.min(pick.length, b.rows));
    if (typeof rows !== "number") return rows;
    for (let i = 0; i < rows; i++) {
      if (pick[i]! < 0 || pick[i]! >= a.rows) return { op: node.op, message: `row ${pick[i]} is outside the read slice` };
      const from = a.view.offset + pick[i]! * a.view.rowStride;
      const to = b.view.offset + i * b.view.rowStride;
      if (scales) scaleRow(a.view.data, from, scales.view.data[scales.view.offset + i * scales.view.rowStride]!, b.view.data, to, a.cols);
      else b.view.data.set(a.view.data.subarray(from, from + a.cols), to);
    }
    this.tasksRun++;
    return undefined;
  }
}
