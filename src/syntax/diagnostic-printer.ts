// Renders diagnostics the way mlir-opt prints them (MLIR's
// SourceMgrDiagnosticHandler over llvm::SourceMgr): `file:line:col: error: msg`,
// the source line and a caret, then the call stack and the notes.

import type { Attribute } from "../ir/attribute.js";
import { StringAttr, UnitAttr } from "../ir/builtin-attributes.js";
import { Severity, type Diagnostic } from "../ir/diagnostics.js";
import { CallSiteLoc, FileLineColRange, FusedLoc, NameLoc, UnknownLoc, type Location } from "../ir/location.js";
import type { SourceFile } from "./source.js";
import { quoteString } from "./escape.js";

/** Finds the buffer a file location points into (mlir-opt: the input file). */
export type SourceLookup = (filename: string) => SourceFile | undefined;

/** How to render diagnostics. */
export interface RenderOptions {
  /** Most callers printed as `called from` notes (MLIR's default: 10). */
  callStackLimit?: number;
  /** Prints a fused location's metadata; strings and unit print without it. */
  printAttribute?: (attr: Attribute) => string;
}

const enum Ch {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
}

/** LLVM's tab stop when expanding tabs in source lines and caret lines. */
const kTabStop = 8;

/** The label mlir-opt prints for a severity. */
export function severityName(severity: Severity): string {
  switch (severity) {
    case Severity.Error:
      return "error";
    case Severity.Warning:
      return "warning";
    case Severity.Remark:
      return "remark";
    case Severity.Note:
      return "note";
  }
}

//===----------------------------------------------------------------------===//
// Locations
//===----------------------------------------------------------------------===//

/**
 * The first file location inside `loc`, left to right (MLIR's
 * `findInstanceOf<FileLineColLoc>`): a name's child, a call site's callee
 * then caller, a fused location's parts. Iterative; O(size of `loc`).
 */
export function findFileLineColLoc(loc: Location): FileLineColRange | undefined {
  const stack: Location[] = [loc];
  while (stack.length) {
    const l = stack.pop()!;
    if (l instanceof FileLineColRange) return l;
    if (l instanceof NameLoc) stack.push(l.child);
    else if (l instanceof CallSiteLoc) stack.push(l.caller, l.callee);
    else if (l instanceof FusedLoc) for (let i = l.locations.length - 1; i >= 0; i--) stack.push(l.locations[i]!);
  }
  return undefined;
}

/** The call site `loc` stands for: itself, a name's child, or a fused location's first call site. */
function getCallSiteLoc(loc: Location): CallSiteLoc | undefined {
  if (loc instanceof CallSiteLoc) return loc;
  if (loc instanceof NameLoc) return getCallSiteLoc(loc.child);
  if (loc instanceof FusedLoc) {
    for (const l of loc.locations) {
      const c = getCallSiteLoc(l);
      if (c) return c;
    }
  }
  return undefined;
}

/**
 * `loc(...)` as MLIR prints a location attribute on its own: what mlir-opt
 * puts before a message whose location holds no file position.
 */
export function printLocation(loc: Location, options: RenderOptions = {}): string {
  return "loc(" + printLocationBody(loc, options) + ")";
}

function printLocationBody(loc: Location, options: RenderOptions): string {
  if (loc instanceof UnknownLoc) return "unknown";
  if (loc instanceof FileLineColRange) {
    const head = quoteString(loc.filename) + ":" + loc.startLine + ":" + loc.startColumn;
    if (loc.isPoint) return head;
    if (loc.endLine === loc.startLine) return head + " to :" + loc.endColumn;
    return head + " to " + loc.endLine + ":" + loc.endColumn;
  }
  if (loc instanceof NameLoc) {
    const child = loc.child instanceof UnknownLoc ? "" : "(" + printLocationBody(loc.child, options) + ")";
    return quoteString(loc.name) + child;
  }
  if (loc instanceof CallSiteLoc)
    return "callsite(" + printLocationBody(loc.callee, options) + " at " + printLocationBody(loc.caller, options) + ")";
  if (loc instanceof FusedLoc) {
    let out = "fused";
    const m = loc.metadata;
    if (m !== undefined) out += "<" + printMetadata(m, options) + ">";
    const parts: string[] = [];
    for (const l of loc.locations) parts.push(printLocationBody(l, options));
    return out + "[" + parts.join(", ") + "]";
  }
  return "unknown";
}

