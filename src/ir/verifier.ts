// The IR verifier (MLIR's mlir::verify): structural checks, op traits and
// definition hooks, then SSA dominance, in mlir-opt 22's order and wording.
// Everything runs on explicit stacks, so nesting depth is unbounded.

import type { Block } from "./block.js";
import { Severity } from "./diagnostics.js";
import { DominanceInfo } from "./dominance.js";
import { UnknownLoc, type Location } from "./location.js";
import { failure, success, type LogicalResult } from "./logical-result.js";
import type { Operation } from "./operation.js";
import { OpTrait, RegionKind, type OpDefinition } from "./operation-name.js";
import type { Region } from "./region.js";
import { verifySymbol, verifySymbolTable } from "./symbol-table.js";
import { BlockArgument, OpResult, type Value } from "./value.js";

/** How to verify. */
export interface VerifyOptions {
  /**
   * Prints an op in generic form, for messages that quote an op ("block with
   * no terminator, has …") and for the `see current operation` note.
   */
  printOp?: (op: Operation, severity: Severity) => string;
  /**
   * Attach `see current operation: …` to errors reported by ops while
   * verifying (MLIR's printOpOnDiagnostic; mlir-opt turns it off under
   * `--verify-diagnostics`). Default true; needs `printOp` (or a printer
   * already installed as `ctx.diagnosticOpPrinter`).
   */
  printOpOnDiagnostic?: boolean;
  /** Also verify nested ops (MLIR's verifyRecursively). Default true. */
  verifyRecursively?: boolean;
}

/**
 * Verifies `op` and, by default, everything nested in it, as MLIR does:
 *
 * 1. Per op, on entry: trait checks and the definition's `verify`, graph
 *    regions with one block at most, entry blocks without predecessors; per
 *    block: a terminator unless the region may omit it, successors only on
 *    the last op and only to blocks of the same region.
 * 2. Per op, on exit: its IsolatedFromAbove children are verified completely
 *    (all of them, even after one fails), then region traits
 *    (IsolatedFromAbove, SymbolTable) and the definition's `verifyRegions`;
 *    unregistered ops are rejected unless allowed.
 * 3. Then SSA dominance of every operand in reachable blocks of SSACFG regions.
 *
 * Verification of one op stops at its first error; errors are reported to
 * `op.context.diagnostics` and the result is failure. Linear in the size of
 * the IR (dominance trees are built once per multi-block region).
 */
export function verify(op: Operation, options: VerifyOptions = {}): LogicalResult {
  const ctx = op.context;
  const saved = ctx.diagnosticOpPrinter;
  const printer = options.printOp ?? saved;
  ctx.diagnosticOpPrinter = options.printOpOnDiagnostic === false ? undefined : printer;
  try {
    const v = new OperationVerifier(options.verifyRecursively ?? true, printer);
    return v.run(op) ? success() : failure();
  } finally {
    ctx.diagnosticOpPrinter = saved;
  }
}

//===----------------------------------------------------------------------===//
// Helpers shared by the checks
//===----------------------------------------------------------------------===//

/** The block holding `v`'s definition, or null for results of detached ops. */
function definingBlock(v: Value): Block | null {
  return v instanceof OpResult ? v.owner.parent : (v as BlockArgument).owner;
}

/** The region holding `v`'s definition, or null for results of detached ops. */
function valueRegion(v: Value): Region | null {
  if (v instanceof BlockArgument) return v.owner.parent;
  const b = v.parentBlock;
  return b ? b.parent : null;
}

/**
 * Whether `block` may lack a terminator (MLIR's mayBeValidWithoutTerminator):
 * it is detached, or alone in a region of no op, of an unregistered op or of
 * a NoTerminator op.
 */
function mayBeValidWithoutTerminator(block: Block): boolean {
  const region = block.parent;
  if (!region) return true;
  if (region.entryBlock !== region.lastBlock) return false;
  const op = region.parent;
  return !op || op.name.mightHaveTrait(OpTrait.NoTerminator);
}

function regionKindOf(def: OpDefinition, index: number): RegionKind {
  return def.regionKind ? def.regionKind(index) : RegionKind.SSACFG;
}

/** An error at a location that is not an op's own (MLIR's free emitError: no op note). */
function emitErrorAt(op: Operation, loc: Location, message: string): void {
  op.context.diagnostics.emit(Severity.Error, loc, message);
}

//===----------------------------------------------------------------------===//
// OperationVerifier
//===----------------------------------------------------------------------===//

