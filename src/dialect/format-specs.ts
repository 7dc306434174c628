// Hand-built OpSpecs for the ops whose custom forms come from declarative
// assembly formats (func.return, func.call, cf.br, cf.cond_br), with the few
// ODS constraints they need. The YAML loader will produce the same OpSpecs
// from dialects/*.yaml; until then these are the formats' single source.

import type { Attribute } from "../ir/attribute.js";
import { ArrayAttr, DenseArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr, UnitAttr } from "../ir/builtin-attributes.js";
import { IntegerType } from "../ir/builtin-types.js";
import type { AttrConstraint, AttrSpec, OpSpec, OperandSpec, ResultSpec, SuccessorSpec, TypeConstraint } from "../ir/op-spec.js";
import type { OpDefinition } from "../ir/operation-name.js";
import { compileAssemblyFormat, describeFormatError, FormatError } from "../syntax/asm-format.js";

export const AnyType: TypeConstraint = { description: "any type", holds: () => true };

export const I1: TypeConstraint = {
  description: "1-bit signless integer",
  holds: (t) => t instanceof IntegerType && t.width === 1 && t.isSignless,
  buildType: (ctx) => IntegerType.get(ctx, 1),
};

const FlatSymbolRefAttr: AttrConstraint = {
  description: "flat symbol reference attribute",
  holds: (a) => a instanceof SymbolRefAttr && a.nested.length === 0,
};

const DictArrayAttr: AttrConstraint = {
  description: "Array of dictionary attributes",
  holds: (a) => a instanceof ArrayAttr && a.value.every((e: Attribute) => e instanceof DictionaryAttr),
};

const StrAttr: AttrConstraint = { description: "string attribute", holds: (a) => a instanceof StringAttr };

const UnitAttrConstraint: AttrConstraint = { description: "unit attribute", holds: (a) => a instanceof UnitAttr };

const DenseI32ArrayAttr: AttrConstraint = {
  description: "i32 dense array attribute",
  holds: (a) => a instanceof DenseArrayAttr && a.elementType instanceof IntegerType && a.elementType.width === 32,
};

function operand(name: string, arity: OperandSpec["arity"], constraint: TypeConstraint = AnyType): OperandSpec {
  return { name, arity, constraint };
}
function result(name: string, arity: ResultSpec["arity"], constraint: TypeConstraint = AnyType): ResultSpec {
  return { name, arity, constraint };
}
function attr(name: string, constraint: AttrConstraint, optional: boolean): AttrSpec {
  return { name, constraint, optional };
}
function successor(name: string): SuccessorSpec {
  return { name, variadic: false };
}

/** OpSpec fields an op without them leaves empty. */
const kEmpty = { operands: [], results: [], attributes: [], regions: [], successors: [], typeRelations: [] } as const;

export const ReturnSpec: OpSpec = {
  ...kEmpty,
  name: "func.return",
  operands: [operand("operands", "variadic")],
  assemblyFormat: "attr-dict ($operands^ `:` type($operands))?",
};

export const CallSpec: OpSpec = {
  ...kEmpty,
  name: "func.call",
  operands: [operand("operands", "variadic")],
  results: [result("results", "variadic")],
  attributes: [
    attr("callee", FlatSymbolRefAttr, false),
    attr("arg_attrs", DictArrayAttr, true),
    attr("res_attrs", DictArrayAttr, true),
    attr("no_inline", UnitAttrConstraint, true),
  ],
  assemblyFormat: "$callee `(` $operands `)` attr-dict `:` functional-type($operands, results)",
};

export const BranchSpec: OpSpec = {
  ...kEmpty,
  name: "cf.br",
  operands: [operand("destOperands", "variadic")],
  successors: [successor("dest")],
  assemblyFormat: "$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict",
};

export const CondBranchSpec: OpSpec = {
  ...kEmpty,
  name: "cf.cond_br",
  operands: [operand("condition", "single", I1), operand("trueDestOperands", "variadic"), operand("falseDestOperands", "variadic")],
  attributes: [attr("branch_weights", DenseI32ArrayAttr, true)],
  successors: [successor("trueDest"), successor("falseDest")],
  assemblyFormat:
    "$condition (`weights` `(` $branch_weights^ `)`)? `,` " +
    "$trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` " +
    "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict",
};

export const AssertSpec: OpSpec = {
  ...kEmpty,
  name: "cf.assert",
  operands: [operand("arg", "single", I1)],
  attributes: [attr("msg", StrAttr, false)],
  assemblyFormat: "$arg `,` $msg attr-dict",
};

/**
 * `def` with the parse and print hooks of `spec`'s format. A format that does
 * not compile is a bug in these tables, hence the throw.
 */
export function withAssemblyFormat(def: OpDefinition, spec: OpSpec): OpDefinition {
  const compiled = compileAssemblyFormat(spec);
  if (compiled instanceof FormatError) throw new Error(describeFormatError(spec.name, compiled));
  return { ...def, spec, parseAssembly: compiled.parseAssembly, printAssembly: compiled.printAssembly };
}
