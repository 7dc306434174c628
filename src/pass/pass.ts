// The pass base class (MLIR's Pass / OperationPass): a named transformation or
// analysis of one op, with typed options, statistics and access to analyses.
// A pass instance runs on one op at a time; the pass manager sets its state.

import type { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";
import type { AnalysisConstructor, AnalysisManager } from "./analysis-manager.js";
import { PreservedAnalyses } from "./analysis-manager.js";
import { PassOptions, type OptionDecls } from "./pass-options.js";

/** A counter a pass reports under `--mlir-pass-statistics` (MLIR's Pass::Statistic). */
export class PassStatistic {
  value = 0;
  constructor(
    readonly name: string,
    readonly description: string,
  ) {}
}

/** What the pass manager hands a pass for one run. */
interface ExecutionState {
  op: Operation;
  am: AnalysisManager;
  failed: boolean;
  preserved: PreservedAnalyses;
}

const kNoOptions = new PassOptions({});

export abstract class Pass {
  /** The command-line and pipeline name, kebab-case: `cse`. */
  abstract readonly argument: string;
  /** The display name used in IR dumps and timing: `CSE`. */
  abstract readonly name: string;
  /** One line for --help and --list-passes. */
  abstract readonly summary: string;
  /** The op this pass is anchored on (`func.func`), or undefined for any op. */
  readonly opName: string | undefined = undefined;
  /** The pass's options; passes with options override this. */
  readonly options: PassOptions<OptionDecls> = kNoOptions;
  /** Statistics, in declaration order. */
  readonly statistics: PassStatistic[] = [];
  private state: ExecutionState | undefined;

  /** The transformation. Report failure with signalPassFailure(). */
  abstract runOnOperation(): void;

  /**
   * Whether this pass may run on ops named `opName` (beyond its anchor):
   * MLIR's canScheduleOn, used for `any(...)` pipelines.
   */
  canScheduleOn(opName: string): boolean {
    return this.opName === undefined || this.opName === opName;
  }

  /** Declares a statistic (call from a field initializer). */
  protected statistic(name: string, description: string): PassStatistic {
    const s = new PassStatistic(name, description);
    this.statistics.push(s);
    return s;
  }

  //===--------------------------------------------------------------------===//
  // During a run
  //===--------------------------------------------------------------------===//

  /** The op being transformed. */
  getOperation(): Operation {
    return this.current().op;
  }
  getContext(): Context {
    return this.current().op.context;
  }
  /** Marks this run failed; the pass manager stops after the pass returns. */
  signalPassFailure(): void {
    this.current().failed = true;
  }
  getAnalysis<T>(ctor: AnalysisConstructor<T>): T {
    return this.current().am.getAnalysis(ctor);
  }
  getCachedAnalysis<T>(ctor: AnalysisConstructor<T>): T | undefined {
    return this.current().am.getCachedAnalysis(ctor);
  }
  getChildAnalysis<T>(child: Operation, ctor: AnalysisConstructor<T>): T {
    return this.current().am.getChildAnalysis(child, ctor);
  }
  /** The pass changed nothing an analysis depends on (typically: it changed nothing). */
  markAllAnalysesPreserved(): void {
    this.current().preserved.preserveAll();
  }
  markAnalysesPreserved(...ctors: AnalysisConstructor<unknown>[]): void {
    this.current().preserved.preserve(...ctors);
  }

  /**
   * @internal Runs the pass on `op` (the pass manager's entry point). Returns
   * whether it succeeded and what it preserved.
   */
  run(op: Operation, am: AnalysisManager): { failed: boolean; preserved: PreservedAnalyses } {
    const state: ExecutionState = { op, am, failed: false, preserved: PreservedAnalyses.none() };
    this.state = state;
    try {
      this.runOnOperation();
    } finally {
      this.state = undefined;
    }
    return { failed: state.failed, preserved: state.preserved };
  }

  /** `argument{options}` as it appears in pipeline text. */
  printAsTextualPipeline(): string {
    return this.argument + this.options.print();
  }

  private current(): ExecutionState {
    if (!this.state) throw new Error(`pass '${this.argument}' used outside of a run`);
    return this.state;
  }
}
