// Reads a layer config (examples/*.yaml, DESIGN.md "Contracts") into a
// LayerConfig, checking every key, type, size and cross-field rule, and
// locating each problem at the YAML node that causes it.

import * as fs from "node:fs";
import * as path from "node:path";
import { isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type Node, type Scalar } from "yaml";
import { targetsDir } from "../target/hardware-profile.js";
import type { DispatchDType, LayerConfig, RoutingSpec } from "./layer-config.js";

/** A layer-config problem, located in the config file (1-based line and column). */
export interface LayerConfigError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Largest value of an int32: tensor sizes and row counts are stored as i32 downstream. */
export const INT32_MAX = 2147483647;

/** The targets a config may name: the hardware profiles in targets/ (file names without `.yaml`), sorted. */
export function knownTargets(): string[] {
  try {
    return fs.readdirSync(targetsDir()).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -".yaml".length)).sort();
  } catch {
    return [];
  }
}

const DISPATCH_DTYPES: readonly DispatchDType[] = ["bf16", "int8", "fp8"];
const PASSES = ["forward", "backward", "both"] as const;
const ROUTING_KINDS = ["balanced", "zipf", "file"] as const;

/** Keys of each mapping: required ones first, then optional ones (with their defaults in comments). */
interface MappingKeys {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}
const TOP_KEYS: MappingKeys = { required: ["model", "parallel", "routing", "target"], optional: ["pass"] }; // pass: forward
const MODEL_KEYS: MappingKeys = {
  required: ["hidden", "moe_intermediate", "experts", "top_k"],
  optional: ["dtype", "dispatch_dtype"], // both bf16
};
const PARALLEL_KEYS: MappingKeys = { required: ["ep", "tokens_per_rank"], optional: [] };
const ROUTING_KEYS: Record<(typeof ROUTING_KINDS)[number], MappingKeys> = {
  balanced: { required: ["kind"], optional: ["seed"] }, // seed: 1
  zipf: { required: ["kind", "skew"], optional: ["seed"] },
  file: { required: ["kind", "path"], optional: [] },
};

/** The value nodes of a checked mapping, by key. */
type Entries = Map<string, Node>;

/** YAML syntax errors reported one by one; a file that is not YAML at all gives thousands. */
const kShownSyntaxErrors = 10;

/** Checks nodes against the schema, collecting located errors. */
class ConfigChecker {
  readonly errors: LayerConfigError[] = [];
  private readonly lines = new LineCounter();
  readonly doc: Document;

  constructor(
    text: string,
    private readonly file: string,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    const errors = this.doc.errors;
    for (const e of errors.slice(0, kShownSyntaxErrors)) this.errorAtOffset(e.pos[0], e.message.replace(/\s+$/, ""));
    if (errors.length > kShownSyntaxErrors)
      this.errorAtOffset(errors[kShownSyntaxErrors]!.pos[0], `${errors.length - kShownSyntaxErrors} more YAML syntax errors from here on are not shown (at most ${kShownSyntaxErrors} are); is this file a layer config?`);
  }

  errorAtOffset(offset: number, message: string): void {
    const p = this.lines.linePos(offset);
    this.errors.push({ file: this.file, line: Math.max(p.line, 1), col: Math.max(p.col, 1), message });
  }

  /** Reports at `node`'s first character (the file's start when there is no node). */
  error(node: Node | null | undefined, message: string): void {
    this.errorAtOffset(node?.range?.[0] ?? 0, message);
  }

  /** The errors in file order (stable for errors at one position). */
  sortedErrors(): LayerConfigError[] {
    return [...this.errors].sort((a, b) => a.line - b.line || a.col - b.col);
  }

  /** Follows `*alias` references to the node they name. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) return node.resolve(this.doc) ?? undefined;
    return (node as Node | null | undefined) ?? undefined;
  }

  /**
   * The entries of the mapping `node` named `where`, or undefined when it is
   * not a mapping. Unknown keys and missing required keys are reported (at
   * the key, and at the mapping).
   */
  mapping(node: Node | undefined, where: string, keys: MappingKeys): Entries | undefined {
    const expected = [...keys.required, ...keys.optional].join(", ");
    if (!isMap(node)) {
      this.error(node, `${where} must be a mapping with keys ${expected}${describe(node)}`);
      return undefined;
    }
    const entries: Entries = new Map();
    for (const pair of node.items) {
      const key = this.resolve(pair.key);
      const name = isScalar(key) ? String(key.value) : undefined;
      if (name === undefined || ![...keys.required, ...keys.optional].includes(name)) {
        this.error(key ?? node, `unknown key '${name ?? "?"}' in ${where}; expected ${expected}`);
        continue;
      }
      const value = this.resolve(pair.value);
      entries.set(name, value ?? (key as Node));
    }
    const missing = keys.required.filter((k) => !entries.has(k));
    if (missing.length > 0)
      this.error(node, `${where} is missing ${missing.map((k) => `'${k}'`).join(", ")} (required keys: ${keys.required.join(", ")})`);
    return entries;
  }

