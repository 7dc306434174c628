// Print facts: a kind tag per builtin type/attribute class, cached on each value
// (Type/Attribute.printFacts), so the printer's hot paths switch on one integer
// instead of walking instanceof chains. alias-printer.ts keeps its
// may-contain-an-alias bit in the same field.

import { Attribute } from "../ir/attribute.js";
import {
  AffineMapAttr,
  ArrayAttr,
  DenseArrayAttr,
  DenseIntOrFPElementsAttr,
  DenseResourceElementsAttr,
  DenseStringElementsAttr,
  DictionaryAttr,
  DistinctAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  OpaqueAttr,
  SparseElementsAttr,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "../ir/builtin-attributes.js";
import {
  ComplexType,
  FloatType,
  FunctionType,
  IndexType,
  IntegerType,
  MemRefType,
  NoneType,
  OpaqueType,
  RankedTensorType,
  TupleType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../ir/builtin-types.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, Location, NameLoc, UnknownLoc } from "../ir/location.js";
import type { Type } from "../ir/type.js";

/** Attribute classes the printer distinguishes. 0 is reserved for "not yet classified". */
export const enum AttrKind {
  Other = 1,
  Integer,
  Float,
  String,
  Array,
  Dictionary,
  Unit,
  TypeAttr,
  SymbolRef,
  AffineMap,
  IntegerSet,
  DenseIntOrFP,
  DenseString,
  DenseResource,
  Sparse,
  DenseArray,
  Opaque,
  Distinct,
  StridedLayout,
  UnknownLoc,
  FileLineCol,
  NameLoc,
  CallSiteLoc,
  FusedLoc,
  /** A Location subclass the printer does not know (printed as `unknown`). */
  OtherLoc,
}

/** Type classes the printer distinguishes. 0 is reserved for "not yet classified". */
export const enum TypeKind {
  Other = 1,
  Integer,
  Index,
  Float,
  None,
  Complex,
  Tuple,
  Function,
  Vector,
  RankedTensor,
  UnrankedTensor,
  MemRef,
  UnrankedMemRef,
  Opaque,
}

/** Bits of printFacts: the kind tag, then alias-printer.ts's two bits; its entry index (the slot) above them. */
export const kKindMask = 63;
export const kAliasKnown = 64;
export const kMayContainAlias = 128;
export const kFactsMask = 255;
export const kSlotShift = 8;
/** The largest slot: printFacts stays a small integer (31 bits). */
export const kMaxSlot = (1 << 22) - 1;

/** Per class: the first instanceof that matches is the kind, as the old if-chains decided. */
const attrKinds = new Map<unknown, number>();
const typeKinds = new Map<unknown, number>();

/**
 * The kind cached in `v.printFacts`, else the one `classify` gives its class
 * (remembered per class in `byClass`, then on the value). O(1) after the
 * first query per value.
 */
function cachedKind<V extends Attribute | Type>(v: V, byClass: Map<unknown, number>, classify: (v: V) => number): number {
  const cached = v.printFacts & kKindMask;
  if (cached !== 0) return cached;
  let k = byClass.get(v.constructor);
  if (k === undefined) byClass.set(v.constructor, (k = classify(v)));
  v.printFacts |= k;
  return k;
}

/** The kind of `a`. */
export function attrKind(a: Attribute): AttrKind {
  return cachedKind(a, attrKinds, classifyAttr);
}

/** The kind of `t`. */
export function typeKind(t: Type): TypeKind {
  return cachedKind(t, typeKinds, classifyType);
}

/** True for attributes; types are the other half of the printer's values. */
/**
 * Appends the types and attributes a type prints (element types, layouts,
 * encodings, members) to `out`, in text order. Shared by alias collection and
 * printing, which must agree on it.
 */
export function pushTypeChildren(t: Type, out: (Type | Attribute)[]): void {
  switch (typeKind(t)) {
    case TypeKind.MemRef: {
      const m = t as MemRefType;
      out.push(m.elementType);
      if (m.layout) out.push(m.layout);
      if (m.memorySpace) out.push(m.memorySpace);
      break;
    }
    case TypeKind.Complex:
    case TypeKind.Vector:
    case TypeKind.UnrankedTensor:
      out.push((t as ComplexType | VectorType | UnrankedTensorType).elementType);
      break;
    case TypeKind.RankedTensor: {
      const r = t as RankedTensorType;
      out.push(r.elementType);
      if (r.encoding) out.push(r.encoding);
      break;
    }
    case TypeKind.UnrankedMemRef: {
      const m = t as UnrankedMemRefType;
      out.push(m.elementType);
      if (m.memorySpace) out.push(m.memorySpace);
      break;
    }
    case TypeKind.Tuple:
      for (const e of (t as TupleType).types) out.push(e);
      break;
    case TypeKind.Function:
      for (const e of (t as FunctionType).inputs) out.push(e);
      for (const e of (t as FunctionType).results) out.push(e);
      break;
  }
}

export function isAttribute(v: Type | Attribute): v is Attribute {
  return v instanceof Attribute;
}

/** True when `a` is any location kind. */
export function isLocationKind(k: AttrKind): boolean {
  return k >= AttrKind.UnknownLoc;
}

function classifyAttr(a: Attribute): AttrKind {
  if (a instanceof Location) {
    if (a instanceof UnknownLoc) return AttrKind.UnknownLoc;
    if (a instanceof FileLineColRange) return AttrKind.FileLineCol;
    if (a instanceof NameLoc) return AttrKind.NameLoc;
    if (a instanceof CallSiteLoc) return AttrKind.CallSiteLoc;
    if (a instanceof FusedLoc) return AttrKind.FusedLoc;
    return AttrKind.OtherLoc;
  }
  if (a instanceof IntegerAttr) return AttrKind.Integer;
  if (a instanceof FloatAttr) return AttrKind.Float;
  if (a instanceof StringAttr) return AttrKind.String;
  if (a instanceof ArrayAttr) return AttrKind.Array;
  if (a instanceof DictionaryAttr) return AttrKind.Dictionary;
  if (a instanceof UnitAttr) return AttrKind.Unit;
  if (a instanceof TypeAttr) return AttrKind.TypeAttr;
  if (a instanceof SymbolRefAttr) return AttrKind.SymbolRef;
  if (a instanceof AffineMapAttr) return AttrKind.AffineMap;
  if (a instanceof IntegerSetAttr) return AttrKind.IntegerSet;
  if (a instanceof DenseIntOrFPElementsAttr) return AttrKind.DenseIntOrFP;
  if (a instanceof DenseStringElementsAttr) return AttrKind.DenseString;
  if (a instanceof DenseResourceElementsAttr) return AttrKind.DenseResource;
  if (a instanceof SparseElementsAttr) return AttrKind.Sparse;
  if (a instanceof DenseArrayAttr) return AttrKind.DenseArray;
  if (a instanceof OpaqueAttr) return AttrKind.Opaque;
  if (a instanceof DistinctAttr) return AttrKind.Distinct;
  if (a instanceof StridedLayoutAttr) return AttrKind.StridedLayout;
  return AttrKind.Other;
}

function classifyType(t: Type): TypeKind {
  if (t instanceof IntegerType) return TypeKind.Integer;
  if (t instanceof IndexType) return TypeKind.Index;
  if (t instanceof FloatType) return TypeKind.Float;
  if (t instanceof NoneType) return TypeKind.None;
  if (t instanceof ComplexType) return TypeKind.Complex;
  if (t instanceof TupleType) return TypeKind.Tuple;
  if (t instanceof FunctionType) return TypeKind.Function;
  if (t instanceof VectorType) return TypeKind.Vector;
  if (t instanceof RankedTensorType) return TypeKind.RankedTensor;
  if (t instanceof UnrankedTensorType) return TypeKind.UnrankedTensor;
  if (t instanceof MemRefType) return TypeKind.MemRef;
  if (t instanceof UnrankedMemRefType) return TypeKind.UnrankedMemRef;
  if (t instanceof OpaqueType) return TypeKind.Opaque;
  return TypeKind.Other;
}
