// The custom forms of `tile.program` and `tile.buffer`:
//   tile.program @fwd_rank0 rank 0 ep 8 attributes {...} { ... }
//   tile.buffer symmetric @xin : memref<1024x7168xbf16> {...}
// Written by hand because the declarative format reads `$sym_name` as a
// symbol reference, not a symbol name.

import { StringAttr, TypeAttr } from "../src/ir/builtin-attributes.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import { kSymbolAttrName } from "../src/ir/symbol-table.js";
import { parseEnumOrAttr, printEnumOrAttr, printI64OrAttr } from "./tile-asm.js";
import { bufferKindNames } from "./tile-model.js";

/** The op's `sym_name` string, or "" (reported by the verifier). */
function symbolName(op: Operation): string {
  const a = op.getAttr(kSymbolAttrName);
  return a instanceof StringAttr ? a.value : "";
}

export function parseProgramOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const ctx = p.context;
  const name = p.parseSymbolName();
  if (name === undefined) return failure();
  state.attributes.push({ name: kSymbolAttrName, value: StringAttr.get(ctx, name) });
  for (const key of ["rank", "ep"]) {
    if (!p.parseKeyword(key)) return failure();
    const value = p.parseAttribute();
    if (value === undefined) return failure();
    state.attributes.push({ name: key, value });
  }
  if (!p.parseOptionalAttrDictWithKeyword(state.attributes)) return failure();
  return p.parseRegion(state.addRegion()) ? success() : failure();
}

export function printProgramOp(p: OpAsmPrinter, op: Operation): void {
  p.print(" ");
  p.printSymbolName(symbolName(op));
  for (const key of ["rank", "ep"]) {
    const a = op.getAttr(key);
    if (a === undefined) continue;
    p.print(` ${key} `);
    printI64OrAttr(p, a);
  }
  p.printOptionalAttrDictWithKeyword(p.getAttrs(op), [kSymbolAttrName, "rank", "ep"]);
  p.print(" ");
  p.printRegion(op.regions[0]!, /*printEntryBlockArgs=*/ false, /*printBlockTerminators=*/ true);
}

export function parseBufferOp(p: OpAsmParser, state: OpAsmState): LogicalResult {
  const ctx = p.context;
  const kind = parseEnumOrAttr(p, "kind", bufferKindNames);
  if (kind === undefined) return failure();
  const name = p.parseSymbolName();
  if (name === undefined || !p.parseColon()) return failure();
  const type = p.parseType();
  if (type === undefined) return failure();
  state.attributes.push(
    { name: "kind", value: kind },
    { name: kSymbolAttrName, value: StringAttr.get(ctx, name) },
    { name: "type", value: TypeAttr.get(ctx, type) },
  );
  return p.parseOptionalAttrDict(state.attributes) ? success() : failure();
}

export function printBufferOp(p: OpAsmPrinter, op: Operation): void {
  const kind = op.getAttr("kind");
  const type = op.getAttr("type");
  p.print(" ");
  if (kind !== undefined) {
    printEnumOrAttr(p, kind, bufferKindNames);
    p.print(" ");
  }
  p.printSymbolName(symbolName(op));
  p.print(" : ");
  if (type instanceof TypeAttr) p.printType(type.value);
  p.printOptionalAttrDict(p.getAttrs(op), [kSymbolAttrName, "kind", "type"]);
}
