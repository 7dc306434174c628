// The named library of ODS type and attribute constraints that dialect YAML
// files refer to (`lhs: SignlessIntegerLike`, `value: TypedAttr`). Each
// description is the summary MLIR's CommonTypeConstraints.td and
// CommonAttrConstraints.td give it, because verifier messages quote it
// ("operand #0 must be signless-integer-like, but got 'f32'").

import type { Attribute } from "../ir/attribute.js";
import {
  ArrayAttr,
  DenseArrayAttr,
  DictionaryAttr,
  FloatAttr,
  IntegerAttr,
  OpaqueAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/builtin-attributes.js";
import { FloatType, FunctionType, IndexType, IntegerType, MemRefType, OpaqueType, RankedTensorType, Signedness, UnrankedTensorType, VectorType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import type { AttrConstraint, EnumCase, TypeConstraint } from "../ir/op-spec.js";
import type { Type } from "../ir/type.js";

/** A type constraint with the name YAML files use for it. */
export interface NamedTypeConstraint extends TypeConstraint {
  readonly name: string;
}

/** An attribute constraint with its YAML name and how a YAML default value becomes an attribute. */
export interface NamedAttrConstraint extends AttrConstraint {
  readonly name: string;
  /** Builds the attribute for a YAML `default:` scalar, or returns undefined when the scalar does not fit. */
  readonly defaultFrom?: (ctx: Context, value: string | number | boolean) => Attribute | undefined;
}

//===----------------------------------------------------------------------===//
// Type constraints
//===----------------------------------------------------------------------===//

const isSignlessInt = (t: Type): boolean => t instanceof IntegerType && t.signedness === Signedness.Signless;
const isSignlessIntOrIndex = (t: Type): boolean => isSignlessInt(t) || t instanceof IndexType;
const isIntOfWidth = (w: number) => (t: Type) => t instanceof IntegerType && t.isSignless && t.width === w;

/** ODS ValueSemanticsContainer: vectors and tensors (not memrefs). */
function elementOfValueContainer(t: Type): Type | undefined {
  return t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : undefined;
}

/** ODS TypeOrValueSemanticsContainer: `t` itself, or a vector/tensor of it. */
function orContainer(scalar: (t: Type) => boolean): (t: Type) => boolean {
  return (t) => {
    if (scalar(t)) return true;
    const e = elementOfValueContainer(t);
    return e !== undefined && scalar(e);
  };
}

/** `t` itself, a vector/tensor of it, or a memref of it (Arith's cast operand constraints). */
function orContainerOrMemRef(scalar: (t: Type) => boolean): (t: Type) => boolean {
  const inner = orContainer(scalar);
  return (t) => inner(t) || (t instanceof MemRefType && scalar(t.elementType));
}

function typeConstraint(name: string, description: string, holds: (t: Type) => boolean, buildType?: (ctx: Context) => Type): NamedTypeConstraint {
  return buildType ? { name, description, holds, buildType } : { name, description, holds };
}

const typeLibrary: readonly NamedTypeConstraint[] = [
  typeConstraint("AnyType", "any type", () => true),
  typeConstraint("AnyInteger", "integer", (t) => t instanceof IntegerType),
  typeConstraint("AnySignlessInteger", "signless integer", isSignlessInt),
  typeConstraint("AnySignlessIntegerOrIndex", "signless integer or index", isSignlessIntOrIndex),
  typeConstraint("Index", "index", (t) => t instanceof IndexType, (ctx) => IndexType.get(ctx)),
  typeConstraint("I1", "1-bit signless integer", isIntOfWidth(1), (ctx) => IntegerType.get(ctx, 1)),
  typeConstraint("I8", "8-bit signless integer", isIntOfWidth(8), (ctx) => IntegerType.get(ctx, 8)),
  typeConstraint("I16", "16-bit signless integer", isIntOfWidth(16), (ctx) => IntegerType.get(ctx, 16)),
  typeConstraint("I32", "32-bit signless integer", isIntOfWidth(32), (ctx) => IntegerType.get(ctx, 32)),
  typeConstraint("I64", "64-bit signless integer", isIntOfWidth(64), (ctx) => IntegerType.get(ctx, 64)),
  typeConstraint("AnyFloat", "floating-point", (t) => t instanceof FloatType),
  typeConstraint("BoolLike", "bool-like", orContainer(isIntOfWidth(1))),
  typeConstraint("SignlessIntegerLike", "signless-integer-like", orContainer(isSignlessIntOrIndex)),
  typeConstraint("SignlessFixedWidthIntegerLike", "signless-fixed-width-integer-like", orContainer(isSignlessInt)),
  typeConstraint("IntegerLike", "integer-like", orContainer((t) => t instanceof IntegerType || t instanceof IndexType)),
  typeConstraint("FloatLike", "floating-point-like", orContainer((t) => t instanceof FloatType)),
  typeConstraint("IndexCastTypeLike", "signless-integer-like or memref of signless-integer", orContainerOrMemRef(isSignlessIntOrIndex)),
  typeConstraint(
    "BitcastTypeLike",
    "signless-integer-or-float-like or memref of signless-integer or float",
    orContainerOrMemRef((t) => isSignlessInt(t) || t instanceof FloatType),
  ),
];

//===----------------------------------------------------------------------===//
// Attribute constraints
//===----------------------------------------------------------------------===//

function isDictArray(a: Attribute): boolean {
  if (!(a instanceof ArrayAttr)) return false;
  for (const e of a.value) if (!(e instanceof DictionaryAttr)) return false;
  return true;
}

/** ODS SignlessIntegerAttrBase<I<width>>: an IntegerAttr of type `i<width>`; defaults are integers. */
function integerAttr(name: string, width: number): NamedAttrConstraint {
  return {
    name,
    description: `${width}-bit signless integer attribute`,
    holds: (a) => a instanceof IntegerAttr && isIntOfWidth(width)(a.type),
    valueType: (ctx) => IntegerType.get(ctx, width),
    defaultFrom: (ctx, v) => (typeof v === "number" && Number.isInteger(v) ? IntegerAttr.get(ctx, IntegerType.get(ctx, width), BigInt(v)) : undefined),
  };
}

const attrLibrary: readonly NamedAttrConstraint[] = [
  { name: "AnyAttr", description: "any attribute", holds: () => true },
  // StringAttr is typed in MLIR even when it prints no type (its type is then `none`).
  { name: "TypedAttr", description: "TypedAttr instance", holds: (a) => a.type !== undefined || a instanceof StringAttr },
  {
    name: "StrAttr",
    description: "string attribute",
    holds: (a) => a instanceof StringAttr,
    defaultFrom: (ctx, v) => (typeof v === "string" ? StringAttr.get(ctx, v) : undefined),
  },
  { name: "SymbolNameAttr", description: "string attribute", holds: (a) => a instanceof StringAttr },
  { name: "SymbolRefAttr", description: "symbol reference attribute", holds: (a) => a instanceof SymbolRefAttr },
  { name: "FlatSymbolRefAttr", description: "flat symbol reference attribute", holds: (a) => a instanceof SymbolRefAttr && a.nested.length === 0 },
  { name: "UnitAttr", description: "unit attribute", holds: (a) => a instanceof UnitAttr },
  { name: "DictArrayAttr", description: "Array of dictionary attributes", holds: isDictArray },
  { name: "TypeAttr", description: "any type attribute", holds: (a) => a instanceof TypeAttr },
  {
    name: "TypeAttrOf<FunctionType>",
    description: "type attribute of function type",
    holds: (a) => a instanceof TypeAttr && a.value instanceof FunctionType,
  },
  {
    name: "BoolAttr",
    description: "bool attribute",
    holds: (a) => a instanceof IntegerAttr && isIntOfWidth(1)(a.type),
    defaultFrom: (ctx, v) => (typeof v === "boolean" ? IntegerAttr.get(ctx, IntegerType.get(ctx, 1), v ? 1n : 0n) : undefined),
  },
  integerAttr("I32Attr", 32),
  integerAttr("I64Attr", 64),
  { name: "IndexAttr", description: "index attribute", holds: (a) => a instanceof IntegerAttr && a.type instanceof IndexType },
  { name: "F32Attr", description: "32-bit float attribute", holds: (a) => a instanceof FloatAttr && a.type.kind === "f32" },
  {
    name: "DenseI32ArrayAttr",
    description: "i32 dense array attribute",
    holds: (a) => a instanceof DenseArrayAttr && isIntOfWidth(32)(a.elementType),
  },
  {
    name: "DenseI64ArrayAttr",
    description: "i64 dense array attribute",
    holds: (a) => a instanceof DenseArrayAttr && isIntOfWidth(64)(a.elementType),
  },
];

/**
 * ODS I64EnumAttr: an `i64` IntegerAttr holding one of `cases`, described as
 * MLIR's generated constraint is ("allowed 64-bit signless integer cases: 0, 1, 2").
 */
export function enumAttrConstraint(name: string, cases: readonly EnumCase[]): NamedAttrConstraint {
  const values = new Set(cases.map((c) => c.value));
  return {
    name,
    description: `allowed 64-bit signless integer cases: ${cases.map((c) => c.value).join(", ")}`,
    holds: (a) => a instanceof IntegerAttr && isIntOfWidth(64)(a.type) && values.has(Number(a.value)),
    valueType: (ctx) => IntegerType.get(ctx, 64),
    enumCases: cases,
    defaultFrom(ctx, v) {
      const c = cases.find((x) => x.keyword === v);
      return c && IntegerAttr.get(ctx, IntegerType.get(ctx, 64), BigInt(c.value));
    },
  };
}

/**
 * A dialect attribute kept in its opaque form (`#arith.overflow<none>`), for
 * attributes whose dialect has no parser of its own yet: it holds when the
 * attribute is `#<dialect>.<mnemonic><...>`; a default names the text between
 * the angle brackets.
 */
export function dialectAttrConstraint(name: string, qualifiedMnemonic: string, description: string): NamedAttrConstraint {
  const dot = qualifiedMnemonic.indexOf(".");
  const dialect = qualifiedMnemonic.substring(0, dot);
  const mnemonic = qualifiedMnemonic.substring(dot + 1);
  // Made once: the verifier checks every op's attribute against it.
  const open = mnemonic + "<";
  return {
    name,
    description,
    holds: (a) => a instanceof OpaqueAttr && a.dialect === dialect && a.data.startsWith(open) && a.data.endsWith(">"),
    dialectAttr: { dialect, mnemonic },
    defaultFrom: (ctx, v) => (typeof v === "string" ? OpaqueAttr.get(ctx, dialect, `${mnemonic}<${v}>`) : undefined),
  };
}

/**
 * A dialect type kept in its opaque form (`!tile.token`, `!moe.route<8>`):
 * it holds when the type is `!<dialect>.<mnemonic>` or `!<dialect>.<mnemonic><...>`.
 * A type without parameters can be built, so formats may leave it unprinted.
 */
export function dialectTypeConstraint(name: string, qualifiedMnemonic: string, description: string): NamedTypeConstraint {
  const dot = qualifiedMnemonic.indexOf(".");
  const dialect = qualifiedMnemonic.substring(0, dot);
  const mnemonic = qualifiedMnemonic.substring(dot + 1);
  const open = mnemonic + "<";
  const holds = (t: Type) => t instanceof OpaqueType && t.dialect === dialect && (t.data === mnemonic || (t.data.startsWith(open) && t.data.endsWith(">")));
  return { name, description, holds, buildType: (ctx) => OpaqueType.get(ctx, dialect, mnemonic) };
}

const typeByName = new Map(typeLibrary.map((c) => [c.name, c]));
const attrByName = new Map(attrLibrary.map((c) => [c.name, c]));

/** The library type constraint called `name`, or undefined. */
export function lookupTypeConstraint(name: string): NamedTypeConstraint | undefined {
  return typeByName.get(name);
}

/** The library attribute constraint called `name`, or undefined. */
export function lookupAttrConstraint(name: string): NamedAttrConstraint | undefined {
  return attrByName.get(name);
}

/** Every library constraint name, for docs and error hints. */
export function libraryConstraintNames(): { types: string[]; attrs: string[] } {
  return { types: typeLibrary.map((c) => c.name), attrs: attrLibrary.map((c) => c.name) };
}
