// Builtin attributes: scalars, containers, symbol references, affine maps,
// dense/sparse/resource element data, dense arrays, opaque dialect attributes,
// distinct and strided layouts (MLIR's builtin dialect attributes).

import type { AffineMap, IntegerSet } from "./affine-map.js";
import { Attribute } from "./attribute.js";
import type { IntegerType, IndexType, FloatType, ShapedType } from "./builtin-types.js";
import type { Context } from "./context.js";
import type { Type } from "./type.js";
import { getFloatSemantics } from "./float-semantics.js";
import { addToBucket, hashBytes, mixHash, sameBytes } from "./structural-hash.js";

/** StringAttrs with a type, per type, keyed by value (untyped ones live in the context's tables). */
const typedStringTables = new WeakMap<Type, Map<string, StringAttr>>();

function sameAttrsAsRange(a: readonly Attribute[], values: readonly Attribute[], start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== values[start + i]) return false;
  return true;
}

function sameEntriesAsRanges(d: DictionaryAttr, names: readonly string[], values: readonly Attribute[], start: number, end: number): boolean {
  const parts = d.parts;
  if (parts.length !== 2 * (end - start)) return false;
  for (let i = start, j = 0; i < end; i++, j += 2) if (parts[j + 1] !== values[i] || parts[j] !== names[i]) return false;
  return true;
}

/** `42 : i32`, `true`. `value` is normalised to the type's range (signed for signless). */
export class IntegerAttr extends Attribute {
  private constructor(
    ctx: Context,
    private readonly intType: IntegerType | IndexType,
    readonly value: bigint,
  ) {
    super(ctx);
  }
  override get type(): IntegerType | IndexType {
    return this.intType;
  }
  /**
   * Precondition: `value` fits `type` (the parser checks and reports otherwise).
   * Values of magnitude below 2^53 are interned in a per-type numeric table
   * (no string key per constant); larger ones through the context's uniquer.
   */
  static get(ctx: Context, type: IntegerType | IndexType, value: bigint): IntegerAttr {
    if (value > -0x20000000000000n && value < 0x20000000000000n) {
      const table = type.safeIntAttrs;
      const key = Number(value);
      let a = table.get(key);
      if (!a) table.set(key, (a = new IntegerAttr(ctx, type, value)));
      return a;
    }
    return ctx.intern(`int:${type.id}:${value}`, () => new IntegerAttr(ctx, type, value));
  }
  /**
   * As `get` for a safe integer `value` (|value| < 2^53), already normalised
   * to the type: no BigInt is made unless the attribute is new. O(1) average.
   */
  static getFromSafeInteger(ctx: Context, type: IntegerType | IndexType, value: number): IntegerAttr {
    const table = type.safeIntAttrs;
    let a = table.get(value);
    if (!a) table.set(value, (a = new IntegerAttr(ctx, type, BigInt(value))));
    return a;
  }
}

const f64Bits = new DataView(new ArrayBuffer(8));

/** `1.5 : f32`. `bits` is the IEEE-style bit pattern of `type` (exact for every float kind). */
export class FloatAttr extends Attribute {
  private constructor(
    ctx: Context,
    private readonly floatType: FloatType,
    readonly bits: bigint,
  ) {
    super(ctx);
  }
  override get type(): FloatType {
    return this.floatType;
  }
  /**
   * Interned per type by the bit pattern: as a number key for kinds of at most
   * 32 bits and for non-zero, non-NaN f64 values (no BigInt hashing on the hot
   * path), as a BigInt key otherwise. O(1) average.
   */
  static get(ctx: Context, type: FloatType, bits: bigint): FloatAttr {
    if (type.kind === "f64") {
      f64Bits.setBigUint64(0, bits);
      const x = f64Bits.getFloat64(0);
      if (x !== 0 && x === x) return FloatAttr.getFromF64(ctx, type, x);
    } else if (getFloatSemantics(type.kind).bitWidth <= 32) {
      return FloatAttr.getFromNumberBits(ctx, type, Number(bits));
    }
    const table = type.bigintKeyedAttrs;
    let a = table.get(bits);
    if (!a) table.set(bits, (a = new FloatAttr(ctx, type, bits)));
    return a;
  }
  /**
   * As `get` for a kind of at most 32 bits, with the bit pattern as a number
   * (0 ≤ bits < 2^bitWidth): no BigInt is made unless the attribute is new.
   */
  static getFromNumberBits(ctx: Context, type: FloatType, bits: number): FloatAttr {
    const table = type.numberKeyedAttrs;
    let a = table.get(bits);
    if (!a) table.set(bits, (a = new FloatAttr(ctx, type, BigInt(bits))));
    return a;
  }
  /** As `get` for an f64 `type` and its value `x`. Precondition: `x` is not NaN (NaN payloads need `get`). */
  static getFromF64(ctx: Context, type: FloatType, x: number): FloatAttr {
    if (x === 0) {
      f64Bits.setFloat64(0, x);
      const bits = f64Bits.getBigUint64(0);
      const byBits = type.bigintKeyedAttrs;
      let b = byBits.get(bits);
      if (!b) byBits.set(bits, (b = new FloatAttr(ctx, type, bits)));
      return b;
    }
    const table = type.numberKeyedAttrs;
    let a = table.get(x);
    if (!a) {
      f64Bits.setFloat64(0, x);
      table.set(x, (a = new FloatAttr(ctx, type, f64Bits.getBigUint64(0))));
    }
    return a;
  }
}

