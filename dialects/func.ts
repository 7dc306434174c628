// Hooks of the func dialect (dialects/func.yaml): the checks of `func.func`,
// `func.return` and `func.call` that ODS cannot declare, with MLIR's wording
// (mlir-opt 22). Counts, attribute constraints and traits come from the YAML.

import { ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr, TypeAttr } from "../src/ir/builtin-attributes.js";
import { FunctionType } from "../src/ir/builtin-types.js";
import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import { getNearestSymbolTable, getSymbolName, isSymbolTable, kVisibilityAttrName, SymbolTable } from "../src/ir/symbol-table.js";
import type { Type } from "../src/ir/type.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { parseFuncOp, printFuncOp } from "./func-asm.js";

const kFuncOpName = "func.func";

//===----------------------------------------------------------------------===//
// Diagnostic helpers
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

/** The signature held by a `func.func`, or undefined when its `function_type` is missing or not a function type. */
function getFunctionType(func: Operation): FunctionType | undefined {
  const a = func.getAttr("function_type");
  return a instanceof TypeAttr && a.value instanceof FunctionType ? a.value : undefined;
}

//===----------------------------------------------------------------------===//
// func.func
//===----------------------------------------------------------------------===//

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
 * FuncOp's checks after the ODS ones (dialects/func.yaml): SymbolOpInterface (a
 * declaration, i.e. an empty body, may not be public; the name and
 * visibility checks run earlier, as the Symbol trait); FunctionOpInterface
 * (argument and result attributes, then the entry block's arguments against
 * the signature). O(attrs + arguments).
 */
function verifyFunc(op: Operation): LogicalResult {
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

//===----------------------------------------------------------------------===//
// func.return
//===----------------------------------------------------------------------===//

/**
 * ReturnOp::verify, after the ODS checks (HasParent<func.func> included):
 * operands against the enclosing function's results. The parent verified
 * before its body, so its signature is well-formed here. O(operands).
 */
function verifyReturn(op: Operation): LogicalResult {
  const func = op.parentOp;
  if (func === null || func.name.name !== kFuncOpName) return success(); // Reported by HasParent<func.func>.
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

//===----------------------------------------------------------------------===//
// func.call
//===----------------------------------------------------------------------===//

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

export const hooks: DialectHooks = {
  ops: {
    func: { verify: verifyFunc, parseAssembly: parseFuncOp, printAssembly: printFuncOp },
    return: { verify: verifyReturn },
    call: { verify: verifyCallSymbolUses },
  },
};
