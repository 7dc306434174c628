// Folders of the arith dialect (dialects/arith.yaml): constant folding of
// scalar integer, index and float operands (integers wrap at the type's
// width, as APInt does), algebraic identities (x+0, x*1, x*0, x-x, ...),
// compare and select simplifications and cast chains, after MLIR's
// ArithOps.cpp. Folds of shaped (vector/tensor) constants are not done yet.

import type { Attribute } from "../src/ir/attribute.js";
import { DenseIntOrFPElementsAttr, FloatAttr, IntegerAttr, OpaqueAttr } from "../src/ir/builtin-attributes.js";
import { constantValue } from "../src/ir/fold.js";
import { FloatType, IndexType, IntegerType, RankedTensorType, VectorType } from "../src/ir/builtin-types.js";
import type { Operation } from "../src/ir/operation.js";
import type { FoldResult } from "../src/ir/operation-name.js";
import type { Type } from "../src/ir/type.js";
import type { Value } from "../src/ir/value.js";

type Operands = readonly (Attribute | undefined)[];

//===----------------------------------------------------------------------===//
// Integer and float values of attributes
//===----------------------------------------------------------------------===//

/** Bits of an integer or index type; undefined for anything else (vectors included). */
function intWidth(t: Type): number | undefined {
  if (t instanceof IndexType) return IndexType.storageWidth;
  if (t instanceof IntegerType && t.isSignless) return t.width;
  return undefined;
}

/** The integer held by a scalar IntegerAttr, else undefined. */
function intValue(a: Attribute | undefined): bigint | undefined {
  return a instanceof IntegerAttr ? a.value : undefined;
}

/** `v` wrapped to `type`'s width, as the attribute MLIR would print (i1 as 0/1, others signed). */
function intAttr(type: Type, v: bigint): IntegerAttr {
  const t = type as IntegerType | IndexType;
  const w = intWidth(t)!;
  return IntegerAttr.get(t.context, t, w === 1 ? BigInt.asUintN(1, v) : BigInt.asIntN(w, v));
}

const scratch = new DataView(new ArrayBuffer(8));

/** The value of an f32 or f64 FloatAttr; undefined for other kinds, whose arithmetic is not folded yet. */
function floatValue(a: Attribute | undefined): number | undefined {
  if (!(a instanceof FloatAttr)) return undefined;
  if (a.type.kind === "f64") {
    scratch.setBigUint64(0, a.bits);
    return scratch.getFloat64(0);
  }
  if (a.type.kind === "f32") {
    scratch.setUint32(0, Number(a.bits));
    return scratch.getFloat32(0);
  }
  return undefined;
}

/** `x` as a FloatAttr of `type` (f32 or f64, rounding to nearest even); undefined for NaN, whose payload MLIR picks differently. */
function floatAttr(type: Type, x: number): FloatAttr | undefined {
  if (!(type instanceof FloatType) || Number.isNaN(x)) return undefined;
  if (type.kind === "f64") return FloatAttr.getFromF64(type.context, type, x);
  if (type.kind !== "f32") return undefined;
  scratch.setFloat32(0, x);
  return FloatAttr.getFromNumberBits(type.context, type, scratch.getUint32(0));
}

const isFoldableFloat = (t: Type): boolean => t instanceof FloatType && (t.kind === "f32" || t.kind === "f64");

//===----------------------------------------------------------------------===//
// Integer binary ops
//===----------------------------------------------------------------------===//

const s = (v: bigint, w: number): bigint => BigInt.asIntN(w, v);
const u = (v: bigint, w: number): bigint => BigInt.asUintN(w, v);
const smax = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
const smin = (w: number): bigint => -(1n << BigInt(w - 1));
const umax = (w: number): bigint => (1n << BigInt(w)) - 1n;

/**
 * Zero of an integer, index, or statically shaped vector/tensor-of-integer
 * type (a splat), or undefined for element widths that are not whole bytes.
 */
function zeroAttr(type: Type): Attribute | undefined {
  if (intWidth(type) !== undefined) return intAttr(type, 0n);
  if (!(type instanceof VectorType || type instanceof RankedTensorType) || !type.hasStaticShape) return undefined;
  const w = intWidth(type.elementType);
  if (w === undefined || w % 8 !== 0) return undefined;
  return DenseIntOrFPElementsAttr.get(type.context, type, new Uint8Array(w / 8), /*isSplat=*/ true);
}

