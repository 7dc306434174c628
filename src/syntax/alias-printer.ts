// Alias selection for printing: a re-implementation of mlir-opt 22's
// AliasInitializer (mlir/lib/IR/AsmPrinter.cpp), so `#map`, `#set`, `#loc`,
// `#distinct` and `!tuple` aliases get the same names, numbers and order.
//
// Rules (verified against mlir-opt-22):
// - Values are visited in the order the printer would print them: an op's
//   location first (with --mlir-print-debuginfo; "deferrable"), then for the
//   generic form its regions (block argument types, argument locations, which
//   are not deferrable, nested ops), operand types, result types, and the
//   discardable attributes (properties are not visited); the custom
//   `module attributes {...} {...}` form visits its attributes before its body.
// - Every visited value gets an entry in first-visit order; aliasable ones are
//   affine maps (`map`), integer sets (`set`), locations (`loc`), distinct
//   attributes not wrapping `unit` (`distinct`) and tuples of more than 16
//   types (`tuple`). Integer, float, affine, dense-array and unit attributes
//   hide their children (and their type).
// - An entry's depth is 1 + the largest depth among its children when any
//   child has depth > 0 (aliased entries start at 1, others at 0). Aliases are
//   stably sorted by (depth, types first, name) and numbered per name:
//   `#map`, `#map1`, ... Deferrable aliases (reached only from op locations)
//   print after the top-level op; marking an entry non-deferrable propagates to
//   its children, stopping at entries that are already non-deferrable.

import type { Attribute } from "../ir/attribute.js";
import { DictionaryAttr, type ArrayAttr, type DistinctAttr, type TypeAttr } from "../ir/builtin-attributes.js";
import type { TupleType } from "../ir/builtin-types.js";
import type { CallSiteLoc, FusedLoc, NameLoc } from "../ir/location.js";
import type { Block } from "../ir/block.js";
import type { Operation } from "../ir/operation.js";
import { OpTrait, type OpDefinition } from "../ir/operation-name.js";
import { AliasRecorder } from "./asm-alias-recorder.js";
import { mergedAttributes } from "./op-attrs.js";
import type { Type } from "../ir/type.js";
import {
  AttrKind,
  attrKind,
  isAttribute,
  kAliasKnown,
  kFactsMask,
  kMaxSlot,
  kMayContainAlias,
  kSlotShift,
  pushTypeChildren,
  TypeKind,
  typeKind,
} from "./print-facts.js";

/** What the collector needs from the print options. */
export interface AliasOptions {
  printDebugInfo: boolean;
  printGenericOpForm?: boolean;
}

/** Prints a value's definition text for `#alias = <text>` lines. */
export interface DefinitionPrinter {
  definitionText(v: Type | Attribute): string;
}

type Value = Type | Attribute;

/** The alias name a builtin value gets, or undefined (BuiltinOpAsmDialectInterface::getAlias). */
function aliasNameOf(v: Value): string | undefined {
  if (isAttribute(v)) {
    switch (attrKind(v)) {
      case AttrKind.AffineMap:
        return "map";
      case AttrKind.IntegerSet:
        return "set";
      case AttrKind.Distinct:
        return attrKind((v as DistinctAttr).referenced) === AttrKind.Unit ? undefined : "distinct";
      case AttrKind.UnknownLoc:
      case AttrKind.FileLineCol:
      case AttrKind.NameLoc:
      case AttrKind.CallSiteLoc:
      case AttrKind.FusedLoc:
      case AttrKind.OtherLoc:
        return "loc";
      default:
        return undefined;
    }
  }
  if (typeKind(v) === TypeKind.Tuple && (v as TupleType).types.length > 16) return "tuple";
  return undefined;
}

/** True when `v` itself gets an alias whatever its children (MLIR hides the children of some of these too). */
function isAliasLeafOrAlways(k: AttrKind): boolean {
  return k === AttrKind.AffineMap || k === AttrKind.IntegerSet || k === AttrKind.Distinct || k >= AttrKind.UnknownLoc;
}

