// Operand and result segment sizes (ODS's AttrSizedOperandSegments /
// AttrSizedResultSegments): the `array<i32: ...>` property that splits an
// op's operands or results into its declared groups.

import type { Attribute } from "./attribute.js";
import { DenseArrayAttr } from "./builtin-attributes.js";
import { IntegerType } from "./builtin-types.js";
import type { Context } from "./context.js";

/** The entries of an `array<i32: ...>` attribute, or undefined for anything else. O(n). */
export function readSegmentSizes(a: Attribute | undefined): number[] | undefined {
  if (!(a instanceof DenseArrayAttr) || !(a.elementType instanceof IntegerType) || a.elementType.width !== 32) return undefined;
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const out: number[] = [];
  for (let i = 0; i < a.size; i++) out.push(view.getInt32(i * 4, /*littleEndian=*/ true));
  return out;
}

/** The `array<i32: ...>` attribute holding `sizes`. O(n). */
export function segmentSizesAttr(ctx: Context, sizes: readonly number[]): DenseArrayAttr {
  const data = new Uint8Array(sizes.length * 4);
  const view = new DataView(data.buffer);
  for (let i = 0; i < sizes.length; i++) view.setInt32(i * 4, sizes[i]!, /*littleEndian=*/ true);
  return DenseArrayAttr.get(ctx, IntegerType.get(ctx, 32), sizes.length, data);
}
