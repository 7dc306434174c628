// OpAsmParser and OpAsmPrinter: what an op's custom assembly hooks may call
// (MLIR's OpImplementation.h). The interfaces live in IR so op definitions can
// name them; src/syntax implements them over its scanner and printer.
//
// Conventions (STYLE.md rule 4): `parseX` reports an error when X is absent
// and returns undefined (or false); `parseOptionalX` consumes nothing and
// returns undefined (or false) when X is absent, and reports only errors
// inside an X that has begun. Errors are located at the parser's current
// token; only the first error of a parse is reported, and `failed` stays set.

import type { Attribute } from "./attribute.js";
import type { Block } from "./block.js";
import type { DictionaryAttr, NamedAttribute } from "./builtin-attributes.js";
import type { Context } from "./context.js";
import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import type { Region } from "./region.js";
import type { Type } from "./type.js";
import type { BlockArgument, Value } from "./value.js";

/** A `%name#number` operand reference not yet resolved to a value (MLIR's UnresolvedOperand). */
export interface UnresolvedOperand {
  /** The text after `%` (a number for canonical decimal names). */
  readonly name: string | number;
  readonly number: number;
  /** Source offset of the `%`. */
  readonly offset: number;
}

/** A region argument as written: `%x: type {attrs} loc(...)` (MLIR's OpAsmParser::Argument). */
export interface OpAsmArgument {
  readonly ssaName: UnresolvedOperand;
  type: Type | undefined;
  attrs: DictionaryAttr | undefined;
  /** The explicit `loc(...)`, or undefined (the argument then gets its name's location). */
  loc: Location | undefined;
}

/** Brackets around a list (MLIR's AsmParser::Delimiter). */
export enum Delimiter {
  None = 0,
  Paren = 1,
  Square = 2,
  LessGreater = 3,
  Braces = 4,
  OptionalParen = 5,
  OptionalSquare = 6,
  OptionalLessGreater = 7,
  OptionalBraces = 8,
}

/** What a parse hook builds (MLIR's OperationState): the op is created from it afterwards. */
export interface OpAsmState {
  readonly context: Context;
  readonly operands: Value[];
  /** Result types. */
  readonly types: Type[];
  /** Attributes; inherent ones move to properties when the op is created. */
  readonly attributes: NamedAttribute[];
  readonly successors: Block[];
  /** Regions filled by parseRegion; the op takes their bodies. */
  readonly regions: Region[];
  /** Adds an empty region (to pass to parseRegion) and returns it. */
  addRegion(): Region;
}

/** Punctuation tokens a hook may expect, by spelling. */
export type Punctuation = "," | ":" | "=" | "->" | "(" | ")" | "[" | "]" | "{" | "}" | "<" | ">" | "?" | "*" | "+" | "|" | "...";

/** The parser a custom-form hook reads its op from. */
export interface OpAsmParser {
  readonly context: Context;
  /** True once an error has been reported (later calls fail fast). */
  readonly failed: boolean;
  /** Offset of the next token (MLIR's getCurrentLocation), for emitError. */
  getCurrentLocation(): number;
  /** Offset of the op name. */
  getNameLocation(): number;
  /** The source location of `offset` (MLIR's getEncodedSourceLoc), e.g. for ops a hook creates itself. */
  getEncodedSourceLoc(offset: number): Location;
  /** Reports `message` at `offset` (the current token when absent); returns false so hooks can `return p.emitError(...)`. */
  emitError(message: string, offset?: number): false;
  /** Number of result values the op head binds (`%a, %b:2 = ...` binds 3). */
  getNumResults(): number;

