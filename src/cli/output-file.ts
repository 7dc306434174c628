// Output files that are either written whole or not at all.

import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes `data` to `file` through a temporary file in the same directory and a
 * rename, so a failure never leaves a half-written output. Returns an error
 * message, or undefined on success.
 */
export function writeFileAtomic(file: string, data: Uint8Array): string | undefined {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
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
