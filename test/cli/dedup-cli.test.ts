// `hpmoe compile --dedup` and `hpmoe run --dedup` with this build's stages on
// the small examples: the reported bytes and the dispatch and gather task
// counts are computed here from each example's routing; the emu run passes;
// option conflicts are errors; the moe IR with dedup tables is read back by
// mlir-opt-22 unchanged (generic form).

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCompile } from "../../src/cli/compile-main.js";
import { runRun } from "../../src/cli/run-emu-main.js";
import { readLayerInput, type LayerInput } from "../../src/cli/layer-input.js";
import type { Routing } from "../../src/layer/routing.js";
import { runCommand, type Subcommand } from "../support/run-command.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXAMPLES = path.join(ROOT, "examples");
const HPMOE = path.join(ROOT, "dist", "src", "cli", "hpmoe.js");
const HPMOE_OPT = path.join(ROOT, "dist", "src", "cli", "hpmoe-opt.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-dedup-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (cmd: Subcommand, args: string[]) => runCommand(cmd, args);

function readExample(file: string): LayerInput {
  const input = readLayerInput("test", file, (t) => {
    throw new Error(t);
  });
  if (!input) throw new Error(`${file} should read`);
  return input;
}

/** Tokens of source s with an expert on rank p, from the ids. */
function uniqueTokens(r: Routing, s: number, p: number): number {
  const e = r.experts / r.ep;
  let n = 0;
  for (let t = 0; t < r.tokensPerRank; t++) {
    let hit = false;
    for (let k = 0; k < r.topK; k++) hit ||= Math.floor(r.ids[s]![t * r.topK + k]! / e) === p;
    if (hit) n++;
  }
  return n;
}

const SMALL = ["small-ep2.yaml", "small-ep2-backward.yaml", "small-odd.yaml", "small-zipf.yaml", "small-file.yaml"];
const kTileRows = 128; // comm-tiling's default

describe("hpmoe compile --dedup", () => {
  for (const name of SMALL)
    it(`${name}: bytes and rank 0's dispatch and gather tasks follow from the routing`, () => {
      const file = path.join(EXAMPLES, name);
      const { cfg, routing } = readExample(file);
      const { ep, experts: E } = routing;
      const e = E / ep;
      const H = cfg.model.hidden;
      const directions = cfg.pass === "both" ? 2 : 1;
      let without = 0;
      let sent = 0;
      for (let s = 0; s < ep; s++)
        for (let p = 0; p < ep; p++) {
          sent += uniqueTokens(routing, s, p) * H * 2;
          for (let d = 0; d < e; d++) without += routing.counts[s * E + p * e + d]! * H * 2;
        }
      let puts = 0;
      for (let p = 0; p < ep; p++) puts += Math.ceil(uniqueTokens(routing, 0, p) / kTileRows);
      let gathers = 0;
      for (let d = 0; d < e; d++) for (let s = 0; s < ep; s++) gathers += Math.ceil(routing.counts[s * E + d]! / kTileRows);
      const r = run(runCompile, [file, "--dedup", "--json"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.dedup).toEqual({ bytes_without: directions * without, bytes_sent: directions * sent, bytes_saved: directions * (without - sent) });
      if (cfg.pass !== "backward") expect(json.tasks.dispatch).toBe(puts);
      if (cfg.pass !== "forward") expect(json.tasks.combine_grad).toBe(puts);
      expect(json.tasks.gather).toBe(directions * gathers);
    }, 60_000);

  it("prints the bytes saved as a remark on stderr without --json", () => {
    const r = run(runCompile, [path.join(EXAMPLES, "small-odd.yaml"), "--dedup", "-o", path.join(tmp, "odd")]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^hpmoe compile: remark: dedup: the first exchanges of all ranks send \d+ bytes instead of \d+ \(\d+ saved\)\n$/);
    expect(fs.readFileSync(path.join(tmp, "odd", "tile.mlir"), "utf8")).toMatch(/tile\.gather @xrecv\[/);
  }, 60_000);

  it("rejects --dedup with --preset=reference (static worst case)", () => {
    const r = run(runCompile, [path.join(EXAMPLES, "small-ep2.yaml"), "--dedup", "--preset=reference"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^hpmoe compile: error: --dedup needs known routing, but --preset=reference plans for the static worst case\n/);
  });

  it("moe IR with dedup tables: its generic form is mlir-opt-22's print of it", () => {
    const dir = path.join(tmp, "zipf-moe");
    const r = run(runCompile, [path.join(EXAMPLES, "small-zipf.yaml"), "--dedup", "--stop-after=moe", "--mlir-print-op-generic", "-o", dir]);
    expect(r).toEqual({ code: 0, out: "", err: "" });
    const file = path.join(dir, "moe.mlir");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(/gather_rows = dense<\[/);
    expect(text).toMatch(/unique_counts = dense</);
    const m = spawnSync("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", file], { encoding: "utf8" });
    expect(m.status, m.stderr).toBe(0);
    expect(m.stdout).toBe(text);
  }, 60_000);
});

describe("hpmoe-opt comm-tiling{dedup=true}", () => {
  it("reports the bytes saved as statistics and one remark per program, equal to compile --json's", () => {
    const file = path.join(EXAMPLES, "small-odd.yaml");
    const dir = path.join(tmp, "odd-moe");
    expect(run(runCompile, [file, "--dedup", "--stop-after=moe", "-o", dir]).code).toBe(0);
    const report = JSON.parse(run(runCompile, [file, "--dedup", "--json"]).out).dedup;
    const r = spawnSync(process.execPath, [HPMOE_OPT, path.join(dir, "moe.mlir"), "--pass-pipeline=builtin.module(moe-to-tile,comm-tiling{dedup=true})", "--mlir-pass-statistics", "-o", "/dev/null"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const stat = (name: string) => Number(new RegExp(`\\(S\\)\\s+(\\d+) ${name} `).exec(r.stderr)?.[1]);
    expect(stat("dedup-bytes-without")).toBe(report.bytes_without);
    expect(stat("dedup-bytes-sent")).toBe(report.bytes_sent);
    expect(stat("dedup-bytes-saved")).toBe(report.bytes_saved);
    expect(report.bytes_saved).toBeGreaterThan(0);
    expect(r.stderr.match(/: remark: comm-tiling dedup: the first exchange sends \d+ bytes instead of \d+ \(\d+ saved\)\n/g)).toHaveLength(2);
  }, 30_000);
});

describe("hpmoe run --dedup", () => {
  for (const name of SMALL)
    it(`${name}: the deduplicated tile run matches the dense reference`, () => {
      const r = run(runRun, [path.join(EXAMPLES, name), "--backend=emu", "--dedup", "--json"]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).ok).toBe(true);
    }, 60_000);

  it("needs the tile level", () => {
    const r = run(runRun, [path.join(EXAMPLES, "small-ep2.yaml"), "--backend=emu", "--dedup", "--level=moe"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^hpmoe run: error: --dedup lowers to tiles: it needs --level=tile\n/);
  });

  it("built CLI: says dedup in its summary", () => {
    const r = spawnSync(process.execPath, [HPMOE, "run", path.join(EXAMPLES, "small-zipf.yaml"), "--backend=emu", "--dedup"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok: max abs error 0, max rel error 0 \(emu, tile level, dedup, pass both\)\n/);
  }, 30_000);
});
