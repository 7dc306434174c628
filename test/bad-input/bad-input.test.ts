// test/bad-input/bad-input.test.ts: malformed input gives one located error and exit 1, never a crash.
//
// Hand-written cases live in cases/*.mlir, each with an `// ARGS:` and an `// ERROR:` (or
// `// ERROR-RE:`) header whose wording and position come from mlir-opt-22 (record.mjs fills them
// in). Generated cases (deep nesting, 50 MB lines, stray bytes) are built in a temporary directory.
// Some generated inputs are valid and must succeed with mlir-opt's exact output. README.md lists
// what is pinned, how to add a case, and where mlir-opt itself crashes.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

//===----------------------------------------------------------------------===//
// Configuration
//===----------------------------------------------------------------------===//

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CASES_DIR = join(REPO_ROOT, "test", "bad-input", "cases");

/** The reference tool; the interop suite requires it too (Debian/Ubuntu: mlir-22-tools). */
const MLIR_OPT = "mlir-opt-22";

/**
 * The tool under test, as argv prefix. `HPMOE_BAD_INPUT_SUBJECT=mlir-opt-22` runs the suite against
 * the reference itself (every hand-written case must pass; generated cases on which mlir-opt
 * crashes are then expected failures). Any other value is a CLI `.js` file to run with node.
 */
const SUBJECT_OVERRIDE = process.env["HPMOE_BAD_INPUT_SUBJECT"];
const ORACLE_MODE = SUBJECT_OVERRIDE === MLIR_OPT;
const SUBJECT: readonly string[] = ORACLE_MODE
  ? [MLIR_OPT]
  : [process.execPath, SUBJECT_OVERRIDE ?? join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js")];
const SUBJECT_NAME = ORACLE_MODE ? MLIR_OPT : "hpmoe-opt";

/** Per-process hang guard. A hang is a failure; this is not a performance threshold. */
const HANG_GUARD_MS = 60_000;
/**
 * The guard for mlir-opt on cases marked `mlirOptSlow` (oracle mode only): mlir-opt echoes a 50 MB
 * source line and its caret line through many small unbuffered writes, 15-60 s on our machines.
 */
const SLOW_ORACLE_GUARD_MS = 300_000;
/** Vitest's limit per test: two guarded runs (stdout, then `-o`) plus slack. */
const CASE_TIMEOUT_MS = 2 * HANG_GUARD_MS + 30_000;
const SLOW_CASE_TIMEOUT_MS = 2 * SLOW_ORACLE_GUARD_MS + 30_000;
/** Positive cases run the subject and possibly mlir-opt, then hash both outputs. */
const POSITIVE_TIMEOUT_MS = 2 * HANG_GUARD_MS + 60_000;

/** Kept from the start and from the end of stderr: mlir-opt echoes a 50 MB source line. */
const STDERR_KEEP = 256 * 1024;

/** Nesting depth of the generated deep cases, and the size of the huge single line. */
const DEPTH = 10_000;
const HUGE = 50 * 1024 * 1024;

/** Anything in stderr that means the process crashed instead of reporting a diagnostic. */
const CRASH_PATTERNS: readonly RegExp[] = [
  /^\s+at .*:\d+:\d+\)?$/m, // A JavaScript stack frame.
  /TypeError/,
  /RangeError/,
  /Maximum call stack/,
  /node:internal/,
  /PLEASE submit a bug report/, // LLVM's crash banner (oracle mode).
  /^Stack dump:$/m,
];

//===----------------------------------------------------------------------===//
// Hand-written cases
//===----------------------------------------------------------------------===//

/** The expected first stderr line, after `<path>:`. */
type Expectation =
  | { readonly kind: "exact"; readonly line: number; readonly col: number; readonly message: string }
  | { readonly kind: "regex"; readonly re: RegExp; readonly source: string };

interface BadCase {
  readonly name: string;
  readonly path: string;
  readonly args: readonly string[];
  /** undefined when the header is malformed; `headerError` says why. */
  readonly expect: Expectation | undefined;
  readonly headerError: string | undefined;
  /** Generated cases mlir-opt crashes on are expected failures in oracle mode. */
  readonly mlirOptCrashes: boolean;
}

const EXACT_RE = /^(\d+):(\d+): (.*)$/;

