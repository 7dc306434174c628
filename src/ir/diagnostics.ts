// Diagnostics: located errors, warnings, remarks and notes, collected by the
// context's engine and delivered to handlers in emission order.

import type { Location } from "./location.js";
import type { LogicalResult } from "./logical-result.js";

export enum Severity {
  Note = 0,
  Remark = 1,
  Warning = 2,
  Error = 3,
}

/**
 * One diagnostic with its notes. Usable as a LogicalResult (failed when it is
 * an error), so `return op.emitOpError("…")` reports and fails in one step.
 */
export class Diagnostic implements LogicalResult {
  readonly notes: Diagnostic[] = [];
  constructor(
    readonly severity: Severity,
    readonly loc: Location,
    public message: string,
  ) {}
  get failed(): boolean {
    return this.severity === Severity.Error;
  }
  /** Appends a note (at `loc`, or at this diagnostic's location) and returns it. */
  attachNote(message: string, loc?: Location): Diagnostic {
    const note = new Diagnostic(Severity.Note, loc ?? this.loc, message);
    this.notes.push(note);
    return note;
  }
  /** Appends text to the message; returns this for chaining. */
  append(text: string): this {
    this.message += text;
    return this;
  }
}

/** Receives each diagnostic once, after its emitter had the chance to attach notes. */
export type DiagnosticHandler = (diag: Diagnostic) => void;

/**
 * Buffers diagnostics and delivers them on `flush()` to the innermost handler
 * (a stack, like MLIR's ScopedDiagnosticHandler). Buffering lets notes be
 * attached after emission, which MLIR achieves with in-flight diagnostics.
 * Undelivered diagnostics with no handler stay buffered until `takeAll()`.
 */
export class DiagnosticEngine {
  private readonly pending: Diagnostic[] = [];
  private readonly handlers: DiagnosticHandler[] = [];
  private errors = 0;

  emit(severity: Severity, loc: Location, message: string): Diagnostic {
    const d = new Diagnostic(severity, loc, message);
    if (severity === Severity.Error) this.errors++;
    this.pending.push(d);
    return d;
  }
  /** Number of errors emitted since creation or the last `resetErrorCount()`. */
  get numErrors(): number {
    return this.errors;
  }
  resetErrorCount(): void {
    this.errors = 0;
  }
  pushHandler(handler: DiagnosticHandler): void {
    this.handlers.push(handler);
  }
  popHandler(handler: DiagnosticHandler): void {
    const i = this.handlers.lastIndexOf(handler);
    if (i >= 0) this.handlers.splice(i, 1);
  }
  /** Delivers buffered diagnostics to the innermost handler, if any. */
  flush(): void {
    const h = this.handlers[this.handlers.length - 1];
    if (!h) return;
    const batch = this.pending.splice(0, this.pending.length);
    for (const d of batch) h(d);
  }
  /**
   * Runs `fn` and drops the diagnostics it emits (and their error count):
   * for checks whose failure is an answer, not a report, such as the
   * printer's "does this verify?" (MLIR prints unverifiable IR generically).
   */
  suppress<T>(fn: () => T): T {
    const numPending = this.pending.length;
    const errors = this.errors;
    try {
      return fn();
    } finally {
      this.pending.length = numPending;
      this.errors = errors;
    }
  }
  /** Removes and returns every buffered diagnostic. */
  takeAll(): Diagnostic[] {
    return this.pending.splice(0, this.pending.length);
  }
}
