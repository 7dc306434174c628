// The MoE path through the package entry only, as docs/embedding.md §7 shows it.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildMoeModule, Context, generateRouting, lowerMoeToTile, parseLayerConfig, registerAllDialects, runEmuCheck, verify } from "../../src/index.js";

describe("embedding: config -> moe -> tile -> emu", () => {
  it("runs the documented snippet on examples/small-ep2.yaml", () => {
    const file = path.join(__dirname, "..", "..", "examples", "small-ep2.yaml");
    const cfg = parseLayerConfig(readFileSync(file, "utf8"), file);
    if (Array.isArray(cfg)) throw new Error(cfg.map((e) => e.message).join("\n"));
    const ctx = new Context();
    registerAllDialects(ctx);
    const module = buildMoeModule(ctx, cfg, generateRouting(cfg));
    expect(lowerMoeToTile(module, {}).failed).toBe(false);
    expect(verify(module).failed).toBe(false);
    const programs = [...module.regions[0]!.entryBlock!.ops()].map((op) => op.name.name);
    expect(programs).toEqual(Array.from({ length: cfg.parallel.ep }, () => "tile.program"));
    const check = runEmuCheck(cfg, { level: "tile" });
    expect(check.ok, check.details.join("\n")).toBe(true);
  });
  it("reports a bad config as located errors, not a throw", () => {
    const errors = parseLayerConfig("model: {hidden: 0}\n", "bad.yaml");
    expect(Array.isArray(errors)).toBe(true);
    expect((errors as { message: string }[]).length).toBeGreaterThan(0);
  });
});
