// Printing of builtin types, attributes and locations exactly as mlir-opt 22
// does (mlir/lib/IR/AsmPrinter.cpp), with aliases from alias-printer.ts.
// Strings are memoised per object, and nested values are printed bottom-up with
// an explicit stack, so 10,000-deep nesting prints without recursion.
//
// Rules (verified against mlir-opt-22):
// - i1 integers print `true`/`false` with no type; others print signed unless
//   the type is unsigned; `: i64` / `: f64` are elided inside arrays and for
//   memref layouts and memory spaces (AttrTypeElision::May), kept elsewhere.
// - A dictionary prints `{a = 1 : i64, "b c" = 2 : i64, unit_key}` sorted.
// - Dense data prints as nested lists; non-splat data with more than
//   `hexThreshold` elements prints as `"0x..."` raw little-endian bytes.
// - `distinct[N]<...>` ids are assigned in print order by this printer.
// - Dialect symbols print `!foo.bar<x>` when the data looks like
//   `ident(<...>)?`, else `!foo<data>`.

import { DenseStringElementsAttr, kDynamicStrideOrOffset } from "../ir/builtin-attributes.js";
import type { AffineMapAttr, ArrayAttr, DenseArrayAttr, DenseIntOrFPElementsAttr, DenseResourceElementsAttr, DictionaryAttr, DistinctAttr, FloatAttr, IntegerAttr, IntegerSetAttr, OpaqueAttr, SparseElementsAttr, StridedLayoutAttr, StringAttr, SymbolRefAttr, TypeAttr } from "../ir/builtin-attributes.js";
import type { Attribute } from "../ir/attribute.js";
import { ComplexType, FloatType, IntegerType, kDynamic, Signedness } from "../ir/builtin-types.js";
import type { FunctionType, MemRefType, OpaqueType, RankedTensorType, TupleType, UnrankedMemRefType, UnrankedTensorType, VectorType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { formatFloat } from "../ir/float-format.js";
import type { CallSiteLoc, FileLineColRange, FusedLoc, Location, NameLoc } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";
import { printAffineMap, printIntegerSet } from "./affine-printer.js";
import { AliasCollector } from "./alias-printer.js";
import { hasWideChar } from "./text-sink.js";
import { AttrKind, attrKind, isAttribute, isLocationKind, pushTypeChildren, TypeKind, typeKind } from "./print-facts.js";
import { elementStorageBits, readElementBits } from "./dense-parser.js";
import { printKeywordOrString, printSymbolReference, quoteString, toHexUpper } from "./escape.js";

/** How types, attributes and locations print. Names follow mlir-opt's flags. */
export interface AsmPrintOptions {
  /** `--mlir-print-debuginfo`: print op and block-argument locations. */
  printDebugInfo: boolean;
  /** `--mlir-print-local-scope`: no aliases; everything inline. */
  printLocalScope: boolean;
  /** `--mlir-print-elementsattrs-with-hex-if-larger` (default 100; -1 = never hex). */
  hexThreshold: number;
  /** `--mlir-print-op-generic` (alias collection follows the generic form's visiting order). */
  printGenericOpForm?: boolean;
}

const kDefaultOptions: AsmPrintOptions = { printDebugInfo: false, printLocalScope: true, hexThreshold: 100 };

/** A type as MLIR streams it into a diagnostic (no aliases). */
export function printTypeForDiagnostic(t: Type): string {
  return diagnosticPrinter(t.context).printType(t);
}

/** An attribute as MLIR streams it into a diagnostic (no aliases, type not elided). */
export function printAttributeForDiagnostic(a: Attribute): string {
  return diagnosticPrinter(a.context).printAttribute(a);
}

const diagnosticPrinters = new WeakMap<Context, TypeAttrPrinter>();
function diagnosticPrinter(ctx: Context): TypeAttrPrinter {
  let p = diagnosticPrinters.get(ctx);
  if (!p) diagnosticPrinters.set(ctx, (p = new TypeAttrPrinter(ctx, kDefaultOptions)));
  return p;
}

/** True when `data` prints in pretty form after the dialect (isDialectSymbolSimpleEnoughForPrettyForm). */
function isSimpleDialectData(data: string): boolean {
  const n = data.length;
  if (n === 0) return false;
  const c0 = data.charCodeAt(0);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) return false;
  let i = 1;
  for (; i < n; i++) {
    const c = data.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95;
    if (!ok) break;
  }
  if (i === n) return true;
  return data.charCodeAt(i) === 60 && data.charCodeAt(n - 1) === 62;
}

