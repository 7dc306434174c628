// Hooks of the scf dialect (dialects/scf.yaml): the loop and region-branch
// checks of `scf.for`, `scf.if` and `scf.while` (MLIR's LoopLikeOpInterface
// and RegionBranchOpInterface verification) with mlir-opt 22's wording, and
// their custom forms (dialects/scf-asm.ts).

import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import type { Region } from "../src/ir/region.js";
import type { Type } from "../src/ir/type.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";
import type { DialectHooks } from "../src/dialect/dialect-hooks.js";
import { parseForOp, parseIfOp, parseWhileOp, printForOp, printIfOp, printWhileOp } from "./scf-asm.js";

const quote = (t: Type): string => `'${printTypeForDiagnostic(t)}'`;

/** The terminator ending `region`'s single block, if any. */
function terminatorOf(region: Region): Operation | undefined {
  return region.entryBlock?.last ?? undefined;
}

/** Types of a value list. */
function typesOf(values: readonly { type: Type }[]): Type[] {
  return values.map((v) => v.type);
}

/**
 * One control-flow edge of a RegionBranchOpInterface op: `operands` (from the
 * branch point `from`, the op itself for "parent") must match `inputs` in
 * number and type. The error goes on `op`, with a note at the branch point.
 */
function verifyEdge(op: Operation, from: Operation, to: string, operands: readonly Type[], inputs: readonly Type[]): LogicalResult {
  const source = from === op ? "parent" : `Operation ${from.name.name}`;
  const prefix = `along control flow edge from ${source} to ${to}: `;
  let message: string | undefined;
  if (operands.length !== inputs.length)
    message = `region branch point has ${operands.length} operands, but region successor needs ${inputs.length} inputs`;
  else
    for (let i = 0; i < operands.length && message === undefined; i++)
      if (operands[i] !== inputs[i]) message = `successor operand type #${i} ${quote(operands[i]!)} should match successor input type #${i} ${quote(inputs[i]!)}`;
  if (message === undefined) return success();
  const diag = op.emitOpError(prefix + message);
  diag.attachNote("region branch point", from.loc);
  return diag;
}

//===----------------------------------------------------------------------===//
// scf.for
//===----------------------------------------------------------------------===//

/** ForOp::verify: one result per loop-carried value. */
function verifyFor(op: Operation): LogicalResult {
  if (op.numOperands - 3 !== op.numResults) return op.emitOpError("mismatch in number of loop-carried values and defined values");
  return success();
}

/**
 * LoopLikeOpInterface's checks (inits, region iter_args, yielded values and
 * results agree in number and type, an empty yield excepted), then
 * ForOp::verifyRegions (the induction variable has the bounds' type), then
 * RegionBranchOpInterface's edges out of an empty yield.
 */
