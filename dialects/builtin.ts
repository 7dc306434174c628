// Hooks of the builtin dialect (dialects/builtin.yaml): what ODS cannot
// declare about `builtin.module` and `builtin.unrealized_conversion_cast`.
// Counts, attribute constraints and traits are checked from the YAML.

import { DictionaryAttr } from "../src/ir/builtin-attributes.js";
import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import type { FoldResult } from "../src/ir/operation-name.js";
import { kSymbolAttrName, kVisibilityAttrName, verifySymbol } from "../src/ir/symbol-table.js";
import type { DialectHooks } from "../src/dialect/dialect-hooks.js";

/**
 * ModuleOp::verify: the optional-symbol check (only when named), then every
 * discardable attribute but the symbol ones is dialect-prefixed. MLIR scans
 * them merged and sorted by name, so the first offender in that order is reported.
 */
function verifyModule(op: Operation): LogicalResult {
  if (op.getAttr(kSymbolAttrName) !== undefined) {
    const r = verifySymbol(op);
    if (r.failed) return r;
  }
  let offender: string | undefined;
  const consider = (name: string): void => {
    if (name.includes(".") || name === kSymbolAttrName || name === kVisibilityAttrName) return;
    if (offender === undefined || name < offender) offender = name;
  };
  if (op.properties instanceof DictionaryAttr) for (const e of op.properties.entries) consider(e.name);
  for (const e of op.attributes.entries) consider(e.name);
  if (offender !== undefined)
    return op.emitOpError(`can only contain attributes with dialect-prefixed names, found: '${offender}'`);
  return success();
}

/** CastOpInterface's check: a cast produces something. */
function verifyUnrealizedConversionCast(op: Operation): LogicalResult {
  if (op.numResults === 0) return op.emitOpError("expected at least one result for cast operation");
  return success();
}

/**
 * MLIR's fold: a cast to its own operand types is its operands; a cast that
 * undoes another cast (taking all of its results, giving back its operand
 * types) is that cast's operands.
 */
function foldUnrealizedConversionCast(op: Operation): FoldResult {
  const inputs = op.operands;
  const results = op.results;
  if (inputs.length === results.length && inputs.every((o, i) => o.value.type === results[i]!.type)) return inputs.map((o) => o.value);
  if (inputs.length === 0) return undefined;
  const inner = inputs[0]!.value.definingOp;
  if (!inner || inner.name !== op.name || inner.results.length !== inputs.length) return undefined;
  if (!inputs.every((o, i) => o.value === inner.results[i])) return undefined;
  if (inner.operands.length !== results.length || !inner.operands.every((o, i) => o.value.type === results[i]!.type)) return undefined;
  return inner.operands.map((o) => o.value);
}

export const hooks: DialectHooks = {
  ops: {
    module: { verify: verifyModule },
    unrealized_conversion_cast: { verify: verifyUnrealizedConversionCast, fold: foldUnrealizedConversionCast },
  },
};
