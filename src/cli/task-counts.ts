// Task counts per stage of tile IR, for `hpmoe compile --json` and
// `hpmoe bench compile`: a task is an op carrying an integer `stage`
// (tile.put, tile.gemm, tile.swiglu, ...); buffers, arrivals and joins are not.

import { IntegerAttr } from "../ir/builtin-attributes.js";
import type { Operation } from "../ir/operation.js";
import { walk } from "../ir/walk.js";
import { stageNames } from "../../dialects/tile-model.js";

/** Tasks per Stage value (index = Stage), and their total. */
export interface TaskCounts {
  readonly perStage: Int32Array;
  total: number;
}

export function emptyTaskCounts(): TaskCounts {
  return { perStage: new Int32Array(stageNames.length), total: 0 };
}

/** Adds the tasks nested in `root` to `into` (O(number of ops)). */
export function countTasks(root: Operation, into: TaskCounts = emptyTaskCounts()): TaskCounts {
  walk(root, (op) => {
    const stage = op.getAttr("stage");
    if (!(stage instanceof IntegerAttr)) return;
    const s = Number(stage.value);
    if (s >= 0 && s < into.perStage.length) {
      into.perStage[s]!++;
      into.total++;
    }
  });
  return into;
}

/** `a` plus `b` (into `a`). */
export function addTaskCounts(a: TaskCounts, b: TaskCounts): TaskCounts {
  for (let s = 0; s < a.perStage.length; s++) a.perStage[s]! += b.perStage[s]!;
  a.total += b.total;
  return a;
}

/**
 * Tasks per rank of a tile module: each top-level op (a `tile.program`) is
 * counted under its integer `rank` attribute. O(number of ops).
 */
export function countTasksPerRank(module: Operation): Map<number, TaskCounts> {
  const out = new Map<number, TaskCounts>();
  const body = module.regions[0]?.entryBlock;
  if (!body) return out;
  for (const program of body.ops()) {
    const rank = program.getAttr("rank");
    if (!(rank instanceof IntegerAttr)) continue;
    const r = Number(rank.value);
    out.set(r, countTasks(program, out.get(r)));
  }
  return out;
}

/** `{"total": N, "<stage>": N, ...}` with the stages that have tasks, in Stage order. */
export function taskCountsJson(c: TaskCounts): Record<string, number> {
  const out: Record<string, number> = { total: c.total };
  for (let s = 0; s < c.perStage.length; s++) if (c.perStage[s]! > 0) out[stageNames[s]!] = c.perStage[s]!;
  return out;
}