/** Work item kinds of the structural walk (MLIR's verifyOnEntrance/verifyOnExit). */
const enum Item {
  OpEnter,
  OpExit,
  BlockEnter,
  /** The ops of a block from this one on (a cursor, so the stack stays O(depth)). */
  BlockOps,
  BlockExit,
  /** Verifying the IsolatedFromAbove children of an op, one at a time. */
  IsolatedNext,
  /** End of one verifyOpAndDominance: run dominance, report to the IsolatedNext below. */
  RootDone,
}

/** Progress through an op's IsolatedFromAbove children. */
interface IsolatedState {
  readonly op: Operation;
  readonly children: Operation[];
  next: number;
  failed: boolean;
}

class OperationVerifier {
  private readonly dom = new DominanceInfo();
  // The work stack, as two parallel arrays (no object per item).
  private readonly kinds: Item[] = [];
  private readonly nodes: (Operation | Block | IsolatedState)[] = [];

  constructor(
    private readonly recursive: boolean,
    private readonly printOp: ((op: Operation, severity: Severity) => string) | undefined,
  ) {}

  private push(kind: Item, node: Operation | Block | IsolatedState): void {
    this.kinds.push(kind);
    this.nodes.push(node);
  }

  /**
   * verifyOpAndDominance(root), with every nested one on the same stack.
   * Each item's node type follows from its kind (Block for the block items,
   * IsolatedState for IsolatedNext, else Operation), hence the casts below.
   */
  run(root: Operation): boolean {
    const kinds = this.kinds;
    const nodes = this.nodes;
    this.push(Item.RootDone, root);
    this.push(Item.OpEnter, root);
    let result = true;
    while (kinds.length) {
      const kind = kinds.pop()!;
      const node = nodes.pop()!;
      let ok = true;
      switch (kind) {
        case Item.OpEnter: {
          const op = node as Operation;
          ok = this.enterOp(op);
          if (!ok) break;
          this.push(Item.OpExit, op);
          if (!this.recursive) break;
          const regions = op.regions;
          for (let ri = regions.length - 1; ri >= 0; ri--)
            for (let b = regions[ri]!.lastBlock; b; b = b.prev) this.push(Item.BlockEnter, b);
          break;
        }
        case Item.BlockEnter: {
          const block = node as Block;
          ok = this.enterBlock(block);
          if (!ok) break;
          this.push(Item.BlockExit, block);
          if (block.first) this.push(Item.BlockOps, block.first);
          break;
        }
        case Item.BlockOps: {
          // Ops without regions (most of them) are entered and exited right here, with no
          // stack items; IsolatedFromAbove ops are verified whole when their parent exits.
          let o: Operation | null = node as Operation;
          for (; o; o = o.next) {
            if (o.regions.length === 0) {
              if (!this.enterOp(o) || !this.finishOp(o)) {
                ok = false;
                break;
              }
            } else if (!o.name.hasTrait(OpTrait.IsolatedFromAbove)) break;
          }
          if (!o || !ok) break;
          if (o.next) this.push(Item.BlockOps, o.next);
          this.push(Item.OpEnter, o);
          break;
        }
        case Item.BlockExit:
          ok = this.exitBlock(node as Block);
          break;
        case Item.OpExit: {
          const op = node as Operation;
          const children = this.recursive && op.regions.length ? isolatedChildren(op) : null;
          if (children !== null && children.length) this.push(Item.IsolatedNext, { op, children, next: 0, failed: false });
          else ok = this.finishOp(op);
          break;
        }
        case Item.IsolatedNext: {
          const state = node as IsolatedState;
          if (state.next < state.children.length) {
            const child = state.children[state.next++]!;
            this.push(Item.IsolatedNext, state);
            this.push(Item.RootDone, child);
            this.push(Item.OpEnter, child);
          } else {
            ok = !state.failed && this.finishOp(state.op);
          }
          break;
        }
        case Item.RootDone: {
          const op = node as Operation;
          const rootOk = op.regions.length === 0 || this.verifyDominanceOfContainedRegions(op);
          if (kinds.length === 0) result = rootOk;
          else if (!rootOk) (nodes[nodes.length - 1] as IsolatedState).failed = true;
          break;
        }
      }
      if (ok) continue;
      // Abandon the rest of this verifyOpAndDominance and report failure to its caller.
      while (kinds.length && kinds[kinds.length - 1] !== Item.RootDone) {
        kinds.pop();
        nodes.pop();
      }
      kinds.pop();
      nodes.pop();
      if (kinds.length === 0) result = false;
      else (nodes[nodes.length - 1] as IsolatedState).failed = true;
    }
    return result;
  }

