// Operation: the unit of IR. One final class for every op kind; dialects add
// thin typed views. Layout: name, location, operands (uses), results,
// successors (block uses), regions, properties and discardable attributes.

import type { Attribute } from "./attribute.js";
import { Block } from "./block.js";
import { DictionaryAttr, type NamedAttribute } from "./builtin-attributes.js";
import type { Context } from "./context.js";
import { Severity, type Diagnostic } from "./diagnostics.js";
import type { Location } from "./location.js";
import type { OperationName } from "./operation-name.js";
import { Region } from "./region.js";
import type { Type } from "./type.js";
import { BlockOperand, OpOperand, OpResult, type Value } from "./value.js";

/** Everything needed to create an operation. */
export interface OperationState {
  name: OperationName;
  loc: Location;
  operands?: readonly Value[];
  resultTypes?: readonly Type[];
  successors?: readonly Block[];
  /** Number of (empty) regions to create. */
  numRegions?: number;
  /** Inherent attributes (`<{...}>`), or undefined when there are none. */
  properties?: Attribute;
  /** Discardable attributes. */
  attributes?: DictionaryAttr;
}

/**
 * `properties` with each default it lacks added (MLIR's properties start at
 * their ODS defaults). O(defaults) when nothing is missing.
 */
function withDefaults(ctx: Context, properties: Attribute | undefined, defaults: readonly NamedAttribute[]): Attribute | undefined {
  if (properties !== undefined && !(properties instanceof DictionaryAttr)) return properties;
  let missing: NamedAttribute[] | undefined;
  for (const d of defaults) if (properties?.get(d.name) === undefined) (missing ??= []).push(d);
  if (missing === undefined) return properties;
  return DictionaryAttr.get(ctx, properties ? [...properties.entries, ...missing] : missing);
}

/** The shared empty operand/result/successor/region list. */
const kNone: never[] = Object.freeze([]) as never[];

export class Operation {
  readonly context: Context;
  readonly name: OperationName;
  loc: Location;
  parent: Block | null = null;
  /** @internal */ prev: Operation | null = null;
  /** @internal */ next: Operation | null = null;
  /** @internal Position key within the parent block; see Block.recomputeOrder. */
  orderIndex = 0;
  /** @internal This op's slot in the greedy driver's worklist, when it is there (the slot holds the op). */
  worklistSlot = 0;
  /** @internal Scratch mark of one analysis run (region DCE's liveness): see nextAnalysisMark. */
  mark = 0;
  /** @internal The use nodes; replaced whole by setOperands, never grown in place (empty lists are shared). */
  private operandNodes: readonly OpOperand[];
  /**
   * @internal The operand values of an op made by createDeferred whose use
   * nodes are not linked yet (operandNodes is then empty), else undefined.
   */
  private deferredOperands: readonly Value[] | undefined;
  readonly results: readonly OpResult[];
  readonly successors: readonly BlockOperand[];
  readonly regions: readonly Region[];
  properties: Attribute | undefined;
  attributes: DictionaryAttr;

  private constructor(context: Context, state: OperationState, deferUses: boolean) {
    this.context = context;
    this.name = state.name;
    this.loc = state.loc;
    // Most ops lack successors or regions, many lack operands or results: they
    // share one frozen empty list, which keeps parsed IR smaller (less for the
    // garbage collector to copy). Lists are never grown in place.
    const values = state.operands;
    if (deferUses && values !== undefined && values.length !== 0) {
      this.operandNodes = kNone;
      this.deferredOperands = values;
      (context.deferredUseOps ??= []).push(this);
    } else {
      // Uses linked now must come after those of every op created before.
      if (values !== undefined && values.length !== 0 && context.deferredUseOps !== undefined) context.flushDeferredUses();
      this.operandNodes = this.makeOperands(values);
      this.deferredOperands = undefined;
    }
    const types = state.resultTypes;
    const results = types && types.length ? new Array<OpResult>(types.length) : kNone;
    for (let i = 0; i < results.length; i++) results[i] = new OpResult(types![i]!, this, i);
    this.results = results;
    const blocks = state.successors;
    const successors = blocks && blocks.length ? new Array<BlockOperand>(blocks.length) : kNone;
    for (let i = 0; i < successors.length; i++) successors[i] = new BlockOperand(blocks![i]!, this, i);
    this.successors = successors;
    const n = state.numRegions ?? 0;
    const regions = n ? new Array<Region>(n) : kNone;
    for (let i = 0; i < n; i++) regions[i] = new Region(this);
    this.regions = regions;
    const defaults = state.name.definition?.defaultProperties;
    this.properties = defaults ? withDefaults(context, state.properties, defaults) : state.properties;
    this.attributes = state.attributes ?? context.emptyDictionary;
  }

