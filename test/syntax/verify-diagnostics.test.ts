// --verify-diagnostics and the diagnostic printer against mlir-opt 22: every
// expected text below is mlir-opt-22's stderr, byte for byte, for the same
// source (see each case). Diagnostics are built by hand with the locations
// and messages mlir-opt's verifier emitted for those sources.

import { describe, expect, it } from "vitest";
import { Context } from "../../src/ir/context.js";
import { Diagnostic, Severity } from "../../src/ir/diagnostics.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, NameLoc, UnknownLoc, type Location } from "../../src/ir/location.js";
import { StringAttr } from "../../src/ir/builtin-attributes.js";
import { printLocation, renderDiagnostic } from "../../src/syntax/diagnostic-printer.js";
import { SourceFile } from "../../src/syntax/source.js";
import { DiagnosticVerifier, verifyDiagnostics } from "../../src/syntax/verify-diagnostics.js";

//===----------------------------------------------------------------------===//
// Oracle texts (sources and mlir-opt-22 stderr)
//===----------------------------------------------------------------------===//

const VD_SRC = `func.func @f() {
  return
}

// -----

func.func @g() {
  // expected-error @+1 {{does not dominate}}
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32
  return
}

// -----

func.func @h() {
  // expected-error @+1 {{nope}}
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32 // expected-warning {{blah}}
  return
}
`;

const VD_ERR = `vd.mlir:10:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd.mlir:18:3: error: unexpected error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> ()
  ^
vd.mlir:19:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32 // expected-warning {{blah}}
       ^
vd.mlir:17:6: error: expected error "nope" was not produced
  // expected-error @+1 {{nope}}
     ^~~~
vd.mlir:19:36: error: expected warning "blah" was not produced
  %0 = "test.def"() : () -> i32 // expected-warning {{blah}}
                                   ^~~~
`;

const VD2_SRC = `// expected-error @unknown {{never}}
func.func @a() {
  // expected-warning @below {{does not dominate}}
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32 // expected-note {{operand defined here}}
  return
}

// -----

func.func @b() {
  "test.use"(%0) : (i32) -> () loc(unknown)
  // expected-note @+1 {{operand defined here}}
  %0 = "test.def"() : () -> i32
  return
}

// -----

func.func @c() {
  // expected-error-re @+1 {{operand #{{[0-9]+}} does not {{dom.*}}}}
  "test.use"(%0) : (i32) -> ()
  // expected-note-re @+1 {{operand defined here ({{op in the same block)}}}}
  %0 = "test.def"() : () -> i32
  return
}

// -----

func.func @d() {
  // expected-error-re @+1 {{operand #{{[0-9+}} does not}}
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32
  return
}

// -----

func.func @e() {
  // expected-error-re @+1 {{operand #{{[0-9] does not}}
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32
  return
}

// -----

func.func @f() {
  "test.use"(%0) : (i32) -> ()
  %0 = "test.def"() : () -> i32
  return
}
// expected-error @below {{dangling}}
`;

const VD2_ERR = `vd2.mlir:23:6: error: invalid regex: parentheses not balanced
  // expected-note-re @+1 {{operand defined here ({{op in the same block)}}}}
     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
vd2.mlir:31:6: error: invalid regex: brackets ([ ]) not balanced
  // expected-error-re @+1 {{operand #{{[0-9+}} does not}}
     ^~~~~~~~~~~~~~~~~~~~~~~~~~~
vd2.mlir:40:6: error: found start of regex with no end '}}'
  // expected-error-re @+1 {{operand #{{[0-9] does not}}
     ^~~~~~~~~~~~~~~~~~~~~~~~~
vd2.mlir:3:6: error: 'error' diagnostic emitted when expecting a 'warning'
  // expected-warning @below {{does not dominate}}
     ^
<unknown>:0: error: unexpected error: operand #0 does not dominate this use
vd2.mlir:24:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd2.mlir:32:3: error: unexpected error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> ()
  ^
vd2.mlir:33:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd2.mlir:41:3: error: unexpected error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> ()
  ^
vd2.mlir:42:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd2.mlir:49:3: error: unexpected error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> ()
  ^
vd2.mlir:50:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd2.mlir:3:6: error: expected warning "does not dominate" was not produced
  // expected-warning @below {{does not dominate}}
     ^~~~~~~~~~~~~~~~~
vd2.mlir:53:4: error: expected error "dangling" was not produced
// expected-error @below {{dangling}}
   ^~~~~~~~
<unknown>:0: error: expected error "never" was not produced
`;