/** Parses `// ARGS:` and `// ERROR:` / `// ERROR-RE:` from the leading comment lines of `text`. */
function parseHeader(text: string): { args: string[]; expect: Expectation | undefined; error: string | undefined } {
  let args: string[] | undefined;
  let expectation: Expectation | undefined;
  for (const line of text.split("\n")) {
    if (!line.startsWith("//")) break;
    if (line.startsWith("// ARGS:")) {
      args = line.slice("// ARGS:".length).trim().split(/\s+/).filter((a) => a !== "");
    } else if (line.startsWith("// ERROR-RE:")) {
      const source = line.slice("// ERROR-RE:".length).trim();
      try {
        expectation = { kind: "regex", re: new RegExp(`^(?:${source})$`), source };
      } catch (e) {
        return { args: [], expect: undefined, error: `bad ERROR-RE: ${String(e)}` };
      }
    } else if (line.startsWith("// ERROR:")) {
      const m = EXACT_RE.exec(line.slice("// ERROR:".length).trim());
      if (m === null) return { args: [], expect: undefined, error: `ERROR header is not '<line>:<col>: <message>': ${line}` };
      expectation = { kind: "exact", line: Number(m[1]), col: Number(m[2]), message: (m[3] ?? "").trimEnd() };
    }
  }
  if (args === undefined) return { args: [], expect: undefined, error: "missing '// ARGS:' header" };
  if (expectation === undefined) return { args, expect: undefined, error: "missing '// ERROR:' header" };
  return { args, expect: expectation, error: undefined };
}

function loadCases(): BadCase[] {
  const cases: BadCase[] = [];
  for (const file of readdirSync(CASES_DIR).filter((f) => f.endsWith(".mlir")).sort()) {
    const path = join(CASES_DIR, file);
    const h = parseHeader(readFileSync(path, "latin1"));
    cases.push({
      name: file.slice(0, -".mlir".length),
      path,
      args: h.args,
      expect: h.expect,
      headerError: h.error,
      mlirOptCrashes: false,
    });
  }
  return cases;
}

const CASES = loadCases();

//===----------------------------------------------------------------------===//
// Generated cases
//===----------------------------------------------------------------------===//

const ALLOW = ["--allow-unregistered-dialect"];

/** A generated malformed input: `error` is `<line>:<col>: <message>` as mlir-opt reports it. */
interface GeneratedBad {
  readonly name: string;
  readonly bytes: () => string | Buffer;
  readonly error: string;
  readonly mlirOptCrashes?: boolean;
  /** mlir-opt needs minutes, not seconds (oracle mode gets SLOW_ORACLE_GUARD_MS). */
  readonly mlirOptSlow?: boolean;
}

/**
 * A generated valid input. The expected output is mlir-opt's, or, where mlir-opt overflows its
 * stack, text built here (checked against `ulimit -s unlimited; mlir-opt-22`, see README.md).
 */
interface GeneratedGood {
  readonly name: string;
  readonly bytes: () => string | Buffer;
  readonly expected: "mlir-opt" | (() => Iterable<string>);
  readonly mlirOptCrashes?: boolean;
}

const OPEN_REGION = '"x.a"() ({\n';
const CLOSE_REGION = "}) : () -> ()\n";
const huge = (): string => "a".repeat(HUGE);

