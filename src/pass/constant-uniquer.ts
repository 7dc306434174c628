// Constant CSE while the greedy driver seeds its worklist (MLIR's
// OperationFolder::insertKnownConstant, as RegionPatternRewriteDriver uses it
// once per iteration): the first constant of each (dialect, value, type) in
// an isolated region is kept and hoisted to the front of the region's entry
// block; later equal constants are replaced by it.

import type { Attribute } from "../ir/attribute.js";
import type { Block } from "../ir/block.js";
import { OpTrait } from "../ir/operation-name.js";
import type { Operation } from "../ir/operation.js";
import type { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";

/** The region folded constants of `block` live in: the nearest one whose op is isolated (or unregistered) or top-level. */
function insertionRegion(block: Block): Region | undefined {
  for (let region = block.parent; region; ) {
    const parentOp = region.parent;
    if (!parentOp) return region;
    if (parentOp.name.mightHaveTrait(OpTrait.IsolatedFromAbove) || parentOp.parent === null) return region;
    region = parentOp.parent.parent;
  }
  return undefined;
}

export class ConstantUniquer {
  /** Per insertion region: dialect -> value -> type -> the kept constant. */
  private readonly scopes = new Map<Region, Map<string, Map<Attribute, Map<Type, Operation>>>>();
  private readonly owned = new Set<Operation>();

  /**
   * Registers constant `op` holding `value`. Returns false when an equal
   * constant already existed: `op`'s uses were moved to it and `op` erased.
   * Otherwise `op` is kept, moved to the front of its insertion region's
   * entry block unless it already sits in the run of kept constants there. O(1).
   */
  insertKnownConstant(op: Operation, value: Attribute): boolean {
    const block = op.parent;
    const region = block && insertionRegion(block);
    const entry = region?.entryBlock;
    if (!block || !region || !entry) return true;
    let byValue = this.scopes.get(region)?.get(op.name.dialect);
    if (!byValue) {
      let byDialect = this.scopes.get(region);
      if (!byDialect) this.scopes.set(region, (byDialect = new Map()));
      byDialect.set(op.name.dialect, (byValue = new Map()));
    }
    let byType = byValue.get(value);
    if (!byType) byValue.set(value, (byType = new Map()));
    const type = op.results[0]!.type;
    const existing = byType.get(type);
    if (existing) {
      op.results[0]!.replaceAllUsesWith(existing.results[0]!);
      op.erase();
      return false;
    }
    if (block !== entry || (entry.first !== op && !(op.prev && this.owned.has(op.prev)))) op.moveBefore(entry.first!);
    byType.set(type, op);
    this.owned.add(op);
    return true;
  }
}
