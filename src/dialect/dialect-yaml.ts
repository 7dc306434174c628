// Reads a dialect YAML file (docs/dialect-yaml.md) into a DialectDecl,
// checking its shape, names and references. Every problem is reported at the
// YAML node it concerns, as line and column in that file.
//
// The `yaml` package costs ~60 ms to import on the CI machine, more than the
// whole start-up budget of hpmoe-opt, so it is required on first use only:
// shipped dialects load from the JSON the build caches and never get here.

import { createRequire } from "node:module";
import type { Document, Node as YamlNode, Pair, YAMLMap, YAMLSeq } from "yaml";
import { Context } from "../ir/context.js";
import type { Arity, EnumCase } from "../ir/op-spec.js";
import { dialectAttrConstraint, dialectTypeConstraint, enumAttrConstraint, lookupAttrConstraint, lookupTypeConstraint, type NamedAttrConstraint, type NamedTypeConstraint } from "./constraints.js";
import type { AttrDecl, DialectAttrDecl, DialectDecl, DialectTypeDecl, EnumDecl, OpDecl, RegionDecl, SuccessorDecl, TraitDecl, ValueDecl } from "./dialect-decl.js";
import { kDialectHookNames, kOpHookNames } from "./dialect-hooks.js";
import { kTraits, kTypeTransforms } from "./op-traits.js";

type YamlModule = typeof import("yaml");
let yamlModule: YamlModule | undefined;
function yaml(): YamlModule {
  return (yamlModule ??= createRequire(import.meta.url)("yaml") as YamlModule);
}

/** One problem in a YAML file, 1-based. */
export interface YamlError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** The declaration, or every problem found (in file order of discovery). */
export type ReadDialectResult = { readonly decl: DialectDecl; readonly errors?: undefined } | { readonly decl?: undefined; readonly errors: readonly YamlError[] };

const kDialectKeys = ["dialect", "summary", "description", "hooks", "enums", "attrConstraints", "typeConstraints", "bases", "ops"];
const kOpKeys = ["base", "summary", "description", "operands", "results", "attributes", "regions", "successors", "traits", "assemblyFormat", "defaultDialect", "hooks"];
const kAttrKeys = ["constraint", "optional", "default"];
const kDialectAttrKeys = ["dialectAttr", "description"];
const kDialectTypeKeys = ["dialectType", "description"];

/** An op body before base merging: each field is absent when the YAML does not set it. */
interface OpFields {
  base?: string;
  summary?: string;
  description?: string;
  operands?: ValueDecl[];
  results?: ValueDecl[];
  attributes?: AttrDecl[];
  regions?: RegionDecl[];
  successors?: SuccessorDecl[];
  traits?: { decl: TraitDecl; node: YamlNode }[];
  assemblyFormat?: string;
  defaultDialect?: string;
  hooks?: string[];
}