  /** An integer in [min, INT32_MAX] at `entries[key]`, or undefined (reported) when absent or invalid. */
  integer(entries: Entries, key: string, where: string, min = 1): number | undefined {
    const node = entries.get(key);
    if (node === undefined) return undefined;
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v !== "number" || !Number.isInteger(v)) {
      this.error(node, `${field(where, key)} must be an integer${describe(node)}`);
      return undefined;
    }
    if (v < min || v > INT32_MAX) {
      this.error(node, `${field(where, key)} must be in [${min}, ${INT32_MAX}] (int32), got ${v}`);
      return undefined;
    }
    return v;
  }

  /** One of `choices` at `entries[key]`; `fallback` when the key is absent; undefined (reported) when invalid. */
  choice<T extends string>(entries: Entries, key: string, where: string, choices: readonly T[], fallback?: T): T | undefined {
    const node = entries.get(key);
    if (node === undefined) return fallback;
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v === "string" && (choices as readonly string[]).includes(v)) return v as T;
    this.error(node, `${field(where, key)} must be one of ${choices.join(", ")}${describe(node)}`);
    return undefined;
  }

  /** A string scalar at `entries[key]`, or undefined (reported). */
  string(entries: Entries, key: string, where: string): { value: string; node: Scalar } | undefined {
    const node = entries.get(key);
    if (node === undefined) return undefined;
    if (isScalar(node) && typeof node.value === "string" && node.value !== "") return { value: node.value, node };
    this.error(node, `${field(where, key)} must be a non-empty string${describe(node)}`);
    return undefined;
  }

  /** A finite number > 0 at `entries[key]`, or undefined (reported). */
  positive(entries: Entries, key: string, where: string): number | undefined {
    const node = entries.get(key);
    if (node === undefined) return undefined;
    const v = isScalar(node) ? node.value : undefined;
    if (typeof v === "number" && Number.isFinite(v) && v > 0) return v;
    this.error(node, `${field(where, key)} must be a number > 0${describe(node)}`);
    return undefined;
  }
}

/** `where.key`, or `key` for top-level keys (where = ""). */
function field(where: string, key: string): string {
  return where === "" ? key : `${where}.${key}`;
}

/** ", got …" describing what a node holds, for type errors. */
function describe(node: Node | undefined): string {
  if (node === undefined) return "";
  if (isMap(node)) return ", got a mapping";
  if (!isScalar(node)) return ", got a sequence";
  const v = node.value;
  if (v === null) return ", got nothing";
  if (typeof v === "string") return `, got '${v}'`;
  return `, got ${String(v)}`;
}

/**
 * Parses and validates a layer config. `filename` is used in errors, stored
 * as `source`, and anchors a relative routing `path`. Returns the config, or
 * every problem found (each located at its YAML node). A `file` routing is
 * checked to exist; its contents are read by `loadRouting`.
 */
export function parseLayerConfig(text: string, filename: string): LayerConfig | LayerConfigError[] {
  const c = new ConfigChecker(text, filename);
  if (c.errors.length > 0) return c.errors;
  const contents = c.resolve(c.doc.contents);
  if (contents === undefined || (isScalar(contents) && contents.value === null)) {
    c.error(undefined, `the layer config is empty; expected a mapping with keys ${[...TOP_KEYS.required, ...TOP_KEYS.optional].join(", ")}`);
    return c.errors;
  }
  const top = c.mapping(contents, "the layer config", TOP_KEYS);
  if (top === undefined) return c.errors;

  const modelEntries = top.has("model") ? c.mapping(top.get("model"), "model", MODEL_KEYS) : undefined;
  const parallelEntries = top.has("parallel") ? c.mapping(top.get("parallel"), "parallel", PARALLEL_KEYS) : undefined;
  const model = modelEntries && readModel(c, modelEntries);
  const parallel = parallelEntries && readParallel(c, parallelEntries);
  if (model && parallel && parallelEntries) checkShapes(c, model, parallel, modelEntries!, parallelEntries);
  const routing = top.has("routing") ? readRouting(c, top.get("routing"), filename) : undefined;
  const pass = c.choice(top, "pass", "", PASSES, "forward");
  const target = readTarget(c, top);
  if (c.errors.length > 0 || !model || !parallel || !routing || !pass || target === undefined) return c.sortedErrors();
  return { model, parallel, routing, pass, target, source: filename };
}