  private makeOperands(values: readonly Value[] | undefined): OpOperand[] {
    const operands = values && values.length ? new Array<OpOperand>(values.length) : kNone;
    for (let i = 0; i < operands.length; i++) operands[i] = new OpOperand(values![i]!, this, i);
    return operands;
  }

  /** Creates a detached operation. O(operands + results + successors + regions). */
  static create(context: Context, state: OperationState): Operation {
    return new Operation(context, state, false);
  }

  /**
   * @internal Creates a detached operation whose operands' use nodes are made
   * only when something needs use-lists (see Context.flushDeferredUses): a
   * parse that is only verified and printed never makes them, which saves an
   * object per operand. Takes ownership of `state.operands`.
   */
  static createDeferred(context: Context, state: OperationState): Operation {
    return new Operation(context, state, true);
  }

  /** @internal Makes and links the use nodes of a deferred op (Context.flushDeferredUses). */
  linkDeferredUses(): void {
    const values = this.deferredOperands;
    if (values === undefined) return;
    this.deferredOperands = undefined;
    // The op owns the values' array (createDeferred): its slots take the use nodes, so no second array.
    const nodes = values as unknown as OpOperand[];
    for (let i = 0; i < nodes.length; i++) nodes[i] = new OpOperand(values[i]!, this, i);
    this.operandNodes = nodes;
  }

  //===--------------------------------------------------------------------===//
  // Operands, results, successors
  //===--------------------------------------------------------------------===//

  /**
   * The operands as uses (OpOperand). Reading operand values through
   * numOperands/getOperand is cheaper: it makes no use nodes.
   */
  get operands(): readonly OpOperand[] {
    if (this.context.deferredUseOps !== undefined) this.context.flushDeferredUses();
    return this.operandNodes;
  }
  get numOperands(): number {
    const deferred = this.deferredOperands;
    return deferred !== undefined ? deferred.length : this.operandNodes.length;
  }
  getOperand(i: number): Value {
    const deferred = this.deferredOperands;
    return deferred !== undefined ? deferred[i]! : this.operandNodes[i]!.value;
  }
  setOperand(i: number, v: Value): void {
    this.operands[i]!.set(v);
  }
  /** The operand values as a fresh array. */
  getOperands(): Value[] {
    const n = this.numOperands;
    const out = new Array<Value>(n);
    for (let i = 0; i < n; i++) out[i] = this.getOperand(i);
    return out;
  }
  /** Replaces the whole operand list. O(old + new). */
  setOperands(values: readonly Value[]): void {
    for (const o of this.operands) o.unlink();
    this.operandNodes = this.makeOperands(values);
  }
  get numResults(): number {
    return this.results.length;
  }
  getResult(i: number): OpResult {
    return this.results[i]!;
  }
  get numSuccessors(): number {
    return this.successors.length;
  }
  getSuccessor(i: number): Block {
    return this.successors[i]!.block;
  }
  get numRegions(): number {
    return this.regions.length;
  }
  getRegion(i: number): Region {
    return this.regions[i]!;
  }
  get isRegistered(): boolean {
    return this.name.isRegistered;
  }

  //===--------------------------------------------------------------------===//
  // Attributes
  //===--------------------------------------------------------------------===//

