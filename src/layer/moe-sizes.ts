// The sizes that define one MoE layer under expert parallelism, as every
// level (import, lowering, emulators, reference) reads them.

import type { LayerConfig } from "./layer-config.js";

export interface MoeSizes {
  readonly ep: number;
  readonly experts: number;
  readonly topK: number;
  readonly tokensPerRank: number;
  readonly hidden: number;
  /** moe_intermediate (I): w13 is H x 2I, w2 is I x H. */
  readonly inter: number;
}

/** The sizes of a layer config. */
export function moeSizesOf(cfg: LayerConfig): MoeSizes {
  return {
    ep: cfg.parallel.ep,
    experts: cfg.model.experts,
    topK: cfg.model.topK,
    tokensPerRank: cfg.parallel.tokensPerRank,
    hidden: cfg.model.hidden,
    inter: cfg.model.moeIntermediate,
  };
}
