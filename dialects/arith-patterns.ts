// Canonicalization patterns of arith.addi, arith.subi and arith.muli that
// reassociate constants, as MLIR's ArithCanonicalization.td declares them:
// two constants meeting through an inner op of the same family combine into
// one, e.g. (x + c0) + c1 -> x + (c0 + c1). The result keeps the overflow
// flags both ops had, and the location fuses the root's with the inner
// constant's, as MLIR's generated rewriters do.

import type { Attribute } from "../src/ir/attribute.js";
import { DictionaryAttr, IntegerAttr, OpaqueAttr } from "../src/ir/builtin-attributes.js";
import { IndexType, IntegerType } from "../src/ir/builtin-types.js";
import { constantValue } from "../src/ir/fold.js";
import { getFusedLocation, type Location } from "../src/ir/location.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { RewritePattern, type PatternRewriter } from "../src/ir/pattern-match.js";
import type { Value } from "../src/ir/value.js";

const kAdd = "arith.addi";
const kSub = "arith.subi";
const kMul = "arith.muli";

/** A scalar integer constant operand: its value and defining op. */
interface IntConstant {
  readonly value: bigint;
  readonly op: Operation;
}

function intConstant(v: Value): IntConstant | undefined {
  const c = constantValue(v);
  return c instanceof IntegerAttr && v.definingOp ? { value: c.value, op: v.definingOp } : undefined;
}

/** `v`'s defining op when it is a `name` op. */
function definedBy(v: Value, name: string): Operation | undefined {
  const op = v.definingOp;
  return op && op.name.name === name ? op : undefined;
}

/** The flags of an `#arith.overflow<...>` property (none when absent). */
function overflowFlags(op: Operation): Set<string> {
  const a = op.getAttr("overflowFlags");
  const m = a instanceof OpaqueAttr ? /^overflow<(.*)>$/.exec(a.data) : null;
  return new Set(m ? m[1]!.split(", ").filter((f) => f !== "none") : []);
}

/** The flags both ops carry (none when `b` is undefined), as the `overflowFlags` property (MLIR's MergeOverflow). */
function mergedOverflow(a: Operation, b: Operation | undefined): Attribute {
  const x = overflowFlags(a);
  const both = b ? ["nsw", "nuw"].filter((f) => x.has(f) && overflowFlags(b).has(f)) : [];
  return OpaqueAttr.get(a.context, "arith", `overflow<${both.length ? both.join(", ") : "none"}>`);
}

/** Wraps `v` to the signed range of `root`'s integer type (index is 64-bit). */
function wrap(root: Operation, v: bigint): bigint {
  const t = root.results[0]!.type;
  const width = t instanceof IntegerType ? t.width : 64;
  return BigInt.asIntN(width, v);
}

/**
 * Replaces `root` by `name(operand, constant)` (or the constant first), the
 * constant a new `value`. The location fuses the root's with that of the
 * first constant among the matched operands (`firstConstant`), as MLIR's
 * generated rewriters do; overflow flags are the ones `root` and
 * `flagsFrom` share (none without `flagsFrom`).
 */
function rewriteTo(
  rewriter: PatternRewriter,
  root: Operation,
  flagsFrom: Operation | undefined,
  firstConstant: Operation,
  name: string,
  value: bigint,
  operand: Value,
  constantFirst: boolean,
): LogicalResult {
  const ctx = root.context;
  const type = root.results[0]!.type as IntegerType | IndexType;
  const loc: Location = getFusedLocation(ctx, [root.loc, firstConstant.loc]);
  rewriter.setInsertionPoint(root);
  const constant = rewriter.create("arith.constant", {
    results: [type],
    properties: DictionaryAttr.get(ctx, [{ name: "value", value: IntegerAttr.get(ctx, type, wrap(root, value)) }]),
    loc,
  }).results[0]!;
  const properties = DictionaryAttr.get(ctx, [{ name: "overflowFlags", value: mergedOverflow(root, flagsFrom) }]);
  const operands = constantFirst ? [constant, operand] : [operand, constant];
  const op = rewriter.create(name, { operands, results: [type], properties, loc });
  rewriter.replaceOp(root, op.results);
  return success();
}

/** What `root(inner(x, c0), c1)` (or `inner(c0, x)` when `constantOnLeft`) becomes: an op, its constant, and the constant's side. */
type Reassociation = (c0: bigint, c1: bigint, constantOnLeft: boolean) => { name: string; value: bigint; constantFirst: boolean };

