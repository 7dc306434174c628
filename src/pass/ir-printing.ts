// IR dumps around passes (MLIR's IRPrinterInstrumentation), driven by
// --mlir-print-ir-before/after(-all), -after-change, -after-failure and
// -module-scope, with mlir-opt's headers.

import type { Operation } from "../ir/operation.js";
import { getSymbolName } from "../ir/symbol-table.js";
import { PassInstrumentation } from "./pass-instrumentation.js";
import type { Pass } from "./pass.js";

export interface IRPrintingConfig {
  printBefore(pass: Pass): boolean;
  printAfter(pass: Pass): boolean;
  /** Print after a pass only if it changed the IR (locations included). */
  afterOnlyOnChange: boolean;
  /** Print after a pass only if it failed. */
  afterOnlyOnFailure: boolean;
  /** Print the whole top-level op instead of the op the pass ran on. */
  moduleScope: boolean;
  /** The IR text of `op` (top-level or nested), as the output printer would show it. */
  printOp(op: Operation): string;
  /** A fingerprint of `op` that changes when anything in it changes (for afterOnlyOnChange). */
  fingerprint(op: Operation): string;
  /**
   * Emits one dump; `op` is the op the pass ran on, `treePath` where
   * --mlir-print-ir-tree-dir would put it (relative, `/`-separated).
   */
  write(text: string, op: Operation, treePath: string): void;
}

export class IRPrinterInstrumentation extends PassInstrumentation {
  /** Fingerprints taken before each running pass, for afterOnlyOnChange. */
  private readonly before = new Map<Pass, string>();
  /** Dumps so far per op, for tree paths (MLIR's counters, quirks included). */
  private readonly counters = new Map<Operation, number>();

  constructor(private readonly config: IRPrintingConfig) {
    super();
  }

  override runBeforePass(pass: Pass, op: Operation): void {
    if (this.config.afterOnlyOnChange) this.before.set(pass, this.config.fingerprint(op));
    if (this.config.printBefore(pass)) this.dump("Before", pass, op);
  }

  override runAfterPass(pass: Pass, op: Operation): void {
    const before = this.before.get(pass);
    this.before.delete(pass);
    if (this.config.afterOnlyOnFailure || !this.config.printAfter(pass)) return;
    if (before !== undefined && before === this.config.fingerprint(op)) return;
    this.dump("After", pass, op);
  }

  override runAfterPassFailed(pass: Pass, op: Operation): void {
    this.before.delete(pass);
    if (!this.config.afterOnlyOnFailure && !this.config.printAfter(pass)) return;
    this.dump("After", pass, op, " Failed");
  }

  private dump(when: string, pass: Pass, op: Operation, failed = ""): void {
    let target = op;
    let scope = "";
    if (this.config.moduleScope && op.parentOp) {
      while (target.parentOp) target = target.parentOp;
      const sym = getSymbolName(op);
      scope = ` ('${op.name.name}' operation${sym === undefined ? "" : ": @" + sym})`;
    }
    this.config.write(
      `// -----// IR Dump ${when} ${pass.name}${failed} (${pass.argument})${scope} //----- //\n${this.config.printOp(target)}\n\n`,
      op,
      this.treePath(op, pass.argument),
    );
  }

  /**
   * `builtin_module_no-symbol-name/func_func_f/0_1_cse.mlir`: one directory
   * per ancestor (op name with `.` as `_`, then its symbol name), and a file
   * named by the ancestors' dump counters. As in MLIR, an ancestor never
   * dumped itself counts 0 and then starts from 1.
   */
  private treePath(op: Operation, argument: string): string {
    this.counters.set(op, (this.counters.get(op) ?? -1) + 1);
    const dirs: string[] = [];
    const counts: number[] = [];
    for (let o: Operation | null = op; o; o = o.parentOp) {
      if (!this.counters.has(o)) this.counters.set(o, 0);
      counts.push(this.counters.get(o)!);
      dirs.push(`${o.name.name.split(".").join("_")}_${getSymbolName(o) ?? "no-symbol-name"}`);
    }
    return [...dirs.reverse(), `${counts.reverse().join("_")}_${argument}.mlir`].join("/");
  }
}
