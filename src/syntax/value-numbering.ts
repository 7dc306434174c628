// SSA value and block numbering for the printer, matching mlir-opt 22.

import type { Block } from "../ir/block.js";
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import { OpResult, type BlockArgument, type Value } from "../ir/value.js";

/**
 * Names for every value and block under a root op, as mlir-opt 22 assigns
 * them (verified on 22.1.8). Regions are numbered from a LIFO stack: after a
 * region's block arguments and op results are numbered in order, the regions
 * of its ops are pushed in order, so the last one is numbered next. Entry-block
 * arguments are `%argN` from their own counter; other block arguments and op
 * results share `%N`; a multi-result op takes one number. With `unique` ids
 * (generic form) the counters keep running; otherwise each region restarts
 * from the counters its parent region ended with, so sibling regions reuse
 * numbers. Blocks are `^bbN` per region. O(ops + blocks + values).
 */
export class ValueNumbering {
  /** `%N` per op with results (its first result's name; `#i` selects among several). */
  private readonly opNames = new Map<Operation, string>();
  private readonly argNames = new Map<BlockArgument, string>();
  private readonly blockIds = new Map<Block, number>();
  /** Ops under the root, root included (a size hint for the printer's output). */
  readonly numOps: number = 1;

  constructor(root: Operation, unique: boolean) {
    let nextValue = 0;
    let nextArg = 0;
    let numOps = 1;
    if (root.numResults) this.opNames.set(root, "%" + nextValue++);
    // Each entry: a region and the counters to resume from (ignored when unique).
    const regions: Region[] = [];
    const savedValue: number[] = [];
    const savedArg: number[] = [];
    /** The ops of the region being numbered that have regions (one pass over the ops). */
    const withRegions: Operation[] = [];
    for (const r of root.regions) {
      regions.push(r);
      savedValue.push(nextValue);
      savedArg.push(nextArg);
    }
    while (regions.length) {
      const region = regions.pop()!;
      const v = savedValue.pop()!;
      const a = savedArg.pop()!;
      if (!unique) {
        nextValue = v;
        nextArg = a;
      }
      let blockId = 0;
      withRegions.length = 0;
      for (let b = region.entryBlock; b; b = b.next) {
        this.blockIds.set(b, blockId++);
        const entry = b.prev === null;
        for (const arg of b.args) this.argNames.set(arg, entry ? "%arg" + nextArg++ : "%" + nextValue++);
        for (let op = b.first; op; op = op.next) {
          numOps++;
          if (op.numResults) this.opNames.set(op, "%" + nextValue++);
          if (op.regions.length) withRegions.push(op);
        }
      }
      // Nested regions resume from the counters as they stand after the whole region.
      for (const op of withRegions)
        for (const r of op.regions) {
          regions.push(r);
          savedValue.push(nextValue);
          savedArg.push(nextArg);
        }
    }
    this.numOps = numOps;
  }

  /** `%3`, `%3#1` or `%arg0`; `<<UNKNOWN SSA VALUE>>` for values outside the root (as MLIR). */
  valueName(v: Value): string {
    if (v instanceof OpResult) {
      const name = this.opNames.get(v.owner);
      if (name === undefined) return "<<UNKNOWN SSA VALUE>>";
      return v.owner.numResults > 1 ? name + "#" + v.index : name;
    }
    return this.argNames.get(v as BlockArgument) ?? "<<UNKNOWN SSA VALUE>>";
  }

  /** The result-list prefix of an op's definition: `%3 = `, `%3:2 = `, or "". */
  resultPrefix(op: Operation): string {
    const n = op.numResults;
    if (n === 0) return "";
    const name = this.opNames.get(op);
    return n > 1 ? name + ":" + n + " = " : name + " = ";
  }

  blockId(b: Block): number {
    return this.blockIds.get(b) ?? -1;
  }
  blockName(b: Block): string {
    const id = this.blockIds.get(b);
    return id === undefined ? "<<UNKNOWN BLOCK>>" : "^bb" + id;
  }
}
