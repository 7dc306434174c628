// Typed pass options (MLIR's Pass::Option / ListOption): declared once beside
// the pass with a flag name, a type, a default and help text; parsed from
// `name{key=value key2=v1,v2}` pipeline text and printed back the way
// mlir-opt's --dump-pass-pipeline prints them.

/** The value types an option may hold. */
export type OptionType = "bool" | "int" | "uint" | "long" | "string" | "enum" | "int-list" | "string-list";

type ValueOf<K extends OptionType> = K extends "bool"
  ? boolean
  : K extends "int" | "uint" | "long"
    ? number
    : K extends "string" | "enum"
      ? string
      : K extends "int-list"
        ? number[]
        : string[];

/** One declared option. */
export interface OptionDecl<K extends OptionType = OptionType> {
  /** The flag name, kebab-case: `max-iterations`. */
  readonly argument: string;
  readonly type: K;
  readonly defaultValue: ValueOf<K>;
  readonly description: string;
  /** For `enum`: the allowed spellings. */
  readonly values?: readonly string[];
}

/** Declares an option; `declareOptions({ maxIterations: option("max-iterations", "int", 10, "...") })`. */
export function option<K extends OptionType>(
  argument: string,
  type: K,
  defaultValue: ValueOf<K>,
  description: string,
  values?: readonly string[],
): OptionDecl<K> {
  return { argument, type, defaultValue, description, ...(values ? { values } : {}) };
}

/** A record of declarations, keyed by the camelCase member name. */
export type OptionDecls = Readonly<Record<string, OptionDecl>>;

/** The typed values of a declaration record. */
export type OptionValues<D extends OptionDecls> = { -readonly [K in keyof D]: D[K] extends OptionDecl<infer T> ? ValueOf<T> : never };

/** Largest value of an `int` option (MLIR's options are `int`, 32-bit). */
const kIntMax = 2 ** 31 - 1;
/** Largest value of a `uint` option (MLIR's `unsigned`). */
const kUintMax = 2 ** 32 - 1;

/**
 * The option values of one pass instance. Values start at their defaults;
 * `parse` applies `key=value` text and reports the first problem.
 */
export class PassOptions<D extends OptionDecls = OptionDecls> {
  readonly values: OptionValues<D>;
  private readonly byArgument = new Map<string, [keyof D & string, OptionDecl]>();

  constructor(readonly decls: D) {
    const values: Record<string, unknown> = {};
    for (const [member, decl] of Object.entries(decls)) {
      values[member] = Array.isArray(decl.defaultValue) ? decl.defaultValue.slice() : decl.defaultValue;
      this.byArgument.set(decl.argument, [member, decl]);
    }
    this.values = values as OptionValues<D>;
  }

  /** Declarations sorted by argument (the order mlir-opt prints and lists them in). */
  sortedDecls(): OptionDecl[] {
    return Object.values(this.decls).sort((a, b) => (a.argument < b.argument ? -1 : a.argument > b.argument ? 1 : 0));
  }

  /**
   * Applies `key=value` pairs separated by spaces (values may be `{...}`,
   * quoted, or comma lists). A bare `key` sets a bool to true. Returns the
   * first problem, or undefined on success: an unknown key, or a bad value
   * (worded as LLVM's command-line parser words it, as mlir-opt reports it).
   */
  parse(text: string): { unknownKey?: string; badValue?: string } | undefined {
    for (const [key, value] of splitOptionText(text)) {
      const entry = this.byArgument.get(key);
      if (!entry) return { unknownKey: key };
      const err = this.setFromText(entry[0], entry[1], value);
      if (err) return { badValue: err };
    }
    return undefined;
  }

