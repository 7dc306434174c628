// A test-only dialect (`tfmt`) whose ops, defined by OpSpec + assembly format
// only, use every directive of the declarative format: literals and spacing,
// operands of each arity, attributes (plain, typed, enum, unit anchor),
// regions, successors, attr-dict(-with-keyword), prop-dict, type, qualified,
// functional-type, operands/results/successors, optional groups with else,
// custom<...>, type relations and buildable types, result-name hints and a
// default dialect.

import {
  compileAssemblyFormat,
  Delimiter,
  failure,
  StringAttr,
  success,
  type OpAsmArgument,
  type Type,
  type UnresolvedOperand,
  describeFormatError,
  FormatError,
  IntegerAttr,
  IntegerType,
  OpTrait,
  UnitAttr,
  type AttrConstraint,
  type Context,
  type CustomDirective,
  type OpDefinition,
  type OpSpec,
  type TypeConstraint,
} from "../../src/index.js";

export const AnyType: TypeConstraint = { description: "any type", holds: () => true };
const I1: TypeConstraint = {
  description: "1-bit signless integer",
  holds: (t) => t instanceof IntegerType && t.width === 1,
  buildType: (ctx) => IntegerType.get(ctx, 1),
};
const I32: TypeConstraint = {
  description: "32-bit signless integer",
  holds: (t) => t instanceof IntegerType && t.width === 32,
  buildType: (ctx) => IntegerType.get(ctx, 32),
};
const AnyAttr: AttrConstraint = { description: "any attribute", holds: () => true };
const I32Attr: AttrConstraint = {
  description: "32-bit signless integer attribute",
  holds: (a) => a instanceof IntegerAttr,
  valueType: (ctx) => IntegerType.get(ctx, 32),
};
const PredicateAttr: AttrConstraint = {
  description: "comparison predicate",
  holds: (a) => a instanceof IntegerAttr,
  enumCases: [
    { keyword: "eq", value: 0 },
    { keyword: "ne", value: 1 },
    { keyword: "slt", value: 2 },
  ],
};
const UnitAttrConstraint: AttrConstraint = { description: "unit attribute", holds: (a) => a instanceof UnitAttr };

const kEmpty = { operands: [], results: [], attributes: [], regions: [], successors: [], typeRelations: [] } as const;

/** `custom<Pair>($x, type($x))`: `pair(%x : T)`. */
export const PairDirective: CustomDirective = {
  parse(p, slots) {
    const operand = slots[0]!;
    const type = slots[1]!;
    if (!p.parseKeyword("pair") || !p.parseLParen()) return false;
    const o = p.parseOperand();
    if (!o) return false;
    operand.operands.push(o);
    const t = p.parseColonType();
    if (!t) return false;
    type.types.push(t);
    return p.parseRParen();
  },
  print(p, _op, args) {
    p.print("pair(");
    p.printOperands(args[0]!.values);
    p.print(" : ");
    p.printTypes(args[1]!.types);
    p.print(")");
  },
};

