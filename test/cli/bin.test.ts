// The installed commands start through their `#!` lines (as `npx hpmoe-opt`
// runs them), which carry the V8 heap flags: a flag node rejects, or an `env`
// without `-S`, would break every command before our code runs.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { bin: Record<string, string> };

describe("bin entry points", () => {
  for (const [name, rel] of Object.entries(pkg.bin)) {
    it(`${name} runs through its #! line`, () => {
      const file = path.join(repo, rel);
      fs.chmodSync(file, 0o755);
      const r = spawnSync(file, ["--help"], { encoding: "utf8" });
      expect(r.error).toBeUndefined();
      expect(r.stderr).not.toMatch(/bad option|unrecognized|No such file/);
      expect(r.stdout + r.stderr).toContain(name);
    });
  }

  it("hpmoe-opt's #! line gives node a larger young generation", () => {
    const first = fs.readFileSync(path.join(repo, pkg.bin["hpmoe-opt"]!), "utf8").split("\n", 1)[0];
    expect(first).toMatch(/^#!\/usr\/bin\/env -S node .*--max-semi-space-size=\d+/);
  });
});
