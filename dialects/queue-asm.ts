// The custom forms of the queue level's structural and sync ops (the tasks and
// `queue.arrival` share tile-asm.ts's grammar):
//   queue.program @fwd_rank0 rank 0 ep 2 target "a3-die" block_dim 24 policy ours attributes {...} { ... }
//   queue.event @e3 cross_core core 0 flag 3 mode 2 threshold 1 {...}
//   queue.event @r0 remote line 0 threshold 1
//   aic.queue core 0 { ... }        aiv.queue core 0 sub 1 { ... }
//   aic.wait @e3      aiv.signal @g0      aiv.signal_remote @r0 rank 1
// Each field is a keyword and its value, in a fixed order. A field whose
// property does not hold its expected kind (an i64, a string, an enum case, a
// flat symbol) is printed in the attribute dictionary instead and read back
// from there, so unverified IR round-trips; the verifier reports it.

import type { Attribute } from "../src/ir/attribute.js";
import { IntegerAttr, StringAttr, SymbolRefAttr, type NamedAttribute } from "../src/ir/builtin-attributes.js";
import { IntegerType } from "../src/ir/builtin-types.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { OpAsmParser, OpAsmPrinter, OpAsmState } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import { Block } from "../src/ir/block.js";
import { kSymbolAttrName } from "../src/ir/symbol-table.js";
import { EventKind, SchedulePolicy } from "./queue-model.js";

/** How a field's value is spelled: an i64 integer, a string, or a keyword among the names of an enum. */
type FieldKind = "i64" | "string" | readonly string[];

/** A keyword-introduced field: `keyword value` for property `name`. */
interface Field {
  readonly keyword: string;
  readonly name: string;
  readonly kind: FieldKind;
}

const policyNames: readonly string[] = Object.keys(SchedulePolicy);
const eventKindNames: readonly string[] = Object.keys(EventKind);

//===----------------------------------------------------------------------===//
// Fields
//===----------------------------------------------------------------------===//

/** The text of `a` as a field of `kind`, or undefined when it does not hold that kind (it goes to the dictionary). */
function fieldText(a: Attribute | undefined, kind: FieldKind): string | undefined {
  if (kind === "string") return undefined; // printed by printAttribute (escaping), see printFields
  if (!(a instanceof IntegerAttr) || !(a.type instanceof IntegerType) || a.type.width !== 64) return undefined;
  if (kind === "i64") return a.value.toString();
  return a.value >= 0n && a.value < BigInt(kind.length) ? kind[Number(a.value)] : undefined;
}

/** Prints each field that holds its kind; returns the names printed, to elide from the dictionary. */
function printFields(p: OpAsmPrinter, op: Operation, fields: readonly Field[]): string[] {
  const shown: string[] = [];
  for (const f of fields) {
    const a = op.getAttr(f.name);
    if (f.kind === "string" && a instanceof StringAttr) {
      p.print(` ${f.keyword} `);
      p.printAttribute(a);
      shown.push(f.name);
      continue;
    }
    const text = fieldText(a, f.kind);
    if (text === undefined) continue;
    p.print(f.keyword === "" ? ` ${text}` : ` ${f.keyword} ${text}`);
    shown.push(f.name);
  }
  return shown;
}

/** The value of field `f` after its keyword, into `out`; an error at a bad enum keyword or string. */
function parseFieldValue(p: OpAsmParser, f: Field, out: NamedAttribute[]): boolean {
  const ctx = p.context;
  const at = p.getCurrentLocation();
  let value: Attribute | undefined;
  if (f.kind === "i64") {
    const v = p.parseInteger();
    if (v !== undefined) value = IntegerAttr.get(ctx, IntegerType.get(ctx, 64), v);
  } else if (f.kind === "string") {
    const s = p.parseOptionalString();
    if (s === undefined) return p.failed ? false : p.emitError(`expected a string for '${f.keyword}'`, at);
    value = StringAttr.get(ctx, s);
  } else {
    const keyword = p.parseOptionalKeywordAny();
    const index = keyword === undefined ? -1 : f.kind.indexOf(keyword);
    if (index < 0) return p.failed ? false : p.emitError(`expected one of [${f.kind.join(", ")}] for '${f.name}'${keyword ? `, got '${keyword}'` : ""}`, at);
    value = IntegerAttr.get(ctx, IntegerType.get(ctx, 64), BigInt(index));
  }
  if (value === undefined) return false;
  out.push({ name: f.name, value });
  return true;
}

