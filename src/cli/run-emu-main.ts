// `hpmoe run LAYER.yaml --backend=emu`: runs the layer on the functional
// emulator at the moe or tile level and compares with the dense reference.

import { commandError, HELP_OPTION, parseSubcommand, singleLayerArgument, type CommandIO, type SubcommandSpec } from "./subcommand.js";
import { readLayerInput } from "./layer-input.js";
import type { LayerStages } from "./layer-stages.js";

const LATER_BACKENDS = ["sim", "cpu", "acl"];

const RUN: SubcommandSpec = {
  tool: "hpmoe run",
  usage: "hpmoe run LAYER.yaml --backend=emu [--level=moe|tile] [--dedup] [--json]",
  overview: "run a MoE layer on a backend and check its result",
  options: [
    { name: "backend", kind: "string", valueName: "<name>", help: "Backend: emu (sim, cpu and acl arrive with issue 6)" },
    { name: "level", kind: "string", valueName: "<level>", help: "IR level the emu executes: moe or tile (default tile)" },
    { name: "dedup", kind: "bool", help: "Lower with deduplicated dispatch (tile level, known routing)" },
    { name: "json", kind: "bool", help: "Print {ok, max_abs_err, max_rel_err} as JSON on stdout" },
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
  if (backend === undefined) return fail("--backend is required (emu)");
  if (LATER_BACKENDS.includes(String(backend))) return fail(`--backend=${String(backend)} is not available yet (issue 6); use --backend=emu`);
  if (backend !== "emu") return fail(`--backend must be emu, sim, cpu or acl, got '${String(backend)}'`);
  const level = String(v.get("level") ?? "tile");
  if (level !== "moe" && level !== "tile") return fail(`--level must be moe or tile, got '${level}'`);
  const dedup = Boolean(v.get("dedup"));
  if (dedup && level !== "tile") return fail("--dedup lowers to tiles: it needs --level=tile");

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
