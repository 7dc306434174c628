// The public entry point: build, parse, verify and print through `src/index.ts` only.

import { describe, expect, it } from "vitest";
import {
  Builder,
  Context,
  FunctionType,
  IntegerType,
  Operation,
  Severity,
  UnknownLoc,
  parseSourceString,
  printTopLevel,
  registerBuiltinDialect,
  verify,
} from "../src/index.js";

describe("public API", () => {
  it("parses, verifies and prints generic IR", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    const m = parseSourceString(ctx, '%0 = "x.a"() {k = 1 : i32} : () -> i32\n"x.b"(%0) : (i32) -> ()\n');
    expect(m).toBeDefined();
    expect(verify(m!).failed).toBe(false);
    expect(printTopLevel(m!, { printGenericOpForm: true })).toBe(
      '"builtin.module"() ({\n  %0 = "x.a"() {k = 1 : i32} : () -> i32\n  "x.b"(%0) : (i32) -> ()\n}) : () -> ()\n',
    );
  });

  it("reports parse errors as located diagnostics instead of throwing", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    expect(parseSourceString(ctx, '"x.b"(%nope) : (i32) -> ()\n', "in.mlir")).toBeUndefined();
    const [d] = ctx.diagnostics.takeAll();
    expect(d!.severity).toBe(Severity.Error);
    expect(d!.message).toBe("use of undeclared SSA value name");
  });

  it("builds IR with the Builder and prints it in custom module form", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    registerBuiltinDialect(ctx);
    const module = Operation.create(ctx, { name: ctx.getOperationName("builtin.module"), loc: UnknownLoc.get(ctx), numRegions: 1 });
    const b = new Builder(ctx);
    b.createBlock(module.regions[0]!);
    const i32 = IntegerType.get(ctx, 32);
    const c = b.create("x.const", { results: [i32] });
    b.create("x.call", { operands: [c.getResult(0)], results: [FunctionType.get(ctx, [i32], [i32])] });
    expect(verify(module).failed).toBe(false);
    expect(printTopLevel(module)).toBe(
      'module {\n  %0 = "x.const"() : () -> i32\n  %1 = "x.call"(%0) : (i32) -> ((i32) -> i32)\n}\n',
    );
  });
});
