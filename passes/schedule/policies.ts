// The three scheduling policies behind one call: `ours` (the best of several
// list schedules, never slower than `reference`: ours.ts),
// `serialized` (kernel by kernel) and `reference` (the paper's round robin).
// The list-schedule pass and `hpmoe bench schedule` both schedule through
// here, so they always agree on what a policy means.

import type { SchedulePolicy } from "../../dialects/queue-model.js";
import type { CostModel } from "../../src/target/cost-model.js";
import { referenceSchedule, serializedSchedule, type SerializedCosts } from "./baselines.js";
import type { Priority } from "./list-scheduler.js";
import type { Machine } from "./machine.js";
import { oursSchedule } from "./ours.js";
import type { Schedule } from "./schedule.js";
import type { TaskGraph } from "./task-graph.js";

export interface PolicyOptions {
  /** `ours` only: the priority of its static list scheduler candidate (ours.ts). */
  readonly priority?: Priority;
  /** `serialized` only: launch and collective overheads. */
  readonly serialized: SerializedCosts;
}

/** The serialized baseline's overheads from a profile's latencies. */
export function serializedCostsOf(model: CostModel): SerializedCosts {
  const l = model.profile.latencies;
  return { kernelLaunch: l.kernel_launch.value, collectiveAlpha: l.host_collective.value };
}

export function scheduleWithPolicy(g: TaskGraph, m: Machine, policy: SchedulePolicy, opts: PolicyOptions): Schedule {
  switch (policy) {
    case "ours":
      return oursSchedule(g, m, { priority: opts.priority }).schedule;
    case "reference":
      return referenceSchedule(g, m);
    case "serialized":
      return serializedSchedule(g, m, opts.serialized);
  }
}
