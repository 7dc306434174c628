// Values (op results, block arguments) and their use-lists (OpOperand,
// BlockOperand): doubly linked so a use is added or removed in O(1).

import type { Block } from "./block.js";
import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import type { Type } from "./type.js";

let lastAnalysisMark = 0;

/**
 * @internal A mark no op or block argument holds yet: an analysis sets its
 * `mark` fields to it instead of filling a Set, so a later run needs no
 * clearing. Runs must not interleave.
 */
export function nextAnalysisMark(): number {
  return ++lastAnalysisMark;
}

let lastValueHashId = 0;

/** A stable nonzero number for `v`, for hashes by value identity (CSE's); given on first call. O(1). */
export function valueHashId(v: Value): number {
  if (v.hashId === 0) v.hashId = ++lastValueHashId;
  return v.hashId;
}

/** Base of SSA values. Uses form an intrusive doubly linked list headed here. */
export abstract class Value {
  /** @internal Head of the use-list. */
  firstUse: OpOperand | null = null;
  /** @internal A number for hashing by identity, given on first use (see valueHashId); 0 until then. */
  hashId = 0;
  constructor(public type: Type) {}

  /**
   * The head of the complete use-list (ops with deferred use nodes link
   * theirs first: Operation.createDeferred); walk on with `nextUse`. Cheaper
   * than `uses()` on hot paths: no iterator object.
   */
  get useHead(): OpOperand | null {
    const ctx = this.type.context;
    if (ctx.deferredUseOps !== undefined) ctx.flushDeferredUses();
    return this.firstUse;
  }
  get hasUses(): boolean {
    return this.useHead !== null;
  }
  get hasOneUse(): boolean {
    const head = this.useHead;
    return head !== null && head.nextUse === null;
  }
  /** Iterates the uses; safe against removal of the current use. */
  *uses(): IterableIterator<OpOperand> {
    let u = this.useHead;
    while (u) {
      const next = u.nextUse;
      yield u;
      u = next;
    }
  }
  /** Number of uses. O(uses). */
  get numUses(): number {
    let n = 0;
    for (let u = this.useHead; u; u = u.nextUse) n++;
    return n;
  }
  /**
   * Makes every use of this value use `other`. O(uses): each use is retargeted
   * in O(1) and the whole list is spliced onto `other`'s at once.
   */
  replaceAllUsesWith(other: Value): void {
    if (other === this) return;
    let u = this.useHead;
    if (!u) return;
    let last = u;
    for (; u; u = u.nextUse) {
      u.value = other;
      last = u;
    }
    const head = this.firstUse!;
    last.nextUse = other.firstUse;
    if (other.firstUse) other.firstUse.prevUse = last;
    head.prevUse = null;
    other.firstUse = head;
    this.firstUse = null;
  }
  /** The op defining this value, or undefined for block arguments. */
  abstract get definingOp(): Operation | undefined;
  /** The block in which the value is defined (undefined for a detached op's results). */
  abstract get parentBlock(): Block | undefined;
}

/** Result `index` of `owner`. */
export class OpResult extends Value {
  constructor(
    type: Type,
    readonly owner: Operation,
    readonly index: number,
  ) {
    super(type);
  }
  get definingOp(): Operation {
    return this.owner;
  }
  get parentBlock(): Block | undefined {
    return this.owner.parent ?? undefined;
  }
}

/** Argument `index` of `owner`, with its own location. */
export class BlockArgument extends Value {
  /** @internal Scratch mark of one analysis run, as Operation.mark. */
  mark = 0;
  constructor(
    type: Type,
    readonly owner: Block,
    public index: number,
    public loc: Location,
  ) {
    super(type);
  }
  get definingOp(): undefined {
    return undefined;
  }
  get parentBlock(): Block {
    return this.owner;
  }
}

/** Operand `index` of `owner`: one use of `value`. */
export class OpOperand {
  /** @internal */ nextUse: OpOperand | null = null;
  /** @internal */ prevUse: OpOperand | null = null;
  constructor(
    public value: Value,
    readonly owner: Operation,
    public index: number,
  ) {
    this.link();
  }
  /** Makes this operand use `v`. O(1). */
  set(v: Value): void {
    if (v === this.value) return;
    this.unlink();
    this.value = v;
    this.link();
  }
  /** @internal Removes this use from its value's use-list. O(1). */
  unlink(): void {
    if (this.prevUse) this.prevUse.nextUse = this.nextUse;
    else if (this.value.firstUse === this) this.value.firstUse = this.nextUse;
    if (this.nextUse) this.nextUse.prevUse = this.prevUse;
    this.nextUse = this.prevUse = null;
  }
  private link(): void {
    const head = this.value.firstUse;
    this.nextUse = head;
    if (head) head.prevUse = this;
    this.value.firstUse = this;
  }
}

/** Successor `index` of `owner`: one use of `block` as a branch target. */
export class BlockOperand {
  /** @internal */ nextUse: BlockOperand | null = null;
  /** @internal */ prevUse: BlockOperand | null = null;
  constructor(
    public block: Block,
    readonly owner: Operation,
    readonly index: number,
  ) {
    this.link();
  }
  set(b: Block): void {
    if (b === this.block) return;
    this.unlink();
    this.block = b;
    this.link();
  }
  /** @internal */
  unlink(): void {
    if (this.prevUse) this.prevUse.nextUse = this.nextUse;
    else if (this.block.firstUse === this) this.block.firstUse = this.nextUse;
    if (this.nextUse) this.nextUse.prevUse = this.prevUse;
    this.nextUse = this.prevUse = null;
  }
  private link(): void {
    const head = this.block.firstUse;
    this.nextUse = head;
    if (head) head.prevUse = this;
    this.block.firstUse = this;
  }
}
