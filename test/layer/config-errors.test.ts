// Bad layer configs: every case in config-cases/ gives exactly the located
// errors its `# ERROR: line:col: message` header lines list, in file order.
// Positions count the header lines; `{DIR}` in a message is the cases folder.

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatLayerConfigError, parseLayerConfig } from "../../src/layer/layer-config-reader.js";

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
