// Printing of affine expressions, maps and integer sets in MLIR's exact form
// (AsmPrinter's printAffineExprInternal, printAffineMap, printIntegerSet):
// `affine_map<(d0)[s0] -> (d0 - s0 * 2)>`, `affine_set<(d0) : (d0 - 1 >= 0)>`.

import { AffineExprKind, wrap64, type AffineExpr } from "../ir/affine-expr.js";
import type { AffineMap, IntegerSet } from "../ir/affine-map.js";

function binarySpelling(kind: AffineExprKind): string {
  switch (kind) {
    case AffineExprKind.Mul:
      return " * ";
    case AffineExprKind.FloorDiv:
      return " floordiv ";
    case AffineExprKind.CeilDiv:
      return " ceildiv ";
    case AffineExprKind.Mod:
      return " mod ";
    default:
      return " + ";
  }
}

/**
 * `e` with dims as `dN` and symbols as `sN`. `strong` is MLIR's
 * BindingStrength::Strong: a binary expression then gets parentheses.
 * Recursive in the depth of `e`; O(size of e) string work.
 */
function printExpr(e: AffineExpr, strong: boolean): string {
  switch (e.kind) {
    case AffineExprKind.DimId:
      return "d" + e.position;
    case AffineExprKind.SymbolId:
      return "s" + e.position;
    case AffineExprKind.Constant:
      return e.value.toString();
    default:
      break;
  }
  const lhs = e.lhs;
  const rhs = e.rhs;
  let s: string | undefined;

  if (e.kind !== AffineExprKind.Add) {
    // `x * -1` prints as a negation.
    if (e.kind === AffineExprKind.Mul && rhs.kind === AffineExprKind.Constant && rhs.value === -1n) {
      s = "-" + printExpr(lhs, true);
    } else {
      s = printExpr(lhs, true) + binarySpelling(e.kind) + printExpr(rhs, true);
    }
    return strong ? "(" + s + ")" : s;
  }

  // `a + b * -c` prints as a subtraction; the negations wrap like C++ int64.
  if (rhs.kind === AffineExprKind.Mul && rhs.rhs.kind === AffineExprKind.Constant) {
    const factor = rhs.rhs.value;
    if (factor === -1n) {
      s = printExpr(lhs, false) + " - " + printExpr(rhs.lhs, rhs.lhs.kind === AffineExprKind.Add);
    } else if (factor < -1n) {
      s = printExpr(lhs, false) + " - " + printExpr(rhs.lhs, true) + " * " + wrap64(-factor).toString();
    }
  }
  if (s === undefined && rhs.kind === AffineExprKind.Constant && rhs.value < 0n) {
    s = printExpr(lhs, false) + " - " + wrap64(-rhs.value).toString();
  }
  if (s === undefined) s = printExpr(lhs, false) + " + " + printExpr(rhs, false);
  return strong ? "(" + s + ")" : s;
}

/** The expression as MLIR prints it at top level (`d0 * 2 + s0`). O(size). */
export function printAffineExpr(expr: AffineExpr): string {
  return printExpr(expr, false);
}

function printIdLists(numDims: number, numSymbols: number): string {
  let s = "(";
  for (let i = 0; i < numDims; i++) s += (i ? ", d" : "d") + i;
  s += ")";
  if (numSymbols !== 0) {
    s += "[";
    for (let i = 0; i < numSymbols; i++) s += (i ? ", s" : "s") + i;
    s += "]";
  }
  return s;
}

/**
 * The map without the `affine_map<...>` wrapper: `(d0, d1)[s0] -> (d1, d0 + s0)`.
 * O(size of the map).
 */
export function printAffineMapBody(map: AffineMap): string {
  let s = printIdLists(map.numDims, map.numSymbols) + " -> (";
  const results = map.results;
  for (let i = 0; i < results.length; i++) s += (i ? ", " : "") + printExpr(results[i]!, false);
  return s + ")";
}

/**
 * The map as an attribute: `affine_map<(d0) -> (d0)>`. Memref layouts print
 * the same text (mlir-opt writes `memref<4x4xf32, affine_map<...>>`).
 */
export function printAffineMap(map: AffineMap): string {
  return "affine_map<" + printAffineMapBody(map) + ">";
}

/** One constraint as `e >= 0` or `e == 0`. */
export function printAffineConstraint(expr: AffineExpr, isEq: boolean): string {
  return printExpr(expr, false) + (isEq ? " == 0" : " >= 0");
}

/**
 * The set without the `affine_set<...>` wrapper: `(d0)[s0] : (d0 - s0 >= 0)`.
 * A set built with no constraints prints `()`; parsed sets never have none
 * (`()` parses as `(0 == 0)`). O(size of the set).
 */
export function printIntegerSetBody(set: IntegerSet): string {
  let s = printIdLists(set.numDims, set.numSymbols) + " : (";
  const cs = set.constraints;
  for (let i = 0; i < cs.length; i++) s += (i ? ", " : "") + printAffineConstraint(cs[i]!, set.isEq(i));
  return s + ")";
}

/** The set as an attribute: `affine_set<(d0) : (d0 >= 0)>`. */
export function printIntegerSet(set: IntegerSet): string {
  return "affine_set<" + printIntegerSetBody(set) + ">";
}
