// Hand-written moe IR (generic form, moe dialect unregistered) following the
// issue-5 contract's per-rank functions, so the emulator is tested on its
// own before buildMoeModule is merged.

import type { TinySizes } from "./fixtures.js";

/** The forward and backward functions of every rank, as one module's text. */
export function moeModuleText(s: TinySizes): string {
  const { ep, experts: E, topK: K, tokensPerRank: T, hidden: H, inter: I } = s;
  const e = E / ep;
  const bf = (...d: (number | string)[]) => `tensor<${d.join("x")}xbf16>`;
  const tx = bf(T, H);
  const ids = `tensor<${T}x${K}xi32>`;
  const p = `tensor<${T}x${K}xf32>`;
  const w13 = bf(e, H, 2 * I);
  const w2 = bf(e, I, H);
  const f32 = (...d: number[]) => `tensor<${d.join("x")}xf32>`;
  const attrs = (r: number) => `{ep = ${ep} : i64, experts = ${E} : i64, rank = ${r} : i64}`;
  const funcs: string[] = [];
  for (let r = 0; r < ep; r++) {
    funcs.push(`  func.func @moe_ffn_fwd_rank${r}(%x: ${tx}, %ids: ${ids}, %p: ${p}, %w13: ${w13}, %w2: ${w2}) -> ${tx} attributes {moe.rank = ${r} : i64} {
    %recv, %route = "moe.dispatch"(%x, %ids) ${attrs(r)} : (${tx}, ${ids}) -> (${bf("?", H)}, !moe.route)
    %h = "moe.gmm"(%recv, %w13, %route) : (${bf("?", H)}, ${w13}, !moe.route) -> ${bf("?", 2 * I)}
    %a = "moe.swiglu"(%h) : (${bf("?", 2 * I)}) -> ${bf("?", I)}
    %y = "moe.gmm"(%a, %w2, %route) : (${bf("?", I)}, ${w2}, !moe.route) -> ${bf("?", H)}
    %out = "moe.combine"(%y, %route, %p) : (${bf("?", H)}, !moe.route, ${p}) -> ${tx}
    return %out : ${tx}
  }`);
    funcs.push(`  func.func @moe_ffn_bwd_rank${r}(%dout: ${tx}, %ids: ${ids}, %p: ${p}, %w13: ${w13}, %w2: ${w2}, %xin: ${bf("?", H)}, %h: ${bf("?", 2 * I)}, %a: ${bf("?", I)}) -> (${tx}, ${f32(e, H, 2 * I)}, ${f32(e, I, H)}) attributes {moe.rank = ${r} : i64} {
    %dy, %route = "moe.combine_grad"(%dout, %ids, %p) ${attrs(r)} : (${tx}, ${ids}, ${p}) -> (${bf("?", H)}, !moe.route)
    %da = "moe.gmm_grad_lhs"(%dy, %w2, %route) : (${bf("?", H)}, ${w2}, !moe.route) -> ${bf("?", I)}
    %dw2 = "moe.gmm_grad_weight"(%a, %dy, %route) : (${bf("?", I)}, ${bf("?", H)}, !moe.route) -> ${f32(e, I, H)}
    %dh = "moe.swiglu_grad"(%h, %da) : (${bf("?", 2 * I)}, ${bf("?", I)}) -> ${bf("?", 2 * I)}
    %dxr = "moe.gmm_grad_lhs"(%dh, %w13, %route) : (${bf("?", 2 * I)}, ${w13}, !moe.route) -> ${bf("?", H)}
    %dw13 = "moe.gmm_grad_weight"(%xin, %dh, %route) : (${bf("?", H)}, ${bf("?", 2 * I)}, !moe.route) -> ${f32(e, H, 2 * I)}
    %dx = "moe.dispatch_grad"(%dxr, %route) : (${bf("?", H)}, !moe.route) -> ${tx}
    return %dx, %dw13, %dw2 : ${tx}, ${f32(e, H, 2 * I)}, ${f32(e, I, H)}
  }`);
  }
  return `module {\n${funcs.join("\n")}\n}\n`;
}
