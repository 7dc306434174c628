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

  /** The type an attribute carries (`42 : i32`), or undefined for untyped ones. */
  get type(): Type | undefined {
    return undefined;
  }
}
