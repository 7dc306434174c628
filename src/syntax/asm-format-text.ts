// The declarative assembly format language (ODS assemblyFormat, see MLIR's
// docs/DefiningDialects/Operations.md "Declarative Assembly Format"): the
// element tree and the reader of format text. Validation against the op's
// OpSpec happens here too, so a format that reads is one the parser and
// printer can run. Errors name the column in the format text.

import type { OpSpec } from "../ir/op-spec.js";

/** What `type(...)`, `functional-type(...)` and custom-directive arguments may name. */
export type TypeSource =
  | { readonly kind: "operand"; readonly index: number }
  | { readonly kind: "result"; readonly index: number }
  | { readonly kind: "operands" }
  | { readonly kind: "results" };

/** One element of a format; `space` (the printer's space before it) is filled by the compiler. */
export type FormatElement = (
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "operand"; readonly index: number }
  | { readonly kind: "attribute"; readonly index: number }
  | { readonly kind: "region"; readonly index: number }
  | { readonly kind: "successor"; readonly index: number }
  | { readonly kind: "operands" }
  | { readonly kind: "regions" }
  | { readonly kind: "successors" }
  | { readonly kind: "attr-dict"; readonly withKeyword: boolean }
  | { readonly kind: "prop-dict" }
  | { readonly kind: "type"; readonly source: TypeSource }
  | { readonly kind: "functional-type"; readonly inputs: TypeSource; readonly results: TypeSource }
  | { readonly kind: "qualified"; readonly inner: FormatElement }
  | { readonly kind: "custom"; readonly name: string; readonly args: readonly FormatElement[] }
  | {
      readonly kind: "optional";
      readonly then: readonly FormatElement[];
      readonly else: readonly FormatElement[];
      readonly anchor: FormatElement;
    }
) & { space: boolean; readonly column: number };

/** A format that failed to read, with MLIR-like wording and a 1-based column in the format text. */
export class FormatError {
  constructor(
    readonly message: string,
    readonly column: number,
  ) {}
}

/** Token kinds of the format text. */
const enum Tok {
  Literal,
  Variable,
  Keyword,
  Punct,
  End,
}

interface Token {
  readonly kind: Tok;
  /** Literal text, variable name (without `$`), keyword, or the punctuation character. */
  readonly text: string;
  readonly column: number;
}

function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_-]/.test(c);
}

/** Splits format text into tokens. */
function tokenize(text: string): Token[] | FormatError {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const column = i + 1;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (c === "`") {
      const end = text.indexOf("`", i + 1);
      if (end < 0) return new FormatError("unexpected end of file in literal", column);
      out.push({ kind: Tok.Literal, text: text.substring(i + 1, end), column });
      i = end + 1;
    } else if (c === "$") {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      if (j === i + 1) return new FormatError("expected variable name", column);
      out.push({ kind: Tok.Variable, text: text.substring(i + 1, j), column });
      i = j;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && isIdentChar(text[j]!)) j++;
      out.push({ kind: Tok.Keyword, text: text.substring(i, j), column });
      i = j;
    } else if ("()?^:,<>".includes(c)) {
      out.push({ kind: Tok.Punct, text: c, column });
      i++;
    } else {
      return new FormatError(`unexpected character '${c}'`, column);
    }
  }
  out.push({ kind: Tok.End, text: "", column: text.length + 1 });
  return out;
}

/** The literals the parser can match: punctuation, `->`, `...`, and keywords. */
const kPunctuationLiterals = new Set([",", ":", "=", "->", "(", ")", "[", "]", "{", "}", "<", ">", "?", "*", "+", "|", "..."]);

function isValidLiteral(value: string): boolean {
  if (value === "" || value === " " || value === "\\n") return true;
  if (kPunctuationLiterals.has(value)) return true;
  return /^[A-Za-z_][A-Za-z0-9_$.]*$/.test(value);
}

/** Reads format text into elements for `spec`; a FormatError on malformed text. */
export class FormatReader {
  private tokens: Token[] = [];
  private pos = 0;
  /** Variables seen, to check that every operand, region and successor appears. */
  readonly seenOperands = new Set<number>();
  readonly seenRegions = new Set<number>();
  readonly seenSuccessors = new Set<number>();
  readonly seenAttributes = new Set<number>();
  /** Operand and result groups whose types a `type`/`functional-type` directive gives. */
  readonly typedOperands = new Set<number>();
  readonly typedResults = new Set<number>();
  sawAllOperands = false;
  sawAllOperandTypes = false;
  sawAllResultTypes = false;
  sawAllRegions = false;
  sawAllSuccessors = false;
  sawAttrDict = false;
  sawPropDict = false;

  constructor(private readonly spec: OpSpec) {}