function readModel(c: ConfigChecker, m: Entries): LayerConfig["model"] | undefined {
  const hidden = c.integer(m, "hidden", "model");
  const moeIntermediate = c.integer(m, "moe_intermediate", "model");
  const experts = c.integer(m, "experts", "model");
  const topK = c.integer(m, "top_k", "model");
  const dtype = c.choice(m, "dtype", "model", ["bf16"] as const, "bf16");
  const dispatchDtype = c.choice(m, "dispatch_dtype", "model", DISPATCH_DTYPES, "bf16");
  if (!hidden || !moeIntermediate || !experts || !topK || !dtype || !dispatchDtype) return undefined;
  return { hidden, moeIntermediate, experts, topK, dtype, dispatchDtype };
}

function readParallel(c: ConfigChecker, p: Entries): LayerConfig["parallel"] | undefined {
  const ep = c.integer(p, "ep", "parallel");
  const tokensPerRank = c.integer(p, "tokens_per_rank", "parallel");
  if (!ep || !tokensPerRank) return undefined;
  return { ep, tokensPerRank };
}

/** Rules across fields: expert placement, top-k, and products that must stay int32. */
function checkShapes(c: ConfigChecker, model: LayerConfig["model"], parallel: LayerConfig["parallel"], m: Entries, p: Entries): void {
  const { experts, topK, moeIntermediate } = model;
  const { ep, tokensPerRank } = parallel;
  if (experts % ep !== 0)
    c.error(p.get("ep"), `model.experts (${experts}) must be divisible by parallel.ep (${ep}): every rank holds experts/ep local experts`);
  if (topK > experts) c.error(m.get("top_k"), `model.top_k (${topK}) must be at most model.experts (${experts}): a token's experts are distinct`);
  if (2 * moeIntermediate > INT32_MAX)
    c.error(m.get("moe_intermediate"), `2 * model.moe_intermediate = ${2 * moeIntermediate} (the columns of w13) exceeds the int32 limit ${INT32_MAX}`);
  if (tokensPerRank * topK > INT32_MAX)
    c.error(p.get("tokens_per_rank"), `parallel.tokens_per_rank * model.top_k = ${tokensPerRank * topK} routed rows per rank exceeds the int32 limit ${INT32_MAX}`);
  else if (tokensPerRank * experts > INT32_MAX)
    c.error(
      p.get("tokens_per_rank"),
      `parallel.tokens_per_rank * model.experts = ${tokensPerRank * experts} (rows a rank receives in the static worst case: tokens_per_rank from every rank for each local expert) exceeds the int32 limit ${INT32_MAX}`,
    );
}

function readRouting(c: ConfigChecker, node: Node | undefined, filename: string): RoutingSpec | undefined {
  if (!isMap(node)) {
    c.error(node, `routing must be a mapping with key 'kind' (${ROUTING_KINDS.join(", ")})${describe(node)}`);
    return undefined;
  }
  const kindNode = c.resolve(node.items.find((p) => isScalar(p.key) && p.key.value === "kind")?.value);
  const kindEntries: Entries = new Map(kindNode ? [["kind", kindNode]] : []);
  const kind = kindNode ? c.choice(kindEntries, "kind", "routing", ROUTING_KINDS) : undefined;
  if (kindNode && !kind) return undefined;
  const r = c.mapping(node, "routing", kind ? ROUTING_KEYS[kind] : { required: ["kind"], optional: ["seed", "skew", "path"] });
  if (!r || !kind) return undefined;
  if (kind === "file") {
    const p = c.string(r, "path", "routing");
    if (!p) return undefined;
    // Absolute, so a consumer that resolves it against the config folder again gets the same file.
    const resolved = path.resolve(path.dirname(filename), p.value);
    if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile()) {
      c.error(p.node, `routing file '${p.value}' not found (looked for '${resolved}'; a relative path is resolved against the config's folder)`);
      return undefined;
    }
    return { kind, path: resolved };
  }
  const seed = r.has("seed") ? c.integer(r, "seed", "routing", 0) : 1;
  if (seed === undefined) return undefined;
  if (kind === "balanced") return { kind, seed };
  const skew = c.positive(r, "skew", "routing");
  return skew === undefined ? undefined : { kind, seed, skew };
}

function readTarget(c: ConfigChecker, top: Entries): string | undefined {
  const t = c.string(top, "target", "");
  if (!t) return undefined;
  const known = knownTargets();
  if (!known.includes(t.value)) {
    c.error(t.node, `unknown target '${t.value}'; known targets (hardware profiles in targets/): ${known.join(", ")}`);
    return undefined;
  }
  return t.value;
}

/** `file:line:col: error: message`, the form every hpmoe tool prints. */
export function formatLayerConfigError(e: LayerConfigError): string {
  return `${e.file}:${e.line}:${e.col}: error: ${e.message}`;
}
