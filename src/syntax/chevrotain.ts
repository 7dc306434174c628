// chevrotain, loaded from its self-contained bundle.
//
// The package entry (`lib/src/api.js`) pulls in ~300 lodash-es modules: measured
// at 0.8–3 s of start-up per process on our 2-core machines, against 70 ms for
// the bundled `lib/chevrotain.mjs` that ships in the same package. The package's
// exports map hides the bundle, so it is located next to the resolved entry.
// Types still come from the package's declarations.

import type * as Chevrotain from "chevrotain";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import * as path from "node:path";

const entry = createRequire(import.meta.url).resolve("chevrotain");
const bundle = path.join(path.dirname(entry), "..", "chevrotain.mjs");
const api = (await import(pathToFileURL(bundle).href)) as typeof Chevrotain;

export const {
  createToken,
  EmbeddedActionsParser,
  EOF,
  Lexer,
  MismatchedTokenException,
  NoViableAltException,
  NotAllInputParsedException,
  tokenMatcher,
} = api;
export type {
  CustomPatternMatcherReturn,
  Lexer as LexerInstance,
  IOrAlt,
  IParserErrorMessageProvider,
  IRecognitionException,
  IToken,
  TokenType,
} from "chevrotain";
