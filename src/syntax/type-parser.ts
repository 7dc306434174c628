// The hand-written parser for types: builtin scalars, `tuple<>`, `complex<>`,
// function types, vector/tensor/memref (their encoding, layout and memory
// space are attributes, parsed through the host), dialect types and `!alias`
// references, over charCodeAt with an explicit stack (10,000-deep nesting is
// fine). Results are cached by source text in TypeAttrParser.parseTypeAt.
// Error messages and positions follow mlir/lib/AsmParser/TypeParser.cpp.

import { FunctionType, IndexType, NoneType, TupleType, type ShapedType } from "../ir/builtin-types.js";
import { FloatType } from "../ir/builtin-types.js";
import type { Attribute } from "../ir/attribute.js";
import type { Type } from "../ir/type.js";
import {
  buildComplexType,
  buildDialectType,
  addMemRefExtra,
  buildIntegerType,
  checkMemRefElementType,
  finishMemRefType,
  finishTensorType,
  finishVectorType,
  floatKindOf,
  isIntTypeSpelling,
  unexpectedToken,
  type ParserHost,
} from "./parse-actions.js";
import {
  Ch,
  isAlpha,
  newShapePrefix,
  scanBareId,
  scanDialectBody,
  scanShapePrefix,
  scanSuffixId,
  shapedKindOf,
  ShapedKind,
  type ShapePrefix,
} from "./scan.js";
import { skipTrivia } from "./trivia.js";

const enum Frame {
  Tuple = 0,
  Complex = 1,
  FnInputs = 2,
  FnResults = 3,
  FnSingleResult = 4,
  Shaped = 5,
}

/** One open composite type. Fields unused by a kind stay at their defaults. */
interface TypeFrame {
  kind: Frame;
  /** Offset where this type starts (for restarting on the slow path). */
  start: number;
  /** Offset of the element type (complex, shaped). */
  elementOffset: number;
  /** Tuples and function types: where their member types start on `members`. */
  base: number;
  /** Function types: where the inputs end (the results start) on `members`, once known. */
  inputsEnd: number;
  prefix: ShapePrefix | undefined;
}

const shapedNames = ["tensor", "memref", "vector"];

/** Nesting depth up to which nested shaped types go through the text cache. */
const kMaxCachedDepth = 4;

/**
 * Parses the type starting at `q` (trivia already skipped). On success sets
 * `host.pos` after it and returns the type; on error reports once and returns
 * undefined. Function types are allowed (MLIR's parseType).
 */
export function parseTypeFast(host: ParserHost, q: number): Type | undefined {
  // A re-entrant call (a type inside an attribute inside a type) works above this.
  const baseTop = membersTop;
  try {
    return parseTypeWith(host, q);
  } finally {
    membersTop = baseTop;
  }
}

// Member types of all open tuples and function types, contiguous per frame and
// shared by every call: a function type allocates its input/result arrays only
// when it is new (growing arrays per signature were ~10% of parse allocation).
const members: Type[] = [];
let membersTop = 0;

function pushMember(t: Type): void {
  if (membersTop === members.length) members.push(t);
  else members[membersTop] = t;
  membersTop++;
}

/**
 * Where parseOpSignature leaves the member types of a generic op's
 * `(inputs) -> results`: the op needs them only to check its operands and
 * make its results, so no FunctionType is interned for them (parsed IR has
 * about one distinct signature per op; each kept a type, two arrays and a
 * table entry for the rest of the run).
 */
export interface OpSignature {
  /** Set when the outermost type was a function type and its members were copied here. */
  taken: boolean;
  /** The inputs, then the results (a scratch array: only the first numInputs + numResults are valid). */
  types: Type[];
  numInputs: number;
  numResults: number;
}

/** The sink for the outermost function type of the parseTypeWith call parseOpSignature starts (re-entrant calls see undefined). */
let pendingSignature: OpSignature | undefined;

/**
 * A generic op's signature at `q` (trivia skipped): parses the type as
 * parseTypeFast does, but a function type at the top is copied into `sink`
 * (`sink.taken`) instead of being interned. Any other type is returned as
 * parseTypeFast returns it (then `sink.taken` is false). Sets host.pos.
 */
export function parseOpSignature(host: ParserHost, q: number, sink: OpSignature): Type | undefined {
  sink.taken = false;
  pendingSignature = sink;
  try {
    return parseTypeFast(host, q);
  } finally {
    pendingSignature = undefined;
  }
}

/**
 * The function type of a closed frame; pops its members. For the outermost
 * frame of a signature parse (`sink`), copies the members there instead and
 * returns undefined: the caller's stack is then empty, so that is what
 * parseTypeWith returns, and parseOpSignature reads the sink.
 */