function printMetadata(attr: Attribute, options: RenderOptions): string {
  if (options.printAttribute) return options.printAttribute(attr);
  if (attr instanceof StringAttr) return quoteString(attr.value);
  if (attr instanceof UnitAttr) return "unit";
  return "<<attribute>>";
}

//===----------------------------------------------------------------------===//
// Source lines (llvm::SourceMgr and SMDiagnostic::print)
//===----------------------------------------------------------------------===//

const lineStartCache = new WeakMap<SourceFile, Int32Array>();

function lineStarts(file: SourceFile): Int32Array {
  let starts = lineStartCache.get(file);
  if (starts) return starts;
  const t = file.text;
  let n = 1;
  for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) n++;
  starts = new Int32Array(n);
  let k = 1;
  for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) starts[k++] = i + 1;
  lineStartCache.set(file, starts);
  return starts;
}

/**
 * The text of whole-file `line` up to its first CR or LF, and where column 1
 * of the file line sits in it, if `line:col` is a valid position of `file`
 * (llvm::SourceMgr::FindLocForLineAndColumn: the column may point at the end
 * of the line but not past it). A chunk's first line may start mid-line.
 */
function sourceLine(file: SourceFile, line: number, col: number): { text: string; index: number } | undefined {
  if (line <= 0 || col <= 0) return undefined;
  const starts = lineStarts(file);
  const i = line - 1 - file.lineOffset;
  if (i < 0 || i >= starts.length) return undefined;
  const index = col - 1 - (i === 0 ? file.columnOffset : 0);
  if (index < 0) return undefined;
  const t = file.text;
  const start = starts[i]!;
  let end = start;
  while (end < t.length) {
    const c = t.charCodeAt(end);
    if (c === Ch.LineFeed || c === Ch.CarriageReturn) break;
    end++;
  }
  if (start + index > end) return undefined;
  return { text: t.substring(start, end), index };
}

/** The source line with tabs expanded to LLVM's tab stops (printSourceLine). */
function expandTabs(text: string): string {
  if (!text.includes("\t")) return text;
  let out = "";
  let col = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== Ch.Tab) {
      out += text[i];
      col++;
      continue;
    }
    do {
      out += " ";
      col++;
    } while (col % kTabStop !== 0);
  }
  return out;
}

/**
 * SMDiagnostic::print's caret line: `~` under each range, `^` at `index`
 * (clamped to the end of the line), trailing spaces dropped, each tab of the
 * source line widened to the next tab stop.
 */
function caretLine(text: string, index: number, ranges: readonly (readonly [number, number])[]): string {
  const n = text.length;
  // One byte per column: a 50 MB source line gives a 50 MB caret line, so no per-char strings or arrays.
  const caret = new Uint8Array(n + 1).fill(Ch.Space);
  const tilde = 0x7e;
  for (const [from, to] of ranges) caret.fill(tilde, Math.max(0, from), Math.max(0, Math.min(to, n + 1)));
  caret[Math.min(index, n)] = 0x5e;
  let len = caret.length;
  while (len > 0 && caret[len - 1] === Ch.Space) len--;
  const slice = (from: number, to: number): string => Buffer.from(caret.buffer, caret.byteOffset + from, to - from).toString("latin1");
  // Between tabs the caret line is copied as is; each tab widens its mark to the next tab stop.
  const parts: string[] = [];
  let col = 0;
  let from = 0;
  for (let tab = text.indexOf("\t"); tab >= 0 && tab < len; tab = text.indexOf("\t", tab + 1)) {
    parts.push(slice(from, tab));
    col += tab - from;
    const width = kTabStop - (col % kTabStop);
    parts.push(String.fromCharCode(caret[tab]!).repeat(width));
    col += width;
    from = tab + 1;
  }
  parts.push(slice(from, len));
  return parts.join("");
}

