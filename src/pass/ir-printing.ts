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
  /** Emits one dump; `op` is the op the pass ran on. */
  write(text: string, op: Operation): void;
}

export class IRPrinterInstrumentation extends PassInstrumentation {
  /** Fingerprints taken before each running pass, for afterOnlyOnChange. */
  private readonly before = new Map<Pass, string>();

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
    this.config.write(`// -----// IR Dump ${when} ${pass.name}${failed} (${pass.argument})${scope} //----- //\n${this.config.printOp(target)}\n\n`, op);
  }
}