const VD3_SRC = `// expected-error @-5 {{x}}
func.func @a() {
  "test.use"(%0) : (i32) -> () // expected-error {{does not dominate}} expected-note {{operand defined here}}
  %0 = "test.def"() : () -> i32
  return
}
// expected-error@above {{foo}}
// -----
// expected-error@above {{bar}}
func.func @b() {
  // expected-error @+1 {{does not dominate}}
  "test.use"(%0) : (i32) -> ()
  // expected-note @+1 {{does not dominate}}
  %0 = "test.def"() : () -> i32 // expected-error {{operand}}
  return
}
`;

const VD3_ERR = `vd3.mlir:3:3: error: unexpected error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> () // expected-error {{does not dominate}} expected-note {{operand defined here}}
  ^
vd3.mlir:4:8: error: unexpected note: operand defined here (op in the same block)
  %0 = "test.def"() : () -> i32
       ^
vd3.mlir:14:36: error: 'note' diagnostic emitted when expecting a 'error'
  %0 = "test.def"() : () -> i32 // expected-error {{operand}}
                                   ^
vd3.mlir:1:4: error: expected error "x" was not produced
// expected-error @-5 {{x}}
   ^
vd3.mlir:3:35: error: expected error "does not dominate}} expected-note {{operand defined here" was not produced
  "test.use"(%0) : (i32) -> () // expected-error {{does not dominate}} expected-note {{operand defined here}}
                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
vd3.mlir:7:4: error: expected error "foo" was not produced
// expected-error@above {{foo}}
   ^~~
vd3.mlir:9:4: error: expected error "bar" was not produced
// expected-error@above {{bar}}
   ^~~
vd3.mlir:13:6: error: expected note "does not dominate" was not produced
  // expected-note @+1 {{does not dominate}}
     ^~~~~~~~~~~~~~~~~
vd3.mlir:14:36: error: expected error "operand" was not produced
  %0 = "test.def"() : () -> i32 // expected-error {{operand}}
                                   ^~~~~~~
`;

const VD3_ONLY_EXPECTED_ERR = `vd3.mlir:1:4: error: expected error "x" was not produced
// expected-error @-5 {{x}}
   ^
vd3.mlir:3:35: error: expected error "does not dominate}} expected-note {{operand defined here" was not produced
  "test.use"(%0) : (i32) -> () // expected-error {{does not dominate}} expected-note {{operand defined here}}
                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
vd3.mlir:7:4: error: expected error "foo" was not produced
// expected-error@above {{foo}}
   ^~~
vd3.mlir:9:4: error: expected error "bar" was not produced
// expected-error@above {{bar}}
   ^~~
vd3.mlir:13:6: error: expected note "does not dominate" was not produced
  // expected-note @+1 {{does not dominate}}
     ^~~~~~~~~~~~~~~~~
vd3.mlir:14:36: error: expected error "operand" was not produced
  %0 = "test.def"() : () -> i32 // expected-error {{operand}}
                                   ^~~~~~~
`;

const RE_SRC = `func.func @c() {
  // expected-error-re @+1 {{a{{}}b}}
  // expected-error-re @+1 {{a{{x**}}b}}
  // expected-error-re @+1 {{a{{[z-a]}}b}}
  // expected-error-re @+1 {{a{{x{2,1}}}b}}
  // expected-error-re @+1 {{a{{x{1}}}b}}
  // expected-error-re @+1 {{a{{[[:foo:]]}}b}}
  // expected-error-re @+1 {{a{{x\\}}b}}
  // expected-error-re @+1 {{a{{*x}}b}}
  // expected-error-re @+1 {{a{{x|}}b}}
  // expected-error-re @+1 {{a{{(|x)}}b}}
  // expected-error-re @+1 {{a{{x{1,2}}b}}
  // expected-error-re @+1 {{a{{x{300}}}b}}
  // expected-error-re @+1 {{a{{()}}b}}
  // expected-error-re @+1 {{a{{^*}}b}}
  // expected-error-re @+1 {{a{{[a}}b}}
  // expected-error-re @+1 {{a{{x{1}}b}}
  return
}
`;