export const kTestSpecs: readonly (OpSpec & { traits?: number; defaultDialect?: string; hint?: (op: import("../../src/index.js").Operation) => string })[] = [
  {
    ...kEmpty,
    name: "tfmt.binary",
    operands: [{ name: "lhs", arity: "single", constraint: AnyType }, { name: "rhs", arity: "single", constraint: AnyType }],
    results: [{ name: "result", arity: "single", constraint: AnyType }],
    typeRelations: [
      { target: "rhs", source: "lhs", transform: "same" },
      { target: "result", source: "lhs", transform: "same" },
    ],
    assemblyFormat: "$lhs `,` $rhs attr-dict `:` type($lhs)",
    hint: () => "sum",
  },
  {
    ...kEmpty,
    name: "tfmt.cmp",
    operands: [{ name: "lhs", arity: "single", constraint: AnyType }, { name: "rhs", arity: "single", constraint: AnyType }],
    results: [{ name: "result", arity: "single", constraint: AnyType }],
    attributes: [{ name: "predicate", constraint: PredicateAttr, optional: false }],
    typeRelations: [
      { target: "rhs", source: "lhs", transform: "same" },
      { target: "result", source: "lhs", transform: "i1-same-shape" },
    ],
    assemblyFormat: "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)",
  },
  {
    ...kEmpty,
    name: "tfmt.const",
    results: [{ name: "result", arity: "single", constraint: I32 }],
    attributes: [{ name: "value", constraint: I32Attr, optional: false }],
    assemblyFormat: "$value attr-dict",
    hint: (op) => {
      const v = op.getAttr("value");
      return v instanceof IntegerAttr ? `c${v.value}` : "";
    },
  },
  {
    ...kEmpty,
    name: "tfmt.opt",
    operands: [{ name: "value", arity: "optional", constraint: AnyType }],
    attributes: [{ name: "is_async", constraint: UnitAttrConstraint, optional: true }],
    assemblyFormat: "(`async` $is_async^)? ($value^ `:` type($value)) : (`none`)? attr-dict",
  },
  {
    ...kEmpty,
    name: "tfmt.loop",
    operands: [{ name: "cond", arity: "single", constraint: I1 }],
    regions: [{ name: "body", variadic: false, singleBlock: true }],
    assemblyFormat: "$cond attr-dict-with-keyword $body",
  },
  {
    ...kEmpty,
    name: "tfmt.yield",
    operands: [{ name: "values", arity: "variadic", constraint: AnyType }],
    assemblyFormat: "attr-dict ($values^ `:` type($values))?",
    traits: OpTrait.Terminator,
  },
  {
    ...kEmpty,
    name: "tfmt.switch",
    operands: [{ name: "flag", arity: "single", constraint: AnyType }],
    successors: [
      { name: "default", variadic: false },
      { name: "cases", variadic: true },
    ],
    assemblyFormat: "$flag `:` type($flag) `,` $default `[` $cases `]` attr-dict",
    traits: OpTrait.Terminator,
  },
  {
    ...kEmpty,
    name: "tfmt.jump",
    successors: [{ name: "targets", variadic: true }],
    assemblyFormat: "successors attr-dict",
    traits: OpTrait.Terminator,
  },
  {
    ...kEmpty,
    name: "tfmt.props",
    operands: [{ name: "args", arity: "variadic", constraint: AnyType }],
    results: [{ name: "outs", arity: "variadic", constraint: AnyType }],
    attributes: [
      { name: "a", constraint: AnyAttr, optional: true },
      { name: "b", constraint: AnyAttr, optional: true },
    ],
    assemblyFormat: "operands prop-dict attr-dict `:` functional-type(operands, results)",
  },
  {
    ...kEmpty,
    name: "tfmt.pair",
    operands: [{ name: "x", arity: "single", constraint: AnyType }],
    assemblyFormat: "custom<Pair>($x, type($x)) attr-dict",
  },
  {
    ...kEmpty,
    name: "tfmt.qual",
    operands: [{ name: "x", arity: "single", constraint: AnyType }],
    attributes: [{ name: "tag", constraint: I32Attr, optional: true }],
    assemblyFormat: "qualified(type($x)) $x (`tag` qualified($tag)^)? attr-dict",
  },
  {
    ...kEmpty,
    name: "tfmt.scope",
    regions: [{ name: "body", variadic: false, singleBlock: true }],
    assemblyFormat: "regions attr-dict",
    traits: OpTrait.NoTerminator,
    defaultDialect: "tfmt",
  },
  {
    ...kEmpty,
    name: "tfmt.lines",
    operands: [{ name: "x", arity: "single", constraint: AnyType }],
    assemblyFormat: "$x `\\n` `:` type($x) attr-dict",
  },
  {
    ...kEmpty,
    name: "tfmt.spaces",
    operands: [{ name: "x", arity: "single", constraint: AnyType }],
    assemblyFormat: "`[` ` ` $x `` `]` `->` type($x) attr-dict",
  },
];

