// Pass pipeline reproducers (MLIR's --mlir-pass-pipeline-crash-reproducer,
// --mlir-generate-reproducer and --run-reproducer): the IR as it was before
// the pipeline, with the pipeline stored in `{-# external_resources:
// { mlir_reproducer: {...} } #-}` so that `hpmoe-opt --run-reproducer FILE`
// replays it.

import { Severity } from "../ir/diagnostics.js";
import type { Operation } from "../ir/operation.js";
import { getSymbolName } from "../ir/symbol-table.js";
import type { Pass } from "../pass/pass.js";
import { printTopLevel, type PrintOptions } from "../syntax/printer.js";
import { writeFileAtomic } from "./output-file.js";

/** The external resource group MLIR keeps reproducer settings in. */
export const kReproducerGroup = "mlir_reproducer";

/** What a reproducer records about the run. */
export interface ReproducerConfig {
  pipeline: string;
  disableThreading: boolean;
  verifyEach: boolean;
}

/** The settings stored in a parsed file, removed from the context (they are not part of the output). */
export function takeReproducerConfig(root: Operation): ReproducerConfig | undefined {
  const group = root.context.externalResources.get(kReproducerGroup);
  if (!group) return undefined;
  root.context.externalResources.delete(kReproducerGroup);
  const pipeline = group.get("pipeline");
  if (typeof pipeline !== "string") return undefined;
  return { pipeline, disableThreading: group.get("disable_threading") === true, verifyEach: group.get("verify_each") !== false };
}

/**
 * Writes `snapshot` (the IR before the pipeline) with `config` to `file`.
 * Returns an error message, or undefined.
 */
export function writeReproducer(file: string, snapshot: Operation, config: ReproducerConfig, printOptions: PrintOptions): string | undefined {
  const ctx = snapshot.context;
  const saved = ctx.externalResources.get(kReproducerGroup);
  ctx.externalResources.set(
    kReproducerGroup,
    new Map<string, string | boolean>([
      ["pipeline", config.pipeline],
      ["disable_threading", config.disableThreading],
      ["verify_each", config.verifyEach],
    ]),
  );
  try {
    return writeFileAtomic(file, Buffer.from(printTopLevel(snapshot, printOptions), "latin1"));
  } finally {
    if (saved) ctx.externalResources.set(kReproducerGroup, saved);
    else ctx.externalResources.delete(kReproducerGroup);
  }
}

/** mlir-opt's report (with --mlir-disable-threading) of a failure that left a reproducer behind. */
export function reportReproducer(pass: Pass, op: Operation, file: string): void {
  const sym = getSymbolName(op);
  const where = `\`${pass.name}\` on '${op.name.name}' operation${sym === undefined ? "" : ": @" + sym}`;
  op.context.diagnostics
    .emit(Severity.Error, op.loc, "Failures have been detected while processing an MLIR pass pipeline")
    .attachNote(`Pipeline failed while executing [${where}]: reproducer generated at \`${file}\``, op.loc);
}
