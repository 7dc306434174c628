// Parser for the bodies of `affine_map<...>` and `affine_set<...>`
// (mlir/lib/AsmParser/AffineParser.cpp): dim and symbol lists with arbitrary
// bare-identifier names bound by position, expressions with MLIR's two
// precedence levels, constraints `>=`, `<=`, `==`. Errors carry MLIR's wording
// and the offset (relative to the body text) at which mlir-opt 22 reports them.

import {
  createToken,
  EmbeddedActionsParser,
  EOF,
  Lexer,
  MismatchedTokenException,
  NoViableAltException,
  NotAllInputParsedException,
  type IOrAlt,
  type IRecognitionException,
  type LexerInstance,
  type IToken,
  type TokenType,
} from "./chevrotain.js";
import {
  affineAdd,
  affineCeilDiv,
  affineFloorDiv,
  affineMod,
  affineMul,
  affineNeg,
  affineSub,
  getAffineConstantExpr,
  getAffineDimExpr,
  getAffineSymbolExpr,
  type AffineExpr,
} from "../ir/affine-expr.js";
import { AffineMap, IntegerSet } from "../ir/affine-map.js";
import type { Uniquer } from "../ir/uniquer.js";
import { wrongTokenOffset } from "./scan.js";

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

/** A parse error: `offset` is relative to the parsed text. */
export interface AffineParseError {
  offset: number;
  message: string;
}

/** Either the parsed value or the first error mlir-opt would report. */
export type AffineParseResult<T> = { value: T } | { error: AffineParseError };

/**
 * Parses the text between `affine_map<` and its closing `>`, e.g.
 * `(i, j)[N] -> (j, i + N)`. Names are bound by position. A set body gives
 * "expected AffineMap, but got IntegerSet"; trailing tokens give "expected '>'
 * in affine map". Never throws. O(text length) plus simplification work.
 */
export function parseAffineMapBody(text: string, uniquer: Uniquer): AffineParseResult<AffineMap> {
  const r = parseBody(text, uniquer, Expect.Map);
  if ("error" in r) return r;
  return r.value instanceof AffineMap ? { value: r.value } : mismatch(text, "expected AffineMap, but got IntegerSet");
}

/** As parseAffineMapBody, for the text between `affine_set<` and `>`. */
export function parseIntegerSetBody(text: string, uniquer: Uniquer): AffineParseResult<IntegerSet> {
  const r = parseBody(text, uniquer, Expect.Set);
  if ("error" in r) return r;
  return r.value instanceof IntegerSet ? { value: r.value } : mismatch(text, "expected IntegerSet, but got AffineMap");
}

/**
 * Either form (MLIR's parseAffineMapOrIntegerSetReference), as used by
 * `#alias = affine_map<...>`-independent callers that accept both. Trailing
 * tokens are reported with the message for the kind that was parsed.
 */
export function parseAffineMapOrIntegerSetBody(text: string, uniquer: Uniquer): AffineParseResult<AffineMap | IntegerSet> {
  return parseBody(text, uniquer, Expect.Either);
}

/**
 * Offset of the `>` closing an affine body that starts at `start` (just after
 * `affine_map<` or `affine_set<`), or `text.length` if there is none. Only a
 * `>` outside `(`, `[`, `{` closes, so `d0 >= 0` inside a constraint list and
 * `->` are skipped; strings and `//` comments are skipped whole. O(body length).
 */
export function scanAffineBodyEnd(text: string, start: number): number {
  const n = text.length;
  let depth = 0;
  for (let p = start; p < n; p++) {
    switch (text.charCodeAt(p)) {
      case Ch.LParen:
      case Ch.LBracket:
      case Ch.LBrace:
        depth++;
        break;
      case Ch.RParen:
      case Ch.RBracket:
      case Ch.RBrace:
        // An unbalanced closer is the parser's to report ("expected '>'").
        if (depth > 0) depth--;
        break;
      case Ch.Minus:
        if (text.charCodeAt(p + 1) === Ch.Greater) p++;
        break;
      case Ch.Greater:
        if (depth === 0) return p;
        break;
      case Ch.Quote:
        for (p++; p < n; p++) {
          const c = text.charCodeAt(p);
          if (c === Ch.Backslash) p++;
          else if (c === Ch.Quote || c === Ch.LF || c === Ch.CR) break;
        }
        break;
      case Ch.Slash:
        if (text.charCodeAt(p + 1) === Ch.Slash) {
          while (p < n && text.charCodeAt(p) !== Ch.LF && text.charCodeAt(p) !== Ch.CR) p++;
        }
        break;
      default:
        break;
    }
  }
  return n;
}

