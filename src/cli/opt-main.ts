// hpmoe-opt's driver (MLIR's MlirOptMain): read, split, parse, verify, print,
// with mlir-opt's flag names, diagnostics shape and exit codes.

import * as fs from "node:fs";
import { Context } from "../ir/context.js";
import type { Diagnostic } from "../ir/diagnostics.js";
import { registerBuiltinDialect } from "../dialect/builtin.js";
import { registerFuncDialect } from "../dialect/func.js";
import { registerControlFlowDialect } from "../dialect/cf.js";
import { verify } from "../ir/verifier.js";
import { parseSourceFile } from "../syntax/op-parser.js";
import { printOpForDiagnostic, printTopLevel, type PrintOptions } from "../syntax/printer.js";
import { SourceFile } from "../syntax/source.js";
import { renderDiagnostic } from "../syntax/diagnostic-printer.js";
import { DiagnosticVerifier } from "../syntax/verify-diagnostics.js";
import { CommandLineError, formatHelp, parseCommandLine, type OptionSpec } from "./options.js";
import { writeFileAtomic } from "./output-file.js";

const DEFAULT_SPLIT_MARKER = "// -----";

export const optOptions: readonly OptionSpec[] = [
  { name: "o", kind: "string", valueName: "<filename>", help: "Output filename" },
  { name: "allow-unregistered-dialect", kind: "bool", help: "Allow operation with no registered dialects" },
  { name: "mlir-print-op-generic", kind: "bool", help: "Print the generic op form" },
  { name: "mlir-print-debuginfo", kind: "bool", help: "Print debug info in MLIR output" },
  { name: "mlir-print-unique-ssa-ids", kind: "bool", help: "Print unique SSA ID numbers for values, block arguments and naming conflicts across all regions" },
  { name: "mlir-print-local-scope", kind: "bool", help: "Print with local scope and inline information (eliding aliases for attributes, types, and locations)" },
  {
    name: "mlir-print-elementsattrs-with-hex-if-larger",
    kind: "int",
    valueName: "<long>",
    help: "Print DenseElementsAttrs with a hex string that have more elements than the given upper limit (use -1 to disable)",
  },
  {
    name: "split-input-file",
    kind: "string",
    implicitValue: DEFAULT_SPLIT_MARKER,
    valueName: "<marker>",
    help: "Split the input file into chunks using the given or default marker and process each chunk independently",
  },
  { name: "output-split-marker", kind: "string", valueName: "<marker>", help: "Split marker to use for merging the ouput" },
  { name: "verify-diagnostics", kind: "bool", help: "Check that emitted diagnostics match expected-* lines on the corresponding line" },
  { name: "verify-each", kind: "bool", help: "Run the verifier after each transformation pass" },
  { name: "no-implicit-module", kind: "bool", help: "Disable implicit addition of a top-level module op during parsing" },
  { name: "mlir-very-unsafe-disable-verifier-on-parsing", kind: "bool", help: "Disable the verifier on parsing (very unsafe)" },
  { name: "mlir-disable-threading", kind: "bool", help: "Disable multi-threading within MLIR, overrides any further call to MLIRContext::enableMultiThreading()" },
  { name: "version", kind: "bool", help: "Display the version of this program" },
  { name: "help", kind: "bool", help: "Display available options" },
];

/** Where the driver reads and writes; the CLI passes the process's streams. */
export interface OptIO {
  readStdin(): Uint8Array;
  stdout(bytes: string): void;
  stderr(text: string): void;
}

