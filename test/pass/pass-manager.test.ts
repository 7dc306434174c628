// The pass manager as a library: pipeline text round trips, typed options,
// nesting and scheduling, verification after passes, analysis caching and
// invalidation, instrumentation order.

import { describe, expect, it } from "vitest";
import { Context } from "../../src/ir/context.js";
import { registerBuiltinDialect } from "../../src/dialect/builtin.js";
import { registerFuncDialect } from "../../src/dialect/func.js";
import type { Operation } from "../../src/ir/operation.js";
import { parseSourceString } from "../../src/index.js";
import { AnalysisManager, PreservedAnalyses } from "../../src/pass/analysis-manager.js";
import { option, PassOptions } from "../../src/pass/pass-options.js";
import { Pass } from "../../src/pass/pass.js";
import { PassInstrumentation } from "../../src/pass/pass-instrumentation.js";
import { OpPassManager, PassManager, PipelineBuildError } from "../../src/pass/pass-manager.js";
import { PassRegistry } from "../../src/pass/pass-registry.js";
import { parsePassPipeline, PipelineError } from "../../src/pass/pipeline-parser.js";

/** A pass that records the ops it ran on; options of every type. */
class RecordPass extends Pass {
  readonly argument = "record";
  readonly name = "Record";
  readonly summary = "Records the ops it runs on";
  override readonly options = new PassOptions({
    count: option("count", "int", 3, "an int"),
    big: option("big", "uint", 7, "a uint"),
    flag: option("flag", "bool", false, "a bool"),
    mode: option("mode", "enum", "fast", "an enum", ["fast", "slow"]),
    label: option("label", "string", "", "a string"),
    sizes: option("sizes", "int-list", [] as number[], "a list"),
  });
  static seen: string[] = [];
  runOnOperation(): void {
    RecordPass.seen.push(this.getOperation().name.name);
    this.markAllAnalysesPreserved();
  }
}

class FuncOnlyPass extends Pass {
  readonly argument = "func-only";
  readonly name = "FuncOnly";
  readonly summary = "Anchored on func.func";
  override readonly opName = "func.func";
  runOnOperation(): void {}
}

class FailPass extends Pass {
  readonly argument = "fail";
  readonly name = "Fail";
  readonly summary = "Always fails";
  runOnOperation(): void {
    this.signalPassFailure();
  }
}

function registry(): PassRegistry {
  const r = new PassRegistry();
  r.register(() => new RecordPass());
  r.register(() => new FuncOnlyPass());
  r.register(() => new FailPass());
  return r;
}

function module(): Operation {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerBuiltinDialect(ctx);
  registerFuncDialect(ctx);
  const root = parseSourceString(
    ctx,
    `"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
"x.other"() : () -> ()
"func.func"() <{function_type = () -> (), sym_name = "g"}> ({
  "func.return"() : () -> ()
}) : () -> ()
`,
  );
  if (!root) throw new Error(ctx.diagnostics.takeAll().map(String).join("\n"));
  return root;
}

