// Parses an op with its compiled declarative format (the parser OpFormatGen
// generates): elements in order into per-group slots, then types inferred
// from type relations and buildable constraints, then operands resolved.

import type { Block } from "../ir/block.js";
import { FunctionType, IndexType, IntegerType } from "../ir/builtin-types.js";
import { ArrayAttr, DenseArrayAttr, IntegerAttr, OpaqueAttr, UnitAttr } from "../ir/builtin-attributes.js";
import { failure, success, type LogicalResult } from "../ir/logical-result.js";
import type { OpAsmParser, OpAsmState, Punctuation, UnresolvedOperand } from "../ir/op-asm.js";
import type { AttrSpec } from "../ir/op-spec.js";
import { Region } from "../ir/region.js";
import type { Type } from "../ir/type.js";
import { segmentSizesAttr } from "../ir/segment-sizes.js";
import { applyTypeRelation, splitGroups, type CustomParseSlot, type FormatProgram } from "./asm-format.js";
import type { FormatElement, TypeSource } from "./asm-format-text.js";
import { printTypeForDiagnostic } from "./type-attr-printer.js";

const kPunctuation = new Set([",", ":", "=", "->", "(", ")", "[", "]", "{", "}", "<", ">", "?", "*", "+", "|", "..."]);

/** What the elements read, per group, before types are inferred and operands resolved. */
class ParsedOp {
  readonly operandRefs: UnresolvedOperand[][];
  readonly operandOffsets: number[];
  readonly operandTypes: (Type[] | undefined)[];
  readonly resultTypes: (Type[] | undefined)[];
  /** The `operands` directive's list (split into groups afterwards), and its offset. */
  allOperands: UnresolvedOperand[] | undefined;
  allOperandsOffset = 0;
  allOperandTypes: Type[] | undefined;
  allResultTypes: Type[] | undefined;
  readonly regions: Region[][];
  readonly successors: Block[][];

  constructor(readonly program: FormatProgram) {
    const spec = program.spec;
    this.operandRefs = spec.operands.map(() => []);
    this.operandOffsets = spec.operands.map(() => -1);
    this.operandTypes = spec.operands.map(() => undefined);
    this.resultTypes = spec.results.map(() => undefined);
    this.regions = spec.regions.map(() => []);
    this.successors = spec.successors.map(() => []);
  }
}

export function parseWithFormat(program: FormatProgram, p: OpAsmParser, state: OpAsmState): LogicalResult {
  const parsed = new ParsedOp(program);
  if (!parseElements(parsed, p, state, program.elements)) return failure();
  return finish(parsed, p, state) ? success() : failure();
}

function parseElements(s: ParsedOp, p: OpAsmParser, state: OpAsmState, elements: readonly FormatElement[]): boolean {
  for (const e of elements) if (!parseElement(s, p, state, e)) return false;
  return true;
}

function parseLiteral(p: OpAsmParser, value: string, optional: boolean): boolean {
  if (value === "" || value === " " || value === "\\n") return true;
  if (kPunctuation.has(value))
    return optional ? p.parseOptionalPunctuation(value as Punctuation) : p.parsePunctuation(value as Punctuation);
  return optional ? p.parseOptionalKeyword(value) : p.parseKeyword(value);
}

