// Bad layer configs: every case in config-cases/ gives exactly the located
// errors its `# ERROR: line:col: message` header lines list, in file order.
// Positions count the header lines; `{DIR}` in a message is the cases folder.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { formatLayerConfigError, parseLayerConfig, type LayerConfigError } from "../../src/layer/layer-config-reader.js";

const CASES_DIR = fileURLToPath(new URL("./config-cases/", import.meta.url));

function expectedErrors(file: string, text: string): string[] {
  return text
    .split("\n")
    .filter((l) => l.startsWith("# ERROR: "))
    .map((l) => `${file}:` + l.slice("# ERROR: ".length).replace(/^(\d+:\d+): /, "$1: error: ").replaceAll("{DIR}", path.dirname(file)));
}

describe("layer config errors", () => {
  const files = fs.readdirSync(CASES_DIR).filter((f) => f.endsWith(".yaml")).sort();

  it("has cases", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of files) {
    it(name, () => {
      const file = path.join(CASES_DIR, name);
      const text = fs.readFileSync(file, "utf8");
      const want = expectedErrors(file, text);
      expect(want.length).toBeGreaterThan(0);
      const got = parseLayerConfig(text, file);
      expect(Array.isArray(got) ? got.map(formatLayerConfigError) : got).toEqual(want);
    });
  }
});

describe("a file that is not YAML", () => {
  it("reports the first 10 YAML syntax errors and how many more there are", () => {
    // Generic MLIR: each line is an implicit key that spans too much, a flow map that never closes...
    const text = Array.from({ length: 40 }, (_, k) => `  %${k} = "x.op"() {a = {b: c: d}} : () -> i32 loc("f":${k}:1)`).join("\n") + "\n}\n";
    const all = parseDocument(text).errors.length;
    expect(all).toBeGreaterThan(11);
    const got = parseLayerConfig(text, "x.mlir");
    expect(Array.isArray(got)).toBe(true);
    const errors = got as LayerConfigError[];
    expect(errors).toHaveLength(11);
    expect(errors[10]!.message).toBe(`${all - 10} more YAML syntax errors from here on are not shown (at most 10 are); is this file a layer config?`);
  });
});
