// Rewrite patterns and the rewriter they must use (MLIR's RewritePattern,
// RewriterBase and its Listener): every IR change a pattern makes goes
// through the rewriter, which tells its listener, so drivers can keep their
// worklists exact.

import type { Block } from "./block.js";
import { Builder } from "./builder.js";
import type { Context } from "./context.js";
import type { Location } from "./location.js";
import { failure, type LogicalResult } from "./logical-result.js";
import type { Operation } from "./operation.js";
import type { Value } from "./value.js";

/** Hooks for IR changes made through a rewriter. All optional. */
export interface RewriteListener {
  notifyOperationInserted?(op: Operation): void;
  /** `op` changed in place (operands, attributes, location, successors). */
  notifyOperationModified?(op: Operation): void;
  /** `op`'s results are about to be replaced by `values`. */
  notifyOperationReplaced?(op: Operation, values: readonly Value[]): void;
  /** `op` is about to be erased (after its nested ops). */
  notifyOperationErased?(op: Operation): void;
  notifyBlockErased?(block: Block): void;
  /** A pattern explained why it did not apply. */
  notifyMatchFailure?(loc: Location, reason: string): void;
}

/**
 * A rewrite rooted at ops named `rootName` (every op when undefined). Higher
 * benefit is tried first.
 */
export abstract class RewritePattern {
  constructor(
    readonly rootName: string | undefined,
    readonly benefit = 1,
  ) {}
  /** The name --mlir-print-... and the driver's reports use: the class name unless set. */
  get debugName(): string {
    return this.constructor.name;
  }
  /** Matches `op` and rewrites it through `rewriter`; failure means no change was made. */
  abstract matchAndRewrite(op: Operation, rewriter: PatternRewriter): LogicalResult;
}

/** A Builder whose every change is reported to `listener`. */
export class PatternRewriter extends Builder {
  constructor(
    context: Context,
    public listener: RewriteListener = {},
  ) {
    super(context);
  }

  override insert(op: Operation): Operation {
    super.insert(op);
    if (op.parent) this.listener.notifyOperationInserted?.(op);
    return op;
  }

  /** Replaces `op`'s results with `values` and erases it. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    if (values.length !== op.results.length) throw new Error(`replaceOp: ${op.results.length} results, ${values.length} replacements`);
    this.listener.notifyOperationReplaced?.(op, values);
    for (let i = 0; i < values.length; i++) this.replaceAllUsesWith(op.results[i]!, values[i]!);
    this.eraseOp(op);
  }

  /** Erases `op`, which must have no used results; nested ops are reported first, innermost first. */
  eraseOp(op: Operation): void {
    const l = this.listener;
    if (op.regions.length === 0) {
      // The common case: nothing nested, so no post-order walk.
      l.notifyOperationErased?.(op);
    } else if (l.notifyOperationErased || l.notifyBlockErased) {
      // Post-order over nested ops and blocks, so a listener never sees an op after its parent.
      const stack: { op: Operation; expanded: boolean }[] = [{ op, expanded: false }];
      while (stack.length) {
        const top = stack[stack.length - 1]!;
        if (!top.expanded) {
          top.expanded = true;
          for (const r of top.op.regions) for (let b = r.entryBlock; b; b = b.next) for (let o = b.last; o; o = o.prev) stack.push({ op: o, expanded: false });
          continue;
        }
        stack.pop();
        if (top.op !== op) l.notifyOperationErased?.(top.op);
        for (const r of top.op.regions) for (let b = r.entryBlock; b; b = b.next) l.notifyBlockErased?.(b);
      }
      l.notifyOperationErased?.(op);
    }
    op.erase();
  }

  /** Erases `block` and its ops (their results may only be used inside the block). */
  eraseBlock(block: Block): void {
    // Uses may precede definitions (graph regions, loops through successors): drop them all first.
    for (let o = block.first; o; o = o.next) o.dropAllReferences();
    while (block.last) this.eraseOp(block.last);
    this.listener.notifyBlockErased?.(block);
    block.erase();
  }

  /**
   * Moves the ops of `source` (which must have no predecessors) to the end
   * of `dest`, its arguments replaced by `args`, and erases `source`. Each
   * moved op is reported as inserted (MLIR's mergeBlocks).
   */
  mergeBlocks(source: Block, dest: Block, args: readonly Value[]): void {
    for (let i = 0; i < args.length; i++) this.replaceAllUsesWith(source.args[i]!, args[i]!);
    for (let op = source.first; op; ) {
      const next = op.next;
      op.remove();
      dest.push(op);
      this.listener.notifyOperationInserted?.(op);
      op = next;
    }
    this.listener.notifyBlockErased?.(source);
    source.erase();
  }

  /** Runs `change` on `op` in place and reports the modification. */
  modifyOpInPlace(op: Operation, change: () => void): void {
    change();
    this.listener.notifyOperationModified?.(op);
  }

  /** Makes every use of `from` use `to`, reporting each user as modified. */
  replaceAllUsesWith(from: Value, to: Value): void {
    const notify = this.listener.notifyOperationModified;
    if (!notify) return from.replaceAllUsesWith(to);
    // Users are reported after the change, in use-list order: the moved uses
    // are the run at the head of `to`'s list (all of it when `to` is `from`).
    let moved = 0;
    for (let use = from.useHead; use; use = use.nextUse) moved++;
    from.replaceAllUsesWith(to);
    for (let use = to.useHead; moved > 0; use = use!.nextUse, moved--) notify.call(this.listener, use!.owner);
  }

  /** Reports why a pattern did not apply; returns failure for `return rewriter.notifyMatchFailure(...)`. */
  notifyMatchFailure(op: Operation, reason: string): LogicalResult {
    this.listener.notifyMatchFailure?.(op.loc, reason);
    return failure();
  }
}
