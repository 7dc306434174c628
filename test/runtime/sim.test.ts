// The simulator on hand-built queue programs whose times follow from the
// profile's figures: flags inside an AI Core, GM counters with thresholds,
// puts with remote signals, link contention, and deadlocks.

import { describe, expect, it } from "vitest";
import { simMetrics } from "../../src/runtime/sim/sim-metrics.js";
import { simulateQueues } from "../../src/runtime/sim/simulate.js";
import { SimInputError } from "../../src/runtime/sim/sim-result.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";
import { a3, crossCore, fig, gemm, gmCounter, program, put, remote, signal, signalRemote, swiglu, wait } from "./sim-fixtures.js";

const lat = fig.latencies;
/** us of a put of `bytes` to a near peer, up to its landing (the signal is a separate op). */
const putLanding = (bytes: number) => lat.put_issue.value + fig.links.peer_latency.value + bytes / (fig.links.peer_bandwidth.value * 1e3);
/** us the rank's egress link carries `bytes`. */
const linkTime = (bytes: number) => bytes / (fig.links.injection_bandwidth.value * 1e3);
const swigluMicros = (rows: number, cols: number) => a3.vectorMicros(10 * rows * cols, 2 * (rows * cols + rows * 2 * cols));
const startOf = (r: ReturnType<typeof simulateQueues>, rank: number, task: number) => r.tasks.find((t) => t.rank === rank && t.task === task)!;

describe("sim: events inside one rank", () => {
  it("a GEMM on the AIC hands its tile to a SwiGLU on an AIV through a cross-core flag", () => {
    const p = program(0, 1, 1, [crossCore("f", 0, 3)], {
      "aic 0": [gemm(0, 128, 256, 256), signal("f")],
      "aiv 0.0": [wait("f"), swiglu(1, 128, 128)],
    });
    const r = simulateQueues([p], a3);
    const g = a3.gemmMicros(128, 256, 256);
    expect(startOf(r, 0, 0).end).toBeCloseTo(g, 9);
    expect(startOf(r, 0, 1).start).toBeCloseTo(g + lat.cross_core_flag.value, 9);
    expect(r.makespan).toBeCloseTo(g + lat.cross_core_flag.value + swigluMicros(128, 128), 9);
    expect(r.blocked).toEqual([]);
    // The AIV waited on the flag from 0 until the set landed.
    expect(r.slices).toEqual([{ queue: 1, what: "wait", event: "f", start: 0, end: startOf(r, 0, 1).start }]);
  });

  it("a GM counter with threshold 2 releases its waiter after the later of two signals, plus the atomic and a poll", () => {
    const p = program(0, 1, 2, [gmCounter("c", 0, 2)], {
      "aiv 0.0": [swiglu(0, 64, 128), signal("c")],
      "aiv 1.0": [swiglu(1, 256, 128), signal("c")],
      "aic 0": [wait("c"), gemm(2, 128, 128, 128)],
    });
    const r = simulateQueues([p], a3);
    const later = Math.max(swigluMicros(64, 128), swigluMicros(256, 128));
    expect(startOf(r, 0, 2).start).toBeCloseTo(later + lat.dma_atomic.value + lat.poll.value, 9);
  });

  it("a wait that finds its counter already reached passes at once (no extra poll)", () => {
    const p = program(0, 1, 1, [gmCounter("c", 0, 1)], {
      "aiv 0.0": [signal("c")],
      "aic 0": [gemm(0, 128, 128, 128), wait("c"), gemm(1, 128, 128, 128)],
    });
    const r = simulateQueues([p], a3);
    expect(startOf(r, 0, 1).start).toBeCloseTo(a3.gemmMicros(128, 128, 128), 9);
  });
});