const GENERATED_BAD: readonly GeneratedBad[] = [
  {
    name: "deep-region-truncated",
    bytes: () => OPEN_REGION.repeat(DEPTH),
    error: `${DEPTH}:11: expected operation name in quotes`,
    mlirOptCrashes: true,
  },
  {
    name: "deep-array-truncated",
    bytes: () => '"x.a"() {v = ' + "[".repeat(DEPTH),
    error: `1:${13 + DEPTH}: expected attribute value`, // At EOF mlir-opt points at the last character.
    mlirOptCrashes: true,
  },
  {
    name: "deep-tuple-truncated",
    bytes: () => '"x.a"() : () -> ' + "tuple<".repeat(DEPTH) + "i32",
    error: `1:${16 + 6 * DEPTH + 3}: expected '>' in tuple type`,
  },
  {
    name: "huge-string-unterminated",
    bytes: () => '"x.a"() {s = "' + huge() + "} : () -> ()\n",
    error: `1:${14 + HUGE + 13}: expected '"' in string literal`,
    mlirOptSlow: true,
  },
  {
    name: "utf8-invalid-outside-string",
    bytes: () => Buffer.from('"x.a"() {s = "abcd"} : () -> ()\n\xc3\x28"x.b"() : () -> ()\n', "latin1"),
    error: "2:1: unexpected character",
  },
  {
    name: "utf8-bom",
    bytes: () => Buffer.from('\xef\xbb\xbf"x.a"() : () -> ()\n', "latin1"),
    error: "1:1: unexpected character",
  },
  {
    name: "nul-in-op-name",
    bytes: () => Buffer.from('"x.\x00a"() : () -> ()\n', "latin1"),
    error: "1:1: null character not allowed in operation name",
  },
  {
    name: "nul-in-ssa-name",
    bytes: () => Buffer.from('%0 = "x.a"() : () -> i32\n"x.b"(%\x000) : (i32) -> ()\n', "latin1"),
    error: "2:7: invalid SSA name",
  },
  {
    name: "nul-splits-type",
    bytes: () => Buffer.from('"x.a"() : () -> i3\x002\n', "latin1"),
    error: "1:20: expected operation name in quotes",
  },
  {
    name: "nul-in-string-at-eof",
    bytes: () => Buffer.from('"x.a"() {s = "ab\x00', "latin1"),
    error: `1:18: expected '"' in string literal`,
  },
  {
    name: "metadata-open-only",
    bytes: () => "{-#",
    error: "1:3: expected identifier key in file metadata dictionary",
  },
];

const GENERATED_GOOD: readonly GeneratedGood[] = [
  {
    name: "empty-file",
    bytes: () => "",
    expected: "mlir-opt",
  },
  {
    name: "whitespace-and-comments-only",
    bytes: () => "  \n\t\n// comment only\n   // another\n\n",
    expected: "mlir-opt",
  },
  {
    name: "deep-region-valid",
    bytes: () => OPEN_REGION.repeat(DEPTH) + '"x.b"() : () -> ()\n' + CLOSE_REGION.repeat(DEPTH),
    expected: function* () {
      yield "module {\n";
      for (let i = 1; i <= DEPTH; i++) yield `${"  ".repeat(i)}"x.a"() ({\n`;
      yield `${"  ".repeat(DEPTH + 1)}"x.b"() : () -> ()\n`;
      for (let i = DEPTH; i >= 1; i--) yield `${"  ".repeat(i)}}) : () -> ()\n`;
      yield "}\n\n";
    },
    mlirOptCrashes: true,
  },
  {
    name: "deep-array-valid",
    bytes: () => '"x.a"() {v = ' + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "} : () -> ()\n",
    expected: function* () {
      yield `module {\n  "x.a"() {v = ${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}} : () -> ()\n}\n\n`;
    },
    mlirOptCrashes: true,
  },
  {
    name: "deep-tuple-valid",
    bytes: () => '"x.a"() : () -> ' + "tuple<".repeat(DEPTH) + "i32" + ">".repeat(DEPTH) + "\n",
    expected: "mlir-opt",
  },
  {
    name: "huge-string-valid",
    bytes: () => '"x.a"() {s = "' + huge() + '"} : () -> ()\n',
    expected: "mlir-opt",
  },
  {
    name: "utf8-invalid-in-string",
    bytes: () => Buffer.from('"x.a"() {s = "ab\xff\xfecd"} : () -> ()\n', "latin1"),
    expected: "mlir-opt",
  },
  {
    name: "utf8-invalid-in-comment",
    bytes: () => Buffer.from('"x.a"() : () -> ()\n// comment \xff\xfe\n"x.b"() : () -> ()\n', "latin1"),
    expected: "mlir-opt",
  },
  {
    name: "nul-between-ops",
    bytes: () => Buffer.from('"x.a"() : () -> ()\n\x00"x.b"() : () -> ()\n', "latin1"),
    expected: "mlir-opt",
  },
  {
    name: "nul-in-string",
    bytes: () => Buffer.from('"x.a"() {s = "a\x00b"} : () -> ()\n', "latin1"),
    expected: "mlir-opt",
  },
  {
    name: "nul-only",
    bytes: () => Buffer.from("\x00", "latin1"),
    expected: "mlir-opt",
  },
  {
    name: "crlf-line-endings",
    bytes: () => '"x.a"() : () -> ()\r\n%0 = "x.b"() : () -> i32\r\n',
    expected: "mlir-opt",
  },
  {
    name: "ops-after-metadata-block",
    bytes: () => '"x.a"() : () -> ()\n{-#\n#-}\n"x.b"() : () -> ()\n',
    expected: "mlir-opt",
  },
  {
    name: "dense-resource-missing-blob",
    bytes: () => '"x.a"() {v = dense_resource<missing> : tensor<1xi8>} : () -> ()\n',
    expected: "mlir-opt",
  },
];