/** Children visited for aliases, in MLIR's order (printAndVisitNestedAliasesImpl / walkImmediateSubElements). */
function aliasChildren(v: Value, out: Value[]): void {
  out.length = 0;
  if (isAttribute(v)) {
    switch (attrKind(v)) {
      // Point locations (one per op with debuginfo) are the most common leaves.
      case AttrKind.FileLineCol:
      case AttrKind.UnknownLoc:
      // These print their children (and type) themselves, without visiting them.
      case AttrKind.AffineMap:
      case AttrKind.DenseArray:
      case AttrKind.Float:
      case AttrKind.Integer:
      case AttrKind.IntegerSet:
      case AttrKind.Unit:
        return;
      case AttrKind.Distinct:
        out.push((v as DistinctAttr).referenced);
        break;
      case AttrKind.Dictionary:
        for (let i = 0; i < (v as DictionaryAttr).size; i++) out.push((v as DictionaryAttr).valueAt(i));
        break;
      case AttrKind.Array:
        for (const e of (v as ArrayAttr).value) out.push(e);
        break;
      case AttrKind.TypeAttr:
        out.push((v as TypeAttr).value);
        break;
      case AttrKind.NameLoc: {
        const child = (v as NameLoc).child;
        if (attrKind(child) !== AttrKind.UnknownLoc) out.push(child);
        break;
      }
      case AttrKind.CallSiteLoc:
        out.push((v as CallSiteLoc).callee, (v as CallSiteLoc).caller);
        break;
      case AttrKind.FusedLoc: {
        const f = v as FusedLoc;
        if (f.metadata) out.push(f.metadata);
        for (const l of f.locations) out.push(l);
        break;
      }
    }
    const t = v.type;
    if (t && typeKind(t) !== TypeKind.None) out.push(t);
    return;
  }
  pushTypeChildren(v, out);
}

/** The may-contain-alias answer when it follows from the kind alone, else undefined. */
function mayContainAliasByKind(v: Value): boolean | undefined {
  if (isAttribute(v)) {
    const k = attrKind(v);
    if (k === AttrKind.Integer || k === AttrKind.Float || k === AttrKind.Unit || k === AttrKind.DenseArray) return false;
    if (isAliasLeafOrAlways(k)) return true;
    return undefined;
  }
  const k = typeKind(v);
  if (k === TypeKind.Integer || k === TypeKind.Float || k === TypeKind.Index || k === TypeKind.None || k === TypeKind.Opaque) return false;
  return undefined;
}

/**
 * True if `v` or something it prints may get an alias. Values that cannot
 * are skipped entirely by the collector: their entries would have depth 0 and
 * stop deferrability propagation, so they affect neither names nor order.
 * A fact of the immutable value, cached on it (printFacts): O(1) after the
 * first query, which is iterative and O(size of the not-yet-known part).
 */
export function mayContainAlias(v: Value): boolean {
  const facts = v.printFacts;
  if (facts & kAliasKnown) return (facts & kMayContainAlias) !== 0;
  const byKind = mayContainAliasByKind(v);
  if (byKind !== undefined) {
    v.printFacts |= byKind ? kAliasKnown | kMayContainAlias : kAliasKnown;
    return byKind;
  }
  return decideComposite(v);
}

/** Scratch for decideComposite (not reentrant: it calls nothing that decides another value). */
const pending: Value[] = [];
const expanded: boolean[] = [];
const childScratch: Value[] = [];

/**
 * Decides a composite value and every undecided composite under it, children
 * first (post-order with an explicit stack). Most composites (a string or
 * tensor attribute, a shaped type) have only decided children: no stack then.
 */
function decideComposite(v: Value): boolean {
  if (decideIfChildrenKnown(v)) return (v.printFacts & kMayContainAlias) !== 0;
  pending.length = 0;
  expanded.length = 0;
  pending.push(v);
  expanded.push(false);
  while (pending.length) {
    const top = pending.length - 1;
    const x = pending[top]!;
    if (x.printFacts & kAliasKnown) {
      pending.pop();
      expanded.pop();
      continue;
    }
    if (!expanded[top]) {
      expanded[top] = true;
      aliasChildren(x, childScratch);
      for (let i = 0; i < childScratch.length; i++) {
        const c = childScratch[i]!;
        if (c.printFacts & kAliasKnown) continue;
        const cb = mayContainAliasByKind(c);
        if (cb !== undefined) c.printFacts |= cb ? kAliasKnown | kMayContainAlias : kAliasKnown;
        else {
          pending.push(c);
          expanded.push(false);
        }
      }
      continue;
    }
    decideIfChildrenKnown(x);
    pending.pop();
    expanded.pop();
  }
  return (v.printFacts & kMayContainAlias) !== 0;
}

