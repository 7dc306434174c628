// hpmoe-opt's driver (MLIR's MlirOptMain): read, split, parse, verify, print,
// with mlir-opt's flag names, diagnostics shape and exit codes.

import * as fs from "node:fs";
import * as path from "node:path";
import { Context } from "../ir/context.js";
import type { Operation } from "../ir/operation.js";
import { Severity, type Diagnostic } from "../ir/diagnostics.js";
import { registerAllDialects } from "../dialect/all-dialects.js";
import { verify } from "../ir/verifier.js";
import { parseSourceFile } from "../syntax/op-parser.js";
import { printOpForDiagnostic, printTopLevel, printTopLevelBytes, type PrintOptions } from "../syntax/printer.js";
import { SourceFile } from "../syntax/source.js";
import { renderDiagnostic } from "../syntax/diagnostic-printer.js";
import { DiagnosticVerifier } from "../syntax/verify-diagnostics.js";
import { CommandLineError, formatHelp, parseCommandLine, type OptionSpec, type ParsedCommandLine } from "./options.js";
import { registerAllPasses } from "../../passes/index.js";
import { globalPassRegistry } from "../pass/pass-registry.js";
import { PassManager } from "../pass/pass-manager.js";
import { parseInto, parsePassPipeline, PipelineError } from "../pass/pipeline-parser.js";
import { IRPrinterInstrumentation } from "../pass/ir-printing.js";
import { Timer, timingReport, type TimingFormat } from "../pass/timing.js";
import { statisticsReport } from "../pass/pass-statistics.js";
import { setRewriteTrace } from "../pass/greedy-driver.js";
import { reportReproducer, takeReproducerConfig, writeReproducer, type ReproducerConfig } from "./reproducer.js";
import { writeFileAtomic } from "./output-file.js";

const DEFAULT_SPLIT_MARKER = "// -----";

const baseOptions: readonly OptionSpec[] = [
  { name: "o", kind: "string", valueName: "<filename>", help: "Output filename" },
  { name: "allow-unregistered-dialect", kind: "bool", help: "Allow operation with no registered dialects" },
  { name: "mlir-print-op-generic", kind: "bool", help: "Print the generic op form" },
  { name: "mlir-print-debuginfo", kind: "bool", help: "Print debug info in MLIR output" },
  { name: "mlir-print-unique-ssa-ids", kind: "bool", help: "Print unique SSA ID numbers for values, block arguments and naming conflicts across all regions" },
  { name: "mlir-print-assume-verified", kind: "bool", help: "Skip op verification when using custom printers" },
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
  { name: "verify-each", kind: "bool", help: "Run the verifier after each transformation pass (default on; --verify-each=false turns it off)" },
  { name: "pass-pipeline", kind: "string", valueName: "<string>", help: "Textual description of the pass pipeline to run, e.g. 'builtin.module(func.func(cse))'" },
  { name: "p", kind: "string", valueName: "<string>", help: "Alias for --pass-pipeline" },
  { name: "dump-pass-pipeline", kind: "bool", help: "Print the pipeline that will be run" },
  { name: "list-passes", kind: "bool", help: "Print the list of registered passes and exit" },
  { name: "mlir-print-ir-before", kind: "string", valueName: "<pass-arg>", help: "Print IR before specified passes (comma-separated)" },
  { name: "mlir-print-ir-after", kind: "string", valueName: "<pass-arg>", help: "Print IR after specified passes (comma-separated)" },
  { name: "mlir-print-ir-before-all", kind: "bool", help: "Print IR before each pass" },
  { name: "mlir-print-ir-after-all", kind: "bool", help: "Print IR after each pass" },
  { name: "mlir-print-ir-after-change", kind: "bool", help: "When printing the IR after a pass, only print if the IR changed" },
  { name: "mlir-print-ir-after-failure", kind: "bool", help: "When printing the IR after a pass, only print if the pass failed" },
  { name: "mlir-print-ir-module-scope", kind: "bool", help: "When printing IR for print-ir-[before|after]{-all} always print the top-level operation" },
  { name: "mlir-print-ir-tree-dir", kind: "string", valueName: "<string>", help: "When printing the IR before/after a pass, print file tree rooted at this directory. Use in conjunction with mlir-print-ir-* flags" },
  { name: "mlir-pass-pipeline-crash-reproducer", kind: "string", valueName: "<string>", help: "Generate a .mlir reproducer file at the given output path if the pass manager crashes or fails" },
  { name: "mlir-generate-reproducer", kind: "string", valueName: "<filename>", help: "Generate an mlir reproducer at the provided filename (no crash required)" },
  { name: "run-reproducer", kind: "bool", help: "Run the pipeline stored in the reproducer" },
  {
    name: "trace-patterns",
    kind: "string",
    implicitValue: "",
    valueName: "<names>",
    help: "Print each rewrite of the greedy pattern driver (only of the named patterns, comma-separated; fold and dead-op-erasure name the built-in steps)",
  },
  { name: "mlir-timing", kind: "bool", help: "Display execution times" },
  { name: "mlir-pass-statistics", kind: "bool", help: "Display the statistics of each pass" },
  { name: "mlir-pass-statistics-display", kind: "string", valueName: "<value>", help: "Display method for pass statistics: list or pipeline (default)" },
  { name: "mlir-timing-display", kind: "string", valueName: "<value>", help: "Display method for timing data: list or tree (default)" },
  { name: "mlir-output-format", kind: "string", valueName: "<value>", help: "Output format for timing data: text (default) or json" },
  { name: "no-implicit-module", kind: "bool", help: "Disable implicit addition of a top-level module op during parsing" },
  { name: "mlir-very-unsafe-disable-verifier-on-parsing", kind: "bool", help: "Disable the verifier on parsing (very unsafe)" },
  { name: "mlir-disable-threading", kind: "bool", help: "Disable multi-threading within MLIR, overrides any further call to MLIRContext::enableMultiThreading()" },
  { name: "version", kind: "bool", help: "Display the version of this program" },
  { name: "help", kind: "bool", help: "Display available options" },
];

