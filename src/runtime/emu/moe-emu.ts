// Executes moe IR on real data: the per-rank functions of one direction run
// in lockstep in one process, op by op, and the collective ops (dispatch,
// combine_grad, combine, dispatch_grad) exchange rows between all ranks in
// the dispatch layout (compact, from the run-time counts). Numerics are the
// contract's, through the shared kernels.

import type { Block } from "../../ir/block.js";
import type { Operation } from "../../ir/operation.js";
import type { Value } from "../../ir/value.js";
import { RowLayout } from "../../layer/row-layout.js";
import { reduceFromExperts, scatterToExperts } from "./exchange.js";
import { gemmAccumulateF32, gemmBf16, rowMajor, scaleRow, swiglu, swigluGrad, transposed, type View } from "./kernels.js";
import { bf16Tensor, f32Tensor, i32Tensor, isEmuFailure, type Bf16Tensor, type EmuFailure, type EmuTensor, type F32Tensor, type I32Tensor } from "./emu-values.js";

/** The dispatch layout a route stands for, seen from `rank`. */
export interface RouteValue {
  readonly dtype: "route";
  readonly rank: number;
  readonly layout: RowLayout;
  /** The routing of this rank's own tokens (T*K), which combine and dispatch_grad return rows to. */
  readonly ids: Int32Array;
}

export type MoeEmuValue = EmuTensor | RouteValue;

/** What one lockstep run gives: each rank's returned values and every value it computed. */
export interface MoeEmuResult {
  readonly results: MoeEmuValue[][];
  readonly values: Map<Value, MoeEmuValue>[];
}

type Env = Map<Value, MoeEmuValue>;

/**
 * Runs `funcs` (func.func ops, funcs[r] is rank r's) on `args[r]` (one value
 * per entry-block argument). O(ops * ranks) dispatches plus the kernels'
 * work. Fails, located, on an op it does not know, mismatched programs or
 * ill-typed operands.
 */
export function runMoeFuncs(funcs: readonly Operation[], args: readonly (readonly MoeEmuValue[])[]): MoeEmuResult | EmuFailure {
  const ep = funcs.length;
  const blocks: Block[] = [];
  const envs: Env[] = [];
  for (let r = 0; r < ep; r++) {
    const block = funcs[r]!.regions[0]?.entryBlock;
    if (!block) return { op: funcs[r], message: "has no body to emulate" };
    if (block.args.length !== args[r]!.length) return { op: funcs[r], message: `takes ${block.args.length} arguments, the emulator was given ${args[r]!.length}` };
    const env: Env = new Map();
    block.args.forEach((a, i) => env.set(a, args[r]![i]!));
    blocks.push(block);
    envs.push(env);
  }
  const cursor: (Operation | null)[] = blocks.map((b) => b.first);
  for (;;) {
    const ops = cursor as Operation[];
    const head = ops[0];
    if (!head) return { op: funcs[0], message: "ends without func.return" };
    for (let r = 1; r < ep; r++)
      if (!ops[r] || ops[r]!.name !== head.name) return { op: ops[r] ?? funcs[r], message: `rank ${r} runs '${ops[r]?.name.name ?? "nothing"}' where rank 0 runs '${head.name.name}'; programs must match op by op` };
    if (head.name.name === "func.return") return { results: envs.map((env, r) => ops[r]!.getOperands().map((v) => env.get(v)!)), values: envs };
    const failure = step(ops, envs);
    if (failure) return failure;
    for (let r = 0; r < ep; r++) cursor[r] = ops[r]!.next;
  }
}

/** Operand i of `op` in `env`, checked to have dtype `dtype`. */
function operand<D extends MoeEmuValue["dtype"]>(op: Operation, env: Env, i: number, dtype: D): Extract<MoeEmuValue, { dtype: D }> | EmuFailure {
  const v = env.get(op.getOperand(i));
  if (!v || v.dtype !== dtype) return { op, message: `operand #${i} should be a ${dtype} value in the emulator, got ${v?.dtype ?? "nothing"}` };
  return v as Extract<MoeEmuValue, { dtype: D }>;
}

/** Operands of `op` per rank, or the first failure. */
function operands<D extends MoeEmuValue["dtype"]>(ops: readonly Operation[], envs: readonly Env[], i: number, dtype: D): Extract<MoeEmuValue, { dtype: D }>[] | EmuFailure {
  const out: Extract<MoeEmuValue, { dtype: D }>[] = [];
  for (let r = 0; r < ops.length; r++) {
    const v = operand(ops[r]!, envs[r]!, i, dtype);
    if ("message" in v) return v;
    out.push(v);
  }
  return out;
}

