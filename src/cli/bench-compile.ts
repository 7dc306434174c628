// `hpmoe bench compile [LAYER.yaml...]`: tile generation for every rank of
// each layer (default DeepSeek-V3 at EP 8, 16, 32, 64 and 256, 4096 tokens per
// rank), one row per layer: tasks per rank, time, peak memory, and time ratio
// against task ratio relative to the first row (cost should grow about
// linearly with tasks). Ranks are compiled one at a time and their IR dropped
// after counting, so memory stays bounded by one rank.

import type { LayerConfig } from "../layer/layer-config.js";
import { deepSeekV3Config } from "../layer/deepseek-v3.js";
import { generateRouting, type Routing } from "../layer/routing.js";
import { commandError, HELP_OPTION, parseSubcommand, presetOption, type SubcommandSpec } from "./subcommand.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";
import { compileRank, RankCompileError } from "./rank-compiler.js";
import { BenchProgress, type BenchIO } from "./bench-progress.js";

const DEFAULT_EPS = [8, 16, 32, 64, 256];
const DEFAULT_TOKENS = 4096;
const MIB = 1024 * 1024;

const BENCH: SubcommandSpec = {
  tool: "hpmoe bench compile",
  usage: "hpmoe bench compile [LAYER.yaml...] [--preset=reference] [--json]",
  overview: "time tile generation for every rank of MoE layers",
  options: [
    { name: "preset", kind: "string", valueName: "<name>", help: "Lowering preset: reference" },
    { name: "json", kind: "bool", help: "Print one JSON object per row on stdout" },
    { name: "progress-interval", kind: "int", valueName: "<seconds>", help: "Seconds between progress lines when stderr is not a terminal (default 10)" },
    HELP_OPTION,
  ],
};

export type { BenchIO };

interface BenchLayer {
  readonly name: string;
  readonly cfg: LayerConfig;
  readonly routing: Routing;
}

/** One measured row. */
export interface BenchCompileRow {
  config: string;
  ep: number;
  tokens_per_rank: number;
  tasks_per_rank: number;
  tasks_min: number;
  tasks_max: number;
  tasks_total: number;
  time_s: number;
  peak_rss_mib: number;
  peak_heap_mib: number;
  time_ratio: number;
  task_ratio: number;
}

/** Runs `hpmoe bench compile` with `args` (after `bench compile`); returns the exit code. */
export function runBenchCompile(args: readonly string[], io: BenchIO, stages: LayerStages): number {
  const cl = parseSubcommand(BENCH, args, io);
  if (typeof cl === "number") return cl;
  const v = cl.values;
  const fail = (message: string): number => commandError(BENCH, io, message);
  const preset = presetOption(BENCH, cl, io);
  if (typeof preset === "number") return preset;
  const interval = (v.get("progress-interval") as number | undefined) ?? 10;
  if (interval < 0) return fail(`--progress-interval must be at least 0, got ${interval}`);

  const layers: BenchLayer[] = [];
  for (const file of cl.positional) {
    const input = readLayerInput(BENCH.tool, file, io.err);
    if (!input) return 1;
    layers.push({ name: file, ...input });
  }
  const json = Boolean(v.get("json"));
  // The config column fits the longest name (default rows are named deepseek-v3-ep<N>).
  const nameWidth = Math.max(COLUMNS[0]!.length, "deepseek-v3-ep256".length, ...layers.map((l) => l.name.length));
  if (!json) io.out(tableLine(COLUMNS, nameWidth));
  const rows: BenchCompileRow[] = [];
  const progress = new BenchProgress(BENCH.tool, io, interval);
  const measure = (layer: BenchLayer): number => {
    const row = benchLayer(stages, layer, preset, progress, rows[0]);
    if (row instanceof RankCompileError) {
      progress.clear();
      io.err(row.text);
      return 1;
    }
    rows.push(row);
    progress.clear();
    io.out(json ? JSON.stringify(row) + "\n" : tableRow(row, nameWidth));
    return 0;
  };
  if (layers.length > 0) {
    for (const layer of layers) if (measure(layer)) return 1;
  } else {
    // Default rows are built and routed one at a time: EP256's routing alone is 16 MiB of ids.
    for (const ep of DEFAULT_EPS) {
      const cfg = deepSeekV3Config(ep, DEFAULT_TOKENS);
      if (measure({ name: `deepseek-v3-ep${ep}`, cfg, routing: generateRouting(cfg) })) return 1;
    }
  }
  return 0;
}

function benchLayer(
  stages: LayerStages,
  layer: BenchLayer,
  preset: "reference" | undefined,
  progress: BenchProgress,
  first: BenchCompileRow | undefined,
): BenchCompileRow | RankCompileError {
  const ep = layer.cfg.parallel.ep;
  let total = 0;
  let min = Infinity;
  let max = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  for (let rank = 0; rank < ep; rank++) {
    const r = compileRank(stages, layer.cfg, layer.routing, [rank], { stopAfter: "tile", preset, print: undefined });
    if (r instanceof RankCompileError) return r;
    const n = r.tasks?.get(rank)?.total ?? 0;
    total += n;
    min = Math.min(min, n);
    max = Math.max(max, n);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    progress.report(`${layer.name}: rank ${rank + 1}/${ep}, ${total} tasks, ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const time = (performance.now() - start) / 1000;
  return {
    config: layer.name,
    ep,
    tokens_per_rank: layer.cfg.parallel.tokensPerRank,
    tasks_per_rank: Math.round(total / ep),
    tasks_min: min,
    tasks_max: max,
    tasks_total: total,
    time_s: round(time, 3),
    peak_rss_mib: round((process.resourceUsage().maxRSS * 1024) / MIB, 1),
    peak_heap_mib: round(peakHeap / MIB, 1),
    time_ratio: first ? round(time / Math.max(first.time_s, 1e-9), 2) : 1,
    task_ratio: first ? round(total / Math.max(first.tasks_total, 1), 2) : 1,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const COLUMNS = ["config", "ranks", "tasks/rank", "min..max", "tasks", "time s", "RSS MiB", "heap MiB", "time ratio", "task ratio"];
/** Widths of the right-aligned columns (all but the first). */
const WIDTHS = [6, 11, 16, 11, 9, 9, 9, 11, 11];

function tableLine(cells: readonly string[], nameWidth: number): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(nameWidth) : c.padStart(WIDTHS[i - 1]!))).join(" ") + "\n";
}

function tableRow(r: BenchCompileRow, nameWidth: number): string {
  return tableLine([
    r.config,
    String(r.ep),
    String(r.tasks_per_rank),
    `${r.tasks_min}..${r.tasks_max}`,
    String(r.tasks_total),
    r.time_s.toFixed(3),
    r.peak_rss_mib.toFixed(1),
    r.peak_heap_mib.toFixed(1),
    r.time_ratio.toFixed(2),
    r.task_ratio.toFixed(2),
  ], nameWidth);
}
