#!/usr/bin/env node
// bench/profile-summary.mjs: per-function self and inclusive times of a V8 .cpuprofile
// (from `node --cpu-prof`). Inclusive time counts a function once per sample even when it recurses.
//
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--inclusive | --lines] [--match REGEX]
// `--lines`: sample counts per source line (V8's positionTicks) with the line's text, which tells
// which Map lookup or allocation inside a function costs (e.g. a lookup keyed by a fresh substring).

import * as fs from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
if (!file) {
  process.stderr.write("usage: node bench/profile-summary.mjs FILE.cpuprofile [--top N] [--inclusive] [--match REGEX]\n");
  process.exit(2);
}
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const top = Number(opt("--top") ?? 40);
const inclusive = args.includes("--inclusive");
const match = opt("--match") ? new RegExp(opt("--match")) : undefined;

const profile = JSON.parse(fs.readFileSync(file, "utf8"));
if (args.includes("--lines")) {
  printLineTicks();
  process.exit(0);
}
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const keyOf = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber + 1}`;

const sampleTime = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  sampleTime.set(id, (sampleTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const totals = new Map();
let total = 0;
for (const [id, t] of sampleTime) {
  total += t;
  if (!inclusive) {
    const k = keyOf(nodes.get(id));
    totals.set(k, (totals.get(k) ?? 0) + t);
    continue;
  }
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = keyOf(nodes.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    totals.set(k, (totals.get(k) ?? 0) + t);
  }
}
const rows = [...totals].filter(([k]) => !match || match.test(k)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
for (const [k, t] of rows.slice(0, top)) console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
console.log(`${(total / 1000).toFixed(0).padStart(7)} ms total (${inclusive ? "inclusive" : "self"} time)`);

function printLineTicks() {
  const ticks = new Map();
  for (const n of profile.nodes)
    for (const t of n.positionTicks ?? []) {
      const k = `${n.callFrame.url}:${t.line}`;
      ticks.set(k, (ticks.get(k) ?? 0) + t.ticks);
    }
  const sources = new Map();
  const lineText = (url, line) => {
    if (!url.startsWith("file://")) return "";
    if (!sources.has(url)) sources.set(url, fs.existsSync(new URL(url)) ? fs.readFileSync(new URL(url), "utf8").split("\n") : []);
    return (sources.get(url)[line - 1] ?? "").trim().slice(0, 100);
  };
  const rows = [...ticks].filter(([k]) => !match || match.test(k)).sort((a, b) => b[1] - a[1]);
  for (const [k, n] of rows.slice(0, top)) {
    const at = k.lastIndexOf(":");
    const url = k.slice(0, at);
    const line = Number(k.slice(at + 1));
    console.log(`${String(n).padStart(7)}  ${url.split("/").pop()}:${line}  ${lineText(url, line)}`);
  }
  console.log("(samples per source line; the lines are read from the files as they are now)");
}