  parsePunctuation(p: Punctuation): boolean;
  parseOptionalPunctuation(p: Punctuation): boolean;
  parseComma(): boolean;
  parseOptionalComma(): boolean;
  parseColon(): boolean;
  parseOptionalColon(): boolean;
  parseEqual(): boolean;
  parseOptionalEqual(): boolean;
  parseArrow(): boolean;
  parseOptionalArrow(): boolean;
  parseLParen(): boolean;
  parseOptionalLParen(): boolean;
  parseRParen(): boolean;
  parseOptionalRParen(): boolean;
  parseLSquare(): boolean;
  parseOptionalLSquare(): boolean;
  parseRSquare(): boolean;
  parseOptionalRSquare(): boolean;
  parseLBrace(): boolean;
  parseOptionalLBrace(): boolean;
  parseRBrace(): boolean;
  parseOptionalRBrace(): boolean;
  parseLess(): boolean;
  parseOptionalLess(): boolean;
  parseGreater(): boolean;
  parseOptionalGreater(): boolean;
  /**
   * A balanced `<...>` at the next token, returned verbatim (the body of a
   * dialect attribute printed stripped of `#dialect.mnemonic`), or undefined
   * without consuming anything when the next token is not `<`.
   */
  parseOptionalAngleBody(): string | undefined;

  /** `keyword` as a bare identifier; error "expected '<keyword>'" otherwise. */
  parseKeyword(keyword: string): boolean;
  parseOptionalKeyword(keyword: string): boolean;
  /** Any bare identifier (`[a-zA-Z_][a-zA-Z0-9_$.]*`), or undefined. */
  parseOptionalKeywordAny(): string | undefined;
  /** The bare identifier at the next token without consuming it, or undefined. */
  peekOptionalKeyword(): string | undefined;
  /** A decimal or `0x` hexadecimal integer, optionally negative; error "expected integer value" otherwise. */
  parseInteger(): bigint | undefined;
  parseOptionalInteger(): bigint | undefined;
  /** A `"string"` literal's value, or undefined. */
  parseOptionalString(): string | undefined;
  /** `@name`: the name, or undefined after "expected valid '@'-identifier for symbol name". */
  parseSymbolName(): string | undefined;
  parseOptionalSymbolName(): string | undefined;

  parseOperand(allowResultNumber?: boolean): UnresolvedOperand | undefined;
  parseOptionalOperand(allowResultNumber?: boolean): UnresolvedOperand | undefined;
  /** Operands separated by commas into `out`, inside `delimiter`; `requiredCount` < 0 means any. */
  parseOperandList(out: UnresolvedOperand[], delimiter?: Delimiter, allowResultNumber?: boolean, requiredCount?: number): boolean;
  /** Resolves one operand with its type into `out`. */
  resolveOperand(operand: UnresolvedOperand, type: Type, out: Value[]): boolean;
  /** Resolves operands against as many types ("N operands present, but expected M" at `offset` otherwise). */
  resolveOperands(operands: readonly UnresolvedOperand[], types: readonly Type[], offset: number, out: Value[]): boolean;

  parseType(): Type | undefined;
  parseOptionalType(): Type | undefined;
  /** `: type`. */
  parseColonType(): Type | undefined;
  /** `: type (, type)*` into `out`. */
  parseColonTypeList(out: Type[]): boolean;
  /** `type (, type)*` into `out`. */
  parseTypeList(out: Type[]): boolean;
  /** `-> type` or `-> (type, ...)` into `out`. */
  parseArrowTypeList(out: Type[]): boolean;
  parseOptionalArrowTypeList(out: Type[]): boolean;

  /** An attribute; with `type`, a literal without `: type` gets that type. */
  parseAttribute(type?: Type): Attribute | undefined;
  parseOptionalAttribute(type?: Type): Attribute | undefined;
  /** `{name = attr, ...}` if present, appended to `out`. */
  parseOptionalAttrDict(out: NamedAttribute[]): boolean;
  /** `attributes {name = attr, ...}` if present, appended to `out`. */
  parseOptionalAttrDictWithKeyword(out: NamedAttribute[]): boolean;
  /** `loc(...)` if present. */
  parseOptionalLocationSpecifier(): Location | undefined | false;

  /** `^label`. */
  parseSuccessor(): Block | undefined;
  parseOptionalSuccessor(): Block | undefined;
  /** `^label` or `^label(%a, %b : T, U)`, the operands resolved into `operands`. */
  parseSuccessorAndUseList(operands: Value[]): Block | undefined;