  read(text: string): FormatElement[] | FormatError {
    const tokens = tokenize(text);
    if (tokens instanceof FormatError) return tokens;
    this.tokens = tokens;
    this.pos = 0;
    const out: FormatElement[] = [];
    while (this.peek().kind !== Tok.End) {
      const e = this.element(/*inOptional=*/ false);
      if (e instanceof FormatError) return e;
      out.push(e);
    }
    return out;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === Tok.Punct && t.text === text;
  }
  private expectPunct(text: string, what: string): FormatError | undefined {
    if (this.isPunct(text)) {
      this.pos++;
      return undefined;
    }
    return new FormatError(`expected '${text}' ${what}`, this.peek().column);
  }

  /** One element at top level or inside an optional group. */
  private element(inOptional: boolean): FormatElement | FormatError {
    const t = this.next();
    switch (t.kind) {
      case Tok.Literal:
        if (!isValidLiteral(t.text)) return new FormatError(`expected valid literal but got '${t.text}'`, t.column);
        return { kind: "literal", value: t.text, space: false, column: t.column };
      case Tok.Variable:
        return this.variable(t, /*inDirective=*/ false);
      case Tok.Keyword:
        return this.directive(t);
      case Tok.Punct:
        if (t.text === "(") return this.optionalGroup(t, inOptional);
        return new FormatError(`unexpected '${t.text}'`, t.column);
      default:
        return new FormatError("unexpected end of format", t.column);
    }
  }

  /** `$name`: an operand, attribute, region or successor of the op (results only inside type directives). */
  private variable(t: Token, inDirective: boolean): FormatElement | FormatError {
    const name = t.text;
    const spec = this.spec;
    const operand = spec.operands.findIndex((o) => o.name === name);
    if (operand >= 0) {
      if (!inDirective) {
        if (this.seenOperands.has(operand)) return new FormatError(`redefinition of operand '${name}'`, t.column);
        this.seenOperands.add(operand);
      }
      return { kind: "operand", index: operand, space: false, column: t.column };
    }
    const attribute = spec.attributes.findIndex((a) => a.name === name);
    if (attribute >= 0) {
      if (!inDirective) {
        if (this.seenAttributes.has(attribute)) return new FormatError(`redefinition of attribute '${name}'`, t.column);
        this.seenAttributes.add(attribute);
      }
      return { kind: "attribute", index: attribute, space: false, column: t.column };
    }
    const region = spec.regions.findIndex((r) => r.name === name);
    if (region >= 0) {
      if (this.seenRegions.has(region)) return new FormatError(`redefinition of region '${name}'`, t.column);
      this.seenRegions.add(region);
      return { kind: "region", index: region, space: false, column: t.column };
    }
    const successor = spec.successors.findIndex((s) => s.name === name);
    if (successor >= 0) {
      if (this.seenSuccessors.has(successor)) return new FormatError(`redefinition of successor '${name}'`, t.column);
      this.seenSuccessors.add(successor);
      return { kind: "successor", index: successor, space: false, column: t.column };
    }
    if (spec.results.some((r) => r.name === name))
      return new FormatError(`results '${name}' may only be used as a child of a type directive`, t.column);
    return new FormatError(`expected variable to refer to an argument, region, result, or successor`, t.column);
  }

  /** The argument of `type(...)`: `$operand`, `$result`, `operands` or `results`. */
  private typeSource(): TypeSource | FormatError {
    const t = this.next();
    if (t.kind === Tok.Keyword && t.text === "operands") {
      this.sawAllOperandTypes = true;
      return { kind: "operands" };
    }
    if (t.kind === Tok.Keyword && t.text === "results") {
      this.sawAllResultTypes = true;
      return { kind: "results" };
    }
    if (t.kind === Tok.Variable) {
      const operand = this.spec.operands.findIndex((o) => o.name === t.text);
      if (operand >= 0) {
        if (this.typedOperands.has(operand)) return new FormatError(`'type' of '${t.text}' is already bound`, t.column);
        this.typedOperands.add(operand);
        return { kind: "operand", index: operand };
      }
      const result = this.spec.results.findIndex((r) => r.name === t.text);
      if (result >= 0) {
        if (this.typedResults.has(result)) return new FormatError(`'type' of '${t.text}' is already bound`, t.column);
        this.typedResults.add(result);
        return { kind: "result", index: result };
      }
    }
    return new FormatError("expected an operand or result variable, 'operands' or 'results' in type directive", t.column);
  }

