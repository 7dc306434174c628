// The stages this build of hpmoe has (see layer-stages.ts). Entries missing
// here make `hpmoe compile`, `run` and `bench` say which piece is absent.

import { Context } from "../ir/context.js";
import { registerAllDialects } from "../dialect/all-dialects.js";
import { buildMoeModule } from "../layer/moe-import.js";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import type { LayerStages } from "./layer-stages.js";

export const builtStages: Partial<LayerStages> = {
  createContext(): Context {
    const ctx = new Context();
    registerAllDialects(ctx);
    return ctx;
  },
  buildMoeModule,
  lowerMoeToTile,
};