/** An attribute by its constraint: an enum keyword, a value of the fixed type, or any attribute. */
function parseAttr(p: OpAsmParser, a: AttrSpec, optional: boolean) {
  const cases = a.constraint.enumCases;
  const ctx = p.context;
  if (cases) {
    const at = p.getCurrentLocation();
    const kw = p.parseOptionalKeywordAny() ?? p.parseOptionalString();
    if (kw === undefined && optional) return undefined;
    const c = cases.find((x) => x.keyword === kw);
    if (!c) {
      p.emitError(
        `expected string or keyword containing one of the following enum values for attribute '${a.name}' [${cases.map((x) => x.keyword).join(", ")}]`,
        at,
      );
      return null;
    }
    // I64EnumAttr and friends store the case value as an integer of their type (i64 by default).
    const type = a.constraint.valueType?.(ctx);
    const intType = type instanceof IntegerType || type instanceof IndexType ? type : IntegerType.get(ctx, 64);
    return IntegerAttr.get(ctx, intType, BigInt(c.value));
  }
  const kind = a.constraint.dialectAttr;
  if (kind) {
    // Stripped of `#dialect.mnemonic`: the `<...>` part only.
    const body = p.parseOptionalAngleBody();
    if (body === undefined) {
      if (optional) return undefined;
      p.emitError(`expected '<' to begin '#${kind.dialect}.${kind.mnemonic}' attribute '${a.name}'`, p.getCurrentLocation());
      return null;
    }
    return OpaqueAttr.get(ctx, kind.dialect, kind.mnemonic + body);
  }
  const type = a.constraint.valueType?.(ctx);
  const value = optional ? p.parseOptionalAttribute(type) : p.parseAttribute(type);
  if (value === undefined) return p.failed || !optional ? null : undefined;
  if (value instanceof ArrayAttr && !a.constraint.holds(value)) return asDenseArray(p, a, value) ?? value;
  return value;
}

/** Element types a stripped dense array (`[1, 2]` for `array<i32: 1, 2>`) may have. */
const kDenseArrayElementTypes = [32, 64, 16, 8, 1] as const;

/**
 * The dense array a stripped `[...]` stands for when the attribute's
 * constraint accepts one (printStrippedAttribute's inverse): the first
 * element type, integers then floats, whose array satisfies the constraint.
 */
function asDenseArray(p: OpAsmParser, a: AttrSpec, list: ArrayAttr): DenseArrayAttr | undefined {
  const ctx = p.context;
  // TODO(issue 4): float dense arrays (`[1.0]` reads as f64 attributes; f32 needs a rounding step).
  if (!list.value.every((e) => e instanceof IntegerAttr)) return undefined;
  for (const w of kDenseArrayElementTypes) {
    const t = IntegerType.get(ctx, w);
    const probe = DenseArrayAttr.get(ctx, t, 0, new Uint8Array(0));
    if (!a.constraint.holds(probe)) continue;
    const width = Math.max(8, w);
    const data = new Uint8Array((list.value.length * width) / 8);
    const view = new DataView(data.buffer);
    for (let i = 0; i < list.value.length; i++) {
      const e = list.value[i]!;
      const bits = (e as IntegerAttr).value;
      for (let k = 0; k < width / 8; k++) view.setUint8(i * (width / 8) + k, Number((BigInt.asUintN(width, bits) >> BigInt(8 * k)) & 0xffn));
    }
    return DenseArrayAttr.get(ctx, t, list.value.length, data);
  }
  return undefined;
}

function setTypes(s: ParsedOp, source: TypeSource, types: Type[]): void {
  switch (source.kind) {
    case "operand":
      s.operandTypes[source.index] = types;
      return;
    case "result":
      s.resultTypes[source.index] = types;
      return;
    case "operands":
      s.allOperandTypes = types;
      return;
    case "results":
      s.allResultTypes = types;
      return;
  }
}

/** How many types `source` takes: exactly one, at most one, or any number. */
function sourceArity(s: ParsedOp, source: TypeSource): string {
  const spec = s.program.spec;
  if (source.kind === "operand") return spec.operands[source.index]!.arity;
  if (source.kind === "result") return spec.results[source.index]!.arity;
  return "variadic";
}

/** Types for `type(source)`: one, an optional one, or a possibly empty comma list. */
function parseTypesFor(s: ParsedOp, p: OpAsmParser, source: TypeSource): boolean {
  const arity = sourceArity(s, source);
  const types: Type[] = [];
  if (arity === "single") {
    const t = p.parseType();
    if (!t) return false;
    types.push(t);
  } else {
    const first = p.parseOptionalType();
    if (first) {
      types.push(first);
      if (arity === "variadic")
        while (p.parseOptionalComma()) {
          const t = p.parseType();
          if (!t) return false;
          types.push(t);
        }
    }
    if (p.failed) return false;
  }
  setTypes(s, source, types);
  return true;
}

