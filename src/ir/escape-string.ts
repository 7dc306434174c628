// MLIR's string escaping (llvm::printEscapedString), shared by the printer
// and by IR diagnostics that quote attribute values.

const kHexUpper = "0123456789ABCDEF";

/** Printable ASCII other than `"` and `\\` stays as is. */
function isPlain(c: number): boolean {
  return c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c;
}

/**
 * Escapes a byte string as llvm::printEscapedString does (without quotes):
 * `\` becomes `\\`, printable ASCII other than `"` is kept, every other byte
 * becomes `\XX` with upper-case hex (`"` → `\22`, newline → `\0A`). O(n); returns
 * `s` itself when nothing needs escaping.
 */
export function escapeString(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && isPlain(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.substring(0, i);
  let run = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (isPlain(c)) continue;
    out += s.substring(run, i);
    run = i + 1;
    if (c === 0x5c) out += "\\\\";
    else out += "\\" + kHexUpper[(c >> 4) & 15] + kHexUpper[c & 15];
  }
  return out + s.substring(run);
}

/** `"` + escapeString(s) + `"`. */
export function quoteString(s: string): string {
  return '"' + escapeString(s) + '"';
}
