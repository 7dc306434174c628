// moe-verify-config: the module-level checks of a moe program that no single
// op's verifier can make. Every EP rank has exactly one function per pass
// direction, and all ranks agree on the layer: experts, ep, signatures and
// the compile-time routing (`counts`). Read-only; errors are located on the
// function or op concerned, with a note at the one it disagrees with.

import { StringAttr, TypeAttr } from "../src/ir/builtin-attributes.js";
import { FunctionType } from "../src/ir/builtin-types.js";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import { Pass } from "../src/pass/pass.js";
import { option, PassOptions } from "../src/pass/pass-options.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import { kMoeRankAttr, kRouteSenderOps, readI64, readSenderAttrs, type SenderAttrs } from "../dialects/moe-model.js";

type Direction = "forward" | "backward";
const kDirectionOf: Readonly<Record<string, Direction>> = { "moe.dispatch": "forward", "moe.combine_grad": "backward" };

/** One function of the moe program and what the checks compare. */
interface MoeFunction {
  readonly fn: Operation;
  readonly rank: number;
  readonly direction: Direction;
  readonly sender: Operation;
  readonly attrs: SenderAttrs;
  readonly type: Type;
}

export class MoeVerifyConfigPass extends Pass {
  readonly argument = "moe-verify-config";
  readonly name = "MoeVerifyConfig";
  readonly summary = "Check that a moe module holds one function per EP rank and direction, all agreeing on the layer";
  override readonly opName = "builtin.module";
  override readonly options = new PassOptions({
    partial: option("partial", "bool", false, "Accept modules holding only some ranks (each still at most once per direction)"),
  });
  private readonly numFunctions = this.statistic("num-functions", "Number of moe functions checked");

  runOnOperation(): void {
    this.markAllAnalysesPreserved();
    const functions = this.collect(this.getOperation());
    if (!functions) return this.signalPassFailure();
    this.numFunctions.value += functions.length;
    if (functions.length && !this.checkAgreement(functions)) return this.signalPassFailure();
  }

  /**
   * The moe functions directly in `module`: func.func ops with `moe.rank`, or
   * holding a moe sender op. Each needs a valid rank and exactly one sender
   * whose rank is its own. Undefined after reporting a problem. O(ops in the
   * functions' bodies).
   */
  private collect(module: Operation): MoeFunction[] | undefined {
    const out: MoeFunction[] = [];
    const body = module.regions[0]?.entryBlock;
    for (let fn = body?.first ?? null; fn; fn = fn.nextOp) {
      if (fn.name.name !== "func.func") continue;
      const senders: Operation[] = [];
      for (let op = fn.regions[0]?.entryBlock?.first ?? null; op; op = op.nextOp) if (kRouteSenderOps.includes(op.name.name)) senders.push(op);
      const rankAttr = fn.getAttr(kMoeRankAttr);
      if (rankAttr === undefined && senders.length === 0) continue;
      const what = `function @${symbolName(fn)}`;
      if (rankAttr === undefined) return fail(senders[0]!.emitError(`${what} sends moe rows but has no '${kMoeRankAttr}' attribute`));
      const rank = readI64(rankAttr);
      if (rank === undefined) return fail(fn.emitError(`${what}: '${kMoeRankAttr}' must be an i64 attribute`));
      if (senders.length !== 1) return fail(fn.emitError(`${what} must hold exactly one moe.dispatch or moe.combine_grad, but holds ${senders.length}`));
      const sender = senders[0]!;
      const attrs = readSenderAttrs(sender);
      if (!attrs) return fail(sender.emitError(`${what}: ${sender.name.name} lacks its routing attributes`));
      if (rank < 0 || rank >= attrs.ep) return fail(fn.emitError(`${what}: '${kMoeRankAttr}' (${rank}) must be in [0, ep) with ep = ${attrs.ep}`));
      if (attrs.rank !== rank)
        return fail(note(sender.emitError(`${sender.name.name} rank (${attrs.rank}) must equal its function's '${kMoeRankAttr}' (${rank})`), "function here", fn));
      const type = fn.getAttr("function_type");
      if (!(type instanceof TypeAttr)) return fail(fn.emitError(`${what} has no function_type`));
      out.push({ fn, rank, direction: kDirectionOf[sender.name.name]!, sender, attrs, type: type.value });
    }
    return out;
  }

