// Building and reading tile IR as typed data, for the lowering passes, the
// emulator and the analyses: they never touch raw property names. Builders
// insert at the Builder's insertion point; readers return undefined for ops
// that are not what they ask for (and trust verified IR for the rest).

import type { Builder } from "../src/ir/builder.js";
import { intAttrValue } from "../src/ir/int-attr.js";
import { DictionaryAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { IntegerType, type MemRefType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import type { Block } from "../src/ir/block.js";
import type { Operation } from "../src/ir/operation.js";
import type { Value } from "../src/ir/value.js";
import {
  i64ArrayAttr,
  readI64Array,
  readSliceList,
  sliceListAttr,
  taskShapes,
  tokenType,
  type BufferKind,
  type Slice,
  type Stage,
  type Unit,
} from "./tile-model.js";

/** The task ops (keys of taskShapes). */
export type TaskKind = "put" | "gemm" | "swiglu" | "swiglu_grad" | "gather";

/** Everything a task carries besides its kind; absent cost inputs are 0. */
export interface TaskSpec {
  readonly stage: Stage;
  readonly reads: readonly Slice[];
  readonly writes: readonly Slice[];
  readonly deps?: readonly Value[];
  readonly flops?: number;
  readonly bytes?: number;
  /** Puts: destination rank, signal id (unique per destination) and payload bytes. */
  readonly peer?: number;
  readonly signal?: number;
  readonly bytesSent?: number;
  /** Static worst-case tiles: [src, expert, first] (see docs/moe-tile.md). */
  readonly validRows?: readonly [number, number, number];
  /** Gemm only. */
  readonly transposeLhs?: boolean;
  readonly transposeRhs?: boolean;
  /** Gather only: row i of the write is row rows[i] of the read. */
  readonly rows?: readonly number[];
}

/** A task op read back as data. */
export interface TaskView extends Required<Omit<TaskSpec, "deps" | "peer" | "signal" | "validRows" | "rows">> {
  readonly kind: TaskKind;
  readonly op: Operation;
  readonly unit: Unit;
  readonly deps: readonly Value[];
  readonly peer: number | undefined;
  readonly signal: number | undefined;
  readonly validRows: readonly [number, number, number] | undefined;
  readonly rows: readonly number[] | undefined;
}

/** The `i64` integer attribute holding `v` (a safe integer). */
export function i64Attr(ctx: Context, v: number): IntegerAttr {
  return IntegerAttr.getFromSafeInteger(ctx, IntegerType.get(ctx, 64), v);
}

/** Creates `tile.program @name rank .. ep ..` with an empty body block; the builder moves into that block. */
export function createProgram(b: Builder, name: string, rank: number, ep: number): { op: Operation; body: Block } {
  const ctx = b.context;
  const properties = DictionaryAttr.get(ctx, [
    { name: "ep", value: i64Attr(ctx, ep) },
    { name: "rank", value: i64Attr(ctx, rank) },
    { name: "sym_name", value: StringAttr.get(ctx, name) },
  ]);
  const op = b.create("tile.program", { properties, regions: 1 });
  const body = b.createBlock(op.regions[0]!);
  return { op, body };
}

/** Creates `tile.buffer kind @name : type`. */
export function createBuffer(b: Builder, name: string, type: MemRefType, kind: BufferKind): Operation {
  const ctx = b.context;
  const properties = DictionaryAttr.get(ctx, [
    { name: "kind", value: i64Attr(ctx, kind) },
    { name: "sym_name", value: StringAttr.get(ctx, name) },
    { name: "type", value: TypeAttr.get(ctx, type) },
  ]);
  return b.create("tile.buffer", { properties });
}

/**
 * The properties of a task of `kind` except `unit` (which only the tile
 * level stores): shared with the queue level (dialects/queue-build.ts), whose
 * task ops carry the same ones. O(slices x rank).
 */
export function taskProperties(ctx: Context, kind: TaskKind, spec: TaskSpec): NamedAttribute[] {
  const props: NamedAttribute[] = [
    { name: "bytes", value: i64Attr(ctx, spec.bytes ?? 0) },
    { name: "flops", value: i64Attr(ctx, spec.flops ?? 0) },
    { name: "reads", value: sliceListAttr(ctx, spec.reads) },
    { name: "stage", value: i64Attr(ctx, spec.stage) },
    { name: "writes", value: sliceListAttr(ctx, spec.writes) },
  ];
  if (kind === "put") {
    props.push(
      { name: "bytes_sent", value: i64Attr(ctx, spec.bytesSent ?? 0) },
      { name: "peer", value: i64Attr(ctx, spec.peer ?? -1) },
      { name: "signal", value: i64Attr(ctx, spec.signal ?? -1) },
    );
  }
  if (spec.validRows) props.push({ name: "valid_rows", value: i64ArrayAttr(ctx, spec.validRows) });
  if (spec.transposeLhs) props.push({ name: "transpose_lhs", value: UnitAttr.get(ctx) });
  if (spec.transposeRhs) props.push({ name: "transpose_rhs", value: UnitAttr.get(ctx) });
  if (spec.rows) props.push({ name: "rows", value: i64ArrayAttr(ctx, spec.rows) });
  return props;
}

/** Creates a task op of `kind` and returns its token. O(slices x rank + deps). */
export function createTask(b: Builder, kind: TaskKind, spec: TaskSpec): Value {
  const ctx = b.context;
  const props = taskProperties(ctx, kind, spec);
  props.push({ name: "unit", value: i64Attr(ctx, taskShapes[kind]!.unit) });
  const op = b.create(`tile.${kind}`, { operands: spec.deps, results: [tokenType(ctx)], properties: DictionaryAttr.get(ctx, props) });
  return op.getResult(0);
}

/** Creates the `tile.arrival` of the put from rank `peer` with `signal` landing `writes`; returns its token. */
export function createArrival(b: Builder, writes: Slice, peer: number, signal: number): Value {
  const ctx = b.context;
  const properties = DictionaryAttr.get(ctx, [
    { name: "peer", value: i64Attr(ctx, peer) },
    { name: "signal", value: i64Attr(ctx, signal) },
    { name: "writes", value: sliceListAttr(ctx, [writes]) },
  ]);
  return b.create("tile.arrival", { results: [tokenType(ctx)], properties }).getResult(0);
}

/** Creates `tile.join` of `deps` (at least one) and returns its token. */
export function createJoin(b: Builder, deps: readonly Value[]): Value {
  return b.create("tile.join", { operands: deps, results: [tokenType(b.context)] }).getResult(0);
}

/** Creates `tile.terminate` with the sink tokens. */
export function createTerminate(b: Builder, sinks: readonly Value[]): Operation {
  return b.create("tile.terminate", { operands: sinks });
}

/** The task properties of `op` (a tile or queue task op) as a spec: the inverse of taskProperties. O(slices x rank) the first time a slice is seen. */
export function readTaskProperties(op: Operation): Omit<TaskView, "kind" | "op" | "unit" | "deps"> {
  const valid = readI64Array(op.getAttr("valid_rows"));
  return {
    stage: intAttrValue(op.getAttr("stage")) as Stage,
    reads: readSliceList(op.getAttr("reads")) ?? [],
    writes: readSliceList(op.getAttr("writes")) ?? [],
    flops: intAttrValue(op.getAttr("flops")) ?? 0,
    bytes: intAttrValue(op.getAttr("bytes")) ?? 0,
    peer: intAttrValue(op.getAttr("peer")),
    signal: intAttrValue(op.getAttr("signal")),
    bytesSent: intAttrValue(op.getAttr("bytes_sent")) ?? 0,
    validRows: valid && valid.length === 3 ? [valid[0]!, valid[1]!, valid[2]!] : undefined,
    transposeLhs: op.getAttr("transpose_lhs") !== undefined,
    transposeRhs: op.getAttr("transpose_rhs") !== undefined,
    rows: readI64Array(op.getAttr("rows")),
  };
}

/** `op` as a TaskView, or undefined when it is not a task op. O(slices x rank) the first time a slice is seen. */
export function readTask(op: Operation): TaskView | undefined {
  const name = op.name.name;
  if (!name.startsWith("tile.")) return undefined;
  const kind = name.substring(5) as TaskKind;
  if (taskShapes[kind] === undefined) return undefined;
  return {
    kind,
    op,
    unit: (intAttrValue(op.getAttr("unit")) ?? taskShapes[kind]!.unit) as Unit,
    deps: op.getOperands(),
    ...readTaskProperties(op),
  };
}
