// Helpers for tests that compare the type/attribute parser and printer with
// mlir-opt-22: running the oracle, and driving TypeAttrParser/TypeAttrPrinter
// directly on one type, attribute or location.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Attribute } from "../../src/ir/attribute.js";
import { Context } from "../../src/ir/context.js";
import type { Location } from "../../src/ir/location.js";
import type { Type } from "../../src/ir/type.js";
import { SourceFile } from "../../src/syntax/source.js";
import { AliasTable, TypeAttrParser } from "../../src/syntax/type-attr-parser.js";
import { TypeAttrPrinter, type AsmPrintOptions } from "../../src/syntax/type-attr-printer.js";

export const MLIR_OPT = "mlir-opt-22";

/** Fails loudly (never skips) when the oracle is missing. */
export function requireMlirOpt(): void {
  const r = spawnSync(MLIR_OPT, ["--version"], { encoding: "utf8" });
  if (r.error || r.status !== 0)
    throw new Error(`${MLIR_OPT} is required for these tests (Debian/Ubuntu: apt install mlir-22-tools): ${r.error?.message ?? r.stderr}`);
}

/** Runs mlir-opt-22 on `input` (written to a temp file named `name`); returns stdout and stderr. */
export function runMlirOpt(input: string, flags: readonly string[], name = "input.mlir"): { stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "hpmoe-oracle-"));
  try {
    const file = join(dir, name);
    writeFileSync(file, input, "latin1");
    const r = spawnSync(MLIR_OPT, ["--allow-unregistered-dialect", ...flags, name], {
      cwd: dir,
      encoding: "latin1",
      maxBuffer: 1 << 28,
    });
    if (r.error) throw r.error;
    return { stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One parse: the parser over `text`, the context, and the first reported error. */
export interface ParseRun {
  ctx: Context;
  parser: TypeAttrParser;
  error: { offset: number; message: string; note?: string } | undefined;
}

export function makeParser(text: string, ctx = new Context({ allowUnregisteredDialects: true }), grammarOnly = false): ParseRun {
  const run: ParseRun = { ctx, parser: undefined as unknown as TypeAttrParser, error: undefined };
  run.parser = new TypeAttrParser(ctx, new SourceFile("input.mlir", text), new AliasTable(), (offset, message, note) => {
    run.error ??= { offset, message, ...(note ? { note } : {}) };
  });
  run.parser.grammarOnly = grammarOnly;
  return run;
}

export const localScope: AsmPrintOptions = { printDebugInfo: false, printLocalScope: true, hexThreshold: 100 };

/** Parses `text` as one attribute; throws with the diagnostic when it fails. */
export function parseAttr(text: string, ctx?: Context, grammarOnly = false): Attribute {
  const run = makeParser(text, ctx, grammarOnly);
  const a = run.parser.parseAttribute();
  if (!a) throw new Error(`parse of ${JSON.stringify(text)} failed: ${run.error?.offset}: ${run.error?.message}`);
  return a;
}

export function parseType(text: string, ctx?: Context, grammarOnly = false): Type {
  const run = makeParser(text, ctx, grammarOnly);
  const t = run.parser.parseType();
  if (!t) throw new Error(`parse of ${JSON.stringify(text)} failed: ${run.error?.offset}: ${run.error?.message}`);
  return t;
}

export function parseLoc(text: string, ctx?: Context): Location {
  const run = makeParser(text, ctx);
  const l = run.parser.parseLocation();
  if (!l) throw new Error(`parse of ${JSON.stringify(text)} failed: ${run.error?.offset}: ${run.error?.message}`);
  return l;
}

/** Prints with local scope (no aliases), as mlir-opt --mlir-print-local-scope. */
export function printAttr(a: Attribute, options: Partial<AsmPrintOptions> = {}): string {
  return new TypeAttrPrinter(a.context, { ...localScope, ...options }).printAttribute(a);
}

/** 1-based line and column of `offset` in `text`. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/** `file:L:C: error: msg` lines (and following notes) from mlir-opt's stderr, by line number. */
export function parseDiagnostics(stderr: string): Map<number, { col: number; message: string; note?: string }> {
  const out = new Map<number, { col: number; message: string; note?: string }>();
  let last: { col: number; message: string; note?: string } | undefined;
  for (const l of stderr.split("\n")) {
    const m = /^[^:]+:(\d+):(\d+): (error|note): (.*)$/.exec(l);
    if (!m) continue;
    // Keep the first error per line (MLIR may add follow-up errors) and its note.
    if (m[3] === "error") {
      last = out.has(Number(m[1])) ? undefined : { col: Number(m[2]), message: m[4]! };
      if (last) out.set(Number(m[1]), last);
    } else if (last && last.note === undefined) {
      last.note = m[4]!;
    }
  }
  return out;
}
