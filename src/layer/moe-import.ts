// The moe import: a layer config (and its routing, when known at compile
// time) becomes a builtin.module holding one moe-level func.func per EP rank
// and per pass direction (issue 5 contract, "Functions"):
//
//   @moe_ffn_fwd_rank<r>(x, ids, p, w13, w2) -> out
//   @moe_ffn_bwd_rank<r>(dout, ids, p, w13, w2, xin, h, a) -> (dx, dw13, dw2)
//
// Each func carries `moe.rank = r : i64`; the senders carry `counts` when the
// routing is given (absent, the lowering assumes the static worst case).

import type { Attribute } from "../ir/attribute.js";
import { Builder } from "../ir/builder.js";
import { DictionaryAttr, StringAttr, TypeAttr } from "../ir/builtin-attributes.js";
import { FloatType, FunctionType, IntegerType, kDynamic, RankedTensorType } from "../ir/builtin-types.js";
import type { Context } from "../ir/context.js";
import { FileLineColRange, UnknownLoc, type Location } from "../ir/location.js";
import type { Operation } from "../ir/operation.js";
import type { Type } from "../ir/type.js";
import type { Value } from "../ir/value.js";
import { registerBuiltinDialect } from "../dialect/builtin.js";
import { registerFuncDialect } from "../dialect/func.js";
import { registerMoeDialect } from "../dialect/moe.js";
import { countsAttr, i64Attr, kMoeRankAttr, routeType } from "../../dialects/moe-model.js";
import { gatherRowsAttr, kGatherRowsAttr, kUniqueCountsAttr, uniqueCountsAttr } from "../../dialects/moe-dedup.js";
import { gatherRows, uniqueTokenCounts } from "./dedup-layout.js";
import type { LayerConfig } from "./layer-config.js";
import type { Routing } from "./routing.js";

export interface MoeImportOptions {
  /** The ranks to build functions for, in this order (default: every rank 0..ep-1). */
  readonly ranks?: readonly number[];
  /**
   * Adds the deduplication tables (`unique_counts`, `gather_rows`) to the
   * senders, for comm-tiling{dedup=true}; needs `routing`.
   */
  readonly dedup?: boolean;
}

/** The name of the moe function of `rank` for one pass direction. */
export function moeFunctionName(direction: "forward" | "backward", rank: number): string {
  return `moe_ffn_${direction === "forward" ? "fwd" : "bwd"}_rank${rank}`;
}

/** The tensor types of one rank's program, from the config's sizes. */
interface MoeTypes {
  readonly tokens: Type; // T x H bf16
  readonly ids: Type; // T x K i32
  readonly p: Type; // T x K f32
  readonly w13: Type; // e x H x 2I bf16
  readonly w2: Type; // e x I x H bf16
  readonly dw13: Type; // e x H x 2I f32
  readonly dw2: Type; // e x I x H f32
  readonly rowsH: Type; // ? x H bf16 (dispatch layout)
  readonly rows2I: Type; // ? x 2I bf16
  readonly rowsI: Type; // ? x I bf16
}

function moeTypes(ctx: Context, cfg: LayerConfig): MoeTypes {
  const { hidden: H, moeIntermediate: I, experts: E, topK: K } = cfg.model;
  const { ep, tokensPerRank: T } = cfg.parallel;
  const e = E / ep;
  const bf16 = FloatType.get(ctx, "bf16");
  const f32 = FloatType.get(ctx, "f32");
  const tensor = (shape: number[], elt: Type) => RankedTensorType.get(ctx, shape, elt);
  return {
    tokens: tensor([T, H], bf16),
    ids: tensor([T, K], IntegerType.get(ctx, 32)),
    p: tensor([T, K], f32),
    w13: tensor([e, H, 2 * I], bf16),
    w2: tensor([e, I, H], bf16),
    dw13: tensor([e, H, 2 * I], f32),
    dw2: tensor([e, I, H], f32),
    rowsH: tensor([kDynamic, H], bf16),
    rows2I: tensor([kDynamic, 2 * I], bf16),
    rowsI: tensor([kDynamic, I], bf16),
  };
}