const RE_ERR = `re.mlir:2:6: error: invalid regex: empty (sub)expression
  // expected-error-re @+1 {{a{{}}b}}
     ^~~~~~
re.mlir:3:6: error: invalid regex: repetition-operator operand invalid
  // expected-error-re @+1 {{a{{x**}}b}}
     ^~~~~~~~~
re.mlir:4:6: error: invalid regex: invalid character range
  // expected-error-re @+1 {{a{{[z-a]}}b}}
     ^~~~~~~~~~~
re.mlir:5:6: error: invalid regex: invalid repetition count(s)
  // expected-error-re @+1 {{a{{x{2,1}}}b}}
     ^~~~~~~~~~~~
re.mlir:6:6: error: invalid regex: braces not balanced
  // expected-error-re @+1 {{a{{x{1}}}b}}
     ^~~~~~~~~~
re.mlir:7:6: error: invalid regex: invalid character class
  // expected-error-re @+1 {{a{{[[:foo:]]}}b}}
     ^~~~~~~~~~~~~~~
re.mlir:8:6: error: invalid regex: trailing backslash (\\)
  // expected-error-re @+1 {{a{{x\\}}b}}
     ^~~~~~~~
re.mlir:9:6: error: invalid regex: repetition-operator operand invalid
  // expected-error-re @+1 {{a{{*x}}b}}
     ^~~~~~~~
re.mlir:10:6: error: invalid regex: empty (sub)expression
  // expected-error-re @+1 {{a{{x|}}b}}
     ^~~~~~~~
re.mlir:11:6: error: invalid regex: empty (sub)expression
  // expected-error-re @+1 {{a{{(|x)}}b}}
     ^~~~~~~~~~
re.mlir:12:6: error: invalid regex: braces not balanced
  // expected-error-re @+1 {{a{{x{1,2}}b}}
     ^~~~~~~~~~~
re.mlir:13:6: error: invalid regex: invalid repetition count(s)
  // expected-error-re @+1 {{a{{x{300}}}b}}
     ^~~~~~~~~~~~
re.mlir:15:6: error: invalid regex: repetition-operator operand invalid
  // expected-error-re @+1 {{a{{^*}}b}}
     ^~~~~~~~
re.mlir:16:6: error: invalid regex: brackets ([ ]) not balanced
  // expected-error-re @+1 {{a{{[a}}b}}
     ^~~~~~~~
re.mlir:17:6: error: invalid regex: braces not balanced
  // expected-error-re @+1 {{a{{x{1}}b}}
     ^~~~~~~~~
re.mlir:14:6: error: expected error "a{{()}}b" was not produced
  // expected-error-re @+1 {{a{{()}}b}}
     ^~~~~~~~
`;

const LOCS_SRC = `func.func @a() {
  "test.use"(%0) : (i32) -> () loc(unknown)
  %0 = "test.def"() : () -> i32 loc("foo")
  return
}
func.func @b() {
  "test.use"(%0) : (i32) -> () loc("named"("x.mlir":3:4))
  %0 = "test.def"() : () -> i32 loc(fused["locs.mlir":1:2, "zzz.mlir":5:6])
  return
}
func.func @c() {
  "test.use"(%0) : (i32) -> () loc(callsite("locs.mlir":2:3 at "locs.mlir":4:5))
  %0 = "test.def"() : () -> i32 loc(fused<"meta">["nofile.mlir":100:6])
  return
}
func.func @d() {
  "test.use"(%0) : (i32) -> () loc("locs.mlir":0:0)
  %0 = "test.def"() : () -> i32 loc("locs.mlir":300:1)
  return
}
func.func @e() {
  "test.use"(%0) : (i32) -> () loc("locs.mlir":1:500)
  %0 = "test.def"() : () -> i32 loc("locs.mlir":2:3 to 2:9)
  return
}
`;

const LOCS_ERR = `<unknown>:0: error: operand #0 does not dominate this use
<unknown>:0: note: see current operation: "test.use"(%0) : (i32) -> ()
<unknown>:0: note: loc("foo"): operand defined here (op in the same block)
x.mlir:3:4: error: operand #0 does not dominate this use
x.mlir:3:4: note: see current operation: "test.use"(%0) : (i32) -> ()
locs.mlir:1:2: note: operand defined here (op in the same block)
func.func @a() {
 ^
locs.mlir:2:3: error: operand #0 does not dominate this use
  "test.use"(%0) : (i32) -> () loc(unknown)
  ^
locs.mlir:4:5: note: called from
  return
    ^
locs.mlir:2:3: note: see current operation: "test.use"(%0) : (i32) -> ()
  "test.use"(%0) : (i32) -> () loc(unknown)
  ^
nofile.mlir:100:6: note: operand defined here (op in the same block)
locs.mlir:0:0: error: operand #0 does not dominate this use
locs.mlir:0:0: note: see current operation: "test.use"(%0) : (i32) -> ()
locs.mlir:300:1: note: operand defined here (op in the same block)
locs.mlir:1:500: error: operand #0 does not dominate this use
locs.mlir:1:500: note: see current operation: "test.use"(%0) : (i32) -> ()
locs.mlir:2:3: note: operand defined here (op in the same block)
  "test.use"(%0) : (i32) -> () loc(unknown)
  ^
`;

