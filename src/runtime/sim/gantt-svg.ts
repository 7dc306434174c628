// A simulation as an SVG Gantt chart: one row per core, rows grouped by rank
// (AICs, then AIVs, then the rank's egress link), bars coloured by moe stage,
// a time axis in microseconds. Large launches are aggregated, not cut: when
// the rows would exceed `maxRows`, each row stands for k consecutive cores of
// one kind (the smallest k that fits) and draws their bars at opacity 1/k, so
// the shade shows how many of the k cores run that stage. Bars closer than
// half a pixel merge, so the file stays bounded by the chart's pixels, not by
// the task count. Deterministic bytes.

import { stageNames } from "../../../dialects/tile-model.js";
import { coreLabel, type SimCore, type SimResult } from "./sim-result.js";

export interface GanttOptions {
  readonly title?: string;
  /** Most rows drawn before cores are aggregated (default 240). */
  readonly maxRows?: number;
  /** Width of the time area in pixels (default 1200). */
  readonly width?: number;
}

/** One colour per stage (tile-model's Stage order), chosen to stay apart. */
const palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#86bc86", "#d37295", "#8cd17d", "#499894"];
const colourOf = (stage: number): string => palette[stage % palette.length]!;

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const px = (x: number): string => x.toFixed(1);

interface Row {
  readonly rank: number;
  readonly label: string;
  /** Queue indices it draws (empty for a link row). */
  readonly queues: readonly number[];
  readonly link: boolean;
}

/** Rows by rank: cores of one kind in groups of k, then the link. */
function rowsOf(r: SimResult, k: number): Row[] {
  const byRank = new Map<number, number[]>();
  r.cores.forEach((c, q) => {
    const list = byRank.get(c.rank);
    if (list) list.push(q);
    else byRank.set(c.rank, [q]);
  });
  const rows: Row[] = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const qs = byRank.get(rank)!.sort((a, b) => r.cores[a]!.global - r.cores[b]!.global);
    for (const unit of ["aic", "aiv"] as const) {
      const ofUnit = qs.filter((q) => r.cores[q]!.unit === unit);
      for (let i = 0; i < ofUnit.length; i += k) {
        const group = ofUnit.slice(i, i + k);
        const first = coreLabel(r.cores[group[0]!]!);
        const last = (c: SimCore) => (c.unit === "aic" ? String(c.core) : `${c.core}.${c.sub}`);
        rows.push({ rank, label: group.length > 1 ? `${first}-${last(r.cores[group[group.length - 1]!]!)}` : first, queues: group, link: false });
      }
    }
    rows.push({ rank, label: "link", queues: [], link: true });
  }
  return rows;
}

/** The smallest group size k whose rows fit in `maxRows` (each rank keeps >= 3 rows: AICs, AIVs, link). */
function groupSize(r: SimResult, maxRows: number): number {
  const count = new Map<number, { aic: number; aiv: number }>();
  for (const c of r.cores) {
    const n = count.get(c.rank) ?? { aic: 0, aiv: 0 };
    n[c.unit]++;
    count.set(c.rank, n);
  }
  const widest = Math.max(1, ...[...count.values()].map((n) => Math.max(n.aic, n.aiv)));
  const rowsFor = (k: number) => [...count.values()].reduce((acc, n) => acc + Math.ceil(n.aic / k) + Math.ceil(n.aiv / k) + 1, 0);
  let k = 1;
  while (k < widest && rowsFor(k) > maxRows) k++;
  return k;
}

/** A tick step of 1, 2 or 5 x 10^n giving about 8 ticks. */
function tickStep(span: number): number {
  const raw = span / 8;
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((f) => f * pow).find((s) => s >= raw)!;
}

