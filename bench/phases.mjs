#!/usr/bin/env node
// bench/phases.mjs: splits one hpmoe-opt run into its phases (read, parse, verify, print, write)
// in-process, so a change to one phase can be measured without the others' noise.
//
// Usage: node bench/phases.mjs FILE [--rounds N] [--debuginfo] [--dist DIR]
// V8 heap flags must be on node's command line (V8 sizes the heap at start-up); to match the tools'
// `#!` lines run `node --max-semi-space-size=32 bench/phases.mjs FILE`.
// Needs `npm run build` first (it loads dist/). Prints the median of each phase over the rounds.
// Run it with `node --cpu-prof --cpu-prof-dir=DIR` and then `node bench/profile-summary.mjs DIR/*.cpuprofile`
// for a per-function profile.

import * as fs from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--rounds", "--dist"].includes(args[i - 1] ?? ""));
if (!file) {
  process.stderr.write("usage: node bench/phases.mjs FILE [--rounds N] [--debuginfo]\n");
  process.exit(2);
}
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 1;
const printDebugInfo = args.includes("--debuginfo");

// `--dist DIR` loads another build (e.g. a copy of dist/ from before a change, for A/B runs).
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? new URL(`file://${fs.realpathSync(args[distAt + 1])}/`) : new URL("../dist/", import.meta.url);
const api = await import(new URL("src/index.js", dist).href);
const { Context, registerBuiltinDialect, parseSourceFile, SourceFile, verify, printTopLevel, printOpForDiagnostic } = api;

const phases = ["read", "parse", "verify", "print", "write"];
const times = Object.fromEntries(phases.map((p) => [p, []]));
const cpuTimes = [];
/** Process CPU (ms, GC threads included) per phase: steadier than wall time when other jobs share the cores. */
const cpuByPhase = Object.fromEntries(phases.map((p) => [p, []]));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < rounds; r++) {
  const cpu0 = process.cpuUsage();
  const c = [cpuMs()];
  const t0 = performance.now();
  const src = SourceFile.fromBuffer(file, fs.readFileSync(file));
  const t1 = performance.now();
  c.push(cpuMs());
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerBuiltinDialect(ctx);
  const root = parseSourceFile(ctx, src);
  if (!root) {
    process.stderr.write(ctx.diagnostics.takeAll().map(String).join("\n") + "\n");
    process.exit(1);
  }
  const t2 = performance.now();
  c.push(cpuMs());
  verify(root, { printOp: printOpForDiagnostic });
  const t3 = performance.now();
  c.push(cpuMs());
  const out = printTopLevel(root, { printGenericOpForm: true, printDebugInfo });
  const t4 = performance.now();
  c.push(cpuMs());
  fs.writeFileSync("/dev/null", Buffer.from(out + "\n", "latin1"));
  const t5 = performance.now();
  c.push(cpuMs());
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  const marks = [t0, t1, t2, t3, t4, t5];
  phases.forEach((p, i) => times[p].push(marks[i + 1] - marks[i]));
  phases.forEach((p, i) => cpuByPhase[p].push(c[i + 1] - c[i]));
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const min = (xs) => Math.min(...xs);
// CPU time (all threads of this process, so background GC included) is steadier than wall time on a busy machine.
console.log(
  phases.map((p) => `${p} ${median(times[p]).toFixed(0)}`).join("  ") +
    `  ms wall; process CPU ${median(cpuTimes).toFixed(0)} ms` +
    (rounds > 1 ? ` (medians of ${rounds}; fastest parse ${min(times.parse).toFixed(0)}, print ${min(times.print).toFixed(0)})` : "") +
    `; least CPU: parse ${min(cpuByPhase.parse).toFixed(0)}, verify ${min(cpuByPhase.verify).toFixed(0)}, print ${min(cpuByPhase.print).toFixed(0)} ms`,
);
