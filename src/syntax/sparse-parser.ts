// `sparse<indices, values>` bodies and SparseElementsAttr construction with
// MLIR's checks (Parser::parseSparseElementsAttr, SparseElementsAttr::verify).

import {
  DenseIntOrFPElementsAttr,
  DenseStringElementsAttr,
  SparseElementsAttr,
  type ElementsAttr,
} from "../ir/builtin-attributes.js";
import { IntegerType, RankedTensorType, type ShapedType } from "../ir/builtin-types.js";
import { buildDenseAttr, parseTensorLiteral, readElementBits, TensorLiteral } from "./dense-parser.js";
import { quoteType, type ParseSink } from "./parse-actions.js";
import { Ch } from "./scan.js";
import { skipTrivia } from "./trivia.js";

/** The parsed body of `sparse<...>`: empty, or two literals and where they start. */
export interface SparseBody {
  empty: boolean;
  indices: TensorLiteral;
  values: TensorLiteral;
  indicesLoc: number;
  valuesLoc: number;
}

/**
 * Parses the body between the `<` at `open` and the `>` at `close`: either
 * nothing, or `indices , values` (indices may not be hex). Returns undefined
 * after reporting.
 */
export function parseSparseBody(sink: ParseSink, open: number, close: number): SparseBody | undefined {
  const text = sink.text;
  const body: SparseBody = { empty: false, indices: new TensorLiteral(), values: new TensorLiteral(), indicesLoc: -1, valuesLoc: -1 };
  let p = skipTrivia(text, open + 1);
  if (p === close && text.charCodeAt(p) === Ch.Greater) {
    body.empty = true;
    return body;
  }
  body.indicesLoc = p;
  p = parseTensorLiteral(sink, p, /*allowHex=*/ false, body.indices);
  if (p < 0) return undefined;
  p = skipTrivia(text, p);
  if (text.charCodeAt(p) !== Ch.Comma) return sink.emitWrongToken(p, "expected ','");
  p = skipTrivia(text, p + 1);
  body.valuesLoc = p;
  p = parseTensorLiteral(sink, p, /*allowHex=*/ true, body.values);
  if (p < 0) return undefined;
  p = skipTrivia(text, p);
  if (p !== close || text.charCodeAt(p) !== Ch.Greater) return sink.emitWrongToken(p, "expected '>'");
  return body;
}

/** Builds the attribute of shaped `type` from a parsed body; `loc` is the `sparse` keyword. */
export function buildSparseAttr(sink: ParseSink, body: SparseBody, type: ShapedType, loc: number): SparseElementsAttr | undefined {
  const ctx = sink.ctx;
  const rank = type.shape!.length;
  const i64 = IntegerType.get(ctx, 64);
  const eltType = type.elementType;
  if (body.empty) {
    const indices = DenseIntOrFPElementsAttr.get(ctx, RankedTensorType.get(ctx, [0, rank], i64), new Uint8Array(0), false);
    const valuesType = RankedTensorType.get(ctx, [0], eltType);
    const values = DenseIntOrFPElementsAttr.get(ctx, valuesType, new Uint8Array(0), false);
    return SparseElementsAttr.get(ctx, type, indices, values);
  }
  const indicesType = RankedTensorType.get(ctx, body.indices.shape.length ? body.indices.shape : [1, rank], i64);
  const indices = buildDenseAttr(sink, body.indices, indicesType, body.indicesLoc);
  if (!indices) return undefined;
  const valuesType = RankedTensorType.get(ctx, body.values.shape.length ? body.values.shape : [indicesType.shape[0]!], eltType);
  const values = buildDenseAttr(sink, body.values, valuesType, body.valuesLoc);
  if (!values) return undefined;
  if (!verifySparse(sink, type, indices as DenseIntOrFPElementsAttr, values, loc)) return undefined;
  return SparseElementsAttr.get(ctx, type, indices as DenseIntOrFPElementsAttr, values as DenseIntOrFPElementsAttr | DenseStringElementsAttr);
}

/** SparseElementsAttr::verify, reported at the `sparse` keyword. */
function verifySparse(sink: ParseSink, type: ShapedType, indices: DenseIntOrFPElementsAttr, values: ElementsAttr, loc: number): boolean {
  const valuesShape = values.type.shape!;
  const indicesShape = indices.type.shape!;
  const shape = type.shape!;
  if (valuesShape.length !== 1) {
    sink.emitErrorAt(loc, "expected 1-d tensor for sparse element values");
    return false;
  }
  const shapeError = (): boolean => {
    sink.emitErrorAt(
      loc,
      `expected shape ([${shape.join(", ")}]); inferred shape of indices literal ([${indicesShape.join(", ")}]); inferred shape of values literal ([${valuesShape.join(", ")}])`,
    );
    return false;
  };
  const rank = shape.length;
  if (indicesShape.length === 2) {
    if (indicesShape[1] !== rank) return shapeError();
  } else if (indicesShape.length !== 1 || rank !== 1) {
    return shapeError();
  }
  const numIndices = indicesShape[0]!;
  if (numIndices !== valuesShape[0]) return shapeError();
  const index = (k: number): bigint => readElementBits(indices, indices.isSplat ? 0 : k, 64);
  const check = (num: number, idx: bigint[]): boolean => {
    for (let d = 0; d < rank; d++) {
      if (idx[d]! >= BigInt(shape[d]!)) {
        sink.emitErrorAt(
          loc,
          `sparse index #${num} is not contained within the value shape, with index=[${idx.join(", ")}], and type=${quoteType(type)}`,
        );
        return false;
      }
    }
    return true;
  };
  if (indices.isSplat) return check(0, new Array<bigint>(rank).fill(index(0)));
  for (let i = 0; i < numIndices; i++) {
    const idx: bigint[] = [];
    for (let d = 0; d < rank; d++) idx.push(index(i * rank + d));
    if (!check(i, idx)) return false;
  }
  return true;
}