  private setFromText(member: string, decl: OptionDecl, text: string | undefined): string | undefined {
    const values = this.values as Record<string, unknown>;
    const invalid = (what: string): string => `for the --${decl.argument} option: '${text}' value invalid for ${what} argument!`;
    switch (decl.type) {
      case "bool":
        if (text === undefined || text === "true" || text === "1") values[member] = true;
        else if (text === "false" || text === "0") values[member] = false;
        else return `for the --${decl.argument} option: '${text}' is invalid value for boolean argument! Try 0 or 1`;
        return undefined;
      case "int":
      case "uint":
      case "long": {
        const n = parseInteger(text ?? "");
        const max = decl.type === "int" ? kIntMax : decl.type === "uint" ? kUintMax : Number.MAX_SAFE_INTEGER;
        const min = decl.type === "int" ? -kIntMax - 1 : decl.type === "uint" ? 0 : Number.MIN_SAFE_INTEGER;
        if (n === undefined || n < min || n > max) return invalid(decl.type);
        values[member] = n;
        return undefined;
      }
      case "string":
        values[member] = unquote(text ?? "");
        return undefined;
      case "enum": {
        const v = unquote(text ?? "");
        if (!decl.values!.includes(v)) return `for the --${decl.argument} option: Cannot find option named '${v}'!`;
        values[member] = v;
        return undefined;
      }
      case "int-list": {
        const out: number[] = [];
        for (const item of splitList(text ?? "")) {
          const n = parseInteger(item);
          if (n === undefined) return invalid("int");
          out.push(n);
        }
        values[member] = out;
        return undefined;
      }
      case "string-list":
        values[member] = splitList(text ?? "").map(unquote);
        return undefined;
    }
  }

  /**
   * `{a=1 b=true}` as --dump-pass-pipeline prints it: every option sorted by
   * argument and joined by spaces, an empty list printing as nothing (so
   * mlir-opt's doubled spaces appear where it prints them); "" when the pass
   * declares no options.
   */
  print(): string {
    const decls = this.sortedDecls();
    if (decls.length === 0) return "";
    const parts: string[] = [];
    const byArg = new Map<string, string>();
    for (const [member, decl] of Object.entries(this.decls)) byArg.set(decl.argument, member);
    for (const decl of decls) {
      const v = (this.values as Record<string, unknown>)[byArg.get(decl.argument)!];
      if (Array.isArray(v)) parts.push(v.length ? `${decl.argument}={${v.map(String).join(",")}}` : "");
      else parts.push(`${decl.argument}=${String(v)}`);
    }
    return "{" + parts.join(" ") + "}";
  }
}

/** A decimal or 0x-hex integer, or undefined. */
function parseInteger(text: string): number | undefined {
  if (!/^[-+]?(0x[0-9a-fA-F]+|\d+)$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text[0] === '"' && text.endsWith('"')) || (text[0] === "'" && text.endsWith("'")))) return text.slice(1, -1);
  if (text.length >= 2 && text[0] === "{" && text.endsWith("}")) return text.slice(1, -1);
  return text;
}

/**
 * `text` cut at each `sep` outside braces, brackets, parentheses and quotes
 * (MLIR's option string rules).
 */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{" || c === "(" || c === "[") depth++;
    else if (c === "}" || c === ")" || c === "]") depth--;
    else if (c === sep && depth === 0) {
      out.push(text.substring(start, i));
      start = i + 1;
    }
  }
  out.push(text.substring(start));
  return out;
}

/** `a,b,{c,d}` or `{a,b}` into its top-level comma-separated items. */
function splitList(text: string): string[] {
  let t = text.trim();
  if (t.startsWith("{") && t.endsWith("}")) t = t.slice(1, -1);
  return t === "" ? [] : splitTopLevel(t, ",").map((item) => item.trim());
}

/** Splits `a=1 b={x y} c="q r" d` into key/value pairs (a bare key has no value). */
export function splitOptionText(text: string): [string, string | undefined][] {
  return splitTopLevel(text, " ")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq < 0 ? [pair, undefined] : [pair.substring(0, eq), pair.substring(eq + 1)];
    });
}