/** Runs hpmoe-opt with `args` (argv without node and script). Returns the exit code. */
export function runOpt(tool: string, args: readonly string[], io: OptIO): number {
  const cl = parseCommandLine(tool, args, optOptions);
  if (cl instanceof CommandLineError) {
    io.stderr(cl.lines.join("\n") + "\n");
    return 1;
  }
  const v = cl.values;
  if (v.get("help")) {
    io.stdout(formatHelp("hpmoe optimizer driver (mlir-opt compatible)", `${tool} [options] <input file>`, optOptions));
    return 0;
  }
  if (v.get("version")) {
    io.stdout("hpmoe-opt 0.1.0 (MLIR 22 generic syntax)\n");
    return 0;
  }
  if (cl.positional.length > 1) {
    io.stderr(`${tool}: Too many positional arguments specified!\nCan specify at most 1 positional arguments: See: ${tool} --help\n`);
    return 1;
  }
  const inputName = cl.positional[0] ?? "-";
  let bytes: Uint8Array;
  try {
    bytes = inputName === "-" ? io.readStdin() : fs.readFileSync(inputName);
  } catch (e) {
    io.stderr(`${tool}: could not open input file '${inputName}': ${systemMessage(e)}\n`);
    return 1;
  }
  const whole = SourceFile.fromBuffer(inputName === "-" ? "<stdin>" : inputName, bytes);
  const printOptions: PrintOptions = {
    printGenericOpForm: Boolean(v.get("mlir-print-op-generic")),
    printUniqueSSAIds: Boolean(v.get("mlir-print-unique-ssa-ids")),
    printDebugInfo: Boolean(v.get("mlir-print-debuginfo")),
    printLocalScope: Boolean(v.get("mlir-print-local-scope")),
    hexThreshold: (v.get("mlir-print-elementsattrs-with-hex-if-larger") as number | undefined) ?? 100,
  };
  const settings: ChunkSettings = {
    allowUnregistered: Boolean(v.get("allow-unregistered-dialect")),
    verifyDiagnostics: Boolean(v.get("verify-diagnostics")),
    implicitModule: !v.get("no-implicit-module"),
    verifyAfterParse: !v.get("mlir-very-unsafe-disable-verifier-on-parsing"),
    printOptions,
  };
  const split = v.get("split-input-file") as string | undefined;
  const chunks = split !== undefined && split !== "" ? splitChunks(whole, split) : [whole];
  const outputs: string[] = [];
  let ok = true;
  // mlir-opt checks expected-* designators with one handler over the whole
  // file: unmatched expectations are reported once, after the last chunk.
  const verifier = settings.verifyDiagnostics ? new DiagnosticVerifier(whole) : undefined;
  for (const chunk of chunks) {
    const r = processChunk(chunk, settings);
    if (verifier) {
      for (const d of r.diagnostics) verifier.process(d);
    } else {
      let text = "";
      for (const d of r.diagnostics) text += renderDiagnostic(d, (name) => (name === whole.name ? whole : undefined));
      if (text) io.stderr(text);
      if (!r.ok) ok = false;
    }
    outputs.push(r.output);
  }
  if (verifier) {
    ok = verifier.finish();
    if (verifier.output) io.stderr(verifier.output);
  }
  const outMarker = (v.get("output-split-marker") as string | undefined) ?? DEFAULT_SPLIT_MARKER;
  const text = outputs.join(outMarker + "\n");
  const outName = v.get("o") as string | undefined;
  // Like mlir-opt: on stdout, the chunks that succeeded still print (failed
  // ones are empty between markers); an -o file is never kept after a failure.
  if (outName === undefined || outName === "-") {
    io.stdout(text);
    return ok ? 0 : 1;
  }
  if (!ok) return 1;
  const err = writeFileAtomic(outName, Buffer.from(text, "latin1"));
  if (err) {
    io.stderr(`${tool}: error opening output file '${outName}': ${err}\n`);
    return 1;
  }
  return 0;
}

interface ChunkSettings {
  allowUnregistered: boolean;
  verifyDiagnostics: boolean;
  implicitModule: boolean;
  verifyAfterParse: boolean;
  printOptions: PrintOptions;
}

interface ChunkResult {
  ok: boolean;
  output: string;
  diagnostics: Diagnostic[];
}

/** Parses, verifies and prints one chunk in a fresh context (as mlir-opt does per split). */
function processChunk(chunk: SourceFile, s: ChunkSettings): ChunkResult {
  const ctx = new Context({ allowUnregisteredDialects: s.allowUnregistered });
  registerBuiltinDialect(ctx);
  registerFuncDialect(ctx);
  registerControlFlowDialect(ctx);
  let output = "";
  let ok = false;
  const root = parseSourceFile(ctx, chunk, { implicitModule: s.implicitModule });
  // mlir-opt drops the "see current operation" note under --verify-diagnostics.
  const verifyOptions = { printOp: printOpForDiagnostic, printOpOnDiagnostic: !s.verifyDiagnostics };
  if (root && (!s.verifyAfterParse || !verify(root, verifyOptions).failed)) {
    output = printTopLevel(root, s.printOptions) + "\n";
    ok = true;
  }
  return { ok, output, diagnostics: ctx.diagnostics.takeAll() };
}

/**
 * Splits on every occurrence of `marker` (mlir-opt splits on the bare string,
 * not on whole lines), keeping whole-file positions in each chunk.
 */
function splitChunks(whole: SourceFile, marker: string): SourceFile[] {
  const text = whole.text;
  const out: SourceFile[] = [];
  let begin = 0;
  for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, begin)) {
    out.push(whole.slice(begin, i));
    begin = i + marker.length;
  }
  out.push(whole.slice(begin, text.length));
  return out;
}

function systemMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "No such file or directory";
  if (code === "EISDIR") return "Is a directory";
  if (code === "EACCES") return "Permission denied";
  return e instanceof Error ? e.message : String(e);
}
