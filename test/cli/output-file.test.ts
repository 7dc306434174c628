// Output files are written whole through a temporary file; several buffers go
// out in order without being concatenated first.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/cli/output-file.js";

describe("writeFileAtomic", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-out-"));

  it("writes chunks in order and leaves no temporary file", () => {
    const file = path.join(dir, "out.mlir");
    const chunks = [Buffer.from("module {\n", "latin1"), new Uint8Array(0), Buffer.from("}\n\xff", "latin1")];
    expect(writeFileAtomic(file, chunks)).toBeUndefined();
    expect(fs.readFileSync(file, "latin1")).toBe("module {\n}\n\xff");
    expect(fs.readdirSync(dir)).toEqual(["out.mlir"]);
  });

  it("reports a missing directory and writes nothing", () => {
    const file = path.join(dir, "missing", "out.mlir");
    expect(writeFileAtomic(file, [Buffer.from("x")])).toBe("No such file or directory");
    expect(fs.existsSync(file)).toBe(false);
  });
});
