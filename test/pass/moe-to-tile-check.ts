// Test-side views of lowered tile programs: tasks per stage, and a plain
// (quadratic, small inputs only) checker that every read depends on its writers.

import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Attribute } from "../../src/ir/attribute.js";
import type { Operation } from "../../src/ir/operation.js";
import { printAttributeForDiagnostic } from "../../src/syntax/type-attr-printer.js";
import type { Value } from "../../src/ir/value.js";
import { slicesOverlap, stageNames } from "../../dialects/tile-model.js";
import { kArrival, kJoin, kProgram, kPut, readsOf, writesOf } from "../../passes/tile-builder.js";

export function programs(module: Operation): Operation[] {
  const out: Operation[] = [];
  for (let op = module.regions[0]!.entryBlock!.first; op; op = op.next) if (op.name.name === kProgram) out.push(op);
  return out;
}

export function programOps(program: Operation): Operation[] {
  const out: Operation[] = [];
  for (let op = program.regions[0]!.entryBlock!.first; op; op = op.next) out.push(op);
  return out;
}

/** Tasks (ops with a unit) of `program`. */
export function tasks(program: Operation): Operation[] {
  return programOps(program).filter((op) => op.getAttr("unit") !== undefined);
}

/** Task counts by stage name. */
export function countsByStage(program: Operation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tasks(program)) {
    const s = stageNames[intAttrValue(t.getAttr("stage"))!]!;
    out[s] = (out[s] ?? 0) + 1;
  }
  return out;
}

/** The ops `v` stands for, looking through joins. */
function producers(v: Value, into: Set<Operation>): void {
  const def = v.definingOp;
  if (!def) return;
  if (def.name.name === kJoin) for (const o of def.getOperands()) producers(o, into);
  else into.add(def);
}

/**
 * Problems found: a read not ordered after an overlapping write (directly or
 * through joins), or, with `exact`, a direct dependency that writes nothing
 * the task reads.
 */
export function dependencyProblems(program: Operation, exact: boolean): string[] {
  const ops = programOps(program);
  // A put writes the peer's buffer; locally, its arrival stands for that write.
  const writers = ops.filter((op) => op.name.name !== kPut && writesOf(op).length > 0);
  const problems: string[] = [];
  for (const op of ops) {
    const reads = op.getAttr("unit") !== undefined ? readsOf(op) : [];
    if (reads.length === 0) continue;
    const deps = new Set<Operation>();
    for (const d of op.getOperands()) producers(d, deps);
    for (const w of writers) {
      if (w === op || !writesOf(w).some((ws) => reads.some((r) => slicesOverlap(ws, r)))) continue;
      if (!deps.has(w)) problems.push(`${op.name.name} #${ops.indexOf(op)} reads what ${w.name.name} #${ops.indexOf(w)} writes without depending on it`);
    }
    if (exact)
      for (const d of deps)
        if (!writesOf(d).some((ws) => reads.some((r) => slicesOverlap(ws, r)))) problems.push(`${op.name.name} #${ops.indexOf(op)} depends on ${d.name.name} #${ops.indexOf(d)} which writes nothing it reads`);
  }
  return problems;
}

/** (src, dst, signal, landed slice) of every put and arrival of all programs, as comparable strings. */
export function transfers(progs: Operation[]): { sent: string[]; landed: string[] } {
  const sent: string[] = [];
  const landed: string[] = [];
  for (const p of progs) {
    const rank = intAttrValue(p.getAttr("rank"))!;
    for (const op of programOps(p)) {
      const peer = intAttrValue(op.getAttr("peer"));
      if (peer === undefined) continue;
      const w = writesOf(op)[0]!;
      const key = (src: number, dst: number) => `${src}->${dst} #${intAttrValue(op.getAttr("signal"))} @${w.buffer}[${w.offsets}|${w.sizes}]`;
      if (op.name.name === kArrival) landed.push(key(peer, rank));
      else sent.push(key(rank, peer));
    }
  }
  return { sent: sent.sort(), landed: landed.sort() };
}

/** An attribute's spelling (types through TypeAttr), for messages and comparisons. */
export function printAttr(a: Attribute): string {
  return printAttributeForDiagnostic(a);
}