/**
 * One message at a position of `file`, as llvm::SourceMgr::PrintMessage
 * prints it: the header, then the source line and a caret line (no caret
 * line when the source line has non-ASCII bytes). `ranges` are 0-based
 * [from, to) columns of that line. Falls back to `name:line:col:` alone
 * when the position is not in the file.
 */
export function renderAt(
  file: SourceFile,
  line: number,
  col: number,
  severity: Severity,
  message: string,
  ranges: readonly (readonly [number, number])[] = [],
): string {
  const head = `${file.name}:${line}:${col}: ${severityName(severity)}: ${message}\n`;
  const src = sourceLine(file, line, col);
  if (!src) return head;
  const shifted = src.index - (col - 1);
  const colRanges = ranges.map(([a, b]) => [a + shifted, b + shifted] as const);
  for (let i = 0; i < src.text.length; i++)
    if (src.text.charCodeAt(i) > 0x7f) return head + expandTabs(src.text) + "\n";
  return head + expandTabs(src.text) + "\n" + caretLine(src.text, src.index, colRanges) + "\n";
}

/** A message with no position: `<unknown>:0: error: …` (SourceMgr::PrintMessage with no location). */
export function renderUnlocated(severity: Severity, message: string): string {
  return `<unknown>:0: ${severityName(severity)}: ${message}\n`;
}

/**
 * One message at `loc` (SourceMgrDiagnosticHandler::emitDiagnostic): at its
 * first file location, with the source line when `displaySourceLine` and
 * the file is known; else `file:line:col:` alone. A location with no file
 * position prints as `<unknown>:0:` followed by `loc(...): ` unless it is unknown.
 */
export function renderLocatedMessage(
  loc: Location,
  message: string,
  severity: Severity,
  lookup: SourceLookup,
  displaySourceLine = true,
  options: RenderOptions = {},
): string {
  const fl = findFileLineColLoc(loc);
  if (!fl) {
    const prefix = loc instanceof UnknownLoc ? "" : printLocation(loc, options) + ": ";
    return renderUnlocated(severity, prefix + message);
  }
  const line = fl.startLine;
  const col = fl.startColumn;
  if (displaySourceLine && line !== 0 && col !== 0) {
    const file = lookup(fl.filename);
    if (file && sourceLine(file, line, col)) return renderAt(file, line, col, severity, message);
  }
  return `${fl.filename}:${line}:${col}: ${severityName(severity)}: ${message}\n`;
}

/**
 * A diagnostic as mlir-opt prints it: the message at its location, one
 * `called from` note per caller when the location is a call site, then each
 * note, whose source line is shown only when its location differs from the
 * previous one. Ends with a newline. O(size of the text).
 */
export function renderDiagnostic(diag: Diagnostic, lookup: SourceLookup, options: RenderOptions = {}): string {
  let out = renderLocatedMessage(diag.loc, diag.message, diag.severity, lookup, true, options);
  let prev: Location = diag.loc;
  let call = getCallSiteLoc(prev);
  if (call) {
    const limit = options.callStackLimit ?? 10;
    prev = call.caller;
    for (let depth = 0; depth < limit; depth++) {
      out += renderLocatedMessage(prev, "called from", Severity.Note, lookup, true, options);
      call = getCallSiteLoc(prev);
      if (!call) break;
      prev = call.caller;
    }
  }
  for (const note of diag.notes) {
    out += renderLocatedMessage(note.loc, note.message, note.severity, lookup, prev !== note.loc, options);
    prev = note.loc;
  }
  return out;
}
