// Block: a list of operations with arguments, inside a region. Ops form an
// intrusive doubly linked list; order indices make "is before" O(1) amortised.

import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import type { Region } from "./region.js";
import type { Type } from "./type.js";
import { BlockArgument, type BlockOperand } from "./value.js";

/** Gap left between order indices so most insertions need no renumbering (as MLIR). */
const kOrderStride = 5;

export class Block {
  parent: Region | null = null;
  /** @internal */ prev: Block | null = null;
  /** @internal */ next: Block | null = null;
  first: Operation | null = null;
  last: Operation | null = null;
  readonly args: BlockArgument[] = [];
  /** @internal Head of the list of successor uses (the predecessors' branch operands). */
  firstUse: BlockOperand | null = null;
  /** @internal Whether op order indices are valid. */
  orderValid = true;

  /** Appends an argument. O(1). */
  addArgument(type: Type, loc: Location): BlockArgument {
    const a = new BlockArgument(type, this, this.args.length, loc);
    this.args.push(a);
    return a;
  }
  /** Removes argument `index`; it must have no uses. O(args). */
  eraseArgument(index: number): void {
    const [a] = this.args.splice(index, 1);
    if (a && a.hasUses) throw new Error("assert: erasing a block argument that still has uses");
    for (let i = index; i < this.args.length; i++) this.args[i]!.index = i;
  }
  get numArguments(): number {
    return this.args.length;
  }
  get empty(): boolean {
    return this.first === null;
  }
  /** The op that owns the region holding this block, if any. */
  get parentOp(): Operation | null {
    return this.parent ? this.parent.parent : null;
  }
  get isEntryBlock(): boolean {
    return this.parent !== null && this.parent.first === this;
  }
  get hasPredecessors(): boolean {
    return this.firstUse !== null;
  }
  /** The block whose terminator is the only branch here (one successor use), or null. */
  get singlePredecessor(): Block | null {
    const u = this.firstUse;
    return u && !u.nextUse ? u.owner.parent : null;
  }
  /** The block all branches here come from (possibly through several successor uses), or null. */
  get uniquePredecessor(): Block | null {
    const u = this.firstUse;
    if (!u) return null;
    const pred = u.owner.parent;
    for (let v = u.nextUse; v; v = v.nextUse) if (v.owner.parent !== pred) return null;
    return pred;
  }
  /** The ops that branch here, once per successor use, most recently added first. */
  *predecessorUses(): IterableIterator<BlockOperand> {
    for (let u = this.firstUse; u; u = u.nextUse) yield u;
  }
  /** The blocks this block's last op branches to. */
  get successors(): Block[] {
    const t = this.last;
    if (!t) return [];
    const out: Block[] = [];
    for (const s of t.successors) out.push(s.block);
    return out;
  }
  /** Iterates ops in order; safe against erasing the current op. */
  *ops(): IterableIterator<Operation> {
    let op = this.first;
    while (op) {
      const next = op.next;
      yield op;
      op = next;
    }
  }
  /** Number of ops. O(n). */
  get numOps(): number {
    let n = 0;
    for (let op = this.first; op; op = op.next) n++;
    return n;
  }

  /** Appends a detached op. O(1). */
  push(op: Operation): void {
    this.insertBefore(op, null);
  }
  /** Inserts a detached op before `before` (at the end when null). O(1). */
  insertBefore(op: Operation, before: Operation | null): void {
    if (op.parent) throw new Error("assert: inserting an op that is already in a block");
    op.parent = this;
    if (before === null) {
      op.prev = this.last;
      op.next = null;
      if (this.last) this.last.next = op;
      else this.first = op;
      this.last = op;
      // Appending keeps order valid cheaply: the common case while parsing and building.
      if (this.orderValid) op.orderIndex = op.prev ? op.prev.orderIndex + kOrderStride : 0;
      return;
    }
    op.next = before;
    op.prev = before.prev;
    if (before.prev) before.prev.next = op;
    else this.first = op;
    before.prev = op;
    if (this.orderValid) {
      const lo = op.prev ? op.prev.orderIndex : -1;
      const hi = before.orderIndex;
      if (hi - lo > 1) op.orderIndex = lo + ((hi - lo) >> 1);
      else this.orderValid = false;
    }
  }
  /** @internal Unlinks `op` without destroying it. O(1). */
  unlinkOp(op: Operation): void {
    if (op.prev) op.prev.next = op.next;
    else this.first = op.next;
    if (op.next) op.next.prev = op.prev;
    else this.last = op.prev;
    op.prev = op.next = null;
    op.parent = null;
  }
  /** @internal Renumbers ops when an insertion exhausted a gap. O(n). */
  recomputeOrder(): void {
    let i = 0;
    for (let op = this.first; op; op = op.next, i += kOrderStride) op.orderIndex = i;
    this.orderValid = true;
  }
  /** Erases every op, last first (so uses die before definitions), and drops argument uses. */
  clear(): void {
    for (let op = this.first; op; op = op.next) op.dropAllReferences();
    while (this.last) this.last.erase();
  }
  /** Unlinks this block from its region without destroying it. O(1). */
  remove(): void {
    if (this.parent) this.parent.unlinkBlock(this);
  }
  /** Drops all references held by ops in this block, then unlinks and destroys it. */
  erase(): void {
    this.clear();
    this.remove();
  }
}
