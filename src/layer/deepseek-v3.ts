// The DeepSeek-V3 MoE layer (hidden 7168, moe_intermediate 2048, 256 routed
// experts, top-8, bf16) as a LayerConfig, for benchmarks that need ranks no
// example file covers (EP256); examples/deepseek-v3-*.yaml hold the same values.

import type { LayerConfig } from "./layer-config.js";

/** DeepSeek-V3 at `ep` ranks with `tokensPerRank` tokens each, balanced routing (seed 1), forward, a3-die. */
export function deepSeekV3Config(ep: number, tokensPerRank: number): LayerConfig {
  return {
    model: { hidden: 7168, moeIntermediate: 2048, experts: 256, topK: 8, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep, tokensPerRank },
    routing: { kind: "balanced", seed: 1 },
    pass: "forward",
    target: "a3-die",
    source: "",
  };
}
