// Task counts of tile IR (hpmoe compile --json, bench compile): ops with a
// stage are tasks, counted per stage under their program's rank; buffers,
// arrivals and terminators are not.

import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { Context } from "../../src/ir/context.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { SourceFile } from "../../src/syntax/source.js";
import { addTaskCounts, countTasksPerRank, emptyTaskCounts, taskCountsJson } from "../../src/cli/task-counts.js";

const FILE = fileURLToPath(new URL("./cases/tile-two-ranks.mlir", import.meta.url));

describe("task counts", () => {
  it("counts tasks per stage under each program's rank", () => {
    const ctx = new Context();
    registerAllDialects(ctx);
    const module = parseSourceFile(ctx, new SourceFile(FILE, fs.readFileSync(FILE, "utf8")));
    expect(ctx.diagnostics.takeAll().map((d) => d.message)).toEqual([]);
    const perRank = countTasksPerRank(module!);
    expect([...perRank.keys()]).toEqual([0, 1]);
    expect(taskCountsJson(perRank.get(0)!)).toEqual({ total: 3, dispatch: 1, gmm1: 1, swiglu: 1 });
    expect(taskCountsJson(perRank.get(1)!)).toEqual({ total: 2, dispatch: 2 });
    const both = addTaskCounts(addTaskCounts(emptyTaskCounts(), perRank.get(0)!), perRank.get(1)!);
    expect(taskCountsJson(both)).toEqual({ total: 5, dispatch: 3, gmm1: 1, swiglu: 1 });
  });
});
