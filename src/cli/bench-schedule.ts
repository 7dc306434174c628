// `hpmoe bench schedule [LAYER.yaml...]`: how the three scheduling policies
// do on MoE layers, against the lower bound. Default rows: DeepSeek-V3 at EP
// 8/16/32/64 x balanced and zipf routing x forward and backward x 4096 and 128
// tokens per rank (configs from examples/deepseek-v3-ep<N>-{train,decode}.yaml
// with routing and pass overridden). Each layer's task graph is built eight
// ranks at a time (lower them, keep their tasks, drop their IR), so memory stays bounded.
// After the table: ours against the exhaustive optimum on small graphs, and
// the serialized baseline's utilization next to the paper's motivation figures.

import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { LayerConfig } from "../layer/layer-config.js";
import { generateRouting, type Routing } from "../layer/routing.js";
import { CostModel } from "../target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../target/hardware-profile.js";
import { lowerBound } from "../../passes/schedule/lower-bound.js";
import { machineOf } from "../../passes/schedule/machine.js";
import { oursSchedule } from "../../passes/schedule/ours.js";
import { scheduleWithPolicy, serializedCostsOf } from "../../passes/schedule/policies.js";
import { RankTaskGraphCollector } from "../../passes/schedule/rank-task-graph.js";
import { scheduleStats } from "../../passes/schedule/schedule-stats.js";
import type { TaskGraph } from "../../passes/schedule/task-graph.js";
import { BenchProgress, type BenchIO } from "./bench-progress.js";
import { optimumComparison, sanityLines } from "./bench-schedule-extras.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";
import { commandError, HELP_OPTION, parseSubcommand, type SubcommandSpec } from "./subcommand.js";

const BENCH: SubcommandSpec = {
  tool: "hpmoe bench schedule",
  usage: "hpmoe bench schedule [LAYER.yaml...] [--ep=8,16,32,64] [--tokens=4096,128] [--pass=forward,backward] [--routing=balanced,zipf] [--json]",
  overview: "compare the serialized, reference and ours schedules of MoE layers with the lower bound",
  options: [
    { name: "json", kind: "bool", help: "Print one JSON object per row on stdout (no optimum or sanity sections)" },
    { name: "ep", kind: "string", valueName: "<list>", help: "Default rows: EP sizes (default 8,16,32,64)" },
    { name: "tokens", kind: "string", valueName: "<list>", help: "Default rows: tokens per rank (default 4096,128)" },
    { name: "pass", kind: "string", valueName: "<list>", help: "Default rows: forward, backward (default both)" },
    { name: "routing", kind: "string", valueName: "<list>", help: "Default rows: balanced, zipf (default both; zipf skew 1.2)" },
    { name: "progress-interval", kind: "int", valueName: "<seconds>", help: "Seconds between progress lines when stderr is not a terminal (default 10)" },
    HELP_OPTION,
  ],
};

/** The goals of issue 6: ours/serialized, ours/reference, gap to the bound. */
export const kGoals = { vsSerialized: 1.58, vsReference: 1.15, gap: 0.1 } as const;
const kZipfSkew = 1.2;

/** One measured row (JSON field names). */
export interface BenchScheduleRow {
  config: string;
  ep: number;
  tokens_per_rank: number;
  pass: string;
  routing: string;
  tasks: number;
  serialized_us: number;
  reference_us: number;
  ours_us: number;
  /** The winning candidate's plan, before its queues run (ours_us is the run). */
  ours_plan_us: number;
  bound_us: number;
  binding: string;
  ours_vs_serialized: number;
  ours_vs_reference: number;
  /** ours / bound - 1. */
  gap: number;
  /** serialized / bound: the best ours/serialized any schedule can reach. */
  best_vs_serialized: number;
  aic_utilization: number;
  exposed_comm_us: number;
  serialized_aic_utilization: number;
  serialized_comm_us: number;
  serialized_exposed_comm_us: number;
  chosen: string;
  /** goalMarks of the unrounded makespans. */
  goals: string;
  build_s: number;
  ours_s: number;
  ours_us_per_task: number;
}

interface BenchLayer {
  readonly name: string;
  readonly cfg: LayerConfig;
  readonly routing: Routing;
}