  /** An inherent attribute (from properties) when registered, else a discardable one. */
  getAttr(name: string): Attribute | undefined {
    const p = this.properties;
    if (p instanceof DictionaryAttr) {
      const v = p.get(name);
      if (v !== undefined) return v;
    }
    return this.attributes.get(name);
  }
  /** Sets a discardable attribute (or replaces it). O(n log n) in the dictionary size. */
  setAttr(name: string, value: Attribute): void {
    const entries: NamedAttribute[] = [];
    for (const e of this.attributes.entries) if (e.name !== name) entries.push(e);
    entries.push({ name, value });
    this.attributes = DictionaryAttr.get(this.context, entries);
  }
  /**
   * Sets inherent attribute `name` in the properties dictionary, or removes
   * it when `value` is undefined. Precondition: the properties are a
   * dictionary or absent. O(properties).
   */
  setProperty(name: string, value: Attribute | undefined): void {
    const props = this.properties;
    const entries: NamedAttribute[] = [];
    if (props instanceof DictionaryAttr) for (const e of props.entries) if (e.name !== name) entries.push(e);
    if (value !== undefined) entries.push({ name, value });
    this.properties = entries.length ? DictionaryAttr.get(this.context, entries) : undefined;
  }
  /** Removes a discardable attribute; returns the removed value, if any. */
  removeAttr(name: string): Attribute | undefined {
    const old = this.attributes.get(name);
    if (old === undefined) return undefined;
    this.attributes = DictionaryAttr.get(this.context, this.attributes.entries.filter((e) => e.name !== name));
    return old;
  }

  //===--------------------------------------------------------------------===//
  // Structure
  //===--------------------------------------------------------------------===//

  get parentRegion(): Region | null {
    return this.parent ? this.parent.parent : null;
  }
  /** The op whose region contains this op, or null at the top. */
  get parentOp(): Operation | null {
    const r = this.parentRegion;
    return r ? r.parent : null;
  }
  get nextOp(): Operation | null {
    return this.next;
  }
  get prevOp(): Operation | null {
    return this.prev;
  }
  /** True when `other` is this op or nested inside it. O(depth). */
  isAncestor(other: Operation): boolean {
    for (let o: Operation | null = other; o; o = o.parentOp) if (o === this) return true;
    return false;
  }
  isProperAncestor(other: Operation): boolean {
    return other !== this && this.isAncestor(other);
  }
  /**
   * True when this op comes before `other` in the same block. O(1) amortised;
   * O(block length) when the order must be recomputed.
   */
  isBeforeInBlock(other: Operation): boolean {
    const b = this.parent;
    if (!b || b !== other.parent) throw new Error("assert: isBeforeInBlock on ops of different blocks");
    if (!b.orderValid) b.recomputeOrder();
    return this.orderIndex < other.orderIndex;
  }

  /** Unlinks this op from its block without destroying it. */
  remove(): void {
    if (this.parent) this.parent.unlinkOp(this);
  }
  /** Moves this op (detaching it first) to just before `before`. */
  moveBefore(before: Operation): void {
    this.remove();
    before.parent!.insertBefore(this, before);
  }
  /** Moves this op to just after `after`. */
  moveAfter(after: Operation): void {
    this.remove();
    after.parent!.insertBefore(this, after.next);
  }

  /**
   * Drops every use held by this op and all ops nested in it (operands and
   * successors), leaving results untouched. Iterative: safe at any nesting depth.
   */
  dropAllReferences(): void {
    if (this.regions.length === 0) {
      // The common case: no nested ops, so no stack (and indexed loops: no iterator objects).
      this.dropOwnReferences();
      return;
    }
    const stack: Operation[] = [this];
    while (stack.length) {
      const op = stack.pop()!;
      op.dropOwnReferences();
      for (const r of op.regions)
        for (let b = r.first; b; b = b.next) for (let inner = b.first; inner; inner = inner.next) stack.push(inner);
    }
  }
  /** Unlinks this op's own operand and successor uses. */
  private dropOwnReferences(): void {
    const operands = this.operands;
    for (let i = 0; i < operands.length; i++) operands[i]!.unlink();
    const successors = this.successors;
    for (let i = 0; i < successors.length; i++) successors[i]!.unlink();
  }
  /**
   * Erases this op and everything nested in it. Precondition: its results have
   * no uses outside the erased subtree. O(size of the subtree).
   */
  erase(): void {
    this.dropAllReferences();
    const results = this.results;
    for (let i = 0; i < results.length; i++)
      if (results[i]!.hasUses) throw new Error(`assert: erasing '${this.name.name}' whose result #${i} still has uses`);
    this.remove();
  }

  //===--------------------------------------------------------------------===//
  // Diagnostics
  //===--------------------------------------------------------------------===//

