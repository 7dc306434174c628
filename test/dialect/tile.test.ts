// The tile dialect: custom form round trips (custom -> custom, custom ->
// generic -> custom), the generic form against mlir-opt-22, the typed builders
// and readers, located errors for malformed custom text, and linear-time
// verification and printing on a large program.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Builder, MemRefType, FloatType, parseSourceString, printTopLevel, verify, type Operation } from "../../src/index.js";
import { createArrival, createBuffer, createJoin, createProgram, createTask, createTerminate, readTask } from "../../dialects/tile-build.js";
import { linkPutsToArrivals } from "../../dialects/tile-links.js";
import { BufferKind, Stage, Unit } from "../../dialects/tile-model.js";
import { bodyOf, expectLinearVerifyAndPrint, expectLocatedError, expectMlirOptReadsOurGeneric, freshContext, parseValid } from "../support/dialect-checks.js";

const PROGRAM = `tile.program @fwd_rank0 rank 0 ep 2 {
  tile.buffer input @xsend : memref<256x64xbf16>
  tile.buffer symmetric @xin : memref<512x64xbf16>
  tile.buffer input @w13 : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<512x32xbf16>
  tile.buffer workspace @a : memref<512x16xbf16>
  tile.buffer workspace @"t 2" : memref<4x64xbf16>
  tile.buffer output @g : memref<2x64xbf16> {note = "host reads it"}
  %0 = tile.put @xsend[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, bytes = 16384, bytes_sent = 16384, valid_rows = [0, 1, 0]}
  %1 = tile.arrival @xin[128:256, 0:64] from rank 1 signal 0
  %2 = tile.gemm @xin[128:256, 0:64], @w13[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after(%1) {stage = gmm1, flops = 524288}
  %3 = tile.swiglu @h[0:128, 0:32] -> @a[0:128, 0:16] after(%2) {stage = swiglu, bytes = 12288, tag}
  %4 = tile.swiglu_grad @h[0:128, 0:32], @a[0:128, 0:16] -> @h[128:256, 0:32] after(%3) {stage = swiglu_grad}
  %5 = tile.gemm @xin[0:128, 0:64], @h[0:128, 0:32] -> @w13[1:2, 0:64, 0:32] after(%4, %0) {stage = gmm1_grad_weight, transpose_lhs}
  %6 = tile.gather @"t 2"[0:4, 0:64] -> @g[0:2, 0:64] rows [3, 1] {stage = gather}
  %7 = tile.join %5, %6
  tile.terminate %7
}`;

describe("tile custom form", () => {
  it("prints what it reads (custom -> custom), with defaults elided and enums as keywords", () => {
    const ctx = freshContext();
    expect(bodyOf(parseValid(ctx, PROGRAM))).toBe(PROGRAM);
  });

  it("reads its generic form back to the same custom text", () => {
    const ctx = freshContext();
    const generic = printTopLevel(parseValid(ctx, PROGRAM), { printGenericOpForm: true });
    expect(generic).toContain(`"tile.gemm"(%1) <{bytes = 0 : i64, flops = 524288 : i64, reads = [[@xin, array<i64: 128, 0>, array<i64: 128, 64>], [@w13, array<i64: 0, 0, 0>, array<i64: 1, 64, 32>]], stage = 1 : i64, unit = 0 : i64, writes = [[@h, array<i64: 0, 0>, array<i64: 128, 32>]]}> : (!tile.token) -> !tile.token`);
    expect(bodyOf(parseValid(freshContext(), generic))).toBe(PROGRAM);
  });

  it("prints a unit only when it differs from the op's own (unverified IR)", () => {
    const ctx = freshContext();
    const m = parseSourceString(ctx, `tile.program @p rank 0 ep 1 {\n  %0 = tile.swiglu @h[0:1, 0:2] -> @a[0:1, 0:1] {stage = swiglu, unit = aic}\n  %1 = tile.swiglu @h[0:1, 0:2] -> @a[0:1, 0:1] {stage = swiglu, unit = aiv}\n  tile.terminate %0, %1\n}`, "in.mlir")!;
    const text = printTopLevel(m, { assumeVerified: true });
    expect(text).toContain("{stage = swiglu, unit = aic}");
    expect(text).toContain("-> @a[0:1, 0:1] {stage = swiglu}\n");
  });

  it("keeps a property that lost its expected kind in the dictionary, so unverified IR round-trips", () => {
    const ctx = freshContext();
    const src = `"tile.program"() <{ep = 2 : i64, rank = 0 : i64, sym_name = "p"}> ({
  %0 = "tile.put"() <{peer = 1 : i32, reads = 5 : i64, signal = "s", stage = 99 : i64, writes = [[@x, array<i64: 0>, array<i64: 4>]]}> : () -> !tile.token
  "tile.terminate"(%0) : (!tile.token) -> ()
}) : () -> ()`;
    const m = parseSourceString(ctx, src, "in.mlir")!;
    const custom = printTopLevel(m, { assumeVerified: true });
    expect(custom).toContain(`tile.put -> @x[0:4] {stage = 99, peer = 1 : i32, reads = 5, signal = "s"}`);
    const again = parseSourceString(freshContext(), custom, "again.mlir")!;
    expect(printTopLevel(again, { printGenericOpForm: true })).toBe(printTopLevel(m, { printGenericOpForm: true }));
  });
});

