// The functional check of a layer config: build the per-rank moe module,
// optionally lower it to tile programs, run it on seeded data in one process
// and compare with the dense single-device reference. At tile level the moe
// results are computed too, and the report says whether the two levels agree
// bit for bit (they do when the accumulation orders agree, as the contract
// fixes them).

import { registerAllDialects } from "../../dialect/all-dialects.js";
import { Context } from "../../ir/context.js";
import type { Diagnostic } from "../../ir/diagnostics.js";
import type { LayerConfig } from "../../layer/layer-config.js";
import { buildMoeModule } from "../../layer/moe-import.js";
import { loadRouting } from "../../layer/load-routing.js";
import type { Routing } from "../../layer/routing.js";
import { kDedupLowering, kDefaultLowering, lowerMoeToTile } from "../../../passes/moe-lowering.js";
import { denseBackward, denseForward } from "./dense-reference.js";
import { isEmuFailure, type EmuFailure } from "./emu-values.js";
import { bf16Value } from "./kernels.js";
import { runMoeLayer, type MoeLayerRun } from "./moe-emu.js";
import { moeSizesOf } from "../../layer/moe-sizes.js";
import { denseProblemOf, syntheticData, type MoeData } from "./synthetic-data.js";
import { runTileLayer } from "./tile-host.js";

export interface EmuCheckOptions {
  readonly level: "moe" | "tile";
  /** Lowering passes for the tile level (default `moe-to-tile,comm-tiling`). */
  readonly pipeline?: string;
  /** Seed of the synthetic data (default 1). */
  readonly seed?: number;
  /**
   * `worst-case`: the tile level is lowered without compile-time counts (the
   * static worst case with run-time `valid_rows`), as when routing is unknown.
   */
  readonly routing?: "known" | "worst-case";
  /**
   * Deduplicated dispatch: the moe module carries the dedup tables and the
   * default pipeline is `moe-to-tile,comm-tiling{dedup=true}` (a given
   * pipeline must turn dedup on itself).
   */
  readonly dedup?: boolean;
}

export interface EmuCheckResult {
  readonly ok: boolean;
  /** Largest |emu - reference| over every compared element. */
  readonly maxAbsErr: number;
  /** Largest, over the compared tensors, of max |emu - reference| / max |reference|. */
  readonly maxRelErr: number;
  /**
   * One line per compared tensor, one with the relative errors against the
   * float64 reference, then (tile level) the moe/tile agreement; or what went wrong.
   */
  readonly details: string[];
}

/**
 * Tolerance on maxRelErr. The reference stores every intermediate in bf16 as
 * the emulators do (relative step 2^-8, rounding error at most 2^-9 per
 * store); a value crosses at most five stores between input and output
 * (h, a, y and the combine, or dy, da, dh, dx). 2^-6 leaves room for that
 * chain plus the cancellation of sums, while a wrong row, a dropped slot or
 * a missing expert moves elements by the size of the output itself.
 */
export const kEmuTolerance = 2 ** -6;

/** Runs the check; never throws for a bad config or IR (the details say why it is not ok). */
export function runEmuCheck(cfg: LayerConfig, opts: EmuCheckOptions): EmuCheckResult {
  const routing = routingOf(cfg);
  if (typeof routing === "string") return failed(routing);
  const data = syntheticData(moeSizesOf(cfg), routing, opts.seed ?? 1);
  const backward = cfg.pass !== "forward";
  // The backward needs the forward's activations, so both directions are built.
  const both: LayerConfig = { ...cfg, pass: "both" };
  const moe = runMoeLayer(buildMoeModule(new Context(), both, routing), data, backward);
  if (isEmuFailure(moe)) return failed(`moe emu: ${moe.message}`);
  let run: MoeLayerRun = moe;
  const details: string[] = [];
  if (opts.level === "tile") {
    const pipeline = opts.pipeline ?? (opts.dedup ? kDedupLowering : kDefaultLowering);
    const tile = lowerAndRun(both, routing, { worstCase: opts.routing === "worst-case", dedup: opts.dedup ?? false }, data, moe.saved, pipeline);
    if (typeof tile === "string") return failed(tile);
    details.push(agreement(moe, tile, cfg.pass !== "backward", backward));
    run = tile;
  }
  const dense = denseProblemOf(data);
  const got: [string, ArrayLike<number>[]][] = [];
  if (cfg.pass !== "backward") got.push(["out", run.out.map((t) => Array.from(t.data, (h) => bf16Value[h]!))]);
  if (backward) {
    got.push(["dx", run.dx.map((t) => Array.from(t.data, (h) => bf16Value[h]!))]);
    got.push(["dw13", run.dw13.map((t) => t.data)]);
    got.push(["dw2", run.dw2.map((t) => t.data)]);
  }
  let maxAbsErr = 0;
  let maxRelErr = 0;
  const lines: string[] = [];
  // The bf16-mode reference decides ok; the float64 one shows what bf16 storage itself costs.
  const exact: string[] = [];
  for (const mode of ["bf16", "f64"] as const) {
    const want = referenceTensors(dense, mode, cfg.pass !== "backward", backward);
    got.forEach(([name, parts], i) => {
      const { abs, scale } = compare(want[i]!, parts);
      const rel = scale > 0 ? abs / scale : abs;
      if (mode === "f64") return void exact.push(`${name} ${rel.toExponential(2)}`);
      maxAbsErr = Math.max(maxAbsErr, abs);
      maxRelErr = Number.isNaN(rel) ? NaN : Math.max(maxRelErr, rel);
      lines.push(`${name}: max abs err ${abs.toExponential(3)}, scale ${scale.toExponential(3)}, rel ${rel.toExponential(3)}`);
    });
  }
  lines.push(`rel err against the float64 reference: ${exact.join(", ")}`);
  const ok = Number.isFinite(maxAbsErr) && maxRelErr <= kEmuTolerance;
  return { ok, maxAbsErr, maxRelErr, details: [...lines, ...details] };
}

