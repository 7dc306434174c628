// tile-stats and tile-race-check on hand-written tile IR (custom form): two
// ranks exchanging puts, racy variants, a cross-rank deadlock and unmatched
// puts/arrivals, through hpmoe-opt in-process.

import { describe, expect, it } from "vitest";
import { runOpt } from "../../src/cli/opt-main.js";
import { Context } from "../../src/ir/context.js";
import { parseSourceString } from "../../src/index.js";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { TileGraph } from "../../passes/tile-graph.js";
import { computeTileStats } from "../../passes/tile-stats.js";
import { findRaces } from "../../passes/tile-race-check.js";

function opt(text: string, pipeline: string): { err: string; code: number } {
  let err = "";
  const code = runOpt("hpmoe-opt", [`--pass-pipeline=builtin.module(${pipeline})`, "-o", "/dev/null", "-"], {
    readStdin: () => new TextEncoder().encode(text),
    stdout: () => {},
    stderr: (t) => (err += t),
  });
  return { err, code };
}

/**
 * Rank r of a two-rank forward piece (tile dialect custom form): put 2 rows
 * of @xsend into the peer's @recv at rows [2r, 2r+2), a GEMM on the 2 rows
 * that land here from the peer (after a join of the arrival), a SwiGLU on @h.
 * `gemmDeps` / `swigluDeps` let a test drop dependencies; `putDeps` makes the
 * put wait too.
 */
function rankProgram(r: number, opts: { gemmDeps?: string; swigluDeps?: string; putDeps?: string; signal?: number } = {}): string {
  const peer = 1 - r;
  const after = (deps: string | undefined) => (deps ? ` after(${deps})` : "");
  return `  tile.program @fwd_rank${r} rank ${r} ep 2 {
    tile.buffer input @xsend : memref<4x4xbf16>
    tile.buffer symmetric @recv : memref<4x4xbf16>
    tile.buffer input @w13 : memref<1x4x4xbf16>
    tile.buffer workspace @h : memref<2x4xbf16>
    tile.buffer workspace @a : memref<2x2xbf16>
    %a = tile.arrival @recv[${2 * peer}:${2 * peer + 2}, 0:4] from rank ${peer} signal 0
    %p = tile.put @xsend[0:2, 0:4] -> rank ${peer} @recv[${2 * r}:${2 * r + 2}, 0:4] signal ${opts.signal ?? 0}${after(opts.putDeps)} {stage = dispatch, bytes = 16, bytes_sent = 16}
    %j = tile.join %a
    %g = tile.gemm @recv[${2 * peer}:${2 * peer + 2}, 0:4], @w13[0:1, 0:4, 0:4] -> @h[0:2, 0:4]${after(opts.gemmDeps ?? "%j")} {stage = gmm1, flops = 256, bytes = 96}
    %s = tile.swiglu @h[0:2, 0:4] -> @a[0:2, 0:2]${after(opts.swigluDeps ?? "%g")} {stage = swiglu, flops = 32, bytes = 48}
    tile.terminate %p, %j, %g, %s
  }
`;
}

const module = (...programs: string[]) => `module {\n${programs.join("")}}\n`;
/** `line:col` of the op on the first line containing `needle` (after its result name). */
function locOf(text: string, needle: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  return `${i + 1}:${lines[i]!.indexOf("tile.") + 1}`;
}

