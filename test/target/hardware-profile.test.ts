// Hardware profiles: the shipped ones read cleanly and agree with the
// reference facts codegen relies on; malformed ones give located errors.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTarget, readHardwareProfile, shippedTargets, targetsDir, type HardwareProfile, type ProfileError } from "../../src/target/hardware-profile.js";
import { profileSchema } from "../../src/target/profile-schema.js";

const shipped = (name: string): HardwareProfile => {
  const p = loadTarget(name);
  if (Array.isArray(p)) throw new Error(p.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join("\n"));
  return p;
};
const errors = (text: string) => (readHardwareProfile(text, "t.yaml") as ProfileError[]).map((e) => `${e.line}:${e.col}: ${e.message}`);

describe("shipped hardware profiles", () => {
  it.each(shippedTargets)("%s reads cleanly, every figure has a unit and a source", (name) => {
    const p = shipped(name);
    expect(p.name).toBe(name);
    for (const [section, figures] of Object.entries(profileSchema))
      for (const [figure, spec] of Object.entries(figures)) {
        const f = (p as unknown as Record<string, Record<string, { unit: string; source: string }>>)[section]![figure]!;
        expect(f.unit).toBe(spec.unit);
        expect(f.source.length).toBeGreaterThan(8);
      }
  });
  it("hold the A2/A3 facts the code generator relies on (ascend-a2a3.md §0, §6)", () => {
    for (const name of shippedTargets) {
      const p = shipped(name);
      expect(p.cores.aic.value).toBe(24);
      expect(p.cores.aiv_per_aic.value).toBe(2);
      expect(p.buffers.ub.value).toBe(192 * 1024);
      expect(p.buffers.l0c.value).toBe(128 * 1024);
      expect(p.events.cross_core_flag_ids.value).toBe(11);
      expect(p.events.cross_core_pending.value).toBe(15);
      expect(p.events.counter_stride.value).toBeGreaterThanOrEqual(64);
    }
    expect(shipped("a3-die").links.scale_up_size.value).toBe(768);
    expect(shipped("a2-910b").links.scale_up_size.value).toBe(8);
  });
  it("names the shipped set when a profile is missing", () => {
    const e = loadTarget("h100") as ProfileError[];
    expect(e[0]!.message).toBe("no hardware profile 'h100' (shipped: a2-910b, a3-die)");
  });
});

describe("malformed profiles", () => {
  const good = readFileSync(`${targetsDir()}/a3-die.yaml`, "utf8");
  const lineOf = (needle: string) => good.split("\n").findIndex((l) => l.includes(needle)) + 1;
  it("report unknown and missing keys at their node", () => {
    const e = errors(good.replace("  l0a:", "  l0x:"));
    expect(e).toContain(`${lineOf("  l0a:")}:3: unknown key 'l0x' in 'buffers' (expected one of: ub, ub_usable, l1, l0a, l0b, l0c, l2)`);
    expect(e).toContain(`${lineOf("  ub:")}:3: 'buffers' is missing 'l0a'`);
  });
  it("report wrong units, bad values and missing sources", () => {
    const line = lineOf("  aic:");
    expect(errors(good.replace("aic: {value: 24, unit: cores", "aic: {value: 24, unit: GHz"))).toEqual([
      `${line}:26: 'cores.aic' must be in cores (cube cores (AIC) per device; MIX launches use blockDim <= this)`,
    ]);
    expect(errors(good.replace("aic: {value: 24,", "aic: {value: 2.5,"))).toEqual([`${line}:16: 'cores.aic' must be a positive integer (got 2.5)`]);
    expect(errors(good.replace("peer_latency: {value: 0.5,", "peer_latency: {value: -1,"))[0]).toMatch(/'links.peer_latency' must not be negative \(got -1\)/);
    expect(errors(good.replace(/(poll: \{value: 0.2, unit: us, source: )"[^"]*"/, '$1"x"'))[0]).toMatch(/'latencies.poll' needs a source/);
  });
  it("report YAML syntax errors and non-mapping documents", () => {
    expect(errors("name: [a\n")[0]).toMatch(/^2:1: /);
    expect(errors("- a\n")).toEqual(["1:1: a hardware profile must be a mapping"]);
  });
});
