// `--verify-diagnostics` (MLIR's SourceMgrDiagnosticVerifierHandler): match
// emitted diagnostics against `expected-*` designators in the source, and
// report misses in mlir-opt's exact shapes.

import { Severity, type Diagnostic } from "../ir/diagnostics.js";
import type { Location } from "../ir/location.js";
import {
  findFileLineColLoc,
  renderAt,
  renderLocatedMessage,
  renderUnlocated,
  severityName,
  type RenderOptions,
  type SourceLookup,
} from "./diagnostic-printer.js";
import type { SourceFile } from "./source.js";

/** MLIR's designator syntax, matched against each right-trimmed line (leftmost match). */
const kDesignator = /expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *\{\{([\s\S]*)\}\}$/;

/** One `expected-*` designator. */
interface ExpectedDiag {
  readonly kind: Severity;
  /** Whole-file line the diagnostic must be on (unused for `@unknown`). */
  lineNo: number;
  /** Whole-file position of `expected-`, where misses are reported; undefined for `@unknown`. */
  readonly line: number;
  readonly col: number;
  readonly unknownLoc: boolean;
  readonly substring: string;
  readonly regex: RegExp | undefined;
  matched: boolean;
}

function severityOf(word: string): Severity {
  switch (word) {
    case "error":
      return Severity.Error;
    case "warning":
      return Severity.Warning;
    case "remark":
      return Severity.Remark;
    default:
      return Severity.Note;
  }
}

/** StringRef::rtrim: drops trailing spaces, tabs, newlines, VT, FF and CR. */
function rtrim(s: string): string {
  let end = s.length;
  while (end > 0) {
    const c = s.charCodeAt(end - 1);
    if (c === 32 || (c >= 9 && c <= 13)) end--;
    else break;
  }
  return s.substring(0, end);
}

/** StringRef::getAsInteger with radix 0 on digits: a leading 0 means octal. Invalid text gives 0. */
function parseOffset(digits: string): number {
  if (digits.length > 1 && digits.charCodeAt(0) === 48) return /^[0-7]+$/.test(digits) ? parseInt(digits, 8) : 0;
  return parseInt(digits, 10);
}

/** How to verify diagnostics (mlir-opt's `--verify-diagnostics=all|only-expected`). */
export interface VerifyDiagnosticsOptions {
  /** `--verify-diagnostics=only-expected`: report only expected diagnostics that were not produced. */
  onlyExpected?: boolean;
  /** Forwarded to the diagnostic printer. */
  render?: RenderOptions;
}

/**
 * The state of one `--verify-diagnostics` run. Build it on the text to scan
 * (a whole file, or one `--split-input-file` chunk: line numbers are
 * whole-file either way), feed it every emitted diagnostic with `process`,
 * then call `finish`. Everything it would print to stderr accumulates in
 * `output`, in mlir-opt's order: designator errors (bad regexes) while
 * scanning, unexpected diagnostics and near misses as they arrive, then
 * unmatched expectations. O(source + diagnostics × designators on their line).
 */
export class DiagnosticVerifier {
  /** What mlir-opt would print to stderr so far. */
  output = "";
  private ok = true;
  private readonly expected: ExpectedDiag[] = [];
  private readonly expectedUnknown: ExpectedDiag[] = [];
  /** Designators by the line they expect, for O(1) lookup per diagnostic. */
  private readonly byLine = new Map<number, ExpectedDiag[]>();

  /**
   * `source` is scanned for designators; `lookup` finds files to show source
   * lines from (default: `source` itself for its name).
   */
  constructor(
    private readonly source: SourceFile,
    private readonly lookup: SourceLookup = (name) => (name === source.name ? source : undefined),
    private readonly options: VerifyDiagnosticsOptions = {},
  ) {
    this.scan();
    for (const e of this.expected) {
      const list = this.byLine.get(e.lineNo);
      if (list) list.push(e);
      else this.byLine.set(e.lineNo, [e]);
    }
  }

  /** The file shown in reports about designators. */
  private get displayFile(): SourceFile {
    return this.lookup(this.source.name) ?? this.source;
  }

