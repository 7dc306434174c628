// Attribute: the base of every uniqued, immutable IR attribute (locations included).

import type { Context } from "./context.js";
import type { Type } from "./type.js";

/**
 * Base of all attributes. Interned by the Context except `DistinctAttr`, whose
 * identity is its point of creation. Compare with `===`.
 */
export abstract class Attribute {
  /** Dense id, unique within the owning context. */
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

  /** The type an attribute carries (`42 : i32`), or undefined for untyped ones. */
  get type(): Type | undefined {
    return undefined;
  }
}
