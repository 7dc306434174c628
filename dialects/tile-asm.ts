// The custom form of the tile tasks and of `tile.arrival`, one grammar for all:
//   %g = tile.gemm @x[0:128, 0:64], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after(%a, %b) {stage = gmm1, flops = 524288}
//   %p = tile.put @xs[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 7 {stage = dispatch, bytes_sent = 16384}
//   %r = tile.arrival @xin[0:128, 0:64] from rank 1 signal 3
//   %c = tile.gather @t[0:4, 0:64] -> @xg[0:2, 0:64] rows [3, 1] {stage = gather}
// The queue level (dialects aic, aiv, queue) uses the same grammar for its
// tasks and `queue.arrival`, with the task id first, `after [ids]` for the
// dependencies and no token:
//   aic.gemm 3 @x[0:128, 0:64], @w[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after [0, 2] {stage = gmm1}
//   queue.arrival 2 @xin[0:128, 0:64] from rank 1 signal 3
// The trailing dictionary prints enums as keywords (`stage = gmm1`) and i64
// integers without their type; `unit` is printed only when it differs from
// the op's own, and zero cost inputs are elided. A property that does not
// hold its expected kind is printed generically in the dictionary (and read
// back from there), so unverified IR still round-trips.

import type { Attribute } from "../src/ir/attribute.js";
import { ArrayAttr, DictionaryAttr, IntegerAttr, UnitAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { IntegerType } from "../src/ir/builtin-types.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import { Delimiter, type OpAsmParser, type OpAsmPrinter, type OpAsmState, type UnresolvedOperand } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import { formatSlice, i64ArrayAttr, readI64Array, readSlice, sliceListAttr, stageNames, taskShapes, tokenType, unitNames, type Slice } from "./tile-model.js";

/** Dictionary entries printed first, in this order; other properties, then discardable attributes, follow by name. */
const kLeading = ["stage", "unit", "flops", "bytes", "bytes_sent", "transpose_lhs", "transpose_rhs", "valid_rows"];
/** i64 properties whose zero value is elided from the dictionary. */
const kZeroElided = new Set(["flops", "bytes", "bytes_sent"]);
/** Keyword-valued enum properties. */
const kEnumNames: Readonly<Record<string, readonly string[]>> = { stage: stageNames, unit: unitNames };
/** Properties printed as `[1, 2]` (i64 dense arrays). */
const kIntLists = new Set(["valid_rows", "rows"]);

//===----------------------------------------------------------------------===//
// Enum and integer values (shared with tile-program-asm.ts)
//===----------------------------------------------------------------------===//

/** An i64 integer as bare digits, anything else as a full attribute (so it reads back with its type). */
export function printI64OrAttr(p: OpAsmPrinter, a: Attribute): void {
  if (a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64) p.print(a.value.toString());
  else p.printAttribute(a);
}

/** An enum keyword among `names` (stored as its i64 index), or any attribute; undefined after an error. */
export function parseEnumOrAttr(p: OpAsmParser, what: string, names: readonly string[]): Attribute | undefined {
  const at = p.getCurrentLocation();
  const keyword = p.parseOptionalKeywordAny();
  if (keyword === undefined) return p.parseAttribute();
  const index = names.indexOf(keyword);
  if (index < 0) {
    p.emitError(`expected one of [${names.join(", ")}] for '${what}', got '${keyword}'`, at);
    return undefined;
  }
  return IntegerAttr.get(p.context, IntegerType.get(p.context, 64), BigInt(index));
}

/** An enum value as its keyword when it is one of `names`, else as a full attribute. */
export function printEnumOrAttr(p: OpAsmPrinter, a: Attribute, names: readonly string[]): void {
  const v = a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64 ? a.value : -1n;
  if (v >= 0n && v < BigInt(names.length)) p.print(names[Number(v)]!);
  else p.printAttribute(a);
}

//===----------------------------------------------------------------------===//
// Printing
//===----------------------------------------------------------------------===//

/** `@buf[o0:e0, o1:e1]` text of each slice attribute, cached by the uniqued attribute. */
const sliceTextCache = new WeakMap<Attribute, string>();

/** The custom text of a slice list (`@a[0:1], @b[2:3]`), or undefined when `a` is not one. O(total rank). */
function sliceListText(a: Attribute | undefined): string | undefined {
  if (!(a instanceof ArrayAttr)) return undefined;
  let out = "";
  for (let i = 0; i < a.value.length; i++) {
    const e = a.value[i]!;
    let text = sliceTextCache.get(e);
    if (text === undefined) {
      const s = readSlice(e);
      if (s === undefined) return undefined;
      text = formatSlice(s);
      sliceTextCache.set(e, text);
    }
    out += (i ? ", " : "") + text;
  }
  return out;
}


/** The value of an i64 IntegerAttr, or undefined for anything else. */
function i64Value(a: Attribute | undefined): bigint | undefined {
  return a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64 ? a.value : undefined;
}

/** Bits of the properties the op text showed outside the dictionary. */
const kShownBit: ReadonlyMap<string, number> = new Map([["reads", 1], ["writes", 2], ["peer", 4], ["signal", 8], ["rows", 16], ["task", 32], ["after", 64]]);
/** Position of each leading dictionary entry. */
const kLeadingIndex: ReadonlyMap<string, number> = new Map(kLeading.map((n, i) => [n, i]));

/** Which level a task op belongs to: the tile level has tokens, the queue level task ids. */
export type TaskLevel = "tile" | "queue";

/** Prints the op after its name; `implicitUnit` is the unit the op runs on when it states none. */
function printTileOp(p: OpAsmPrinter, op: Operation, isArrival: boolean, implicitUnit: number, level: TaskLevel): void {
  let shown = 0;
  const writes = sliceListText(op.getAttr("writes"));
  const peer = i64Value(op.getAttr("peer"));
  const signal = i64Value(op.getAttr("signal"));
  let text = "";
  const task = level === "queue" ? i64Value(op.getAttr("task")) : undefined;
  if (task !== undefined) (text += " " + task), (shown |= 32);
  if (isArrival) {
    if (writes !== undefined) (text += " " + writes), (shown |= 2);
    if (peer !== undefined) (text += " from rank " + peer), (shown |= 4);
  } else {
    const reads = sliceListText(op.getAttr("reads"));
    if (reads !== undefined) (text += " " + reads), (shown |= 1);
    text += " ->";
    if (peer !== undefined) (text += " rank " + peer), (shown |= 4);
    if (writes !== undefined) (text += " " + writes), (shown |= 2);
  }
  if (signal !== undefined) (text += " signal " + signal), (shown |= 8);
  const rows = readI64Array(op.getAttr("rows"));
  if (rows !== undefined) (text += " rows [" + rows.join(", ") + "]"), (shown |= 16);
  const after = level === "queue" ? readI64Array(op.getAttr("after")) : undefined;
  if (after !== undefined) (text += " after [" + after.join(", ") + "]"), (shown |= 64);
  p.print(text);
  if (op.numOperands) {
    p.print(" after(");
    p.printOperands(op.getOperands());
    p.print(")");
  }
  printPropertyDict(p, op, shown, implicitUnit);
}

/** Scratch for printPropertyDict (printing is synchronous and these ops do not nest): leading entries by slot, then the rest. */
const leadingScratch: (Attribute | undefined)[] = new Array(kLeading.length);
const restScratch: { name: string; value: Attribute }[] = [];

/** Sorts `dict`'s entries not shown in the op text into leadingScratch and restScratch. O(entries). */
function collectEntries(dict: DictionaryAttr, shown: number): void {
  for (let i = 0; i < dict.size; i++) {
    const name = dict.nameAt(i);
    if ((kShownBit.get(name) ?? 0) & shown) continue;
    const slot = kLeadingIndex.get(name);
    if (slot === undefined) restScratch.push({ name, value: dict.valueAt(i) });
    else leadingScratch[slot] = dict.valueAt(i);
  }
}

/**
 * The trailing `{stage = gmm1, flops = 8}`: leading properties in a fixed
 * order, then other properties and discardable attributes by name. O(entries);
 * reads the dictionaries directly, since a merged, sorted entry list per op
 * was the top of the 50k-op print profile.
 */
function printPropertyDict(p: OpAsmPrinter, op: Operation, shown: number, implicitUnit: number): void {
  leadingScratch.fill(undefined);
  restScratch.length = 0;
  if (op.properties instanceof DictionaryAttr) collectEntries(op.properties, shown);
  collectEntries(op.attributes, shown);
  let text = "";
  let first = true;
  const count = kLeading.length + restScratch.length;
  for (let i = 0; i < count; i++) {
    const name = i < kLeading.length ? kLeading[i]! : restScratch[i - kLeading.length]!.name;
    const value = i < kLeading.length ? leadingScratch[i] : restScratch[i - kLeading.length]!.value;
    if (value === undefined) continue;
    const v = i64Value(value);
    if (v === 0n && kZeroElided.has(name)) continue;
    if (v !== undefined && name === "unit" && Number(v) === implicitUnit) continue;
    text += first ? " {" : ", ";
    first = false;
    if (i < kLeading.length) text += name;
    else {
      p.print(text);
      text = "";
      p.printKeywordOrString(name);
    }
    if (value instanceof UnitAttr) continue;
    text += " = ";
    const names = kEnumNames[name];
    const list = kIntLists.has(name) ? readI64Array(value) : undefined;
    if (names !== undefined && v !== undefined && v >= 0n && v < names.length) text += names[Number(v)]!;
    else if (v !== undefined) text += v.toString();
    else if (list !== undefined) text += "[" + list.join(", ") + "]";
    else {
      p.print(text);
      text = "";
      p.printAttribute(value);
    }
  }
  if (!first) text += "}";
  p.print(text);
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

/** A JS number from a parsed integer, or an error when it is not a safe integer. */
function parseSafeInteger(p: OpAsmParser): number | undefined {
  const at = p.getCurrentLocation();
  const v = p.parseInteger();
  if (v === undefined) return undefined;
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
    p.emitError("integer out of the range of a slice bound or list entry", at);
    return undefined;
  }
  return Number(v);
}

/** `[1, 2]` (possibly empty) into `out`. */
function parseIntList(p: OpAsmParser, out: number[]): boolean {
  return p.parseLSquare() && parseIntListTail(p, out);
}

/** The rest of an integer list after its `[`. */
function parseIntListTail(p: OpAsmParser, out: number[]): boolean {
  if (p.parseOptionalRSquare()) return true;
  do {
    const v = parseSafeInteger(p);
    if (v === undefined) return false;
    out.push(v);
  } while (p.parseOptionalComma());
  return p.parseRSquare();
}

/** `@a[0:4, 0:8], @b[1:2]` (possibly empty) into `out`. */
function parseSliceList(p: OpAsmParser, out: Slice[]): boolean {
  let buffer = p.parseOptionalSymbolName();
  if (buffer === undefined) return !p.failed;
  for (;;) {
    const offsets: number[] = [];
    const sizes: number[] = [];
    if (!p.parseLSquare()) return false;
    if (!p.parseOptionalRSquare()) {
      do {
        const lo = parseSafeInteger(p);
        if (lo === undefined || !p.parseColon()) return false;
        const hi = parseSafeInteger(p);
        if (hi === undefined) return false;
        offsets.push(lo);
        sizes.push(hi - lo);
      } while (p.parseOptionalComma());
      if (!p.parseRSquare()) return false;
    }
    out.push({ buffer, offsets, sizes });
    if (!p.parseOptionalComma()) return true;
    buffer = p.parseSymbolName();
    if (buffer === undefined) return false;
  }
}

/** The value of dictionary entry `name` after its `=`. */
function parseDictValue(p: OpAsmParser, name: string): Attribute | undefined {
  const ctx = p.context;
  const names = kEnumNames[name];
  if (names !== undefined) return parseEnumOrAttr(p, name, names);
  if (kIntLists.has(name) && p.parseOptionalLSquare()) {
    const values: number[] = [];
    return parseIntListTail(p, values) ? i64ArrayAttr(ctx, values) : undefined;
  }
  // An untyped integer literal is an i64 already; a typed one keeps its type.
  return p.parseAttribute();
}

/** `{name = value, flag}` if present, into `out`; MLIR's duplicate-key error on a repeated name. */
function parsePropertyDict(p: OpAsmParser, out: NamedAttribute[]): boolean {
  if (!p.parseOptionalLBrace()) return !p.failed;
  if (p.parseOptionalRBrace()) return true;
  do {
    const at = p.getCurrentLocation();
    const name = p.parseOptionalKeywordAny() ?? p.parseOptionalString();
    if (name === undefined) return p.emitError("expected attribute name", at);
    if (out.some((e) => e.name === name)) return p.emitError(`duplicate key '${name}' in dictionary attribute`, at);
    if (!p.parseOptionalEqual()) {
      out.push({ name, value: UnitAttr.get(p.context) });
      continue;
    }
    const value = parseDictValue(p, name);
    if (value === undefined) return false;
    out.push({ name, value });
  } while (p.parseOptionalComma());
  return p.parseRBrace();
}

/** Reads the op after its name into `state` (shared by every task and `tile.arrival`, and their queue-level forms). */
function parseTileOp(p: OpAsmParser, state: OpAsmState, level: TaskLevel): LogicalResult {
  const ctx = p.context;
  const i64 = IntegerType.get(ctx, 64);
  const positional: NamedAttribute[] = [];
  if (level === "queue") {
    const task = p.parseOptionalInteger();
    if (task !== undefined) positional.push({ name: "task", value: IntegerAttr.get(ctx, i64, task) });
    else if (p.failed) return failure();
  }
  const first: Slice[] = [];
  if (!parseSliceList(p, first)) return failure();
  if (p.parseOptionalArrow()) {
    positional.push({ name: "reads", value: sliceListAttr(ctx, first) });
    if (p.parseOptionalKeyword("rank")) {
      const peer = p.parseInteger();
      if (peer === undefined) return failure();
      positional.push({ name: "peer", value: IntegerAttr.get(ctx, i64, peer) });
    }
    const writes: Slice[] = [];
    if (!parseSliceList(p, writes)) return failure();
    positional.push({ name: "writes", value: sliceListAttr(ctx, writes) });
  } else {
    if (first.length) positional.push({ name: "writes", value: sliceListAttr(ctx, first) });
    if (p.parseOptionalKeyword("from")) {
      if (!p.parseKeyword("rank")) return failure();
      const peer = p.parseInteger();
      if (peer === undefined) return failure();
      positional.push({ name: "peer", value: IntegerAttr.get(ctx, i64, peer) });
    }
  }
  if (p.parseOptionalKeyword("signal")) {
    const signal = p.parseInteger();
    if (signal === undefined) return failure();
    positional.push({ name: "signal", value: IntegerAttr.get(ctx, i64, signal) });
  }
  if (p.parseOptionalKeyword("rows")) {
    const rows: number[] = [];
    if (!parseIntList(p, rows)) return failure();
    positional.push({ name: "rows", value: i64ArrayAttr(ctx, rows) });
  }
  const deps: UnresolvedOperand[] = [];
  if (p.parseOptionalKeyword("after")) {
    if (level === "tile" && !p.parseOperandList(deps, Delimiter.Paren)) return failure();
    if (level === "queue") {
      const after: number[] = [];
      if (!parseIntList(p, after)) return failure();
      positional.push({ name: "after", value: i64ArrayAttr(ctx, after) });
    }
  }
  if (p.failed) return failure();
  const dict: NamedAttribute[] = [];
  const dictAt = p.getCurrentLocation();
  if (!parsePropertyDict(p, dict)) return failure();
  // A property printed in the dictionary (it did not hold its expected kind) replaces an empty positional slice list.
  for (const e of positional) {
    if (!dict.some((d) => d.name === e.name)) state.attributes.push(e);
    else if (!(e.value instanceof ArrayAttr && e.value.value.length === 0)) {
      p.emitError(`'${e.name}' is given in the op text and should not be repeated in the attribute dictionary`, dictAt);
      return failure();
    }
  }
  state.attributes.push(...dict);
  if (level === "queue") return success();
  const token = tokenType(ctx);
  for (const d of deps) if (!p.resolveOperand(d, token, state.operands)) return failure();
  state.types.push(token);
  return success();
}

/** The parse and print hooks of task op `mnemonic` (or `arrival`) at `level`. */
export function tileOpAsmHooks(
  mnemonic: string,
  level: TaskLevel = "tile",
): {
  parseAssembly: (p: OpAsmParser, state: OpAsmState) => LogicalResult;
  printAssembly: (p: OpAsmPrinter, op: Operation) => void;
} {
  const isArrival = mnemonic === "arrival";
  const implicitUnit = taskShapes[mnemonic]?.unit ?? -1;
  return { parseAssembly: (p, state) => parseTileOp(p, state, level), printAssembly: (p, op) => printTileOp(p, op, isArrival, implicitUnit, level) };
}
