// Schedule-level queue programs as plain data, for tests of the events
// passes: tile programs scheduled with a policy on a chosen number of AI
// Cores (list-schedule itself always uses the profile's), converted as
// list-schedule converts them.

import { readFileSync } from "node:fs";
import type { QueueProgramSpec, SchedulePolicy } from "../../dialects/queue-model.js";
import { queueProgramsOf } from "../../passes/schedule-queues.js";
import { taskGraphOfPrograms } from "../../passes/schedule/from-tile.js";
import { machineOf } from "../../passes/schedule/machine.js";
import { scheduleWithPolicy, serializedCostsOf } from "../../passes/schedule/policies.js";
import { Context, parseSourceString, registerAllDialects } from "../../src/index.js";
import type { Operation } from "../../src/ir/operation.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

export function tilePrograms(file: string): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, readFileSync(file, "utf8"), file)!;
  return [...m.regions[0]!.entryBlock!.ops()].filter((o) => o.name.name === "tile.program");
}

/** Schedules `programs` with `policy` on `blockDim` AI Cores of a3-die (list-schedule's conversion, passes/schedule-queues.ts). */
export function scheduleLevelSpecs(programs: readonly Operation[], blockDim: number, policy: SchedulePolicy = "ours"): QueueProgramSpec[] {
  const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
  const tasks = taskGraphOfPrograms(programs, model);
  const machine = { ...machineOf(model, programs.length), aic: blockDim };
  const schedule = scheduleWithPolicy(tasks.graph, machine, policy, { serialized: serializedCostsOf(model) });
  return queueProgramsOf({ programs, tasks, schedule, machine, target: "a3-die", policy });
}
