// From a schedule of one launch (the tile programs of every rank of one
// direction) to schedule-level queue programs as plain data: each task sits
// in the queue of the core the schedule gave it, in start order; its token
// operands become `after` ids (joins flattened to the tasks and arrivals
// behind them); arrivals become queue arrivals. dialects/queue-build.ts turns
// the specs into IR.
//
// Task ids: the index of an op among its program's task-graph ops (tasks,
// arrivals and joins, in op order), so `%N` of a printed tile program whose
// results are all tokens is task N. Joins keep their id slot but appear nowhere.

import { intAttrValue } from "../src/ir/int-attr.js";
import { StringAttr, TypeAttr } from "../src/ir/builtin-attributes.js";
import { MemRefType } from "../src/ir/builtin-types.js";
import type { Operation } from "../src/ir/operation.js";
import type { CoreQueueSpec, QueueArrivalSpec, QueueBufferSpec, QueueEntry, QueueProgramSpec, SchedulePolicy } from "../dialects/queue-model.js";
import { readTaskProperties, type TaskKind } from "../dialects/tile-build.js";
import { readSliceList, type BufferKind } from "../dialects/tile-model.js";
import type { CostModel } from "../src/target/cost-model.js";
import { taskGraphOfPrograms, type TileTaskGraph } from "./schedule/from-tile.js";
import type { Priority } from "./schedule/list-scheduler.js";
import { lowerBound } from "./schedule/lower-bound.js";
import { coresPerRank, machineOf, type Machine } from "./schedule/machine.js";
import { scheduleWithPolicy, serializedCostsOf } from "./schedule/policies.js";
import { queuesOf, type Schedule } from "./schedule/schedule.js";
import { CoreType } from "./schedule/task-graph.js";

/** What the queue programs of a launch are built from. */
export interface LaunchSchedule {
  /** The launch's tile programs, by rank (programs[r] has rank r). */
  readonly programs: readonly Operation[];
  readonly tasks: TileTaskGraph;
  readonly schedule: Schedule;
  readonly machine: Machine;
  readonly target: string;
  readonly policy: SchedulePolicy;
}

/** Task ids of the graph's ops: index among the ops of the same program. O(n). */
function taskIds(ops: readonly Operation[]): Map<Operation, number> {
  const ids = new Map<Operation, number>();
  const next = new Map<Operation | null, number>();
  for (const op of ops) {
    const k = next.get(op.parentOp) ?? 0;
    ids.set(op, k);
    next.set(op.parentOp, k + 1);
  }
  return ids;
}

/**
 * The `after` ids of each op: its operands' ids, with a join replaced by its
 * own (memoised) `after`, sorted and unique. O(deps) per op, joins once each.
 */
class AfterIds {
  private readonly joins = new Map<Operation, readonly number[]>();
  constructor(private readonly ids: Map<Operation, number>) {}

  of(op: Operation): number[] {
    const out = new Set<number>();
    for (const v of op.getOperands()) {
      const def = v.definingOp;
      if (!def) continue;
      if (def.name.name === "tile.join") for (const id of this.ofJoin(def)) out.add(id);
      else {
        const id = this.ids.get(def);
        if (id !== undefined) out.add(id);
      }
    }
    return [...out].sort((a, b) => a - b);
  }

  private ofJoin(join: Operation): readonly number[] {
    let ids = this.joins.get(join);
    if (ids === undefined) this.joins.set(join, (ids = this.of(join)));
    return ids;
  }
}

function buffersOf(program: Operation): QueueBufferSpec[] {
  const out: QueueBufferSpec[] = [];
  for (const op of program.regions[0]!.entryBlock!.ops()) {
    if (op.name.name !== "tile.buffer") continue;
    const name = op.getAttr("sym_name");
    const type = op.getAttr("type");
    if (!(name instanceof StringAttr) || !(type instanceof TypeAttr) || !(type.value instanceof MemRefType)) continue;
    out.push({ name: name.value, type: type.value, kind: (intAttrValue(op.getAttr("kind")) ?? 0) as BufferKind });
  }
  return out;
}

function arrivalsOf(program: Operation, ids: Map<Operation, number>): QueueArrivalSpec[] {
  const out: QueueArrivalSpec[] = [];
  for (const op of program.regions[0]!.entryBlock!.ops()) {
    if (op.name.name !== "tile.arrival") continue;
    const writes = readSliceList(op.getAttr("writes"))?.[0];
    if (!writes) continue;
    out.push({ task: ids.get(op)!, writes, peer: intAttrValue(op.getAttr("peer")) ?? -1, signal: intAttrValue(op.getAttr("signal")) ?? -1 });
  }
  return out;
}