/** Comma-separated optional items (regions, successors) until one is absent. */
function parseOptionalList(p: OpAsmParser, one: () => boolean | undefined): boolean {
  const first = one();
  if (first === undefined) return !p.failed;
  if (!first) return false;
  while (p.parseOptionalComma()) if (one() !== true) return false;
  return true;
}

function parseElement(s: ParsedOp, p: OpAsmParser, state: OpAsmState, e: FormatElement): boolean {
  const spec = s.program.spec;
  switch (e.kind) {
    case "literal":
      return parseLiteral(p, e.value, /*optional=*/ false);
    case "operand": {
      const arity = spec.operands[e.index]!.arity;
      const refs = s.operandRefs[e.index]!;
      s.operandOffsets[e.index] = p.getCurrentLocation();
      if (arity === "single") {
        const o = p.parseOperand();
        if (o) refs.push(o);
        return o !== undefined;
      }
      if (arity === "optional") {
        const o = p.parseOptionalOperand();
        if (o) refs.push(o);
        return !p.failed;
      }
      return p.parseOperandList(refs);
    }
    case "operands":
      s.allOperands = [];
      s.allOperandsOffset = p.getCurrentLocation();
      return p.parseOperandList(s.allOperands);
    case "attribute": {
      const a = spec.attributes[e.index]!;
      const value = parseAttr(p, a, a.optional);
      if (value === null) return false;
      if (value !== undefined) state.attributes.push({ name: a.name, value });
      return true;
    }
    case "region": {
      const group = s.regions[e.index]!;
      if (!spec.regions[e.index]!.variadic) {
        const r = new Region(null);
        group.push(r);
        return p.parseRegion(r);
      }
      return parseRegionList(p, group);
    }
    case "regions":
      return parseRegionList(p, s.regions[0] ?? []);
    case "successor": {
      const group = s.successors[e.index]!;
      if (!spec.successors[e.index]!.variadic) {
        const b = p.parseSuccessor();
        if (b) group.push(b);
        return b !== undefined;
      }
      return parseSuccessorList(p, group);
    }
    case "successors":
      return parseSuccessorList(p, s.successors[0] ?? []);
    case "attr-dict":
      return e.withKeyword ? p.parseOptionalAttrDictWithKeyword(state.attributes) : p.parseOptionalAttrDict(state.attributes);
    case "prop-dict":
      if (!p.parseOptionalLess()) return !p.failed;
      return p.parseOptionalAttrDict(state.attributes) && p.parseGreater();
    case "type":
      return parseTypesFor(s, p, e.source);
    case "functional-type": {
      const at = p.getCurrentLocation();
      const t = p.parseType();
      if (!t) return false;
      if (!(t instanceof FunctionType))
        return p.emitError(`invalid kind of type specified: expected builtin.function, but found '${printTypeForDiagnostic(t)}'`, at);
      setTypes(s, e.inputs, t.inputs.slice());
      setTypes(s, e.results, t.results.slice());
      return true;
    }
    case "qualified":
      return parseElement(s, p, state, e.inner);
    case "custom":
      return parseCustom(s, p, state, e);
    case "optional":
      return parseOptionalGroup(s, p, state, e);
  }
}

function parseRegionList(p: OpAsmParser, group: Region[]): boolean {
  return parseOptionalList(p, () => {
    const r = new Region(null);
    if (!p.parseOptionalRegion(r)) return p.failed ? false : undefined;
    group.push(r);
    return true;
  });
}

function parseSuccessorList(p: OpAsmParser, group: Block[]): boolean {
  return parseOptionalList(p, () => {
    const b = p.parseOptionalSuccessor();
    if (!b) return p.failed ? false : undefined;
    group.push(b);
    return true;
  });
}

