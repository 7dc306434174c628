// test/lit.test.ts: runs the lit/FileCheck suite under test/lit (`lit-22 -v test/lit`) inside vitest.
//
// One vitest case for the whole suite: lit runs the `.mlir` files in parallel itself, and its
// per-test result lines are parsed so a failure names every failing test. A missing lit-22 or an
// empty suite is a failure, never a skip: CI must not go green without having run the tests.

import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const LIT = "lit-22";
const SUITE_DIR = "test/lit";
const HPMOE_OPT_JS = join(REPO_ROOT, "dist", "src", "cli", "hpmoe-opt.js");

/**
 * `HPMOE_OPT=mlir-opt-22 npx vitest run test/lit.test.ts` runs the suite with `hpmoe-opt` standing
 * for another command (lit's `--param hpmoe_opt=...`): with the reference tool, every test that
 * pins mlir-opt's behaviour must pass, which checks the tests themselves.
 */
const HPMOE_OPT_OVERRIDE = process.env["HPMOE_OPT"];

/** Generous: every RUN line starts node; the suite is expected to grow to hundreds of files. */
const TIMEOUT_MS = 15 * 60_000;

/** lit result codes that mean the suite is not green (lit's `isFailure` set). */
const FAILING_CODES = new Set(["FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"]);

/** A per-test line of `lit -v`: `PASS: hpmoe :: syntax/locations.mlir (2 of 5)`. */
const RESULT_LINE_RE = /^([A-Z]+): (.+?) \(\d+ of \d+\)$/;

interface LitRun {
  readonly exitCode: number | null;
  readonly output: string;
}

interface LitSummary {
  /** Test name (`hpmoe :: syntax/x.mlir`) → lit result code, in report order. */
  readonly results: ReadonlyMap<string, string>;
  /** `Total Discovered Tests: N`, or undefined if lit printed no summary. */
  readonly discovered: number | undefined;
}

/** Runs lit-22 from the repository root; stdout and stderr are interleaved as lit writes them. */
function runLit(): Promise<LitRun> {
  return new Promise((resolve, reject) => {
    const params = HPMOE_OPT_OVERRIDE === undefined ? [] : ["--param", `hpmoe_opt=${HPMOE_OPT_OVERRIDE}`];
    const child = spawn(LIT, ["-v", ...params, SUITE_DIR], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", (exitCode) => resolve({ exitCode, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

function parseLitOutput(output: string): LitSummary {
  const results = new Map<string, string>();
  let discovered: number | undefined;
  for (const line of output.split("\n")) {
    const m = RESULT_LINE_RE.exec(line.trimEnd());
    if (m !== null && m[1] !== undefined && m[2] !== undefined) results.set(m[2], m[1]);
    const total = /^Total Discovered Tests: (\d+)/.exec(line.trim());
    if (total !== null && total[1] !== undefined) discovered = Number(total[1]);
  }
  return { results, discovered };
}

/** The last `n` lines of `text`: where lit puts its summary and the failing tests' logs end. */
function tail(text: string, n: number): string {
  const lines = text.trimEnd().split("\n");
  return lines.slice(Math.max(0, lines.length - n)).join("\n");
}

describe("lit: FileCheck tests under test/lit", () => {
  it(
    "passes every test",
    async () => {
      const probe = spawnSync(LIT, ["--version"], { stdio: "ignore" });
      if (probe.error !== undefined) {
        expect.fail(`${LIT} not found (${probe.error.message}): install llvm-22-tools (see .ci/run)`);
      }
      if (HPMOE_OPT_OVERRIDE === undefined && !existsSync(HPMOE_OPT_JS)) {
        expect.fail(`${HPMOE_OPT_JS} is missing: run \`npm run build\` first (npm ci runs it)`);
      }
      const run = await runLit();
      const { results, discovered } = parseLitOutput(run.output);
      const ran = [...results.values()].filter((code) => code !== "UNSUPPORTED" && code !== "EXCLUDED" && code !== "SKIPPED").length;
      if (ran === 0 || discovered === 0) {
        expect.fail(`${LIT} ran no tests under ${SUITE_DIR} (exit ${run.exitCode}):\n${tail(run.output, 40)}`);
      }
      const failing = [...results].filter(([, code]) => FAILING_CODES.has(code)).map(([name, code]) => `${code}: ${name}`);
      expect(failing, `${failing.length} lit test(s) failed:\n  ${failing.join("\n  ")}\n\n${tail(run.output, 120)}`).toEqual([]);
      // A non-zero exit without a failing result line (a config error, a crash) still fails.
      expect(run.exitCode, `${LIT} exited with ${run.exitCode}:\n${tail(run.output, 60)}`).toBe(0);
    },
    TIMEOUT_MS,
  );
});
