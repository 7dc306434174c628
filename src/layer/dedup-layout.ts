// Where rows live under deduplicated dispatch: a token of source rank s goes
// to a peer rank p once, however many of its top-k experts p holds. Tokens
// are the unit of transfer, so the layouts are per (source, destination rank)
// pair instead of per (source, expert):
//
// - token send layout (on source s): for each peer p in order, the tokens of
//   s with at least one expert on p, ascending;
// - token receive layout (on rank r): for each source s in order, the tokens
//   s sends to r, in the same order (one put is one block copy);
// - gather rows: for each row of r's (compact) dispatch layout, the index of
//   its token among the tokens its source sends to r; the expert rank copies
//   received tokens into the dispatch layout with these.
//
// Only known routing is deduplicated (docs/moe-tile.md, "Deduplicated dispatch").

import { RowLayout } from "./row-layout.js";
import type { Routing } from "./routing.js";

export class DedupLayout {
  /** ep*ep: first token-send row of (s, p), at s*ep + p. */
  private readonly send: Float64Array;
  /** ep*ep: first token-receive row of (r, s), at r*ep + s. */
  private readonly recv: Float64Array;

  /** `unique` (ep*ep, unique[s*ep + p]) = tokens source s sends to rank p. */
  constructor(
    readonly ep: number,
    readonly unique: Int32Array,
  ) {
    this.send = prefixSums(ep, (s, p) => unique[s * ep + p]!);
    this.recv = prefixSums(ep, (r, s) => unique[s * ep + r]!);
  }

  /** Tokens source s sends to rank p. */
  tokens(s: number, p: number): number {
    return this.unique[s * this.ep + p]!;
  }
  /** First row of (s -> p) in s's token send layout. */
  sendOffset(s: number, p: number): number {
    return this.send[s * this.ep + p]!;
  }
  /** Rows of s's token send layout. */
  sendRows(s: number): number {
    return this.sendOffset(s, this.ep - 1) + this.tokens(s, this.ep - 1);
  }
  /** First row of (s -> r) in r's token receive layout. */
  recvOffset(r: number, s: number): number {
    return this.recv[r * this.ep + s]!;
  }
  /** Rows of r's token receive layout. */
  recvRows(r: number): number {
    return this.recvOffset(r, this.ep - 1) + this.tokens(this.ep - 1, r);
  }
}

/** Row-major ep x ep prefix sums of `size(i, j)` along j, restarting at each i. */
function prefixSums(ep: number, size: (i: number, j: number) => number): Float64Array {
  const out = new Float64Array(ep * ep);
  for (let i = 0; i < ep; i++) {
    let off = 0;
    for (let j = 0; j < ep; j++) {
      out[i * ep + j] = off;
      off += size(i, j);
    }
  }
  return out;
}

/** The distinct ranks of token t's experts (into `out`, ascending slot order), using `stamp` (ep) marked with `mark`. */
function ranksOfToken(ids: Int32Array, t: number, K: number, e: number, stamp: Int32Array, mark: number, out: number[]): void {
  out.length = 0;
  for (let k = 0; k < K; k++) {
    const p = Math.floor(ids[t * K + k]! / e);
    if (stamp[p] === mark) continue;
    stamp[p] = mark;
    out.push(p);
  }
}

const uniqueCache = new WeakMap<Routing, Int32Array>();

/** unique[s*ep + p]: tokens of s with at least one top-k expert on rank p. O(ep * T * K) once per routing (cached). */
export function uniqueTokenCounts(routing: Routing): Int32Array {
  const known = uniqueCache.get(routing);
  if (known) return known;
  const { ep, topK: K, tokensPerRank: T } = routing;
  const e = routing.experts / ep;
  const out = new Int32Array(ep * ep);
  const stamp = new Int32Array(ep).fill(-1);
  const ranks: number[] = [];
  for (let s = 0; s < ep; s++)
    for (let t = 0; t < T; t++) {
      ranksOfToken(routing.ids[s]!, t, K, e, stamp, s * T + t, ranks);
      for (const p of ranks) out[s * ep + p]!++;
    }
  uniqueCache.set(routing, out);
  return out;
}

/** For each rank p, the tokens of source s with at least one expert on p, ascending. O(T * K + ep). */
export function tokensByRank(routing: Routing, s: number): Int32Array[] {
  const { ep, topK: K, tokensPerRank: T } = routing;
  const e = routing.experts / ep;
  const lists: number[][] = Array.from({ length: ep }, () => []);
  const stamp = new Int32Array(ep).fill(-1);
  const ranks: number[] = [];
  for (let t = 0; t < T; t++) {
    ranksOfToken(routing.ids[s]!, t, K, e, stamp, t, ranks);
    for (const p of ranks) lists[p]!.push(t);
  }
  return lists.map((l) => Int32Array.from(l));
}

const gatherCache = new WeakMap<Routing, Int32Array[]>();

/**
 * For each row of rank r's compact dispatch layout (local expert d, source s,
 * token ascending), the index of its token among the tokens s sends to r.
 * All ranks' tables are made in one O(ep * T * K + ep * E) pass, cached per
 * routing, so building rank after rank stays linear.
 */
export function gatherRows(routing: Routing, r: number): Int32Array {
  let all = gatherCache.get(routing);
  if (!all) gatherCache.set(routing, (all = allGatherRows(routing)));
  return all[r]!;
}

function allGatherRows(routing: Routing): Int32Array[] {
  const { ep, topK: K, tokensPerRank: T, experts: E } = routing;
  const e = E / ep;
  const layout = new RowLayout(routing, routing.counts);
  const out = Array.from({ length: ep }, (_, p) => new Int32Array(layout.recvRows(p)));
  const next = new Float64Array(E);
  const index = new Int32Array(ep);
  const stamp = new Int32Array(ep).fill(-1);
  const ranks: number[] = [];
  for (let s = 0; s < ep; s++) {
    const ids = routing.ids[s]!;
    for (let g = 0; g < E; g++) next[g] = layout.recvOffset(Math.floor(g / e), g % e, s);
    index.fill(0);
    for (let t = 0; t < T; t++) {
      ranksOfToken(ids, t, K, e, stamp, s * T + t, ranks);
      // Rows of one (d, s) block come out in token order, as the dispatch layout orders them.
      for (let k = 0; k < K; k++) {
        const g = ids[t * K + k]!;
        const p = Math.floor(g / e);
        out[p]![next[g]!++] = index[p]!;
      }
      for (const p of ranks) index[p]!++;
    }
  }
  return out;
}
