// Walkers over nested IR: pre- and post-order, with skip and interrupt, on an
// explicit stack because JS stacks are too shallow for deeply nested IR.

import type { Operation } from "./operation.js";

/** What a walk callback asks for next. */
export enum WalkResult {
  /** Continue into nested regions (pre-order) and on to the next op. */
  Advance = 0,
  /** Do not visit this op's regions (pre-order only). */
  Skip = 1,
  /** Stop the whole walk. */
  Interrupt = 2,
}

export enum WalkOrder {
  PreOrder = 0,
  PostOrder = 1,
}

/**
 * Visits `root` and every op nested in it, in program order. `fn` may return a
 * WalkResult (undefined means Advance). Returns Interrupt if the walk was
 * interrupted, else Advance. The callback may erase the op it is given in
 * post-order; in pre-order it may erase it only when it returns Skip.
 * O(ops) time, O(depth + ops in a block) space.
 */
export function walk(
  root: Operation,
  fn: (op: Operation) => WalkResult | void,
  order: WalkOrder = WalkOrder.PostOrder,
): WalkResult {
  return order === WalkOrder.PreOrder ? walkPre(root, fn) : walkPost(root, fn);
}

function walkPre(root: Operation, fn: (op: Operation) => WalkResult | void): WalkResult {
  const stack: Operation[] = [root];
  while (stack.length) {
    const op = stack.pop()!;
    const r = fn(op);
    if (r === WalkResult.Interrupt) return WalkResult.Interrupt;
    if (r === WalkResult.Skip) continue;
    // Push children in reverse so the first nested op is visited first.
    const regions = op.regions;
    for (let ri = regions.length - 1; ri >= 0; ri--)
      for (let b = regions[ri]!.lastBlock; b; b = b.prev) for (let c = b.last; c; c = c.prev) stack.push(c);
  }
  return WalkResult.Advance;
}

function walkPost(root: Operation, fn: (op: Operation) => WalkResult | void): WalkResult {
  // Each frame holds an op and whether its children were already pushed.
  const ops: Operation[] = [root];
  const expanded: boolean[] = [false];
  while (ops.length) {
    const top = ops.length - 1;
    const op = ops[top]!;
    if (expanded[top]) {
      ops.pop();
      expanded.pop();
      if (fn(op) === WalkResult.Interrupt) return WalkResult.Interrupt;
      continue;
    }
    expanded[top] = true;
    const regions = op.regions;
    for (let ri = regions.length - 1; ri >= 0; ri--)
      for (let b = regions[ri]!.lastBlock; b; b = b.prev)
        for (let c = b.last; c; c = c.prev) {
          ops.push(c);
          expanded.push(false);
        }
  }
  return WalkResult.Advance;
}
