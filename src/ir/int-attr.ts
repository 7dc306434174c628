// Integer attributes read as plain numbers, for the many properties (ranks,
// sizes, enum cases) that are small integers.

import type { Attribute } from "./attribute.js";
import { IntegerAttr } from "./builtin-attributes.js";
import { IntegerType } from "./builtin-types.js";

/** The value of an IntegerAttr of any width as a number, or undefined for anything else. */
export function intAttrValue(a: Attribute | undefined): number | undefined {
  return a instanceof IntegerAttr ? Number(a.value) : undefined;
}

/** The value of an `i64` IntegerAttr as a number, or undefined for anything else. */
export function readI64(a: Attribute | undefined): number | undefined {
  return a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64 ? Number(a.value) : undefined;
}
