// Output files that are either written whole or not at all.

import * as fs from "node:fs";
import * as path from "node:path";

/** The message of a file-system error, in mlir-opt's words where it has them. */
function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  return code === "ENOENT" ? "No such file or directory" : code === "EACCES" ? "Permission denied" : String(e);
}

/**
 * An output file written piece by piece into a temporary file in the same
 * directory and renamed into place by `commit()`, so a failure (or `abort()`)
 * never leaves a half-written output. Lets large outputs stream to disk
 * instead of being held in memory whole.
 */
export class AtomicFileWriter {
  private constructor(
    readonly file: string,
    private readonly tmp: string,
    private fd: number | undefined,
  ) {}

  /** Opens the temporary file; returns an error message when it cannot. */
  static open(file: string): AtomicFileWriter | string {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
      return new AtomicFileWriter(file, tmp, fs.openSync(tmp, "w"));
    } catch (e) {
      return describeFsError(e);
    }
  }

  /** Appends `data`. Throws on a file-system error (callers `abort()`). */
  write(data: Uint8Array | string): void {
    if (this.fd === undefined) throw new Error("AtomicFileWriter: write after commit or abort");
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let done = 0; done < bytes.length; ) done += fs.writeSync(this.fd, bytes, done, bytes.length - done);
  }

  /** Closes and renames into place; returns an error message (and removes the temporary file) on failure. */
  commit(): string | undefined {
    try {
      this.close();
      fs.renameSync(this.tmp, this.file);
      return undefined;
    } catch (e) {
      this.abort();
      return describeFsError(e);
    }
  }

  /** Drops everything written; the destination is left as it was. */
  abort(): void {
    try {
      this.close();
    } catch {
      // Closing a broken descriptor: the removal below is what matters.
    }
    try {
      fs.rmSync(this.tmp, { force: true });
    } catch {
      // The temporary file may not exist; nothing else to clean up.
    }
  }

  private close(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes `data` (one buffer or several in order, not concatenated first) to
 * `file` through an AtomicFileWriter, so a failure never leaves a
 * half-written output. Returns an error message, or undefined on success.
 */
export function writeFileAtomic(file: string, data: Uint8Array | readonly Uint8Array[]): string | undefined {
  const w = AtomicFileWriter.open(file);
  if (typeof w === "string") return w;
  try {
    if (data instanceof Uint8Array) w.write(data);
    else for (const c of data) w.write(c);
  } catch (e) {
    w.abort();
    return describeFsError(e);
  }
  return w.commit();
}