describe("tile-stats", () => {
  it("counts tasks per stage and unit and finds the critical path over both ranks", () => {
    const { err, code } = opt(module(rankProgram(0), rankProgram(1)), "tile-stats");
    expect(code).toBe(0);
    const lines = err.split("\n").filter((l) => l.includes("remark:"));
    expect(lines).toHaveLength(3);
    // Per rank: a put (dispatch), a gemm, a swiglu; the local chain is arrival -> join -> gemm (96 bytes) -> swiglu (48).
    expect(lines[0]).toBe("<stdin>:2:3: remark: tile-stats: 3 tasks (dispatch 1, gmm1 1, swiglu 1), aic 1, aiv 2, joins 1, arrivals 1, critical path 2 tasks / 288 flops / 144 bytes, acyclic");
    expect(lines[1]).toContain("remark: tile-stats: 3 tasks (dispatch 1, gmm1 1, swiglu 1), aic 1, aiv 2, joins 1, arrivals 1, critical path 2 tasks");
    // Across ranks the peer's put (16 local + 16 sent bytes) comes first: 3 tasks, 176 bytes.
    expect(lines[2]).toBe("<stdin>:1:1: remark: tile-stats: 2 programs: 6 tasks (dispatch 2, gmm1 2, swiglu 2), aic 2, aiv 4, joins 2, arrivals 2, critical path 3 tasks / 288 flops / 176 bytes, acyclic");
  });

  it("reports a cross-rank deadlock (each put waits for the other's arrival) as a cycle", () => {
    const text = module(rankProgram(0, { putDeps: "%a" }), rankProgram(1, { putDeps: "%a" }));
    const { err, code } = opt(text, "tile-stats");
    expect(code).toBe(1);
    // Stuck: both arrivals, puts, joins, gemms, swiglus and terminators.
    expect(err).toContain(`<stdin>:${locOf(text, "tile.arrival")}: error: 'tile.arrival' op is on a dependency cycle (12 ops never become ready)`);
    expect(err).toContain("CYCLIC");
  });

  it("reports a put whose arrival is missing, and an arrival without a put", () => {
    const text = module(rankProgram(0), rankProgram(1, { signal: 5 }));
    const { err, code } = opt(text, "tile-stats");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, "rank 0 @recv[2:4, 0:4] signal 5")}: error: 'tile.put' op to rank 0 has no matching tile.arrival there`);
    expect(err).toContain(`<stdin>:${locOf(text, "tile.arrival @recv[2:4, 0:4] from rank 1")}: error: 'tile.arrival' op from rank 1 has no matching tile.put there`);
  });
});

describe("tile-race-check", () => {
  it("accepts reads ordered after their writers, directly, through joins and through put->arrival links", () => {
    expect(opt(module(rankProgram(0), rankProgram(1)), "tile-race-check")).toEqual({ err: "", code: 0 });
  });

  it("reports a GEMM that does not wait for the peer's put, with the writer as a note", () => {
    const text = module(rankProgram(0, { gemmDeps: "" }), rankProgram(1));
    const { err, code } = opt(text, "tile-race-check");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, "tile.gemm")}: error: 'tile.gemm' op reads @recv[2:4, 0:4] without depending on 'tile.put' on rank 1, which writes @recv[2:4, 0:4]`);
    expect(err).toContain(`<stdin>:${locOf(text, "rank 0 @recv[2:4, 0:4] signal 0")}: note: the writer`);
    expect(err.match(/error:/g)).toHaveLength(1);
  });

  it("reports a local read-after-write race (swiglu not after the gemm)", () => {
    const text = module(rankProgram(0, { swigluDeps: "%j" }), rankProgram(1));
    const { err, code } = opt(text, "tile-race-check");
    expect(code).toBe(1);
    expect(err).toContain(`<stdin>:${locOf(text, "tile.swiglu")}: error: 'tile.swiglu' op reads @h[0:2, 0:4] without depending on 'tile.gemm', which writes @h[0:2, 0:4]`);
  });

  it("checks one program alone, arrivals standing in for the peers' puts", () => {
    expect(opt(module(rankProgram(0)), "tile-race-check")).toEqual({ err: "", code: 0 });
    const { err, code } = opt(module(rankProgram(0, { gemmDeps: "" })), "tile-race-check");
    expect(code).toBe(1);
    expect(err).toContain("'tile.gemm' op reads @recv[2:4, 0:4] without depending on 'tile.arrival', which writes @recv[2:4, 0:4]");
  });

  it("scales without all-pairs: 600 row tiles (arrival -> gemm -> put) over one buffer", () => {
    const n = 600;
    const body: string[] = [];
    for (let i = 0; i < n; i++) {
      const rows = `${2 * i}:${2 * i + 2}`;
      body.push(`    %a${i} = tile.arrival @recv[${rows}, 0:4] from rank 1 signal ${i}`);
      body.push(`    %g${i} = tile.gemm @recv[${rows}, 0:4], @w13[0:1, 0:4, 0:4] -> @h[${rows}, 0:4] after(%a${i}) {stage = gmm1, flops = 1}`);
      body.push(`    %p${i} = tile.put @h[${rows}, 0:4] -> rank 1 @back[${rows}, 0:4] signal ${i} after(%g${i}) {stage = combine}`);
    }
    const sinks = Array.from({ length: n }, (_, i) => `%p${i}`).join(", ");
    const text = `module {
  tile.program @fwd_rank0 rank 0 ep 2 {
    tile.buffer symmetric @recv : memref<${2 * n}x4xbf16>
    tile.buffer symmetric @back : memref<${2 * n}x4xbf16>
    tile.buffer input @w13 : memref<1x4x4xbf16>
    tile.buffer workspace @h : memref<${2 * n}x4xbf16>
${body.join("\n")}
    tile.terminate ${sinks}
  }
}
`;
    const ctx = new Context();
    registerAllDialects(ctx);
    const root = parseSourceString(ctx, text)!;
    expect(root).toBeDefined();
    const g = new TileGraph(root);
    expect(g.problems).toEqual([]);
    const t0 = performance.now();
    expect(findRaces(g)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(5000);
    const s = computeTileStats(g);
    expect([s.tasks, s.arrivals, s.criticalTasks, s.criticalFlops]).toEqual([2 * n, n, 2, 1]);
  });
});
