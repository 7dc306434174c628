// Malformed moe IR never crashes hpmoe-opt: each file in
// test/bad-input/cases/moe/ (same header as test/bad-input: `// ARGS:` and
// `// ERROR: <line>:<col>: <message>`) gives exit 1, no output (not even
// with -o), that located first error line and no stack trace. These cases
// live beside test/bad-input's but run here, because mlir-opt-22 knows no moe
// dialect and so cannot be their oracle.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CASES_DIR = join(REPO_ROOT, "test", "bad-input", "cases", "moe");
const HPMOE_OPT = join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js");
const CRASH = /^\s+at .*:\d+:\d+\)?$|TypeError|RangeError|Maximum call stack|node:internal/m;

const workDir = mkdtempSync(join(tmpdir(), "moe-bad-input-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function header(text: string, key: string): string | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`// ${key}:`));
  return line?.slice(key.length + 4).trim();
}

describe("malformed moe IR: a located error, exit 1, no output", () => {
  const files = readdirSync(CASES_DIR).filter((f) => f.endsWith(".mlir")).sort();
  it("has the cases", () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const file of files) {
    it(file, () => {
      const path = join(CASES_DIR, file);
      const text = readFileSync(path, "latin1");
      const args = (header(text, "ARGS") ?? "").split(/\s+/).filter((a) => a !== "");
      const error = header(text, "ERROR");
      expect(error, "ERROR header").toMatch(/^\d+:\d+: ./);
      const out = join(workDir, file);
      const r = spawnSync(process.execPath, [HPMOE_OPT, path, ...args, "-o", out], { encoding: "latin1", timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(existsSync(out)).toBe(false);
      expect(r.stderr.split("\n")[0]).toBe(`${path}:${error!.replace(/^(\d+:\d+): /, "$1: error: ")}`);
      expect(r.stderr).not.toMatch(CRASH);
    });
  }
});
