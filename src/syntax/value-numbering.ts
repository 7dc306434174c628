// SSA value and block numbering for the printer, matching mlir-opt 22.

import type { Block } from "../ir/block.js";
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import { OpResult, type BlockArgument, type Value } from "../ir/value.js";

/** Names given by name hints in one region and its ancestors (MLIR's scoped usedNames). */
interface UsedNames {
  readonly names: Set<string>;
  readonly parent: UsedNames | undefined;
}

function isUsed(scope: UsedNames | undefined, name: string): boolean {
  for (let s = scope; s; s = s.parent) if (s.names.has(name)) return true;
  return false;
}

/** MLIR's sanitizeIdentifier for SSA names: invalid characters become `_`, a leading digit gets a `_` before it. */
function sanitizeName(name: string): string {
  let out = /^[0-9]/.test(name) ? "_" : "";
  out += name.replace(/[^A-Za-z0-9$._-]/g, "_");
  return out;
}

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

  /**
   * `useHints`: results of ops with getAsmResultNames take their hinted names
   * (custom form only), made unique against hints in enclosing regions with
   * `_N` suffixes from a counter that, like value numbers, restarts per
   * sibling region unless `unique`.
   */
  constructor(root: Operation, unique: boolean, useHints = false) {
    let nextValue = 0;
    let nextArg = 0;
    let nextConflict = 0;
    let numOps = 1;
    let used: UsedNames | undefined;
    const savedConflict: number[] = [];
    const savedUsed: (UsedNames | undefined)[] = [];
    let hint: string | undefined;
    const setName = (v: Value, name: string): void => {
      if (v instanceof OpResult && v.index === 0 && name) hint = name;
    };
    /** Block-argument hints of the region being numbered (getAsmBlockArgumentNames). */
    const argHints = new Map<Value, string>();
    const setArgName = (v: Value, name: string): void => {
      if (name) argHints.set(v, name);
    };
    /** The unique name for `name` in the current region (MLIR's uniqueValueName). */
    const uniqueName = (name: string): string => {
      name = sanitizeName(name);
      let probe = name;
      while (isUsed(used, probe)) probe = name + "_" + nextConflict++;
      used!.names.add(probe);
      return probe;
    };
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
      savedConflict.push(nextConflict);
      savedUsed.push(undefined);
    }
    while (regions.length) {
      const region = regions.pop()!;
      const v = savedValue.pop()!;
      const a = savedArg.pop()!;
      const c = savedConflict.pop()!;
      const parentUsed = savedUsed.pop();
      used = useHints ? { names: new Set(), parent: parentUsed } : undefined;
      if (!unique) {
        nextValue = v;
        nextArg = a;
        nextConflict = c;
      }
      let blockId = 0;
      withRegions.length = 0;
      const argNamer = useHints ? region.parent?.name.definition?.getAsmBlockArgumentNames : undefined;
      if (argNamer) {
        argHints.clear();
        argNamer(region, setArgName);
      }
      for (let b = region.entryBlock; b; b = b.next) {
        this.blockIds.set(b, blockId++);
        const entry = b.prev === null;
        for (const arg of b.args) {
          const named = argNamer ? argHints.get(arg) : undefined;
          if (named !== undefined) this.argNames.set(arg, "%" + uniqueName(named));
          else if (!entry) this.argNames.set(arg, "%" + nextValue++);
          // Entry arguments are named `argN` through the used-name table, so hints cannot take them.
          else if (useHints) this.argNames.set(arg, "%" + uniqueName("arg" + nextArg++));
          else this.argNames.set(arg, "%arg" + nextArg++);
        }
        for (let op = b.first; op; op = op.next) {
          numOps++;
          if (op.numResults) {
            const namer = useHints ? op.name.definition?.getAsmResultNames : undefined;
            hint = undefined;
            if (namer) namer(op, setName);
            this.opNames.set(op, hint === undefined ? "%" + nextValue++ : "%" + uniqueName(hint));
          }
          if (op.regions.length) withRegions.push(op);
        }
      }
      // Nested regions resume from the counters as they stand after the whole region.
      for (const op of withRegions)
        for (const r of op.regions) {
          regions.push(r);
          savedValue.push(nextValue);
          savedArg.push(nextArg);
          savedConflict.push(nextConflict);
          savedUsed.push(used);
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