//===----------------------------------------------------------------------===//
// Tokens. MLIR lexes `>=`, `<=`, `==` as two tokens each (so `d0 > = 0` is
// accepted), and any bare identifier or keyword may name a dim or symbol.
//===----------------------------------------------------------------------===//

const enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Percent = 37,
  LParen = 40,
  RParen = 41,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Greater = 62,
  At = 64,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Caret = 94,
  LBrace = 123,
  RBrace = 125,
}

const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED, line_breaks: true });
const Comment = createToken({ name: "Comment", pattern: /\/\/[^\n\r]*/, group: Lexer.SKIPPED });

/** `+` `-`: the low-precedence operators. */
const LowPrecOp = createToken({ name: "LowPrecOp", pattern: Lexer.NA });
/** `*` `floordiv` `ceildiv` `mod`: the high-precedence operators. */
const HighPrecOp = createToken({ name: "HighPrecOp", pattern: Lexer.NA });
/** Anything that may name a dim or symbol in the id lists. */
const IdLike = createToken({ name: "IdLike", pattern: Lexer.NA });
/** Names usable as operands: IdLike minus `symbol` (MLIR's `symbol(%x)` form). */
const OperandId = createToken({ name: "OperandId", pattern: Lexer.NA, categories: [IdLike] });

const Arrow = createToken({ name: "Arrow", pattern: /->/ });
const Minus = createToken({ name: "Minus", pattern: /-/, categories: [LowPrecOp] });
const Plus = createToken({ name: "Plus", pattern: /\+/, categories: [LowPrecOp] });
const Star = createToken({ name: "Star", pattern: /\*/, categories: [HighPrecOp] });
const LParen = createToken({ name: "LParen", pattern: /\(/ });
const RParen = createToken({ name: "RParen", pattern: /\)/ });
const LSquare = createToken({ name: "LSquare", pattern: /\[/ });
const RSquare = createToken({ name: "RSquare", pattern: /]/ });
const Comma = createToken({ name: "Comma", pattern: /,/ });
const Colon = createToken({ name: "Colon", pattern: /:/ });
const Greater = createToken({ name: "Greater", pattern: />/ });
const Less = createToken({ name: "Less", pattern: /</ });
const Equal = createToken({ name: "Equal", pattern: /=/ });
// Lexer::lexNumber: a `.` makes a float (never an affine operand); `0x` is hex
// only when a hex digit follows, else `0` then an identifier.
const FloatLit = createToken({ name: "FloatLit", pattern: /[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?/ });
const IntLit = createToken({ name: "IntLit", pattern: /0x[0-9a-fA-F]+|[0-9]+/ });
const BareId = createToken({ name: "BareId", pattern: /[a-zA-Z_][a-zA-Z0-9_$.]*/, categories: [OperandId] });
const KwFloorDiv = createToken({ name: "KwFloorDiv", pattern: /floordiv/, longer_alt: BareId, categories: [OperandId, HighPrecOp] });
const KwCeilDiv = createToken({ name: "KwCeilDiv", pattern: /ceildiv/, longer_alt: BareId, categories: [OperandId, HighPrecOp] });
const KwMod = createToken({ name: "KwMod", pattern: /mod/, longer_alt: BareId, categories: [OperandId, HighPrecOp] });
const KwSymbol = createToken({ name: "KwSymbol", pattern: /symbol/, longer_alt: BareId, categories: [IdLike] });
const PercentId = createToken({ name: "PercentId", pattern: /%[a-zA-Z0-9_$.-]+/ });
// Other MLIR tokens (strings, sigil ids, braces, `?`, `|`, `/`, `...`): never valid
// here, lexed so that the parser, not the lexer, reports them, as in MLIR.
const OtherToken = createToken({
  name: "OtherToken",
  pattern: /"(?:[^"\\\n\r]|\\.)*"|[#!^][a-zA-Z0-9_$.-]+|@(?:[a-zA-Z_][a-zA-Z0-9_$.]*|"(?:[^"\\\n\r]|\\.)*")|\.\.\.|[{}?|/]/,
});

