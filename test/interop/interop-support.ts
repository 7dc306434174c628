// test/interop/interop-support.ts: the runner behind the interop suites. Every file under a cases
// directory is one chunk of a combined input, separated by `// -----`. Each tool runs once per flag
// variant (process startup dominates the cost of 200 tiny inputs), the outputs are split back on the
// marker line and compared case by case, and round trips feed one tool's output to a tool again.

import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

//===----------------------------------------------------------------------===//
// Configuration
//===----------------------------------------------------------------------===//

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The reference tool. CI installs it (Debian/Ubuntu: `apt install mlir-22-tools`). */
const MLIR_OPT = "mlir-opt-22";

/** The tool under test, as argv prefix. Pointing this at `[MLIR_OPT]` must make every case pass. */
const SUBJECT: readonly string[] = [process.execPath, join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js")];
const SUBJECT_NAME = "hpmoe-opt";

/** Name of the combined input inside the temporary directory; both tools get this same path. */
const INPUT_NAME = "interop.mlir";

/** mlir-opt's `--split-input-file` marker; outputs are rejoined with this exact line. */
const MARKER = "// -----";
const MARKER_LINE_RE = /^\/\/ -----\n/m;

const COMMON_FLAGS = ["--split-input-file", "--allow-unregistered-dialect"];

/** One set of print flags both tools run with. */
export interface Variant {
  readonly name: string;
  readonly flags: readonly string[];
}

/** Which tool: the reference (mlir-opt-22) or the subject (hpmoe-opt). */
export type Tool = "reference" | "subject";

/**
 * A round trip: `from`'s output of variant `variant` is fed to `to` with `flags`, which must print
 * it back unchanged.
 */
export interface RoundTrip {
  readonly name: string;
  readonly variant: string;
  readonly from: Tool;
  readonly to: Tool;
  readonly flags: readonly string[];
  /** What the re-print must equal: by default the text that was fed in. */
  readonly expected?: { readonly variant: string; readonly tool: Tool };
}

export interface InteropSuite {
  readonly title: string;
  /** Directory of the cases, relative to the repository root. */
  readonly casesDir: string;
  readonly minCases: number;
  readonly variants: readonly Variant[];
  readonly roundTrips: readonly RoundTrip[];
}

/** Context lines around each diff hunk, and the cap on printed diff lines per case. */
const DIFF_CONTEXT = 3;
const DIFF_MAX_LINES = 60;

function toolName(t: Tool): string {
  return t === "reference" ? MLIR_OPT : SUBJECT_NAME;
}
function toolArgv(t: Tool): readonly string[] {
  return t === "reference" ? [MLIR_OPT] : SUBJECT;
}

//===----------------------------------------------------------------------===//
// Cases and the combined input
//===----------------------------------------------------------------------===//

/** A span of lines (1-based, inclusive) in a file that tools report diagnostics against. */
interface LineRange {
  readonly firstLine: number;
  readonly lastLine: number;
}

/** One case file; `firstLine`..`lastLine` is where it lands in the combined input. */
interface Case extends LineRange {
  /** Path relative to cases/, with `/` separators: the name every report uses. */
  readonly path: string;
  readonly text: string;
}

/** All `.mlir` files under `dir`, relative with `/` separators, sorted (deterministic input). */
function listCaseFiles(dir: string, prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) found.push(...listCaseFiles(dir, rel));
    else if (entry.isFile() && entry.name.endsWith(".mlir")) found.push(rel);
  }
  return prefix === "" ? found.sort() : found;
}

/** Loads every case under `casesDir` and records where it lands in the combined input. */
function loadCases(casesDir: string): { cases: Case[]; combined: string } {
  const cases: Case[] = [];
  const parts: string[] = [];
  let line = 1;
  for (const path of listCaseFiles(casesDir)) {
    let text = readFileSync(join(casesDir, path), "utf8");
    if (!text.endsWith("\n")) text += "\n";
    const numLines = text.split("\n").length - 1;
    cases.push({ path, text, firstLine: line, lastLine: line + numLines - 1 });
    parts.push(text);
    line += numLines + 1; // The marker line follows each case.
  }
  return { cases, combined: parts.join(`${MARKER}\n`) };
}

/** Splits `--split-input-file` output into per-chunk texts; joining with the marker restores it. */
function splitChunks(output: string): string[] {
  return output.split(MARKER_LINE_RE);
}


//===----------------------------------------------------------------------===//
// Running the tools
//===----------------------------------------------------------------------===//

interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Exit status, or undefined when the process could not start or died on a signal. */
  readonly status: number | undefined;
  /** Spawn failure (e.g. ENOENT), if any. */
  readonly spawnError: NodeJS.ErrnoException | undefined;
}

