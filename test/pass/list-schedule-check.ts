// Checks of schedule-level queue programs against the tile programs they
// come from, for the list-schedule tests: every tile task sits exactly once in
// one queue of its unit, `after` ids are the tile deps with joins flattened,
// and no dependency sits later in its own queue.

import type { CoreQueueSpec, QueueProgramSpec } from "../../dialects/queue-model.js";
import { readTask } from "../../dialects/tile-build.js";
import type { Operation } from "../../src/ir/operation.js";

/** Task ids of a tile program: index among its tasks, arrivals and joins (docs/schedule-pass.md). */
export function tileTaskIds(program: Operation): Map<Operation, number> {
  const ids = new Map<Operation, number>();
  for (const op of program.regions[0]!.entryBlock!.ops()) {
    const n = op.name.name;
    if (readTask(op) || n === "tile.arrival" || n === "tile.join") ids.set(op, ids.size);
  }
  return ids;
}

/** The tile deps of `op` as ids, joins replaced by their deps (recursively), sorted. */
function flatDeps(op: Operation, ids: Map<Operation, number>): number[] {
  const out = new Set<number>();
  const visit = (o: Operation) => {
    for (const v of o.getOperands()) {
      const d = v.definingOp!;
      if (d.name.name === "tile.join") visit(d);
      else out.add(ids.get(d)!);
    }
  };
  visit(op);
  return [...out].sort((a, b) => a - b);
}

/** Problems of `spec` (schedule level) as the queue program of tile `program`; empty when it is right. */
export function queueProblems(program: Operation, spec: QueueProgramSpec): string[] {
  const problems: string[] = [];
  const ids = tileTaskIds(program);
  const byId = new Map<number, Operation>();
  for (const [op, id] of ids) byId.set(id, op);
  const aic = spec.queues.filter((q) => q.unit === "aic");
  const aiv = spec.queues.filter((q) => q.unit === "aiv");
  const expectOrder = [
    ...Array.from({ length: spec.blockDim }, (_, c) => `aic ${c} 0`),
    ...Array.from({ length: 2 * spec.blockDim }, (_, j) => `aiv ${j >> 1} ${j & 1}`),
  ];
  const order = spec.queues.map((q) => `${q.unit} ${q.core} ${q.sub}`);
  if (order.join() !== expectOrder.join()) problems.push(`queues are ${aic.length} aic + ${aiv.length} aiv, not in (unit, core, sub) order`);
  // Where each task id sits: queue and position.
  const seat = new Map<number, { q: CoreQueueSpec; pos: number }>();
  for (const q of spec.queues)
    q.entries.forEach((e, pos) => {
      if (e.op !== "task") return problems.push(`a schedule-level queue holds a ${e.op}`);
      if (seat.has(e.task)) problems.push(`task ${e.task} sits in two places`);
      seat.set(e.task, { q, pos });
      const op = byId.get(e.task);
      const t = op && readTask(op);
      if (!t) return problems.push(`task ${e.task} is no tile task`);
      if (t.kind !== e.kind) problems.push(`task ${e.task} is a ${t.kind}, queued as ${e.kind}`);
      if ((t.unit === 0 ? "aic" : "aiv") !== q.unit) problems.push(`task ${e.task} (${t.kind}) sits in an ${q.unit} queue`);
      const want = flatDeps(op, ids);
      if ((e.after ?? []).join() !== want.join()) problems.push(`task ${e.task}: after [${e.after}] but the tile deps are [${want}]`);
    });
  for (const [op, id] of ids) if (readTask(op) && !seat.has(id)) problems.push(`task ${id} (${op.name.name}) is in no queue`);
  const arrivalIds = new Set(spec.arrivals.map((a) => a.task));
  for (const [op, id] of ids) if (op.name.name === "tile.arrival" && !arrivalIds.has(id)) problems.push(`arrival ${id} is missing`);
  for (const q of spec.queues)
    q.entries.forEach((e, pos) => {
      if (e.op !== "task") return;
      for (const d of e.after ?? []) {
        if (arrivalIds.has(d)) continue;
        const s = seat.get(d);
        if (!s) problems.push(`task ${e.task} waits for ${d}, which is in no queue`);
        else if (s.q === q && s.pos >= pos) problems.push(`task ${e.task} waits for ${d}, later in its own queue`);
      }
    });
  return problems;
}
