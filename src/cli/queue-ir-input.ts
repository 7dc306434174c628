// Reading a queue IR file (DIR/events.mlir or schedule.mlir of `hpmoe
// compile`) for the simulator: parsed and verified, or the rendered
// diagnostics.

import * as fs from "node:fs";
import type { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";
import { verify } from "../ir/verifier.js";
import type { Routing } from "../layer/routing.js";
import { renderDiagnostic } from "../syntax/diagnostic-printer.js";
import { parseSourceFile } from "../syntax/op-parser.js";
import { SourceFile } from "../syntax/source.js";

/** A module of queue programs and where it came from. */
export interface LoadedQueueIr {
  readonly module: Operation;
  readonly ctx: Context;
  /** The parsed file (undefined for a module compiled in memory). */
  readonly source?: SourceFile;
  /** The routing worst-case programs run with (layer configs only). */
  readonly routing?: Routing;
}

/** Parses and verifies `file`; the rendered diagnostics when it is malformed. */
export function loadQueueIr(file: string, ctx: Context): LoadedQueueIr | string {
  const source = SourceFile.fromBuffer(file, fs.readFileSync(file));
  const module = parseSourceFile(ctx, source);
  if (!module || verify(module).failed) return ctx.diagnostics.takeAll().map((d) => renderDiagnostic(d, (name) => (name === source.name ? source : undefined))).join("");
  return { module, ctx, source };
}