/** hpmoe-opt's flags: the fixed ones, then one per registered pass (`--cse`, `--canonicalize=max-iterations=5`). */
export function optOptions(): OptionSpec[] {
  registerAllPasses();
  const passFlags: OptionSpec[] = globalPassRegistry
    .list()
    .map((r) => ({ name: r.argument, kind: "string", implicitValue: "", valueName: "<options>", help: r.summary }));
  return [...baseOptions, ...passFlags];
}

/** Where the driver reads and writes; the CLI passes the process's streams. */
export interface OptIO {
  readStdin(): Uint8Array;
  stdout(bytes: string): void;
  stderr(text: string): void;
}

/** What an embedding compiler adds to the driver. */
export interface OptConfig {
  /** Called on each fresh context (one per split chunk) to register the embedder's dialects. */
  dialects?: readonly ((ctx: Context) => void)[];
}

/**
 * Runs hpmoe-opt with `args` (argv without node and script). Returns the exit
 * code. Passes come from the global registry (registerPass), dialects from
 * `config` on top of builtin, func and cf.
 */
export function runOpt(tool: string, args: readonly string[], io: OptIO, config: OptConfig = {}): number {
  const specs = optOptions();
  const cl = parseCommandLine(tool, args, specs);
  if (cl instanceof CommandLineError) {
    io.stderr(cl.lines.join("\n") + "\n");
    return 1;
  }
  const v = cl.values;
  if (v.get("help")) {
    io.stdout(formatHelp("hpmoe optimizer driver (mlir-opt compatible)", `${tool} [options] <input file>`, specs));
    return 0;
  }
  if (v.get("version")) {
    io.stdout("hpmoe-opt 0.1.0 (MLIR 22 generic syntax)\n");
    return 0;
  }
  if (v.get("list-passes")) {
    io.stdout(globalPassRegistry.printList());
    return 0;
  }
  const timingDisplay = (v.get("mlir-timing-display") as string | undefined) ?? "tree";
  const timingFormat = (v.get("mlir-output-format") as string | undefined) ?? "text";
  if (timingDisplay !== "tree" && timingDisplay !== "list") {
    io.stderr(`${tool}: for the --mlir-timing-display option: Cannot find option named '${timingDisplay}'!\n`);
    return 1;
  }
  if (timingFormat !== "text" && timingFormat !== "json") {
    io.stderr(`${tool}: for the --mlir-output-format option: Cannot find option named '${timingFormat}'!\n`);
    return 1;
  }
  const statisticsDisplay = (v.get("mlir-pass-statistics-display") as string | undefined) ?? "pipeline";
  if (statisticsDisplay !== "pipeline" && statisticsDisplay !== "list") {
    io.stderr(`${tool}: for the --mlir-pass-statistics-display option: Cannot find option named '${statisticsDisplay}'!\n`);
    return 1;
  }
  const traced = v.get("trace-patterns") as string | undefined;
  setRewriteTrace(
    traced === undefined ? undefined : (line) => io.stderr(`[rewrite] ${line}\n`),
    traced ? new Set(traced.split(",").filter(Boolean)) : undefined,
  );
  const timing = v.get("mlir-timing") ? new Timer("root") : undefined;
  timing?.start();
  const pipeline = buildPipeline(cl);
  if (pipeline instanceof PipelineError) {
    if (pipeline.commandLineMessage) io.stderr(`${tool}: ${pipeline.commandLineMessage}\n`);
    io.stderr(`<unknown>:0: error: ${pipeline.text}\n`);
    return 1;
  }
  if (v.get("dump-pass-pipeline")) io.stderr(pipeline.dump());
  if (cl.positional.length > 1) {
    io.stderr(`${tool}: Too many positional arguments specified!\nCan specify at most 1 positional arguments: See: ${tool} --help\n`);
    return 1;
  }
  const inputName = cl.positional[0] ?? "-";
  const whole = readInput(inputName, io);
  if (typeof whole === "string") {
    io.stderr(`${tool}: could not open input file '${inputName}': ${whole}\n`);
    return 1;
  }
  const printOptions: PrintOptions = {
    printGenericOpForm: Boolean(v.get("mlir-print-op-generic")),
    printUniqueSSAIds: Boolean(v.get("mlir-print-unique-ssa-ids")),
    printDebugInfo: Boolean(v.get("mlir-print-debuginfo")),
    printLocalScope: Boolean(v.get("mlir-print-local-scope")),
    assumeVerified: Boolean(v.get("mlir-print-assume-verified")),
    hexThreshold: (v.get("mlir-print-elementsattrs-with-hex-if-larger") as number | undefined) ?? 100,
  };
  const settings: ChunkSettings = {
    allowUnregistered: Boolean(v.get("allow-unregistered-dialect")),
    verifyDiagnostics: Boolean(v.get("verify-diagnostics")),
    implicitModule: !v.get("no-implicit-module"),
    verifyAfterParse: !v.get("mlir-very-unsafe-disable-verifier-on-parsing"),
    printOptions,
    pipeline: pipeline.size ? pipeline : undefined,
    crashReproducer: v.get("mlir-pass-pipeline-crash-reproducer") as string | undefined,
    generateReproducer: v.get("mlir-generate-reproducer") as string | undefined,
    runReproducer: Boolean(v.get("run-reproducer")),
    disableThreading: Boolean(v.get("mlir-disable-threading")),
    timing,
    stderr: io.stderr,
    report: () => {},
    dialects: config.dialects ?? [],
  };
  pipeline.verifyPasses = v.get("verify-each") !== false;
  addIRPrinting(pipeline, irPrintingFlags(cl), settings);
  if (timing) pipeline.enableTiming(timing);
  const split = v.get("split-input-file") as string | undefined;
  const chunks = split !== undefined && split !== "" ? splitChunks(whole, split) : [whole];
  const outputs: Uint8Array[] = [];
  let ok = true;
  // mlir-opt checks expected-* designators with one handler over the whole
  // file: unmatched expectations are reported once, after the last chunk.
  const verifier = settings.verifyDiagnostics ? new DiagnosticVerifier(whole) : undefined;
  const report = (diagnostics: readonly Diagnostic[]): void => {
    if (verifier) {
      for (const d of diagnostics) verifier.process(d);
      return;
    }
    let text = "";
    for (const d of diagnostics) text += renderDiagnostic(d, (name) => (name === whole.name ? whole : undefined));
    if (text) io.stderr(text);
  };
  settings.report = report;
  for (const chunk of chunks) {
    const r = processChunk(chunk, settings);
    report(r.diagnostics);
    if (!verifier && !r.ok) ok = false;
    outputs.push(r.output);
  }
  if (verifier) {
    ok = verifier.finish();
    if (verifier.output) io.stderr(verifier.output);
  }
  const outMarker = (v.get("output-split-marker") as string | undefined) ?? DEFAULT_SPLIT_MARKER;
  // Each chunk's text, then mlir-opt's final newline, chunks joined by the marker line.
  const pieces: Uint8Array[] = [];
  const newline = Buffer.from("\n", "latin1");
  const marker = Buffer.from(outMarker + "\n", "latin1");
  outputs.forEach((out, i) => {
    if (i) pieces.push(marker);
    if (out.length) pieces.push(out, newline);
  });
  const outName = v.get("o") as string | undefined;
  const outputTimer = timing?.child("output", "Output");
  outputTimer?.start();
  const code = writeOutput(tool, io, pieces, outName, ok);
  outputTimer?.stop();
  // mlir-opt prints statistics when the pass manager goes away, before the timing report.
  if (v.get("mlir-pass-statistics")) io.stderr(statisticsReport(pipeline, statisticsDisplay));
  if (timing) {
    timing.stop();
    io.stderr(timingReport(timing, timingDisplay, timingFormat as TimingFormat));
  }
  return code;
}