function closeFunction(host: ParserHost, f: TypeFrame, sink: OpSignature | undefined): FunctionType {
  if (sink !== undefined) {
    const n = membersTop - f.base;
    const types = sink.types;
    for (let i = 0; i < n; i++) types[i] = members[f.base + i]!;
    sink.numInputs = f.inputsEnd - f.base;
    sink.numResults = membersTop - f.inputsEnd;
    sink.taken = true;
    membersTop = f.base;
    return undefined!;
  }
  const t = FunctionType.getFromRanges(host.ctx, members, f.base, f.inputsEnd, membersTop);
  membersTop = f.base;
  return t;
}

function parseTypeWith(host: ParserHost, q: number): Type | undefined {
  const text = host.text;
  const stack: TypeFrame[] = [];
  // Only this call's outermost function type goes to a signature sink (types nested in attributes parse re-entrantly).
  const sink = pendingSignature;
  pendingSignature = undefined;
  // `nonFunction`: the next type is a function result written without parentheses.
  let nonFunction = false;
  outer: for (;;) {
    // --- Parse one type, or open a composite one and loop for its first element. ---
    let value: Type | undefined;
    const start = q;
    const c = text.charCodeAt(q);
    if (c === Ch.LParen && !nonFunction) {
      stack.push(frame(Frame.FnInputs, start));
      q = skipTrivia(text, q + 1);
      if (text.charCodeAt(q) !== Ch.RParen) continue;
      const r = inputsDone(host, stack, q + 1);
      if (r < 0) return undefined;
      q = r;
      if (stack[stack.length - 1]!.kind === Frame.FnSingleResult) {
        nonFunction = true;
        continue;
      }
      if (text.charCodeAt(q) !== Ch.RParen) continue;
      value = closeFunction(host, stack.pop()!, stack.length === 0 ? sink : undefined);
      q++;
    } else if (isAlpha(c) || c === Ch.Underscore) {
      const e = scanBareId(text, q);
      const kind = shapedKindOf(text, q, e);
      // Nested shaped types (function signatures, tuples) repeat far more than
      // the types around them: look them up by source text before rebuilding.
      // Only near the top: each lookup scans to the end of the type, which
      // would be quadratic in 10,000-deep nestings.
      const hit = kind >= 0 && stack.length > 0 && stack.length <= kMaxCachedDepth ? host.cachedTypeAt(q) : undefined;
      if (hit) {
        value = hit;
        q = host.pos;
      } else if (kind >= 0) {
        const lt = skipTrivia(text, e);
        if (text.charCodeAt(lt) !== Ch.Less) return host.emitWrongToken(lt, `expected '<' in ${shapedNames[kind]} type`);
        const prefix = scanShapePrefix(text, kind as ShapedKind, q, lt + 1, newShapePrefix());
        if (prefix.errorOffset >= 0)
          return prefix.errorWrongToken
            ? host.emitWrongToken(prefix.errorOffset, prefix.errorMessage)
            : host.emitErrorAt(prefix.errorOffset, prefix.errorMessage);
        const f = frame(Frame.Shaped, start);
        f.prefix = prefix;
        f.elementOffset = prefix.end;
        stack.push(f);
        q = prefix.end;
        nonFunction = false;
        continue;
      } else if ((value = host.scalarTypeAt(q, e)) !== undefined) {
        q = e;
      } else if (host.failed) {
        return undefined;
      } else if (e - q === 5 && text.startsWith("tuple", q)) {
        const lt = skipTrivia(text, e);
        if (text.charCodeAt(lt) !== Ch.Less) return host.emitWrongToken(lt, "expected '<' in tuple type");
        q = skipTrivia(text, lt + 1);
        if (text.charCodeAt(q) !== Ch.Greater) {
          stack.push(frame(Frame.Tuple, start));
          nonFunction = false;
          continue;
        }
        value = TupleType.get(host.ctx, []);
        q++;
      } else if (e - q === 7 && text.startsWith("complex", q)) {
        const lt = skipTrivia(text, e);
        if (text.charCodeAt(lt) !== Ch.Less) return host.emitWrongToken(lt, "expected '<' in complex type");
        q = skipTrivia(text, lt + 1);
        const f = frame(Frame.Complex, start);
        f.elementOffset = q;
        stack.push(f);
        nonFunction = false;
        continue;
      } else {
        return host.emitWrongToken(q, "expected non-function type");
      }
    } else if (c === Ch.Bang) {
      const idEnd = scanSuffixId(text, q);
      if (idEnd < 0) return host.emitLexError(q, "invalid type identifier");
      let bodyEnd = -1;
      if (text.charCodeAt(idEnd) === Ch.Less) {
        const r = scanDialectBody(text, idEnd);
        if (typeof r !== "number") return host.emitErrorAt(r.offset, r.message);
        bodyEnd = r;
      }
      const end = bodyEnd >= 0 ? bodyEnd : idEnd;
      // Dialect types and aliases repeat: build each spelling once.
      value = host.cachedTypeSpan(q, end);
      if (!value) {
        value = buildDialectType(host, q, idEnd, bodyEnd);
        if (!value) return undefined;
        host.rememberType(q, end, value);
      }
      q = end;
    } else {
      return unexpectedToken(host, q, "expected non-function type");
    }
    nonFunction = false;

    // --- Close the composite types that `value` completes. ---
    for (;;) {
      if (stack.length === 0) {
        host.pos = q;
        return value;
      }
      const top = stack[stack.length - 1]!;
      if (top.kind === Frame.FnSingleResult) {
        // The result type ends the function type: do not look past it.
        stack.pop();
        pushMember(value);
        value = closeFunction(host, top, stack.length === 0 ? sink : undefined);
        continue;
      }
      q = skipTrivia(text, q);
      const d = text.charCodeAt(q);
      switch (top.kind) {
        case Frame.Tuple:
          pushMember(value);
          if (d === Ch.Comma) {
            q = skipTrivia(text, q + 1);
            continue outer;
          }
          if (d !== Ch.Greater) return host.emitWrongToken(q, "expected '>' in tuple type");
          q++;
          stack.pop();
          value = TupleType.get(host.ctx, members.slice(top.base, membersTop));
          membersTop = top.base;
          break;
        case Frame.Complex: {
          if (d !== Ch.Greater) return host.emitWrongToken(q, "expected '>' in complex type");
          q++;
          stack.pop();
          const t = buildComplexType(host, value, top.elementOffset);
          if (!t) return undefined;
          value = t;
          break;
        }
        case Frame.FnInputs: {
          pushMember(value);
          if (d === Ch.Comma) {
            q = skipTrivia(text, q + 1);
            continue outer;
          }
          if (d !== Ch.RParen) return host.emitWrongToken(q, "expected ')'");
          const r = inputsDone(host, stack, q + 1);
          if (r < 0) return undefined;
          q = r;
          // inputsDone turned the frame into FnResults or FnSingleResult.
          if ((top.kind as Frame) === Frame.FnSingleResult) {
            nonFunction = true;
            continue outer;
          }
          if (text.charCodeAt(q) !== Ch.RParen) continue outer;
          q++;
          stack.pop();
          value = closeFunction(host, top, stack.length === 0 ? sink : undefined);
          break;
        }
        case Frame.FnResults:
          pushMember(value);
          if (d === Ch.Comma) {
            q = skipTrivia(text, q + 1);
            continue outer;
          }
          if (d !== Ch.RParen) return host.emitWrongToken(q, "expected ')'");
          q++;
          stack.pop();
          value = closeFunction(host, top, stack.length === 0 ? sink : undefined);
          break;
        case Frame.Shaped: {
          const prefix = top.prefix!;
          stack.pop();
          const t = finishShaped(host, prefix, value, top.elementOffset, q);
          if (!t) return undefined;
          value = t;
          q = host.pos;
          if (stack.length > 0 && stack.length <= kMaxCachedDepth) host.rememberType(top.start, q, t);
          break;
        }
      }
    }
  }
}