/** `!dialect.data` or `!dialect<data>` (printDialectSymbol). */
export function printDialectSymbol(prefix: string, dialect: string, data: string): string {
  return isSimpleDialectData(data) ? prefix + dialect + "." + data : prefix + dialect + "<" + data + ">";
}

/** signExtend for 0 <= bits < 2^32 and width <= 32, in number arithmetic. */
function signExtendSmall(bits: number, width: number): number {
  if (width === 0) return 0;
  const shift = 32 - width;
  return ((bits << shift) >> shift);
}

/** Signed value of `bits` as a `width`-bit two's complement integer. */
function signExtend(bits: bigint, width: number): bigint {
  return width === 0 ? 0n : BigInt.asIntN(width, bits);
}

/**
 * Deeper nesting than this prints through the iterative path (explicit stack,
 * memoised), so 10,000-deep types and attributes print without recursion;
 * shallower values (nearly all) print by direct recursion, memoising nothing
 * but types.
 */
const kMaxDirectDepth = 64;

/**
 * Prints types, attributes and locations with one printer state (aliases,
 * distinct ids, memoised type strings). The op printer creates one per output.
 */
export class TypeAttrPrinter {
  /** What printType returns (alias or text): types repeat, so each prints once. */
  private readonly typeTexts = new Map<Type, string>();
  /** Alias-free texts memoised by the iterative path for values nested deeper than kMaxDirectDepth. */
  private readonly deepTexts = new Map<Type | Attribute, string>();
  /** Nesting depth of the direct (recursive) path. */
  private depth = 0;
  private readonly distinctIds = new Map<DistinctAttr, number>();
  /** Location files repeat: each quoted once. */
  private readonly quotedFilenames = new Map<string, string>();
  /** `dense_resource` keys in first-print order, when recording (resourceKeys). */
  private readonly resources: string[] = [];
  private readonly resourceSet = new Set<string>();
  private readonly aliases: AliasCollector;
  /** Set once some printed text had a char above 0xFF (only raw opaque data can: see TextSink). */
  sawWideChars = false;

  constructor(
    readonly ctx: Context,
    readonly options: AsmPrintOptions,
  ) {
    this.aliases = new AliasCollector(options);
  }

  //===------------------------------------------------------------------===//
  // Aliases and resources
  //===------------------------------------------------------------------===//

  /**
   * Finds the `#map`/`#set`/`#loc`/`#distinct`/`!tuple` aliases mlir-opt's
   * AliasInitializer would create for printing `root` (same names, numbering
   * and order). No-op with printLocalScope. O(size of the IR).
   */
  collectAliases(root: Operation): void {
    if (this.options.printLocalScope) return;
    this.aliases.collect(root);
  }

  /** Alias definitions printed before the top-level op (`#map = affine_map<...>\n`...). */
  aliasesBefore(): string {
    return this.aliases.definitions(/*deferred=*/ false, this);
  }

  /** Alias definitions printed after the top-level op (op locations: `#loc = loc(...)\n`...). */
  aliasesAfter(): string {
    return this.aliases.definitions(/*deferred=*/ true, this);
  }

  /** aliasesBefore/aliasesAfter one line at a time (a module has an alias per op location with debuginfo). */
  writeAliases(deferred: boolean, emit: (line: string) => void): void {
    this.aliases.writeDefinitions(deferred, this, emit);
  }

  /**
   * The `dense_resource` keys printed so far, in first-print order (as
   * MLIR's printResourceHandle records them for the `{-# #-}` block).
   */
  resourceKeys(): readonly string[] {
    return this.resources;
  }

  //===------------------------------------------------------------------===//
  // Public printing API
  //===------------------------------------------------------------------===//

  /** A type, or its alias. Memoised per type: O(1) after the first call. */
  printType(t: Type): string {
    let s = this.typeTexts.get(t);
    if (s === undefined) {
      s = (typeKind(t) === TypeKind.Tuple ? this.aliases.nameOf(t) : undefined) ?? this.typeText(t);
      this.typeTexts.set(t, s);
    }
    return s;
  }

