// Affine maps `(d0, ...)[s0, ...] -> (e0, ...)` and integer sets
// `(d0, ...)[s0, ...] : (c0 >= 0, c1 == 0, ...)`: immutable and uniqued, so
// structurally equal ones are `===`. Printing lives in src/syntax/affine-printer.ts.

import {
  AffineExprKind,
  getAffineConstantExpr,
  getAffineDimExpr,
  type AffineExpr,
} from "./affine-expr.js";
import type { Uniquer } from "./uniquer.js";

function idList(exprs: readonly AffineExpr[]): string {
  let key = "";
  for (let i = 0; i < exprs.length; i++) key += (i ? "," : "") + exprs[i]!.id;
  return key;
}

/**
 * A map from `numDims` dimensions and `numSymbols` symbols to `results`.
 * Precondition (unchecked, as MLIR only asserts it): results mention only
 * `d0..d<numDims-1>` and `s0..s<numSymbols-1>`.
 */
export class AffineMap {
  private constructor(
    readonly numDims: number,
    readonly numSymbols: number,
    readonly results: readonly AffineExpr[],
  ) {}

  /** The interned map; `results` is copied. O(numResults) average. */
  static get(u: Uniquer, numDims: number, numSymbols: number, results: readonly AffineExpr[]): AffineMap {
    return u.intern(`affine.map:${numDims}:${numSymbols}:${idList(results)}`, () =>
      new AffineMap(numDims, numSymbols, Object.freeze(results.slice())),
    );
  }

  get numResults(): number {
    return this.results.length;
  }

  /** numDims + numSymbols. */
  get numInputs(): number {
    return this.numDims + this.numSymbols;
  }

  /** The i-th result; undefined when out of range. */
  getResult(i: number): AffineExpr | undefined {
    return this.results[i];
  }

  /** True for `(d0, ..., dn)[...] -> (d0, ..., dn)`; symbols are ignored, as in MLIR. O(n). */
  isIdentity(): boolean {
    if (this.numDims !== this.results.length) return false;
    for (let i = 0; i < this.results.length; i++) {
      const r = this.results[i]!;
      if (r.kind !== AffineExprKind.DimId || r.position !== i) return false;
    }
    return true;
  }

  /** True when there are no dims, no symbols and no results: `() -> ()`. */
  isEmpty(): boolean {
    return this.numDims === 0 && this.numSymbols === 0 && this.results.length === 0;
  }

  /** True when every result is a constant. O(n). */
  isConstant(): boolean {
    for (const r of this.results) if (r.kind !== AffineExprKind.Constant) return false;
    return true;
  }
}

/** `(d0, ..., d<numDims-1>) -> (d0, ..., d<numDims-1>)`. O(numDims). */
export function getMultiDimIdentityMap(u: Uniquer, numDims: number): AffineMap {
  const results: AffineExpr[] = [];
  for (let i = 0; i < numDims; i++) results.push(getAffineDimExpr(u, i));
  return AffineMap.get(u, numDims, 0, results);
}

/** `() -> (value)`. */
export function getConstantAffineMap(u: Uniquer, value: bigint | number): AffineMap {
  return AffineMap.get(u, 0, 0, [getAffineConstantExpr(u, value)]);
}

/**
 * A conjunction of constraints over `numDims` dims and `numSymbols` symbols:
 * `constraints[i] == 0` when `eqFlags[i]`, else `constraints[i] >= 0`.
 * The parser never builds an empty list (it writes `0 == 0`); the API allows it.
 */
export class IntegerSet {
  private constructor(
    readonly numDims: number,
    readonly numSymbols: number,
    readonly constraints: readonly AffineExpr[],
    readonly eqFlags: readonly boolean[],
  ) {}

  /**
   * The interned set; arrays are copied. Precondition: equal lengths (only the
   * first `constraints.length` flags are used; missing ones mean `>= 0`).
   * O(numConstraints) average.
   */
  static get(
    u: Uniquer,
    numDims: number,
    numSymbols: number,
    constraints: readonly AffineExpr[],
    eqFlags: readonly boolean[],
  ): IntegerSet {
    let key = `affine.set:${numDims}:${numSymbols}:`;
    const flags: boolean[] = [];
    for (let i = 0; i < constraints.length; i++) {
      const eq = eqFlags[i] === true;
      flags.push(eq);
      key += (i ? "," : "") + constraints[i]!.id + (eq ? "=" : ">");
    }
    return u.intern(key, () => new IntegerSet(numDims, numSymbols, Object.freeze(constraints.slice()), Object.freeze(flags)));
  }

  /** MLIR's canonical empty set: the single constraint `1 == 0`. */
  static getEmpty(u: Uniquer, numDims: number, numSymbols: number): IntegerSet {
    return IntegerSet.get(u, numDims, numSymbols, [getAffineConstantExpr(u, 1n)], [true]);
  }

  get numConstraints(): number {
    return this.constraints.length;
  }

  get numInputs(): number {
    return this.numDims + this.numSymbols;
  }

  /** True if constraint i is an equality; false for `>= 0` or out of range. */
  isEq(i: number): boolean {
    return this.eqFlags[i] === true;
  }

  /** True for the canonical empty set (`1 == 0`, as MLIR's isEmptyIntegerSet). */
  isEmptyIntegerSet(): boolean {
    const c = this.constraints[0];
    return this.constraints.length === 1 && this.eqFlags[0] === true && c !== undefined && c.kind === AffineExprKind.Constant && c.value === 1n;
  }
}
