// Event insertion on plain queue programs: which dependencies become which
// events, what is dropped as implied, credits and their fallback, and that
// the result always passes verify-schedule while any single missing wait or
// signal does not.

import { describe, expect, it } from "vitest";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { insertEvents } from "../../passes/events/insert.js";
import { verifySchedule } from "../../passes/events/verify.js";
import { lowerMoeToTile } from "../../passes/moe-lowering.js";
import { StringAttr } from "../../src/ir/builtin-attributes.js";
import type { Operation } from "../../src/ir/operation.js";
import { lowerContext, parseMoe, type MoeCase } from "../pass/moe-to-tile-fixture.js";
import { scheduleLevelSpecs, tilePrograms } from "../support/schedule-level.js";
import { a3Limits, program, render, renderEvents, task } from "./specs.js";

function insertOk(programs: QueueProgramSpec[], limits = a3Limits) {
  const r = insertEvents(programs, limits);
  expect(r.problems).toEqual([]);
  expect(verifySchedule(r.programs, limits)).toEqual([]);
  return r;
}

describe("event insertion", () => {
  it("same AI Core: cross-core flags, one channel id per direction, mode 2 for AIC<->AIV and 1 between AIVs", () => {
    const r = insertOk([
      program(0, 1, {
        aic0: [task(0, "gemm", { writes: ["h[0:8]"] }), task(3, "gemm", { reads: ["a[0:8]"], writes: ["y[0:8]"], after: [1] })],
        "aiv0.0": [task(1, "swiglu", { reads: ["h[0:8]"], writes: ["a[0:8]"], after: [0] })],
        "aiv0.1": [task(2, "swiglu", { reads: ["a[0:8]"], writes: ["b[0:8]"], after: [1] })],
      }),
    ]);
    expect(render(r.programs[0]!)).toEqual(["aic0: gemm#0 | signal cc1 | wait cc0 | gemm#3", "aiv0.0: wait cc1 | swiglu#1 | signal cc0 | signal cc2", "aiv0.1: wait cc2 | swiglu#2"]);
    expect(renderEvents(r.programs[0]!)).toEqual(["cc0 cross_core id 1 threshold 1 core 0 mode 2", "cc1 cross_core id 0 threshold 1 core 0 mode 2", "cc2 cross_core id 2 threshold 1 core 0 mode 1"]);
    expect(r.stats).toMatchObject({ crossCore: 3, gmCounter: 0, remote: 0, waitsBefore: 3, waitsAfter: 3, flagIds: 3 });
  });

  it("across cores: fan-in merges into one GM counter with a threshold, and consumers of the same producers share it", () => {
    const r = insertOk([
      program(0, 3, {
        aic0: [task(0, "gemm", { writes: ["h[0:8]"] })],
        aic1: [task(1, "gemm", { writes: ["h[8:16]"] })],
        "aiv2.0": [task(2, "swiglu", { reads: ["h[0:16]"], writes: ["a[0:16]"], after: [0, 1] })],
        "aiv2.1": [task(3, "swiglu", { reads: ["h[0:16]"], writes: ["b[0:16]"], after: [1, 0] })],
      }),
    ]);
    expect(render(r.programs[0]!)).toEqual(["aic0: gemm#0 | signal gm0", "aic1: gemm#1 | signal gm0", "aiv2.0: wait gm0 | swiglu#2", "aiv2.1: wait gm0 | swiglu#3"]);
    expect(renderEvents(r.programs[0]!)).toEqual(["gm0 gm_counter id 0 threshold 2"]);
    expect(r.stats).toMatchObject({ gmCounter: 1, waitsBefore: 4, waitsAfter: 2 });
  });

  it("drops waits implied by queue order and by transitivity", () => {
    const r = insertOk([
      program(0, 2, {
        aic0: [task(0, "gemm", { writes: ["h[0:8]"] }), task(1, "gemm", { writes: ["h[8:16]"] })],
        "aiv1.0": [
          task(2, "swiglu", { reads: ["h[8:16]"], writes: ["a[8:16]"], after: [1] }),
          // Task 1 finished before task 2 started, and task 0 before task 1.
          task(3, "swiglu", { reads: ["h[0:16]"], writes: ["a[16:32]"], after: [0, 1, 2] }),
        ],
        "aiv1.1": [task(4, "swiglu", { reads: ["a[8:16]", "h[0:8]"], writes: ["b[0:8]"], after: [2, 0] })],
      }),
    ]);
    // aiv1.1 waits for task 2 only: task 2 had waited for task 1, which runs after task 0 on aic0.
    expect(render(r.programs[0]!)).toEqual(["aic0: gemm#0 | gemm#1 | signal gm0", "aiv1.0: wait gm0 | swiglu#2 | signal cc0 | swiglu#3", "aiv1.1: wait cc0 | swiglu#4"]);
    expect(r.stats).toMatchObject({ waitsBefore: 5, waitsAfter: 2 });
  });

  it("across ranks: each put raises the consumer's remote event right after it; fan-in of puts is one threshold", () => {
    const ranks = [0, 1].map((r) =>
      program(r, 1, {
        "aiv0.0": [task(0, "put", { reads: ["x[0:8]"], writes: ["xin[" + 8 * r + ":" + (8 * r + 8) + "]"], peer: 0, signal: r })],
        ...(r === 0 ? { aic0: [task(3, "gemm", { reads: ["xin[0:16]"], writes: ["h[0:16]"], after: [1, 2] })] } : {}),
      }, { ep: 2, arrivals: r === 0 ? [1, 2].map((id) => ({ task: id, writes: { buffer: "xin", offsets: [8 * (id - 1)], sizes: [8] }, peer: id - 1, signal: id - 1 })) : [] }),
    );
    const r = insertOk(ranks);
    expect(render(r.programs[0]!)).toEqual(["aic0: wait rs0 | gemm#3", "aiv0.0: put#0 | signal_remote rs0 rank 0"]);
    expect(render(r.programs[1]!)).toEqual(["aiv0.0: put#0 | signal_remote rs0 rank 0"]);
    expect(renderEvents(r.programs[0]!)).toEqual(["rs0 remote id 0 threshold 2"]);
    expect(r.programs.every((p) => p.arrivals.length === 0)).toBe(true);
  });

  it("a one-way stream longer than the pending bound gets credits, which verify-schedule needs", () => {
    const n = 40;
    const prog = program(0, 1, {
      aic0: Array.from({ length: n }, (_, i) => task(i, "gemm", { writes: [`h[${i}:${i + 1}]`] })),
      "aiv0.0": Array.from({ length: n }, (_, i) => task(n + i, "swiglu", { reads: [`h[${i}:${i + 1}]`], writes: [`a[${i}:${i + 1}]`], after: [i] })),
    });
    const r = insertOk([prog]);
    expect(r.stats.credits).toBe(n - a3Limits.pending);
    expect(r.stats.demoted).toBe(0);
    const unbounded = insertEvents([prog], { ...a3Limits, pending: 1000 });
    expect(unbounded.stats.credits).toBe(0);
    const problems = verifySchedule(unbounded.programs, a3Limits);
    expect(problems.map((p) => p.message)).toEqual([
      "more than 15 sets could be pending on cross-core flag 0 of AI Core 0 on rank 0: rank 0 aic core 0 signals set 16 (@cc15) without waiting for rank 0 aiv core 0 sub 0 to take @cc0 (no credit)",
      ...Array.from({ length: n - 16 }, (_, k) => expect.stringContaining(`signals set ${17 + k} `)),
    ]);
  });

  it("where a credit would run against the schedule, the dependency goes through a GM counter instead", () => {
    const n = 30;
    // aic0 is busy with `n` gemms before it consumes the stream aiv0.0 produces.
    const prog = program(0, 1, {
      aic0: [...Array.from({ length: n }, (_, i) => task(100 + i, "gemm", { writes: [`w[${i}:${i + 1}]`] })), ...Array.from({ length: n }, (_, i) => task(n + i, "gemm", { reads: [`h[${i}:${i + 1}]`], writes: [`y[${i}:${i + 1}]`], after: [i] }))],
      "aiv0.0": Array.from({ length: n }, (_, i) => task(i, "swiglu", { writes: [`h[${i}:${i + 1}]`] })),
    });
    const r = insertOk([prog]);
    expect(r.stats.demoted).toBeGreaterThan(0);
    expect(r.stats.crossCore + r.stats.gmCounter).toBe(n);
  });

  it("refuses schedules it cannot take, with what is wrong", () => {
    const bad = program(0, 1, { aic0: [task(0, "gemm", { after: [1] }), task(1, "gemm")], "aiv0.0": [task(2, "swiglu", { after: [7] })] }, { blockDim: 25 });
    expect(insertEvents([bad], a3Limits).problems.map((p) => p.message)).toEqual([
      "rank 0 launches block_dim 25 but target a3-die has 24 AI Cores: its queues could not all be resident, so waits could deadlock",
      "task 0 depends on task 1, which runs after it on rank 0 aic core 0",
      "task 2 of rank 0 depends on 7, which is neither a task nor an arrival of its program",
    ]);
  });
});

