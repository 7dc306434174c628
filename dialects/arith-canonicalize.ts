// Canonicalization patterns of arith (after MLIR's ArithCanonicalization.td):
// chains of addi/subi/muli with constant operands collapse into one op with
// a folded constant; x + (y * -1) becomes x - y. As in MLIR's generated
// rewrites, the new constant and op are created before the root op and the
// root is replaced; the inner op stays while it has other uses.

import type { Attribute } from "../src/ir/attribute.js";
import { getFusedLocation } from "../src/ir/location.js";
import { DictionaryAttr, IntegerAttr, OpaqueAttr } from "../src/ir/builtin-attributes.js";
import { IndexType, IntegerType } from "../src/ir/builtin-types.js";
import { constantValue } from "../src/ir/fold.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { RewritePattern, type PatternRewriter } from "../src/ir/pattern-match.js";
import type { Type } from "../src/ir/type.js";
import type { Value } from "../src/ir/value.js";
import { overflowFlags } from "./arith-fold.js";

/** The integer a scalar constant operand holds (MLIR's ConstantLikeMatcher<APIntAttr>). */
function constInt(v: Value): bigint | undefined {
  const a = constantValue(v);
  return a instanceof IntegerAttr ? a.value : undefined;
}

/** `v` wrapped to `type`'s width as an IntegerAttr (i1 as 0/1, wider signed). */
function intAttr(type: Type, v: bigint): IntegerAttr | undefined {
  if (!(type instanceof IntegerType || type instanceof IndexType)) return undefined;
  const w = type instanceof IndexType ? IndexType.storageWidth : type.width;
  return IntegerAttr.get(type.context, type, w === 1 ? BigInt.asUintN(1, v) : BigInt.asIntN(w, v));
}

const kFlagOrder = ["nsw", "nuw"];

/** MergeOverflow: the flags both ops carry (none unless `keep`: DefOverflow), as the property dictionary of a new op. */
function mergedOverflow(a: Operation, b: Operation, keep: boolean): Attribute | undefined {
  const x = overflowFlags(a);
  const y = overflowFlags(b);
  if (!x || !y) return undefined;
  const both = keep ? kFlagOrder.filter((f) => x.has(f) && y.has(f)) : [];
  const value = OpaqueAttr.get(a.context, "arith", `overflow<${both.length ? both.join(", ") : "none"}>`);
  return DictionaryAttr.get(a.context, [{ name: "overflowFlags", value }]);
}

/** What a match produces: the new op's name and operands, the constant operand's value and position. */
interface Rewrite {
  readonly name: "arith.addi" | "arith.subi" | "arith.muli";
  readonly other: Value;
  readonly constant: bigint;
  /** Whether the constant is the left operand (`c - x`) rather than the right (`x op c`). */
  readonly constantFirst: boolean;
  /** The op whose flags merge with the root's. */
  readonly inner: Operation;
  /** Whether the new op keeps the flags both carry (MLIR's MergeOverflow) or gets none (DefOverflow). */
  readonly keepFlags: boolean;
  /**
   * The op whose location fuses with the root's: the first constant among
   * the matched operands (the inner op when none is), as MLIR's generated
   * rewriters pick it.
   */
  readonly locFrom: Operation;
}

type Matcher = (root: Operation) => Rewrite | undefined;

/** `v`'s defining op when it is `name`. */
function defOf(v: Value, name: string): Operation | undefined {
  const d = v.definingOp;
  return d && d.name.name === name ? d : undefined;
}

/** `root(inner(...), c1)` with `inner` named `innerName` and `c1` constant: calls `make(inner, c1)`. */
function rhsConstant(innerName: string, make: (inner: Operation, c1: bigint, c1Op: Operation) => Rewrite | undefined): Matcher {
  return (root) => {
    const c1 = constInt(root.getOperand(1));
    const inner = defOf(root.getOperand(0), innerName);
    return c1 !== undefined && inner ? make(inner, c1, root.getOperand(1).definingOp!) : undefined;
  };
}

