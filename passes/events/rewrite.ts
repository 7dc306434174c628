// Applies event insertion's result to the IR in place, so task ops keep
// their identity and locations: `after` and queue.arrival ops go, the
// program's queue.event ops go before its first core queue, and each wait
// and signal is created at its place among the task ops (with the location
// of the task it belongs to).

import { createQueueEntry, createQueueEvent } from "../../dialects/queue-build.js";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { Builder } from "../../src/ir/builder.js";
import type { Operation } from "../../src/ir/operation.js";

/** Rewrites program `before` (as read, with ops) into `after` (insertEvents' output for it). */
export function rewriteProgram(before: QueueProgramSpec, after: QueueProgramSpec): void {
  const program = before.op!;
  const b = new Builder(program.context);
  const firstQueue = before.queues[0]?.op;
  for (const ev of after.events) {
    b.loc = program.loc;
    if (firstQueue) b.setInsertionPoint(firstQueue);
    else b.setInsertionPointToEnd(program.regions[0]!.entryBlock!);
    createQueueEvent(b, ev);
  }
  for (let op = program.regions[0]!.entryBlock!.first; op; ) {
    const next = op.nextOp;
    if (op.name.name === "queue.arrival") op.erase();
    op = next;
  }
  before.queues.forEach((q, qi) => {
    const tasks: Operation[] = [];
    for (const e of q.entries) if (e.op === "task") tasks.push(e.irOp!);
    let k = 0;
    for (const e of after.queues[qi]!.entries) {
      if (e.op === "task") {
        tasks[k]!.setProperty("after", undefined);
        k++;
        continue;
      }
      // Waits belong to the next task, signals to the one before.
      const anchor = e.op === "wait" ? tasks[k] : tasks[k - 1];
      b.loc = anchor?.loc ?? q.op!.loc;
      if (k < tasks.length) b.setInsertionPoint(tasks[k]!);
      else b.setInsertionPointToEnd(q.op!.regions[0]!.entryBlock!);
      createQueueEntry(b, q.unit, e);
    }
  });
}
