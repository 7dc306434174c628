// verify-schedule on hand-made events-level programs: one per kind of bug,
// each rejected with a message naming ranks, queues and events; and the
// correct variants accepted.

import { describe, expect, it } from "vitest";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { verifySchedule } from "../../passes/events/verify.js";
import { a3Limits, cc, gm, program, rs, signal, signalRemote, task, wait } from "./specs.js";

const messages = (programs: QueueProgramSpec[]) => verifySchedule(programs, a3Limits).map((p) => p.message);

const gemm = (id: number) => task(id, "gemm", { writes: [`h[${8 * id}:${8 * id + 8}]`] });
const swiglu = (id: number, of: number) => task(id, "swiglu", { reads: [`h[${8 * of}:${8 * of + 8}]`], writes: [`a[${8 * of}:${8 * of + 8}]`] });

describe("verify-schedule accepts", () => {
  it("a guarded producer/consumer pair over each kind of event", () => {
    expect(messages([program(0, 1, { aic0: [gemm(0), signal("e")], "aiv0.0": [wait("e"), swiglu(1, 0)] }, { events: [cc("e", 0, 0, 2)] })])).toEqual([]);
    expect(messages([program(0, 2, { aic0: [gemm(0), signal("e")], "aiv1.0": [wait("e"), swiglu(1, 0)], "aiv1.1": [wait("e"), swiglu(2, 0)] }, { events: [gm("e", 0)] })])).toEqual([]);
    const put = (r: number) => task(0, "put", { reads: ["x[0:8]"], writes: [`xin[${8 * r}:${8 * r + 8}]`], peer: 0, signal: r });
    expect(
      messages([
        program(0, 1, { "aiv0.0": [put(0), signalRemote("r", 0)], aic0: [wait("r"), task(1, "gemm", { reads: ["xin[0:16]"], writes: ["h[0:16]"] })] }, { events: [rs("r", 0, 2)] }),
        program(1, 1, { "aiv0.0": [put(1), signalRemote("r", 0)] }),
      ]),
    ).toEqual([]);
  });
});

