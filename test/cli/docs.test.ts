// `npm run docs`: the committed reference pages are what the definitions
// generate now (regenerate with `npm run build && npm run docs`), and they
// cover every registered pass and op.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { referencePages } from "../../src/cli/docs-main.js";
import { registerAllPasses } from "../../passes/index.js";
import { globalPassRegistry } from "../../src/pass/pass-registry.js";

const dir = fileURLToPath(new URL("../../docs/reference/", import.meta.url));

describe("generated reference docs", () => {
  const pages = referencePages();

  it("match the committed pages", () => {
    for (const [rel, text] of pages) expect(fs.readFileSync(path.join(dir, rel), "utf8"), rel).toBe(text);
    const committed = fs.readdirSync(path.join(dir, "dialects")).map((f) => `dialects/${f}`);
    expect(committed.sort()).toEqual([...pages.keys()].filter((k) => k.startsWith("dialects/")).sort());
  });

  it("document every pass with its options and every op of builtin, func, cf, arith and scf", () => {
    registerAllPasses();
    const passes = pages.get("passes.md")!;
    for (const reg of globalPassRegistry.list()) {
      expect(passes).toContain(`## \`${reg.argument}\``);
      for (const d of reg.create().options.sortedDecls()) expect(passes).toContain(`| \`${d.argument}\` |`);
    }
    const ops = ["builtin.module", "builtin.unrealized_conversion_cast", "func.func", "func.return", "func.call", "cf.br", "cf.cond_br"];
    ops.push("arith.addi", "arith.constant", "arith.cmpi", "arith.select", "arith.index_cast", "scf.for", "scf.if", "scf.while", "scf.yield", "scf.condition");
    for (const op of ops) {
      const page = pages.get(`dialects/${op.split(".")[0]}.md`)!;
      expect(page).toContain(`## \`${op}\``);
    }
    expect(pages.get("dialects/cf.md")).toMatch(/## `cf.cond_br`[\s\S]*BranchOpInterface/);
    // From the YAML declarations: constraints with MLIR's wording, defaults, traits with arguments, formats.
    const arith = pages.get("dialects/arith.md")!;
    expect(arith).toMatch(/## `arith.addi`[\s\S]*\| `lhs` \| `SignlessIntegerLike`: signless-integer-like \| single \|/);
    expect(arith).toMatch(/## `arith.addi`[\s\S]*\| `overflowFlags` \| `IntegerOverflowFlags`: Integer overflow arith flags \| default `none` \|/);
    expect(arith).toMatch(/## `arith.cmpi`[\s\S]*`TypesMatchWith<lhs, result, i1-same-shape>`[\s\S]*Assembly format:\n\n```\n\$predicate `/);
    expect(pages.get("dialects/scf.md")).toMatch(/## `scf.yield`[\s\S]*`HasParent<scf.execute_region, scf.for, scf.if, scf.index_switch, scf.while>`/);
  });
});
