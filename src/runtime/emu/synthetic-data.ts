// Deterministic inputs for the emulators and the dense reference: tokens,
// output gradients and expert weights drawn from a seed, stored as bf16.
// Weights scale as 1/sqrt(fan-in), so activations stay near 1 and bf16 sums
// keep their meaning at every size.

import type { Routing } from "../../layer/routing.js";
import { SeededRandom } from "../../layer/seeded-random.js";
import { toBf16 } from "./bf16.js";
import { bf16Value } from "./kernels.js";
import type { DenseProblem, MoeShape } from "./dense-reference.js";

/** One layer's data, split as the ranks hold it. */
export interface MoeData {
  readonly shape: MoeShape;
  readonly routing: Routing;
  /** Per rank, T x H bf16. */
  readonly x: readonly Uint16Array[];
  /** Per rank, T x H bf16: the gradient flowing into the layer's output. */
  readonly dout: readonly Uint16Array[];
  /** E x H x 2I bf16, all experts (rank r holds experts r*e .. r*e+e-1). */
  readonly w13: Uint16Array;
  /** E x I x H bf16. */
  readonly w2: Uint16Array;
}

function uniformBf16(rng: SeededRandom, n: number, scale: number): Uint16Array {
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = toBf16((2 * rng.next() - 1) * scale);
  return out;
}

/** Data drawn from `seed`: x and dout uniform in [-1, 1), weights uniform in ±1/sqrt(fan-in). */
export function syntheticData(shape: MoeShape, routing: Routing, seed: number): MoeData {
  const { ep, experts: E, tokensPerRank: T, hidden: H, inter: I } = shape;
  const rng = new SeededRandom(seed);
  const x: Uint16Array[] = [];
  const dout: Uint16Array[] = [];
  for (let s = 0; s < ep; s++) x.push(uniformBf16(rng, T * H, 1));
  for (let s = 0; s < ep; s++) dout.push(uniformBf16(rng, T * H, 1));
  const w13 = uniformBf16(rng, E * H * 2 * I, 1 / Math.sqrt(H));
  const w2 = uniformBf16(rng, E * I * H, 1 / Math.sqrt(I));
  return { shape, routing, x, dout, w13, w2 };
}

/** Per-rank bf16 arrays as one float64 array, ranks in order. */
export function concatValues(parts: readonly Uint16Array[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  let o = 0;
  for (const p of parts) for (let i = 0; i < p.length; i++) out[o++] = bf16Value[p[i]!]!;
  return out;
}

/** The dense reference's view of `data` (same values, float64, all tokens). */
export function denseProblemOf(data: MoeData): DenseProblem {
  return {
    shape: data.shape,
    routing: data.routing,
    x: concatValues(data.x),
    dout: concatValues(data.dout),
    w13: concatValues([data.w13]),
    w2: concatValues([data.w2]),
  };
}