describe("pipeline text", () => {
  it("round-trips through printAsTextualPipeline", () => {
    const text = "builtin.module(func.func(record{big=7 count=5 flag=true label=x mode=slow sizes={1,2,3}},func-only),any(record{big=7 count=3 flag=false label= mode=fast sizes=}),record{big=7 count=3 flag=false label= mode=fast sizes=})";
    const pm = parsePassPipeline(text, registry());
    expect(pm).toBeInstanceOf(PassManager);
    const printed = (pm as PassManager).printAsTextualPipeline();
    const again = parsePassPipeline(printed, registry());
    expect((again as PassManager).printAsTextualPipeline()).toBe(printed);
    expect(printed).toContain("record{big=7 count=5 flag=true label=x mode=slow sizes={1,2,3}}");
  });

  it("reports the column of an unknown pass inside the anchor", () => {
    const err = parsePassPipeline("builtin.module(record,nope)", registry());
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).text).toBe(
      "MLIR Textual PassPipeline Parser:1:8: error: 'nope' does not refer to a registered pass or pass pipeline\nrecord,nope\n       ^\n",
    );
  });

  it("rejects option values of the wrong type, unknown options and enum spellings", () => {
    for (const [opts, msg] of [
      ["count=abc", "'abc' value invalid for int argument"],
      ["big=-1", "value invalid for uint argument"],
      ["count=99999999999", "value invalid for int argument"],
      ["flag=maybe", "is invalid value for boolean argument"],
      ["mode=medium", "Cannot find option named 'medium'"],
      ["nosuch=1", "no such option nosuch"],
    ] as const) {
      const err = parsePassPipeline(`builtin.module(record{${opts}})`, registry());
      expect(err, opts).toBeInstanceOf(PipelineError);
      const e = err as PipelineError;
      expect(`${e.commandLineMessage ?? ""}${e.text}`).toContain(msg);
    }
  });

  it("does not let an anchored pass run on another op", () => {
    const err = parsePassPipeline("builtin.module(func-only)", registry());
    expect((err as PipelineError).text).toBe(
      "Can't add pass 'FuncOnly' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?",
    );
    expect(() => new OpPassManager("builtin.module").addPass(new FuncOnlyPass())).toThrow(PipelineBuildError);
  });

  it("parses deep nesting without recursion", () => {
    const depth = 5000;
    const text = "builtin.module(" + "any(".repeat(depth) + "record" + ")".repeat(depth) + ")";
    const pm = parsePassPipeline(text, registry()) as PassManager;
    let inner: OpPassManager = pm;
    for (let i = 0; i < depth; i++) inner = inner.elements[0] as OpPassManager;
    expect(inner.elements[0]).toBeInstanceOf(RecordPass);
  });
});

describe("running", () => {
  it("runs nested pipelines on the direct children with the anchor's name", () => {
    RecordPass.seen = [];
    const pm = parsePassPipeline("builtin.module(record,func.func(record),any(record))", registry()) as PassManager;
    expect(pm.run(module()).failed).toBe(false);
    expect(RecordPass.seen).toEqual(["builtin.module", "func.func", "func.func", "func.func", "x.other", "func.func"]);
  });

  it("stops after a failing pass and reports failure", () => {
    RecordPass.seen = [];
    const pm = parsePassPipeline("builtin.module(fail,record)", registry()) as PassManager;
    expect(pm.run(module()).failed).toBe(true);
    expect(RecordPass.seen).toEqual([]);
  });

  it("calls instrumentation hooks in order, after-hooks in reverse", () => {
    const log: string[] = [];
    class Log extends PassInstrumentation {
      constructor(readonly tag: string) {
        super();
      }
      override runBeforePass(p: Pass, op: Operation): void {
        log.push(`${this.tag} before ${p.argument} ${op.name.name}`);
      }
      override runAfterPass(p: Pass, op: Operation): void {
        log.push(`${this.tag} after ${p.argument} ${op.name.name}`);
      }
      override runAfterPassFailed(p: Pass): void {
        log.push(`${this.tag} failed ${p.argument}`);
      }
    }
    const pm = parsePassPipeline("builtin.module(record,fail)", registry()) as PassManager;
    pm.addInstrumentation(new Log("A"));
    pm.addInstrumentation(new Log("B"));
    pm.run(module());
    expect(log).toEqual([
      "A before record builtin.module",
      "B before record builtin.module",
      "B after record builtin.module",
      "A after record builtin.module",
      "A before fail builtin.module",
      "B before fail builtin.module",
      "B failed fail",
      "A failed fail",
    ]);
  });

  it("verifies after a pass that changed the IR, and fails the pipeline on invalid IR", () => {
    class BreakPass extends Pass {
      readonly argument = "break";
      readonly name = "Break";
      readonly summary = "Removes a terminator";
      runOnOperation(): void {
        const f = this.getOperation().regions[0]!.entryBlock!.first!;
        f.regions[0]!.entryBlock!.first!.erase();
      }
    }
    const root = module();
    const pm = new PassManager("builtin.module");
    pm.addPass(new BreakPass());
    expect(pm.run(root).failed).toBe(true);
    expect(root.context.diagnostics.takeAll().map((d) => d.message).join("\n")).toContain("empty block: expect at least a terminator");
    const quiet = new PassManager("builtin.module");
    quiet.verifyPasses = false;
    quiet.addPass(new BreakPass());
    expect(quiet.run(module()).failed).toBe(false);
  });
});