/** Reads the fields present, in order (each optional: a missing one is in the dictionary or reported by the verifier). */
function parseFields(p: OpAsmParser, fields: readonly Field[], out: NamedAttribute[]): boolean {
  for (const f of fields) {
    if (f.keyword !== "" && !p.parseOptionalKeyword(f.keyword)) {
      if (p.failed) return false;
      continue;
    }
    if (!parseFieldValue(p, f, out)) return false;
  }
  return true;
}

/** Adds the dictionary's entries to `out`, reporting one that repeats a field given in the op text. */
function mergeDict(p: OpAsmParser, dict: readonly NamedAttribute[], out: NamedAttribute[], at: number): boolean {
  for (const e of dict)
    if (out.some((o) => o.name === e.name))
      return p.emitError(`'${e.name}' is given in the op text and should not be repeated in the attribute dictionary`, at);
  out.push(...dict);
  return true;
}

/** A region with one block: `{}` parses as no block, so one is added (as MLIR's NoTerminator single-block ops do). */
function parseSingleBlockRegion(p: OpAsmParser, state: OpAsmState): boolean {
  const region = state.addRegion();
  if (!p.parseRegion(region)) return false;
  if (region.entryBlock === null) region.push(new Block());
  return true;
}

/** `@name`, the op's symbol, or nothing when it has none (the verifier reports it). */
function printSymbol(p: OpAsmPrinter, op: Operation): string[] {
  const a = op.getAttr(kSymbolAttrName);
  if (!(a instanceof StringAttr)) return [];
  p.print(" ");
  p.printSymbolName(a.value);
  return [kSymbolAttrName];
}

function parseSymbol(p: OpAsmParser, out: NamedAttribute[]): boolean {
  const name = p.parseOptionalSymbolName();
  if (name !== undefined) out.push({ name: kSymbolAttrName, value: StringAttr.get(p.context, name) });
  return !p.failed;
}

//===----------------------------------------------------------------------===//
// Ops with a body: queue.program, aic.queue, aiv.queue
//===----------------------------------------------------------------------===//

const kProgramFields: readonly Field[] = [
  { keyword: "rank", name: "rank", kind: "i64" },
  { keyword: "ep", name: "ep", kind: "i64" },
  { keyword: "target", name: "target", kind: "string" },
  { keyword: "block_dim", name: "block_dim", kind: "i64" },
  { keyword: "policy", name: "policy", kind: policyNames },
];
const kAicQueueFields: readonly Field[] = [{ keyword: "core", name: "core", kind: "i64" }];
const kAivQueueFields: readonly Field[] = [...kAicQueueFields, { keyword: "sub", name: "sub", kind: "i64" }];

/** The hooks of an op printed as `<symbol>? <fields> attributes {...} <region>`. */
function regionOpHooks(fields: readonly Field[], hasSymbol: boolean) {
  return {
    parseAssembly(p: OpAsmParser, state: OpAsmState): LogicalResult {
      const props: NamedAttribute[] = [];
      if (hasSymbol && !parseSymbol(p, props)) return failure();
      if (!parseFields(p, fields, props)) return failure();
      const at = p.getCurrentLocation();
      const dict: NamedAttribute[] = [];
      if (!p.parseOptionalAttrDictWithKeyword(dict) || !mergeDict(p, dict, props, at)) return failure();
      state.attributes.push(...props);
      return parseSingleBlockRegion(p, state) ? success() : failure();
    },
    printAssembly(p: OpAsmPrinter, op: Operation): void {
      const shown = hasSymbol ? printSymbol(p, op) : [];
      shown.push(...printFields(p, op, fields));
      p.printOptionalAttrDictWithKeyword(p.getAttrs(op), shown);
      p.print(" ");
      p.printRegion(op.regions[0]!, /*printEntryBlockArgs=*/ false, /*printBlockTerminators=*/ true, /*printEmptyBlock=*/ false);
    },
  };
}

export const programAsmHooks = regionOpHooks(kProgramFields, /*hasSymbol=*/ true);
export const aicQueueAsmHooks = regionOpHooks(kAicQueueFields, /*hasSymbol=*/ false);
export const aivQueueAsmHooks = regionOpHooks(kAivQueueFields, /*hasSymbol=*/ false);

//===----------------------------------------------------------------------===//
// queue.event
//===----------------------------------------------------------------------===//

/** The fields after an event's kind, in order; `flag` and `line` both spell the id. */
const kEventFields: readonly { keywords: readonly string[]; name: string }[] = [
  { keywords: ["core"], name: "core" },
  { keywords: ["flag", "line"], name: "id" },
  { keywords: ["mode"], name: "mode" },
  { keywords: ["threshold"], name: "threshold" },
];
const kEventFieldKeywords: ReadonlySet<string> = new Set(kEventFields.flatMap((f) => f.keywords));