const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  Arrow,
  Minus,
  Plus,
  Star,
  LParen,
  RParen,
  LSquare,
  RSquare,
  Comma,
  Colon,
  Greater,
  Less,
  Equal,
  FloatLit,
  IntLit,
  KwFloorDiv,
  KwCeilDiv,
  KwMod,
  KwSymbol,
  BareId,
  PercentId,
  OtherToken,
  LowPrecOp,
  HighPrecOp,
  IdLike,
  OperandId,
];

// Built on first use: constructing a chevrotain lexer or parser costs tens of
// milliseconds, paid by every process that loads this module otherwise.
let lexerInstance: LexerInstance | undefined;
function affineLexer(): LexerInstance {
  return (lexerInstance ??= new Lexer(allTokens, { ensureOptimizations: true, positionTracking: "onlyOffset" }));
}

//===----------------------------------------------------------------------===//
// Parser
//===----------------------------------------------------------------------===//

const INT64_MAX = (1n << 63n) - 1n;

const enum Relation {
  None = 0,
  GreaterEqual = 1,
  LessEqual = 2,
  Equal = 3,
}

/** What the caller asked for; only changes the trailing-token message. */
const enum Expect {
  Map = 0,
  Set = 1,
  Either = 2,
}

// The parser only calls `intern` inside ACTIONs, which never run while
// chevrotain records the grammar; this placeholder is never used for real.
const detachedUniquer: Uniquer = { intern: (_key, make) => make() };

/** The constraint list of a set under construction. */
interface Constraints {
  exprs: AffineExpr[];
  eqs: boolean[];
}

/**
 * Chevrotain's messages are replaced by the ERR_MSG given at each CONSUME/OR,
 * which carry MLIR's wording; the fallbacks below are never reached by this
 * grammar's decisions.
 */
const errorMessages = {
  buildMismatchTokenMessage: (): string => "unexpected token",
  buildNotAllInputParsedMessage: (): string => "encountered unexpected token",
  buildNoViableAltMessage: (o: { customUserDescription?: string }): string => o.customUserDescription ?? "expected affine expression",
  buildEarlyExitMessage: (o: { customUserDescription?: string }): string => o.customUserDescription ?? "unexpected token",
};

/**
 * One reusable instance (reset by `begin` + `input`). Follows MLIR's
 * recursive-descent structure so that error order and locations match:
 * a CONSUME mismatch is MLIR's parseToken (reported at the wrong-token
 * location), an OR without a viable alternative is an emitError at the
 * current token, and semantic errors go through `fail`.
 */
class AffineParser extends EmbeddedActionsParser {
  private u: Uniquer = detachedUniquer;
  private text = "";
  private readonly names = new Map<string, AffineExpr>();
  private numDims = 0;
  private numSymbols = 0;
  /** MLIR's `lhs` argument of parseAffineOperandExpr: a binary operator precedes. */
  private hasLhs = false;
  /** The semantic error that stopped the parse, if any. */
  diag: AffineParseError | undefined = undefined;
  /** Offset of MLIR's current token when `diag` was raised (for lexer-error ordering). */
  diagToken = 0;
  /** Cached operand alternatives (chevrotain perf guide: ≥4 branches, no captures). */
  private operandAlts: IOrAlt<AffineExpr>[] | undefined = undefined;

  constructor() {
    super(allTokens, { maxLookahead: 1, errorMessageProvider: errorMessages });
    this.performSelfAnalysis();
  }

