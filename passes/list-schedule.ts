// list-schedule: static scheduling of the tile programs of a module onto the
// AIC and AIV queues of every rank (docs/schedule-pass.md). The programs of
// one launch (one family, `@fwd_rank<r>` or `@bwd_rank<r>`, every rank) are
// scheduled together with one of the three policies of
// passes/schedule/policies.ts; each tile.program is replaced by a
// schedule-level queue.program whose tasks carry `after` task ids. Remarks
// give each program's makespan against the launch's lower bound.
//
// Worst-case programs (comm-tiling mode=worst-case, which read `@counts`) are
// scheduled at their worst-case sizes: the IR does not carry the run-time
// routing, so every (source, expert) block is charged its full T rows.

import { Builder } from "../src/ir/builder.js";
import { Severity } from "../src/ir/diagnostics.js";
import { intAttrValue } from "../src/ir/int-attr.js";
import type { Operation } from "../src/ir/operation.js";
import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";
import { CostModel } from "../src/target/cost-model.js";
import { loadTarget } from "../src/target/hardware-profile.js";
import { linkPutsToArrivals } from "../dialects/tile-links.js";
import { buildQueueProgram } from "../dialects/queue-build.js";
import type { SchedulePolicy } from "../dialects/queue-model.js";
import type { Priority } from "./schedule/list-scheduler.js";
import { scheduleLaunch, type ScheduledLaunch } from "./schedule-queues.js";
import { familyOf, launchesOf } from "./tile-graph.js";

const kPolicies = ["ours", "reference", "serialized"];

/** The makespan and lower bound of one scheduled launch, in microseconds. */
export interface LaunchTimes {
  readonly makespan: number;
  readonly bound: number;
}

/** Gap of a makespan over its bound in per mille (0 when the bound is 0). */
export function gapPermille(t: LaunchTimes): number {
  return t.bound > 0 ? Math.round((1000 * (t.makespan - t.bound)) / t.bound) : 0;
}

const us = (x: number) => x.toFixed(3);

/** `root`'s top-level tile programs. */
function* tileProgramsOf(root: Operation): Generator<Operation> {
  for (const region of root.regions) for (let b = region.entryBlock; b; b = b.next) for (let op = b.first; op; op = op.next) if (op.name.name === "tile.program") yield op;
}

export class ListSchedulePass extends Pass {
  readonly argument = "list-schedule";
  readonly name = "ListSchedule";
  readonly summary = "Schedule the tile programs of every rank onto AIC/AIV queues (schedule-level queue programs)";
  // Scheduling needs every rank of a launch, which only the module holding them sees.
  override readonly opName = "builtin.module";
  override readonly options = new PassOptions({
    policy: option("policy", "enum", "ours", "ours (list scheduling), reference (the paper's round robin) or serialized (kernel by kernel)", kPolicies),
    priority: option("priority", "enum", "heft", "Task priority of the `ours` policy: heft (upward rank) or peft (optimistic cost table)", ["heft", "peft"]),
    target: option("target", "string", "a3-die", "Hardware profile (a file name in targets/)"),
  });
  private readonly numTasks = this.statistic("num-tasks", "Tasks placed on core queues");
  private readonly numLaunches = this.statistic("num-launches", "Launches (program families) scheduled");
  private readonly makespanNs = this.statistic("makespan-ns", "Makespan, summed over launches (ns)");
  private readonly lowerBoundNs = this.statistic("lower-bound-ns", "Lower bound, summed over launches (ns)");
  private readonly gapPermille = this.statistic("gap-permille", "Gap of the makespan over the lower bound (per mille)");

  runOnOperation(): void {
    const root = this.getOperation();
    const o = this.options.values;
    const profile = loadTarget(o.target);
    if (Array.isArray(profile)) {
      root.emitError(`list-schedule: ${profile[0]?.message ?? `bad hardware profile '${o.target}'`}`);
      return this.signalPassFailure();
    }
    const model = new CostModel(profile);
    const launches = launchesOf(tileProgramsOf(root));
    if (launches.length === 0) return this.markAllAnalysesPreserved();
    let makespan = 0;
    let bound = 0;
    for (const launch of launches) {
      const times = this.scheduleLaunch(launch, model, o.policy as SchedulePolicy, o.priority as Priority, o.target);
      if (!times) return this.signalPassFailure();
      makespan += times.makespan;
      bound += times.bound;
      this.numLaunches.value++;
    }
    this.makespanNs.value += Math.round(makespan * 1e3);
    this.lowerBoundNs.value += Math.round(bound * 1e3);
    this.gapPermille.value = gapPermille({ makespan: this.makespanNs.value, bound: this.lowerBoundNs.value });
  }

  /** Programs ordered by rank, or undefined after reporting why the launch is not complete. */
  private byRank(programs: readonly Operation[]): Operation[] | undefined {
    // Complete: a put to a rank missing from the module is an error too.
    const links = linkPutsToArrivals(programs, /*complete=*/ true);
    const first = links.errors[0];
    if (first) {
      const more = links.errors.length - 1;
      first.op.emitError(`${first.message} (list-schedule needs every rank of a launch${more ? `; ${more} more unpaired puts or arrivals` : ""})`);
      return undefined;
    }
    const ranks: Operation[] = [];
    for (const p of programs) {
      const rank = intAttrValue(p.getAttr("rank")) ?? -1;
      const ep = intAttrValue(p.getAttr("ep")) ?? -1;
      if (ep !== programs.length || rank < 0 || rank >= ep || ranks[rank]) {
        p.emitError(
          `list-schedule: a launch needs one program per rank 0..ep-1 in one module; ${familyOf(p)}* has ${programs.length} program(s) and this one is rank ${rank} of ep ${ep}` +
            (ranks[rank] ? " (a second time)" : ""),
        );
        return undefined;
      }
      ranks[rank] = p;
    }
    return ranks;
  }

  /** Schedules one launch and replaces its programs; undefined after an error. */
  private scheduleLaunch(launch: readonly Operation[], model: CostModel, policy: SchedulePolicy, priority: Priority, target: string): LaunchTimes | undefined {
    const programs = this.byRank(launch);
    if (!programs) return undefined;
    let scheduled: ScheduledLaunch;
    try {
      scheduled = scheduleLaunch(programs, model, policy, priority, target);
    } catch (e) {
      programs[0]!.emitError(`list-schedule: ${(e as Error).message}`);
      return undefined;
    }
    this.numTasks.value += scheduled.numTasks;
    const engine = this.getContext().diagnostics;
    const b = new Builder(this.getContext());
    programs.forEach((program, r) => {
      // Straight to the engine: a remark through the op would print the whole program beside it.
      engine.emit(
        Severity.Remark,
        program.loc,
        `list-schedule: policy ${policy}: rank ${r} finishes at ${us(scheduled.finish[r]!)} us; launch makespan ${us(scheduled.makespan)} us, ` +
          `lower bound ${us(scheduled.bound)} us, gap ${(gapPermille(scheduled) / 10).toFixed(1)}%`,
      );
      b.loc = program.loc;
      b.setInsertionPoint(program);
      buildQueueProgram(b, scheduled.specs[r]!);
      program.erase();
    });
    return scheduled;
  }
}
