// Simulating the queue programs of a module: the queue.program ops are read
// as plain data (dialects/queue-build.ts), grouped by launch (`fwd_rank3` and
// `bwd_rank3` are two launches: the name without its rank digits), each launch is
// simulated on the profile its programs name, and the launches are laid end
// to end in module order (a layer's forward, then its backward).

import { readQueueProgram } from "../../../dialects/queue-build.js";
import type { QueueProgramSpec } from "../../../dialects/queue-model.js";
import type { Operation } from "../../ir/operation.js";
import { CostModel } from "../../target/cost-model.js";
import { loadTarget } from "../../target/hardware-profile.js";
import { SimInputError, type SimResult } from "./sim-result.js";
import { simulateQueues, type SimOptions } from "./simulate.js";
import { queuePrograms } from "../../../passes/events/module-programs.js";
import { launchesOf } from "../../../passes/tile-graph.js";

/** The queue programs of `module` by launch (program family, passes/tile-graph.ts), in module order. */
export function queueProgramGroups(module: Operation): QueueProgramSpec[][] {
  return launchesOf(queuePrograms(module)).map((launch) => launch.map(readQueueProgram));
}

/** `b` run after `a` on the same machine: its times shift by a's makespan, its cores map onto a's. */
export function appendRun(a: SimResult, b: SimResult): SimResult {
  const cores = [...a.cores];
  const index = new Map(cores.map((c, i) => [c.global, i]));
  const queueOf = b.cores.map((c) => {
    let i = index.get(c.global);
    if (i === undefined) index.set(c.global, (i = cores.push(c) - 1));
    return i;
  });
  const dt = a.makespan;
  const shift = (t: number) => (t < 0 ? t : t + dt);
  return {
    cores,
    tasks: [...a.tasks, ...b.tasks.map((t) => ({ ...t, queue: queueOf[t.queue]!, start: t.start + dt, end: t.end + dt, linkStart: shift(t.linkStart), linkEnd: shift(t.linkEnd) }))],
    slices: [...a.slices, ...b.slices.map((s) => ({ ...s, queue: queueOf[s.queue]!, start: s.start + dt, end: s.end + dt }))],
    makespan: a.makespan + b.makespan,
    ranks: Math.max(a.ranks, b.ranks),
    coresPerRank: a.coresPerRank,
    blocked: [...a.blocked, ...b.blocked.map((x) => ({ ...x, queue: queueOf[x.queue]! }))],
    flagOverflows: [...a.flagOverflows, ...b.flagOverflows],
  };
}

/** Simulates every launch of `module`; undefined when it holds no queue program. Throws SimInputError. */
export function simulateModule(module: Operation, opts: SimOptions = {}): SimResult | undefined {
  let out: SimResult | undefined;
  for (const programs of queueProgramGroups(module)) {
    const target = programs[0]!.target;
    const profile = loadTarget(target);
    if (Array.isArray(profile)) throw new SimInputError(profile[0]!.message, programs[0]!.op);
    const r = simulateQueues(programs, new CostModel(profile), opts);
    out = out ? appendRun(out, r) : r;
    // A launch that deadlocks never ends: the next one would not start.
    if (r.blocked.length) break;
  }
  return out;
}