  /** An attribute, or its alias. Only aliases and deeply nested values are memoised. */
  printAttribute(a: Attribute): string {
    const k = attrKind(a);
    if (isAliasableKind(k)) {
      const alias = this.aliases.nameOf(a);
      if (alias !== undefined) return alias;
    }
    if (this.depth >= kMaxDirectDepth) return this.deepText(a);
    this.depth++;
    const s = this.composeAttr(a, k);
    this.depth--;
    return s;
  }

  /** An attribute with `: i64`/`: f64` elided (array elements, memref layout and memory space). */
  printAttributeElided(a: Attribute): string {
    const k = attrKind(a);
    if (k === AttrKind.Integer) {
      const t = (a as IntegerAttr).type;
      if (typeKind(t) === TypeKind.Integer && (t as IntegerType).width === 64 && (t as IntegerType).isSignless) return (a as IntegerAttr).value.toString();
    } else if (k === AttrKind.Float) {
      // A hex bit pattern (NaN, inf, some integral values) keeps its type, or it
      // would read back as an integer (MLIR elides only decimal forms).
      const f = a as FloatAttr;
      if (f.type.kind === "f64") {
        const text = formatFloat(f.bits, "f64");
        if (!isHexFloatText(text)) return text;
      }
    }
    return this.printAttribute(a);
  }

  /** ` {a = 1 : i64, b}` as after a generic op (leading space), or "" when empty. */
  printAttrDict(d: DictionaryAttr): string {
    if (d.size === 0) return "";
    return " " + this.printAttribute(d);
  }

  /** A symbol name as after `@` (bare when possible, else quoted): `foo`, `"a b"`. */
  printSymbolName(name: string, _bare?: boolean): string {
    return printKeywordOrString(name);
  }

  /**
   * A trailing location: `loc(#loc3)` when it has an alias (and `allowAlias`),
   * else inline `loc("f":1:2)`. Block arguments print inline (allowAlias false),
   * though their aliases are still defined at the top, as mlir-opt does.
   */
  printLocation(loc: Location, allowAlias = true): string {
    if (allowAlias) {
      const alias = this.aliases.nameOf(loc);
      if (alias !== undefined) return "loc(" + alias + ")";
    }
    return "loc(" + this.locationInternal(loc) + ")";
  }

  /** The alias-free definition text of an aliased value (`#map = <this>`). */
  definitionText(v: Type | Attribute): string {
    if (!isAttribute(v)) return this.typeText(v);
    const k = attrKind(v);
    if (isLocationKind(k)) return "loc(" + this.locationInternal(v as Location) + ")";
    if (this.depth >= kMaxDirectDepth) return this.deepText(v);
    this.depth++;
    const s = this.composeAttr(v, k);
    this.depth--;
    return s;
  }

  //===------------------------------------------------------------------===//
  // Types
  //===------------------------------------------------------------------===//

  /** The alias-free text of `t` (its children may print as aliases). */
  private typeText(t: Type): string {
    if (this.depth >= kMaxDirectDepth) return this.deepText(t);
    this.depth++;
    const s = this.composeType(t);
    this.depth--;
    return s;
  }

  /** One type's text; children print through printType/printAttribute. */
  private composeType(t: Type): string {
    switch (typeKind(t)) {
      case TypeKind.Integer: {
        const i = t as IntegerType;
        return (i.signedness === Signedness.Signed ? "si" : i.signedness === Signedness.Unsigned ? "ui" : "i") + i.width;
      }
      case TypeKind.Float:
        return (t as FloatType).kind;
      case TypeKind.Index:
        return "index";
      case TypeKind.None:
        return "none";
      case TypeKind.Complex:
        return "complex<" + this.printType((t as ComplexType).elementType) + ">";
      case TypeKind.Tuple:
        return "tuple<" + this.typeList((t as TupleType).types) + ">";
      case TypeKind.Function: {
        const f = t as FunctionType;
        const r = f.results;
        const single = r.length === 1 && typeKind(r[0]!) !== TypeKind.Function;
        return "(" + this.typeList(f.inputs) + ") -> " + (single ? this.printType(r[0]!) : "(" + this.typeList(r) + ")");
      }
      case TypeKind.Vector: {
        const v = t as VectorType;
        let s = "vector<";
        for (let i = 0; i < v.shape.length; i++) s += v.scalableDims[i] ? "[" + v.shape[i] + "]x" : v.shape[i] + "x";
        return s + this.printType(v.elementType) + ">";
      }
      case TypeKind.RankedTensor: {
        const r = t as RankedTensorType;
        let s = "tensor<" + shapePrefix(r.shape) + this.printType(r.elementType);
        if (r.encoding) s += ", " + this.printAttribute(r.encoding);
        return s + ">";
      }
      case TypeKind.UnrankedTensor:
        return "tensor<*x" + this.printType((t as UnrankedTensorType).elementType) + ">";
      case TypeKind.MemRef: {
        const m = t as MemRefType;
        let s = "memref<" + shapePrefix(m.shape) + this.printType(m.elementType);
        if (m.layout) s += ", " + this.printAttributeElided(m.layout);
        if (m.memorySpace) s += ", " + this.printAttributeElided(m.memorySpace);
        return s + ">";
      }
      case TypeKind.UnrankedMemRef: {
        const m = t as UnrankedMemRefType;
        let s = "memref<*x" + this.printType(m.elementType);
        if (m.memorySpace) s += ", " + this.printAttributeElided(m.memorySpace);
        return s + ">";
      }
      case TypeKind.Opaque:
        return this.dialectSymbol("!", (t as OpaqueType).dialect, (t as OpaqueType).data);
      default:
        return "<<UNKNOWN TYPE>>";
    }
  }

