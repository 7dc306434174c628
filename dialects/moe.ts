// Hooks of the moe dialect (dialects/moe.yaml): the shape, dtype and routing
// checks of every op. Sizes that two ops share (the hidden size of the
// dispatched tokens, the number of local experts) are checked against the op
// that made the `!moe.route`, so a function need not be verified as a whole.

import type { Attribute } from "../src/ir/attribute.js";
import { failure, success, type LogicalResult } from "../src/ir/logical-result.js";
import type { SetValueName } from "../src/ir/op-asm.js";
import type { Operation } from "../src/ir/operation.js";
import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { printAttributeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import { readCounts, readSenderAttrs, routeSender, type CountsMatrix } from "./moe-model.js";
import { verifyDedupTables } from "./moe-dedup.js";
import { dispatched, readShapes, SizeChecks, tokens, weights } from "./moe-shapes.js";

type Shape = readonly number[];

//===----------------------------------------------------------------------===//
// moe.dispatch, moe.combine_grad
//===----------------------------------------------------------------------===//

/**
 * The senders: (x or dout: T x H bf16, ids: T x K i32[, p: T x K f32]) ->
 * (? x H bf16, route), with experts % ep == 0, rank < ep, K <= experts and
 * counts (when present) an ep x E i32 tensor whose rows sum to T * K.
 */
function verifySender(op: Operation): LogicalResult {
  const hasWeights = op.numOperands === 3;
  const shapes = readShapes(op, hasWeights ? [tokens("bf16"), tokens("i32"), tokens("f32"), dispatched, null] : [tokens("bf16"), tokens("i32"), dispatched, null]);
  const attrs = readSenderAttrs(op);
  if (!shapes || !attrs) return failure();
  const spec = op.name.definition?.spec;
  const tokensName = spec?.operands[0]?.name ?? "x";
  const [[T, H], [idRows, K]] = shapes as [Shape, Shape];
  const checks = new SizeChecks(op)
    .positive(`tokens of ${tokensName}`, T!)
    .positive(`hidden size of ${tokensName}`, H!)
    .positive("top-k of ids", K!)
    .equal("ids rows", idRows!, `the tokens of ${tokensName}`, T!);
  if (hasWeights) checks.equal("p rows", shapes[2]![0]!, "ids rows", idRows!).equal("p columns", shapes[2]![1]!, "the top-k of ids", K!);
  const { experts, ep, rank } = attrs;
  checks
    .equal(`${spec?.results[0]?.name ?? "recv"} columns`, shapes[op.numOperands]![1]!, `the hidden size of ${tokensName}`, H!)
    .positive("experts", experts)
    .positive("ep", ep)
    .require(experts % ep === 0, () => `experts (${experts}) must be a multiple of ep (${ep})`)
    .require(rank >= 0 && rank < ep, () => `rank (${rank}) must be in [0, ep) with ep = ${ep}`)
    .require(K! <= experts, () => `top-k of ids (${K}) must not exceed experts (${experts})`);
  if (!checks.ok) return checks.result();
  if (attrs.counts !== undefined && verifyCounts(op, attrs.counts, ep, experts, T! * K!, `tokens x top-k = ${T} x ${K}`).failed) return failure();
  return verifyDedupTables(op, T!);
}

/**
 * The row sum each decoded counts matrix was found valid for. Every rank's
 * senders share one uniqued attribute: at EP 256 with 256 experts, checking
 * its 65,536 entries once instead of on all 512 senders saves about 0.6 s.
 */
const validCounts = new WeakMap<CountsMatrix, number>();

/** counts: ep x E i32, non-negative, each source rank's row summing to `rowsPerRank`. O(ep * E), O(1) when seen before. */
function verifyCounts(op: Operation, attr: Attribute, ep: number, experts: number, rowsPerRank: number, limit: string): LogicalResult {
  const counts = readCounts(attr);
  if (!counts || counts.rows !== ep || counts.cols !== experts)
    return op.emitOpError(`counts must be a dense tensor<${ep}x${experts}xi32> (ep x experts) attribute, but got ${printAttributeForDiagnostic(attr)}`);
  if (validCounts.get(counts) === rowsPerRank) return success();
  for (let s = 0; s < ep; s++) {
    let sum = 0;
    for (let g = 0; g < experts; g++) {
      const n = counts.values[s * experts + g]!;
      if (n < 0) return op.emitOpError(`counts[${s}][${g}] (${n}) must be non-negative`);
      sum += n;
    }
    if (sum !== rowsPerRank) return op.emitOpError(`counts of source rank ${s} sum to ${sum} rows, but must equal ${limit} = ${rowsPerRank}`);
  }
  validCounts.set(counts, rowsPerRank);
  return success();
}

//===----------------------------------------------------------------------===//
// Checks against the route's sender
//===----------------------------------------------------------------------===//

/** `localExperts` (a weight's dim 0) must be experts / ep of the op that made `op`'s route operand. */
function checkLocalExperts(checks: SizeChecks, op: Operation, routeIndex: number, what: string, localExperts: number): SizeChecks {
  const sender = routeSender(op.getOperand(routeIndex));
  const attrs = sender && readSenderAttrs(sender);
  if (!attrs || attrs.ep <= 0) return checks;
  const e = attrs.experts / attrs.ep;
  return checks.equal(what, localExperts, `the local experts of the route's ${sender!.name.name}, experts / ep = ${attrs.experts} / ${attrs.ep}`, e);
}

/**
 * `out` (T x H, the tokens returned by combine or dispatch_grad) must have the
 * shape of the tokens the route's sender sent; `p` (when given) its ids' shape.
 */
function checkSenderTokens(checks: SizeChecks, op: Operation, routeIndex: number, out: Shape, p?: Shape): SizeChecks {
  const sender = routeSender(op.getOperand(routeIndex));
  if (!sender) return checks;
  const sent = readShapes(sender, [tokens("bf16"), tokens("i32")]);
  if (!sent) return checks.require(false, () => `route comes from an invalid ${sender.name.name}`);
  const [[T, H], [, K]] = sent as [Shape, Shape];
  const from = `the route's ${sender.name.name}`;
  checks.equal("result rows", out[0]!, `the tokens of ${from}`, T!).equal("result columns", out[1]!, `the hidden size of ${from}`, H!);
  if (p) checks.equal("p rows", p[0]!, `the tokens of ${from}`, T!).equal("p columns", p[1]!, `the top-k of ${from}`, K!);
  return checks;
}

//===----------------------------------------------------------------------===//
// Expert computations
//===----------------------------------------------------------------------===//

/**
 * moe.gmm (rows times w[d]: ? x Kd, e x Kd x N -> ? x N) and, `transposed`,
 * moe.gmm_grad_lhs (rows times w[d]^T: ? x N, e x Kd x N -> ? x Kd).
 */
function groupedMatmulVerifier(transposed: boolean): (op: Operation) => LogicalResult {
  const [inner, outer] = transposed ? [2, 1] : [1, 2];
  return (op) => {
    const shapes = readShapes(op, [dispatched, weights("bf16"), null, dispatched]);
    if (!shapes) return failure();
    const [rows, w, , out] = shapes as [Shape, Shape, Shape, Shape];
    const rowsName = op.name.definition?.spec?.operands[0]?.name ?? "lhs";
    const checks = new SizeChecks(op).equal(`${rowsName} columns`, rows[1]!, `w dim ${inner}`, w[inner]!).equal("result columns", out[1]!, `w dim ${outer}`, w[outer]!);
    return checkLocalExperts(checks, op, 2, "w dim 0", w[0]!).result();
  };
}

/** moe.gmm_grad_weight: (? x Kd, ? x N, route) -> e x Kd x N f32. */
function verifyGmmGradWeight(op: Operation): LogicalResult {
  const shapes = readShapes(op, [dispatched, dispatched, null, weights("f32")]);
  if (!shapes) return failure();
  const [x, dy, , dw] = shapes as [Shape, Shape, Shape, Shape];
  const checks = new SizeChecks(op).equal("result dim 1", dw[1]!, "x columns", x[1]!).equal("result dim 2", dw[2]!, "dy columns", dy[1]!);
  return checkLocalExperts(checks, op, 2, "result dim 0", dw[0]!).result();
}

/** h (? x 2I) splits into gate and up halves of I columns each; `half` must be I. */
function checkHalves(checks: SizeChecks, h: Shape, what: string, half: number): SizeChecks {
  const cols = h[1]!;
  return checks
    .require(cols % 2 === 0, () => `h columns (${cols}) must be even (2 x moe_intermediate: gate and up halves)`)
    .equal(what, half, "half the h columns", cols / 2);
}

/** moe.swiglu: ? x 2I -> ? x I. */
function verifySwiglu(op: Operation): LogicalResult {
  const shapes = readShapes(op, [dispatched, dispatched]);
  if (!shapes) return failure();
  return checkHalves(new SizeChecks(op), shapes[0]!, "result columns", shapes[1]![1]!).result();
}

/** moe.swiglu_grad: (? x 2I, ? x I) -> ? x 2I (the result's type is h's, by AllTypesMatch). */
function verifySwigluGrad(op: Operation): LogicalResult {
  const shapes = readShapes(op, [dispatched, dispatched, dispatched]);
  if (!shapes) return failure();
  return checkHalves(new SizeChecks(op), shapes[0]!, "da columns", shapes[1]![1]!).result();
}

//===----------------------------------------------------------------------===//
// Returning rows to tokens
//===----------------------------------------------------------------------===//

/** moe.combine: (? x H, route, T x K f32) -> T x H. */
function verifyCombine(op: Operation): LogicalResult {
  const shapes = readShapes(op, [dispatched, null, tokens("f32"), tokens("bf16")]);
  if (!shapes) return failure();
  const [y, , p, out] = shapes as [Shape, Shape, Shape, Shape];
  const checks = new SizeChecks(op).equal("result columns", out[1]!, "y columns", y[1]!).equal("result rows", out[0]!, "p rows", p[0]!);
  return checkSenderTokens(checks, op, 1, out, p).result();
}

/** moe.dispatch_grad: (? x H, route) -> T x H. */
function verifyDispatchGrad(op: Operation): LogicalResult {
  const shapes = readShapes(op, [dispatched, null, tokens("bf16")]);
  if (!shapes) return failure();
  const [dx, , out] = shapes as [Shape, Shape, Shape];
  const checks = new SizeChecks(op).equal("result columns", out[1]!, "dx columns", dx[1]!);
  return checkSenderTokens(checks, op, 1, out).result();
}

/** Names both results after their operands' roles (`%recv, %route`), not `%0#0, %0#1`. */
function nameSenderResults(op: Operation, setName: SetValueName): void {
  const spec = op.name.definition?.spec;
  for (let i = 0; i < op.numResults; i++) {
    const name = spec?.results[i]?.name;
    if (name) setName(op.getResult(i), name);
  }
}

export const hooks: DialectHooks = {
  ops: {
    dispatch: { verify: verifySender, getAsmResultNames: nameSenderResults },
    combine_grad: { verify: verifySender, getAsmResultNames: nameSenderResults },
    gmm: { verify: groupedMatmulVerifier(/*transposed=*/ false) },
    gmm_grad_lhs: { verify: groupedMatmulVerifier(/*transposed=*/ true) },
    gmm_grad_weight: { verify: verifyGmmGradWeight },
    swiglu: { verify: verifySwiglu },
    swiglu_grad: { verify: verifySwigluGrad },
    combine: { verify: verifyCombine },
    dispatch_grad: { verify: verifyDispatchGrad },
  },
};