/** Decides `x` when every child is decided or decidable by its kind; false otherwise. */
function decideIfChildrenKnown(x: Value): boolean {
  aliasChildren(x, childScratch);
  let result = aliasNameOf(x) !== undefined;
  for (let i = 0; i < childScratch.length; i++) {
    const c = childScratch[i]!;
    let facts = c.printFacts;
    if (!(facts & kAliasKnown)) {
      const cb = mayContainAliasByKind(c);
      if (cb === undefined) return false;
      c.printFacts = facts |= cb ? kAliasKnown | kMayContainAlias : kAliasKnown;
    }
    if (facts & kMayContainAlias) result = true;
  }
  x.printFacts |= result ? kAliasKnown | kMayContainAlias : kAliasKnown;
  return true;
}

/** A visit in progress: the entry, its children, and what they reported. */
interface VisitFrame {
  index: number;
  children: Value[];
  next: number;
  maxDepth: number;
  childIndices: number[];
}

const kNoChildren: readonly number[] = Object.freeze([]);

/** Collections started so far (any collector): see AliasCollector.entryOf. */
let collectsStarted = 0;

/** Every alias name aliasNameOf gives, in MLIR's order: types first, then by name. */
const kAliasNames: readonly string[] = ["tuple", "distinct", "loc", "map", "set"];
const kAliasPrefixes: readonly string[] = ["!tuple", "#distinct", "#loc", "#map", "#set"];

const enum TaskKind {
  OpStart = 0,
  OpTail = 1,
  /** A block: its argument types (and locations), then its ops. */
  Block = 2,
  /** A block printed by a custom hook without its arguments (printEntryBlockArgs false). */
  BlockWithoutArgs = 3,
  /** Block and BlockWithoutArgs, minus the block's terminator (printBlockTerminators false). */
  BlockWithoutTerminator = 4,
  BlockWithoutArgsOrTerminator = 5,
  /** A type or attribute a custom hook printed. */
  Visit = 6,
}

/**
 * Collects aliases for one print. Per visited value: alias (if any), depth,
 * deferrability and child entries; then sorts and names them.
 */
export class AliasCollector {
  /** collectsStarted when this collector ran: its slots (in printFacts) are valid while no other collector has run since. */
  private stamp = -1;
  /** Value → entry index, built only if another collector has overwritten the slots since. */
  private index: Map<Value, number> | undefined = undefined;
  private readonly values: Value[] = [];
  private readonly alias: (string | undefined)[] = [];
  private readonly depth: number[] = [];
  private readonly deferrable: boolean[] = [];
  private readonly childIndices: (readonly number[])[] = [];
  /** Final names (`#map1`, `!tuple`) by entry index, and definitions in print order. */
  private readonly nameByIndex: (string | undefined)[] = [];
  private numNames = 0;
  private readonly ordered: number[] = [];
  private readonly scratch: Value[] = [];

  constructor(private readonly options: AliasOptions) {}

  /** The alias of `v` (`#map1`), or undefined. O(1). */
  nameOf(v: Value): string | undefined {
    if (this.numNames === 0) return undefined;
    const i = this.entryOf(v);
    return i === undefined ? undefined : this.nameByIndex[i];
  }

  /**
   * The entry index of `v`, or undefined. O(1): the index is kept on the value
   * (its slot in printFacts) and confirmed against `values`, which rejects marks left by
   * other collectors; once another collector has run, a Map takes over.
   */
  private entryOf(v: Value): number | undefined {
    // Past kMaxSlot entries, some values have no slot: the Map then.
    if (this.stamp !== collectsStarted || this.values.length > kMaxSlot + 1) return this.indexMap().get(v);
    const i = v.printFacts >>> kSlotShift;
    return i < this.values.length && this.values[i] === v ? i : undefined;
  }

  private indexMap(): Map<Value, number> {
    if (this.index === undefined) {
      this.index = new Map();
      for (let i = 0; i < this.values.length; i++) this.index.set(this.values[i]!, i);
    }
    return this.index;
  }

  /** `#name = text\n` lines for the deferred or non-deferred aliases, in MLIR's order. */
  definitions(deferred: boolean, printer: DefinitionPrinter): string {
    const lines: string[] = [];
    this.writeDefinitions(deferred, printer, (line) => lines.push(line));
    return lines.join("");
  }

  /** definitions(), one `emit` per line. */
  writeDefinitions(deferred: boolean, printer: DefinitionPrinter, emit: (line: string) => void): void {
    const ordered = this.ordered;
    for (let k = 0; k < ordered.length; k++) {
      const i = ordered[k]!;
      if (this.deferrable[i] !== deferred) continue;
      emit(this.nameByIndex[i]! + " = " + printer.definitionText(this.values[i]!) + "\n");
    }
  }