/**
 * `"text"` or `"text" : type`. `value` is a byte string: each char code is one
 * byte 0..255 (sources are read as latin1), so any byte sequence round-trips.
 */
export class StringAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly value: string,
    private readonly valueType: Type | undefined,
  ) {
    super(ctx);
  }
  /** Interned per (type, value) in a table keyed by the value itself (no key string is built). O(|value|). */
  static get(ctx: Context, value: string, type?: Type): StringAttr {
    let table = ctx.builtinTables.strings;
    if (type) {
      let typed = typedStringTables.get(type);
      if (!typed) typedStringTables.set(type, (typed = new Map()));
      table = typed;
    }
    let a = table.get(value);
    if (!a) table.set(value, (a = new StringAttr(ctx, value, type)));
    return a;
  }
  override get type(): Type | undefined {
    return this.valueType;
  }
}

/** `[a, b]`. */
export class ArrayAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly value: readonly Attribute[],
  ) {
    super(ctx);
  }
  /** Interned by a numeric hash of the element ids, then compared element-wise. O(n) average. */
  static get(ctx: Context, value: readonly Attribute[]): ArrayAttr {
    return ArrayAttr.getImpl(ctx, value, false);
  }
  /**
   * @internal As `get`, taking ownership of `value` (the caller never changes
   * it again), so a new attribute does not copy it. For parsers.
   */
  static getOwned(ctx: Context, value: Attribute[]): ArrayAttr {
    return ArrayAttr.getImpl(ctx, value, true);
  }
  /**
   * @internal As `get` for `values[start, end)`, copied only when the array is
   * new. For parsers that collect elements on a shared stack. O(end - start).
   */
  static getFromRange(ctx: Context, values: readonly Attribute[], start: number, end: number, owned = false): ArrayAttr {
    let h = (end - start) | 0;
    for (let i = start; i < end; i++) h = mixHash(h, values[i]!.id);
    const table = ctx.builtinTables.arrays;
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const a = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (sameAttrsAsRange(a.value, values, start, end)) return a;
      }
    }
    // An owned whole array becomes the storage; anything else is copied.
    const a = new ArrayAttr(ctx, owned && start === 0 && end === values.length ? values : values.slice(start, end));
    addToBucket(table, h, bucket, a);
    return a;
  }
  private static getImpl(ctx: Context, value: readonly Attribute[], owned: boolean): ArrayAttr {
    return ArrayAttr.getFromRange(ctx, value, 0, value.length, owned);
  }
}

/** A name/value pair in a dictionary. `name` is a byte string. */
export interface NamedAttribute {
  readonly name: string;
  readonly value: Attribute;
}

/**
 * Sorts the parallel ranges `names/values[start, end)` by name in place, given
 * that `[start, sortedEnd)` is sorted: insertion sort (dictionaries are small),
 * or through an index order when large. O(n²) worst case for n ≤ 32, else O(n log n).
 */
