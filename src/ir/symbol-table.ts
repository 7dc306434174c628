// Symbol tables: ops with the SymbolTable trait map `sym_name` strings to the
// symbol ops of their single block; references (`@a::@b::@c`) resolve through
// nested tables, and symbol uses are SymbolRefAttr values in op attributes.

import type { Attribute } from "./attribute.js";
import { ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr } from "./builtin-attributes.js";
import type { Block } from "./block.js";
import type { Location } from "./location.js";
import type { LogicalResult } from "./logical-result.js";
import { failure, success } from "./logical-result.js";
import type { Operation } from "./operation.js";
import { quoteString } from "./escape-string.js";
import { OpTrait } from "./operation-name.js";
import type { Region } from "./region.js";

/** Name of the attribute holding a symbol's name. */
export const kSymbolAttrName = "sym_name";
/** Name of the attribute holding a symbol's visibility. */
export const kVisibilityAttrName = "sym_visibility";

/** MLIR's symbol visibilities; public is the default (no attribute). */
export enum Visibility {
  Public = 0,
  Private = 1,
  Nested = 2,
}

/** One symbol reference found in `user`'s attributes. */
export interface SymbolUse {
  readonly user: Operation;
  readonly ref: SymbolRefAttr;
}

//===----------------------------------------------------------------------===//
// Attribute helpers
//===----------------------------------------------------------------------===//

/** The symbol name of `op` (`sym_name` as a StringAttr, inherent or discardable), or undefined. O(log attrs). */
export function getSymbolName(op: Operation): string | undefined {
  const a = op.getAttr(kSymbolAttrName);
  return a instanceof StringAttr ? a.value : undefined;
}

/**
 * Sets an attribute where the op keeps it: in the properties dictionary when
 * it is inherent to a registered op (or already stored there), else among the
 * discardable attributes. O(attrs log attrs).
 */
function setOpAttr(op: Operation, name: string, value: Attribute | undefined): void {
  const props = op.properties;
  const def = op.name.definition;
  const inherent =
    (props instanceof DictionaryAttr && props.get(name) !== undefined) ||
    (def !== undefined && def.inherentAttrNames !== undefined && def.inherentAttrNames.includes(name));
  if (!inherent || (props !== undefined && !(props instanceof DictionaryAttr))) {
    if (value === undefined) op.removeAttr(name);
    else op.setAttr(name, value);
    return;
  }
  op.setProperty(name, value);
  if (op.attributes.get(name) !== undefined) op.removeAttr(name);
}

/** Sets the symbol name of `op`. */
export function setSymbolName(op: Operation, name: string): void {
  setOpAttr(op, kSymbolAttrName, StringAttr.get(op.context, name));
}

/** The visibility of `op`: `sym_visibility` "private" or "nested", else public. */
export function getSymbolVisibility(op: Operation): Visibility {
  const a = op.getAttr(kVisibilityAttrName);
  if (a instanceof StringAttr) {
    if (a.value === "private") return Visibility.Private;
    if (a.value === "nested") return Visibility.Nested;
  }
  return Visibility.Public;
}

/** Sets the visibility of `op`; public removes the attribute, as MLIR does. */
export function setSymbolVisibility(op: Operation, vis: Visibility): void {
  const text = vis === Visibility.Private ? "private" : vis === Visibility.Nested ? "nested" : undefined;
  setOpAttr(op, kVisibilityAttrName, text === undefined ? undefined : StringAttr.get(op.context, text));
}

/** Whether `op` is a symbol (MLIR's SymbolOpInterface), its name required or optional. */
export function isSymbol(op: Operation): boolean {
  return op.name.hasTrait(OpTrait.Symbol | OpTrait.OptionalSymbol);
}

/** Whether `op` declares the SymbolTable trait. */
export function isSymbolTable(op: Operation): boolean {
  return op.name.hasTrait(OpTrait.SymbolTable);
}

/**
 * MLIR's "potentially unknown symbol table": an op of a dialect that is not
 * loaded, with one region, might define a symbol scope, so symbol walks give up.
 */