export function ganttSvg(r: SimResult, opts: GanttOptions = {}): string {
  const maxRows = opts.maxRows ?? 240;
  const width = opts.width ?? 1200;
  const ranks = new Set(r.cores.map((c) => c.rank)).size;
  const k = groupSize(r, maxRows);
  const rows = rowsOf(r, k);
  const rowH = Math.max(3, Math.min(14, Math.floor(1600 / Math.max(1, rows.length))));
  const left = 120;
  const rankGap = 8;
  const top = 64;
  const span = r.makespan > 0 ? r.makespan : 1;
  const xOf = (t: number) => left + (t / span) * width;
  const rowY: number[] = [];
  let y = top;
  rows.forEach((row, i) => {
    if (i > 0 && row.rank !== rows[i - 1]!.rank) y += rankGap;
    rowY.push(y);
    y += rowH;
  });
  const height = y + 24;

  // Bars per row and stage, merged when less than half a pixel apart.
  const rowOfQueue = new Int32Array(r.cores.length);
  rows.forEach((row, i) => row.queues.forEach((q) => (rowOfQueue[q] = i)));
  const linkRow = new Map<number, number>();
  rows.forEach((row, i) => row.link && linkRow.set(row.rank, i));
  const bars = new Map<string, [number, number][]>();
  const add = (key: string, x0: number, x1: number) => {
    const list = bars.get(key);
    const last = list?.[list.length - 1];
    if (last && x0 - last[1] < 0.5) last[1] = Math.max(last[1], x1);
    else if (list) list.push([x0, x1]);
    else bars.set(key, [[x0, x1]]);
  };
  const stages = new Set<number>();
  for (const t of r.tasks) {
    stages.add(t.stage);
    add(`${rowOfQueue[t.queue]} ${t.queue} ${t.stage}`, xOf(t.start), xOf(t.end));
  }
  // Link bars in link order (a rank's link intervals never overlap).
  const linkUse = r.tasks.filter((t) => t.linkEnd > t.linkStart).sort((a, b) => a.linkStart - b.linkStart || a.rank - b.rank || a.task - b.task);
  for (const t of linkUse) add(`${linkRow.get(t.rank)} -1 ${t.stage}`, xOf(t.linkStart), xOf(t.linkEnd));

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${height}" font-family="sans-serif" font-size="10">`);
  out.push(`<rect x="0" y="0" width="${left + width + 20}" height="${height}" fill="#ffffff"/>`);
  const title = opts.title ?? "hpmoe sim";
  const note = k > 1 ? `; each row aggregates ${k} cores (opacity 1/${k} per core)` : "";
  out.push(`<text x="8" y="16" font-size="13">${escapeXml(`${title}: makespan ${r.makespan.toFixed(2)} us, ${ranks} ranks, ${r.cores.length} cores${note}`)}</text>`);
  let lx = 8;
  for (const st of [...stages].sort((a, b) => a - b)) {
    const name = stageNames[st] ?? String(st);
    out.push(`<rect x="${lx}" y="24" width="10" height="10" fill="${colourOf(st)}"/><text x="${lx + 13}" y="33">${escapeXml(name)}</text>`);
    lx += 20 + 6 * name.length;
  }
  const step = tickStep(span);
  for (let t = 0; t <= span + 1e-9; t += step) {
    const x = px(xOf(t));
    out.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${y}" stroke="#dddddd" stroke-width="0.5"/><text x="${x}" y="${top - 9}" text-anchor="middle">${escapeXml(`${Number(t.toPrecision(6))} us`)}</text>`);
  }
  const labelEvery = rowH >= 7 ? 1 : Math.ceil(7 / rowH);
  rows.forEach((row, i) => {
    if (i === 0 || row.rank !== rows[i - 1]!.rank) out.push(`<text x="4" y="${rowY[i]! + Math.min(rowH, 10) - 1}" font-weight="bold">${escapeXml(`rank ${row.rank}`)}</text>`);
    if (row.link || i % labelEvery === 0) out.push(`<text x="${left - 4}" y="${rowY[i]! + Math.min(rowH, 9)}" text-anchor="end" font-size="${Math.min(9, Math.max(6, rowH))}">${escapeXml(row.label)}</text>`);
  });
  const opacity = k > 1 ? ` fill-opacity="${(1 / k).toFixed(3)}"` : "";
  for (const [key, list] of bars) {
    const [row, , stage] = key.split(" ").map(Number) as [number, number, number];
    const fill = colourOf(stage);
    const h = rowH > 4 ? rowH - 1 : rowH;
    const rowOpacity = rows[row]!.link ? "" : opacity;
    for (const [x0, x1] of list) out.push(`<rect x="${px(x0)}" y="${rowY[row]}" width="${px(Math.max(0.5, x1 - x0))}" height="${h}" fill="${fill}"${rowOpacity}/>`);
  }
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
