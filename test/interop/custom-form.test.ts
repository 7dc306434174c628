// test/interop/custom-form.test.ts: the custom forms of registered ops (func, cf, scf, builtin) against
// mlir-opt 22: our custom output from the same input, and mlir-opt's custom output read back by us
// and printed unchanged (plain and with debug info). Cases live in custom-cases/, one feature per
// file, with the same rules as cases/ (README.md).

import { defineInteropSuite } from "./interop-support.js";

defineInteropSuite({
  title: "interop: hpmoe-opt prints custom forms like mlir-opt-22",
  casesDir: "test/interop/custom-cases",
  minCases: 15,
  variants: [
    { name: "custom", flags: [] },
    { name: "custom+debuginfo", flags: ["--mlir-print-debuginfo"] },
    { name: "custom+debuginfo+local-scope", flags: ["--mlir-print-debuginfo", "--mlir-print-local-scope"] },
    { name: "generic", flags: ["--mlir-print-op-generic"] },
  ],
  roundTrips: [
    { name: "custom", variant: "custom", from: "reference", to: "subject", flags: [] },
    {
      name: "custom-generic",
      variant: "custom",
      from: "reference",
      to: "subject",
      flags: ["--mlir-print-op-generic"],
      expected: { variant: "generic", tool: "reference" },
    },
    { name: "custom+debuginfo", variant: "custom+debuginfo", from: "reference", to: "subject", flags: ["--mlir-print-debuginfo"] },
    { name: "ours-to-mlir", variant: "custom", from: "subject", to: "reference", flags: [] },
  ],
});
