// list-schedule on small layers: each policy gives valid schedule-level queue
// programs (every tile task once, in a queue of its unit; `after` = the tile
// deps with joins flattened; no dependency later in its own queue), the
// makespan is at least the lower bound, and ours beats serialized. The pass
// puts those programs in the IR (read back equal, printed and parsed back
// equal), with a remark per program and its statistics.

import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readQueueProgram } from "../../dialects/queue-build.js";
import type { QueueProgramSpec, SchedulePolicy } from "../../dialects/queue-model.js";
import { ListSchedulePass } from "../../passes/list-schedule.js";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import { scheduleLaunch, type ScheduledLaunch } from "../../passes/schedule-queues.js";
import { familyOf } from "../../passes/tile-graph.js";
import { Context, parseSourceString, printTopLevel, registerAllDialects, verify } from "../../src/index.js";
import { Severity } from "../../src/ir/diagnostics.js";
import { intAttrValue } from "../../src/ir/int-attr.js";
import { PassManager } from "../../src/pass/pass-manager.js";
import type { Operation } from "../../src/ir/operation.js";
import { generateRouting } from "../../src/layer/routing.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";
import { queueProblems } from "./list-schedule-check.js";
import { lowerContext, parseMoe, type MoeCase } from "./moe-to-tile-fixture.js";

const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
const kPolicies: SchedulePolicy[] = ["ours", "reference", "serialized"];

/** The tile module of `c` (default lowering, or the reference preset: static worst case). */
function tileModule(c: MoeCase, preset?: "reference"): Operation {
  const ctx = lowerContext();
  const module = parseMoe(ctx, c);
  if (lowerMoeToTile(module, preset ? { preset } : {}).failed) throw new Error(ctx.diagnostics.takeAll().map((d) => d.message).join("\n"));
  return module;
}

/** The module's launches: tile programs by family, each ordered by rank. */
function launches(module: Operation): Operation[][] {
  const by = new Map<string, Operation[]>();
  for (const op of module.regions[0]!.entryBlock!.ops()) {
    if (op.name.name !== "tile.program") continue;
    const list = by.get(familyOf(op)) ?? [];
    list[intAttrValue(op.getAttr("rank"))!] = op;
    by.set(familyOf(op), list);
  }
  return [...by.values()];
}

const counts = (ep: number, experts: number, topK: number, tokens: number, skew?: number) =>
  generateRouting({
    model: { hidden: 48, moeIntermediate: 24, experts, topK, dtype: "bf16", dispatchDtype: "bf16" },
    parallel: { ep, tokensPerRank: tokens },
    routing: skew ? { kind: "zipf", seed: 3, skew } : { kind: "balanced", seed: 3 },
    pass: "both",
    target: "a3-die",
    source: "",
  }).counts;

const cases: { name: string; c: MoeCase; preset?: "reference" }[] = [
  { name: "ep2 forward, known routing", c: { ep: 2, experts: 4, topK: 2, tokens: 16, hidden: 32, inter: 16, direction: "fwd", counts: counts(2, 4, 2, 16) } },
  { name: "ep2 both directions, worst case", c: { ep: 2, experts: 4, topK: 2, tokens: 16, hidden: 32, inter: 16, direction: "both" } },
  { name: "ep4 both, zipf routing", c: { ep: 4, experts: 8, topK: 3, tokens: 24, hidden: 48, inter: 24, direction: "both", counts: counts(4, 8, 3, 24, 1.2) } },
  { name: "ep2 forward, reference preset", c: { ep: 2, experts: 4, topK: 2, tokens: 32, hidden: 64, inter: 32, direction: "fwd" }, preset: "reference" },
];

describe("list-schedule: schedule-level queue programs", () => {
  for (const { name, c, preset } of cases) {
    it(name, () => {
      const module = tileModule(c, preset);
      for (const programs of launches(module)) {
        const byPolicy = new Map<SchedulePolicy, ScheduledLaunch>();
        for (const policy of kPolicies) {
          const s = scheduleLaunch(programs, model, policy, "heft", "a3-die");
          byPolicy.set(policy, s);
          expect(s.specs.map((p) => [p.rank, p.ep, p.blockDim, p.policy, p.queues.length])).toEqual(programs.map((_, r) => [r, c.ep, 24, policy, 72]));
          s.specs.forEach((spec, r) => expect(queueProblems(programs[r]!, spec), `${policy} rank ${r}`).toEqual([]));
          expect(s.makespan).toBeGreaterThanOrEqual(s.bound - 1e-9);
          expect(Math.max(...s.finish)).toBeCloseTo(s.makespan, 9);
        }
        expect(byPolicy.get("ours")!.makespan).toBeLessThanOrEqual(byPolicy.get("serialized")!.makespan);
      }
    });
  }

  it("is deterministic and peft gives valid queues too", () => {
    const c = cases[2]!.c;
    const [a, b] = [tileModule(c), tileModule(c)].map((m) => launches(m)[0]!);
    const strip = (s: ScheduledLaunch) => JSON.stringify(s.specs, (k, v) => (k === "type" ? String(v) : v));
    expect(strip(scheduleLaunch(a!, model, "ours", "heft", "a3-die"))).toBe(strip(scheduleLaunch(b!, model, "ours", "heft", "a3-die")));
    const peft = scheduleLaunch(a!, model, "ours", "peft", "a3-die");
    peft.specs.forEach((spec, r) => expect(queueProblems(a![r]!, spec)).toEqual([]));
  });
});