/** Runs `argv` in `cwd` to completion, collecting output; never rejects. */
function run(argv: readonly string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const [command, ...args] = argv;
    if (command === undefined) throw new Error("empty argv");
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let spawnError: NodeJS.ErrnoException | undefined;
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    child.on("close", (code) => {
      resolve({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        status: code ?? undefined,
        spawnError,
      });
    });
  });
}

/** Fails loudly when the reference tool is absent: this suite must never be skipped. */
async function requireMlirOpt(): Promise<void> {
  const probe = await run([MLIR_OPT, "--version"], REPO_ROOT);
  if (probe.spawnError !== undefined || probe.status !== 0) {
    const why = probe.spawnError?.code ?? `exit status ${String(probe.status)}`;
    throw new Error(
      `${MLIR_OPT} is required by the interop suite and could not be run (${why}). ` +
        `Install LLVM 22's MLIR tools (Debian/Ubuntu: apt install mlir-22-tools) so that ` +
        `'${MLIR_OPT}' is on PATH. The suite is never skipped.`,
    );
  }
}

//===----------------------------------------------------------------------===//
// Reporting
//===----------------------------------------------------------------------===//

/**
 * A unified diff of two texts by lines (LCS), at most DIFF_MAX_LINES long. Cost O(n*m) in line
 * counts, which is tiny for these cases; beyond a budget it reports the first differing line.
 */
function unifiedDiff(expected: string, actual: string, expectedName: string, actualName: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  const header = [`--- ${expectedName}`, `+++ ${actualName}`];
  if (a.length * b.length > 4_000_000) {
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...header, `@@ first difference at line ${i + 1} @@`, `-${a[i] ?? ""}`, `+${b[i] ?? ""}`].join("\n");
  }
  // lcs[i][j]: LCS length of a[i..] and b[j..].
  const lcs: Uint32Array[] = [];
  for (let i = 0; i <= a.length; i++) lcs.push(new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lcs[i];
    const next = lcs[i + 1];
    if (row === undefined || next === undefined) continue;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  // Edit script: ' ' keep, '-' only in expected, '+' only in actual.
  const ops: { kind: " " | "-" | "+"; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: " ", text: a[i] ?? "", ai: i++, bi: j++ });
    } else if (i < a.length && (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ kind: "-", text: a[i] ?? "", ai: i++, bi: j });
    } else {
      ops.push({ kind: "+", text: b[j] ?? "", ai: i, bi: j++ });
    }
  }
  const lines = [...header];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]?.kind === " ") {
      k++;
      continue;
    }
    // Grow a hunk around consecutive changes separated by at most 2*context kept lines.
    const start = Math.max(0, k - DIFF_CONTEXT);
    let end = k;
    while (end < ops.length) {
      let gap = 0;
      while (end + gap < ops.length && ops[end + gap]?.kind === " ") gap++;
      if (end + gap >= ops.length || gap > 2 * DIFF_CONTEXT) {
        end = Math.min(ops.length, end + Math.min(gap, DIFF_CONTEXT));
        break;
      }
      end += gap;
      while (end < ops.length && ops[end]?.kind !== " ") end++;
    }
    const first = ops[start];
    const hunk = ops.slice(start, end);
    const numA = hunk.filter((o) => o.kind !== "+").length;
    const numB = hunk.filter((o) => o.kind !== "-").length;
    lines.push(`@@ -${(first?.ai ?? 0) + 1},${numA} +${(first?.bi ?? 0) + 1},${numB} @@`);
    for (const o of hunk) lines.push(`${o.kind}${o.text}`);
    k = end;
  }
  if (lines.length > DIFF_MAX_LINES) {
    return [...lines.slice(0, DIFF_MAX_LINES), `... (${lines.length - DIFF_MAX_LINES} more diff lines)`].join("\n");
  }
  return lines.join("\n");
}

/** Where each chunk lands in `chunks.join(MARKER + "\n")`. */
function chunkLineRanges(chunks: readonly string[]): LineRange[] {
  const ranges: LineRange[] = [];
  let line = 1;
  for (const chunk of chunks) {
    const numLines = chunk.split("\n").length - 1;
    ranges.push({ firstLine: line, lastLine: Math.max(line, line + numLines - 1) });
    line += numLines + 1;
  }
  return ranges;
}

const DIAG_HEAD_RE = /^(.*?):(\d+):(\d+): (error|warning|note|remark)\b/;