describe("tile generic form against mlir-opt-22", () => {
  const dir = mkdtempSync(join(tmpdir(), "tile-"));
  for (const flags of [[], ["--mlir-print-debuginfo"]])
    it(`mlir-opt-22 reads our generic output and prints it unchanged (${flags.join(" ") || "plain"})`, () => expectMlirOptReadsOurGeneric(dir, "in", PROGRAM, flags));
});

describe("tile builders and readers", () => {
  it("build the program the text describes, and read tasks back as data", () => {
    const ctx = freshContext();
    const module = parseSourceString(ctx, "module {}", "m.mlir")!;
    const b = new Builder(ctx);
    b.setInsertionPointToEnd(module.regions[0]!.entryBlock!);
    createProgram(b, "fwd_rank0", 0, 2);
    const bf16 = FloatType.get(ctx, "bf16");
    createBuffer(b, "xsend", MemRefType.get(ctx, [256, 64], bf16), BufferKind.input);
    createBuffer(b, "xin", MemRefType.get(ctx, [512, 64], bf16), BufferKind.symmetric);
    createBuffer(b, "w13", MemRefType.get(ctx, [2, 64, 32], bf16), BufferKind.input);
    createBuffer(b, "h", MemRefType.get(ctx, [512, 32], bf16), BufferKind.workspace);
    const s = (buffer: string, offsets: number[], sizes: number[]) => ({ buffer, offsets, sizes });
    const p = createTask(b, "put", {
      stage: Stage.dispatch,
      reads: [s("xsend", [0, 0], [128, 64])],
      writes: [s("xin", [0, 0], [128, 64])],
      peer: 1,
      signal: 0,
      bytes: 16384,
      bytesSent: 16384,
    });
    const r = createArrival(b, s("xin", [128, 0], [128, 64]), 1, 0);
    const g = createTask(b, "gemm", {
      stage: Stage.gmm1,
      reads: [s("xin", [128, 0], [128, 64]), s("w13", [0, 0, 0], [1, 64, 32])],
      writes: [s("h", [0, 0], [128, 32])],
      deps: [r],
      flops: 2 * 128 * 32 * 64,
    });
    createTerminate(b, [createJoin(b, [p, g])]);
    expect(verify(module).failed).toBe(false);
    expect(bodyOf(module)).toBe(`tile.program @fwd_rank0 rank 0 ep 2 {
  tile.buffer input @xsend : memref<256x64xbf16>
  tile.buffer symmetric @xin : memref<512x64xbf16>
  tile.buffer input @w13 : memref<2x64x32xbf16>
  tile.buffer workspace @h : memref<512x32xbf16>
  %0 = tile.put @xsend[0:128, 0:64] -> rank 1 @xin[0:128, 0:64] signal 0 {stage = dispatch, bytes = 16384, bytes_sent = 16384}
  %1 = tile.arrival @xin[128:256, 0:64] from rank 1 signal 0
  %2 = tile.gemm @xin[128:256, 0:64], @w13[0:1, 0:64, 0:32] -> @h[0:128, 0:32] after(%1) {stage = gmm1, flops = 524288}
  %3 = tile.join %0, %2
  tile.terminate %3
}`);
    const view = readTask(g.definingOp!)!;
    expect(view).toMatchObject({ kind: "gemm", unit: Unit.aic, stage: Stage.gmm1, flops: 524288, bytes: 0, transposeLhs: false, peer: undefined });
    expect(view.reads[1]).toEqual(s("w13", [0, 0, 0], [1, 64, 32]));
    expect(view.deps).toEqual([r]);
    expect(readTask(r.definingOp!)).toBeUndefined();
    expect(readTask(p.definingOp!)).toMatchObject({ kind: "put", unit: Unit.aiv, peer: 1, signal: 0, bytesSent: 16384 });
  });
});

