// bench/compare-tools.mjs: the harness behind `npm run bench:parse` and `npm run bench:passes`:
// hpmoe-opt against mlir-opt-22 on one large generated file, with byte-identical output as the
// precondition. Each benchmark script describes its input generator and variants (flag sets) and
// calls runComparison.
//
// Each round runs, per variant, both tools on the same file with the same flags, alternating
// which goes first, and measures each child's wall time and peak RSS. Peak RSS comes from GNU
// time (`/usr/bin/time -f "%M %e %U %S" -o FILE`); where it is missing, from a python3 wrapper
// reading `resource.getrusage(RUSAGE_CHILDREN).ru_maxrss` (Node cannot read a child's max RSS).
// The outputs of each pair must be byte-identical; otherwise the first differing line is shown and
// the exit code is 1. bench/README.md describes the output.

import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const WORK_DIR = path.join(REPO_ROOT, "bench", ".work");
const HPMOE_OPT_JS = path.join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js");

/**
 * What one benchmark compares.
 * @typedef {object} Benchmark
 * @property {string} name           e.g. "bench:parse", for messages
 * @property {string[]} commonFlags  flags both tools get in every variant (before the variant's)
 * @property {{name: string, flags: string[]}[]} variants
 * @property {number} defaultOps
 * @property {number} defaultSeed
 * @property {string} inputStem      cached inputs are bench/.work/<stem>-n<ops>-s<seed>-v<version>.mlir
 * @property {number} generatorVersion
 * @property {(ops: number, seed: number, file: string) => number} generate  writes the input, returns its size in bytes
 */

/** Longest line excerpt shown for a differing line. */
const DIFF_EXCERPT_CHARS = 240;

//===----------------------------------------------------------------------===//
// Command line
//===----------------------------------------------------------------------===//

const usage = (bench) => `Usage: npm run ${bench.name} -- [options]
  --rounds N        rounds per variant (default 5)
  --ops N           ops in the generated input (default ${bench.defaultOps})
  --seed S          generator seed (default ${bench.defaultSeed})
  --input FILE      use FILE instead of the generated input
  --variant NAME    ${bench.variants.map((v) => v.name).join(" | ")}; repeat or comma-separate (default: all)
  --timeout SEC     kill a run after SEC seconds (default 900)
  --mlir-opt CMD    reference command (default: mlir-opt-22)
  --hpmoe CMD       command under test (default: node, the flags of its #! line, dist/src/cli/hpmoe-opt.js)
  --json            print one JSON object on stdout instead of the table
`;

/**
 * The node flags in a tool's `#!/usr/bin/env -S node FLAGS` line, so the benchmark runs it
 * as `npx` would (the heap flags there matter) with this process's node binary.
 */
function shebangNodeFlags(file) {
  if (!fs.existsSync(file)) return [];
  const first = fs.readFileSync(file, "latin1").split("\n", 1)[0];
  const m = /^#!\/usr\/bin\/env -S node((?: [^ ]+)*)$/.exec(first);
  return m ? m[1].split(" ").filter(Boolean) : [];
}

/** The running benchmark's name, for messages. */
let benchName = "bench";

function fail(message) {
  process.stderr.write(`${benchName}: ${message}\n`);
  process.exit(2);
}