/** Parses `text` (the contents of a dialect YAML file). Pure: no registration, no I/O. */
export function readDialectYaml(text: string): ReadDialectResult {
  const Y = yaml();
  const lineCounter = new Y.LineCounter();
  const doc: Document = Y.parseDocument(text, { lineCounter, prettyErrors: false });
  const errors: YamlError[] = [];
  const at = (offset: number, message: string): void => {
    const p = lineCounter.linePos(offset);
    errors.push({ line: p.line, col: p.col, message });
  };
  const pos = (node: YamlNode | null | undefined): { line: number; col: number } => lineCounter.linePos(node?.range?.[0] ?? 0);
  const error = (node: YamlNode | null | undefined, message: string): void => at(node?.range?.[0] ?? 0, message);
  for (const e of doc.errors) at(e.pos[0], e.message.replace(/ at line \d+, column \d+[\s\S]*$/, ""));
  if (errors.length) return { errors };

  const str = (node: unknown, what: string): string | undefined => {
    if (Y.isScalar(node) && typeof node.value === "string") return node.value;
    error(node as YamlNode, `${what} must be a string`);
    return undefined;
  };
  const map = (node: unknown, what: string): YAMLMap | undefined => {
    if (Y.isMap(node)) return node;
    error(node as YamlNode, `${what} must be a mapping`);
    return undefined;
  };
  const seq = (node: unknown, what: string): YAMLSeq | undefined => {
    if (Y.isSeq(node)) return node;
    error(node as YamlNode, `${what} must be a list`);
    return undefined;
  };
  /** The pairs of `m` with string keys, reporting keys not in `allowed` (when given). */
  const pairs = (m: YAMLMap, what: string, allowed?: readonly string[]): { key: string; value: unknown; pair: Pair }[] => {
    const out: { key: string; value: unknown; pair: Pair }[] = [];
    for (const pair of m.items) {
      const key = str(pair.key, `a key of ${what}`);
      if (key === undefined) continue;
      if (allowed && !allowed.includes(key)) {
        error(pair.key as YamlNode, `unknown key '${key}' in ${what} (expected one of: ${allowed.join(", ")})`);
        continue;
      }
      out.push({ key, value: pair.value, pair });
    }
    return out;
  };
  const strList = (node: unknown, what: string): { value: string; node: YamlNode }[] => {
    const s = seq(node, what);
    const out: { value: string; node: YamlNode }[] = [];
    if (s) for (const item of s.items) {
      const v = str(item, `an entry of ${what}`);
      if (v !== undefined) out.push({ value: v, node: item as YamlNode });
    }
    return out;
  };

  const top = map(doc.contents, "a dialect file");
  if (!top) return { errors };
  const fields = new Map(pairs(top, "the dialect", kDialectKeys).map((p) => [p.key, p]));
  const dialect = fields.has("dialect") ? str(fields.get("dialect")!.value, "'dialect'") : undefined;
  if (!fields.has("dialect")) error(top, "missing key 'dialect'");
  if (!fields.has("ops")) error(top, "missing key 'ops'");
  const optionalString = (key: string, from: Map<string, { value: unknown }>, what: string): string | undefined =>
    from.has(key) ? str(from.get(key)!.value, `'${key}' of ${what}`) : undefined;

  const dialectHooks: string[] = [];
  if (fields.has("hooks"))
    for (const h of strList(fields.get("hooks")!.value, "the dialect's 'hooks'")) {
      if (!kDialectHookNames.includes(h.value)) error(h.node, `unknown dialect hook '${h.value}' (expected one of: ${kDialectHookNames.join(", ")})`);
      else dialectHooks.push(h.value);
    }

  // Enums and dialect attribute constraints extend the attribute constraint names.
  const localAttrs = new Map<string, NamedAttrConstraint>();
  const enums: EnumDecl[] = [];
  const enumMap = fields.has("enums") ? map(fields.get("enums")!.value, "'enums'") : undefined;
  if (enumMap)
    for (const e of pairs(enumMap, "'enums'")) {
      const casesMap = map(e.value, `enum '${e.key}'`);
      if (!casesMap) continue;
      const cases: EnumCase[] = [];
      for (const c of pairs(casesMap, `enum '${e.key}'`)) {
        if (!Y.isScalar(c.value) || typeof c.value.value !== "number" || !Number.isInteger(c.value.value)) {
          error(c.value as YamlNode, `case '${c.key}' of enum '${e.key}' must be an integer`);
          continue;
        }
        cases.push({ keyword: c.key, value: c.value.value });
      }
      enums.push({ name: e.key, cases });
      localAttrs.set(e.key, enumAttrConstraint(e.key, cases));
    }
  const dialectAttrs: DialectAttrDecl[] = [];
  const attrConstraintMap = fields.has("attrConstraints") ? map(fields.get("attrConstraints")!.value, "'attrConstraints'") : undefined;
  if (attrConstraintMap)
    for (const a of pairs(attrConstraintMap, "'attrConstraints'")) {
      const body = map(a.value, `attribute constraint '${a.key}'`);
      if (!body) continue;
      const f = new Map(pairs(body, `attribute constraint '${a.key}'`, kDialectAttrKeys).map((p) => [p.key, p]));
      const mnemonic = optionalString("dialectAttr", f, `'${a.key}'`);
      const description = optionalString("description", f, `'${a.key}'`);
      if (mnemonic === undefined || description === undefined || !/^\w+\.\w+$/.test(mnemonic)) {
        error(body, `attribute constraint '${a.key}' needs 'dialectAttr: <dialect>.<mnemonic>' and 'description'`);
        continue;
      }
      dialectAttrs.push({ name: a.key, mnemonic, description });
      localAttrs.set(a.key, dialectAttrConstraint(a.key, mnemonic, description));
    }
  const attrConstraint = (name: string): NamedAttrConstraint | undefined => localAttrs.get(name) ?? lookupAttrConstraint(name);
  const dialectTypes: DialectTypeDecl[] = [];
  const localTypes = new Map<string, NamedTypeConstraint>();
  const typeConstraintMap = fields.has("typeConstraints") ? map(fields.get("typeConstraints")!.value, "'typeConstraints'") : undefined;
  if (typeConstraintMap)
    for (const t of pairs(typeConstraintMap, "'typeConstraints'")) {
      const body = map(t.value, `type constraint '${t.key}'`);
      if (!body) continue;
      const f = new Map(pairs(body, `type constraint '${t.key}'`, kDialectTypeKeys).map((p) => [p.key, p]));
      const mnemonic = optionalString("dialectType", f, `'${t.key}'`);
      const description = optionalString("description", f, `'${t.key}'`);
      if (mnemonic === undefined || description === undefined || !/^\w+\.\w+$/.test(mnemonic)) {
        error(body, `type constraint '${t.key}' needs 'dialectType: <dialect>.<mnemonic>' and 'description'`);
        continue;
      }
      dialectTypes.push({ name: t.key, mnemonic, description });
      localTypes.set(t.key, dialectTypeConstraint(t.key, mnemonic, description));
    }

  /** `Variadic<X>` / `Optional<X>` / `X` with X a type constraint. */
  const valueDecl = (name: string, node: unknown, what: string): ValueDecl | undefined => {
    const text = str(node, `${what} '${name}'`);
    if (text === undefined) return undefined;
    const m = /^(Variadic|Optional)<(.*)>$/.exec(text);
    const arity: Arity = m ? (m[1] === "Variadic" ? "variadic" : "optional") : "single";
    const constraint = m ? m[2]!.trim() : text;
    if (!localTypes.has(constraint) && !lookupTypeConstraint(constraint)) {
      error(node as YamlNode, `unknown type constraint '${constraint}'`);
      return undefined;
    }
    return { name, arity, constraint };
  };
  let scratch: Context | undefined;
  const attrDecl = (name: string, node: unknown): AttrDecl | undefined => {
    let constraint: string | undefined;
    let optional = false;
    let def: string | number | boolean | undefined;
    let defNode: YamlNode | undefined;
    if (Y.isMap(node)) {
      const f = new Map(pairs(node, `attribute '${name}'`, kAttrKeys).map((p) => [p.key, p]));
      constraint = f.has("constraint") ? str(f.get("constraint")!.value, `'constraint' of attribute '${name}'`) : undefined;
      if (!f.has("constraint")) error(node, `attribute '${name}' needs a 'constraint'`);
      const opt = f.get("optional")?.value;
      if (opt !== undefined) {
        if (Y.isScalar(opt) && typeof opt.value === "boolean") optional = opt.value;
        else error(opt as YamlNode, `'optional' of attribute '${name}' must be true or false`);
      }
      const d = f.get("default")?.value;
      if (d !== undefined) {
        if (Y.isScalar(d) && ["string", "number", "boolean"].includes(typeof d.value)) {
          def = d.value as string | number | boolean;
          defNode = d as YamlNode;
        } else error(d as YamlNode, `'default' of attribute '${name}' must be a scalar`);
      }
    } else {
      const text = str(node, `attribute '${name}'`);
      if (text === undefined) return undefined;
      const m = /^OptionalAttr<(.*)>$/.exec(text);
      optional = m !== null;
      constraint = m ? m[1]!.trim() : text;
    }
    if (constraint === undefined) return undefined;
    const c = attrConstraint(constraint);
    if (!c) {
      error(node as YamlNode, `unknown attribute constraint '${constraint}'`);
      return undefined;
    }
    if (def !== undefined) {
      scratch ??= new Context();
      if (!c.defaultFrom || c.defaultFrom(scratch, def) === undefined) {
        error(defNode, `'${String(def)}' is not a valid default for constraint '${constraint}'`);
        return undefined;
      }
      return { name, constraint, optional: true, default: def };
    }
    return { name, constraint, optional };
  };
  const regionDecl = (name: string, node: unknown): RegionDecl | undefined => {
    const text = str(node, `region '${name}'`);
    if (text === undefined) return undefined;
    const m = /^VariadicRegion<(.*)>$/.exec(text);
    const inner = m ? m[1]!.trim() : text;
    if (inner !== "AnyRegion" && inner !== "SizedRegion<1>") {
      error(node as YamlNode, `unknown region constraint '${inner}' (expected AnyRegion or SizedRegion<1>, optionally in VariadicRegion<...>)`);
      return undefined;
    }
    return { name, variadic: m !== null, singleBlock: inner === "SizedRegion<1>" };
  };
  const successorDecl = (name: string, node: unknown): SuccessorDecl | undefined => {
    const text = str(node, `successor '${name}'`);
    if (text === undefined) return undefined;
    if (text !== "AnySuccessor" && text !== "VariadicSuccessor<AnySuccessor>") {
      error(node as YamlNode, `unknown successor constraint '${text}' (expected AnySuccessor or VariadicSuccessor<AnySuccessor>)`);
      return undefined;
    }
    return { name, variadic: text !== "AnySuccessor" };
  };
  const group = <T>(node: unknown, what: string, one: (name: string, value: unknown) => T | undefined): T[] | undefined => {
    if (Y.isScalar(node) && node.value === null) return [];
    const m = map(node, what);
    if (!m) return undefined;
    const out: T[] = [];
    for (const p of pairs(m, what)) {
      const d = one(p.key, p.value);
      if (d !== undefined) out.push(d);
    }
    return out;
  };
  const traitDecl = (text: string, node: YamlNode): TraitDecl | undefined => {
    const m = /^(\w+)\s*(?:<(.*)>)?$/.exec(text);
    const info = m ? kTraits.get(m[1]!) : undefined;
    if (!m || !info) {
      error(node, `unknown trait '${text}'`);
      return undefined;
    }
    const args = m[2] === undefined ? [] : m[2].split(",").map((s) => s.trim());
    const bad = (expected: string): undefined => {
      error(node, `trait '${m[1]}' takes ${expected}`);
      return undefined;
    };
    switch (info.params) {
      case "none":
        if (args.length) return bad("no arguments");
        break;
      case "op-name":
      case "op-names":
        if (!args.length || (info.params === "op-name" && args.length !== 1) || !args.every((a) => /^\w+\.\w+$/.test(a)))
          return bad(info.params === "op-name" ? "one op name: <dialect.op>" : "op names: <dialect.op, ...>");
        break;
      case "value-names":
        if (args.length < 2 || !args.every((a) => /^\w+$/.test(a))) return bad("two or more operand, result or attribute names");
        break;
      case "types-match-with":
        if (args.length !== 3 || !kTypeTransforms.has(args[2]!))
          return bad(`<source, target, transform> with transform one of: ${[...kTypeTransforms.keys()].join(", ")}`);
        break;
    }
    return { name: m[1]!, args };
  };
  const opFields = (node: unknown, what: string): OpFields | undefined => {
    const m = map(node, what);
    if (!m) return undefined;
    const out: OpFields = {};
    for (const p of pairs(m, what, kOpKeys)) {
      switch (p.key) {
        case "base":
        case "summary":
        case "description":
        case "assemblyFormat":
        case "defaultDialect":
          out[p.key] = str(p.value, `'${p.key}' of ${what}`);
          break;
        case "operands":
          out.operands = group(p.value, `the operands of ${what}`, (n, v) => valueDecl(n, v, "operand"));
          break;
        case "results":
          out.results = group(p.value, `the results of ${what}`, (n, v) => valueDecl(n, v, "result"));
          break;
        case "attributes":
          out.attributes = group(p.value, `the attributes of ${what}`, attrDecl);
          break;
        case "regions":
          out.regions = group(p.value, `the regions of ${what}`, regionDecl);
          break;
        case "successors":
          out.successors = group(p.value, `the successors of ${what}`, successorDecl);
          break;
        case "traits": {
          out.traits = [];
          for (const t of strList(p.value, `the traits of ${what}`)) {
            const d = traitDecl(t.value, t.node);
            if (d) out.traits.push({ decl: d, node: t.node });
          }
          break;
        }
        case "hooks": {
          out.hooks = [];
          for (const h of strList(p.value, `the hooks of ${what}`)) {
            if (!(kOpHookNames as readonly string[]).includes(h.value))
              error(h.node, `unknown hook '${h.value}' (expected one of: ${kOpHookNames.join(", ")})`);
            else out.hooks.push(h.value);
          }
          break;
        }
      }
    }
    return out;
  };

  const bases = new Map<string, OpFields>();
  const basesMap = fields.has("bases") ? map(fields.get("bases")!.value, "'bases'") : undefined;
  if (basesMap)
    for (const b of pairs(basesMap, "'bases'")) {
      const f = opFields(b.value, `base '${b.key}'`);
      if (f) bases.set(b.key, f);
    }

  const ops: OpDecl[] = [];
  const opsMap = fields.has("ops") ? map(fields.get("ops")!.value, "'ops'") : undefined;
  if (opsMap)
    for (const o of pairs(opsMap, "'ops'")) {
      const own = opFields(o.value, `op '${o.key}'`);
      if (!own) continue;
      let base: OpFields = {};
      if (own.base !== undefined) {
        const b = bases.get(own.base);
        if (!b) {
          error(o.value as YamlNode, `op '${o.key}' names unknown base '${own.base}'`);
          continue;
        }
        base = b;
      }
      const traits = [...(base.traits ?? []), ...(own.traits ?? [])];
      const decl: OpDecl = {
        name: `${dialect ?? ""}.${o.key}`,
        summary: own.summary ?? base.summary,
        description: own.description ?? base.description,
        operands: own.operands ?? base.operands ?? [],
        results: own.results ?? base.results ?? [],
        attributes: own.attributes ?? base.attributes ?? [],
        regions: own.regions ?? base.regions ?? [],
        successors: own.successors ?? base.successors ?? [],
        traits: traits.map((t) => t.decl),
        assemblyFormat: own.assemblyFormat ?? base.assemblyFormat,
        defaultDialect: own.defaultDialect ?? base.defaultDialect,
        hooks: [...(base.hooks ?? []), ...(own.hooks ?? [])],
        ...pos(o.pair.key as YamlNode),
      };
      checkOpReferences(decl, traits, o.pair.key as YamlNode, error);
      ops.push(decl);
    }
  if (errors.length || dialect === undefined) return { errors };
  return {
    decl: {
      name: dialect,
      summary: optionalString("summary", fields, "the dialect"),
      description: optionalString("description", fields, "the dialect"),
      hooks: dialectHooks,
      enums,
      attrConstraints: dialectAttrs,
      typeConstraints: dialectTypes,
      ops,
      ...pos(fields.get("dialect")!.pair.key as YamlNode),
    },
  };
}

