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
   * Facts the printer derives from this immutable value and caches here (its
   * kind tag, whether it may contain an alias): see src/syntax/print-facts.ts.
   * 0 until first printed; not part of the value.
   */
  printFacts: number;
  /**
   * The alias printer's entry index for this value during one print (valid only
   * while its owner confirms it: see src/syntax/alias-printer.ts). Not part of the value.
   */
  printSlot: number;

  protected constructor(context: Context) {
    this.context = context;
    this.id = context.allocateId();
    this.printFacts = 0;
    this.printSlot = 0;
  }
}