/** Whether verify-schedule fails on `programs` without each single wait or signal; how many were tried. */
function everyCutFails(programs: readonly QueueProgramSpec[]): number {
  let cuts = 0;
  programs.forEach((p, pi) =>
    p.queues.forEach((q, qi) =>
      q.entries.forEach((e, ei) => {
        if (e.op === "task") return;
        cuts++;
        const cut = programs.map((pp, i) => (i !== pi ? pp : { ...pp, queues: pp.queues.map((qq, j) => (j !== qi ? qq : { ...qq, entries: qq.entries.filter((_, k) => k !== ei) })) }));
        expect(verifySchedule(cut, a3Limits), `without ${e.op} @${e.event} on rank ${p.rank} queue ${qi}`).not.toEqual([]);
      }),
    ),
  );
  return cuts;
}

describe("event insertion on lowered small layers, forward and backward", () => {
  // The reference lowering's dependencies are per expert, not tile-exact (and its per-core GEMM
  // tiles may write nothing), so some of its waits guard no read: there only verification is checked.
  const cases: [string, MoeCase, { preset: "reference" } | undefined][] = [
    ["ep2 known routing", { ep: 2, experts: 4, topK: 2, tokens: 16, hidden: 32, inter: 16, direction: "both", counts: Int32Array.from([5, 9, 10, 8, 7, 11, 6, 8]) }, undefined],
    ["ep4 static worst case", { ep: 4, experts: 8, topK: 2, tokens: 8, hidden: 32, inter: 16, direction: "both" }, undefined],
    ["ep4 static worst case, reference lowering", { ep: 4, experts: 8, topK: 2, tokens: 8, hidden: 32, inter: 16, direction: "both" }, { preset: "reference" }],
  ];
  for (const [name, c, preset] of cases) {
    const ctx = lowerContext();
    const module = parseMoe(ctx, c);
    const lowered = !lowerMoeToTile(module, preset ?? {}).failed;
    const all = [...module.regions[0]!.entryBlock!.ops()].filter((o) => o.name.name === "tile.program");
    for (const family of ["fwd", "bwd"])
      for (const policy of ["ours", "reference"] as const)
        it(`${name}, ${family}, ${policy}: verifies${preset ? "" : "; no single wait or signal can go"}`, () => {
          expect(lowered).toBe(true);
          const progs: Operation[] = all.filter((o) => (o.getAttr("sym_name") as StringAttr).value.startsWith(family));
          expect(progs.length).toBe(c.ep);
          const r = insertOk(scheduleLevelSpecs(progs, 2, policy));
          if (!preset) expect(everyCutFails(r.programs)).toBeGreaterThan(0);
        });
  }
});