function sortRangesByName(names: string[], values: Attribute[], start: number, end: number, sortedEnd: number): void {
  if (end - start > 32) {
    const order = Array.from({ length: end - start }, (_, i) => start + i);
    order.sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const n = order.map((i) => names[i]!);
    const v = order.map((i) => values[i]!);
    for (let i = start; i < end; i++) {
      names[i] = n[i - start]!;
      values[i] = v[i - start]!;
    }
    return;
  }
  for (let i = sortedEnd; i < end; i++) {
    const name = names[i]!;
    const value = values[i]!;
    let j = i - 1;
    while (j >= start && names[j]! > name) {
      names[j + 1] = names[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    names[j + 1] = name;
    values[j + 1] = value;
  }
}

/** `entries` of dictionaries that were asked for them (most never are: see DictionaryAttr). */
const entryLists = new WeakMap<DictionaryAttr, readonly NamedAttribute[]>();

/**
 * `{a = 1, b}`: entries sorted by name (bytewise), names unique. Stored as one
 * array of alternating names and values: parsed IR has about one new
 * dictionary per op, and an object per entry was a tenth of the objects the
 * parser keeps.
 */
export class DictionaryAttr extends Attribute {
  private constructor(
    ctx: Context,
    /** @internal `[name0, value0, name1, value1, ...]`, sorted by name: see nameAt/valueAt. */
    readonly parts: readonly (string | Attribute)[],
  ) {
    super(ctx);
  }
  /**
   * Interns a dictionary; `entries` need not be sorted. Precondition: names are
   * unique (callers report duplicates first). O(n log n).
   */
  static get(ctx: Context, entries: readonly NamedAttribute[]): DictionaryAttr {
    if (entries.length === 0) return ctx.emptyDictionary;
    const names = entries.map((e) => e.name);
    const values = entries.map((e) => e.value);
    return DictionaryAttr.getFromRanges(ctx, names, values, 0, entries.length);
  }
  /**
   * @internal As `get` for the entries `names[i] = values[i]`, i in [start, end),
   * which this sorts in place; the ranges are copied only when the dictionary
   * is new. For parsers that collect entries on shared stacks.
   * Precondition: names unique, end > start. O(n) average for a sorted input.
   */
  static getFromRanges(ctx: Context, names: string[], values: Attribute[], start: number, end: number): DictionaryAttr {
    for (let i = start + 1; i < end; i++) {
      if (names[i - 1]! > names[i]!) {
        sortRangesByName(names, values, start, end, i);
        break;
      }
    }
    const nameIds = ctx.builtinTables.nameIds;
    let h = (end - start) | 0;
    for (let i = start; i < end; i++) {
      const name = names[i]!;
      let nid = nameIds.get(name);
      if (nid === undefined) nameIds.set(name, (nid = nameIds.size));
      h = mixHash(mixHash(h, nid), values[i]!.id);
    }
    const table = ctx.builtinTables.dictionaries;
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const d = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (sameEntriesAsRanges(d, names, values, start, end)) return d;
      }
    }
    const parts = new Array<string | Attribute>(2 * (end - start));
    for (let i = start, j = 0; i < end; i++, j += 2) {
      parts[j] = names[i]!;
      parts[j + 1] = values[i]!;
    }
    const d = new DictionaryAttr(ctx, parts);
    addToBucket(table, h, bucket, d);
    return d;
  }
  /** @internal The context's shared empty dictionary. */
  static createEmpty(ctx: Context): DictionaryAttr {
    return ctx.intern("dict:", () => new DictionaryAttr(ctx, []));
  }
  /** The entries, sorted by name: made on first use and kept (one array per dictionary). O(n). */
  get entries(): readonly NamedAttribute[] {
    let e = entryLists.get(this);
    if (e === undefined) {
      const list = new Array<NamedAttribute>(this.size);
      for (let i = 0; i < list.length; i++) list[i] = { name: this.nameAt(i), value: this.valueAt(i) };
      entryLists.set(this, (e = list));
    }
    return e;
  }
  /** @internal The name of entry `i` (0 ≤ i < size). */
  nameAt(i: number): string {
    return this.parts[2 * i] as string;
  }
  /** @internal The value of entry `i` (0 ≤ i < size). */
  valueAt(i: number): Attribute {
    return this.parts[2 * i + 1] as Attribute;
  }
  /** The value of `name`, or undefined. O(log n). */
  get(name: string): Attribute | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = this.nameAt(mid);
      if (n === name) return this.valueAt(mid);
      if (n < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
  get size(): number {
    return this.parts.length >> 1;
  }
}

/** `unit`: presence-only attribute. */
export class UnitAttr extends Attribute {
  private constructor(ctx: Context) {
    super(ctx);
  }
  static get(ctx: Context): UnitAttr {
    return (ctx.builtinTables.unit ??= ctx.intern("unit", () => new UnitAttr(ctx)));
  }
}

/** A type used as an attribute value: `ty = i32`. */
export class TypeAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly value: Type,
  ) {
    super(ctx);
  }
  /** Interned per context by the type's id. O(1) average. */
  static get(ctx: Context, value: Type): TypeAttr {
    const table = ctx.builtinTables.typeAttrs;
    let a = table.get(value.id);
    if (!a) table.set(value.id, (a = new TypeAttr(ctx, value)));
    return a;
  }
}

