// Reading and building `array<i32: ...>` / `array<i64: ...>` attributes
// (DenseI32ArrayAttr / DenseI64ArrayAttr) as plain numbers. i64 entries are
// read and written as two 32-bit halves (exact for safe integers): a BigInt
// per entry once topped the print profile of 50k-op tile programs.

import type { Attribute } from "./attribute.js";
import { DenseArrayAttr } from "./builtin-attributes.js";
import { IntegerType } from "./builtin-types.js";
import type { Context } from "./context.js";

const kTwo32 = 4294967296;

/** The entries of an `array<iW: ...>` attribute (W = 32 or 64), or undefined for anything else. O(n). */
export function readIntArray(a: Attribute | undefined, width: 32 | 64): number[] | undefined {
  if (!(a instanceof DenseArrayAttr) || !(a.elementType instanceof IntegerType) || a.elementType.width !== width) return undefined;
  const d = a.data;
  const out = new Array<number>(a.size);
  for (let i = 0, o = 0; i < a.size; i++, o += width / 8) {
    const lo = d[o]! | (d[o + 1]! << 8) | (d[o + 2]! << 16) | (d[o + 3]! << 24);
    out[i] = width === 32 ? lo : (d[o + 4]! | (d[o + 5]! << 8) | (d[o + 6]! << 16) | (d[o + 7]! << 24)) * kTwo32 + (lo >>> 0);
  }
  return out;
}

/** The `array<iW: ...>` attribute holding `values` (safe integers). O(n). */
export function intArrayAttr(ctx: Context, width: 32 | 64, values: readonly number[]): DenseArrayAttr {
  const bytes = width / 8;
  const data = new Uint8Array(values.length * bytes);
  for (let i = 0, o = 0; i < values.length; i++, o += bytes) {
    const v = values[i]!;
    const hi = Math.floor(v / kTwo32);
    const lo = v - hi * kTwo32;
    for (let b = 0; b < 4; b++) data[o + b] = (lo >>> (8 * b)) & 0xff;
    if (width === 64) for (let b = 0; b < 4; b++) data[o + 4 + b] = (hi >>> (8 * b)) & 0xff;
  }
  return DenseArrayAttr.get(ctx, IntegerType.get(ctx, width), values.length, data);
}