describe("event insertion on scheduled tile programs (examples/ir/small-ep2.tile.mlir)", () => {
  const tile = tilePrograms(new URL("../../examples/ir/small-ep2.tile.mlir", import.meta.url).pathname);
  for (const policy of ["ours", "reference"] as const)
    for (const blockDim of [1, 2, 3]) {
      it(`${policy}, block_dim ${blockDim}: verifies, and stops verifying without any one wait or signal`, () => {
        const r = insertOk(scheduleLevelSpecs(tile, blockDim, policy));
        const text = (ps: readonly QueueProgramSpec[]) => JSON.stringify(ps, (k, v) => (k === "type" ? undefined : v));
        expect(text(insertEvents(scheduleLevelSpecs(tile, blockDim, policy), a3Limits).programs)).toBe(text(r.programs));
        expect(r.stats.waitsAfter).toBeLessThan(r.stats.waitsBefore);
        const mutations = everyCutFails(r.programs);
        expect(mutations).toBe(r.stats.waitsAfter + r.programs.reduce((acc, p) => acc + p.queues.reduce((a, q) => a + q.entries.filter((e) => e.op === "signal" || e.op === "signal_remote").length, 0), 0));
        // Dropping a whole event (declaration, signals, waits) leaves a read unguarded.
        for (const p of r.programs)
          for (const ev of p.events) {
            const cut = r.programs.map((pp) => {
              const mine = pp === p;
              return { ...pp, events: mine ? pp.events.filter((x) => x !== ev) : pp.events, queues: pp.queues.map((qq) => ({ ...qq, entries: qq.entries.filter((e) => e.op === "task" || e.event !== ev.name || (e.op === "signal_remote" ? e.peer !== p.rank : !mine)) })) };
            });
            expect(verifySchedule(cut, a3Limits).map((x) => x.message)[0], `without @${ev.name} on rank ${p.rank}`).toMatch(/^unguarded read: /);
          }
      });
    }
});