/** `@root::@a::@b`. A flat reference has no nested parts. Names are byte strings. */
export class SymbolRefAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly root: string,
    readonly nested: readonly string[],
  ) {
    super(ctx);
  }
  static get(ctx: Context, root: string, nested: readonly string[] = []): SymbolRefAttr {
    if (nested.length === 0) {
      // Flat references are the common case: a table by name, no key string.
      const flat = ctx.builtinTables.flatSymbolRefs;
      let a = flat.get(root);
      if (!a) flat.set(root, (a = new SymbolRefAttr(ctx, root, [])));
      return a;
    }
    let key = "sym:" + root;
    for (const n of nested) key += "\u0000" + n;
    return ctx.intern(key, () => new SymbolRefAttr(ctx, root, nested.slice()));
  }
  get isFlat(): boolean {
    return this.nested.length === 0;
  }
  /** The innermost referenced name. */
  get leaf(): string {
    return this.nested.length ? this.nested[this.nested.length - 1]! : this.root;
  }
}

/** `affine_map<...>` as an attribute. */
export class AffineMapAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly value: AffineMap,
  ) {
    super(ctx);
  }
  static get(ctx: Context, value: AffineMap): AffineMapAttr {
    return ctx.intern(`amap:${ctx.objectId(value)}`, () => new AffineMapAttr(ctx, value));
  }
}

/** `affine_set<...>` as an attribute. */
export class IntegerSetAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly value: IntegerSet,
  ) {
    super(ctx);
  }
  static get(ctx: Context, value: IntegerSet): IntegerSetAttr {
    return ctx.intern(`aset:${ctx.objectId(value)}`, () => new IntegerSetAttr(ctx, value));
  }
}

/** Base of element attributes over a shaped type (dense, sparse, resource). */
export abstract class ElementsAttr extends Attribute {
  abstract override get type(): ShapedType;
}

/**
 * `dense<...>` over integer, index, float or complex elements. `data` holds the
 * raw little-endian element storage exactly as MLIR's hex form spells it
 * (`dense<"0x...">`); a splat stores one element. Never arrays of JS numbers.
 */
export class DenseIntOrFPElementsAttr extends ElementsAttr {
  private constructor(
    ctx: Context,
    private readonly shapedType: ShapedType,
    readonly data: Uint8Array,
    readonly isSplat: boolean,
  ) {
    super(ctx);
  }
  /**
   * Interned by (type, splat flag, bytes): a numeric hash of the bytes picks a
   * bucket, then bytes are compared (no key string). O(data length).
   */
  static get(ctx: Context, type: ShapedType, data: Uint8Array, isSplat: boolean): DenseIntOrFPElementsAttr {
    const h = mixHash(mixHash(hashBytes(data), type.id), isSplat ? 1 : 0);
    const table = ctx.builtinTables.denseElements;
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const d = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (d.shapedType === type && d.isSplat === isSplat && sameBytes(d.data, data)) return d;
      }
    }
    const d = new DenseIntOrFPElementsAttr(ctx, type, data, isSplat);
    addToBucket(table, h, bucket, d);
    return d;
  }

  override get type(): ShapedType {
    return this.shapedType;
  }
}

/** `dense<["a", "b"]>`: string elements (byte strings). A splat stores one. */
export class DenseStringElementsAttr extends ElementsAttr {
  private constructor(
    ctx: Context,
    private readonly shapedType: ShapedType,
    readonly values: readonly string[],
    readonly isSplat: boolean,
  ) {
    super(ctx);
  }
  static get(ctx: Context, type: ShapedType, values: readonly string[], isSplat: boolean): DenseStringElementsAttr {
    let key = `dstr:${type.id}:${isSplat ? 1 : 0}:`;
    for (const v of values) key += v.length + ":" + v;
    return ctx.intern(key, () => new DenseStringElementsAttr(ctx, type, values.slice(), isSplat));
  }
  override get type(): ShapedType {
    return this.shapedType;
  }
}

