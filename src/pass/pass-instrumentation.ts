// Hooks around passes and analyses (MLIR's PassInstrumentation): IR printing,
// timing and statistics are instrumentations the driver adds.

import type { Operation } from "../ir/operation.js";
import type { OpPassManager } from "./pass-manager.js";
import type { Pass } from "./pass.js";

/** Override the hooks you need; each is called for every pass run on every op. */
export abstract class PassInstrumentation {
  runBeforePipeline(_pm: OpPassManager, _op: Operation): void {}
  runAfterPipeline(_pm: OpPassManager, _op: Operation): void {}
  runBeforePass(_pass: Pass, _op: Operation): void {}
  runAfterPass(_pass: Pass, _op: Operation): void {}
  runAfterPassFailed(_pass: Pass, _op: Operation): void {}
  runBeforeAnalysis(_name: string, _op: Operation): void {}
  runAfterAnalysis(_name: string, _op: Operation): void {}
}

/**
 * Calls a list of instrumentations: "before" hooks in the order they were
 * added, "after" hooks in reverse, so each one brackets those added later.
 */
export class PassInstrumentor {
  private readonly list: PassInstrumentation[] = [];

  add(i: PassInstrumentation): void {
    this.list.push(i);
  }
  get empty(): boolean {
    return this.list.length === 0;
  }
  runBeforePipeline(pm: OpPassManager, op: Operation): void {
    for (const i of this.list) i.runBeforePipeline(pm, op);
  }
  runAfterPipeline(pm: OpPassManager, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; k--) this.list[k]!.runAfterPipeline(pm, op);
  }
  runBeforePass(pass: Pass, op: Operation): void {
    for (const i of this.list) i.runBeforePass(pass, op);
  }
  runAfterPass(pass: Pass, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; k--) this.list[k]!.runAfterPass(pass, op);
  }
  runAfterPassFailed(pass: Pass, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; k--) this.list[k]!.runAfterPassFailed(pass, op);
  }
  beforeAnalysis(name: string, op: Operation): void {
    for (const i of this.list) i.runBeforeAnalysis(name, op);
  }
  afterAnalysis(name: string, op: Operation): void {
    for (let k = this.list.length - 1; k >= 0; k--) this.list[k]!.runAfterAnalysis(name, op);
  }
}