/** `root(c1, inner(...))`: calls `make(inner, c1)`. */
function lhsConstant(innerName: string, make: (inner: Operation, c1: bigint, c1Op: Operation) => Rewrite | undefined): Matcher {
  return (root) => {
    const c1 = constInt(root.getOperand(0));
    const inner = defOf(root.getOperand(1), innerName);
    return c1 !== undefined && inner ? make(inner, c1, root.getOperand(0).definingOp!) : undefined;
  };
}

/** The inner op's (x, c0) when its right operand is constant, or (c0, x) when its left is. */
const rightOf = (inner: Operation): { x: Value; c0: bigint; op: Operation } | undefined => {
  const c0 = constInt(inner.getOperand(1));
  return c0 === undefined ? undefined : { x: inner.getOperand(0), c0, op: inner.getOperand(1).definingOp! };
};
const leftOf = (inner: Operation): { x: Value; c0: bigint; op: Operation } | undefined => {
  const c0 = constInt(inner.getOperand(0));
  return c0 === undefined ? undefined : { x: inner.getOperand(1), c0, op: inner.getOperand(0).definingOp! };
};

const r = (name: Rewrite["name"], inner: Operation, locFrom: Operation, other: Value, constant: bigint, constantFirst = false, keepFlags = true): Rewrite => ({
  name,
  other,
  constant,
  constantFirst,
  inner,
  keepFlags,
  locFrom,
});

/** The patterns by root, each with MLIR's name. */
const kPatterns: readonly [string, string, Matcher][] = [
  // addi(addi(x, c0), c1) -> addi(x, c0 + c1)
  ["arith.addi", "AddIAddConstant", rhsConstant("arith.addi", (i, c1) => { const m = rightOf(i); return m && r("arith.addi", i, m.op, m.x, m.c0 + c1); })],
  // addi(subi(x, c0), c1) -> addi(x, c1 - c0)
  ["arith.addi", "AddISubConstantRHS", rhsConstant("arith.subi", (i, c1) => { const m = rightOf(i); return m && r("arith.addi", i, m.op, m.x, c1 - m.c0); })],
  // addi(subi(c0, x), c1) -> subi(c0 + c1, x)
  ["arith.addi", "AddISubConstantLHS", rhsConstant("arith.subi", (i, c1) => { const m = leftOf(i); return m && r("arith.subi", i, m.op, m.x, m.c0 + c1, true); })],
  // subi(addi(x, c0), c1) -> addi(x, c0 - c1), without the flags (DefOverflow)
  ["arith.subi", "SubIRHSAddConstant", rhsConstant("arith.addi", (i, c1) => { const m = rightOf(i); return m && r("arith.addi", i, m.op, m.x, m.c0 - c1, false, false); })],
  // subi(c1, addi(x, c0)) -> subi(c1 - c0, x)
  ["arith.subi", "SubILHSAddConstant", lhsConstant("arith.addi", (i, c1, k) => { const m = rightOf(i); return m && r("arith.subi", i, k, m.x, c1 - m.c0, true); })],
  // subi(subi(x, c0), c1) -> subi(x, c0 + c1)
  ["arith.subi", "SubIRHSSubConstantRHS", rhsConstant("arith.subi", (i, c1) => { const m = rightOf(i); return m && r("arith.subi", i, m.op, m.x, m.c0 + c1); })],
  // subi(subi(c0, x), c1) -> subi(c0 - c1, x)
  ["arith.subi", "SubIRHSSubConstantLHS", rhsConstant("arith.subi", (i, c1) => { const m = leftOf(i); return m && r("arith.subi", i, m.op, m.x, m.c0 - c1, true); })],
  // subi(c1, subi(x, c0)) -> subi(c0 + c1, x)
  ["arith.subi", "SubILHSSubConstantRHS", lhsConstant("arith.subi", (i, c1, k) => { const m = rightOf(i); return m && r("arith.subi", i, k, m.x, m.c0 + c1, true); })],
  // subi(c1, subi(c0, x)) -> addi(x, c1 - c0)
  ["arith.subi", "SubILHSSubConstantLHS", lhsConstant("arith.subi", (i, c1, k) => { const m = leftOf(i); return m && r("arith.addi", i, k, m.x, c1 - m.c0); })],
  // subi(subi(a, b), a) -> subi(0, b)
  [
    "arith.subi",
    "SubISubILHSRHSLHS",
    (root) => {
      const inner = defOf(root.getOperand(0), "arith.subi");
      return inner && inner.getOperand(0) === root.getOperand(1) ? r("arith.subi", inner, inner, inner.getOperand(1), 0n, true) : undefined;
    },
  ],
  // muli(muli(x, c0), c1) -> muli(x, c0 * c1)
  ["arith.muli", "MulIMulIConstant", rhsConstant("arith.muli", (i, c1) => { const m = rightOf(i); return m && r("arith.muli", i, m.op, m.x, m.c0 * c1); })],
];

