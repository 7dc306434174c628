// symbol-dce: erases symbols that nothing can reach (MLIR's SymbolDCE). A
// symbol is live if it is public in a visible table or referenced, directly or
// through a nested reference, from a live op or from any non-symbol op of a
// table; dead symbols are erased from every table under the pass's op.

import type { SymbolRefAttr } from "../src/ir/builtin-attributes.js";
import type { Operation } from "../src/ir/operation.js";
import { getNearestSymbolTable, getSymbolUses, getSymbolVisibility, isSymbol, isSymbolTable, lookupSymbolIn, Visibility } from "../src/ir/symbol-table.js";
import { walk } from "../src/ir/walk.js";
import { Pass } from "../src/pass/pass.js";

export class SymbolDCEPass extends Pass {
  readonly argument = "symbol-dce";
  readonly name = "SymbolDCE";
  readonly summary = "Erase private symbols nothing refers to";
  private readonly numDCE = this.statistic("num-dce", "Number of symbols DCE'd");

  runOnOperation(): void {
    const top = this.getOperation();
    if (!isSymbolTable(top)) {
      top.emitOpError(" was scheduled to run under SymbolDCE, but does not define a symbol table");
      return this.signalPassFailure();
    }
    // A table nested in a private symbol is hidden: its public symbols are dead unless used.
    const hidden = top.parentOp === null || !isSymbol(top) ? true : getSymbolVisibility(top) === Visibility.Private;
    const live = new Set<Operation>();
    if (!this.computeLiveness(top, hidden, live)) return this.signalPassFailure();
    const dead: Operation[] = [];
    walk(top, (table) => {
      if (!isSymbolTable(table) || table.regions.length === 0) return;
      for (let b = table.regions[0]!.entryBlock; b; b = b.next) for (let op = b.first; op; op = op.next) if (isSymbol(op) && !live.has(op)) dead.push(op);
    });
    for (const op of dead) op.erase();
    this.numDCE.value += dead.length;
    if (dead.length === 0) this.markAllAnalysesPreserved();
  }

  /** Marks the live symbols of `table` and of the live tables nested in it (MLIR's computeLiveness). */
  private computeLiveness(table: Operation, hidden: boolean, live: Set<Operation>): boolean {
    const work: Operation[] = [];
    if (table.regions.length)
      for (let b = table.regions[0]!.entryBlock; b; b = b.next)
        for (let op = b.first; op; op = op.next) {
          if (!isSymbol(op)) {
            work.push(op);
            continue;
          }
          // MLIR: (hidden || private) && canDiscardOnUseEmpty(), and the
          // latter is "is private" for every symbol we define.
          const discardable = (hidden || getSymbolVisibility(op) === Visibility.Private) && getSymbolVisibility(op) === Visibility.Private;
          if (!discardable && !live.has(op)) {
            live.add(op);
            work.push(op);
          }
        }
    while (work.length) {
      const op = work.pop()!;
      if (isSymbolTable(op)) {
        const innerHidden = hidden || !isSymbol(op) || getSymbolVisibility(op) === Visibility.Private;
        if (!this.computeLiveness(op, innerHidden, live)) return false;
      }
      const uses = getSymbolUses(op);
      if (!uses) {
        op.emitError("operation contains potentially unknown symbol table, meaning that we can't reliable compute symbol uses");
        return false;
      }
      const scope = op.parentOp;
      if (!scope) continue;
      for (const use of uses)
        for (const s of resolveAlongPath(scope, use.ref))
          if (!live.has(s)) {
            live.add(s);
            work.push(s);
          }
    }
    return true;
  }
}

/** Every symbol a reference passes through from `from`'s table: `@a::@b` gives a and b (unknown ones skipped). */
function resolveAlongPath(from: Operation, ref: SymbolRefAttr): Operation[] {
  const out: Operation[] = [];
  // MLIR looks the root up in the nearest symbol table around the user.
  let table = getNearestSymbolTable(from);
  if (!table) return out;
  const names = [ref.root, ...ref.nested];
  for (const name of names) {
    const s: Operation | undefined = lookupSymbolIn(table, name);
    if (!s) return [];
    out.push(s);
    table = s;
  }
  return out;
}
