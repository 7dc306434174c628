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

import { AffineMapAttr, ArrayAttr, DenseArrayAttr, DenseIntOrFPElementsAttr, DenseResourceElementsAttr, DenseStringElementsAttr, DictionaryAttr, DistinctAttr, FloatAttr, IntegerAttr, IntegerSetAttr, kDynamicStrideOrOffset, OpaqueAttr, SparseElementsAttr, StridedLayoutAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr } from "../ir/builtin-attributes.js";
import { Attribute } from "../ir/attribute.js";
import { ComplexType, FloatType, FunctionType, IndexType, IntegerType, kDynamic, MemRefType, NoneType, OpaqueType, RankedTensorType, Signedness, TupleType, UnrankedMemRefType, UnrankedTensorType, VectorType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { formatFloat } from "../ir/float-format.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, Location, NameLoc, UnknownLoc } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";
import { printAffineMap, printIntegerSet } from "./affine-printer.js";
import { AliasCollector } from "./alias-printer.js";
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

/** Signed value of `bits` as a `width`-bit two's complement integer. */
function signExtend(bits: bigint, width: number): bigint {
  return width === 0 ? 0n : BigInt.asIntN(width, bits);
}

/**
 * Prints types, attributes and locations with one printer state (aliases,
 * distinct ids, memoised strings). The op printer creates one per output.
 */
export class TypeAttrPrinter {
  /** What printType/printAttribute return: alias names (seeded after collection) and memoised texts. */
  private readonly printed = new Map<Type | Attribute, string>();
  /** Memoised alias-free texts ("impl" strings; their children may print as aliases). */
  private readonly impl = new Map<Type | Attribute, string>();
  private readonly distinctIds = new Map<DistinctAttr, number>();
  /** Locations of one file repeat its name: keep the last one quoted. */
  private lastFilename = "";
  private lastQuotedFilename = '""';
  private readonly aliases: AliasCollector;

  constructor(
    readonly ctx: Context,
    readonly options: AsmPrintOptions,
  ) {
    this.aliases = new AliasCollector(options);
  }

  //===------------------------------------------------------------------===//
  // Aliases
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

  //===------------------------------------------------------------------===//
  // Public printing API
  //===------------------------------------------------------------------===//

  /** A type, or its alias. Memoised per type: O(1) after the first call. */
  printType(t: Type): string {
    let s = this.printed.get(t);
    if (s === undefined) this.printed.set(t, (s = this.aliases.nameOf(t) ?? this.implOf(t)));
    return s;
  }

  /** An attribute, or its alias. Memoised per attribute. */
  printAttribute(a: Attribute): string {
    let s = this.printed.get(a);
    if (s === undefined) this.printed.set(a, (s = this.aliases.nameOf(a) ?? this.implOf(a)));
    return s;
  }

  /** An attribute with `: i64`/`: f64` elided (array elements, memref layout and memory space). */
  printAttributeElided(a: Attribute): string {
    if (a instanceof IntegerAttr) {
      const t = a.type;
      if (t instanceof IntegerType && t.width === 64 && t.isSignless) return a.value.toString();
    } else if (a instanceof FloatAttr) {
      // A hex bit pattern (NaN, inf, some integral values) keeps its type, or it
      // would read back as an integer (MLIR elides only decimal forms).
      if (a.type.kind === "f64") {
        const text = formatFloat(a.bits, "f64");
        if (!text.startsWith("0x") && !text.startsWith("-0x")) return text;
      }
    }
    return this.printAttribute(a);
  }

  /** ` {a = 1 : i64, b}` as after a generic op (leading space), or "" when empty. */
  printAttrDict(d: DictionaryAttr): string {
    if (d.size === 0) return "";
    return " " + this.implOf(d);
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
    return v instanceof Location ? "loc(" + this.locationInternal(v) + ")" : isType(v) ? this.typeImpl(v) : this.attrImpl(v);
  }

  //===------------------------------------------------------------------===//
  // Types
  //===------------------------------------------------------------------===//

  /** Children of `t` whose strings are needed before `t` can be composed. */
  private typeChildren(t: Type, out: (Type | Attribute)[]): void {
    if (t instanceof ComplexType || t instanceof VectorType || t instanceof UnrankedTensorType) out.push(t.elementType);
    else if (t instanceof TupleType) for (const e of t.types) out.push(e);
    else if (t instanceof FunctionType) {
      for (const e of t.inputs) out.push(e);
      for (const e of t.results) out.push(e);
    } else if (t instanceof RankedTensorType) {
      out.push(t.elementType);
      if (t.encoding) out.push(t.encoding);
    } else if (t instanceof MemRefType) {
      out.push(t.elementType);
      if (t.layout) out.push(t.layout);
      if (t.memorySpace) out.push(t.memorySpace);
    } else if (t instanceof UnrankedMemRefType) {
      out.push(t.elementType);
      if (t.memorySpace) out.push(t.memorySpace);
    }
  }

  /** The alias-free text of `v`, memoised. */
  private implOf(v: Type | Attribute): string {
    const hit = this.impl.get(v);
    if (hit !== undefined) return hit;
    this.ensure(v);
    return this.impl.get(v)!;
  }

  private typeImpl(t: Type): string {
    return this.implOf(t);
  }

  private attrImpl(a: Attribute): string {
    return this.implOf(a);
  }

  /**
   * Computes and memoises the strings of `root` and of every not-yet-printed
   * value under it, children first (left to right, so distinct ids follow the
   * text order). Aliased children are not expanded. Iterative.
   */
  private ensure(root: Type | Attribute): void {
    const stack: (Type | Attribute)[] = [root];
    const expanded: boolean[] = [false];
    const children: (Type | Attribute)[] = [];
    while (stack.length) {
      const top = stack.length - 1;
      const v = stack[top]!;
      if (this.isMemoised(v)) {
        stack.pop();
        expanded.pop();
        continue;
      }
      if (!expanded[top]) {
        expanded[top] = true;
        children.length = 0;
        if (isType(v)) this.typeChildren(v, children);
        else this.attrChildren(v, children);
        for (let i = children.length - 1; i >= 0; i--) {
          const c = children[i]!;
          if (!this.printed.has(c) && !this.isMemoised(c) && this.aliases.nameOf(c) === undefined) {
            stack.push(c);
            expanded.push(false);
          }
        }
        continue;
      }
      stack.pop();
      expanded.pop();
      this.impl.set(v, isType(v) ? this.composeType(v) : this.composeAttr(v));
    }
  }

  private isMemoised(v: Type | Attribute): boolean {
    return this.impl.has(v);
  }

  /** One type's text from its children's memoised (or aliased) strings. */
  private composeType(t: Type): string {
    if (t instanceof IntegerType) return (t.signedness === Signedness.Signed ? "si" : t.signedness === Signedness.Unsigned ? "ui" : "i") + t.width;
    if (t instanceof FloatType) return t.kind;
    if (t instanceof IndexType) return "index";
    if (t instanceof NoneType) return "none";
    if (t instanceof ComplexType) return "complex<" + this.printType(t.elementType) + ">";
    if (t instanceof TupleType) return "tuple<" + this.typeList(t.types) + ">";
    if (t instanceof FunctionType) {
      const r = t.results;
      const single = r.length === 1 && !(r[0] instanceof FunctionType);
      return "(" + this.typeList(t.inputs) + ") -> " + (single ? this.printType(r[0]!) : "(" + this.typeList(r) + ")");
    }
    if (t instanceof VectorType) {
      let s = "vector<";
      for (let i = 0; i < t.shape.length; i++) s += t.scalableDims[i] ? "[" + t.shape[i] + "]x" : t.shape[i] + "x";
      return s + this.printType(t.elementType) + ">";
    }
    if (t instanceof RankedTensorType) {
      let s = "tensor<" + shapePrefix(t.shape) + this.printType(t.elementType);
      if (t.encoding) s += ", " + this.printAttribute(t.encoding);
      return s + ">";
    }
    if (t instanceof UnrankedTensorType) return "tensor<*x" + this.printType(t.elementType) + ">";
    if (t instanceof MemRefType) {
      let s = "memref<" + shapePrefix(t.shape) + this.printType(t.elementType);
      if (t.layout) s += ", " + this.printAttributeElided(t.layout);
      if (t.memorySpace) s += ", " + this.printAttributeElided(t.memorySpace);
      return s + ">";
    }
    if (t instanceof UnrankedMemRefType) {
      let s = "memref<*x" + this.printType(t.elementType);
      if (t.memorySpace) s += ", " + this.printAttributeElided(t.memorySpace);
      return s + ">";
    }
    if (t instanceof OpaqueType) return printDialectSymbol("!", t.dialect, t.data);
    return "<<UNKNOWN TYPE>>";
  }

  private typeList(types: readonly Type[]): string {
    let s = "";
    for (let i = 0; i < types.length; i++) s += (i ? ", " : "") + this.printType(types[i]!);
    return s;
  }

  //===------------------------------------------------------------------===//
  // Attributes
  //===------------------------------------------------------------------===//

  private attrChildren(a: Attribute, out: (Type | Attribute)[]): void {
    if (a instanceof ArrayAttr) for (const e of a.value) out.push(e);
    else if (a instanceof DictionaryAttr) for (const e of a.entries) out.push(e.value);
    else if (a instanceof DistinctAttr) out.push(a.referenced);
    else if (a instanceof TypeAttr) out.push(a.value);
    else if (a instanceof FusedLoc) {
      if (a.metadata) out.push(a.metadata);
    } else if (a instanceof DenseArrayAttr) out.push(a.elementType);
    const t = a.type;
    if (t && !(t instanceof NoneType)) out.push(t);
  }

  /** One attribute's text (never its own alias) from its children's strings. */
  private composeAttr(a: Attribute): string {
    if (a instanceof Location) return "loc(" + this.locationInternal(a) + ")";
    if (a instanceof OpaqueAttr) return printDialectSymbol("#", a.dialect, a.data) + this.typeSuffix(a.type);
    if (a instanceof UnitAttr) return "unit";
    if (a instanceof DistinctAttr) {
      let id = this.distinctIds.get(a);
      if (id === undefined) this.distinctIds.set(a, (id = this.distinctIds.size));
      return "distinct[" + id + "]<" + (a.referenced instanceof UnitAttr ? "" : this.printAttribute(a.referenced)) + ">";
    }
    if (a instanceof DictionaryAttr) {
      let s = "{";
      const entries = a.entries;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        s += (i ? ", " : "") + printKeywordOrString(e.name);
        if (!(e.value instanceof UnitAttr)) s += " = " + this.printAttribute(e.value);
      }
      return s + "}";
    }
    if (a instanceof IntegerAttr) {
      const t = a.type;
      if (t instanceof IntegerType && t.width === 1 && t.isSignless) return a.value !== 0n ? "true" : "false";
      return a.value.toString() + " : " + this.printType(t);
    }
    if (a instanceof FloatAttr) return formatFloat(a.bits, a.type.kind) + " : " + this.printType(a.type);
    if (a instanceof StringAttr) return quoteString(a.value) + this.typeSuffix(a.type);
    if (a instanceof ArrayAttr) {
      let s = "[";
      const v = a.value;
      for (let i = 0; i < v.length; i++) s += (i ? ", " : "") + this.printAttributeElided(v[i]!);
      return s + "]";
    }
    if (a instanceof AffineMapAttr) return printAffineMap(a.value);
    if (a instanceof IntegerSetAttr) return printIntegerSet(a.value);
    if (a instanceof TypeAttr) return this.printType(a.value);
    if (a instanceof SymbolRefAttr) {
      let s = printSymbolReference(a.root);
      for (const n of a.nested) s += "::" + printSymbolReference(n);
      return s;
    }
    if (a instanceof DenseIntOrFPElementsAttr) return "dense<" + this.denseIntOrFP(a, /*allowHex=*/ true) + "> : " + this.printType(a.type);
    if (a instanceof DenseStringElementsAttr) return "dense<" + this.denseStrings(a) + "> : " + this.printType(a.type);
    if (a instanceof SparseElementsAttr) {
      let s = "sparse<";
      if ((a.indices.type.numElements ?? 0) !== 0) {
        s += this.denseIntOrFP(a.indices, /*allowHex=*/ false) + ", ";
        s += a.values instanceof DenseStringElementsAttr ? this.denseStrings(a.values) : this.denseIntOrFP(a.values, true);
      }
      return s + "> : " + this.printType(a.type);
    }
    if (a instanceof StridedLayoutAttr) {
      let s = "strided<[";
      for (let i = 0; i < a.strides.length; i++) s += (i ? ", " : "") + strideText(a.strides[i]!);
      s += "]";
      if (a.offset !== 0) s += ", offset: " + strideText(a.offset);
      return s + ">";
    }
    if (a instanceof DenseArrayAttr) {
      let s = "array<" + this.printType(a.elementType);
      if (a.size) s += ": " + this.denseArrayElements(a);
      return s + ">";
    }
    if (a instanceof DenseResourceElementsAttr) return "dense_resource<" + printKeywordOrString(a.key) + "> : " + this.printType(a.type);
    return "<<UNKNOWN ATTRIBUTE>>";
  }

  private typeSuffix(t: Type | undefined): string {
    return t && !(t instanceof NoneType) ? " : " + this.printType(t) : "";
  }

  //===------------------------------------------------------------------===//
  // Locations
  //===------------------------------------------------------------------===//

  /** A nested location: its alias if any, else its text. */
  private nestedLocation(loc: Location): string {
    return this.aliases.nameOf(loc) ?? this.locationInternal(loc);
  }

  /** printLocationInternal for a top-level location (no alias for `loc` itself). Recursive in nesting depth. */
  private locationInternal(loc: Location): string {
    if (loc instanceof UnknownLoc) return "unknown";
    if (loc instanceof FileLineColRange) {
      if (loc.filename !== this.lastFilename) {
        this.lastFilename = loc.filename;
        this.lastQuotedFilename = quoteString(loc.filename);
      }
      let s = this.lastQuotedFilename + ":" + loc.startLine + ":" + loc.startColumn;
      if (loc.endLine !== loc.startLine) s += " to " + loc.endLine + ":" + loc.endColumn;
      else if (loc.endColumn !== loc.startColumn) s += " to :" + loc.endColumn;
      return s;
    }
    if (loc instanceof NameLoc) {
      const s = quoteString(loc.name);
      return loc.child instanceof UnknownLoc ? s : s + "(" + this.nestedLocation(loc.child) + ")";
    }
    if (loc instanceof CallSiteLoc) return "callsite(" + this.nestedLocation(loc.callee) + " at " + this.nestedLocation(loc.caller) + ")";
    if (loc instanceof FusedLoc) {
      let s = "fused";
      if (loc.metadata) s += "<" + this.printAttribute(loc.metadata) + ">";
      s += "[";
      for (let i = 0; i < loc.locations.length; i++) s += (i ? ", " : "") + this.nestedLocation(loc.locations[i]!);
      return s + "]";
    }
    return "unknown";
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
    const nbytes = isI1 ? 1 : a.data.length / Math.max(1, a.size);
    let s = "";
    for (let i = 0; i < a.size; i++) {
      let v = 0n;
      for (let k = nbytes - 1; k >= 0; k--) v = (v << 8n) | BigInt(a.data[i * nbytes + k]!);
      let text: string;
      if (t instanceof FloatType) text = formatFloat(v, t.kind);
      else if (isI1) text = v & 1n ? "true" : "false";
      else text = ((t as IntegerType).signedness === Signedness.Unsigned ? v : signExtend(v, width)).toString();
      s += (i ? ", " : "") + text;
    }
    return s;
  }
}

function isType(v: Type | Attribute): v is Type {
  return !(v instanceof Attribute);
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
