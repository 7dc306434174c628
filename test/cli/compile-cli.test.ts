// `hpmoe compile` with this build's stages on the shipped examples: the
// rank-by-rank moe.mlir equals the module built for all ranks at once, parses
// back unchanged with hpmoe-opt, and its generic form is byte-identical to
// mlir-opt-22's print of it. The built CLI (dist/) reports bad configs with
// located errors and exit 1. Tile-level and emu cases run once those stages
// are wired into src/cli/built-stages.ts.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { builtStages } from "../../src/cli/built-stages.js";
import { runCompile } from "../../src/cli/compile-main.js";
import { runRun } from "../../src/cli/run-emu-main.js";
import { readLayerInput, type LayerInput } from "../../src/cli/layer-input.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { countTasksPerRank, taskCountsJson } from "../../src/cli/task-counts.js";
import { exchange, moduleText } from "../runtime/sim-fixtures.js";
import { runCommand } from "../support/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = path.join(ROOT, "examples");
const HPMOE = path.join(ROOT, "dist", "src", "cli", "hpmoe.js");
const HPMOE_OPT = path.join(ROOT, "dist", "src", "cli", "hpmoe-opt.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-compile-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const compile = (args: string[]) => runCommand(runCompile, args);

function spawn(cmd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(cmd === "node" ? process.execPath : cmd, args, { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** An example's config and routing (they must read). */
function readExample(file: string): LayerInput {
  const input = readLayerInput("test", file, (t) => {
    throw new Error(t);
  });
  if (!input) throw new Error(`${file} should read`);
  return input;
}

const SMALL = ["small-ep2.yaml", "small-ep2-backward.yaml", "small-odd.yaml", "small-zipf.yaml", "small-file.yaml"];

describe("hpmoe compile --stop-after=moe", () => {
  for (const name of SMALL)
    it(`${name}: rank by rank = all at once; round-trips; generic form = mlir-opt-22's`, () => {
      const file = path.join(EXAMPLES, name);
      const dir = path.join(tmp, name);
      const r = compile([file, "--stop-after=moe", "-o", dir]);
      expect(r).toEqual({ code: 0, out: "", err: "" });
      const text = fs.readFileSync(path.join(dir, "moe.mlir"), "utf8");

      const { cfg, routing } = readExample(file);
      const whole = buildMoeModule(builtStages.createContext(), cfg, routing);
      expect(text).toBe(printTopLevel(whole) + "\n");

      const back = spawn("node", [HPMOE_OPT, path.join(dir, "moe.mlir")]);
      expect(back.err).toBe("");
      expect(back.out).toBe(text);

      const gdir = path.join(tmp, `${name}-generic`);
      expect(compile([file, "--stop-after=moe", "--mlir-print-op-generic", "-o", gdir]).code).toBe(0);
      const generic = fs.readFileSync(path.join(gdir, "moe.mlir"), "utf8");
      const mlir = spawn("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", path.join(gdir, "moe.mlir")]);
      expect(mlir.err).toBe("");
      expect(generic).toBe(mlir.out);
    }, 30_000);

  it("pass both: every forward function, then every backward one", () => {
    const r = compile([path.join(EXAMPLES, "small-zipf.yaml"), "--stop-after=moe"]);
    expect(r.code).toBe(0);
    expect([...r.out.matchAll(/func\.func @(\w+)/g)].map((m) => m[1])).toEqual([
      "moe_ffn_fwd_rank0",
      "moe_ffn_fwd_rank1",
      "moe_ffn_bwd_rank0",
      "moe_ffn_bwd_rank1",
    ]);
  });

  it("DeepSeek-V3 EP64 training config: 64 forward functions with the routing counts", () => {
    const r = compile([path.join(EXAMPLES, "deepseek-v3-ep64-train.yaml"), "--stop-after=moe", "--json", "-o", path.join(tmp, "ep64")]);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual({ ranks: 64, tasks: { total: 0 }, events: 0, outputs: [path.join(tmp, "ep64", "moe.mlir")] });
    const text = fs.readFileSync(path.join(tmp, "ep64", "moe.mlir"), "utf8");
    expect((text.match(/func\.func @moe_ffn_fwd_rank\d+\(%arg0: tensor<4096x7168xbf16>/g) ?? []).length).toBe(64);
  }, 30_000);
});

// Runs once the tile lowering is part of this build (passes/moe-lowering.ts, wired in src/cli/built-stages.ts).
describe("hpmoe compile --stop-after=tile", () => {
  for (const name of SMALL)
    it(`${name}: rank by rank = all at once; round-trips; generic form = mlir-opt-22's; --json counts`, () => {
      const file = path.join(EXAMPLES, name);
      const dir = path.join(tmp, `${name}-tile`);
      const r = compile([file, "-o", dir, "--json", "--rank=0"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const text = fs.readFileSync(path.join(dir, "tile.mlir"), "utf8");

      const { cfg, routing } = readExample(file);
      const whole = buildMoeModule(builtStages.createContext(), cfg, routing);
      expect(builtStages.lowerMoeToTile(whole, {}).failed).toBe(false);
      expect(text).toBe(printTopLevel(whole) + "\n");
      const counts = countTasksPerRank(whole);
      expect(JSON.parse(r.out).tasks).toEqual(taskCountsJson(counts.get(0)!));
      expect(JSON.parse(r.out).tasks.total).toBeGreaterThan(0);
      if (cfg.parallel.ep > 1) expect(JSON.parse(compile([file, "--json", "--rank=1"]).out).tasks).toEqual(taskCountsJson(counts.get(1)!));

      const back = spawn("node", [HPMOE_OPT, path.join(dir, "tile.mlir")]);
      expect(back.err).toBe("");
      expect(back.out).toBe(text);

      const gdir = path.join(tmp, `${name}-tile-generic`);
      expect(compile([file, "--mlir-print-op-generic", "-o", gdir]).code).toBe(0);
      const mlir = spawn("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", path.join(gdir, "tile.mlir")]);
      expect(mlir.err).toBe("");
      expect(fs.readFileSync(path.join(gdir, "tile.mlir"), "utf8")).toBe(mlir.out);
    }, 60_000);

  it("--preset=reference plans the static worst case: more dispatch tasks than the routing-aware default", () => {
    const file = path.join(EXAMPLES, "small-zipf.yaml");
    const exact = JSON.parse(compile([file, "--json"]).out).tasks;
    const reference = JSON.parse(compile([file, "--json", "--preset=reference"]).out).tasks;
    expect(reference.dispatch).toBeGreaterThan(exact.dispatch);
  }, 60_000);
});

// Runs once the emu is part of this build (src/runtime/emu/emu-check.ts, wired in src/cli/built-stages.ts).
describe("hpmoe run --backend=emu", () => {
  for (const name of SMALL)
    for (const level of ["moe", "tile"])
      it(`${name} at the ${level} level matches the dense reference`, () => {
        const { code, out, err } = runCommand(runRun, [path.join(EXAMPLES, name), "--backend=emu", `--level=${level}`, "--json"]);
        expect(err).toBe("");
        expect(code).toBe(0);
        const r = JSON.parse(out);
        expect(r.ok).toBe(true);
        expect(r.max_rel_err).toBeLessThan(2 ** -6);
      }, 60_000);
});

describe("hpmoe (built CLI)", () => {
  it("a bad config: located error, exit 1, no stack trace, no output", () => {
    const bad = path.join(tmp, "bad.yaml");
    fs.writeFileSync(bad, "model: {hidden: 64, moe_intermediate: 32, experts: 8, top_k: 9}\nparallel: {ep: 2, tokens_per_rank: 4}\nrouting: {kind: balanced}\ntarget: a3-die\n");
    const dir = path.join(tmp, "bad-out");
    const r = spawn("node", [HPMOE, "compile", bad, "--stop-after=moe", "-o", dir]);
    expect(r).toEqual({
      code: 1,
      out: "",
      err: `${bad}:1:62: error: model.top_k (9) must be at most model.experts (8): a token's experts are distinct\n`,
    });
    expect(fs.existsSync(dir)).toBe(false);
  }, 30_000);

  it("commands: compile --help, run DIR --backend=sim, bench without a kind, unknown command", () => {
    const help = spawn("node", [HPMOE, "compile", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^OVERVIEW: compile a MoE layer config to moe, tile, schedule and events IR, with a simulated trace\n\nUSAGE: hpmoe compile LAYER\.yaml/);
    const simDir = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-sim-"));
    fs.writeFileSync(path.join(simDir, "events.mlir"), moduleText([exchange(0), exchange(1)]));
    const sim = spawn("node", [HPMOE, "run", simDir, "--backend=sim", "--json"]);
    fs.rmSync(simDir, { recursive: true, force: true });
    expect(sim.code).toBe(0);
    expect(JSON.parse(sim.out)).toMatchObject({ ok: true, tasks: 6 });
    const bench = spawn("node", [HPMOE, "bench"]);
    expect(bench).toEqual({ code: 1, out: "", err: "hpmoe bench: error: expected 'compile', 'schedule' or 'parse' after 'bench'\n" });
    const unknown = spawn("node", [HPMOE, "frobnicate"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^hpmoe: error: unknown command 'frobnicate'\n/);
  }, 30_000);
});
