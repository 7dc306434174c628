// The simulator's outputs: Chrome trace JSON (valid, one thread per core and
// per link, deterministic) and the SVG Gantt chart (well-formed XML, one row
// per core, aggregated rows for a full EP8 launch, deterministic).

import { describe, expect, it } from "vitest";
import { chromeTraceJson } from "../../src/runtime/sim/chrome-trace.js";
import { ganttSvg } from "../../src/runtime/sim/gantt-svg.js";
import { simulateQueues } from "../../src/runtime/sim/simulate.js";
import type { QueueEntry } from "../../dialects/queue-model.js";
import { a3, crossCore, gemm, program, put, remote, signal, signalRemote, swiglu, wait } from "./sim-fixtures.js";

/** Two ranks: each sends a tile to the other, which runs a GEMM then a SwiGLU handed over by a flag. */
function twoRanks() {
  const rank = (r: number) =>
    program(r, 2, 2, [remote("in", 0, 1), crossCore("f", 0, 1)], {
      "aiv 1.0": [put(0, 1 - r, 65536), signalRemote("in", 1 - r)],
      "aic 0": [wait("in"), gemm(1, 128, 256, 256), signal("f")],
      "aiv 0.1": [wait("f"), swiglu(2, 128, 128)],
    });
  return simulateQueues([rank(0), rank(1)], a3);
}

/** Well-formedness: every tag closes in order, attributes are quoted, no stray '<' or '&'. */
function checkXml(text: string): { elements: Map<string, number> } {
  const stack: string[] = [];
  const elements = new Map<string, number>();
  const re = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(text))) {
    pos = re.lastIndex;
    if (m[5] !== undefined) {
      expect(m[5]).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop()).toBe(name);
    else {
      elements.set(name!, (elements.get(name!) ?? 0) + 1);
      if (!selfClose) stack.push(name!);
    }
  }
  expect(pos).toBe(text.length);
  expect(stack).toEqual([]);
  return { elements };
}

describe("sim outputs", () => {
  it("the Chrome trace is valid JSON with a process per rank and a thread per core and per link", () => {
    const r = twoRanks();
    const text = chromeTraceJson(r);
    const trace = JSON.parse(text) as { traceEvents: { name: string; ph: string; pid: number; tid: number; ts?: number; dur?: number; args: Record<string, unknown> }[] };
    const meta = trace.traceEvents.filter((e) => e.ph === "M");
    expect(meta.filter((e) => e.name === "process_name").map((e) => e.args["name"])).toEqual(["rank 0", "rank 1"]);
    const threads = meta.filter((e) => e.name === "thread_name");
    // 2 AICs + 4 AIVs launched per rank, plus the link.
    expect(threads.length).toBe(2 * (6 + 1));
    expect(new Set(threads.map((e) => `${e.pid}/${e.tid}`)).size).toBe(threads.length);
    const per = r.coresPerRank;
    expect(threads.filter((e) => e.pid === 0).map((e) => [e.tid, e.args["name"]])).toEqual([
      [per, "link (egress)"], [0, "aic 0"], [1, "aic 1"], [24, "aiv 0.0"], [25, "aiv 0.1"], [26, "aiv 1.0"], [27, "aiv 1.1"],
    ]);
    const tasks = trace.traceEvents.filter((e) => e.ph === "X" && /^(put|gemm|swiglu) \d+$/.test(e.name));
    expect(tasks.length).toBe(r.tasks.length);
    const gemm0 = tasks.find((e) => e.pid === 0 && e.name === "gemm 1")!;
    expect(gemm0.tid).toBe(0);
    expect(gemm0.args).toEqual({ task: 1, stage: "gmm1" });
    expect(trace.traceEvents.filter((e) => e.ph === "X" && e.tid === per).map((e) => e.name)).toEqual(["put 0 -> rank 1", "put 0 -> rank 0"]);
    expect(chromeTraceJson(twoRanks())).toBe(text);
  });

  it("the Gantt chart is well-formed SVG with one row per core and a link row per rank, same bytes twice", () => {
    const svg = ganttSvg(twoRanks(), { title: "two ranks" });
    const { elements } = checkXml(svg);
    expect(elements.get("svg")).toBe(1);
    for (const label of ["aic 0", "aic 1", "aiv 0.0", "aiv 1.1", "link", "rank 0", "rank 1"]) expect(svg).toContain(`>${label}</text>`);
    // Bars: 3 tasks per rank, 1 link interval per rank, plus 3 legend swatches and the background.
    expect(elements.get("rect")).toBe(2 * 4 + 3 + 1);
    expect(ganttSvg(twoRanks(), { title: "two ranks" })).toBe(svg);
  });

  it("at EP8 x 72 cores the chart aggregates cores into fewer rows and says so", () => {
    const queues: Record<string, QueueEntry[]> = {};
    for (let c = 0; c < 24; c++) {
      queues[`aic ${c}`] = [gemm(c, 128, 256, 256)];
      queues[`aiv ${c}.0`] = [swiglu(100 + c, 128, 128)];
      queues[`aiv ${c}.1`] = [swiglu(200 + c, 128, 128)];
    }
    const r = simulateQueues(Array.from({ length: 8 }, (_, rank) => program(rank, 8, 24, [], queues)), a3);
    const svg = ganttSvg(r);
    checkXml(svg);
    // 8 x (24 + 48 + 1) = 584 rows > 240: groups of 3 give 8 x (8 + 16 + 1) = 200 rows.
    expect(svg).toContain("each row aggregates 3 cores (opacity 1/3 per core)");
    expect(svg).toContain(">aic 0-2</text>");
    expect(svg).toContain(">aiv 0.0-1.0</text>");
  });
});
