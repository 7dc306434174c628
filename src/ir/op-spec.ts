// OpSpec: the declarative shape of one op kind, as ODS states it in
// TableGen and we state it in dialects/*.yaml. The YAML loader
// (src/dialect) builds it; the generic invariant verifier, the declarative
// assembly-format compiler (src/syntax) and the reference docs read it.
// Behaviour that data cannot express stays in TypeScript hooks on the
// OpDefinition (custom verify, fold, canonicalization, hand-written formats).

import type { Attribute } from "./attribute.js";
import type { Context } from "./context.js";
import type { Type } from "./type.js";

/** How many values an operand or result group binds. */
export type Arity = "single" | "optional" | "variadic";

/** A predicate on types with the text MLIR quotes when it fails (`'i1'`-style wording lives in the verifier). */
export interface TypeConstraint {
  /** ODS's summary, e.g. "signless-integer-like" or "1-bit signless integer". */
  readonly description: string;
  holds(t: Type): boolean;
  /** When the constraint admits exactly one type (I1, Index, ...): builds it, so formats may omit it. */
  readonly buildType?: (ctx: Context) => Type;
}

/** One enum case of an attribute stored as an integer (MLIR's I64EnumAttr): `slt` <-> 2. */
export interface EnumCase {
  readonly keyword: string;
  readonly value: number;
}

/** A predicate on attributes. */
export interface AttrConstraint {
  /** ODS's summary, e.g. "64-bit signless integer attribute". */
  readonly description: string;
  holds(a: Attribute): boolean;
  /** For typed attributes of one fixed type (I64Attr, ...): formats print and parse the value without `: type`. */
  readonly valueType?: (ctx: Context) => Type;
  /** For integer-stored enums: formats print the keyword instead of the integer. */
  readonly enumCases?: readonly EnumCase[];
  /**
   * For attributes of one dialect attribute kind (`#arith.overflow<...>`):
   * formats print and parse them stripped of `#dialect.mnemonic` (`<nsw>`).
   */
  readonly dialectAttr?: { readonly dialect: string; readonly mnemonic: string };
}

export interface OperandSpec {
  readonly name: string;
  readonly arity: Arity;
  readonly constraint: TypeConstraint;
}

export interface ResultSpec {
  readonly name: string;
  readonly arity: Arity;
  readonly constraint: TypeConstraint;
}

/** An inherent attribute (stored in the op's properties). */
export interface AttrSpec {
  readonly name: string;
  readonly constraint: AttrConstraint;
  /** Optional attributes may be absent; an attribute with a default is optional too. */
  readonly optional: boolean;
  /** The value used when the attribute is absent (ODS DefaultValuedAttr); not stored on the op. */
  readonly defaultValue?: (ctx: Context) => Attribute;
}

export interface RegionSpec {
  readonly name: string;
  readonly variadic: boolean;
  /** ODS SizedRegion<1>: at most one block. */
  readonly singleBlock: boolean;
}

export interface SuccessorSpec {
  readonly name: string;
  readonly variadic: boolean;
}

/**
 * A type relation the verifier checks and formats use to infer unprinted
 * types (ODS AllTypesMatch / TypesMatchWith / SameOperandsAndResultType):
 * the type of `target` (an operand or result name) is `transform` applied to
 * the type of `source`.
 */
export interface TypeRelation {
  readonly target: string;
  readonly source: string;
  /** "same": equal types; "i1-same-shape": i1, or a shaped type of i1 with the source's shape. */
  readonly transform: "same" | "i1-same-shape";
}

export interface OpSpec {
  /** Full name, `dialect.op`. */
  readonly name: string;
  readonly operands: readonly OperandSpec[];
  readonly results: readonly ResultSpec[];
  readonly attributes: readonly AttrSpec[];
  readonly regions: readonly RegionSpec[];
  readonly successors: readonly SuccessorSpec[];
  readonly typeRelations: readonly TypeRelation[];
  /** ODS assemblyFormat text, when the op declares one. */
  readonly assemblyFormat?: string;
}
