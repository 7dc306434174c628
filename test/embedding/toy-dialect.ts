// A small dialect and pass written only against the public "hpmoe" package
// entry (no deep imports), as another compiler embedding hpmoe would write
// them. docs/embedding.md walks through this file.

import {
  IntegerAttr,
  IntegerType,
  OpTrait,
  Pass,
  PassOptions,
  RewritePattern,
  UnitAttr,
  option,
  registerConstantMaterializer,
  success,
  type Context,
  type LogicalResult,
  type Operation,
  type PatternRewriter,
} from "hpmoe";

/** `toy.mul(x, x)` is rewritten to `toy.square(x)`. */
export class MulToSquare extends RewritePattern {
  constructor() {
    super("toy.mul");
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult {
    const [a, b] = op.getOperands();
    if (a !== b) return rewriter.notifyMatchFailure(op, "operands differ");
    const square = rewriter.create("toy.square", { operands: [a!], results: [op.getResult(0).type], loc: op.loc });
    rewriter.replaceOp(op, square.results);
    return success();
  }
}

/** Registers the toy dialect: a constant, an add that folds constants, a mul with a canonicalization, a square. */
export function registerToyDialect(ctx: Context): void {
  ctx.registerOperation({
    name: "toy.constant",
    traits: OpTrait.Pure | OpTrait.ConstantLike,
    fold: (op) => [op.getAttr("value")!],
  });
  ctx.registerOperation({
    name: "toy.add",
    traits: OpTrait.Pure | OpTrait.Commutative,
    fold(op, [lhs, rhs]) {
      if (lhs instanceof IntegerAttr && rhs instanceof IntegerAttr) return [IntegerAttr.get(op.context, lhs.type, lhs.value + rhs.value)];
      return undefined;
    },
  });
  ctx.registerOperation({ name: "toy.mul", traits: OpTrait.Pure, canonicalizationPatterns: () => [new MulToSquare()] });
  ctx.registerOperation({ name: "toy.square", traits: OpTrait.Pure });
  registerConstantMaterializer(ctx, "toy", (builder, value, type, loc) =>
    value instanceof IntegerAttr && type instanceof IntegerType
      ? builder.create("toy.constant", { results: [type], attributes: [{ name: "value", value }], loc })
      : undefined,
  );
}

/** `toy-count`: counts toy ops, and with `tag=true` marks each with a `toy.seen` unit attribute. */
export class ToyCountPass extends Pass {
  readonly argument = "toy-count";
  readonly name = "ToyCount";
  readonly summary = "Count toy operations";
  override readonly options = new PassOptions({
    tag: option("tag", "bool", false, "Mark each toy op with toy.seen"),
  });
  readonly numToyOps = this.statistic("num-toy-ops", "Number of toy ops seen");

  runOnOperation(): void {
    const root = this.getOperation();
    const stack: Operation[] = [root];
    while (stack.length) {
      const op = stack.pop()!;
      if (op.name.dialect === "toy") {
        this.numToyOps.value++;
        if (this.options.values.tag) op.setAttr("toy.seen", UnitAttr.get(op.context));
      }
      for (const r of op.regions) for (let b = r.entryBlock; b; b = b.next) for (let o = b.first; o; o = o.next) stack.push(o);
    }
    if (!this.options.values.tag) this.markAllAnalysesPreserved();
  }
}
