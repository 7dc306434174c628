// The library entry points `hpmoe compile`, `run` and `bench` call, gathered
// in one table so the commands can be tested with stand-ins.

import type { Context } from "../ir/context.js";
import type { LogicalResult } from "../ir/logical-result.js";
import type { Operation } from "../ir/operation.js";
import type { LayerConfig } from "../layer/layer-config.js";
import type { Routing } from "../layer/routing.js";

/** The outcome of `runEmuCheck` (src/runtime/emu/emu-check.ts). */
export interface EmuCheckResult {
  readonly ok: boolean;
  readonly maxAbsErr: number;
  readonly maxRelErr: number;
  readonly details: readonly string[];
}

export interface LayerStages {
  /** src/layer/moe-import.ts: a builtin.module with one func per rank and pass direction. */
  buildMoeModule(ctx: Context, cfg: LayerConfig, routing: Routing | undefined, opts?: { ranks?: number[]; dedup?: boolean }): Operation;
  /** passes/moe-lowering.ts: lowers the moe module to tile programs in place. */
  lowerMoeToTile(module: Operation, options: { preset?: "reference"; pipeline?: string; dedup?: boolean }): LogicalResult;
  /** passes/tile-scheduling.ts: replaces every rank's tile programs by schedule-level queue programs in place. */
  scheduleTileModule(module: Operation, options: { policy?: "ours" | "reference" | "serialized"; target?: string }): LogicalResult;
  /** passes/tile-scheduling.ts: schedule-level queue programs -> events-level ones, proved by verify-schedule. */
  insertScheduleEvents(module: Operation): LogicalResult;
  /** src/runtime/emu/emu-check.ts: runs the layer on the emu and compares with the dense reference. */
  runEmuCheck(cfg: LayerConfig, opts: { level: "moe" | "tile"; pipeline?: string; dedup?: boolean }): EmuCheckResult;
  /** A context with every dialect the stages produce. */
  createContext(): Context;
}
