// Affine expressions: immutable, uniqued trees over dims (dN), symbols (sN),
// int64 constants and the five binary operators, simplified on construction
// exactly as mlir-opt 22 does (mlir/lib/IR/AffineExpr.cpp), so that parsing
// then printing reproduces MLIR's text byte for byte.

import type { Uniquer } from "./uniquer.js";

//===----------------------------------------------------------------------===//
// Kinds and classes
//===----------------------------------------------------------------------===//

/** MLIR's AffineExprKind, same order: the binary kinds come first. */
export const enum AffineExprKind {
  Add = 0,
  Mul = 1,
  Mod = 2,
  FloorDiv = 3,
  CeilDiv = 4,
  Constant = 5,
  DimId = 6,
  SymbolId = 7,
}

/** The kinds of AffineBinaryOpExpr. */
export type AffineBinaryKind =
  | AffineExprKind.Add
  | AffineExprKind.Mul
  | AffineExprKind.Mod
  | AffineExprKind.FloorDiv
  | AffineExprKind.CeilDiv;

/** Any affine expression; narrow on `kind`. Structurally equal exprs are `===`. */
export type AffineExpr = AffineDimExpr | AffineSymbolExpr | AffineConstantExpr | AffineBinaryOpExpr;

const enum ExprFlags {
  SymbolicOrConstant = 1,
  PureAffine = 2,
}

// Ids only build interning keys (children are interned, so a binary node's key
// is O(1) instead of O(tree)). They never order or name anything.
let nextExprId = 0;

/** Shared fields; concrete classes are the four below. */
abstract class AffineExprBase {
  /** @internal Dense id used in interning keys. */
  readonly id: number;
  private readonly flags: number;

  protected constructor(flags: number) {
    this.id = nextExprId++;
    this.flags = flags;
  }

  /** True if no dimension occurs (only symbols and constants). O(1), cached. */
  get isSymbolicOrConstant(): boolean {
    return (this.flags & ExprFlags.SymbolicOrConstant) !== 0;
  }

  /**
   * True if multiplications have a constant operand and div/mod a constant
   * right operand (MLIR's isPureAffine). O(1), cached.
   */
  get isPureAffine(): boolean {
    return (this.flags & ExprFlags.PureAffine) !== 0;
  }
}

/** `dN`: the N-th dimension of the enclosing map or set. */
export class AffineDimExpr extends AffineExprBase {
  readonly kind: AffineExprKind.DimId = AffineExprKind.DimId;
  private constructor(readonly position: number) {
    super(ExprFlags.PureAffine);
  }
  /** The interned `d<position>`. O(1) average. */
  static get(u: Uniquer, position: number): AffineDimExpr {
    return u.intern(`affine.d:${position}`, () => new AffineDimExpr(position));
  }
}

/** `sN`: the N-th symbol of the enclosing map or set. */
export class AffineSymbolExpr extends AffineExprBase {
  readonly kind: AffineExprKind.SymbolId = AffineExprKind.SymbolId;
  private constructor(readonly position: number) {
    super(ExprFlags.PureAffine | ExprFlags.SymbolicOrConstant);
  }
  /** The interned `s<position>`. O(1) average. */
  static get(u: Uniquer, position: number): AffineSymbolExpr {
    return u.intern(`affine.s:${position}`, () => new AffineSymbolExpr(position));
  }
}

/** A signed 64-bit constant (MLIR stores int64_t; we keep a bigint in range). */
export class AffineConstantExpr extends AffineExprBase {
  readonly kind: AffineExprKind.Constant = AffineExprKind.Constant;
  private constructor(readonly value: bigint) {
    super(ExprFlags.PureAffine | ExprFlags.SymbolicOrConstant);
  }
  /**
   * The interned constant. `value` must be an integer (a non-integral number
   * is a caller bug and makes BigInt throw); it is wrapped to int64 as C++
   * would. O(1) average.
   */
  static get(u: Uniquer, value: bigint | number): AffineConstantExpr {
    const v = wrap64(BigInt(value));
    return u.intern(`affine.c:${v}`, () => new AffineConstantExpr(v));
  }
}

