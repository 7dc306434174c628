// SourceFile: one input buffer as a byte string, with lazy line/column lookup.

/**
 * An input buffer. `text` is the file's bytes decoded as latin1, so offsets are
 * byte offsets (as MLIR's SourceMgr counts columns) and any byte sequence,
 * including invalid UTF-8, survives unchanged. A `--split-input-file` chunk
 * reports whole-file positions, as mlir-opt does: `lineOffset` lines precede
 * it and its first line starts `columnOffset` bytes into a file line.
 */
export class SourceFile {
  private lineStarts: Int32Array | undefined;
  constructor(
    readonly name: string,
    readonly text: string,
    readonly lineOffset = 0,
    readonly columnOffset = 0,
  ) {}

  /** Reads a file's bytes into a SourceFile. */
  static fromBuffer(name: string, buf: Uint8Array): SourceFile {
    return new SourceFile(name, Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("latin1"));
  }

  /** The chunk `[begin, end)` of this file, reporting whole-file lines and columns. */
  slice(begin: number, end: number): SourceFile {
    const before = this.lineCol(begin);
    return new SourceFile(this.name, this.text.substring(begin, end), before.line - 1, before.col - 1);
  }

  /** The text of 1-based `line` (whole-file numbering), without its newline. */
  lineTextAt(line: number): string {
    const starts = this.getLineStarts();
    const i = line - 1 - this.lineOffset;
    if (i < 0 || i >= starts.length) return "";
    return this.lineText(starts[i]!);
  }

  /** 1-based line and column of `offset`. O(log lines) after a one-time O(n) scan. */
  lineCol(offset: number): { line: number; col: number } {
    const starts = this.getLineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, col: offset - starts[lo]! + 1 + (lo === 0 ? this.columnOffset : 0) };
  }

  /** The text of the line containing `offset`, without its newline. */
  lineText(offset: number): string {
    const starts = this.getLineStarts();
    const { line } = this.lineCol(offset);
    const i = line - 1 - this.lineOffset;
    const start = starts[i]!;
    let end = i + 1 < starts.length ? starts[i + 1]! - 1 : this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.substring(start, end);
  }

  private getLineStarts(): Int32Array {
    if (this.lineStarts) return this.lineStarts;
    const t = this.text;
    let n = 1;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) n++;
    const starts = new Int32Array(n);
    let k = 1;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) starts[k++] = i + 1;
    this.lineStarts = starts;
    return starts;
  }
}
