// TextSink: where the op printer's output accumulates. Printed text is a byte
// string (one char per byte), so it goes into a growing latin1 Buffer: lines die
// young instead of living on as rope pieces until the end, which took about a
// third of the print time in garbage collection (50,000-op module).

/**
 * Node's Buffer has latin1Write (in every release, though undocumented and absent
 * from the typings): 1.5-2x faster than write(s, offset, "latin1") per line, which
 * normalises its arguments first. Other runtimes get write().
 */
interface Latin1Buffer extends Buffer {
  latin1Write(s: string, offset: number): number;
}
const hasLatin1Write = typeof (Buffer.prototype as Partial<Latin1Buffer>).latin1Write === "function";

/** Smallest starting capacity; doubled as needed (O(total) copying overall). */
const kMinInitialBytes = 1 << 12;

/**
 * Accumulates text. Chars above 0xFF do not fit a latin1 byte: after
 * allowWideChars() the sink keeps strings instead, so such text survives
 * intact (MLIR escapes everything it prints, but API-built opaque data need not be).
 */
export class TextSink {
  private buf: Buffer;
  private length = 0;
  private parts: string[] | undefined = undefined;

  /** `expectedBytes`: a guess at the output size (a good one saves the copies of growing). */
  constructor(expectedBytes = 0) {
    this.buf = Buffer.allocUnsafe(Math.max(kMinInitialBytes, expectedBytes));
  }

  /** Appends `s`. O(|s|) amortised. */
  write(s: string): void {
    if (this.parts !== undefined) {
      this.parts.push(s);
      return;
    }
    const end = this.length + s.length;
    if (end > this.buf.length) this.grow(end);
    this.length += hasLatin1Write ? (this.buf as Latin1Buffer).latin1Write(s, this.length) : this.buf.write(s, this.length, "latin1");
  }

  /** Switches to keeping strings: text written from now on may hold chars above 0xFF. */
  allowWideChars(): void {
    if (this.parts === undefined) this.parts = [this.buf.toString("latin1", 0, this.length)];
  }

  /**
   * Everything written, as latin1 bytes (a view of the sink's buffer, no
   * copy); chars above 0xFF, if any were allowed, lose their high byte as
   * latin1 encoding does.
   */
  bytes(): Buffer {
    return this.parts !== undefined ? Buffer.from(this.parts.join(""), "latin1") : this.buf.subarray(0, this.length);
  }

  /** Everything written, as one string. */
  text(): string {
    return this.parts !== undefined ? this.parts.join("") : this.buf.toString("latin1", 0, this.length);
  }

  private grow(needed: number): void {
    let size = this.buf.length * 2;
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
}

/** True when `s` has a char that does not fit one latin1 byte. O(|s|). */
export function hasWideChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return true;
  return false;
}
