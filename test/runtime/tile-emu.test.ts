// The tile emulator on hand-written programs (custom form): puts honour
// valid_rows from @counts, GEMMs with either transpose match a direct
// computation, f32 outputs accumulate, gather picks rows, and tasks that can
// never run are reported.

import { describe, expect, it } from "vitest";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { Context } from "../../src/ir/context.js";
import { parseSourceString } from "../../src/index.js";
import { bf16FromFloats, roundBf16 } from "../../src/runtime/emu/bf16.js";
import type { EmuTensor } from "../../src/runtime/emu/emu-values.js";
import { bf16Value } from "../../src/runtime/emu/kernels.js";
import { runTilePrograms, type TileBuffers } from "../../src/runtime/emu/tile-emu.js";
import { IntegerAttr } from "../../src/ir/builtin-attributes.js";

function parse(text: string) {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, text);
  expect(m).toBeDefined();
  return m!;
}

/** Runs `text`, filling buffers from `inputs[rank][name]`; returns rank -> buffers. */
function run(text: string, inputs: Record<string, number[] | Int32Array>[]): TileBuffers[] {
  const res = runTilePrograms(parse(text), (_p, rank, bufs) => {
    for (const [name, values] of Object.entries(inputs[rank] ?? {})) {
      const b = bufs.get(name)!;
      if (b.dtype === "bf16") b.data.set(bf16FromFloats(values as number[]));
      else if (b.dtype === "i32") b.data.set(values as Int32Array);
      else b.data.set(values as number[]);
    }
    return undefined;
  });
  if ("message" in res) throw new Error(res.message);
  const out: TileBuffers[] = [];
  for (const [p, bufs] of res.buffers) out[Number((p.getAttr("rank") as IntegerAttr).value)] = bufs;
  return out;
}

const values = (t: EmuTensor | undefined) => (t!.dtype === "bf16" ? Array.from(t!.data as Uint16Array, (h) => bf16Value[h]!) : Array.from(t!.data));
const seq = (n: number, scale: number, shift = 0) => Array.from({ length: n }, (_, i) => roundBf16(((i * 7 + shift) % 11) * scale - 0.25));

