// `hpmoe run DIR --backend=sim`: a compile output directory's queue IR is
// timed; --json, --trace and --gantt; a deadlock and bad input give located
// errors and exit 1.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { registerAllPasses } from "../../passes/index.js";
import { builtStages } from "../../src/cli/built-stages.js";
import { globalPassRegistry } from "../../src/pass/pass-registry.js";
import { runRun } from "../../src/cli/run-emu-main.js";
import { writeCompileSimFiles } from "../../src/cli/sim-artifacts.js";
import { simulateQueues } from "../../src/runtime/sim/simulate.js";
import { parseSourceString } from "../../src/index.js";
import type { Operation } from "../../src/ir/operation.js";
import { a3, crossCore, exchange, moduleText, program, wait } from "../runtime/sim-fixtures.js";
import { runCommand } from "../support/run-command.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hpmoe-run-sim-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[]) => runCommand(runRun, args);

function compileDir(name: string, file: string, text: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

// The layer path runs the list-schedule, event-insertion and verify-schedule passes.
registerAllPasses();
const hasEventPasses = ["list-schedule", "event-insertion"].every((p) => globalPassRegistry.lookup(p) !== undefined);

describe.runIf(hasEventPasses)("hpmoe run LAYER.yaml --backend=sim", () => {
  it("compiles the layer to events in memory and runs it to the end", () => {
    const layer = fileURLToPath(new URL("../../examples/small-ep2.yaml", import.meta.url));
    const r = run([layer, "--backend=sim", "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { ok: boolean; makespan_us: number; tasks: number };
    expect(j.ok).toBe(true);
    expect(j.makespan_us).toBeGreaterThan(0);
    // small-ep2 forward: 32 puts, 16 GEMMs, 8 SwiGLUs over both ranks.
    expect(j.tasks).toBe(56);
  });
});

describe("hpmoe run DIR --backend=sim", () => {
  const specs = [exchange(0), exchange(1)];
  const expected = simulateQueues(specs, a3);

  it("--json prints ok and the makespan; --trace and --gantt write their files", () => {
    const dir = compileDir("ok", "events.mlir", moduleText(specs));
    const trace = path.join(tmp, "t.json");
    const gantt = path.join(tmp, "g.svg");
    const r = run([dir, "--backend=sim", "--json", "--trace", trace, "--gantt", gantt]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(j["ok"]).toBe(true);
    expect(j["makespan_us"]).toBe(expected.makespan);
    expect(j["tasks"]).toBe(6);
    expect(Object.keys(j)).toEqual(["ok", "makespan_us", "aic_utilization", "aiv_utilization", "link_utilization", "exposed_comm_us", "exposed_comm_fraction", "tasks", "blocked"]);
    expect(JSON.parse(fs.readFileSync(trace, "utf8")).traceEvents.length).toBeGreaterThan(6);
    expect(fs.readFileSync(gantt, "utf8")).toMatch(/^<svg [^]*<\/svg>\n$/);
  });

  it("prints a summary without --json, and reads schedule.mlir when there is no events.mlir", () => {
    const dir = compileDir("sched", "schedule.mlir", moduleText(specs));
    const r = run([dir, "--backend=sim"]);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(`sim: makespan ${expected.makespan.toFixed(3)} us (2 ranks, 6 cores, 6 tasks)`);
    expect(r.out).toMatch(/\n {2}utilization: AIC \d+\.\d%, AIV \d+\.\d%, link \d+\.\d%\n {2}exposed communication: \d+\.\d{3} us \(\d+\.\d% of the makespan\)\n$/);
  });

  it("takes a queue IR file as well as its directory; the emu says it needs a layer config", () => {
    const dir = compileDir("file", "queues.mlir", moduleText(specs));
    const file = path.join(dir, "queues.mlir");
    const r = run([file, "--backend=sim", "--json"]);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect((JSON.parse(r.out) as Record<string, unknown>)["makespan_us"]).toBe(expected.makespan);
    const missing = path.join(dir, "none.mlir");
    expect(run([missing, "--backend=sim"])).toEqual({ code: 1, out: "", err: `hpmoe run: error: cannot read '${missing}': no such file\n` });
    const emu = run([file, "--backend=emu"]);
    expect(emu.code).toBe(1);
    expect(emu.err).toContain(`the emu runs a layer config (LAYER.yaml); queue IR such as '${file}' runs on --backend=sim`);
  });

  it("a deadlock exits 1 with a located error per stuck core", () => {
    const stuck = program(0, 1, 1, [crossCore("f", 0, 2)], { "aiv 0.0": [wait("f")] });
    const text = moduleText([stuck]);
    const dir = compileDir("stuck", "events.mlir", text);
    const r = run([dir, "--backend=sim", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, blocked: ["rank 0 aiv 0.0: waits on @f (cross_core flag 2 of AI Core 0: 0 of 1 sets)"] });
    const file = path.join(dir, "events.mlir");
    const line = text.split("\n").findIndex((l) => l.includes('"aiv.wait"')) + 1;
    const col = text.split("\n")[line - 1]!.indexOf('"aiv.wait"') + 1;
    expect(r.err.split("\n").slice(0, 2)).toEqual(["hpmoe run: error: the queues deadlock: 1 cores never finish", `${file}:${line}:${col}: error: rank 0 aiv 0.0: waits on @f (cross_core flag 2 of AI Core 0: 0 of 1 sets)`]);
  });

  it("bad input: no queue IR in DIR, unparsable IR, a program naming a missing rank", () => {
    const empty = compileDir("empty", "moe.mlir", "module {}\n");
    expect(run([empty, "--backend=sim"])).toEqual({ code: 1, out: "", err: `hpmoe run: error: '${empty}' holds neither events.mlir nor schedule.mlir (run hpmoe compile to the events stage)\n` });
    const broken = compileDir("broken", "events.mlir", "module {\n  %x = \n}\n");
    const b = run([broken, "--backend=sim"]);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(new RegExp(`^${path.join(broken, "events.mlir").replace(/[.]/g, "\\.")}:\\d+:\\d+: error: `));
    const lonely = compileDir("lonely", "events.mlir", moduleText([exchange(0)]));
    const l = run([lonely, "--backend=sim"]);
    expect(l.code).toBe(1);
    expect(l.err).toMatch(/events\.mlir:\d+:\d+: error: signal_remote to rank 1, which has no program here\n/);
  });
});

/** The module compile hands the simulator: `text` parsed in a fresh context. */
function compiledModule(text: string): Operation {
  const m = parseSourceString(builtStages.createContext(), text, "events.mlir");
  expect(m).toBeDefined();
  return m!;
}

describe("hpmoe compile at the events stage", () => {
  it("writes trace.json and gantt.svg next to events.mlir, the same bytes every time", () => {
    const text = moduleText([exchange(0), exchange(1)]);
    const dir = compileDir("compiled", "events.mlir", text);
    const files = writeCompileSimFiles(dir, compiledModule(text), "small");
    expect(files).toEqual([path.join(dir, "trace.json"), path.join(dir, "gantt.svg")]);
    const first = (files as string[]).map((f) => fs.readFileSync(f, "utf8"));
    expect(JSON.parse(first[0]!).otherData).toEqual({ makespan_us: Math.round(simulateQueues([exchange(0), exchange(1)], a3).makespan * 1000) / 1000, ranks: 2, blocked: [] });
    expect(first[1]).toContain("small: makespan");
    writeCompileSimFiles(dir, compiledModule(text), "small");
    expect((files as string[]).map((f) => fs.readFileSync(f, "utf8"))).toEqual(first);
  });

  it("a deadlocked program is an error, and no files are written", () => {
    const text = moduleText([program(0, 1, 1, [crossCore("f", 0, 2)], { "aiv 0.0": [wait("f")] })]);
    const dir = compileDir("compiled-stuck", "events.mlir", text);
    expect(writeCompileSimFiles(dir, compiledModule(text), "stuck")).toBe("the queues deadlock: rank 0 aiv 0.0: waits on @f (cross_core flag 2 of AI Core 0: 0 of 1 sets)");
    expect(fs.readdirSync(dir)).toEqual(["events.mlir"]);
  });
});