  //===--------------------------------------------------------------------===//
  // Structural checks
  //===--------------------------------------------------------------------===//

  /** MLIR's verifyOnEntrance(Operation&): invariants, then region shape. */
  private enterOp(op: Operation): boolean {
    const def = op.name.definition;
    if (def) {
      if (!this.verifyTraits(op, def)) return false;
      if (def.verifyInvariants && def.verifyInvariants(op).failed) return false;
      if (def.verify && def.verify(op).failed) return false;
    }
    const regions = op.regions;
    for (let i = 0; i < regions.length; i++) {
      const region = regions[i]!;
      const entry = region.entryBlock;
      if (def && regionKindOf(def, i) === RegionKind.Graph && entry !== null && entry !== region.lastBlock) {
        op.emitOpError(`expects graph region #${i} to have 0 or 1 blocks`);
        return false;
      }
      if (entry === null) continue;
      if (entry.hasPredecessors) {
        emitErrorAt(op, op.loc, "entry block of region may not have predecessors");
        return false;
      }
    }
    return true;
  }

  /** The structural op traits, in the order ODS lists them for builtin ops. */
  private verifyTraits(op: Operation, def: OpDefinition): boolean {
    const traits = def.traits;
    // Ops with generated invariants check Terminator last among their traits, as ODS orders it.
    if (traits & OpTrait.Terminator && !def.verifyInvariants) {
      const block = op.parent;
      if (!block || block.last !== op) {
        op.emitOpError("must be the last operation in the parent block");
        return false;
      }
    }
    if (traits & (OpTrait.SingleBlock | OpTrait.SingleBlockImplicitTerminator)) {
      const regions = op.regions;
      for (let i = 0; i < regions.length; i++) {
        const region = regions[i]!;
        const entry = region.entryBlock;
        if (entry === null) continue;
        if (entry !== region.lastBlock) {
          op.emitOpError(`expects region #${i} to have 0 or 1 blocks`);
          return false;
        }
        if (!(traits & OpTrait.NoTerminator) && entry.empty) {
          op.emitOpError("expects a non-empty block");
          return false;
        }
      }
    }
    if (traits & OpTrait.Symbol && verifySymbol(op).failed) return false;
    return true;
  }

  /** MLIR's verifyOnEntrance(Block&). */
  private enterBlock(block: Block): boolean {
    if (block.empty) {
      const owner = block.parentOp;
      // The error sits at the region's location, which MLIR takes from its op.
      if (!owner || mayBeValidWithoutTerminator(block)) return true;
      emitErrorAt(owner, owner.loc, "empty block: expect at least a terminator");
      return false;
    }
    const last = block.last;
    for (let o = block.first; o; o = o.next) {
      if (o.successors.length !== 0 && o !== last) {
        o.emitError("operation with block successors must terminate its parent block");
        return false;
      }
    }
    return true;
  }

  /** MLIR's verifyOnExit(Block&). */
  private exitBlock(block: Block): boolean {
    const region = block.parent;
    const last = block.last;
    // Block::getSuccessors is empty in single-block regions, so MLIR checks only multi-block ones.
    if (last && region && region.entryBlock !== region.lastBlock) {
      for (const s of last.successors) {
        if (s.block.parent !== region) {
          last.emitOpError("branching to block of a different region");
          return false;
        }
      }
    }
    if (mayBeValidWithoutTerminator(block) || !last) return true;
    if (!last.name.mightHaveTrait(OpTrait.Terminator)) {
      last.emitError("block with no terminator, has " + this.quoteOp(last));
      return false;
    }
    return true;
  }

  /** The rest of MLIR's verifyOnExit(Operation&), after the isolated children passed. */
  private finishOp(op: Operation): boolean {
    const def = op.name.definition;
    if (def) {
      if (def.traits & OpTrait.IsolatedFromAbove && op.regions.length && !this.verifyIsolatedFromAbove(op)) return false;
      if (def.traits & OpTrait.SymbolTable && verifySymbolTable(op).failed) return false;
      if (def.verifyRegions && def.verifyRegions(op).failed) return false;
      return true;
    }
    const ctx = op.context;
    if (!ctx.isDialectLoaded(op.name.dialect)) {
      if (ctx.allowUnregisteredDialects) return true;
      op.emitOpError(
        "created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() " +
          "on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used",
      );
      return false;
    }
    op.emitError(
      `unregistered operation '${op.name.name}' found in dialect ('${op.name.dialect}') that does not allow unknown operations`,
    );
    return false;
  }