  private directive(t: Token): FormatElement | FormatError {
    const column = t.column;
    switch (t.text) {
      case "attr-dict":
      case "attr-dict-with-keyword":
        if (this.sawAttrDict) return new FormatError("'attr-dict' directive has already been seen", column);
        this.sawAttrDict = true;
        return { kind: "attr-dict", withKeyword: t.text !== "attr-dict", space: false, column };
      case "prop-dict":
        if (this.sawPropDict) return new FormatError("'prop-dict' directive has already been seen", column);
        this.sawPropDict = true;
        return { kind: "prop-dict", space: false, column };
      case "operands":
        this.sawAllOperands = true;
        return { kind: "operands", space: false, column };
      case "regions":
        this.sawAllRegions = true;
        return { kind: "regions", space: false, column };
      case "successors":
        this.sawAllSuccessors = true;
        return { kind: "successors", space: false, column };
      case "results":
        return new FormatError("'results' directive may only be used as a child of a type directive", column);
      case "type": {
        const open = this.expectPunct("(", "before argument list");
        if (open) return open;
        const source = this.typeSource();
        if (source instanceof FormatError) return source;
        return this.expectPunct(")", "after argument list") ?? { kind: "type", source, space: false, column };
      }
      case "functional-type": {
        const open = this.expectPunct("(", "before argument list");
        if (open) return open;
        const inputs = this.typeSource();
        if (inputs instanceof FormatError) return inputs;
        const comma = this.expectPunct(",", "after inputs argument");
        if (comma) return comma;
        const results = this.typeSource();
        if (results instanceof FormatError) return results;
        return this.expectPunct(")", "after argument list") ?? { kind: "functional-type", inputs, results, space: false, column };
      }
      case "qualified": {
        const open = this.expectPunct("(", "before argument list");
        if (open) return open;
        const inner = this.element(/*inOptional=*/ false);
        if (inner instanceof FormatError) return inner;
        if (inner.kind !== "type" && inner.kind !== "attribute")
          return new FormatError("'qualified' directive expects an attribute or a `type` directive", inner.column);
        return this.expectPunct(")", "after argument list") ?? { kind: "qualified", inner, space: false, column };
      }
      case "custom": {
        const less = this.expectPunct("<", "before custom directive name");
        if (less) return less;
        const name = this.next();
        if (name.kind !== Tok.Keyword) return new FormatError("expected custom directive name identifier", name.column);
        const greater = this.expectPunct(">", "after custom directive name");
        if (greater) return greater;
        const open = this.expectPunct("(", "before custom directive parameters");
        if (open) return open;
        const args: FormatElement[] = [];
        while (!this.isPunct(")")) {
          const a = this.customArgument();
          if (a instanceof FormatError) return a;
          args.push(a);
          if (!this.isPunct(",")) break;
          this.pos++;
        }
        return this.expectPunct(")", "after custom directive parameters") ?? { kind: "custom", name: name.text, args, space: false, column };
      }
      default:
        return new FormatError(`expected directive, literal, variable, or optional group`, column);
    }
  }

  /** A custom directive argument: `$var`, `type($var)`, `attr-dict` or a `ref(...)`-free subset. */
  private customArgument(): FormatElement | FormatError {
    const t = this.peek();
    if (t.kind === Tok.Variable) {
      this.pos++;
      return this.variable(t, /*inDirective=*/ false);
    }
    if (t.kind === Tok.Keyword && (t.text === "type" || t.text === "attr-dict" || t.text === "qualified")) {
      this.pos++;
      return this.directive(t);
    }
    return new FormatError("only variables and types may be used as parameters to a custom directive", t.column);
  }

  /** `( elements ) (: ( else ))? ?` with one `^` anchor among the first elements. */
  private optionalGroup(open: Token, inOptional: boolean): FormatElement | FormatError {
    if (inOptional) return new FormatError("optional groups can only be used as top-level elements", open.column);
    const then: FormatElement[] = [];
    let anchor: FormatElement | undefined;
    while (!this.isPunct(")")) {
      if (this.peek().kind === Tok.End) return new FormatError("expected ')' to end optional group", this.peek().column);
      const e = this.element(/*inOptional=*/ true);
      if (e instanceof FormatError) return e;
      then.push(e);
      if (this.isPunct("^")) {
        if (anchor) return new FormatError("only one element can be marked as the anchor of an optional group", this.peek().column);
        this.pos++;
        anchor = e.kind === "qualified" ? e.inner : e;
      }
    }
    this.pos++;
    const elseElements: FormatElement[] = [];
    if (this.isPunct(":")) {
      this.pos++;
      const o = this.expectPunct("(", "to start else branch of optional group");
      if (o) return o;
      while (!this.isPunct(")")) {
        if (this.peek().kind === Tok.End) return new FormatError("expected ')' to end optional group", this.peek().column);
        const e = this.element(/*inOptional=*/ true);
        if (e instanceof FormatError) return e;
        elseElements.push(e);
      }
      this.pos++;
    }
    const q = this.expectPunct("?", "after optional group");
    if (q) return q;
    if (then.length === 0) return new FormatError("optional group has no elements", open.column);
    if (!anchor) return new FormatError("optional group has no anchor element", open.column);
    const first = then[0]!;
    const firstKind = first.kind === "qualified" ? first.inner.kind : first.kind;
    if (!["literal", "operand", "attribute", "region", "successor", "type", "operands"].includes(firstKind) || (first.kind === "literal" && (first.value === "" || first.value === " ")))
      return new FormatError("first parsable element of an optional group must be a literal, variable, or type directive", first.column);
    return { kind: "optional", then, else: elseElements, anchor, space: false, column: open.column };
  }
}
