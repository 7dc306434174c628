// Whitespace and `//` comments between tokens.

const enum Ch {
  Nul = 0,
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Slash = 47,
}

/** Returns the first offset at or after `pos` that is not whitespace or inside a `//` comment. */
export function skipTrivia(text: string, pos: number): number {
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    // MLIR's lexer skips NUL bytes inside a buffer like whitespace.
    if (c === Ch.Space || c === Ch.LineFeed || c === Ch.Tab || c === Ch.CarriageReturn || c === Ch.Nul) {
      pos++;
    } else if (c === Ch.Slash && text.charCodeAt(pos + 1) === Ch.Slash) {
      const nl = text.indexOf("\n", pos + 2);
      pos = nl < 0 ? n : nl + 1;
    } else {
      break;
    }
  }
  return pos;
}
