// The library entry of the moe -> tile lowering (used by `hpmoe compile`):
// runs moe-to-tile and comm-tiling on a module of per-rank moe functions,
// with the reference code's split values under `preset: "reference"`.

import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { walk } from "../src/ir/walk.js";
import { globalPassRegistry, type PassRegistry } from "../src/pass/pass-registry.js";
import { parsePassPipeline, PipelineError } from "../src/pass/pipeline-parser.js";
import { registerAllPasses } from "./index.js";

/**
 * The default lowering: tile-exact dependencies, mxn GEMM tiles, routing as
 * the IR gives it, put tiles in RATR order (the paper's runtime order, which
 * the reference policy reads as its queue order; hyperparallel-moe.md §4.2).
 */
export const kDefaultLowering = "moe-to-tile,comm-tiling{order=ratr}";

/** The default lowering with deduplicated dispatch (the moe senders must carry the dedup tables). */
export const kDedupLowering = "moe-to-tile,comm-tiling{dedup=true order=ratr}";

/**
 * The reference implementation's plan (hyperparallel-moe.md §3.1): per-core
 * GEMM seats on 24 cube cores, 128-row SwiGLU and token tiles, per-expert
 * dependencies, RATR order, static worst case.
 */
export const kReferenceLowering =
  "moe-to-tile{gemm-tiling=per-core cube-cores=24 swiglu-rows=128 deps=expert},comm-tiling{tile-rows=128 order=ratr mode=worst-case}";

export interface LowerMoeToTileOptions {
  /** `reference`: kReferenceLowering, planned for the static worst case (routing counts are dropped first). */
  preset?: "reference";
  /** Pass list run on the module (default kDefaultLowering); not together with `preset`. */
  pipeline?: string;
  /**
   * Without a pipeline: kDedupLowering instead of kDefaultLowering (the moe
   * senders must carry the dedup tables: buildMoeModule's `dedup`).
   */
  dedup?: boolean;
  registry?: PassRegistry;
}

/** The ops whose `counts` attribute carries compile-time routing. */
const kRoutingOps = new Set(["moe.dispatch", "moe.combine_grad"]);

/** Forgets compile-time routing, so lowering plans for the static worst case as the reference does. */
function dropRoutingCounts(module: Operation): void {
  walk(module, (op) => {
    if (!kRoutingOps.has(op.name.name)) return;
    op.removeAttr("counts");
    if (op.getAttr("counts") !== undefined) op.setProperty("counts", undefined);
  });
}

/**
 * Lowers `module` (a builtin.module of moe functions) to tile programs in
 * place. Failure leaves located diagnostics in the context: a bad pipeline
 * text, or whatever a pass reports.
 */
export function lowerMoeToTile(module: Operation, options: LowerMoeToTileOptions = {}): LogicalResult {
  const registry = options.registry ?? globalPassRegistry;
  registerAllPasses(registry);
  if (options.preset && options.pipeline) {
    module.emitError("lowerMoeToTile: give a preset or a pipeline, not both");
    return failure();
  }
  if (options.preset && options.dedup) {
    module.emitError("lowerMoeToTile: dedup needs known routing, but the reference preset plans for the static worst case");
    return failure();
  }
  const passes = options.preset === "reference" ? kReferenceLowering : (options.pipeline ?? (options.dedup ? kDedupLowering : kDefaultLowering));
  const pm = parsePassPipeline(`builtin.module(${passes})`, registry);
  if (pm instanceof PipelineError) {
    module.emitError(`lowerMoeToTile: bad pipeline: ${pm.commandLineMessage ?? pm.text}`);
    return failure();
  }
  if (options.preset === "reference") dropRoutingCounts(module);
  return pm.run(module).failed ? failure() : success();
}