  /** Resets per-parse state; the caller then assigns `input`. */
  begin(text: string, u: Uniquer): void {
    this.u = u;
    this.text = text;
    this.names.clear();
    this.numDims = 0;
    this.numSymbols = 0;
    this.hasLhs = false;
    this.diag = undefined;
    this.diagToken = 0;
  }

  /** Offset of `t` in the text; the end-of-input token stands for the closing `>`. */
  offsetOf(t: IToken): number {
    return t.tokenType === EOF ? this.text.length : t.startOffset;
  }

  // Recognition exceptions are chevrotain's own unwinding mechanism: the parse
  // stops, and parseBody turns `diag` into the returned error value.
  private fail(offset: number, message: string, currentToken: number): never {
    this.diag = { offset, message };
    this.diagToken = currentToken;
    throw new MismatchedTokenException(message, this.LA(1), this.LA(0));
  }

  /** MLIR's emitWrongTokenError at token `t`. */
  private failWrongToken(t: IToken, message: string): never {
    const at = this.offsetOf(t);
    return this.fail(wrongTokenOffset(this.text, at, /*body=*/ true), message, at);
  }

  /** MLIR's emitError at token `t`. */
  private failAt(t: IToken, message: string): never {
    const at = this.offsetOf(t);
    return this.fail(at, message, at);
  }

  /** affine-map-or-set ::= dim-list symbol-list? (`->` range | `:` constraints) */
  readonly top = this.RULE("top", (): AffineMap | IntegerSet | undefined => {
    this.SUBRULE(this.dimList);
    this.OPTION(() => this.SUBRULE(this.symbolList));
    let result: AffineMap | IntegerSet | undefined;
    const isMap = this.OPTION2(() => this.CONSUME(Arrow)) !== undefined;
    // Both branches must be visible to the grammar recorder.
    if (this.RECORDING_PHASE || isMap) {
      const results = this.SUBRULE(this.mapRange);
      result = this.ACTION(() => AffineMap.get(this.u, this.numDims, this.numSymbols, results));
    }
    if (this.RECORDING_PHASE || !isMap) {
      this.CONSUME(Colon, { ERR_MSG: "expected '->' or ':'" });
      const cs = this.SUBRULE(this.constraintList);
      result = this.ACTION(() => {
        // No constraints is the degenerate `0 == 0` (always true).
        if (cs.exprs.length === 0) return IntegerSet.get(this.u, this.numDims, this.numSymbols, [getAffineConstantExpr(this.u, 0n)], [true]);
        return IntegerSet.get(this.u, this.numDims, this.numSymbols, cs.exprs, cs.eqs);
      });
    }
    return result;
  });

