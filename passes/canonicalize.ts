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
  readonly summary = "Canonicalize operations";
  override readonly options = new PassOptions({
    topDown: option("top-down", "bool", true, "Seed the worklist in general top-down order"),
    regionSimplify: option("region-simplify", "enum", "normal", "Perform control flow optimizations to the region tree", ["disabled", "normal", "aggressive"]),
    maxIterations: option("max-iterations", "int", 10, "Max. iterations between applying patterns / simplifying regions"),
    maxNumRewrites: option("max-num-rewrites", "int", -1, "Max. number of pattern rewrites within an iteration"),
    testConvergence: option("test-convergence", "bool", false, "Test only: Fail pass on non-convergence to detect cyclic pattern"),
    disabledPatterns: option("disable-patterns", "string-list", [] as string[], "Labels of patterns that should be filtered out during application"),
    enabledPatterns: option("enable-patterns", "string-list", [] as string[], "Labels of patterns that should be used during application, all other patterns are filtered out"),
  });

  runOnOperation(): void {
    const op = this.getOperation();
    const o = this.options.values;
    if (o.regionSimplify === "aggressive") {
      op.emitError("canonicalize: region-simplify=aggressive (block merging) is not implemented yet; use normal");
      return this.signalPassFailure();
    }
    const patterns: RewritePattern[] = [];
    for (const name of op.context.registeredOperations())
      for (const p of name.definition!.canonicalizationPatterns?.() ?? [])
        if (!o.disabledPatterns.includes(p.debugName) && (o.enabledPatterns.length === 0 || o.enabledPatterns.includes(p.debugName))) patterns.push(p);
    const result = applyPatternsGreedily(op.regions, patterns, {
      topDown: o.topDown,
      maxIterations: o.maxIterations,
      maxNumRewrites: o.maxNumRewrites,
      regionSimplification: o.regionSimplify === "disabled" ? "disabled" : "normal",
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