/** Names used inside traits exist; operand, result, attribute and region names are distinct; segment traits fit. */
function checkOpReferences(
  op: OpDecl,
  traits: readonly { decl: TraitDecl; node: YamlNode }[],
  opNode: YamlNode,
  error: (node: YamlNode, message: string) => void,
): void {
  const seen = new Set<string>();
  for (const v of [...op.operands, ...op.results, ...op.attributes, ...op.regions, ...op.successors]) {
    if (seen.has(v.name)) error(opNode, `op '${op.name}' uses the name '${v.name}' twice`);
    seen.add(v.name);
  }
  const typed = new Set([...op.operands, ...op.results, ...op.attributes].map((v) => v.name));
  const has = (name: string): boolean => traits.some((t) => t.decl.name === name);
  for (const t of traits) {
    const names = t.decl.name === "AllTypesMatch" ? t.decl.args : t.decl.name === "TypesMatchWith" ? t.decl.args.slice(0, 2) : [];
    for (const n of names) if (!typed.has(n)) error(t.node, `trait '${t.decl.name}' names '${n}', which is no operand, result or attribute of '${op.name}'`);
  }
  const multi = (vs: readonly ValueDecl[]): number => vs.filter((v) => v.arity !== "single").length;
  if (multi(op.operands) > 1 && !has("AttrSizedOperandSegments"))
    error(opNode, `op '${op.name}' has several optional or variadic operand groups and needs the AttrSizedOperandSegments trait`);
  if (multi(op.results) > 1 && !has("AttrSizedResultSegments"))
    error(opNode, `op '${op.name}' has several optional or variadic result groups and needs the AttrSizedResultSegments trait`);
}
