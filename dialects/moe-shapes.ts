// Tensor shape and dtype checks shared by the moe dialect's verifiers
// (dialects/moe.ts): what each operand or result must be (rank, element type,
// static or dynamic rows), and equalities between sizes, each reported with
// the limit it broke.

import { FloatType, IntegerType, kDynamic, RankedTensorType } from "../src/ir/builtin-types.js";
import type { Diagnostic } from "../src/ir/diagnostics.js";
import { success, type LogicalResult } from "../src/ir/logical-result.js";
import type { Operation } from "../src/ir/operation.js";
import type { Type } from "../src/ir/type.js";
import { printTypeForDiagnostic } from "../src/syntax/type-attr-printer.js";

export type ElementKind = "bf16" | "f32" | "i32";

/**
 * What one tensor operand or result must be: `rank` dimensions of `element`,
 * all static, or (rows "dynamic") a `?` first dimension, the row count of
 * tensors in the dispatch layout.
 */
export interface TensorSpec {
  readonly rank: 2 | 3;
  readonly element: ElementKind;
  readonly rows: "static" | "dynamic";
}

/** A token tensor (T x N) of `element`. */
export const tokens = (element: ElementKind): TensorSpec => ({ rank: 2, element, rows: "static" });
/** A bf16 tensor of rows in the dispatch layout (? x N). */
export const dispatched: TensorSpec = { rank: 2, element: "bf16", rows: "dynamic" };
/** Per-local-expert weights (e x K x N) of `element`. */
export const weights = (element: ElementKind): TensorSpec => ({ rank: 3, element, rows: "static" });

// ODS's type summaries (TensorOf<[BF16]> is "tensor of bfloat16 type values").
const elementSummary: Readonly<Record<ElementKind, string>> = {
  bf16: "bfloat16 type",
  f32: "32-bit float",
  i32: "32-bit signless integer",
};

function describe(spec: TensorSpec): string {
  const kind = spec.rows === "dynamic" ? "tensor with dynamic rows" : "statically shaped tensor";
  return `${spec.rank}D ${kind} of ${elementSummary[spec.element]} values`;
}

function isElement(t: Type, element: ElementKind): boolean {
  if (element === "i32") return t instanceof IntegerType && t.isSignless && t.width === 32;
  return t instanceof FloatType && t.kind === element;
}

/** The shape of `t` when it satisfies `spec`, else undefined. O(rank). */
function shapeIf(t: Type, spec: TensorSpec): readonly number[] | undefined {
  if (!(t instanceof RankedTensorType) || t.shape.length !== spec.rank || !isElement(t.elementType, spec.element)) return undefined;
  for (let i = 0; i < spec.rank; i++) {
    const wantDynamic = i === 0 && spec.rows === "dynamic";
    if ((t.shape[i] === kDynamic) !== wantDynamic) return undefined;
  }
  return t.shape;
}

/**
 * The shapes of `op`'s operands then results, checked against `specs` (one
 * per operand then per result; null skips a non-tensor such as the route).
 * Reports the first mismatch as ODS does (`operand #1 must be ..., but got
 * '...'`) and returns undefined; skipped positions get an empty shape.
 */
export function readShapes(op: Operation, specs: readonly (TensorSpec | null)[]): (readonly number[])[] | undefined {
  const shapes: (readonly number[])[] = [];
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const isResult = i >= op.numOperands;
    const value = isResult ? op.getResult(i - op.numOperands) : op.getOperand(i);
    if (!spec) {
      shapes.push([]);
      continue;
    }
    const shape = shapeIf(value.type, spec);
    if (!shape) {
      const where = isResult ? `result #${i - op.numOperands}` : `operand #${i}`;
      op.emitOpError(`${where} must be ${describe(spec)}, but got '${printTypeForDiagnostic(value.type)}'`);
      return undefined;
    }
    shapes.push(shape);
  }
  return shapes;
}

/**
 * Size checks on one op that stop at the first failure, each naming what it
 * measured and the limit it broke:
 * `checks.equal("lhs columns", 8, "w dim 1", 16).positive("top-k", k).result()`.
 */
export class SizeChecks {
  private failed: Diagnostic | undefined;
  constructor(private readonly op: Operation) {}

  /** `what (got) must equal limit (want)`. */
  equal(what: string, got: number, limit: string, want: number): this {
    return this.require(got === want, () => `${what} (${got}) must equal ${limit} (${want})`);
  }
  /** `what (got) must be positive`. */
  positive(what: string, got: number): this {
    return this.require(got > 0, () => `${what} (${got}) must be positive`);
  }
  /** Reports `message()` unless `holds` (or an earlier check failed). */
  require(holds: boolean, message: () => string): this {
    if (!this.failed && !holds) this.failed = this.op.emitOpError(message());
    return this;
  }
  get ok(): boolean {
    return this.failed === undefined;
  }
  result(): LogicalResult {
    return this.failed ?? success();
  }
}