/** What one op's fold sees: its operands, their constant values (scalar integers only), the width. */
interface IntFoldInput {
  readonly op: Operation;
  readonly lhs: Value;
  readonly rhs: Value;
  readonly a: bigint | undefined;
  readonly b: bigint | undefined;
  /** Undefined for vectors and tensors, whose constants are not folded. */
  readonly w: number | undefined;
}

type FoldValue = Value | Attribute | undefined;

/** Both operands constant: `evaluate(a, b, w)`, or nothing when it returns undefined (division by zero, ...). */
function constFold(x: IntFoldInput, evaluate: (a: bigint, b: bigint, w: number) => bigint | undefined): FoldValue {
  if (x.a === undefined || x.b === undefined || x.w === undefined) return undefined;
  const r = evaluate(x.a, x.b, x.w);
  return r === undefined ? undefined : intAttr(x.op.getResult(0).type, r);
}

/** `v`'s defining op when it is `name`. */
function defOf(v: Value, name: string): Operation | undefined {
  const d = v.definingOp;
  return d && d.name.name === name ? d : undefined;
}

const kNoFlags: ReadonlySet<string> = new Set();
/** The last `#arith.overflow<...>` read and its flags: nearly every op holds the same interned one. */
let lastFlagsAttr: OpaqueAttr | undefined;
let lastFlags: ReadonlySet<string> | undefined;

/** The flags of `op`'s `#arith.overflow<...>` (none without one); undefined when the attribute is some other opaque one. */
export function overflowFlags(op: Operation): ReadonlySet<string> | undefined {
  const a = op.getAttr("overflowFlags");
  if (!(a instanceof OpaqueAttr)) return kNoFlags;
  if (a !== lastFlagsAttr) {
    const m = /^overflow<(.*)>$/.exec(a.data);
    lastFlags = m ? new Set(m[1]!.split(",").map((f) => f.trim()).filter((f) => f !== "none")) : undefined;
    lastFlagsAttr = a;
  }
  return lastFlags;
}

function hasOverflowFlag(op: Operation, flag: string): boolean {
  return overflowFlags(op)?.has(flag) === true;
}

/** `(a * b) / b -> a` when the multiplication carries `flag`. */
function foldDivMul(x: IntFoldInput, flag: string): FoldValue {
  const mul = defOf(x.lhs, "arith.muli");
  if (!mul || !hasOverflowFlag(mul, flag)) return undefined;
  if (mul.getOperand(0) === x.rhs) return mul.getOperand(1);
  if (mul.getOperand(1) === x.rhs) return mul.getOperand(0);
  return undefined;
}

/** `v` is `xori(other, -1)`. */
function isNotOf(v: Value, other: Value, w: number | undefined): Operation | undefined {
  const xor = defOf(v, "arith.xori");
  if (!xor || xor.getOperand(0) !== other || w === undefined) return undefined;
  const c = intValue(constantValue(xor.getOperand(1)));
  return c !== undefined && u(c, w) === umax(w) ? xor : undefined;
}

/**
 * The folds of each integer op in MLIR's order (ArithOps.cpp): identities
 * with a constant right operand (which return existing values), structural
 * ones, and constant folding last.
 */
