// Op-anchored pass pipelines (MLIR's OpPassManager / PassManager): a list of
// passes and nested pipelines, each nested one running on the ops directly
// inside the regions of its parent's op whose name matches its anchor.
// Verification after every pass (on by default), instrumentation hooks and an
// analysis cache shared along the pipeline.

import { Severity } from "../ir/diagnostics.js";
import { failure, success, type LogicalResult } from "../ir/logical-result.js";
import type { Operation } from "../ir/operation.js";
import { verify } from "../ir/verifier.js";
import { AnalysisManager, PreservedAnalyses } from "./analysis-manager.js";
import { PassInstrumentor, type PassInstrumentation } from "./pass-instrumentation.js";
import { Pass } from "./pass.js";
import type { Timer } from "./timing.js";

/** The anchor of a pipeline that runs on any op its passes accept. */
export const kAnyOp = "any";

/** A pass, or a nested pipeline. */
export type PipelineElement = Pass | OpPassManager;

/** A thrown programming error in building a pipeline (MLIR aborts with the same words). */
export class PipelineBuildError extends Error {}

export class OpPassManager {
  readonly elements: PipelineElement[] = [];

  /** `anchor` is an op name (`func.func`) or kAnyOp. */
  constructor(readonly anchor: string) {}

  /** Appends `pass`; it must accept this pipeline's anchor. */
  addPass(pass: Pass): void {
    if (pass.opName !== undefined && pass.opName !== this.anchor)
      throw new PipelineBuildError(
        `Can't add pass '${pass.name}' restricted to '${pass.opName}' on a PassManager intended to run on '${this.anchor}', did you intend to nest?`,
      );
    this.elements.push(pass);
  }

  /** Appends and returns a nested pipeline on ops named `anchor` (or kAnyOp). */
  nest(anchor: string): OpPassManager {
    const pm = new OpPassManager(anchor);
    this.elements.push(pm);
    return pm;
  }

  nestAny(): OpPassManager {
    return this.nest(kAnyOp);
  }

  /** Number of elements (a nested pipeline counts once, as in mlir-opt's "Pass Manager with N passes"). */
  get size(): number {
    return this.elements.length;
  }

  /** Whether every pass of this pipeline (and nested ones) can run on ops named `opName`. */
  canScheduleOn(opName: string): boolean {
    if (this.anchor !== kAnyOp) return this.anchor === opName;
    return this.elements.every((e) => (e instanceof Pass ? e.canScheduleOn(opName) : true));
  }

  /** The pipeline as text that parses back to it: `func.func(cse,canonicalize{...})`. */
  printAsTextualPipeline(): string {
    return this.anchor + "(" + this.elements.map((e) => e.printAsTextualPipeline()).join(",") + ")";
  }

  /** The indented form of --dump-pass-pipeline (without its header). */
  printIndented(indent = ""): string {
    const inner = indent + "  ";
    const lines = this.elements.map((e) => (e instanceof Pass ? inner + e.printAsTextualPipeline() : e.printIndented(inner)));
    return indent + this.anchor + "(\n" + (lines.length ? lines.join(",\n") : "") + "\n" + indent + ")";
  }
}

/** The top-level pipeline: runs on one op with verification and instrumentation. */
export class PassManager extends OpPassManager {
  /** Verify after every pass that changed the IR (mlir-opt's --verify-each, default on). */
  verifyPasses = true;
  private readonly instrumentor = new PassInstrumentor();
  /** The pass that failed first in the last run, and the op it ran on. */
  lastFailure: { pass: Pass; op: Operation } | undefined;
  /**
   * Called once per run, right after the first pass failure (before later
   * passes emit anything): where crash reproducers are made.
   */
  onFirstFailure: ((pass: Pass, op: Operation) => void) | undefined;
  /** The timer passes and nested pipelines time themselves under, when timing is on. */
  private timer: Timer | undefined;

