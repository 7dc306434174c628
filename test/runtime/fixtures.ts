// Tiny layer configs and data shared by the emulator tests.

import type { LayerConfig, RoutingSpec } from "../../src/layer/layer-config.js";
import { generateRouting } from "../../src/layer/routing.js";
import { moeSizesOf } from "../../src/layer/moe-sizes.js";
import { syntheticData, type MoeData } from "../../src/runtime/emu/synthetic-data.js";

export interface TinySizes {
  ep: number;
  experts: number;
  topK: number;
  tokensPerRank: number;
  hidden: number;
  inter: number;
  routing?: RoutingSpec;
  pass?: LayerConfig["pass"];
}

/** A config built in code (no file). */
export function tinyConfig(s: TinySizes): LayerConfig {
  return {
    model: { hidden: s.hidden, moeIntermediate: s.inter, experts: s.experts, topK: s.topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep: s.ep, tokensPerRank: s.tokensPerRank },
    routing: s.routing ?? { kind: "balanced", seed: 7 },
    pass: s.pass ?? "both",
    target: "a3-die",
    source: "",
  };
}

/** Seeded data for a tiny config. */
export function tinyData(s: TinySizes, seed = 3): MoeData {
  const cfg = tinyConfig(s);
  return syntheticData(moeSizesOf(cfg), generateRouting(cfg), seed);
}
