// Builtin types: integers, index, floats, none, complex, tuple, function,
// vector, tensor, memref and opaque dialect types (MLIR's builtin dialect).

import type { Attribute } from "./attribute.js";
import type { FloatAttr, IntegerAttr } from "./builtin-attributes.js";
import type { Context } from "./context.js";
import type { FloatKind } from "./float-format.js";
import { Type } from "./type.js";
import { addToBucket, mixHash } from "./structural-hash.js";

/** Marks a dynamic dimension (`?`) in a shape. Static sizes are ≥ 0. */
export const kDynamic = -1;

export enum Signedness {
  Signless = 0,
  Signed = 1,
  Unsigned = 2,
}

/** Widest integer MLIR accepts (IntegerType::kMaxWidth). */
export const kMaxIntegerWidth = 16777215;

function idList(types: readonly { id: number }[]): string {
  let s = "";
  for (let i = 0; i < types.length; i++) s += (i ? "," : "") + types[i]!.id;
  return s;
}

/** `i32`, `si8`, `ui16`: an integer of 0..kMaxIntegerWidth bits. */
export class IntegerType extends Type {
  /** @internal IntegerAttrs of this type with |value| < 2^53, by value (filled by builtin-attributes.ts). */
  readonly safeIntAttrs = new Map<number, IntegerAttr>();
  private constructor(
    ctx: Context,
    readonly width: number,
    readonly signedness: Signedness,
  ) {
    super(ctx);
  }
  /** Precondition: 0 <= width <= kMaxIntegerWidth (the parser checks it). O(1). */
  static get(ctx: Context, width: number, signedness = Signedness.Signless): IntegerType {
    // Widths up to 128 hit a dense per-context table: no key string on the hot path.
    const slot = width <= 128 ? width * 3 + signedness : -1;
    if (slot >= 0) {
      const cached = ctx.smallTypes[slot];
      if (cached) return cached as IntegerType;
    }
    const t = ctx.intern(`i${signedness}:${width}`, () => new IntegerType(ctx, width, signedness));
    if (slot >= 0) ctx.smallTypes[slot] = t;
    return t;
  }
  get isSignless(): boolean {
    return this.signedness === Signedness.Signless;
  }
  get isSigned(): boolean {
    return this.signedness === Signedness.Signed;
  }
  get isUnsigned(): boolean {
    return this.signedness === Signedness.Unsigned;
  }
}

/** `index`: a target-sized integer, stored as 64 bits in dense data. */
export class IndexType extends Type {
  /** Bits used for index in attributes and dense storage (IndexType::kInternalStorageBitWidth). */
  static readonly storageWidth = 64;
  /** @internal As IntegerType.safeIntAttrs. */
  readonly safeIntAttrs = new Map<number, IntegerAttr>();
  private constructor(ctx: Context) {
    super(ctx);
  }
  static get(ctx: Context): IndexType {
    return ctx.intern("index", () => new IndexType(ctx));
  }
}

/** Every builtin float type, one instance per kind (`f32`, `bf16`, `f8E4M3FN`, …). */
export class FloatType extends Type {
  /**
   * @internal FloatAttrs of this type (filled by builtin-attributes.ts): by
   * bit pattern as a number for kinds of at most 32 bits, by value for
   * non-zero, non-NaN f64s; every other attribute by its BigInt bit pattern.
   */
  readonly numberKeyedAttrs = new Map<number, FloatAttr>();
  readonly bigintKeyedAttrs = new Map<bigint, FloatAttr>();
  private constructor(
    ctx: Context,
    readonly kind: FloatKind,
  ) {
    super(ctx);
  }
  static get(ctx: Context, kind: FloatKind): FloatType {
    let t = ctx.floatTypes.get(kind) as FloatType | undefined;
    if (!t) {
      t = ctx.intern(`f:${kind}`, () => new FloatType(ctx, kind));
      ctx.floatTypes.set(kind, t);
    }
    return t;
  }
}

