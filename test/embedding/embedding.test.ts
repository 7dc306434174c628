// An embedding compiler's view: its own dialect and pass (toy-dialect.ts),
// written against the "hpmoe" package entry only, run through the library
// API and through the hpmoe-opt driver.

import { describe, expect, it } from "vitest";
import {
  Context,
  PassManager,
  globalPassRegistry,
  parsePassPipeline,
  parseSourceString,
  printTopLevel,
  registerAllPasses,
  registerBuiltinDialect,
  registerPass,
  runOpt,
  PipelineError,
} from "hpmoe";
import { registerToyDialect, ToyCountPass } from "./toy-dialect.js";

const SOURCE = `%a = "x.input"() : () -> i32
%c2 = "toy.constant"() {value = 2 : i32} : () -> i32
%c3 = "toy.constant"() {value = 3 : i32} : () -> i32
%s = "toy.add"(%c2, %c3) : (i32, i32) -> i32
%m = "toy.mul"(%a, %a) : (i32, i32) -> i32
"x.output"(%s, %m) : (i32, i32) -> ()
`;

registerAllPasses();
registerPass(() => new ToyCountPass());

function toyContext(): Context {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerBuiltinDialect(ctx);
  registerToyDialect(ctx);
  return ctx;
}

describe("embedding hpmoe", () => {
  it("runs a pipeline of our pass and canonicalize through the library API", () => {
    const ctx = toyContext();
    const root = parseSourceString(ctx, SOURCE, "toy.mlir");
    expect(root).toBeDefined();
    const pm = parsePassPipeline("builtin.module(toy-count{tag=true},canonicalize)", globalPassRegistry);
    expect(pm).toBeInstanceOf(PassManager);
    expect((pm as PassManager).run(root!).failed).toBe(false);
    const text = printTopLevel(root!, { printGenericOpForm: true });
    // 2 + 3 folded into a constant the toy dialect materialised; mul(a, a) became square(a).
    expect(text).toContain('"toy.constant"() {value = 5 : i32} : () -> i32');
    // The folded constant is hoisted to the front of the module body (MLIR's constant uniquing), so the input is %1.
    expect(text).toContain('"toy.square"(%1) : (i32) -> i32');
    expect(text).not.toContain("toy.add");
    expect(text).not.toContain("toy.mul");
    const count = ((pm as PassManager).elements[0] as ToyCountPass).numToyOps.value;
    expect(count).toBe(4);
  });

  it("reports bad options of our pass like any other", () => {
    const err = parsePassPipeline("builtin.module(toy-count{tag=maybe})", globalPassRegistry);
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).commandLineMessage).toBe("for the --tag option: 'maybe' is invalid value for boolean argument! Try 0 or 1");
    expect((err as PipelineError).text).toContain("failed to add `toy-count` with options `tag=maybe`");
  });

  it("runs through the hpmoe-opt driver with our dialect and pass flag", () => {
    let out = "";
    let err = "";
    const io = { readStdin: () => Buffer.from(SOURCE, "latin1"), stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    const code = runOpt("toy-opt", ["--canonicalize", "--toy-count=tag=true", "--mlir-print-op-generic", "--allow-unregistered-dialect", "-"], io, { dialects: [registerToyDialect] });
    expect(err).toBe("");
    expect(code).toBe(0);
    // canonicalize hoists the constant to the front of the module body (MLIR's constant uniquing), so the input is %1.
    expect(out).toContain('"toy.square"(%1) {toy.seen} : (i32) -> i32');
    // Flags run in order: canonicalize first, then the tagging pass sees its results.
    expect(out).toContain('"toy.constant"() {toy.seen, value = 5 : i32} : () -> i32');
  });

  it("leaves toy ops alone when the dialect is not registered", () => {
    let out = "";
    let err = "";
    const io = { readStdin: () => Buffer.from(SOURCE, "latin1"), stdout: (t: string) => (out += t), stderr: (t: string) => (err += t) };
    expect(runOpt("toy-opt", ["--canonicalize", "--allow-unregistered-dialect", "--mlir-print-op-generic", "-"], io)).toBe(0);
    expect(err).toBe("");
    // Unregistered ops have no folders, patterns or purity: nothing changes.
    expect(out).toContain('"toy.add"(%1, %2)');
    expect(out).toContain('"toy.mul"(%0, %0)');
  });
});
