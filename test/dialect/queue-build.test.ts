// Queue-level IR as data: buildQueueProgram / readQueueProgram round-trip a
// spec exactly (minus the op fields), through the generic text too.

import { describe, expect, it } from "vitest";
import { Builder, FloatType, Context, MemRefType, parseSourceString, printTopLevel, registerAllDialects, verify, type Operation } from "../../src/index.js";
import { buildQueueProgram, readQueueProgram } from "../../dialects/queue-build.js";
import type { QueueProgramSpec } from "../../dialects/queue-model.js";
import { readTaskProperties } from "../../dialects/tile-build.js";
import { BufferKind, Stage } from "../../dialects/tile-model.js";

function freshContext(): Context {
  const ctx = new Context();
  registerAllDialects(ctx);
  return ctx;
}

/** A spec with one of everything: buffers, an arrival, events of each kind, every task kind and sync op. */
export function sampleSpec(ctx: Context): QueueProgramSpec {
  const bf16 = FloatType.get(ctx, "bf16");
  const mem = (shape: number[]) => MemRefType.get(ctx, shape, bf16);
  const s = (buffer: string, offsets: number[], sizes: number[]) => ({ buffer, offsets, sizes });
  const base = { flops: 0, bytes: 0, bytesSent: 0, transposeLhs: false, transposeRhs: false };
  return {
    name: "fwd_rank0",
    rank: 0,
    ep: 2,
    target: "a3-die",
    blockDim: 1,
    policy: "ours",
    buffers: [
      { name: "xsend", type: mem([128, 64]), kind: BufferKind.input },
      { name: "xin", type: mem([256, 64]), kind: BufferKind.symmetric },
      { name: "w13", type: mem([1, 64, 32]), kind: BufferKind.input },
      { name: "h", type: mem([256, 32]), kind: BufferKind.workspace },
      { name: "a", type: mem([256, 16]), kind: BufferKind.output },
    ],
    arrivals: [{ task: 1, writes: s("xin", [128, 0], [128, 64]), peer: 1, signal: 0 }],
    events: [
      { name: "e0", kind: "cross_core", id: 3, threshold: 1, core: 0, mode: 2 },
      { name: "g0", kind: "gm_counter", id: 0, threshold: 2 },
      { name: "r0", kind: "remote", id: 0, threshold: 1 },
    ],
    queues: [
      {
        unit: "aic",
        core: 0,
        sub: 0,
        entries: [
          { op: "wait", event: "r0" },
          { op: "task", kind: "gemm", task: 2, after: [1], spec: { ...base, stage: Stage.gmm1, reads: [s("xin", [128, 0], [128, 64]), s("w13", [0, 0, 0], [1, 64, 32])], writes: [s("h", [0, 0], [128, 32])], flops: 524288, transposeRhs: false } },
          { op: "signal", event: "e0" },
        ],
      },
      {
        unit: "aiv",
        core: 0,
        sub: 0,
        entries: [
          { op: "task", kind: "put", task: 0, spec: { ...base, stage: Stage.dispatch, reads: [s("xsend", [0, 0], [128, 64])], writes: [s("xin", [0, 0], [128, 64])], peer: 1, signal: 0, bytes: 16384, bytesSent: 16384, validRows: [0, 0, 0] } },
          { op: "signal_remote", event: "r0", peer: 1 },
          { op: "wait", event: "e0" },
          { op: "task", kind: "swiglu", task: 3, after: [2], spec: { ...base, stage: Stage.swiglu, reads: [s("h", [0, 0], [128, 32])], writes: [s("a", [0, 0], [128, 16])] } },
          { op: "signal", event: "g0" },
        ],
      },
      { unit: "aiv", core: 0, sub: 1, entries: [{ op: "task", kind: "gather", task: 4, spec: { ...base, stage: Stage.gather, reads: [s("h", [0, 0], [4, 32])], writes: [s("h", [128, 0], [2, 32])], rows: [3, 1] } }, { op: "signal", event: "g0" }] },
    ],
  };
}

/** `spec` without the op / irOp fields the reader adds. */
function withoutOps(spec: QueueProgramSpec): unknown {
  return JSON.parse(JSON.stringify(spec, (k, v) => (k === "op" && typeof v !== "string") || k === "irOp" ? undefined : k === "type" ? String(v) : v));
}

function buildModule(ctx: Context, spec: QueueProgramSpec): Operation {
  const m = parseSourceString(ctx, "module {}", "in.mlir")!;
  const b = new Builder(ctx);
  b.setInsertionPointToEnd(m.regions[0]!.entryBlock!);
  buildQueueProgram(b, spec);
  return m;
}

describe("queue build / read", () => {
  it("read(build(spec)) equals spec, and the readers point at the ops", () => {
    const ctx = freshContext();
    const spec = sampleSpec(ctx);
    const m = buildModule(ctx, spec);
    const program = m.regions[0]!.entryBlock!.first!;
    const read = readQueueProgram(program);
    expect(withoutOps(read)).toEqual(withoutOps(spec));
    expect(read.op).toBe(program);
    expect(read.queues[0]!.op!.name.name).toBe("aic.queue");
    const gemm = read.queues[0]!.entries[1]!;
    expect(gemm.irOp!.name.name).toBe("aic.gemm");
    expect(read.events[2]!.op!.name.name).toBe("queue.event");
  });

  it("the generic text reads back to the same spec", () => {
    const ctx = freshContext();
    const spec = sampleSpec(ctx);
    const generic = printTopLevel(buildModule(ctx, spec), { printGenericOpForm: true });
    const ctx2 = freshContext();
    const m = parseSourceString(ctx2, generic, "in.mlir")!;
    expect(m).toBeDefined();
    expect(withoutOps(readQueueProgram(m.regions[0]!.entryBlock!.first!))).toEqual(withoutOps(spec));
  });

  it("task properties are tile-build's: readTaskProperties reads a queue task", () => {
    const ctx = freshContext();
    const spec = sampleSpec(ctx);
    const m = buildModule(ctx, spec);
    const put = readQueueProgram(m.regions[0]!.entryBlock!.first!).queues[1]!.entries[0]!;
    expect(put.op === "task" && readTaskProperties(put.irOp!).bytesSent).toBe(16384);
  });

  it("a built program verifies", () => {
    const ctx = freshContext();
    const m = buildModule(ctx, sampleSpec(ctx));
    const errors: string[] = [];
    ctx.diagnostics.pushHandler((d) => errors.push(d.message));
    const ok = !verify(m).failed;
    ctx.diagnostics.flush();
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
  });
});
