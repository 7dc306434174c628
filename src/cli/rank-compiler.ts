// Compiling some ranks of a layer: build their moe functions, verify, print,
// lower to tile programs, count tasks, print, (with every rank: schedule onto
// queues, print) and drop the IR. Called rank by rank up to the tile stage,
// each with a fresh Context, so uniqued attributes (slices, counts) of a rank
// are garbage once it is done and memory stays bounded by one rank.

import { Severity, type Diagnostic } from "../ir/diagnostics.js";
import { verify } from "../ir/verifier.js";
import type { LayerConfig } from "../layer/layer-config.js";
import type { Routing } from "../layer/routing.js";
import { renderDiagnostic } from "../syntax/diagnostic-printer.js";
import { printTopLevel, type PrintOptions } from "../syntax/printer.js";
import type { LayerStages } from "./layer-stages.js";
import type { Operation } from "../ir/operation.js";
import { readIntArray } from "../ir/dense-int-array.js";
import { intAttrValue } from "../ir/int-attr.js";
import { kDedupBytesAttr } from "../../passes/tile-builder.js";
import { countTasksPerRank, type TaskCounts } from "./task-counts.js";

export type StopAfter = "moe" | "tile" | "schedule" | "events";

export interface RankCompileOptions {
  readonly stopAfter: StopAfter;
  readonly preset: "reference" | undefined;
  /** Scheduling policy (stopAfter = schedule; default ours). */
  readonly policy?: "ours" | "reference" | "serialized";
  /** Deduplicated dispatch: the moe senders carry the dedup tables and comm-tiling runs with dedup=true. */
  readonly dedup?: boolean;
  /** Print options for the IR texts, or undefined to print nothing (counting only). */
  readonly print: Partial<PrintOptions> | undefined;
}

export interface RankOutput {
  /** The verified moe module of this rank, printed (when printing). */
  readonly moe: string | undefined;
  /** The tile module of this rank, printed (when printing and lowering). */
  readonly tile: string | undefined;
  /** The schedule-level queue module, printed (when printing and scheduling). */
  readonly schedule?: string | undefined;
  /** The events-level queue module, printed (when printing and running to events). */
  readonly events?: string | undefined;
  /** queue.event ops per compiled rank (events stage only). */
  readonly eventCounts?: Map<number, number>;
  /** The events-level module itself (events stage only), for the simulator. */
  readonly queues?: Operation;
  /** Tile tasks per compiled rank (undefined when stopping after moe). */
  readonly tasks: Map<number, TaskCounts> | undefined;
  /** With dedup: bytes the first exchanges send without and with dedup, summed over the compiled programs. */
  readonly dedupBytes: DedupBytes | undefined;
}

export interface DedupBytes {
  without: number;
  sent: number;
}

/** A failure, already rendered as diagnostics (`loc: error: ...` lines). */
export class RankCompileError {
  constructor(readonly text: string) {}
}

function render(diagnostics: readonly Diagnostic[], fallback: string): string {
  const errors = diagnostics.filter((d) => d.severity === Severity.Error || d.severity === Severity.Note);
  const text = errors.map((d) => renderDiagnostic(d, () => undefined)).join("");
  return text || `error: ${fallback}\n`;
}

/**
 * Compiles ranks `ranks` of `cfg` into one module.
 * Returns the printed texts and task counts, or the rendered diagnostics.
 * O(size of those ranks' IR).
 */
export function compileRank(
  stages: LayerStages,
  cfg: LayerConfig,
  routing: Routing,
  ranks: number[],
  opts: RankCompileOptions,
): RankOutput | RankCompileError {
  const { buildMoeModule, lowerMoeToTile, createContext } = stages;
  const ctx = createContext();
  const module = buildMoeModule(ctx, cfg, routing, { ranks, ...(opts.dedup ? { dedup: true } : {}) });
  const which = ranks.length === 1 ? `rank ${ranks[0]}` : `ranks ${ranks[0]}..${ranks[ranks.length - 1]}`;
  if (verify(module).failed) return new RankCompileError(render(ctx.diagnostics.takeAll(), `${which}: the moe module does not verify`));
  const print = opts.print && { ...opts.print, assumeVerified: true };
  const moe = print && printTopLevel(module, print);
  if (opts.stopAfter === "moe") return { moe, tile: undefined, tasks: undefined, dedupBytes: undefined };
  const lowered = lowerMoeToTile!(module, opts.preset ? { preset: opts.preset } : opts.dedup ? { dedup: true } : {});
  // No verify here: lowerMoeToTile runs a PassManager, which verifies after every pass
  // (re-verifying a DeepSeek-V3 rank costs ~7% of its lowering).
  if (lowered.failed) return new RankCompileError(render(ctx.diagnostics.takeAll(), `${which}: lowering to tile failed`));
  const tile = print && printTopLevel(module, print);
  // Counted before scheduling: the dedup record is an attribute of the tile programs.
  const tasks = countTasksPerRank(module);
  const dedupBytes = opts.dedup ? dedupBytesOf(module) : undefined;
  if (opts.stopAfter === "tile") return { moe, tile, tasks, dedupBytes };
  // The scheduling pass needs every rank of a launch in the module (the caller passes them all).
  if (stages.scheduleTileModule(module, { policy: opts.policy, target: cfg.target }).failed)
    return new RankCompileError(render(ctx.diagnostics.takeAll(), `${which}: scheduling failed`));
  const schedule = print && printTopLevel(module, print);
  if (opts.stopAfter === "schedule") return { moe, tile, schedule, tasks, dedupBytes };
  if (stages.insertScheduleEvents(module).failed)
    return new RankCompileError(render(ctx.diagnostics.takeAll(), `${which}: event insertion or schedule verification failed`));
  return { moe, tile, schedule, events: print && printTopLevel(module, print), eventCounts: eventsPerRank(module), queues: module, tasks, dedupBytes };
}

/** queue.event ops of each rank's programs (both directions summed). O(programs + their top-level ops). */
function eventsPerRank(module: Operation): Map<number, number> {
  const counts = new Map<number, number>();
  for (const program of module.regions[0]!.entryBlock!.ops()) {
    const rank = intAttrValue(program.getAttr("rank"));
    if (rank === undefined || program.regions.length === 0) continue;
    let n = 0;
    for (const op of program.regions[0]!.entryBlock!.ops()) if (op.name.name === "queue.event") n++;
    counts.set(rank, (counts.get(rank) ?? 0) + n);
  }
  return counts;
}

/** The sum of the programs' `moe.dedup_bytes` (comm-tiling's record of what dedup saved). O(programs). */
function dedupBytesOf(module: Operation): DedupBytes {
  const out = { without: 0, sent: 0 };
  for (const program of module.regions[0]!.entryBlock!.ops()) {
    const v = readIntArray(program.getAttr(kDedupBytesAttr), 64);
    if (v?.length !== 2) continue;
    out.without += v[0]!;
    out.sent += v[1]!;
  }
  return out;
}
