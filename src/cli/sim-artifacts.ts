// The simulator's files, as `hpmoe run --backend=sim --trace/--gantt` and
// `hpmoe compile` (next to events.mlir) write them: whole or not at all.

import * as path from "node:path";
import type { Operation } from "../ir/operation.js";
import type { Routing } from "../layer/routing.js";
import { chromeTraceJson } from "../runtime/sim/chrome-trace.js";
import { ganttSvg } from "../runtime/sim/gantt-svg.js";
import { simulateModule } from "../runtime/sim/sim-module.js";
import { SimInputError, type SimResult } from "../runtime/sim/sim-result.js";
import { writeFileAtomic } from "./output-file.js";

/** Writes the requested files; returns an error message for the first that cannot be written. */
export function writeSimArtifacts(r: SimResult, files: { trace?: string; gantt?: string }, title: string): string | undefined {
  const outputs: [string | undefined, () => string][] = [
    [files.trace, () => chromeTraceJson(r)],
    [files.gantt, () => ganttSvg(r, { title })],
  ];
  for (const [file, text] of outputs) {
    if (file === undefined) continue;
    const problem = writeFileAtomic(file, Buffer.from(text(), "utf8"));
    if (problem) return `cannot write '${file}': ${problem}`;
  }
  return undefined;
}

/**
 * `hpmoe compile` at the events stage: simulates the events-level `module`
 * it compiled (and wrote to DIR/events.mlir) and writes DIR/trace.json and
 * DIR/gantt.svg. `routing` charges worst-case programs for the rows the run
 * moves. Returns the files written, or an error message (a malformed program
 * or a deadlock).
 */
export function writeCompileSimFiles(dir: string, module: Operation, title: string, routing?: Routing): string[] | string {
  let r: SimResult | undefined;
  try {
    r = simulateModule(module, { runTime: routing });
  } catch (e) {
    if (e instanceof SimInputError) return `cannot simulate the queues: ${e.message}`;
    throw e;
  }
  if (!r) return [];
  if (r.blocked.length) return `the queues deadlock: ${r.blocked.map((b) => b.reason).join("; ")}`;
  const files = { trace: path.join(dir, "trace.json"), gantt: path.join(dir, "gantt.svg") };
  const problem = writeSimArtifacts(r, files, title);
  return problem ?? [files.trace, files.gantt];
}
