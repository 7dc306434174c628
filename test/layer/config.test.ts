// Layer configs: every shipped example reads and its routing loads; defaults,
// YAML anchors and relative routing paths behave as documented.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { LayerConfig } from "../../src/layer/layer-config.js";
import { parseLayerConfig } from "../../src/layer/layer-config-reader.js";
import { deepSeekV3Config } from "../../src/layer/deepseek-v3.js";
import { loadRouting } from "../../src/layer/load-routing.js";
import type { Routing } from "../../src/layer/routing.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

function read(file: string): LayerConfig {
  const cfg = parseLayerConfig(fs.readFileSync(file, "utf8"), file);
  if (Array.isArray(cfg)) throw new Error(cfg.map((e) => `${e.line}:${e.col}: ${e.message}`).join("\n"));
  return cfg;
}

function routingOf(cfg: LayerConfig): Routing {
  const r = loadRouting(cfg);
  if (Array.isArray(r)) throw new Error(r.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join("\n"));
  return r;
}

describe("shipped layer configs", () => {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml")).sort();

  it("are all there", () => {
    for (const ep of [8, 16, 32, 64])
      for (const mode of ["train", "decode"]) expect(files).toContain(`deepseek-v3-ep${ep}-${mode}.yaml`);
    for (const f of ["small-ep2.yaml", "small-ep2-backward.yaml", "small-odd.yaml", "small-zipf.yaml", "small-file.yaml"])
      expect(files).toContain(f);
  });

  for (const name of files) {
    it(`${name} reads`, () => {
      const cfg = read(path.join(EXAMPLES, name));
      expect(cfg.source).toBe(path.join(EXAMPLES, name));
      expect(cfg.model.experts % cfg.parallel.ep).toBe(0);
    });
  }

  it("DeepSeek-V3: hidden 7168, moe_intermediate 2048, 256 experts, top-8, bf16, a3-die, balanced", () => {
    for (const ep of [8, 16, 32, 64])
      for (const [mode, tokens] of [["train", 4096], ["decode", 128]] as const) {
        const cfg = read(path.join(EXAMPLES, `deepseek-v3-ep${ep}-${mode}.yaml`));
        expect(cfg.model).toEqual({ hidden: 7168, moeIntermediate: 2048, experts: 256, topK: 8, dtype: "bf16", dispatchDtype: "bf16" });
        expect(cfg.parallel).toEqual({ ep, tokensPerRank: tokens });
        expect(cfg.routing).toEqual({ kind: "balanced", seed: 1 });
        expect(cfg.target).toBe("a3-die");
        expect({ ...cfg, source: "" }).toEqual(deepSeekV3Config(ep, tokens));
      }
  });

  it("small-odd: hidden not a multiple of 16, one rank, top_k = experts", () => {
    const cfg = read(path.join(EXAMPLES, "small-odd.yaml"));
    expect(cfg.model.hidden % 16).not.toBe(0);
    expect(cfg.model.moeIntermediate % 16).not.toBe(0);
    expect(cfg.parallel.ep).toBe(1);
    expect(cfg.model.topK).toBe(cfg.model.experts);
    const r = routingOf(cfg);
    for (let g = 0; g < cfg.model.experts; g++) expect(r.counts[g]).toBe(cfg.parallel.tokensPerRank);
  });

  it("small-zipf: some experts receive no token from any rank", () => {
    const cfg = read(path.join(EXAMPLES, "small-zipf.yaml"));
    expect(cfg.routing).toEqual({ kind: "zipf", seed: 3, skew: 2 });
    const r = routingOf(cfg);
    const total = new Int32Array(r.experts);
    for (let s = 0; s < r.ep; s++) for (let g = 0; g < r.experts; g++) total[g]! += r.counts[s * r.experts + g]!;
    expect(Array.from(total).filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(total.reduce((a, b) => a + b, 0)).toBe(r.ep * r.tokensPerRank * r.topK);
  });

  it("small-file: the routing file, resolved against the config's folder, gives the listed ids", () => {
    const cfg = read(path.join(EXAMPLES, "small-file.yaml"));
    expect(cfg.routing).toEqual({ kind: "file", path: path.join(EXAMPLES, "small-file.routing") });
    const r = routingOf(cfg);
    expect(Array.from(r.ids[0]!)).toEqual([0, 1, 1, 2, 3, 0, 2, 3, 0, 2, 1, 3]);
    expect(Array.from(r.ids[1]!)).toEqual([2, 3, 3, 1, 0, 3, 1, 2, 0, 1, 2, 0]);
  });

  it("small-ep2-backward is the backward pass of small-ep2", () => {
    const fwd = read(path.join(EXAMPLES, "small-ep2.yaml"));
    const bwd = read(path.join(EXAMPLES, "small-ep2-backward.yaml"));
    expect(bwd.pass).toBe("backward");
    expect({ ...bwd, pass: "forward", source: "" }).toEqual({ ...fwd, source: "" });
  });
});

describe("layer config reader", () => {
  const minimal = [
    "model: {hidden: 5, moe_intermediate: 3, experts: 2, top_k: 1}",
    "parallel: {ep: 1, tokens_per_rank: 1}",
    "routing: {kind: balanced}",
    "target: a2-910b",
  ].join("\n");

  it("fills defaults: dtype and dispatch_dtype bf16, seed 1, pass forward; source is the file name", () => {
    expect(parseLayerConfig(minimal, "m.yaml")).toEqual({
      model: { hidden: 5, moeIntermediate: 3, experts: 2, topK: 1, dtype: "bf16", dispatchDtype: "bf16" },
      parallel: { ep: 1, tokensPerRank: 1 },
      routing: { kind: "balanced", seed: 1 },
      pass: "forward",
      target: "a2-910b",
      source: "m.yaml",
    });
  });

  it("accepts int8 and fp8 dispatch, the largest int32 sizes, and YAML anchors", () => {
    const text = [
      "sizes: &n 2147483647",
      "model: {hidden: *n, moe_intermediate: 4, experts: 4, top_k: 4, dispatch_dtype: fp8}",
      "parallel: {ep: 4, tokens_per_rank: 1}",
      "routing: {kind: zipf, skew: 0.5, seed: 0}",
      "pass: both",
      "target: a3-die",
    ].join("\n");
    // `sizes` is not a config key: anchors must live under known keys.
    const bad = parseLayerConfig(text, "a.yaml");
    expect(Array.isArray(bad) && bad.map((e) => e.message)).toEqual([
      "unknown key 'sizes' in the layer config; expected model, parallel, routing, target, pass",
    ]);
    const good = parseLayerConfig(text.replace("sizes: &n 2147483647\nmodel: {hidden: *n,", "model: {hidden: &n 2147483647,"), "a.yaml");
    expect(Array.isArray(good)).toBe(false);
    if (!Array.isArray(good)) {
      expect(good.model.hidden).toBe(2147483647);
      expect(good.model.dispatchDtype).toBe("fp8");
      expect(good.routing).toEqual({ kind: "zipf", seed: 0, skew: 0.5 });
      expect(good.pass).toBe("both");
    }
  });

  it("resolves a relative routing path against the config's folder, keeps an absolute one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-cfg-"));
    fs.mkdirSync(path.join(dir, "sub"));
    fs.writeFileSync(path.join(dir, "sub", "r.txt"), "0\n1\n");
    const text = (p: string) => minimal.replace("routing: {kind: balanced}", `routing: {kind: file, path: '${p}'}`);
    const rel = parseLayerConfig(text("sub/r.txt"), path.join(dir, "c.yaml"));
    expect(!Array.isArray(rel) && rel.routing).toEqual({ kind: "file", path: path.join(dir, "sub", "r.txt") });
    const abs = parseLayerConfig(text(path.join(dir, "sub", "r.txt")), "elsewhere/c.yaml");
    expect(!Array.isArray(abs) && abs.routing).toEqual({ kind: "file", path: path.join(dir, "sub", "r.txt") });
    // A folder is not a routing file.
    const folder = parseLayerConfig(text("sub"), path.join(dir, "c.yaml"));
    expect(Array.isArray(folder) && folder[0]!.message).toMatch(/^routing file 'sub' not found/);
    fs.rmSync(dir, { recursive: true });
  });

  it("a routing file's own errors are located in that file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-cfg-"));
    fs.writeFileSync(path.join(dir, "r.txt"), "0\n7\n");
    const cfg = parseLayerConfig(minimal.replace("routing: {kind: balanced}", "routing: {kind: file, path: r.txt}").replace("tokens_per_rank: 1", "tokens_per_rank: 2"), path.join(dir, "c.yaml"));
    if (Array.isArray(cfg)) throw new Error("config should read");
    const r = loadRouting(cfg);
    expect(Array.isArray(r) && r.map((e) => `${e.line}:${e.col}: ${e.message}`)).toEqual(["2:1: expert id '7' is not an integer in [0, 2)"]);
    fs.rmSync(dir, { recursive: true });
  });
});