/** Appends moe functions to a module: func.func ops tagged with their rank, ending in func.return. */
class FunctionBuilder {
  private readonly b: Builder;
  constructor(
    readonly ctx: Context,
    private readonly module: Operation,
    loc: Location,
  ) {
    this.b = new Builder(ctx);
    this.b.loc = loc;
  }

  /** Appends `@name(inputs) -> results` on `rank`; `body` fills the entry block and returns the results' values. */
  build(name: string, rank: number, inputs: readonly Type[], results: readonly Type[], body: (args: readonly Value[]) => readonly Value[]): Operation {
    const ctx = this.ctx;
    this.b.setInsertionPointToEnd(this.module.regions[0]!.entryBlock!);
    const fn = this.b.create("func.func", {
      regions: 1,
      properties: DictionaryAttr.get(ctx, [
        { name: "sym_name", value: StringAttr.get(ctx, name) },
        { name: "function_type", value: TypeAttr.get(ctx, FunctionType.get(ctx, inputs, results)) },
      ]),
      attributes: [{ name: kMoeRankAttr, value: i64Attr(ctx, rank) }],
    });
    const entry = this.b.createBlock(fn.regions[0]!, inputs);
    const returned = body(entry.args);
    this.b.setInsertionPointToEnd(entry);
    this.b.create("func.return", { operands: returned });
    return fn;
  }

  /** Creates `name` with `operands`, `results` and optional properties; returns its results. */
  op(name: string, operands: readonly Value[], results: readonly Type[], properties?: Attribute): readonly Value[] {
    return this.b.create(name, { operands, results, properties }).results;
  }
}

/** The routing and its uniqued unique_counts attribute, when the senders carry dedup tables. */
interface DedupSource {
  readonly routing: Routing;
  readonly unique: Attribute;
}

/**
 * The routing properties of a sender op (moe.dispatch, moe.combine_grad) on
 * `rank`: experts, ep, rank, `counts` when the routing is known, and the
 * dedup tables when asked for.
 */
function senderProperties(ctx: Context, cfg: LayerConfig, rank: number, counts: Attribute | undefined, dedup: DedupSource | undefined): DictionaryAttr {
  const { experts } = cfg.model;
  const { ep } = cfg.parallel;
  const entries = [
    { name: "experts", value: i64Attr(ctx, experts) as Attribute },
    { name: "ep", value: i64Attr(ctx, ep) },
    { name: "rank", value: i64Attr(ctx, rank) },
  ];
  if (counts) entries.push({ name: "counts", value: counts });
  if (dedup) {
    entries.push({ name: kUniqueCountsAttr, value: dedup.unique });
    entries.push({ name: kGatherRowsAttr, value: gatherRowsAttr(ctx, gatherRows(dedup.routing, rank)) });
  }
  return DictionaryAttr.get(ctx, entries);
}

/** dispatch -> gmm(w13) -> swiglu -> gmm(w2) -> combine. */
function buildForward(fb: FunctionBuilder, t: MoeTypes, rank: number, routing: DictionaryAttr): Operation {
  return fb.build(moeFunctionName("forward", rank), rank, [t.tokens, t.ids, t.p, t.w13, t.w2], [t.tokens], ([x, ids, p, w13, w2]) => {
    const [recv, r] = fb.op("moe.dispatch", [x!, ids!], [t.rowsH, routeType(fb.ctx)], routing);
    const [h] = fb.op("moe.gmm", [recv!, w13!, r!], [t.rows2I]);
    const [a] = fb.op("moe.swiglu", [h!], [t.rowsI]);
    const [y] = fb.op("moe.gmm", [a!, w2!, r!], [t.rowsH]);
    return fb.op("moe.combine", [y!, r!, p!], [t.tokens]);
  });
}

/**
 * combine_grad -> gmm_grad_lhs(w2), gmm_grad_weight(a) -> swiglu_grad ->
 * gmm_grad_lhs(w13), gmm_grad_weight(xin) -> dispatch_grad. `xin`, `h`, `a`
 * are the forward activations saved in the dispatch layout.
 */
