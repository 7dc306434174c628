// The arithmetic of the moe operators in the contract's exact numerics
// (bf16 storage, fp32 accumulation in a fixed order, nearest-even stores),
// shared by the moe emulator and the tile emulator so that equal
// accumulation orders give bitwise-equal results. Every kernel works on
// strided views, so a tile (a slice of a buffer) and a whole tensor use the
// same code.

import { toBf16 } from "./bf16.js";

const fround = Math.fround;

/** The float value of every bf16 bit pattern: a 256 KiB table, faster than decoding per element. */
export const bf16Value: Float32Array = (() => {
  const t = new Float32Array(0x10000);
  const bits = new Uint32Array(t.buffer);
  for (let h = 0; h < 0x10000; h++) bits[h] = h << 16;
  return t;
})();

/** A 2-D strided view: element (i, j) is data[offset + i*rowStride + j*colStride]. */
export interface View<A> {
  readonly data: A;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

/** A row-major view of `data` starting at `offset` with rows of `cols` elements. */
export function rowMajor<A>(data: A, offset: number, cols: number): View<A> {
  return { data, offset, rowStride: cols, colStride: 1 };
}

/** The transpose of a view (no copy). */
export function transposed<A>(v: View<A>): View<A> {
  return { data: v.data, offset: v.offset, rowStride: v.colStride, colStride: v.rowStride };
}

/**
 * out (m x n, bf16) = a (m x k) * b (k x n): each element is the fp32 sum over
 * k ascending of exact bf16 products, rounded once to bf16. O(m*n*k).
 */
export function gemmBf16(a: View<Uint16Array>, b: View<Uint16Array>, out: View<Uint16Array>, m: number, n: number, k: number): void {
  for (let i = 0; i < m; i++) {
    const aRow = a.offset + i * a.rowStride;
    const oRow = out.offset + i * out.rowStride;
    for (let j = 0; j < n; j++) {
      let acc = 0;
      let ai = aRow;
      let bi = b.offset + j * b.colStride;
      for (let p = 0; p < k; p++, ai += a.colStride, bi += b.rowStride) acc = fround(acc + bf16Value[a.data[ai]!]! * bf16Value[b.data[bi]!]!);
      out.data[oRow + j * out.colStride] = toBf16(acc);
    }
  }
}

/**
 * out (m x n, f32) += a (m x k) * b (k x n), continuing each element's fp32
 * chain from its current value over k ascending. Splitting k into ranges run
 * in order gives the same bits as one call. O(m*n*k).
 */
export function gemmAccumulateF32(a: View<Uint16Array>, b: View<Uint16Array>, out: View<Float32Array>, m: number, n: number, k: number): void {
  for (let i = 0; i < m; i++) {
    const aRow = a.offset + i * a.rowStride;
    const oRow = out.offset + i * out.rowStride;
    for (let j = 0; j < n; j++) {
      const o = oRow + j * out.colStride;
      let acc = out.data[o]!;
      let ai = aRow;
      let bi = b.offset + j * b.colStride;
      for (let p = 0; p < k; p++, ai += a.colStride, bi += b.rowStride) acc = fround(acc + bf16Value[a.data[ai]!]! * bf16Value[b.data[bi]!]!);
      out.data[o] = acc;
    }
  }
}

/** silu(g) in fp32 and the sigmoid it used: g / (1 + exp(-g)). */
function silu(g: number): [number, number] {
  const den = fround(1 + fround(Math.exp(-g)));
  return [fround(g / den), fround(1 / den)];
}

/**
 * a[r][c] = bf16(silu(h[r][c]) * h[r][inter + c]) for `rows` rows; h rows
 * (2*inter wide) start every `hStride` elements, a rows every `aStride`.
 */
export function swiglu(h: Uint16Array, hOffset: number, hStride: number, a: Uint16Array, aOffset: number, aStride: number, rows: number, inter: number): void {
  for (let r = 0; r < rows; r++) {
    const hr = hOffset + r * hStride;
    const ar = aOffset + r * aStride;
    for (let c = 0; c < inter; c++) a[ar + c] = toBf16(fround(silu(bf16Value[h[hr + c]!]!)[0] * bf16Value[h[hr + inter + c]!]!));
  }
}

/** Row-major operands of swigluGrad: data, first element, elements between rows. */
export interface Rows {
  readonly data: Uint16Array;
  readonly offset: number;
  readonly stride: number;
}

/**
 * The gradient of swiglu: dh (rows x 2*inter) from h and da (rows x inter):
 * d gate = da * up * sig * (1 + gate * (1 - sig)), d up = da * silu(gate),
 * each in fp32, stored bf16.
 */
export function swigluGrad(h: Rows, da: Rows, dh: Rows, rows: number, inter: number): void {
  for (let r = 0; r < rows; r++) {
    const hr = h.offset + r * h.stride;
    const dr = da.offset + r * da.stride;
    const or = dh.offset + r * dh.stride;
    for (let c = 0; c < inter; c++) {
      const g = bf16Value[h.data[hr + c]!]!;
      const u = bf16Value[h.data[hr + inter + c]!]!;
      const d = bf16Value[da.data[dr + c]!]!;
      const [s, sig] = silu(g);
      const dsilu = fround(sig * fround(1 + fround(g * fround(1 - sig))));
      dh.data[or + c] = toBf16(fround(fround(d * u) * dsilu));
      dh.data[or + inter + c] = toBf16(fround(d * s));
    }
  }
}

/**
 * One weighted row sum: out[c] = bf16(sum over j ascending of fp32(w_j * row_j[c])),
 * with rows given as (buffer, row offset) pairs; `weights` undefined means 1.
 * The combine, its host epilogue and dispatch_grad all reduce this way.
 */
export function weightedRowSum(
  rows: readonly Uint16Array[],
  offsets: readonly number[],
  weights: readonly number[] | undefined,
  out: Uint16Array,
  outOffset: number,
  cols: number,
): void {
  for (let c = 0; c < cols; c++) {
    let acc = 0;
    for (let j = 0; j < rows.length; j++) {
      const v = bf16Value[rows[j]![offsets[j]! + c]!]!;
      acc = fround(acc + (weights ? fround(weights[j]! * v) : v));
    }
    out[outOffset + c] = toBf16(acc);
  }
}

/** out[c] = bf16(fp32(w * row[c])): one combine_grad row. */
export function scaleRow(row: Uint16Array, rowOffset: number, w: number, out: Uint16Array, outOffset: number, cols: number): void {
  for (let c = 0; c < cols; c++) out[outOffset + c] = toBf16(fround(w * bf16Value[row[rowOffset + c]!]!));
}
