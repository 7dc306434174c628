// The custom form of `func.func` (MLIR's function_interface_impl
// parseFunctionOp / printFunctionOp, mlir/lib/Interfaces/FunctionImplementation.cpp):
//   func.func [private|public|nested] @name(%a: T {attrs} loc(...), ...) -> (R {attrs})
//       attributes {...} { body }
// An external declaration lists bare types and has no body.

import { ArrayAttr, DictionaryAttr, StringAttr, TypeAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { FunctionType } from "../src/ir/builtin-types.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { OpAsmArgument, OpAsmParser, OpAsmPrinter, OpAsmState } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import { kSymbolAttrName, kVisibilityAttrName } from "../src/ir/symbol-table.js";
import type { Type } from "../src/ir/type.js";

const kFunctionType = "function_type";
const kArgAttrs = "arg_attrs";
const kResAttrs = "res_attrs";

/** Attributes the signature prints itself, so `attributes {...}` leaves them out. */
const kElidedFuncAttrs = [kSymbolAttrName, kVisibilityAttrName, kFunctionType, kArgAttrs, kResAttrs];

/** An `arg_attrs`/`res_attrs` array when some dictionary is non-empty (MLIR's addArgAndResultAttrs), else undefined. */
function attrArray(op: OpAsmState, dicts: readonly (DictionaryAttr | undefined)[]): ArrayAttr | undefined {
  if (!dicts.some((d) => d !== undefined && d.size > 0)) return undefined;
  return ArrayAttr.get(op.context, dicts.map((d) => d ?? op.context.emptyDictionary));
}

/** `(%a: T {attrs} loc(...), ...)` or `(T {attrs}, ...)`: named or not, never mixed. */
function parseArgumentList(p: OpAsmParser, out: OpAsmArgument[]): boolean {
  if (!p.parseLParen()) return false;
  if (p.parseOptionalRParen()) return true;
  do {
    const at = p.getCurrentLocation();
    const named = p.parseOptionalArgument(/*allowType=*/ true, /*allowAttrs=*/ true);
    if (p.failed) return false;
    if (named) {
      if (out.length && out[out.length - 1]!.ssaName.name === "") return p.emitError("expected type instead of SSA identifier", at);
      out.push(named);
      continue;
    }
    if (out.length && out[out.length - 1]!.ssaName.name !== "") return p.emitError("expected SSA identifier", at);
    const type = p.parseType();
    if (!type) return false;
    const attrs: NamedAttribute[] = [];
    if (!p.parseOptionalAttrDict(attrs)) return false;
    const loc = p.parseOptionalLocationSpecifier();
    if (loc === false) return false;
    out.push({
      ssaName: { name: "", number: 0, offset: at },
      type,
      attrs: DictionaryAttr.get(p.context, attrs),
      loc,
    });
  } while (p.parseOptionalComma());
  return p.parseRParen();
}

/** `-> T` or `-> (T {attrs}, ...)` (MLIR's parseFunctionResultList); nothing without `->`. */
function parseResultList(p: OpAsmParser, types: Type[], attrs: DictionaryAttr[]): boolean {
  if (!p.parseOptionalArrow()) return !p.failed;
  if (!p.parseOptionalLParen()) {
    const t = p.parseType();
    if (!t) return false;
    types.push(t);
    attrs.push(p.context.emptyDictionary);
    return true;
  }
  if (p.parseOptionalRParen()) return true;
  do {
    const t = p.parseType();
    if (!t) return false;
    const list: NamedAttribute[] = [];
    if (!p.parseOptionalAttrDict(list)) return false;
    types.push(t);
    attrs.push(DictionaryAttr.get(p.context, list));
  } while (p.parseOptionalComma());
  return p.parseRParen();
}

export function parseFuncOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const ctx = p.context;
  const attrs = state.attributes;
  for (const visibility of ["public", "private", "nested"])
    if (p.parseOptionalKeyword(visibility)) {
      attrs.push({ name: kVisibilityAttrName, value: StringAttr.get(ctx, visibility) });
      break;
    }
  const name = p.parseSymbolName();
  if (name === undefined) return failure();
  attrs.push({ name: kSymbolAttrName, value: StringAttr.get(ctx, name) });
  const args: OpAsmArgument[] = [];
  const resultTypes: Type[] = [];
  const resultAttrs: DictionaryAttr[] = [];
  if (!parseArgumentList(p, args) || !parseResultList(p, resultTypes, resultAttrs)) return failure();
  const argTypes = args.map((a) => a.type!);
  attrs.push({ name: kFunctionType, value: TypeAttr.get(ctx, FunctionType.get(ctx, argTypes, resultTypes)) });
  const dictAt = p.getCurrentLocation();
  const parsed: NamedAttribute[] = [];
  if (!p.parseOptionalAttrDictWithKeyword(parsed)) return failure();
  for (const inferred of [kVisibilityAttrName, kSymbolAttrName, kFunctionType])
    if (parsed.some((e) => e.name === inferred)) {
      p.emitError(`'${inferred}' is an inferred attribute and should not be specified in the explicit attribute dictionary`, dictAt);
      return failure();
    }
  attrs.push(...parsed);
  const argAttrs = attrArray(state, args.map((a) => a.attrs));
  if (argAttrs) attrs.push({ name: kArgAttrs, value: argAttrs });
  const resAttrs = attrArray(state, resultAttrs);
  if (resAttrs) attrs.push({ name: kResAttrs, value: resAttrs });
  const body = state.addRegion();
  const bodyAt = p.getCurrentLocation();
  if (p.parseOptionalRegion(body, args)) {
    if (body.empty) {
      p.emitError("expected non-empty function body", bodyAt);
      return failure();
    }
  }
  return p.failed ? failure() : success();
}

