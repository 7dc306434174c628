// DialectDecl: a dialect YAML file after validation, as plain JSON-able data
// (constraint and trait names still unresolved). The YAML reader produces it
// with every error located in the file; the build caches it as JSON so that
// start-up never parses YAML; the loader turns it into OpDefinitions.

import type { Arity, EnumCase } from "../ir/op-spec.js";

/** An operand or result group: `lhs: SignlessIntegerLike`, `inits: Variadic<AnyType>`. */
export interface ValueDecl {
  readonly name: string;
  readonly arity: Arity;
  /** A type constraint name from the library (src/dialect/constraints.ts). */
  readonly constraint: string;
}

/** An inherent attribute (a property). */
export interface AttrDecl {
  readonly name: string;
  /** A library attribute constraint, or a dialect enum / dialect attribute constraint name. */
  readonly constraint: string;
  readonly optional: boolean;
  /** A YAML scalar the constraint turns into the default attribute (ODS DefaultValuedAttr). */
  readonly default?: string | number | boolean;
}

export interface RegionDecl {
  readonly name: string;
  readonly variadic: boolean;
  readonly singleBlock: boolean;
}

export interface SuccessorDecl {
  readonly name: string;
  readonly variadic: boolean;
}

/** A trait use: `Pure`, or `HasParent<scf.for, scf.if>` as name `HasParent` with its arguments. */
export interface TraitDecl {
  readonly name: string;
  readonly args: readonly string[];
}

export interface OpDecl {
  /** Full name, `dialect.op`. */
  readonly name: string;
  readonly summary?: string;
  readonly description?: string;
  readonly operands: readonly ValueDecl[];
  readonly results: readonly ValueDecl[];
  readonly attributes: readonly AttrDecl[];
  readonly regions: readonly RegionDecl[];
  readonly successors: readonly SuccessorDecl[];
  readonly traits: readonly TraitDecl[];
  readonly assemblyFormat?: string;
  /** The dialect whose ops may drop their prefix inside this op's regions (`return` in `func.func`). */
  readonly defaultDialect?: string;
  /** Hook names the dialect's TypeScript module must export for this op (see op-hooks.ts). */
  readonly hooks: readonly string[];
  /** Where the op's key sits in its YAML file (1-based), for load-time diagnostics. */
  readonly line: number;
  readonly col: number;
}

/** An integer-stored enum (ODS I64EnumAttr), usable as an attribute constraint by its name. */
export interface EnumDecl {
  readonly name: string;
  readonly cases: readonly EnumCase[];
}

/** An attribute of another dialect kept opaque (`#arith.overflow<...>`), usable as a constraint by its name. */
export interface DialectAttrDecl {
  readonly name: string;
  /** `dialect.mnemonic`. */
  readonly mnemonic: string;
  readonly description: string;
}

/** A type of a dialect kept opaque (`!tile.token`, `!moe.route<...>`), usable as a type constraint by its name. */
export interface DialectTypeDecl {
  readonly name: string;
  /** `dialect.mnemonic`. */
  readonly mnemonic: string;
  readonly description: string;
}

export interface DialectDecl {
  readonly name: string;
  readonly summary?: string;
  readonly description?: string;
  /** Dialect-level hook names (e.g. `materializeConstant`). */
  readonly hooks: readonly string[];
  readonly enums: readonly EnumDecl[];
  readonly attrConstraints: readonly DialectAttrDecl[];
  readonly typeConstraints: readonly DialectTypeDecl[];
  readonly ops: readonly OpDecl[];
  /** Where the `dialect:` key sits in its YAML file (1-based). */
  readonly line: number;
  readonly col: number;
}