const LOCS2_SRC = `func.func @a() {
	"test.use"(%0) : (i32) -> () loc("locs2.mlir":2:2 to 2:9)
  %0 = "test.def"() : () -> i32 loc("locs2.mlir":3)
  return
}
func.func @b() {
  "test.use"(%1) : (i32) -> () loc("locs2.mlir":2:3 to 4:2)
  %1 = "test.def"() : () -> i32 loc("locs2.mlir":9:1)
  return
}
func.func @c() {
	"test.use"(%2) : (i32) -> () loc("locs2.mlir":12:9)
  %2 = "test.def"() : () -> i32 loc("locs2.mlir":13:4)  // \u00c3\u00a9
  return
}
`;

const LOCS2_ERR = `locs2.mlir:2:2: error: operand #0 does not dominate this use
        "test.use"(%0) : (i32) -> () loc("locs2.mlir":2:2 to 2:9)
        ^
locs2.mlir:2:2: note: see current operation: "test.use"(%0) : (i32) -> ()
locs2.mlir:3:0: note: operand defined here (op in the same block)
locs2.mlir:2:3: error: operand #0 does not dominate this use
        "test.use"(%0) : (i32) -> () loc("locs2.mlir":2:2 to 2:9)
         ^
locs2.mlir:2:3: note: see current operation: "test.use"(%0) : (i32) -> ()
locs2.mlir:9:1: note: operand defined here (op in the same block)
  return
^
locs2.mlir:12:9: error: operand #0 does not dominate this use
        "test.use"(%2) : (i32) -> () loc("locs2.mlir":12:9)
               ^
locs2.mlir:12:9: note: see current operation: "test.use"(%0) : (i32) -> ()
locs2.mlir:13:4: note: operand defined here (op in the same block)
  %2 = "test.def"() : () -> i32 loc("locs2.mlir":13:4)  // \u00c3\u00a9
`;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

const ctx = new Context();
const at = (file: string, line: number, col: number): Location => FileLineColRange.get(ctx, file, line, col);

function diag(severity: Severity, loc: Location, message: string, notes: [Location, string][] = []): Diagnostic {
  const d = new Diagnostic(severity, loc, message);
  for (const [l, m] of notes) d.attachNote(m, l);
  return d;
}

/** What mlir-opt's verifier reports for `"test.use"(%0)` before `%0 = "test.def"()` in one block. */
function dominance(file: string, useLine: number, useCol: number, defLine: number, defCol: number): Diagnostic {
  return diag(Severity.Error, at(file, useLine, useCol), "operand #0 does not dominate this use", [
    [at(file, defLine, defCol), "operand defined here (op in the same block)"],
  ]);
}

/** `--split-input-file` chunks, as hpmoe-opt cuts them (whole-file positions kept). */
function splitChunks(whole: SourceFile, marker = "// -----"): SourceFile[] {
  const out: SourceFile[] = [];
  let begin = 0;
  for (let i = whole.text.indexOf(marker); i >= 0; i = whole.text.indexOf(marker, begin)) {
    out.push(whole.slice(begin, i));
    begin = i + marker.length;
  }
  out.push(whole.slice(begin, whole.text.length));
  return out;
}

/** Runs one verifier over the whole file, as mlir-opt 22 does even with --split-input-file. */
function verifyWhole(src: SourceFile, diags: Diagnostic[], onlyExpected = false): { ok: boolean; output: string } {
  const v = new DiagnosticVerifier(src, undefined, { onlyExpected });
  for (const d of diags) v.process(d);
  const ok = v.finish();
  return { ok, output: v.output };
}

//===----------------------------------------------------------------------===//
// --verify-diagnostics
//===----------------------------------------------------------------------===//