//===----------------------------------------------------------------------===//
// Running the tool
//===----------------------------------------------------------------------===//

interface RunResult {
  /** Up to STDERR_KEEP bytes of stdout, and its full length. */
  readonly stdout: string;
  readonly stdoutBytes: number;
  /** The head and tail of stderr (joined with a marker when the middle was dropped). */
  readonly stderr: string;
  readonly status: number | undefined;
  readonly signal: NodeJS.Signals | undefined;
  /** Killed by the hang guard. */
  readonly hung: boolean;
  readonly spawnError: Error | undefined;
}

/**
 * Keeps the first and last `keep` bytes of a stream, and counts the rest. O(1) amortised per byte:
 * the tail is compacted only when it holds twice what it keeps (mlir-opt writes a 50 MB caret line
 * in tiny pieces, and re-copying the tail per piece took minutes).
 */
class HeadTail {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  total = 0;
  constructor(private readonly keep: number) {}
  push(b: Buffer): void {
    this.total += b.length;
    if (this.headBytes < this.keep) {
      const take = b.subarray(0, this.keep - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      b = b.subarray(take.length);
    }
    if (b.length === 0) return;
    this.tail.push(b);
    this.tailBytes += b.length;
    if (this.tailBytes > 2 * this.keep) this.compactTail();
  }
  private compactTail(): void {
    const joined = Buffer.concat(this.tail);
    const kept = joined.subarray(Math.max(0, joined.length - this.keep));
    this.tail = [Buffer.from(kept)];
    this.tailBytes = kept.length;
  }
  text(): string {
    this.compactTail();
    const head = Buffer.concat(this.head).toString("utf8");
    const tail = Buffer.concat(this.tail).toString("utf8");
    const dropped = this.total - this.headBytes - this.tailBytes;
    return dropped === 0 ? head + tail : `${head}\n[... ${dropped} bytes dropped ...]\n${tail}`;
  }
}

/** Runs `argv` with a hang guard of `guardMs`; never rejects. */
function run(argv: readonly string[], guardMs = HANG_GUARD_MS): Promise<RunResult> {
  return new Promise((resolve) => {
    const [command, ...args] = argv;
    if (command === undefined) throw new Error("empty argv");
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const out = new HeadTail(STDERR_KEEP);
    const err = new HeadTail(STDERR_KEEP);
    let hung = false;
    let spawnError: Error | undefined;
    const guard = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, guardMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      spawnError = e;
    });
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      resolve({
        stdout: out.text(),
        stdoutBytes: out.total,
        stderr: err.text(),
        status: code ?? undefined,
        signal: signal ?? undefined,
        hung,
        spawnError,
      });
    });
  });
}

function excerpt(text: string, maxLines = 15, maxCols = 200): string {
  const lines = text.trimEnd().split("\n").map((l) => (l.length > maxCols ? `${l.slice(0, maxCols)}[...]` : l));
  if (lines.length <= maxLines) return lines.join("\n");
  return [...lines.slice(0, maxLines), `[... ${lines.length - maxLines} more lines]`].join("\n");
}

/** Why the process did not run to a normal exit, or undefined when it did. */
function abnormalExit(r: RunResult): string | undefined {
  if (r.spawnError !== undefined) return `could not be started: ${r.spawnError.message}`;
  if (r.hung) return "hung: killed by the hang guard";
  if (r.signal !== undefined) return `crashed: killed by ${r.signal}`;
  if (r.status === undefined) return "exited without a status";
  return undefined;
}

function crashMarkers(stderr: string): string[] {
  return CRASH_PATTERNS.filter((p) => p.test(stderr)).map((p) => `stderr matches ${String(p)} (crash, not a diagnostic)`);
}

const FIRST_LINE_RE = /^(\d+):(\d+): error: (.*)$/;

