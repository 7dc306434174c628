// The queue-level dialects (queue, aic, aiv): custom form round trips
// (custom -> custom, custom -> generic -> custom, unverified IR), the generic
// form against mlir-opt-22, located errors for malformed text and IR, the
// peer-program check of signal_remote, and linear-time verify and print.

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileLineColRange, parseSourceString, printTopLevel, verify } from "../../src/index.js";
import { readQueueProgram } from "../../dialects/queue-build.js";
import { bodyOf, expectLinearVerifyAndPrint, expectLocatedError, expectMlirOptReadsOurGeneric, freshContext, parseValid } from "../support/dialect-checks.js";
import { runHpmoeOpt } from "../support/run-opt.js";

/** An events-level program with one op of each kind but the gather (line numbers matter to the error cases). */
const EVENTS = `queue.program @p rank 0 ep 2 target "a3-die" block_dim 1 policy ours {
  tile.buffer symmetric @x : memref<8x8xbf16>
  tile.buffer workspace @h : memref<8x8xbf16>
  tile.buffer workspace @a : memref<8x4xbf16>
  queue.event @e cross_core core 0 flag 0 mode 2 threshold 1
  queue.event @r remote line 0 threshold 1
  aic.queue core 0 {
    aic.wait @r
    aic.gemm 2 @x[0:8, 0:8], @x[0:8, 0:8] -> @h[0:8, 0:8] {stage = gmm1}
    aic.signal @e
  }
  aiv.queue core 0 sub 0 {
    aiv.put 0 @x[0:8, 0:8] -> rank 0 @x[0:8, 0:8] signal 0 {stage = dispatch}
    aiv.signal_remote @r rank 0
    aiv.wait @e
    aiv.swiglu 3 @h[0:8, 0:8] -> @a[0:8, 0:4] {stage = swiglu}
  }
  aiv.queue core 0 sub 1 {
  }
}`;

/** The same tasks at the schedule level: `after` ids and an arrival instead of events. */
const SCHEDULE = `queue.program @p rank 0 ep 2 target "a3-die" block_dim 1 policy reference {
  tile.buffer symmetric @x : memref<8x8xbf16>
  tile.buffer workspace @h : memref<8x8xbf16>
  tile.buffer workspace @a : memref<8x4xbf16>
  queue.arrival 1 @x[0:8, 0:8] from rank 0 signal 0
  aic.queue core 0 {
    aic.gemm 2 @x[0:8, 0:8], @x[0:8, 0:8] -> @h[0:8, 0:8] after [1] {stage = gmm1}
  }
  aiv.queue core 0 sub 0 {
    aiv.put 0 @x[0:8, 0:8] -> rank 0 @x[0:8, 0:8] signal 0 {stage = dispatch}
    aiv.swiglu 3 @h[0:8, 0:8] -> @a[0:8, 0:4] after [2] {stage = swiglu}
  }
  aiv.queue core 0 sub 1 {
  }
}`;

