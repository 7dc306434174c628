// Operand and result segment sizes (ODS's AttrSizedOperandSegments /
// AttrSizedResultSegments): the `array<i32: ...>` property that splits an
// op's operands or results into its declared groups.

import type { Attribute } from "./attribute.js";
import type { DenseArrayAttr } from "./builtin-attributes.js";
import type { Context } from "./context.js";
import { intArrayAttr, readIntArray } from "./dense-int-array.js";

/** The entries of an `array<i32: ...>` attribute, or undefined for anything else. O(n). */
export function readSegmentSizes(a: Attribute | undefined): number[] | undefined {
  return readIntArray(a, 32);
}

/** The `array<i32: ...>` attribute holding `sizes`. O(n). */
export function segmentSizesAttr(ctx: Context, sizes: readonly number[]): DenseArrayAttr {
  return intArrayAttr(ctx, 32, sizes);
}
