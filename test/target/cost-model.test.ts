// The cost model's shape: rooflines, fractal padding, put cost affine in bytes.

import { describe, expect, it } from "vitest";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

const model = new CostModel(loadTarget("a3-die") as HardwareProfile);

describe("cost model", () => {
  it("a large GEMM tile runs near efficiency x per-core cube peak", () => {
    const [m, n, k] = [1024, 1024, 7168];
    const t = model.gemmMicros(m, n, k);
    const ideal = (2 * m * n * k) / model.cubeFlopsPerUs("bf16");
    expect(t).toBeGreaterThan(ideal / model.knobs.cubeEfficiency);
    expect(t).toBeLessThan(ideal / model.knobs.cubeEfficiency + 2 * model.knobs.taskOverheadUs);
  });
  it("a skinny GEMM is bound by bytes, and a ragged one pays for padding fractals", () => {
    const skinny = model.gemmMicros(1, 4096, 7168);
    const memory = ((7168 + 7168 * 4096) * 2) / model.l2BytesPerUs(model.aicCount) + (4096 * 2) / model.hbmBytesPerUs(model.aicCount);
    expect(skinny - model.knobs.taskOverheadUs).toBeCloseTo(memory, 6);
    expect(memory).toBeGreaterThan((2 * 4096 * 7168) / (model.cubeFlopsPerUs() * model.knobs.cubeEfficiency));
    const aligned = model.gemmMicros(128, 256, 4096) - model.knobs.taskOverheadUs;
    const ragged = model.gemmMicros(113, 256, 4096) - model.knobs.taskOverheadUs;
    expect(ragged / aligned).toBeGreaterThan(0.95);
    expect(ragged / aligned).toBeLessThanOrEqual(1);
  });
  it("costs grow with every size", () => {
    let last = 0;
    for (const m of [16, 64, 128, 512, 2048]) {
      const t = model.gemmMicros(m, 256, 2048);
      expect(t).toBeGreaterThan(last);
      last = t;
    }
    expect(model.vectorMicros(1e6, 4e6)).toBeGreaterThan(model.vectorMicros(1e5, 4e5));
  });
  it("a put is affine in bytes, dearer across the scale-up boundary", () => {
    const a = model.putMicros(0, 0, 1);
    const b = model.putMicros(1 << 20, 0, 1);
    const c = model.putMicros(2 << 20, 0, 1);
    expect(c - b).toBeCloseTo(b - a, 9);
    expect(b - a).toBeCloseTo((1 << 20) / (model.profile.links.peer_bandwidth.value * 1e3), 9);
    const a2 = new CostModel(loadTarget("a2-910b") as HardwareProfile);
    expect(a2.putMicros(1 << 20, 0, 9)).toBeGreaterThan(a2.putMicros(1 << 20, 0, 7));
  });
});
