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

import { Attribute } from "../ir/attribute.js";
import {
  AffineMapAttr,
  ArrayAttr,
  DenseArrayAttr,
  DictionaryAttr,
  DistinctAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/builtin-attributes.js";
import {
  ComplexType,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  OpaqueType,
  MemRefType,
  NoneType,
  RankedTensorType,
  TupleType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../ir/builtin-types.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, Location, NameLoc, UnknownLoc } from "../ir/location.js";
import type { Block } from "../ir/block.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";

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
  if (v instanceof Attribute) {
    if (v instanceof AffineMapAttr) return "map";
    if (v instanceof IntegerSetAttr) return "set";
    if (v instanceof Location) return "loc";
    if (v instanceof DistinctAttr) return v.referenced instanceof UnitAttr ? undefined : "distinct";
    return undefined;
  }
  if (v instanceof TupleType && v.types.length > 16) return "tuple";
  return undefined;
}

/** Children visited for aliases, in MLIR's order (printAndVisitNestedAliasesImpl / walkImmediateSubElements). */
function aliasChildren(v: Value, out: Value[]): void {
  out.length = 0;
  if (v instanceof Attribute) {
    // Point locations (one per op with debuginfo) are the most common leaves.
    if (v instanceof FileLineColRange || v instanceof UnknownLoc) return;
    if (
      v instanceof AffineMapAttr ||
      v instanceof DenseArrayAttr ||
      v instanceof FloatAttr ||
      v instanceof IntegerAttr ||
      v instanceof IntegerSetAttr ||
      v instanceof UnitAttr
    )
      return;
    if (v instanceof DistinctAttr) out.push(v.referenced);
    else if (v instanceof DictionaryAttr) for (const e of v.entries) out.push(e.value);
    else if (v instanceof ArrayAttr) for (const e of v.value) out.push(e);
    else if (v instanceof TypeAttr) out.push(v.value);
    else if (v instanceof NameLoc) {
      if (!(v.child instanceof UnknownLoc)) out.push(v.child);
    } else if (v instanceof CallSiteLoc) out.push(v.callee, v.caller);
    else if (v instanceof FusedLoc) {
      if (v.metadata) out.push(v.metadata);
      for (const l of v.locations) out.push(l);
    }
    const t = v.type;
    if (t && !(t instanceof NoneType)) out.push(t);
    return;
  }
  if (v instanceof MemRefType) {
    out.push(v.elementType);
    if (v.layout) out.push(v.layout);
    if (v.memorySpace) out.push(v.memorySpace);
  } else if (v instanceof ComplexType || v instanceof VectorType || v instanceof UnrankedTensorType) {
    out.push(v.elementType);
  } else if (v instanceof RankedTensorType) {
    out.push(v.elementType);
    if (v.encoding) out.push(v.encoding);
  } else if (v instanceof UnrankedMemRefType) {
    out.push(v.elementType);
    if (v.memorySpace) out.push(v.memorySpace);
  } else if (v instanceof TupleType) {
    for (const t of v.types) out.push(t);
  } else if (v instanceof FunctionType) {
    for (const t of v.inputs) out.push(t);
    for (const t of v.results) out.push(t);
  }
}

