// The chevrotain grammar of builtin types and attributes: the rich (slow)
// path, run on the source text of one type or attribute that the fast path
// does not handle, with results cached by that text (TypeAttrParser). One
// EmbeddedActionsParser builds IR values directly (no CST) through the same
// semantic actions as the fast path (parse-actions.ts). Lexical chunks
// (strings, dialect symbols, shape prefixes, dense/sparse/loc/affine bodies)
// arrive as single tokens from type-attr-lexer.ts and are read by hand.
// Grammar follows mlir/lib/AsmParser/{TypeParser,AttributeParser}.cpp.

import {
  EmbeddedActionsParser,
  tokenMatcher,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from "./chevrotain.js";
import type { Attribute } from "../ir/attribute.js";
import {
  ArrayAttr,
  DenseArrayAttr,
  DenseResourceElementsAttr,
  DictionaryAttr,
  kDynamicStrideOrOffset,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
  type NamedAttribute,
} from "../ir/builtin-attributes.js";
import { FloatType, FunctionType, IndexType, IntegerType, NoneType, ShapedType, TupleType } from "../ir/builtin-types.js";
import { getFloatSemantics } from "../ir/float-format.js";
import type { Type } from "../ir/type.js";
import { boolAttr } from "./attribute-parser.js";
import { buildDenseAttr, parseTensorLiteral, TensorLiteral } from "./dense-parser.js";
import { buildSparseAttr, parseSparseBody } from "./sparse-parser.js";
import { decodeStringLiteral } from "./escape.js";
import {
  addMemRefExtra,
  buildComplexType,
  buildDialectAttr,
  buildDialectType,
  buildFloatLiteralAttr,
  buildIntegerLiteralAttr,
  buildIntegerType,
  checkMemRefElementType,
  finishMemRefType,
  finishTensorType,
  finishVectorType,
  floatBitsFromIntegerLiteral,
  floatLiteralBits,
  integerLiteralValue,
  isAliasReference,
  quoteType,
  resolveAttrAlias,
  type ParserHost,
} from "./parse-actions.js";
import { parseAffineMapAttr, parseIntegerSetAttr } from "./affine-bridge.js";
import { startsOptionalAttribute } from "./type-parser.js";
import type { ShapePrefix } from "./scan.js";
import * as T from "./type-attr-lexer.js";
import { skipTrivia } from "./trivia.js";

/** Thrown out of grammar actions after the error was reported to the host. */
export const STOP = new Error("type/attribute parse stopped after a reported error");

function need<X>(v: X): Exclude<X, undefined> {
  if (v === undefined) throw STOP;
  return v as Exclude<X, undefined>;
}

/**
 * Every decision point gives MLIR's message as ERR_MSG; report it verbatim.
 * The fallbacks are only reached by decisions without one.
 */
const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => `expected ${expected.name}`,
  buildNotAllInputParsedMessage: () => "unexpected trailing input",
  buildNoViableAltMessage: ({ customUserDescription }) => customUserDescription ?? "unexpected token",
  buildEarlyExitMessage: ({ customUserDescription }) => customUserDescription ?? "unexpected token",
};

/**
 * The grammar. Rules return IR values; `host`, `base` and `subLen` describe
 * the current run (the substring `host.text[base, base + subLen)`).
 */
export class TypeAttrGrammar extends EmbeddedActionsParser {
  host!: ParserHost;
  base = 0;
  subLen = 0;
  /** Type given by the caller for the top-level literal (parseAttribute(type)). */
  private providedType: Type | undefined = undefined;
  private nonFnAlts: IOrAlt<Type>[] | undefined = undefined;
  private attrAlts: IOrAlt<Attribute>[] | undefined = undefined;

  constructor() {
    super(T.allTokens, { maxLookahead: 2, recoveryEnabled: false, errorMessageProvider });
    this.performSelfAnalysis();
  }

  /** File offset of a token; the end-of-input token maps to the next token after the substring. */
  off(tok: IToken): number {
    return Number.isNaN(tok.startOffset) ? skipTrivia(this.host.text, this.base + this.subLen) : this.base + tok.startOffset;
  }
  /** The next unconsumed token (the end-of-input token when all were consumed). */
  nextToken(): IToken {
    return this.LA(1);
  }
  /** File offset of the next token. */
  private next(): number {
    return this.off(this.LA(1));
  }
  private takeProvided(): Type | undefined {
    const t = this.providedType;
    this.providedType = undefined;
    return t;
  }
  setProvidedType(t: Type | undefined): void {
    this.providedType = t;
  }
  private readonly noProvidedType = (): boolean => this.providedType === undefined;

