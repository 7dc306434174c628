// Constant uniquing for the greedy driver (the part of MLIR's
// OperationFolder the driver uses while filling its worklist): one constant
// op per (dialect, value, type) in each insertion region, hoisted to the
// front of that region's entry block.

import type { Attribute } from "../ir/attribute.js";
import type { Block } from "../ir/block.js";
import { constantValueOf } from "../ir/fold.js";
import { UnknownLoc } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait } from "../ir/operation-name.js";
import type { PatternRewriter } from "../ir/pattern-match.js";
import type { Region } from "../ir/region.js";

/**
 * The region constants used in `block` are hoisted into: the nearest
 * enclosing region whose op is (or, unregistered, may be) isolated from
 * above, or that of a top-level op.
 */
function insertionRegion(block: Block): Region {
  for (;;) {
    const region = block.parent!;
    const owner = region.parent!;
    if (owner.name.mightHaveTrait(OpTrait.IsolatedFromAbove) || !owner.parent) return region;
    block = owner.parent;
  }
}

export class ConstantUniquer {
  /** Per insertion region: value → the constants holding it (few per value: one per type and dialect). */
  private readonly scopes = new Map<Region, Map<Attribute, Operation[]>>();
  /** Constants this uniquer placed or kept (MLIR's isFolderOwnedConstant). */
  private readonly owned = new Set<Operation>();

  constructor(private readonly rewriter: PatternRewriter) {}

  /**
   * If `op` is a constant: replaces it by an equal constant already seen in
   * its insertion region (which then loses its location, since it now stands
   * for several), or else keeps it, moved to the front of the region's entry
   * block unless it is already in the run of kept constants there. A
   * constant moved out of its own block loses its location. Returns true
   * when `op` was replaced (and erased).
   */
  uniqueConstant(op: Operation): boolean {
    if (!op.name.hasTrait(OpTrait.ConstantLike) || op.results.length !== 1) return false;
    const value = constantValueOf(op);
    if (value === undefined) return false;
    const block = op.parent!;
    const region = insertionRegion(block);
    let byValue = this.scopes.get(region);
    if (!byValue) this.scopes.set(region, (byValue = new Map()));
    let sameValue = byValue.get(value);
    if (!sameValue) byValue.set(value, (sameValue = []));
    const type = op.results[0]!.type;
    const existing = sameValue.find((c) => c.results[0]!.type === type && c.name.dialect === op.name.dialect);
    if (existing) {
      this.rewriter.replaceOp(op, existing.results);
      existing.loc = UnknownLoc.get(op.context);
      return true;
    }
    const entry = region.entryBlock!;
    if (block !== entry) {
      op.moveBefore(entry.first!);
      op.loc = UnknownLoc.get(op.context);
    } else if (entry.first !== op && !this.owned.has(op.prev!)) {
      op.moveBefore(entry.first!);
    }
    sameValue.push(op);
    this.owned.add(op);
    return false;
  }
}