  /**
   * Every function agrees with the first one on experts and ep, the
   * functions of one direction on their signature, all senders on `counts`,
   * the two directions on their shared inputs; each direction present covers
   * every rank once (or at most once, partial).
   */
  private checkAgreement(functions: readonly MoeFunction[]): boolean {
    const first = functions[0]!;
    const { experts, ep } = first.attrs;
    const firstOf = new Map<Direction, MoeFunction>();
    const byRank = new Map<Direction, (MoeFunction | undefined)[]>();
    for (const f of functions) {
      const where = `${f.sender.name.name} of @${symbolName(f.fn)}`;
      const against = `@${symbolName(first.fn)}`;
      if (f.attrs.experts !== experts || f.attrs.ep !== ep)
        return report(f.sender, `${where} has experts = ${f.attrs.experts}, ep = ${f.attrs.ep}, but ${against} has experts = ${experts}, ep = ${ep}`, first.sender);
      if (f.attrs.counts !== first.attrs.counts) {
        const message =
          f.attrs.counts === undefined || first.attrs.counts === undefined
            ? `${where} ${f.attrs.counts === undefined ? "lacks" : "has"} a 'counts' attribute, but ${against} ${first.attrs.counts === undefined ? "lacks" : "has"} one: the routing is known on every rank or on none`
            : `${where} has other 'counts' than ${against}: every rank must see the same routing`;
        return report(f.sender, message, first.sender);
      }
      const same = firstOf.get(f.direction);
      if (!same) firstOf.set(f.direction, f);
      else if (same.type !== f.type)
        return report(f.fn, `@${symbolName(f.fn)} has type ${printTypeForDiagnostic(f.type)}, but the ${f.direction} function @${symbolName(same.fn)} of another rank has ${printTypeForDiagnostic(same.type)}`, same.fn);
      let slots = byRank.get(f.direction);
      if (!slots) byRank.set(f.direction, (slots = new Array<MoeFunction | undefined>(ep)));
      const previous = slots[f.rank];
      if (previous) return report(f.fn, `rank ${f.rank} has a second ${f.direction} function @${symbolName(f.fn)}`, previous.fn);
      slots[f.rank] = f;
    }
    const forward = firstOf.get("forward");
    const backward = firstOf.get("backward");
    if (forward && backward && !this.sharedInputsAgree(forward, backward)) return false;
    if (this.options.values.partial) return true;
    for (const [direction, slots] of byRank) {
      const missing: number[] = [];
      for (let r = 0; r < ep; r++) if (!slots[r]) missing.push(r);
      if (missing.length === 0) continue;
      const plural = missing.length > 1 ? "s" : "";
      firstOf.get(direction)!.fn.emitError(`the ${direction} functions cover ${ep - missing.length} of ep = ${ep} ranks: rank${plural} ${missing.join(", ")} missing`);
      return false;
    }
    return true;
  }

  /** The backward function's (dout, ids, p, w13, w2) have the forward one's (x, ids, p, w13, w2) types. */
  private sharedInputsAgree(forward: MoeFunction, backward: MoeFunction): boolean {
    const fwd = forward.type instanceof FunctionType ? forward.type.inputs : [];
    const bwd = backward.type instanceof FunctionType ? backward.type.inputs : [];
    const names = ["dout", "ids", "p", "w13", "w2"];
    for (let i = 0; i < names.length; i++)
      if (fwd[i] !== bwd[i]) {
        const show = (t: Type | undefined) => (t ? printTypeForDiagnostic(t) : "nothing");
        return report(backward.fn, `backward input #${i} (${names[i]}) has type ${show(bwd[i])}, but the forward function's has ${show(fwd[i])}`, forward.fn);
      }
    return true;
  }
}

function symbolName(fn: Operation): string {
  const name = fn.getAttr("sym_name");
  return name instanceof StringAttr ? name.value : "<unnamed>";
}

function note(diag: Diagnostic, message: string, at: Operation): Diagnostic {
  return diag.attachNote(message, at.loc);
}

/** Reports `message` on `op` with a note at `other` ("the other one"); returns false. */
function report(op: Operation, message: string, other: Operation): false {
  note(op.emitError(message), "compared with this one", other);
  return false;
}

/** Ends `collect` after a diagnostic was reported. */
function fail(_reported: Diagnostic): undefined {
  return undefined;
}
