// Routing: which K experts each token of each rank goes to, and with which
// weights. Generated from the config's seed (balanced, zipf) or read from a
// file, so a layer compiles and runs the same way every time.

import type { LayerConfig } from "./layer-config.js";
import { SeededRandom } from "./seeded-random.js";

export interface Routing {
  readonly ep: number;
  readonly experts: number;
  readonly topK: number;
  readonly tokensPerRank: number;
  /** Per source rank, T*K ids, row-major [t][k]; the K ids of a token are distinct. */
  readonly ids: readonly Int32Array[];
  /** Per source rank, T*K weights; each token's K weights are positive and sum to about 1. */
  readonly weights: readonly Float32Array[];
  /** ep*E: counts[s*E + g] = routed rows from rank s to expert g. */
  readonly counts: Int32Array;
}

/** A routing-file problem, located in that file (1-based line and column). */
export interface RoutingFileError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Sizes a routing needs, from a config. */
function shape(cfg: LayerConfig): { ep: number; experts: number; topK: number; tokensPerRank: number } {
  return { ep: cfg.parallel.ep, experts: cfg.model.experts, topK: cfg.model.topK, tokensPerRank: cfg.parallel.tokensPerRank };
}

/**
 * The routing of a balanced or zipf config (deterministic in the seed). For
 * `file` configs use `parseRoutingFile`.
 */
export function generateRouting(cfg: LayerConfig): Routing {
  const s = shape(cfg);
  const r = cfg.routing;
  if (r.kind === "file") throw new Error("generateRouting: a 'file' routing is read with parseRoutingFile");
  const rng = new SeededRandom(r.seed);
  const ids = r.kind === "balanced" ? balancedIds(s, rng) : zipfIds(s, r.skew, rng);
  return finish(s, ids, rng);
}

/**
 * Balanced: routed row j = t*K + k of rank s goes to expert perm_s((j + s) mod E),
 * so every expert receives floor or ceil of T*K/E rows from every rank and a
 * token's K consecutive slots name distinct experts (K <= E).
 */
function balancedIds(s: ReturnType<typeof shape>, rng: SeededRandom): Int32Array[] {
  const out: Int32Array[] = [];
  for (let rank = 0; rank < s.ep; rank++) {
    const perm = rng.permutation(s.experts);
    const ids = new Int32Array(s.tokensPerRank * s.topK);
    for (let j = 0; j < ids.length; j++) ids[j] = perm[(j + rank) % s.experts]!;
    out.push(ids);
  }
  return out;
}

/**
 * Zipf: expert popularity falls as 1/(i+1)^skew over a seeded order of the
 * experts (the same on every rank); each token draws K distinct experts by
 * popularity (redrawing duplicates, then falling back to the next free expert).
 */
function zipfIds(s: ReturnType<typeof shape>, skew: number, rng: SeededRandom): Int32Array[] {
  const order = rng.permutation(s.experts);
  const cdf = new Float64Array(s.experts);
  let total = 0;
  for (let i = 0; i < s.experts; i++) cdf[i] = total += 1 / Math.pow(i + 1, skew);
  const draw = (): number => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = s.experts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return order[lo]!;
  };
  const taken = new Uint8Array(s.experts);
  const out: Int32Array[] = [];
  for (let rank = 0; rank < s.ep; rank++) {
    const ids = new Int32Array(s.tokensPerRank * s.topK);
    for (let t = 0; t < s.tokensPerRank; t++) {
      const row = t * s.topK;
      for (let k = 0; k < s.topK; k++) {
        let g = draw();
        for (let tries = 0; taken[g] && tries < 16; tries++) g = draw();
        while (taken[g]) g = (g + 1) % s.experts;
        taken[g] = 1;
        ids[row + k] = g;
      }
      for (let k = 0; k < s.topK; k++) taken[ids[row + k]!] = 0;
    }
    out.push(ids);
  }
  return out;
}

/** Adds seeded softmax weights and the per-(rank, expert) counts. */
function finish(s: ReturnType<typeof shape>, ids: Int32Array[], rng: SeededRandom): Routing {
  const counts = new Int32Array(s.ep * s.experts);
  const weights: Float32Array[] = [];
  for (let rank = 0; rank < s.ep; rank++) {
    const w = new Float32Array(s.tokensPerRank * s.topK);
    for (let t = 0; t < s.tokensPerRank; t++) {
      const row = t * s.topK;
      let sum = 0;
      for (let k = 0; k < s.topK; k++) sum += w[row + k] = Math.exp(2 * rng.next() - 1);
      for (let k = 0; k < s.topK; k++) w[row + k] = w[row + k]! / sum;
    }
    weights.push(w);
    const r = ids[rank]!;
    for (let j = 0; j < r.length; j++) counts[rank * s.experts + r[j]!]!++;
  }
  return { ...s, ids, weights, counts };
}

/**
 * Reads a routing file: one line per token, ranks in order (rank 0's T tokens
 * first), each line K distinct expert ids separated by spaces or commas; `#`
 * starts a comment, blank lines are skipped. Weights come from `seed`.
 */
export function parseRoutingFile(cfg: LayerConfig, text: string, file: string, seed = 1): Routing | RoutingFileError[] {
  const s = shape(cfg);
  const errors: RoutingFileError[] = [];
  const ids: Int32Array[] = [];
  for (let rank = 0; rank < s.ep; rank++) ids.push(new Int32Array(s.tokensPerRank * s.topK));
  const need = s.ep * s.tokensPerRank;
  let token = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length && errors.length < 20; i++) {
    const line = lines[i]!.replace(/#.*/, "");
    if (line.trim() === "") continue;
    const fields = [...line.matchAll(/[^\s,]+/g)];
    const at = (col: number, message: string) => errors.push({ file, line: i + 1, col: col + 1, message });
    if (token >= need) {
      at(fields[0]!.index!, `more tokens than ep * tokens_per_rank = ${need}`);
      break;
    }
    if (fields.length !== s.topK) {
      at(fields[0]!.index!, `expected ${s.topK} expert ids (top_k), found ${fields.length}`);
      token++;
      continue;
    }
    const dst = ids[Math.floor(token / s.tokensPerRank)]!;
    const base = (token % s.tokensPerRank) * s.topK;
    fields.forEach((f, k) => {
      const g = /^\d+$/.test(f[0]) ? Number(f[0]) : NaN;
      if (!(g < s.experts)) at(f.index!, `expert id '${f[0]}' is not an integer in [0, ${s.experts})`);
      else if (dst.subarray(base, base + k).includes(g)) at(f.index!, `expert ${g} appears twice for one token`);
      else dst[base + k] = g;
    });
    token++;
  }
  if (errors.length === 0 && token < need)
    errors.push({ file, line: lines.length, col: 1, message: `expected ep * tokens_per_rank = ${need} token lines, found ${token}` });
  return errors.length ? errors : finish(s, ids, new SeededRandom(seed));
}
