// Building and reading tile ops as the lowering passes need them: a Builder
// with a location and the lowering's own task description, over the tile
// dialect's builders (dialects/tile-build.ts, the one place that knows the
// property names), plus the routing-block marks the two lowering passes share.

import type { Block } from "../src/ir/block.js";
import { Builder } from "../src/ir/builder.js";
import { IntegerAttr } from "../src/ir/builtin-attributes.js";
import { IntegerType, MemRefType, OpaqueType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import { intArrayAttr, readIntArray } from "../src/ir/dense-int-array.js";
import type { Location } from "../src/ir/location.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import type { Value } from "../src/ir/value.js";
import { createArrival, createBuffer, createJoin, createProgram, createTask, createTerminate, type TaskKind } from "../dialects/tile-build.js";
import { readSliceList, type BufferKind, type Slice, type Stage, type Unit } from "../dialects/tile-model.js";

export const kProgram = "tile.program";
export const kBuffer = "tile.buffer";
export const kPut = "tile.put";
export const kArrival = "tile.arrival";
export const kJoin = "tile.join";
export const kTerminate = "tile.terminate";
export const kGemm = "tile.gemm";
export const kSwiglu = "tile.swiglu";
export const kSwigluGrad = "tile.swiglu_grad";
export const kGather = "tile.gather";

/**
 * Discardable attribute on comm ops made by moe-to-tile: `array<i64: src, expert, local>`,
 * the routing block (source rank, global expert, its index on its rank) whose rows the op moves.
 * comm-tiling reads it to order tiles and to fill `valid_rows`.
 */
export const kBlockAttr = "moe.block";

/**
 * Discardable attributes moe-to-tile copies onto a tile.program from its moe
 * sender's dedup tables (dialects/moe-dedup.ts), for comm-tiling{dedup=true}.
 */
export const kProgramUniqueCountsAttr = "moe.unique_counts";
export const kProgramGatherRowsAttr = "moe.gather_rows";

/** Discardable attribute comm-tiling{dedup=true} leaves on a program: `array<i64: bytes sent without dedup, bytes sent with>` of its first exchange. */
export const kDedupBytesAttr = "moe.dedup_bytes";

/** The rows source rank `src` routes to global expert `expert` (local expert `local` of its rank). */
export interface RoutingBlock {
  readonly src: number;
  readonly expert: number;
  readonly local: number;
}

/** What a task does besides its dependencies. */
export interface TaskSpec {
  readonly unit: Unit;
  readonly stage: Stage;
  readonly reads: readonly Slice[];
  readonly writes: readonly Slice[];
  readonly flops: number;
  readonly bytes: number;
  /** Puts: destination rank, signal id and payload size. */
  readonly put?: { readonly peer: number; readonly signal: number; readonly bytesSent: number };
  /** Static-worst-case tiles: `[src, expert, first]`. */
  readonly validRows?: readonly [number, number, number];
  readonly transposeLhs?: boolean;
  readonly transposeRhs?: boolean;
  /** Gathers: row i of the write is row rows[i] of the first read. */
  readonly rows?: readonly number[];
}

/** Creates tile ops at a builder's insertion point; every task result is a `!tile.token`. */
export class TileBuilder {
  readonly builder: Builder;
  readonly tokenType: Type;
  private readonly i64: IntegerType;

  constructor(readonly context: Context, loc?: Location) {
    this.builder = new Builder(context);
    if (loc) this.builder.loc = loc;
    this.tokenType = OpaqueType.get(context, "tile", "token");
    this.i64 = IntegerType.get(context, 64);
  }

  int(v: number): IntegerAttr {
    return IntegerAttr.getFromSafeInteger(this.context, this.i64, v);
  }

  /** `tile.program @name {rank, ep}` with its one (empty) block; the insertion point moves into it. */
  program(name: string, rank: number, ep: number): { op: Operation; body: Block } {
    return createProgram(this.builder, name, rank, ep);
  }

  /** `tile.buffer @name : memref<shape x elementType> {kind}`. */
  buffer(name: string, shape: readonly number[], elementType: Type, kind: BufferKind): Operation {
    return createBuffer(this.builder, name, MemRefType.get(this.context, shape, elementType), kind);
  }

  /** A task op `name` (`tile.<kind>`, on its kind's own unit) after `deps`. */
  task(name: string, spec: TaskSpec, deps: readonly Value[]): Operation {
    const kind = name.substring("tile.".length) as TaskKind;
    return createTask(this.builder, kind, { ...spec, deps, peer: spec.put?.peer, signal: spec.put?.signal, bytesSent: spec.put?.bytesSent }).definingOp!;
  }

  /** `tile.arrival {peer, signal}` writing `landed`. */
  arrival(peer: number, signal: number, landed: Slice): Operation {
    return createArrival(this.builder, landed, peer, signal).definingOp!;
  }

  /** `tile.join %deps...`: one token standing for all of `deps`. */
  join(deps: readonly Value[]): Operation {
    return createJoin(this.builder, deps).definingOp!;
  }

  /** `tile.terminate %sinks...`. */
  terminate(sinks: readonly Value[]): Operation {
    return createTerminate(this.builder, sinks);
  }

  /** Marks a comm op with the routing block it moves (see kBlockAttr). */
  markBlock(op: Operation, block: RoutingBlock): void {
    op.setAttr(kBlockAttr, intArrayAttr(this.context, 64, [block.src, block.expert, block.local]));
  }
}

/** The slices a tile op writes (`writes`), or [] when it has none. */
export function writesOf(op: Operation): Slice[] {
  return readSliceList(op.getAttr("writes")) ?? [];
}

/** The slices a tile op reads (`reads`), or [] when it has none. */
export function readsOf(op: Operation): Slice[] {
  return readSliceList(op.getAttr("reads")) ?? [];
}

/** The routing block a comm op moves (see kBlockAttr), or undefined. */
export function blockOf(op: Operation): RoutingBlock | undefined {
  const v = readIntArray(op.getAttr(kBlockAttr), 64);
  return v && v.length === 3 ? { src: v[0]!, expert: v[1]!, local: v[2]! } : undefined;
}

/** `valid_rows` of a tile op, or undefined. */
export function validRowsOf(op: Operation): [number, number, number] | undefined {
  const v = readIntArray(op.getAttr("valid_rows"), 64);
  return v && v.length === 3 ? [v[0]!, v[1]!, v[2]!] : undefined;
}