  /** `(` (id (`,` id)*)? `)` */
  private readonly dimList = this.RULE("dimList", () => {
    this.CONSUME(LParen, { ERR_MSG: "expected '(' in dimensional identifier list" });
    const nonEmpty = this.OPTION(() => {
      this.SUBRULE(this.idDefinition, { ARGS: [false] });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.idDefinition, { ARGS: [false] });
      });
      return true;
    });
    // An element that is not an identifier is reported by the element parser.
    this.CONSUME(RParen, { ERR_MSG: nonEmpty ? "expected ')' in dimensional identifier list" : "expected bare identifier" });
  });

  /** `[` (id (`,` id)*)? `]` */
  private readonly symbolList = this.RULE("symbolList", () => {
    this.CONSUME(LSquare);
    const nonEmpty = this.OPTION(() => {
      this.SUBRULE(this.idDefinition, { ARGS: [true] });
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.idDefinition, { ARGS: [true] });
      });
      return true;
    });
    this.CONSUME(RSquare, { ERR_MSG: nonEmpty ? "expected ']' in symbol list" : "expected bare identifier" });
  });

  private readonly idDefinition = this.RULE("idDefinition", (isSymbol?: boolean) => {
    const t = this.CONSUME(IdLike, { ERR_MSG: "expected bare identifier" });
    this.ACTION(() => {
      if (this.names.has(t.image)) this.failAt(t, `redefinition of identifier '${t.image}'`);
      const e = isSymbol ? getAffineSymbolExpr(this.u, this.numSymbols++) : getAffineDimExpr(this.u, this.numDims++);
      this.names.set(t.image, e);
    });
  });

  /** `(` (expr (`,` expr)*)? `)` */
  private readonly mapRange = this.RULE("mapRange", (): AffineExpr[] => {
    this.CONSUME(LParen, { ERR_MSG: "expected '(' in affine map range" });
    const exprs: AffineExpr[] = [];
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(RParen) },
        {
          ALT: () => {
            exprs.push(this.SUBRULE(this.expr));
            this.MANY(() => {
              this.CONSUME(Comma);
              exprs.push(this.SUBRULE2(this.expr));
            });
            this.CONSUME2(RParen, { ERR_MSG: "expected ')' in affine map range" });
          },
        },
      ],
      ERR_MSG: "expected affine expression",
    });
    return exprs;
  });

  /** `(` (constraint (`,` constraint)*)? `)` */
  private readonly constraintList = this.RULE("constraintList", (): Constraints => {
    this.CONSUME(LParen, { ERR_MSG: "expected '(' in integer set constraint list" });
    const cs: Constraints = { exprs: [], eqs: [] };
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(RParen) },
        {
          ALT: () => {
            this.SUBRULE(this.constraint, { ARGS: [cs] });
            this.MANY(() => {
              this.CONSUME(Comma);
              this.SUBRULE2(this.constraint, { ARGS: [cs] });
            });
            this.CONSUME2(RParen, { ERR_MSG: "expected ')' in integer set constraint list" });
          },
        },
      ],
      ERR_MSG: "expected affine expression",
    });
    return cs;
  });

  /**
   * expr (`>` `=` | `<` `=` | `=` `=`) expr, normalised to `e >= 0` / `e == 0`.
   * Like MLIR's chain of consumeIf calls, a lone `>` or `<` is consumed before
   * the next relation is tried.
   */
  private readonly constraint = this.RULE("constraint", (cs?: Constraints) => {
    const lhs = this.SUBRULE(this.expr);
    let rel: Relation = Relation.None;
    this.OPTION(() => {
      this.CONSUME(Greater);
      this.OPTION2(() => {
        this.CONSUME(Equal);
        rel = Relation.GreaterEqual;
      });
    });
    this.OPTION3({
      GATE: () => rel === Relation.None,
      DEF: () => {
        this.CONSUME(Less);
        this.OPTION4(() => {
          this.CONSUME2(Equal);
          rel = Relation.LessEqual;
        });
      },
    });
    this.OPTION5({
      GATE: () => rel === Relation.None,
      DEF: () => {
        this.CONSUME3(Equal);
        this.OPTION6(() => {
          this.CONSUME4(Equal);
          rel = Relation.Equal;
        });
      },
    });
    this.ACTION(() => {
      if (rel === Relation.None) this.failAt(this.LA(1), "expected '== affine-expr' or '>= affine-expr' at end of affine constraint");
    });
    const rhs = this.SUBRULE2(this.expr);
    this.ACTION(() => {
      if (cs === undefined) return;
      cs.exprs.push(rel === Relation.LessEqual ? affineSub(this.u, rhs, lhs) : affineSub(this.u, lhs, rhs));
      cs.eqs.push(rel === Relation.Equal);
    });
  });

  /** term ((`+` | `-`) term)*, left-associative. */
  private readonly expr = this.RULE("expr", (): AffineExpr => {
    let acc = this.SUBRULE(this.term, { ARGS: [false] });
    this.MANY(() => {
      const op = this.CONSUME(LowPrecOp);
      const rhs = this.SUBRULE2(this.term, { ARGS: [true] });
      this.ACTION(() => {
        acc = op.tokenType === Minus ? affineSub(this.u, acc, rhs) : affineAdd(this.u, acc, rhs);
      });
    });
    return acc;
  });

  /**
   * operand ((`*` | `floordiv` | `ceildiv` | `mod`) operand)*, left-associative.
   * MLIR builds `a op1 b` only after consuming the next operator and reports a
   * non-affine error at that operator; the last node uses its own operator.
   */
  private readonly term = this.RULE("term", (hasLhs?: boolean): AffineExpr => {
    let acc = this.SUBRULE(this.operand, { ARGS: [hasLhs === true] });
    let pendingOp: IToken | undefined;
    let pendingRhs = acc;
    this.MANY(() => {
      const op = this.CONSUME(HighPrecOp);
      this.ACTION(() => {
        if (pendingOp !== undefined) acc = this.buildHighPrec(pendingOp, acc, pendingRhs, op);
      });
      pendingRhs = this.SUBRULE2(this.operand, { ARGS: [true] });
      pendingOp = op;
    });
    this.ACTION(() => {
      if (pendingOp !== undefined) acc = this.buildHighPrec(pendingOp, acc, pendingRhs, pendingOp);
    });
    return acc;
  });

  /** The semi-affine checks of MLIR's parser, then the simplifying factory. */
  private buildHighPrec(op: IToken, lhs: AffineExpr, rhs: AffineExpr, at: IToken): AffineExpr {
    const cur = this.offsetOf(this.LA(1));
    switch (op.tokenType) {
      case Star:
        if (!lhs.isSymbolicOrConstant && !rhs.isSymbolicOrConstant) {
          this.fail(at.startOffset, "non-affine expression: at least one of the multiply operands has to be either a constant or symbolic", cur);
        }
        return affineMul(this.u, lhs, rhs);
      case KwFloorDiv:
        if (!rhs.isSymbolicOrConstant) this.fail(at.startOffset, "non-affine expression: right operand of floordiv has to be either a constant or symbolic", cur);
        return affineFloorDiv(this.u, lhs, rhs);
      case KwCeilDiv:
        if (!rhs.isSymbolicOrConstant) this.fail(at.startOffset, "non-affine expression: right operand of ceildiv has to be either a constant or symbolic", cur);
        return affineCeilDiv(this.u, lhs, rhs);
      default:
        if (!rhs.isSymbolicOrConstant) this.fail(at.startOffset, "non-affine expression: right operand of mod has to be either a constant or symbolic", cur);
        return affineMod(this.u, lhs, rhs);
    }
  }

  /** An integer, `(expr)`, `-operand`, or a declared name. */
  private readonly operand = this.RULE("operand", (hasLhs?: boolean): AffineExpr => {
    this.hasLhs = hasLhs === true;
    return this.OR({
      DEF: (this.operandAlts ??= this.makeOperandAlts()),
      ERR_MSG: this.hasLhs ? "missing right operand of binary operator" : "expected affine expression",
    });
  });

  private makeOperandAlts(): IOrAlt<AffineExpr>[] {
    return [
      {
        ALT: () => {
          const t = this.CONSUME(IntLit);
          return this.ACTION(() => this.integer(t));
        },
      },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.OPTION(() => {
            const t = this.CONSUME(RParen);
            this.ACTION(() => this.failAt(t, "no expression inside parentheses"));
          });
          const e = this.SUBRULE(this.expr);
          this.CONSUME2(RParen, { ERR_MSG: "expected ')'" });
          return e;
        },
      },
      {
        // Negation binds tighter than any binary operator: `-d0 * 2` is `(-d0) * 2`.
        ALT: () => {
          this.CONSUME(Minus);
          const e = this.SUBRULE(this.operand, { ARGS: [this.hasLhs] });
          return this.ACTION(() => affineNeg(this.u, e));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(OperandId);
          return this.ACTION(() => this.names.get(t.image) ?? this.failWrongToken(t, "use of undeclared identifier"));
        },
      },
      {
        // `symbol(%x)` is only valid where SSA operands are allowed.
        ALT: () => {
          this.CONSUME(KwSymbol);
          this.CONSUME3(LParen, { ERR_MSG: "expected '(' at start of SSA symbol" });
          return this.ACTION(() => this.failWrongToken(this.LA(1), "unexpected ssa identifier"));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(PercentId);
          return this.ACTION(() => this.failWrongToken(t, "unexpected ssa identifier"));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Plus);
          return this.ACTION(() => this.failAt(t, this.missingOperandMessage()));
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Star);
          return this.ACTION(() => this.failAt(t, this.missingOperandMessage()));
        },
      },
    ];
  }

  private missingOperandMessage(): string {
    return this.hasLhs ? "missing right operand of binary operator" : "missing left operand of binary operator";
  }

  /** A non-negative literal; MLIR rejects anything above INT64_MAX. */
  private integer(t: IToken): AffineExpr {
    const v = BigInt(t.image);
    if (v > INT64_MAX) this.failAt(t, "constant too large for index");
    return getAffineConstantExpr(this.u, v);
  }
}

