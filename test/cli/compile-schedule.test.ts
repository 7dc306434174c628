// `hpmoe compile --stop-after=schedule` on the built stages: every policy
// writes moe, tile and schedule IR; the schedule file holds one schedule-level
// queue program per rank whose queues hold exactly the tile file's tasks;
// output is deterministic and its generic form is what mlir-opt-22 prints.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readQueueProgram } from "../../dialects/queue-build.js";
import { runCompile } from "../../src/cli/compile-main.js";
import { Context, parseSourceString, registerAllDialects, verify } from "../../src/index.js";
import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import { getSymbolName } from "../../src/ir/symbol-table.js";
import { queueProblems } from "../pass/list-schedule-check.js";
import { runCommand } from "../support/run-command.js";

const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-schedule-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let dirs = 0;

const compile = (args: string[]) => runCommand(runCompile, args);

function topLevel(file: string): Operation[] {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, fs.readFileSync(file, "utf8"), file);
  expect(m, ctx.diagnostics.takeAll().map((d) => d.message).join("\n")).toBeDefined();
  expect(verify(m!).failed).toBe(false);
  return [...m!.regions[0]!.entryBlock!.ops()];
}

describe("hpmoe compile --stop-after=schedule", () => {
  for (const [layer, policy, ...flags] of [
    ["small-ep2.yaml", "ours"],
    ["small-ep2.yaml", "reference"],
    ["small-ep2.yaml", "serialized"],
    ["small-ep2-backward.yaml", "ours"],
    ["small-ep2.yaml", "ours", "--dedup"],
    ["small-zipf.yaml", "reference", "--preset=reference"],
  ] as const) {
    it(`${layer} --policy=${policy} ${flags.join(" ")}`, () => {
      const dir = path.join(tmp, `out${dirs++}`);
      const r = compile([path.join(EXAMPLES, layer), "-o", dir, "--stop-after=schedule", `--policy=${policy}`, "--json", ...flags]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const json = JSON.parse(r.out);
      expect(json.outputs).toEqual(["moe", "tile", "schedule"].map((s) => path.join(dir, `${s}.mlir`)));
      // The same tasks as the tile stage counts, rank by rank.
      expect(json.tasks).toEqual(JSON.parse(compile([path.join(EXAMPLES, layer), "--json", ...flags]).out).tasks);
      const tiles = topLevel(path.join(dir, "tile.mlir"));
      const queues = topLevel(path.join(dir, "schedule.mlir"));
      expect(queues.map((q) => q.name.name)).toEqual(tiles.map(() => "queue.program"));
      queues.forEach((q, i) => {
        const spec = readQueueProgram(q);
        const tile = tiles[i]!;
        expect([spec.name, spec.rank, spec.policy, spec.blockDim, spec.target]).toEqual([getSymbolName(tile), intAttrValue(tile.getAttr("rank")), policy, 24, "a3-die"]);
        expect(queueProblems(tiles[i]!, spec)).toEqual([]);
      });
    });
  }

  it("is deterministic, and its generic form is mlir-opt-22's print of it", () => {
    const texts = [0, 1].map(() => {
      const dir = path.join(tmp, `out${dirs++}`);
      expect(compile([path.join(EXAMPLES, "small-ep2.yaml"), "-o", dir, "--stop-after=schedule", "--mlir-print-op-generic"]).code).toBe(0);
      return path.join(dir, "schedule.mlir");
    });
    const text = fs.readFileSync(texts[0]!, "utf8");
    expect(fs.readFileSync(texts[1]!, "utf8")).toBe(text);
    const r = spawnSync("mlir-opt-22", ["--allow-unregistered-dialect", "--mlir-print-op-generic", texts[0]!], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(text);
  });

  it("without -o prints the schedule module on stdout", () => {
    const r = compile([path.join(EXAMPLES, "small-ep2.yaml"), "--stop-after=schedule"]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith("module {\n")).toBe(true);
    expect(r.out.match(/queue\.program/g)?.length).toBe(2);
    expect(r.out).not.toContain("tile.program");
  });
});

describe("hpmoe compile (default: through events)", () => {
  for (const [file, policy] of [["small-ep2.yaml", "ours"], ["small-ep2-backward.yaml", "reference"], ["small-zipf.yaml", "ours"]] as const) {
    it(`${file} --policy=${policy}: events.mlir holds the schedule's tasks, no schedule-level deps, and the counted events; trace and Gantt written`, () => {
      const dir = path.join(tmp, `out${dirs++}`);
      const r = compile([path.join(EXAMPLES, file), "-o", dir, "--json", `--policy=${policy}`]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as { events: number; outputs: string[] };
      expect(report.outputs.map((o) => path.basename(o))).toEqual(["moe.mlir", "tile.mlir", "schedule.mlir", "events.mlir", "trace.json", "gantt.svg"]);
      const scheduled = topLevel(path.join(dir, "schedule.mlir")).map(readQueueProgram);
      const evented = topLevel(path.join(dir, "events.mlir")).map(readQueueProgram);
      expect(evented.map((p) => p.name)).toEqual(scheduled.map((p) => p.name));
      evented.forEach((p, i) => {
        // Same tasks on the same queues in the same order; only waits and signals were added.
        const tasksOf = (spec: typeof p) => spec.queues.map((q) => q.entries.flatMap((e) => (e.op === "task" ? [e.task] : [])));
        expect(tasksOf(p)).toEqual(tasksOf(scheduled[i]!));
        expect(p.arrivals).toEqual([]);
        for (const q of p.queues) for (const e of q.entries) if (e.op === "task") expect(e.after).toBeUndefined();
      });
      const rank0Events = evented.filter((p) => p.rank === 0).reduce((n, p) => n + p.events.length, 0);
      expect(rank0Events).toBeGreaterThan(0);
      expect(report.events).toBe(rank0Events);
      const trace = JSON.parse(fs.readFileSync(path.join(dir, "trace.json"), "utf8")) as { traceEvents: unknown[] };
      expect(trace.traceEvents.length).toBeGreaterThan(0);
      expect(fs.readFileSync(path.join(dir, "gantt.svg"), "utf8")).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>\n?$/);
      // The written events IR passes verify-schedule on its own.
      const v = spawnSync("node", [fileURLToPath(new URL("../../dist/src/cli/hpmoe-opt.js", import.meta.url)), path.join(dir, "events.mlir"), "--verify-schedule", "-o", "/dev/null"], { encoding: "utf8" });
      expect(v.status, v.stderr).toBe(0);
    });
  }
});
