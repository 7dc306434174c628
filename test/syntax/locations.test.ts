// Trailing locations (after ops and block arguments): every form, forward
// `#loc` references resolved at the end of the file, and their errors, against
// mlir-opt-22; plus unit checks of the location objects built.

import { describe, expect, test } from "vitest";
import { Context } from "../../src/ir/context.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, NameLoc, UnknownLoc } from "../../src/ir/location.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { SourceFile } from "../../src/syntax/source.js";
import { TypeAttrPrinter } from "../../src/syntax/type-attr-printer.js";
import { DeferredLoc } from "../../src/syntax/type-attr-parser.js";
import { makeParser, parseDiagnostics, parseLoc, requireMlirOpt, runMlirOpt } from "./mlir-oracle.js";

const TRAILING: readonly string[] = [
  "loc(unknown)",
  'loc("f":1:2)',
  'loc("f":1)',
  'loc("f":1:2 to 3:4)',
  'loc("f":1:2 to :7)',
  'loc("name")',
  'loc("name"("f":1:2))',
  'loc(callsite("a" at "b":1:1))',
  'loc(callsite(callsite("x" at "y") at "z":3:3))',
  'loc(fused["a":1:1, "b":2:2])',
  'loc(fused<"meta">["a":1:1])',
  'loc(fused<{k = [1, 2]}>["a":1:1, unknown])',
  'loc("\\22quoted\\22\\0A":5:6)',
];

describe("trailing locations print as mlir-opt-22 prints them", () => {
  requireMlirOpt();
  const input = TRAILING.map((l) => `"x.o"() : () -> () ${l}`).join("\n") + "\n";
  const out = runMlirOpt(input, ["--mlir-print-op-generic", "--mlir-print-debuginfo", "--mlir-print-local-scope"]).stdout;
  const lines = out.split("\n").filter((l) => l.startsWith('  "x.o"'));
  TRAILING.forEach((l, i) => {
    test(l, () => {
      const loc = parseLoc(l);
      const p = new TypeAttrPrinter(loc.context, { printDebugInfo: true, printLocalScope: true, hexThreshold: 100 });
      expect('  "x.o"() : () -> () ' + p.printLocation(loc)).toBe(lines[i]);
    });
  });
});

describe("location objects", () => {
  test("kinds and fields", () => {
    const ctx = new Context();
    const r = parseLoc('loc("f":1:2 to :7)', ctx) as FileLineColRange;
    expect(r).toBeInstanceOf(FileLineColRange);
    expect([r.filename, r.startLine, r.startColumn, r.endLine, r.endColumn]).toEqual(["f", 1, 2, 1, 7]);
    expect(parseLoc('loc("f":1:2)', ctx)).toBe(FileLineColRange.get(ctx, "f", 1, 2));
    expect(parseLoc('loc("f":9)', ctx)).toBe(FileLineColRange.get(ctx, "f", 9, 0));
    expect(parseLoc("loc(unknown)", ctx)).toBe(UnknownLoc.get(ctx));
    const n = parseLoc('loc("n"("f":1:2))', ctx) as NameLoc;
    expect(n.child).toBe(FileLineColRange.get(ctx, "f", 1, 2));
    expect(parseLoc('loc(callsite("a" at "b"))', ctx)).toBeInstanceOf(CallSiteLoc);
    // MLIR's FusedLoc::get simplifies: one known location stays itself, none is unknown.
    expect(parseLoc('loc(fused["f":1:2, unknown])', ctx)).toBe(FileLineColRange.get(ctx, "f", 1, 2));
    expect(parseLoc("loc(fused[])", ctx)).toBe(UnknownLoc.get(ctx));
    expect(parseLoc('loc(fused["a", "b", "a"])', ctx)).toBeInstanceOf(FusedLoc);
    expect((parseLoc('loc(fused["a", "b", "a"])', ctx) as FusedLoc).locations.length).toBe(2);
  });

  test("a forward alias gives a DeferredLoc to patch later", () => {
    const run = makeParser("loc(#later)");
    const l = run.parser.parseLocation();
    expect(l).toBeInstanceOf(DeferredLoc);
    expect((l as DeferredLoc).aliasName).toBe("later");
  });
});

const FORWARD_OK = `"x.o"() ({
^bb0(%x: i32 loc(#argloc)):
  "x.y"() : () -> () loc(#inner)
}) : () -> () loc(#outer)
"x.z"() : () -> () loc(#outer)
#argloc = loc("arg":1:1)
#inner = loc(fused["a":1:1, #argloc])
#outer = loc("outer":2:2)
`;

describe("forward #loc references", () => {
  test("are resolved at the end of the file (ops and block arguments)", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    const root = parseSourceFile(ctx, new SourceFile("input.mlir", FORWARD_OK));
    expect(root).toBeDefined();
    const outer = root!.regions[0]!.entryBlock!.first!;
    expect(outer.loc).toBe(FileLineColRange.get(ctx, "outer", 2, 2));
    expect(outer.next!.loc).toBe(outer.loc);
    const block = outer.regions[0]!.entryBlock!;
    expect(block.args[0]!.loc).toBe(FileLineColRange.get(ctx, "arg", 1, 1));
    expect(block.first!.loc).toBeInstanceOf(FusedLoc);
  });

  const BAD: readonly string[] = [
    '"x.o"() : () -> () loc(#nope)\n',
    '"x.o"() : () -> () loc(#a)\n#a = 1 : i32\n',
    '#a = 1 : i32\n"x.o"() : () -> () loc(#a)\n',
    '"x.o"() ({\n^bb0(%x: i32 loc(#missing)):\n  "x.y"() : () -> () loc(#alsomissing)\n}) : () -> ()\n',
    '"x.o"() : () -> () loc(#a  x)\n',
    '"x.o"() : () -> () loc(  )\n',
    '"x.o"() : () -> () loc(fused<#a>["x"])\n#a = loc("q":1:1)\n',
  ];
  requireMlirOpt();
  BAD.forEach((text, i) => {
    test(`error ${i}: ${JSON.stringify(text.split("\n")[0])}`, () => {
      const diag = [...parseDiagnostics(runMlirOpt(text, ["--mlir-print-op-generic"]).stderr)][0];
      expect(diag).toBeDefined();
      const ctx = new Context({ allowUnregisteredDialects: true });
      const root = parseSourceFile(ctx, new SourceFile("input.mlir", text));
      expect(root).toBeUndefined();
      const d = ctx.diagnostics.takeAll()[0]!;
      const loc = d.loc as FileLineColRange;
      expect({ line: loc.startLine, col: loc.startColumn, message: d.message }).toEqual({
        line: diag![0],
        col: diag![1].col,
        message: diag![1].message,
      });
    });
  });
});