const intFolds: Readonly<Record<string, (x: IntFoldInput) => FoldValue>> = {
  addi(x) {
    if (x.b === 0n) return x.lhs;
    const subL = defOf(x.lhs, "arith.subi");
    if (subL && subL.getOperand(1) === x.rhs) return subL.getOperand(0);
    const subR = defOf(x.rhs, "arith.subi");
    if (subR && subR.getOperand(1) === x.lhs) return subR.getOperand(0);
    return constFold(x, (a, b) => a + b);
  },
  subi(x) {
    if (x.lhs === x.rhs) {
      const zero = zeroAttr(x.op.getResult(0).type);
      if (zero) return zero;
    }
    if (x.b === 0n) return x.lhs;
    const add = defOf(x.lhs, "arith.addi");
    if (add && x.rhs === add.getOperand(1)) return add.getOperand(0);
    if (add && x.rhs === add.getOperand(0)) return add.getOperand(1);
    return constFold(x, (a, b) => a - b);
  },
  muli(x) {
    if (x.b === 0n) return x.rhs;
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === 1n) return x.lhs;
    return constFold(x, (a, b) => a * b);
  },
  divui(x) {
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === 1n) return x.lhs;
    return foldDivMul(x, "nuw") ?? constFold(x, (a, b, w) => (u(b, w) === 0n ? undefined : u(a, w) / u(b, w)));
  },
  divsi(x) {
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === 1n) return x.lhs;
    return (
      foldDivMul(x, "nsw") ??
      constFold(x, (a, b, w) => (b === 0n || (s(a, w) === smin(w) && s(b, w) === -1n) ? undefined : s(a, w) / s(b, w)))
    );
  },
  remui(x) {
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === 1n) return zeroAttr(x.op.getResult(0).type);
    return constFold(x, (a, b, w) => (u(b, w) === 0n ? undefined : u(a, w) % u(b, w)));
  },
  remsi(x) {
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === 1n) return zeroAttr(x.op.getResult(0).type);
    return constFold(x, (a, b, w) => (b === 0n ? undefined : s(a, w) % s(b, w)));
  },
  andi(x) {
    if (x.b === 0n) return x.rhs;
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === umax(x.w)) return x.lhs;
    if (isNotOf(x.rhs, x.lhs, x.w) || isNotOf(x.lhs, x.rhs, x.w)) return zeroAttr(x.op.getResult(0).type);
    // and(a, and(a, b)) -> and(a, b), either side.
    for (const [prevSide, other] of [
      [x.lhs, x.rhs],
      [x.rhs, x.lhs],
    ] as const) {
      const prev = defOf(prevSide, "arith.andi");
      if (prev && (other === prev.getOperand(0) || other === prev.getOperand(1))) return prevSide;
    }
    return constFold(x, (a, b, w) => u(a, w) & u(b, w));
  },
  ori(x) {
    if (x.b === 0n) return x.lhs;
    if (x.b !== undefined && x.w !== undefined && u(x.b, x.w) === umax(x.w)) return intAttr(x.op.getResult(0).type, x.b);
    const notR = isNotOf(x.rhs, x.lhs, x.w);
    if (notR) return notR.getOperand(1);
    const notL = isNotOf(x.lhs, x.rhs, x.w);
    if (notL) return notL.getOperand(1);
    return constFold(x, (a, b, w) => u(a, w) | u(b, w));
  },
  xori(x) {
    if (x.b === 0n) return x.lhs;
    if (x.lhs === x.rhs) return zeroAttr(x.op.getResult(0).type);
    const prevL = defOf(x.lhs, "arith.xori");
    if (prevL && prevL.getOperand(1) === x.rhs) return prevL.getOperand(0);
    if (prevL && prevL.getOperand(0) === x.rhs) return prevL.getOperand(1);
    const prevR = defOf(x.rhs, "arith.xori");
    if (prevR && prevR.getOperand(1) === x.lhs) return prevR.getOperand(0);
    if (prevR && prevR.getOperand(0) === x.lhs) return prevR.getOperand(1);
    return constFold(x, (a, b, w) => u(a, w) ^ u(b, w));
  },
  shli(x) {
    if (x.b === 0n) return x.lhs;
    return constFold(x, (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : u(a, w) << u(b, w)));
  },
  shrsi(x) {
    if (x.b === 0n) return x.lhs;
    return constFold(x, (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : s(a, w) >> u(b, w)));
  },
  shrui(x) {
    if (x.b === 0n) return x.lhs;
    return constFold(x, (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : u(a, w) >> u(b, w)));
  },
  maxsi: (x) => minMax(x, smax, smin, (a, b, w) => (s(a, w) > s(b, w) ? a : b), true),
  minsi: (x) => minMax(x, smin, smax, (a, b, w) => (s(a, w) < s(b, w) ? a : b), true),
  maxui: (x) => minMax(x, umax, () => 0n, (a, b, w) => (u(a, w) > u(b, w) ? a : b), false),
  minui: (x) => minMax(x, () => 0n, umax, (a, b, w) => (u(a, w) < u(b, w) ? a : b), false),
};