  //===------------------------------------------------------------------===//
  // Types
  //===------------------------------------------------------------------===//

  type = this.RULE("type", (): Type => {
    return this.OR({
      DEF: [{ ALT: () => this.SUBRULE(this.functionType) }, { ALT: () => this.SUBRULE(this.nonFunctionType) }],
      ERR_MSG: "expected non-function type",
    });
  });

  private typeListParens = this.RULE("typeListParens", (): Type[] => {
    const types: Type[] = [];
    this.CONSUME(T.LParen, { ERR_MSG: "expected '('" });
    this.OPTION(() => {
      types.push(this.SUBRULE(this.type));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        types.push(this.SUBRULE2(this.type));
      });
    });
    this.CONSUME(T.RParen, { ERR_MSG: "expected ')'" });
    return types;
  });

  private functionType = this.RULE("functionType", (): Type => {
    const inputs = this.SUBRULE(this.typeListParens);
    this.CONSUME(T.Arrow, { ERR_MSG: "expected '->' in function type" });
    const results = this.OR({
      DEF: [{ ALT: () => this.SUBRULE2(this.typeListParens) }, { ALT: () => [this.SUBRULE(this.nonFunctionType)] }],
      ERR_MSG: "expected non-function type",
    });
    return this.ACTION(() => FunctionType.get(this.host.ctx, inputs, results));
  });

  private nonFunctionType = this.RULE("nonFunctionType", (): Type => {
    return this.OR({
      DEF: (this.nonFnAlts ??= [
        {
          ALT: () => {
            const t = this.CONSUME(T.IntType);
            return this.ACTION(() => need(buildIntegerType(this.host, this.off(t), this.off(t) + t.image.length)));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.FloatTypeKw);
            return this.ACTION(() => FloatType.get(this.host.ctx, t.image as never));
          },
        },
        { ALT: () => (this.CONSUME(T.KwIndex), this.ACTION(() => IndexType.get(this.host.ctx))) },
        { ALT: () => (this.CONSUME(T.KwNone), this.ACTION(() => NoneType.get(this.host.ctx))) },
        { ALT: () => this.SUBRULE(this.complexType) },
        { ALT: () => this.SUBRULE(this.tupleType) },
        { ALT: () => this.SUBRULE(this.tensorType) },
        { ALT: () => this.SUBRULE(this.memrefType) },
        { ALT: () => this.SUBRULE(this.vectorType) },
        {
          ALT: () => {
            const t = this.OR2([
              { ALT: () => this.CONSUME(T.KwTensor) },
              { ALT: () => this.CONSUME(T.KwMemRef) },
              { ALT: () => this.CONSUME(T.KwVector) },
            ]);
            return this.ACTION(() => {
              this.host.emitWrongToken(this.next(), `expected '<' in ${t.image} type`);
              throw STOP;
            });
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(T.BangSymbol);
            return this.ACTION(() => {
              const p = t.payload as T.SymbolPayload;
              const start = this.off(t);
              if (p.bodyError) return need(this.host.emitErrorAt(this.base + p.bodyError.offset, p.bodyError.message));
              return need(buildDialectType(this.host, start, this.base + p.idEnd, p.bodyEnd >= 0 ? this.base + p.bodyEnd : -1));
            });
          },
        },
      ]),
      ERR_MSG: "expected non-function type",
    });
  });

  private complexType = this.RULE("complexType", (): Type => {
    this.CONSUME(T.KwComplex);
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' in complex type" });
    const eltOffset = this.ACTION(() => this.next());
    const elt = this.SUBRULE(this.type);
    this.CONSUME(T.Greater, { ERR_MSG: "expected '>' in complex type" });
    return this.ACTION(() => need(buildComplexType(this.host, elt, eltOffset)));
  });

  private tupleType = this.RULE("tupleType", (): Type => {
    const types: Type[] = [];
    this.CONSUME(T.KwTuple);
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' in tuple type" });
    this.OR([
      { ALT: () => this.CONSUME(T.Greater) },
      {
        ALT: () => {
          types.push(this.SUBRULE(this.type));
          this.MANY(() => {
            this.CONSUME(T.Comma);
            types.push(this.SUBRULE2(this.type));
          });
          this.CONSUME2(T.Greater, { ERR_MSG: "expected '>' in tuple type" });
        },
      },
    ]);
    return this.ACTION(() => TupleType.get(this.host.ctx, types));
  });

  /** The shape prefix carried by a head token, or stop after reporting its error. */
  private prefixOf(t: IToken): ShapePrefix {
    const p = t.payload as ShapePrefix;
    if (p.errorOffset >= 0) {
      const off = this.base + p.errorOffset;
      if (p.errorWrongToken) this.host.emitWrongToken(off, p.errorMessage);
      else this.host.emitErrorAt(off, p.errorMessage);
      throw STOP;
    }
    // Payload offsets are relative to the substring; make a file-relative copy.
    return { ...p, start: this.base + p.start, end: this.base + p.end };
  }

  private tensorType = this.RULE("tensorType", (): Type => {
    const head = this.CONSUME(T.TensorHead);
    const prefix = this.ACTION(() => this.prefixOf(head));
    const eltOffset = this.ACTION(() => this.next());
    const elt = this.SUBRULE(this.type);
    let encoding: Attribute | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Comma);
      this.OPTION2({
        GATE: () => startsOptionalAttribute(this.host.text, this.next()),
        DEF: () => {
          encoding = this.SUBRULE(this.attribute);
        },
      });
    });
    this.CONSUME(T.Greater, { ERR_MSG: "expected '>' in tensor type" });
    return this.ACTION(() => need(finishTensorType(this.host, prefix, elt, eltOffset, encoding, this.next())));
  });

  private memrefType = this.RULE("memrefType", (): Type => {
    const head = this.CONSUME(T.MemRefHead);
    const prefix = this.ACTION(() => this.prefixOf(head));
    const eltOffset = this.ACTION(() => this.next());
    const elt = this.SUBRULE(this.type);
    this.ACTION(() => {
      if (!checkMemRefElementType(this.host, elt, eltOffset)) throw STOP;
    });
    const state: { layout: Attribute | undefined; memorySpace: Attribute | undefined } = { layout: undefined, memorySpace: undefined };
    const extra = (a: Attribute): void => {
      if (!addMemRefExtra(this.host, state, prefix.unranked, a, this.next())) throw STOP;
    };
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Greater) },
        {
          ALT: () => {
            this.CONSUME(T.Comma);
            this.ACTION(() => {
              if (tokenMatcher(this.LA(1), T.Greater)) this.wrongToken("expected list element");
            });
            const a = this.SUBRULE(this.attribute);
            this.ACTION(() => extra(a));
            this.MANY(() => {
              this.CONSUME2(T.Comma);
              const b = this.SUBRULE2(this.attribute);
              this.ACTION(() => extra(b));
            });
            this.CONSUME2(T.Greater, { ERR_MSG: "expected ',' or '>'" });
          },
        },
      ],
      ERR_MSG: "expected ',' or '>' in memref type",
    });
    return this.ACTION(() => need(finishMemRefType(this.host, prefix, elt, state.layout, state.memorySpace)));
  });

  private vectorType = this.RULE("vectorType", (): Type => {
    const head = this.CONSUME(T.VectorHead);
    const prefix = this.ACTION(() => this.prefixOf(head));
    const elt = this.SUBRULE(this.type);
    this.CONSUME(T.Greater, { ERR_MSG: "expected '>' in vector type" });
    return this.ACTION(() => need(finishVectorType(this.host, prefix, elt)));
  });

  private wrongToken(message: string): never {
    this.host.emitWrongToken(this.next(), message);
    throw STOP;
  }

  //===------------------------------------------------------------------===//
  // Attributes
  //===------------------------------------------------------------------===//

  /** `: type` after a literal, unless the caller provided the type. */
  private optionalColonType = this.RULE("optionalColonType", (): Type | undefined => {
    let t: Type | undefined;
    this.OPTION({
      GATE: this.noProvidedType,
      DEF: () => {
        this.CONSUME(T.Colon);
        t = this.SUBRULE(this.type);
      },
    });
    return t;
  });

  attribute = this.RULE("attribute", (): Attribute => {
    return this.OR({
      DEF: (this.attrAlts ??= [
        { ALT: () => this.SUBRULE(this.affineAttr) },
        { ALT: () => this.SUBRULE(this.arrayAttr) },
        { ALT: () => (this.CONSUME(T.KwTrue), this.ACTION(() => boolAttr(this.host.ctx, true))) },
        { ALT: () => (this.CONSUME(T.KwFalse), this.ACTION(() => boolAttr(this.host.ctx, false))) },
        { ALT: () => this.SUBRULE(this.denseAttr) },
        { ALT: () => this.SUBRULE(this.sparseAttr) },
        { ALT: () => this.SUBRULE(this.denseResourceAttr) },
        { ALT: () => this.SUBRULE(this.denseArrayAttr) },
        { ALT: () => this.SUBRULE(this.dictionaryAttr) },
        { ALT: () => this.SUBRULE(this.hashAttr) },
        { ALT: () => this.SUBRULE(this.numberAttr) },
        {
          ALT: () => {
            const t = this.CONSUME(T.LocLit);
            return this.ACTION(() => {
              this.takeProvided();
              const loc = need(this.host.parseLocationAttrAt(this.off(t)));
              this.expectEndOf(t);
              return loc;
            });
          },
        },
        { ALT: () => this.SUBRULE(this.stridedAttr) },
        { ALT: () => this.SUBRULE(this.distinctAttr) },
        { ALT: () => this.SUBRULE(this.stringAttr) },
        { ALT: () => this.SUBRULE(this.symbolRefAttr) },
        { ALT: () => (this.CONSUME(T.KwUnit), this.ACTION(() => UnitAttr.get(this.host.ctx))) },
        {
          ALT: () => {
            this.ACTION(() => this.takeProvided());
            const t = this.SUBRULE(this.type);
            return this.ACTION(() => TypeAttr.get(this.host.ctx, t));
          },
        },
      ]),
      ERR_MSG: "expected attribute value",
    });
  });

  /** Checks that a hand-parsed chunk ended exactly where its token did. */
  private expectEndOf(t: IToken): void {
    const end = this.off(t) + t.image.length;
    if (this.host.pos !== end) {
      this.host.emitWrongToken(skipTrivia(this.host.text, this.host.pos), "expected ')' in inline location");
      throw STOP;
    }
  }

  private affineAttr = this.RULE("affineAttr", (): Attribute => {
    const t = this.OR([{ ALT: () => this.CONSUME(T.AffineMapLit) }, { ALT: () => this.CONSUME(T.AffineSetLit) }]);
    return this.ACTION(() => {
      this.takeProvided();
      const open = this.base + (t.payload as T.LiteralPayload).open;
      const end = this.off(t) + t.image.length;
      const isMap = tokenMatcher(t, T.AffineMapLit);
      return need(isMap ? parseAffineMapAttr(this.host, open, end) : parseIntegerSetAttr(this.host, open, end));
    });
  });

  private arrayAttr = this.RULE("arrayAttr", (): Attribute => {
    const elements: Attribute[] = [];
    this.CONSUME(T.LBracket);
    this.ACTION(() => this.takeProvided());
    this.OR([
      { ALT: () => this.CONSUME(T.RBracket) },
      {
        ALT: () => {
          elements.push(this.SUBRULE(this.attribute));
          this.MANY(() => {
            this.CONSUME(T.Comma);
            elements.push(this.SUBRULE2(this.attribute));
          });
          this.CONSUME2(T.RBracket, { ERR_MSG: "expected ',' or ']'" });
        },
      },
    ]);
    return this.ACTION(() => ArrayAttr.get(this.host.ctx, elements));
  });

  private dictionaryAttr = this.RULE("dictionaryAttr", (): Attribute => {
    const entries: NamedAttribute[] = [];
    const seen = new Set<string>();
    this.CONSUME(T.LBrace);
    this.ACTION(() => this.takeProvided());
    this.OR([
      { ALT: () => this.CONSUME(T.RBrace) },
      {
        ALT: () => {
          this.SUBRULE(this.dictEntry, { ARGS: [entries, seen] });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.dictEntry, { ARGS: [entries, seen] });
          });
          this.CONSUME2(T.RBrace, { ERR_MSG: "expected '}' in attribute dictionary" });
        },
      },
    ]);
    return this.ACTION(() => DictionaryAttr.get(this.host.ctx, entries));
  });

  private dictEntry = this.RULE("dictEntry", (entries?: NamedAttribute[], seen?: Set<string>): void => {
    const key = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.StringLit) }, { ALT: () => this.CONSUME(T.AnyIdent) }],
      ERR_MSG: "expected attribute name",
    });
    const name = this.ACTION(() => {
      const start = this.off(key);
      const text = this.host.text;
      const n = tokenMatcher(key, T.StringLit) ? decodeStringLiteral(text, start, start + key.image.length) : key.image;
      if (n.length === 0) need(this.host.emitErrorAt(start, "expected valid attribute name"));
      if (seen!.has(n)) need(this.host.emitErrorAt(start, `duplicate key '${n}' in dictionary attribute`));
      seen!.add(n);
      return n;
    });
    let value: Attribute | undefined;
    this.OPTION(() => {
      this.CONSUME(T.Equal);
      value = this.SUBRULE(this.attribute);
    });
    this.ACTION(() => entries!.push({ name, value: value ?? UnitAttr.get(this.host.ctx) }));
  });

  private hashAttr = this.RULE("hashAttr", (): Attribute => {
    const t = this.CONSUME(T.HashSymbol);
    const info = this.ACTION(() => {
      const p = t.payload as T.SymbolPayload;
      if (p.bodyError) need(this.host.emitErrorAt(this.base + p.bodyError.offset, p.bodyError.message));
      const start = this.off(t);
      const idEnd = this.base + p.idEnd;
      const bodyEnd = p.bodyEnd >= 0 ? this.base + p.bodyEnd : -1;
      return { start, idEnd, bodyEnd, alias: isAliasReference(this.host.text, start, idEnd, bodyEnd) };
    });
    const provided = this.ACTION(() => this.takeProvided());
    let t2: Type | undefined;
    this.OPTION({
      GATE: () => !info.alias && provided === undefined,
      DEF: () => {
        this.CONSUME(T.Colon);
        t2 = this.SUBRULE(this.type);
      },
    });
    return this.ACTION(() => {
      if (info.alias) return need(resolveAttrAlias(this.host, info.start, info.idEnd));
      return need(buildDialectAttr(this.host, info.start, info.idEnd, info.bodyEnd, t2 ?? provided));
    });
  });

  private numberAttr = this.RULE("numberAttr", (): Attribute => {
    let negative = false;
    this.OPTION(() => {
      this.CONSUME(T.Minus);
      negative = true;
    });
    const tok = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.IntLit) }, { ALT: () => this.CONSUME(T.FloatLit) }],
      ERR_MSG: "expected constant integer or floating point value",
    });
    const provided = this.ACTION(() => this.takeProvided());
    const colonType = this.SUBRULE(this.optionalColonType);
    return this.ACTION(() => {
      const start = this.off(tok);
      const end = start + tok.image.length;
      if (tokenMatcher(tok, T.FloatLit)) {
        const t = provided ?? colonType ?? FloatType.get(this.host.ctx, "f64");
        return need(buildFloatLiteralAttr(this.host, start, end, negative, t, this.next()));
      }
      const t = provided ?? colonType ?? IntegerType.get(this.host.ctx, 64);
      return need(buildIntegerLiteralAttr(this.host, start, end, negative, t));
    });
  });

  private stringAttr = this.RULE("stringAttr", (): Attribute => {
    const tok = this.CONSUME(T.StringLit);
    const provided = this.ACTION(() => this.takeProvided());
    const colonType = this.SUBRULE(this.optionalColonType);
    return this.ACTION(() => {
      const start = this.off(tok);
      const s = decodeStringLiteral(this.host.text, start, start + tok.image.length);
      const t = provided ?? colonType;
      return StringAttr.get(this.host.ctx, s, t instanceof NoneType ? undefined : t);
    });
  });

  private symbolRefAttr = this.RULE("symbolRefAttr", (): Attribute => {
    const parts: IToken[] = [this.CONSUME(T.AtIdent)];
    this.MANY(() => {
      this.CONSUME(T.ColonColon);
      parts.push(this.CONSUME2(T.AtIdent, { ERR_MSG: "expected nested symbol reference identifier" }));
    });
    return this.ACTION(() => {
      this.takeProvided();
      const names = parts.map((p) => {
        const start = this.off(p);
        return p.image.charCodeAt(1) === 34 ? decodeStringLiteral(this.host.text, start + 1, start + p.image.length) : p.image.substring(1);
      });
      return SymbolRefAttr.get(this.host.ctx, names[0]!, names.slice(1));
    });
  });

  /** A `dense<...>` literal token plus its type (`: type` unless provided). */
  private denseAttr = this.RULE("denseAttr", (): Attribute => {
    const tok = this.CONSUME(T.DenseLit);
    const lit = this.ACTION(() => {
      const host = this.host;
      const open = this.base + (tok.payload as T.LiteralPayload).open;
      const close = this.off(tok) + tok.image.length - 1;
      const l = new TensorLiteral();
      let p = skipTrivia(host.text, open + 1);
      if (p !== close || host.text.charCodeAt(p) !== 62) {
        p = parseTensorLiteral(host, p, /*allowHex=*/ true, l);
        if (p < 0) throw STOP;
        p = skipTrivia(host.text, p);
        if (p !== close) need(host.emitWrongToken(p, "expected '>'"));
      }
      return l;
    });
    const provided = this.ACTION(() => this.takeProvided());
    const colonType = this.SUBRULE(this.optionalColonType);
    return this.ACTION(() => {
      const kw = this.off(tok);
      return need(buildDenseAttr(this.host, lit, this.elementsLiteralType(provided ?? colonType, kw), kw));
    });
  });

  /** Parser::parseElementsLiteralType after the literal: a static shaped type is required. */
  elementsLiteralType(type: Type | undefined, kw: number): ShapedType {
    if (!type) {
      this.host.emitWrongToken(this.next(), "expected ':'");
      throw STOP;
    }
    if (!(type instanceof ShapedType)) need(this.host.emitErrorAt(kw, "elements literal must be a shaped type"));
    const shaped = type as ShapedType;
    if (!shaped.hasStaticShape) need(this.host.emitErrorAt(kw, "elements literal type must have static shape"));
    return shaped;
  }

  private sparseAttr = this.RULE("sparseAttr", (): Attribute => {
    const tok = this.CONSUME(T.SparseLit);
    const body = this.ACTION(() => {
      const open = this.base + (tok.payload as T.LiteralPayload).open;
      return need(parseSparseBody(this.host, open, this.off(tok) + tok.image.length - 1));
    });
    const provided = this.ACTION(() => this.takeProvided());
    const colonType = this.SUBRULE(this.optionalColonType);
    return this.ACTION(() => {
      const kw = this.off(tok);
      return need(buildSparseAttr(this.host, body, this.elementsLiteralType(provided ?? colonType, kw), kw));
    });
  });

  private denseResourceAttr = this.RULE("denseResourceAttr", (): Attribute => {
    const kw = this.CONSUME(T.KwDenseResource);
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' after 'dense_resource'" });
    const key = this.OR({
      DEF: [{ ALT: () => this.CONSUME(T.AnyIdent) }, { ALT: () => this.CONSUME(T.StringLit) }],
      ERR_MSG: "expected identifier key for 'resource' entry",
    });
    this.CONSUME(T.Greater, { ERR_MSG: "expected '>'" });
    const provided = this.ACTION(() => this.takeProvided());
    let type: Type | undefined;
    const typeOffset = this.ACTION(() => this.next());
    this.OPTION({
      GATE: () => provided === undefined,
      DEF: () => {
        this.CONSUME(T.Colon, { ERR_MSG: "expected ':'" });
        type = this.SUBRULE(this.type);
      },
    });
    return this.ACTION(() => {
      const t = provided ?? type;
      if (!t) this.wrongToken("expected ':'");
      if (!(t instanceof ShapedType)) need(this.host.emitErrorAt(provided ? this.off(kw) : typeOffset, "`dense_resource` expected a shaped type"));
      const start = this.off(key);
      const name = tokenMatcher(key, T.StringLit) ? decodeStringLiteral(this.host.text, start, start + key.image.length) : key.image;
      return DenseResourceElementsAttr.get(this.host.ctx, t as ShapedType, name);
    });
  });

  private denseArrayAttr = this.RULE("denseArrayAttr", (): Attribute => {
    this.CONSUME(T.KwArray);
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' after 'array'" });
    const typeOffset = this.ACTION(() => (this.takeProvided(), this.next()));
    const elt = this.SUBRULE(this.type);
    const bytes: number[] = [];
    let size = 0;
    const info = this.ACTION(() => {
      if (!(elt instanceof IntegerType) && !(elt instanceof FloatType) && !(elt instanceof IndexType))
        need(this.host.emitErrorAt(typeOffset, `expected integer or float type, got: ${quoteType(elt)}`));
      if (elt instanceof IndexType) need(this.host.emitErrorAt(typeOffset, `expected integer or float type, got: ${quoteType(elt)}`));
      const width = elt instanceof IntegerType ? elt.width : getFloatSemantics((elt as FloatType).kind).bitWidth;
      const isI1 = elt instanceof IntegerType && width === 1;
      if (!isI1 && width % 8 !== 0) need(this.host.emitErrorAt(typeOffset, "element type bitwidth must be a multiple of 8"));
      return { isI1, nbytes: isI1 ? 1 : width / 8 };
    });
    this.OR({
      DEF: [
      { ALT: () => this.CONSUME(T.Greater) },
      {
        ALT: () => {
          this.CONSUME(T.Colon);
          this.SUBRULE(this.denseArrayElement, { ARGS: [elt, info, bytes] });
          size++;
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE2(this.denseArrayElement, { ARGS: [elt, info, bytes] });
            size++;
          });
          this.CONSUME2(T.Greater, { ERR_MSG: "expected '>' to close an array attribute" });
        },
      },
      ],
      ERR_MSG: "expected ':' after dense array type",
    });
    return this.ACTION(() => DenseArrayAttr.get(this.host.ctx, elt as IntegerType | FloatType, size, Uint8Array.from(bytes)));
  });

  private denseArrayElement = this.RULE(
    "denseArrayElement",
    (elt?: Type, info?: { isI1: boolean; nbytes: number }, bytes?: number[]): void => {
      let negative = false;
      this.OPTION(() => {
        this.CONSUME(T.Minus);
        negative = true;
      });
      const tok = this.OR({
        DEF: [
          { ALT: () => this.CONSUME(T.IntLit) },
          { ALT: () => this.CONSUME(T.FloatLit) },
          { ALT: () => this.CONSUME(T.KwTrue) },
          { ALT: () => this.CONSUME(T.KwFalse) },
        ],
        ERR_MSG: "expected integer or floating point literal",
      });
      this.ACTION(() => {
        const host = this.host;
        const start = this.off(tok);
        const isBool = tokenMatcher(tok, T.KwTrue) || tokenMatcher(tok, T.KwFalse);
        let v: bigint;
        if (elt instanceof FloatType) {
          if (tokenMatcher(tok, T.IntLit)) v = need(floatBitsFromIntegerLiteral(host, tok.image, start, negative, elt.kind));
          else if (tokenMatcher(tok, T.FloatLit)) v = need(floatLiteralBits(tok.image, negative, elt.kind));
          else return need(host.emitErrorAt(start, "expected floating point literal"));
        } else {
          const it = elt as IntegerType;
          if (isBool) {
            if (!info!.isI1) return need(host.emitErrorAt(start, "expected i1 type for 'true' or 'false' values"));
            v = tokenMatcher(tok, T.KwTrue) ? 1n : 0n;
          } else if (tokenMatcher(tok, T.IntLit)) {
            if (info!.isI1) return need(host.emitErrorAt(this.next(), "expected 'true' or 'false' values for i1 type"));
            const r = integerLiteralValue(tok.image, negative, it);
            if (r === undefined) return need(host.emitErrorAt(this.next(), "integer constant out of range"));
            v = BigInt.asUintN(it.width, r);
          } else {
            return need(host.emitErrorAt(start, "expected integer literal"));
          }
        }
        for (let i = 0; i < info!.nbytes; i++) {
          bytes!.push(Number(v & 0xffn));
          v >>= 8n;
        }
      });
    },
  );

  /** `?` or a signed 64-bit integer; anything else is reported at that token (not after the previous one). */
  private strideOrOffset = this.RULE("strideOrOffset", (): number => {
    this.ACTION(() => {
      const t = this.LA(1);
      if (!tokenMatcher(t, T.Question) && !tokenMatcher(t, T.Minus) && !tokenMatcher(t, T.IntLit))
        need(this.host.emitErrorAt(this.next(), "expected a 64-bit signed integer or '?'"));
    });
    return this.OR([
      { ALT: () => (this.CONSUME(T.Question), kDynamicStrideOrOffset) },
      {
        ALT: () => {
          let negative = false;
          const minus = this.OPTION(() => this.CONSUME(T.Minus));
          this.ACTION(() => {
            negative = minus !== undefined;
            if (negative && !tokenMatcher(this.LA(1), T.IntLit)) need(this.host.emitErrorAt(this.next(), "expected a 64-bit signed integer or '?'"));
          });
          const t = this.CONSUME(T.IntLit);
          return this.ACTION(() => {
            const v = BigInt(t.image);
            if (v > 0x7fffffffffffffffn) need(this.host.emitErrorAt(this.off(t), "expected a 64-bit signed integer or '?'"));
            return Number(negative ? -v : v);
          });
        },
      },
    ]);
  });

  private stridedAttr = this.RULE("stridedAttr", (): Attribute => {
    const strides: number[] = [];
    let offset = 0;
    this.CONSUME(T.KwStrided);
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' after 'strided'" });
    this.CONSUME(T.LBracket, { ERR_MSG: "expected '['" });
    this.OPTION(() => {
      strides.push(this.SUBRULE(this.strideOrOffset));
      this.MANY(() => {
        this.CONSUME(T.Comma);
        strides.push(this.SUBRULE2(this.strideOrOffset));
      });
    });
    this.CONSUME(T.RBracket, { ERR_MSG: "expected ']'" });
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(T.Greater) },
        {
          ALT: () => {
            this.CONSUME2(T.Comma);
            this.CONSUME(T.KwOffset, { ERR_MSG: "expected 'offset' after comma" });
            this.CONSUME(T.Colon, { ERR_MSG: "expected ':' after 'offset'" });
            offset = this.SUBRULE3(this.strideOrOffset);
            this.CONSUME2(T.Greater, { ERR_MSG: "expected '>'" });
          },
        },
      ],
      ERR_MSG: "expected ','",
    });
    return this.ACTION(() => (this.takeProvided(), StridedLayoutAttr.get(this.host.ctx, offset, strides)));
  });

  private distinctAttr = this.RULE("distinctAttr", (): Attribute => {
    const kw = this.CONSUME(T.KwDistinct);
    this.CONSUME(T.LBracket, { ERR_MSG: "expected '[' after 'distinct'" });
    const id = this.CONSUME(T.IntLit, { ERR_MSG: "expected distinct ID" });
    const idValue = this.ACTION(() => {
      const v = BigInt(id.image);
      if (v > 0xffffffffffffffffn) need(this.host.emitErrorAt(this.next(), "expected an unsigned 64-bit integer"));
      return v;
    });
    this.CONSUME(T.RBracket, { ERR_MSG: "expected ']' to close distinct ID" });
    this.CONSUME(T.Less, { ERR_MSG: "expected '<' after distinct ID" });
    const provided = this.ACTION(() => this.takeProvided());
    const referenced = this.OR([
      { ALT: () => (this.CONSUME(T.Greater), this.ACTION(() => UnitAttr.get(this.host.ctx) as Attribute)) },
      {
        ALT: () => {
          this.ACTION(() => this.setProvidedType(provided));
          const a = this.SUBRULE(this.attribute);
          this.CONSUME2(T.Greater, { ERR_MSG: "expected '>' to close distinct attribute" });
          return a;
        },
      },
    ]);
    return this.ACTION(() => need(this.host.distinctAttr(idValue, referenced, this.off(kw))));
  });

  /** Entry rules: one type or one attribute. */
  topType = this.RULE("topType", (): Type => this.SUBRULE(this.type));
  topAttribute = this.RULE("topAttribute", (): Attribute => this.SUBRULE(this.attribute));
}

/** Tokens the grammar may be asked about (for lexer-error mapping). */
export type GrammarToken = TokenType;