/** `none`. */
export class NoneType extends Type {
  private constructor(ctx: Context) {
    super(ctx);
  }
  static get(ctx: Context): NoneType {
    return ctx.intern("none", () => new NoneType(ctx));
  }
}

/** `complex<T>` over an integer or float element type. */
export class ComplexType extends Type {
  private constructor(
    ctx: Context,
    readonly elementType: Type,
  ) {
    super(ctx);
  }
  static get(ctx: Context, elementType: Type): ComplexType {
    return ctx.intern(`complex:${elementType.id}`, () => new ComplexType(ctx, elementType));
  }
}

/** `tuple<T...>`. */
export class TupleType extends Type {
  private constructor(
    ctx: Context,
    readonly types: readonly Type[],
  ) {
    super(ctx);
  }
  static get(ctx: Context, types: readonly Type[]): TupleType {
    return ctx.intern(`tuple:${idList(types)}`, () => new TupleType(ctx, types.slice()));
  }
}

/** `(T...) -> (T...)`. */
export class FunctionType extends Type {
  private constructor(
    ctx: Context,
    readonly inputs: readonly Type[],
    readonly results: readonly Type[],
  ) {
    super(ctx);
  }
  /**
   * Interned by a numeric hash of the member ids (parsed IR has about one
   * distinct signature per op, so no key string is built). O(inputs + results).
   */
  static get(ctx: Context, inputs: readonly Type[], results: readonly Type[]): FunctionType {
    const all = inputs.concat(results);
    return FunctionType.getFromRanges(ctx, all, 0, inputs.length, all.length);
  }
  /**
   * @internal As `get` with inputs `types[start, inputsEnd)` and results
   * `types[inputsEnd, end)`, copied only when the function type is new. For
   * parsers that collect member types on a shared stack. O(end - start).
   */
  static getFromRanges(ctx: Context, types: readonly Type[], start: number, inputsEnd: number, end: number): FunctionType {
    let h = mixHash(inputsEnd - start, end - inputsEnd);
    for (let i = start; i < end; i++) h = mixHash(h, types[i]!.id);
    const table = ctx.builtinTables.functionTypes;
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const f = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (sameTypesAsRange(f.inputs, types, start, inputsEnd) && sameTypesAsRange(f.results, types, inputsEnd, end)) return f;
      }
    }
    const f = new FunctionType(ctx, types.slice(start, inputsEnd), types.slice(inputsEnd, end));
    addToBucket(table, h, bucket, f);
    return f;
  }
}

function sameTypesAsRange(a: readonly Type[], types: readonly Type[], start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== types[start + i]) return false;
  return true;
}

/** Types with a shape and an element type (vector, tensor, memref). */
export abstract class ShapedType extends Type {
  abstract get elementType(): Type;
  /** The dimension sizes, or undefined when unranked. `kDynamic` marks `?`. */
  abstract get shape(): readonly number[] | undefined;

  get hasRank(): boolean {
    return this.shape !== undefined;
  }
  /** Number of elements, or undefined when unranked or dynamic. O(rank). */
  get numElements(): number | undefined {
    const shape = this.shape;
    if (!shape) return undefined;
    let n = 1;
    for (const d of shape) {
      if (d === kDynamic) return undefined;
      n *= d;
    }
    return n;
  }
  get hasStaticShape(): boolean {
    return this.numElements !== undefined;
  }
}

function shapeKey(shape: readonly number[]): string {
  return shape.join("x");
}

/** `vector<[4]x8xf32>`: static shape, some dimensions possibly scalable. */
export class VectorType extends ShapedType {
  private constructor(
    ctx: Context,
    readonly shape: readonly number[],
    readonly scalableDims: readonly boolean[],
    readonly elementType: Type,
  ) {
    super(ctx);
  }
  static get(ctx: Context, shape: readonly number[], elementType: Type, scalableDims?: readonly boolean[]): VectorType {
    const scalable = scalableDims ?? shape.map(() => false);
    const key = `vec:${shapeKey(shape)}:${scalable.map((b) => (b ? 1 : 0)).join("")}:${elementType.id}`;
    return ctx.intern(key, () => new VectorType(ctx, shape.slice(), scalable.slice(), elementType));
  }
}

