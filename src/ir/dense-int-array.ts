// Reading and building `array<i32: ...>` / `array<i64: ...>` attributes
// (DenseI32ArrayAttr / DenseI64ArrayAttr) as plain numbers.

import type { Attribute } from "./attribute.js";
import { DenseArrayAttr } from "./builtin-attributes.js";
import { IntegerType } from "./builtin-types.js";
import type { Context } from "./context.js";

const kTwo32 = 2 ** 32;

/** The entries of an `array<iW: ...>` attribute (W = 32 or 64), or undefined for anything else. O(n). */
export function readIntArray(a: Attribute | undefined, width: 32 | 64): number[] | undefined {
  if (!(a instanceof DenseArrayAttr) || !(a.elementType instanceof IntegerType) || a.elementType.width !== width) return undefined;
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const out: number[] = [];
  // 64-bit entries as two 32-bit halves: BigInt conversions cost ~10x more (tile lowering reads millions).
  for (let i = 0; i < a.size; i++) out.push(width === 32 ? view.getInt32(i * 4, true) : view.getInt32(i * 8 + 4, true) * kTwo32 + view.getUint32(i * 8, true));
  return out;
}

/** The `array<iW: ...>` attribute holding `values` (safe integers). O(n). */
export function intArrayAttr(ctx: Context, width: 32 | 64, values: readonly number[]): DenseArrayAttr {
  const bytes = width / 8;
  const data = new Uint8Array(values.length * bytes);
  const view = new DataView(data.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (width === 32) view.setInt32(i * 4, v, true);
    else {
      const hi = Math.floor(v / kTwo32);
      view.setUint32(i * 8, v - hi * kTwo32, true);
      view.setInt32(i * 8 + 4, hi, true);
    }
  }
  return DenseArrayAttr.get(ctx, IntegerType.get(ctx, width), values.length, data);
}