/** Every optional part of the custom forms: dictionaries on each op kind, all task kinds and their properties, block_dim 2. */
const FULL = `queue.program @"fwd rank0" rank 0 ep 2 target "a3-die" block_dim 2 policy serialized attributes {note = "all parts"} {
  tile.buffer symmetric @xin : memref<64x8xbf16>
  tile.buffer workspace @h : memref<64x8xbf16>
  tile.buffer workspace @a : memref<64x4xbf16>
  tile.buffer input @w : memref<2x8x8xbf16>
  queue.event @e1 cross_core core 1 flag 10 mode 1 threshold 2 {tag}
  queue.event @g gm_counter line 3 threshold 2
  queue.event @r remote line 0 threshold 2
  aic.queue core 0 {
    aic.wait @r {why = "landed"}
    aic.gemm 4 @xin[0:8, 0:8], @w[0:1, 0:8, 0:8] -> @h[0:8, 0:8] {stage = gmm1, flops = 1024, bytes = 256, valid_rows = [1, 0, 0], tag}
    aic.gemm 5 @xin[0:8, 0:8], @h[0:8, 0:8] -> @w[1:2, 0:8, 0:8] {stage = gmm1_grad_weight, transpose_lhs}
    aic.signal @g
  }
  aic.queue core 1 attributes {idle} {
  }
  aiv.queue core 0 sub 0 {
    aiv.put 0 @xin[0:8, 0:8] -> rank 1 @xin[8:16, 0:8] signal 3 {stage = dispatch, bytes = 128, bytes_sent = 128}
    aiv.signal_remote @r rank 1 {why = "fence"}
    aiv.signal_remote @r rank 0
  }
  aiv.queue core 0 sub 1 {
    aiv.wait @g
    aiv.swiglu_grad 6 @h[0:8, 0:8], @a[0:8, 0:4] -> @h[8:16, 0:8] {stage = swiglu_grad}
  }
  aiv.queue core 1 sub 0 {
    aiv.gather 7 @xin[0:4, 0:8] -> @xin[16:18, 0:8] rows [3, 1] {stage = gather}
    aiv.signal @e1
    aiv.signal @e1
  }
  aiv.queue core 1 sub 1 {
    aiv.wait @e1
    aiv.signal @g
  }
}`;

describe("queue custom form", () => {
  it.each([["events", EVENTS], ["schedule", SCHEDULE], ["full", FULL]])("prints what it reads (%s level)", (_, text) => {
    expect(bodyOf(parseValid(freshContext(), text))).toBe(text);
  });

  it.each([["events", EVENTS], ["schedule", SCHEDULE], ["full", FULL]])("reads its generic form back to the same custom text (%s)", (_, text) => {
    const generic = printTopLevel(parseValid(freshContext(), text), { printGenericOpForm: true });
    expect(bodyOf(parseValid(freshContext(), generic))).toBe(text);
  });

  it("stores what the contract fixes: enums as i64 cases, events as flat symbols, `after` as array<i64>", () => {
    const generic = printTopLevel(parseValid(freshContext(), SCHEDULE + "\n" + FULL), { printGenericOpForm: true });
    expect(generic).toContain(`"queue.program"() <{block_dim = 1 : i64, ep = 2 : i64, policy = 1 : i64, rank = 0 : i64, sym_name = "p", target = "a3-die"}>`);
    expect(generic).toContain(`"queue.arrival"() <{peer = 0 : i64, signal = 0 : i64, task = 1 : i64, writes = [[@x, array<i64: 0, 0>, array<i64: 8, 8>]]}> : () -> ()`);
    expect(generic).toContain(`"aic.gemm"() <{after = array<i64: 1>, bytes = 0 : i64, flops = 0 : i64, reads = [[@x, array<i64: 0, 0>, array<i64: 8, 8>], [@x, array<i64: 0, 0>, array<i64: 8, 8>]], stage = 1 : i64, task = 2 : i64, writes = [[@h, array<i64: 0, 0>, array<i64: 8, 8>]]}> : () -> ()`);
    expect(generic).toContain(`"queue.event"() <{core = 1 : i64, id = 10 : i64, kind = 0 : i64, mode = 1 : i64, sym_name = "e1", threshold = 2 : i64}> {tag} : () -> ()`);
    expect(generic).toContain(`"aiv.signal_remote"() <{event = @r, peer = 1 : i64}> {why = "fence"} : () -> ()`);
    expect(generic).toContain(`"aic.queue"() <{core = 1 : i64}> ({\n    ^bb0:\n    }) {idle} : () -> ()`);
  });

  it("keeps properties that lost their expected kind in the dictionary, so unverified IR round-trips", () => {
    const text = `queue.program @p rank 0 ep 2 target "t" block_dim 1 attributes {policy = 9 : i32} {
  queue.event @e core 0 flag 1 mode 2 threshold 1 {kind = "x"}
  queue.event @f cross_core flag 2 threshold 1 {core = 1 : i32}
  aic.queue attributes {core = "c"} {
    aic.wait {event = @a::@b}
    aic.gemm @x[0:1, 0:1], @x[0:1, 0:1] -> @x[0:1, 0:1] {stage = gmm1, task = "t"}
  }
  aiv.queue core 0 sub 0 {
    aiv.signal_remote @e {peer = 1 : i32}
  }
}`;
    const ctx = freshContext();
    const m = parseSourceString(ctx, text, "in.mlir")!;
    expect(ctx.diagnostics.takeAll().map((d) => d.message)).toEqual([]);
    const custom = printTopLevel(m, { assumeVerified: true });
    const again = parseSourceString(freshContext(), custom, "again.mlir")!;
    expect(printTopLevel(again, { printGenericOpForm: true })).toBe(printTopLevel(m, { printGenericOpForm: true }));
    expect(custom).toContain(`queue.event @e core 0 line 1 mode 2 threshold 1 {kind = "x"}`);
    expect(custom).toContain(`queue.event @f cross_core flag 2 threshold 1 {core = 1 : i32}`);
    expect(custom).toContain(`queue.program @p rank 0 ep 2 target "t" block_dim 1 attributes {policy = 9 : i32} {`);
    expect(custom).toContain(`aic.gemm @x[0:1, 0:1], @x[0:1, 0:1] -> @x[0:1, 0:1] {stage = gmm1, task = "t"}`);
    expect(custom).toContain(`aiv.signal_remote @e {peer = 1 : i32}`);
    expect(custom).toContain(`aic.queue attributes {core = "c"} {`);
    expect(custom).toContain(`aic.wait {event = @a::@b}`);
  });
});

