// The builtin dialect's ops: `builtin.module` and
// `builtin.unrealized_conversion_cast`, with MLIR's traits and verifier wording.

import { DictionaryAttr, StringAttr } from "../ir/builtin-attributes.js";
import type { Context } from "../ir/context.js";
import { success, type LogicalResult } from "../ir/logical-result.js";
import type { Operation } from "../ir/operation.js";
import { type FoldResult, OpTrait, RegionKind, type OpDefinition } from "../ir/operation-name.js";
import { kSymbolAttrName, kVisibilityAttrName, verifySymbol } from "../ir/symbol-table.js";

/**
 * ODS's count traits and attribute constraints of `builtin.module`, in the
 * order MLIR checks them (OneRegion, ZeroResults, ZeroSuccessors,
 * ZeroOperands, NoRegionArguments, the inherent attributes, SizedRegion<1>),
 * then the optional-symbol check and ModuleOp::verify. The SingleBlock trait
 * itself is checked by the verifier just before this hook.
 */
function verifyModule(op: Operation): LogicalResult {
  if (op.numRegions !== 1) return op.emitOpError("requires one region");
  if (op.numResults !== 0) return op.emitOpError("requires zero results");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
  if (op.numOperands !== 0) return op.emitOpError("requires zero operands");
  const body = op.regions[0]!;
  if (body.entryBlock && body.entryBlock.numArguments !== 0) return op.emitOpError("region should have no arguments");
  for (const name of [kSymbolAttrName, kVisibilityAttrName]) {
    const a = op.getAttr(name);
    if (a !== undefined && !(a instanceof StringAttr))
      return op.emitOpError(`attribute '${name}' failed to satisfy constraint: string attribute`);
  }
  if (body.entryBlock === null || body.entryBlock !== body.lastBlock)
    return op.emitOpError("region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks");
  // An optional symbol: checked only when named.
  if (op.getAttr(kSymbolAttrName) !== undefined) {
    const r = verifySymbol(op);
    if (r.failed) return r;
  }
  // Every attribute but the symbol ones must be dialect-prefixed; MLIR scans
  // them merged and sorted by name, so the first offender in that order is reported.
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

/** `builtin.module`: a top-level container, a symbol table, optionally a symbol itself. */
export const ModuleOpDef: OpDefinition = {
  name: "builtin.module",
  summary: "Top-level container of ops, optionally a named symbol",
  traits:
    OpTrait.IsolatedFromAbove |
    OpTrait.NoTerminator |
    OpTrait.SymbolTable |
    OpTrait.OptionalSymbol |
    OpTrait.SingleBlock |
    OpTrait.AffineScope,
  regionKind: () => RegionKind.Graph,
  inherentAttrNames: [kSymbolAttrName, kVisibilityAttrName],
  verify: verifyModule,
  defaultDialect: "builtin",
};

/**
 * ODS's ZeroRegions and ZeroSuccessors, then CastOpInterface's check (every
 * operand/result type combination is cast-compatible for this op).
 */
function verifyUnrealizedConversionCast(op: Operation): LogicalResult {
  if (op.numRegions !== 0) return op.emitOpError("requires zero regions");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
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

/** `builtin.unrealized_conversion_cast`: any operands to any (non-empty) results. */
export const UnrealizedConversionCastOpDef: OpDefinition = {
  name: "builtin.unrealized_conversion_cast",
  summary: "Placeholder for a type conversion not materialised yet",
  traits: OpTrait.Pure,
  verify: verifyUnrealizedConversionCast,
  fold: foldUnrealizedConversionCast,
};

/** Registers the builtin ops in `ctx` (loading the `builtin` namespace). Idempotent. */
export function registerBuiltinDialect(ctx: Context): void {
  ctx.registerOperation(ModuleOpDef);
  ctx.registerOperation(UnrealizedConversionCastOpDef);
}