const failed = isEmuFailure;
const intAttr = (op: Operation, name: string): number => {
  const a = op.getAttr(name) as { value?: unknown } | undefined;
  return typeof a?.value === "bigint" ? Number(a.value) : -1;
};

/** Executes one op on every rank. */
function step(ops: readonly Operation[], envs: readonly Env[]): EmuFailure | undefined {
  const head = ops[0]!;
  switch (head.name.name) {
    case "moe.dispatch":
    case "moe.combine_grad":
      return sendRows(ops, envs, head.name.name === "moe.combine_grad");
    case "moe.combine":
    case "moe.dispatch_grad":
      return returnRows(ops, envs, head.name.name === "moe.combine");
    default:
      for (let r = 0; r < ops.length; r++) {
        const f = localStep(ops[r]!, envs[r]!);
        if (f) return f;
      }
      return undefined;
  }
}

/**
 * moe.dispatch (x, ids) and moe.combine_grad (dout, ids, p): rows to the
 * experts' ranks in the dispatch layout of the run-time counts.
 */
function sendRows(ops: readonly Operation[], envs: readonly Env[], scaled: boolean): EmuFailure | undefined {
  const head = ops[0]!;
  const x = operands(ops, envs, 0, "bf16");
  const ids = operands(ops, envs, 1, "i32");
  const p = scaled ? operands(ops, envs, 2, "f32") : [];
  if (failed(x)) return x;
  if (failed(ids)) return ids;
  if (failed(p)) return p;
  const ep = ops.length;
  const experts = intAttr(head, "experts");
  const [T, H] = x[0]!.shape as [number, number];
  const K = ids[0]!.shape[1]!;
  if (intAttr(head, "ep") !== ep || !(experts > 0) || experts % ep) return { op: head, message: `expects ep = ${ep} ranks and experts divisible by it` };
  const counts = new Int32Array(ep * experts);
  for (let s = 0; s < ep; s++) for (const g of ids[s]!.data) counts[s * experts + g]!++;
  const layout = new RowLayout({ ep, experts, topK: K, tokensPerRank: T }, counts);
  const recv = Array.from({ length: ep }, (_, r) => bf16Tensor([layout.recvRows(r), H]));
  scatterToExperts(
    layout,
    ids.map((i) => i.data),
    recv.map((t) => t.data),
    H,
    (s, t, k, dst, at) => {
      if (scaled) scaleRow(x[s]!.data, t * H, p[s]!.data[t * K + k]!, dst, at, H);
      else dst.set(x[s]!.data.subarray(t * H, t * H + H), at);
    },
  );
  for (let r = 0; r < ep; r++) {
    envs[r]!.set(ops[r]!.getResult(0), recv[r]!);
    envs[r]!.set(ops[r]!.getResult(1), { dtype: "route", rank: r, layout, ids: ids[r]!.data });
  }
  return undefined;
}

/**
 * moe.combine (y, route, p) and moe.dispatch_grad (dx, route): each token's
 * rows back from the experts' ranks, reduced over k ascending (weighted by p
 * for combine).
 */
function returnRows(ops: readonly Operation[], envs: readonly Env[], weighted: boolean): EmuFailure | undefined {
  const rows = operands(ops, envs, 0, "bf16");
  const routes = operands(ops, envs, 1, "route");
  const p = weighted ? operands(ops, envs, 2, "f32") : [];
  if (failed(rows)) return rows;
  if (failed(routes)) return routes;
  if (failed(p)) return p;
  const layout = routes[0]!.layout;
  const H = rows[0]!.shape[1]!;
  const out = Array.from({ length: ops.length }, () => bf16Tensor([layout.shape.tokensPerRank, H]));
  reduceFromExperts(
    layout,
    routes.map((r) => r.ids),
    rows.map((t) => t.data),
    weighted ? p.map((t) => t.data) : undefined,
    out.map((t) => t.data),
    H,
  );
  for (let r = 0; r < ops.length; r++) envs[r]!.set(ops[r]!.getResult(0), out[r]!);
  return undefined;
}

/** The (bf16, bf16, route) operands of the grouped matmuls. */
function grouped(op: Operation, env: Env): [Bf16Tensor, Bf16Tensor, RouteValue] | EmuFailure {
  const a = operand(op, env, 0, "bf16");
  if (failed(a)) return a;
  const b = operand(op, env, 1, "bf16");
  if (failed(b)) return b;
  const route = operand(op, env, 2, "route");
  if (failed(route)) return route;
  return [a, b, route];
}

