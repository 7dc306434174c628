// The moe import (src/layer/moe-import.ts): one verified func per rank and
// direction with the contract's signatures, `moe.rank`, and `counts` equal to
// the routing's when it is known; the printed module re-parses to the same
// text, and its generic form is what mlir-opt-22 prints for it.

import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { Context, parseSourceString, printTopLevel, registerAllDialects, verify, type Operation } from "../../src/index.js";
import { kMoeRankAttr, readCounts, readSenderAttrs } from "../../dialects/moe-model.js";
import type { LayerConfig } from "../../src/layer/layer-config.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { generateRouting, type Routing } from "../../src/layer/routing.js";
import { runHpmoeOpt } from "../support/run-opt.js";
import { IntegerAttr, StringAttr } from "../../src/ir/builtin-attributes.js";

function config(sizes: { ep: number; experts: number; topK: number; tokens: number; hidden?: number; inter?: number }, pass: LayerConfig["pass"] = "both"): LayerConfig {
  return {
    model: { hidden: sizes.hidden ?? 16, moeIntermediate: sizes.inter ?? 8, experts: sizes.experts, topK: sizes.topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep: sizes.ep, tokensPerRank: sizes.tokens },
    routing: { kind: "balanced", seed: 7 },
    pass,
    target: "a3-die",
    source: "",
  };
}

function functions(module: Operation): Operation[] {
  const out: Operation[] = [];
  for (let op = module.regions[0]!.entryBlock!.first; op; op = op.nextOp) out.push(op);
  return out;
}

const symName = (fn: Operation): string => String((fn.getAttr("sym_name") as StringAttr).value);
const opNames = (fn: Operation): string[] => {
  const names: string[] = [];
  for (let op = fn.regions[0]!.entryBlock!.first; op; op = op.nextOp) names.push(op.name.name);
  return names;
};

/** Builds, verifies and returns the module with its custom-form text. */
function build(cfg: LayerConfig, routing: Routing | undefined, ranks?: number[]): { module: Operation; text: string } {
  const ctx = new Context();
  const module = buildMoeModule(ctx, cfg, routing, ranks ? { ranks } : {});
  const messages: string[] = [];
  ctx.diagnostics.pushHandler((d) => messages.push(d.message));
  expect(verify(module).failed, messages.join("\n")).toBe(false);
  return { module, text: printTopLevel(module, {}) };
}

