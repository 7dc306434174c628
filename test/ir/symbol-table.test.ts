// Symbol tables: lookup (flat and nested references), nearest-table
// resolution, symbol uses, insert/rename with uniquing, visibility.

import { describe, expect, it } from "vitest";
import { Block } from "../../src/ir/block.js";
import { ArrayAttr, DictionaryAttr, StringAttr, SymbolRefAttr, type NamedAttribute } from "../../src/ir/builtin-attributes.js";
import { Context } from "../../src/ir/context.js";
import { UnknownLoc } from "../../src/ir/location.js";
import { Operation } from "../../src/ir/operation.js";
import { OpTrait } from "../../src/ir/operation-name.js";
import {
  SymbolTable,
  SymbolTableCollection,
  Visibility,
  getNearestSymbolTable,
  getSymbolName,
  getSymbolUses,
  getSymbolUsesOf,
  getSymbolVisibility,
  lookupNearestSymbolFrom,
  lookupSymbolIn,
  replaceAllSymbolUses,
  setSymbolVisibility,
  symbolKnownUseEmpty,
} from "../../src/ir/symbol-table.js";
import { registerBuiltinDialect } from "../../src/dialect/builtin.js";

function setup() {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerBuiltinDialect(ctx);
  ctx.registerOperation({ name: "f.func", traits: OpTrait.IsolatedFromAbove | OpTrait.Symbol });
  ctx.registerOperation({ name: "f.call", traits: 0 });
  ctx.registerOperation({ name: "f.end", traits: OpTrait.Terminator });
  ctx.registerOperation({ name: "f.table", traits: OpTrait.SymbolTable | OpTrait.SingleBlock });
  const loc = UnknownLoc.get(ctx);
  const str = (s: string) => StringAttr.get(ctx, s);
  const ref = (root: string, ...nested: string[]) => SymbolRefAttr.get(ctx, root, nested);
  const op = (name: string, attrs: NamedAttribute[] = [], numRegions = 0): Operation =>
    Operation.create(ctx, {
      name: ctx.getOperationName(name),
      loc,
      numRegions,
      attributes: attrs.length ? DictionaryAttr.get(ctx, attrs) : undefined,
    });
  const withBody = (o: Operation, ...ops: Operation[]): Operation => {
    const b = new Block();
    o.regions[0]!.push(b);
    for (const x of ops) b.push(x);
    return o;
  };
  /** A builtin.module (named when `name` is given) holding `ops`. */
  const module = (name: string | undefined, ...ops: Operation[]): Operation =>
    withBody(op("builtin.module", name ? [{ name: "sym_name", value: str(name) }] : [], 1), ...ops);
  const func = (name: string, ...ops: Operation[]) => withBody(op("f.func", [{ name: "sym_name", value: str(name) }], 1), ...ops);
  const call = (callee: SymbolRefAttr) => op("f.call", [{ name: "callee", value: callee }]);
  return { ctx, op, module, func, call, ref, str, withBody };
}

describe("lookup", () => {
  it("resolves flat and nested references through nested tables", () => {
    const { module, func, ref } = setup();
    const c = func("c");
    const b = module("b", c);
    const a = module("a", b, func("x"));
    const top = module(undefined, a, func("main"));
    expect(lookupSymbolIn(top, "a")).toBe(a);
    expect(lookupSymbolIn(top, ref("a", "b", "c"))).toBe(c);
    expect(lookupSymbolIn(top, ref("a", "b"))).toBe(b);
    expect(lookupSymbolIn(top, ref("a", "x", "c"))).toBeUndefined(); // @x is not a symbol table
    expect(lookupSymbolIn(top, ref("a", "nope"))).toBeUndefined();
    expect(lookupSymbolIn(top, "c")).toBeUndefined();
    const coll = new SymbolTableCollection();
    expect(coll.lookupSymbolIn(top, ref("a", "b", "c"))).toBe(c);
    expect(coll.lookupNearestSymbolFrom(c, "c")).toBe(c);
  });

  it("finds the nearest table (no fallback to outer tables) and gives up on unknown ones", () => {
    const { module, func, op, withBody, call, ref } = setup();
    const use = call(ref("g"));
    const f = func("f", use);
    const inner = module("inner", f);
    const g = func("g");
    const top = module(undefined, inner, g);
    expect(getNearestSymbolTable(use)).toBe(inner);
    expect(getNearestSymbolTable(top)).toBe(top);
    expect(lookupNearestSymbolFrom(use, "f")).toBe(f);
    expect(lookupNearestSymbolFrom(use, "g")).toBeUndefined();
    expect(lookupNearestSymbolFrom(g, "g")).toBe(g);
    // An unregistered op of an unloaded dialect with one region may be a symbol table.
    const hidden = call(ref("g"));
    withBody(op("u.scope", [], 1), hidden);
    top.regions[0]!.entryBlock!.push(hidden.parentOp!);
    expect(getNearestSymbolTable(hidden)).toBeUndefined();
  });
});