/** The ops that need only this rank's values. */
function localStep(op: Operation, env: Env): EmuFailure | undefined {
  switch (op.name.name) {
    case "moe.gmm":
    case "moe.gmm_grad_lhs": {
      const ins = grouped(op, env);
      if (failed(ins)) return ins;
      const [lhs, w, route] = ins;
      const [, kd, n] = w.shape as [number, number, number];
      const transpose = op.name.name === "moe.gmm_grad_lhs";
      const inner = transpose ? n : kd;
      const outCols = transpose ? kd : n;
      const out = bf16Tensor([lhs.shape[0]!, outCols]);
      forEachExpert(route, (d, first, rows) => {
        const wd = rowMajor(w.data, d * kd * n, n);
        gemmBf16(rowMajor(lhs.data, first * inner, inner), transpose ? transposed(wd) : wd, rowMajor(out.data, first * outCols, outCols), rows, outCols, inner);
      });
      env.set(op.getResult(0), out);
      return undefined;
    }
    case "moe.gmm_grad_weight": {
      const ins = grouped(op, env);
      if (failed(ins)) return ins;
      const [x, dy, route] = ins;
      const kd = x.shape[1]!;
      const n = dy.shape[1]!;
      const dw = f32Tensor([route.layout.localExperts, kd, n]);
      forEachExpert(route, (d, first, rows) => weightGrad(x, dy, dw, d, first, rows));
      env.set(op.getResult(0), dw);
      return undefined;
    }
    case "moe.swiglu": {
      const h = operand(op, env, 0, "bf16");
      if (failed(h)) return h;
      const [rows, twoI] = h.shape as [number, number];
      const a = bf16Tensor([rows, twoI / 2]);
      swiglu(h.data, 0, twoI, a.data, 0, twoI / 2, rows, twoI / 2);
      env.set(op.getResult(0), a);
      return undefined;
    }
    case "moe.swiglu_grad": {
      const h = operand(op, env, 0, "bf16");
      const da = operand(op, env, 1, "bf16");
      if (failed(h)) return h;
      if (failed(da)) return da;
      const [rows, twoI] = h.shape as [number, number];
      const dh = bf16Tensor([rows, twoI]);
      swigluGrad({ data: h.data, offset: 0, stride: twoI }, { data: da.data, offset: 0, stride: twoI / 2 }, { data: dh.data, offset: 0, stride: twoI }, rows, twoI / 2);
      env.set(op.getResult(0), dh);
      return undefined;
    }
    default:
      return { op, message: "is not an op the moe emulator executes" };
  }
}

/** Calls fn(d, first row, rows) for each local expert of the route's rank. */
function forEachExpert(route: RouteValue, fn: (d: number, first: number, rows: number) => void): void {
  for (let d = 0; d < route.layout.localExperts; d++) {
    const [first, end] = route.layout.expertRows(route.rank, d);
    fn(d, first, end - first);
  }
}

/** dw[d] += x_rows^T * dy_rows over the expert's rows in dispatch-layout order. */
export function weightGrad(x: Bf16Tensor, dy: Bf16Tensor, dw: F32Tensor, d: number, first: number, rows: number): void {
  const kd = x.shape[1]!;
  const n = dy.shape[1]!;
  const xt: View<Uint16Array> = transposed(rowMajor(x.data, first * kd, kd));
  gemmAccumulateF32(xt, rowMajor(dy.data, first * n, n), rowMajor(dw.data, d * kd * n, n), kd, n, rows);
}

export type { Bf16Tensor, F32Tensor, I32Tensor };

//===----------------------------------------------------------------------===//
// A whole layer: the contract's per-rank functions on synthetic data
//===----------------------------------------------------------------------===//

/** Each rank's outputs of a layer run (absent direction: empty arrays). */
export interface MoeLayerRun {
  /** Per rank, T x H. */
  readonly out: Bf16Tensor[];
  /** Per rank: dx (T x H), dw13 (e x H x 2I, f32), dw2 (e x I x H, f32). */
  readonly dx: Bf16Tensor[];
  readonly dw13: F32Tensor[];
  readonly dw2: F32Tensor[];
  /** Per rank, the forward's dispatched rows, h and a (dispatch layout): the backward's saved inputs. */
  readonly saved: { xin: Bf16Tensor; h: Bf16Tensor; a: Bf16Tensor }[];
}