describe("the ops' documented examples", () => {
  const root = join(__dirname, "..", "..");
  const examples = ["queue", "aic", "aiv"].flatMap((d) => {
    const decl = JSON.parse(readFileSync(join(root, "dist", "dialects", `${d}.json`), "utf8")) as { ops: { name: string; description?: string }[] };
    return decl.ops.flatMap((op) => [...(op.description ?? "").matchAll(/```mlir\n([\s\S]*?)```/g)].map((m) => [op.name, m[1]!] as [string, string]));
  });
  it("cover every op", () => expect(new Set(examples.map(([op]) => op)).size).toBe(15));
  it.each(examples)("%s: parses and prints back", (_, text) => {
    const ctx = freshContext();
    const m = parseSourceString(ctx, text, "doc.mlir");
    expect(ctx.diagnostics.takeAll().map((d) => d.message)).toEqual([]);
    expect(printTopLevel(m!, { assumeVerified: true })).toContain(text.trim().split("\n")[0]!.trim());
  });
});

describe("queue generic form against mlir-opt-22", () => {
  const dir = mkdtempSync(join(tmpdir(), "queue-"));
  const examples = ["tiny.schedule.mlir", "tiny.events.mlir"].map((f) => [f, readFileSync(join(__dirname, "..", "..", "examples", "ir", f), "utf8")]);
  const inputs = [["full", FULL], ...examples] as [string, string][];
  for (const [name, text] of inputs)
    for (const flags of [[], ["--mlir-print-debuginfo"]])
      it(`mlir-opt-22 reads our generic output of ${name} and prints it unchanged (${flags.join(" ") || "plain"})`, () => expectMlirOptReadsOurGeneric(dir, name, text, flags));
});

