// The independent check for the emulators: one MoE layer on one device over
// all ep*T tokens, written from the math (gather the rows of each expert by
// top-k, two matmuls with SwiGLU between, weighted combine) with no row
// layout, rank or tile in sight. `bf16` mode stores like the contract (bf16
// activations, fp32 accumulation, f32 weight grads); `f64` mode keeps every
// value in float64, for finite-difference checks of the backward.

import type { MoeSizes } from "../../layer/moe-sizes.js";
import type { Routing } from "../../layer/routing.js";
import { roundBf16 } from "./bf16.js";

export type DenseMode = "bf16" | "f64";

/** The layer's sizes (src/layer/moe-sizes.ts). */
export type MoeShape = MoeSizes;

/** A layer on all tokens: rank s's token t is global token s*T + t. All values float64. */
export interface DenseProblem {
  readonly shape: MoeShape;
  readonly routing: Routing;
  /** ep*T x H. */
  readonly x: Float64Array;
  /** E x H x 2I (expert g's gate columns 0..I, up columns I..2I). */
  readonly w13: Float64Array;
  /** E x I x H. */
  readonly w2: Float64Array;
  /** ep*T x H, the gradient of the loss with respect to the output. */
  readonly dout: Float64Array;
}

export interface DenseForward {
  /** ep*T x H. */
  readonly out: Float64Array;
}

export interface DenseBackward {
  /** ep*T x H. */
  readonly dx: Float64Array;
  /** E x H x 2I. */
  readonly dw13: Float64Array;
  /** E x I x H. */
  readonly dw2: Float64Array;
}

/** How values are stored and summed in a mode. */
interface Arith {
  store(x: number): number;
  add(a: number, b: number): number;
  /** Rounds a product of stored values (exact in fp32 when both are bf16). */
  mul(a: number, b: number): number;
  /** Rounds an intermediate of elementwise math (fp32 in bf16 mode). */
  round(x: number): number;
}

const arith: Record<DenseMode, Arith> = {
  bf16: { store: roundBf16, add: (a, b) => Math.fround(a + b), mul: (a, b) => Math.fround(a * b), round: Math.fround },
  f64: { store: (x) => x, add: (a, b) => a + b, mul: (a, b) => a * b, round: (x) => x },
};

/** The routed rows of expert g as (global token, slot) pairs in token order. */
function rowsOfExpert(p: DenseProblem): { token: Int32Array; slot: Int32Array }[] {
  const { ep, experts: E, topK: K, tokensPerRank: T } = p.shape;
  const lists: { token: number[]; slot: number[] }[] = [];
  for (let g = 0; g < E; g++) lists.push({ token: [], slot: [] });
  for (let s = 0; s < ep; s++) {
    const ids = p.routing.ids[s]!;
    for (let t = 0; t < T; t++)
      for (let k = 0; k < K; k++) {
        const l = lists[ids[t * K + k]!]!;
        l.token.push(s * T + t);
        l.slot.push(k);
      }
  }
  return lists.map((l) => ({ token: Int32Array.from(l.token), slot: Int32Array.from(l.slot) }));
}

/**
 * c (m x n) = a (m x k) * b (k x n), optionally transposing b (given as n x k).
 * The loops are written out per mode (no per-element closures): in bf16 mode
 * both factors are bf16 values, so their product is exact in fp32 and only
 * the running sum needs rounding.
 */
function matmul(ar: Arith, a: Float64Array, b: Float64Array, bOff: number, m: number, k: number, n: number, transB: boolean): Float64Array {
  const c = new Float64Array(m * n);
  const f32 = ar.round === Math.fround;
  const bRow = transB ? 1 : n;
  const bCol = transB ? k : 1;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let acc = 0;
      let bi = bOff + j * bCol;
      if (f32) for (let q = 0; q < k; q++, bi += bRow) acc = Math.fround(acc + a[i * k + q]! * b[bi]!);
      else for (let q = 0; q < k; q++, bi += bRow) acc += a[i * k + q]! * b[bi]!;
      c[i * n + j] = ar.store(acc);
    }
  return c;
}

/** dw[off..] = a^T (k x m) * b (m x n), a being m x k: the weight gradient of one expert (unrounded f32 sums). */
function weightGrad(ar: Arith, a: Float64Array, b: Float64Array, m: number, k: number, n: number, dw: Float64Array, off: number): void {
  const f32 = ar.round === Math.fround;
  for (let q = 0; q < k; q++)
    for (let j = 0; j < n; j++) {
      let acc = 0;
      if (f32) for (let i = 0; i < m; i++) acc = Math.fround(acc + a[i * k + q]! * b[i * n + j]!);
      else for (let i = 0; i < m; i++) acc += a[i * k + q]! * b[i * n + j]!;
      dw[off + q * n + j] = acc;
    }
}

/** The forward intermediates of one expert's rows. */
interface ExpertForward {
  readonly xg: Float64Array;
  readonly h: Float64Array;
  readonly a: Float64Array;
  readonly y: Float64Array;
}

