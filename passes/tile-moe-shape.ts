// The sizes a per-rank moe function describes (T, H, I, E, K, ep, rank and,
// when routing is known at compile time, the ep x E routed-row counts), read
// from its moe ops so moe-to-tile can lay out buffers and tiles.

import { intAttrValue } from "../src/ir/int-attr.js";
import { DenseIntOrFPElementsAttr } from "../src/ir/builtin-attributes.js";
import { IntegerType, ShapedType, kDynamic } from "../src/ir/builtin-types.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import type { MoeSizes } from "../src/layer/moe-sizes.js";

export type Direction = "fwd" | "bwd";

/** A rank's function: the layer's sizes (src/layer/moe-sizes.ts) plus what the function itself fixes. */
export interface MoeShape extends MoeSizes {
  readonly direction: Direction;
  readonly rank: number;
  /** ep*E routed rows (counts[s*E + g]), or undefined: lower for the static worst case. */
  readonly counts: Int32Array | undefined;
  /** The op that carries routing (`moe.dispatch` / `moe.combine_grad`), for diagnostics. */
  readonly anchor: Operation;
}

/** The ops each direction's canonical chain holds, with how many of each. */
const kChains: Record<Direction, Record<string, number>> = {
  fwd: { "moe.dispatch": 1, "moe.gmm": 2, "moe.swiglu": 1, "moe.combine": 1 },
  bwd: { "moe.combine_grad": 1, "moe.gmm_grad_lhs": 2, "moe.gmm_grad_weight": 2, "moe.swiglu_grad": 1, "moe.dispatch_grad": 1 },
};

function dims(t: Type): readonly number[] | undefined {
  return t instanceof ShapedType ? t.shape : undefined;
}

/** The i32 entries of a dense elements attribute (splat expanded to `n`), or undefined. */
function denseI32(a: unknown, n: number): Int32Array | undefined {
  if (!(a instanceof DenseIntOrFPElementsAttr)) return undefined;
  const el = a.type.elementType;
  if (!(el instanceof IntegerType) || el.width !== 32) return undefined;
  const view = new DataView(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const out = new Int32Array(n);
  if (a.isSplat) out.fill(view.getInt32(0, true));
  else if (a.data.byteLength === n * 4) for (let i = 0; i < n; i++) out[i] = view.getInt32(i * 4, true);
  else return undefined;
  return out;
}

/** Whether `func` holds moe ops (and so is a function moe-to-tile lowers). */
export function isMoeFunction(func: Operation): boolean {
  const body = func.regions[0]?.entryBlock;
  for (let op = body?.first ?? null; op; op = op.next) if (op.name.name.startsWith("moe.")) return true;
  return false;
}

/**
 * The shape of moe function `func`, or undefined after a located error when
 * it is not one canonical forward or backward chain (the ops of kChains, as
 * `moe-import` builds them) or its sizes disagree.
 */
export function readMoeShape(func: Operation): MoeShape | undefined {
  const body = func.regions[0]?.entryBlock;
  const found = new Map<string, Operation[]>();
  for (let op = body?.first ?? null; op; op = op.next) {
    const n = op.name.name;
    if (!n.startsWith("moe.")) continue;
    let list = found.get(n);
    if (!list) found.set(n, (list = []));
    list.push(op);
  }
  const direction: Direction = found.has("moe.combine_grad") || found.has("moe.dispatch_grad") ? "bwd" : "fwd";
  const chain = kChains[direction];
  for (const [name, count] of Object.entries(chain)) {
    if ((found.get(name)?.length ?? 0) !== count) {
      func.emitOpError(`moe-to-tile expects the ${direction === "fwd" ? "forward" : "backward"} MoE FFN chain (${Object.entries(chain).map(([n, c]) => `${c} x ${n}`).join(", ")}); found ${found.get(name)?.length ?? 0} x ${name}`);
      return undefined;
    }
  }
  for (const name of found.keys())
    if (!(name in chain)) {
      found.get(name)![0]!.emitOpError(`cannot be lowered by moe-to-tile in a ${direction === "fwd" ? "forward" : "backward"} function`);
      return undefined;
    }
  const anchor = found.get(direction === "fwd" ? "moe.dispatch" : "moe.combine_grad")![0]!;
  const x = anchor.numOperands >= 2 ? dims(anchor.getOperand(0).type) : undefined;
  const ids = anchor.numOperands >= 2 ? dims(anchor.getOperand(1).type) : undefined;
  const experts = intAttrValue(anchor.getAttr("experts"));
  const ep = intAttrValue(anchor.getAttr("ep"));
  const rank = intAttrValue(anchor.getAttr("rank"));
  if (!x || x.length !== 2 || !ids || ids.length !== 2 || experts === undefined || ep === undefined || rank === undefined) {
    anchor.emitOpError("needs static 2-D token and id operands and 'experts', 'ep', 'rank' integer attributes to be lowered to tiles");
    return undefined;
  }
  const [T, H] = x as [number, number];
  const K = ids[1]!;
  // I from the SwiGLU: forward result ?xI, backward operand `da` ?xI.
  const sw = direction === "fwd" ? found.get("moe.swiglu")![0]!.results[0] : found.get("moe.swiglu_grad")![0]!.operands[1]?.value;
  const I = sw ? dims(sw.type)?.[1] : undefined;
  if ([T, H, K, I].some((v) => v === undefined || v === kDynamic || v <= 0) || ep <= 0 || experts <= 0 || experts % ep !== 0 || rank < 0 || rank >= ep) {
    anchor.emitOpError(`has sizes moe-to-tile cannot tile: T=${T} H=${H} K=${K} I=${I} experts=${experts} ep=${ep} rank=${rank}`);
    return undefined;
  }
  let counts: Int32Array | undefined;
  const countsAttr = anchor.getAttr("counts");
  if (countsAttr !== undefined) {
    counts = denseI32(countsAttr, ep * experts);
    if (!counts) {
      anchor.emitOpError(`'counts' must be a dense tensor<${ep}x${experts}xi32>`);
      return undefined;
    }
    const bad = counts.findIndex((c) => c < 0 || c > T);
    if (bad >= 0) {
      anchor.emitOpError(`'counts' entry [${Math.floor(bad / experts)}][${bad % experts}] = ${counts[bad]} is outside [0, ${T}] (tokens per rank)`);
      return undefined;
    }
  }
  return { direction, rank, ep, experts, topK: K, tokensPerRank: T, hidden: H, inter: I!, counts, anchor };
}
