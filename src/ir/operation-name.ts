// OperationName: the interned name of an op kind, with its registered
// definition (traits, region kinds, verifier hooks) when its dialect is loaded.

import type { Attribute } from "./attribute.js";
import type { NamedAttribute } from "./builtin-attributes.js";
import type { LogicalResult } from "./logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState, SetValueName } from "./op-asm.js";
import type { OpSpec } from "./op-spec.js";
import type { Operation } from "./operation.js";
import type { RewritePattern } from "./pattern-match.js";
import type { Region } from "./region.js";
import { mixHash } from "./structural-hash.js";
import type { Value } from "./value.js";

/**
 * What a fold hook returns: undefined when it did nothing, "in-place" when it
 * changed the op itself, else one replacement per result (a constant
 * attribute to materialise, or an existing value).
 */
export type FoldResult = undefined | "in-place" | readonly (Attribute | Value)[];

/** MLIR's BranchOpInterface: which operands of a terminator feed each successor's arguments. */
export interface BranchOpInterface {
  /** Operand range `[start, start + length)` forwarded to successor `index`. */
  successorOperands(op: Operation, index: number): { start: number; length: number };
  /** Removes forwarded operand `position` (0-based within the range) of successor `index`. */
  eraseSuccessorOperand(op: Operation, index: number, position: number): void;
  /** Appends `values` to the operands forwarded to successor `index` (block merging needs it). */
  appendSuccessorOperands?(op: Operation, index: number, values: readonly Value[]): void;
}

/** Structural op traits, as bit flags (MLIR's OpTrait names). */
export enum OpTrait {
  None = 0,
  Terminator = 1 << 0,
  NoTerminator = 1 << 1,
  IsolatedFromAbove = 1 << 2,
  SymbolTable = 1 << 3,
  Symbol = 1 << 4,
  SingleBlock = 1 << 5,
  Pure = 1 << 6,
  ReturnLike = 1 << 7,
  ConstantLike = 1 << 8,
  SameOperandsAndResultType = 1 << 9,
  Commutative = 1 << 10,
  AffineScope = 1 << 11,
  AutomaticAllocationScope = 1 << 12,
  HasParent = 1 << 13,
  SingleBlockImplicitTerminator = 1 << 14,
  /** A symbol whose name may be absent (MLIR's isOptionalSymbol, e.g. builtin.module). */
  OptionalSymbol = 1 << 15,
  /** Reads and writes no memory (part of Pure). */
  NoMemoryEffect = 1 << 16,
  /** Has the memory effects of the ops in its regions and none of its own. */
  RecursiveMemoryEffects = 1 << 17,
  /** op(x, x) = x for a binary op, op(op(x)) = op(x) for a unary one (folded by the trait). */
  Idempotent = 1 << 18,
}

/** Whether values in a region obey SSA dominance (SSACFG) or not (Graph). */
export enum RegionKind {
  SSACFG = 0,
  Graph = 1,
}

/**
 * What a dialect declares about one op kind. Hooks return a LogicalResult whose
 * failure has already been reported as a diagnostic.
 */
export interface OpDefinition {
  /** Full name, `dialect.op`. */
  readonly name: string;
  readonly traits: number;
  /** One line for the generated reference docs. */
  readonly summary?: string;
  /** Longer Markdown for the generated reference docs. */
  readonly description?: string;
  /** Kind of region `index`; SSACFG when absent. */
  regionKind?(index: number): RegionKind;
  /** Names of inherent attributes (stored as properties). */
  readonly inherentAttrNames?: readonly string[];
  /**
   * The checks ODS generates from the op's declaration (counts, constraints,
   * declared traits; MLIR's verifyInvariants). Runs after the structural
   * traits and before `verify`.
   */
  verifyInvariants?(op: Operation): LogicalResult;
  /** Checks the op itself, before its regions are verified. */
  verify?(op: Operation): LogicalResult;
  /** Checks the op after its regions verified. */
  verifyRegions?(op: Operation): LogicalResult;
  /** MLIR's fold hook: `operands` holds each operand's constant value, undefined where unknown. */
  fold?(op: Operation, operands: readonly (Attribute | undefined)[]): FoldResult;
  /**
   * For a ConstantLike op: the constant it holds, as its fold with no
   * operands gives it but without making a result array (folders look up
   * every operand's constant, so this is a hot path).
   */
  constantValue?(op: Operation): Attribute | undefined;
  /** Canonicalization patterns rooted at this op (MLIR's getCanonicalizationPatterns). */
  canonicalizationPatterns?(): readonly RewritePattern[];
  /** The op's BranchOpInterface, for terminators that forward operands to successors. */
  readonly branch?: BranchOpInterface;
  /** The declarative shape (operands, results, attributes, ...) when the op is defined in YAML. */
  readonly spec?: OpSpec;
  /**
   * Properties every new op of this kind holds unless given (ODS
   * DefaultValuedAttr: MLIR's properties start at their defaults, so the
   * generic form prints them), sorted by name.
   */
  readonly defaultProperties?: readonly NamedAttribute[];
  /**
   * Parses the custom form after the op name into `state` (MLIR's parse
   * hook). Returns failure after the parser reported an error.
   */
  parseAssembly?(parser: OpAsmParser, state: OpAsmState): LogicalResult;
  /** Prints the custom form after `%results = name` (MLIR's print hook). */
  printAssembly?(printer: OpAsmPrinter, op: Operation): void;
  /**
   * The dialect whose ops may be written without their prefix inside this
   * op's regions (OpAsmOpInterface::getDefaultDialect): `return` in `func.func`.
   */
  readonly defaultDialect?: string;
  /** Name hints for results (`%c0`, `%cst`), as OpAsmOpInterface::getAsmResultNames. */
  getAsmResultNames?(op: Operation, setName: SetValueName): void;
  /** Name hints for the block arguments of `region` (one of this op's), as OpAsmOpInterface::getAsmBlockArgumentNames. */
  getAsmBlockArgumentNames?(region: Region, setName: SetValueName): void;
}

/** The interned name of an op kind. Compare with `===`. */
export class OperationName {
  /** The text before the first `.`, or the whole name when there is none. */
  readonly dialect: string;
  /** A hash of the name, computed once (CSE hashes every op's name). */
  readonly hash: number;
  constructor(
    readonly name: string,
    public definition: OpDefinition | undefined,
  ) {
    const dot = name.indexOf(".");
    this.dialect = dot < 0 ? name : name.substring(0, dot);
    let h = name.length;
    for (let i = 0; i < name.length; i++) h = mixHash(h, name.charCodeAt(i));
    this.hash = h;
  }
  get isRegistered(): boolean {
    return this.definition !== undefined;
  }
  /** True when the op is registered and declares `trait`. */
  hasTrait(trait: OpTrait): boolean {
    return this.definition !== undefined && (this.definition.traits & trait) !== 0;
  }
  /** True unless the op is registered without `trait` (MLIR's mightHaveTrait). */
  mightHaveTrait(trait: OpTrait): boolean {
    return this.definition === undefined || (this.definition.traits & trait) !== 0;
  }
}