/** The dictionary at `index` of an `arg_attrs`/`res_attrs` array, if any. */
function attrsAt(all: unknown, index: number): DictionaryAttr | undefined {
  if (!(all instanceof ArrayAttr)) return undefined;
  const d = all.value[index];
  return d instanceof DictionaryAttr ? d : undefined;
}

export function printFuncOp(p: OpAsmPrinter, op: Operation): void {
  const visibility = op.getAttr(kVisibilityAttrName);
  p.print(" ");
  if (visibility instanceof StringAttr) p.print(visibility.value + " ");
  const name = op.getAttr(kSymbolAttrName);
  p.printSymbolName(name instanceof StringAttr ? name.value : "");
  const typeAttr = op.getAttr(kFunctionType);
  const type = typeAttr instanceof TypeAttr && typeAttr.value instanceof FunctionType ? typeAttr.value : undefined;
  const inputs = type ? type.inputs : [];
  const results = type ? type.results : [];
  const body = op.regions[0]!;
  const entry = body.entryBlock;
  const argAttrs = op.getAttr(kArgAttrs);
  p.print("(");
  for (let i = 0; i < inputs.length; i++) {
    if (i) p.print(", ");
    const attrs = attrsAt(argAttrs, i);
    if (entry && i < entry.args.length) {
      p.printRegionArgument(entry.args[i]!, attrs);
    } else {
      p.printType(inputs[i]!);
      if (attrs) p.printOptionalAttrDict(attrs.entries);
    }
  }
  p.print(")");
  if (results.length) {
    p.print(" -> ");
    const resAttrs = op.getAttr(kResAttrs);
    const first = attrsAt(resAttrs, 0);
    const parens = results.length > 1 || results[0] instanceof FunctionType || (first !== undefined && first.size > 0);
    if (parens) p.print("(");
    for (let i = 0; i < results.length; i++) {
      if (i) p.print(", ");
      p.printType(results[i]!);
      const attrs = attrsAt(resAttrs, i);
      if (attrs) p.printOptionalAttrDict(attrs.entries);
    }
    if (parens) p.print(")");
  }
  p.printOptionalAttrDictWithKeyword(p.getAttrs(op), kElidedFuncAttrs);
  if (!body.empty) {
    p.print(" ");
    p.printRegion(body, /*printEntryBlockArgs=*/ false, /*printBlockTerminators=*/ true);
  }
}