function buildBackward(fb: FunctionBuilder, t: MoeTypes, rank: number, routing: DictionaryAttr): Operation {
  const inputs = [t.tokens, t.ids, t.p, t.w13, t.w2, t.rowsH, t.rows2I, t.rowsI];
  return fb.build(moeFunctionName("backward", rank), rank, inputs, [t.tokens, t.dw13, t.dw2], ([dout, ids, p, w13, w2, xin, h, a]) => {
    const [dy, r] = fb.op("moe.combine_grad", [dout!, ids!, p!], [t.rowsH, routeType(fb.ctx)], routing);
    const [da] = fb.op("moe.gmm_grad_lhs", [dy!, w2!, r!], [t.rowsI]);
    const [dw2] = fb.op("moe.gmm_grad_weight", [a!, dy!, r!], [t.dw2]);
    const [dh] = fb.op("moe.swiglu_grad", [h!, da!], [t.rows2I]);
    const [dxRows] = fb.op("moe.gmm_grad_lhs", [dh!, w13!, r!], [t.rowsH]);
    const [dw13] = fb.op("moe.gmm_grad_weight", [xin!, dh!, r!], [t.dw13]);
    const [dx] = fb.op("moe.dispatch_grad", [dxRows!, r!], [t.tokens]);
    return [dx!, dw13!, dw2!];
  });
}

/**
 * Builds the moe-level module of `cfg`: for each rank of `opts.ranks`
 * (default all), `@moe_ffn_fwd_rank<r>` when the config's pass is forward or
 * both, then for each rank `@moe_ffn_bwd_rank<r>` when it is backward or
 * both. `routing` (compile-time known) adds the `counts` attribute to every
 * moe.dispatch and moe.combine_grad. Registers builtin, func and moe in `ctx`.
 * Precondition: `cfg` is valid (parseLayerConfig checked it) and every rank
 * is in [0, ep); `routing`, when given, has `cfg`'s sizes.
 * `opts.dedup` adds the dedup tables (needs `routing`).
 * O(ranks * ep * E) (the counts attribute per op), plus O(ranks * ep * T * K) with dedup.
 */
export function buildMoeModule(ctx: Context, cfg: LayerConfig, routing: Routing | undefined, opts: MoeImportOptions = {}): Operation {
  registerBuiltinDialect(ctx);
  registerFuncDialect(ctx);
  registerMoeDialect(ctx);
  const { ep } = cfg.parallel;
  const ranks = opts.ranks ?? Array.from({ length: ep }, (_, r) => r);
  for (const r of ranks) if (!Number.isInteger(r) || r < 0 || r >= ep) throw new Error(`buildMoeModule: rank ${r} is not in [0, ${ep})`);
  if (routing && (routing.ep !== ep || routing.experts !== cfg.model.experts || routing.topK !== cfg.model.topK || routing.tokensPerRank !== cfg.parallel.tokensPerRank))
    throw new Error("buildMoeModule: the routing's sizes differ from the config's");

  const loc = cfg.source ? FileLineColRange.get(ctx, cfg.source, 1, 1) : UnknownLoc.get(ctx);
  const b = new Builder(ctx);
  b.loc = loc;
  const module = b.create("builtin.module", { regions: 1 });
  b.createBlock(module.regions[0]!);
  const fb = new FunctionBuilder(ctx, module, loc);
  const types = moeTypes(ctx, cfg);
  const counts = routing && countsAttr(ctx, ep, cfg.model.experts, routing.counts);
  if (opts.dedup && !routing) throw new Error("buildMoeModule: dedup needs the routing");
  const dedup = opts.dedup && routing ? { routing, unique: uniqueCountsAttr(ctx, ep, uniqueTokenCounts(routing)) } : undefined;
  if (cfg.pass !== "backward") for (const r of ranks) buildForward(fb, types, r, senderProperties(ctx, cfg, r, counts, dedup));
  if (cfg.pass !== "forward") for (const r of ranks) buildBackward(fb, types, r, senderProperties(ctx, cfg, r, counts, dedup));
  return module;
}
