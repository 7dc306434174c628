// Folders of the arith dialect (dialects/arith.yaml): constant folding of
// scalar integer, index and float operands (integers wrap at the type's
// width, as APInt does), algebraic identities (x+0, x*1, x*0, x-x, ...),
// compare and select simplifications and cast chains, after MLIR's
// ArithOps.cpp. Folds of shaped (vector/tensor) constants are not done yet.

import type { Attribute } from "../src/ir/attribute.js";
import { DenseIntOrFPElementsAttr, DictionaryAttr, FloatAttr, IntegerAttr } from "../src/ir/builtin-attributes.js";
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

/** Constant folding of `lhs op rhs` at width `w`; undefined when MLIR does not fold (division by zero, overlong shifts). */
type IntEval = (a: bigint, b: bigint, w: number) => bigint | undefined;
const s = (v: bigint, w: number): bigint => BigInt.asIntN(w, v);
const u = (v: bigint, w: number): bigint => BigInt.asUintN(w, v);

const intEval: Readonly<Record<string, IntEval>> = {
  addi: (a, b) => a + b,
  subi: (a, b) => a - b,
  muli: (a, b) => a * b,
  divsi: (a, b, w) => (b === 0n || (s(a, w) === -(1n << BigInt(w - 1)) && s(b, w) === -1n) ? undefined : s(a, w) / s(b, w)),
  divui: (a, b, w) => (u(b, w) === 0n ? undefined : u(a, w) / u(b, w)),
  remsi: (a, b, w) => (b === 0n ? undefined : s(a, w) % s(b, w)),
  remui: (a, b, w) => (u(b, w) === 0n ? undefined : u(a, w) % u(b, w)),
  andi: (a, b, w) => u(a, w) & u(b, w),
  ori: (a, b, w) => u(a, w) | u(b, w),
  xori: (a, b, w) => u(a, w) ^ u(b, w),
  shli: (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : u(a, w) << u(b, w)),
  shrsi: (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : s(a, w) >> u(b, w)),
  shrui: (a, b, w) => (u(b, w) >= BigInt(w) ? undefined : u(a, w) >> u(b, w)),
  maxsi: (a, b, w) => (s(a, w) > s(b, w) ? a : b),
  minsi: (a, b, w) => (s(a, w) < s(b, w) ? a : b),
  maxui: (a, b, w) => (u(a, w) > u(b, w) ? a : b),
  minui: (a, b, w) => (u(a, w) < u(b, w) ? a : b),
};

/** An identity with a constant right operand `c` (of width `w`): the result, or undefined. */
type IntIdentity = (op: Operation, c: bigint, w: number) => Value | Attribute | undefined;
const lhs = (op: Operation): Value => op.getOperand(0);
/** The right operand itself: MLIR returns the constant operand, not a new constant. */
const rhs = (op: Operation): Value => op.getOperand(1);
const rhsAttr = (op: Operation, c: bigint): Attribute => intAttr(op.getResult(0).type, c);
const smax = (w: number): bigint => (1n << BigInt(w - 1)) - 1n;
const smin = (w: number): bigint => -(1n << BigInt(w - 1));
const umax = (w: number): bigint => (1n << BigInt(w)) - 1n;

const intIdentity: Readonly<Partial<Record<string, IntIdentity>>> = {
  addi: (op, c) => (c === 0n ? lhs(op) : undefined),
  subi: (op, c) => (c === 0n ? lhs(op) : undefined),
  muli: (op, c) => (c === 0n ? rhs(op) : c === 1n ? lhs(op) : undefined),
  divsi: (op, c) => (c === 1n ? lhs(op) : undefined),
  divui: (op, c) => (c === 1n ? lhs(op) : undefined),
  remsi: (op, c, w) => (c === 1n || (w === 1 && c !== 0n) ? rhsAttr(op, 0n) : undefined),
  remui: (op, c, w) => (u(c, w) === 1n ? rhsAttr(op, 0n) : undefined),
  andi: (op, c, w) => (c === 0n ? rhs(op) : u(c, w) === umax(w) ? lhs(op) : undefined),
  ori: (op, c, w) => (c === 0n ? lhs(op) : u(c, w) === umax(w) ? rhsAttr(op, c) : undefined),
  xori: (op, c) => (c === 0n ? lhs(op) : undefined),
  shli: (op, c) => (c === 0n ? lhs(op) : undefined),
  shrsi: (op, c) => (c === 0n ? lhs(op) : undefined),
  shrui: (op, c) => (c === 0n ? lhs(op) : undefined),
  maxsi: (op, c, w) => (s(c, w) === smax(w) ? rhs(op) : s(c, w) === smin(w) ? lhs(op) : undefined),
  minsi: (op, c, w) => (s(c, w) === smin(w) ? rhs(op) : s(c, w) === smax(w) ? lhs(op) : undefined),
  maxui: (op, c, w) => (u(c, w) === umax(w) ? rhs(op) : c === 0n ? lhs(op) : undefined),
  minui: (op, c, w) => (c === 0n ? rhs(op) : u(c, w) === umax(w) ? lhs(op) : undefined),
};

/**
 * Zero of an integer, index, or vector/tensor-of-integer type (a splat), or
 * undefined for element widths that are not whole bytes.
 */
function zeroAttr(type: Type): Attribute | undefined {
  if (intWidth(type) !== undefined) return intAttr(type, 0n);
  if (!(type instanceof VectorType || type instanceof RankedTensorType) || !type.hasStaticShape) return undefined;
  const w = intWidth(type.elementType);
  if (w === undefined || w % 8 !== 0) return undefined;
  return DenseIntOrFPElementsAttr.get(type.context, type, new Uint8Array(w / 8), /*isSplat=*/ true);
}