/**
 * Like mlir-opt: on stdout, the chunks that succeeded still print (failed
 * ones are empty between markers); an -o file is never kept after a failure.
 */
function writeOutput(tool: string, io: OptIO, pieces: readonly Uint8Array[], outName: string | undefined, ok: boolean): number {
  if (outName === undefined || outName === "-") {
    io.stdout(Buffer.concat(pieces).toString("latin1"));
    return ok ? 0 : 1;
  }
  if (!ok) return 1;
  const err = writeFileAtomic(outName, pieces);
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
  /** The pipeline to run after parsing, if any (one for all chunks, so timing and statistics add up). */
  pipeline: PassManager | undefined;
  /** --mlir-pass-pipeline-crash-reproducer: where to leave a reproducer if the pipeline fails. */
  crashReproducer: string | undefined;
  /** --mlir-generate-reproducer: where to leave a reproducer in any case. */
  generateReproducer: string | undefined;
  /** --run-reproducer: run the pipeline stored in the input instead. */
  runReproducer: boolean;
  /** The --mlir-timing root timer. */
  timing: Timer | undefined;
  /**
   * --mlir-disable-threading: diagnostics go out as they are emitted, between
   * IR dumps (threaded mlir-opt holds them until the pipeline ends).
   */
  disableThreading: boolean;
  stderr: (text: string) => void;
  /** The embedder's dialect registrations. */
  dialects: readonly ((ctx: Context) => void)[];
  /** Renders (or, under --verify-diagnostics, checks) diagnostics. */
  report: (diagnostics: readonly Diagnostic[]) => void;
}