function parseCustom(s: ParsedOp, p: OpAsmParser, state: OpAsmState, e: FormatElement & { kind: "custom" }): boolean {
  const slots: CustomParseSlot[] = e.args.map((a) => {
    const inner = a.kind === "qualified" ? a.inner : a;
    const regions = inner.kind === "region" ? [new Region(null)] : [];
    return { operands: [], types: [], attribute: undefined, regions, successors: [] };
  });
  if (!s.program.customDirectives.get(e.name)!.parse(p, slots)) return false;
  const spec = s.program.spec;
  e.args.forEach((a, i) => {
    const slot = slots[i]!;
    const inner = a.kind === "qualified" ? a.inner : a;
    switch (inner.kind) {
      case "operand":
        s.operandRefs[inner.index]!.push(...slot.operands);
        break;
      case "type":
        setTypes(s, inner.source, slot.types);
        break;
      case "attribute":
        if (slot.attribute) state.attributes.push({ name: spec.attributes[inner.index]!.name, value: slot.attribute });
        break;
      case "region":
        s.regions[inner.index]!.push(...slot.regions);
        break;
      case "successor":
        s.successors[inner.index]!.push(...slot.successors);
        break;
      default:
        break;
    }
  });
  return true;
}

/** Parses an optional group's first element if present: true (parsed), false (error), undefined (absent). */
function parseFirstOptional(s: ParsedOp, p: OpAsmParser, state: OpAsmState, e: FormatElement): boolean | undefined {
  const spec = s.program.spec;
  switch (e.kind) {
    case "literal":
      return parseLiteral(p, e.value, /*optional=*/ true) ? true : p.failed ? false : undefined;
    case "operand":
    case "operands": {
      const at = p.getCurrentLocation();
      const o = p.parseOptionalOperand();
      if (!o) return p.failed ? false : undefined;
      if (e.kind === "operands") {
        s.allOperands = [o];
        s.allOperandsOffset = at;
        return p.parseOptionalComma() ? p.parseOperandList(s.allOperands) : true;
      }
      s.operandOffsets[e.index] = at;
      s.operandRefs[e.index]!.push(o);
      if (spec.operands[e.index]!.arity === "variadic" && p.parseOptionalComma()) return p.parseOperandList(s.operandRefs[e.index]!);
      return true;
    }
    case "attribute": {
      const a = spec.attributes[e.index]!;
      const value = parseAttr(p, a, /*optional=*/ true);
      if (value === null) return false;
      if (value === undefined) return undefined;
      state.attributes.push({ name: a.name, value });
      return true;
    }
    case "region": {
      const r = new Region(null);
      if (!p.parseOptionalRegion(r)) return p.failed ? false : undefined;
      s.regions[e.index]!.push(r);
      if (spec.regions[e.index]!.variadic && p.parseOptionalComma()) return parseRegionList(p, s.regions[e.index]!);
      return true;
    }
    case "successor": {
      const b = p.parseOptionalSuccessor();
      if (!b) return p.failed ? false : undefined;
      s.successors[e.index]!.push(b);
      if (spec.successors[e.index]!.variadic && p.parseOptionalComma()) return parseSuccessorList(p, s.successors[e.index]!);
      return true;
    }
    case "type": {
      const t = p.parseOptionalType();
      if (!t) return p.failed ? false : undefined;
      const types = [t];
      if (sourceArity(s, e.source) === "variadic")
        while (p.parseOptionalComma()) {
          const u = p.parseType();
          if (!u) return false;
          types.push(u);
        }
      setTypes(s, e.source, types);
      return true;
    }
    case "qualified":
      return parseFirstOptional(s, p, state, e.inner);
    default:
      return false;
  }
}

function parseOptionalGroup(s: ParsedOp, p: OpAsmParser, state: OpAsmState, e: FormatElement & { kind: "optional" }): boolean {
  const present = parseFirstOptional(s, p, state, e.then[0]!);
  if (present === false) return false;
  if (present === undefined) return parseElements(s, p, state, e.else);
  for (let i = 1; i < e.then.length; i++) {
    const child = e.then[i]!;
    if (s.program.elidedAnchors.has(child) && child.kind === "attribute") {
      state.attributes.push({ name: s.program.spec.attributes[child.index]!.name, value: UnitAttr.get(p.context) });
      continue;
    }
    if (!parseElement(s, p, state, child)) return false;
  }
  return true;
}

