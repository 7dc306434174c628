// `cf.switch`: a multi-way branch on an integer flag, with mlir-opt 22's
// checks and custom form (ODS format `$flag : type($flag), [ \n
// custom<SwitchOpCases>(...) ]` written out by hand here, since its case
// operands are a variadic of variadics the OpSpec contract cannot state):
//   cf.switch %flag : i32, [
//     default: ^bb1(%a : i32),
//     42: ^bb2
//   ]

import type { Block } from "../src/ir/block.js";
import { DenseIntOrFPElementsAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { IntegerType, VectorType } from "../src/ir/builtin-types.js";
import type { Context } from "../src/ir/context.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState, UnresolvedOperand } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import { OpTrait, type OpDefinition } from "../src/ir/operation-name.js";
import type { Type } from "../src/ir/type.js";
import type { Value } from "../src/ir/value.js";
import { readSegmentSizes, segmentSizesAttr } from "../src/ir/segment-sizes.js";
import { elementStorageBits, readElementBits } from "../src/syntax/dense-parser.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";

const kSegments = "operandSegmentSizes";
const kCaseSegments = "case_operand_segments";
const kCaseValues = "case_values";

/** The case values as unsigned integers of the flag's width (APInt::getLimitedValue), or [] when absent. */
function caseValues(op: Operation): bigint[] {
  const a = op.getAttr(kCaseValues);
  if (!(a instanceof DenseIntOrFPElementsAttr)) return [];
  const n = a.type.numElements ?? 0;
  const bits = elementStorageBits(a.type.elementType);
  const width = a.type.elementType instanceof IntegerType ? a.type.elementType.width : 64;
  const out: bigint[] = [];
  for (let i = 0; i < n; i++) out.push(BigInt.asUintN(width, readElementBits(a, a.isSplat ? 0 : i, bits)));
  return out;
}

/** `values` as a `dense<...> : vector<Nxflag>` attribute, a splat when all are equal (as MLIR stores them). */
function caseValuesAttr(ctx: Context, flagType: IntegerType, values: readonly bigint[]): DenseIntOrFPElementsAttr {
  const type = VectorType.get(ctx, [values.length], flagType);
  const width = flagType.width;
  const bits = elementStorageBits(flagType);
  const splat = values.every((v) => v === values[0]);
  const stored = splat ? values.slice(0, 1) : values;
  if (bits === 1) {
    const data = new Uint8Array(splat ? 1 : (stored.length + 7) >> 3);
    if (splat) data[0] = stored[0]! & 1n ? 0xff : 0;
    else stored.forEach((v, i) => (data[i >> 3]! |= Number(v & 1n) << (i & 7)));
    return DenseIntOrFPElementsAttr.get(ctx, type, data, splat);
  }
  const bytes = bits / 8;
  const data = new Uint8Array(stored.length * bytes);
  stored.forEach((v, i) => {
    const u = BigInt.asUintN(width, v);
    for (let k = 0; k < bytes; k++) data[i * bytes + k] = Number((u >> BigInt(8 * k)) & 0xffn);
  });
  return DenseIntOrFPElementsAttr.get(ctx, type, data, splat);
}

/** Operand segments [flag, default, cases] and the per-case segments, defaulting to empty. */
function segments(op: Operation): { sizes: number[]; cases: number[] } {
  return { sizes: readSegmentSizes(op.getAttr(kSegments)) ?? [1, 0, 0], cases: readSegmentSizes(op.getAttr(kCaseSegments)) ?? [] };
}

/** Operand range of successor `index`: the default's, then each case's. */
function successorOperands(op: Operation, index: number): { start: number; length: number } {
  const { sizes, cases } = segments(op);
  if (index === 0) return { start: sizes[0]!, length: sizes[1]! };
  let start = sizes[0]! + sizes[1]!;
  for (let i = 0; i < index - 1; i++) start += cases[i]!;
  return { start, length: cases[index - 1] ?? 0 };
}

function eraseSuccessorOperand(op: Operation, index: number, position: number): void {
  const { sizes, cases } = segments(op);
  const { start } = successorOperands(op, index);
  const operands = op.getOperands();
  operands.splice(start + position, 1);
  op.setOperands(operands);
  if (index === 0) sizes[1]!--;
  else {
    cases[index - 1]!--;
    sizes[2]!--;
    op.setProperty(kCaseSegments, segmentSizesAttr(op.context, cases));
  }
  op.setProperty(kSegments, segmentSizesAttr(op.context, sizes));
}

/** ODS's checks and SwitchOp::verify, then each successor's operands against its block. */
function verifySwitch(op: Operation): LogicalResult {
  if (op.numRegions !== 0) return op.emitOpError("requires zero regions");
  if (op.numResults !== 0) return op.emitOpError("requires zero results");
  if (op.numSuccessors < 1) return op.emitOpError(`requires at least 1 successors but found ${op.numSuccessors}`);
  const { sizes, cases } = segments(op);
  if (sizes.length !== 3)
    return op.emitOpError(`'operandSegmentSizes' attribute for specifying operand segments must have 3 elements, but got ${sizes.length}`);
  const total = sizes[0]! + sizes[1]! + sizes[2]!;
  if (total !== op.numOperands)
    return op.emitOpError(`operand count (${op.numOperands}) does not match with the total size (${total}) specified in attribute 'operandSegmentSizes'`);
  const caseTotal = cases.reduce((x, y) => x + y, 0);
  if (caseTotal !== sizes[2])
    return op.emitOpError(`expected ${sizes[2]} operands for 'caseOperands' but got ${caseTotal} from 'case_operand_segments'`);
  const flag = op.getOperand(0).type;
  if (!(flag instanceof IntegerType)) return op.emitOpError(`operand #0 must be integer, but got '${printTypeForDiagnostic(flag)}'`);
  const values = op.getAttr(kCaseValues);
  const numCases = op.numSuccessors - 1;
  if (values instanceof DenseIntOrFPElementsAttr) {
    if (values.type.elementType !== flag)
      return op.emitOpError(
        `'flag' type (${printTypeForDiagnostic(flag)}) should match case value type (${printTypeForDiagnostic(values.type.elementType)})`,
      );
    const n = values.type.numElements ?? 0;
    if (n !== numCases) return op.emitOpError(`number of case values (${n}) should match number of case destinations (${numCases})`);
  } else if (numCases !== 0) {
    return op.emitOpError(`number of case values (0) should match number of case destinations (${numCases})`);
  }
  for (let i = 0; i < op.numSuccessors; i++) {
    const { start, length } = successorOperands(op, i);
    const block = op.getSuccessor(i);
    if (length !== block.numArguments)
      return op.emitError(`branch has ${length} operands for successor #${i}, but target block has ${block.numArguments}`);
    for (let k = 0; k < length; k++)
      if (op.getOperand(start + k).type !== block.args[k]!.type) return op.emitError(`type mismatch for bb argument #${k} of successor #${i}`);
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Custom form
//===----------------------------------------------------------------------===//

/** `^bb` or `^bb(%a, %b : T, U)`, the operands unresolved. */
function parseDestination(p: OpAsmParser, refs: UnresolvedOperand[], types: Type[]): Block | undefined {
  const dest = p.parseSuccessor();
  if (!dest) return undefined;
  if (p.parseOptionalLParen()) {
    if (!p.parseOperandList(refs, undefined, /*allowResultNumber=*/ false) || !p.parseColonTypeList(types) || !p.parseRParen()) return undefined;
  }
  return dest;
}

export function parseSwitchOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const flag = p.parseOperand();
  if (!flag || !p.parseColon()) return failure();
  const flagAt = p.getCurrentLocation();
  const flagType = p.parseType();
  if (!flagType || !p.parseComma() || !p.parseLSquare()) return failure();
  if (!(flagType instanceof IntegerType))
  {
    p.emitError(`invalid kind of type specified: expected builtin.integer, but found '${printTypeForDiagnostic(flagType)}'`, flagAt);
    return failure();
  }
  const defaultRefs: UnresolvedOperand[] = [];
  const defaultTypes: Type[] = [];
  if (!p.parseKeyword("default") || !p.parseColon()) return failure();
  const defaultAt = p.getCurrentLocation();
  const defaultDest = parseDestination(p, defaultRefs, defaultTypes);
  if (!defaultDest) return failure();
  const values: bigint[] = [];
  const dests: Block[] = [];
  const caseRefs: UnresolvedOperand[][] = [];
  const caseTypes: Type[][] = [];
  const caseAt: number[] = [];
  while (p.parseOptionalComma()) {
    // MLIR reads an int64 and truncates it to the flag's width (so `4294967293` is -3 in i32).
    const value = p.parseInteger();
    if (value === undefined || !p.parseColon()) return failure();
    values.push(value);
    const refs: UnresolvedOperand[] = [];
    const types: Type[] = [];
    caseAt.push(p.getCurrentLocation());
    const dest = parseDestination(p, refs, types);
    if (!dest) return failure();
    dests.push(dest);
    caseRefs.push(refs);
    caseTypes.push(types);
  }
  if (!p.parseRSquare() || !p.parseOptionalAttrDict(state.attributes)) return failure();
  if (!p.resolveOperand(flag, flagType, state.operands)) return failure();
  if (!p.resolveOperands(defaultRefs, defaultTypes, defaultAt, state.operands)) return failure();
  for (let i = 0; i < caseRefs.length; i++) if (!p.resolveOperands(caseRefs[i]!, caseTypes[i]!, caseAt[i]!, state.operands)) return failure();
  const ctx = p.context;
  const numCaseOperands = caseRefs.reduce((n, r) => n + r.length, 0);
  const attrs: NamedAttribute[] = [
    { name: kCaseSegments, value: segmentSizesAttr(ctx, caseRefs.map((r) => r.length)) },
    { name: kSegments, value: segmentSizesAttr(ctx, [1, defaultRefs.length, numCaseOperands]) },
  ];
  if (values.length) attrs.push({ name: kCaseValues, value: caseValuesAttr(ctx, flagType, values) });
  state.attributes.push(...attrs);
  state.successors.push(defaultDest, ...dests);
  return success();
}

export function printSwitchOp(p: OpAsmPrinter, op: Operation): void {
  const flag = op.getOperand(0);
  p.print(" ");
  p.printOperand(flag);
  p.print(" : ");
  p.printType(flag.type);
  p.print(", [");
  p.printNewline();
  const operandsOf = (i: number): Value[] => {
    const { start, length } = successorOperands(op, i);
    return op.getOperands().slice(start, start + length);
  };
  p.print("  default: ");
  p.printSuccessorAndUseList(op.getSuccessor(0), operandsOf(0));
  const values = caseValues(op);
  for (let i = 0; i < values.length; i++) {
    p.print(",");
    p.printNewline();
    p.print(`  ${values[i]}: `);
    p.printSuccessorAndUseList(op.getSuccessor(i + 1), operandsOf(i + 1));
  }
  if (values.length) p.printNewline();
  p.print("]");
  p.printOptionalAttrDict(p.getAttrs(op), [kCaseValues, kCaseSegments, kSegments]);
}

/** `cf.switch`: branches to the case whose value equals the flag, else to the default. */
export const SwitchOpDef: OpDefinition = {
  name: "cf.switch",
  summary: "Switch operation",
  traits: OpTrait.Terminator | OpTrait.Pure,
  inherentAttrNames: [kCaseValues, kCaseSegments, kSegments],
  branch: { successorOperands, eraseSuccessorOperand },
  verify: verifySwitch,
  parseAssembly: parseSwitchOp,
  printAssembly: printSwitchOp,
};