/** The --mlir-print-ir-* flags. */
interface IRPrintingFlags {
  before: "all" | Set<string>;
  after: "all" | Set<string>;
  afterOnlyOnChange: boolean;
  afterOnlyOnFailure: boolean;
  moduleScope: boolean;
  /** --mlir-print-ir-tree-dir: one file per dump under this directory instead of stderr. */
  treeDir: string | undefined;
}

function irPrintingFlags(cl: ParsedCommandLine): IRPrintingFlags {
  const v = cl.values;
  const list = (name: string): Set<string> => new Set(((v.get(name) as string | undefined) ?? "").split(",").filter(Boolean));
  return {
    before: v.get("mlir-print-ir-before-all") ? "all" : list("mlir-print-ir-before"),
    after: v.get("mlir-print-ir-after-all") ? "all" : list("mlir-print-ir-after"),
    afterOnlyOnChange: Boolean(v.get("mlir-print-ir-after-change")),
    afterOnlyOnFailure: Boolean(v.get("mlir-print-ir-after-failure")),
    moduleScope: Boolean(v.get("mlir-print-ir-module-scope")),
    treeDir: v.get("mlir-print-ir-tree-dir") as string | undefined,
  };
}

/**
 * The pipeline from --pass-pipeline (or -p), or from the pass flags in
 * command-line order on builtin.module (mlir-opt's implicit anchor).
 */