/** Types with no sub-elements. */
function isScalarType(t: Type): boolean {
  return t instanceof IntegerType || t instanceof FloatType || t instanceof IndexType || t instanceof NoneType || t instanceof OpaqueType;
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

const enum TaskKind {
  OpStart = 0,
  OpTail = 1,
  Block = 2,
}

/**
 * Collects aliases for one print. Per visited value: alias (if any), depth,
 * deferrability and child entries; then sorts and names them.
 */
export class AliasCollector {
  private readonly index = new Map<Value, number>();
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
  private readonly mayAlias = new Map<Value, boolean>();

  constructor(private readonly options: AliasOptions) {}

  /** The alias of `v` (`#map1`), or undefined. O(1). */
  nameOf(v: Value): string | undefined {
    if (this.numNames === 0) return undefined;
    const i = this.index.get(v);
    return i === undefined ? undefined : this.nameByIndex[i];
  }

  /** `#name = text\n` lines for the deferred or non-deferred aliases, in MLIR's order. */
  definitions(deferred: boolean, printer: DefinitionPrinter): string {
    const lines: string[] = [];
    for (const i of this.ordered) {
      if (this.deferrable[i] !== deferred) continue;
      const v = this.values[i]!;
      lines.push(this.nameByIndex[i]! + " = " + printer.definitionText(v) + "\n");
    }
    return lines.join("");
  }

  /** Visits everything printing `root` would print, then names the aliases. O(IR size). */
  collect(root: Operation): void {
    const debug = this.options.printDebugInfo;
    // A task stack as two parallel arrays (no object per task): kind and op/block.
    const kinds: TaskKind[] = [TaskKind.OpStart];
    const items: (Operation | Block)[] = [root];
    while (kinds.length) {
      const kind = kinds.pop()!;
      const item = items.pop()!;
      if (kind === TaskKind.Block) {
        const b = item as Block;
        for (const arg of b.args) {
          this.visit(arg.type, false);
          if (debug) this.visit(arg.loc, false);
        }
        for (let op = b.last; op; op = op.prev) {
          kinds.push(TaskKind.OpStart);
          items.push(op);
        }
        continue;
      }
      const op = item as Operation;
      if (kind === TaskKind.OpTail) {
        const operands = op.operands;
        for (let i = 0; i < operands.length; i++) this.visit(operands[i]!.value.type, false);
        const results = op.results;
        for (let i = 0; i < results.length; i++) this.visit(results[i]!.type, false);
        const entries = op.attributes.entries;
        for (let i = 0; i < entries.length; i++) this.visit(entries[i]!.value, false);
        continue;
      }
      if (debug) this.visit(op.loc, true);
      if (this.printsAsCustomModule(op)) {
        for (const e of op.attributes.entries) if (e.name !== "sym_name" && e.name !== "sym_visibility") this.visit(e.value, false);
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

  /** The op printer prints `builtin.module` in its custom form unless generic printing is requested. */
  private printsAsCustomModule(op: Operation): boolean {
    if (this.options.printGenericOpForm || op.name.name !== "builtin.module") return false;
    if (op.regions.length !== 1 || op.numResults || op.numOperands) return false;
    const b = op.regions[0]!.entryBlock;
    return b !== null && b.next === null && b.args.length === 0;
  }

  /**
   * True if `v` or something it prints may get an alias. Values that cannot
   * are skipped entirely: their entries would have depth 0 and stop
   * deferrability propagation, so they affect neither names nor order.
   * Memoised for composite values.
   */
  private mayContainAlias(v: Value): boolean {
    if (v instanceof Attribute) {
      if (v instanceof IntegerAttr || v instanceof FloatAttr || v instanceof UnitAttr || v instanceof DenseArrayAttr) return false;
      if (v instanceof AffineMapAttr || v instanceof IntegerSetAttr || v instanceof Location || v instanceof DistinctAttr) return true;
    } else if (isScalarType(v)) {
      return false;
    }
    const memo = this.mayAlias.get(v);
    if (memo !== undefined) return memo;
    // Composite: look at the children (iteratively, memoising every composite on the way).
    const stack: Value[] = [v];
    const expanded: boolean[] = [false];
    const children: Value[] = [];
    while (stack.length) {
      const top = stack.length - 1;
      const x = stack[top]!;
      if (this.mayAlias.has(x)) {
        stack.pop();
        expanded.pop();
        continue;
      }
      aliasChildren(x, children);
      if (!expanded[top]) {
        expanded[top] = true;
        for (const c of children) if (this.needsMemo(c) && !this.mayAlias.has(c)) {
          stack.push(c);
          expanded.push(false);
        }
        continue;
      }
      let result = aliasNameOf(x) !== undefined;
      for (const c of children) if (!result && (this.needsMemo(c) ? this.mayAlias.get(c) === true : this.mayContainAlias(c))) result = true;
      this.mayAlias.set(x, result);
      stack.pop();
      expanded.pop();
    }
    return this.mayAlias.get(v)!;
  }

  /** Values whose answer is not immediate from their class. */
  private needsMemo(v: Value): boolean {
    if (v instanceof Attribute)
      return !(
        v instanceof IntegerAttr ||
        v instanceof FloatAttr ||
        v instanceof UnitAttr ||
        v instanceof DenseArrayAttr ||
        v instanceof AffineMapAttr ||
        v instanceof IntegerSetAttr ||
        v instanceof Location ||
        v instanceof DistinctAttr
      );
    return !isScalarType(v);
  }

  /** AliasInitializer::visitImpl, iteratively. */
  private visit(root: Value, canBeDeferred: boolean): void {
    if (!this.mayContainAlias(root)) return;
    const existing = this.index.get(root);
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
        if (!this.mayContainAlias(c)) continue;
        const seen = this.index.get(c);
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
    this.index.set(v, i);
    this.values.push(v);
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
    const buckets = new Map<string, number[]>();
    const keys: { depth: number; isType: boolean; name: string; key: string }[] = [];
    for (let i = 0; i < this.values.length; i++) {
      const name = this.alias[i];
      if (name === undefined) continue;
      const isType = !(this.values[i] instanceof Attribute);
      const key = this.depth[i] + (isType ? "!" : "#") + name;
      let b = buckets.get(key);
      if (!b) {
        buckets.set(key, (b = []));
        keys.push({ depth: this.depth[i]!, isType, name, key });
      }
      b.push(i);
    }
    keys.sort((a, b) => {
      if (a.depth !== b.depth) return a.depth - b.depth;
      if (a.isType !== b.isType) return a.isType ? -1 : 1;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    const counts = new Map<string, number>();
    for (const k of keys) {
      const prefix = (k.isType ? "!" : "#") + k.name;
      let n = counts.get(prefix) ?? 0;
      for (const i of buckets.get(k.key)!) {
        this.nameByIndex[i] = n ? prefix + n : prefix;
        this.numNames++;
        this.ordered.push(i);
        n++;
      }
      counts.set(prefix, n);
    }
  }
}
