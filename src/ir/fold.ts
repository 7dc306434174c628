// Folding support: the constant value of an SSA value, constant
// materialisation per dialect, and MLIR's "trivially dead" test.

import type { Attribute } from "./attribute.js";
import type { Builder } from "./builder.js";
import type { Context } from "./context.js";
import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import { OpTrait, type FoldResult } from "./operation-name.js";
import type { Type } from "./type.js";
import { Value } from "./value.js";

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

/**
 * MLIR's Operation::fold: the op's own fold hook, then the folds its traits
 * imply when that does nothing. `operands` holds each operand's constant
 * value (undefined where unknown).
 */
export function foldOperation(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult {
  const result = op.name.definition?.fold?.(op, operands);
  if (result !== undefined) return result;
  if (op.name.hasTrait(OpTrait.Idempotent)) {
    const idempotent = foldIdempotent(op);
    if (idempotent) return [idempotent];
  }
  if (op.name.hasTrait(OpTrait.Commutative) && foldCommutative(op, operands)) return "in-place";
  return undefined;
}

/** MLIR's foldIdempotent: op(x, x) is x; op(op(x)) is op(x). */
function foldIdempotent(op: Operation): Value | undefined {
  if (op.operands.length === 2) {
    const x = op.operands[0]!.value;
    return x === op.operands[1]!.value ? x : undefined;
  }
  if (op.operands.length === 1) {
    const x = op.operands[0]!.value;
    return x.definingOp?.name === op.name ? x : undefined;
  }
  return undefined;
}

/**
 * Commutative ops keep their constant operands last (a stable partition:
 * non-constants first, in order, then constants, in order), so patterns
 * need only look for a constant on the right. Returns whether `op` changed.
 */
function foldCommutative(op: Operation, operands: readonly (Attribute | undefined)[]): boolean {
  if (operands.length < 2) return false;
  const firstConstant = operands.findIndex((c) => c !== undefined);
  if (firstConstant < 0 || operands.slice(firstConstant).every((c) => c !== undefined)) return false;
  const values = op.getOperands();
  const kept = values.filter((_, i) => i < firstConstant || operands[i] === undefined);
  const moved = values.filter((_, i) => i >= firstConstant && operands[i] !== undefined);
  const order = [...kept, ...moved];
  for (let i = firstConstant; i < order.length; i++) op.setOperand(i, order[i]!);
  return true;
}

/** The operand constants a ConstantLike op folds with: none, shared (no array per lookup). */
const kNoOperands: readonly (Attribute | undefined)[] = Object.freeze([]);

/** The constant a ConstantLike op holds (its fold with no operands), or undefined. */
export function constantValueOf(op: Operation): Attribute | undefined {
  const def = op.name.definition;
  if (!def || !(def.traits & OpTrait.ConstantLike)) return undefined;
  if (def.constantValue) return def.constantValue(op);
  if (!def.fold) return undefined;
  const r = def.fold(op, kNoOperands);
  return r !== undefined && r !== "in-place" && r.length === 1 && !isValue(r[0]!) ? (r[0] as Attribute) : undefined;
}

/** The constant value of `v` if a ConstantLike op defines it. */
export function constantValue(v: Value): Attribute | undefined {
  const def = v.definingOp;
  return def ? constantValueOf(def) : undefined;
}

export function isValue(x: Attribute | Value): x is Value {
  return x instanceof Value;
}