function verifyForRegions(op: Operation): LogicalResult {
  const body = op.regions[0]!.entryBlock;
  if (!body) return success();
  const inits = typesOf(op.getOperands().slice(3));
  const iterArgs = typesOf(body.args.slice(1));
  const yielded = typesOf(body.last?.getOperands() ?? []);
  const results = typesOf(op.results);
  if (inits.length !== iterArgs.length) return op.emitOpError(`different number of inits and region iter_args: ${inits.length} != ${iterArgs.length}`);
  // An empty yield passes LoopLikeOpInterface; RegionBranchOpInterface reports it (below).
  const hasYielded = yielded.length > 0;
  if (hasYielded && iterArgs.length !== yielded.length)
    return op.emitOpError(`different number of region iter_args and yielded values: ${iterArgs.length} != ${yielded.length}`);
  if (results.length !== iterArgs.length)
    return op.emitOpError(`different number of loop results and region iter_args: ${results.length} != ${iterArgs.length}`);
  for (let i = 0; i < iterArgs.length; i++) {
    const mismatch = (what: string, a: Type, b: Type): LogicalResult | undefined =>
      a === b ? undefined : op.emitOpError(`${i}-th ${what} have different type: ${quote(a)} != ${quote(b)}`);
    const r =
      mismatch(`init and ${i}-th region iter_arg`, inits[i]!, iterArgs[i]!) ??
      (hasYielded ? mismatch(`region iter_arg and ${i}-th yielded value`, iterArgs[i]!, yielded[i]!) : undefined) ??
      mismatch(`region iter_arg and ${i}-th loop result`, iterArgs[i]!, results[i]!);
    if (r) return r;
  }
  if (body.numArguments === 0 || body.args[0]!.type !== op.getOperand(0).type)
    return op.emitOpError("expected induction variable to be same type as bounds and step");
  const yieldOp = body.last;
  if (!hasYielded && yieldOp) {
    const edges: [string, Type[]][] = [["Region #0", iterArgs], ["parent", results]];
    for (const [to, inputs] of edges) {
      const r = verifyEdge(op, yieldOp, to, yielded, inputs);
      if (r.failed) return r;
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// scf.if
//===----------------------------------------------------------------------===//

function verifyIf(op: Operation): LogicalResult {
  if (op.numResults !== 0 && op.regions[1]!.empty) return op.emitOpError("must have an else block if defining values");
  return success();
}

/** RegionBranchOpInterface: each region's yield gives the results. */
function verifyIfRegions(op: Operation): LogicalResult {
  const results = typesOf(op.results);
  for (const region of op.regions) {
    const yieldOp = terminatorOf(region);
    if (!yieldOp) continue;
    const r = verifyEdge(op, yieldOp, "parent", typesOf(yieldOp.getOperands()), results);
    if (r.failed) return r;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// scf.while
//===----------------------------------------------------------------------===//

/** WhileOp::verify: `before` ends in scf.condition, `after` in scf.yield. */
function verifyWhile(op: Operation): LogicalResult {
  const expect = (index: number, name: string, terminator: string): LogicalResult => {
    const t = terminatorOf(op.regions[index]!);
    if (t && t.name.name === terminator) return success();
    const diag = op.emitOpError(`expects the '${name}' region to terminate with '${terminator}'`);
    if (t) diag.attachNote("terminator here", t.loc);
    return diag;
  };
  const before = expect(0, "before", "scf.condition");
  return before.failed ? before : expect(1, "after", "scf.yield");
}

/**
 * RegionBranchOpInterface: inits enter `before`; scf.condition's forwarded
 * values leave as results or enter `after`; scf.yield re-enters `before`.
 */
function verifyWhileRegions(op: Operation): LogicalResult {
  const before = op.regions[0]!.entryBlock;
  const after = op.regions[1]!.entryBlock;
  const condition = terminatorOf(op.regions[0]!);
  const yieldOp = terminatorOf(op.regions[1]!);
  if (!before || !after || !condition || !yieldOp) return success();
  const forwarded = typesOf(condition.getOperands().slice(1));
  const edges: [Operation, string, Type[], Type[]][] = [
    [op, "Region #0", typesOf(op.getOperands()), typesOf(before.args)],
    [condition, "parent", forwarded, typesOf(op.results)],
    [condition, "Region #1", forwarded, typesOf(after.args)],
    [yieldOp, "Region #0", typesOf(yieldOp.getOperands()), typesOf(before.args)],
  ];
  for (const [from, to, operands, inputs] of edges) {
    const r = verifyEdge(op, from, to, operands, inputs);
    if (r.failed) return r;
  }
  return success();
}

export const hooks: DialectHooks = {
  ops: {
    for: { verify: verifyFor, verifyRegions: verifyForRegions, parseAssembly: parseForOp, printAssembly: printForOp },
    if: { verify: verifyIf, verifyRegions: verifyIfRegions, parseAssembly: parseIfOp, printAssembly: printIfOp },
    while: { verify: verifyWhile, verifyRegions: verifyWhileRegions, parseAssembly: parseWhileOp, printAssembly: printWhileOp },
  },
};
