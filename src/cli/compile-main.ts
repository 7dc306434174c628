// `hpmoe compile LAYER.yaml -o DIR`: reads a layer config, builds its moe
// module, lowers it to tile programs, schedules them onto per-core queues and
// inserts and verifies the events, writing DIR/{moe,tile,schedule,events}.mlir
// (each one module holding every rank) whole or not at all, then simulates the
// queues into DIR/trace.json and DIR/gantt.svg. moe and tile alone compile
// rank by rank; scheduling places every rank of a launch at once, so the later
// stages compile the whole module.

import * as fs from "node:fs";
import * as path from "node:path";
import { commandError, HELP_OPTION, parseSubcommand, presetOption, singleLayerArgument, type CommandIO, type SubcommandSpec } from "./subcommand.js";
import type { Operation } from "../ir/operation.js";
import { isSchedulePolicy, schedulePolicies } from "../../dialects/queue-model.js";
import type { LayerConfig } from "../layer/layer-config.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";
import { AtomicFileWriter } from "./output-file.js";
import { writeCompileSimFiles } from "./sim-artifacts.js";
import { ModuleTextJoiner } from "./module-text-joiner.js";
import { compileRank, RankCompileError, type DedupBytes, type StopAfter } from "./rank-compiler.js";
import { addTaskCounts, emptyTaskCounts, taskCountsJson, type TaskCounts } from "./task-counts.js";

const STOP_AFTER: readonly StopAfter[] = ["moe", "tile", "schedule", "events"];

const COMPILE: SubcommandSpec = {
  tool: "hpmoe compile",
  usage: "hpmoe compile LAYER.yaml [-o DIR] [options]",
  overview: "compile a MoE layer config to moe, tile, schedule and events IR, with a simulated trace",
  options: [
    { name: "o", kind: "string", valueName: "<dir>", help: "Output directory (created if missing); without it the last stage's IR goes to stdout" },
    { name: "stop-after", kind: "string", valueName: "<stage>", help: "Last stage to run: moe, tile, schedule or events (default events)" },
    { name: "policy", kind: "string", valueName: "<name>", help: "Scheduling policy of the schedule stage: ours (default), reference or serialized" },
    { name: "preset", kind: "string", valueName: "<name>", help: "Lowering preset: reference (the reference code's split values and per-expert dependencies)" },
    { name: "dedup", kind: "bool", help: "Deduplicated dispatch: a token goes to a peer rank once (known routing; not with --preset=reference)" },
    { name: "rank", kind: "int", valueName: "<n>", help: "Rank whose task counts --json prints (default 0)" },
    { name: "json", kind: "bool", help: "Print {ranks, tasks, events, outputs[, dedup]} as JSON on stdout" },
    { name: "mlir-print-op-generic", kind: "bool", help: "Print the generic op form" },
    HELP_OPTION,
  ],
};

/** Runs `hpmoe compile` with `args` (after the subcommand); returns the exit code. */
export function runCompile(args: readonly string[], io: CommandIO, stages: LayerStages): number {
  const cl = parseSubcommand(COMPILE, args, io);
  if (typeof cl === "number") return cl;
  const v = cl.values;
  const fail = (message: string): number => commandError(COMPILE, io, message);
  const layerFile = singleLayerArgument(COMPILE, cl, io);
  if (typeof layerFile === "number") return layerFile;
  const stopAfter = String(v.get("stop-after") ?? "events");
  if (!(STOP_AFTER as readonly string[]).includes(stopAfter)) return fail(`--stop-after must be one of ${STOP_AFTER.join(", ")}, got '${stopAfter}'`);
  const preset = presetOption(COMPILE, cl, io);
  if (typeof preset === "number") return preset;
  const policy = String(v.get("policy") ?? "ours");
  if (!isSchedulePolicy(policy)) return fail(`--policy must be one of ${schedulePolicies.join(", ")}, got '${policy}'`);
  if (v.get("policy") !== undefined && STOP_AFTER.indexOf(stopAfter as StopAfter) < STOP_AFTER.indexOf("schedule"))
    return fail(`--policy needs the schedule stage (it chooses how it places tasks), but --stop-after=${stopAfter} ends before it`);

  const dedup = Boolean(v.get("dedup"));
  if (dedup && preset === "reference") return fail("--dedup needs known routing, but --preset=reference plans for the static worst case");

  const input = readLayerInput(COMPILE.tool, layerFile, io.err);
  if (!input) return 1;
  const ep = input.cfg.parallel.ep;
  const countedRank = (v.get("rank") as number | undefined) ?? 0;
  if (countedRank < 0 || countedRank >= ep) return fail(`--rank must be in [0, ${ep - 1}] (parallel.ep = ${ep}), got ${countedRank}`);

  const json = Boolean(v.get("json"));
  const dir = v.get("o") as string | undefined;
  const stageFiles = STOP_AFTER.slice(0, STOP_AFTER.indexOf(stopAfter as StopAfter) + 1);
  const sinks = openSinks(dir, json ? [] : stageFiles, stageFiles, io);
  if (typeof sinks === "string") return fail(sinks);

  const print = sinks.size > 0 ? { printGenericOpForm: Boolean(v.get("mlir-print-op-generic")) } : undefined;
  let counted: TaskCounts = emptyTaskCounts();
  const dedupBytes: DedupBytes = { without: 0, sent: 0 };
  const wholeModule = Boolean(print?.printGenericOpForm) || stopAfter === "schedule" || stopAfter === "events";
  let events = 0;
  let queues: Operation | undefined;
  for (const { cfg, ranks } of compileSteps(input.cfg, wholeModule)) {
    const r = compileRank(stages, cfg, input.routing, ranks, { stopAfter: stopAfter as StopAfter, preset, policy, dedup, print });
    const problem = r instanceof RankCompileError ? r.text : addTexts(sinks, r);
    if (problem !== undefined) {
      for (const s of sinks.values()) s.abort();
      io.err(problem.endsWith("\n") ? problem : `${COMPILE.tool}: error: ${problem}\n`);
      return 1;
    }
    const tasks = !(r instanceof RankCompileError) && r.tasks?.get(countedRank);
    if (tasks) counted = addTaskCounts(counted, tasks);
    if (!(r instanceof RankCompileError)) {
      events += r.eventCounts?.get(countedRank) ?? 0;
      queues = r.queues;
    }
    if (!(r instanceof RankCompileError) && r.dedupBytes) {
      dedupBytes.without += r.dedupBytes.without;
      dedupBytes.sent += r.dedupBytes.sent;
    }
  }
  const outputs: string[] = [];
  for (const s of sinks.values()) {
    const problem = s.commit();
    if (problem) return fail(problem);
    if (s.file) outputs.push(s.file);
  }
  // At the events stage the simulator times the queues: DIR/trace.json and DIR/gantt.svg (docs/sim.md).
  if (dir !== undefined && queues) {
    const sim = writeCompileSimFiles(dir, queues, path.basename(layerFile), input.routing);
    if (typeof sim === "string") return fail(sim);
    outputs.push(...sim);
  }
  const saved = dedupBytes.without - dedupBytes.sent;
  const lowered = dedup && stopAfter !== "moe";
  if (json) {
    const report = lowered ? { dedup: { bytes_without: dedupBytes.without, bytes_sent: dedupBytes.sent, bytes_saved: saved } } : {};
    io.out(JSON.stringify({ ranks: ep, tasks: taskCountsJson(counted), events, outputs, ...report }) + "\n");
  } else if (lowered) io.err(`${COMPILE.tool}: remark: dedup: the first exchanges of all ranks send ${dedupBytes.sent} bytes instead of ${dedupBytes.without} (${saved} saved)\n`);
  return 0;
}

