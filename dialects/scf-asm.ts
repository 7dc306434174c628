// The custom forms of `scf.if`, `scf.for` and `scf.while` (MLIR's IfOp, ForOp
// and WhileOp parse/print in mlir/lib/Dialect/SCF/IR/SCF.cpp):
//   scf.if %c [-> (T, ...)] { then } [else { else }] [{attrs}]
//   scf.for [unsigned] %iv = %lb to %ub step %s [iter_args(%x = %init, ...) -> (T, ...)] [: T] { body } [{attrs}]
//   scf.while [(%x = %init, ...)] : (T, ...) -> (U, ...) { before } do { after } [attributes {attrs}]
// A region of scf.if or scf.for that yields nothing may omit its `scf.yield`:
// parsing inserts it (located at the op name, as MLIR's ensureTerminator) and
// printing leaves it out. Ops inside print with their full names (no default dialect).

import { Block } from "../src/ir/block.js";
import { UnitAttr } from "../src/ir/builtin-attributes.js";
import { FunctionType, IndexType, IntegerType } from "../src/ir/builtin-types.js";
import type { Location } from "../src/ir/location.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import { Delimiter, type OpAsmArgument, type OpAsmParser, type OpAsmPrinter, type OpAsmState, type UnresolvedOperand } from "../src/ir/op-asm.js";
import { Operation } from "../src/ir/operation.js";
import { OpTrait } from "../src/ir/operation-name.js";
import type { Region } from "../src/ir/region.js";
import type { Type } from "../src/ir/type.js";
import type { BlockArgument, Value } from "../src/ir/value.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";

const kYieldOpName = "scf.yield";
const kUnsignedCmp = "unsignedCmp";

/** A parse hook's boolean chain as a LogicalResult. */
const result = (ok: boolean): LogicalResult => (ok ? success() : failure());

//===----------------------------------------------------------------------===//
// Shared pieces
//===----------------------------------------------------------------------===//

/**
 * SingleBlockImplicitTerminator's ensureTerminator: gives an empty region a
 * block, and ends its last block with a bare `scf.yield` at `loc` unless it
 * already ends in a terminator (an unregistered op is not one).
 */
function ensureYield(p: OpAsmParser, region: Region, loc: Location): void {
  if (region.empty) region.push(new Block());
  const block = region.lastBlock!;
  const last = block.last;
  if (last && last.name.hasTrait(OpTrait.Terminator)) return;
  block.push(Operation.create(p.context, { name: p.context.getOperationName(kYieldOpName), loc }));
}

/**
 * `(%x = %init, ...)`: region arguments (untyped) into `args`, initial values
 * into `inits` (MLIR's parseAssignmentList). With Delimiter.OptionalParen, no
 * `(` means an empty list.
 */
function parseAssignmentList(
  p: OpAsmParser,
  args: OpAsmArgument[],
  inits: UnresolvedOperand[],
  delimiter: Delimiter.Paren | Delimiter.OptionalParen,
): boolean {
  const optional = delimiter === Delimiter.OptionalParen;
  if (!(optional ? p.parseOptionalLParen() : p.parseLParen())) return optional && !p.failed;
  if (p.parseOptionalRParen()) return true;
  do {
    const arg = p.parseArgument(/*allowType=*/ false, /*allowAttrs=*/ false);
    if (!arg || !p.parseEqual()) return false;
    const init = p.parseOperand();
    if (!init) return false;
    args.push(arg);
    inits.push(init);
  } while (p.parseOptionalComma());
  return p.parseRParen();
}

/** `prefix(%x = %init, ...)`, nothing when there are no initial values. */
function printInitializationList(p: OpAsmPrinter, args: readonly BlockArgument[], inits: readonly Value[], prefix: string): void {
  if (inits.length === 0) return;
  p.print(prefix + "(");
  for (let i = 0; i < inits.length; i++) {
    if (i) p.print(", ");
    // An invalid op may have fewer arguments than initial values; print what there is.
    if (i < args.length) p.printOperand(args[i]!);
    p.print(" = ");
    p.printOperand(inits[i]!);
  }
  p.print(")");
}

const typesOf = (values: readonly Value[]): Type[] => values.map((v) => v.type);

//===----------------------------------------------------------------------===//
// scf.if
//===----------------------------------------------------------------------===//

export function parseIfOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const yieldLoc = p.getEncodedSourceLoc(p.getNameLocation());
  const thenRegion = state.addRegion();
  const elseRegion = state.addRegion();
  const cond = p.parseOperand();
  if (!cond || !p.resolveOperand(cond, IntegerType.get(p.context, 1), state.operands)) return failure();
  if (!p.parseOptionalArrowTypeList(state.types) || !p.parseRegion(thenRegion)) return failure();
  ensureYield(p, thenRegion, yieldLoc);
  if (p.parseOptionalKeyword("else")) {
    if (!p.parseRegion(elseRegion)) return failure();
    ensureYield(p, elseRegion, yieldLoc);
  }
  return result(p.parseOptionalAttrDict(state.attributes));
}

export function printIfOp(p: OpAsmPrinter, op: Operation): void {
  p.print(" ");
  p.printOperand(op.getOperand(0));
  // The yields carry the results, so they print only when there are results.
  const printYields = op.numResults > 0;
  if (printYields) {
    p.print(" -> (");
    p.printTypes(typesOf(op.results));
    p.print(")");
  }
  p.print(" ");
  p.printRegion(op.regions[0]!, /*printEntryBlockArgs=*/ false, printYields);
  const elseRegion = op.regions[1]!;
  if (!elseRegion.empty) {
    p.print(" else ");
    p.printRegion(elseRegion, /*printEntryBlockArgs=*/ false, printYields);
  }
  p.printOptionalAttrDict(p.getAttrs(op));
}

