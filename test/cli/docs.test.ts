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

  it("document every pass with its options and every op of builtin, func and cf", () => {
    registerAllPasses();
    const passes = pages.get("passes.md")!;
    for (const reg of globalPassRegistry.list()) {
      expect(passes).toContain(`## \`${reg.argument}\``);
      for (const d of reg.create().options.sortedDecls()) expect(passes).toContain(`| \`${d.argument}\` |`);
    }
    for (const op of ["builtin.module", "builtin.unrealized_conversion_cast", "func.func", "func.return", "func.call", "cf.br", "cf.cond_br"]) {
      const page = pages.get(`dialects/${op.split(".")[0]}.md`)!;
      expect(page).toContain(`## \`${op}\``);
    }
    expect(pages.get("dialects/cf.md")).toMatch(/## `cf.cond_br`[\s\S]*BranchOpInterface/);
  });
});
