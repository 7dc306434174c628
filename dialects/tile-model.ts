// What tile-level IR means, as plain data: the enums of dialects/tile.yaml
// and data slices (buffer symbol + offsets + sizes). Passes, the emulator and
// the analyses read and build tile ops through these, never by raw attribute
// layout.
//
// A slice is stored as `[@buffer, array<i64: offsets...>, array<i64: sizes...>]`
// and printed in the custom form as `@buffer[o0:e0, o1:e1]` (half-open ranges).

import type { Attribute } from "../src/ir/attribute.js";
import { ArrayAttr, DenseArrayAttr, SymbolRefAttr } from "../src/ir/builtin-attributes.js";
import { OpaqueType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import { intArrayAttr, readIntArray } from "../src/ir/dense-int-array.js";
import { quoteString } from "../src/ir/escape-string.js";

/** Which core type runs a task (integer-stored enum `Unit`). */
export const Unit = { aic: 0, aiv: 1 } as const;
export type Unit = (typeof Unit)[keyof typeof Unit];

/** The keyword of each Unit value, by value. */
export const unitNames: readonly string[] = Object.keys(Unit);

/** Where a buffer lives (enum `BufferKind`): host-filled input, result, peer-visible, or scratch. */
export const BufferKind = { input: 0, output: 1, symmetric: 2, workspace: 3 } as const;
export type BufferKind = (typeof BufferKind)[keyof typeof BufferKind];

/** The keyword of each BufferKind value, by value. */
export const bufferKindNames: readonly string[] = Object.keys(BufferKind);

/** Which moe operator a task comes from (enum `Stage`); task counts per kind are counts per stage. */
export const Stage = {
  dispatch: 0,
  gmm1: 1,
  swiglu: 2,
  gmm2: 3,
  combine: 4,
  combine_grad: 5,
  gmm2_grad_lhs: 6,
  gmm2_grad_weight: 7,
  swiglu_grad: 8,
  gmm1_grad_lhs: 9,
  gmm1_grad_weight: 10,
  dispatch_grad: 11,
  gather: 12,
} as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

/** The keyword of each Stage value, by value. */
export const stageNames: readonly string[] = Object.keys(Stage);

/** `!tile.token`, the type of every task's result and dependency operand. */
export function tokenType(ctx: Context): OpaqueType {
  return OpaqueType.get(ctx, "tile", "token");
}

/** A slice: `sizes[i]` elements from `offsets[i]` along each dimension of `buffer`. */
export interface Slice {
  readonly buffer: string;
  readonly offsets: readonly number[];
  readonly sizes: readonly number[];
}

/** The entries of an `array<i64: ...>` attribute as numbers, or undefined for anything else. O(n). */
export function readI64Array(a: Attribute | undefined): number[] | undefined {
  return readIntArray(a, 64);
}

/** The `array<i64: ...>` attribute holding `values` (safe integers). O(n). */
export function i64ArrayAttr(ctx: Context, values: readonly number[]): DenseArrayAttr {
  return intArrayAttr(ctx, 64, values);
}

/** The attribute for `slice`. */
export function sliceAttr(ctx: Context, slice: Slice): ArrayAttr {
  return ArrayAttr.get(ctx, [SymbolRefAttr.get(ctx, slice.buffer), i64ArrayAttr(ctx, slice.offsets), i64ArrayAttr(ctx, slice.sizes)]);
}

/** Slices read so far, by their uniqued attribute (a slice is read by the verifiers, the printer and every pass). */
const sliceCache = new WeakMap<Attribute, Slice>();

/**
 * The slice `a` holds, or undefined when it is not `[@flat, array<i64>, array<i64>]` of equal ranks.
 * O(rank) the first time, O(1) after; the result is shared, so callers must not mutate it.
 */
export function readSlice(a: Attribute | undefined): Slice | undefined {
  if (!(a instanceof ArrayAttr)) return undefined;
  const cached = sliceCache.get(a);
  if (cached !== undefined) return cached;
  if (a.value.length !== 3) return undefined;
  const [sym, off, size] = a.value;
  if (!(sym instanceof SymbolRefAttr) || sym.nested.length !== 0) return undefined;
  const offsets = readI64Array(off);
  const sizes = readI64Array(size);
  if (!offsets || !sizes || offsets.length !== sizes.length) return undefined;
  const slice: Slice = { buffer: sym.root, offsets, sizes };
  sliceCache.set(a, slice);
  return slice;
}

/** The attribute for a list of slices (the `reads` / `writes` properties). */
export function sliceListAttr(ctx: Context, slices: readonly Slice[]): ArrayAttr {
  return ArrayAttr.get(ctx, slices.map((s) => sliceAttr(ctx, s)));
}

/** The slices of a `reads` / `writes` attribute, or undefined when any entry is malformed. */
export function readSliceList(a: Attribute | undefined): Slice[] | undefined {
  if (!(a instanceof ArrayAttr)) return undefined;
  const out: Slice[] = [];
  for (const e of a.value) {
    const s = readSlice(e);
    if (!s) return undefined;
    out.push(s);
  }
  return out;
}

/** Whether two slices of the same buffer share an element (half-open boxes). */
export function slicesOverlap(a: Slice, b: Slice): boolean {
  if (a.buffer !== b.buffer || a.offsets.length !== b.offsets.length) return false;
  for (let i = 0; i < a.offsets.length; i++) {
    if (a.offsets[i]! >= b.offsets[i]! + b.sizes[i]! || b.offsets[i]! >= a.offsets[i]! + a.sizes[i]!) return false;
  }
  return a.sizes.every((s) => s > 0) && b.sizes.every((s) => s > 0);
}

/** `@buf[o0:e0, o1:e1]`, the custom-form spelling of a slice (the name quoted when not a bare identifier). O(rank). */
export function formatSlice(s: Slice): string {
  let text = "@" + (/^[A-Za-z_][A-Za-z0-9_$.]*$/.test(s.buffer) ? s.buffer : quoteString(s.buffer)) + "[";
  for (let d = 0; d < s.offsets.length; d++) text += (d ? ", " : "") + s.offsets[d]! + ":" + (s.offsets[d]! + s.sizes[d]!);
  return text + "]";
}

/** What a task op reads and writes (operand roles, in order), where it runs and which stages it may carry. */
export interface TaskShape {
  readonly unit: Unit;
  readonly reads: readonly string[];
  /** How many of the last `reads` may be absent (0 unless given). */
  readonly optionalReads?: number;
  readonly writes: readonly string[];
  readonly stages: readonly Stage[];
}

/** The task ops by mnemonic (`tile.arrival` and `tile.join` are not tasks). */
export const taskShapes: Readonly<Record<string, TaskShape>> = {
  put: {
    unit: Unit.aiv,
    reads: ["src"],
    writes: ["dst"],
    stages: [Stage.dispatch, Stage.combine, Stage.combine_grad, Stage.dispatch_grad],
  },
  gemm: {
    unit: Unit.aic,
    reads: ["lhs", "rhs"],
    writes: ["out"],
    stages: [Stage.gmm1, Stage.gmm2, Stage.gmm2_grad_lhs, Stage.gmm2_grad_weight, Stage.gmm1_grad_lhs, Stage.gmm1_grad_weight],
  },
  swiglu: { unit: Unit.aiv, reads: ["h"], writes: ["a"], stages: [Stage.swiglu] },
  swiglu_grad: { unit: Unit.aiv, reads: ["h", "da"], writes: ["dh"], stages: [Stage.swiglu_grad] },
  // `scales` (rows x 1, f32): the backward's dedup gather scales row i by scales[i] (docs/moe-tile.md).
  gather: { unit: Unit.aiv, reads: ["tokens", "scales"], optionalReads: 1, writes: ["rows"], stages: [Stage.gather] },
};