  private typeList(types: readonly Type[]): string {
    let s = "";
    for (let i = 0; i < types.length; i++) s += (i ? ", " : "") + this.printType(types[i]!);
    return s;
  }

  //===------------------------------------------------------------------===//
  // Attributes
  //===------------------------------------------------------------------===//

  /** One attribute's text (never its own alias); children print through printAttribute/printType. */
  private composeAttr(a: Attribute, k: AttrKind): string {
    switch (k) {
      case AttrKind.Dictionary: {
        let s = "{";
        const d = a as DictionaryAttr;
        for (let i = 0; i < d.size; i++) {
          const value = d.valueAt(i);
          s += (i ? ", " : "") + printKeywordOrString(d.nameAt(i));
          if (attrKind(value) !== AttrKind.Unit) s += " = " + this.printAttribute(value);
        }
        return s + "}";
      }
      case AttrKind.Integer: {
        const i = a as IntegerAttr;
        const t = i.type;
        if (typeKind(t) === TypeKind.Integer && (t as IntegerType).width === 1 && (t as IntegerType).isSignless) return i.value !== 0n ? "true" : "false";
        return i.value.toString() + " : " + this.printType(t);
      }
      case AttrKind.Float: {
        const f = a as FloatAttr;
        return formatFloat(f.bits, f.type.kind) + " : " + this.printType(f.type);
      }
      case AttrKind.String:
        return quoteString((a as StringAttr).value) + this.typeSuffix(a.type);
      case AttrKind.Array: {
        let s = "[";
        const v = (a as ArrayAttr).value;
        for (let i = 0; i < v.length; i++) s += (i ? ", " : "") + this.printAttributeElided(v[i]!);
        return s + "]";
      }
      case AttrKind.Unit:
        return "unit";
      case AttrKind.TypeAttr:
        return this.printType((a as TypeAttr).value);
      case AttrKind.SymbolRef: {
        const r = a as SymbolRefAttr;
        let s = printSymbolReference(r.root);
        for (const n of r.nested) s += "::" + printSymbolReference(n);
        return s;
      }
      case AttrKind.AffineMap:
        return printAffineMap((a as AffineMapAttr).value);
      case AttrKind.IntegerSet:
        return printIntegerSet((a as IntegerSetAttr).value);
      case AttrKind.DenseIntOrFP: {
        const d = a as DenseIntOrFPElementsAttr;
        return "dense<" + this.denseIntOrFP(d, /*allowHex=*/ true) + "> : " + this.printType(d.type);
      }
      case AttrKind.DenseString: {
        const d = a as DenseStringElementsAttr;
        return "dense<" + this.denseStrings(d) + "> : " + this.printType(d.type);
      }
      case AttrKind.DenseResource: {
        const d = a as DenseResourceElementsAttr;
        this.noteResource(d.key);
        return "dense_resource<" + printKeywordOrString(d.key) + "> : " + this.printType(d.type);
      }
      case AttrKind.Sparse: {
        const sp = a as SparseElementsAttr;
        let s = "sparse<";
        if ((sp.indices.type.numElements ?? 0) !== 0) {
          s += this.denseIntOrFP(sp.indices, /*allowHex=*/ false) + ", ";
          s += sp.values instanceof DenseStringElementsAttr ? this.denseStrings(sp.values) : this.denseIntOrFP(sp.values, true);
        }
        return s + "> : " + this.printType(sp.type);
      }
      case AttrKind.DenseArray: {
        const d = a as DenseArrayAttr;
        let s = "array<" + this.printType(d.elementType);
        if (d.size) s += ": " + this.denseArrayElements(d);
        return s + ">";
      }
      case AttrKind.Opaque: {
        const o = a as OpaqueAttr;
        return this.dialectSymbol("#", o.dialect, o.data) + this.typeSuffix(o.type);
      }
      case AttrKind.Distinct: {
        const d = a as DistinctAttr;
        const id = this.distinctId(d);
        return "distinct[" + id + "]<" + (attrKind(d.referenced) === AttrKind.Unit ? "" : this.printAttribute(d.referenced)) + ">";
      }
      case AttrKind.StridedLayout: {
        const l = a as StridedLayoutAttr;
        let s = "strided<[";
        for (let i = 0; i < l.strides.length; i++) s += (i ? ", " : "") + strideText(l.strides[i]!);
        s += "]";
        if (l.offset !== 0) s += ", offset: " + strideText(l.offset);
        return s + ">";
      }
      case AttrKind.Other:
        return "<<UNKNOWN ATTRIBUTE>>";
      default:
        // Every location kind.
        return "loc(" + this.locationInternal(a as Location) + ")";
    }
  }