describe("buildMoeModule", () => {
  it("builds one forward and one backward func per rank, in rank order, with the contract's op chains", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6 });
    const { module } = build(cfg, generateRouting(cfg));
    const fns = functions(module);
    expect(fns.map(symName)).toEqual(["moe_ffn_fwd_rank0", "moe_ffn_fwd_rank1", "moe_ffn_bwd_rank0", "moe_ffn_bwd_rank1"]);
    expect(fns.map((f) => Number((f.getAttr(kMoeRankAttr) as IntegerAttr).value))).toEqual([0, 1, 0, 1]);
    expect(opNames(fns[0]!)).toEqual(["moe.dispatch", "moe.gmm", "moe.swiglu", "moe.gmm", "moe.combine", "func.return"]);
    expect(opNames(fns[2]!)).toEqual([
      "moe.combine_grad",
      "moe.gmm_grad_lhs",
      "moe.gmm_grad_weight",
      "moe.swiglu_grad",
      "moe.gmm_grad_lhs",
      "moe.gmm_grad_weight",
      "moe.dispatch_grad",
      "func.return",
    ]);
  });

  it("gives the contract's signatures (e = E/ep local experts, ? rows in the dispatch layout)", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6, hidden: 16, inter: 8 });
    const { text } = build(cfg, undefined, [1]);
    expect(text).toContain(
      "func.func @moe_ffn_fwd_rank1(%arg0: tensor<6x16xbf16>, %arg1: tensor<6x2xi32>, %arg2: tensor<6x2xf32>, %arg3: tensor<2x16x16xbf16>, %arg4: tensor<2x8x16xbf16>) -> tensor<6x16xbf16> attributes {moe.rank = 1 : i64}",
    );
    expect(text).toContain(
      "func.func @moe_ffn_bwd_rank1(%arg0: tensor<6x16xbf16>, %arg1: tensor<6x2xi32>, %arg2: tensor<6x2xf32>, %arg3: tensor<2x16x16xbf16>, %arg4: tensor<2x8x16xbf16>, %arg5: tensor<?x16xbf16>, %arg6: tensor<?x16xbf16>, %arg7: tensor<?x8xbf16>) -> (tensor<6x16xbf16>, tensor<2x16x16xf32>, tensor<2x8x16xf32>) attributes {moe.rank = 1 : i64}",
    );
  });

  it("puts the routing's counts on every sender, and none without routing", () => {
    const cfg = config({ ep: 4, experts: 8, topK: 3, tokens: 10 });
    const routing = generateRouting(cfg);
    const { module } = build(cfg, routing);
    let senders = 0;
    for (const fn of functions(module)) {
      const sender = fn.regions[0]!.entryBlock!.first!;
      const attrs = readSenderAttrs(sender)!;
      expect([attrs.experts, attrs.ep, attrs.rank]).toEqual([8, 4, Number((fn.getAttr(kMoeRankAttr) as IntegerAttr).value)]);
      expect(Array.from(readCounts(attrs.counts)!.values)).toEqual(Array.from(routing.counts));
      senders++;
    }
    expect(senders).toBe(8);
    const { text } = build(cfg, undefined);
    expect(text).not.toContain("counts");
  });

  it("builds only the config's pass direction and the requested ranks", () => {
    expect(functions(build(config({ ep: 4, experts: 4, topK: 1, tokens: 2 }, "forward"), undefined, [3, 1]).module).map(symName)).toEqual([
      "moe_ffn_fwd_rank3",
      "moe_ffn_fwd_rank1",
    ]);
    expect(functions(build(config({ ep: 4, experts: 4, topK: 1, tokens: 2 }, "backward"), undefined).module).map(symName)).toEqual([
      "moe_ffn_bwd_rank0",
      "moe_ffn_bwd_rank1",
      "moe_ffn_bwd_rank2",
      "moe_ffn_bwd_rank3",
    ]);
  });

  it("handles ep = 1, top_k = experts, and experts that receive no row", () => {
    build(config({ ep: 1, experts: 3, topK: 3, tokens: 5 }), generateRouting(config({ ep: 1, experts: 3, topK: 3, tokens: 5 })));
    // Every token of both ranks picks experts 0 and 1: experts 2 and 3 (all of rank 1's) get nothing.
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 3 });
    const ids = [new Int32Array([0, 1, 1, 0, 0, 1]), new Int32Array([1, 0, 0, 1, 1, 0])];
    const routing: Routing = {
      ep: 2,
      experts: 4,
      topK: 2,
      tokensPerRank: 3,
      ids,
      weights: ids.map(() => new Float32Array(6).fill(0.5)),
      counts: new Int32Array([3, 3, 0, 0, 3, 3, 0, 0]),
    };
    const { text } = build(cfg, routing);
    expect(text).toContain("counts = dense<[[3, 3, 0, 0], [3, 3, 0, 0]]> : tensor<2x4xi32>");
  });

  it("rejects ranks outside [0, ep) and a routing of other sizes", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6 });
    expect(() => buildMoeModule(new Context(), cfg, undefined, { ranks: [2] })).toThrow(/rank 2 is not in \[0, 2\)/);
    const other = generateRouting(config({ ep: 2, experts: 4, topK: 2, tokens: 5 }));
    expect(() => buildMoeModule(new Context(), cfg, other)).toThrow(/routing's sizes/);
  });

  it("prints a module that re-parses, verifies and prints the same, in custom and generic form", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6 });
    const { module, text } = build(cfg, generateRouting(cfg));
    const ctx = new Context();
    registerAllDialects(ctx);
    const reparsed = parseSourceString(ctx, text, "moe.mlir")!;
    expect(verify(reparsed).failed).toBe(false);
    expect(printTopLevel(reparsed, {})).toBe(text);
    const generic = printTopLevel(module, { printGenericOpForm: true });
    const fromGeneric = parseSourceString(ctx, generic, "moe-generic.mlir")!;
    expect(printTopLevel(fromGeneric, {})).toBe(text);
  });

  it("prints a generic form that mlir-opt-22 reads and prints back byte for byte", () => {
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6 });
    const generic = printTopLevel(build(cfg, generateRouting(cfg)).module, { printGenericOpForm: true });
    const r = spawnSync("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", "-"], { input: generic, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(generic + "\n");
  });

  it("is what hpmoe-opt reads and prints (stdin-free: through a file)", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const cfg = config({ ep: 2, experts: 4, topK: 2, tokens: 6 });
    const { text } = build(cfg, generateRouting(cfg));
    const file = join(mkdtempSync(join(tmpdir(), "moe-import-")), "moe.mlir");
    writeFileSync(file, text);
    const r = runHpmoeOpt([file]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(text + "\n");
  });
});
