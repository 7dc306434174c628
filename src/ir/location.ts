// Locations: where an operation or block argument came from (MLIR's builtin
// location attributes: unknown, file:line:col ranges, name, callsite, fused).

import { Attribute } from "./attribute.js";
import type { Context } from "./context.js";
import { addToBucket, mixHash } from "./structural-hash.js";

/** Base of all location attributes. */
export abstract class Location extends Attribute {}

const unknownLocs = new WeakMap<Context, UnknownLoc>();

/** `loc(unknown)`. */
export class UnknownLoc extends Location {
  private constructor(ctx: Context) {
    super(ctx);
  }
  static get(ctx: Context): UnknownLoc {
    let loc = unknownLocs.get(ctx);
    if (!loc) unknownLocs.set(ctx, (loc = new UnknownLoc(ctx)));
    return loc;
  }
}

/**
 * Point locations with line < 2^18 and column < 2^12 (nearly all of them) are
 * interned per file in a Map keyed by the small integer `line << 12 | column`:
 * no key string per location, and V8 hashes small-integer keys cheaply.
 */
const kPointLineLimit = 1 << 18;
const kPointColumnBits = 12;
const kPointColumnLimit = 1 << kPointColumnBits;
const pointTables = new WeakMap<Context, Map<string, Map<number, FileLineColRange>>>();
/** The last context's tables by file, and the last (context, file) looked up: ops of one file repeat both. */
let lastPointContext: Context | undefined;
let lastPointTablesByFile: Map<string, Map<number, FileLineColRange>> | undefined;
let lastPointFile = "";
let lastPointTable: Map<number, FileLineColRange> | undefined;

function pointTable(ctx: Context, filename: string): Map<number, FileLineColRange> {
  if (filename === lastPointFile && ctx === lastPointContext) return lastPointTable!;
  let byFile = lastPointTablesByFile;
  if (ctx !== lastPointContext || byFile === undefined) {
    byFile = pointTables.get(ctx);
    if (!byFile) pointTables.set(ctx, (byFile = new Map()));
    lastPointContext = ctx;
    lastPointTablesByFile = byFile;
  }
  let table = byFile.get(filename);
  if (!table) byFile.set(filename, (table = new Map()));
  lastPointFile = filename;
  return (lastPointTable = table);
}
const rangeTables = new WeakMap<Context, Map<string, Map<number, Map<number, FileLineColRange>>>>();

function rangeTable(ctx: Context, filename: string): Map<number, Map<number, FileLineColRange>> {
  let byFile = rangeTables.get(ctx);
  if (!byFile) rangeTables.set(ctx, (byFile = new Map()));
  let table = byFile.get(filename);
  if (!table) byFile.set(filename, (table = new Map()));
  return table;
}
const fusedTables = new WeakMap<Context, Map<number, FusedLoc[]>>();

/**
 * `loc("f":3:4)`, `loc("f":3:4 to 5:6)`, `loc("f":3:4 to :9)` and `loc("f":3)`.
 * `startColumn` is 0 when absent (`"f":3`); `endLine`/`endColumn` equal the
 * start when the location is a point. `filename` is a byte string. Points
 * (one per op in most IR) are instances of this class itself, without fields
 * for the end; ranges are a private subclass that has them.
 */
export class FileLineColRange extends Location {
  protected constructor(
    ctx: Context,
    readonly filename: string,
    readonly startLine: number,
    readonly startColumn: number,
  ) {
    super(ctx);
  }
  get endLine(): number {
    return this.startLine;
  }
  get endColumn(): number {
    return this.startColumn;
  }
  /**
   * The interned location. Points (the common case: one per op) are interned
   * in a per-context table keyed by filename and a numeric line/column key,
   * which avoids building a string key per location; other ranges go through
   * the context's string-keyed uniquer. O(1) average.
   */
  static get(ctx: Context, filename: string, line: number, column: number, endLine = line, endColumn = column): FileLineColRange {
    const small = line < kPointLineLimit && column < kPointColumnLimit;
    const point = endLine === line && endColumn === column;
    if (point && small) {
      const table = pointTable(ctx, filename);
      const key = (line << kPointColumnBits) | column;
      let loc = table.get(key);
      if (!loc) table.set(key, (loc = new FileLineColRange(ctx, filename, line, column)));
      return loc;
    }
    if (small && endLine < kPointLineLimit && endColumn < kPointColumnLimit) {
      // Ranges: the point table's entry for the start holds a table of ends.
      const table = rangeTable(ctx, filename);
      const key = (line << kPointColumnBits) | column;
      let ends = table.get(key);
      if (!ends) table.set(key, (ends = new Map()));
      const endKey = (endLine << kPointColumnBits) | endColumn;
      let loc = ends.get(endKey);
      if (!loc) ends.set(endKey, (loc = new FileLineColSpan(ctx, filename, line, column, endLine, endColumn)));
      return loc;
    }
    return ctx.intern(`locf:${line}:${column}:${endLine}:${endColumn}:${filename}`, () =>
      point ? new FileLineColRange(ctx, filename, line, column) : new FileLineColSpan(ctx, filename, line, column, endLine, endColumn),
    );
  }
  get isPoint(): boolean {
    return this.endLine === this.startLine && this.endColumn === this.startColumn;
  }
}

