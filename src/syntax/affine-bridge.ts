// `affine_map<...>` and `affine_set<...>` attributes: the body between the
// brackets is parsed by the affine parser (affine-parser.ts), whose error
// offsets are relative to the body.

import type { Attribute } from "../ir/attribute.js";
import { AffineMapAttr, IntegerSetAttr } from "../ir/builtin-attributes.js";
import { parseAffineMapBody, parseIntegerSetBody, scanAffineBodyEnd } from "./affine-parser.js";
import type { ParseSink } from "./parse-actions.js";

/**
 * End of an affine literal whose `<` is at `open`: the offset after its closing
 * `>`, or the end of text when unterminated (the parser then reports).
 */
export function affineLiteralEnd(text: string, open: number): number {
  const close = scanAffineBodyEnd(text, open + 1);
  return close < text.length ? close + 1 : close;
}

function body(sink: ParseSink, open: number, end: number): string {
  const text = sink.text;
  const stop = end > open + 1 && text.charCodeAt(end - 1) === 62 /* > */ ? end - 1 : end;
  return text.substring(open + 1, stop);
}

/** `affine_map<body>` with `<` at `open` and its end at `end`. */
export function parseAffineMapAttr(sink: ParseSink, open: number, end: number): Attribute | undefined {
  const r = parseAffineMapBody(body(sink, open, end), sink.ctx);
  if ("error" in r) return sink.emitErrorAt(open + 1 + r.error.offset, r.error.message);
  return AffineMapAttr.get(sink.ctx, r.value);
}

/** `affine_set<body>` with `<` at `open` and its end at `end`. */
export function parseIntegerSetAttr(sink: ParseSink, open: number, end: number): Attribute | undefined {
  const r = parseIntegerSetBody(body(sink, open, end), sink.ctx);
  if ("error" in r) return sink.emitErrorAt(open + 1 + r.error.offset, r.error.message);
  return IntegerSetAttr.get(sink.ctx, r.value);
}
