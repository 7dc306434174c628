// tile-stats and tile-race-check on hand-written tile IR (generic form, the
// tile dialect unregistered): two ranks exchanging puts, a racy variant, a
// cycle and an unmatched put, through hpmoe-opt in-process.

import { describe, expect, it } from "vitest";
import { runOpt } from "../../src/cli/opt-main.js";
import { Context } from "../../src/ir/context.js";
import { parseSourceString } from "../../src/index.js";
import { TileGraph } from "../../passes/tile-graph.js";
import { computeTileStats } from "../../passes/tile-stats.js";
import { findRaces } from "../../passes/tile-race-check.js";

function opt(text: string, pipeline: string): { err: string; code: number } {
  let err = "";
  const code = runOpt("hpmoe-opt", ["--allow-unregistered-dialect", `--pass-pipeline=builtin.module(${pipeline})`, "-o", "/dev/null", "-"], {
    readStdin: () => new TextEncoder().encode(text),
    stdout: () => {},
    stderr: (t) => (err += t),
  });
  return { err, code };
}

const sl = (buf: string, off: number[], size: number[]) => `[@${buf}, array<i64: ${off.join(", ")}>, array<i64: ${size.join(", ")}>]`;
const slices = (...s: string[]) => `[${s.join(", ")}]`;

/**
 * Rank r of a two-rank forward piece: put 2 rows of @xsend to the peer's
 * @recv rows [2r', ...), receive the peer's 2 rows, one GEMM on the 4 rows of
 * @recv (after its own put's local copy and the arrival), a SwiGLU on @h.
 * `gemmDeps` / `swigluDeps` let a test drop dependencies.
 */
function rankProgram(r: number, opts: { gemmDeps?: string; swigluDeps?: string; signal?: number } = {}): string {
  const peer = 1 - r;
  const types = (deps: string) => deps.split(",").map(() => "!tile.token").join(", ");
  const gemmDeps = opts.gemmDeps ?? "%j";
  const swigluDeps = opts.swigluDeps ?? "%g";
  const sig = opts.signal ?? 0;
  return `  "tile.program"() ({
    "tile.buffer"() {sym_name = "xsend", kind = 0 : i64} : () -> ()
    "tile.buffer"() {sym_name = "recv", kind = 2 : i64} : () -> ()
    %p = "tile.put"() {unit = 1 : i64, stage = 0 : i64, peer = ${peer} : i64, signal = ${sig} : i64, flops = 0 : i64, bytes = 16 : i64, bytes_sent = 16 : i64, reads = ${slices(sl("xsend", [0, 0], [2, 4]))}, writes = ${slices(sl("recv", [2 * r, 0], [2, 4]))}} : () -> !tile.token
    %l = "tile.put"() {unit = 1 : i64, stage = 0 : i64, peer = ${r} : i64, signal = 9 : i64, flops = 0 : i64, bytes = 32 : i64, bytes_sent = 0 : i64, reads = ${slices(sl("xsend", [2, 0], [2, 4]))}, writes = ${slices(sl("recv", [2 * r + 4, 0], [2, 4]))}} : () -> !tile.token
    %la = "tile.arrival"() {peer = ${r} : i64, signal = 9 : i64, writes = ${slices(sl("recv", [2 * r + 4, 0], [2, 4]))}} : () -> !tile.token
    %a = "tile.arrival"() {peer = ${peer} : i64, signal = 0 : i64, writes = ${slices(sl("recv", [2 * peer, 0], [2, 4]))}} : () -> !tile.token
    %j = "tile.join"(%a, %la) : (!tile.token, !tile.token) -> !tile.token
    %g = "tile.gemm"(${gemmDeps}) {unit = 0 : i64, stage = 1 : i64, flops = 256 : i64, bytes = 96 : i64, reads = ${slices(sl("recv", [0, 0], [4, 4]), sl("w13", [0, 0, 0], [1, 4, 4]))}, writes = ${slices(sl("h", [0, 0], [4, 4]))}} : (${types(gemmDeps)}) -> !tile.token
    %s = "tile.swiglu"(${swigluDeps}) {unit = 1 : i64, stage = 2 : i64, flops = 32 : i64, bytes = 48 : i64, reads = ${slices(sl("h", [0, 0], [4, 4]))}, writes = ${slices(sl("a", [0, 0], [4, 2]))}} : (${types(swigluDeps)}) -> !tile.token
    "tile.terminate"(%p, %l, %s) : (!tile.token, !tile.token, !tile.token) -> ()
  }) {sym_name = "fwd_rank${r}", rank = ${r} : i64, ep = 2 : i64} : () -> ()
`;
}

const module = (...programs: string[]) => `"builtin.module"() ({\n${programs.join("")}}) : () -> ()\n`;
/** `line:col` of the op (its quoted name) on the first line containing `needle`. */
function locOf(text: string, needle: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  return `${i + 1}:${lines[i]!.indexOf('"tile.') + 1}`;
}