/**
 * `tfmt.hand @name [%a, %b] : i32, i32 -> (i32, f32) attributes {...} args(%p: T {attrs}, ...) {body}`:
 * a hand-written custom form using the OpAsmParser / OpAsmPrinter calls a format does not.
 */
const HandOpDef: OpDefinition = {
  name: "tfmt.hand",
  traits: OpTrait.NoTerminator,
  inherentAttrNames: ["sym_name"],
  parseAssembly(p, state) {
    const name = p.parseSymbolName();
    if (name === undefined) return failure();
    state.attributes.push({ name: "sym_name", value: StringAttr.get(p.context, name) });
    const refs: UnresolvedOperand[] = [];
    const types: Type[] = [];
    const at = p.getCurrentLocation();
    if (!p.parseOperandList(refs, Delimiter.Square) || !p.parseColonTypeList(types)) return failure();
    if (!p.resolveOperands(refs, types, at, state.operands)) return failure();
    if (!p.parseOptionalArrowTypeList(state.types)) return failure();
    if (!p.parseOptionalAttrDictWithKeyword(state.attributes)) return failure();
    const args: OpAsmArgument[] = [];
    if (!p.parseKeyword("args") || !p.parseArgumentList(args, Delimiter.Paren, /*allowType=*/ true, /*allowAttrs=*/ true))
      return failure();
    return p.parseRegion(state.addRegion(), args) ? success() : failure();
  },
  // The first body argument is named `%p`; the rest keep `%argN`.
  getAsmBlockArgumentNames(region, setName) {
    const first = region.entryBlock?.args[0];
    if (first) setName(first, "p");
  },
  printAssembly(p, op) {
    p.print(" ");
    const name = op.getAttr("sym_name");
    p.printSymbolName(name instanceof StringAttr ? name.value : "");
    p.print(" [");
    p.printOperands(op.getOperands());
    p.print("] : ");
    p.printTypes(op.getOperands().map((v) => v.type));
    if (op.numResults) {
      p.print(" ");
      p.printArrowTypeList(op.results.map((r) => r.type));
    }
    p.printOptionalAttrDictWithKeyword(p.getAttrs(op), ["sym_name"]);
    p.print(" args(");
    const entry = op.regions[0]!.entryBlock!;
    entry.args.forEach((a, i) => {
      if (i) p.print(", ");
      p.printRegionArgument(a);
    });
    p.print(") ");
    p.printRegion(op.regions[0]!, /*printEntryBlockArgs=*/ false);
  },
};

/** `tfmt.goto ^bb1(%a, %b : i32, i32)`: parseSuccessorAndUseList and its printer. */
const GotoOpDef: OpDefinition = {
  name: "tfmt.goto",
  traits: OpTrait.Terminator,
  parseAssembly(p, state) {
    const dest = p.parseSuccessorAndUseList(state.operands);
    if (!dest) return failure();
    state.successors.push(dest);
    return success();
  },
  printAssembly(p, op) {
    p.print(" ");
    p.printSuccessorAndUseList(op.getSuccessor(0), op.getOperands());
  },
};

/** Registers the `tfmt` ops in `ctx`. */
export function registerTestFormatDialect(ctx: Context): void {
  ctx.registerOperation(HandOpDef);
  ctx.registerOperation(GotoOpDef);
  const customDirectives = new Map([["Pair", PairDirective]]);
  for (const spec of kTestSpecs) {
    const compiled = compileAssemblyFormat(spec, { customDirectives });
    if (compiled instanceof FormatError) throw new Error(describeFormatError(spec.name, compiled));
    const hint = spec.hint;
    const def: OpDefinition = {
      name: spec.name,
      traits: spec.traits ?? OpTrait.None,
      inherentAttrNames: spec.attributes.map((a) => a.name),
      spec,
      parseAssembly: compiled.parseAssembly,
      printAssembly: compiled.printAssembly,
      ...(spec.defaultDialect ? { defaultDialect: spec.defaultDialect } : {}),
      ...(hint ? { getAsmResultNames: (op, setName) => setName(op.getResult(0), hint(op)) } : {}),
    };
    ctx.registerOperation(def);
  }
}
