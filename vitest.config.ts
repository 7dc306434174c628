// Tests spawn mlir-opt-22, FileCheck and our CLIs; on a loaded 2-core machine
// a process can take seconds to start, so the per-test limit is generous. It
// still catches hangs; speed goals live in bench/, never in tests.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
