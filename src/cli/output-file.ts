// Output files that are either written whole or not at all.

import * as fs from "node:fs";
import * as path from "node:path";

/** Writes `chunks` one after another into a new `file` (no concatenated copy). */
function writeChunks(file: string, chunks: readonly Uint8Array[]): void {
  const fd = fs.openSync(file, "w");
  try {
    for (const c of chunks) for (let done = 0; done < c.length; ) done += fs.writeSync(fd, c, done, c.length - done);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes `data` (one buffer or several in order) to `file` through a temporary file in the same directory and a
 * rename, so a failure never leaves a half-written output. Returns an error
 * message, or undefined on success.
 */
export function writeFileAtomic(file: string, data: Uint8Array | readonly Uint8Array[]): string | undefined {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (data instanceof Uint8Array) fs.writeFileSync(tmp, data);
    else writeChunks(tmp, data);
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // The temporary file may not exist; nothing else to clean up.
    }
    const code = (e as { code?: string }).code;
    return code === "ENOENT" ? "No such file or directory" : code === "EACCES" ? "Permission denied" : String(e);
  }
}
