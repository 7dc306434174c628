// `hpmoe run LAYER.yaml --backend=emu`: runs the layer on the functional
// emulator at the moe or tile level and compares with the dense reference.
// `--backend=sim` goes to run-sim-main.ts.

import { isSchedulePolicy } from "../../dialects/queue-model.js";
import { commandError, HELP_OPTION, parseSubcommand, singleLayerArgument, type CommandIO, type SubcommandSpec } from "./subcommand.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";
import { runSimBackend } from "./run-sim-main.js";

const LATER_BACKENDS = ["cpu", "acl"];

const RUN: SubcommandSpec = {
  tool: "hpmoe run",
  usage: "hpmoe run LAYER.yaml|QUEUES.mlir|DIR --backend=emu|sim [--level=moe|tile] [--dedup] [--trace FILE] [--gantt FILE] [--json]",
  overview: "run a MoE layer on a backend and check its result",
  options: [
    { name: "backend", kind: "string", valueName: "<name>", help: "Backend: emu (functional check) or sim (timing; cpu and acl arrive later)" },
    { name: "level", kind: "string", valueName: "<level>", help: "IR level the emu executes: moe or tile (default tile)" },
    { name: "dedup", kind: "bool", help: "Lower with deduplicated dispatch (tile level, known routing)" },
    { name: "trace", kind: "string", valueName: "<file>", help: "sim: write a Chrome trace (Perfetto) of the run" },
    { name: "gantt", kind: "string", valueName: "<file>", help: "sim: write an SVG Gantt chart of the run" },
    { name: "policy", kind: "string", valueName: "<policy>", help: "sim of a layer config: scheduling policy ours, reference or serialized (default ours)" },
    { name: "json", kind: "bool", help: "Print {ok, max_abs_err, max_rel_err} (emu) or {ok, makespan_us, ...} (sim) as JSON on stdout" },
    HELP_OPTION,
  ],
};

/** Runs `hpmoe run` with `args` (after the subcommand); exit 0 when the check passes. */
export function runRun(args: readonly string[], io: CommandIO, stages: LayerStages): number {
  const cl = parseSubcommand(RUN, args, io);
  if (typeof cl === "number") return cl;
  const v = cl.values;
  const fail = (message: string): number => commandError(RUN, io, message);
  const layerFile = singleLayerArgument(RUN, cl, io);
  if (typeof layerFile === "number") return layerFile;
  const backend = v.get("backend");
  if (backend === undefined) return fail("--backend is required (emu or sim)");
  if (backend === "sim") {
    const policy = v.get("policy") as string | undefined;
    if (policy !== undefined && !isSchedulePolicy(policy)) return fail(`--policy must be ours, reference or serialized, got '${policy}'`);
    const files = { trace: v.get("trace") as string | undefined, gantt: v.get("gantt") as string | undefined };
    return runSimBackend(RUN.tool, layerFile, { ...files, policy, json: Boolean(v.get("json")) }, io, stages);
  }
  if (LATER_BACKENDS.includes(String(backend))) return fail(`--backend=${String(backend)} is not available yet (it needs the code generator); use --backend=emu or --backend=sim`);
  if (backend !== "emu") return fail(`--backend must be emu, sim, cpu or acl, got '${String(backend)}'`);
  const level = String(v.get("level") ?? "tile");
  if (level !== "moe" && level !== "tile") return fail(`--level must be moe or tile, got '${level}'`);
  const dedup = Boolean(v.get("dedup"));
  if (dedup && level !== "tile") return fail("--dedup lowers to tiles: it needs --level=tile");

  if (layerFile.endsWith(".mlir")) return fail(`the emu runs a layer config (LAYER.yaml); queue IR such as '${layerFile}' runs on --backend=sim`);
  const input = readLayerInput(RUN.tool, layerFile, io.err);
  if (!input) return 1;
  const r = stages.runEmuCheck(input.cfg, { level, ...(dedup ? { dedup } : {}) });
  const json = Boolean(v.get("json"));
  if (json) io.out(JSON.stringify({ ok: r.ok, max_abs_err: r.maxAbsErr, max_rel_err: r.maxRelErr }) + "\n");
  else io.out(`${r.ok ? "ok" : "MISMATCH"}: max abs error ${r.maxAbsErr}, max rel error ${r.maxRelErr} (emu, ${level} level${dedup ? ", dedup" : ""}, pass ${input.cfg.pass})\n`);
  // The details (one line per compared tensor) follow the summary; after a mismatch they go to stderr.
  if (!r.ok) for (const d of r.details) io.err(`${RUN.tool}: ${d}\n`);
  else if (!json) for (const d of r.details) io.out(`  ${d}\n`);
  return r.ok ? 0 : 1;
}