/** Folds of `op(x, x)`. */
const sameOperands: Readonly<Partial<Record<string, (op: Operation) => Value | Attribute | undefined>>> = {
  subi: (op) => zeroAttr(op.getResult(0).type),
  xori: (op) => zeroAttr(op.getResult(0).type),
  andi: lhs,
  ori: lhs,
  maxsi: lhs,
  minsi: lhs,
  maxui: lhs,
  minui: lhs,
};

/**
 * The Commutative trait's fold (MLIR's foldCommutative): a constant left
 * operand moves to the right, so identities and CSE see one form. In place.
 */
export function foldCommutative(op: Operation, operands: Operands): FoldResult {
  if (op.numOperands !== 2 || operands[0] === undefined || operands[1] !== undefined) return undefined;
  op.setOperands([op.getOperand(1), op.getOperand(0)]);
  return "in-place";
}

/** The order in which an integer folder tries equal operands, identities and constant evaluation. */
const kSameFirst = ["same", "identity", "evaluate"] as const;
const kIdentityFirst = ["identity", "same", "evaluate"] as const;
const kSameLast = ["identity", "evaluate", "same"] as const;
/** Ops whose x-op-x fold is the Idempotent trait's. */
const kIdempotent = new Set(["andi", "ori"]);

/** The folder of integer binary op `mnemonic`. */
export function makeIntBinaryFolder(mnemonic: string, commutative: boolean): (op: Operation, operands: Operands) => FoldResult {
  const evaluate = intEval[mnemonic]!;
  const identity = intIdentity[mnemonic];
  const same = sameOperands[mnemonic];
  return (op, operands) => {
    const type = op.getResult(0).type;
    const w = intWidth(type);
    if (w === undefined) {
      const r = same && op.getOperand(0) === op.getOperand(1) ? same(op) : undefined;
      if (r !== undefined) return [r];
      return commutative ? foldCommutative(op, operands) : undefined;
    }
    // MLIR's folders try identities and equal operands before evaluating
    // constants, so `c + 0` gives the constant operand itself, not a new one
    // (subi checks x - x first). andi and ori have no x-op-x fold of their own:
    // their Idempotent trait folds it only when nothing else did.
    const a = intValue(operands[0]);
    const b = intValue(operands[1]);
    const equal = same && op.getOperand(0) === op.getOperand(1) ? same : undefined;
    const order = mnemonic === "subi" ? kSameFirst : kIdempotent.has(mnemonic) ? kSameLast : kIdentityFirst;
    for (const step of order) {
      let r: Value | Attribute | undefined;
      if (step === "same") r = equal?.(op);
      else if (step === "identity") r = b !== undefined && identity ? identity(op, b, w) : undefined;
      else if (a !== undefined && b !== undefined) {
        const v = evaluate(a, b, w);
        r = v === undefined ? undefined : intAttr(type, v);
      }
      if (r !== undefined) return [r];
    }
    return commutative ? foldCommutative(op, operands) : undefined;
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

/** Right operands that leave the left one unchanged: x + -0.0, x - 0.0, x * 1.0, x / 1.0. */
const floatRightIdentity: Readonly<Partial<Record<string, (c: number) => boolean>>> = {
  addf: (c) => Object.is(c, -0),
  subf: (c) => Object.is(c, 0),
  mulf: (c) => c === 1,
  divf: (c) => c === 1,
};

export function makeFloatBinaryFolder(mnemonic: string, commutative: boolean): (op: Operation, operands: Operands) => FoldResult {
  const evaluate = floatEval[mnemonic]!;
  const identity = floatRightIdentity[mnemonic];
  const idempotent = mnemonic === "maximumf" || mnemonic === "minimumf";
  return (op, operands) => {
    const type = op.getResult(0).type;
    if (idempotent && op.getOperand(0) === op.getOperand(1)) return [op.getOperand(0)];
    if (isFoldableFloat(type)) {
      const a = floatValue(operands[0]);
      const b = floatValue(operands[1]);
      if (a !== undefined && b !== undefined) {
        const r = floatAttr(type, evaluate(a, b));
        if (r) return [r];
      }
      if (b !== undefined && identity?.(b)) return [op.getOperand(0)];
    }
    return commutative ? foldCommutative(op, operands) : undefined;
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
    const props = op.properties;
    op.setOperands([op.getOperand(1), op.getOperand(0)]);
    const predicate = IntegerAttr.get(op.context, IntegerType.get(op.context, 64), BigInt(swappedCmpI[p]!));
    op.properties = replaceEntry(op, props, "predicate", predicate);
    return "in-place";
  }
  if (a !== undefined && b !== undefined) return [boolAttr(op, applyCmpI(p, a, b, w))];
  return undefined;
}

/** `props` with `name` set to `value`. */
function replaceEntry(op: Operation, props: Attribute | undefined, name: string, value: Attribute): Attribute {
  const out = props instanceof DictionaryAttr ? props.entries.filter((e) => e.name !== name) : [];
  out.push({ name, value });
  return DictionaryAttr.get(op.context, out);
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
  // select(cmpi eq(a, b), a, b) -> b and select(cmpi ne(a, b), a, b) -> a, either operand order.
  const cmp = cond.definingOp;
  if (cmp && cmp.name.name === "arith.cmpi") {
    const p = predicateOf(cmp);
    const [x, y] = [cmp.getOperand(0), cmp.getOperand(1)];
    if ((p === CmpI.eq || p === CmpI.ne) && ((x === t && y === f) || (y === t && x === f))) return [p === CmpI.ne ? t : f];
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