function isPotentiallyUnknownSymbolTable(op: Operation): boolean {
  return op.regions.length === 1 && !op.isRegistered && !op.context.isDialectLoaded(op.name.dialect);
}

/** The block holding a table's symbols, or null when its region is empty. */
function tableBody(tableOp: Operation): Block | null {
  return tableOp.regions.length ? tableOp.regions[0]!.entryBlock : null;
}

//===----------------------------------------------------------------------===//
// Verification (MLIR's detail::verifySymbol and detail::verifySymbolTable)
//===----------------------------------------------------------------------===//

/**
 * Checks a symbol op: a string `sym_name`, and `sym_visibility`, if present,
 * one of public/private/nested. Reports with mlir-opt's wording. O(log attrs).
 */
export function verifySymbol(op: Operation): LogicalResult {
  if (!(op.getAttr(kSymbolAttrName) instanceof StringAttr))
    return op.emitOpError(`requires string attribute '${kSymbolAttrName}'`);
  const vis = op.getAttr(kVisibilityAttrName);
  if (vis === undefined) return success();
  // MLIR appends ", but got <attr>"; printing an arbitrary attribute needs the syntax layer.
  if (!(vis instanceof StringAttr))
    return op.emitOpError(`requires visibility attribute '${kVisibilityAttrName}' to be a string attribute`);
  if (vis.value !== "public" && vis.value !== "private" && vis.value !== "nested")
    return op.emitOpError(`visibility expected to be one of ["public", "private", "nested"], but got ${quoteString(vis.value)}`);
  return success();
}

/**
 * Checks a symbol-table op: one region with one block, and no two ops in it
 * with the same `sym_name` (checked on the attribute, so unregistered ops
 * count too). The duplicate gets "redefinition of symbol named 'x'" with the
 * note "see existing symbol definition here" at the first one. O(ops in the block).
 */
