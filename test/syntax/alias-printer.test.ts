// Alias selection against mlir-opt-22: which values get `#map`/`#set`/`#loc`/
// `#distinct`/`!tuple` aliases, their numbering and order, which definitions
// print before and after the top-level op, and how ops then refer to them.
// Each module is flat (ops without operands), so every op line can be
// rebuilt from the printer's pieces and compared with mlir-opt's.

import { describe, expect, test } from "vitest";
import { Context } from "../../src/ir/context.js";
import type { Operation } from "../../src/ir/operation.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { SourceFile } from "../../src/syntax/source.js";
import { TypeAttrPrinter } from "../../src/syntax/type-attr-printer.js";
import { requireMlirOpt, runMlirOpt } from "./mlir-oracle.js";

const MODULES: Record<string, string> = {
  "maps in results, attributes and nested arrays": `
%0 = "x.o"() <{p = affine_map<(d0) -> (d0 + 2)>}> {a = affine_map<(d0) -> (d0 + 1)>, b = [affine_map<(d0) -> (d0 + 3)>]} : () -> (memref<4xf32, affine_map<(d0) -> (d0 + 4)>>)
%1 = "x.o"() {a = affine_map<(d0) -> (d0 + 6)>, s = affine_set<(d0) : (d0 >= 0)>} : () -> (tuple<i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,i11,i12,i13,i14,i15,i16,i17>)
"x.o"() {z = affine_map<(d0) -> (d0 + 1)>, y = memref<2xf32, affine_map<(d0) -> (d0 + 4)>>} : () -> ()
`,
  "properties use aliases but are not visited": `
"x.o"() <{p = affine_map<(d0) -> (d0 + 2)>}> {a = affine_map<(d0) -> (d0 + 2)>} : () -> ()
"x.o"() <{q = affine_map<(d0) -> (d0 + 9)>}> : () -> ()
`,
  "locations in attributes and as op locations": `
"x.o"() {a = loc("f":3:4 to 5:6), b = loc("f":3:4 to :9), c = loc("f":3), d = loc(fused<"CSE">["a":1:1, "b":2:2])} : () -> () loc("op":1:1)
"x.o"() {n = loc("name"("child":1:2))} : () -> () loc(fused<"CSE">["a":1:1, "z":9:9])
"x.o"() : () -> () loc(callsite("callee"("c":1:1) at "caller":2:2))
"x.o"() : () -> () loc(unknown)
`,
  "distinct attributes": `
"x.o"() {a = distinct[5]<42 : i32>, b = distinct[5]<42 : i32>, c = distinct[1]<>, d = [distinct[3]<[1]>], e = distinct[7]<affine_map<(d0) -> (d0)>>} : () -> ()
`,
  "depth ordering: nested aliases after their children": `
"x.o"() {a = distinct[0]<distinct[1]<affine_map<(d0) -> (d0 * 2)>>>, b = affine_set<(d0)[s0] : (d0 - s0 >= 0)>, c = loc(fused["x":1:1, "y"("y":2:2)])} : () -> (tuple<tuple<i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,i11,i12,i13,i14,i15,i16,i17>>)
`,
  "deferrable locations become non-deferrable when reused in attributes": `
"x.o"() : () -> () loc("shared":1:1)
"x.o"() {l = loc("shared":1:1), m = loc(fused["shared":1:1, "other":2:2])} : () -> () loc(fused["other":2:2, "third":3:3])
`,
};

/** Everything our printer produces for a flat module, in mlir-opt's layout. */
function printFlat(root: Operation, debug: boolean): string {
  const p = new TypeAttrPrinter(root.context, { printDebugInfo: debug, printLocalScope: false, hexThreshold: 100, printGenericOpForm: true });
  p.collectAliases(root);
  let out = p.aliasesBefore() + '"builtin.module"() ({\n';
  let n = 0;
  for (let op = root.regions[0]!.entryBlock!.first; op; op = op.next) {
    let line = "  ";
    if (op.numResults) line += `%${n++} = `;
    line += `"${op.name.name}"()`;
    if (op.properties) line += " <" + p.printAttribute(op.properties) + ">";
    line += p.printAttrDict(op.attributes) + " : () -> ";
    const types = op.results.map((r) => p.printType(r.type));
    line += types.length === 1 ? types[0] : "(" + types.join(", ") + ")";
    if (debug) line += " " + p.printLocation(op.loc);
    out += line + "\n";
  }
  out += "}) : () -> ()" + (debug ? " " + p.printLocation(root.loc) : "") + "\n";
  return out + p.aliasesAfter();
}

describe("aliases match mlir-opt-22", () => {
  requireMlirOpt();
  for (const [name, text] of Object.entries(MODULES)) {
    for (const debug of [false, true]) {
      test(`${name}${debug ? " (debuginfo)" : ""}`, () => {
        const flags = ["--mlir-print-op-generic", ...(debug ? ["--mlir-print-debuginfo"] : [])];
        const { stdout, stderr } = runMlirOpt(text, flags);
        expect(stderr).toBe("");
        const ctx = new Context({ allowUnregisteredDialects: true });
        const root = parseSourceFile(ctx, new SourceFile("input.mlir", text));
        expect(root).toBeDefined();
        // mlir-opt ends its output with one extra newline.
        expect(printFlat(root!, debug)).toBe(stdout.replace(/\n\n$/, "\n"));
      });
    }
  }
});

describe("alias entries kept on the values (the slot in printFacts)", () => {
  test("a collector stays right after another one has collected the same IR", () => {
    const text = MODULES["maps in results, attributes and nested arrays"]! + MODULES["locations in attributes and as op locations"]!;
    const ctx = new Context({ allowUnregisteredDialects: true });
    const root = parseSourceFile(ctx, new SourceFile("input.mlir", text))!;
    const alone = printFlat(root, /*debug=*/ true);
    // printFlat collects with a new printer each time; interleave one more collection.
    const first = new TypeAttrPrinter(ctx, { printDebugInfo: true, printLocalScope: false, hexThreshold: 100, printGenericOpForm: true });
    first.collectAliases(root);
    const other = new TypeAttrPrinter(ctx, { printDebugInfo: false, printLocalScope: false, hexThreshold: 100, printGenericOpForm: true });
    other.collectAliases(root);
    expect(first.aliasesBefore() + first.aliasesAfter()).toBe(alone.split("\n").filter((l) => /^[#!]/.test(l)).join("\n") + "\n");
    const firstOp = root.regions[0]!.entryBlock!.first!;
    expect(first.printLocation(firstOp.loc)).toMatch(/^loc\(#loc\d*\)$/);
    expect(printFlat(root, /*debug=*/ true)).toBe(alone);
  });
});