  /** MLIR's computeExpectedDiags. */
  private scan(): void {
    const src = this.source;
    const lines = src.text.split("\n");
    const base = src.lineOffset;
    // 0-based whole-file index of the last line that holds no designator.
    let lastNonDesignatorLine = base > 0 ? base - 1 : 0;
    let pendingBelow: ExpectedDiag[] = [];
    for (let i = 0; i < lines.length; i++) {
      const lineNo = base + i + 1;
      const m = kDesignator.exec(rtrim(lines[i]!));
      if (!m) {
        for (const e of pendingBelow) e.lineNo = lineNo;
        pendingBelow = [];
        lastNonDesignatorLine = lineNo - 1;
        continue;
      }
      const col = m.index + 1 + (i === 0 ? src.columnOffset : 0);
      const substring = m[5]!;
      let regex: RegExp | undefined;
      if (m[2]) {
        const r = this.computeRegex(substring, lineNo, col);
        if (r === undefined) {
          this.ok = false;
          continue;
        }
        regex = r;
      }
      const offset = m[4];
      const record: ExpectedDiag = {
        kind: severityOf(m[1]!),
        lineNo,
        line: lineNo,
        col,
        unknownLoc: offset === "unknown",
        substring,
        regex,
        matched: false,
      };
      if (offset === undefined) {
        this.expected.push(record);
      } else if (offset === "unknown") {
        this.expectedUnknown.push(record);
      } else if (offset === "above") {
        record.lineNo = lastNonDesignatorLine + 1;
        this.expected.push(record);
      } else if (offset === "below") {
        // Dangling designators keep the line count, as MLIR does.
        record.lineNo = base + lines.length;
        pendingBelow.push(record);
        this.expected.push(record);
      } else {
        const n = parseOffset(offset.substring(1));
        record.lineNo = offset.charCodeAt(0) === 43 ? lineNo + n : lineNo - n;
        this.expected.push(record);
      }
    }
  }

  /**
   * MLIR's computeRegex: literal text with `{{regex}}` blocks, each a POSIX
   * extended regex. Reports a malformed one at the designator and returns undefined.
   */
  private computeRegex(substring: string, line: number, col: number): RegExp | undefined {
    let pattern = "";
    let rest = substring;
    while (rest.length) {
      const open = rest.indexOf("{{");
      if (open < 0) {
        pattern += escapeLiteral(rest);
        break;
      }
      pattern += escapeLiteral(rest.substring(0, open));
      rest = rest.substring(open + 2);
      const close = rest.indexOf("}}");
      if (close < 0) {
        this.reportAtDesignator(line, col, substring.length, "found start of regex with no end '}}'");
        return undefined;
      }
      const ere = translateERE(rest.substring(0, close));
      if (typeof ere !== "string" || !isValidJsRegex(ere)) {
        const why = typeof ere === "string" ? "invalid regular expression" : ere.error;
        this.reportAtDesignator(line, col, substring.length, "invalid regex: " + why);
        return undefined;
      }
      pattern += "(" + ere + ")";
      rest = rest.substring(close + 2);
    }
    return new RegExp(pattern);
  }

  /** An error at a designator, underlined over the length of its text (ExpectedDiag::emitError). */
  private reportAtDesignator(line: number, col: number, length: number, message: string): void {
    this.output += renderAt(this.displayFile, line, col, Severity.Error, message, [[col - 1, col - 1 + length]]);
  }

  /** Checks one diagnostic and each of its notes. */
  process(diag: Diagnostic): void {
    this.processOne(diag.loc, diag.message, diag.severity);
    for (const note of diag.notes) this.processOne(note.loc, note.message, note.severity);
  }

  /** MLIR's process(loc, msg, kind): first designator on the line that matches wins. */
  private processOne(loc: Location, message: string, kind: Severity): void {
    const fl = findFileLineColLoc(loc);
    let candidates: readonly ExpectedDiag[];
    if (fl) candidates = fl.filename === this.source.name ? (this.byLine.get(fl.startLine) ?? []) : [];
    else candidates = this.expectedUnknown;
    let nearMiss: ExpectedDiag | undefined;
    for (const e of candidates) {
      if (!(e.regex ? e.regex.test(message) : message.includes(e.substring))) continue;
      if (e.kind === kind) {
        e.matched = true;
        return;
      }
      nearMiss = e;
    }
    if (this.options.onlyExpected) return;
    if (nearMiss) {
      const text = `'${severityName(kind)}' diagnostic emitted when expecting a '${severityName(nearMiss.kind)}'`;
      this.output += nearMiss.unknownLoc
        ? renderUnlocated(Severity.Error, text)
        : renderAt(this.displayFile, nearMiss.line, nearMiss.col, Severity.Error, text);
    } else {
      this.output += renderLocatedMessage(
        loc,
        `unexpected ${severityName(kind)}: ${message}`,
        Severity.Error,
        this.lookup,
        true,
        this.options.render,
      );
    }
    this.ok = false;
  }