/** The diagnostics in `stderr` that point into lines `range` of `fileName`, with their notes. */
function diagnosticsFor(stderr: string, range: LineRange, fileName: string): string {
  const picked: string[] = [];
  let keep = false;
  for (const line of stderr.split("\n")) {
    const m = DIAG_HEAD_RE.exec(line);
    if (m !== null) {
      const n = Number(m[2]);
      keep = (m[1] ?? "").endsWith(fileName) && n >= range.firstLine && n <= range.lastLine;
    }
    if (keep) picked.push(line);
  }
  return picked.join("\n").trimEnd();
}

function head(text: string, maxLines: number): string {
  const lines = text.trimEnd().split("\n");
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `... (${lines.length - maxLines} more lines)`].join("\n");
}

/** Why a whole process result is unusable, or undefined when it ran. */
function processFailure(r: RunResult, name: string): string | undefined {
  if (r.spawnError !== undefined) return `${name} could not be started: ${r.spawnError.message}`;
  if (r.status === undefined) return `${name} was killed by a signal`;
  return undefined;
}

/**
 * Compares one chunk; on mismatch fails with the case path, a diff excerpt and the case's
 * diagnostics from the tool under test.
 */
function expectSameChunk(
  c: Case,
  index: number,
  context: string,
  expected: string | undefined,
  expectedName: string,
  actualRun: RunResult,
  actualChunks: string[],
  actualName: string,
  diagnostics: string,
  numCases: number,
): void {
  if (expected === undefined || expected === "") {
    expect.fail(`${c.path} [${context}]: ${expectedName} printed nothing for this case, so the case is invalid`);
  }
  const actual = actualChunks[index];
  if (actual === expected) return;
  const parts = [`${c.path} [${context}]: ${actualName} output differs from ${expectedName}`];
  const broken = processFailure(actualRun, actualName);
  if (broken !== undefined) parts.push(broken);
  if (actual === undefined) {
    parts.push(
      `${actualName} printed ${actualChunks.length} chunks for ${numCases} cases ` +
        `(exit status ${String(actualRun.status)}); see the "prints one chunk per case" test for its stderr`,
    );
    expect.fail(parts.join("\n"));
  }
  if (actual === "") {
    parts.push(`${actualName} printed nothing for this case (exit status ${String(actualRun.status)}); expected:`);
    parts.push(head(expected, 20));
  } else {
    parts.push(unifiedDiff(expected, actual, expectedName, actualName));
    const trimLines = (t: string): string => t.split("\n").map((l) => l.trimEnd()).join("\n");
    if (trimLines(actual) === trimLines(expected)) parts.push("(the texts differ only in trailing whitespace)");
  }
  if (diagnostics !== "") parts.push(`${actualName} diagnostics for this case:\n${diagnostics}`);
  else if (actual === "") parts.push(`${actualName} stderr:\n${head(actualRun.stderr, 20)}`);
  expect.fail(parts.join("\n"));
}

//===----------------------------------------------------------------------===//
// The suite
//===----------------------------------------------------------------------===//

