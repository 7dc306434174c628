// The greedy rewrite driver on a small test dialect: folding with constant
// materialisation, patterns by benefit, dead-op erasure, convergence and the
// report of patterns still firing, rewrite limits, and the trace.

import { describe, expect, it } from "vitest";
import { IntegerAttr } from "../../src/ir/builtin-attributes.js";
import { Context } from "../../src/ir/context.js";
import { registerBuiltinDialect } from "../../src/dialect/builtin.js";
import { registerConstantMaterializer } from "../../src/ir/fold.js";
import { success, type LogicalResult } from "../../src/ir/logical-result.js";
import type { Operation } from "../../src/ir/operation.js";
import { OpTrait } from "../../src/ir/operation-name.js";
import { PatternRewriter, RewritePattern } from "../../src/ir/pattern-match.js";
import { applyPatternsGreedily } from "../../src/pass/greedy-driver.js";
import { parseSourceString, printTopLevel } from "../../src/index.js";

function setup(): Context {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerBuiltinDialect(ctx);
  ctx.registerOperation({
    name: "t.const",
    traits: OpTrait.Pure | OpTrait.ConstantLike,
    fold: (op) => [op.getAttr("value")!],
  });
  ctx.registerOperation({
    name: "t.add",
    traits: OpTrait.Pure,
    fold: (op, [a, b]) => {
      if (a instanceof IntegerAttr && b instanceof IntegerAttr) return [IntegerAttr.get(op.context, a.type, a.value + b.value)];
      // x + 0 = x
      if (b instanceof IntegerAttr && b.value === 0n) return [op.getOperand(0)];
      return undefined;
    },
  });
  ctx.registerOperation({ name: "t.neg", traits: OpTrait.Pure });
  ctx.registerOperation({ name: "t.ping", traits: OpTrait.Pure });
  ctx.registerOperation({ name: "t.pong", traits: OpTrait.Pure });
  registerConstantMaterializer(ctx, "t", (b, value, type) => b.create("t.const", { results: [type], attributes: [{ name: "value", value }] }));
  return ctx;
}

/** neg(neg(x)) -> x */
class DoubleNeg extends RewritePattern {
  constructor() {
    super("t.neg", 2);
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const inner = op.getOperand(0).definingOp;
    if (!inner || inner.name.name !== "t.neg") return rewriter.notifyMatchFailure(op, "operand is not a neg");
    rewriter.replaceOp(op, [inner.getOperand(0)]);
    return success();
  }
}

/** Rewrites `from` into `to` forever (a cycle with its mirror). */
class Flip extends RewritePattern {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(from);
  }
  override get debugName(): string {
    return `Flip(${this.from})`;
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const repl = rewriter.create(this.to, { operands: op.getOperands(), results: op.results.map((r) => r.type) });
    rewriter.replaceOp(op, repl.results);
    return success();
  }
}

const INPUT = `%x = "x.arg"() : () -> i32
%c1 = "t.const"() {value = 1 : i32} : () -> i32
%c2 = "t.const"() {value = 2 : i32} : () -> i32
%c0 = "t.const"() {value = 0 : i32} : () -> i32
%s = "t.add"(%c1, %c2) : (i32, i32) -> i32
%z = "t.add"(%x, %c0) : (i32, i32) -> i32
%n1 = "t.neg"(%z) : (i32) -> i32
%n2 = "t.neg"(%n1) : (i32) -> i32
%dead = "t.neg"(%x) : (i32) -> i32
"x.use"(%s, %n2) : (i32, i32) -> ()
`;

function run(patterns: RewritePattern[], config = {}): { text: string; result: ReturnType<typeof applyPatternsGreedily> } {
  const ctx = setup();
  const root = parseSourceString(ctx, INPUT)!;
  expect(root).toBeDefined();
  const result = applyPatternsGreedily(root.regions, patterns, config);
  return { text: printTopLevel(root, { printGenericOpForm: true }), result };
}

describe("greedy driver", () => {
  it("folds constants (materialised by the dialect), applies patterns and erases dead ops", () => {
    const { text, result } = run([new DoubleNeg()]);
    expect(result.converged).toBe(true);
    expect(result.changed).toBe(true);
    expect(text).toContain('"t.const"() {value = 3 : i32}');
    // The constant made by folding is hoisted to the front of the block on the next sweep.
    expect(text.indexOf('"t.const"')).toBeLessThan(text.indexOf('"x.arg"'));
    expect(text).toContain('"x.use"(%0, %1)');
    expect(text).not.toContain("t.neg");
    expect(text).not.toContain("t.add");
    // The folded-away constants are dead and gone; only 3 remains.
    expect(text.match(/t\.const/g)?.length).toBe(1);
  });

  it("leaves the IR alone without patterns or folding", () => {
    const { text, result } = run([], { enableFolding: false, regionSimplification: "disabled" });
    expect(text).toContain("t.add");
    // n1 and n2 stay; the unused neg is erased as trivially dead (that is not a pattern).
    expect(text.match(/t\.neg/g)?.length).toBe(2);
    expect(result.converged).toBe(true);
  });

  it("reports the patterns still firing when it does not converge", () => {
    const { result } = run([new Flip("t.neg", "t.ping"), new Flip("t.ping", "t.neg")], { maxIterations: 3, maxNumRewrites: 10 });
    expect(result.converged).toBe(false);
    expect(result.stillFiring).toEqual(["Flip(t.neg)", "Flip(t.ping)"]);
  });

  it("stops a sweep at max-num-rewrites", () => {
    const { result } = run([new Flip("t.neg", "t.ping"), new Flip("t.ping", "t.neg")], { maxIterations: 1, maxNumRewrites: 1 });
    expect(result.converged).toBe(false);
  });

  it("prefers higher benefit and traces each step", () => {
    const tried: string[] = [];
    class Logged extends DoubleNeg {
      override matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
        tried.push("DoubleNeg");
        return super.matchAndRewrite(op, rewriter);
      }
    }
    class Lower extends RewritePattern {
      constructor() {
        super("t.neg", 1);
      }
      matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
        tried.push("Lower");
        return rewriter.notifyMatchFailure(op, "never applies");
      }
    }
    const lines: string[] = [];
    run([new Lower(), new Logged()], { trace: (l: string) => lines.push(l) });
    // Every op tries DoubleNeg (benefit 2) first; Lower only after it failed.
    expect(tried.length).toBeGreaterThan(1);
    for (let i = 0; i < tried.length; i++) if (tried[i] === "Lower") expect(tried[i - 1]).toBe("DoubleNeg");
    expect(lines).toContain("applied Logged to 't.neg'");
    expect(lines).toContain("folded 't.add'");
    expect(lines.some((l) => l.startsWith("erased trivially dead"))).toBe(true);
  });
});
