// Interval unions and lengths on hand-made cases.

import { describe, expect, it } from "vitest";
import { intervalUnion, lengthOutside, unionLength } from "../../passes/schedule/intervals.js";

describe("intervals", () => {
  it("merges overlapping and touching intervals, drops empty ones, in any input order", () => {
    expect(intervalUnion([5, 7, 0, 2, 1, 3, 3, 4, 9, 9, 8, 8.5])).toEqual([0, 4, 5, 7, 8, 8.5]);
    expect(unionLength([0, 4, 5, 7, 8, 8.5])).toBe(6.5);
    expect(intervalUnion([])).toEqual([]);
  });

  it("measures a outside b", () => {
    // a = [0,10) [20,30); b covers [2,4), [8,22), [25,26).
    expect(lengthOutside([0, 10, 20, 30], [2, 4, 8, 22, 25, 26])).toBe(2 + 4 + 3 + 4);
    expect(lengthOutside([0, 10], [])).toBe(10);
    expect(lengthOutside([0, 10], [0, 10])).toBe(0);
  });
});
