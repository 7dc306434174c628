// Folding support: the constant value of an SSA value, constant
// materialisation per dialect, and MLIR's "trivially dead" test.

import type { Attribute } from "./attribute.js";
import type { Builder } from "./builder.js";
import type { Context } from "./context.js";
import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import { OpTrait } from "./operation-name.js";
import type { Type } from "./type.js";
import type { Value } from "./value.js";

/** Builds a constant op of `type` holding `value` at the builder's insertion point (MLIR's Dialect::materializeConstant). */
export type ConstantMaterializer = (builder: Builder, value: Attribute, type: Type, loc: Location) => Operation | undefined;

const materializers = new WeakMap<Context, Map<string, ConstantMaterializer>>();

/** Registers how `dialect` materialises folded constants in `ctx`. */
export function registerConstantMaterializer(ctx: Context, dialect: string, m: ConstantMaterializer): void {
  let byDialect = materializers.get(ctx);
  if (!byDialect) materializers.set(ctx, (byDialect = new Map()));
  byDialect.set(dialect, m);
}

export function getConstantMaterializer(ctx: Context, dialect: string): ConstantMaterializer | undefined {
  return materializers.get(ctx)?.get(dialect);
}

/** The constant a ConstantLike op holds (its fold with no operands), or undefined. */
export function constantValueOf(op: Operation): Attribute | undefined {
  const def = op.name.definition;
  if (!def?.fold || !(def.traits & OpTrait.ConstantLike)) return undefined;
  const r = def.fold(op, []);
  return r !== undefined && r !== "in-place" && r.length === 1 && !isValue(r[0]!) ? (r[0] as Attribute) : undefined;
}

/** The constant value of `v` if a ConstantLike op defines it. */
export function constantValue(v: Value): Attribute | undefined {
  const def = v.definingOp;
  return def ? constantValueOf(def) : undefined;
}

export function isValue(x: Attribute | Value): x is Value {
  return "firstUse" in x;
}

/** Pure, NoMemoryEffect, or RecursiveMemoryEffects (whose effects are its nested ops', checked by the caller). */
function hasNoOwnEffects(op: Operation): boolean {
  return op.name.hasTrait(OpTrait.Pure) || op.name.hasTrait(OpTrait.NoMemoryEffect) || op.name.hasTrait(OpTrait.RecursiveMemoryEffects);
}

/**
 * Whether `op` would be dead without uses: without memory effects of its own
 * (Pure, NoMemoryEffect or RecursiveMemoryEffects), its nested ops too, and
 * not a terminator (MLIR's wouldOpBeTriviallyDead).
 */
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  const stack: Operation[] = [op];
  while (stack.length) {
    const o = stack.pop()!;
    if (o.name.hasTrait(OpTrait.Terminator) && o !== op) {
      // A nested terminator of a pure op (a region's yield) has no effect of its own.
      if (!hasNoOwnEffects(o)) return false;
      continue;
    }
    if (!hasNoOwnEffects(o) || (o === op && o.name.hasTrait(OpTrait.Terminator))) return false;
    for (const r of o.regions) for (let b = r.entryBlock; b; b = b.next) for (let n = b.first; n; n = n.next) stack.push(n);
  }
  return true;
}

/** No result used, and no effect (MLIR's isOpTriviallyDead). */
export function isOpTriviallyDead(op: Operation): boolean {
  for (const r of op.results) if (r.hasUses) return false;
  return wouldOpBeTriviallyDead(op);
}