describe("tile-stats", () => {
  it("counts tasks per stage and unit and finds the critical path over both ranks", () => {
    const { err, code } = opt(module(rankProgram(0), rankProgram(1, { gemmDeps: "%a, %la" })), "tile-stats");
    expect(code).toBe(0);
    const lines = err.split("\n").filter((l) => l.includes("remark:"));
    expect(lines).toHaveLength(3);
    // Per rank: 2 puts (dispatch), 1 gemm, 1 swiglu; aic 1, aiv 3; longest chain: the local put
    // (32 bytes) -> its arrival -> join -> gemm (96) -> swiglu (48).
    expect(lines[0]).toContain("<stdin>:2:3: remark: tile-stats: 4 tasks (dispatch 2, gmm1 1, swiglu 1), aic 1, aiv 3, joins 1, arrivals 2, critical path 3 tasks / 288 flops / 176 bytes, acyclic");
    expect(lines[1]).toContain("4 tasks (dispatch 2, gmm1 1, swiglu 1), aic 1, aiv 3, joins 1, arrivals 2");
    // Across ranks the peer's put (16 local + 16 sent bytes) also precedes a gemm: still 3 tasks, 176 bytes.
    expect(lines[2]).toContain("remark: tile-stats: 2 programs: 8 tasks (dispatch 4, gmm1 2, swiglu 2), aic 2, aiv 6, joins 2, arrivals 4, critical path 3 tasks / 288 flops / 176 bytes, acyclic");
  });

  it("reports a dependency cycle at an op on it (join -> gemm -> swiglu -> join, and the terminator behind it)", () => {
    const text = module(rankProgram(0).replace(`%j = "tile.join"(%a, %la)`, `%j = "tile.join"(%a, %la, %s)`).replace("(!tile.token, !tile.token) -> !tile.token\n    %g", "(!tile.token, !tile.token, !tile.token) -> !tile.token\n    %g"));
    const { err, code } = opt(text, "tile-stats");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, '"tile.join"')}: error: 'tile.join' op is on a dependency cycle (4 ops never become ready)`);
  });

  it("reports a put whose arrival is missing, and an arrival without a put", () => {
    const text = module(rankProgram(0), rankProgram(1, { signal: 5 }));
    const { err, code } = opt(text, "tile-stats");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, "peer = 0 : i64, signal = 5")}: error: 'tile.put' op put to rank 0 with signal 5 has no matching tile.arrival there`);
    expect(err).toContain(`<stdin>:${locOf(text, '"tile.arrival"() {peer = 1 : i64, signal = 0')}: error: 'tile.arrival' op arrival of signal 0 from rank 1 has no matching tile.put`);
  });
});

describe("tile-race-check", () => {
  it("accepts reads ordered after their writers, directly, through joins and through put->arrival links", () => {
    expect(opt(module(rankProgram(0), rankProgram(1)), "tile-race-check")).toEqual({ err: "", code: 0 });
  });

  it("reports a GEMM that does not wait for the peer's put, with the writer as a note", () => {
    const text = module(rankProgram(0, { gemmDeps: "%la" }), rankProgram(1));
    const { err, code } = opt(text, "tile-race-check");
    expect(code).toBe(1);
    const gemm = locOf(text, '"tile.gemm"');
    const peerPut = locOf(text, "peer = 0 : i64, signal = 0");
    expect(err).toContain(`<stdin>:${gemm}: error: 'tile.gemm' op reads @recv[0:4, 0:4] without depending on 'tile.put' on rank 1, which writes @recv[2:4, 0:4]`);
    expect(err).toContain(`<stdin>:${peerPut}: note: the writer`);
    expect(err.match(/error:/g)).toHaveLength(1);
  });

  it("reports a local read-after-write race (swiglu not after the gemm)", () => {
    const text = module(rankProgram(0, { swigluDeps: "%j" }), rankProgram(1));
    const { err, code } = opt(text, "tile-race-check");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, '"tile.swiglu"')}: error: 'tile.swiglu' op reads @h[0:4, 0:4] without depending on 'tile.gemm', which writes @h[0:4, 0:4]`);
  });

  it("checks one program alone, arrivals standing in for the peers' puts", () => {
    expect(opt(module(rankProgram(0)), "tile-race-check").code).toBe(0);
    const { err, code } = opt(module(rankProgram(0, { gemmDeps: "%la" })), "tile-race-check");
    expect(code).toBe(1);
    expect(err).toContain("'tile.gemm' op reads @recv[0:4, 0:4] without depending on 'tile.arrival', which writes @recv[2:4, 0:4]");
  });

  it("scales without all-pairs: a 1200-task chain of disjoint row tiles", () => {
    // One program: put i writes rows [2i, 2i+2) of @recv, gemm i reads them after put i.
    const n = 600;
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      body.push(`    %p${i} = "tile.put"() {unit = 1 : i64, stage = 0 : i64, peer = 0 : i64, signal = ${i} : i64, reads = ${slices(sl("xsend", [2 * i, 0], [2, 4]))}, writes = ${slices(sl("recv", [2 * i, 0], [2, 4]))}} : () -> !tile.token`);
      body.push(`    %a${i} = "tile.arrival"() {peer = 0 : i64, signal = ${i} : i64, writes = ${slices(sl("recv", [2 * i, 0], [2, 4]))}} : () -> !tile.token`);
      body.push(`    %g${i} = "tile.gemm"(%a${i}) {unit = 0 : i64, stage = 1 : i64, flops = 1 : i64, reads = ${slices(sl("recv", [2 * i, 0], [2, 4]))}, writes = ${slices(sl("h", [2 * i, 0], [2, 4]))}} : (!tile.token) -> !tile.token`);
    }
    const text = `"builtin.module"() ({\n  "tile.program"() ({\n${body.join("\n")}\n  }) {sym_name = "fwd_rank0", rank = 0 : i64} : () -> ()\n}) : () -> ()\n`;
    const ctx = new Context({ allowUnregisteredDialects: true });
    const root = parseSourceString(ctx, text)!;
    const g = new TileGraph(root);
    expect(g.problems).toEqual([]);
    const t0 = performance.now();
    expect(findRaces(g)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
    const s = computeTileStats(g);
    expect([s.tasks, s.arrivals, s.criticalTasks, s.criticalFlops]).toEqual([2 * n, n, 2, 1]);
  });
});