/** `lhs <op> rhs`. Build through the simplifying factories below, not `getRaw`. */
export class AffineBinaryOpExpr extends AffineExprBase {
  private constructor(
    readonly kind: AffineBinaryKind,
    readonly lhs: AffineExpr,
    readonly rhs: AffineExpr,
  ) {
    super(binaryFlags(kind, lhs, rhs));
  }
  /**
   * @internal The interned node exactly as given, without simplification
   * (MLIR's StorageUniquer::get for AffineBinaryOpExprStorage). O(1) average.
   */
  static getRaw(u: Uniquer, kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): AffineBinaryOpExpr {
    return u.intern(`affine.b:${kind}:${lhs.id}:${rhs.id}`, () => new AffineBinaryOpExpr(kind, lhs, rhs));
  }
}

function binaryFlags(kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): number {
  let flags = 0;
  if (lhs.isSymbolicOrConstant && rhs.isSymbolicOrConstant) flags |= ExprFlags.SymbolicOrConstant;
  const lc = lhs.kind === AffineExprKind.Constant;
  const rc = rhs.kind === AffineExprKind.Constant;
  let pure: boolean;
  switch (kind) {
    case AffineExprKind.Add:
      pure = lhs.isPureAffine && rhs.isPureAffine;
      break;
    case AffineExprKind.Mul:
      pure = lhs.isPureAffine && rhs.isPureAffine && (lc || rc);
      break;
    default:
      pure = lhs.isPureAffine && rc;
      break;
  }
  if (pure) flags |= ExprFlags.PureAffine;
  return flags;
}

/** True for the five binary kinds. */
export function isAffineBinaryExpr(e: AffineExpr): e is AffineBinaryOpExpr {
  return e.kind <= AffineExprKind.CeilDiv;
}

