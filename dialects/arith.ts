// Hooks of the arith dialect (dialects/arith.yaml): cast compatibility,
// constant and select checks with mlir-opt 22's wording, the folders
// (dialects/arith-fold.ts), result name hints and the constant materialiser.

import type { Attribute } from "../src/ir/attribute.js";
import { DictionaryAttr, ElementsAttr, FloatAttr, IntegerAttr } from "../src/ir/builtin-attributes.js";
import { FloatType, IndexType, IntegerType, MemRefType, ShapedType } from "../src/ir/builtin-types.js";
import type { ConstantMaterializer } from "../src/ir/fold.js";
import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import { parseSelectOp, printSelectOp } from "./arith-select-asm.js";
import type { DialectHooks, OpHooks } from "../src/dialect/dialect-hooks.js";
import { arithCanonicalizationPatterns } from "./arith-canonicalize.js";
import { foldCmpF, foldCmpI, foldNegF, foldSelect, makeCastFolder, makeFloatBinaryFolder, makeIntBinaryFolder } from "./arith-fold.js";

const quote = (t: Type): string => `'${printTypeForDiagnostic(t)}'`;

/** The scalar type under a vector, tensor or memref (MLIR's getElementTypeOrSelf). */
function elementOf(t: Type): Type {
  return t instanceof ShapedType ? t.elementType : t;
}

/** Bits of an integer or float element type; undefined for index and others. */
function bitWidth(t: Type): number | undefined {
  if (t instanceof IntegerType) return t.width;
  if (t instanceof FloatType) return ({ f16: 16, bf16: 16, f32: 32, f64: 64, f80: 80, f128: 128 } as Record<string, number>)[t.kind];
  return undefined;
}

/** CastOpInterface::areCastCompatible of each cast, on element types (shapes were checked by SameOperandsAndResultShape). */
const castCompatible: Readonly<Record<string, (from: Type, to: Type) => boolean>> = {
  extsi: (a, b) => bitWidth(a)! < bitWidth(b)!,
  extui: (a, b) => bitWidth(a)! < bitWidth(b)!,
  trunci: (a, b) => bitWidth(a)! > bitWidth(b)!,
  extf: (a, b) => bitWidth(a)! < bitWidth(b)!,
  truncf: (a, b) => bitWidth(a)! > bitWidth(b)!,
  sitofp: () => true,
  uitofp: () => true,
  fptosi: () => true,
  fptoui: () => true,
  index_cast: (a, b) => (a instanceof IndexType) !== (b instanceof IndexType),
  index_castui: (a, b) => (a instanceof IndexType) !== (b instanceof IndexType),
  bitcast: (a, b) => bitWidth(a) !== undefined && bitWidth(a) === bitWidth(b),
};

function makeCastVerifier(mnemonic: string): (op: Operation) => LogicalResult {
  const compatible = castCompatible[mnemonic]!;
  return (op) => {
    const from = op.getOperand(0).type;
    const to = op.getResult(0).type;
    if ((from instanceof MemRefType) !== (to instanceof MemRefType) || !compatible(elementOf(from), elementOf(to)))
      return op.emitOpError(`operand type ${quote(from)} and result type ${quote(to)} are cast incompatible`);
    return success();
  };
}

/** ConstantOp::verify: a signless integer result, and a value that is an integer, float or elements attribute. */
function verifyConstant(op: Operation): LogicalResult {
  const type = op.getResult(0).type;
  if (type instanceof IntegerType && !type.isSignless) return op.emitOpError("integer return type must be signless");
  const value = op.getAttr("value");
  if (!(value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof ElementsAttr))
    return op.emitOpError("value must be an integer, float, or elements attribute");
  return success();
}

/** Select's BooleanConditionOrMatchingShape: an i1 condition, or one shaped like the result. */
function verifySelect(op: Operation): LogicalResult {
  const cond = op.getOperand(0).type;
  const result = op.getResult(0).type;
  if (cond instanceof ShapedType && !(result instanceof ShapedType && sameShape(cond, result)))
    return op.emitOpError("failed to verify that condition is signless i1 or has matching shape");
  return success();
}

function sameShape(a: ShapedType, b: ShapedType): boolean {
  const x = a.shape;
  const y = b.shape;
  if (x === undefined || y === undefined) return x === y;
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

/** ConstantOp's getAsmResultNames: `%c0`, `%c42_i32`, `%true`/`%false`, else `%cst`. */
function constantResultName(op: Operation): string {
  const value = op.getAttr("value");
  if (value instanceof IntegerAttr) {
    const t = value.type;
    if (t instanceof IntegerType && t.width === 1) return value.value !== 0n ? "true" : "false";
    return t instanceof IndexType ? `c${value.value}` : `c${value.value}_${printTypeForDiagnostic(t)}`;
  }
  return "cst";
}

/** Dialect::materializeConstant: an `arith.constant` for a typed integer, float or elements value of `type`. */
const materializeConstant: ConstantMaterializer = (builder, value: Attribute, type, loc) => {
  if (!(value instanceof IntegerAttr || value instanceof FloatAttr || value instanceof ElementsAttr) || value.type !== type) return undefined;
  const properties = DictionaryAttr.get(builder.context, [{ name: "value", value }]);
  return builder.create("arith.constant", { results: [type], properties, loc });
};

const intBinary = ["addi", "subi", "muli", "divsi", "divui", "remsi", "remui", "andi", "ori", "xori", "shli", "shrsi", "shrui", "maxsi", "minsi", "maxui", "minui"];
const floatBinary = ["addf", "subf", "mulf", "divf", "maximumf", "minimumf"];
const casts = ["extsi", "extui", "trunci", "sitofp", "uitofp", "fptosi", "fptoui", "extf", "truncf", "index_cast", "index_castui", "bitcast"];

const ops: Record<string, OpHooks> = {
  constant: {
    verify: verifyConstant,
    fold: (op) => [op.getAttr("value")!],
    constantValue: (op) => op.getAttr("value"),
    getAsmResultNames: (op, setName) => setName(op.getResult(0), constantResultName(op)) },
  negf: { fold: foldNegF },
  cmpi: { fold: foldCmpI },
  cmpf: { fold: foldCmpF },
  select: { verify: verifySelect, fold: foldSelect, parseAssembly: parseSelectOp, printAssembly: printSelectOp },
};
for (const m of intBinary) ops[m] = { fold: makeIntBinaryFolder(m) };
for (const m of ["addi", "subi", "muli"]) ops[m] = { ...ops[m], canonicalizationPatterns: () => arithCanonicalizationPatterns(`arith.${m}`) };
for (const m of floatBinary) ops[m] = { fold: makeFloatBinaryFolder(m) };
for (const m of casts) ops[m] = { verify: makeCastVerifier(m), fold: makeCastFolder(m) };

export const hooks: DialectHooks = { ops, materializeConstant };