describe("put and arrival links across programs", () => {
  /** Program `rank` of 2 with `lines` between the buffer and the terminator (which takes every `%t<i>`). */
  const program = (rank: number, lines: string[]) =>
    `tile.program @fwd_rank${rank} rank ${rank} ep 2 {\n  tile.buffer symmetric @x : memref<8x4xbf16>\n` +
    lines.map((l, i) => `  %t${i} = ${l}\n`).join("") +
    `  tile.terminate ${lines.map((_, i) => `%t${i}`).join(", ")}\n}`;
  function programsOf(text: string): Operation[] {
    const m = parseValid(freshContext(), text);
    return [...m.regions[0]!.entryBlock!.ops()];
  }
  it("pair each put with the arrival of the same (source, destination, signal), self puts included", () => {
    const programs = programsOf(
      program(0, ["tile.put @x[0:2, 0:4] -> rank 1 @x[4:6, 0:4] signal 0 {stage = dispatch}", "tile.put @x[2:4, 0:4] -> rank 0 @x[6:8, 0:4] signal 0 {stage = dispatch}", "tile.arrival @x[6:8, 0:4] from rank 0 signal 0", "tile.arrival @x[0:2, 0:4] from rank 1 signal 0"]) +
        "\n" +
        program(1, ["tile.arrival @x[4:6, 0:4] from rank 0 signal 0", "tile.put @x[6:8, 0:4] -> rank 0 @x[0:2, 0:4] signal 0 {stage = dispatch}"]),
    );
    const links = linkPutsToArrivals(programs);
    expect(links.errors).toEqual([]);
    expect(links.arrivalOf.size).toBe(3);
    const [p0, p1] = programs.map((p) => [...p.regions[0]!.entryBlock!.ops()]);
    expect(links.arrivalOf.get(p0![1]!)).toBe(p1![1]);
    expect(links.arrivalOf.get(p0![2]!)).toBe(p0![3]);
    expect(links.putOf.get(p0![4]!)).toBe(p1![2]);
  });
  it("report unpaired puts and arrivals and differing slices", () => {
    const programs = programsOf(
      program(0, ["tile.put @x[0:2, 0:4] -> rank 1 @x[4:6, 0:4] signal 0 {stage = dispatch}", "tile.put @x[2:4, 0:4] -> rank 1 @x[6:8, 0:4] signal 1 {stage = dispatch}"]) +
        "\n" +
        program(1, ["tile.arrival @x[4:6, 0:3] from rank 0 signal 0", "tile.arrival @x[0:2, 0:4] from rank 0 signal 7"]),
    );
    expect(linkPutsToArrivals(programs).errors.map((e) => e.message)).toEqual([
      "'tile.put' op writes @x[4:6, 0:4], but its arrival on rank 1 names @x[4:6, 0:3]",
      "'tile.put' op to rank 1 has no matching tile.arrival there",
      "'tile.arrival' op from rank 0 has no matching tile.put there",
    ]);
    expect(linkPutsToArrivals(programs.slice(1), /*complete=*/ false).errors).toEqual([]);
  });
});

