// event-insertion: turns every schedule-level queue.program of a module (all
// ranks) into an events-level one. Each `after` dependency across queues
// becomes a wait on a cross_core flag (same AI Core), a gm_counter (another
// core of the rank) or a remote signal (an arrival; the put's queue raises it
// with signal_remote); fan-in merges into thresholds, waits implied by queue
// order or earlier waits are dropped, and one-way flag streams get credits.
// The algorithms are in passes/events/ (docs/events.md).

import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";
import { insertEvents } from "./events/insert.js";
import type { QueueProgramSpec } from "../dialects/queue-model.js";
import type { Operation } from "../src/ir/operation.js";
import type { EventLimits } from "./events/limits.js";
import { readModulePrograms } from "./events/module-programs.js";
import { rewriteProgram } from "./events/rewrite.js";

export class EventInsertionPass extends Pass {
  readonly argument = "event-insertion";
  readonly name = "EventInsertion";
  readonly summary = "Turn the cross-queue dependencies of schedule-level queue programs into cross-core flags, GM counters and remote signals";
  override readonly options = new PassOptions({
    target: option("target", "string", "", "Hardware profile (targets/<name>.yaml) for flag ids, pending sets and counter lines; default: the programs' own target"),
  });
  private readonly numCrossCore = this.statistic("num-cross-core-events", "Cross-core flag events");
  private readonly numGmCounter = this.statistic("num-gm-counter-events", "GM counter events");
  private readonly numRemote = this.statistic("num-remote-events", "Remote signal events");
  private readonly numCredits = this.statistic("num-credits", "Cross-core events added to bound a flag's pending sets");
  private readonly numDemoted = this.statistic("num-demoted", "Same-AI-Core dependencies sent through a GM counter because a credit would run against the schedule");
  private readonly numWaitsBefore = this.statistic("num-waits-before", "Cross-queue dependencies the schedule states");
  private readonly numWaitsAfter = this.statistic("num-waits-after", "Wait ops emitted");
  private readonly numFlagIds = this.statistic("num-flag-ids", "Most cross-core flag ids one AI Core uses");

  runOnOperation(): void {
    const top = this.getOperation();
    const read = readModulePrograms(top, this.options.values.target, "event-insertion");
    if (!read) return this.signalPassFailure();
    if (read.launches.length === 0) return this.markAllAnalysesPreserved();
    for (const specs of read.launches) if (!this.insertInLaunch(specs, read.limits, top)) return this.signalPassFailure();
  }

  /** Inserts the events of one launch (every rank of one program family); false after reporting problems. */
  private insertInLaunch(specs: QueueProgramSpec[], limits: EventLimits, top: Operation): boolean {
    const r = insertEvents(specs, limits);
    if (r.problems.length) {
      for (const p of r.problems) (p.op ?? top).emitError(`event-insertion: ${p.message}`);
      return false;
    }
    specs.forEach((spec, i) => rewriteProgram(spec, r.programs[i]!));
    const s = r.stats;
    this.numCrossCore.value += s.crossCore;
    this.numGmCounter.value += s.gmCounter;
    this.numRemote.value += s.remote;
    this.numCredits.value += s.credits;
    this.numDemoted.value += s.demoted;
    this.numWaitsBefore.value += s.waitsBefore;
    this.numWaitsAfter.value += s.waitsAfter;
    this.numFlagIds.value = Math.max(this.numFlagIds.value, s.flagIds);
    return true;
  }
}