let parserInstance: AffineParser | undefined;
function affineParser(): AffineParser {
  return (parserInstance ??= new AffineParser());
}

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

/** MLIR's lexer diagnostic for a character that starts no token. */
function lexError(text: string, offset: number): AffineParseError {
  switch (text.charCodeAt(offset)) {
    case Ch.Dot:
      return { offset: offset + 1, message: "expected three consecutive dots for an ellipsis" };
    case Ch.At:
      return { offset: offset + 1, message: "@ identifier expected to start with letter or '_'" };
    case Ch.Hash:
      return { offset, message: "invalid attribute name" };
    case Ch.Caret:
      return { offset, message: "invalid block name" };
    case Ch.Bang:
      return { offset, message: "invalid type identifier" };
    case Ch.Percent:
      return { offset, message: "invalid SSA name" };
    case Ch.Quote: {
      // An unterminated string is reported where its line ends.
      let end = offset + 1;
      while (end < text.length && text.charCodeAt(end) !== Ch.LF && text.charCodeAt(end) !== Ch.CR) end++;
      return { offset: end, message: "expected '\"' in string literal" };
    }
    default:
      return { offset, message: "unexpected character" };
  }
}

function firstTokenOffset(text: string): number {
  const tokens = affineLexer().tokenize(text).tokens;
  return tokens.length ? tokens[0]!.startOffset : text.length;
}