export function verifySymbolTable(op: Operation): LogicalResult {
  if (op.regions.length !== 1) return op.emitOpError("Operations with a 'SymbolTable' must have exactly one region");
  const region = op.regions[0]!;
  const body = region.entryBlock;
  if (body === null || body !== region.lastBlock)
    return op.emitOpError("Operations with a 'SymbolTable' must have exactly one block");
  const seen = new Map<string, Location>();
  for (let o = body.first; o; o = o.next) {
    const name = getSymbolName(o);
    if (name === undefined) continue;
    const first = seen.get(name);
    if (first === undefined) {
      seen.set(name, o.loc);
      continue;
    }
    const diag = o.emitError(`redefinition of symbol named '${name}'`);
    diag.attachNote("see existing symbol definition here", first);
    return diag;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// SymbolTable
//===----------------------------------------------------------------------===//

/**
 * The symbols directly inside one symbol-table op, by name. Building is
 * O(ops in the table's block); lookups are O(1). The table stays accurate
 * only if symbols are added, removed and renamed through it.
 */
export class SymbolTable {
  readonly op: Operation;
  private readonly symbols = new Map<string, Operation>();
  /** Suffix counter for uniquing names on conflicts (as MLIR, per table). */
  private uniquingCounter = 0;

  /** Precondition: `op` has the SymbolTable trait and one region (the verifier's checks). */
  constructor(op: Operation) {
    this.op = op;
    const body = tableBody(op);
    for (let o = body ? body.first : null; o; o = o.next) {
      const name = getSymbolName(o);
      // The first definition wins, as in MLIR (duplicates are a verifier error).
      if (name !== undefined && !this.symbols.has(name)) this.symbols.set(name, o);
    }
  }

  /** The symbol named `name`, or undefined. O(1). */
  lookup(name: string): Operation | undefined {
    return this.symbols.get(name);
  }

  /**
   * Adds `symbol` to the table. A detached symbol is inserted before
   * `insertBefore` (default: the end of the body, but before a terminator).
   * A conflicting name is made unique by appending `_N`. Returns the final
   * name. Precondition: `symbol` has a name and is detached or in this table's body.
   */
  insert(symbol: Operation, insertBefore?: Operation): string {
    const body = tableBody(this.op);
    if (!body) throw new Error("assert: inserting into a symbol table without a block");
    if (!symbol.parent) {
      let before: Operation | null = insertBefore ?? null;
      if (before === null && body.last && body.last.name.hasTrait(OpTrait.Terminator)) before = body.last;
      body.insertBefore(symbol, before);
    }
    if (symbol.parent !== body) throw new Error("assert: symbol is already inserted in another op");
    const name = getSymbolName(symbol);
    if (name === undefined) throw new Error("assert: inserting an op without a symbol name");
    const existing = this.symbols.get(name);
    if (existing === undefined) {
      this.symbols.set(name, symbol);
      return name;
    }
    if (existing === symbol) return name;
    let candidate: string;
    do candidate = `${name}_${this.uniquingCounter++}`;
    while (this.symbols.has(candidate));
    this.symbols.set(candidate, symbol);
    setSymbolName(symbol, candidate);
    return candidate;
  }

  /** Removes `symbol` from the table (not from the IR). */
  remove(symbol: Operation): void {
    const name = getSymbolName(symbol);
    if (name !== undefined && this.symbols.get(name) === symbol) this.symbols.delete(name);
  }

  /** Removes `symbol` from the table and erases it. */
  erase(symbol: Operation): void {
    this.remove(symbol);
    symbol.erase();
  }

  /**
   * Renames `symbol` (or the symbol named so) to `newName`, updating every
   * reference to it within the table op's parent (the table op itself at the
   * top). Fails, reporting nothing, when some op in scope might be an unknown
   * symbol table. Precondition: `newName` is not taken.
   */
  rename(symbol: Operation | string, newName: string): LogicalResult {
    const op = typeof symbol === "string" ? this.lookup(symbol) : symbol;
    if (!op) throw new Error("assert: renaming an unknown symbol");
    if (this.symbols.has(newName)) throw new Error(`assert: symbol name '${newName}' already exists`);
    const scope = this.op.parentOp ?? this.op;
    if (replaceAllSymbolUses(op, newName, scope).failed) return failure();
    this.remove(op);
    setSymbolName(op, newName);
    this.insert(op);
    return success();
  }

  /** Symbol names in insertion order. O(symbols). */
  get names(): string[] {
    return Array.from(this.symbols.keys());
  }

  // MLIR spells the free functions of this module as SymbolTable statics.
  static readonly getSymbolName = getSymbolName;
  static readonly setSymbolName = setSymbolName;
  static readonly getSymbolVisibility = getSymbolVisibility;
  static readonly setSymbolVisibility = setSymbolVisibility;
  static readonly lookupSymbolIn = lookupSymbolIn;
  static readonly lookupNearestSymbolFrom = lookupNearestSymbolFrom;
  static readonly getNearestSymbolTable = getNearestSymbolTable;
  static readonly getSymbolUses = getSymbolUses;
  static readonly getSymbolUsesOf = getSymbolUsesOf;
  static readonly symbolKnownUseEmpty = symbolKnownUseEmpty;
  static readonly replaceAllSymbolUses = replaceAllSymbolUses;
  static readonly verifySymbol = verifySymbol;
  static readonly verifySymbolTable = verifySymbolTable;
}

/**
 * Caches one SymbolTable per table op (MLIR's SymbolTableCollection), so
 * repeated lookups cost O(1) each after O(body) per table.
 */
export class SymbolTableCollection {
  private readonly tables = new Map<Operation, SymbolTable>();

  /** The (cached) table of `op`. O(body) the first time, then O(1). */
  getSymbolTable(op: Operation): SymbolTable {
    let t = this.tables.get(op);
    if (t === undefined) {
      t = new SymbolTable(op);
      this.tables.set(op, t);
    }
    return t;
  }

  /** Forgets the cached table of `op` (after editing its body behind the table's back). */
  invalidate(op: Operation): void {
    this.tables.delete(op);
  }

  /** `lookupSymbolIn` through cached tables: O(parts of `ref`). */
  lookupSymbolIn(tableOp: Operation, ref: SymbolRefAttr | string): Operation | undefined {
    return lookupIn(tableOp, ref, (t, name) => this.getSymbolTable(t).lookup(name));
  }

  /** `lookupNearestSymbolFrom` through cached tables: O(depth + parts of `ref`). */
  lookupNearestSymbolFrom(from: Operation, ref: SymbolRefAttr | string): Operation | undefined {
    const table = getNearestSymbolTable(from);
    return table ? this.lookupSymbolIn(table, ref) : undefined;
  }
}

//===----------------------------------------------------------------------===//
// Lookup
//===----------------------------------------------------------------------===//

/** Scans a table's body for `name`. O(ops in the body). */
function scanTable(tableOp: Operation, name: string): Operation | undefined {
  const body = tableBody(tableOp);
  for (let o = body ? body.first : null; o; o = o.next) if (getSymbolName(o) === name) return o;
  return undefined;
}

/** Resolves `ref` from `tableOp`: every non-leaf part must name a symbol table. */
function lookupIn(
  tableOp: Operation,
  ref: SymbolRefAttr | string,
  find: (table: Operation, name: string) => Operation | undefined,
): Operation | undefined {
  if (typeof ref === "string") return find(tableOp, ref);
  let cur = find(tableOp, ref.root);
  for (let i = 0; cur !== undefined && i < ref.nested.length; i++) {
    if (!isSymbolTable(cur)) return undefined;
    cur = find(cur, ref.nested[i]!);
  }
  return cur;
}

/**
 * The symbol `ref` names inside `tableOp` (a flat name, or `@a::@b::@c`
 * through nested tables), or undefined. O(ops in each table body on the path);
 * use a SymbolTableCollection for repeated lookups.
 */
export function lookupSymbolIn(tableOp: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  return lookupIn(tableOp, ref, scanTable);
}

/**
 * The nearest op that is a symbol table, starting at `from` itself; undefined
 * when there is none or an enclosing op might be an unknown symbol table. O(depth).
 */
export function getNearestSymbolTable(from: Operation): Operation | undefined {
  for (let op: Operation | null = from; op; op = op.parentOp) {
    if (isPotentiallyUnknownSymbolTable(op)) return undefined;
    if (isSymbolTable(op)) return op;
  }
  return undefined;
}

/** Resolves `ref` in the nearest symbol table around `from` (no fallback to outer tables, as MLIR). */
export function lookupNearestSymbolFrom(from: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  const table = getNearestSymbolTable(from);
  return table ? lookupSymbolIn(table, ref) : undefined;
}

//===----------------------------------------------------------------------===//
// Symbol uses
//===----------------------------------------------------------------------===//

/** Calls `fn` for each SymbolRefAttr inside `attr` (through arrays and dictionaries). */
function forEachSymbolRef(attr: Attribute, fn: (ref: SymbolRefAttr) => void): void {
  if (attr instanceof SymbolRefAttr) fn(attr);
  else if (attr instanceof ArrayAttr) for (const a of attr.value) forEachSymbolRef(a, fn);
  else if (attr instanceof DictionaryAttr) for (const e of attr.entries) forEachSymbolRef(e.value, fn);
}

/** Appends the references held by `op`'s own attributes (properties, then discardable). */
function collectOpUses(op: Operation, out: SymbolUse[]): void {
  const push = (ref: SymbolRefAttr): void => {
    out.push({ user: op, ref });
  };
  if (op.properties) forEachSymbolRef(op.properties, push);
  forEachSymbolRef(op.attributes, push);
}

/**
 * Appends the uses in `regions`, in program order, without entering nested
 * symbol tables (their own attributes count). Returns false on a potentially
 * unknown symbol table. Explicit stack: O(ops).
 */
function collectRegionUses(regions: readonly Region[], out: SymbolUse[]): boolean {
  const stack: Operation[] = [];
  for (let ri = regions.length - 1; ri >= 0; ri--)
    for (let b = regions[ri]!.lastBlock; b; b = b.prev) for (let o = b.last; o; o = o.prev) stack.push(o);
  while (stack.length) {
    const op = stack.pop()!;
    if (isPotentiallyUnknownSymbolTable(op)) return false;
    collectOpUses(op, out);
    if (isSymbolTable(op)) continue;
    for (let ri = op.regions.length - 1; ri >= 0; ri--)
      for (let b = op.regions[ri]!.lastBlock; b; b = b.prev) for (let o = b.last; o; o = o.prev) stack.push(o);
  }
  return true;
}

/**
 * Every symbol use on `from` and nested in it, not looking inside nested
 * symbol tables (a new scope), in program order. Undefined when some op might
 * be an unknown symbol table (an unregistered op of an unloaded dialect with
 * one region), as in MLIR. O(ops).
 */
export function getSymbolUses(from: Operation): SymbolUse[] | undefined {
  if (isPotentiallyUnknownSymbolTable(from)) return undefined;
  const out: SymbolUse[] = [];
  collectOpUses(from, out);
  if (!isSymbolTable(from) && !collectRegionUses(from.regions, out)) return undefined;
  return out;
}

/** Whether `prefix` equals `ref` or names one of its enclosing tables (`@a` of `@a::@b`). */
function isReferencePrefixOf(prefix: SymbolRefAttr, ref: SymbolRefAttr): boolean {
  if (prefix === ref) return true;
  if (prefix.root !== ref.root || prefix.nested.length >= ref.nested.length) return false;
  for (let i = 0; i < prefix.nested.length; i++) if (prefix.nested[i] !== ref.nested[i]) return false;
  return true;
}

/** Where to look for references to a symbol, and how they spell it there. */
interface SymbolScope {
  ref: SymbolRefAttr;
  /** A table op's region (walked without the op itself), or an op (walked with its attributes). */
  region?: Region;
  op?: Operation;
}

/**
 * MLIR's collectSymbolScopes: the scopes between `symbol` and `limit` where a
 * reference can reach `symbol`, each with the reference that does (`@s`
 * inside its own table, `@t::@s` from the table around `@t`, and so on).
 */
function collectSymbolScopes(symbol: Operation, limit: Operation): SymbolScope[] {
  const name = getSymbolName(symbol);
  if (name === undefined) return [];
  const ctx = symbol.context;
  const limitAncestors = new Set<Operation>();
  for (let a: Operation | null = limit; a; a = a.parentOp) {
    if (a === symbol) {
      // References from inside the symbol to itself resolve only when its table is the nearest one.
      const parent = limit.parentOp;
      const nearest = parent ? getNearestSymbolTable(parent) : undefined;
      return nearest !== undefined && nearest === symbol.parentOp ? [{ ref: SymbolRefAttr.get(ctx, name), op: limit }] : [];
    }
    limitAncestors.add(a);
  }
  const refs: SymbolRefAttr[] = [SymbolRefAttr.get(ctx, name)];
  let common = symbol.parentOp;
  while (common && !limitAncestors.has(common)) {
    const tableName = getSymbolName(common);
    if (tableName === undefined) return [];
    const inner = refs[refs.length - 1]!;
    refs.push(SymbolRefAttr.get(ctx, tableName, [inner.root, ...inner.nested]));
    common = common.parentOp;
  }
  if (!common) return [];
  if (common !== limit) return [{ ref: refs[refs.length - 1]!, op: limit }];
  const scopes: SymbolScope[] = [];
  let table: Operation | null = symbol.parentOp;
  for (let i = 0; i < refs.length && table; i++, table = table.parentOp) {
    if (table.regions.length) scopes.push({ ref: refs[i]!, region: table.regions[0]! });
  }
  return scopes;
}

function scopeUses(scope: SymbolScope): SymbolUse[] | undefined {
  if (scope.op) return getSymbolUses(scope.op);
  const out: SymbolUse[] = [];
  return collectRegionUses([scope.region!], out) ? out : undefined;
}

/**
 * Uses of `symbol` (an op, or a flat name looked for directly in `from`'s
 * scope) on or under `from`, matching references through enclosing tables
 * (`@t::@s`) and references to things nested in it (`@s::@x`). Undefined on
 * a potentially unknown symbol table. O(ops in the scopes).
 */
export function getSymbolUsesOf(symbol: Operation | string, from: Operation): SymbolUse[] | undefined {
  const scopes: SymbolScope[] =
    typeof symbol === "string" ? [{ ref: SymbolRefAttr.get(from.context, symbol), op: from }] : collectSymbolScopes(symbol, from);
  const out: SymbolUse[] = [];
  for (const scope of scopes) {
    const uses = scopeUses(scope);
    if (uses === undefined) return undefined;
    for (const u of uses) if (isReferencePrefixOf(scope.ref, u.ref)) out.push(u);
  }
  return out;
}

/** Whether `symbol` is known to have no uses under `from` (false when unknown). */
export function symbolKnownUseEmpty(symbol: Operation | string, from: Operation): boolean {
  const uses = getSymbolUsesOf(symbol, from);
  return uses !== undefined && uses.length === 0;
}

/** `ref` with its part number `depth` (0 = root) renamed to `newName`. */
function renamePart(ref: SymbolRefAttr, depth: number, newName: string): SymbolRefAttr {
  if (depth === 0) return SymbolRefAttr.get(ref.context, newName, ref.nested);
  const nested = ref.nested.slice();
  nested[depth - 1] = newName;
  return SymbolRefAttr.get(ref.context, ref.root, nested);
}

/** `attr` with every SymbolRefAttr passed through `fn`, rebuilt only where something changed. */
function replaceRefs(attr: Attribute, fn: (ref: SymbolRefAttr) => SymbolRefAttr): Attribute {
  if (attr instanceof SymbolRefAttr) return fn(attr);
  if (attr instanceof ArrayAttr) {
    let changed = false;
    const vals = attr.value.map((a) => {
      const r = replaceRefs(a, fn);
      if (r !== a) changed = true;
      return r;
    });
    return changed ? ArrayAttr.get(attr.context, vals) : attr;
  }
  if (attr instanceof DictionaryAttr) {
    let changed = false;
    const entries = attr.entries.map((e) => {
      const r = replaceRefs(e.value, fn);
      if (r !== e.value) changed = true;
      return { name: e.name, value: r };
    });
    return changed ? DictionaryAttr.get(attr.context, entries) : attr;
  }
  return attr;
}

/**
 * Renames every reference to `symbol` under `from` to `newName` (the part of
 * each reference that names the symbol; nested parts are kept). Fails,
 * reporting nothing, when the uses cannot be known. O(ops in the scopes).
 */
export function replaceAllSymbolUses(symbol: Operation | string, newName: string, from: Operation): LogicalResult {
  const scopes: SymbolScope[] =
    typeof symbol === "string" ? [{ ref: SymbolRefAttr.get(from.context, symbol), op: from }] : collectSymbolScopes(symbol, from);
  for (const scope of scopes) {
    const uses = scopeUses(scope);
    if (uses === undefined) return failure();
    const depth = scope.ref.nested.length;
    const fn = (ref: SymbolRefAttr): SymbolRefAttr => (isReferencePrefixOf(scope.ref, ref) ? renamePart(ref, depth, newName) : ref);
    let last: Operation | undefined;
    for (const u of uses) {
      if (u.user === last || !isReferencePrefixOf(scope.ref, u.ref)) continue;
      last = u.user;
      const op = u.user;
      if (op.properties) op.properties = replaceRefs(op.properties, fn);
      const attrs = replaceRefs(op.attributes, fn);
      if (attrs instanceof DictionaryAttr) op.attributes = attrs;
    }
  }
  return success();
}
