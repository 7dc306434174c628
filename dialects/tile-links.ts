// Cross-rank links of tile programs: each `tile.put` on rank s to peer r with
// signal n lands as the `tile.arrival` (from rank s, signal n) of rank r's
// program, writing the same slice. One program cannot check this alone, so the
// graph analyses, the emulator and tests call linkPutsToArrivals on all ranks'
// programs of one direction. O(puts + arrivals).

import type { Operation } from "../src/ir/operation.js";
import { formatSlice, readSliceList, type Slice } from "./tile-model.js";
import { readI64 } from "../src/ir/int-attr.js";

/** The put/arrival pairs of a set of programs, and what does not pair up. */
export interface PutArrivalLinks {
  /** Each put's arrival, in program then op order of the puts. */
  readonly arrivalOf: Map<Operation, Operation>;
  /** Each arrival's put. */
  readonly putOf: Map<Operation, Operation>;
  /** Problems with the op they concern: puts first, then unpaired arrivals, each in program then op order. */
  readonly errors: { readonly op: Operation; readonly message: string }[];
}

function sameSlice(a: Slice, b: Slice): boolean {
  if (a.buffer !== b.buffer || a.offsets.length !== b.offsets.length) return false;
  for (let i = 0; i < a.offsets.length; i++) if (a.offsets[i] !== b.offsets[i] || a.sizes[i] !== b.sizes[i]) return false;
  return true;
}

/**
 * Pairs every put of `programs` (verified `tile.program`s of distinct ranks)
 * with its arrival. Reports puts to a rank missing from `programs` only when
 * `complete` (all ranks given), puts without an arrival, arrivals without a put,
 * and pairs whose slices differ.
 */
export function linkPutsToArrivals(programs: readonly Operation[], complete = true): PutArrivalLinks {
  const rankOf = new Map<number, Operation>();
  for (const p of programs) rankOf.set(readI64(p.getAttr("rank")) ?? -1, p);
  // Arrivals by (destination rank, source rank, signal).
  const arrivals = new Map<string, Operation>();
  const puts: { op: Operation; key: string; dst: number }[] = [];
  for (const p of programs) {
    const rank = readI64(p.getAttr("rank")) ?? -1;
    for (let op = p.regions[0]!.entryBlock?.first ?? null; op; op = op.nextOp) {
      const name = op.name.name;
      if (name !== "tile.put" && name !== "tile.arrival") continue;
      const peer = readI64(op.getAttr("peer")) ?? -1;
      const signal = readI64(op.getAttr("signal")) ?? -1;
      if (name === "tile.arrival") arrivals.set(`${rank},${peer},${signal}`, op);
      else puts.push({ op, key: `${peer},${rank},${signal}`, dst: peer });
    }
  }
  const arrivalOf = new Map<Operation, Operation>();
  const putOf = new Map<Operation, Operation>();
  const errors: { op: Operation; message: string }[] = [];
  for (const { op, key, dst } of puts) {
    const arrival = arrivals.get(key);
    if (arrival === undefined) {
      if (complete || rankOf.has(dst)) errors.push({ op, message: `'tile.put' op to rank ${dst} has no matching tile.arrival there` });
      continue;
    }
    const written = readSliceList(op.getAttr("writes"))![0]!;
    const landed = readSliceList(arrival.getAttr("writes"))![0]!;
    if (!sameSlice(written, landed))
      errors.push({ op, message: `'tile.put' op writes ${formatSlice(written)}, but its arrival on rank ${dst} names ${formatSlice(landed)}` });
    arrivalOf.set(op, arrival);
    putOf.set(arrival, op);
  }
  for (const arrival of arrivals.values())
    if (!putOf.has(arrival)) {
      const src = readI64(arrival.getAttr("peer")) ?? -1;
      if (complete || rankOf.has(src)) errors.push({ op: arrival, message: `'tile.arrival' op from rank ${src} has no matching tile.put there` });
    }
  return { arrivalOf, putOf, errors };
}