  /**
   * MLIR's verifyIsIsolatedFromAbove: no op under `iso` (down to nested
   * isolated ops, which check themselves) uses a value defined outside it.
   * Regions met on the way are remembered, so operands defined on the path
   * (all of them, in valid IR) cost O(1); others fall back to an O(depth)
   * ancestor walk.
   */
  private verifyIsolatedFromAbove(iso: Operation): boolean {
    for (const region of iso.regions) {
      const inside = new Set<Region>([region]);
      const pending: Region[] = [region];
      while (pending.length) {
        const r = pending.pop()!;
        for (let b = r.entryBlock; b; b = b.next) {
          for (let op = b.first; op; op = op.next) {
            const numOperands = op.numOperands;
            for (let i = 0; i < numOperands; i++) {
              const value = op.getOperand(i);
              // Most operands are defined in the same block: no region lookup.
              if (definingBlock(value) === b) continue;
              const defRegion = valueRegion(value);
              if (!defRegion) {
                op.emitError("operation's operand is unlinked");
                return false;
              }
              if (defRegion === r || inside.has(defRegion) || region.isAncestor(defRegion)) continue;
              op.emitOpError("using value defined outside the region").attachNote(
                "required by region isolation constraints",
                iso.loc,
              );
              return false;
            }
            if (op.regions.length && !op.name.hasTrait(OpTrait.IsolatedFromAbove)) {
              for (const sub of op.regions) {
                inside.add(sub);
                pending.push(sub);
              }
            }
          }
        }
      }
    }
    return true;
  }

  private quoteOp(op: Operation): string {
    return this.printOp ? this.printOp(op, Severity.Error) : `"${op.name.name}"`;
  }

  //===--------------------------------------------------------------------===//
  // Dominance
  //===--------------------------------------------------------------------===//

  /**
   * MLIR's verifyDominanceOfContainedRegions(root): every operand of an op in
   * a reachable block properly dominates it; nested IsolatedFromAbove ops are
   * skipped (they were verified as roots of their own).
   *
   * A depth-first walk keeps the nesting path, so the ancestor of a use in
   * the definition's region is found in O(1), making the check linear. MLIR
   * walks in another order (a LIFO worklist of ops with regions) and reports
   * the first failure in that order; so when the fast walk finds any failure,
   * a second linear walk in MLIR's order picks the one MLIR reports.
   */
  private verifyDominanceOfContainedRegions(root: Operation): boolean {
    const bad = this.findDominanceFailures(root);
    if (bad === null) return true;
    // Replay MLIR's order without dominance queries; stop at the first failing op.
    const worklist: Operation[] = [root];
    while (worklist.length) {
      const op = worklist.pop()!;
      for (const region of op.regions)
        for (let b = region.entryBlock; b; b = b.next) {
          for (let o = b.first; o; o = o.next) {
            const operandNo = bad.get(o);
            if (operandNo !== undefined) {
              this.diagnoseInvalidOperandDominance(o, operandNo);
              return false;
            }
            if (this.recursive && o.regions.length && !o.name.hasTrait(OpTrait.IsolatedFromAbove)) worklist.push(o);
          }
        }
    }
    return false;
  }

