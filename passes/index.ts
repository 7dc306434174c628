// Every pass hpmoe ships, registered under its pipeline name.

import { PassRegistry, globalPassRegistry } from "../src/pass/pass-registry.js";
import { CanonicalizerPass } from "./canonicalize.js";
import { CommTilingPass } from "./comm-tiling.js";
import { CSEPass } from "./cse.js";
import { EventInsertionPass } from "./event-insertion.js";
import { ListSchedulePass } from "./list-schedule.js";
import { MoeToTilePass } from "./moe-to-tile.js";
import { MoeVerifyConfigPass } from "./moe-verify-config.js";
import { StripDebugInfoPass } from "./strip-debuginfo.js";
import { SymbolDCEPass } from "./symbol-dce.js";
import { TileRaceCheckPass } from "./tile-race-check.js";
import { TileStatsPass } from "./tile-stats.js";
import { VerifySchedulePass } from "./verify-schedule.js";

export { CanonicalizerPass, CommTilingPass, CSEPass, EventInsertionPass, ListSchedulePass, MoeToTilePass, StripDebugInfoPass, SymbolDCEPass, TileRaceCheckPass, TileStatsPass, VerifySchedulePass };

/** Registers the shipped passes in `registry` (the global one by default). Idempotent. */
export function registerAllPasses(registry: PassRegistry = globalPassRegistry): void {
  for (const create of [
    () => new CanonicalizerPass(),
    () => new CSEPass(),
    () => new StripDebugInfoPass(),
    () => new SymbolDCEPass(),
    () => new MoeVerifyConfigPass(),
    () => new MoeToTilePass(),
    () => new CommTilingPass(),
    () => new TileStatsPass(),
    () => new TileRaceCheckPass(),
    () => new ListSchedulePass(),
    () => new EventInsertionPass(),
    () => new VerifySchedulePass(),
  ]) {
    const argument = create().argument;
    if (!registry.lookup(argument)) registry.register(create);
  }
}
