// An op's attributes as custom printers see them (MLIR's Operation::getAttrs):
// inherent attributes (properties) and discardable ones, merged by name.

import { DictionaryAttr, type NamedAttribute } from "../ir/builtin-attributes.js";
import type { Operation } from "../ir/operation.js";

/** Inherent and discardable attributes, sorted by name. O(n log n) when both are present, else O(1). */
export function mergedAttributes(op: Operation): readonly NamedAttribute[] {
  const props = op.properties;
  if (!op.name.isRegistered || !(props instanceof DictionaryAttr) || props.size === 0) return op.attributes.entries;
  if (op.attributes.size === 0) return props.entries;
  const all = [...props.entries, ...op.attributes.entries];
  all.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return all;
}