  /**
   * Reports every designator that matched nothing (file ones first, then
   * `@unknown` ones) and returns whether the run succeeded. mlir-opt 22
   * prints unmatched `@unknown` designators twice (its verify() runs again
   * from the destructor); we print them once.
   */
  finish(): boolean {
    for (const e of this.expected) {
      if (e.matched) continue;
      this.ok = false;
      const text = `expected ${severityName(e.kind)} "${e.substring}" was not produced`;
      this.output += renderAt(this.displayFile, e.line, e.col, Severity.Error, text, [[e.col - 1, e.col - 1 + e.substring.length]]);
    }
    for (const e of this.expectedUnknown) {
      if (e.matched) continue;
      this.ok = false;
      this.output += renderUnlocated(Severity.Error, `expected ${severityName(e.kind)} "${e.substring}" was not produced`);
    }
    return this.ok;
  }
}

/**
 * Checks `diags` (in emission order) against the designators of `chunk`,
 * showing source lines from `whole` (the file the chunk came from). Returns
 * whether everything matched and what mlir-opt prints to stderr for it.
 */
export function verifyDiagnostics(
  chunk: SourceFile,
  whole: SourceFile,
  diags: readonly Diagnostic[],
  options: VerifyDiagnosticsOptions = {},
): { ok: boolean; output: string } {
  const lookup: SourceLookup = (name) => (name === whole.name ? whole : name === chunk.name ? chunk : undefined);
  const v = new DiagnosticVerifier(chunk, lookup, options);
  for (const d of diags) v.process(d);
  const ok = v.finish();
  return { ok, output: v.output };
}

//===----------------------------------------------------------------------===//
// POSIX extended regular expressions (llvm::Regex) as JavaScript RegExps
//===----------------------------------------------------------------------===//

/** llvm::Regex::escape, in JavaScript syntax. */
function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

function isValidJsRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** regerror texts of the LLVM regex library, by POSIX error code. */
const kRegexErrors = {
  ectype: "invalid character class",
  eescape: "trailing backslash (\\)",
  ebrack: "brackets ([ ]) not balanced",
  eparen: "parentheses not balanced",
  ebrace: "braces not balanced",
  badbr: "invalid repetition count(s)",
  erange: "invalid character range",
  badrpt: "repetition-operator operand invalid",
  empty: "empty (sub)expression",
  ecollate: "invalid collating element",
} as const;

/** POSIX character classes as JavaScript class contents. */
const kCharClasses: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
};

function hexChar(code: number): string {
  return "\\x" + (code < 16 ? "0" : "") + code.toString(16);
}

/**
 * Translates a POSIX ERE (as llvm's regcomp with REG_EXTENDED reads it) to
 * JavaScript, or returns the regcomp error. Covers brackets with classes and
 * ranges, groups, alternation, `*+?`, bounds `{m,n}` (at most 255), anchors,
 * `\c` as a literal and `\1`–`\9` back references.
 */
function translateERE(re: string): string | { error: string } {
  let i = 0;
  const n = re.length;
  let out = "";
  let depth = 0;
  // Whether the current branch has an atom yet, and whether the last atom took a repetition.
  let hasAtom = false;
  let branchStart = true;
  const fail = (error: string): { error: string } => ({ error });
  while (i < n) {
    const c = re[i]!;
    switch (c) {
      case "|":
        if (branchStart) return fail(kRegexErrors.empty);
        out += "|";
        i++;
        hasAtom = false;
        branchStart = true;
        continue;
      case "(":
        if (i + 1 >= n) return fail(kRegexErrors.eparen);
        depth++;
        out += "(";
        i++;
        // `()` is allowed; `(|` and `(` + `)`-less ends are not.
        if (re[i] === ")") {
          depth--;
          out += ")";
          i++;
          hasAtom = true;
          branchStart = false;
          break;
        }
        hasAtom = false;
        branchStart = true;
        continue;
      case ")":
        if (depth === 0) return fail(kRegexErrors.eparen);
        if (branchStart) return fail(kRegexErrors.empty);
        depth--;
        out += ")";
        i++;
        hasAtom = true;
        branchStart = false;
        break;
      case "*":
      case "+":
      case "?":
        return fail(kRegexErrors.badrpt);
      case "{":
        if (i + 1 < n && re[i + 1]! >= "0" && re[i + 1]! <= "9") return fail(kRegexErrors.badrpt);
        out += "\\{";
        i++;
        hasAtom = true;
        branchStart = false;
        break;
      case "^":
      case "$":
        out += c;
        i++;
        // Anchors are atoms in ERE (`^*` repeats an anchor); keep JS from rejecting them.
        hasAtom = false;
        branchStart = false;
        continue;
      case ".":
        out += "[\\s\\S]";
        i++;
        hasAtom = true;
        branchStart = false;
        break;
      case "\\": {
        if (i + 1 >= n) return fail(kRegexErrors.eescape);
        const d = re[i + 1]!;
        out += d >= "1" && d <= "9" ? "\\" + d : escapeLiteral(d);
        i += 2;
        hasAtom = true;
        branchStart = false;
        break;
      }
      case "[": {
        const r = translateBracket(re, i);
        if ("error" in r) return fail(r.error);
        out += r.out;
        i = r.end;
        hasAtom = true;
        branchStart = false;
        break;
      }
      default:
        out += escapeLiteral(c);
        i++;
        hasAtom = true;
        branchStart = false;
        break;
    }
    // Repetitions after an atom: one operator, then none may follow directly.
    if (i < n && isRepetitionStart(re, i)) {
      const r = translateRepetition(re, i);
      if ("error" in r) return fail(r.error);
      out += r.out;
      i = r.end;
      if (i < n && isRepetitionStart(re, i)) return fail(kRegexErrors.badrpt);
    }
  }
  if (depth !== 0) return fail(kRegexErrors.eparen);
  if (branchStart && !hasAtom) return fail(kRegexErrors.empty);
  return out;
}