/**
 * The schedule's cores, with core tasks it left unplaced seated: the
 * serialized policy runs communication stages as host collectives (no core),
 * but at the queue level a put sits in some AIV queue, so those go round robin
 * over their rank's AIV cores in task order. O(tasks).
 */
function seatUnplaced(g: TileTaskGraph["graph"], s: Schedule, m: Machine): Int32Array {
  const per = coresPerRank(m);
  const aivs = m.aic * m.aivPerAic;
  const next = new Int32Array(m.ranks);
  let core = s.core;
  for (let i = 0; i < g.n; i++) {
    if (s.core[i]! >= 0 || g.type[i] !== CoreType.aiv) continue;
    if (core === s.core) core = s.core.slice();
    const r = g.rank[i]!;
    core[i] = r * per + m.aic + (next[r]!++ % aivs);
  }
  return core;
}

/**
 * One schedule-level QueueProgramSpec per program of the launch, in rank
 * order: block_dim = the machine's AIC count, an `aic` queue per core, then an
 * `aiv` queue per (core, sub), tasks in start order (ties by task index).
 * O(tasks log tasks + deps).
 */
export function queueProgramsOf(launch: LaunchSchedule): QueueProgramSpec[] {
  const { programs, tasks, schedule, machine: m } = launch;
  const { graph, ops } = tasks;
  const per = coresPerRank(m);
  const ids = taskIds(ops);
  const after = new AfterIds(ids);
  const queues = queuesOf(graph, { ...schedule, core: seatUnplaced(graph, schedule, m) }, programs.length * per);
  return programs.map((program, rank) => {
    const cores: CoreQueueSpec[] = [];
    for (let local = 0; local < per; local++) {
      const entries: QueueEntry[] = queues[rank * per + local]!.map((i) => {
        const op = ops[i]!;
        // The spec in the form readQueueProgram gives back, so a built program reads back equal.
        return { op: "task", kind: op.name.name.substring("tile.".length) as TaskKind, task: ids.get(op)!, spec: readTaskProperties(op), after: after.of(op) };
      });
      const aiv = local - m.aic;
      cores.push(aiv < 0 ? { unit: "aic", core: local, sub: 0, entries } : { unit: "aiv", core: Math.floor(aiv / m.aivPerAic), sub: aiv % m.aivPerAic, entries });
    }
    const name = program.getAttr("sym_name");
    return {
      name: name instanceof StringAttr ? name.value : `rank${rank}`,
      rank,
      ep: programs.length,
      target: launch.target,
      blockDim: m.aic,
      policy: launch.policy,
      buffers: buffersOf(program),
      arrivals: arrivalsOf(program, ids),
      events: [],
      queues: cores,
    };
  });
}

/** A scheduled launch: its queue programs by rank and its times in microseconds. */
export interface ScheduledLaunch {
  readonly specs: QueueProgramSpec[];
  readonly makespan: number;
  readonly bound: number;
  /** When each rank's last task ends. */
  readonly finish: Float64Array;
  /** Tasks on core queues (arrivals and joins are none). */
  readonly numTasks: number;
}

/**
 * Schedules the launch of `programs` (tile programs by rank, every rank) on
 * the model's machine with `policy` (`priority` for `ours`). Throws when the
 * programs' tasks form a cycle or a put has no arrival (callers check links
 * first). O(what the policy costs + tasks log tasks).
 */
export function scheduleLaunch(programs: readonly Operation[], model: CostModel, policy: SchedulePolicy, priority: Priority, target: string): ScheduledLaunch {
  const tasks = taskGraphOfPrograms(programs, model);
  const g = tasks.graph;
  const machine = machineOf(model, programs.length);
  const schedule = scheduleWithPolicy(g, machine, policy, { priority, serialized: serializedCostsOf(model) });
  const finish = new Float64Array(programs.length);
  let numTasks = 0;
  for (let i = 0; i < g.n; i++) {
    finish[g.rank[i]!] = Math.max(finish[g.rank[i]!]!, schedule.end[i]!);
    if (g.type[i] !== CoreType.none) numTasks++;
  }
  const specs = queueProgramsOf({ programs, tasks, schedule, machine, target, policy });
  return { specs, makespan: schedule.makespan, bound: lowerBound(g, machine).value, finish, numTasks };
}