/** max/min: op(x, x) = x; op(x, absorbing) = absorbing; op(x, neutral) = x; then constants. */
function minMax(
  x: IntFoldInput,
  absorbing: (w: number) => bigint,
  neutral: (w: number) => bigint,
  evaluate: (a: bigint, b: bigint, w: number) => bigint,
  signed: boolean,
): FoldValue {
  if (x.lhs === x.rhs) return x.rhs;
  if (x.b !== undefined && x.w !== undefined) {
    const c = signed ? s(x.b, x.w) : u(x.b, x.w);
    if (c === absorbing(x.w)) return x.rhs;
    if (c === neutral(x.w)) return x.lhs;
  }
  return constFold(x, evaluate);
}

/**
 * The folder of integer binary op `mnemonic` (the op's own folds; the
 * Idempotent and Commutative trait folds follow in foldOperation when it
 * does nothing, as in MLIR).
 */
export function makeIntBinaryFolder(mnemonic: string): (op: Operation, operands: Operands) => FoldResult {
  const fold = intFolds[mnemonic]!;
  return (op, operands) => {
    const lhs = op.getOperand(0);
    const rhs = op.getOperand(1);
    const r = fold({ op, lhs, rhs, a: intValue(operands[0]), b: intValue(operands[1]), w: intWidth(op.getResult(0).type) });
    return r !== undefined && r !== op.getResult(0) ? [r] : undefined;
  };
}

//===----------------------------------------------------------------------===//
// Float binary ops and negf
//===----------------------------------------------------------------------===//

const floatEval: Readonly<Record<string, (a: number, b: number) => number>> = {
  addf: (a, b) => a + b,
  subf: (a, b) => a - b,
  mulf: (a, b) => a * b,
  divf: (a, b) => a / b,
  maximumf: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimumf: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
};

/** Right operands that leave the left one unchanged: x + -0.0, x - 0.0, x * 1.0, x / 1.0, max(x, -inf), min(x, +inf). */
const floatRightIdentity: Readonly<Record<string, (c: number) => boolean>> = {
  addf: (c) => Object.is(c, -0),
  subf: (c) => Object.is(c, 0),
  mulf: (c) => c === 1,
  divf: (c) => c === 1,
  maximumf: (c) => c === -Infinity,
  minimumf: (c) => c === Infinity,
};

export function makeFloatBinaryFolder(mnemonic: string): (op: Operation, operands: Operands) => FoldResult {
  const evaluate = floatEval[mnemonic]!;
  const identity = floatRightIdentity[mnemonic]!;
  const sameIsSelf = mnemonic === "maximumf" || mnemonic === "minimumf";
  return (op, operands) => {
    const type = op.getResult(0).type;
    if (sameIsSelf && op.getOperand(0) === op.getOperand(1)) return [op.getOperand(1)];
    const b = floatValue(operands[1]);
    if (b !== undefined && identity(b)) return [op.getOperand(0)];
    const a = floatValue(operands[0]);
    if (isFoldableFloat(type) && a !== undefined && b !== undefined) {
      const r = floatAttr(type, evaluate(a, b));
      if (r) return [r];
    }
    return undefined;
  };
}

/** negf: of a constant, and negf(negf(x)) = x. */
export function foldNegF(op: Operation, operands: Operands): FoldResult {
  const inner = op.getOperand(0).definingOp;
  if (inner && inner.name === op.name) return [inner.getOperand(0)];
  const a = floatValue(operands[0]);
  const r = a === undefined ? undefined : floatAttr(op.getResult(0).type, -a);
  return r ? [r] : undefined;
}

//===----------------------------------------------------------------------===//
// Comparisons and select
//===----------------------------------------------------------------------===//

/** arith.cmpi predicates by value: eq ne slt sle sgt sge ult ule ugt uge. */
const enum CmpI {
  eq,
  ne,
  slt,
  sle,
  sgt,
  sge,
  ult,
  ule,
  ugt,
  uge,
}

