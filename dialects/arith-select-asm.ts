// arith.select's hand-written custom form, as MLIR's SelectOp::parse/print:
// `%r = arith.select %c, %a, %b : i32`, and with a vector or tensor condition
// its type first: `: vector<4xi1>, vector<4xi32>`.

import { IntegerType } from "../src/ir/builtin-types.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState, UnresolvedOperand } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";

export function parseSelectOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const operands: UnresolvedOperand[] = [];
  const at = p.getCurrentLocation();
  if (!p.parseOperandList(operands, undefined, false, 3)) return failure();
  if (!p.parseOptionalAttrDict(state.attributes)) return failure();
  const types: Type[] = [];
  if (!p.parseColonTypeList(types)) return failure();
  // One type is the result's (the condition is then i1); two are the condition's and the result's.
  if (types.length !== 1 && types.length !== 2) return p.emitError("expected 1 or 2 types", at) ? success() : failure();
  const result = types[types.length - 1]!;
  const cond = types.length === 2 ? types[0]! : IntegerType.get(p.context, 1);
  state.types.push(result);
  return p.resolveOperands(operands, [cond, result, result], at, state.operands) ? success() : failure();
}

export function printSelectOp(p: OpAsmPrinter, op: Operation): void {
  p.print(" ");
  p.printOperands(op.getOperands());
  p.printOptionalAttrDict(p.getAttrs(op));
  p.print(" : ");
  const cond = op.getOperand(0).type;
  if (!(cond instanceof IntegerType)) {
    p.printType(cond);
    p.print(", ");
  }
  p.printType(op.getResult(0).type);
}
