// Analyses computed on demand and cached per operation (MLIR's
// AnalysisManager): a pass asks for an analysis of its op, gets the cached one
// if an earlier pass left it valid, and says which analyses it preserved so
// the rest are dropped after it runs.

import type { Operation } from "../ir/operation.js";

/** An analysis class: built from the op it analyses (and the manager, to use other analyses). */
export type AnalysisConstructor<T> = new (op: Operation, am: AnalysisManager) => T;

/** Analyses may decide themselves whether a pass invalidated them (MLIR's isInvalidated hook). */
interface SelfInvalidating {
  isInvalidated(preserved: PreservedAnalyses): boolean;
}

/** What a pass kept valid: all analyses, or a set of analysis classes. */
export class PreservedAnalyses {
  private all = false;
  private readonly kept = new Set<AnalysisConstructor<unknown>>();

  static none(): PreservedAnalyses {
    return new PreservedAnalyses();
  }
  static allPreserved(): PreservedAnalyses {
    const p = new PreservedAnalyses();
    p.all = true;
    return p;
  }
  preserveAll(): void {
    this.all = true;
  }
  preserve(...ctors: AnalysisConstructor<unknown>[]): void {
    for (const c of ctors) this.kept.add(c);
  }
  get isAll(): boolean {
    return this.all;
  }
  get isNone(): boolean {
    return !this.all && this.kept.size === 0;
  }
  isPreserved(ctor: AnalysisConstructor<unknown>): boolean {
    return this.all || this.kept.has(ctor);
  }
}

/** Hooks the pass manager's instrumentation sees around each analysis computation. */
export interface AnalysisObserver {
  beforeAnalysis(name: string, op: Operation): void;
  afterAnalysis(name: string, op: Operation): void;
}

/**
 * The analyses of one op, plus one nested manager per child op analysed
 * through it. Cached analyses live until a pass on this op (or an enclosing
 * one) fails to preserve them.
 */
export class AnalysisManager {
  private readonly cache = new Map<AnalysisConstructor<unknown>, unknown>();
  private readonly children = new Map<Operation, AnalysisManager>();

  constructor(
    readonly op: Operation,
    readonly parent?: AnalysisManager,
    private readonly observer?: AnalysisObserver,
  ) {}

  /** The analysis `ctor` of this op, computed now if not cached. */
  getAnalysis<T>(ctor: AnalysisConstructor<T>): T {
    if (this.cache.has(ctor)) return this.cache.get(ctor) as T;
    this.observer?.beforeAnalysis(ctor.name, this.op);
    const a = new ctor(this.op, this);
    this.observer?.afterAnalysis(ctor.name, this.op);
    this.cache.set(ctor, a);
    return a;
  }

  /** The cached analysis `ctor` of this op, or undefined. */
  getCachedAnalysis<T>(ctor: AnalysisConstructor<T>): T | undefined {
    return this.cache.get(ctor) as T | undefined;
  }

  /** The cached analysis of the enclosing `parentOp` (an ancestor being analysed), or undefined. */
  getCachedParentAnalysis<T>(parentOp: Operation, ctor: AnalysisConstructor<T>): T | undefined {
    for (let am = this.parent; am; am = am.parent) if (am.op === parentOp) return am.getCachedAnalysis(ctor);
    return undefined;
  }

  /** The analysis `ctor` of `child`, an op nested in this one. */
  getChildAnalysis<T>(child: Operation, ctor: AnalysisConstructor<T>): T {
    return this.nest(child).getAnalysis(ctor);
  }

  /** The manager of `child`'s analyses (created on first use). */
  nest(child: Operation): AnalysisManager {
    let am = this.children.get(child);
    if (!am) this.children.set(child, (am = new AnalysisManager(child, this, this.observer)));
    return am;
  }

  /**
   * Drops what `preserved` does not keep, here and in every nested manager
   * (a pass on an op may have changed anything inside it).
   */
  invalidate(preserved: PreservedAnalyses): void {
    if (preserved.isAll) return;
    const stack: AnalysisManager[] = [this];
    while (stack.length) {
      const am = stack.pop()!;
      for (const [ctor, a] of am.cache) {
        const self = a as Partial<SelfInvalidating>;
        const stale = typeof self.isInvalidated === "function" ? self.isInvalidated(preserved) : !preserved.isPreserved(ctor);
        if (stale) am.cache.delete(ctor);
      }
      // Nested ops may have been erased: forget their managers outright.
      if (preserved.isNone) am.children.clear();
      else for (const c of am.children.values()) stack.push(c);
    }
  }
}
