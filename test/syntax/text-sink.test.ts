// The op printer's output buffer (src/syntax/text-sink.ts): latin1 bytes while
// they fit, strings once a char above 0xFF shows up (only API-built raw text can).

import { describe, expect, test } from "vitest";
import { Context } from "../../src/ir/context.js";
import { OpaqueAttr } from "../../src/ir/builtin-attributes.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { printTopLevel } from "../../src/syntax/printer.js";
import { SourceFile } from "../../src/syntax/source.js";
import { TextSink } from "../../src/syntax/text-sink.js";

describe("TextSink", () => {
  test("keeps latin1 text byte for byte and grows past its first capacity", () => {
    const sink = new TextSink(4);
    let expected = "";
    for (let i = 0; i < 3000; i++) {
      const piece = `line ${i} \xff\x00\x7f "q"\n`;
      sink.write(piece);
      expected += piece;
    }
    expect(sink.text()).toBe(expected);
  });

  test("keeps chars above 0xFF written after allowWideChars", () => {
    const sink = new TextSink();
    sink.write("ab");
    sink.allowWideChars();
    sink.write("\u4e2d");
    expect(sink.text()).toBe("ab\u4e2d");
  });

  test("printTopLevel keeps raw opaque data above 0xFF intact", () => {
    const ctx = new Context({ allowUnregisteredDialects: true });
    const root = parseSourceFile(ctx, new SourceFile("in.mlir", '"x.a"() : () -> ()\n"x.b"() : () -> ()\n'))!;
    const first = root.regions[0]!.entryBlock!.first!;
    first.setAttr("w", OpaqueAttr.get(ctx, "d", "<\u4e2d>"));
    const text = printTopLevel(root, { printGenericOpForm: true });
    expect(text).toContain('"x.a"() {w = #d<<\u4e2d>>} : () -> ()\n  "x.b"() : () -> ()\n');
  });
});