  /** `%x` or `%x: type {attrs} loc(...)` as allowed. */
  parseArgument(allowType: boolean, allowAttrs: boolean): OpAsmArgument | undefined;
  parseOptionalArgument(allowType: boolean, allowAttrs: boolean): OpAsmArgument | undefined;
  parseArgumentList(out: OpAsmArgument[], delimiter: Delimiter, allowType: boolean, allowAttrs: boolean): boolean;

  /**
   * `{ ... }` into `region`, whose entry block gets `args` (typed) as its
   * arguments. A region nested this way is parsed by recursion: depth is
   * bounded (see the parser's diagnostic), unlike generic-form nesting.
   */
  parseRegion(region: Region, args?: readonly OpAsmArgument[]): boolean;
  /** parseRegion when the next token is `{`; false (nothing consumed) otherwise. Check `failed` after. */
  parseOptionalRegion(region: Region, args?: readonly OpAsmArgument[]): boolean;
}

/** The printer a custom-form hook writes its op with (after `%res = name`). */
export interface OpAsmPrinter {
  readonly context: Context;
  /** Raw text (punctuation, keywords, spaces). */
  print(text: string): void;
  /** A line break, indented to the op's own level (MLIR's printNewline). */
  printNewline(): void;
  printOperand(v: Value): void;
  /** Operands separated by `, `. */
  printOperands(values: readonly Value[]): void;
  printType(t: Type): void;
  /** Types separated by `, `. */
  printTypes(types: readonly Type[]): void;
  /** `-> T`, `-> (T, U)`, `-> ()` for none, with MLIR's parenthesisation of a lone function type. */
  printArrowTypeList(types: readonly Type[]): void;
  /** `(T, U) -> V` as a function type prints. */
  printFunctionalType(inputs: readonly Type[], results: readonly Type[]): void;
  printAttribute(a: Attribute): void;
  /**
   * An attribute as declarative formats print a `$attr` of a builtin kind
   * with its own syntax (MLIR's printStrippedAttrOrType): a dense array as
   * `[1, 2]` without `array<i32: >`; others as printAttribute.
   */
  printStrippedAttribute(a: Attribute): void;
  /** An integer or float attribute without its `: type`; others as printAttribute. */
  printAttributeWithoutType(a: Attribute): void;
  /** ` {a = 1, b}` with a leading space, skipping `elided` names; nothing when empty. */
  printOptionalAttrDict(attrs: readonly NamedAttribute[], elided?: readonly string[]): void;
  /** ` attributes {a = 1}`, as printOptionalAttrDict. */
  printOptionalAttrDictWithKeyword(attrs: readonly NamedAttribute[], elided?: readonly string[]): void;
  /** `@name`, quoted when not a bare identifier. */
  printSymbolName(name: string): void;
  /** A bare identifier when it is one, else a quoted string. */
  printKeywordOrString(s: string): void;
  printSuccessor(b: Block): void;
  /** `^bb1` or `^bb1(%a, %b : T, U)`. */
  printSuccessorAndUseList(b: Block, operands: readonly Value[]): void;
  /** `%arg0: T {attrs} loc(...)` (the location only with debug info). */
  printRegionArgument(arg: BlockArgument, attrs?: DictionaryAttr, omitType?: boolean): void;
  /** `{`, the blocks, `}`; the entry block's header only if asked and it has arguments. */
  printRegion(region: Region, printEntryBlockArgs?: boolean, printBlockTerminators?: boolean, printEmptyBlock?: boolean): void;
  /** ` loc(...)` with debug info, else nothing. */
  printOptionalLocationSpecifier(loc: Location): void;
  /** The op's inherent and discardable attributes merged, sorted by name (MLIR's getAttrs()). */
  getAttrs(op: Operation): readonly NamedAttribute[];
}

/** Receives a result-name hint (`%c0`): `setName(value, "c0")` (MLIR's OpAsmSetValueNameFn). */
export type SetValueName = (value: Value, name: string) => void;
