// moe-verify-config on imported modules: every config shape the import makes
// passes (ep 1, top_k = experts, both directions, with and without counts), a
// subset of ranks needs `partial=true`, and an edited module fails with a
// located error.

import { describe, expect, it } from "vitest";
import { Context, parsePassPipeline, PipelineError, globalPassRegistry, registerAllPasses, type Operation } from "../../src/index.js";
import type { LayerConfig } from "../../src/layer/layer-config.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { generateRouting } from "../../src/layer/routing.js";
import { i64Attr } from "../../dialects/moe-model.js";

function config(ep: number, experts: number, topK: number, tokens: number, pass: LayerConfig["pass"] = "both"): LayerConfig {
  return {
    model: { hidden: 12, moeIntermediate: 6, experts, topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep, tokensPerRank: tokens },
    routing: { kind: "zipf", seed: 3, skew: 1.5 },
    pass,
    target: "a3-die",
    source: "layer.yaml",
  };
}

/** Runs moe-verify-config (with `options`) on `module`; returns the error messages with their locations. */
function runVerify(ctx: Context, module: Operation, options = ""): string[] {
  registerAllPasses();
  const pm = parsePassPipeline(`builtin.module(moe-verify-config${options})`, globalPassRegistry);
  if (pm instanceof PipelineError) throw new Error(pm.text);
  const messages: string[] = [];
  ctx.diagnostics.pushHandler((d) => messages.push(d.message));
  const failed = pm.run(module).failed;
  ctx.diagnostics.flush();
  expect(failed).toBe(messages.length > 0);
  return messages;
}

describe("moe-verify-config", () => {
  const shapes: [string, LayerConfig][] = [
    ["ep 4, zipf routing, both directions", config(4, 8, 2, 16)],
    ["ep 1", config(1, 4, 2, 8)],
    ["top_k = experts", config(2, 4, 4, 8)],
    ["forward only", config(8, 16, 3, 4, "forward")],
  ];
  for (const [name, cfg] of shapes)
    it(`accepts the imported module: ${name}, with and without counts`, () => {
      for (const routing of [generateRouting(cfg), undefined]) {
        const ctx = new Context();
        expect(runVerify(ctx, buildMoeModule(ctx, cfg, routing))).toEqual([]);
      }
    });

  it("needs partial=true for a module of some ranks", () => {
    const cfg = config(4, 8, 2, 16);
    const ctx = new Context();
    const module = buildMoeModule(ctx, cfg, undefined, { ranks: [2] });
    expect(runVerify(ctx, module)).toEqual([
      "the forward functions cover 1 of ep = 4 ranks: ranks 0, 1, 3 missing",
    ]);
    expect(runVerify(ctx, module, "{partial=true}")).toEqual([]);
  });

  it("reports a function whose rank was edited, at its sender", () => {
    const cfg = config(2, 4, 2, 8, "forward");
    const ctx = new Context();
    const module = buildMoeModule(ctx, cfg, generateRouting(cfg));
    const second = module.regions[0]!.entryBlock!.first!.nextOp!;
    second.setAttr("moe.rank", i64Attr(ctx, 0));
    expect(runVerify(ctx, module)).toEqual(["moe.dispatch rank (1) must equal its function's 'moe.rank' (0)"]);
  });
});
