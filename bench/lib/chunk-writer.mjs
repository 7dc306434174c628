// bench/lib/chunk-writer.mjs: buffered synchronous writes of generated text to a file descriptor,
// so generators stream their output instead of building one large string.

import * as fs from "node:fs";

/** Characters buffered before each write. */
const CHUNK_CHARS = 1 << 20;

/** Buffers text and writes it to `fd` in large synchronous chunks. */
export class ChunkWriter {
  constructor(fd) {
    this.fd = fd;
    this.parts = [];
    this.pending = 0;
    this.bytesWritten = 0;
  }

  /** Appends `text`; flushes once the buffer passes CHUNK_CHARS. O(1) amortised. */
  write(text) {
    this.parts.push(text);
    this.pending += text.length;
    if (this.pending >= CHUNK_CHARS) this.flush();
  }

  /** Writes everything buffered. Retries EAGAIN, which a non-blocking stdout pipe can return. */
  flush() {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(""), "utf8");
    this.parts = [];
    this.pending = 0;
    let off = 0;
    while (off < buf.length) {
      try {
        off += fs.writeSync(this.fd, buf, off, buf.length - off);
      } catch (e) {
        if (e.code !== "EAGAIN") throw e;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
      }
    }
    this.bytesWritten += buf.length;
  }
}
