// The IR examples (examples/ir) parse, verify and print back to what they
// print (custom form stable under a second round trip, generic form too).

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Context, parseSourceString, printTopLevel, registerAllDialects, verify } from "../../src/index.js";

const dir = path.join(__dirname, "..", "..", "examples", "ir");

describe("examples/ir", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".mlir"));
  it("holds the levels' examples (moe, tile, queue schedule and events)", () => expect(files).toEqual(expect.arrayContaining(["tiny.schedule.mlir", "tiny.events.mlir", "tiny-moe-tile.mlir"])));
  it.each(files)("%s round-trips", (file) => {
    const print = (text: string, generic: boolean) => {
      const ctx = new Context();
      registerAllDialects(ctx);
      const m = parseSourceString(ctx, text, file);
      expect(m, ctx.diagnostics.takeAll().map((d) => d.message).join("\n")).toBeDefined();
      expect(verify(m!).failed).toBe(false);
      return printTopLevel(m!, { printGenericOpForm: generic });
    };
    const source = readFileSync(path.join(dir, file), "utf8");
    const custom = print(source, false);
    expect(print(custom, false)).toBe(custom);
    const generic = print(source, true);
    expect(print(generic, true)).toBe(generic);
    expect(print(generic, false)).toBe(custom);
  });
});
