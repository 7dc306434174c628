// The library entry points `hpmoe compile`, `run` and `bench` call in this
// build (see layer-stages.ts; tests substitute stand-ins).

import { Context } from "../ir/context.js";
import { registerAllDialects } from "../dialect/all-dialects.js";
import { buildMoeModule } from "../layer/moe-import.js";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import { insertScheduleEvents, scheduleTileModule } from "../../passes/tile-scheduling.js";
import { runEmuCheck } from "../runtime/emu/emu-check.js";
import type { LayerStages } from "./layer-stages.js";

export const builtStages: LayerStages = {
  createContext(): Context {
    const ctx = new Context();
    registerAllDialects(ctx);
    return ctx;
  },
  buildMoeModule,
  lowerMoeToTile,
  scheduleTileModule,
  insertScheduleEvents,
  runEmuCheck,
};