describe("symbol uses", () => {
  it("collects references in attributes, nested arrays and dictionaries, not inside nested tables", () => {
    const { ctx, module, func, call, ref, op } = setup();
    const c1 = call(ref("f"));
    const deep = op("f.call", [
      { name: "list", value: ArrayAttr.get(ctx, [ref("f"), DictionaryAttr.get(ctx, [{ name: "k", value: ref("m", "g") }])]) },
    ]);
    const hidden = call(ref("f"));
    const m = module("m", func("g", hidden));
    const f = func("f", c1, deep);
    const top = module(undefined, f, m);
    const uses = getSymbolUses(top)!;
    // `top` is a table: only its own attributes count from itself...
    expect(uses).toEqual([]);
    // ...its body is walked from a region scope.
    const fromF = getSymbolUses(f)!;
    expect(fromF.map((u) => [u.user, u.ref])).toEqual([
      [c1, ref("f")],
      [deep, ref("f")],
      [deep, ref("m", "g")],
    ]);
    expect(getSymbolUsesOf(f, top)!.map((u) => u.user)).toEqual([c1, deep]);
    // @m::@g from the top table reaches g; the use inside @m is in another scope.
    const g = m.regions[0]!.entryBlock!.first!;
    expect(getSymbolUsesOf(g, top)!.map((u) => u.ref)).toEqual([ref("m", "g")]);
    expect(symbolKnownUseEmpty(m.regions[0]!.entryBlock!.first!, m)).toBe(true);
    expect(symbolKnownUseEmpty("nothing", f)).toBe(true);
    expect(getSymbolUsesOf("f", f)!.length).toBe(2);
  });

  it("renames symbols and every reference to them, with prefix references", () => {
    const { module, func, call, ref } = setup();
    const c1 = call(ref("f"));
    const c2 = call(ref("m", "g"));
    const g = func("g");
    const m = module("m", g);
    const f = func("f", c1, c2);
    const top = module(undefined, f, m);
    const table = new SymbolTable(top);
    expect(table.rename(f, "f2").failed).toBe(false);
    expect(getSymbolName(f)).toBe("f2");
    expect(c1.getAttr("callee")).toBe(ref("f2"));
    expect(table.lookup("f2")).toBe(f);
    expect(table.lookup("f")).toBeUndefined();
    // Renaming the nested table rewrites the prefix of @m::@g.
    expect(table.rename("m", "n").failed).toBe(false);
    expect(c2.getAttr("callee")).toBe(ref("n", "g"));
    // Renaming the nested symbol from its own table rewrites the leaf.
    expect(new SymbolTable(m).rename(g, "h").failed).toBe(false);
    expect(c2.getAttr("callee")).toBe(ref("n", "h"));
    expect(replaceAllSymbolUses("f2", "z", f).failed).toBe(false);
    expect(c1.getAttr("callee")).toBe(ref("z"));
  });
});

describe("insert, erase, visibility", () => {
  it("uniques names on insertion and inserts before a terminator", () => {
    const { ctx, func, op, withBody } = setup();
    const end = op("f.end");
    const table = withBody(op("f.table", [], 1), func("f"), end);
    const st = new SymbolTable(table);
    const a = func("f");
    const b = func("f");
    expect(st.insert(a)).toBe("f_0");
    expect(st.insert(b)).toBe("f_1");
    expect(table.regions[0]!.entryBlock!.last).toBe(end);
    expect(a.nextOp).toBe(b);
    expect(st.lookup("f_1")).toBe(b);
    st.erase(a);
    expect(st.lookup("f_0")).toBeUndefined();
    expect(a.parent).toBeNull();
    expect(st.names).toEqual(["f", "f_1"]);
    void ctx;
  });

  it("reads and writes visibility where the op keeps it", () => {
    const { module, func, str } = setup();
    const f = func("f");
    expect(getSymbolVisibility(f)).toBe(Visibility.Public);
    setSymbolVisibility(f, Visibility.Private);
    expect(f.attributes.get("sym_visibility")).toBe(str("private"));
    expect(getSymbolVisibility(f)).toBe(Visibility.Private);
    setSymbolVisibility(f, Visibility.Public);
    expect(f.getAttr("sym_visibility")).toBeUndefined();
    // builtin.module declares sym_visibility inherent: it goes to the properties.
    const m = module(undefined);
    setSymbolVisibility(m, Visibility.Nested);
    expect(m.properties).toBeInstanceOf(DictionaryAttr);
    expect((m.properties as DictionaryAttr).get("sym_visibility")).toBe(str("nested"));
    expect(getSymbolVisibility(m)).toBe(Visibility.Nested);
    expect(SymbolTable.getSymbolVisibility(m)).toBe(Visibility.Nested);
  });
});