function parseArgs(bench, argv) {
  const VARIANTS = bench.variants;
  const USAGE = usage(bench);
  const opts = {
    rounds: 5,
    ops: bench.defaultOps,
    seed: bench.defaultSeed,
    input: undefined,
    variants: [],
    timeoutSec: 900,
    mlirOpt: ["mlir-opt-22"],
    hpmoe: [process.execPath, ...shebangNodeFlags(HPMOE_OPT_JS), HPMOE_OPT_JS],
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const intValue = (min) => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < min) fail(`${flag} must be an integer >= ${min}`);
      return v;
    };
    switch (flag) {
      case "--rounds":
        opts.rounds = intValue(1);
        break;
      case "--ops":
        opts.ops = intValue(1);
        break;
      case "--seed":
        opts.seed = intValue(0);
        break;
      case "--input":
        opts.input = path.resolve(value());
        break;
      case "--variant":
        for (const name of value().split(",")) {
          const v = VARIANTS.find((x) => x.name === name);
          if (v === undefined) fail(`unknown variant '${name}' (expected ${VARIANTS.map((x) => x.name).join(", ")})`);
          if (!opts.variants.includes(v)) opts.variants.push(v);
        }
        break;
      case "--timeout":
        opts.timeoutSec = intValue(1);
        break;
      case "--mlir-opt":
        opts.mlirOpt = value().split(" ").filter((s) => s !== "");
        break;
      case "--hpmoe":
        opts.hpmoe = value().split(" ").filter((s) => s !== "");
        break;
      case "--json":
        opts.json = true;
        break;
      case "--help":
      case "-h":
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument '${arg}'\n${USAGE}`);
    }
  }
  if (opts.variants.length === 0) opts.variants = VARIANTS.slice();
  return opts;
}

//===----------------------------------------------------------------------===//
// Measuring one child
//===----------------------------------------------------------------------===//

/**
 * How a child's peak RSS is read. GNU time writes "%M %e %U %S" (KiB, seconds) to a file given
 * by -o, so nothing mixes with the child's stderr. The python3 fallback runs the child with
 * subprocess and reads getrusage(RUSAGE_CHILDREN) after it exits (ru_maxrss is KiB on Linux).
 */
const RUSAGE_METHODS = {
  "gnu-time": {
    describe: "GNU time: /usr/bin/time -f '%M %e %U %S' (ru_maxrss of the child, KiB)",
    wrap: (statsFile, argv) => ["/usr/bin/time", "-f", "%M %e %U %S", "-o", statsFile, ...argv],
  },
  "python-rusage": {
    describe: "python3 wrapper: resource.getrusage(RUSAGE_CHILDREN).ru_maxrss (KiB)",
    wrap: (statsFile, argv) => [
      "python3",
      "-c",
      [
        "import resource, subprocess, sys",
        "rc = subprocess.call(sys.argv[2:])",
        "ru = resource.getrusage(resource.RUSAGE_CHILDREN)",
        "open(sys.argv[1], 'w').write('%d 0 %f %f\\n' % (ru.ru_maxrss, ru.ru_utime, ru.ru_stime))",
        "sys.exit(rc if rc >= 0 else 128 - rc)",
      ].join("\n"),
      statsFile,
      ...argv,
    ],
  },
};

/** Picks the first method that measures a trivial command here; exits if none does. */
function pickRusageMethod() {
  const statsFile = path.join(WORK_DIR, `probe-${process.pid}.stats`);
  try {
    for (const [name, method] of Object.entries(RUSAGE_METHODS)) {
      const [cmd, ...args] = method.wrap(statsFile, ["true"]);
      const res = spawnSync(cmd, args, { stdio: "ignore" });
      if (res.status === 0 && readStats(statsFile) !== undefined) return name;
    }
  } finally {
    fs.rmSync(statsFile, { force: true });
  }
  fail("cannot measure peak RSS: neither GNU time (/usr/bin/time) nor python3 works here");
}

/** Parses the stats file's last line: maxrss KiB, wall s, user s, sys s. */
function readStats(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  // GNU time writes "Command exited with non-zero status N" or "Command terminated by signal N"
  // before the formatted line when the child fails.
  const lines = text.trim().split("\n");
  const fields = lines[lines.length - 1].trim().split(/\s+/).map(Number);
  if (fields.length !== 4 || fields.some((f) => !Number.isFinite(f))) return undefined;
  return { maxRssKiB: fields[0], userS: fields[2], sysS: fields[3] };
}

/**
 * Runs `argv` under the rusage wrapper in its own process group, killing the group after
 * `timeoutSec`. Resolves to {ok, wallS, maxRssKiB, userS, sysS, exitCode, signal, stderr}.
 */
function measure(argv, rusageMethod, timeoutSec) {
  const statsFile = path.join(WORK_DIR, `run-${process.pid}.stats`);
  fs.rmSync(statsFile, { force: true });
  const [cmd, ...args] = RUSAGE_METHODS[rusageMethod].wrap(statsFile, argv);
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], detached: true });
    const stderrChunks = [];
    let stderrBytes = 0;
    child.stderr.on("data", (chunk) => {
      // Keep the first 64 KiB: enough for any diagnostic, bounded if a tool floods stderr.
      if (stderrBytes < 65536) stderrChunks.push(chunk);
      stderrBytes += chunk.length;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutSec * 1000);
    const finish = (exitCode, signal, spawnError) => {
      clearTimeout(timer);
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      const stats = readStats(statsFile);
      fs.rmSync(statsFile, { force: true });
      let stderr = Buffer.concat(stderrChunks).toString("utf8");
      if (spawnError !== undefined) stderr += `cannot run ${cmd}: ${spawnError.message}\n`;
      if (timedOut) stderr += `killed after ${timeoutSec} s (--timeout)\n`;
      resolve({
        ok: exitCode === 0 && !timedOut && spawnError === undefined,
        wallS,
        maxRssKiB: stats?.maxRssKiB,
        userS: stats?.userS,
        sysS: stats?.sysS,
        exitCode,
        signal,
        stderr,
      });
    };
    child.on("error", (e) => finish(null, null, e));
    child.on("close", (code, signal) => finish(code, signal, undefined));
  });
}

//===----------------------------------------------------------------------===//
// Comparing outputs
//===----------------------------------------------------------------------===//

/** undefined if the files are byte-identical, else where they first differ (1-based line). */
function firstDifference(fileA, fileB) {
  const a = fs.readFileSync(fileA);
  const b = fs.readFileSync(fileB);
  if (a.equals(b)) return undefined;
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Compare 64 KiB blocks first; scan bytes only inside the first differing block.
  const BLOCK = 65536;
  while (i + BLOCK <= n && a.subarray(i, i + BLOCK).equals(b.subarray(i, i + BLOCK))) i += BLOCK;
  while (i < n && a[i] === b[i]) i++;
  let line = 1;
  let lineStart = 0;
  for (let j = a.indexOf(10, 0); j !== -1 && j < i; j = a.indexOf(10, j + 1)) {
    line++;
    lineStart = j + 1;
  }
  const lineOf = (buf) => {
    if (lineStart >= buf.length) return "<end of file>";
    let end = buf.indexOf(10, lineStart);
    if (end === -1) end = buf.length;
    const text = buf.subarray(lineStart, end).toString("utf8");
    return text.length > DIFF_EXCERPT_CHARS ? `${text.slice(0, DIFF_EXCERPT_CHARS)}…` : text;
  };
  return { line, column: i - lineStart + 1, byteOffset: i, expected: lineOf(a), actual: lineOf(b), expectedBytes: a.length, actualBytes: b.length };
}

//===----------------------------------------------------------------------===//
// Reporting
//===----------------------------------------------------------------------===//

function median(xs) {
  if (xs.length === 0) return undefined;
  const s = xs.slice().sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summarizeTool(runs) {
  const ok = runs.filter((r) => r.ok);
  const rss = ok.map((r) => r.maxRssKiB).filter((x) => x !== undefined);
  return {
    runs: runs.length,
    failures: runs.length - ok.length,
    wallS: runs.map((r) => round3(r.wallS)),
    medianWallS: ok.length > 0 ? round3(median(ok.map((r) => r.wallS))) : null,
    medianCpuS: ok.length > 0 && ok[0].userS !== undefined ? round3(median(ok.map((r) => r.userS + r.sysS))) : null,
    peakRssMiB: rss.length > 0 ? round1(Math.max(...rss) / 1024) : null,
  };
}

const round3 = (x) => Math.round(x * 1000) / 1000;
const round1 = (x) => Math.round(x * 10) / 10;
const fmt = (x, digits) => (x === null || x === undefined ? "-" : x.toFixed(digits));

function printTable(report, commonFlags) {
  const out = [];
  out.push(`input: ${path.relative(process.cwd(), report.input) || report.input} (${(report.inputBytes / 1e6).toFixed(1)} MB${report.ops ? `, ${report.ops} ops` : ""}), ${report.rounds} round(s)`);
  out.push(`flags: ${commonFlags.join(" ")} [+ variant flags] FILE -o OUT`);
  out.push(`peak RSS: ${RUSAGE_METHODS[report.rusageMethod].describe}`);
  // Wall times on a shared 2-core machine follow its load; CPU times (user+sys) much less so.
  out.push(`load average at start: ${report.loadAverage.join(", ")} on ${report.cpus} CPU(s)`);
  out.push("");
  const header = ["variant", "mlir-opt s", "hpmoe s", "ratio mlir/hpmoe", "mlir CPU s", "hpmoe CPU s", "mlir RSS MiB", "hpmoe RSS MiB", "hpmoe MB/s", "output"];
  const rows = report.variants.map((v) => [
    v.name,
    fmt(v.mlirOpt.medianWallS, 3),
    fmt(v.hpmoe.medianWallS, 3),
    fmt(v.ratio, 2),
    fmt(v.mlirOpt.medianCpuS, 2),
    fmt(v.hpmoe.medianCpuS, 2),
    fmt(v.mlirOpt.peakRssMiB, 1),
    fmt(v.hpmoe.peakRssMiB, 1),
    v.hpmoe.medianWallS ? (report.inputBytes / 1e6 / v.hpmoe.medianWallS).toFixed(1) : "-",
    v.status,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  out.push(line(header));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) out.push(line(r));
  out.push("");
  out.push("wall and CPU (user+sys) times are medians of successful runs; ratio (of wall times) >= 1.00 means hpmoe-opt is faster; RSS is the peak over all runs");
  for (const v of report.variants) {
    if (v.firstDifference) {
      const d = v.firstDifference;
      out.push("");
      out.push(`${v.name}: outputs differ at line ${d.line}, column ${d.column} (mlir-opt ${d.expectedBytes} bytes, hpmoe ${d.actualBytes} bytes)`);
      out.push(`  mlir-opt: ${d.expected}`);
      out.push(`  hpmoe:    ${d.actual}`);
    }
    for (const f of v.failureMessages) {
      out.push("");
      out.push(`${v.name}: ${f}`);
    }
  }
  process.stdout.write(out.join("\n") + "\n");
}

//===----------------------------------------------------------------------===//
// Main
//===----------------------------------------------------------------------===//

function ensureInput(bench, opts) {
  if (opts.input !== undefined) {
    if (!fs.existsSync(opts.input)) fail(`input file '${opts.input}' does not exist`);
    return opts.input;
  }
  const file = path.join(WORK_DIR, `${bench.inputStem}-n${opts.ops}-s${opts.seed}-v${bench.generatorVersion}.mlir`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`${bench.name}: generating ${path.relative(REPO_ROOT, file)} (${opts.ops} ops)...\n`);
    const t0 = process.hrtime.bigint();
    const bytes = bench.generate(opts.ops, opts.seed, file);
    process.stderr.write(`${bench.name}: generated ${(bytes / 1e6).toFixed(1)} MB in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2)} s\n`);
  }
  return file;
}

function checkTools(opts) {
  const probe = spawnSync(opts.mlirOpt[0], [...opts.mlirOpt.slice(1), "--version"], { stdio: "ignore" });
  if (probe.error !== undefined || probe.status !== 0) fail(`cannot run '${opts.mlirOpt.join(" ")}' (install llvm/mlir 22 tools: see .ci/run)`);
  for (const arg of opts.hpmoe) {
    if (arg.endsWith(".js") && !fs.existsSync(arg)) fail(`${path.relative(REPO_ROOT, arg)} is missing: run \`npm run build\` first`);
  }
}

