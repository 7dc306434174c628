// Where routed rows live. Every level (moe emu, tile lowering, tile emu, the
// host prologue and epilogue) agrees on these layouts, so they are defined once.
//
// Send layout (on source rank s): its routed rows sorted by global expert g,
// then by token. Dispatch layout (on expert rank r): rows grouped by local
// expert d, then by source rank s, then by token — so the rows rank s sends to
// expert g are contiguous on both sides and a put is a plain block copy.
//
// With known routing the layouts are compact (offsets are prefix sums of the
// counts). In the static worst case (routing unknown at compile time) every
// (source, expert) pair gets a fixed capacity of T rows, the lossless bound:
// offsets are static and the run-time counts say how many rows are valid.

export interface RowLayoutShape {
  readonly ep: number;
  readonly experts: number;
  readonly topK: number;
  readonly tokensPerRank: number;
}

export class RowLayout {
  /** ep*E: first send-layout row of (s, g). */
  private readonly send: Float64Array;
  /** ep*e*ep: first dispatch-layout row of (r, d, s), at ((r*e + d)*ep + s). */
  private readonly recv: Float64Array;
  private readonly sendTotal: Float64Array;
  private readonly recvTotal: Float64Array;
  readonly localExperts: number;

  /** `counts` (ep*E, counts[s*E+g]) gives the compact layouts; undefined gives the worst case. */
  constructor(
    readonly shape: RowLayoutShape,
    readonly counts: Int32Array | undefined,
  ) {
    const { ep, experts: E, tokensPerRank: T } = shape;
    const e = (this.localExperts = E / ep);
    const cap = (s: number, g: number) => (counts ? counts[s * E + g]! : T);
    this.send = new Float64Array(ep * E);
    this.sendTotal = new Float64Array(ep);
    for (let s = 0; s < ep; s++) {
      let off = 0;
      for (let g = 0; g < E; g++) {
        this.send[s * E + g] = off;
        off += cap(s, g);
      }
      this.sendTotal[s] = off;
    }
    this.recv = new Float64Array(ep * e * ep);
    this.recvTotal = new Float64Array(ep);
    for (let r = 0; r < ep; r++) {
      let off = 0;
      for (let d = 0; d < e; d++)
        for (let s = 0; s < ep; s++) {
          this.recv[(r * e + d) * ep + s] = off;
          off += cap(s, r * e + d);
        }
      this.recvTotal[r] = off;
    }
  }

  get worstCase(): boolean {
    return this.counts === undefined;
  }
  /** Rows reserved for (s, g): the count when known, T in the worst case. */
  capacity(s: number, g: number): number {
    return this.counts ? this.counts[s * this.shape.experts + g]! : this.shape.tokensPerRank;
  }
  /** First send-layout row of expert g on source rank s. */
  sendOffset(s: number, g: number): number {
    return this.send[s * this.shape.experts + g]!;
  }
  /** Rows of the send layout of rank s (its send and return buffers). */
  sendRows(s: number): number {
    return this.sendTotal[s]!;
  }
  /** First dispatch-layout row, on expert rank r, of local expert d's rows from source s. */
  recvOffset(r: number, d: number, s: number): number {
    return this.recv[(r * this.localExperts + d) * this.shape.ep + s]!;
  }
  /** [first, end) dispatch-layout rows of local expert d on rank r. */
  expertRows(r: number, d: number): [number, number] {
    const first = this.recvOffset(r, d, 0);
    const last = this.recvOffset(r, d, this.shape.ep - 1) + this.capacity(this.shape.ep - 1, r * this.localExperts + d);
    return [first, last];
  }
  /** Rows of the dispatch layout on rank r (its receive and activation buffers). */
  recvRows(r: number): number {
    return this.recvTotal[r]!;
  }
}

/**
 * For source rank s with routing `ids` (T*K, [t][k]): the send-layout row of
 * each routed row (t, k), in the layout's (compact or worst-case) offsets.
 */
export function sendRowOfSlot(layout: RowLayout, s: number, ids: Int32Array): Int32Array {
  const { experts: E, topK: K, tokensPerRank: T } = layout.shape;
  const next = new Float64Array(E);
  for (let g = 0; g < E; g++) next[g] = layout.sendOffset(s, g);
  const out = new Int32Array(T * K);
  // Tokens in order, so rows of one expert come out sorted by token.
  for (let t = 0; t < T; t++) for (let k = 0; k < K; k++) out[t * K + k] = next[ids[t * K + k]!]!++;
  return out;
}