class ConstantChainPattern extends RewritePattern {
  constructor(
    root: string,
    private readonly name: string,
    private readonly match: Matcher,
  ) {
    super(root);
  }
  override get debugName(): string {
    return this.name;
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const m = this.match(op);
    if (!m) return failure();
    const type = op.getResult(0).type;
    const value = intAttr(type, m.constant);
    const properties = mergedOverflow(m.inner, op, m.keepFlags);
    if (!value || !properties) return failure();
    const loc = getFusedLocation(op.context, [op.loc, m.locFrom.loc]);
    rewriter.setInsertionPoint(op);
    const c = rewriter.create("arith.constant", {
      results: [type],
      properties: DictionaryAttr.get(op.context, [{ name: "value", value }]),
      loc,
    });
    const k = c.getResult(0);
    const operands = m.constantFirst ? [k, m.other] : [m.other, k];
    const repl = rewriter.create(m.name, { operands, results: [type], properties, loc });
    rewriter.replaceOp(op, repl.results);
    return success();
  }
}

/** `muli(v, -1)`'s `v`, when `value` is one. */
function negatedOperand(value: Value): Value | undefined {
  const mul = value.definingOp;
  if (!mul || mul.name.name !== "arith.muli") return undefined;
  const c = constInt(mul.getOperand(1));
  const w = intAttr(value.type, 0n) === undefined ? undefined : (value.type as IntegerType | IndexType);
  if (c === undefined || !w) return undefined;
  return intAttr(value.type, c) === intAttr(value.type, -1n) ? mul.getOperand(0) : undefined;
}

/** AddIMulNegativeOneRhs / Lhs: addi(x, muli(y, -1)) -> subi(x, y); addi(muli(x, -1), y) -> subi(y, x). */
class AddIMulNegativeOne extends RewritePattern {
  constructor(private readonly negatedSide: 0 | 1) {
    super("arith.addi");
  }
  override get debugName(): string {
    return this.negatedSide === 1 ? "AddIMulNegativeOneRhs" : "AddIMulNegativeOneLhs";
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const negated = negatedOperand(op.getOperand(this.negatedSide));
    if (!negated) return failure();
    rewriter.setInsertionPoint(op);
    const other = op.getOperand(1 - this.negatedSide);
    const sub = rewriter.create("arith.subi", { operands: [other, negated], results: [op.getResult(0).type], loc: op.loc });
    rewriter.replaceOp(op, sub.results);
    return success();
  }
}

/** The canonicalization patterns rooted at `opName`, in MLIR's registration order. */
export function arithCanonicalizationPatterns(opName: string): RewritePattern[] {
  const out: RewritePattern[] = kPatterns.filter(([root]) => root === opName).map(([root, name, match]) => new ConstantChainPattern(root, name, match));
  if (opName === "arith.addi") out.push(new AddIMulNegativeOne(1), new AddIMulNegativeOne(0));
  return out;
}