function applyCmpI(p: number, a: bigint, b: bigint, w: number): boolean {
  switch (p as CmpI) {
    case CmpI.eq:
      return u(a, w) === u(b, w);
    case CmpI.ne:
      return u(a, w) !== u(b, w);
    case CmpI.slt:
      return s(a, w) < s(b, w);
    case CmpI.sle:
      return s(a, w) <= s(b, w);
    case CmpI.sgt:
      return s(a, w) > s(b, w);
    case CmpI.sge:
      return s(a, w) >= s(b, w);
    case CmpI.ult:
      return u(a, w) < u(b, w);
    case CmpI.ule:
      return u(a, w) <= u(b, w);
    case CmpI.ugt:
      return u(a, w) > u(b, w);
    case CmpI.uge:
      return u(a, w) >= u(b, w);
  }
}

/** The predicate that compares the operands swapped (slt <-> sgt, ...). */
const swappedCmpI = [CmpI.eq, CmpI.ne, CmpI.sgt, CmpI.sge, CmpI.slt, CmpI.sle, CmpI.ugt, CmpI.uge, CmpI.ult, CmpI.ule];

function boolAttr(op: Operation, value: boolean): Attribute {
  return intAttr(op.getResult(0).type, value ? 1n : 0n);
}

function predicateOf(op: Operation): number | undefined {
  const p = op.getAttr("predicate");
  return p instanceof IntegerAttr ? Number(p.value) : undefined;
}

/** cmpi: x vs x, both constant, i1 tests against false/true, and a constant left operand moved right. */
export function foldCmpI(op: Operation, operands: Operands): FoldResult {
  const p = predicateOf(op);
  const w = intWidth(op.getOperand(0).type);
  if (p === undefined || w === undefined) return undefined;
  if (op.getOperand(0) === op.getOperand(1))
    return [boolAttr(op, p === CmpI.eq || p === CmpI.sle || p === CmpI.sge || p === CmpI.ule || p === CmpI.uge)];
  const a = intValue(operands[0]);
  const b = intValue(operands[1]);
  if (w === 1 && b !== undefined && a === undefined) {
    if ((p === CmpI.ne && b === 0n) || (p === CmpI.eq && b !== 0n)) return [op.getOperand(0)];
  }
  if (a !== undefined && b === undefined) {
    op.setOperands([op.getOperand(1), op.getOperand(0)]);
    op.setProperty("predicate", IntegerAttr.get(op.context, IntegerType.get(op.context, 64), BigInt(swappedCmpI[p]!)));
    return "in-place";
  }
  if (a !== undefined && b !== undefined) return [boolAttr(op, applyCmpI(p, a, b, w))];
  return undefined;
}

/** cmpf on two constants: ordered predicates are false on NaN, unordered ones true. */
export function foldCmpF(op: Operation, operands: Operands): FoldResult {
  const p = predicateOf(op);
  const a = floatValue(operands[0]);
  const b = floatValue(operands[1]);
  if (p === undefined || a === undefined || b === undefined) return undefined;
  const unordered = Number.isNaN(a) || Number.isNaN(b);
  const results = [
    false,
    !unordered && a === b,
    !unordered && a > b,
    !unordered && a >= b,
    !unordered && a < b,
    !unordered && a <= b,
    !unordered && a !== b,
    !unordered,
    unordered || a === b,
    unordered || a > b,
    unordered || a >= b,
    unordered || a < b,
    unordered || a <= b,
    unordered || a !== b,
    unordered,
    true,
  ];
  return p >= 0 && p < results.length ? [boolAttr(op, results[p]!)] : undefined;
}

/** select: equal arms, a constant condition, and select(c, true, false) = c on i1. */
export function foldSelect(op: Operation, operands: Operands): FoldResult {
  const [cond, t, f] = [op.getOperand(0), op.getOperand(1), op.getOperand(2)];
  if (t === f) return [t];
  const c = intValue(operands[0]);
  if (c !== undefined && cond.type instanceof IntegerType) return [c !== 0n ? t : f];
  const resultType = op.getResult(0).type;
  if (resultType instanceof IntegerType && resultType.width === 1 && intValue(operands[1]) === 1n && intValue(operands[2]) === 0n) return [cond];
  // select(cmpi eq/ne of the two arms): the arm the comparison picks anyway.
  const cmp = defOf(cond, "arith.cmpi");
  const p = cmp && predicateOf(cmp);
  if (cmp && (p === CmpI.eq || p === CmpI.ne)) {
    const [l, r] = [cmp.getOperand(0), cmp.getOperand(1)];
    if ((l === t && r === f) || (r === t && l === f)) return [p === CmpI.ne ? t : f];
  }
  return undefined;
}