/** Problems with the first stderr line, which must be `<path>:<line>:<col>: error: <message>`. */
function firstLineProblems(stderr: string, path: string, want: Expectation): string[] {
  const first = stderr.split("\n")[0] ?? "";
  const rest = first.startsWith(`${path}:`) ? first.slice(path.length + 1) : undefined;
  const m = rest === undefined ? null : FIRST_LINE_RE.exec(rest);
  const wantText =
    want.kind === "exact" ? `${path}:${want.line}:${want.col}: error: ${want.message}` : `${path}:/${want.source}/`;
  if (m === null) return [`first stderr line is not '<path>:<line>:<col>: error: ...'\n  want: ${wantText}\n  got:  ${first}`];
  const got = `${m[1]}:${m[2]}: ${(m[3] ?? "").trimEnd()}`;
  const ok =
    want.kind === "exact"
      ? Number(m[1]) === want.line && Number(m[2]) === want.col && (m[3] ?? "").trimEnd() === want.message
      : want.re.test(got);
  return ok ? [] : [`wrong diagnostic\n  want: ${wantText}\n  got:  ${first}`];
}

/**
 * Runs one malformed input twice: to stdout, and with `-o <file>`. Returns every problem found
 * (empty when the case passes), each with enough context to act on.
 */
async function checkBad(
  path: string,
  args: readonly string[],
  want: Expectation,
  outFile: string,
  guardMs = HANG_GUARD_MS,
): Promise<string[]> {
  const problems: string[] = [];
  const toStdout = await run([...SUBJECT, path, ...args], guardMs);
  const toFile = await run([...SUBJECT, path, ...args, "-o", outFile], guardMs);
  for (const [label, r] of [["stdout run", toStdout], ["-o run", toFile]] as const) {
    const p: string[] = [];
    const abnormal = abnormalExit(r);
    if (abnormal !== undefined) p.push(abnormal);
    else if (r.status !== 1) p.push(`exit status ${String(r.status)}, want 1`);
    if (r.stdoutBytes !== 0) p.push(`stdout is not empty (${r.stdoutBytes} bytes):\n${excerpt(r.stdout, 5)}`);
    p.push(...crashMarkers(r.stderr));
    if (abnormal === undefined || r.stderr !== "") p.push(...firstLineProblems(r.stderr, path, want));
    if (p.length > 0) problems.push(`[${label}] ${p.join("\n")}\n  stderr:\n${excerpt(r.stderr)}`);
  }
  if (existsSync(outFile)) {
    problems.push(`[-o run] output file ${outFile} was left behind (${statSync(outFile).size} bytes)`);
    rmSync(outFile, { force: true });
  }
  return problems;
}

//===----------------------------------------------------------------------===//
// Comparing outputs of valid inputs
//===----------------------------------------------------------------------===//

interface Digest {
  readonly sha256: string;
  readonly bytes: number;
}

async function digestFile(path: string): Promise<Digest> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

function digestChunks(chunks: Iterable<string>): Digest {
  const hash = createHash("sha256");
  let bytes = 0;
  for (const c of chunks) {
    const b = Buffer.from(c, "utf8");
    hash.update(b);
    bytes += b.length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** The first line where two texts differ, from their first 1 MB (enough to show a small diff). */
function firstDifference(expected: Buffer, actual: Buffer): string {
  const a = expected.subarray(0, 1 << 20).toString("utf8").split("\n");
  const b = actual.subarray(0, 1 << 20).toString("utf8").split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      const clip = (s: string | undefined): string => (s === undefined ? "<end>" : s.length > 200 ? `${s.slice(0, 200)}[...]` : s);
      return `first difference at output line ${i + 1}:\n  want: ${clip(a[i])}\n  got:  ${clip(b[i])}`;
    }
  }
  return "outputs differ beyond the first 1 MB";
}

/** Reads at most the first 1 MB of a file, or an empty buffer when it is absent. */
function readHead(path: string): Buffer {
  if (!existsSync(path)) return Buffer.alloc(0);
  const fd = openSync(path, "r");
  try {
    const b = Buffer.alloc(1 << 20);
    return b.subarray(0, readSync(fd, b, 0, b.length, 0));
  } finally {
    closeSync(fd);
  }
}

//===----------------------------------------------------------------------===//
// The suite
//===----------------------------------------------------------------------===//

let workDir = "";

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "hpmoe-bad-input-"));
});

afterAll(() => {
  if (workDir !== "") rmSync(workDir, { recursive: true, force: true });
});

