// --mlir-pass-statistics: the counters passes declare, printed as MLIR prints
// them (mlir/lib/Pass/PassStatistics.cpp) per pipeline position or merged
// per pass name.

import { Pass, type PassStatistic } from "./pass.js";
import type { OpPassManager } from "./pass-manager.js";

export type StatisticsDisplay = "pipeline" | "list";

const kRule = "===" + "-".repeat(73) + "===";

/** A pass name line, then its statistics sorted by name, values and names aligned. */
function entry(indent: number, name: string, stats: readonly { name: string; description: string; value: number }[] = []): string {
  let s = " ".repeat(indent) + name + "\n";
  const sorted = [...stats].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const nameWidth = Math.max(0, ...sorted.map((t) => t.name.length));
  const valueWidth = Math.max(0, ...sorted.map((t) => String(t.value).length));
  for (const t of sorted) s += `${" ".repeat(indent + 2)}(S) ${String(t.value).padStart(valueWidth)} ${t.name.padEnd(nameWidth)} - ${t.description}\n`;
  return s;
}

function asPipeline(pm: OpPassManager, indent: number): string {
  let s = "";
  for (const e of pm.elements) {
    if (e instanceof Pass) s += entry(indent, e.name, e.statistics);
    else s += entry(indent, `'${e.anchor}' Pipeline`) + asPipeline(e, indent + 2);
  }
  return s;
}

function asList(pm: OpPassManager): string {
  const merged = new Map<string, { name: string; description: string; value: number }[]>();
  // Passes in pipeline order, so the first instance of a name fixes its statistics' order.
  const passes: Pass[] = [];
  const collect = (m: OpPassManager): void => {
    for (const e of m.elements) if (e instanceof Pass) passes.push(e);
    else collect(e);
  };
  collect(pm);
  for (const p of passes) {
    if (p.statistics.length === 0) continue;
    const into = merged.get(p.name);
    if (!into) merged.set(p.name, p.statistics.map((t: PassStatistic) => ({ name: t.name, description: t.description, value: t.value })));
    else p.statistics.forEach((t, i) => (into[i]!.value += t.value));
  }
  return [...merged]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name, stats]) => entry(2, name, stats))
    .join("");
}

/** The report, header and trailing blank line included. */
export function statisticsReport(pm: OpPassManager, display: StatisticsDisplay): string {
  const title = "... Pass statistics report ...";
  const body = display === "list" ? asList(pm) : asPipeline(pm, 0);
  return `${kRule}\n${" ".repeat((80 - title.length) >> 1)}${title}\n${kRule}\n${body}\n`;
}
