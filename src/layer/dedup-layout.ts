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

/** unique[s*ep + p]: tokens of s with at least one top-k expert on rank p. O(ep * T * K). */
export function uniqueTokenCounts(routing: Routing): Int32Array {
  const { ep, topK: K, tokensPerRank: T } = routing;
  const e = routing.experts / ep;
  const out = new Int32Array(ep * ep);
  for (let s = 0; s < ep; s++) {
    const ids = routing.ids[s]!;
    for (let t = 0; t < T; t++)
      for (let p = 0; p < ep; p++) if (hasExpertOn(ids, t, K, p, e)) out[s * ep + p]!++;
  }
  return out;
}

function hasExpertOn(ids: Int32Array, t: number, K: number, p: number, e: number): boolean {
  for (let k = 0; k < K; k++) if (Math.floor(ids[t * K + k]! / e) === p) return true;
  return false;
}

/** The tokens of source s with at least one expert on rank p, ascending. O(T * K). */
export function tokensTo(routing: Routing, s: number, p: number): Int32Array {
  const { topK: K, tokensPerRank: T } = routing;
  const e = routing.experts / routing.ep;
  const ids = routing.ids[s]!;
  const out: number[] = [];
  for (let t = 0; t < T; t++) if (hasExpertOn(ids, t, K, p, e)) out.push(t);
  return Int32Array.from(out);
}

/**
 * For each row of rank r's compact dispatch layout (local expert d, source s,
 * token ascending), the index of its token among the tokens s sends to r.
 * O(ep * T * K).
 */
export function gatherRows(routing: Routing, r: number): Int32Array {
  const { ep, topK: K, tokensPerRank: T, experts: E } = routing;
  const e = E / ep;
  const layout = new RowLayout(routing, routing.counts);
  const out = new Int32Array(layout.recvRows(r));
  for (let s = 0; s < ep; s++) {
    const ids = routing.ids[s]!;
    const next = new Float64Array(e);
    for (let d = 0; d < e; d++) next[d] = layout.recvOffset(r, d, s);
    let index = 0;
    for (let t = 0; t < T; t++) {
      let sent = false;
      for (let k = 0; k < K; k++) {
        const g = ids[t * K + k]!;
        if (Math.floor(g / e) !== r) continue;
        out[next[g - r * e]!++] = index;
        sent = true;
      }
      if (sent) index++;
    }
  }
  return out;
}