function expertForward(p: DenseProblem, ar: Arith, token: Int32Array, g: number): ExpertForward {
  const { hidden: H, inter: I } = p.shape;
  const n = token.length;
  const xg = new Float64Array(n * H);
  for (let i = 0; i < n; i++) xg.set(p.x.subarray(token[i]! * H, token[i]! * H + H), i * H);
  const h = matmul(ar, xg, p.w13, g * H * 2 * I, n, H, 2 * I, false);
  const a = new Float64Array(n * I);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < I; c++) {
      const gate = h[i * 2 * I + c]!;
      const silu = ar.round(gate / ar.round(1 + ar.round(Math.exp(-gate))));
      a[i * I + c] = ar.store(ar.mul(silu, h[i * 2 * I + I + c]!));
    }
  const y = matmul(ar, a, p.w2, g * I * H, n, I, H, false);
  return { xg, h, a, y };
}

/** The layer's output: out[t] = sum over k of p[t,k] * FFN_{ids[t,k]}(x[t]). */
export function denseForward(p: DenseProblem, mode: DenseMode): DenseForward {
  return { out: run(p, arith[mode], false).sum };
}

/** The gradients for loss = sum(out * dout): dx, and dw13, dw2 (f32-valued in bf16 mode). */
export function denseBackward(p: DenseProblem, mode: DenseMode): DenseBackward {
  const { sum, dw13, dw2 } = run(p, arith[mode], true);
  return { dx: sum, dw13, dw2 };
}

/** Runs every expert on its rows, then reduces each token's K rows: the output, or dx and the weight grads. */
function run(p: DenseProblem, ar: Arith, backward: boolean): { sum: Float64Array; dw13: Float64Array; dw2: Float64Array } {
  const { ep, experts: E, topK: K, tokensPerRank: T, hidden: H, inter: I } = p.shape;
  const N = ep * T;
  const weight = (tok: number, k: number) => p.routing.weights[Math.floor(tok / T)]![(tok % T) * K + k]!;
  // contrib[(tok*K + k)*H + c]: expert output row (forward) or dx row (backward) of each routed row.
  const contrib = new Float64Array(N * K * H);
  const dw13 = new Float64Array(E * H * 2 * I);
  const dw2 = new Float64Array(E * I * H);
  const lists = rowsOfExpert(p);
  for (let g = 0; g < E; g++) {
    const { token, slot } = lists[g]!;
    const n = token.length;
    if (n === 0) continue;
    const f = expertForward(p, ar, token, g);
    if (!backward) {
      for (let i = 0; i < n; i++) contrib.set(f.y.subarray(i * H, i * H + H), (token[i]! * K + slot[i]!) * H);
      continue;
    }
    const dy = new Float64Array(n * H);
    for (let i = 0; i < n; i++) for (let c = 0; c < H; c++) dy[i * H + c] = ar.store(ar.mul(weight(token[i]!, slot[i]!), p.dout[token[i]! * H + c]!));
    const da = matmul(ar, dy, p.w2, g * I * H, n, H, I, true);
    weightGrad(ar, f.a, dy, n, I, H, dw2, g * I * H);
    const dh = swigluGradient(ar, f.h, da, n, I);
    const dxg = matmul(ar, dh, p.w13, g * H * 2 * I, n, 2 * I, H, true);
    weightGrad(ar, f.xg, dh, n, H, 2 * I, dw13, g * H * 2 * I);
    for (let i = 0; i < n; i++) contrib.set(dxg.subarray(i * H, i * H + H), (token[i]! * K + slot[i]!) * H);
  }
  // Reduce each token's K rows (weighted in the forward).
  const sum = new Float64Array(N * H);
  for (let tok = 0; tok < N; tok++)
    for (let c = 0; c < H; c++) {
      let acc = 0;
      for (let k = 0; k < K; k++) {
        const v = contrib[(tok * K + k) * H + c]!;
        acc = ar.add(acc, backward ? v : ar.mul(weight(tok, k), v));
      }
      sum[tok * H + c] = ar.store(acc);
    }
  return { sum, dw13, dw2 };
}

/** dh = d swiglu(h) / dh applied to da: d gate = da*up*sig*(1 + gate*(1 - sig)), d up = da*silu(gate). */
function swigluGradient(ar: Arith, h: Float64Array, da: Float64Array, n: number, I: number): Float64Array {
  const dh = new Float64Array(n * 2 * I);
  const r = ar.round;
  for (let i = 0; i < n; i++)
    for (let c = 0; c < I; c++) {
      const g = h[i * 2 * I + c]!;
      const u = h[i * 2 * I + I + c]!;
      const d = da[i * I + c]!;
      const den = r(1 + r(Math.exp(-g)));
      const sig = r(1 / den);
      const silu = r(g / den);
      dh[i * 2 * I + c] = ar.store(r(r(d * u) * r(sig * r(1 + r(g * r(1 - sig))))));
      dh[i * 2 * I + I + c] = ar.store(r(d * silu));
    }
  return dh;
}