describe("tile emulator", () => {
  it("moves only the valid rows of a worst-case put tile", () => {
    const text = `module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer input @xsend : memref<4x2xbf16>
    tile.buffer input @counts : memref<2x2xi32>
    tile.buffer symmetric @xin : memref<4x2xbf16>
    %p = tile.put @xsend[0:4, 0:2] -> rank 1 @xin[0:4, 0:2] signal 0 {stage = dispatch, valid_rows = array<i64: 0, 1, 1>}
    %a = tile.arrival @xin[0:4, 0:2] from rank 1 signal 0 {valid_rows = array<i64: 1, 0, 1>}
    tile.terminate %p, %a
  }
  tile.program @fwd_rank1 rank 1 ep 2 {
    tile.buffer input @xsend : memref<4x2xbf16>
    tile.buffer input @counts : memref<2x2xi32>
    tile.buffer symmetric @xin : memref<4x2xbf16>
    %p = tile.put @xsend[0:4, 0:2] -> rank 0 @xin[0:4, 0:2] signal 0 {stage = dispatch, valid_rows = array<i64: 1, 0, 1>}
    %a = tile.arrival @xin[0:4, 0:2] from rank 0 signal 0 {valid_rows = array<i64: 0, 1, 1>}
    tile.terminate %p, %a
  }
}`;
    // counts[0][1] = 3: rank 0's tile (first row 1 of the block) moves 2 rows; counts[1][0] = 1: rank 1's moves none.
    const counts = Int32Array.from([0, 3, 1, 0]);
    const x0 = [1, 2, 3, 4, 5, 6, 7, 8];
    const x1 = [9, 10, 11, 12, 13, 14, 15, 16];
    const b = run(text, [{ xsend: x0, counts }, { xsend: x1, counts }]);
    expect(values(b[1]!.get("xin"))).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
    expect(values(b[0]!.get("xin"))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("computes GEMM tiles with transposes and accumulates f32 outputs over split rows", () => {
    // x: 4x3, w: 1x3x2 (e=1); y = x w on two row tiles; dx = y w^T; dw = x^T y over rows [0:2] then [2:4].
    const text = `module {
  tile.program @bwd_rank0 rank 0 ep 1 {
    tile.buffer input @x : memref<4x3xbf16>
    tile.buffer input @w : memref<1x3x2xbf16>
    tile.buffer workspace @y : memref<4x2xbf16>
    tile.buffer workspace @dx : memref<4x3xbf16>
    tile.buffer output @dw : memref<1x3x2xf32>
    %g0 = tile.gemm @x[0:2, 0:3], @w[0:1, 0:3, 0:2] -> @y[0:2, 0:2] {stage = gmm1}
    %g1 = tile.gemm @x[2:4, 0:3], @w[0:1, 0:3, 0:2] -> @y[2:4, 0:2] {stage = gmm1}
    %t = tile.gemm @y[0:4, 0:2], @w[0:1, 0:3, 0:2] -> @dx[0:4, 0:3] after(%g0, %g1) {stage = gmm1_grad_lhs, transpose_rhs}
    %d0 = tile.gemm @x[0:2, 0:3], @y[0:2, 0:2] -> @dw[0:1, 0:3, 0:2] after(%g0) {stage = gmm1_grad_weight, transpose_lhs}
    %d1 = tile.gemm @x[2:4, 0:3], @y[2:4, 0:2] -> @dw[0:1, 0:3, 0:2] after(%g1, %d0) {stage = gmm1_grad_weight, transpose_lhs}
    tile.terminate %t, %d1
  }
}`;
    const x = seq(12, 0.125);
    const w = seq(6, 0.25, 3);
    const b = run(text, [{ x, w }])[0]!;
    const f = Math.fround;
    const y: number[] = [];
    for (let i = 0; i < 4; i++) for (let j = 0; j < 2; j++) y.push(roundBf16([0, 1, 2].reduce((acc, k) => f(acc + x[i * 3 + k]! * w[k * 2 + j]!), 0)));
    expect(values(b.get("y"))).toEqual(y);
    const dx: number[] = [];
    for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) dx.push(roundBf16([0, 1].reduce((acc, j) => f(acc + y[i * 2 + j]! * w[k * 2 + j]!), 0)));
    expect(values(b.get("dx"))).toEqual(dx);
    const dw: number[] = [];
    for (let k = 0; k < 3; k++) for (let j = 0; j < 2; j++) dw.push([0, 1, 2, 3].reduce((acc, i) => f(acc + x[i * 3 + k]! * y[i * 2 + j]!), 0));
    expect(values(b.get("dw"))).toEqual(dw);
  });

  it("gathers chosen rows and runs swiglu on a row tile", () => {
    const text = `module {
  tile.program @fwd_rank0 rank 0 ep 1 {
    tile.buffer input @tok : memref<3x4xbf16>
    tile.buffer workspace @h : memref<2x4xbf16>
    tile.buffer workspace @a : memref<2x2xbf16>
    %c = tile.gather @tok[0:3, 0:4] -> @h[0:2, 0:4] rows [2, 0] {stage = gather}
    %s = tile.swiglu @h[0:2, 0:4] -> @a[0:2, 0:2] after(%c) {stage = swiglu}
    tile.terminate %s
  }
}`;
    const tok = seq(12, 0.5);
    const b = run(text, [{ tok }])[0]!;
    expect(values(b.get("h"))).toEqual([...tok.slice(8, 12), ...tok.slice(0, 4)]);
    const f = Math.fround;
    const h = values(b.get("h"));
    const a = [0, 1].flatMap((r) => [0, 1].map((c) => roundBf16(f(f(h[r * 4 + c]! / f(1 + f(Math.exp(-h[r * 4 + c]!)))) * h[r * 4 + 2 + c]!))));
    expect(values(b.get("a"))).toEqual(a);
  });

  it("reports tasks that wait for an arrival no put raises", () => {
    const text = `module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer symmetric @xin : memref<2x2xbf16>
    tile.buffer workspace @y : memref<2x2xbf16>
    tile.buffer input @w : memref<1x2x2xbf16>
    %a = tile.arrival @xin[0:2, 0:2] from rank 1 signal 4
    %g = tile.gemm @xin[0:2, 0:2], @w[0:1, 0:2, 0:2] -> @y[0:2, 0:2] after(%a) {stage = gmm1}
    tile.terminate %g
  }
  tile.program @fwd_rank1 rank 1 ep 2 {
    tile.buffer symmetric @xin : memref<2x2xbf16>
    tile.terminate
  }
}`;
    const res = runTilePrograms(parse(text), () => undefined);
    expect("message" in res && [res.op?.name.name, res.message]).toEqual(["tile.arrival", "never runs: no put raises this arrival (3 ops stuck)"]);
  });
});
