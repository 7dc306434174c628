// The tile program of one rank's forward or backward MoE FFN: its buffers and
// tasks, stage by stage (hyperparallel-moe.md §1.4, §3.1), with whole-block
// communication that comm-tiling splits into token tiles.
//
// Buffers (rows in the send layout on the source side, the dispatch layout on
// the expert side; src/layer/row-layout.ts):
//   forward:  @xsend (input), @xin (symmetric), @h, @a, @y (workspace),
//             @yret (symmetric), @w13, @w2 (input), @counts (input, worst case)
//   backward: @dsend (input: p[t,k] * dout[t], send layout), @dyin (symmetric),
//             @xin, @h, @a (input: saved forward activations), @da, @dh, @dxe
//             (workspace), @dxret (symmetric), @w13, @w2 (input), @dw13, @dw2
//             (output, f32), @counts (input, worst case)
// (the names of docs/moe-tile.md, which the emulator and launcher use).
// Symmetric buffers have the same shape on every rank: the largest any rank needs.

import { FloatType, IntegerType } from "../src/ir/builtin-types.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import { RowLayout } from "../src/layer/row-layout.js";
import { BufferKind, Stage, type Slice } from "../dialects/tile-model.js";
import { kSwiglu, kSwigluGrad, type TileBuilder } from "./tile-builder.js";
import type { MoeShape } from "./tile-moe-shape.js";
import { kBf16, rowSlice, TileProgramEmitter, type MoeToTileOptions } from "./tile-program-emitter.js";
import { assignSignals } from "./tile-signals.js";


function maxOver(ep: number, f: (r: number) => number): number {
  let m = 0;
  for (let r = 0; r < ep; r++) m = Math.max(m, f(r));
  return m;
}

/** Builds `@fwd_rank<r>` or `@bwd_rank<r>` at `tb`'s insertion point. */
export function buildTileProgram(tb: TileBuilder, shape: MoeShape, options: MoeToTileOptions): Operation {
  const { ep, experts: E, hidden: H, inter: I, rank: r } = shape;
  const e = E / ep;
  const L = new RowLayout(shape, shape.counts);
  const ctx = tb.context;
  const bf16: Type = FloatType.get(ctx, "bf16");
  const f32: Type = FloatType.get(ctx, "f32");
  const fwd = shape.direction === "fwd";
  const { op: program } = tb.program(`${shape.direction}_rank${r}`, r, ep);
  const send = L.sendRows(r);
  const recv = L.recvRows(r);
  const maxSend = maxOver(ep, (s) => L.sendRows(s));
  const maxRecv = maxOver(ep, (p) => L.recvRows(p));
  const buf = (name: string, dims: number[], kind: BufferKind, el: Type = bf16) => tb.buffer(name, dims, el, kind);
  const em = new TileProgramEmitter(tb, L, r, options);
  const swiglu = (stage: Stage, name: string, make: (a: number, m: number) => { reads: Slice[]; writes: Slice[]; flops: number; bytes: number }) => {
    for (let d = 0; d < e; d++) em.rowTiles(stage, d, name, make);
  };

  if (fwd) {
    buf("xsend", [send, H], BufferKind.input);
    buf("xin", [maxRecv, H], BufferKind.symmetric);
    buf("h", [recv, 2 * I], BufferKind.workspace);
    buf("a", [recv, I], BufferKind.workspace);
    buf("y", [recv, H], BufferKind.workspace);
    buf("yret", [maxSend, H], BufferKind.symmetric);
    buf("w13", [e, H, 2 * I], BufferKind.input);
    buf("w2", [e, I, H], BufferKind.input);
    if (L.worstCase) buf("counts", [ep, E], BufferKind.input, IntegerType.get(ctx, 32));
    em.exchange(Stage.dispatch, /*toExperts=*/ true, "xsend", "xin", H);
    for (let d = 0; d < e; d++) em.activationGemm(Stage.gmm1, d, { lhs: "xin", k: H, weight: "w13", out: "h", n: 2 * I });
    swiglu(Stage.swiglu, kSwiglu, (a, m) => ({
      reads: [rowSlice("h", a, m, 2 * I)],
      writes: [rowSlice("a", a, m, I)],
      flops: 0, // vector work is bytes-bound (docs/moe-tile.md, cost inputs)
      bytes: 3 * m * I * kBf16,
    }));
    for (let d = 0; d < e; d++) em.activationGemm(Stage.gmm2, d, { lhs: "a", k: I, weight: "w2", out: "y", n: H });
    em.exchange(Stage.combine, /*toExperts=*/ false, "y", "yret", H);
  } else {
    buf("dsend", [send, H], BufferKind.input);
    buf("dyin", [maxRecv, H], BufferKind.symmetric);
    buf("xin", [recv, H], BufferKind.input);
    buf("h", [recv, 2 * I], BufferKind.input);
    buf("a", [recv, I], BufferKind.input);
    buf("da", [recv, I], BufferKind.workspace);
    buf("dh", [recv, 2 * I], BufferKind.workspace);
    buf("dxe", [recv, H], BufferKind.workspace);
    buf("dxret", [maxSend, H], BufferKind.symmetric);
    buf("w13", [e, H, 2 * I], BufferKind.input);
    buf("w2", [e, I, H], BufferKind.input);
    buf("dw13", [e, H, 2 * I], BufferKind.output, f32);
    buf("dw2", [e, I, H], BufferKind.output, f32);
    if (L.worstCase) buf("counts", [ep, E], BufferKind.input, IntegerType.get(ctx, 32));
    em.exchange(Stage.combine_grad, /*toExperts=*/ true, "dsend", "dyin", H);
    // act_grad: dA = dY w2[d]^T; w2_grad: dW2[d] = A^T dY.
    for (let d = 0; d < e; d++) em.activationGemm(Stage.gmm2_grad_lhs, d, { lhs: "dyin", k: H, weight: "w2", out: "da", n: I, transposeRhs: true });
    for (let d = 0; d < e; d++) em.weightGradGemm(Stage.gmm2_grad_weight, d, { x: "a", kd: I, dy: "dyin", n: H, out: "dw2" });
    swiglu(Stage.swiglu_grad, kSwigluGrad, (a, m) => ({
      reads: [rowSlice("h", a, m, 2 * I), rowSlice("da", a, m, I)],
      writes: [rowSlice("dh", a, m, 2 * I)],
      flops: 0,
      bytes: 5 * m * I * kBf16,
    }));
    // gate_grad: dX = dH w13[d]^T; w1_grad: dW13[d] = X^T dH.
    for (let d = 0; d < e; d++) em.activationGemm(Stage.gmm1_grad_lhs, d, { lhs: "dh", k: 2 * I, weight: "w13", out: "dxe", n: H, transposeRhs: true });
    for (let d = 0; d < e; d++) em.weightGradGemm(Stage.gmm1_grad_weight, d, { x: "xin", kd: H, dy: "dh", n: 2 * I, out: "dw13" });
    em.exchange(Stage.dispatch_grad, /*toExperts=*/ false, "dxe", "dxret", H);
  }
  em.terminate();
  assignSignals(program.regions[0]!.entryBlock!);
  return program;
}

