#!/usr/bin/env node
// bench/pass-phases.mjs: splits a `--canonicalize --cse` run (bench:passes' workload) into parse,
// verify, use-list linking, canonicalize, verify, cse, verify and print in-process, with process CPU per phase, so a
// change to one of them can be measured without the others' noise (and A/B'd with --dist).
//
// Usage: node --max-semi-space-size=32 bench/pass-phases.mjs FILE [--rounds N] [--dist DIR]
// FILE is a gen-arith.mjs file (registered func/arith ops). Needs `npm run build` (or --dist).

import * as fs from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !["--rounds", "--dist"].includes(args[i - 1] ?? ""));
if (!file) {
  process.stderr.write("usage: node bench/pass-phases.mjs FILE [--rounds N] [--dist DIR]\n");
  process.exit(2);
}
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 1;
const distAt = args.indexOf("--dist");
const dist = distAt >= 0 ? new URL(`file://${fs.realpathSync(args[distAt + 1])}/`) : new URL("../dist/", import.meta.url);
const api = await import(new URL("src/index.js", dist).href);
const { Context, registerAllDialects, registerAllPasses, parseSourceFile, SourceFile, verify, printTopLevel, printOpForDiagnostic } = api;
const { CanonicalizerPass, CSEPass, AnalysisManager } = api;
registerAllPasses();

const phases = ["parse", "verify", "link", "canonicalize", "verify2", "cse", "verify3", "print"];
const cpu = Object.fromEntries(phases.map((p) => [p, []]));
const totals = [];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const check = (ok, what) => {
  if (ok) return;
  process.stderr.write(`${what} failed\n`);
  process.exit(1);
};
for (let r = 0; r < rounds; r++) {
  const marks = [cpuMs()];
  const src = SourceFile.fromBuffer(file, fs.readFileSync(file));
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerAllDialects(ctx);
  const root = parseSourceFile(ctx, src);
  check(root, "parse");
  marks.push(cpuMs());
  const verifyRoot = () => check(!verify(root, { printOp: printOpForDiagnostic }).failed, "verify");
  verifyRoot();
  marks.push(cpuMs());
  // The first pass would link the deferred use nodes (Operation.createDeferred); timed apart.
  ctx.flushDeferredUses();
  marks.push(cpuMs());
  for (const pass of [new CanonicalizerPass(), new CSEPass()]) {
    check(!pass.run(root, new AnalysisManager(root)).failed, pass.name);
    marks.push(cpuMs());
    verifyRoot();
    marks.push(cpuMs());
  }
  const out = printTopLevel(root, { printGenericOpForm: true });
  marks.push(cpuMs());
  if (r === 0 && args.includes("--out")) fs.writeFileSync(args[args.indexOf("--out") + 1], out + "\n");
  phases.forEach((p, i) => cpu[p].push(marks[i + 1] - marks[i]));
  totals.push(marks[marks.length - 1] - marks[0]);
}
const min = (xs) => Math.min(...xs);
if (args.includes("--each")) for (let r = 0; r < rounds; r++) console.log(`round ${r}: ` + phases.map((p) => `${p} ${cpu[p][r].toFixed(0)}`).join("  "));
console.log(phases.map((p) => `${p} ${min(cpu[p]).toFixed(0)}`).join("  ") + `  ms least CPU of ${rounds}; total least ${min(totals).toFixed(0)}`);