function isRepetitionStart(re: string, i: number): boolean {
  const c = re[i];
  if (c === "*" || c === "+" || c === "?") return true;
  return c === "{" && i + 1 < re.length && re[i + 1]! >= "0" && re[i + 1]! <= "9";
}

function translateRepetition(re: string, i: number): { out: string; end: number } | { error: string } {
  const c = re[i]!;
  if (c !== "{") return { out: c, end: i + 1 };
  let j = i + 1;
  // regcomp's p_count: digits while the count is at most 255 (RE_DUP_MAX).
  const readCount = (): number => {
    let v = 0;
    let digits = 0;
    while (j < re.length && re[j]! >= "0" && re[j]! <= "9" && v <= 255) {
      v = v * 10 + (re.charCodeAt(j++) - 48);
      digits++;
    }
    return digits > 0 && v <= 255 ? v : -1;
  };
  const lo = readCount();
  if (lo < 0) return { error: kRegexErrors.badbr };
  let hi = lo;
  let open = false;
  if (re[j] === ",") {
    j++;
    if (j < re.length && re[j]! >= "0" && re[j]! <= "9") {
      hi = readCount();
      if (hi < 0 || lo > hi) return { error: kRegexErrors.badbr };
    } else {
      open = true;
    }
  }
  if (re[j] !== "}") {
    while (j < re.length && re[j] !== "}") j++;
    return { error: j < re.length ? kRegexErrors.badbr : kRegexErrors.ebrace };
  }
  return { out: open ? `{${lo},}` : hi === lo ? `{${lo}}` : `{${lo},${hi}}`, end: j + 1 };
}

/** A bracket expression starting at `re[start] === "["`, as a JavaScript class. */
function translateBracket(re: string, start: number): { out: string; end: number } | { error: string } {
  let i = start + 1;
  const n = re.length;
  let out = "[";
  if (re[i] === "^") {
    out += "^";
    i++;
  }
  let first = true;
  // Previous single character (for ranges), or -1.
  while (true) {
    if (i >= n) return { error: kRegexErrors.ebrack };
    const c = re[i]!;
    if (c === "]" && !first) break;
    first = false;
    if (c === "[" && (re[i + 1] === ":" || re[i + 1] === "=" || re[i + 1] === ".")) {
      const kind = re[i + 1]!;
      const close = re.indexOf(kind + "]", i + 2);
      if (close < 0) return { error: kRegexErrors.ebrack };
      const name = re.substring(i + 2, close);
      i = close + 2;
      if (kind === ":") {
        const cls = kCharClasses[name];
        if (cls === undefined) return { error: kRegexErrors.ectype };
        out += cls;
      } else {
        if (name.length !== 1) return { error: kRegexErrors.ecollate };
        out += hexChar(name.charCodeAt(0));
      }
      continue;
    }
    const lo = c.charCodeAt(0);
    i++;
    if (re[i] === "-" && i + 1 < n && re[i + 1] !== "]") {
      const hiCh = re[i + 1]!;
      const hi = hiCh.charCodeAt(0);
      if (hi < lo) return { error: kRegexErrors.erange };
      out += hexChar(lo) + "-" + hexChar(hi);
      i += 2;
      continue;
    }
    out += hexChar(lo);
  }
  return { out: out + "]", end: i + 1 };
}