/** The event's kind when it is one of EventKind's cases. */
function eventKindOf(op: Operation): string | undefined {
  return fieldText(op.getAttr("kind"), eventKindNames);
}

/** `flag` names a cross_core event's id, `line` the others' (their 64-byte line). */
function idKeyword(kind: string | undefined): string {
  return kind === "cross_core" ? "flag" : "line";
}

export const eventAsmHooks = {
  parseAssembly(p: OpAsmParser, state: OpAsmState): LogicalResult {
    const props: NamedAttribute[] = [];
    if (!parseSymbol(p, props)) return failure();
    // Every part is optional (a property of the wrong kind is in the dictionary). The word after the
    // symbol is the kind or, when the kind is in the dictionary, the first field's keyword; a word
    // with a dot is the next op's name (an event with nothing after its symbol): kinds and keywords have none.
    let at = p.getCurrentLocation();
    let pending = p.peekOptionalKeyword()?.includes(".") ? undefined : p.parseOptionalKeywordAny();
    let kind: string | undefined;
    if (pending !== undefined && !kEventFieldKeywords.has(pending)) {
      const index = eventKindNames.indexOf(pending);
      if (index < 0) {
        p.emitError(`expected one of [${eventKindNames.join(", ")}] for 'kind', got '${pending}'`, at);
        return failure();
      }
      kind = pending;
      pending = undefined;
      props.push({ name: "kind", value: IntegerAttr.get(p.context, IntegerType.get(p.context, 64), BigInt(index)) });
    }
    for (const f of kEventFields) {
      if (pending === undefined) at = p.getCurrentLocation();
      let keyword: string | undefined;
      if (pending !== undefined) keyword = f.keywords.includes(pending) ? pending : undefined;
      else keyword = f.keywords.find((k) => p.parseOptionalKeyword(k));
      if (keyword === undefined) continue;
      pending = undefined;
      if (f.name === "id" && kind !== undefined && keyword !== idKeyword(kind)) {
        p.emitError(`a ${kind} event names its id with '${idKeyword(kind)}', not '${keyword}'`, at);
        return failure();
      }
      if (!parseFieldValue(p, { keyword, name: f.name, kind: "i64" }, props)) return failure();
    }
    if (p.failed) return failure();
    at = p.getCurrentLocation();
    const dict: NamedAttribute[] = [];
    if (!p.parseOptionalAttrDict(dict) || !mergeDict(p, dict, props, at)) return failure();
    state.attributes.push(...props);
    return success();
  },
  printAssembly(p: OpAsmPrinter, op: Operation): void {
    const shown = printSymbol(p, op);
    const kind = eventKindOf(op);
    if (kind !== undefined) p.print(" " + kind), shown.push("kind");
    shown.push(
      ...printFields(p, op, [
        { keyword: "core", name: "core", kind: "i64" },
        { keyword: idKeyword(kind), name: "id", kind: "i64" },
        { keyword: "mode", name: "mode", kind: "i64" },
        { keyword: "threshold", name: "threshold", kind: "i64" },
      ]),
    );
    p.printOptionalAttrDict(p.getAttrs(op), shown);
  },
};

//===----------------------------------------------------------------------===//
// wait, signal, signal_remote
//===----------------------------------------------------------------------===//

const kRemoteFields: readonly Field[] = [{ keyword: "rank", name: "peer", kind: "i64" }];

/** The hooks of `aic.wait @e`, `aiv.signal @e` (no fields) and `aiv.signal_remote @e rank 1`. */
export function syncAsmHooks(fields: readonly Field[] = []) {
  return {
    parseAssembly(p: OpAsmParser, state: OpAsmState): LogicalResult {
      const props: NamedAttribute[] = [];
      const event = p.parseOptionalSymbolName();
      if (event !== undefined) props.push({ name: "event", value: SymbolRefAttr.get(p.context, event) });
      if (p.failed || !parseFields(p, fields, props)) return failure();
      const at = p.getCurrentLocation();
      const dict: NamedAttribute[] = [];
      if (!p.parseOptionalAttrDict(dict) || !mergeDict(p, dict, props, at)) return failure();
      state.attributes.push(...props);
      return success();
    },
    printAssembly(p: OpAsmPrinter, op: Operation): void {
      const shown: string[] = [];
      const event = op.getAttr("event");
      if (event instanceof SymbolRefAttr && event.nested.length === 0) {
        p.print(" ");
        p.printAttribute(event);
        shown.push("event");
      }
      shown.push(...printFields(p, op, fields));
      p.printOptionalAttrDict(p.getAttrs(op), shown);
    },
  };
}

export const signalRemoteAsmHooks = syncAsmHooks(kRemoteFields);
