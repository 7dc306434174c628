// The dense reference against a naive float64 layer written token by token,
// and its backward against central finite differences (float64 mode).

import { describe, expect, it } from "vitest";
import { denseBackward, denseForward, type DenseProblem } from "../../src/runtime/emu/dense-reference.js";
import { denseProblemOf } from "../../src/runtime/emu/synthetic-data.js";
import { tinyData, type TinySizes } from "./fixtures.js";

/** out of one token, straight from the definition, in float64. */
function naiveOut(p: DenseProblem, tok: number): Float64Array {
  const { topK: K, tokensPerRank: T, hidden: H, inter: I } = p.shape;
  const s = Math.floor(tok / T);
  const out = new Float64Array(H);
  for (let k = 0; k < K; k++) {
    const g = p.routing.ids[s]![(tok % T) * K + k]!;
    const w = p.routing.weights[s]![(tok % T) * K + k]!;
    const h = new Float64Array(2 * I);
    for (let j = 0; j < 2 * I; j++) for (let q = 0; q < H; q++) h[j] += p.x[tok * H + q]! * p.w13[(g * H + q) * 2 * I + j]!;
    const a = new Float64Array(I);
    for (let j = 0; j < I; j++) a[j] = (h[j]! / (1 + Math.exp(-h[j]!))) * h[I + j]!;
    for (let c = 0; c < H; c++) {
      let y = 0;
      for (let j = 0; j < I; j++) y += a[j]! * p.w2[(g * I + j) * H + c]!;
      out[c] += w * y;
    }
  }
  return out;
}

function loss(p: DenseProblem): number {
  const out = denseForward(p, "f64").out;
  let l = 0;
  for (let i = 0; i < out.length; i++) l += out[i]! * p.dout[i]!;
  return l;
}

const sizes: TinySizes[] = [
  { ep: 2, experts: 4, topK: 2, tokensPerRank: 5, hidden: 6, inter: 3 },
  { ep: 1, experts: 3, topK: 3, tokensPerRank: 4, hidden: 5, inter: 2 }, // top_k = experts, ep = 1
  { ep: 2, experts: 6, topK: 1, tokensPerRank: 2, hidden: 4, inter: 2 }, // experts without tokens
];

describe("dense reference", () => {
  for (const s of sizes) {
    const name = `ep${s.ep} E${s.experts} K${s.topK} T${s.tokensPerRank} H${s.hidden} I${s.inter}`;
    const p = denseProblemOf(tinyData(s));

    it(`forward matches the naive layer (${name})`, () => {
      const f64 = denseForward(p, "f64").out;
      const bf16 = denseForward(p, "bf16").out;
      let scale = 0;
      let errF64 = 0;
      let errBf16 = 0;
      for (let tok = 0; tok < s.ep * s.tokensPerRank; tok++) {
        const want = naiveOut(p, tok);
        for (let c = 0; c < s.hidden; c++) {
          scale = Math.max(scale, Math.abs(want[c]!));
          errF64 = Math.max(errF64, Math.abs(f64[tok * s.hidden + c]! - want[c]!));
          errBf16 = Math.max(errBf16, Math.abs(bf16[tok * s.hidden + c]! - want[c]!));
        }
      }
      expect(scale).toBeGreaterThan(0.01);
      expect(errF64).toBeLessThan(1e-12 * scale);
      // bf16 stores lose up to 2^-9 relative per stage; four stages.
      expect(errBf16).toBeLessThan(2 ** -6 * scale);
    });

    it(`backward matches finite differences (${name})`, () => {
      const g = denseBackward(p, "f64");
      const eps = 1e-6;
      const probe = (arr: Float64Array, grad: Float64Array) => {
        for (const i of [0, 1, Math.floor(arr.length / 2), arr.length - 1]) {
          const keep = arr[i]!;
          arr[i] = keep + eps;
          const up = loss(p);
          arr[i] = keep - eps;
          const down = loss(p);
          arr[i] = keep;
          expect(grad[i]!).toBeCloseTo((up - down) / (2 * eps), 6);
        }
      };
      probe(p.x, g.dx);
      probe(p.w13, g.dw13);
      probe(p.w2, g.dw2);
      // bf16 mode follows the float64 gradients within bf16 precision.
      const b = denseBackward(p, "bf16");
      for (const [lo, hi] of [[b.dx, g.dx], [b.dw13, g.dw13], [b.dw2, g.dw2]] as const) {
        let scale = 0;
        let err = 0;
        for (let i = 0; i < hi.length; i++) {
          scale = Math.max(scale, Math.abs(hi[i]!));
          err = Math.max(err, Math.abs(lo[i]! - hi[i]!));
        }
        expect(err).toBeLessThan(2 ** -5 * scale);
      }
    });
  }
});