/** Defines the vitest suite for `config`. */
export function defineInteropSuite(config: InteropSuite): void {
  const { cases: CASES, combined: COMBINED } = loadCases(join(REPO_ROOT, config.casesDir));
  const VARIANTS = config.variants;
  interface VariantRuns {
    reference: RunResult;
    referenceChunks: string[];
    subject: RunResult;
    subjectChunks: string[];
  }

  let workDir = "";
  const runs = new Map<string, VariantRuns>();
  const roundTrips = new Map<string, { run: RunResult; chunks: string[] }>();
  let setupError: string | undefined;

  /** The output chunks of `tool` in `r`. */
  function pick(r: VariantRuns, tool: Tool): string[] {
    return tool === "reference" ? r.referenceChunks : r.subjectChunks;
  }

  /** The runs of one variant; fails the calling test with the setup error when there are none. */
  function getRuns(variant: string): VariantRuns {
    const r = runs.get(variant);
    if (r === undefined) return expect.fail(setupError ?? `no runs for variant ${variant}`);
    return r;
  }

describe(config.title, () => {
  beforeAll(async () => {
    // A setup failure is recorded, not thrown: vitest would report the cases as skipped, and every
    // case must visibly fail instead.
    try {
      await setUp();
    } catch (e) {
      setupError = e instanceof Error ? e.message : String(e);
    }
  }, 180_000);

  afterAll(() => {
    if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
  });

  async function setUp(): Promise<void> {
    await requireMlirOpt();
    workDir = mkdtempSync(join(tmpdir(), "hpmoe-interop-"));
    writeFileSync(join(workDir, INPUT_NAME), COMBINED);
    // Both tools, all variants, concurrently: seven processes in total, none per case.
    await Promise.all(
      VARIANTS.map(async (v) => {
        const [reference, subject] = await Promise.all([
          run([MLIR_OPT, INPUT_NAME, ...COMMON_FLAGS, ...v.flags], workDir),
          run([...SUBJECT, INPUT_NAME, ...COMMON_FLAGS, ...v.flags], workDir),
        ]);
        const refBroken = processFailure(reference, MLIR_OPT);
        if (refBroken !== undefined) throw new Error(refBroken);
        runs.set(v.name, {
          reference,
          referenceChunks: splitChunks(reference.stdout),
          subject,
          subjectChunks: splitChunks(subject.stdout),
        });
      }),
    );
    // One tool's output must be accepted by a tool and reprinted unchanged.
    await Promise.all(
      config.roundTrips.map(async (t) => {
        const source = runs.get(t.variant);
        if (source === undefined || processFailure(source[t.from], toolName(t.from)) !== undefined) return;
        const file = `roundtrip-${t.name}.mlir`;
        writeFileSync(join(workDir, file), pick(source, t.from).join(`${MARKER}\n`));
        const rt = await run([...toolArgv(t.to), file, ...COMMON_FLAGS, ...t.flags], workDir);
        roundTrips.set(t.name, { run: rt, chunks: splitChunks(rt.stdout) });
      }),
    );
  }

  it(`finds at least ${config.minCases} cases under ${config.casesDir}`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(config.minCases);
  });

  for (const v of VARIANTS) {
    describe(`${v.name} (${v.flags.join(" ")})`, () => {
      it(`${MLIR_OPT} accepts every case`, () => {
        const r = getRuns(v.name);
        const rejected = CASES.filter((_, i) => (r.referenceChunks[i] ?? "") === "").map((c) => c.path);
        expect(rejected, `cases rejected by ${MLIR_OPT}:\n${head(r.reference.stderr, 40)}`).toEqual([]);
        expect(r.referenceChunks.length).toBe(CASES.length);
      });

      it(`${SUBJECT_NAME} prints one chunk per case`, () => {
        const r = getRuns(v.name);
        const broken = processFailure(r.subject, SUBJECT_NAME);
        if (broken !== undefined) expect.fail(broken);
        expect(r.subjectChunks.length, head(r.subject.stderr, 20)).toBe(CASES.length);
      });

      it.each(CASES.map((c, i): [string, number] => [c.path, i]))("%s", (_path, i) => {
        const c = CASES[i];
        const r = getRuns(v.name);
        if (c === undefined) return expect.fail(`no case #${i}`);
        const diagnostics = diagnosticsFor(r.subject.stderr, c, INPUT_NAME);
        const expected = r.referenceChunks[i];
        expectSameChunk(c, i, v.name, expected, MLIR_OPT, r.subject, r.subjectChunks, SUBJECT_NAME, diagnostics, CASES.length);
      });
    });
  }

  for (const t of config.roundTrips) {
    const from = toolName(t.from);
    const to = toolName(t.to);
    describe(`${to} re-parses ${from}'s ${t.variant} output and prints it unchanged (${t.flags.join(" ")})`, () => {
      it.each(CASES.map((c, i): [string, number] => [c.path, i]))("%s", (_path, i) => {
        const c = CASES[i];
        const source = getRuns(t.variant);
        if (c === undefined) return expect.fail(`no case #${i}`);
        const chunks = pick(source, t.from);
        const printed = chunks[i];
        if (printed === undefined || printed === "") return expect.fail(`${c.path}: ${from} printed nothing for this case; nothing to re-parse`);
        const rt = roundTrips.get(t.name);
        if (rt === undefined) return expect.fail(`${from} did not run, so there is nothing to re-parse`);
        // Diagnostics of this run point into the rejoined output, where chunk i has its own lines.
        const range = chunkLineRanges(chunks)[i];
        const diagnostics = range === undefined ? "" : diagnosticsFor(rt.run.stderr, range, `roundtrip-${t.name}.mlir`);
        if ((rt.chunks[i] ?? "") === "") {
          expect.fail(
            `${c.path}: ${to} rejected ${from}'s output for this case:\n${head(printed, 20)}\n` +
              `${to} diagnostics:\n${diagnostics === "" ? head(rt.run.stderr, 20) : diagnostics}`,
          );
        }
        const want = t.expected === undefined ? printed : pick(getRuns(t.expected.variant), t.expected.tool)[i];
        const wantName = t.expected === undefined ? from : `${toolName(t.expected.tool)} ${t.expected.variant}`;
        expectSameChunk(c, i, `re-parse ${t.name}`, want, wantName, rt.run, rt.chunks, `${to} (re-printed)`, diagnostics, CASES.length);
      });
    });
  }
});
}