describe("malformed tile text", () => {
  const dir = mkdtempSync(join(tmpdir(), "tile-bad-"));
  const program = (line: string) => `tile.program @p rank 0 ep 2 {\n  tile.buffer symmetric @x : memref<8x8xbf16>\n  ${line}\n  tile.terminate %0\n}\n`;
  const cases: [string, string, string][] = [
    ["missing-bracket", program("%0 = tile.swiglu @x[0:8, 0:8 -> @x[0:8, 0:4] {stage = swiglu}"), "3:31: error: expected ']'"],
    ["missing-bound", program("%0 = tile.swiglu @x[0:] -> @x[0:8, 0:4] {stage = swiglu}"), "3:25: error: custom op 'tile.swiglu' expected integer value"],
    ["second-slice-not-symbol", program("%0 = tile.swiglu @x[0:8, 0:8], 3 -> @x[0:8, 0:4] {stage = swiglu}"), "3:34: error: custom op 'tile.swiglu' expected valid '@'-identifier for symbol name"],
    ["rank-without-integer", program("%0 = tile.put @x[0:8, 0:8] -> rank @x[0:8, 0:8] signal 0 {stage = dispatch}"), "3:38: error: custom op 'tile.put' expected integer value"],
    ["from-without-rank", program("%0 = tile.arrival @x[0:8, 0:8] from 1 signal 0"), "3:39: error: custom op 'tile.arrival' expected 'rank'"],
    ["undefined-dep", program("%0 = tile.swiglu @x[0:8, 0:8] -> @x[0:8, 0:4] after(%9) {stage = swiglu}"), "3:55: error: use of undeclared SSA value name"],
    ["huge-bound", program("%0 = tile.swiglu @x[0:99999999999999999999] -> @x[0:8, 0:4] {stage = swiglu}"), "3:25: error: custom op 'tile.swiglu' integer out of the range of a slice bound or list entry"],
    ["bad-buffer-kind", "tile.program @p rank 0 ep 2 {\n  tile.buffer shared @x : memref<8xbf16>\n  tile.terminate\n}\n", "2:15: error: custom op 'tile.buffer' expected one of [input, output, symmetric, workspace] for 'kind', got 'shared'"],
    ["truncated", "tile.program @p rank 0 ep 2 {\n  %0 = tile.gemm @x[0:8, 0:8], @x[0:1, 0:8, 0:8] -> @x[0", "2:56: error: expected ':'"],
  ];
  for (const [name, text, want] of cases) {
    it(`${name}: located error, exit 1, no stack trace`, () => {
      expectLocatedError(dir, name, text, want);
    });
  }
});

describe("tile scale", () => {
  /** A program of `n` tasks in rounds of put, arrival, gemm and swiglu. */
  function bigProgram(n: number): string {
    const lines = ["tile.program @fwd_rank0 rank 0 ep 8 {", "  tile.buffer input @xs : memref<4096x64xbf16>", "  tile.buffer symmetric @xin : memref<65536x64xbf16>", "  tile.buffer input @w : memref<6x64x32xbf16>", "  tile.buffer workspace @h : memref<65536x32xbf16>", "  tile.buffer workspace @a : memref<65536x16xbf16>"];
    const sinks: string[] = [];
    for (let i = 0; 4 * i < n; i++) {
      const r = (i * 16) % 65536;
      const peer = 1 + (i % 7);
      lines.push(`  %p${i} = tile.put @xs[${(i * 16) % 4096}:${((i * 16) % 4096) + 16}, 0:64] -> rank ${peer} @xin[${r}:${r + 16}, 0:64] signal ${i} {stage = dispatch, bytes = 2048}`);
      lines.push(`  %r${i} = tile.arrival @xin[${r}:${r + 16}, 0:64] from rank ${peer} signal ${i}`);
      lines.push(`  %g${i} = tile.gemm @xin[${r}:${r + 16}, 0:64], @w[${i % 6}:${(i % 6) + 1}, 0:64, 0:32] -> @h[${r}:${r + 16}, 0:32] after(%r${i}) {stage = gmm1, flops = 65536}`);
      lines.push(`  %s${i} = tile.swiglu @h[${r}:${r + 16}, 0:32] -> @a[${r}:${r + 16}, 0:16] after(%g${i}) {stage = swiglu}`);
      sinks.push(`%p${i}`, `%s${i}`);
    }
    lines.push(`  tile.terminate ${sinks.join(", ")}`, "}");
    return lines.join("\n");
  }
  it("verifies and prints in time linear in the number of tasks", () => {
    expectLinearVerifyAndPrint(bigProgram, 1000);
  }, 120_000);
});
