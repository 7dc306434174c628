// Hand-built queue programs for the simulator tests (plain QueueProgramSpec
// data, and the generic IR text of a module holding them), and the profile
// they run on.

import { expect } from "vitest";
import { buildQueueProgram } from "../../dialects/queue-build.js";
import type { CoreQueueSpec, QueueBufferSpec, QueueEntry, QueueEventSpec, QueueProgramSpec } from "../../dialects/queue-model.js";
import type { TaskKind } from "../../dialects/tile-build.js";
import { BufferKind, type Slice } from "../../dialects/tile-model.js";
import { FloatType, MemRefType } from "../../src/ir/builtin-types.js";
import { Builder, Context, parseSourceString, printTopLevel, registerAllDialects, verify } from "../../src/index.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

export const a3 = new CostModel(loadTarget("a3-die") as HardwareProfile);
export const fig = a3.profile;

const slice = (buffer: string, rows: number, cols: number): Slice => ({ buffer, offsets: [0, 0], sizes: [rows, cols] });

/** aic.gemm: [m x k] * [k x n]. */
export function gemm(task: number, m: number, n: number, k: number, after?: number[]): QueueEntry {
  return { op: "task", kind: "gemm", task, after, spec: { stage: 1, reads: [slice("x", m, k), slice("w", k, n)], writes: [slice("h", m, n)] } };
}

/** aiv.swiglu on [rows x 2cols] -> [rows x cols]. */
export function swiglu(task: number, rows: number, cols: number, after?: number[]): QueueEntry {
  return { op: "task", kind: "swiglu", task, after, spec: { stage: 2, reads: [slice("h", rows, 2 * cols)], writes: [slice("a", rows, cols)] } };
}

/** aiv.put of `bytes` to `peer`. */
export function put(task: number, peer: number, bytes: number, signal = 0, after?: number[]): QueueEntry {
  const rows = bytes / 128;
  return { op: "task", kind: "put" as TaskKind, task, after, spec: { stage: 0, reads: [slice("xsend", rows, 64)], writes: [slice("xin", rows, 64)], bytes, bytesSent: bytes, peer, signal } };
}

export const wait = (event: string): QueueEntry => ({ op: "wait", event });
export const signal = (event: string): QueueEntry => ({ op: "signal", event });
export const signalRemote = (event: string, peer: number): QueueEntry => ({ op: "signal_remote", event, peer });

export const gmCounter = (name: string, id: number, threshold: number): QueueEventSpec => ({ name, kind: "gm_counter", id, threshold });
export const remote = (name: string, id: number, threshold: number): QueueEventSpec => ({ name, kind: "remote", id, threshold });
export const crossCore = (name: string, core: number, id: number, threshold = 1, mode: 1 | 2 = 2): QueueEventSpec => ({ name, kind: "cross_core", id, threshold, core, mode });

/** Queues keyed "aic C" / "aiv C.S"; every core of the launch gets one (empty unless given). */
export function program(rank: number, ep: number, blockDim: number, events: QueueEventSpec[], queues: Record<string, QueueEntry[]>, arrivals: QueueProgramSpec["arrivals"] = []): QueueProgramSpec {
  const all: CoreQueueSpec[] = [];
  for (let c = 0; c < blockDim; c++) all.push({ unit: "aic", core: c, sub: 0, entries: queues[`aic ${c}`] ?? [] });
  for (let c = 0; c < blockDim; c++) for (let s = 0; s < 2; s++) all.push({ unit: "aiv", core: c, sub: s, entries: queues[`aiv ${c}.${s}`] ?? [] });
  return { name: `fwd_rank${rank}`, rank, ep, target: "a3-die", blockDim, policy: "ours", buffers: [], arrivals, events, queues: all };
}

/** Rank r sends a tile to the other rank, which runs a GEMM then a SwiGLU handed over by a flag. */
export function exchange(r: number, name = "fwd"): QueueProgramSpec {
  const p = program(r, 2, 1, [remote("in", 0, 1), crossCore("f", 0, 1)], {
    "aiv 0.0": [put(0, 1 - r, 65536), signalRemote("in", 1 - r)],
    "aic 0": [wait("in"), gemm(1, 128, 256, 256), signal("f")],
    "aiv 0.1": [wait("f"), swiglu(2, 128, 128)],
  });
  return { ...p, name: `${name}_rank${r}` };
}

/** Buffers covering every slice of `spec`'s tasks: puts' targets symmetric, put sources inputs, the rest workspace. */
function buffersOf(ctx: Context, spec: QueueProgramSpec): QueueBufferSpec[] {
  const shapes = new Map<string, number[]>();
  const kinds = new Map<string, BufferKind>();
  for (const q of spec.queues)
    for (const e of q.entries) {
      if (e.op !== "task") continue;
      const slices = [...e.spec.reads, ...e.spec.writes];
      for (const sl of slices) {
        const shape = shapes.get(sl.buffer) ?? sl.sizes.map(() => 0);
        sl.sizes.forEach((n, d) => (shape[d] = Math.max(shape[d]!, sl.offsets[d]! + n)));
        shapes.set(sl.buffer, shape);
      }
      if (e.kind === "put") {
        kinds.set(e.spec.reads[0]!.buffer, BufferKind.input);
        kinds.set(e.spec.writes[0]!.buffer, BufferKind.symmetric);
      }
    }
  const bf16 = FloatType.get(ctx, "bf16");
  return [...shapes].map(([name, shape]) => ({ name, type: MemRefType.get(ctx, shape, bf16), kind: kinds.get(name) ?? BufferKind.workspace }));
}

/** The generic text of a module holding `specs`, parsed back in a fresh context. */
export function moduleText(specs: readonly QueueProgramSpec[]): string {
  const ctx = new Context();
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, "module {}", "empty.mlir")!;
  const b = new Builder(ctx);
  b.setInsertionPointToEnd(m.regions[0]!.entryBlock!);
  for (const s of specs) buildQueueProgram(b, { ...s, buffers: s.buffers.length ? s.buffers : buffersOf(ctx, s) });
  expect(verify(m).failed).toBe(false);
  return printTopLevel(m, { printGenericOpForm: true });
}