//===----------------------------------------------------------------------===//
// Casts
//===----------------------------------------------------------------------===//

/** The scalar result of cast `mnemonic` on constant `a` from type `from` to `to`, or undefined. */
function evaluateCast(mnemonic: string, a: Attribute, from: Type, to: Type): Attribute | undefined {
  const inW = intWidth(from);
  const outW = intWidth(to);
  const i = intValue(a);
  switch (mnemonic) {
    case "extsi":
    case "trunci":
    case "index_cast":
      return i !== undefined && inW !== undefined && outW !== undefined ? intAttr(to, s(i, inW)) : undefined;
    case "extui":
    case "index_castui":
      return i !== undefined && inW !== undefined && outW !== undefined ? intAttr(to, u(i, inW)) : undefined;
    case "sitofp":
    case "uitofp": {
      if (i === undefined || inW === undefined) return undefined;
      const v = mnemonic === "sitofp" ? s(i, inW) : u(i, inW);
      // Past 2^53 a double rounds first and f32 would round twice.
      if (v > 1n << 53n || v < -(1n << 53n)) return to instanceof FloatType && to.kind === "f64" ? floatAttr(to, Number(v)) : undefined;
      return floatAttr(to, Number(v));
    }
    case "fptosi":
    case "fptoui": {
      const x = floatValue(a);
      if (x === undefined || outW === undefined || !Number.isFinite(x)) return undefined;
      const v = BigInt(Math.trunc(x));
      const lo = mnemonic === "fptosi" ? smin(outW) : 0n;
      const hi = mnemonic === "fptosi" ? smax(outW) : umax(outW);
      return v < lo || v > hi ? undefined : intAttr(to, v);
    }
    case "extf": {
      const x = floatValue(a);
      return x === undefined ? undefined : floatAttr(to, x);
    }
    case "truncf": {
      // MLIR folds only conversions that lose no information.
      const x = floatValue(a);
      const r = x === undefined ? undefined : floatAttr(to, x);
      return r && floatValue(r) === x ? r : undefined;
    }
    case "bitcast": {
      if (i !== undefined && inW !== undefined) {
        if (outW !== undefined) return intAttr(to, i);
        if (to instanceof FloatType && to.kind === "f32" && inW === 32) return FloatAttr.getFromNumberBits(to.context, to, Number(u(i, 32)));
        if (to instanceof FloatType && to.kind === "f64" && inW === 64) return FloatAttr.get(to.context, to, u(i, 64));
        return undefined;
      }
      if (a instanceof FloatAttr && outW !== undefined && ((a.type.kind === "f32" && outW === 32) || (a.type.kind === "f64" && outW === 64)))
        return intAttr(to, a.bits);
      return undefined;
    }
  }
  return undefined;
}

/** The folder of cast `mnemonic`: constants, and chains MLIR folds (ext of ext, trunc of ext, bitcast of bitcast). */
export function makeCastFolder(mnemonic: string): (op: Operation, operands: Operands) => FoldResult {
  return (op, operands) => {
    const input = op.getOperand(0);
    const to = op.getResult(0).type;
    const inner = input.definingOp;
    if (inner) {
      const innerName = inner.name.name;
      // ext(ext(x)) of the same kind: one ext from x.
      if ((mnemonic === "extsi" || mnemonic === "extui" || mnemonic === "bitcast") && innerName === op.name.name) {
        const x = inner.getOperand(0);
        if (mnemonic === "bitcast" && x.type === to) return [x];
        op.setOperand(0, x);
        return "in-place";
      }
      // trunci(ext(x)) back to x's type.
      if (mnemonic === "trunci" && (innerName === "arith.extsi" || innerName === "arith.extui") && inner.getOperand(0).type === to) return [inner.getOperand(0)];
    }
    if (input.type === to && (mnemonic === "index_cast" || mnemonic === "index_castui" || mnemonic === "bitcast")) return [input];
    const a = operands[0];
    if (a === undefined) return undefined;
    const r = evaluateCast(mnemonic, a, input.type, to);
    return r ? [r] : undefined;
  };
}
