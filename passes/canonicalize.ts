// canonicalize: folds, erases dead ops and applies every registered op's
// canonicalization patterns with the greedy driver, simplifying regions
// between sweeps (MLIR's Canonicalizer, options and defaults included).

import type { RewritePattern } from "../src/ir/pattern-match.js";
import { applyPatternsGreedily } from "../src/pass/greedy-driver.js";
import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";

export class CanonicalizerPass extends Pass {
  readonly argument = "canonicalize";
  readonly name = "Canonicalizer";
  readonly summary = "Fold, erase dead code and apply every op's canonicalization patterns";
  override readonly options = new PassOptions({
    topDown: option("top-down", "bool", true, "Visit ops parents first (false: children first) when filling the worklist"),
    regionSimplify: option("region-simplify", "enum", "normal", "How much to simplify regions between sweeps: disabled, normal (unreachable blocks, dead code and arguments) or aggressive (also merging identical blocks)", ["disabled", "normal", "aggressive"]),
    maxIterations: option("max-iterations", "long", 10, "Most sweeps of patterns and region simplification before giving up (-1: no limit)"),
    maxNumRewrites: option("max-num-rewrites", "long", -1, "Most pattern rewrites in one sweep (-1: no limit)"),
    testConvergence: option("test-convergence", "bool", false, "Fail the pass when it does not converge, naming the patterns still firing (finds cycles between patterns)"),
    disabledPatterns: option("disable-patterns", "string-list", [] as string[], "Names of patterns not to apply"),
    enabledPatterns: option("enable-patterns", "string-list", [] as string[], "Names of the only patterns to apply (empty: all)"),
  });

  runOnOperation(): void {
    const op = this.getOperation();
    const o = this.options.values;
    const patterns: RewritePattern[] = [];
    for (const name of op.context.registeredOperations())
      for (const p of name.definition!.canonicalizationPatterns?.() ?? [])
        if (!o.disabledPatterns.includes(p.debugName) && (o.enabledPatterns.length === 0 || o.enabledPatterns.includes(p.debugName))) patterns.push(p);
    const result = applyPatternsGreedily(op.regions, patterns, {
      topDown: o.topDown,
      maxIterations: o.maxIterations,
      maxNumRewrites: o.maxNumRewrites,
      regionSimplification: o.regionSimplify as "disabled" | "normal" | "aggressive",
    });
    if (o.testConvergence && !result.converged) {
      op.emitError(`Canonicalizer failed to converge within ${o.maxIterations} iterations`).attachNote(
        `still firing in the last iteration: ${result.stillFiring.join(", ")}`,
      );
      return this.signalPassFailure();
    }
    if (!result.changed) this.markAllAnalysesPreserved();
  }
}
