// Command-line options with LLVM `cl` conventions, so our tools accept the
// same spellings as mlir-opt: `-flag`, `--flag`, `--opt=value`, `-o value`,
// `--flag=false`, `--` to end options. No library parses that dialect of
// flags (single-dash long names), hence this small table-driven parser.

/** One declared option. */
export interface OptionSpec {
  /** Flag name without dashes, e.g. `mlir-print-op-generic`. */
  readonly name: string;
  readonly kind: "bool" | "string" | "int";
  readonly help: string;
  /** For `string` options that may also appear bare (`--split-input-file`): the value then. */
  readonly implicitValue?: string;
  /** Placeholder shown in help (`<filename>`). */
  readonly valueName?: string;
  /** Hidden from `--help` (still accepted). */
  readonly hidden?: boolean;
}

export type OptionValues = Map<string, string | boolean | number>;

export interface ParsedCommandLine {
  /** The last value of each option given. */
  values: OptionValues;
  /** Every option occurrence in command-line order (pass flags build a pipeline in this order). */
  occurrences: { name: string; value: string | boolean | number }[];
  positional: string[];
}

/** A command-line error, already worded as LLVM's `cl` words it. */
export class CommandLineError {
  constructor(readonly lines: string[]) {}
}

/**
 * Parses `args` against `specs`. Returns the values (only those given) and
 * positional arguments, or a CommandLineError naming the tool.
 */
export function parseCommandLine(tool: string, args: readonly string[], specs: readonly OptionSpec[]): ParsedCommandLine | CommandLineError {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) byName.set(s.name, s);
  const values: OptionValues = new Map();
  const occurrences: { name: string; value: string | boolean | number }[] = [];
  const set = (name: string, value: string | boolean | number): void => {
    values.set(name, value);
    occurrences.push({ name, value });
  };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      positional.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, "");
    const eq = body.indexOf("=");
    const name = eq < 0 ? body : body.substring(0, eq);
    const inline = eq < 0 ? undefined : body.substring(eq + 1);
    const spec = byName.get(name);
    if (!spec) {
      const lines = [`${tool}: Unknown command line argument '${arg}'.  Try: '${tool} --help'`];
      const guess = nearest(name, specs);
      if (guess) lines.push(`${tool}: Did you mean '${guess.name.length === 1 ? "-" : "--"}${guess.name}'?`);
      return new CommandLineError(lines);
    }
    if (spec.kind === "bool") {
      if (inline === undefined || inline === "true" || inline === "1") set(name, true);
      else if (inline === "false" || inline === "0") set(name, false);
      else return new CommandLineError([`${tool}: for the ${dash(name)} option: '${inline}' is invalid value for boolean argument! Try 0 or 1`]);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (spec.implicitValue !== undefined) value = spec.implicitValue;
      else if (i + 1 < args.length) value = args[++i]!;
      else return new CommandLineError([`${tool}: for the ${dash(name)} option: requires a value!`]);
    }
    if (spec.kind === "int") {
      if (!/^-?\d+$/.test(value))
        return new CommandLineError([`${tool}: for the ${dash(name)} option: '${value}' value invalid for integer argument!`]);
      set(name, Number(value));
    } else {
      set(name, value);
    }
  }
  return { values, occurrences, positional };
}

function dash(name: string): string {
  return (name.length === 1 ? "-" : "--") + name;
}

/** Formats `--help` text: usage line, then one line per visible option, sorted by name. */
export function formatHelp(overview: string, usage: string, specs: readonly OptionSpec[]): string {
  const rows = specs
    .filter((s) => !s.hidden)
    .map((s) => {
      const v = s.kind === "bool" ? "" : s.implicitValue !== undefined ? `[=${s.valueName ?? "<value>"}]` : `=${s.valueName ?? "<value>"}`;
      return [dash(s.name) + v, s.help] as const;
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const lines = [`OVERVIEW: ${overview}`, "", `USAGE: ${usage}`, "", "OPTIONS:", ""];
  for (const [flag, help] of rows) lines.push(`  ${flag.padEnd(width)}- ${help}`);
  return lines.join("\n") + "\n";
}

/** The closest option name by edit distance, if it is close enough to be a plausible typo. */
function nearest(name: string, specs: readonly OptionSpec[]): OptionSpec | undefined {
  let best: OptionSpec | undefined;
  let bestDist = Infinity;
  for (const s of specs) {
    if (s.hidden) continue;
    const d = editDistance(name, s.name);
    if (d < bestDist) {
      bestDist = d;
      best = s;
    }
  }
  return best && bestDist <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Uint32Array(b.length + 1);
  const cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(sub, prev[j]! + 1, cur[j - 1]! + 1);
    }
    prev.set(cur);
  }
  return prev[b.length]!;
}
