// `hpmoe docs`: writes the reference pages generated from the definitions
// (one per dialect, one for passes) under a directory.

import * as fs from "node:fs";
import * as path from "node:path";
import { registerAllPasses } from "../../passes/index.js";
import { registerAllDialects } from "../dialect/all-dialects.js";
import { dialectMarkdown } from "../dialect/dialect-docs.js";
import { Context } from "../ir/context.js";
import { passesMarkdown } from "../pass/pass-docs.js";
import { globalPassRegistry } from "../pass/pass-registry.js";
import { writeFileAtomic } from "./output-file.js";

/** The generated pages, keyed by path relative to the output directory. */
export function referencePages(): Map<string, string> {
  registerAllPasses();
  const ctx = new Context();
  registerAllDialects(ctx);
  const pages = new Map<string, string>([["passes.md", passesMarkdown(globalPassRegistry)]]);
  for (const [dialect, text] of dialectMarkdown(ctx)) pages.set(`dialects/${dialect}.md`, text);
  return pages;
}

/** `hpmoe docs [--out DIR]`; returns the exit code. */
export function runDocs(args: readonly string[], stderr: (text: string) => void): number {
  let out = "docs/reference";
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--out" || a === "-o") {
      const v = args[++i];
      if (v === undefined) {
        stderr("hpmoe docs: error: --out needs a directory\n");
        return 1;
      }
      out = v;
    } else if (a.startsWith("--out=")) out = a.slice("--out=".length);
    else {
      stderr(`hpmoe docs: error: unknown argument '${a}' (usage: hpmoe docs [--out DIR])\n`);
      return 1;
    }
  }
  for (const [rel, text] of referencePages()) {
    const file = path.join(out, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const err = writeFileAtomic(file, Buffer.from(text, "utf8"));
    if (err) {
      stderr(`hpmoe docs: error: could not write '${file}': ${err}\n`);
      return 1;
    }
  }
  return 0;
}
