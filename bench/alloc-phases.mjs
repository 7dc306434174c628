#!/usr/bin/env node
// bench/alloc-phases.mjs: how many bytes each pass-side phase allocates, by function, for a
// gen-arith.mjs file. Runs bench/pass-phases.mjs in this process under V8's sampling heap profiler
// with collected objects kept (node's --heap-prof drops them, so it shows only what survives), and
// sums the samples under each phase's entry function. Unlike times, these figures do not depend on
// the machine's load, so they compare two builds (--dist) on a shared machine.
//
// Usage: node --max-semi-space-size=32 bench/alloc-phases.mjs FILE [--dist DIR] [--top N]

import * as inspector from "node:inspector/promises";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args[topAt + 1]) : 8;
const passArgs = args.filter((a, i) => a !== "--top" && args[i - 1] !== "--top");
if (!passArgs.some((a) => !a.startsWith("--"))) {
  process.stderr.write("usage: node bench/alloc-phases.mjs FILE [--dist DIR] [--top N]\n");
  process.exit(2);
}

// Each phase by the function that runs it (pass-phases.mjs calls them directly), less the
// subtrees of a function it contains that belongs to another phase.
const phases = [
  ["parse", "parseSourceFile"],
  ["verify (all three)", "verify"],
  ["link use-lists", "flushDeferredUses"],
  ["canonicalize", "applyPatternsGreedily"],
  ["cse", "runOnOperation", "applyPatternsGreedily"],
];

const session = new inspector.Session();
session.connect();
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 8192,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
process.argv = [process.argv[0], new URL("pass-phases.mjs", import.meta.url).pathname, ...passArgs];
await import("./pass-phases.mjs");
const { profile } = await session.post("HeapProfiler.stopSampling");

const where = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;
const mib = (bytes) => (bytes / 1048576).toFixed(1).padStart(7);
for (const [phase, root, exclude] of phases) {
  const bySite = new Map();
  let total = 0;
  // Iterative: profiles nest deeply.
  const stack = [[profile.head, false]];
  while (stack.length) {
    const [node, inside] = stack.pop();
    if (node.callFrame.functionName === exclude) continue;
    const now = inside || node.callFrame.functionName === root;
    if (now && node.selfSize) {
      total += node.selfSize;
      bySite.set(where(node), (bySite.get(where(node)) ?? 0) + node.selfSize);
    }
    for (const child of node.children ?? []) stack.push([child, now]);
  }
  console.log(`${phase}: ${mib(total).trim()} MiB allocated (sampled)`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${mib(bytes)} MiB  ${site}`);
}