describe("verify-schedule rejects", () => {
  it("a wait nothing signals", () => {
    expect(messages([program(0, 2, { "aiv1.0": [wait("e"), swiglu(1, 0)] }, { events: [gm("e", 0)] })])).toEqual([
      "'aiv.wait' on rank 0 aiv core 1 sub 0 waits on @e (gm_counter) of rank 0, which nothing signals: the wait can never be satisfied",
    ]);
  });

  it("a threshold the signals do not meet, or exceed", () => {
    const prog = (threshold: number, signals: number) =>
      program(0, 2, { aic0: [gemm(0), ...Array.from({ length: signals }, () => signal("e"))], "aiv1.0": [wait("e"), swiglu(1, 0)] }, { events: [gm("e", 0, threshold)] });
    expect(messages([prog(2, 1)])).toEqual(["'aiv.wait' on rank 0 aiv core 1 sub 0 waits on @e (gm_counter) of rank 0 with threshold 2 but only 1 signal reach it: the wait can never be satisfied"]);
    expect(messages([prog(1, 2)])).toEqual(["@e (gm_counter) of rank 0 has 2 signals but threshold 1: the count must equal the threshold"]);
  });

  it("a signal nobody waits for", () => {
    expect(messages([program(0, 1, { aic0: [gemm(0), signal("e")] }, { events: [cc("e", 0, 0, 2)] })])).toEqual([
      "@e (cross_core) of rank 0 is signalled (first by 'aic.signal' on rank 0 aic core 0) but nothing waits on it",
    ]);
  });

  it("a flag id reused by two producers towards one consumer while sets may be pending", () => {
    const prog = program(
      0,
      1,
      { "aiv0.0": [swiglu(0, 5), signal("a")], "aiv0.1": [swiglu(1, 6), signal("b")], aic0: [wait("a"), wait("b"), task(2, "gemm", { reads: ["a[40:56]"] })] },
      { events: [cc("a", 3, 0, 2), cc("b", 3, 0, 2)] },
    );
    expect(messages([prog])).toEqual([
      "id reuse while pending: @a (from rank 0 aiv core 0 sub 0) and @b (from rank 0 aiv core 0 sub 1) both use cross-core flag 3 of AI Core 0 on rank 0 towards rank 0 aic core 0; their sets could interleave",
    ]);
  });

  it("a flag id shared by two events signalled in another order than waited", () => {
    const prog = program(0, 1, { aic0: [gemm(0), signal("a"), gemm(1), signal("b")], "aiv0.0": [wait("b"), swiglu(2, 1), wait("a"), swiglu(3, 0)] }, { events: [cc("a", 2, 0, 2), cc("b", 2, 0, 2)] });
    expect(messages([prog])).toEqual([
      "id reuse while pending: @b and @a share cross-core flag 2 of AI Core 0 on rank 0 from rank 0 aic core 0 to rank 0 aiv core 0 sub 0, but are signalled in another order than rank 0 aiv core 0 sub 0 waits for them, so a wait could take the other event's set",
    ]);
  });

  it("a cyclic wait (deadlock), naming the cycle", () => {
    const prog = program(0, 1, { aic0: [wait("x"), gemm(0), signal("y")], "aiv0.0": [wait("y"), swiglu(1, 0), signal("x")] }, { events: [cc("x", 0, 0, 2), cc("y", 1, 0, 2)] });
    expect(messages([prog])).toEqual([
      "deadlock: cyclic wait: rank 0 aic core 0 waits on @x, then rank 0 aiv core 0 sub 0 waits on @y, which is signalled only after the first wait passes",
    ]);
  });

  it("an unguarded read, on one rank and across ranks", () => {
    expect(messages([program(0, 2, { aic0: [gemm(0)], "aiv1.0": [swiglu(1, 0)] })])).toEqual([
      "unguarded read: task 1 (aiv.swiglu) on rank 0 aiv core 1 sub 0 reads @h[0:8], written by task 0 (aic.gemm) on rank 0 aic core 0 as @h[0:8], with no chain of queue order and waits from the writer to the reader",
    ]);
    // The put signals, but the reader waits on an unrelated event.
    const put = task(0, "put", { reads: ["x[0:8]"], writes: ["xin[0:8]"], peer: 0, signal: 0 });
    expect(
      messages([
        program(0, 1, { aic0: [wait("r"), task(1, "gemm", { reads: ["xin[0:8]"] })], "aiv0.0": [signalRemote("r", 0)] }, { events: [rs("r", 0)] }),
        program(1, 1, { "aiv0.0": [put] }),
      ]),
    ).toEqual([
      "unguarded read: task 1 (aic.gemm) on rank 0 aic core 0 reads @xin[0:8], written (a put from another rank) by task 0 (aiv.put) on rank 1 aiv core 0 sub 0 as @xin[0:8], with no chain of queue order and waits from the writer to the reader",
    ]);
  });

  it("ids over budget and duplicate counter lines", () => {
    const prog = program(0, 2, { aic0: [gemm(0), signal("f"), signal("g"), signal("h")], "aiv0.0": [wait("f"), wait("g"), wait("h"), swiglu(1, 0)] }, {
      events: [cc("f", 11, 0, 2), gm("g", 7), gm("h", 7)],
    });
    expect(messages([prog])).toEqual([
      "event @f on rank 0: cross-core flag id 11 is outside the budget 0..10 of target a3-die",
      "event @h on rank 0: gm_counter id 7 is also used by @g; the two would share one counter",
    ]);
    expect(messages([program(0, 1, {}, { events: [gm("g", 65536), rs("r", 16384)] })])).toEqual([
      "event @g on rank 0: gm_counter line 65536 is outside the budget 0..65535 of target a3-die",
      "event @r on rank 0: remote line 16384 is outside the budget 0..16383 of target a3-die",
    ]);
  });

  it("block_dim beyond the target's AI Cores (co-residency)", () => {
    expect(messages([program(0, 25, {})])).toEqual([
      "rank 0 launches block_dim 25 but target a3-die has 24 AI Cores: not every queue would be resident, so a wait could block a core whose signaller never starts (co-residency)",
    ]);
  });

  it("cross-core events outside their AI Core, on one queue, or with the wrong mode", () => {
    expect(messages([program(0, 2, { aic0: [gemm(0), signal("e")], "aiv1.0": [wait("e"), swiglu(1, 0)] }, { events: [cc("e", 0, 0, 2)] })])).toEqual([
      "@e (cross_core) of rank 0 of AI Core 0 is used by rank 0 aiv core 1 sub 0, outside that AI Core",
    ]);
    expect(messages([program(0, 1, { "aiv0.0": [gemm(0), signal("e")], "aiv0.1": [wait("e"), swiglu(1, 0)] }, { events: [cc("e", 0, 0, 2)] })])).toEqual([
      "@e (cross_core) of rank 0 has mode 2 but links rank 0 aiv core 0 sub 0 and rank 0 aiv core 0 sub 1 (mode 1)",
    ]);
  });

  it("signal kinds that do not match the event, and references that do not resolve", () => {
    expect(
      messages([
        program(0, 1, { "aiv0.0": [signal("r"), signalRemote("g", 0), signalRemote("r", 3), wait("nope")] }, { events: [rs("r", 0), gm("g", 0)] }),
      ]),
    ).toEqual([
      "'aiv.signal' on rank 0 aiv core 0 sub 0 signals remote event @r: remote events are raised by signal_remote after a put",
      "'aiv.signal_remote' on rank 0 aiv core 0 sub 0 raises @g of rank 0, a gm_counter event (signal_remote raises remote events only)",
      "'aiv.signal_remote' on rank 0 aiv core 0 sub 0 targets rank 3, which has no program in this module",
      "'aiv.wait' on rank 0 aiv core 0 sub 0 names @nope, which rank 0 does not declare",
    ]);
  });

  it("schedule-level programs (run event-insertion first)", () => {
    expect(messages([program(0, 1, { aic0: [task(0, "gemm", { after: [1] })] }, { arrivals: [{ task: 1, writes: { buffer: "x", offsets: [0], sizes: [1] }, peer: 0, signal: 0 }] })])).toEqual([
      "rank 0 still has queue.arrival ops: run event-insertion before verify-schedule",
      "task 0 (aic.gemm) on rank 0 aic core 0 still has 'after': run event-insertion before verify-schedule",
    ]);
  });
});