/** Expected to fail only when running against mlir-opt and mlir-opt is known to crash on it. */
function failsUnderOracle(c: { readonly mlirOptCrashes?: boolean }): boolean {
  return ORACLE_MODE && c.mlirOptCrashes === true;
}

describe(`bad input: ${SUBJECT_NAME} reports a located error and exits 1`, () => {
  it("has at least 60 hand-written cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  describe.concurrent("hand-written cases", () => {
    for (const c of CASES) {
      it(c.name, { timeout: CASE_TIMEOUT_MS, fails: failsUnderOracle(c) }, async ({ expect }) => {
        if (c.expect === undefined) return expect.fail(`${c.path}: ${c.headerError ?? "bad header"}`);
        const problems = await checkBad(c.path, c.args, c.expect, join(workDir, `${c.name}.out.mlir`));
        expect(problems, `${c.name}:\n${problems.join("\n")}`).toEqual([]);
      });
    }
  });

  describe("generated malformed inputs", () => {
    for (const g of GENERATED_BAD) {
      const slow = ORACLE_MODE && g.mlirOptSlow === true;
      const timeout = slow ? SLOW_CASE_TIMEOUT_MS : CASE_TIMEOUT_MS;
      it(g.name, { timeout, fails: failsUnderOracle(g) }, async () => {
        const path = join(workDir, `${g.name}.mlir`);
        writeFileSync(path, g.bytes());
        const m = EXACT_RE.exec(g.error);
        if (m === null) return expect.fail(`bad expectation ${g.error}`);
        const want: Expectation = { kind: "exact", line: Number(m[1]), col: Number(m[2]), message: m[3] ?? "" };
        const guardMs = slow ? SLOW_ORACLE_GUARD_MS : HANG_GUARD_MS;
        const problems = await checkBad(path, ALLOW, want, join(workDir, `${g.name}.out.mlir`), guardMs);
        rmSync(path, { force: true });
        expect(problems, `${g.name}:\n${problems.join("\n")}`).toEqual([]);
      });
    }
  });

  describe("generated valid inputs: exit 0 and mlir-opt's output", () => {
    for (const g of GENERATED_GOOD) {
      it(g.name, { timeout: POSITIVE_TIMEOUT_MS, fails: failsUnderOracle(g) }, async () => {
        const path = join(workDir, `${g.name}.mlir`);
        const outFile = join(workDir, `${g.name}.out.mlir`);
        const refFile = join(workDir, `${g.name}.ref.mlir`);
        writeFileSync(path, g.bytes());
        try {
          // Output goes to a file: the deep-region output is 200 MB of indentation.
          const r = await run([...SUBJECT, path, ...ALLOW, "-o", outFile]);
          const problems: string[] = [];
          const abnormal = abnormalExit(r);
          if (abnormal !== undefined) problems.push(abnormal);
          else if (r.status !== 0) problems.push(`exit status ${String(r.status)}, want 0`);
          problems.push(...crashMarkers(r.stderr));
          if (problems.length > 0) return expect.fail(`${g.name}: ${problems.join("\n")}\n  stderr:\n${excerpt(r.stderr)}`);
          if (!existsSync(outFile)) return expect.fail(`${g.name}: no output file written`);

          let want: Digest;
          let wantHead: Buffer;
          if (g.expected === "mlir-opt") {
            const ref = await run([MLIR_OPT, path, ...ALLOW, "-o", refFile]);
            const refAbnormal = abnormalExit(ref);
            if (refAbnormal !== undefined || ref.status !== 0) {
              return expect.fail(`${g.name}: ${MLIR_OPT} ${refAbnormal ?? `exited ${String(ref.status)}`}:\n${excerpt(ref.stderr)}`);
            }
            want = await digestFile(refFile);
            wantHead = readHead(refFile);
          } else {
            want = digestChunks(g.expected());
            let head = "";
            for (const chunk of g.expected()) {
              head += chunk;
              if (head.length >= 1 << 20) break;
            }
            wantHead = Buffer.from(head, "utf8");
          }
          const got = await digestFile(outFile);
          if (got.sha256 !== want.sha256) {
            expect.fail(
              `${g.name}: output differs from the expected text (${got.bytes} vs ${want.bytes} bytes)\n` +
                firstDifference(wantHead, readHead(outFile)),
            );
          }
        } finally {
          for (const f of [path, outFile, refFile]) rmSync(f, { force: true });
        }
      });
    }
  });
});
