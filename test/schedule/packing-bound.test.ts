// The packed span against brute force: never above the optimum of P||Cmax,
// never below the mean or the longest task, and tight where the sizes force
// a remainder.

import { describe, expect, it } from "vitest";
import { packedSpan } from "../../passes/schedule/packing-bound.js";
import { SeededRandom } from "../../src/layer/seeded-random.js";

const span = (durations: number[], units: number) => packedSpan(Float64Array.from(durations), durations.map((_, i) => i), units);

/** The optimal span by trying every assignment of tasks to cores (k^n, small inputs only). */
function optimum(durations: number[], units: number): number {
  const load = new Float64Array(units);
  let best = Infinity;
  const place = (i: number, used: number): void => {
    if (i === durations.length) {
      best = Math.min(best, Math.max(...load));
      return;
    }
    // Empty cores are interchangeable: try only the first one.
    for (let c = 0; c < Math.min(units, used + 1); c++) {
      load[c]! += durations[i]!;
      if (load[c]! < best) place(i + 1, Math.max(used, c + 1));
      load[c]! -= durations[i]!;
    }
  };
  place(0, 0);
  return best;
}

/** The optimal span of a tasks of p1 and b of p2 on `units` cores, by a DP over cores (exact for two sizes). */
function twoSizeOptimum(p1: number, a: number, p2: number, b: number, units: number): number {
  const fits = (c: number) => {
    let most = new Float64Array(a + 1).fill(-Infinity);
    most[0] = 0;
    for (let k = 0; k < units; k++) {
      const next = new Float64Array(a + 1).fill(-Infinity);
      for (let s = 0; s <= a; s++)
        if (most[s]! > -Infinity)
          for (let x = 0; s + x <= a && x * p1 <= c + 1e-9; x++) next[s + x] = Math.max(next[s + x]!, most[s]! + Math.floor((c - x * p1) / p2 + 1e-9));
      most = next;
    }
    return most[a]! >= b;
  };
  // The optimum is a sum x * p1 + y * p2: the smallest such value that fits.
  const candidates: number[] = [];
  for (let x = 0; x <= a; x++) for (let y = 0; y <= b; y++) candidates.push(x * p1 + y * p2);
  return candidates.sort((u, v) => u - v).find((c) => c >= (a * p1 + b * p2) / units - 1e-9 && fits(c))!;
}

describe("packed span", () => {
  it("rounds the mean up to whole tasks", () => {
    // Bisection stops within 1e-9 of the span, on the low (safe) side.
    expect(span([10, 10, 10], 2)).toBeCloseTo(20, 6);
    expect(span([10, 10, 10], 2)).toBeLessThanOrEqual(20);
    expect(span([5, 5, 5, 5], 2)).toBe(10);
    expect(span([7], 4)).toBe(7);
    expect(span([6, 6, 4, 4, 4], 2)).toBeCloseTo(12, 6);
    expect(span([], 3)).toBe(0);
  });

  it("two sizes that do not split evenly: 512 x 17.94 and 896 x 6.05 on 24 cores (a DeepSeek-V3 EP8 decode rank)", () => {
    const durations = [...Array<number>(512).fill(17.94), ...Array<number>(896).fill(6.05)];
    const mean = (512 * 17.94 + 896 * 6.05) / 24;
    const exact = twoSizeOptimum(17.94, 512, 6.05, 896, 24);
    const s = span(durations, 24);
    expect(s).toBeGreaterThan(mean + 1);
    expect(s).toBeLessThanOrEqual(exact + 1e-9);
    // The relaxation loses nothing here: within the bisection's tolerance of the exact optimum.
    expect(exact - s).toBeLessThan(1e-6 * exact);
  });

  it("300 random small sets: max(mean, longest) <= packed span <= optimum", () => {
    const rng = new SeededRandom(11);
    let tighter = 0;
    for (let round = 0; round < 300; round++) {
      const units = 2 + (round % 3);
      const sizes = [1 + Math.floor(rng.next() * 9), 1 + Math.floor(rng.next() * 9), 0.5 + rng.next() * 3];
      const durations = Array.from({ length: 3 + (round % 7) }, () => sizes[Math.floor(rng.next() * sizes.length)]!);
      const s = span(durations, units);
      const floor = Math.max(durations.reduce((x, y) => x + y, 0) / units, ...durations);
      expect(s, `round ${round}`).toBeGreaterThanOrEqual(floor - 1e-9);
      expect(s, `round ${round}`).toBeLessThanOrEqual(optimum(durations, units) + 1e-9);
      if (s > floor + 1e-6) tighter++;
    }
    // The packing term must matter on a good share of them, or it is not worth its code.
    expect(tighter).toBeGreaterThan(30);
  });
});