/** Runs `hpmoe bench schedule` with `args` (after `bench schedule`); returns the exit code. */
export function runBenchSchedule(args: readonly string[], io: BenchIO, stages: LayerStages): number {
  const cl = parseSubcommand(BENCH, args, io);
  if (typeof cl === "number") return cl;
  const v = cl.values;
  const fail = (message: string): number => commandError(BENCH, io, message);
  const interval = (v.get("progress-interval") as number | undefined) ?? 10;
  if (interval < 0) return fail(`--progress-interval must be at least 0, got ${interval}`);
  const lists = {
    ep: listOption(v.get("ep"), ["8", "16", "32", "64"], /^[1-9][0-9]*$/),
    tokens: listOption(v.get("tokens"), ["4096", "128"], /^[1-9][0-9]*$/),
    pass: listOption(v.get("pass"), ["forward", "backward"], /^(forward|backward)$/),
    routing: listOption(v.get("routing"), ["balanced", "zipf"], /^(balanced|zipf)$/),
  };
  for (const [name, list] of Object.entries(lists)) if (typeof list === "string") return fail(`--${name}: ${list}`);

  const json = Boolean(v.get("json"));
  const progress = new BenchProgress(BENCH.tool, io, interval);
  const layers: (() => BenchLayer | undefined)[] = [];
  for (const file of cl.positional)
    layers.push(() => {
      const input = readLayerInput(BENCH.tool, file, io.err);
      return input && { name: file, ...input };
    });
  if (cl.positional.length === 0)
    for (const ep of lists.ep as string[])
      for (const tokens of lists.tokens as string[])
        for (const pass of lists.pass as string[])
          for (const routing of lists.routing as string[]) layers.push(() => defaultLayer(Number(ep), Number(tokens), pass, routing, io));

  const nameWidth = Math.max(COLUMNS[0]!.length, cl.positional.length === 0 ? "ds3-ep64-4096-bwd-balanced".length : 0, ...cl.positional.map((f) => f.length));
  if (!json) io.out(tableLine(COLUMNS, nameWidth));
  const rows: BenchScheduleRow[] = [];
  for (const make of layers) {
    const layer = make();
    if (!layer) return 1;
    const row = benchLayer(stages, layer, progress);
    progress.clear();
    if (typeof row === "string") return fail(row);
    io.err(`${BENCH.tool}: ${row.config}: ${row.tasks} tasks built in ${row.build_s} s; ours in ${row.ours_s} s (${row.ours_us_per_task} us/task, ${row.chosen})\n`);
    rows.push(row);
    io.out(json ? JSON.stringify(row) + "\n" : tableRow(row, nameWidth));
  }
  if (!json) {
    io.out(goalsLine(rows));
    io.out(optimumComparison(loadModel("a3-die")));
    io.out(sanityLines(rows));
  }
  return 0;
}

/** A comma list of allowed items, or a message naming the bad one. */
function listOption(value: unknown, fallback: string[], item: RegExp): string[] | string {
  if (value === undefined) return fallback;
  const items = String(value).split(",").filter((s) => s.length > 0);
  const bad = items.find((s) => !item.test(s));
  if (bad !== undefined || items.length === 0) return `'${bad ?? value}' is not one of the allowed values`;
  return items;
}

function examplesDir(): string {
  // dist/src/cli or src/cli -> the repository root.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const up = here.includes(`${path.sep}dist${path.sep}`) ? "../../.." : "../..";
  return path.resolve(here, up, "examples");
}

/** DeepSeek-V3 from examples/deepseek-v3-ep<ep>-{train,decode}.yaml (4096 / 128 tokens), routing and pass overridden. */
function defaultLayer(ep: number, tokens: number, pass: string, routing: string, io: BenchIO): BenchLayer | undefined {
  const file = path.join(examplesDir(), `deepseek-v3-ep${ep}-${tokens === 128 ? "decode" : "train"}.yaml`);
  const input = readLayerInput(BENCH.tool, file, io.err);
  if (!input) return undefined;
  const cfg: LayerConfig = {
    ...input.cfg,
    parallel: { ...input.cfg.parallel, tokensPerRank: tokens },
    pass: pass as "forward" | "backward",
    routing: routing === "zipf" ? { kind: "zipf", seed: 1, skew: kZipfSkew } : { kind: "balanced", seed: 1 },
  };
  const name = `ds3-ep${ep}-${tokens}-${pass === "forward" ? "fwd" : "bwd"}-${routing}`;
  return { name, cfg, routing: generateRouting(cfg) };
}

function loadModel(target: string): CostModel {
  return new CostModel(loadTarget(target) as HardwareProfile);
}

/** Ranks lowered together: a fresh context and pass pipeline per module has a fixed cost, memory grows with the group. */
const kRanksPerModule = 8;

