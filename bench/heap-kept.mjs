#!/usr/bin/env node
// bench/heap-kept.mjs: the heap that parsing a file leaves behind (the IR, the interned types and
// attributes, and the parser's caches), measured after full collections. Unlike timings it does not
// depend on the machine's load, so it shows what a change to the IR's representation saves even when
// timings on the shared machine are too noisy to compare.
//
// Usage: node --expose-gc bench/heap-kept.mjs FILE [--dist DIR]   (needs `npm run build`, or --dist)

import * as fs from "node:fs";

const args = process.argv.slice(2);
const distAt = args.indexOf("--dist");
const file = args.find((a, i) => !a.startsWith("--") && (distAt < 0 || i !== distAt + 1));
if (!file || typeof globalThis.gc !== "function") {
  process.stderr.write("usage: node --expose-gc bench/heap-kept.mjs FILE [--dist DIR]\n");
  process.exit(2);
}
const dist = distAt >= 0 ? new URL(`file://${fs.realpathSync(args[distAt + 1])}/`) : new URL("../dist/", import.meta.url);
const { Context, registerBuiltinDialect, parseSourceFile, SourceFile } = await import(new URL("src/index.js", dist).href);

const src = SourceFile.fromBuffer(file, fs.readFileSync(file));
const ctx = new Context({ allowUnregisteredDialects: true });
registerBuiltinDialect(ctx);
globalThis.gc();
const before = process.memoryUsage().heapUsed;
const root = parseSourceFile(ctx, src);
if (!root) {
  process.stderr.write(ctx.diagnostics.takeAll().map(String).join("\n") + "\n");
  process.exit(1);
}
globalThis.gc();
const kept = process.memoryUsage().heapUsed - before;
console.log(`heap kept by parsing: ${(kept / 1048576).toFixed(2)} MiB`);