function mismatch<T>(text: string, message: string): AffineParseResult<T> {
  return { error: { offset: firstTokenOffset(text), message } };
}

function parseBody(text: string, u: Uniquer, expect: Expect): AffineParseResult<AffineMap | IntegerSet> {
  const lexed = affineLexer().tokenize(text);
  const parser = affineParser();
  parser.begin(text, u);
  parser.input = lexed.tokens;
  let value: AffineMap | IntegerSet | undefined;
  try {
    value = parser.top();
  } catch (e) {
    // Pathological nesting exhausts the JS stack before MLIR's would.
    if (e instanceof RangeError) return { error: { offset: 0, message: "affine expression nested too deeply" } };
    throw e;
  }

  let error: AffineParseError | undefined;
  // MLIR's current token when it stopped: decides whether it lexed a bad
  // character first (MLIR lexes one token ahead of the parser).
  let current = text.length;
  let trailing: IToken | undefined;
  if (parser.diag !== undefined) {
    error = parser.diag;
    current = parser.diagToken;
  } else if (parser.errors.length !== 0) {
    const e: IRecognitionException = parser.errors[0]!;
    current = parser.offsetOf(e.token);
    if (e instanceof NotAllInputParsedException) trailing = e.token;
    else if (e instanceof NoViableAltException) error = { offset: current, message: e.message };
    else error = { offset: wrongTokenOffset(text, current, /*body=*/ true), message: e.message };
  }

  const bad = lexed.errors[0];
  if (bad !== undefined && current >= bad.offset) return { error: lexError(text, bad.offset) };
  if (error !== undefined) return { error };
  if (value === undefined) return { error: { offset: 0, message: "expected affine expression" } };
  if (trailing !== undefined) {
    // The kind check of parseAffineMapReference comes before the `>` check.
    if (expect === Expect.Map && !(value instanceof AffineMap)) return mismatch(text, "expected AffineMap, but got IntegerSet");
    if (expect === Expect.Set && !(value instanceof IntegerSet)) return mismatch(text, "expected IntegerSet, but got AffineMap");
    const what = value instanceof AffineMap ? "affine map" : "integer set";
    return { error: { offset: wrongTokenOffset(text, current, /*body=*/ true), message: `expected '>' in ${what}` } };
  }
  return { value };
}
