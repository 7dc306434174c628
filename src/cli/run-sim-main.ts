// `hpmoe run LAYER.yaml|QUEUES.mlir|DIR --backend=sim`: times the compiled
// queues of a layer on its hardware profile (src/runtime/sim, docs/sim.md).
// QUEUES.mlir is queue IR (events.mlir or schedule.mlir of `hpmoe compile`);
// DIR is a compile output holding one of them; a layer config is compiled in
// memory to the events level first.

import * as fs from "node:fs";
import * as path from "node:path";
import { simMetrics } from "../runtime/sim/sim-metrics.js";
import { simulateModule } from "../runtime/sim/sim-module.js";
import { SimInputError, type SimResult } from "../runtime/sim/sim-result.js";
import { renderDiagnostic } from "../syntax/diagnostic-printer.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";
import { loadQueueIr, type LoadedQueueIr } from "./queue-ir-input.js";
import { writeSimArtifacts } from "./sim-artifacts.js";
import type { CommandIO } from "./subcommand.js";
import type { SchedulePolicy } from "../../dialects/queue-model.js";

export interface SimRunOptions {
  readonly trace?: string;
  readonly gantt?: string;
  readonly json: boolean;
  readonly policy?: SchedulePolicy;
  readonly preset?: "reference";
}

/** IR files of a compile output directory the simulator reads, most lowered first. */
const kQueueFiles = ["events.mlir", "schedule.mlir"];

/** Runs the sim backend on `input`; exit 0 when the queues run to the end. */
export function runSimBackend(tool: string, input: string, opts: SimRunOptions, io: CommandIO, stages: LayerStages): number {
  const fail = (message: string): number => {
    io.err(`${tool}: error: ${message}\n`);
    return 1;
  };
  const loaded =
    fs.existsSync(input) && fs.statSync(input).isDirectory()
      ? loadDirectory(tool, input, io, stages)
      : input.endsWith(".mlir")
        ? loadFile(tool, input, io, stages)
        : compileLayer(tool, input, opts, io, stages);
  if (typeof loaded === "number") return loaded;
  const render = () => loaded.ctx.diagnostics.takeAll().map((d) => renderDiagnostic(d, (name) => (name === loaded.source?.name ? loaded.source : undefined))).join("");
  let r: SimResult | undefined;
  try {
    r = simulateModule(loaded.module, { runTime: loaded.routing });
  } catch (e) {
    if (!(e instanceof SimInputError)) throw e;
    if (!e.op) return fail(e.message);
    e.op.emitError(e.message);
    io.err(render());
    return 1;
  }
  if (!r) return fail(`'${input}' holds no queue.program (compile it to the schedule or events stage)`);
  const title = `${path.basename(input)} (sim)`;
  const problem = writeSimArtifacts(r, { trace: opts.trace, gantt: opts.gantt }, title);
  if (problem) return fail(problem);
  const m = simMetrics(r);
  const ok = r.blocked.length === 0;
  if (opts.json)
    io.out(
      JSON.stringify({
        ok,
        makespan_us: m.makespanUs,
        aic_utilization: m.aicUtilization,
        aiv_utilization: m.aivUtilization,
        link_utilization: m.linkUtilization,
        exposed_comm_us: m.exposedCommUs,
        exposed_comm_fraction: m.exposedCommFraction,
        tasks: r.tasks.length,
        blocked: r.blocked.map((b) => b.reason),
      }) + "\n",
    );
  else {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    io.out(`sim: makespan ${m.makespanUs.toFixed(3)} us (${r.ranks} ranks, ${r.cores.length} cores, ${r.tasks.length} tasks)\n`);
    io.out(`  utilization: AIC ${pct(m.aicUtilization)}, AIV ${pct(m.aivUtilization)}, link ${pct(m.linkUtilization)}\n`);
    io.out(`  exposed communication: ${m.exposedCommUs.toFixed(3)} us (${pct(m.exposedCommFraction)} of the makespan)\n`);
  }
  for (const o of r.flagOverflows) io.err(`${tool}: warning: ${o}\n`);
  if (ok) return 0;
  io.err(`${tool}: error: the queues deadlock: ${r.blocked.length} cores never finish\n`);
  for (const b of r.blocked) {
    if (b.op) b.op.emitError(b.reason);
    else io.err(`${tool}: error: ${b.reason}\n`);
  }
  io.err(render());
  return 1;
}

/** Parses and verifies DIR/events.mlir (or schedule.mlir); exit code 1 after printing what is wrong. */
function loadDirectory(tool: string, dir: string, io: CommandIO, stages: LayerStages): LoadedQueueIr | number {
  const file = kQueueFiles.map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  if (!file) {
    io.err(`${tool}: error: '${dir}' holds neither ${kQueueFiles.join(" nor ")} (run hpmoe compile to the events stage)\n`);
    return 1;
  }
  return loadFile(tool, file, io, stages);
}

/** Parses and verifies a queue IR file; exit code 1 after printing what is wrong. */
function loadFile(tool: string, file: string, io: CommandIO, stages: LayerStages): LoadedQueueIr | number {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    io.err(`${tool}: error: cannot read '${file}': no such file\n`);
    return 1;
  }
  const loaded = loadQueueIr(file, stages.createContext());
  if (typeof loaded === "string") {
    io.err(loaded);
    return 1;
  }
  return loaded;
}

/** Compiles a layer config in memory down to events-level queue programs. */
function compileLayer(tool: string, file: string, opts: SimRunOptions, io: CommandIO, stages: LayerStages): LoadedQueueIr | number {
  const input = readLayerInput(tool, file, io.err);
  if (!input) return 1;
  const ctx = stages.createContext();
  const module = stages.buildMoeModule(ctx, input.cfg, input.routing);
  const failed = (what: string): number => {
    const text = ctx.diagnostics.takeAll().map((d) => renderDiagnostic(d, () => undefined)).join("");
    io.err(text || `${tool}: error: ${what} failed\n`);
    return 1;
  };
  if (stages.lowerMoeToTile(module, { preset: opts.preset }).failed) return failed("lowering to tile");
  if (stages.scheduleTileModule(module, { policy: opts.policy, target: input.cfg.target }).failed) return failed("scheduling");
  if (stages.insertScheduleEvents(module).failed) return failed("event insertion or schedule verification");
  return { module, ctx, routing: input.routing };
}