describe("malformed queue text and IR", () => {
  const dir = mkdtempSync(join(tmpdir(), "queue-bad-"));
  /** [name, base text, replacements applied in order, expected first stderr line after the file name]. */
  const cases: [string, string, [string, string][], string][] = [
    ["bad-policy", EVENTS, [["policy ours", "policy best"]], "1:65: error: custom op 'queue.program' expected one of [ours, reference, serialized] for 'policy', got 'best'"],
    ["target-not-string", EVENTS, [["target \"a3-die\"", "target a3"]], "1:37: error: custom op 'queue.program' expected a string for 'target'"],
    ["bad-event-kind", EVENTS, [["@r remote line", "@r shared line"]], "6:18: error: custom op 'queue.event' expected one of [cross_core, gm_counter, remote] for 'kind', got 'shared'"],
    // Nothing after the symbol: the next line's op name is not read as the kind, and the verifier reports what is missing.
    ["event-with-nothing-after-symbol", EVENTS, [["@r remote line 0 threshold 1", "@r"]], "6:3: error: 'queue.event' op requires attribute 'id'"],
    ["cross-core-with-line", EVENTS, [["core 0 flag 0 mode 2", "core 0 line 0 mode 2"]], "5:36: error: custom op 'queue.event' a cross_core event names its id with 'flag', not 'line'"],
    ["remote-with-flag", EVENTS, [["@r remote line 0", "@r remote flag 0"]], "6:25: error: custom op 'queue.event' a remote event names its id with 'line', not 'flag'"],
    ["field-repeated-in-dict", EVENTS, [["aic.queue core 0 {", "aic.queue core 0 attributes {core = 1} {"]], "7:20: error: custom op 'aic.queue' 'core' is given in the op text and should not be repeated in the attribute dictionary"],
    ["after-without-list", EVENTS, [["{stage = gmm1}", "after 1 {stage = gmm1}"]], "9:64: error: expected '['"],
    ["remote-rank-not-integer", EVENTS, [["@r rank 0", "@r rank x"]], "14:31: error: custom op 'aiv.signal_remote' expected integer value"],
    ["aiv-op-in-aic-queue", EVENTS, [["    aic.signal @e\n", "    aiv.signal @e\n"]], "10:5: error: 'aiv.signal' op cannot run on an aic core: 'aic.queue' holds only aic ops"],
    ["core-out-of-range", EVENTS, [["aic.queue core 0", "aic.queue core 1"]], "7:3: error: 'aic.queue' op core 1 is out of range [0, 1) of the launch's block_dim"],
    ["sub-out-of-range", EVENTS, [["core 0 sub 1", "core 0 sub 2"]], "18:3: error: 'aiv.queue' op 'sub' must be 0 or 1 (an AI Core has two AIVs), got 2"],
    ["missing-aiv-queue", EVENTS, [["  aiv.queue core 0 sub 1 {\n  }\n", ""]], "1:1: error: 'queue.program' op expects 2 aiv.queue ops (two per AI Core of block_dim 1), got 1"],
    ["aiv-queues-out-of-order", EVENTS, [["aiv.queue core 0 sub 0", "aiv.queue core 0 sub 9"], ["aiv.queue core 0 sub 1", "aiv.queue core 0 sub 0"], ["aiv.queue core 0 sub 9", "aiv.queue core 0 sub 1"]], "12:3: error: 'aiv.queue' op expects core 0 sub 0 here: aiv queues go in (core, sub) order, got core 0 sub 1"],
    ["event-after-queues", EVENTS, [["  queue.event @r remote line 0 threshold 1\n", ""], ["  aiv.queue core 0 sub 1 {\n  }\n", "  aiv.queue core 0 sub 1 {\n  }\n  queue.event @r remote line 0 threshold 1\n"]], "19:3: error: 'queue.event' op is out of order: a queue.program holds tile.buffer, queue.arrival, queue.event, aic.queue, then aiv.queue ops, in this order"],
    ["foreign-op-in-program", EVENTS, [["  aic.queue core 0 {", "  %c = arith.constant 0 : i64\n  aic.queue core 0 {"]], "7:8: error: 'arith.constant' op cannot be in a queue.program, which holds tile.buffer, queue.arrival, queue.event, aic.queue, then aiv.queue ops"],
    ["duplicate-task-id", EVENTS, [["aiv.swiglu 3", "aiv.swiglu 2"]], "16:5: error: 'aiv.swiglu' op task id 2 is already used by another task or arrival of this program"],
    ["negative-task-id", EVENTS, [["aiv.swiglu 3", "aiv.swiglu -3"]], "16:5: error: 'aiv.swiglu' op 'task' must be non-negative, got -3"],
    ["wait-on-undeclared-event", EVENTS, [["aiv.wait @e", "aiv.wait @nope"]], "15:5: error: 'aiv.wait' op '@nope' does not name a queue.event of this program"],
    ["wait-on-buffer", EVENTS, [["aiv.wait @e", "aiv.wait @x"]], "15:5: error: 'aiv.wait' op '@x' does not name a queue.event of this program"],
    ["signal-remote-to-cross-core", EVENTS, [["@r rank 0", "@e rank 0"]], "14:5: error: 'aiv.signal_remote' op '@e' of rank 0's program is not a remote event"],
    ["signal-remote-peer-out-of-range", EVENTS, [["@r rank 0", "@r rank 5"]], "14:5: error: 'aiv.signal_remote' op peer rank 5 is out of range [0, 2)"],
    ["cross-core-without-mode", EVENTS, [["flag 0 mode 2", "flag 0"]], "5:3: error: 'queue.event' op a cross_core event needs 'mode' (1: AIV to AIV, 2: AIC and AIV)"],
    ["cross-core-mode-3", EVENTS, [["mode 2", "mode 3"]], "5:3: error: 'queue.event' op 'mode' must be 1 (AIV to AIV) or 2 (AIC and AIV), got 3"],
    ["cross-core-core-out-of-range", EVENTS, [["cross_core core 0", "cross_core core 4"]], "5:3: error: 'queue.event' op core 4 is out of range [0, 1) of the launch's block_dim"],
    ["remote-with-core", EVENTS, [["@r remote line 0", "@r remote core 0 line 0"]], "6:3: error: 'queue.event' op a remote event has no 'core' (only cross_core events do)"],
    ["duplicate-remote-line", EVENTS, [["  queue.event @r remote line 0 threshold 1\n", "  queue.event @r remote line 0 threshold 1\n  queue.event @r2 remote line 0 threshold 1\n"]], "7:3: error: 'queue.event' op remote line 0 is already used by another remote event of this program (the counter is never reset in a launch)"],
    ["zero-threshold", EVENTS, [["line 0 threshold 1", "line 0 threshold 0"]], "6:3: error: 'queue.event' op 'threshold' must be at least 1, got 0"],
    ["stage-does-not-fit", EVENTS, [["{stage = gmm1}", "{stage = 2}"]], "9:5: error: 'aic.gemm' op stage 'swiglu' does not fit the op (expected gmm1, gmm2, gmm2_grad_lhs, gmm2_grad_weight, gmm1_grad_lhs, gmm1_grad_weight)"],
    ["slice-of-unknown-buffer", EVENTS, [["-> @a[0:8, 0:4]", "-> @zz[0:8, 0:4]"]], "16:5: error: 'aiv.swiglu' op written slice @zz[0:8, 0:4] names '@zz', which is not a tile.buffer of this program"],
    ["put-to-workspace", EVENTS, [["-> rank 0 @x[0:8, 0:8]", "-> rank 0 @h[0:8, 0:8]"]], "13:5: error: 'aiv.put' op writes @h, which is not a symmetric buffer (only those exist on every rank)"],
    ["block-dim-zero", EVENTS, [["block_dim 1", "block_dim 0"]], "1:1: error: 'queue.program' op 'block_dim' must be at least 1, got 0"],
    ["policy-out-of-range", EVENTS, [["target \"a3-die\" block_dim 1 policy ours {", "target \"a3-die\" block_dim 1 attributes {policy = 7 : i64} {"]], "1:1: error: 'queue.program' op attribute 'policy' failed to satisfy constraint: allowed 64-bit signless integer cases: 0, 1, 2"],
    ["missing-queue-body-brace", EVENTS, [["aiv.queue core 0 sub 1 {\n  }", "aiv.queue core 0 sub 1"]], "18:25: error: expected '{' to begin a region"],
    ["after-unknown-task", SCHEDULE, [["after [2]", "after [9]"]], "11:5: error: 'aiv.swiglu' op 'after' names task 9, which is no task or arrival of this program"],
    ["after-names-itself", SCHEDULE, [["after [2]", "after [3]"]], "11:5: error: 'aiv.swiglu' op 'after' names the task itself (3)"],
    ["levels-mixed", SCHEDULE, [["  aic.queue core 0 {", "  queue.event @e gm_counter line 0 threshold 1\n  aic.queue core 0 {"]], "6:3: error: 'queue.event' op is an events-level op, but the program is at the schedule level ('queue.arrival' here): event insertion replaces every 'after' and queue.arrival"],
    ["arrival-id-repeats-task", SCHEDULE, [["queue.arrival 1", "queue.arrival 2"], ["after [1]", "after [2]"]], "7:5: error: 'aic.gemm' op task id 2 is already used by another task or arrival of this program"],
    ["arrival-signal-repeated", SCHEDULE, [["  aic.queue core 0 {", "  queue.arrival 4 @x[0:8, 0:8] from rank 0 signal 0\n  aic.queue core 0 {"]], "6:3: error: 'queue.arrival' op signal 0 is already used by another arrival from rank 0"],
    ["arrival-after-event", EVENTS, [["  aic.queue core 0 {", "  queue.arrival 4 @x[0:8, 0:8] from rank 1 signal 0\n  aic.queue core 0 {"]], "7:3: error: 'queue.arrival' op is out of order: a queue.program holds tile.buffer, queue.arrival, queue.event, aic.queue, then aiv.queue ops, in this order"],
    ["event-not-flat-symbol", EVENTS, [["aiv.wait @e", "aiv.wait {event = @e::@f}"]], "15:5: error: 'aiv.wait' op attribute 'event' failed to satisfy constraint: flat symbol reference attribute"],
    ["gemm-shapes", EVENTS, [["-> @h[0:8, 0:8] {stage = gmm1}", "-> @h[0:8, 0:4] {stage = gmm1}"]], "9:5: error: 'aic.gemm' op out is 8x4, but lhs x rhs is 8x8"],
    ["task-outside-queue", EVENTS, [["  aic.queue core 0 {", "  aiv.swiglu 9 @h[0:8, 0:8] -> @a[0:8, 0:4] {stage = swiglu}\n  aic.queue core 0 {"]], "7:3: error: 'aiv.swiglu' op expects parent op 'aiv.queue'"],
  ];
  it("covers at least 20 cases", () => expect(cases.length).toBeGreaterThanOrEqual(20));
  for (const [name, base, replacements, want] of cases) {
    it(`${name}: located error, exit 1, no stack trace`, () => {
      let text = base;
      for (const [from, to] of replacements) {
        expect(text, `'${from}' must be in the base text`).toContain(from);
        text = text.replace(from, to);
      }
      expectLocatedError(dir, name, text, want);
    });
  }

  it("notes where a repeated task id or line was first used", () => {
    const file = join(dir, "notes.mlir");
    writeFileSync(file, EVENTS.replace("aiv.swiglu 3", "aiv.swiglu 2"));
    const r = runHpmoeOpt([file]);
    expect(r.err).toContain(`${file}:9:5: note: first used here`);
  });
});

