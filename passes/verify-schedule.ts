// verify-schedule: proves the events-level queue programs of a module (all
// ranks) safe on their target, or fails with a located error per problem:
// co-residency (block_dim <= AI Cores), id budgets and duplicates, balanced
// signals and thresholds, FIFO flag channels, no cyclic wait, at most
// `cross_core_pending` pending sets per flag, and every read ordered after
// every overlapping write (any queue, any rank). The argument is in
// docs/events.md; the checks in passes/events/verify.ts.

import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";
import { readModulePrograms } from "./events/module-programs.js";
import { verifySchedule } from "./events/verify.js";

export class VerifySchedulePass extends Pass {
  readonly argument = "verify-schedule";
  readonly name = "VerifySchedule";
  readonly summary = "Prove events-level queue programs free of deadlock, unguarded reads and event-budget overflows";
  override readonly options = new PassOptions({
    target: option("target", "string", "", "Hardware profile (targets/<name>.yaml) to check against; default: the programs' own target"),
  });
  private readonly numProblems = this.statistic("num-problems", "Problems found");

  runOnOperation(): void {
    const top = this.getOperation();
    const read = readModulePrograms(top, this.options.values.target, "verify-schedule");
    if (!read) return this.signalPassFailure();
    const problems = read.launches.flatMap((specs) => verifySchedule(specs, read.limits));
    for (const p of problems) (p.op ?? top).emitError(p.message);
    this.numProblems.value += problems.length;
    if (problems.length) return this.signalPassFailure();
    this.markAllAnalysesPreserved();
  }
}