  addInstrumentation(i: PassInstrumentation): void {
    this.instrumentor.add(i);
  }

  /** Times every pass and nested pipeline under `parent` (one timer per pipeline element, summed over ops). */
  enableTiming(parent: Timer): void {
    this.timer = parent;
  }

  /** --dump-pass-pipeline's text. */
  dump(): string {
    return `Pass Manager with ${this.size} passes:\n${this.printIndented()}\n\n`;
  }

  /**
   * Runs the pipeline on `op`. Stops at the first failing pass; errors are in
   * the context's diagnostics.
   */
  run(op: Operation): LogicalResult {
    if (this.anchor !== kAnyOp && op.name.name !== this.anchor) {
      op.context.diagnostics.emit(Severity.Error, op.loc, `can't run '${this.anchor}' pass manager on '${op.name.name}' op`);
      return failure();
    }
    const am = new AnalysisManager(op, undefined, this.instrumentor);
    this.lastFailure = undefined;
    return this.runPipeline(this, op, am) ? success() : failure();
  }

  private runPipeline(pm: OpPassManager, op: Operation, am: AnalysisManager): boolean {
    this.instrumentor.runBeforePipeline(pm, op);
    let ok = true;
    for (const e of pm.elements) {
      ok = e instanceof Pass ? this.runPass(e, op, am) : this.runNested(e, op, am);
      if (!ok) break;
    }
    this.instrumentor.runAfterPipeline(pm, op);
    return ok;
  }

  private runPass(pass: Pass, op: Operation, am: AnalysisManager): boolean {
    const timer = this.timer?.child(pass, pass.name);
    timer?.start();
    try {
      return this.runPassUntimed(pass, op, am);
    } finally {
      timer?.stop();
    }
  }

  private runPassUntimed(pass: Pass, op: Operation, am: AnalysisManager): boolean {
    this.instrumentor.runBeforePass(pass, op);
    const { failed, preserved } = pass.run(op, am);
    am.invalidate(preserved);
    // A pass that preserved everything changed nothing: no need to re-verify.
    const ok = !failed && (!this.verifyPasses || preserved.isAll || !verify(op).failed);
    if (ok) this.instrumentor.runAfterPass(pass, op);
    else {
      this.instrumentor.runAfterPassFailed(pass, op);
      if (!this.lastFailure) {
        this.lastFailure = { pass, op };
        this.onFirstFailure?.(pass, op);
      }
    }
    return ok;
  }

  /** Runs `nested` on each op directly inside `op`'s regions that it can schedule on. */
  private runNested(nested: OpPassManager, op: Operation, am: AnalysisManager): boolean {
    const targets: Operation[] = [];
    for (const region of op.regions)
      for (let b = region.entryBlock; b; b = b.next)
        for (let child = b.first; child; child = child.next) if (nested.canScheduleOn(child.name.name)) targets.push(child);
    // Every target runs even after one fails (mlir-opt reports them all).
    let ok = true;
    const outer = this.timer;
    // mlir-opt's adaptor timer (shown by the list display only), then one per pipeline.
    const adaptor = outer?.child(nested, `Pipeline Collection : ['${nested.anchor}']`, /*hidden=*/ true);
    const timer = adaptor?.child(nested, `'${nested.anchor}' Pipeline`);
    adaptor?.start();
    try {
      for (const child of targets) {
        timer?.start();
        this.timer = timer;
        if (!this.runPipeline(nested, child, am.nest(child))) ok = false;
        this.timer = outer;
        timer?.stop();
      }
    } finally {
      this.timer = outer;
      adaptor?.stop();
    }
    if (!ok) return false;
    // The nested passes may have changed anything the parent's analyses saw.
    if (targets.length) am.invalidate(PreservedAnalyses.none());
    // MLIR verifies the parent alone after its nested pipelines (the children were verified already).
    return !this.verifyPasses || targets.length === 0 || !verify(op, { verifyRecursively: false }).failed;
  }
}
