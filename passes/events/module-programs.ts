// The queue.program ops of a module (or the op itself when it is one), read
// as plain data, and the target limits they are judged by: the pass option
// when given, else the programs' own `target` (all must agree). Programs are
// grouped into launches by symbol family (`@fwd_rank<r>`, `@bwd_rank<r>`), as
// list-schedule groups them: each launch runs alone, with its own events.

import { readQueueProgram } from "../../dialects/queue-build.js";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import type { Operation } from "../../src/ir/operation.js";
import { loadTarget } from "../../src/target/hardware-profile.js";
import { launchesOf } from "../tile-graph.js";
import { eventLimitsOf, type EventLimits } from "./limits.js";

export const kQueueProgram = "queue.program";

export function queuePrograms(top: Operation): Operation[] {
  if (top.name.name === kQueueProgram) return [top];
  const out: Operation[] = [];
  for (const region of top.regions) for (let b = region.entryBlock; b; b = b.next) for (let op = b.first; op; op = op.nextOp) if (op.name.name === kQueueProgram) out.push(op);
  return out;
}

/** The programs as specs, by launch (first-seen order), and their limits; undefined after emitting an error on `top`. */
export function readModulePrograms(top: Operation, targetOption: string, pass: string): { launches: QueueProgramSpec[][]; limits: EventLimits } | undefined {
  const launches = launchesOf(queuePrograms(top)).map((programs) => programs.map(readQueueProgram));
  const specs = launches.flat();
  const targets = [...new Set(specs.map((s) => s.target))];
  if (!targetOption && targets.length > 1) {
    top.emitError(`${pass}: the programs name different targets (${targets.join(", ")}); pick one with target=`);
    return undefined;
  }
  const name = targetOption || targets[0] || "a3-die";
  const profile = loadTarget(name);
  if (Array.isArray(profile)) {
    top.emitError(`${pass}: ${profile[0]!.file}:${profile[0]!.line}:${profile[0]!.col}: ${profile[0]!.message}`);
    return undefined;
  }
  return { launches, limits: eventLimitsOf(profile) };
}
