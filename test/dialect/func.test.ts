// The func dialect's verifiers against mlir-opt 22: each case is a generic-form
// source whose first diagnostic (position, message, notes) is pinned to
// mlir-opt-22's, and the oracle suite re-derives every pin from mlir-opt-22.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Context, FileLineColRange, Severity, parseSourceString, registerFuncDialect, verify, type Diagnostic, type Location } from "../../src/index.js";
import { setSymbolName } from "../../src/ir/symbol-table.js";

const MLIR_OPT = "/usr/bin/mlir-opt-22";

interface Case {
  readonly name: string;
  readonly src: string;
  /** mlir-opt-22's first error, as `line:col: message`, then its notes' messages. */
  readonly want: readonly string[];
}

const FN = `"func.func"() <{function_type = () -> (), sym_name = "f"}>`;
/** A private declaration `@g : (i32) -> (i32, f32)` followed by a caller `@f(%a: i32, %b: i64)`. */
const callCase = (call: string): string => `"func.func"() <{function_type = (i32) -> (i32, f32), sym_name = "g", sym_visibility = "private"}> ({}) : () -> ()
"func.func"() <{function_type = (i32, i64) -> (), sym_name = "f"}> ({
^bb0(%a: i32, %b: i64):
  ${call}
  "func.return"() : () -> ()
}) : () -> ()
`;

