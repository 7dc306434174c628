// `hpmoe bench schedule` on a small layer: one JSON row with the policies'
// makespans against the bound, the table with its goal marks and the two
// closing sections, and bad filters reported as one-line errors.

import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { goalMarks, runBenchSchedule } from "../../src/cli/bench-schedule.js";
import { runCommand } from "../support/run-command.js";

const SMALL = path.join(fileURLToPath(new URL("../../examples/", import.meta.url)), "small-ep2.yaml");

const bench = (args: string[]) => runCommand(runBenchSchedule, args);

describe("hpmoe bench schedule", () => {
  it("--json: one row per layer, ours between the bound and the reference", () => {
    const r = bench([SMALL, "--json", "--progress-interval=0"]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]!);
    expect(row).toMatchObject({ config: SMALL, ep: 2, tokens_per_rank: 32, pass: "forward", routing: "balanced" });
    for (const key of ["serialized_us", "reference_us", "ours_us", "bound_us", "gap", "aic_utilization", "exposed_comm_us"]) expect(typeof row[key]).toBe("number");
    expect(row.ours_us).toBeGreaterThanOrEqual(row.bound_us);
    expect(row.ours_plan_us).toBeGreaterThan(0);
    expect(row.ours_us).toBeLessThanOrEqual(row.reference_us);
    expect(Math.abs(row.ours_vs_serialized / (row.serialized_us / row.ours_us) - 1)).toBeLessThan(0.01);
    expect(r.err).toContain(`${SMALL}: ${row.tasks} tasks built`);
    expect(row.goals).toMatch(/^[yn-]{3}$/);
  });

  it("goal marks come from the makespans, not from the rounded ratios", () => {
    // serialized / bound = 1.5797 prints as 1.58x but leaves no room for 1.58x: impossible.
    expect(goalMarks(990.5, 906.7, 629.9, 627.0)).toBe("-yy");
    // 1.5808x met; the reference within 1.15x of the bound: impossible; gap 10.01%: missed.
    expect(goalMarks(1746.0, 1100.0, 1104.5, 1004.0)).toBe("y-n");
    expect(goalMarks(1000, 900, 640, 600)).toBe("nyy");
  });
  it("the table ends with the goals, the exhaustive-optimum comparison and the sanity lines", () => {
    const r = bench([SMALL]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^config +tasks +serial us +ref us +ours us +bound us +ours\/ser +ours\/ref +gap +AIC util +exposed us +best\/ser +goals$/);
    expect(lines[1]).toMatch(new RegExp(`^${SMALL.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} +\\d+ .* [-yn]{3}$`));
    expect(r.out).toMatch(/^goals \(y met, n missed, - impossible/m);
    expect(r.out).toMatch(/^ {2}random graphs: 60 graphs, ours optimal on \d+, mean ours\/optimum 1\.\d{3}, worst 1\.\d{3}$/m);
    expect(r.out).toMatch(/^ {2}tiny layers: 6 graphs/m);
    expect(r.out).toContain("serialized baseline vs the paper's motivation");
  });
  it("rejects a bad row filter", () => {
    const r = bench(["--ep=8,x"]);
    expect(r).toEqual({ code: 1, out: "", err: "hpmoe bench schedule: error: --ep: 'x' is not one of the allowed values\n" });
  });
});