describe("sim: across ranks", () => {
  it("a put and its remote signal: the peer's GEMM starts after landing, the signal and a poll", () => {
    const bytes = 65536;
    const p0 = program(0, 2, 1, [], { "aiv 0.0": [put(0, 1, bytes), signalRemote("r", 1)] });
    const p1 = program(1, 2, 1, [remote("r", 0, 1)], { "aic 0": [wait("r"), gemm(0, 128, 256, 256)] });
    const r = simulateQueues([p1, p0], a3);
    expect(startOf(r, 0, 0).end).toBeCloseTo(putLanding(bytes), 9);
    expect(startOf(r, 1, 0).start).toBeCloseTo(putLanding(bytes) + lat.remote_signal.value + lat.poll.value, 9);
    // Task time of the put and its signal together is the cost model's put.
    expect(putLanding(bytes) + lat.remote_signal.value).toBeCloseTo(a3.putMicros(bytes, 0, 1), 9);
    const s = r.slices.find((x) => x.what === "signal_remote")!;
    expect(s.end - s.start).toBeCloseTo(lat.remote_signal.value, 12);
  });

  it("two puts of one rank share its egress link: the second waits for the first's bytes", () => {
    const bytes = 1 << 20;
    const p0 = program(0, 2, 1, [], {
      "aiv 0.0": [put(0, 1, bytes, 0), signalRemote("r", 1)],
      "aiv 0.1": [put(1, 1, bytes, 1), signalRemote("r", 1)],
    });
    const p1 = program(1, 2, 1, [remote("r", 0, 2)], { "aic 0": [wait("r")] });
    const r = simulateQueues([p0, p1], a3);
    const first = startOf(r, 0, 0);
    const second = startOf(r, 0, 1);
    expect(first.start).toBe(0);
    expect(second.start).toBe(0);
    expect(first.end).toBeCloseTo(putLanding(bytes), 9);
    expect(second.end).toBeCloseTo(putLanding(bytes) + linkTime(bytes), 9);
    expect([second.linkStart, second.linkEnd]).toEqual([first.linkEnd, first.linkEnd + linkTime(bytes)]);
    const m = simMetrics(r);
    expect(r.makespan).toBeCloseTo(second.end + lat.remote_signal.value + lat.poll.value, 9);
    expect(m.linkUtilization).toBeCloseTo((2 * linkTime(bytes)) / (2 * r.makespan), 9);
    // No compute at all: every instant a put or signal is in flight is exposed, on both ranks.
    expect(m.exposedCommByRank[0]).toBeCloseTo(second.end + lat.remote_signal.value, 9);
  });

  it("a destination's ingress takes bytes in the order they leave their links", () => {
    // Rank 0's two puts start at 0, the second behind the first on rank 0's link; rank 1's put starts
    // after a SwiGLU, before that link frees, so its bytes reach rank 2 between rank 0's two.
    const bytes = 1 << 20;
    const p0 = program(0, 3, 1, [], { "aiv 0.0": [put(0, 2, bytes, 0)], "aiv 0.1": [put(1, 2, bytes, 1)] });
    const p1 = program(1, 3, 1, [], { "aiv 0.0": [swiglu(0, 16, 16), put(1, 2, bytes, 2)] });
    const r = simulateQueues([p0, p1, program(2, 3, 1, [], {})], a3);
    const [first, second, other] = [startOf(r, 0, 0), startOf(r, 0, 1), startOf(r, 1, 1)];
    const link = linkTime(bytes);
    expect(other.start).toBeGreaterThan(0);
    expect(other.start).toBeLessThan(link);
    expect([first.linkStart, second.linkStart, other.linkStart]).toEqual([0, link, other.start]);
    // Rank 2 takes rank 0's first put, then rank 1's, then rank 0's second.
    expect(first.end).toBeCloseTo(putLanding(bytes), 9);
    expect(other.end).toBeCloseTo(link + putLanding(bytes), 9);
    expect(second.end).toBeCloseTo(2 * link + putLanding(bytes), 9);
    // The result lists tasks in start order, though rank 1's put was timed before rank 0's second.
    const starts = r.tasks.map((t) => t.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(r.tasks.indexOf(second)).toBeLessThan(r.tasks.indexOf(other));
  });
});

describe("sim: metrics", () => {
  it("utilization counts task time per launched core; exposed communication is comm time no compute hides", () => {
    const bytes = 1 << 20;
    const p0 = program(0, 2, 1, [], { "aic 0": [gemm(0, 128, 256, 256)], "aiv 0.0": [put(1, 1, bytes), signalRemote("r", 1)] });
    const p1 = program(1, 2, 1, [remote("r", 0, 1)], { "aiv 0.1": [wait("r"), swiglu(0, 128, 128)] });
    const r = simulateQueues([p0, p1], a3);
    const g = a3.gemmMicros(128, 256, 256);
    const sent = putLanding(bytes) + lat.remote_signal.value;
    expect(g).toBeLessThan(sent);
    const m = simMetrics(r);
    const makespan = sent + lat.poll.value + swigluMicros(128, 128);
    expect(m.makespanUs).toBeCloseTo(makespan, 9);
    // Per rank: 1 AIC and 2 AIVs launched.
    expect(m.aicUtilization).toBeCloseTo(g / (2 * makespan), 9);
    expect(m.aivUtilization).toBeCloseTo((putLanding(bytes) + swigluMicros(128, 128)) / (4 * makespan), 9);
    // Rank 0 computes during the first g us of its put; rank 1 receives the put (not its signal) with nothing to compute.
    expect(m.exposedCommByRank).toEqual([expect.closeTo(sent - g, 9), expect.closeTo(putLanding(bytes), 9)]);
    expect(m.exposedCommUs).toBeCloseTo((sent - g + putLanding(bytes)) / 2, 9);
  });
});

describe("sim: per-peer links (a2-910b: 28 GB/s to each peer, 196 GB/s out of the rank)", () => {
  const a2 = new CostModel(loadTarget("a2-910b") as HardwareProfile);
  const links = a2.profile.links;
  const bytes = 1 << 20;
  const pairTime = bytes / (links.peer_bandwidth.value * 1e3);
  const landing = a2.profile.latencies.put_issue.value + links.peer_latency.value + pairTime;
  const run = (peers: [number, number]) =>
    simulateQueues(
      [
        program(0, 3, 1, [], { "aiv 0.0": [put(0, peers[0], bytes, 0), signalRemote("r", peers[0])], "aiv 0.1": [put(1, peers[1], bytes, 1), signalRemote("r", peers[1])] }),
        program(1, 3, 1, [remote("r", 0, peers.filter((p) => p === 1).length)], {}),
        program(2, 3, 1, [remote("r", 0, peers.filter((p) => p === 2).length)], {}),
      ],
      a2,
    );
  it("two puts to one peer queue on the link between them", () => {
    const r = run([1, 1]);
    expect(startOf(r, 0, 1).end).toBeCloseTo(pairTime + landing, 9);
  });
  it("puts to two peers share only the rank's egress link", () => {
    const r = run([1, 2]);
    expect(startOf(r, 0, 1).end).toBeCloseTo(bytes / (links.injection_bandwidth.value * 1e3) + landing, 9);
  });
});

describe("sim: deadlocks and bad input", () => {
  it("two cores waiting on each other's signals are reported with their events", () => {
    const p = program(0, 1, 1, [gmCounter("a", 0, 1), gmCounter("b", 1, 1)], {
      "aic 0": [wait("a"), signal("b")],
      "aiv 0.1": [wait("b"), signal("a")],
    });
    const r = simulateQueues([p], a3);
    expect(r.blocked.map((b) => b.reason)).toEqual([
      "rank 0 aic 0: waits on @a (gm_counter 0: 0 of 1 signals)",
      "rank 0 aiv 0.1: waits on @b (gm_counter 1: 0 of 1 signals)",
    ]);
  });

  it("a cross-core wait without enough sets is a deadlock naming the flag", () => {
    const p = program(0, 1, 1, [crossCore("f", 0, 4, 2)], { "aic 0": [signal("f")], "aiv 0.0": [wait("f")] });
    expect(simulateQueues([p], a3).blocked.map((b) => b.reason)).toEqual(["rank 0 aiv 0.0: waits on @f (cross_core flag 4 of AI Core 0: 1 of 2 sets)"]);
  });

  it("more than cross_core_pending unconsumed sets on one flag are reported", () => {
    const n = fig.events.cross_core_pending.value + 1;
    const p = program(0, 1, 1, [crossCore("f", 0, 0, n)], { "aic 0": Array.from({ length: n }, () => signal("f")), "aiv 0.0": [wait("f")] });
    const r = simulateQueues([p], a3);
    expect(r.blocked).toEqual([]);
    expect(r.flagOverflows).toHaveLength(1);
    expect(r.flagOverflows[0]).toMatch(/^rank 0: flag 0 of AI Core 0 holds more than 15 pending sets/);
  });

  it("rejects unknown events, signal_remote to a missing rank and cores outside the profile", () => {
    expect(() => simulateQueues([program(0, 1, 1, [], { "aic 0": [wait("nope")] })], a3)).toThrow(new SimInputError("rank 0: no event @nope in its program"));
    expect(() => simulateQueues([program(0, 2, 1, [], { "aiv 0.0": [signalRemote("r", 1)] })], a3)).toThrow(/signal_remote to rank 1, which has no program here/);
    expect(() => simulateQueues([program(0, 1, 25, [], {})], a3)).toThrow(/aic queue core 24 sub 0 is not a core of the profile \(24 AI Cores x 2 AIVs\)/);
  });
});