function buildPipeline(cl: ParsedCommandLine): PassManager | PipelineError {
  const text = (cl.values.get("pass-pipeline") ?? cl.values.get("p")) as string | undefined;
  const flags = cl.occurrences.filter((o) => globalPassRegistry.lookup(o.name) !== undefined);
  if (text !== undefined && flags.length) return new PipelineError("'-pass-pipeline' option can't be used with individual pass options");
  if (text !== undefined) return parsePassPipeline(text, globalPassRegistry);
  const pm = new PassManager("builtin.module");
  for (const f of flags) {
    const err = parseInto(f.value === "" ? f.name : `${f.name}{${String(f.value)}}`, pm, globalPassRegistry, /*fromFlag=*/ true);
    if (err) return err;
  }
  return pm;
}

/**
 * Runs the pipeline (or, with --run-reproducer, the one stored in the input)
 * on `root`, leaving reproducers as asked. Returns whether it succeeded.
 */
function runPipeline(root: Operation, s: ChunkSettings): boolean {
  let pm = s.pipeline;
  const stored = s.runReproducer ? takeReproducerConfig(root) : undefined;
  if (stored) {
    const replay = parsePassPipeline(stored.pipeline, globalPassRegistry);
    if (replay instanceof PipelineError) {
      root.context.diagnostics.emit(Severity.Error, root.loc, replay.text);
      return false;
    }
    replay.verifyPasses = stored.verifyEach;
    pm = replay;
  }
  if (!pm) return true;
  const config: ReproducerConfig = { pipeline: pm.printAsTextualPipeline(), disableThreading: s.disableThreading, verifyEach: pm.verifyPasses };
  const snapshot = s.crashReproducer !== undefined || s.generateReproducer !== undefined ? root.clone() : undefined;
  const reproducerPrint: PrintOptions = { ...s.printOptions, printGenericOpForm: false, printDebugInfo: false, printLocalScope: false };
  const crashFile = s.crashReproducer;
  pm.onFirstFailure =
    snapshot && crashFile !== undefined
      ? (pass, op) => {
          const err = writeReproducer(crashFile, snapshot, config, reproducerPrint);
          if (err) s.stderr(`error: could not write reproducer '${crashFile}': ${err}\n`);
          else reportReproducer(pass, op, crashFile);
        }
      : undefined;
  const ok = !pm.run(root).failed;
  pm.onFirstFailure = undefined;
  if (snapshot && s.generateReproducer !== undefined) {
    // mlir-opt 22 records both settings as false in reproducers made without a failure.
    const err = writeReproducer(s.generateReproducer, snapshot, { ...config, disableThreading: false, verifyEach: false }, reproducerPrint);
    if (err) s.stderr(`error: could not write reproducer '${s.generateReproducer}': ${err}\n`);
  }
  snapshot?.erase();
  return ok;
}