/** A FileLineColRange whose end differs from its start. */
class FileLineColSpan extends FileLineColRange {
  constructor(
    ctx: Context,
    filename: string,
    startLine: number,
    startColumn: number,
    private readonly lastLine: number,
    private readonly lastColumn: number,
  ) {
    super(ctx, filename, startLine, startColumn);
  }
  override get endLine(): number {
    return this.lastLine;
  }
  override get endColumn(): number {
    return this.lastColumn;
  }
}

/** `loc("name")` or `loc("name"(child))`; `child` is UnknownLoc when absent. */
export class NameLoc extends Location {
  private constructor(
    ctx: Context,
    readonly name: string,
    readonly child: Location,
  ) {
    super(ctx);
  }
  /** Interned by name, then by the child's id (see BuiltinTables.nameLocs). O(1) average. */
  static get(ctx: Context, name: string, child?: Location): NameLoc {
    const c = child ?? UnknownLoc.get(ctx);
    const table = ctx.builtinTables.nameLocs;
    const entry = table.get(name);
    if (entry === undefined) {
      const loc = new NameLoc(ctx, name, c);
      table.set(name, loc);
      return loc;
    }
    if (entry instanceof NameLoc) {
      if (entry.child === c) return entry;
      const loc = new NameLoc(ctx, name, c);
      table.set(
        name,
        new Map([
          [entry.child.id, entry],
          [c.id, loc],
        ]),
      );
      return loc;
    }
    let loc = entry.get(c.id);
    if (!loc) entry.set(c.id, (loc = new NameLoc(ctx, name, c)));
    return loc;
  }
}

/** `loc(callsite(callee at caller))`. */
export class CallSiteLoc extends Location {
  private constructor(
    ctx: Context,
    readonly callee: Location,
    readonly caller: Location,
  ) {
    super(ctx);
  }
  /** Interned by a numeric hash of the two ids (no table per callee). O(1) average. */
  static get(ctx: Context, callee: Location, caller: Location): CallSiteLoc {
    const table = ctx.builtinTables.callSiteLocs;
    const h = mixHash(mixHash(0, callee.id), caller.id);
    const bucket = table.get(h);
    if (bucket !== undefined) {
      const n = Array.isArray(bucket) ? bucket.length : 1;
      for (let i = 0; i < n; i++) {
        const loc = Array.isArray(bucket) ? bucket[i]! : bucket;
        if (loc.callee === callee && loc.caller === caller) return loc;
      }
    }
    const loc = new CallSiteLoc(ctx, callee, caller);
    addToBucket(table, h, bucket, loc);
    return loc;
  }
}

/** `loc(fused["a":1:2, "b":3:4])` or `loc(fused<metadata>[...])`. */
export class FusedLoc extends Location {
  private constructor(
    ctx: Context,
    readonly locations: readonly Location[],
    readonly metadata: Attribute | undefined,
  ) {
    super(ctx);
  }
  /** Builds the fused location exactly as written (no simplification, like the parser). */
  static get(ctx: Context, locations: readonly Location[], metadata?: Attribute): FusedLoc {
    // Interned by a numeric hash of the ids, then compared: no key string per location.
    let h = metadata ? metadata.id + 1 : 0;
    for (let i = 0; i < locations.length; i++) {
      h = Math.imul(h ^ locations[i]!.id, 0x9e3779b1);
      h ^= h >>> 15;
    }
    let table = fusedTables.get(ctx);
    if (!table) fusedTables.set(ctx, (table = new Map()));
    const bucket = table.get(h);
    if (bucket) {
      outer: for (const f of bucket) {
        if (f.metadata !== metadata || f.locations.length !== locations.length) continue;
        for (let i = 0; i < locations.length; i++) if (f.locations[i] !== locations[i]) continue outer;
        return f;
      }
    }
    const f = new FusedLoc(ctx, locations.slice(), metadata);
    if (bucket) bucket.push(f);
    else table.set(h, [f]);
    return f;
  }
}

/**
 * The location MLIR's FusedLoc::get returns (the parser builds fused locations
 * through it): nested fused locations with the same metadata are flattened,
 * unknown locations dropped and duplicates removed (first occurrence kept); no
 * locations gives UnknownLoc (or `fused<meta>[unknown]` with metadata), one
 * location without metadata is returned as is. O(n).
 */
export function getFusedLocation(ctx: Context, locations: readonly Location[], metadata?: Attribute): Location {
  const out: Location[] = [];
  // Fused locations are usually short: a linear duplicate check, and a Set once long.
  let seen: Set<Location> | undefined;
  const add = (l: Location): void => {
    if (seen) {
      if (seen.has(l)) return;
      seen.add(l);
    } else {
      for (let i = 0; i < out.length; i++) if (out[i] === l) return;
      if (out.length === 32) seen = new Set([...out, l]);
    }
    out.push(l);
  };
  for (const l of locations) {
    if (l instanceof FusedLoc && l.metadata === metadata) {
      for (const inner of l.locations) add(inner);
    } else if (!(l instanceof UnknownLoc)) {
      add(l);
    }
  }
  if (out.length === 0) return metadata ? FusedLoc.get(ctx, [UnknownLoc.get(ctx)], metadata) : UnknownLoc.get(ctx);
  if (out.length === 1 && !metadata) return out[0]!;
  return FusedLoc.get(ctx, out, metadata);
}