//===----------------------------------------------------------------------===//
// scf.for
//===----------------------------------------------------------------------===//

export function parseForOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const ctx = p.context;
  const nameAt = p.getNameLocation();
  if (p.parseOptionalKeyword("unsigned")) state.attributes.push({ name: kUnsignedCmp, value: UnitAttr.get(ctx) });
  const iv = p.parseOperand();
  if (!iv || !p.parseEqual()) return failure();
  const lb = p.parseOperand();
  if (!lb || !p.parseKeyword("to")) return failure();
  const ub = p.parseOperand();
  if (!ub || !p.parseKeyword("step")) return failure();
  const step = p.parseOperand();
  if (!step) return failure();
  const args: OpAsmArgument[] = [{ ssaName: iv, type: undefined, attrs: undefined, loc: undefined }];
  const inits: UnresolvedOperand[] = [];
  if (p.parseOptionalKeyword("iter_args")) {
    if (!parseAssignmentList(p, args, inits, Delimiter.Paren) || !p.parseArrowTypeList(state.types)) return failure();
  } else if (p.failed) {
    return failure();
  }
  if (args.length !== state.types.length + 1) return result(p.emitError("mismatch in number of loop-carried values and defined values", nameAt));
  // The bounds' type, index unless written.
  let type: Type | undefined = IndexType.get(ctx);
  if (p.parseOptionalColon()) type = p.parseType();
  if (!type) return failure();
  args[0]!.type = type;
  for (const bound of [lb, ub, step]) if (!p.resolveOperand(bound, type, state.operands)) return failure();
  for (let i = 0; i < inits.length; i++) {
    args[i + 1]!.type = state.types[i]!;
    if (!p.resolveOperand(inits[i]!, state.types[i]!, state.operands)) return failure();
  }
  const body = state.addRegion();
  if (!p.parseRegion(body, args)) return failure();
  ensureYield(p, body, p.getEncodedSourceLoc(nameAt));
  return result(p.parseOptionalAttrDict(state.attributes));
}

export function printForOp(p: OpAsmPrinter, op: Operation): void {
  const operands = op.getOperands();
  const body = op.regions[0]!;
  const blockArgs = body.entryBlock?.args ?? [];
  const inits = operands.slice(3);
  p.print(op.getAttr(kUnsignedCmp) !== undefined ? " unsigned " : " ");
  // The induction variable is the body's first argument (an invalid op may lack it).
  if (blockArgs.length) p.printOperand(blockArgs[0]!);
  p.print(" = ");
  p.printOperand(operands[0]!);
  p.print(" to ");
  p.printOperand(operands[1]!);
  p.print(" step ");
  p.printOperand(operands[2]!);
  printInitializationList(p, blockArgs.slice(1), inits, " iter_args");
  if (inits.length) {
    p.print(" -> (");
    p.printTypes(typesOf(inits));
    p.print(")");
  }
  p.print(" ");
  // mlir-opt writes a space on both sides of ` : T `, hence `step %s  : i32 {`.
  const type = (blockArgs[0] ?? operands[0]!).type;
  if (!(type instanceof IndexType)) {
    p.print(" : ");
    p.printType(type);
    p.print(" ");
  }
  p.printRegion(body, /*printEntryBlockArgs=*/ false, /*printBlockTerminators=*/ inits.length > 0);
  p.printOptionalAttrDict(p.getAttrs(op), [kUnsignedCmp]);
}

//===----------------------------------------------------------------------===//
// scf.while
//===----------------------------------------------------------------------===//

export function parseWhileOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const before = state.addRegion();
  const after = state.addRegion();
  const args: OpAsmArgument[] = [];
  const inits: UnresolvedOperand[] = [];
  if (!parseAssignmentList(p, args, inits, Delimiter.OptionalParen)) return failure();
  const typeAt = p.getCurrentLocation();
  const type = p.parseColonType();
  if (!type) return failure();
  if (!(type instanceof FunctionType))
    return result(p.emitError(`invalid kind of type specified: expected builtin.function, but found '${printTypeForDiagnostic(type)}'`, typeAt));
  state.types.push(...type.results);
  if (type.inputs.length !== inits.length)
    return result(p.emitError(`expected as many input types as operands (expected ${inits.length} got ${type.inputs.length})`, typeAt));
  if (!p.resolveOperands(inits, type.inputs, p.getCurrentLocation(), state.operands)) return failure();
  for (let i = 0; i < args.length; i++) args[i]!.type = type.inputs[i]!;
  if (!p.parseRegion(before, args) || !p.parseKeyword("do") || !p.parseRegion(after)) return failure();
  return result(p.parseOptionalAttrDictWithKeyword(state.attributes));
}

export function printWhileOp(p: OpAsmPrinter, op: Operation): void {
  const before = op.regions[0]!;
  const inits = op.getOperands();
  printInitializationList(p, before.entryBlock?.args ?? [], inits, " ");
  p.print(" : ");
  p.printFunctionalType(typesOf(inits), typesOf(op.results));
  p.print(" ");
  p.printRegion(before, /*printEntryBlockArgs=*/ false);
  p.print(" do ");
  p.printRegion(op.regions[1]!);
  p.printOptionalAttrDictWithKeyword(p.getAttrs(op));
}
