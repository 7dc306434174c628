// Calibration: the cost model, run through the list scheduler on the
// DeepEP-style low-latency dispatch/combine scenario, reproduces the published
// A3 latencies within 15% (issue 6). Prints the error table.

import { describe, expect, it } from "vitest";
import { deepEpA3Anchors, modelAnchor } from "../../passes/schedule/deepep-anchors.js";
import { CostModel } from "../../src/target/cost-model.js";
import { loadTarget, type HardwareProfile } from "../../src/target/hardware-profile.js";

describe("cost model calibration (A3, peers.md §6.4)", () => {
  it("reproduces DeepEP-style dispatch/combine latency within 15%", () => {
    const model = new CostModel(loadTarget("a3-die") as HardwareProfile);
    const rows = deepEpA3Anchors.map((a) => {
      const ours = modelAnchor(model, a);
      return { anchor: a.name, measured_us: a.measured, model_us: Number(ours.toFixed(1)), error: `${(((ours - a.measured) / a.measured) * 100).toFixed(1)}%`, rel: Math.abs(ours - a.measured) / a.measured };
    });
    console.table(rows.map(({ rel: _rel, ...r }) => r));
    for (const r of rows) expect(r.rel, r.anchor).toBeLessThanOrEqual(0.15);
  });
});