  /** Visits everything printing `root` would print, then names the aliases. O(IR size). */
  collect(root: Operation): void {
    this.stamp = ++collectsStarted;
    const debug = this.options.printDebugInfo;
    // A task stack as two parallel arrays (no object per task): kind and op/block.
    const kinds: TaskKind[] = [TaskKind.OpStart];
    const items: (Operation | Block | Value)[] = [root];
    while (kinds.length) {
      const kind = kinds.pop()!;
      const item = items.pop()!;
      if (kind === TaskKind.Visit) {
        this.visit(item as Value, false);
        continue;
      }
      if (kind >= TaskKind.Block) {
        const b = item as Block;
        if (kind === TaskKind.Block || kind === TaskKind.BlockWithoutTerminator)
          for (const arg of b.args) {
            this.visit(arg.type, false);
            if (debug) this.visit(arg.loc, false);
          }
        let last = b.last;
        if ((kind === TaskKind.BlockWithoutTerminator || kind === TaskKind.BlockWithoutArgsOrTerminator) && last?.name.hasTrait(OpTrait.Terminator))
          last = last.prev;
        for (let op = last; op; op = op.prev) {
          kinds.push(TaskKind.OpStart);
          items.push(op);
        }
        continue;
      }
      const op = item as Operation;
      if (kind === TaskKind.OpTail) {
        this.visitOpTail(op);
        continue;
      }
      if (debug) this.visit(op.loc, true);
      const hook = this.options.printGenericOpForm ? undefined : op.name.definition?.printAssembly;
      if (hook && op.name.name !== "builtin.module") {
        this.pushCustomTasks(op, hook, kinds, items);
        continue;
      }
      if (this.printsAsCustomModule(op)) {
        for (const e of op.attributes.entries) if (e.name !== "sym_name" && e.name !== "sym_visibility") this.visit(e.value, false);
      } else if (op.regions.length === 0) {
        // Most ops have no regions: visit their tail now rather than queueing it.
        this.visitOpTail(op);
        continue;
      } else {
        kinds.push(TaskKind.OpTail);
        items.push(op);
      }
      for (let ri = op.regions.length - 1; ri >= 0; ri--)
        for (let b = op.regions[ri]!.lastBlock; b; b = b.prev) {
          kinds.push(TaskKind.Block);
          items.push(b);
        }
    }
    this.assignNames();
  }

  /**
   * Runs a custom print hook against a recorder and queues what it printed,
   * in print order: values to visit and the blocks of its regions.
   */
  private pushCustomTasks(
    op: Operation,
    hook: NonNullable<OpDefinition["printAssembly"]>,
    kinds: TaskKind[],
    items: (Operation | Block | Value)[],
  ): void {
    const recorder = new AliasRecorder(op.context, this.options.printDebugInfo);
    hook(recorder, op);
    const recorded = recorder.items;
    for (let i = recorded.length - 1; i >= 0; i--) {
      const r = recorded[i]!;
      if (!("region" in r)) {
        kinds.push(TaskKind.Visit);
        items.push(r);
        continue;
      }
      for (let b = r.region.lastBlock; b; b = b.prev) {
        const entry = b.prev === null;
        const withArgs = !entry || r.printEntryBlockArgs;
        const withTerm = !entry || r.printBlockTerminators;
        kinds.push(
          withArgs
            ? withTerm ? TaskKind.Block : TaskKind.BlockWithoutTerminator
            : withTerm ? TaskKind.BlockWithoutArgs : TaskKind.BlockWithoutArgsOrTerminator,
        );
        items.push(b);
      }
    }
  }

  /**
   * What the generic form prints after an op's regions: operand and result
   * types, then the attributes (a registered op's properties among them,
   * merged by name, as MLIR's getAttrs() gives them).
   */
  private visitOpTail(op: Operation): void {
    const numOperands = op.numOperands;
    for (let i = 0; i < numOperands; i++) this.visit(op.getOperand(i).type, false);
    const results = op.results;
    for (let i = 0; i < results.length; i++) this.visit(results[i]!.type, false);
    const props = op.properties;
    if (op.name.isRegistered && props instanceof DictionaryAttr && props.size) {
      // Custom printers see inherent and discardable attributes merged by name.
      const entries = mergedAttributes(op);
      for (let i = 0; i < entries.length; i++) this.visit(entries[i]!.value, false);
    } else {
      const attrs = op.attributes;
      for (let i = 0; i < attrs.size; i++) this.visit(attrs.valueAt(i), false);
    }
  }

