// Signal ids of puts and arrivals. A put on rank s and the arrival it raises
// on rank p must carry the same (peer, signal) pair although each rank's
// program is generated alone. Both sides see the same landed slice (the put
// writes it on the peer, the arrival reports it), so ids are the rank of that
// slice (buffer name, first row) among all of the pair's transfers.

import { intAttrValue } from "../src/ir/int-attr.js";
import type { Block } from "../src/ir/block.js";
import type { Operation } from "../src/ir/operation.js";
import { IntegerAttr } from "../src/ir/builtin-attributes.js";
import { IntegerType } from "../src/ir/builtin-types.js";
import { kArrival, kPut, writesOf } from "./tile-builder.js";

interface Transfer {
  readonly op: Operation;
  readonly buffer: string;
  readonly row: number;
}

function byLandedSlice(a: Transfer, b: Transfer): number {
  return a.buffer < b.buffer ? -1 : a.buffer > b.buffer ? 1 : a.row - b.row;
}

/**
 * Numbers the puts of `body` per destination and its arrivals per source,
 * 0, 1, ... in (landed buffer, first row) order. O(n log n) in transfers.
 */
export function assignSignals(body: Block): void {
  const groups = new Map<string, Transfer[]>();
  for (let op = body.first; op; op = op.next) {
    const name = op.name.name;
    if (name !== kPut && name !== kArrival) continue;
    const landed = writesOf(op)[0];
    const peer = intAttrValue(op.getAttr("peer"));
    if (!landed || peer === undefined) continue;
    const key = `${name === kPut ? "to" : "from"}${peer}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ op, buffer: landed.buffer, row: landed.offsets[0] ?? 0 });
  }
  if (groups.size === 0) return;
  const i64 = IntegerType.get(body.first!.context, 64);
  for (const list of groups.values()) {
    list.sort(byLandedSlice);
    for (let i = 0; i < list.length; i++) list[i]!.op.setProperty("signal", IntegerAttr.getFromSafeInteger(list[i]!.op.context, i64, i));
  }
}