  /** printDialectSymbol, noting raw text that does not fit latin1. */
  private dialectSymbol(prefix: string, dialect: string, data: string): string {
    if (hasWideChar(data) || hasWideChar(dialect)) this.sawWideChars = true;
    return printDialectSymbol(prefix, dialect, data);
  }

  private typeSuffix(t: Type | undefined): string {
    return t && typeKind(t) !== TypeKind.None ? " : " + this.printType(t) : "";
  }

  /** `distinct[N]` ids count up in print order (MLIR's DistinctState). */
  private distinctId(d: DistinctAttr): number {
    let id = this.distinctIds.get(d);
    if (id === undefined) this.distinctIds.set(d, (id = this.distinctIds.size));
    return id;
  }

  private noteResource(key: string): void {
    if (this.resourceSet.has(key)) return;
    this.resourceSet.add(key);
    this.resources.push(key);
  }

  //===------------------------------------------------------------------===//
  // Deep values: iterative and memoised
  //===------------------------------------------------------------------===//

  /** The alias-free text of `v` through the iterative path. */
  private deepText(v: Type | Attribute): string {
    const hit = this.deepTexts.get(v);
    if (hit !== undefined) return hit;
    this.ensureDeep(v);
    return this.deepTexts.get(v)!;
  }

  /** Children whose strings are needed before `v` can be composed. */
  private printedChildren(v: Type | Attribute, out: (Type | Attribute)[]): void {
    if (isAttribute(v)) {
      switch (attrKind(v)) {
        case AttrKind.Array:
          for (const e of (v as ArrayAttr).value) out.push(e);
          break;
        case AttrKind.Dictionary:
          for (let i = 0; i < (v as DictionaryAttr).size; i++) out.push((v as DictionaryAttr).valueAt(i));
          break;
        case AttrKind.Distinct:
          out.push((v as DistinctAttr).referenced);
          break;
        case AttrKind.TypeAttr:
          out.push((v as TypeAttr).value);
          break;
        case AttrKind.FusedLoc: {
          const m = (v as FusedLoc).metadata;
          if (m) out.push(m);
          break;
        }
        case AttrKind.DenseArray:
          out.push((v as DenseArrayAttr).elementType);
          break;
      }
      const t = v.type;
      if (t && typeKind(t) !== TypeKind.None) out.push(t);
      return;
    }
    pushTypeChildren(v, out);
  }

  /** True when `v` prints as an alias or already has a string (it need not be expanded). */
  private isResolved(v: Type | Attribute): boolean {
    if (this.deepTexts.has(v)) return true;
    if (isAttribute(v)) return isAliasableKind(attrKind(v)) && this.aliases.nameOf(v) !== undefined;
    return this.typeTexts.has(v);
  }