//===----------------------------------------------------------------------===//
// int64 arithmetic (MLIR computes in int64_t; C++ wraps where it does not check)
//===----------------------------------------------------------------------===//

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Two's-complement wrap to int64, as an unchecked C++ `int64_t` operation. */
export function wrap64(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

function fitsInt64(v: bigint): boolean {
  return v >= INT64_MIN && v <= INT64_MAX;
}

/** Floor of a / b (b != 0), exact. */
function floorDivExact(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Ceiling of a / b (b != 0), exact. */
function ceilDivExact(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n === b < 0n ? q + 1n : q;
}

/** a mod b in [0, b) for b > 0 (MLIR's mod). */
function modPositive(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r < 0n ? r + b : r;
}

function gcd64(a: bigint, b: bigint): bigint {
  // llvm::GreatestCommonDivisor64 works on uint64_t; callers get int64_t back.
  let x = BigInt.asUintN(64, a);
  let y = BigInt.asUintN(64, b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return wrap64(x);
}

//===----------------------------------------------------------------------===//
// Queries
//===----------------------------------------------------------------------===//

/**
 * The largest integer known to divide `e` (MLIR's getLargestKnownDivisor):
 * |c| for constants, products for Mul, gcd for Add and Mod, 1 otherwise.
 * O(size of e), recursive.
 */
export function getLargestKnownDivisor(e: AffineExpr): bigint {
  switch (e.kind) {
    case AffineExprKind.Constant:
      return wrap64(e.value < 0n ? -e.value : e.value);
    case AffineExprKind.Mul:
      return wrap64(getLargestKnownDivisor(e.lhs) * getLargestKnownDivisor(e.rhs));
    case AffineExprKind.Add:
    case AffineExprKind.Mod:
      return gcd64(getLargestKnownDivisor(e.lhs), getLargestKnownDivisor(e.rhs));
    default:
      return 1n;
  }
}

function asConst(e: AffineExpr): AffineConstantExpr | undefined {
  return e.kind === AffineExprKind.Constant ? e : undefined;
}

function asBinary(e: AffineExpr, kind: AffineBinaryKind): AffineBinaryOpExpr | undefined {
  return e.kind === kind ? e : undefined;
}

//===----------------------------------------------------------------------===//
// Factories
//===----------------------------------------------------------------------===//

/** The interned `d<position>`. O(1) average. */
export function getAffineDimExpr(u: Uniquer, position: number): AffineDimExpr {
  return AffineDimExpr.get(u, position);
}

/** The interned `s<position>`. O(1) average. */
export function getAffineSymbolExpr(u: Uniquer, position: number): AffineSymbolExpr {
  return AffineSymbolExpr.get(u, position);
}

/** The interned constant (an integer, wrapped to int64). O(1) average. */
export function getAffineConstantExpr(u: Uniquer, value: bigint | number): AffineConstantExpr {
  return AffineConstantExpr.get(u, value);
}

/** An operand of the arithmetic helpers: an expression or an int64 constant. */
export type AffineOperand = AffineExpr | bigint | number;

function toExpr(u: Uniquer, x: AffineOperand): AffineExpr {
  return typeof x === "bigint" || typeof x === "number" ? AffineConstantExpr.get(u, x) : x;
}

/**
 * `lhs <kind> rhs`, simplified as mlir::getAffineBinaryOpExpr does, then
 * interned. A product of two dimensional (non-symbolic) operands is semi-affine
 * and is built without simplification (MLIR asserts instead). The cost is that
 * of the simplification rules: O(1) for most, O(size) when a divisor is needed.
 */
export function getAffineBinaryOpExpr(u: Uniquer, kind: AffineBinaryKind, lhs: AffineExpr, rhs: AffineExpr): AffineExpr {
  let simplified: AffineExpr | undefined;
  switch (kind) {
    case AffineExprKind.Add:
      simplified = simplifyAdd(u, lhs, rhs);
      break;
    case AffineExprKind.Mul:
      simplified = simplifyMul(u, lhs, rhs);
      break;
    case AffineExprKind.FloorDiv:
      simplified = simplifyFloorDiv(u, lhs, rhs);
      break;
    case AffineExprKind.CeilDiv:
      simplified = simplifyCeilDiv(u, lhs, rhs);
      break;
    case AffineExprKind.Mod:
      simplified = simplifyMod(u, lhs, rhs);
      break;
  }
  if (simplified) return simplified;
  // mlir-opt 22 orders the operands of an unsimplified commutative op when
  // both are dims or symbols: dims first, then by position (`s1 + s0` ->
  // `s0 + s1`).
  if (kind === AffineExprKind.Add || kind === AffineExprKind.Mul) {
    const l = atomOrder(lhs);
    const r = atomOrder(rhs);
    if (l >= 0 && r >= 0 && r < l) return AffineBinaryOpExpr.getRaw(u, kind, rhs, lhs);
  }
  return AffineBinaryOpExpr.getRaw(u, kind, lhs, rhs);
}

/** Sort key of a dim (position) or symbol (after all dims); -1 for anything else. */
function atomOrder(e: AffineExpr): number {
  if (e.kind === AffineExprKind.DimId) return e.position;
  if (e.kind === AffineExprKind.SymbolId) return 0x100000000 + e.position;
  return -1;
}

/** `lhs + rhs` (MLIR's operator+). */
export function affineAdd(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return getAffineBinaryOpExpr(u, AffineExprKind.Add, lhs, toExpr(u, rhs));
}

/** `lhs * rhs` (MLIR's operator*). */
export function affineMul(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return getAffineBinaryOpExpr(u, AffineExprKind.Mul, lhs, toExpr(u, rhs));
}

/** `-e`, built as `e * -1` like MLIR's unary operator-. */
export function affineNeg(u: Uniquer, e: AffineExpr): AffineExpr {
  return affineMul(u, e, -1n);
}

/** `lhs - rhs`, built as `lhs + rhs * -1`. */
export function affineSub(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return affineAdd(u, lhs, affineNeg(u, toExpr(u, rhs)));
}

/** `lhs floordiv rhs`. */
export function affineFloorDiv(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return getAffineBinaryOpExpr(u, AffineExprKind.FloorDiv, lhs, toExpr(u, rhs));
}

/** `lhs ceildiv rhs`. */
export function affineCeilDiv(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return getAffineBinaryOpExpr(u, AffineExprKind.CeilDiv, lhs, toExpr(u, rhs));
}

/** `lhs mod rhs`. */
export function affineMod(u: Uniquer, lhs: AffineExpr, rhs: AffineOperand): AffineExpr {
  return getAffineBinaryOpExpr(u, AffineExprKind.Mod, lhs, toExpr(u, rhs));
}

//===----------------------------------------------------------------------===//
// Construction-time simplification. Each returns undefined when no rule applies.
// Rules and their order follow mlir-opt 22; where 22 differs from older MLIR
// (checked against the binary) the comment says so.
//===----------------------------------------------------------------------===//

function simplifyAdd(u: Uniquer, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const lhsConst = asConst(lhs);
  const rhsConst = asConst(rhs);
  if (lhsConst && rhsConst) {
    // mlir-opt 22 leaves an overflowing constant sum unfolded.
    const sum = lhsConst.value + rhsConst.value;
    return fitsInt64(sum) ? AffineConstantExpr.get(u, sum) : undefined;
  }

  // Constants go right; so does the symbolic side of a mixed sum.
  if (lhsConst || (lhs.isSymbolicOrConstant && !rhs.isSymbolicOrConstant)) return affineAdd(u, rhs, lhs);

  if (rhsConst && rhsConst.value === 0n) return lhs;

  // (d0 + 2) + 3 -> d0 + 5 (the inner sum wraps, unchecked, as in C++).
  const lAdd = asBinary(lhs, AffineExprKind.Add);
  if (lAdd && rhsConst) {
    const lrhs = asConst(lAdd.rhs);
    if (lrhs) return affineAdd(u, lAdd.lhs, wrap64(lrhs.value + rhsConst.value));
  }

  // c1 * e + c2 * e -> (c1 + c2) * e, with a missing factor counting as 1.
  const lMul = asBinary(lhs, AffineExprKind.Mul);
  const lFactor = lMul ? asConst(lMul.rhs) : undefined;
  const firstExpr = lMul && lFactor ? lMul.lhs : lhs;
  const rMul = asBinary(rhs, AffineExprKind.Mul);
  const rFactor = rMul ? asConst(rMul.rhs) : undefined;
  const secondExpr = rMul && rFactor ? rMul.lhs : rhs;
  if (firstExpr === secondExpr) {
    const factor = wrap64((lFactor ? lFactor.value : 1n) + (rFactor ? rFactor.value : 1n));
    return affineMul(u, firstExpr, factor);
  }

  // (d0 + 2) + d1 -> (d0 + d1) + 2.
  if (lAdd) {
    const lrhs = asConst(lAdd.rhs);
    if (lrhs) return affineAdd(u, affineAdd(u, lAdd.lhs, rhs), lrhs);
  }

  // e - (e floordiv q) * q -> e mod q. First form: ((e floordiv q) * q) * -1.
  // mlir-opt 22 only checks that the rhs is a binary op whose own rhs is -1,
  // so `d0 + ((d0 floordiv 4) * 4 - 1)` also becomes `d0 mod 4` (an upstream
  // bug, fixed after 22; reproduced here for byte-identical output).
  if (!isAffineBinaryExpr(rhs)) return undefined;
  const lrhs = rhs.lhs;
  const rrhs = rhs.rhs;
  const rrhsConst = asConst(rrhs);
  const lrhsMul = asBinary(lrhs, AffineExprKind.Mul);
  if (rrhsConst && rrhsConst.value === -1n && lrhsMul) {
    const div = asBinary(lrhsMul.lhs, AffineExprKind.FloorDiv);
    if (!div) return undefined;
    if (div.rhs === lrhsMul.rhs && lhs === div.lhs) return affineMod(u, lhs, lrhsMul.rhs);
  }

  // Second form: (e floordiv c) * -c with c a positive constant.
  const div = asBinary(lrhs, AffineExprKind.FloorDiv);
  if (!div || rhs.kind !== AffineExprKind.Mul) return undefined;
  const c = asConst(div.rhs);
  if (c && c.value > 0n && lhs === div.lhs && div.rhs === affineNeg(u, rrhs)) return affineMod(u, lhs, div.rhs);
  // (a + b) + (x floordiv q) * k -> a + (b + (x floordiv q) * k) when the
  // inner sum simplifies, so (s0 + s1) + (s1 floordiv c) * -c becomes
  // s0 + s1 mod c. Any simplification counts, including the canonical swap of
  // a symbolic b behind a dimensional rhs, as in mlir-opt 22.
  if (lAdd) {
    const inner = simplifyAdd(u, lAdd.rhs, rhs);
    if (inner) return affineAdd(u, lAdd.lhs, inner);
  }
  return undefined;
}

function simplifyMul(u: Uniquer, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const lhsConst = asConst(lhs);
  const rhsConst = asConst(rhs);
  if (lhsConst && rhsConst) {
    // mlir-opt 22 leaves an overflowing constant product unfolded, in the
    // order written (`-1 * c` and `c * -1` stay distinct).
    const product = lhsConst.value * rhsConst.value;
    return fitsInt64(product) ? AffineConstantExpr.get(u, product) : undefined;
  }

  // Semi-affine d * d: MLIR asserts here; we keep the node as written.
  if (!lhs.isSymbolicOrConstant && !rhs.isSymbolicOrConstant) return undefined;

  // The constant or symbolic factor goes right; a constant beats a symbol.
  if (!rhs.isSymbolicOrConstant || lhsConst) return affineMul(u, rhs, lhs);

  if (rhsConst) {
    if (rhsConst.value === 1n) return lhs;
    if (rhsConst.value === 0n) return rhsConst;
  }

  // (d0 * 2) * 3 -> d0 * 6 (wrapping, unchecked).
  const lMul = asBinary(lhs, AffineExprKind.Mul);
  const lrhs = lMul ? asConst(lMul.rhs) : undefined;
  if (lMul && lrhs && rhsConst) return affineMul(u, lMul.lhs, wrap64(lrhs.value * rhsConst.value));

  // (d0 * 2) * s0 -> (d0 * s0) * 2.
  if (lMul && lrhs) return affineMul(u, affineMul(u, lMul.lhs, rhs), lrhs);
  return undefined;
}

/** A constant divisor usable by the div rules: nonzero (mlir-opt 22 accepts negatives). */
function nonzeroDivisor(rhs: AffineExpr): bigint | undefined {
  const c = asConst(rhs);
  return c && c.value !== 0n ? c.value : undefined;
}

function simplifyFloorDiv(u: Uniquer, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const divisor = nonzeroDivisor(rhs);
  if (divisor === undefined) return undefined;

  const lhsConst = asConst(lhs);
  if (lhsConst) {
    const q = floorDivExact(lhsConst.value, divisor);
    return fitsInt64(q) ? AffineConstantExpr.get(u, q) : undefined;
  }
  if (divisor === 1n) return lhs;

  // (e * c) floordiv d -> e * (c / d) when d divides c.
  const lMul = asBinary(lhs, AffineExprKind.Mul);
  const lrhs = lMul ? asConst(lMul.rhs) : undefined;
  if (lMul && lrhs && lrhs.value % divisor === 0n) return affineMul(u, lMul.lhs, wrap64(lrhs.value / divisor));

  // (a + b) floordiv d -> a floordiv d + b floordiv d when d divides a or b.
  const lAdd = asBinary(lhs, AffineExprKind.Add);
  if (lAdd) {
    if (getLargestKnownDivisor(lAdd.lhs) % divisor === 0n || getLargestKnownDivisor(lAdd.rhs) % divisor === 0n) {
      return affineAdd(u, affineFloorDiv(u, lAdd.lhs, divisor), affineFloorDiv(u, lAdd.rhs, divisor));
    }
  }
  return undefined;
}

function simplifyCeilDiv(u: Uniquer, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  const divisor = nonzeroDivisor(rhs);
  if (divisor === undefined) return undefined;

  const lhsConst = asConst(lhs);
  if (lhsConst) {
    const q = ceilDivExact(lhsConst.value, divisor);
    return fitsInt64(q) ? AffineConstantExpr.get(u, q) : undefined;
  }
  if (divisor === 1n) return lhs;

  // (e * c) ceildiv d -> e * (c / d) when d divides c. No sum rule here.
  const lMul = asBinary(lhs, AffineExprKind.Mul);
  const lrhs = lMul ? asConst(lMul.rhs) : undefined;
  if (lMul && lrhs && lrhs.value % divisor === 0n) return affineMul(u, lMul.lhs, wrap64(lrhs.value / divisor));
  return undefined;
}

function simplifyMod(u: Uniquer, lhs: AffineExpr, rhs: AffineExpr): AffineExpr | undefined {
  // Unlike the divisions, mod by a non-positive constant is never folded.
  const rhsConst = asConst(rhs);
  if (!rhsConst || rhsConst.value < 1n) return undefined;
  const m = rhsConst.value;

  const lhsConst = asConst(lhs);
  if (lhsConst) return AffineConstantExpr.get(u, modPositive(lhsConst.value, m));

  // A known multiple of m: (i * 128) mod 64 -> 0.
  if (getLargestKnownDivisor(lhs) % m === 0n) return AffineConstantExpr.get(u, 0n);

  // (a + b) mod m -> b mod m when m divides a (and symmetrically).
  const lAdd = asBinary(lhs, AffineExprKind.Add);
  if (lAdd) {
    if (getLargestKnownDivisor(lAdd.lhs) % m === 0n) return affineMod(u, lAdd.rhs, m);
    if (getLargestKnownDivisor(lAdd.rhs) % m === 0n) return affineMod(u, lAdd.lhs, m);
  }

  // (e mod a) mod m -> e mod m when m divides a.
  const lMod = asBinary(lhs, AffineExprKind.Mod);
  if (lMod) {
    const inner = asConst(lMod.rhs);
    if (inner && inner.value >= 1n && modPositive(inner.value, m) === 0n) return affineMod(u, lMod.lhs, m);
  }
  return undefined;
}
