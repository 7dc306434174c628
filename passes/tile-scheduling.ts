// The library entries of the queue stages (used by `hpmoe compile`):
// list-schedule on a module holding every rank's tile programs, then
// event-insertion and verify-schedule on the queue programs it made.

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
  const policy = options.policy ?? "ours";
  return runModulePipeline(module, `list-schedule{policy=${policy} target=${options.target ?? "a3-die"}}`);
}

/**
 * Turns the schedule-level queue programs of `module` into events-level ones
 * in place and proves the result (verify-schedule), each on the programs' own
 * target. Failure leaves located
 * diagnostics in the context.
 */
export function insertScheduleEvents(module: Operation): LogicalResult {
  return runModulePipeline(module, "event-insertion,verify-schedule");
}

function runModulePipeline(module: Operation, passes: string): LogicalResult {
  registerAllPasses(globalPassRegistry);
  const pm = parsePassPipeline(`builtin.module(${passes})`, globalPassRegistry);
  if (pm instanceof PipelineError) {
    module.emitError(`bad pipeline '${passes}': ${pm.commandLineMessage ?? pm.text}`);
    return failure();
  }
  return pm.run(module);
}
