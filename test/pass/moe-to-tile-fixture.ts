// Test inputs for the tile lowering: per-rank moe functions in generic form
// (the moe dialect's op names and operand order, parsed with unregistered
// dialects allowed), and a parse helper.

import { Context } from "../../src/ir/context.js";
import type { Operation } from "../../src/ir/operation.js";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { parseSourceString } from "../../src/index.js";

export interface MoeCase {
  ep: number;
  experts: number;
  topK: number;
  tokens: number;
  hidden: number;
  inter: number;
  /** ep*E routed rows; omitted: the static worst case. */
  counts?: Int32Array;
  direction?: "fwd" | "bwd" | "both";
  /** Ranks to emit (default all). */
  ranks?: number[];
}

function countsAttr(c: MoeCase): string {
  if (!c.counts) return "";
  const rows: string[] = [];
  for (let s = 0; s < c.ep; s++) rows.push(`[${Array.from(c.counts.subarray(s * c.experts, (s + 1) * c.experts)).join(", ")}]`);
  return `counts = dense<[${rows.join(", ")}]> : tensor<${c.ep}x${c.experts}xi32>, `;
}

/** The moe module text of `c`: one function per rank and direction. */
export function moeModuleText(c: MoeCase): string {
  const { ep, experts: E, topK: K, tokens: T, hidden: H, inter: I } = c;
  const e = E / ep;
  const x = `tensor<${T}x${H}xbf16>`;
  const ids = `tensor<${T}x${K}xi32>`;
  const p = `tensor<${T}x${K}xf32>`;
  const w13 = `tensor<${e}x${H}x${2 * I}xbf16>`;
  const w2 = `tensor<${e}x${I}x${H}xbf16>`;
  const rows = (n: number) => `tensor<?x${n}xbf16>`;
  const out: string[] = ['"builtin.module"() ({'];
  const dirs = c.direction === "both" ? ["fwd", "bwd"] : [c.direction ?? "fwd"];
  for (const dir of dirs)
    for (const r of c.ranks ?? [...Array(ep).keys()]) {
      const attrs = `<{${countsAttr(c)}ep = ${ep} : i64, experts = ${E} : i64, rank = ${r} : i64}>`;
      if (dir === "fwd")
        out.push(
          `  "func.func"() <{function_type = (${x}, ${ids}, ${p}, ${w13}, ${w2}) -> ${x}, sym_name = "moe_ffn_fwd_rank${r}"}> ({`,
          `  ^bb0(%x: ${x}, %ids: ${ids}, %p: ${p}, %w13: ${w13}, %w2: ${w2}):`,
          `    %0:2 = "moe.dispatch"(%x, %ids) ${attrs} : (${x}, ${ids}) -> (${rows(H)}, !moe.route)`,
          `    %1 = "moe.gmm"(%0#0, %w13, %0#1) : (${rows(H)}, ${w13}, !moe.route) -> ${rows(2 * I)}`,
          `    %2 = "moe.swiglu"(%1) : (${rows(2 * I)}) -> ${rows(I)}`,
          `    %3 = "moe.gmm"(%2, %w2, %0#1) : (${rows(I)}, ${w2}, !moe.route) -> ${rows(H)}`,
          `    %4 = "moe.combine"(%3, %0#1, %p) : (${rows(H)}, !moe.route, ${p}) -> ${x}`,
          `    "func.return"(%4) : (${x}) -> ()`,
          `  }) {moe.rank = ${r} : i64} : () -> ()`,
        );
      else {
        const dw13 = `tensor<${e}x${H}x${2 * I}xf32>`;
        const dw2 = `tensor<${e}x${I}x${H}xf32>`;
        out.push(
          `  "func.func"() <{function_type = (${x}, ${ids}, ${p}, ${w13}, ${w2}, ${rows(H)}, ${rows(2 * I)}, ${rows(I)}) -> (${x}, ${dw13}, ${dw2}), sym_name = "moe_ffn_bwd_rank${r}"}> ({`,
          `  ^bb0(%dout: ${x}, %ids: ${ids}, %p: ${p}, %w13: ${w13}, %w2: ${w2}, %xin: ${rows(H)}, %h: ${rows(2 * I)}, %a: ${rows(I)}):`,
          `    %0:2 = "moe.combine_grad"(%dout, %ids, %p) ${attrs} : (${x}, ${ids}, ${p}) -> (${rows(H)}, !moe.route)`,
          `    %1 = "moe.gmm_grad_lhs"(%0#0, %w2, %0#1) : (${rows(H)}, ${w2}, !moe.route) -> ${rows(I)}`,
          `    %2 = "moe.gmm_grad_weight"(%a, %0#0, %0#1) : (${rows(I)}, ${rows(H)}, !moe.route) -> ${dw2}`,
          `    %3 = "moe.swiglu_grad"(%h, %1) : (${rows(2 * I)}, ${rows(I)}) -> ${rows(2 * I)}`,
          `    %4 = "moe.gmm_grad_lhs"(%3, %w13, %0#1) : (${rows(2 * I)}, ${w13}, !moe.route) -> ${rows(H)}`,
          `    %5 = "moe.gmm_grad_weight"(%xin, %3, %0#1) : (${rows(H)}, ${rows(2 * I)}, !moe.route) -> ${dw13}`,
          `    %6 = "moe.dispatch_grad"(%4, %0#1) : (${rows(H)}, !moe.route) -> ${x}`,
          `    "func.return"(%6, %5, %2) : (${x}, ${dw13}, ${dw2}) -> ()`,
          `  }) {moe.rank = ${r} : i64} : () -> ()`,
        );
      }
    }
  out.push("}) : () -> ()");
  return out.join("\n") + "\n";
}

/** A context that accepts the moe and tile ops whether or not their dialects are registered. */
export function lowerContext(): Context {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerAllDialects(ctx);
  return ctx;
}

/** Parses `moeModuleText(c)`; throws with the diagnostics when it does not parse. */
export function parseMoe(ctx: Context, c: MoeCase): Operation {
  const m = parseSourceString(ctx, moeModuleText(c), "moe.mlir");
  if (!m) throw new Error(ctx.diagnostics.takeAll().map((d) => d.message).join("\n"));
  return m;
}