describe("verify-diagnostics", () => {
  it("matches @+N, same-line designators and reports misses per chunk (vd.mlir)", () => {
    const whole = new SourceFile("vd.mlir", VD_SRC);
    const chunks = splitChunks(whole);
    expect(chunks).toHaveLength(3);
    const perChunk = [[], [dominance("vd.mlir", 9, 3, 10, 8)], [dominance("vd.mlir", 18, 3, 19, 8)]];
    let output = "";
    const oks: boolean[] = [];
    chunks.forEach((chunk, i) => {
      const r = verifyDiagnostics(chunk, whole, perChunk[i]!);
      output += r.output;
      oks.push(r.ok);
    });
    expect(output).toBe(VD_ERR);
    expect(oks).toEqual([true, false, false]);
  });

  it("handles @unknown, @below, near misses, -re and bad regexes (vd2.mlir)", () => {
    const src = new SourceFile("vd2.mlir", VD2_SRC);
    const diags = [
      dominance("vd2.mlir", 4, 3, 5, 8),
      diag(Severity.Error, UnknownLoc.get(ctx), "operand #0 does not dominate this use", [
        [at("vd2.mlir", 14, 8), "operand defined here (op in the same block)"],
      ]),
      dominance("vd2.mlir", 22, 3, 24, 8),
      dominance("vd2.mlir", 32, 3, 33, 8),
      dominance("vd2.mlir", 41, 3, 42, 8),
      dominance("vd2.mlir", 49, 3, 50, 8),
    ];
    // Divergence: mlir-opt 22 prints the unmatched @unknown line twice (its
    // verify() runs again from the destructor); the oracle keeps one copy.
    expect(verifyWhole(src, diags)).toEqual({ ok: false, output: VD2_ERR });
  });

  it("takes everything up to the last }} and reports kind mismatches (vd3.mlir)", () => {
    const src = new SourceFile("vd3.mlir", VD3_SRC);
    const diags = () => [dominance("vd3.mlir", 3, 3, 4, 8), dominance("vd3.mlir", 12, 3, 14, 8)];
    expect(verifyWhole(src, diags())).toEqual({ ok: false, output: VD3_ERR });
    expect(verifyWhole(src, diags(), /*onlyExpected=*/ true)).toEqual({ ok: false, output: VD3_ONLY_EXPECTED_ERR });
  });

  it("reports malformed regexes with llvm::Regex's messages (re.mlir)", () => {
    expect(verifyWhole(new SourceFile("re.mlir", RE_SRC), [])).toEqual({ ok: false, output: RE_ERR });
  });

  it("succeeds when every diagnostic and designator match", () => {
    const src = new SourceFile(
      "ok.mlir",
      [
        "// expected-error-re@below {{no{{[[:space:]]+}}dom}}",
        '"test.use"(%0) : (i32) -> ()',
        "// expected-note-re @-1 {{defined {{(here|there)}}}}",
        "// expected-remark @unknown {{somewhere}}",
        "x // expected-warning {{careful}}",
        // @above skips designator lines: this one names line 2.
        "// expected-error @above {{x.y}}",
      ].join("\n"),
    );
    const diags = [
      diag(Severity.Error, at("ok.mlir", 2, 1), "no  dom", [[at("ok.mlir", 2, 1), "defined here"]]),
      diag(Severity.Remark, NameLoc.get(ctx, "nowhere"), "it is somewhere"),
      diag(Severity.Warning, at("ok.mlir", 5, 1), "be careful"),
      diag(Severity.Error, FusedLoc.get(ctx, [NameLoc.get(ctx, "n"), at("ok.mlir", 2, 3)]), "in x.y"),
    ];
    expect(verifyWhole(src, diags)).toEqual({ ok: true, output: "" });
  });

  it("treats a diagnostic in another file as unexpected", () => {
    const src = new SourceFile("a.mlir", "// expected-error {{boom}}\n");
    const r = verifyWhole(src, [diag(Severity.Error, at("b.mlir", 1, 1), "boom")]);
    expect(r.output).toBe(
      "b.mlir:1:1: error: unexpected error: boom\n" +
        'a.mlir:1:4: error: expected error "boom" was not produced\n' +
        "// expected-error {{boom}}\n" +
        "   ^~~~\n",
    );
  });
});

//===----------------------------------------------------------------------===//
// Diagnostic printer
//===----------------------------------------------------------------------===//