/** `tensor<4x?xf32, #enc>`. */
export class RankedTensorType extends ShapedType {
  private constructor(
    ctx: Context,
    readonly shape: readonly number[],
    readonly elementType: Type,
    readonly encoding: Attribute | undefined,
  ) {
    super(ctx);
  }
  static get(ctx: Context, shape: readonly number[], elementType: Type, encoding?: Attribute): RankedTensorType {
    const key = `tensor:${shapeKey(shape)}:${elementType.id}:${encoding ? encoding.id : ""}`;
    return ctx.intern(key, () => new RankedTensorType(ctx, shape.slice(), elementType, encoding));
  }
}

/** `tensor<*xf32>`. */
export class UnrankedTensorType extends ShapedType {
  private constructor(
    ctx: Context,
    readonly elementType: Type,
  ) {
    super(ctx);
  }
  get shape(): undefined {
    return undefined;
  }
  static get(ctx: Context, elementType: Type): UnrankedTensorType {
    return ctx.intern(`utensor:${elementType.id}`, () => new UnrankedTensorType(ctx, elementType));
  }
}

/** `memref<8x?xf32, strided<[?, 1]>, 3>`: layout and memory space are optional attributes. */
export class MemRefType extends ShapedType {
  private constructor(
    ctx: Context,
    readonly shape: readonly number[],
    readonly elementType: Type,
    readonly layout: Attribute | undefined,
    readonly memorySpace: Attribute | undefined,
  ) {
    super(ctx);
  }
  static get(
    ctx: Context,
    shape: readonly number[],
    elementType: Type,
    layout?: Attribute,
    memorySpace?: Attribute,
  ): MemRefType {
    const key = `memref:${shapeKey(shape)}:${elementType.id}:${layout ? layout.id : ""}:${memorySpace ? memorySpace.id : ""}`;
    return ctx.intern(key, () => new MemRefType(ctx, shape.slice(), elementType, layout, memorySpace));
  }
}

/** `memref<*xf32, 1>`. */
export class UnrankedMemRefType extends ShapedType {
  private constructor(
    ctx: Context,
    readonly elementType: Type,
    readonly memorySpace: Attribute | undefined,
  ) {
    super(ctx);
  }
  get shape(): undefined {
    return undefined;
  }
  static get(ctx: Context, elementType: Type, memorySpace?: Attribute): UnrankedMemRefType {
    const key = `umemref:${elementType.id}:${memorySpace ? memorySpace.id : ""}`;
    return ctx.intern(key, () => new UnrankedMemRefType(ctx, elementType, memorySpace));
  }
}

/**
 * A type of an unregistered dialect, kept verbatim: `!foo.bar<x>` has dialect
 * `foo` and data `bar<x>`; `!foo<"a b">` has data `a b`.
 */
export class OpaqueType extends Type {
  private constructor(
    ctx: Context,
    readonly dialect: string,
    readonly data: string,
  ) {
    super(ctx);
  }
  static get(ctx: Context, dialect: string, data: string): OpaqueType {
    return ctx.intern(`opaque:${dialect}:${data}`, () => new OpaqueType(ctx, dialect, data));
  }
}

/** True for integer and index types (what `IntegerAttr` accepts). */
export function isIntegerOrIndex(t: Type): t is IntegerType | IndexType {
  return t instanceof IntegerType || t instanceof IndexType;
}

/** Bit width used for dense storage of an element type, or undefined if not int/float/index. */
export function getStorageBitWidth(t: Type, floatWidth: (kind: FloatKind) => number): number | undefined {
  if (t instanceof IntegerType) return t.width;
  if (t instanceof IndexType) return IndexType.storageWidth;
  if (t instanceof FloatType) return floatWidth(t.kind);
  return undefined;
}
