// The func dialect's ops in generic form: `func.func`, `func.return` and
// `func.call`, with MLIR's traits and verifier wording (mlir-opt 22). The
// custom assembly format (`func.func @f(%a: i32) { return }`) arrives with the
// YAML dialect loader.

import type { Attribute } from "../ir/attribute.js";
import { ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../ir/builtin-attributes.js";
import { FunctionType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { success, type LogicalResult } from "../ir/logical-result.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait, type OpDefinition } from "../ir/operation-name.js";
import { getNearestSymbolTable, getSymbolName, isSymbolTable, kSymbolAttrName, kVisibilityAttrName, SymbolTable } from "../ir/symbol-table.js";
import type { Type } from "../ir/type.js";
import { printTypeForDiagnostic } from "../syntax/type-attr-printer.js";
import { parseFuncOp, printFuncOp } from "./func-asm.js";
import { CallSpec, ReturnSpec, withAssemblyFormat } from "./format-specs.js";

const kFuncOpName = "func.func";

//===----------------------------------------------------------------------===//
// ODS-style checks shared by the ops
//===----------------------------------------------------------------------===//

/** A type as MLIR streams it into a diagnostic: `'i32'`. */
function quoteType(t: Type): string {
  return "'" + printTypeForDiagnostic(t) + "'";
}

/** A type list as MLIR streams a TypeRange: `'i32', 'f32'` (empty for none). */
function quoteTypes(types: readonly Type[]): string {
  let out = "";
  for (let i = 0; i < types.length; i++) out += (i ? ", " : "") + quoteType(types[i]!);
  return out;
}

/** ODS's `DictArrayAttr`: an array whose elements are all dictionaries. */
function isDictArray(a: Attribute): boolean {
  if (!(a instanceof ArrayAttr)) return false;
  for (const e of a.value) if (!(e instanceof DictionaryAttr)) return false;
  return true;
}

/** One ODS attribute constraint: the predicate and the description MLIR quotes. */
interface AttrConstraint {
  readonly name: string;
  readonly holds: (a: Attribute) => boolean;
  readonly description: string;
}

/**
 * ODS's verifyInvariants for inherent attributes: required ones must be
 * present (checked in name order, as MLIR's generated code does), then every
 * present one satisfies its constraint (in declaration order). O(attrs).
 *
 * MLIR rejects a wrongly-typed attribute already while parsing: as "invalid
 * properties … in property conversion" inside `<{…}>`, and with the wording
 * used here inside the attribute dictionary. The parser merges both into the
 * properties, so this check uses the dictionary form's wording for both.
 */
function verifyInherentAttrs(op: Operation, required: readonly string[], constraints: readonly AttrConstraint[]): LogicalResult {
  for (const name of required) if (op.getAttr(name) === undefined) return op.emitOpError(`requires attribute '${name}'`);
  for (const c of constraints) {
    const a = op.getAttr(c.name);
    if (a !== undefined && !c.holds(a))
      return op.emitOpError(`attribute '${c.name}' failed to satisfy constraint: ${c.description}`);
  }
  return success();
}

const kStringAttr = "string attribute";
const kDictArrayAttr = "Array of dictionary attributes";
const kUnitAttr = "unit attribute";

/** The signature held by a `func.func`, or undefined when its `function_type` is missing or not a function type. */
function getFunctionType(func: Operation): FunctionType | undefined {
  const a = func.getAttr("function_type");
  return a instanceof TypeAttr && a.value instanceof FunctionType ? a.value : undefined;
}

//===----------------------------------------------------------------------===//
// func.func
//===----------------------------------------------------------------------===//

/** FuncOp's inherent attributes, in ODS declaration order. */
const kFuncAttrConstraints: readonly AttrConstraint[] = [
  { name: kSymbolAttrName, holds: (a) => a instanceof StringAttr, description: kStringAttr },
  {
    name: "function_type",
    holds: (a) => a instanceof TypeAttr && a.value instanceof FunctionType,
    description: "type attribute of function type",
  },
  { name: kVisibilityAttrName, holds: (a) => a instanceof StringAttr, description: kStringAttr },
  { name: "arg_attrs", holds: isDictArray, description: kDictArrayAttr },
  { name: "res_attrs", holds: isDictArray, description: kDictArrayAttr },
  { name: "no_inline", holds: (a) => a instanceof UnitAttr, description: kUnitAttr },
];

/**
 * FunctionOpInterface's check of `arg_attrs` or `res_attrs`: one dictionary
 * per argument (result), holding dialect attributes only. The dictionaries
 * themselves were checked by the ODS constraint.
 */
function verifyArgOrResultAttrs(op: Operation, isArg: boolean, count: number): LogicalResult {
  const all = op.getAttr(isArg ? "arg_attrs" : "res_attrs");
  if (!(all instanceof ArrayAttr)) return success();
  const what = isArg ? "argument" : "result";
  if (all.value.length !== count)
    return op.emitOpError(
      `expects ${what} attribute array to have the same number of elements as the number of function ${what}s, ` +
        `got ${all.value.length}, but expected ${count}`,
    );
  for (const dict of all.value) {
    if (!(dict instanceof DictionaryAttr)) continue;
    for (const e of dict.entries)
      if (!e.name.includes(".")) return op.emitOpError(`${isArg ? "arguments" : "results"} may only have dialect attributes`);
  }
  return success();
}

/**
 * FuncOp's checks in MLIR's order: ODS counts (OneRegion, ZeroResults,
 * ZeroSuccessors, ZeroOperands) and attributes; SymbolOpInterface (a
 * declaration, i.e. an empty body, may not be public; the name and
 * visibility checks run earlier, as the Symbol trait); FunctionOpInterface
 * (argument and result attributes, then the entry block's arguments against
 * the signature). O(attrs + arguments).
 */
function verifyFunc(op: Operation): LogicalResult {
  if (op.numRegions !== 1) return op.emitOpError("requires one region");
  if (op.numResults !== 0) return op.emitOpError("requires zero results");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
  if (op.numOperands !== 0) return op.emitOpError("requires zero operands");
  const attrs = verifyInherentAttrs(op, ["function_type", kSymbolAttrName], kFuncAttrConstraints);
  if (attrs.failed) return attrs;
  const body = op.regions[0]!;
  const visibility = op.getAttr(kVisibilityAttrName);
  const isPublic = visibility === undefined || (visibility instanceof StringAttr && visibility.value === "public");
  if (body.empty && isPublic) return op.emitOpError("symbol declaration cannot have public visibility");
  const type = getFunctionType(op);
  if (type === undefined) return success(); // Unreachable: the constraint above holds.
  const argAttrs = verifyArgOrResultAttrs(op, /*isArg=*/ true, type.inputs.length);
  if (argAttrs.failed) return argAttrs;
  const resAttrs = verifyArgOrResultAttrs(op, /*isArg=*/ false, type.results.length);
  if (resAttrs.failed) return resAttrs;
  const entry = body.entryBlock;
  if (entry === null) return success();
  const inputs = type.inputs;
  if (entry.numArguments !== inputs.length)
    return op.emitOpError(`entry block must have ${inputs.length} arguments to match function signature`);
  for (let i = 0; i < inputs.length; i++) {
    const argType = entry.args[i]!.type;
    if (argType !== inputs[i])
      return op.emitOpError(
        `type of entry block argument #${i}(${quoteType(argType)}) must match the type of the corresponding ` +
          `argument in function signature(${quoteType(inputs[i]!)})`,
      );
  }
  return success();
}

/** `func.func`: a named function with a signature and an SSACFG body (empty for a declaration). */
export const FuncOpDef: OpDefinition = {
  name: kFuncOpName,
  summary: "A named function: a symbol with one SSA-CFG body region",
  traits: OpTrait.IsolatedFromAbove | OpTrait.Symbol | OpTrait.AffineScope | OpTrait.AutomaticAllocationScope,
  inherentAttrNames: [kSymbolAttrName, "function_type", kVisibilityAttrName, "arg_attrs", "res_attrs", "no_inline"],
  verify: verifyFunc,
  parseAssembly: parseFuncOp,
  printAssembly: printFuncOp,
  defaultDialect: "func",
};

//===----------------------------------------------------------------------===//
// func.return
//===----------------------------------------------------------------------===//

/**
 * ReturnOp's checks in MLIR's order: ODS counts (ZeroRegions, ZeroResults,
 * ZeroSuccessors), HasParent<FuncOp>, then operands against the enclosing
 * function's results. The parent verified before its body, so its signature
 * is well-formed here. O(operands).
 */
function verifyReturn(op: Operation): LogicalResult {
  if (op.numRegions !== 0) return op.emitOpError("requires zero regions");
  if (op.numResults !== 0) return op.emitOpError("requires zero results");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
  const func = op.parentOp;
  if (func === null || func.name.name !== kFuncOpName) return op.emitOpError(`expects parent op '${kFuncOpName}'`);
  const type = getFunctionType(func);
  if (type === undefined) return success();
  const results = type.results;
  const name = getSymbolName(func) ?? "";
  if (op.numOperands !== results.length)
    return op.emitOpError(`has ${op.numOperands} operands, but enclosing function (@${name}) returns ${results.length}`);
  for (let i = 0; i < results.length; i++) {
    const t = op.getOperand(i).type;
    if (t !== results[i])
      return op.emitError(
        `type of return operand ${i} (${quoteType(t)}) doesn't match function result type (${quoteType(results[i]!)})` +
          ` in function @${name}`,
      );
  }
  return success();
}

/** `func.return`: ends a `func.func` body, returning its results. */
export const ReturnOpDef: OpDefinition = withAssemblyFormat(
  {
    name: "func.return",
    summary: "Returns values from the enclosing func.func",
    traits: OpTrait.Pure | OpTrait.HasParent | OpTrait.ReturnLike | OpTrait.Terminator,
    verify: verifyReturn,
  },
  ReturnSpec,
);

//===----------------------------------------------------------------------===//
// func.call
//===----------------------------------------------------------------------===//

/** CallOp's inherent attributes, in ODS declaration order. */
const kCallAttrConstraints: readonly AttrConstraint[] = [
  {
    name: "callee",
    holds: (a) => a instanceof SymbolRefAttr && a.nested.length === 0,
    description: "flat symbol reference attribute",
  },
  { name: "arg_attrs", holds: isDictArray, description: kDictArrayAttr },
  { name: "res_attrs", holds: isDictArray, description: kDictArrayAttr },
  { name: "no_inline", holds: (a) => a instanceof UnitAttr, description: kUnitAttr },
];

/**
 * Symbol tables by table op, kept across verifications. A hit is trusted only
 * while the symbol still sits in that table under that name; anything else
 * (a miss included, which means an invalid call) rebuilds the table once, so
 * edits between verifications cost one rebuild, never a wrong answer.
 */
const cachedTables = new WeakMap<Operation, SymbolTable>();

/** The symbol named `name` in `table`. O(1) on a valid hit, O(table body) otherwise. */
function lookupCached(table: Operation, name: string): Operation | undefined {
  const cached = cachedTables.get(table);
  if (cached !== undefined) {
    const hit = cached.lookup(name);
    if (hit !== undefined && hit.parentOp === table && getSymbolName(hit) === name) return hit;
  }
  const fresh = new SymbolTable(table);
  cachedTables.set(table, fresh);
  return fresh.lookup(name);
}

/** Whether some op enclosing `op` is a symbol table. O(depth). */
function hasSymbolTableAncestor(op: Operation): boolean {
  for (let p = op.parentOp; p; p = p.parentOp) if (isSymbolTable(p)) return true;
  return false;
}

/**
 * CallOp::verifySymbolUses: the callee names a `func.func` in the nearest
 * symbol table, and operand and result types match its signature, with
 * mlir-opt's wording. A callee whose own signature is malformed is left to
 * its own verification, and a call under no symbol table is not checked. O(operands + results) with a warm table cache.
 *
 * TODO(symbol-user verification): MLIR runs this from the enclosing symbol
 * table's verification, after every op under it verified (its walk visits a
 * table's ops, then nested regions last-first), so there a call error never
 * hides another error. It runs from the call's own verifier until
 * OpDefinition gains a symbol-use hook that verifySymbolTable calls.
 */
export function verifyCallSymbolUses(op: Operation): LogicalResult {
  const callee = op.getAttr("callee");
  if (!(callee instanceof SymbolRefAttr) || callee.nested.length !== 0)
    return op.emitOpError("requires a 'callee' symbol reference attribute");
  const table = getNearestSymbolTable(op);
  // MLIR checks symbol uses only from an enclosing symbol table's verification.
  if (table === undefined && !hasSymbolTableAncestor(op)) return success();
  const fn = table === undefined ? undefined : lookupCached(table, callee.root);
  if (fn === undefined || fn.name.name !== kFuncOpName)
    return op.emitOpError(`'${callee.root}' does not reference a valid function`);
  const type = getFunctionType(fn);
  if (type === undefined) return success();
  const inputs = type.inputs;
  if (inputs.length !== op.numOperands) return op.emitOpError("incorrect number of operands for callee");
  for (let i = 0; i < inputs.length; i++) {
    const t = op.getOperand(i).type;
    if (t !== inputs[i])
      return op.emitOpError(
        `operand type mismatch: expected operand type ${quoteType(inputs[i]!)}, but provided ${quoteType(t)} for operand number ${i}`,
      );
  }
  const results = type.results;
  if (results.length !== op.numResults) return op.emitOpError("incorrect number of results for callee");
  for (let i = 0; i < results.length; i++) {
    if (op.getResult(i).type === results[i]) continue;
    const diag = op.emitOpError(`result type mismatch at index ${i}`);
    const resultTypes: Type[] = [];
    for (const r of op.results) resultTypes.push(r.type);
    diag.attachNote(`      op result types: ${quoteTypes(resultTypes)}`);
    diag.attachNote(`function result types: ${quoteTypes(results)}`);
    return diag;
  }
  return success();
}

/** CallOp's ODS counts (ZeroRegions, ZeroSuccessors) and attributes, then its symbol uses. */
function verifyCall(op: Operation): LogicalResult {
  if (op.numRegions !== 0) return op.emitOpError("requires zero regions");
  if (op.numSuccessors !== 0) return op.emitOpError(`requires 0 successors but found ${op.numSuccessors}`);
  const attrs = verifyInherentAttrs(op, ["callee"], kCallAttrConstraints);
  if (attrs.failed) return attrs;
  return verifyCallSymbolUses(op);
}

/** `func.call`: a direct call of a `func.func` named by the `callee` symbol. */
export const CallOpDef: OpDefinition = withAssemblyFormat(
  {
    name: "func.call",
    summary: "Direct call of a func.func by symbol",
    traits: OpTrait.None,
    inherentAttrNames: ["callee", "arg_attrs", "res_attrs", "no_inline"],
    verify: verifyCall,
  },
  CallSpec,
);

/** Registers the func ops in `ctx` (loading the `func` namespace). Idempotent. */
export function registerFuncDialect(ctx: Context): void {
  ctx.registerOperation(FuncOpDef);
  ctx.registerOperation(ReturnOpDef);
  ctx.registerOperation(CallOpDef);
}