/** Runs `bench` with the command line's options; sets the exit code (0 only when every output matched). */
export async function runComparison(bench) {
  benchName = bench.name;
  const COMMON_FLAGS = bench.commonFlags;
  const opts = parseArgs(bench, process.argv.slice(2));
  fs.mkdirSync(WORK_DIR, { recursive: true });
  checkTools(opts);
  const input = ensureInput(bench, opts);
  const inputBytes = fs.statSync(input).size;
  const rusageMethod = pickRusageMethod();
  const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const tools = [
    { key: "mlirOpt", label: path.basename(opts.mlirOpt[0]), argv: opts.mlirOpt },
    { key: "hpmoe", label: "hpmoe-opt", argv: opts.hpmoe },
  ];

  const results = opts.variants.map((v) => ({ variant: v, runs: { mlirOpt: [], hpmoe: [] }, firstDifference: undefined, failureMessages: [], stopped: false }));
  const total = opts.rounds * opts.variants.length * 2;
  let done = 0;
  for (let round = 0; round < opts.rounds; round++) {
    for (const res of results) {
      if (res.stopped) {
        done += 2;
        continue;
      }
      const v = res.variant;
      // Alternate which tool goes first so neither always runs on a warmer page cache.
      const order = round % 2 === 0 ? tools : [tools[1], tools[0]];
      const outputs = {};
      for (const tool of order) {
        const outFile = path.join(WORK_DIR, `out-${tool.key === "mlirOpt" ? "mlir-opt" : "hpmoe"}-${v.name}.mlir`);
        fs.rmSync(outFile, { force: true });
        const argv = [...tool.argv, ...COMMON_FLAGS, ...v.flags, input, "-o", outFile];
        const run = await measure(argv, rusageMethod, opts.timeoutSec);
        res.runs[tool.key].push(run);
        outputs[tool.key] = outFile;
        done++;
        const rss = run.maxRssKiB === undefined ? "?" : (run.maxRssKiB / 1024).toFixed(0);
        process.stderr.write(
          `[${done}/${total}] round ${round + 1}/${opts.rounds} ${v.name} ${tool.label}: ${run.wallS.toFixed(3)} s, ${rss} MiB${run.ok ? "" : `, FAILED (exit ${run.exitCode ?? run.signal})`}\n`,
        );
        if (!run.ok) {
          const head = run.stderr.trimEnd().split("\n").slice(0, 20).join("\n");
          res.failureMessages.push(`${tool.label} failed (exit ${run.exitCode ?? run.signal}): ${argv.join(" ")}\n${head}`);
        }
      }
      const failed = res.runs.mlirOpt[res.runs.mlirOpt.length - 1].ok === false || res.runs.hpmoe[res.runs.hpmoe.length - 1].ok === false;
      if (failed) {
        // A failing tool fails the same way every round: stop this variant, keep the others.
        res.stopped = true;
        continue;
      }
      // Both tools are deterministic, so one difference is enough; timing goes on regardless,
      // since the numbers are still useful while the printer is being fixed.
      if (res.firstDifference === undefined) {
        const diff = firstDifference(outputs.mlirOpt, outputs.hpmoe);
        if (diff !== undefined) {
          res.firstDifference = diff;
          process.stderr.write(`${bench.name}: ${v.name}: outputs differ at line ${diff.line} (exit status will be 1)\n`);
        }
      }
    }
  }

  const variants = results.map((res) => {
    const mlirOpt = summarizeTool(res.runs.mlirOpt);
    const hpmoe = summarizeTool(res.runs.hpmoe);
    const status = res.failureMessages.length > 0 ? "FAILED" : res.firstDifference !== undefined ? "DIFFER" : "identical";
    return {
      name: res.variant.name,
      flags: [...COMMON_FLAGS, ...res.variant.flags],
      mlirOpt,
      hpmoe,
      ratio: mlirOpt.medianWallS !== null && hpmoe.medianWallS ? round3(mlirOpt.medianWallS / hpmoe.medianWallS) : null,
      identical: status === "identical",
      status,
      firstDifference: res.firstDifference ?? null,
      failureMessages: res.failureMessages,
    };
  });
  const report = {
    input,
    inputBytes,
    ops: opts.input === undefined ? opts.ops : null,
    seed: opts.input === undefined ? opts.seed : null,
    rounds: opts.rounds,
    rusageMethod,
    loadAverage,
    cpus: os.cpus().length,
    mlirOptCommand: opts.mlirOpt.join(" "),
    hpmoeCommand: opts.hpmoe.join(" "),
    variants,
    ok: variants.every((v) => v.identical),
  };
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else printTable(report, COMMON_FLAGS);
  process.exitCode = report.ok ? 0 : 1;
}