describe("signal_remote against the peer's program", () => {
  /** Rank `rank` of two, signalling `event` of rank 1 after its put. */
  const program = (rank: number, event: string) => `queue.program @p${rank} rank ${rank} ep 2 target "a3-die" block_dim 1 policy ours {
  tile.buffer symmetric @x : memref<8x8xbf16>
  queue.event @r remote line 0 threshold 2
  queue.event @c cross_core core 0 flag 0 mode 1 threshold 1
  aic.queue core 0 {
  }
  aiv.queue core 0 sub 0 {
    aiv.put 0 @x[0:8, 0:8] -> rank 1 @x[0:8, 0:8] signal ${rank} {stage = dispatch}
    aiv.signal_remote @${event} rank 1
  }
  aiv.queue core 0 sub 1 {
  }
}`;
  const lineCol = (loc: unknown): string => (loc instanceof FileLineColRange ? `${loc.startLine}:${loc.startColumn}` : "?");
  function errorsOf(text: string): string[] {
    const ctx = freshContext();
    const errors: string[] = [];
    ctx.diagnostics.pushHandler((d) => errors.push(`${lineCol(d.loc)}: ${d.message}`));
    const m = parseSourceString(ctx, text, "in.mlir");
    expect(m).toBeDefined();
    verify(m!);
    ctx.diagnostics.flush();
    return errors;
  }
  it("resolves in the peer's program when the module holds it", () => {
    expect(errorsOf(`module {\n${program(0, "r")}\n${program(1, "r")}\n}`)).toEqual([]);
    expect(errorsOf(`module {\n${program(0, "nope")}\n${program(1, "r")}\n}`)).toEqual([`10:5: 'aiv.signal_remote' op '@nope' does not name a queue.event of rank 1's program`]);
    expect(errorsOf(`module {\n${program(1, "c")}\n${program(0, "r")}\n}`)).toEqual([`10:5: 'aiv.signal_remote' op '@c' of rank 1's program is not a remote event`]);
  });
  it("is left to the peer's own verification when the module lacks it", () => {
    expect(errorsOf(program(0, "nope"))).toEqual([]);
  });
  it("reads as data: the peer and the event name", () => {
    const m = parseValid(freshContext(), program(0, "r"));
    const spec = readQueueProgram(m.regions[0]!.entryBlock!.first!);
    expect(spec.queues[1]!.entries[1]).toMatchObject({ op: "signal_remote", event: "r", peer: 1 });
  });
});