/** Infers missing types, resolves operands and fills `state`. */
function finish(s: ParsedOp, p: OpAsmParser, state: OpAsmState): boolean {
  const spec = s.program.spec;
  const ctx = p.context;
  // `operands` / `type(operands)` / `type(results)` lists, split into groups.
  if (s.allOperands) {
    const groups = splitGroups(s.allOperands, s.program.operandArities, undefined);
    groups.forEach((g, i) => {
      s.operandRefs[i] = g;
      s.operandOffsets[i] = s.allOperandsOffset;
    });
  }
  if (s.allOperandTypes) {
    const counts = s.operandRefs.map((r) => r.length);
    splitGroups(s.allOperandTypes, s.program.operandArities, counts).forEach((g, i) => (s.operandTypes[i] = g));
  }
  if (s.allResultTypes) {
    splitGroups(s.allResultTypes, s.program.resultArities, undefined).forEach((g, i) => (s.resultTypes[i] = g));
  }
  // Type relations, to a fixed point; then buildable constraints.
  const program = s.program;
  if (program.relations.length)
    for (let changed = true; changed; ) {
      changed = false;
      for (const r of program.relations) {
        const source = r.source
          ? r.source.isOperand
            ? s.operandTypes[r.source.index]
            : s.resultTypes[r.source.index]
          : attributeType(state, r.sourceAttribute!);
        const target = r.target.isOperand ? s.operandTypes[r.target.index] : s.resultTypes[r.target.index];
        if (target !== undefined || source === undefined || source.length === 0) continue;
        const t = applyTypeRelation(ctx, r.relation, source[0]!);
        if (r.target.isOperand) {
          const i = r.target.index;
          const n = program.operandArities[i] === "single" ? 1 : s.operandRefs[i]!.length;
          s.operandTypes[i] = new Array<Type>(n).fill(t);
        } else {
          s.resultTypes[r.target.index] = [t];
        }
        changed = true;
      }
    }
  for (let i = 0; i < spec.operands.length; i++) {
    const build = spec.operands[i]!.constraint.buildType;
    if (s.operandTypes[i] === undefined && build) s.operandTypes[i] = s.operandRefs[i]!.map(() => build(ctx));
  }
  for (let i = 0; i < spec.results.length; i++) {
    const build = spec.results[i]!.constraint.buildType;
    if (s.resultTypes[i] === undefined && build) s.resultTypes[i] = spec.results[i]!.arity === "single" ? [build(ctx)] : [];
  }
  // Operands, in declaration order.
  for (let i = 0; i < spec.operands.length; i++) {
    const refs = s.operandRefs[i]!;
    const types = s.operandTypes[i] ?? [];
    const offset = s.operandOffsets[i]! >= 0 ? s.operandOffsets[i]! : p.getNameLocation();
    if (!p.resolveOperands(refs, types, offset, state.operands)) return false;
  }
  for (const types of s.resultTypes) if (types) state.types.push(...types);
  if (s.program.operandSegments)
    state.attributes.push({ name: "operandSegmentSizes", value: segmentSizesAttr(ctx, s.operandRefs.map((r) => r.length)) });
  if (s.program.resultSegments)
    state.attributes.push({ name: "resultSegmentSizes", value: segmentSizesAttr(ctx, s.resultTypes.map((t) => t?.length ?? 0)) });
  for (const group of s.regions) state.regions.push(...group);
  for (const group of s.successors) state.successors.push(...group);
  return true;
}

/** The type of the parsed attribute `name` (a TypedAttr), as a one-type group; undefined when absent or untyped. */
function attributeType(state: OpAsmState, name: string): readonly Type[] | undefined {
  const t = state.attributes.find((a) => a.name === name)?.value.type;
  return t ? [t] : undefined;
}
