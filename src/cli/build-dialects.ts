// Build step (`npm run build`): validates every dialects/*.yaml and writes
// its declaration as dist/dialects/<name>.json, which the loader reads at
// start-up instead of parsing YAML (the `yaml` package alone costs more than
// hpmoe-opt's start-up budget). Exits 1 with located errors on a bad file.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDialectYaml } from "../dialect/dialect-yaml.js";

// This file runs as dist/src/cli/build-dialects.js.
const sourceDir = fileURLToPath(new URL("../../../dialects/", import.meta.url));
const outDir = fileURLToPath(new URL("../../dialects/", import.meta.url));

let failed = false;
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(sourceDir).filter((f) => f.endsWith(".yaml")).sort()) {
  const path = `dialects/${file}`;
  const read = readDialectYaml(readFileSync(sourceDir + file, "utf8"));
  if (read.errors) {
    for (const e of read.errors) process.stderr.write(`${path}:${e.line}:${e.col}: error: ${e.message}\n`);
    failed = true;
    continue;
  }
  writeFileSync(outDir + file.replace(/\.yaml$/, ".json"), JSON.stringify(read.decl) + "\n");
}
process.exitCode = failed ? 1 : 0;
