// Building and reading tile ops (dialects/tile.yaml) as the lowering passes
// need them: programs, buffers, tasks, arrivals, joins and the terminator,
// with the contract's property names and encodings in this one place.

import type { Attribute } from "../src/ir/attribute.js";
import type { Block } from "../src/ir/block.js";
import { Builder } from "../src/ir/builder.js";
import { DictionaryAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { IntegerType, MemRefType, OpaqueType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import { intArrayAttr, readIntArray } from "../src/ir/dense-int-array.js";
import type { Location } from "../src/ir/location.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import type { Value } from "../src/ir/value.js";
import { readSliceList, sliceListAttr, type BufferKind, type Slice, type Stage, type Unit } from "../dialects/tile-model.js";

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
  /** Enum cases are i64 integers (the YAML loader's enum attributes). */
  private enumAttr(v: number): IntegerAttr {
    return IntegerAttr.getFromSafeInteger(this.context, this.i64, v);
  }
  private props(entries: NamedAttribute[]): DictionaryAttr {
    return DictionaryAttr.get(this.context, entries);
  }

  /** `tile.program @name {rank, ep}` with its one (empty) block; the insertion point moves into it. */
  program(name: string, rank: number, ep: number): { op: Operation; body: Block } {
    const op = this.builder.create(kProgram, {
      regions: 1,
      properties: this.props([
        { name: "sym_name", value: StringAttr.get(this.context, name) },
        { name: "rank", value: this.int(rank) },
        { name: "ep", value: this.int(ep) },
      ]),
    });
    const body = this.builder.createBlock(op.regions[0]!);
    return { op, body };
  }

  /** `tile.buffer @name : memref<shape x elementType> {kind}`. */
  buffer(name: string, shape: readonly number[], elementType: Type, kind: BufferKind): Operation {
    return this.builder.create(kBuffer, {
      properties: this.props([
        { name: "sym_name", value: StringAttr.get(this.context, name) },
        { name: "type", value: TypeAttr.get(this.context, MemRefType.get(this.context, shape, elementType)) },
        { name: "kind", value: this.enumAttr(kind) },
      ]),
    });
  }

  /** A task op `name` after `deps`; returns its token. */
  task(name: string, spec: TaskSpec, deps: readonly Value[]): Operation {
    const p: NamedAttribute[] = [
      { name: "unit", value: this.enumAttr(spec.unit) },
      { name: "stage", value: this.enumAttr(spec.stage) },
      { name: "reads", value: sliceListAttr(this.context, spec.reads) },
      { name: "writes", value: sliceListAttr(this.context, spec.writes) },
      { name: "flops", value: this.int(spec.flops) },
      { name: "bytes", value: this.int(spec.bytes) },
    ];
    if (spec.put) {
      p.push({ name: "peer", value: this.int(spec.put.peer) });
      p.push({ name: "signal", value: this.int(spec.put.signal) });
      p.push({ name: "bytes_sent", value: this.int(spec.put.bytesSent) });
    }
    if (spec.validRows) p.push({ name: "valid_rows", value: intArrayAttr(this.context, 64, spec.validRows) });
    if (spec.transposeLhs) p.push({ name: "transpose_lhs", value: UnitAttr.get(this.context) });
    if (spec.transposeRhs) p.push({ name: "transpose_rhs", value: UnitAttr.get(this.context) });
    return this.builder.create(name, { operands: deps, results: [this.tokenType], properties: this.props(p) });
  }

  /** `tile.arrival {peer, signal}` writing `landed`. */
  arrival(peer: number, signal: number, landed: Slice): Operation {
    const p: NamedAttribute[] = [
      { name: "peer", value: this.int(peer) },
      { name: "signal", value: this.int(signal) },
      { name: "writes", value: sliceListAttr(this.context, [landed]) },
    ];
    return this.builder.create(kArrival, { results: [this.tokenType], properties: this.props(p) });
  }

  /** `tile.join %deps...`: one token standing for all of `deps`. */
  join(deps: readonly Value[]): Operation {
    return this.builder.create(kJoin, { operands: deps, results: [this.tokenType] });
  }

  /** `tile.terminate %sinks...`. */
  terminate(sinks: readonly Value[]): Operation {
    return this.builder.create(kTerminate, { operands: sinks });
  }

  /** Marks a comm op with the routing block it moves (see kBlockAttr). */
  markBlock(op: Operation, block: RoutingBlock): void {
    op.setAttr(kBlockAttr, intArrayAttr(this.context, 64, [block.src, block.expert, block.local]));
  }
}

/** An integer property of a tile op, or undefined. */
export function intProp(op: Operation, name: string): number | undefined {
  const a: Attribute | undefined = op.getAttr(name);
  return a instanceof IntegerAttr ? Number(a.value) : undefined;
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