  /** Reports an error at this op's location. */
  emitError(message: string): Diagnostic {
    return this.attachCurrentOp(this.context.diagnostics.emit(Severity.Error, this.loc, message));
  }
  /** Reports `'name' op message` at this op's location (MLIR's emitOpError). */
  emitOpError(message: string): Diagnostic {
    return this.emitError(`'${this.name.name}' op ${message}`);
  }
  emitWarning(message: string): Diagnostic {
    return this.attachCurrentOp(this.context.diagnostics.emit(Severity.Warning, this.loc, message));
  }
  emitRemark(message: string): Diagnostic {
    return this.attachCurrentOp(this.context.diagnostics.emit(Severity.Remark, this.loc, message));
  }
  /**
   * Adds MLIR's `see current operation: …` note when the context has an op
   * printer. Like MLIR's Diagnostic::appendOp, an op printed on several lines
   * starts on a line of its own.
   */
  private attachCurrentOp(diag: Diagnostic): Diagnostic {
    const print = this.context.diagnosticOpPrinter;
    if (print) {
      const text = print(this, diag.severity);
      diag.attachNote("see current operation: " + (text.includes("\n") ? "\n" : "") + text);
    }
    return diag;
  }

  //===--------------------------------------------------------------------===//
  // Cloning
  //===--------------------------------------------------------------------===//

  /**
   * Deep-copies this op with its regions. Operands defined outside are looked up
   * in `mapping` (kept as they are when absent); the mapping is extended with
   * every cloned value and block. Iterative over nesting depth.
   */
  clone(mapping: IRMapping = new IRMapping()): Operation {
    const root = this.cloneShallow(mapping);
    // Pairs of (source region, destination region) still to fill.
    const work: [Region, Region][] = [];
    for (let i = 0; i < this.regions.length; i++) work.push([this.regions[i]!, root.regions[i]!]);
    // Blocks first (so forward successor references resolve), then ops.
    const pendingOps: [Block, Block][] = [];
    while (work.length) {
      const [src, dst] = work.pop()!;
      for (let b = src.first; b; b = b.next) {
        const nb = new Block();
        for (const a of b.args) mapping.mapValue(a, nb.addArgument(a.type, a.loc));
        mapping.mapBlock(b, nb);
        dst.push(nb);
        pendingOps.push([b, nb]);
      }
      // Regions of the cloned ops are queued after their ops are created below.
      for (let k = 0; k < pendingOps.length; k++) {
        const [sb, db] = pendingOps[k]!;
        for (let op = sb.first; op; op = op.next) {
          const c = op.cloneShallow(mapping);
          db.push(c);
          for (let i = 0; i < op.regions.length; i++) work.push([op.regions[i]!, c.regions[i]!]);
        }
      }
      pendingOps.length = 0;
    }
    // Operands were mapped eagerly; values defined later in a graph region are remapped now.
    root.remapOperands(mapping);
    return root;
  }

  private cloneShallow(mapping: IRMapping): Operation {
    const operands = this.getOperands().map((v) => mapping.lookupValue(v));
    const successors = this.successors.map((s) => mapping.lookupBlock(s.block));
    const c = Operation.create(this.context, {
      name: this.name,
      loc: this.loc,
      operands,
      resultTypes: this.results.map((r) => r.type),
      successors,
      numRegions: this.regions.length,
      properties: this.properties,
      attributes: this.attributes,
    });
    for (let i = 0; i < this.results.length; i++) mapping.mapValue(this.results[i]!, c.results[i]!);
    return c;
  }

  private remapOperands(mapping: IRMapping): void {
    const stack: Operation[] = [this];
    while (stack.length) {
      const op = stack.pop()!;
      for (const o of op.operands) o.set(mapping.lookupValue(o.value));
      for (const s of op.successors) s.set(mapping.lookupBlock(s.block));
      for (const r of op.regions) for (let b = r.first; b; b = b.next) for (let i = b.first; i; i = i.next) stack.push(i);
    }
  }
}

/** Maps original values and blocks to their clones. */
export class IRMapping {
  private readonly values = new Map<Value, Value>();
  private readonly blocks = new Map<Block, Block>();
  mapValue(from: Value, to: Value): void {
    this.values.set(from, to);
  }
  mapBlock(from: Block, to: Block): void {
    this.blocks.set(from, to);
  }
  /** The mapped value, or `v` itself when unmapped. */
  lookupValue(v: Value): Value {
    return this.values.get(v) ?? v;
  }
  lookupBlock(b: Block): Block {
    return this.blocks.get(b) ?? b;
  }
  hasValue(v: Value): boolean {
    return this.values.has(v);
  }
}