const CASES: readonly Case[] = [
  {
    name: "entry-block-argument-count",
    src: `"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: ["1:1: 'func.func' op entry block must have 1 arguments to match function signature"],
  },
  {
    name: "entry-block-argument-type",
    src: `"func.func"() <{function_type = (i32) -> (), sym_name = "f"}> ({
^bb0(%a: i64):
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: [
      "1:1: 'func.func' op type of entry block argument #0('i64') must match the type of the corresponding argument in function signature('i32')",
    ],
  },
  {
    name: "public-declaration",
    src: `"func.func"() <{function_type = () -> (), sym_name = "f"}> ({}) : () -> ()
`,
    want: ["1:1: 'func.func' op symbol declaration cannot have public visibility"],
  },
  {
    name: "missing-function-type",
    src: `"func.func"() <{sym_name = "f", sym_visibility = "private"}> ({}) : () -> ()
`,
    want: ["1:1: 'func.func' op requires attribute 'function_type'"],
  },
  {
    name: "function-type-not-a-function",
    src: `"func.func"() <{function_type = i32, sym_name = "f", sym_visibility = "private"}> ({}) : () -> ()
`,
    want: ["1:1: 'func.func' op attribute 'function_type' failed to satisfy constraint: type attribute of function type"],
  },
  {
    name: "arg-attrs-count",
    src: `"func.func"() <{arg_attrs = [{}, {}], function_type = (i32) -> (), sym_name = "f", sym_visibility = "private"}> ({}) : () -> ()
`,
    want: [
      "1:1: 'func.func' op expects argument attribute array to have the same number of elements as the number of function arguments, got 2, but expected 1",
    ],
  },
  {
    name: "res-attrs-not-dialect",
    src: `"func.func"() <{function_type = () -> i32, res_attrs = [{a = 1}], sym_name = "f", sym_visibility = "private"}> ({}) : () -> ()
`,
    want: ["1:1: 'func.func' op results may only have dialect attributes"],
  },
  {
    name: "return-count",
    src: `"func.func"() <{function_type = () -> i32, sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: ["2:3: 'func.return' op has 0 operands, but enclosing function (@f) returns 1"],
  },
  {
    name: "return-type",
    src: `"func.func"() <{function_type = () -> (i32, i64), sym_name = "f"}> ({
  %a = "x.a"() : () -> i32
  "func.return"(%a, %a) : (i32, i32) -> ()
}) : () -> ()
`,
    want: ["3:3: type of return operand 1 ('i32') doesn't match function result type ('i64') in function @f"],
  },
  {
    name: "return-parent",
    src: `${FN} ({
  "x.r"() ({
    "func.return"() : () -> ()
  }) : () -> ()
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: ["3:5: 'func.return' op expects parent op 'func.func'"],
  },
  {
    name: "return-not-last",
    src: `${FN} ({
  "func.return"() : () -> ()
  "x.a"() : () -> ()
}) : () -> ()
`,
    want: ["2:3: 'func.return' op must be the last operation in the parent block"],
  },
  {
    name: "call-missing-callee",
    src: `${FN} ({
  "func.call"() : () -> ()
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: ["2:3: 'func.call' op requires attribute 'callee'"],
  },
  {
    name: "call-unknown-callee",
    src: callCase(`"func.call"() <{callee = @nope}> : () -> ()`),
    want: ["4:3: 'func.call' op 'nope' does not reference a valid function"],
  },
  {
    name: "call-callee-not-a-function",
    src: `"x.sym"() {sym_name = "s"} : () -> ()
${FN} ({
  "func.call"() <{callee = @s}> : () -> ()
  "func.return"() : () -> ()
}) : () -> ()
`,
    want: ["3:3: 'func.call' op 's' does not reference a valid function"],
  },
  {
    name: "call-operand-count",
    src: callCase(`"func.call"() <{callee = @g}> : () -> ()`),
    want: ["4:3: 'func.call' op incorrect number of operands for callee"],
  },
  {
    name: "call-operand-type",
    src: callCase(`%r:2 = "func.call"(%b) <{callee = @g}> : (i64) -> (i32, f32)`),
    want: ["4:10: 'func.call' op operand type mismatch: expected operand type 'i32', but provided 'i64' for operand number 0"],
  },
  {
    name: "call-result-count",
    src: callCase(`%r = "func.call"(%a) <{callee = @g}> : (i32) -> i32`),
    want: ["4:8: 'func.call' op incorrect number of results for callee"],
  },
  {
    name: "call-result-type",
    src: callCase(`%r:2 = "func.call"(%a) <{callee = @g}> : (i32) -> (i32, i64)`),
    want: [
      "4:10: 'func.call' op result type mismatch at index 1",
      "      op result types: 'i32', 'i64'",
      "function result types: 'i32', 'f32'",
    ],
  },
];

/** A valid module: a declaration, a definition calling it and itself. */
const VALID = `"func.func"() <{function_type = (i32) -> (i32, f32), sym_name = "g", sym_visibility = "private"}> ({}) : () -> ()
"func.func"() <{function_type = (i32) -> i32, sym_name = "f"}> ({
^bb0(%a: i32):
  %r:2 = "func.call"(%a) <{callee = @g}> : (i32) -> (i32, f32)
  %s = "func.call"(%r#0) <{callee = @f}> : (i32) -> i32
  "func.return"(%s) : (i32) -> ()
}) : () -> ()
`;

function locText(loc: Location): string {
  return loc instanceof FileLineColRange ? `${loc.startLine}:${loc.startColumn}` : "?:?";
}

/** Parses and verifies `src` with the func dialect loaded; returns every diagnostic emitted. */
function run(src: string): Diagnostic[] {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerFuncDialect(ctx);
  const root = parseSourceString(ctx, src, "case.mlir");
  if (root !== undefined) verify(root, { printOpOnDiagnostic: false });
  return ctx.diagnostics.takeAll();
}

/** The first error as `line:col: message`, then its notes' messages (the `want` shape). */
function firstError(diags: readonly Diagnostic[]): string[] {
  const d = diags.find((x) => x.severity === Severity.Error);
  if (d === undefined) return [];
  return [`${locText(d.loc)}: ${d.message}`, ...d.notes.map((n) => n.message)];
}

describe("func dialect verifiers", () => {
  it("accepts a valid module with a declaration, calls and returns", () => {
    expect(run(VALID).map((d) => d.message)).toEqual([]);
  });
  for (const c of CASES) {
    it(c.name, () => {
      expect(firstError(run(c.src))).toEqual(c.want);
    });
  }
  it("sees callees renamed or erased between verifications", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    registerFuncDialect(ctx);
    const root = parseSourceString(ctx, VALID, "case.mlir");
    const g = root?.regions[0]?.entryBlock?.first;
    if (root === undefined || !g) throw new Error("VALID did not parse");
    const messages = (): string[] => {
      verify(root, { printOpOnDiagnostic: false });
      return ctx.diagnostics.takeAll().map((d) => d.message);
    };
    expect(messages()).toEqual([]);
    setSymbolName(g, "h");
    expect(messages()).toEqual(["'func.call' op 'g' does not reference a valid function"]);
    setSymbolName(g, "g");
    expect(messages()).toEqual([]);
    g.erase();
    expect(messages()).toEqual(["'func.call' op 'g' does not reference a valid function"]);
  });
  it("does not check calls outside any symbol table (as MLIR)", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    registerFuncDialect(ctx);
    const root = parseSourceString(ctx, callCase(`"func.call"() <{callee = @nope}> : () -> ()`), "case.mlir");
    const f = root?.regions[0]?.entryBlock?.last;
    if (!f) throw new Error("case did not parse");
    f.remove();
    expect(verify(f).failed).toBe(false);
  });
  it("rejects an unknown op of the loaded func dialect", () => {
    // Reported by the parser; the message is pinned, its column is the parser's business.
    const diags = run(`"func.foo"() : () -> ()\n`);
    expect(diags[0]?.message).toBe(
      "unregistered operation 'func.foo' found in dialect ('func') that does not allow unknown operations",
    );
  });
});

//===----------------------------------------------------------------------===//
// Oracle: every pin above is mlir-opt-22's first diagnostic
//===----------------------------------------------------------------------===//

/** mlir-opt-22's first error and its notes for `src`, in the `want` shape. */
function oracle(src: string): string[] {
  if (!existsSync(MLIR_OPT)) throw new Error(`${MLIR_OPT} is required for the func oracle test but was not found`);
  const r = spawnSync(MLIR_OPT, ["--allow-unregistered-dialect", "--mlir-print-op-on-diagnostic=false", "-"], {
    input: src,
    encoding: "utf8",
  });
  const out: string[] = [];
  for (const line of r.stderr.split("\n")) {
    const m = /^<stdin>:(\d+):(\d+): (error|note): (.*)$/.exec(line);
    if (m === null) continue;
    if (m[3] === "error") {
      if (out.length) break;
      out.push(`${m[1]}:${m[2]}: ${m[4]}`);
    } else if (out.length) {
      out.push(m[4]!);
    }
  }
  return out;
}

describe("oracle: mlir-opt-22", () => {
  it("accepts the valid module", () => {
    expect(oracle(VALID)).toEqual([]);
  });
  for (const c of CASES) {
    it(c.name, () => {
      expect(oracle(c.src)).toEqual(c.want);
    });
  }
});
