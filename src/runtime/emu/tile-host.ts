// The host side of a tile run, as the launcher does it: the prologue fills
// input buffers (tokens permuted into the send layout, p * dout for the
// backward, the local experts' weights, @counts, saved activations moved into
// the program's dispatch layout; with deduplicated dispatch the token send
// layout and row weights of dedup-host.ts) and the epilogue reduces the returned rows
// into each token (out[t] = sum over k of p[t,k] * yret[row(t,k)], exactly as
// moe.combine). Buffer names are moe-to-tile's (passes/tile-moe-programs.ts);
// the backward's saved activations are accepted as @xin/@h/@a or
// @xin_saved/@h_saved/@a_saved.

import type { Operation } from "../../ir/operation.js";
import { RowLayout, sendRowOfSlot } from "../../layer/row-layout.js";
import type { Routing } from "../../layer/routing.js";
import { familyOf } from "../../../passes/tile-graph.js";
import { fillRowWeights, fillTokenSendLayout, tokenSendRows } from "./dedup-host.js";
import { compactLayout } from "./exchange.js";
import { scaleRow, weightedRowSum } from "./kernels.js";
import { bf16Tensor, f32Tensor, type Bf16Tensor, type EmuFailure, type EmuTensor, type F32Tensor } from "./emu-values.js";
import type { MoeLayerRun } from "./moe-emu.js";
import type { MoeData } from "./synthetic-data.js";
import { runTilePrograms, type TileBuffers } from "./tile-emu.js";

/** The dispatch layout a program was lowered for: the static worst case when it has @counts, else compact. */
function programLayout(bufs: TileBuffers, routing: Routing): RowLayout {
  return bufs.has("counts") ? new RowLayout(routing, undefined) : compactLayout(routing);
}

/** Copies the routed rows of rank r from one dispatch layout into another (gaps stay zero). */
function relayout(from: RowLayout, to: RowLayout, r: number, src: Uint16Array, dst: Uint16Array, cols: number): void {
  const { ep, experts: E } = from.shape;
  const e = from.localExperts;
  for (let d = 0; d < e; d++)
    for (let s = 0; s < ep; s++) {
      const rows = from.counts ? from.counts[s * E + r * e + d]! : 0;
      const a = from.recvOffset(r, d, s) * cols;
      dst.set(src.subarray(a, a + rows * cols), to.recvOffset(r, d, s) * cols);
    }
}

/** Fails unless `buf` has dtype `dtype` and exactly `n` elements. */
function expect(buf: EmuTensor, name: string, dtype: EmuTensor["dtype"], n: number, op: Operation): EmuFailure | undefined {
  if (buf.dtype !== dtype || buf.data.length < n) return { op, message: `buffer @${name} should hold at least ${n} ${dtype} elements for the host prologue` };
  return undefined;
}

/**
 * Runs the tile module `root` (forward programs `@fwd_rank<r>`, backward
 * `@bwd_rank<r>`) with the host prologue and epilogue. The backward takes its
 * saved activations from `saved` (compact dispatch layout, as the moe level
 * produces them). Returns the same per-rank results as runMoeLayer.
 */
