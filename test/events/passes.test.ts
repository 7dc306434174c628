// The event-insertion and verify-schedule passes on queue IR: small-ep2
// scheduled (test/support/schedule-level.ts), built with buildQueueProgram,
// printed, then run through hpmoe-opt.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildQueueProgram, readQueueProgram } from "../../dialects/queue-build.js";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { insertEvents } from "../../passes/events/insert.js";
import { Builder, Context, parseSourceString, printTopLevel, registerAllDialects, verify, type Operation } from "../../src/index.js";
import { runHpmoeOpt } from "../support/run-opt.js";
import { scheduleLevelSpecs, tilePrograms } from "../support/schedule-level.js";
import { a3Limits } from "./specs.js";

const work = mkdtempSync(join(tmpdir(), "hpmoe-events-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function context(): Context {
  const ctx = new Context();
  registerAllDialects(ctx);
  return ctx;
}

function moduleText(specs: readonly QueueProgramSpec[]): string {
  const b = new Builder(context());
  const m = b.create("builtin.module", { regions: 1 });
  b.createBlock(m.regions[0]!);
  for (const s of specs) buildQueueProgram(b, s);
  expect(verify(m).failed).toBe(false);
  return printTopLevel(m, {});
}

/** A spec without the op fields readers set (nor buffer types, which hold their context), for comparison. */
function plain(s: QueueProgramSpec): unknown {
  return JSON.parse(JSON.stringify(s, (k, v) => (k === "op" || k === "irOp" || k === "type" ? undefined : v)));
}

const tile = tilePrograms(new URL("../../examples/ir/small-ep2.tile.mlir", import.meta.url).pathname);

describe("event-insertion and verify-schedule passes", () => {
  it("turn scheduled small-ep2 into verified events-level IR equal to insertEvents' result", () => {
    const specs = scheduleLevelSpecs(tile, 2, "ours");
    const file = join(work, "small-ep2.schedule.mlir");
    writeFileSync(file, moduleText(specs));
    const r = runHpmoeOpt([file, "--event-insertion", "--verify-schedule", "--mlir-pass-statistics", "--mlir-pass-statistics-display=list"]);
    expect(r.code).toBe(0);
    const expected = insertEvents(specs, a3Limits);
    expect(r.err).toContain(`${expected.stats.waitsBefore} num-waits-before`);
    expect(r.err).toContain(`${expected.stats.waitsAfter} num-waits-after`);
    expect(r.err).toContain(`${expected.stats.crossCore} num-cross-core-events`);
    expect(r.err).toContain(`${expected.stats.remote} num-remote-events`);
    expect(r.out).not.toContain("after =");
    expect(r.out).not.toContain("queue.arrival");
    const m = parseSourceString(context(), r.out, "out.mlir")!;
    const programs = [...m.regions[0]!.entryBlock!.ops()] as Operation[];
    expect(programs.map((p) => plain(readQueueProgram(p)))).toEqual(expected.programs.map(plain));
    // Task ops keep the locations they had.
    const withLocs = runHpmoeOpt([file, "--event-insertion", "--mlir-print-debuginfo", "--mlir-print-op-generic"]);
    expect(withLocs.out).toMatch(/"aic\.gemm"\(\).*loc\(#loc\d+\)/);
  });

  it("verify-schedule rejects the schedule level, and event-insertion reports located problems", () => {
    const specs = scheduleLevelSpecs(tile, 1, "reference");
    const file = join(work, "small-ep2.ref.mlir");
    writeFileSync(file, moduleText(specs));
    const v = runHpmoeOpt([file, "--verify-schedule"]);
    expect(v.code).toBe(1);
    expect(v.err).toMatch(/error: rank 0 still has queue\.arrival ops: run event-insertion before verify-schedule/);
    const bad = runHpmoeOpt([file, "--event-insertion=target=a2-910b", "--verify-schedule=target=nope"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("verify-schedule: ");
    expect(bad.err).toContain("no hardware profile 'nope'");
  });
});