  /**
   * Memoises the strings of `root` and of every unresolved value under it,
   * children first, left to right. Distinct ids are taken when a value is
   * first reached, so they follow the text order as in the direct path. The
   * composition then finds every child memoised (printType/printAttribute
   * stay on this path while depth >= kMaxDirectDepth). Iterative.
   */
  private ensureDeep(root: Type | Attribute): void {
    const saved = this.depth;
    this.depth = kMaxDirectDepth;
    const stack: (Type | Attribute)[] = [root];
    const expanded: boolean[] = [false];
    const children: (Type | Attribute)[] = [];
    while (stack.length) {
      const top = stack.length - 1;
      const v = stack[top]!;
      if (this.deepTexts.has(v)) {
        stack.pop();
        expanded.pop();
        continue;
      }
      if (!expanded[top]) {
        expanded[top] = true;
        if (isAttribute(v) && attrKind(v) === AttrKind.Distinct) this.distinctId(v as DistinctAttr);
        children.length = 0;
        this.printedChildren(v, children);
        for (let i = children.length - 1; i >= 0; i--) {
          const c = children[i]!;
          if (!this.isResolved(c)) {
            stack.push(c);
            expanded.push(false);
          }
        }
        continue;
      }
      stack.pop();
      expanded.pop();
      this.deepTexts.set(v, isAttribute(v) ? this.composeAttr(v, attrKind(v)) : this.composeType(v));
    }
    this.depth = saved;
  }

  //===------------------------------------------------------------------===//
  // Locations
  //===------------------------------------------------------------------===//

  /** A nested location: its alias if any, else its text. */
  private nestedLocation(loc: Location): string {
    return this.aliases.nameOf(loc) ?? this.locationInternal(loc);
  }

  private quotedFilename(name: string): string {
    let q = this.quotedFilenames.get(name);
    if (q === undefined) this.quotedFilenames.set(name, (q = quoteString(name)));
    return q;
  }

  /** printLocationInternal for a top-level location (no alias for `loc` itself). Recursive in nesting depth. */
  private locationInternal(loc: Location): string {
    switch (attrKind(loc)) {
      case AttrKind.FileLineCol: {
        const l = loc as FileLineColRange;
        let s = this.quotedFilename(l.filename) + ":" + l.startLine + ":" + l.startColumn;
        if (l.endLine !== l.startLine) s += " to " + l.endLine + ":" + l.endColumn;
        else if (l.endColumn !== l.startColumn) s += " to :" + l.endColumn;
        return s;
      }
      case AttrKind.NameLoc: {
        const l = loc as NameLoc;
        const s = quoteString(l.name);
        return attrKind(l.child) === AttrKind.UnknownLoc ? s : s + "(" + this.nestedLocation(l.child) + ")";
      }
      case AttrKind.CallSiteLoc: {
        const l = loc as CallSiteLoc;
        return "callsite(" + this.nestedLocation(l.callee) + " at " + this.nestedLocation(l.caller) + ")";
      }
      case AttrKind.FusedLoc: {
        const l = loc as FusedLoc;
        let s = "fused";
        if (l.metadata) s += "<" + this.printAttribute(l.metadata) + ">";
        s += "[";
        for (let i = 0; i < l.locations.length; i++) s += (i ? ", " : "") + this.nestedLocation(l.locations[i]!);
        return s + "]";
      }
      default:
        return "unknown";
    }
  }

  //===------------------------------------------------------------------===//
  // Element data
  //===------------------------------------------------------------------===//

  private shouldPrintHex(numElements: number): boolean {
    const limit = this.options.hexThreshold;
    return limit >= 0 && numElements > limit;
  }

  /** The inside of `dense<...>` for int/float/complex data (printDenseIntOrFPElementsAttr). */
  private denseIntOrFP(a: DenseIntOrFPElementsAttr, allowHex: boolean): string {
    const type = a.type;
    const numElements = type.numElements ?? 0;
    if (!a.isSplat && allowHex && this.shouldPrintHex(numElements)) return '"0x' + toHexUpper(a.data) + '"';
    let elt = type.elementType;
    const isComplex = elt instanceof ComplexType;
    if (elt instanceof ComplexType) elt = elt.elementType;
    const bits = elementStorageBits(elt);
    const scalar = (i: number): string => {
      const raw = readElementBits(a, i, bits);
      if (elt instanceof FloatType) return formatFloat(raw, elt.kind);
      if (elt instanceof IntegerType) {
        if (elt.width === 1) return raw & 1n ? "true" : "false";
        return (elt.signedness === Signedness.Unsigned ? BigInt.asUintN(elt.width, raw) : signExtend(raw, elt.width)).toString();
      }
      return signExtend(raw, 64).toString();
    };
    const element = isComplex ? (i: number): string => "(" + scalar(2 * i) + "," + scalar(2 * i + 1) + ")" : scalar;
    return printElements(a.isSplat, type.shape ?? [], numElements, element);
  }

