// Textual pass pipelines (MLIR's parsePassPipeline):
//   pipeline ::= anchor `(` element (`,` element)* `)`
//   element  ::= pipeline | pass-name (`{` options `}`)?
// Errors carry a 1-based column and are worded as mlir-opt words them.

import { OpPassManager, PassManager, PipelineBuildError } from "./pass-manager.js";
import type { PassRegistry } from "./pass-registry.js";

/** One parsed element before resolution against the registry. */
interface ElementText {
  name: string;
  /** Offset of the name in the parsed text. */
  offset: number;
  /** The text inside `{...}`, if given. */
  options?: string;
  /** The elements inside `(...)`, if this is a nested pipeline. */
  nested?: ElementText[];
}

/**
 * A pipeline that could not be parsed or built. `text` is the diagnostic
 * message; `commandLineMessage`, when set, is what mlir-opt's command-line
 * parser prints first (as `tool: message`) for a bad option value.
 */
export class PipelineError {
  constructor(
    readonly text: string,
    readonly commandLineMessage?: string,
  ) {}
}

/** mlir-opt's source-manager style message for a problem at `offset` of `text`. */
function located(text: string, offset: number, message: string): PipelineError {
  return new PipelineError(`MLIR Textual PassPipeline Parser:1:${offset + 1}: error: ${message}\n${text}\n${" ".repeat(offset)}^\n`);
}

const kSpecial = new Set(["(", ")", "{", "}", ","]);

/** Parses the comma-separated elements of `text` (the inside of an anchor's parentheses). */
function parseElements(text: string): ElementText[] | PipelineError {
  // Explicit stack of open nested lists, so deep nesting cannot overflow.
  const root: ElementText[] = [];
  const stack: { list: ElementText[]; open: number }[] = [{ list: root, open: -1 }];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && text[i] === " ") i++;
    const start = i;
    while (i < n && !kSpecial.has(text[i]!)) i++;
    const name = text.substring(start, i).trim();
    const el: ElementText = { name, offset: start };
    stack[stack.length - 1]!.list.push(el);
    if (text[i] === "{") {
      let depth = 0;
      const open = i;
      for (; i < n; i++) {
        if (text[i] === "{") depth++;
        else if (text[i] === "}" && --depth === 0) break;
      }
      if (i >= n) return located(text, open, "missing closing '}' while processing pass options");
      el.options = text.substring(open + 1, i);
      i++;
      while (i < n && text[i] === " ") i++;
    } else if (text[i] === "(") {
      el.nested = [];
      stack.push({ list: el.nested, open: i });
      i++;
      while (i < n && text[i] === " ") i++;
      if (text[i] === ")") {
        // An empty nested pipeline: `func.func()`.
        el.nested.length = 0;
        stack.pop();
        i++;
      } else continue;
    }
    // After an element: `,`, `)` closing nested lists, or the end.
    for (;;) {
      while (i < n && text[i] === " ") i++;
      if (text[i] === ")" && stack.length > 1) {
        stack.pop();
        i++;
        continue;
      }
      break;
    }
    if (i >= n) {
      if (stack.length > 1) return located(text, stack[stack.length - 1]!.open + 1, "encountered unbalanced parentheses while parsing pipeline");
      return root;
    }
    if (text[i] === ",") {
      i++;
      continue;
    }
    return located(text, i, text[i] === ")" ? "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline" : `unexpected '${text[i]}' in pipeline`);
  }
}

/**
 * Adds parsed elements to `pm`, creating passes from `registry`. Option
 * errors name the pass and its options unless they came from a pass flag
 * (`--canonicalize=...`), as mlir-opt reports them.
 */
function build(text: string, elements: ElementText[], pm: OpPassManager, registry: PassRegistry, fromFlag: boolean): PipelineError | undefined {
  const work: { elements: ElementText[]; pm: OpPassManager }[] = [{ elements, pm }];
  while (work.length) {
    const { elements: els, pm: target } = work.pop()!;
    for (const el of els) {
      if (el.nested) {
        work.push({ elements: el.nested, pm: target.nest(el.name) });
        continue;
      }
      const reg = registry.lookup(el.name);
      if (!reg) return located(text, el.offset, `'${el.name}' does not refer to a registered pass or pass pipeline`);
      const pass = reg.create();
      if (el.options !== undefined) {
        const err = pass.options.parse(el.options);
        const failedToAdd = fromFlag ? "" : `\nfailed to add \`${el.name}\` with options \`${el.options}\`\n`;
        if (err?.unknownKey !== undefined) return new PipelineError(`<Pass-Options-Parser>: no such option ${err.unknownKey}\n${failedToAdd}`);
        if (err?.badValue !== undefined) return new PipelineError(failedToAdd, err.badValue);
      }
      try {
        target.addPass(pass);
      } catch (e) {
        if (e instanceof PipelineBuildError) return new PipelineError(e.message);
        throw e;
      }
    }
  }
  return undefined;
}

/**
 * Parses `anchor(elements)` (what --pass-pipeline takes) into a pass manager
 * anchored on `anchor`.
 */
export function parsePassPipeline(text: string, registry: PassRegistry): PassManager | PipelineError {
  const m = /^\s*([^(){},\s]+)\s*\(([\s\S]*)\)\s*$/.exec(text);
  if (!m) return new PipelineError("expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'");
  const pm = new PassManager(m[1]!);
  const err = parseInto(m[2]!, pm, registry);
  return err ?? pm;
}

/** Parses a list of elements (`cse,func.func(canonicalize)`) and appends them to `pm`. */
export function parseInto(text: string, pm: OpPassManager, registry: PassRegistry, fromFlag = false): PipelineError | undefined {
  if (text.trim() === "") return undefined;
  const elements = parseElements(text);
  if (elements instanceof PipelineError) return elements;
  return build(text, elements, pm, registry, fromFlag);
}