/** The reference's out and/or dx, dw13, dw2 in `mode`, in the order runEmuCheck compares them. */
function referenceTensors(dense: ReturnType<typeof denseProblemOf>, mode: "bf16" | "f64", forward: boolean, backward: boolean): Float64Array[] {
  const out: Float64Array[] = [];
  if (forward) out.push(denseForward(dense, mode).out);
  if (backward) {
    const g = denseBackward(dense, mode);
    out.push(g.dx, g.dw13, g.dw2);
  }
  return out;
}

function failed(message: string): EmuCheckResult {
  return { ok: false, maxAbsErr: NaN, maxRelErr: NaN, details: [message] };
}

/** The config's routing (loadRouting), or its routing file's located errors as one message. */
function routingOf(cfg: LayerConfig): Routing | string {
  const r = loadRouting(cfg);
  return Array.isArray(r) ? r.map((e) => `${e.file}:${e.line}:${e.col}: error: ${e.message}`).join("\n") : r;
}

/** Lowers a fresh moe module with `pipeline` and runs the tile programs; a string says what failed. */
function lowerAndRun(cfg: LayerConfig, routing: Routing, how: { worstCase: boolean; dedup: boolean }, data: MoeData, saved: MoeLayerRun["saved"], pipeline: string): MoeLayerRun | string {
  const ctx = new Context();
  registerAllDialects(ctx);
  // Dedup tables need known routing; in the worst case the lowering reports that.
  const module = buildMoeModule(ctx, cfg, how.worstCase ? undefined : routing, { dedup: how.dedup && !how.worstCase });
  if (lowerMoeToTile(module, { pipeline }).failed) return `tile lowering failed: ${ctx.diagnostics.takeAll().map((d: Diagnostic) => d.message).join("; ")}`;
  const run = runTileLayer(module, data, saved);
  if (isEmuFailure(run)) return `tile emu: ${describe(run)}`;
  return run;
}

function describe(f: EmuFailure): string {
  return f.op ? `'${f.op.name.name}' op ${f.message}` : f.message;
}

/** Largest |got - want| over the ranks' parts laid end to end, and the largest |want|. */
function compare(want: Float64Array, parts: ArrayLike<number>[]): { abs: number; scale: number } {
  let abs = 0;
  let scale = 0;
  let i = 0;
  for (const p of parts)
    for (let j = 0; j < p.length; j++, i++) {
      const d = Math.abs(p[j]! - want[i]!);
      abs = d > abs || Number.isNaN(d) ? d : abs;
      scale = Math.max(scale, Math.abs(want[i]!));
    }
  if (i !== want.length) abs = NaN;
  return { abs, scale };
}

/** Whether the tile run equals the moe run bit for bit, as a detail line. */
function agreement(moe: MoeLayerRun, tile: MoeLayerRun, forward: boolean, backward: boolean): string {
  let differ = 0;
  let total = 0;
  const count = (a: ArrayLike<number>[], b: ArrayLike<number>[]) => {
    for (let r = 0; r < a.length; r++) {
      const x = a[r]!;
      const y = b[r];
      for (let j = 0; j < x.length; j++, total++) if (!y || !Object.is(x[j], y[j])) differ++;
    }
  };
  if (forward) count(moe.out.map((t) => t.data), tile.out.map((t) => t.data));
  if (backward) {
    count(moe.dx.map((t) => t.data), tile.dx.map((t) => t.data));
    count(moe.dw13.map((t) => t.data), tile.dw13.map((t) => t.data));
    count(moe.dw2.map((t) => t.data), tile.dw2.map((t) => t.data));
  }
  return differ === 0 ? `tile and moe results are bitwise identical (${total} elements)` : `tile and moe results differ in ${differ} of ${total} elements`;
}