/** Adds the --mlir-print-ir-* dumps to `pm` if any is asked for. */
function addIRPrinting(pm: PassManager, f: IRPrintingFlags, s: ChunkSettings): void {
  const wanted = (set: "all" | Set<string>, argument: string): boolean => set === "all" || set.has(argument);
  if (f.before === "all" || f.before.size || f.after === "all" || f.after.size || f.afterOnlyOnFailure)
    pm.addInstrumentation(
      new IRPrinterInstrumentation({
        printBefore: (p) => wanted(f.before, p.argument),
        printAfter: (p) => wanted(f.after, p.argument),
        afterOnlyOnChange: f.afterOnlyOnChange,
        afterOnlyOnFailure: f.afterOnlyOnFailure,
        moduleScope: f.moduleScope,
        printOp: (op) => (op.parentOp ? printOpForDiagnostic(op) : printTopLevel(op, s.printOptions)),
        fingerprint: (op) => printTopLevel(op, { printGenericOpForm: true, printDebugInfo: true, printLocalScope: true }),
        write: (text, op, treePath) => {
          if (f.treeDir !== undefined) {
            const file = path.join(f.treeDir, ...treePath.split("/"));
            try {
              fs.mkdirSync(path.dirname(file), { recursive: true });
              fs.writeFileSync(file, Buffer.from(text, "latin1"));
            } catch (e) {
              s.stderr(`error: could not write IR dump '${file}': ${systemMessage(e)}\n`);
            }
            return;
          }
          if (s.disableThreading) s.report(op.context.diagnostics.takeAll());
          s.stderr(text);
        },
      }),
    );
}

interface ChunkResult {
  ok: boolean;
  /** The printed chunk without mlir-opt's final newline; empty after a failure. */
  output: Uint8Array;
  diagnostics: Diagnostic[];
}

/** Parses, verifies and prints one chunk in a fresh context (as mlir-opt does per split). */
function processChunk(chunk: SourceFile, s: ChunkSettings): ChunkResult {
  const ctx = new Context({ allowUnregisteredDialects: s.allowUnregistered });
  registerAllDialects(ctx);
  for (const register of s.dialects) register(ctx);
  let output: Uint8Array = new Uint8Array(0);
  let ok = false;
  // MLIR's "Parser" timer covers verification after parsing too.
  const parserTimer = s.timing?.child("parser", "Parser");
  parserTimer?.start();
  const root = parseSourceFile(ctx, chunk, { implicitModule: s.implicitModule });
  // mlir-opt drops the "see current operation" note under --verify-diagnostics.
  const verifyOptions = { printOp: printOpForDiagnostic, printOpOnDiagnostic: !s.verifyDiagnostics };
  const parsed = root !== undefined && (!s.verifyAfterParse || !verify(root, verifyOptions).failed);
  parserTimer?.stop();
  if (parsed) {
    ctx.diagnosticOpPrinter = s.verifyDiagnostics ? undefined : printOpForDiagnostic;
    if (runPipeline(root, s)) {
      const outputTimer = s.timing?.child("output", "Output");
      outputTimer?.start();
      // The printer verifies before choosing custom forms unless the IR is
      // known to verify: after parsing, and after every pass with verify-each.
      const verified = s.verifyAfterParse && !s.runReproducer && (s.pipeline === undefined || s.pipeline.verifyPasses);
      output = printTopLevelBytes(root, verified ? { ...s.printOptions, assumeVerified: true } : s.printOptions);
      outputTimer?.stop();
      ok = true;
    }
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

/** The input as a source file (the bytes are not kept: the file holds their text), or the system's error message. */
function readInput(name: string, io: OptIO): SourceFile | string {
  try {
    return SourceFile.fromBuffer(name === "-" ? "<stdin>" : name, name === "-" ? io.readStdin() : fs.readFileSync(name));
  } catch (e) {
    return systemMessage(e);
  }
}

function systemMessage(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === "ENOENT") return "No such file or directory";
  if (code === "EISDIR") return "Is a directory";
  if (code === "EACCES") return "Permission denied";
  return e instanceof Error ? e.message : String(e);
}