  /** The op printer prints `builtin.module` in its custom form unless generic printing is requested. */
  private printsAsCustomModule(op: Operation): boolean {
    if (this.options.printGenericOpForm || op.name.name !== "builtin.module") return false;
    if (op.regions.length !== 1 || op.numResults || op.numOperands) return false;
    const b = op.regions[0]!.entryBlock;
    return b !== null && b.next === null && b.args.length === 0;
  }

  /** AliasInitializer::visitImpl, iteratively. */
  private visit(root: Value, canBeDeferred: boolean): void {
    if (!mayContainAlias(root)) return;
    const existing = this.entryOf(root);
    if (existing !== undefined) {
      if (!canBeDeferred) this.markNonDeferrable(existing);
      return;
    }
    const first = this.enter(root, canBeDeferred);
    if (first === undefined) return;
    const stack: VisitFrame[] = [first];
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      if (f.next < f.children.length) {
        const c = f.children[f.next++]!;
        if (!mayContainAlias(c)) continue;
        const seen = this.entryOf(c);
        if (seen !== undefined) {
          if (!canBeDeferred) this.markNonDeferrable(seen);
          f.childIndices.push(seen);
          if (this.depth[seen]! > f.maxDepth) f.maxDepth = this.depth[seen]!;
          continue;
        }
        const frame = this.enter(c, canBeDeferred);
        if (frame) {
          stack.push(frame);
        } else {
          const ci = this.values.length - 1;
          f.childIndices.push(ci);
          if (this.depth[ci]! > f.maxDepth) f.maxDepth = this.depth[ci]!;
        }
        continue;
      }
      stack.pop();
      this.childIndices[f.index] = f.childIndices;
      if (f.maxDepth) this.depth[f.index] = f.maxDepth + 1;
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.childIndices.push(f.index);
        if (this.depth[f.index]! > parent.maxDepth) parent.maxDepth = this.depth[f.index]!;
      }
    }
  }

  /** Creates the entry of a newly visited value; returns its frame, or undefined when it has no children. */
  private enter(v: Value, canBeDeferred: boolean): VisitFrame | undefined {
    const i = this.values.length;
    if (i <= kMaxSlot) v.printFacts = (v.printFacts & kFactsMask) | (i << kSlotShift);
    this.values.push(v);
    if (this.index !== undefined) this.index.set(v, i);
    const name = aliasNameOf(v);
    this.alias.push(name);
    this.depth.push(name ? 1 : 0);
    this.deferrable.push(name ? canBeDeferred : false);
    aliasChildren(v, this.scratch);
    if (this.scratch.length === 0) {
      this.childIndices.push(kNoChildren);
      return undefined;
    }
    this.childIndices.push(kNoChildren);
    return { index: i, children: this.scratch.slice(), next: 0, maxDepth: 0, childIndices: [] };
  }

  private markNonDeferrable(i: number): void {
    const work = [i];
    while (work.length) {
      const j = work.pop()!;
      if (!this.deferrable[j]) continue;
      this.deferrable[j] = false;
      for (const c of this.childIndices[j]!) work.push(c);
    }
  }

  /**
   * initializeAliases: stable sort by (depth, types first, name), then number
   * per name. Done as a bucket sort: the keys are few (depth × kind × name),
   * and each bucket keeps first-visit order. O(entries + buckets log buckets).
   */
  private assignNames(): void {
    // Bucket key: depth, then the alias name's rank in kAliasNames (types rank first).
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < this.values.length; i++) {
      const name = this.alias[i];
      if (name === undefined) continue;
      const key = this.depth[i]! * kAliasNames.length + kAliasNames.indexOf(name);
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = []));
      b.push(i);
    }
    const keys = [...buckets.keys()].sort((x, y) => x - y);
    const counts = new Array<number>(kAliasNames.length).fill(0);
    for (const key of keys) {
      const rank = key % kAliasNames.length;
      const prefix = kAliasPrefixes[rank]!;
      let n = counts[rank]!;
      for (const i of buckets.get(key)!) {
        this.nameByIndex[i] = n ? prefix + n : prefix;
        this.numNames++;
        this.ordered.push(i);
        n++;
      }
      counts[rank] = n;
    }
  }

}