export function runTileLayer(root: Operation, data: MoeData, saved: MoeLayerRun["saved"] | undefined): MoeLayerRun | EmuFailure {
  const { ep, topK: K, tokensPerRank: T, hidden: H, inter: I, experts: E } = data.shape;
  const e = E / ep;
  const compact = compactLayout(data.routing);
  const layouts = new Map<Operation, RowLayout>();
  const fillOne = (program: Operation, r: number, L: RowLayout, name: string, buf: EmuTensor): EmuFailure | undefined => {
    const fwd = familyOf(program) === "fwd_rank";
    const ids = data.routing.ids[r]!;
    switch (name) {
      case "xsend":
      case "dsend": {
        const f = expect(buf, name, "bf16", L.sendRows(r) * H, program);
        if (f) return f;
        const rows = sendRowOfSlot(L, r, ids);
        const src = (name === "xsend" ? data.x : data.dout)[r]!;
        const dst = buf.data as Uint16Array;
        for (let j = 0; j < T * K; j++) {
          const t = Math.floor(j / K);
          if (name === "xsend") dst.set(src.subarray(t * H, t * H + H), rows[j]! * H);
          else scaleRow(src, t * H, data.routing.weights[r]![j]!, dst, rows[j]! * H, H);
        }
        return undefined;
      }
      case "xtok":
      case "dtok": {
        const f = expect(buf, name, "bf16", tokenSendRows(data.routing, r) * H, program);
        if (f) return f;
        fillTokenSendLayout(data.routing, r, (name === "xtok" ? data.x : data.dout)[r]!, H, buf.data as Uint16Array);
        return undefined;
      }
      case "prow": {
        const f = expect(buf, name, "f32", compact.recvRows(r), program);
        if (f) return f;
        fillRowWeights(data.routing, r, buf.data as Float32Array);
        return undefined;
      }
      case "w13":
      case "w2": {
        const n = e * H * (name === "w13" ? 2 * I : I);
        const f = expect(buf, name, "bf16", n, program);
        if (f) return f;
        (buf.data as Uint16Array).set((name === "w13" ? data.w13 : data.w2).subarray(r * n, (r + 1) * n));
        return undefined;
      }
      case "counts": {
        const f = expect(buf, name, "i32", ep * E, program);
        if (f) return f;
        (buf.data as Int32Array).set(data.routing.counts);
        return undefined;
      }
      case "xin":
      case "h":
      case "a":
      case "xin_saved":
      case "h_saved":
      case "a_saved": {
        // In the forward these are the program's own workspace; in the backward, inputs.
        if (fwd) return undefined;
        if (!saved) return { op: program, message: `needs saved forward activations for @${name}` };
        const s = saved[r]!;
        const t = name.startsWith("xin") ? s.xin : name.startsWith("h") ? s.h : s.a;
        const cols = t.shape[1]!;
        const f = expect(buf, name, "bf16", L.recvRows(r) * cols, program);
        if (f) return f;
        relayout(compact, L, r, t.data, buf.data as Uint16Array, cols);
        return undefined;
      }
      default:
        return undefined;
    }
  };
  const run = runTilePrograms(root, (program, r, bufs) => {
    const L = programLayout(bufs, data.routing);
    layouts.set(program, L);
    for (const [name, buf] of bufs) {
      const f = fillOne(program, r, L, name, buf);
      if (f) return f;
    }
    return undefined;
  });
  if ("message" in run) return run;
  const out: MoeLayerRun = { out: [], dx: [], dw13: [], dw2: [], saved: saved ?? [] };
  for (const [program, bufs] of run.buffers) {
    const r = Number((program.getAttr("rank") as { value?: bigint }).value);
    const L = layouts.get(program)!;
    const fwd = familyOf(program) === "fwd_rank";
    const back = bufs.get(fwd ? "yret" : "dxret");
    if (!back || back.dtype !== "bf16") return { op: program, message: `has no bf16 @${fwd ? "yret" : "dxret"} for the host epilogue` };
    const reduced = bf16Tensor([T, H]);
    reduceReturned(L, r, data.routing.ids[r]!, fwd ? data.routing.weights[r]! : undefined, back.data, reduced.data, H);
    if (fwd) out.out[r] = reduced;
    else {
      out.dx[r] = reduced;
      const dw13 = bufs.get("dw13");
      const dw2 = bufs.get("dw2");
      if (dw13?.dtype !== "f32" || dw2?.dtype !== "f32") return { op: program, message: "has no f32 @dw13 and @dw2 outputs" };
      out.dw13[r] = f32Tensor([e, H, 2 * I], dw13.data);
      out.dw2[r] = f32Tensor([e, I, H], dw2.data);
    }
  }
  return out;
}

/** out[t] = sum over k ascending of (w[t,k] *) back[sendRow(t,k)], as moe.combine / moe.dispatch_grad. */
function reduceReturned(L: RowLayout, s: number, ids: Int32Array, weights: Float32Array | undefined, back: Uint16Array, out: Uint16Array, cols: number): void {
  const K = L.shape.topK;
  const rows = sendRowOfSlot(L, s, ids);
  const bufs: Uint16Array[] = new Array(K).fill(back);
  const offs: number[] = new Array(K);
  const ws: number[] = new Array(K);
  for (let t = 0; t < L.shape.tokensPerRank; t++) {
    for (let k = 0; k < K; k++) {
      offs[k] = rows[t * K + k]! * cols;
      if (weights) ws[k] = weights[t * K + k]!;
    }
    weightedRowSum(bufs, offs, weights ? ws : undefined, out, t * cols, cols);
  }
}

export type { Bf16Tensor, F32Tensor };
