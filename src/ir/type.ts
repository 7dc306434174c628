// Type: the base of every uniqued, immutable IR type.

import type { Context } from "./context.js";

/**
 * Base of all types. Instances are interned by their Context, so two types are
 * equal exactly when they are `===`. Subclasses are immutable after construction.
 */
export abstract class Type {
  /** Dense id, unique within the owning context; composite keys are built from ids. */
  readonly id: number;
  readonly context: Context;
  /**
   * What the printer caches on this immutable value (not part of the value):
   * in the low 8 bits, facts it derives (the kind tag, whether it may contain
   * an alias: see src/syntax/print-facts.ts); above them, the alias
   * collector's entry index for it during one print (valid only while its
   * owner confirms it: see src/syntax/alias-printer.ts). One field instead
   * of two saves 8 bytes per type and attribute. 0 until first printed.
   */
  printFacts: number;

  protected constructor(context: Context) {
    this.context = context;
    this.id = context.allocateId();
    this.printFacts = 0;
  }
}