/** `dense_resource<key>`: elements stored in a named blob of the `builtin` dialect's resources. */
export class DenseResourceElementsAttr extends ElementsAttr {
  private constructor(
    ctx: Context,
    private readonly shapedType: ShapedType,
    readonly key: string,
  ) {
    super(ctx);
  }
  static get(ctx: Context, type: ShapedType, key: string): DenseResourceElementsAttr {
    return ctx.intern(`dres:${type.id}:${key}`, () => new DenseResourceElementsAttr(ctx, type, key));
  }
  override get type(): ShapedType {
    return this.shapedType;
  }
}

/** `sparse<indices, values>` over a shaped type. */
export class SparseElementsAttr extends ElementsAttr {
  private constructor(
    ctx: Context,
    private readonly shapedType: ShapedType,
    readonly indices: DenseIntOrFPElementsAttr,
    readonly values: DenseIntOrFPElementsAttr | DenseStringElementsAttr,
  ) {
    super(ctx);
  }
  static get(
    ctx: Context,
    type: ShapedType,
    indices: DenseIntOrFPElementsAttr,
    values: DenseIntOrFPElementsAttr | DenseStringElementsAttr,
  ): SparseElementsAttr {
    return ctx.intern(`sparse:${type.id}:${indices.id}:${values.id}`, () => new SparseElementsAttr(ctx, type, indices, values));
  }
  override get type(): ShapedType {
    return this.shapedType;
  }
}

/**
 * `array<i32: 1, 2>`: a 1-d array of i1/integer/float scalars stored as raw
 * little-endian bytes (i1 as one byte per element), `size` elements.
 */
export class DenseArrayAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly elementType: IntegerType | FloatType,
    readonly size: number,
    readonly data: Uint8Array,
  ) {
    super(ctx);
  }
  /** Interned by (element type, size, bytes) through a byte hash, like DenseIntOrFPElementsAttr. */
  static get(ctx: Context, elementType: IntegerType | FloatType, size: number, data: Uint8Array): DenseArrayAttr {
    const h = mixHash(mixHash(hashBytes(data), elementType.id), size);
    const table = ctx.builtinTables.denseArrays;
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const d = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (d.elementType === elementType && d.size === size && sameBytes(d.data, data)) return d;
      }
    }
    const d = new DenseArrayAttr(ctx, elementType, size, data);
    addToBucket(table, h, bucket, d);
    return d;
  }
}

/** Attribute of an unregistered dialect kept verbatim: `#foo.bar<x>` or `#foo<"x y">`, optionally typed. */
export class OpaqueAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly dialect: string,
    readonly data: string,
    private readonly valueType: Type | undefined,
  ) {
    super(ctx);
  }
  static get(ctx: Context, dialect: string, data: string, type?: Type): OpaqueAttr {
    return ctx.intern(`oattr:${type ? type.id : ""}:${dialect}:${data}`, () => new OpaqueAttr(ctx, dialect, data, type));
  }
  override get type(): Type | undefined {
    return this.valueType;
  }
}

/**
 * `distinct[N]<attr>`: an attribute with identity. Never uniqued: each `create`
 * makes a new one; the printer numbers them in order of first appearance.
 */
export class DistinctAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly referenced: Attribute,
  ) {
    super(ctx);
  }
  static create(ctx: Context, referenced: Attribute): DistinctAttr {
    return new DistinctAttr(ctx, referenced);
  }
}

/** Marks a dynamic stride or offset (`?`) in a strided layout; static values may be negative. */
export const kDynamicStrideOrOffset = Number.MIN_SAFE_INTEGER;

/** `strided<[s0, s1], offset: o>` memref layout. */
export class StridedLayoutAttr extends Attribute {
  private constructor(
    ctx: Context,
    readonly offset: number,
    readonly strides: readonly number[],
  ) {
    super(ctx);
  }
  static get(ctx: Context, offset: number, strides: readonly number[]): StridedLayoutAttr {
    return ctx.intern(`strided:${offset}:${strides.join(",")}`, () => new StridedLayoutAttr(ctx, offset, strides.slice()));
  }
}