  private denseStrings(a: DenseStringElementsAttr): string {
    const type = a.type;
    return printElements(a.isSplat, type.shape ?? [], type.numElements ?? 0, (i) => quoteString(a.values[i]!));
  }

  private denseArrayElements(a: DenseArrayAttr): string {
    const t = a.elementType;
    const isI1 = t instanceof IntegerType && t.width === 1;
    const width = t instanceof IntegerType ? t.width : 0;
    const isUnsigned = t instanceof IntegerType && t.signedness === Signedness.Unsigned;
    const nbytes = isI1 ? 1 : a.data.length / Math.max(1, a.size);
    // Elements of at most 4 bytes are read as numbers: BigInt work per byte
    // dominated printing `array<i32: ...>` and `array<f32: ...>`.
    const small = nbytes <= 4 && width <= 32;
    const data = a.data;
    let s = "";
    for (let i = 0; i < a.size; i++) {
      let text: string;
      if (small) {
        let x = 0;
        for (let k = nbytes - 1; k >= 0; k--) x = x * 256 + data[i * nbytes + k]!;
        if (t instanceof FloatType) text = formatFloat(BigInt(x), t.kind);
        else if (isI1) text = x & 1 ? "true" : "false";
        else text = String(isUnsigned ? x : signExtendSmall(x, width));
      } else {
        let v = 0n;
        for (let k = nbytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(data[i * nbytes + k]!);
        if (t instanceof FloatType) text = formatFloat(v, t.kind);
        else if (isI1) text = v & 1n ? "true" : "false";
        else text = (isUnsigned ? v : signExtend(v, width)).toString();
      }
      s += (i ? ", " : "") + text;
    }
    return s;
  }

}

/** Kinds that can have an alias of their own (see alias-printer.ts). */
function isAliasableKind(k: AttrKind): boolean {
  return k === AttrKind.AffineMap || k === AttrKind.IntegerSet || k === AttrKind.Distinct || isLocationKind(k);
}

/** `0x7FC00000` or `-0x...`: formatFloat's bit-pattern form. */
function isHexFloatText(text: string): boolean {
  return text.charCodeAt(0) === 48 /* 0 */ ? text.charCodeAt(1) === 120 /* x */ : text.charCodeAt(0) === 45 /* - */ && text.charCodeAt(2) === 120;
}

function shapePrefix(shape: readonly number[]): string {
  let s = "";
  for (const d of shape) s += (d === kDynamic ? "?" : String(d)) + "x";
  return s;
}

function strideText(v: number): string {
  return v === kDynamicStrideOrOffset ? "?" : String(v);
}

/**
 * printDenseElementsAttrImpl: a splat prints one element; otherwise nested
 * `[...]` following the shape (a mixed-radix counter), `, ` between elements.
 */
function printElements(isSplat: boolean, shape: readonly number[], numElements: number, element: (i: number) => string): string {
  if (isSplat) return element(0);
  if (numElements === 0) return "";
  const rank = shape.length;
  if (rank === 0) return element(0);
  const counter = new Array<number>(rank).fill(0);
  const parts: string[] = [];
  let open = 0;
  for (let idx = 0; idx < numElements; idx++) {
    let s = idx !== 0 ? ", " : "";
    while (open < rank) {
      s += "[";
      open++;
    }
    s += element(idx);
    // Bump the mixed-radix counter, closing a bracket per rolled-over digit.
    counter[rank - 1]!++;
    for (let i = rank - 1; i > 0; i--) {
      if (counter[i]! >= shape[i]!) {
        counter[i] = 0;
        counter[i - 1]!++;
        open--;
        s += "]";
      }
    }
    parts.push(s);
  }
  let tail = "";
  while (open-- > 0) tail += "]";
  return parts.join("") + tail;
}
