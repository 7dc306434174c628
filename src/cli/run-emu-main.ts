// `hpmoe run LAYER.yaml --backend=emu`: runs the layer on the functional
// emulator at the moe or tile level and compares with the dense reference.

import { CommandLineError, formatHelp, parseCommandLine, type OptionSpec } from "./options.js";
import type { CommandIO } from "./compile-main.js";
import { readLayerInput } from "./layer-input.js";
import { STAGE_ORIGINS, type LayerStages } from "./layer-stages.js";

const TOOL = "hpmoe run";
const USAGE = "hpmoe run LAYER.yaml --backend=emu [--level=moe|tile] [--json]";
const LATER_BACKENDS = ["sim", "cpu", "acl"];

const OPTIONS: readonly OptionSpec[] = [
  { name: "backend", kind: "string", valueName: "<name>", help: "Backend: emu (sim, cpu and acl arrive with issue 6)" },
  { name: "level", kind: "string", valueName: "<level>", help: "IR level the emu executes: moe or tile (default tile)" },
  { name: "json", kind: "bool", help: "Print {ok, max_abs_err, max_rel_err} as JSON on stdout" },
  { name: "help", kind: "bool", help: "Display available options" },
];

/** Runs `hpmoe run` with `args` (after the subcommand); exit 0 when the check passes. */
export function runRun(args: readonly string[], io: CommandIO, stages: Partial<LayerStages>): number {
  const cl = parseCommandLine(TOOL, args, OPTIONS);
  if (cl instanceof CommandLineError) {
    io.err(cl.lines.join("\n") + "\n");
    return 1;
  }
  const v = cl.values;
  if (v.get("help")) {
    io.out(formatHelp("run a MoE layer on a backend and check its result", USAGE, OPTIONS));
    return 0;
  }
  const fail = (message: string): number => {
    io.err(`${TOOL}: error: ${message}\n`);
    return 1;
  };
  if (cl.positional.length !== 1) return fail(cl.positional.length === 0 ? `no layer config given (usage: ${USAGE})` : `expected one layer config, got ${cl.positional.length}: ${cl.positional.join(" ")}`);
  const backend = v.get("backend");
  if (backend === undefined) return fail("--backend is required (emu)");
  if (LATER_BACKENDS.includes(String(backend))) return fail(`--backend=${String(backend)} is not available yet (issue 6); use --backend=emu`);
  if (backend !== "emu") return fail(`--backend must be emu, sim, cpu or acl, got '${String(backend)}'`);
  const level = String(v.get("level") ?? "tile");
  if (level !== "moe" && level !== "tile") return fail(`--level must be moe or tile, got '${level}'`);
  if (!stages.runEmuCheck) return fail(`this build lacks ${STAGE_ORIGINS.runEmuCheck} (issue 5)`);

  const input = readLayerInput(TOOL, cl.positional[0]!, io.err);
  if (!input) return 1;
  const r = stages.runEmuCheck(input.cfg, { level });
  if (v.get("json")) io.out(JSON.stringify({ ok: r.ok, max_abs_err: r.maxAbsErr, max_rel_err: r.maxRelErr }) + "\n");
  else io.out(`${r.ok ? "ok" : "MISMATCH"}: max abs error ${r.maxAbsErr}, max rel error ${r.maxRelErr} (emu, ${level} level, pass ${input.cfg.pass})\n`);
  for (const d of r.details) io.err(`${TOOL}: ${d}\n`);
  return r.ok ? 0 : 1;
}