/**
 * Finishes a shaped type after its element type, at `q` (the next token):
 * tensor `, encoding`, memref `, layout, memory-space` (attributes parsed by
 * the host, so rich ones go to the cached chevrotain path), then `>`, with the
 * checks of Parser::parseTensorType / parseMemRefType / parseVectorType.
 * Sets host.pos after the `>`.
 */
function finishShaped(host: ParserHost, prefix: ShapePrefix, elt: Type, eltOffset: number, q: number): ShapedType | undefined {
  const text = host.text;
  if (prefix.kind === ShapedKind.Vector) {
    if (text.charCodeAt(q) !== Ch.Greater) return host.emitWrongToken(q, "expected '>' in vector type");
    host.pos = q + 1;
    return finishVectorType(host, prefix, elt);
  }
  if (prefix.kind === ShapedKind.Tensor) {
    let encoding: Attribute | undefined;
    if (text.charCodeAt(q) === Ch.Comma) {
      q = skipTrivia(text, q + 1);
      // parseOptionalAttribute: only forms with a known first token.
      if (startsOptionalAttribute(text, q)) {
        encoding = host.parseAttributeAt(q);
        if (!encoding) return undefined;
        q = skipTrivia(text, host.pos);
      }
    }
    if (text.charCodeAt(q) !== Ch.Greater) return host.emitWrongToken(q, "expected '>' in tensor type");
    const t = finishTensorType(host, prefix, elt, eltOffset, encoding, skipTrivia(text, q + 1));
    host.pos = q + 1;
    return t;
  }
  if (!checkMemRefElementType(host, elt, eltOffset)) return undefined;
  const state: { layout: Attribute | undefined; memorySpace: Attribute | undefined } = { layout: undefined, memorySpace: undefined };
  if (text.charCodeAt(q) !== Ch.Greater) {
    if (text.charCodeAt(q) !== Ch.Comma) return host.emitWrongToken(q, "expected ',' or '>' in memref type");
    q = skipTrivia(text, q + 1);
    if (text.charCodeAt(q) === Ch.Greater) return host.emitWrongToken(q, "expected list element");
    for (;;) {
      const a = host.parseAttributeAt(q);
      if (!a) return undefined;
      q = skipTrivia(text, host.pos);
      if (!addMemRefExtra(host, state, prefix.unranked, a, q)) return undefined;
      if (text.charCodeAt(q) === Ch.Comma) {
        q = skipTrivia(text, q + 1);
        continue;
      }
      if (text.charCodeAt(q) !== Ch.Greater) return host.emitWrongToken(q, "expected ',' or '>'");
      break;
    }
  }
  host.pos = q + 1;
  return finishMemRefType(host, prefix, elt, state.layout, state.memorySpace);
}

