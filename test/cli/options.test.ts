// LLVM-cl-style option parsing shared by the command-line tools.

import { describe, expect, it } from "vitest";
import { CommandLineError, formatHelp, parseCommandLine, type OptionSpec } from "../../src/cli/options.js";

const specs: OptionSpec[] = [
  { name: "o", kind: "string", help: "Output filename" },
  { name: "split-input-file", kind: "string", implicitValue: "// -----", help: "Split" },
  { name: "mlir-print-op-generic", kind: "bool", help: "Generic" },
  { name: "mlir-print-elementsattrs-with-hex-if-larger", kind: "int", help: "Hex" },
];

function ok(args: string[]) {
  const r = parseCommandLine("tool", args, specs);
  if (r instanceof CommandLineError) throw new Error(r.lines.join("\n"));
  return r;
}

describe("parseCommandLine", () => {
  it("accepts single- and double-dash spellings, = and separate values", () => {
    const r = ok(["-mlir-print-op-generic", "in.mlir", "-o", "out.mlir", "--mlir-print-elementsattrs-with-hex-if-larger=-1"]);
    expect(r.values.get("mlir-print-op-generic")).toBe(true);
    expect(r.values.get("o")).toBe("out.mlir");
    expect(r.values.get("mlir-print-elementsattrs-with-hex-if-larger")).toBe(-1);
    expect(r.positional).toEqual(["in.mlir"]);
    expect(ok(["--o=x"]).values.get("o")).toBe("x");
  });

  it("gives optional-value options their implicit value when bare", () => {
    expect(ok(["--split-input-file"]).values.get("split-input-file")).toBe("// -----");
    expect(ok(["--split-input-file=//--"]).values.get("split-input-file")).toBe("//--");
  });

  it("reads --flag=false and treats everything after -- as positional", () => {
    expect(ok(["--mlir-print-op-generic=false"]).values.get("mlir-print-op-generic")).toBe(false);
    expect(ok(["--", "-o", "-"]).positional).toEqual(["-o", "-"]);
  });

  it("rejects unknown flags with LLVM's wording and a suggestion", () => {
    const r = parseCommandLine("tool", ["--mlir-print-op-generik"], specs);
    expect(r).toBeInstanceOf(CommandLineError);
    const lines = (r as CommandLineError).lines;
    expect(lines[0]).toBe("tool: Unknown command line argument '--mlir-print-op-generik'.  Try: 'tool --help'");
    expect(lines[1]).toBe("tool: Did you mean '--mlir-print-op-generic'?");
  });

  it("rejects a missing value and a non-integer value", () => {
    expect((parseCommandLine("tool", ["-o"], specs) as CommandLineError).lines).toEqual(["tool: for the -o option: requires a value!"]);
    const bad = parseCommandLine("tool", ["--mlir-print-elementsattrs-with-hex-if-larger=ten"], specs) as CommandLineError;
    expect(bad.lines[0]).toMatch(/'ten' value invalid for integer argument/);
  });

  it("lists every option in --help, sorted", () => {
    const help = formatHelp("overview", "tool [options]", specs);
    const flags = help.split("\n").filter((l) => l.startsWith("  -")).map((l) => l.trim().split(/[ =[]/)[0]);
    expect(flags).toEqual([...flags].sort());
    expect(flags).toContain("--split-input-file");
  });
});
