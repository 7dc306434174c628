// The uniquing tables of the builtin types and attributes that are interned by
// content hash rather than by key string. One instance per Context, held in a
// field, so a `get` reaches its table with one property load (a WeakMap lookup
// per call cost about 5% of parsing).

import type {
  ArrayAttr,
  DenseArrayAttr,
  DenseIntOrFPElementsAttr,
  DictionaryAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "./builtin-attributes.js";
import type { FunctionType } from "./builtin-types.js";
import type { CallSiteLoc, NameLoc } from "./location.js";
import type { Bucket } from "./structural-hash.js";

export class BuiltinTables {
  /** Untyped StringAttrs by value (typed ones hang off their type). */
  readonly strings = new Map<string, StringAttr>();
  readonly arrays = new Map<number, Bucket<ArrayAttr>>();
  readonly dictionaries = new Map<number, Bucket<DictionaryAttr>>();
  /** Dense ids of dictionary key names (for hashing dictionaries). */
  readonly nameIds = new Map<string, number>();
  readonly denseElements = new Map<number, Bucket<DenseIntOrFPElementsAttr>>();
  readonly denseArrays = new Map<number, Bucket<DenseArrayAttr>>();
  readonly functionTypes = new Map<number, Bucket<FunctionType>>();
  /** TypeAttrs by the id of their type. */
  readonly typeAttrs = new Map<number, TypeAttr>();
  /** Flat SymbolRefAttrs (`@name`) by name. */
  readonly flatSymbolRefs = new Map<string, SymbolRefAttr>();
  /**
   * NameLocs by name, then (once a name has several) by the child's id: names
   * are few and children many (a Map per child was a tenth of a location's cost).
   */
  readonly nameLocs = new Map<string, NameLoc | Map<number, NameLoc>>();
  /** CallSiteLocs by a hash of the callee's and the caller's ids. */
  readonly callSiteLocs = new Map<number, Bucket<CallSiteLoc>>();
  unit: UnitAttr | undefined = undefined;
}