class ReassociateConstants extends RewritePattern {
  constructor(
    root: string,
    private readonly inner: string,
    private readonly rule: Reassociation,
    private readonly label: string,
  ) {
    super(root);
  }
  override get debugName(): string {
    return this.label;
  }
  /** Matches `root(inner(...), c1)`; an inner addi or muli must hold its constant on the right, as MLIR's patterns spell it. */
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const c1 = intConstant(op.operands[1]!.value);
    const inner = definedBy(op.operands[0]!.value, this.inner);
    if (!c1 || !inner) return failure();
    const a = inner.operands[0]!.value;
    const b = inner.operands[1]!.value;
    const cb = intConstant(b);
    const ca = cb || this.inner !== kSub ? undefined : intConstant(a);
    const c0 = cb ?? ca;
    if (!c0) return failure();
    const x = cb ? a : b;
    const r = this.rule(c0.value, c1.value, ca !== undefined);
    return rewriteTo(rewriter, op, inner, c0.op, r.name, r.value, x, r.constantFirst);
  }
}

function addPatterns(): RewritePattern[] {
  return [
    // (x + c0) + c1 -> x + (c0 + c1)
    new ReassociateConstants(kAdd, kAdd, (c0, c1) => ({ name: kAdd, value: c0 + c1, constantFirst: false }), "AddIAddConstant"),
    // (x - c0) + c1 -> x + (c1 - c0); (c0 - x) + c1 -> (c0 + c1) - x
    new ReassociateConstants(
      kAdd,
      kSub,
      (c0, c1, left) => (left ? { name: kSub, value: c0 + c1, constantFirst: true } : { name: kAdd, value: c1 - c0, constantFirst: false }),
      "AddISubConstant",
    ),
  ];
}

function subPatterns(): RewritePattern[] {
  return [new SubReassociation()];
}

function mulPatterns(): RewritePattern[] {
  // (x * c0) * c1 -> x * (c0 * c1)
  return [new ReassociateConstants(kMul, kMul, (c0, c1) => ({ name: kMul, value: c0 * c1, constantFirst: false }), "MulIMulIConstant")];
}

/**
 * subi with a constant on one side and an addi or subi with a constant on
 * the other (MLIR's SubIRHS... and SubILHS... patterns):
 *   (x + c0) - c1 -> x + (c0 - c1)      c1 - (x + c0) -> (c1 - c0) - x
 *   (x - c0) - c1 -> x - (c0 + c1)      (c0 - x) - c1 -> (c0 - c1) - x
 *   c1 - (x - c0) -> (c0 + c1) - x      c1 - (c0 - x) -> x + (c1 - c0)
 * All keep the overflow flags both ops share, except (x + c0) - c1, which
 * keeps none (MLIR's SubIRHSAddConstant).
 */
class SubReassociation extends RewritePattern {
  constructor() {
    super(kSub);
  }
  override get debugName(): string {
    return "SubIConstantReassociation";
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const lhs = op.operands[0]!.value;
    const rhs = op.operands[1]!.value;
    const cRight = intConstant(rhs);
    const cLeft = cRight ? undefined : intConstant(lhs);
    const c1 = cRight ?? cLeft;
    if (!c1) return failure();
    const innerValue = cRight ? lhs : rhs;
    const inner = definedBy(innerValue, kAdd) ?? definedBy(innerValue, kSub);
    if (!inner) return failure();
    const isAdd = inner.name.name === kAdd;
    const b = intConstant(inner.operands[1]!.value);
    const a = b ? undefined : intConstant(inner.operands[0]!.value);
    // addi keeps its constant on the right (commutative canonical form).
    if (isAdd && !b) return failure();
    const c0 = b ?? a;
    if (!c0) return failure();
    const x = b ? inner.operands[0]!.value : inner.operands[1]!.value;
    const k0 = c0.value;
    const k1 = c1.value;
    let r: { name: string; value: bigint; constantFirst: boolean };
    if (cRight) {
      if (isAdd) r = { name: kAdd, value: k0 - k1, constantFirst: false };
      else if (b) r = { name: kSub, value: k0 + k1, constantFirst: false };
      else r = { name: kSub, value: k0 - k1, constantFirst: true };
    } else {
      if (isAdd) r = { name: kSub, value: k1 - k0, constantFirst: true };
      else if (b) r = { name: kSub, value: k0 + k1, constantFirst: true };
      else r = { name: kAdd, value: k1 - k0, constantFirst: false };
    }
    const flagsFrom = cRight && isAdd ? undefined : inner;
    return rewriteTo(rewriter, op, flagsFrom, cRight ? c0.op : c1.op, r.name, r.value, x, r.constantFirst);
  }
}

export const addiCanonicalizationPatterns = addPatterns;
export const subiCanonicalizationPatterns = subPatterns;
export const muliCanonicalizationPatterns = mulPatterns;
