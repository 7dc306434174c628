// Region: an ordered list of blocks owned by an operation.

import type { Block } from "./block.js";
import type { Operation } from "./operation.js";

export class Region {
  /** @internal */ first: Block | null = null;
  /** @internal */ last: Block | null = null;
  constructor(public parent: Operation | null) {}

  get empty(): boolean {
    return this.first === null;
  }
  /** The first block, or null when the region is empty. */
  get entryBlock(): Block | null {
    return this.first;
  }
  get lastBlock(): Block | null {
    return this.last;
  }
  /** Iterates blocks in order; safe against erasing the current block. */
  *blocks(): IterableIterator<Block> {
    let b = this.first;
    while (b) {
      const next = b.next;
      yield b;
      b = next;
    }
  }
  get numBlocks(): number {
    let n = 0;
    for (let b = this.first; b; b = b.next) n++;
    return n;
  }
  /** Block `index` in order. O(index). */
  getBlock(index: number): Block | null {
    let b = this.first;
    for (let i = 0; b && i < index; i++) b = b.next;
    return b;
  }
  /** Index of `block` in this region. O(n). */
  indexOf(block: Block): number {
    let i = 0;
    for (let b = this.first; b; b = b.next, i++) if (b === block) return i;
    return -1;
  }
  /** Appends a detached block. O(1). */
  push(block: Block): void {
    this.insertBefore(block, null);
  }
  /** Inserts a detached block before `before` (at the end when null). O(1). */
  insertBefore(block: Block, before: Block | null): void {
    if (block.parent) throw new Error("assert: inserting a block that is already in a region");
    block.parent = this;
    if (before === null) {
      block.prev = this.last;
      block.next = null;
      if (this.last) this.last.next = block;
      else this.first = block;
      this.last = block;
      return;
    }
    block.next = before;
    block.prev = before.prev;
    if (before.prev) before.prev.next = block;
    else this.first = block;
    before.prev = block;
  }
  /** @internal */
  unlinkBlock(block: Block): void {
    if (block.prev) block.prev.next = block.next;
    else this.first = block.next;
    if (block.next) block.next.prev = block.prev;
    else this.last = block.prev;
    block.prev = block.next = null;
    block.parent = null;
  }
  /** Moves every block of `other` to the end of this region. O(blocks). */
  takeBody(other: Region): void {
    for (let b = other.first; b; ) {
      const next = b.next;
      other.unlinkBlock(b);
      this.push(b);
      b = next;
    }
  }
  /** The region enclosing this one, or null at the top. */
  get parentRegion(): Region | null {
    const op = this.parent;
    return op && op.parent ? op.parent.parent : null;
  }
  /** True when `other` is this region or nested anywhere inside it. O(depth). */
  isAncestor(other: Region | null): boolean {
    for (let r = other; r; r = r.parentRegion) if (r === this) return true;
    return false;
  }
  /** Drops all uses held by ops inside, then erases every block. */
  clear(): void {
    for (let b = this.first; b; b = b.next) for (let op = b.first; op; op = op.next) op.dropAllReferences();
    while (this.last) this.last.erase();
  }
}