  /**
   * Every op under `root` whose operand fails the dominance check, with the
   * first failing operand's index; null when there is none. O(ops + operands).
   */
  private findDominanceFailures(root: Operation): Map<Operation, number> | null {
    const dom = this.dom;
    let bad: Map<Operation, number> | null = null;
    // pathOps[d]: the op at nesting depth d on the current path (root at 0).
    const pathOps: Operation[] = [root];
    // Depth of the ops of each region on the current path.
    const regionDepth = new Map<Region, number>();
    // One frame per op whose regions are being walked: region index, block, next op, reachability.
    const frameOp: Operation[] = [root];
    const frameRegion: number[] = [-1];
    const frameBlock: (Block | null)[] = [null];
    const frameNext: (Operation | null)[] = [null];
    const frameReachable: boolean[] = [false];
    // Whether the current block's region has SSA dominance (for the same-block fast path).
    const frameSSA: boolean[] = [true];
    while (frameOp.length) {
      const top = frameOp.length - 1;
      let op: Operation | null = frameNext[top] ?? null;
      if (op === null) {
        // Next non-empty block of this frame, moving to the next region as needed.
        const owner = frameOp[top]!;
        const current: Block | null = frameBlock[top] ?? null;
        let b = current ? current.next : null;
        while (b === null || b.empty) {
          if (b !== null) {
            b = b.next;
            continue;
          }
          const ri = frameRegion[top]!;
          if (ri >= 0) regionDepth.delete(owner.regions[ri]!);
          if (ri + 1 >= owner.regions.length) break;
          frameRegion[top] = ri + 1;
          const region = owner.regions[ri + 1]!;
          regionDepth.set(region, top + 1);
          b = region.entryBlock;
        }
        if (b === null) {
          frameOp.pop();
          frameRegion.pop();
          frameBlock.pop();
          frameNext.pop();
          frameReachable.pop();
          frameSSA.pop();
          continue;
        }
        frameBlock[top] = b;
        frameReachable[top] = dom.isReachableFromEntry(b);
        frameSSA[top] = dom.hasSSADominance(b.parent!);
        op = b.first;
        if (op === null) continue;
      }
      frameNext[top] = op.next;
      const depth = top + 1;
      pathOps[depth] = op;
      if (frameReachable[top]) {
        const numOperands = op.numOperands;
        const block = op.parent;
        const ssa = frameSSA[top];
        for (let i = 0; i < numOperands; i++) {
          const v: Value = op.getOperand(i);
          // Fast path: definitions in the same block (most operands).
          if (v instanceof OpResult) {
            const d = v.owner;
            if (d.parent === block) {
              if (!ssa || (d !== op && d.isBeforeInBlock(op))) continue;
              (bad ??= new Map()).set(op, i);
              break;
            }
          } else if (v instanceof BlockArgument && v.owner === block) {
            continue;
          }
          const region = valueRegion(v);
          const k = region ? regionDepth.get(region) : undefined;
          const ok = k !== undefined ? dom.properlyDominates(v, op, pathOps[k]) : dom.properlyDominates(v, op);
          if (ok) continue;
          (bad ??= new Map()).set(op, i);
          break;
        }
      }
      if (this.recursive && op.regions.length && !op.name.hasTrait(OpTrait.IsolatedFromAbove)) {
        frameOp.push(op);
        frameRegion.push(-1);
        frameBlock.push(null);
        frameNext.push(null);
        frameReachable.push(false);
        frameSSA.push(true);
      }
    }
    return bad;
  }

  /** MLIR's diagnoseInvalidOperandDominance, with its exact notes. */
  private diagnoseInvalidOperandDominance(op: Operation, operandNo: number): void {
    const diag = op.emitError(`operand #${operandNo} does not dominate this use`);
    const operand = op.getOperand(operandNo);
    const block1 = op.parent;
    const region1 = block1 ? block1.parent : null;
    if (operand instanceof OpResult) {
      const defOp = operand.owner;
      const block2 = defOp.parent;
      const region2 = block2 ? block2.parent : null;
      let where: string;
      if (block1 === block2) where = " (op in the same block)";
      else if (region1 === region2) where = " (op in the same region)";
      else if (region2 && region2.isAncestor(region1)) where = " (op in a parent region)";
      else if (region1 && region1.isAncestor(region2)) where = " (op in a child region)";
      else where = " (op is neither in a parent nor in a child region)";
      diag.attachNote("operand defined here" + where, defOp.loc);
      return;
    }
    if (!(operand instanceof BlockArgument)) return;
    const block2 = operand.owner;
    const region2 = block2.parent;
    const owner2 = block2.parentOp;
    const loc = owner2 ? owner2.loc : UnknownLoc.get(op.context);
    if (!region2) {
      diag.attachNote(" (block without parent)", loc);
      return;
    }
    let where: string;
    if (region1 === region2) where = " in the same region)";
    else if (region1 && region2.isAncestor(region1)) where = " in a parent region)";
    else if (region1 && region1.isAncestor(region2)) where = " in a child region)";
    else where = " neither in a parent nor in a child region)";
    diag.attachNote(`operand defined as a block argument (block #${region2.indexOf(block2)}${where}`, loc);
  }
}

/** The ops with regions and the IsolatedFromAbove trait directly in `op`'s regions, in order. */
function isolatedChildren(op: Operation): Operation[] {
  const out: Operation[] = [];
  for (const region of op.regions)
    for (let b = region.entryBlock; b; b = b.next)
      for (let o = b.first; o; o = o.next) if (o.regions.length && o.name.hasTrait(OpTrait.IsolatedFromAbove)) out.push(o);
  return out;
}
