// The YAML dialect format and its loader: malformed files give located
// errors (file:line:col of the offending node), a user dialect loads with its
// hooks and gets the generic invariant verifier, and the shipped files load.

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  Context,
  DictionaryAttr,
  IntegerAttr,
  IntegerType,
  loadDialectYaml,
  loadedDialectDecls,
  parseSourceString,
  registerAllDialects,
  Severity,
  success,
  verify,
  type DialectHooks,
} from "../../src/index.js";
import { checkAssemblyFormat } from "../../src/dialect/dialect-loader.js";
import { readDialectYaml } from "../../src/dialect/dialect-yaml.js";

/** The errors of loading `text` as `x.yaml`, as `line:col: message`. */
function loadErrors(text: string, hooks: DialectHooks = {}): string[] {
  const ctx = new Context();
  const out: string[] = [];
  ctx.diagnostics.pushHandler((d) => {
    const loc = d.loc as unknown as { startLine: number; startColumn: number; filename: string };
    out.push(`${loc.filename}:${loc.startLine}:${loc.startColumn}: ${d.message}`);
  });
  const r = loadDialectYaml(ctx, text, "x.yaml", hooks);
  ctx.diagnostics.flush();
  expect(r.failed).toBe(out.length > 0);
  return out;
}

describe("malformed dialect files", () => {
  it("reports YAML syntax errors at their position", () => {
    expect(loadErrors("dialect: t\nops: [a, b\n")).toEqual([expect.stringMatching(/^x\.yaml:3:1: /)]);
  });
  it("reports duplicate op names (duplicate mapping keys)", () => {
    expect(loadErrors("dialect: t\nops:\n  a: {}\n  a: {}\n")).toEqual(["x.yaml:4:3: Map keys must be unique"]);
  });
  it("reports unknown keys, with the expected ones", () => {
    const [e] = loadErrors("dialect: t\nops:\n  a:\n    operand: {x: AnyType}\n");
    expect(e).toMatch(/^x\.yaml:4:5: unknown key 'operand' in op 'a' \(expected one of: base, summary/);
  });
  it("reports missing required keys", () => {
    expect(loadErrors("ops: {}\n")).toEqual(["x.yaml:1:1: missing key 'dialect'"]);
  });
  it("reports values of the wrong type", () => {
    expect(loadErrors("dialect: t\nops:\n  a:\n    traits: Pure\n")).toEqual(["x.yaml:4:13: the traits of op 'a' must be a list"]);
    expect(loadErrors("dialect: t\nops:\n  a:\n    summary: [x]\n")).toEqual(["x.yaml:4:14: 'summary' of op 'a' must be a string"]);
  });
  it("reports unknown traits, constraints and malformed trait arguments", () => {
    expect(
      loadErrors(
        [
          "dialect: t",
          "ops:",
          "  a:",
          "    operands: {x: SignlessIntegerLik, y: AnyType}",
          "    attributes: {n: I65Attr}",
          "    regions: {r: SizedRegion<2>}",
          "    traits: [Pur, HasParent<foo>, 'AllTypesMatch<y, nope>']",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      "x.yaml:4:19: unknown type constraint 'SignlessIntegerLik'",
      "x.yaml:5:21: unknown attribute constraint 'I65Attr'",
      expect.stringMatching(/^x\.yaml:6:18: unknown region constraint 'SizedRegion<2>'/),
      "x.yaml:7:14: unknown trait 'Pur'",
      "x.yaml:7:19: trait 'HasParent' takes op names: <dialect.op, ...>",
      "x.yaml:7:35: trait 'AllTypesMatch' names 'nope', which is no operand, result or attribute of 't.a'",
    ]);
  });
  it("reports defaults a constraint cannot build, and several variadic groups without segment sizes", () => {
    expect(
      loadErrors(
        [
          "dialect: t",
          "ops:",
          "  a:",
          "    operands: {x: Variadic<AnyType>, y: Variadic<AnyType>}",
          "    attributes:",
          "      n: {constraint: I64Attr, default: seven}",
          "",
        ].join("\n"),
      ),
    ).toEqual([
      "x.yaml:6:41: 'seven' is not a valid default for constraint 'I64Attr'",
      "x.yaml:3:3: op 't.a' has several optional or variadic operand groups and needs the AttrSizedOperandSegments trait",
    ]);
  });
  it("reports hooks declared but not exported, and exported but not declared", () => {
    const text = "dialect: t\nops:\n  a:\n    hooks: [verify]\n  b: {}\n";
    expect(loadErrors(text)).toEqual(["x.yaml:3:3: op 't.a' declares hook 'verify', but its hooks module exports no ops.a.verify"]);
    expect(loadErrors(text, { ops: { a: { verify: () => success() }, b: { fold: () => undefined } } })).toEqual([
      "x.yaml:5:3: the hooks module exports ops.b.fold, which op 't.b' does not declare under 'hooks'",
    ]);
    expect(loadErrors("dialect: t\nops:\n  a: {hooks: [frob]}\n")).toEqual([expect.stringMatching(/^x\.yaml:3:15: unknown hook 'frob' \(expected one of: verify/)]);
  });
});

const USER_DIALECT = `
dialect: test
summary: A dialect defined by a user of the library
enums:
  Mode: {fast: 0, exact: 1}
ops:
  pack:
    summary: Packs values
    operands:
      head: I32
      rest: Variadic<AnyType>
      tail: Optional<Index>
    results:
      out: AnyInteger
    attributes:
      mode: {constraint: Mode, default: exact}
      tag: OptionalAttr<StrAttr>
    traits: [Pure, AttrSizedOperandSegments]
    hooks: [verify]
  region_op:
    regions:
      body: SizedRegion<1>
    traits: [NoRegionArguments, "SingleBlockImplicitTerminator<test.end>"]
  end:
    traits: [Terminator, "HasParent<test.region_op>"]
`;

describe("a user dialect", () => {
  function load(): { ctx: Context; errors: string[] } {
    const ctx = new Context();
    registerAllDialects(ctx);
    const hooks: DialectHooks = {
      ops: { pack: { verify: (op) => (op.getAttr("tag") !== undefined ? op.emitOpError("tag is reserved") : success()) } },
    };
    expect(loadDialectYaml(ctx, USER_DIALECT, "test.yaml", hooks).failed).toBe(false);
    return { ctx, errors: [] };
  }
  /** The first error of verifying `body` inside a function with arguments `%a: i32, %i: index`. */
  function firstError(body: string): string | undefined {
    const { ctx } = load();
    let first: string | undefined;
    ctx.diagnostics.pushHandler((d) => {
      const loc = d.loc as unknown as { startLine: number; startColumn: number };
      if (d.severity === Severity.Error) first ??= `in.mlir:${loc.startLine}:${loc.startColumn}: error: ${d.message}`;
    });
    const m = parseSourceString(
      ctx,
      `"func.func"() <{function_type = (i32, index) -> (), sym_name = "f"}> ({\n^bb0(%a: i32, %i: index):\n${body}\n  "func.return"() : () -> ()\n}) : () -> ()`,
      "in.mlir",
    );
    if (m) verify(m);
    ctx.diagnostics.flush();
    return first;
  }

  it("registers its ops with spec, traits and defaults", () => {
    const { ctx } = load();
    const def = ctx.getOperationName("test.pack").definition!;
    expect(def.spec?.operands.map((o) => `${o.name}:${o.arity}`)).toEqual(["head:single", "rest:variadic", "tail:optional"]);
    expect(def.inherentAttrNames).toEqual(["mode", "tag", "operandSegmentSizes"]);
    expect(def.defaultProperties).toEqual([{ name: "mode", value: IntegerAttr.get(ctx, IntegerType.get(ctx, 64), 1n) }]);
    expect(def.spec?.attributes[0]?.constraint.enumCases).toEqual([
      { keyword: "fast", value: 0 },
      { keyword: "exact", value: 1 },
    ]);
    expect([...loadedDialectDecls(ctx).keys()]).toEqual(["builtin", "func", "cf", "arith", "scf", "moe", "tile", "queue", "aic", "aiv", "test"]);
  });
  it("accepts a valid op and fills the default property", () => {
    const { ctx } = load();
    const m = parseSourceString(
      ctx,
      `"func.func"() <{function_type = (i32, index) -> (), sym_name = "f"}> ({
^bb0(%a: i32, %i: index):
  %0 = "test.pack"(%a, %a, %i) <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i32, i32, index) -> i8
  "func.return"() : () -> ()
}) : () -> ()`,
    );
    expect(m && verify(m).failed).toBe(false);
    const pack = m!.regions[0]!.entryBlock!.first!.regions[0]!.entryBlock!.first!;
    expect((pack.properties as DictionaryAttr).get("mode")).toBe(IntegerAttr.get(ctx, IntegerType.get(ctx, 64), 1n));
  });
  it("checks counts, segments, constraints and traits in MLIR's order and wording, before the custom verifier", () => {
    const pack = (operands: string, types: string, sizes: string, extra = ""): string =>
      `  %0 = "test.pack"(${operands}) <{operandSegmentSizes = array<i32: ${sizes}>${extra}}> : (${types}) -> i8`;
    expect(firstError(`  %0 = "test.pack"() <{operandSegmentSizes = array<i32: 0, 0, 0>}> : () -> i8`)).toBe(
      "in.mlir:3:8: error: 'test.pack' op expected 1 or more operands, but found 0",
    );
    expect(firstError(pack("%a, %a", "i32, i32", "1, 0, 0"))).toBe(
      "in.mlir:3:8: error: 'test.pack' op operand count (2) does not match with the total size (1) specified in attribute 'operandSegmentSizes'",
    );
    expect(firstError(pack("%i", "index", "1, 0, 0"))).toBe("in.mlir:3:8: error: 'test.pack' op operand #0 must be 32-bit signless integer, but got 'index'");
    expect(firstError(pack("%a, %a", "i32, i32", "1, 0, 1"))).toBe("in.mlir:3:8: error: 'test.pack' op operand #1 must be index, but got 'i32'");
    expect(firstError(pack("%a", "i32", "1, 0, 0", ", mode = 5"))).toBe(
      "in.mlir:3:8: error: 'test.pack' op attribute 'mode' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1",
    );
    expect(firstError(pack("%a", "i32", "1, 0, 0", ', tag = "x"'))).toBe("in.mlir:3:8: error: 'test.pack' op tag is reserved");
    expect(firstError(`  "test.region_op"() ({\n  ^bb0(%x: i32):\n    "test.end"() : () -> ()\n  }) : () -> ()`)).toBe(
      "in.mlir:3:3: error: 'test.region_op' op region should have no arguments",
    );
    expect(firstError(`  "test.end"() : () -> ()`)).toBe("in.mlir:3:3: error: 'test.end' op expects parent op 'test.region_op'");
    expect(firstError(`  "test.region_op"() ({\n    "func.return"() : () -> ()\n  }) : () -> ()`)).toBe(
      "in.mlir:4:5: error: 'func.return' op expects parent op 'func.func'",
    );
  });
});

describe("shipped dialect files", () => {
  const dir = new URL("../../dialects/", import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml")))
    it(`${file} reads without errors`, () => {
      const r = readDialectYaml(readFileSync(new URL(file, dir), "utf8"));
      expect(r.errors).toBeUndefined();
      expect(r.decl?.name).toBe(file.replace(/\.yaml$/, ""));
    });
  it("every declared assembly format compiles against its op", () => {
    const ctx = new Context();
    registerAllDialects(ctx);
    let formats = 0;
    for (const name of ctx.registeredOperations()) {
      const def = name.definition!;
      if (def.spec?.assemblyFormat) formats++;
      expect(checkAssemblyFormat(def), name.name).toBeUndefined();
    }
    expect(formats).toBeGreaterThan(40);
  });
});

describe("assembly formats of a user dialect", () => {
  it("are compiled while loading: a broken one is reported at its op", () => {
    const errors = loadErrors(`dialect: x
ops:
  neg:
    operands: {a: AnyType}
    results: {r: AnyType}
    assemblyFormat: "$a attr-dict"
`);
    expect(errors).toEqual(["x.yaml:3:3: 'x.neg' assembly format, column 1: type of operand #0, named 'a', is not buildable and a buildable type cannot be inferred"]);
  });
});

describe("dialect types kept opaque (typeConstraints)", () => {
  const yaml = `dialect: tk
typeConstraints:
  Token: {dialectType: tk.token, description: a dependency token}
ops:
  task:
    operands: {deps: Variadic<Token>}
    results: {done: Token}
    assemblyFormat: "(\`after\` \`(\` $deps^ \`)\`)? attr-dict"
`;
  function load(): Context {
    const ctx = new Context();
    registerAllDialects(ctx);
    expect(loadDialectYaml(ctx, yaml, "tk.yaml").failed).toBe(false);
    return ctx;
  }
  it("check operand and result types, and build the unprinted result type", () => {
    const ctx = load();
    const ok = parseSourceString(ctx, `%a = tk.task\n%b = tk.task after(%a)\n`, "in.mlir");
    expect(ok && verify(ok).failed).toBe(false);
    const bad = parseSourceString(ctx, `%a = "tk.task"() : () -> !tk.other\n`, "bad.mlir");
    const messages: string[] = [];
    ctx.diagnostics.pushHandler((d) => messages.push(d.message));
    expect(bad && verify(bad).failed).toBe(true);
    ctx.diagnostics.flush();
    expect(messages.join("\n")).toMatch(/result #0 must be a dependency token, but got '!tk.other'/);
  });
  it("report a malformed declaration at its node", () => {
    expect(loadErrors("dialect: t\ntypeConstraints:\n  T: {dialectType: token, description: d}\nops: {}\n")).toEqual([
      "x.yaml:3:6: type constraint 'T' needs 'dialectType: <dialect>.<mnemonic>' and 'description'",
    ]);
  });
});