/** What a queue program says about placement: queues with their task ids and `after`, arrivals, buffers. */
function placement(spec: QueueProgramSpec): unknown {
  return {
    header: [spec.name, spec.rank, spec.ep, spec.target, spec.blockDim, spec.policy],
    buffers: spec.buffers.map((b) => [b.name, b.kind]),
    arrivals: spec.arrivals.map((a) => [a.task, a.peer, a.signal]),
    queues: spec.queues.map((q) => [q.unit, q.core, q.sub, q.entries.map((e) => (e.op === "task" ? [e.kind, e.task, e.spec.stage, [...(e.after ?? [])]] : [e.op]))]),
  };
}

describe("list-schedule: the pass on examples/ir/small-ep2.tile.mlir", () => {
  const file = fileURLToPath(new URL("../../examples/ir/small-ep2.tile.mlir", import.meta.url));
  const text = fs.readFileSync(file, "utf8");
  const parse = (src: string) => {
    const ctx = new Context();
    registerAllDialects(ctx);
    const m = parseSourceString(ctx, src, file);
    if (!m) throw new Error(ctx.diagnostics.takeAll().map((d) => d.message).join("\n"));
    return { ctx, m };
  };

  it("leaves a module without tile programs alone, with no remark", () => {
    const { ctx, m } = parse("module {\n  func.func @f() {\n    return\n  }\n}\n");
    const before = printTopLevel(m, {});
    const pm = new PassManager("builtin.module");
    pm.addPass(new ListSchedulePass());
    expect(pm.run(m).failed).toBe(false);
    expect(printTopLevel(m, {})).toBe(before);
    expect(ctx.diagnostics.takeAll()).toEqual([]);
  });

  for (const policy of kPolicies) {
    it(`policy=${policy}: queue programs as scheduled, remarks, statistics, print/parse round trip`, () => {
      const { ctx, m } = parse(text);
      const expected = scheduleLaunch(launches(m)[0]!, model, policy, "heft", "a3-die");
      const pass = new ListSchedulePass();
      expect(pass.options.parse(`policy=${policy}`)).toBeUndefined();
      const pm = new PassManager("builtin.module");
      pm.addPass(pass);
      const failed = pm.run(m).failed;
      const diagnostics = ctx.diagnostics.takeAll();
      expect(failed, diagnostics.map((d) => d.message).join("\n")).toBe(false);
      const ops = [...m.regions[0]!.entryBlock!.ops()];
      expect(ops.map((o) => o.name.name)).toEqual(["queue.program", "queue.program"]);
      expect(ops.map((o) => placement(readQueueProgram(o)))).toEqual(expected.specs.map(placement));
      const remarks = diagnostics.filter((d) => d.severity === Severity.Remark);
      expect(remarks.map((d) => d.message)).toEqual(
        [0, 1].map((r) => expect.stringMatching(new RegExp(`^list-schedule: policy ${policy}: rank ${r} finishes at [0-9.]+ us; launch makespan [0-9.]+ us, lower bound [0-9.]+ us, gap [0-9.]+%$`))),
      );
      expect(remarks[0]!.message).toContain(`launch makespan ${expected.makespan.toFixed(3)} us, lower bound ${expected.bound.toFixed(3)} us`);
      const stats = Object.fromEntries(pass.statistics.map((st) => [st.name, st.value]));
      expect(stats).toEqual({
        "num-tasks": expected.numTasks,
        "num-launches": 1,
        "makespan-ns": Math.round(expected.makespan * 1e3),
        "lower-bound-ns": Math.round(expected.bound * 1e3),
        "gap-permille": Math.round((1000 * (Math.round(expected.makespan * 1e3) - Math.round(expected.bound * 1e3))) / Math.round(expected.bound * 1e3)),
      });
      const printed = printTopLevel(m, {});
      const again = parse(printed);
      expect(verify(again.m).failed).toBe(false);
      expect(printTopLevel(again.m, {})).toBe(printed);
      const generic = printTopLevel(m, { printGenericOpForm: true });
      expect(printTopLevel(parse(generic).m, { printGenericOpForm: true })).toBe(generic);
    });
  }
});
