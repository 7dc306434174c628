// Memory effects as the traits state them (MLIR's SideEffectInterfaces
// queries): whether an op touches memory, and whether an unused op can go.

import type { Operation } from "./operation.js";
import { OpTrait } from "./operation-name.js";

/** Declares no memory effect of its own (Pure implies it). */
function hasNoOwnEffect(op: Operation): boolean {
  return op.name.hasTrait(OpTrait.NoMemoryEffect) || op.name.hasTrait(OpTrait.Pure);
}

/**
 * Neither `op` nor, when it takes on their effects (RecursiveMemoryEffects),
 * the ops nested in it read or write memory (MLIR's isMemoryEffectFree).
 * Iterative over nesting.
 */
export function isMemoryEffectFree(op: Operation): boolean {
  // The common case needs no stack: an op that does not take on nested effects.
  if (!op.name.hasTrait(OpTrait.RecursiveMemoryEffects)) return hasNoOwnEffect(op);
  const stack: Operation[] = [op];
  while (stack.length) {
    const o = stack.pop()!;
    if (!o.name.hasTrait(OpTrait.RecursiveMemoryEffects)) {
      if (!hasNoOwnEffect(o)) return false;
      continue;
    }
    const regions = o.regions;
    for (let i = 0; i < regions.length; i++) for (let b = regions[i]!.entryBlock; b; b = b.next) for (let n = b.first; n; n = n.next) stack.push(n);
  }
  return true;
}

/**
 * Whether `op` could be erased if its results had no uses: not a
 * terminator or symbol, and without memory effects, its own or (for
 * RecursiveMemoryEffects ops) its nested ops' (MLIR's wouldOpBeTriviallyDead;
 * we know no read-only or allocating effects yet).
 */
export function wouldOpBeTriviallyDead(op: Operation): boolean {
  if (op.name.mightHaveTrait(OpTrait.Terminator) || op.name.hasTrait(OpTrait.Symbol)) return false;
  return isMemoryEffectFree(op);
}

/** No result used, and no effect (MLIR's isOpTriviallyDead). */
export function isOpTriviallyDead(op: Operation): boolean {
  // Indexed loops on hot paths: a for-of makes iterator objects until the JIT optimises it.
  const results = op.results;
  for (let i = 0; i < results.length; i++) if (results[i]!.hasUses) return false;
  return wouldOpBeTriviallyDead(op);
}