describe("diagnostic printer", () => {
  const seeOp = 'see current operation: "test.use"(%0) : (i32) -> ()';
  const defined = "operand defined here (op in the same block)";
  const msg = "operand #0 does not dominate this use";

  it("prints unknown, name, fused, call-site and out-of-file locations like mlir-opt (locs.mlir)", () => {
    const file = new SourceFile("locs.mlir", LOCS_SRC);
    const lookup = (name: string) => (name === file.name ? file : undefined);
    const unknown = UnknownLoc.get(ctx);
    const named = NameLoc.get(ctx, "named", at("x.mlir", 3, 4));
    const callsite = CallSiteLoc.get(ctx, at("locs.mlir", 2, 3), at("locs.mlir", 4, 5));
    const diags = [
      diag(Severity.Error, unknown, msg, [
        [unknown, seeOp],
        [NameLoc.get(ctx, "foo"), defined],
      ]),
      diag(Severity.Error, named, msg, [
        [named, seeOp],
        [FusedLoc.get(ctx, [at("locs.mlir", 1, 2), at("zzz.mlir", 5, 6)]), defined],
      ]),
      diag(Severity.Error, callsite, msg, [
        [callsite, seeOp],
        [FusedLoc.get(ctx, [at("nofile.mlir", 100, 6)], StringAttr.get(ctx, "meta")), defined],
      ]),
      diag(Severity.Error, at("locs.mlir", 0, 0), msg, [
        [at("locs.mlir", 0, 0), seeOp],
        [at("locs.mlir", 300, 1), defined],
      ]),
      diag(Severity.Error, at("locs.mlir", 1, 500), msg, [
        [at("locs.mlir", 1, 500), seeOp],
        [FileLineColRange.get(ctx, "locs.mlir", 2, 3, 2, 9), defined],
      ]),
    ];
    expect(diags.map((d) => renderDiagnostic(d, lookup)).join("")).toBe(LOCS_ERR);
  });

  it("expands tabs, skips carets on non-ASCII lines and uses range starts (locs2.mlir)", () => {
    const file = new SourceFile("locs2.mlir", LOCS2_SRC);
    const lookup = (name: string) => (name === file.name ? file : undefined);
    const r1 = FileLineColRange.get(ctx, "locs2.mlir", 2, 2, 2, 9);
    const r2 = FileLineColRange.get(ctx, "locs2.mlir", 2, 3, 4, 2);
    const diags = [
      diag(Severity.Error, r1, msg, [
        [r1, seeOp],
        [FileLineColRange.get(ctx, "locs2.mlir", 3, 0), defined],
      ]),
      diag(Severity.Error, r2, msg, [
        [r2, seeOp],
        [at("locs2.mlir", 9, 1), defined],
      ]),
      diag(Severity.Error, at("locs2.mlir", 12, 9), msg, [
        [at("locs2.mlir", 12, 9), seeOp],
        [at("locs2.mlir", 13, 4), defined],
      ]),
    ];
    expect(diags.map((d) => renderDiagnostic(d, lookup)).join("")).toBe(LOCS2_ERR);
  });

  it("prints locations without a file position in MLIR's syntax", () => {
    const fused = FusedLoc.get(ctx, [NameLoc.get(ctx, "a"), NameLoc.get(ctx, "b\"c", NameLoc.get(ctx, "d"))], StringAttr.get(ctx, "m"));
    expect(printLocation(fused)).toBe('loc(fused<"m">["a", "b\\22c"("d")])');
    const call = CallSiteLoc.get(ctx, NameLoc.get(ctx, "f"), UnknownLoc.get(ctx));
    expect(printLocation(call)).toBe('loc(callsite("f" at unknown))');
  });

  it("limits the call stack like MLIR (10 callers)", () => {
    // callsite(f:1:1 at callsite(f:2:1 at callsite(f:2:2 at … f:2:12)))
    let caller: Location = at("f.mlir", 2, 12);
    for (let i = 11; i >= 1; i--) caller = CallSiteLoc.get(ctx, at("f.mlir", 2, i), caller);
    const loc = CallSiteLoc.get(ctx, at("f.mlir", 1, 1), caller);
    const lines = renderDiagnostic(diag(Severity.Error, loc, "boom"), () => undefined).split("\n");
    expect(lines[0]).toBe("f.mlir:1:1: error: boom");
    expect(lines.slice(1, -1)).toEqual(Array.from({ length: 10 }, (_, i) => `f.mlir:2:${i + 1}: note: called from`));
  });
});
