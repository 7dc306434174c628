// test/interop/interop.test.ts: hpmoe-opt must print generic form byte-identically to mlir-opt 22,
// and mlir-opt must re-parse our generic output and print it unchanged. README.md explains how to
// add a case; interop-support.ts holds the runner.

import { defineInteropSuite } from "./interop-support.js";

defineInteropSuite({
  title: "interop: hpmoe-opt prints generic form like mlir-opt-22",
  casesDir: "test/interop/cases",
  minCases: 150,
  variants: [
    { name: "generic", flags: ["--mlir-print-op-generic"] },
    { name: "generic+debuginfo", flags: ["--mlir-print-op-generic", "--mlir-print-debuginfo"] },
    {
      name: "generic+debuginfo+local-scope",
      flags: ["--mlir-print-op-generic", "--mlir-print-debuginfo", "--mlir-print-local-scope"],
    },
  ],
  roundTrips: [{ name: "generic", variant: "generic", from: "subject", to: "reference", flags: ["--mlir-print-op-generic"] }],
});