/**
 * True if an attribute can start at `q` for Parser::parseOptionalAttribute:
 * its fixed list of first tokens plus type starts. (`array`, `strided` and
 * `distinct` are not in that list, so a tensor encoding cannot start with them.)
 */
export function startsOptionalAttribute(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  switch (c) {
    case Ch.At:
    case Ch.Hash:
    case Ch.LBrace:
    case Ch.LBracket:
    case Ch.Minus:
    case Ch.Quote:
    case Ch.LParen:
    case Ch.Bang:
      return true;
    default:
      break;
  }
  if (c >= Ch.D0 && c <= Ch.D9) return true;
  if (!isAlpha(c) && c !== Ch.Underscore) return false;
  const e = scanBareId(text, q);
  const w = text.substring(q, e);
  switch (w) {
    case "affine_map":
    case "affine_set":
    case "dense":
    case "dense_resource":
    case "false":
    case "loc":
    case "sparse":
    case "true":
    case "unit":
    case "memref":
    case "tensor":
    case "complex":
    case "tuple":
    case "vector":
    case "index":
    case "none":
      return true;
    default:
      return isIntTypeSpelling(text, q, e) || floatKindOf(text, q, e) !== undefined;
  }
}

function frame(kind: Frame, start: number): TypeFrame {
  return { kind, start, elementOffset: -1, base: membersTop, inputsEnd: -1, prefix: undefined };
}

/**
 * After the `)` of function inputs (top frame FnInputs), `q` just past it:
 * expects `->`, then turns the frame into FnResults (parenthesised, trivia after
 * `(` skipped) or FnSingleResult. Returns the next token's offset, or -1.
 */
function inputsDone(host: ParserHost, stack: TypeFrame[], q: number): number {
  const text = host.text;
  const top = stack[stack.length - 1]!;
  top.inputsEnd = membersTop;
  q = skipTrivia(text, q);
  if (text.charCodeAt(q) !== Ch.Minus || text.charCodeAt(q + 1) !== Ch.Greater)
    return (host.emitWrongToken(q, "expected '->' in function type"), -1);
  q = skipTrivia(text, q + 2);
  if (text.charCodeAt(q) === Ch.LParen) {
    top.kind = Frame.FnResults;
    return skipTrivia(text, q + 1);
  }
  top.kind = Frame.FnSingleResult;
  return q;
}

/**
 * A builtin scalar type spelled `text[q, e)`: integer types, floats, `index`,
 * `none`. Undefined (without reporting) if the word is not one, or after
 * reporting a bad integer width (check host.failed).
 */
export function scalarType(host: ParserHost, q: number, e: number): Type | undefined {
  const text = host.text;
  const c = text.charCodeAt(q);
  if ((c === Ch.i || c === Ch.s || c === Ch.u) && isIntTypeSpelling(text, q, e)) return buildIntegerType(host, q, e);
  const kind = floatKindOf(text, q, e);
  if (kind) return FloatType.get(host.ctx, kind);
  if (e - q === 5 && text.startsWith("index", q)) return IndexType.get(host.ctx);
  if (e - q === 4 && text.startsWith("none", q)) return NoneType.get(host.ctx);
  return undefined;
}
