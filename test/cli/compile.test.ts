// `hpmoe compile`, `run` and `bench compile` in process, on stand-in stages
// (test/cli/layer-stand-ins.ts): options, exit codes, outputs written whole
// or not at all, rank-by-rank output equal to printing all ranks at once and
// to mlir-opt-22's print of the same file, task counts in --json.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runBenchCompile } from "../../src/cli/bench-compile.js";
import { runCompile } from "../../src/cli/compile-main.js";
import { runRun } from "../../src/cli/run-emu-main.js";
import type { LayerStages } from "../../src/cli/layer-stages.js";
import { parseLayerConfig } from "../../src/layer/layer-config-reader.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { standInStages } from "./layer-stand-ins.js";
import { runCommand, type Subcommand } from "../support/run-command.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const SMALL = path.join(EXAMPLES, "small-ep2.yaml");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-compile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (cmd: Subcommand, args: string[], stages: LayerStages = standInStages()) => runCommand(cmd, args, stages);
const bench = (args: string[], stages: LayerStages = standInStages(), errIsTTY = false) => runCommand(runBenchCompile, args, stages, errIsTTY);

function mlirOpt(file: string, flags: string[] = []): string {
  const r = spawnSync("mlir-opt-22", ["--allow-unregistered-dialect", ...flags, file], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

let dirCount = 0;
const freshDir = (): string => path.join(tmp, `out${dirCount++}`);

describe("hpmoe compile", () => {
  it("writes moe.mlir and tile.mlir holding every rank, and --json prints rank 0's task counts", () => {
    const dir = freshDir();
    const r = run(runCompile, [SMALL, "-o", dir, "--json", "--stop-after=tile"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      ranks: 2,
      tasks: { total: 3, dispatch: 2, gmm1: 1 },
      events: 0,
      outputs: [path.join(dir, "moe.mlir"), path.join(dir, "tile.mlir")],
    });
    expect(fs.readdirSync(dir).sort()).toEqual(["moe.mlir", "tile.mlir"]);
  });

  it("rank-by-rank files equal mlir-opt-22's print of them and the print of all ranks built at once", () => {
    for (const generic of [false, true]) {
      const dir = freshDir();
      const flags = generic ? ["--mlir-print-op-generic"] : [];
      expect(run(runCompile, [SMALL, "-o", dir, ...flags]).code).toBe(0);
      for (const stage of ["moe", "tile"]) {
        const file = path.join(dir, `${stage}.mlir`);
        const text = fs.readFileSync(file, "utf8");
        expect(text).toBe(mlirOpt(file, flags));
        expect((text.match(/rank = /g) ?? []).length).toBe(2);
      }
      const stages = standInStages();
      const cfg = parseLayerConfig(fs.readFileSync(SMALL, "utf8"), SMALL);
      if (Array.isArray(cfg)) throw new Error("small-ep2.yaml should read");
      const whole = stages.buildMoeModule(stages.createContext(), cfg, undefined);
      expect(fs.readFileSync(path.join(dir, "moe.mlir"), "utf8")).toBe(printTopLevel(whole, { printGenericOpForm: generic }) + "\n");
      expect(stages.lowerMoeToTile(whole, {}).failed).toBe(false);
      expect(fs.readFileSync(path.join(dir, "tile.mlir"), "utf8")).toBe(printTopLevel(whole, { printGenericOpForm: generic }) + "\n");
    }
  });

  it("--rank selects the counted rank; --stop-after=moe writes only moe.mlir and counts no task", () => {
    const r1 = run(runCompile, [SMALL, "-o", freshDir(), "--json", "--rank=1"]);
    expect(JSON.parse(r1.out).tasks).toEqual({ total: 4, dispatch: 2, gmm1: 2 });
    const dir = freshDir();
    const r2 = run(runCompile, [SMALL, "-o", dir, "--json", "--stop-after=moe"]);
    expect(JSON.parse(r2.out)).toEqual({ ranks: 2, tasks: { total: 0 }, events: 0, outputs: [path.join(dir, "moe.mlir")] });
    expect(fs.readdirSync(dir)).toEqual(["moe.mlir"]);
  });

  it("without -o prints the last stage's IR on stdout (nothing with --json)", () => {
    const r = run(runCompile, [SMALL, "--stop-after=moe"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^module \{\n {2}func\.func @moe_ffn_fwd_rank0\(\)/);
    expect(r.out).toContain("@moe_ffn_fwd_rank1");
    const t = run(runCompile, [SMALL]);
    expect(t.out).toContain('"standin.program"');
    expect(t.out).not.toContain("func.func");
    expect(JSON.parse(run(runCompile, [SMALL, "--json"]).out).outputs).toEqual([]);
  });

  it("--stop-after=schedule schedules the whole module once, with --policy, and writes schedule.mlir too", () => {
    const calls: string[] = [];
    const base = standInStages();
    const spy: LayerStages = {
      ...base,
      scheduleTileModule(module, options) {
        calls.push(`${[...module.regions[0]!.entryBlock!.ops()].length} programs, ${options.policy}, ${options.target}`);
        return base.scheduleTileModule(module, options);
      },
    };
    const dir = freshDir();
    const r = run(runCompile, [SMALL, "-o", dir, "--json", "--stop-after=schedule", "--policy=serialized"], spy);
    expect(r.err).toBe("");
    expect(JSON.parse(r.out)).toEqual({
      ranks: 2,
      tasks: { total: 3, dispatch: 2, gmm1: 1 },
      events: 0,
      outputs: ["moe", "tile", "schedule"].map((s) => path.join(dir, `${s}.mlir`)),
    });
    expect(calls).toEqual(["2 programs, serialized, a3-die"]);
    const text = fs.readFileSync(path.join(dir, "schedule.mlir"), "utf8");
    expect(text.match(/standin\.scheduled/g)?.length).toBe(2);
    expect(text).toBe(mlirOpt(path.join(dir, "schedule.mlir")));
    // The tile file is written before scheduling; the default policy is ours.
    expect(fs.readFileSync(path.join(dir, "tile.mlir"), "utf8")).not.toContain("standin.scheduled");
    run(runCompile, [SMALL, "--stop-after=schedule"], spy);
    expect(calls[1]).toBe("2 programs, ours, a3-die");
  });

  it("a failing rank leaves no output file behind and existing files untouched", () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "tile.mlir"), "old\n");
    const r = run(runCompile, [SMALL, "-o", dir, "--stop-after=tile"], standInStages(/*failLoweringAtRank=*/ 1));
    expect(r.code).toBe(1);
    expect(r.err).toBe("stand-in:1:1: error: stand-in lowering fails at rank 1\n");
    expect(fs.readdirSync(dir)).toEqual(["tile.mlir"]);
    expect(fs.readFileSync(path.join(dir, "tile.mlir"), "utf8")).toBe("old\n");
  });

  const errorCases: [string, string[], RegExp][] = [
    ["no input", [], /^hpmoe compile: error: no layer config given \(usage: hpmoe compile LAYER\.yaml/],
    ["two inputs", [SMALL, SMALL], /^hpmoe compile: error: expected one layer config, got 2/],
    ["unknown flag", [SMALL, "--stop-afterr=moe"], /^hpmoe compile: Unknown command line argument '--stop-afterr=moe'\. {2}Try: 'hpmoe compile --help'\nhpmoe compile: Did you mean '--stop-after'\?\n$/],
    ["bad stage", [SMALL, "--stop-after=llvm"], /^hpmoe compile: error: --stop-after must be one of moe, tile, schedule, events, got 'llvm'\n$/],
    ["bad policy", [SMALL, "--stop-after=schedule", "--policy=fastest"], /^hpmoe compile: error: --policy must be one of ours, reference, serialized, got 'fastest'\n$/],
    ["policy before scheduling", [SMALL, "--stop-after=tile", "--policy=ours"], /^hpmoe compile: error: --policy needs the schedule stage \(it chooses how it places tasks\), but --stop-after=tile ends before it\n$/],
    ["bad preset", [SMALL, "--preset=fast"], /^hpmoe compile: error: --preset must be 'reference', got 'fast'\n$/],
    ["rank out of range", [SMALL, "--rank", "2"], /^hpmoe compile: error: --rank must be in \[0, 1\] \(parallel\.ep = 2\), got 2\n$/],
    ["rank not an integer", [SMALL, "--rank=x"], /^hpmoe compile: for the --rank option: 'x' value invalid for integer argument!\n$/],
    ["missing config", [path.join(tmp, "nope.yaml")], /^hpmoe compile: error: could not open layer config '.*nope\.yaml': No such file or directory\n$/],
  ];
  for (const [name, args, want] of errorCases)
    it(`error: ${name}`, () => {
      const r = run(runCompile, args);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(want);
    });

  it("error: a bad config gives its located errors and creates no output", () => {
    const cfg = path.join(tmp, "bad.yaml");
    fs.writeFileSync(cfg, fs.readFileSync(SMALL, "utf8").replace("experts: 8", "experts: 7"));
    const dir = freshDir();
    const r = run(runCompile, [cfg, "-o", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${cfg}:3:16: error: model.experts (7) must be divisible by parallel.ep (2): every rank holds experts/ep local experts\n`);
    expect(fs.existsSync(path.join(dir, "moe.mlir"))).toBe(false);
  });

  it("error: -o names a file", () => {
    const file = path.join(tmp, "a-file");
    fs.writeFileSync(file, "");
    const r = run(runCompile, [SMALL, "-o", file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^hpmoe compile: error: cannot create output directory '.*a-file': a file is in the way\n$/);
  });

  it("--help lists the options", () => {
    const r = run(runCompile, ["--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["-o=<dir>", "--stop-after=<stage>", "--policy=<name>", "--preset=<name>", "--rank=<n>", "--json", "--mlir-print-op-generic"]) expect(r.out).toContain(flag);
  });
});

describe("hpmoe run", () => {
  it("--backend=emu prints the check as JSON and exits 0 when it passes, 1 when not", () => {
    const ok = run(runRun, [SMALL, "--backend=emu", "--json"]);
    expect(ok).toEqual({ code: 0, out: '{"ok":true,"max_abs_err":0,"max_rel_err":0}\n', err: "" });
    const bad = run(runRun, [path.join(EXAMPLES, "small-zipf.yaml"), "--backend=emu", "--level=moe"]);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe("MISMATCH: max abs error 0.5, max rel error 0.25 (emu, moe level, pass both)\n");
    expect(bad.err).toBe("hpmoe run: stand-in mismatch\n");
    const text = run(runRun, [SMALL, "--backend=emu"]);
    expect(text).toEqual({ code: 0, out: "ok: max abs error 0, max rel error 0 (emu, tile level, pass forward)\n  stand-in out: equal\n", err: "" });
  });

  const errorCases: [string, string[], string][] = [
    ["sim policy", [SMALL, "--backend=sim", "--policy=fast"], "hpmoe run: error: --policy must be ours, reference or serialized, got 'fast'\n"],
    ["cpu", [SMALL, "--backend", "cpu"], "hpmoe run: error: --backend=cpu is not available yet (it needs the code generator); use --backend=emu or --backend=sim\n"],
    ["no backend", [SMALL], "hpmoe run: error: --backend is required (emu or sim)\n"],
    ["bad backend", [SMALL, "--backend=gpu"], "hpmoe run: error: --backend must be emu, sim, cpu or acl, got 'gpu'\n"],
    ["bad level", [SMALL, "--backend=emu", "--level=queue"], "hpmoe run: error: --level must be moe or tile, got 'queue'\n"],
  ];
  for (const [name, args, want] of errorCases)
    it(`error: ${name}`, () => {
      expect(run(runRun, args)).toEqual({ code: 1, out: "", err: want });
    });
});

describe("hpmoe bench compile", () => {
  const layers = [SMALL, path.join(EXAMPLES, "small-odd.yaml"), path.join(EXAMPLES, "small-zipf.yaml")];

  it("--json prints one row per layer with tasks per rank and ratios to the first row", () => {
    const r = bench([...layers, "--json", "--progress-interval=0"]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.config, x.ep, x.tasks_total, x.tasks_min, x.tasks_max, x.tasks_per_rank, x.task_ratio])).toEqual([
      [SMALL, 2, 7, 3, 4, 4, 1],
      [layers[1], 1, 3, 3, 3, 3, 0.43],
      [layers[2], 2, 7, 3, 4, 4, 1],
    ]);
    expect(rows[0].time_ratio).toBe(1);
    for (const x of rows) {
      expect(x.time_s).toBeGreaterThanOrEqual(0);
      expect(x.peak_rss_mib).toBeGreaterThan(0);
      expect(x.peak_heap_mib).toBeGreaterThan(0);
    }
    // Not a terminal, interval 0: one plain progress line per rank.
    expect(r.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^hpmoe bench compile: .*small-ep2\.yaml: rank 1\/2, 3 tasks, [\d.]+ s$/),
      expect.stringMatching(/: rank 2\/2, 7 tasks, /),
      expect.stringMatching(/small-odd\.yaml: rank 1\/1, 3 tasks, /),
      expect.stringMatching(/small-zipf\.yaml: rank 1\/2, /),
      expect.stringMatching(/small-zipf\.yaml: rank 2\/2, /),
    ]);
  });

  it("prints a table, with no progress lines within the default interval", () => {
    const r = bench([SMALL]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const [header, row] = r.out.split("\n");
    expect(header).toMatch(/^config +ranks +tasks\/rank +min\.\.max +tasks +time s +RSS MiB +heap MiB +time ratio +task ratio$/);
    expect(row).toMatch(/small-ep2\.yaml +2 +4 +3\.\.4 +7 +[\d.]+ +[\d.]+ +[\d.]+ +1\.00 +1\.00$/);
  });

  it("on a terminal, progress redraws one line and is erased before each row", () => {
    const r = bench([SMALL, "--json"], standInStages(), /*errIsTTY=*/ true);
    expect(r.code).toBe(0);
    // Redraws are throttled to 5 a second, so a fast run may show none; whatever shows is erased.
    expect(r.err).toMatch(/^(\r\x1b\[K[^\n]*)*$/);
    if (r.err !== "") expect(r.err.endsWith("\r\x1b[K")).toBe(true);
  });

  it("errors: bad layer, failing rank", () => {
    expect(bench([path.join(tmp, "none.yaml")]).err).toMatch(/^hpmoe bench compile: error: could not open layer config/);
    const fail = bench([SMALL], standInStages(0));
    expect(fail.code).toBe(1);
    expect(fail.err).toContain("error: stand-in lowering fails at rank 0");
  });
});