describe("queue scale", () => {
  /** A program of `n` tasks on 4 AI Cores: a put, a gemm after it, a swiglu after that, with one event per dependency. */
  function bigProgram(n: number): string {
    const lines = [`queue.program @p rank 0 ep 8 target "a3-die" block_dim 4 policy ours {`, "  tile.buffer symmetric @xin : memref<65536x64xbf16>", "  tile.buffer input @w : memref<1x64x32xbf16>", "  tile.buffer workspace @h : memref<65536x32xbf16>", "  tile.buffer workspace @a : memref<65536x16xbf16>"];
    const rounds = Math.floor(n / 3);
    const aic: string[][] = [[], [], [], []];
    const aiv: string[][] = [[], [], [], [], [], [], [], []];
    for (let i = 0; i < rounds; i++) {
      const r = (i * 16) % 65536;
      const core = i % 4;
      lines.push(`  queue.event @g${i} gm_counter line ${i} threshold 1`, `  queue.event @c${i} cross_core core ${core} flag ${i % 11} mode 2 threshold 1`);
      aiv[2 * core + 1]!.push(`    aiv.put ${3 * i} @xin[${r}:${r + 16}, 0:64] -> rank ${1 + (i % 7)} @xin[${r}:${r + 16}, 0:64] signal ${i} {stage = dispatch, bytes = 2048}`, `    aiv.signal @g${i}`);
      aic[core]!.push(`    aic.wait @g${i}`, `    aic.gemm ${3 * i + 1} @xin[${r}:${r + 16}, 0:64], @w[0:1, 0:64, 0:32] -> @h[${r}:${r + 16}, 0:32] {stage = gmm1, flops = 65536}`, `    aic.signal @c${i}`);
      aiv[2 * core]!.push(`    aiv.wait @c${i}`, `    aiv.swiglu ${3 * i + 2} @h[${r}:${r + 16}, 0:32] -> @a[${r}:${r + 16}, 0:16] {stage = swiglu}`);
    }
    aic.forEach((q, c) => lines.push(`  aic.queue core ${c} {`, ...q, "  }"));
    aiv.forEach((q, k) => lines.push(`  aiv.queue core ${k >> 1} sub ${k & 1} {`, ...q, "  }"));
    lines.push("}");
    return lines.join("\n");
  }
  it("verifies and prints in time linear in the number of tasks", () => {
    expectLinearVerifyAndPrint(bigProgram, 400);
  }, 120_000);
});
