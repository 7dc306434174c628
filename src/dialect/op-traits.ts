// The trait names dialect YAML files may list (MLIR's OpTrait and interface
// names), what each one sets in OpDefinition.traits, and which arguments it
// takes. Traits that the generic invariant verifier checks itself
// (SameTypeOperands, AllTypesMatch, HasParent, ...) need no bit.

import { OpTrait } from "../ir/operation-name.js";

/** What a parameterised trait takes between its angle brackets. */
export type TraitParams =
  | "none"
  /** One or more op names: `HasParent<scf.for, scf.while>`. */
  | "op-names"
  /** Exactly one op name: `SingleBlockImplicitTerminator<scf.yield>`. */
  | "op-name"
  /** Two or more operand/result/attribute names: `AllTypesMatch<lhs, rhs, result>`. */
  | "value-names"
  /** Source, target and transform (`same` or `i1-same-shape`): `TypesMatchWith<lhs, result, i1-same-shape>`. */
  | "types-match-with";

export interface TraitInfo {
  readonly bits: number;
  readonly params: TraitParams;
  /** One line for the YAML format reference. */
  readonly doc: string;
}

const T = (bits: number, doc: string, params: TraitParams = "none"): TraitInfo => ({ bits, params, doc });

/** Every known trait, by YAML name. */
export const kTraits: ReadonlyMap<string, TraitInfo> = new Map<string, TraitInfo>([
  ["Terminator", T(OpTrait.Terminator, "must end its block")],
  ["NoTerminator", T(OpTrait.NoTerminator, "its single-block regions need no terminator")],
  ["IsolatedFromAbove", T(OpTrait.IsolatedFromAbove, "regions use no value defined outside the op")],
  ["SymbolTable", T(OpTrait.SymbolTable, "its region holds a symbol table")],
  ["Symbol", T(OpTrait.Symbol, "defines a symbol (sym_name, sym_visibility)")],
  ["OptionalSymbol", T(OpTrait.OptionalSymbol, "a Symbol whose name may be absent")],
  ["SingleBlock", T(OpTrait.SingleBlock, "every region has at most one block")],
  ["Pure", T(OpTrait.Pure | OpTrait.NoMemoryEffect, "no side effects, always speculatable (NoMemoryEffect + AlwaysSpeculatable)")],
  ["NoMemoryEffect", T(OpTrait.NoMemoryEffect, "reads and writes no memory")],
  ["RecursiveMemoryEffects", T(OpTrait.RecursiveMemoryEffects, "its effects are those of the ops in its regions")],
  ["AlwaysSpeculatable", T(0, "may be hoisted freely (documentation only)")],
  ["RecursivelySpeculatable", T(0, "speculatable when its nested ops are (documentation only)")],
  ["ReturnLike", T(OpTrait.ReturnLike, "returns control and values to the parent op")],
  ["ConstantLike", T(OpTrait.ConstantLike, "materialises a constant (its fold returns it)")],
  ["Commutative", T(OpTrait.Commutative, "operands may be reordered")],
  ["SameOperandsAndResultType", T(OpTrait.SameOperandsAndResultType, "all operands and results have one type")],
  ["SameTypeOperands", T(0, "all operands have one type")],
  ["SameOperandsAndResultShape", T(0, "all operands and results have one shape (or are all scalars)")],
  ["Idempotent", T(OpTrait.Idempotent, "op(x, x) is x, op(op(x)) is op(x) (folded by the trait)")],
  ["NoRegionArguments", T(0, "regions have no entry block arguments")],
  ["HasOnlyGraphRegion", T(0, "its regions are graph regions (no dominance, MLIR's RegionKindInterface)")],
  ["AffineScope", T(OpTrait.AffineScope, "opens a new scope for affine symbols")],
  ["AutomaticAllocationScope", T(OpTrait.AutomaticAllocationScope, "stack allocations are freed at its exit")],
  ["AttrSizedOperandSegments", T(0, "operand group sizes are stored in the `operandSegmentSizes` property")],
  ["AttrSizedResultSegments", T(0, "result group sizes are stored in the `resultSegmentSizes` property")],
  ["Elementwise", T(0, "applies element by element to vectors and tensors (documentation only)")],
  ["Scalarizable", T(0, "documentation only")],
  ["Vectorizable", T(0, "documentation only")],
  ["Tensorizable", T(0, "documentation only")],
  ["HasParent", T(OpTrait.HasParent, "its parent op is one of the named ops", "op-names")],
  [
    "SingleBlockImplicitTerminator",
    T(OpTrait.SingleBlockImplicitTerminator, "single-block regions ending with the named terminator", "op-name"),
  ],
  ["AllTypesMatch", T(0, "the named operands, results and typed attributes have one type", "value-names")],
  ["TypesMatchWith", T(0, "the target's type is the transform of the source's", "types-match-with")],
]);

/** Transforms TypesMatchWith accepts, with the wording MLIR's verifier reports when they fail. */
export const kTypeTransforms: ReadonlyMap<string, (target: string) => string> = new Map([
  ["same", (target: string) => `${target} type matches the source type`],
  ["i1-same-shape", (target: string) => `${target} type has i1 element type and same shape as operands`],
]);