/** The funcs `@<stem><r>` under `module`, by rank, or undefined when some rank is missing. */
export function rankFuncs(module: Operation, stem: string, ep: number): Operation[] | undefined {
  const byName = new Map<string, Operation>();
  const body = module.regions[0]?.entryBlock;
  for (let op = body?.first ?? null; op; op = op.next) {
    const name = op.getAttr("sym_name") as { value?: unknown } | undefined;
    if (op.name.name === "func.func" && typeof name?.value === "string") byName.set(name.value, op);
  }
  const out: Operation[] = [];
  for (let r = 0; r < ep; r++) {
    const f = byName.get(`${stem}${r}`);
    if (!f) return undefined;
    out.push(f);
  }
  return out;
}

/** The inputs every layer function starts with, for rank r: x or dout, ids, p, w13 and w2 of the local experts. */
export function layerArgs(data: LayerData, r: number, first: Bf16Tensor): MoeEmuValue[] {
  const { experts: E, ep, topK: K, tokensPerRank: T, hidden: H, inter: I } = data.shape;
  const e = E / ep;
  return [
    first,
    i32Tensor([T, K], data.routing.ids[r]!),
    f32Tensor([T, K], data.routing.weights[r]!),
    bf16Tensor([e, H, 2 * I], data.w13.subarray(r * e * H * 2 * I, (r + 1) * e * H * 2 * I)),
    bf16Tensor([e, I, H], data.w2.subarray(r * e * I * H, (r + 1) * e * I * H)),
  ];
}

/** What runMoeLayer needs of the synthetic data. */
export interface LayerData {
  readonly shape: { ep: number; experts: number; topK: number; tokensPerRank: number; hidden: number; inter: number };
  readonly routing: { ids: readonly Int32Array[]; weights: readonly Float32Array[] };
  readonly x: readonly Uint16Array[];
  readonly dout: readonly Uint16Array[];
  readonly w13: Uint16Array;
  readonly w2: Uint16Array;
}

/**
 * Runs `@moe_ffn_fwd_rank<r>` on every rank, then, when `backward`,
 * `@moe_ffn_bwd_rank<r>` with the forward's saved activations.
 */
export function runMoeLayer(module: Operation, data: LayerData, backward: boolean): MoeLayerRun | EmuFailure {
  const { ep, tokensPerRank: T, hidden: H } = data.shape;
  const fwd = rankFuncs(module, "moe_ffn_fwd_rank", ep);
  if (!fwd) return { op: module, message: `has no @moe_ffn_fwd_rank<r> for every rank r < ${ep}` };
  const f = runMoeFuncs(
    fwd,
    fwd.map((_, r) => layerArgs(data, r, bf16Tensor([T, H], data.x[r]!))),
  );
  if (failed(f)) return f;
  const saved = fwd.map((func, r) => savedActivations(func, f.values[r]!));
  if (saved.some((s) => !s)) return { op: fwd[0], message: "has no moe.dispatch, moe.gmm and moe.swiglu to save for the backward" };
  const run: MoeLayerRun = { out: f.results.map((v) => v[0] as Bf16Tensor), dx: [], dw13: [], dw2: [], saved: saved as MoeLayerRun["saved"] };
  if (!backward) return run;
  const bwd = rankFuncs(module, "moe_ffn_bwd_rank", ep);
  if (!bwd) return { op: module, message: `has no @moe_ffn_bwd_rank<r> for every rank r < ${ep}` };
  const b = runMoeFuncs(
    bwd,
    bwd.map((_, r) => {
      const s = run.saved[r]!;
      return [...layerArgs(data, r, bf16Tensor([T, H], data.dout[r]!)), s.xin, s.h, s.a];
    }),
  );
  if (failed(b)) return b;
  for (const v of b.results) {
    run.dx.push(v[0] as Bf16Tensor);
    run.dw13.push(v[1] as F32Tensor);
    run.dw2.push(v[2] as F32Tensor);
  }
  return run;
}

/** The forward's dispatched rows, first gmm output and swiglu output. */
function savedActivations(func: Operation, env: Env): { xin: Bf16Tensor; h: Bf16Tensor; a: Bf16Tensor } | undefined {
  let xin: MoeEmuValue | undefined;
  let h: MoeEmuValue | undefined;
  let a: MoeEmuValue | undefined;
  for (let op = func.regions[0]!.entryBlock!.first; op; op = op.next) {
    if (op.name.name === "moe.dispatch") xin = env.get(op.getResult(0));
    else if (op.name.name === "moe.gmm" && !h) h = env.get(op.getResult(0));
    else if (op.name.name === "moe.swiglu") a = env.get(op.getResult(0));
  }
  if (xin?.dtype !== "bf16" || h?.dtype !== "bf16" || a?.dtype !== "bf16") return undefined;
  return { xin, h, a };
}