/**
 * The (config, ranks) compiled together, in output order. One rank at a
 * time, so memory stays bounded by one rank; `both` runs every rank forward,
 * then every rank backward, the order of the module built all at once. With
 * `wholeModule` all ranks go together: in generic form MLIR numbers values
 * across the whole module (unique SSA ids), which printing rank by rank would
 * restart, and scheduling places every rank of a launch at once.
 */
export function compileSteps(cfg: LayerConfig, wholeModule: boolean): { cfg: LayerConfig; ranks: number[] }[] {
  const all = Array.from({ length: cfg.parallel.ep }, (_, r) => r);
  if (wholeModule) return [{ cfg, ranks: all }];
  const directions = cfg.pass === "both" ? (["forward", "backward"] as const) : [cfg.pass];
  return directions.flatMap((pass) => all.map((r) => ({ cfg: { ...cfg, pass }, ranks: [r] })));
}

/** Where one stage's IR goes: a file in DIR, or stdout (collected, written at the end). */
interface StageSink {
  readonly file: string | undefined;
  readonly joiner: ModuleTextJoiner;
  commit(): string | undefined;
  abort(): void;
}

/**
 * Sinks per stage: with `dir`, one atomic file per stage in `stageFiles`;
 * without, only the last stage goes to stdout unless `--json` (then nothing).
 * Returns an error message when DIR cannot be made or written.
 */
function openSinks(dir: string | undefined, printed: readonly StopAfter[], stageFiles: readonly StopAfter[], io: CommandIO): Map<StopAfter, StageSink> | string {
  const sinks = new Map<StopAfter, StageSink>();
  if (dir === undefined) {
    const last = printed[printed.length - 1];
    if (last === undefined) return sinks;
    const chunks: string[] = [];
    const joiner = new ModuleTextJoiner((t) => chunks.push(t));
    sinks.set(last, {
      file: undefined,
      joiner,
      commit: () => {
        joiner.finish();
        io.out(chunks.join("") + "\n");
        return undefined;
      },
      abort: () => undefined,
    });
    return sinks;
  }
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    return `cannot create output directory '${dir}': ${code === "EEXIST" || code === "ENOTDIR" ? "a file is in the way" : String(e)}`;
  }
  for (const stage of stageFiles) {
    const file = path.join(dir, `${stage}.mlir`);
    const w = AtomicFileWriter.open(file);
    if (typeof w === "string") {
      for (const s of sinks.values()) s.abort();
      return `cannot write '${file}': ${w}`;
    }
    const joiner = new ModuleTextJoiner((t) => w.write(t));
    sinks.set(stage, {
      file,
      joiner,
      commit: () => {
        joiner.finish();
        w.write("\n");
        return w.commit();
      },
      abort: () => w.abort(),
    });
  }
  return sinks;
}

/** Hands one rank's texts to their sinks; returns an error message on a malformed text. */
function addTexts(sinks: Map<StopAfter, StageSink>, r: { moe: string | undefined; tile: string | undefined; schedule?: string | undefined; events?: string | undefined }): string | undefined {
  for (const [stage, sink] of sinks) {
    const text = r[stage];
    const problem = text === undefined ? `no ${stage} IR was printed` : sink.joiner.add(text);
    if (problem) return problem;
  }
  return undefined;
}
