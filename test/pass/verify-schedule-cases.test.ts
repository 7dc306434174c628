// verify-schedule on hand-written events-level queue IR, one file per kind of
// bug under verify-schedule-cases/: each runs its RUN line's flags through
// hpmoe-opt with --verify-diagnostics, so every expected-error must be
// reported at its line and nothing else.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runHpmoeOpt } from "../support/run-opt.js";

const dir = new URL("./verify-schedule-cases/", import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith(".mlir")).sort();

describe("verify-schedule rejects each kind of bug with a located diagnostic", () => {
  it("has one case per kind", () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const file of files) {
    it(file, () => {
      const path = join(dir, file);
      const run = /^\/\/ RUN: hpmoe-opt %s (.*)$/m.exec(readFileSync(path, "utf8"))![1]!.split(" ");
      const r = runHpmoeOpt([path, ...run]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      // Without --verify-diagnostics the same input fails with located errors.
      const plain = runHpmoeOpt([path, ...run.filter((f) => f !== "--verify-diagnostics")]);
      expect(plain.code).toBe(1);
      expect(plain.err).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:\\d+:\\d+: error: `));
    });
  }
});
