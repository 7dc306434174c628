#!/usr/bin/env node
// test/bad-input/record.mjs: fills the `// ERROR:` header of bad-input cases from mlir-opt-22.
//
//   node test/bad-input/record.mjs [--check] [case.mlir ...]     (default: every case)
//
// Each case runs as `mlir-opt-22 <ARGS> <absolute path>`; the first stderr line
// `<path>:<line>:<col>: error: <message>` becomes `// ERROR: <line>:<col>: <message>`. The header
// line is rewritten in place, so line numbers in the file do not move. `// ERROR-RE:` headers are
// only checked, never rewritten. With --check nothing is written and any disagreement exits 1.

import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const MLIR_OPT = "mlir-opt-22";
const CASES_DIR = join(dirname(fileURLToPath(import.meta.url)), "cases");
/** Same hang guard as the runner: a hang is a failure, not a slow pass. */
const TIMEOUT_MS = 60_000;

const argv = process.argv.slice(2);
const check = argv.includes("--check");
const named = argv.filter((a) => a !== "--check");
const files = named.length > 0
  ? named.map((f) => resolve(f))
  : readdirSync(CASES_DIR).filter((f) => f.endsWith(".mlir")).sort().map((f) => join(CASES_DIR, f));

let problems = 0;
for (const file of files) {
  const text = readFileSync(file, "latin1"); // Byte-preserving: cases may hold any bytes.
  const lines = text.split("\n");
  const argsLine = lines.findIndex((l) => l.startsWith("// ARGS:"));
  const errorLine = lines.findIndex((l) => l.startsWith("// ERROR:") || l.startsWith("// ERROR-RE:"));
  if (argsLine < 0 || errorLine < 0) {
    console.error(`${file}: missing '// ARGS:' or '// ERROR:' header`);
    problems++;
    continue;
  }
  const args = lines[argsLine].slice("// ARGS:".length).trim().split(/\s+/).filter((a) => a !== "");
  const r = spawnSync(MLIR_OPT, [...args, file], { encoding: "latin1", timeout: TIMEOUT_MS, maxBuffer: 1 << 30 });
  if (r.error !== undefined) {
    console.error(`${file}: ${MLIR_OPT} could not run: ${r.error.message}`);
    problems++;
    continue;
  }
  const first = r.stderr.split("\n")[0] ?? "";
  const prefix = `${file}:`;
  const m = first.startsWith(prefix) ? /^(\d+):(\d+): error: (.*)$/.exec(first.slice(prefix.length)) : null;
  if (r.status !== 1 || m === null) {
    console.error(`${file}: ${MLIR_OPT} exited ${r.status ?? r.signal}; first stderr line: ${first}`);
    problems++;
    continue;
  }
  const got = `${m[1]}:${m[2]}: ${m[3].trimEnd()}`;
  const header = lines[errorLine];
  if (header.startsWith("// ERROR-RE:")) {
    const re = new RegExp(`^(?:${header.slice("// ERROR-RE:".length).trim()})$`);
    if (!re.test(got)) {
      console.error(`${file}: ERROR-RE does not match ${MLIR_OPT}: ${got}`);
      problems++;
    }
    continue;
  }
  const want = `// ERROR: ${got}`;
  if (header === want) continue;
  if (check) {
    console.error(`${file}: header says '${header}', ${MLIR_OPT} says '${want}'`);
    problems++;
    continue;
  }
  lines[errorLine] = want;
  writeFileSync(file, lines.join("\n"), "latin1");
  console.log(`${file}: ${got}`);
}
process.exit(problems === 0 ? 0 : 1);