describe("analysis manager", () => {
  let built = 0;
  class Counted {
    constructor(readonly op: Operation) {
      built++;
    }
  }
  class Other {}

  it("caches per op and invalidates what a pass did not preserve", () => {
    const root = module();
    const am = new AnalysisManager(root);
    built = 0;
    const a = am.getAnalysis(Counted);
    expect(am.getAnalysis(Counted)).toBe(a);
    expect(built).toBe(1);
    const child = root.regions[0]!.entryBlock!.first!;
    const c = am.getChildAnalysis(child, Counted);
    expect(c.op).toBe(child);
    expect(am.nest(child).getCachedParentAnalysis(root, Counted)).toBe(a);

    const keep = PreservedAnalyses.none();
    keep.preserve(Counted);
    am.invalidate(keep);
    expect(am.getCachedAnalysis(Counted)).toBe(a);
    expect(am.nest(child).getCachedAnalysis(Counted)).toBe(c);

    am.getAnalysis(Other);
    const partial = PreservedAnalyses.none();
    partial.preserve(Other);
    am.invalidate(partial);
    expect(am.getCachedAnalysis(Counted)).toBeUndefined();
    expect(am.getCachedAnalysis(Other)).toBeDefined();

    am.invalidate(PreservedAnalyses.none());
    expect(am.getCachedAnalysis(Other)).toBeUndefined();
    am.getAnalysis(Counted);
    expect(built).toBe(3);
  });

  it("lets an analysis decide its own invalidation", () => {
    class Sticky {
      isInvalidated(): boolean {
        return false;
      }
    }
    const am = new AnalysisManager(module());
    const s = am.getAnalysis(Sticky);
    am.invalidate(PreservedAnalyses.none());
    expect(am.getCachedAnalysis(Sticky)).toBe(s);
  });

  it("keeps analyses across passes that preserve them", () => {
    built = 0;
    class UsePass extends Pass {
      readonly argument = "use";
      readonly name = "Use";
      readonly summary = "Uses Counted and preserves it";
      runOnOperation(): void {
        this.getAnalysis(Counted);
        this.markAnalysesPreserved(Counted);
      }
    }
    const pm = new PassManager("builtin.module");
    pm.addPass(new UsePass());
    pm.addPass(new UsePass());
    expect(pm.run(module()).failed).toBe(false);
    expect(built).toBe(1);
  });
});

describe("registry", () => {
  it("lists passes with their options sorted", () => {
    const text = registry().printList();
    expect(text.startsWith("Passes:\n")).toBe(true);
    const lines = text.split("\n");
    const at = (s: string): number => lines.findIndex((l) => l.trimStart().startsWith(s));
    expect(at("--fail")).toBeLessThan(at("--func-only"));
    expect(at("--func-only")).toBeLessThan(at("--record"));
    expect(at("--big=<uint>")).toBeGreaterThan(at("--record"));
    expect(at("--big=<uint>")).toBeLessThan(at("--count=<int>"));
    expect(lines[at("=slow")]).toMatch(/=slow\s+-   slow$/);
  });

  it("refuses to register a name twice", () => {
    const r = registry();
    expect(() => r.register(() => new RecordPass())).toThrow(/already registered/);
  });
});
