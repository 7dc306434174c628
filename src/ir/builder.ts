// Builder: creates operations at an insertion point, as MLIR's OpBuilder.

import type { Attribute } from "./attribute.js";
import { Block } from "./block.js";
import { DictionaryAttr, type NamedAttribute } from "./builtin-attributes.js";
import type { Context } from "./context.js";
import { UnknownLoc, type Location } from "./location.js";
import { Operation } from "./operation.js";
import type { Region } from "./region.js";
import type { Type } from "./type.js";
import type { Value } from "./value.js";

/** Where new ops go: before `before` in `block`, or at its end when `before` is null. */
export interface InsertionPoint {
  readonly block: Block;
  readonly before: Operation | null;
}

/** What `Builder.create` needs besides the op name. */
export interface CreateOptions {
  operands?: readonly Value[];
  results?: readonly Type[];
  successors?: readonly Block[];
  regions?: number;
  /** Inherent attributes (printed `<{...}>`). */
  properties?: Attribute;
  /** Discardable attributes. */
  attributes?: readonly NamedAttribute[] | DictionaryAttr;
  loc?: Location;
}

/**
 * Creates ops and inserts them at the current insertion point (if any). The
 * location defaults to the builder's `loc`, itself unknown by default.
 */
export class Builder {
  private ip: InsertionPoint | undefined;
  loc: Location;

  constructor(
    readonly context: Context,
    ip?: InsertionPoint,
  ) {
    this.ip = ip;
    this.loc = UnknownLoc.get(context);
  }

  get insertionPoint(): InsertionPoint | undefined {
    return this.ip;
  }
  setInsertionPointToEnd(block: Block): void {
    this.ip = { block, before: null };
  }
  setInsertionPointToStart(block: Block): void {
    this.ip = { block, before: block.first };
  }
  setInsertionPoint(op: Operation): void {
    this.ip = { block: op.parent!, before: op };
  }
  setInsertionPointAfter(op: Operation): void {
    this.ip = { block: op.parent!, before: op.nextOp };
  }
  clearInsertionPoint(): void {
    this.ip = undefined;
  }

  /** Creates `name` and inserts it at the insertion point. O(operands + results). */
  create(name: string, options: CreateOptions = {}): Operation {
    const attrs = options.attributes;
    const op = Operation.create(this.context, {
      name: this.context.getOperationName(name),
      loc: options.loc ?? this.loc,
      operands: options.operands,
      resultTypes: options.results,
      successors: options.successors,
      numRegions: options.regions,
      properties: options.properties,
      attributes: attrs instanceof DictionaryAttr ? attrs : attrs ? DictionaryAttr.get(this.context, attrs) : undefined,
    });
    this.insert(op);
    return op;
  }

  /** Inserts a detached op at the insertion point (no-op without one). */
  insert(op: Operation): Operation {
    if (this.ip) this.ip.block.insertBefore(op, this.ip.before);
    return op;
  }

  /**
   * Appends a new block with `argTypes` to `region` and moves the insertion
   * point to its end.
   */
  createBlock(region: Region, argTypes: readonly Type[] = [], argLocs?: readonly Location[]): Block {
    const b = new Block();
    for (let i = 0; i < argTypes.length; i++) b.addArgument(argTypes[i]!, argLocs?.[i] ?? this.loc);
    region.push(b);
    this.setInsertionPointToEnd(b);
    return b;
  }
}