/** The layer's task graph, a few ranks lowered at a time, or an error message. */
function buildGraph(stages: LayerStages, layer: BenchLayer, model: CostModel, progress: BenchProgress): TaskGraph | string {
  const ep = layer.cfg.parallel.ep;
  const collector = new RankTaskGraphCollector(model);
  const start = performance.now();
  for (let first = 0; first < ep; first += kRanksPerModule) {
    const ranks = Array.from({ length: Math.min(kRanksPerModule, ep - first) }, (_, k) => first + k);
    const ctx = stages.createContext();
    const module = stages.buildMoeModule(ctx, layer.cfg, layer.routing, { ranks });
    if (stages.lowerMoeToTile!(module, {}).failed) return `${layer.name}: ranks ${first}..${first + ranks.length - 1}: lowering to tile failed`;
    collector.add(module.regions[0]!.entryBlock!.ops());
    progress.report(`${layer.name}: ${first + ranks.length}/${ep} ranks lowered, ${collector.tasks} tasks, ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  try {
    return collector.finish();
  } catch (e) {
    return `${layer.name}: ${(e as Error).message}`;
  }
}

function benchLayer(stages: LayerStages, layer: BenchLayer, progress: BenchProgress): BenchScheduleRow | string {
  const model = loadModel(layer.cfg.target);
  const t0 = performance.now();
  const g = buildGraph(stages, layer, model, progress);
  if (typeof g === "string") return g;
  const buildS = (performance.now() - t0) / 1000;
  const m = machineOf(model, layer.cfg.parallel.ep);
  const opts = { serialized: serializedCostsOf(model) };
  progress.report(`${layer.name}: ${g.n} tasks, scheduling`);
  const bound = lowerBound(g, m);
  const serialized = scheduleWithPolicy(g, m, "serialized", opts);
  const reference = scheduleWithPolicy(g, m, "reference", opts);
  const t1 = performance.now();
  const ours = oursSchedule(g, m, { reference });
  const oursS = (performance.now() - t1) / 1000;
  const stats = scheduleStats(g, m, ours.schedule);
  const serStats = scheduleStats(g, m, serialized);
  const o = ours.schedule.makespan;
  return {
    config: layer.name,
    ep: layer.cfg.parallel.ep,
    tokens_per_rank: layer.cfg.parallel.tokensPerRank,
    pass: layer.cfg.pass,
    routing: layer.cfg.routing.kind,
    tasks: g.n,
    serialized_us: round(serialized.makespan, 1),
    reference_us: round(reference.makespan, 1),
    ours_us: round(o, 1),
    ours_plan_us: round(ours.planMakespan, 1),
    bound_us: round(bound.value, 1),
    binding: bound.binding,
    ours_vs_serialized: round(serialized.makespan / o, 3),
    ours_vs_reference: round(reference.makespan / o, 3),
    gap: round(o / bound.value - 1, 4),
    best_vs_serialized: round(serialized.makespan / bound.value, 3),
    aic_utilization: round(stats.aicUtilization, 4),
    exposed_comm_us: round(stats.exposedCommMicros, 1),
    serialized_aic_utilization: round(serStats.aicUtilization, 4),
    serialized_comm_us: round(serStats.commMicros, 1),
    serialized_exposed_comm_us: round(serStats.exposedCommMicros, 1),
    chosen: ours.chosen,
    goals: goalMarks(serialized.makespan, reference.makespan, o, bound.value),
    build_s: round(buildS, 2),
    ours_s: round(oursS, 3),
    ours_us_per_task: round((oursS * 1e6) / Math.max(1, g.n), 2),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const COLUMNS = ["config", "tasks", "serial us", "ref us", "ours us", "bound us", "ours/ser", "ours/ref", "gap", "AIC util", "exposed us", "best/ser", "goals"];
const WIDTHS = [8, 10, 10, 10, 10, 8, 8, 7, 8, 10, 8, 6];

function tableLine(cells: readonly string[], nameWidth: number): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(nameWidth) : c.padStart(WIDTHS[i - 1]!))).join(" ") + "\n";
}

/**
 * One character per goal (ours/serialized, ours/reference, gap): y met, n
 * missed, - impossible (the baseline is already within the goal's factor of
 * the bound). From the makespans as measured: a ratio printed as 1.58x may be
 * 1.5797.
 */
export function goalMarks(serialized: number, reference: number, ours: number, bound: number): string {
  const mark = (baseline: number, goal: number) => (baseline / bound < goal ? "-" : baseline / ours >= goal ? "y" : "n");
  return mark(serialized, kGoals.vsSerialized) + mark(reference, kGoals.vsReference) + (ours / bound - 1 <= kGoals.gap ? "y" : "n");
}

function tableRow(r: BenchScheduleRow, nameWidth: number): string {
  return tableLine(
    [
      r.config,
      String(r.tasks),
      r.serialized_us.toFixed(1),
      r.reference_us.toFixed(1),
      r.ours_us.toFixed(1),
      r.bound_us.toFixed(1),
      `${r.ours_vs_serialized.toFixed(2)}x`,
      `${r.ours_vs_reference.toFixed(2)}x`,
      `${(100 * r.gap).toFixed(1)}%`,
      `${(100 * r.aic_utilization).toFixed(1)}%`,
      r.exposed_comm_us.toFixed(1),
      `${r.best_vs_serialized.toFixed(2)}x`,
      r.goals,
    ],
    nameWidth,
  );
}

function goalsLine(rows: readonly BenchScheduleRow[]): string {
  const marks = rows.map((r) => r.goals);
  const count = (k: number, c: string) => marks.filter((m) => m[k] === c).length;
  return (
    `goals (y met, n missed, - impossible: the baseline is within the goal's factor of the bound): ` +
    `ours/serialized >= ${kGoals.vsSerialized}x ${count(0, "y")} met, ${count(0, "n")} missed, ${count(0, "-")} impossible; ` +
    `ours/reference >= ${kGoals.vsReference}x ${count(1, "y")} met, ${count(1, "n")} missed, ${count(1, "-")} impossible; ` +
    `gap <= ${100 * kGoals.gap}% ${count(2, "y")}/${rows.length}\n`
  );
}
