// The library entry of tile -> queue scheduling (used by `hpmoe compile
// --stop-after=schedule`): runs list-schedule on a module holding every
// rank's tile programs.

import type { LogicalResult } from "../src/ir/logical-result.js";
import { failure } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { globalPassRegistry } from "../src/pass/pass-registry.js";
import { parsePassPipeline, PipelineError } from "../src/pass/pipeline-parser.js";
import type { SchedulePolicy } from "../dialects/queue-model.js";
import { registerAllPasses } from "./index.js";

export interface ScheduleTileOptions {
  /** Default `ours`. */
  readonly policy?: SchedulePolicy;
  /** A file name in targets/ (default a3-die). */
  readonly target?: string;
}

/**
 * Replaces the tile programs of `module` by schedule-level queue programs in
 * place. Failure leaves located diagnostics in the context.
 */
export function scheduleTileModule(module: Operation, options: ScheduleTileOptions = {}): LogicalResult {
  registerAllPasses(globalPassRegistry);
  const policy = options.policy ?? "ours";
  const target = options.target ?? "a3-die";
  const pm = parsePassPipeline(`builtin.module(list-schedule{policy=${policy} target=${target}})`, globalPassRegistry);
  if (pm instanceof PipelineError) {
    module.emitError(`scheduleTileModule: bad pipeline: ${pm.commandLineMessage ?? pm.text}`);
    return failure();
  }
  return pm.run(module);
}
