// Hardware profiles (targets/*.yaml): the figures the cost model, scheduler
// and code generator use, each with its unit and public source. Reading one
// checks it against profile-schema.ts and reports every problem at its YAML
// node (unknown or missing keys, wrong units, bad values, missing sources).

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from "yaml";
import { profileSchema, type FigureSpec, type ProfileSection } from "./profile-schema.js";

export interface Figure {
  readonly value: number;
  readonly unit: string;
  readonly source: string;
}

export type ProfileFigures = { readonly [S in ProfileSection]: { readonly [F in keyof (typeof profileSchema)[S]]: Figure } };

export interface HardwareProfile extends ProfileFigures {
  readonly name: string;
  readonly description: string;
  readonly file: string;
}

export interface ProfileError {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

const kTopKeys = ["name", "description", ...Object.keys(profileSchema)];

/** Reads a profile from YAML text; `file` names it in errors. */
export function readHardwareProfile(text: string, file: string): HardwareProfile | ProfileError[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors: ProfileError[] = [];
  const at = (offset: number, message: string) => {
    const p = lines.linePos(offset);
    errors.push({ file, line: p.line, col: p.col, message });
  };
  const atNode = (node: unknown, message: string) => at((node as YamlNode | null)?.range?.[0] ?? 0, message);
  for (const e of doc.errors) at(e.pos[0], e.message.split("\n")[0]!);
  if (errors.length) return errors;
  const root = doc.contents;
  if (!isMap(root)) return [{ file, line: 1, col: 1, message: "a hardware profile must be a mapping" }];

  const entries = (map: YAMLMap, what: string, allowed: readonly string[]) => {
    const out = new Map<string, { key: unknown; value: unknown }>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!allowed.includes(key)) atNode(pair.key, `unknown key '${key}' in ${what} (expected one of: ${allowed.join(", ")})`);
      else out.set(key, pair);
    }
    for (const k of allowed) if (!out.has(k)) atNode(map, `${what} is missing '${k}'`);
    return out;
  };
  const requiredText = (pair: { value: unknown } | undefined, what: string): string => {
    if (!pair) return "";
    if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value.trim() !== "") return pair.value.value;
    atNode(pair.value, `${what} must be a non-empty string`);
    return "";
  };
  const readFigure = (node: unknown, what: string, spec: FigureSpec): Figure | undefined => {
    if (!isMap(node)) {
      atNode(node, `${what} must be {value, unit, source}`);
      return undefined;
    }
    const f = entries(node, what, ["value", "unit", "source"]);
    const v = f.get("value")?.value;
    const u = f.get("unit")?.value;
    const s = f.get("source")?.value;
    if (!v || !u || !s) return undefined;
    const value = isScalar(v) ? v.value : undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) return void atNode(v, `${what} value must be a number`);
    if (spec.kind === "count" && (!Number.isInteger(value) || value < 1)) return void atNode(v, `${what} must be a positive integer (got ${value})`);
    if (spec.kind === "positive" && !(value > 0)) return void atNode(v, `${what} must be greater than 0 (got ${value})`);
    if (spec.kind === "nonnegative" && !(value >= 0)) return void atNode(v, `${what} must not be negative (got ${value})`);
    if (!isScalar(u) || u.value !== spec.unit) return void atNode(u, `${what} must be in ${spec.unit} (${spec.doc})`);
    if (!isScalar(s) || typeof s.value !== "string" || s.value.trim().length < 8)
      return void atNode(s, `${what} needs a source: the public document it comes from, or "estimate: <reasoning>"`);
    return { value, unit: spec.unit, source: s.value };
  };
  const top = entries(root, "the profile", kTopKeys);
  const profile: Record<string, unknown> = { name: requiredText(top.get("name"), "'name'"), description: requiredText(top.get("description"), "'description'"), file };
  for (const [section, figures] of Object.entries(profileSchema) as [ProfileSection, Record<string, FigureSpec>][]) {
    const node = top.get(section)?.value;
    const out: Record<string, Figure> = {};
    profile[section] = out;
    if (node === undefined) continue;
    if (!isMap(node)) {
      atNode(node, `'${section}' must be a mapping of figures`);
      continue;
    }
    for (const [name, pair] of entries(node, `'${section}'`, Object.keys(figures))) {
      const f = readFigure(pair.value, `'${section}.${name}'`, figures[name]!);
      if (f) out[name] = f;
    }
  }
  return errors.length ? errors : (profile as unknown as HardwareProfile);
}

/** The folder of the shipped profiles (targets/ at the package root). */
export function targetsDir(): string {
  // dist/src/target/ or src/target/ -> the package root.
  const here = dirname(fileURLToPath(import.meta.url));
  return here.includes(`${join("dist", "src")}`) ? join(here, "..", "..", "..", "targets") : join(here, "..", "..", "targets");
}

/** Names of the shipped profiles. */
export const shippedTargets = ["a2-910b", "a3-die"] as const;

/** Reads shipped profile `name` (targets/<name>.yaml). */
export function loadTarget(name: string): HardwareProfile | ProfileError[] {
  const file = join(targetsDir(), `${name}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [{ file, line: 1, col: 1, message: `no hardware profile '${name}' (shipped: ${shippedTargets.join(", ")})` }];
  }
  return readHardwareProfile(text, file);
}
