// The dialect loader: a DialectDecl (read from YAML, or from the JSON the
// build caches) plus its TypeScript hooks become registered OpDefinitions
// with `spec` set, the generic invariant verifier, default properties and a
// constant materialiser. Problems are located diagnostics in the YAML file.

import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Attribute } from "../ir/attribute.js";
import type { NamedAttribute } from "../ir/builtin-attributes.js";
import type { Context } from "../ir/context.js";
import { Severity } from "../ir/diagnostics.js";
import { registerConstantMaterializer } from "../ir/fold.js";
import { FileLineColRange } from "../ir/location.js";
import { failure, success, type LogicalResult } from "../ir/logical-result.js";
import type { AttrSpec, OpSpec, TypeRelation } from "../ir/op-spec.js";
import { RegionKind, type OpDefinition } from "../ir/operation-name.js";
import type { Operation } from "../ir/operation.js";
import { dialectAttrConstraint, dialectTypeConstraint, enumAttrConstraint, lookupAttrConstraint, lookupTypeConstraint, type NamedAttrConstraint, type NamedTypeConstraint } from "./constraints.js";
import type { DialectDecl, OpDecl } from "./dialect-decl.js";
import { compileAssemblyFormat, describeFormatError, FormatError, type CompiledFormat } from "../syntax/asm-format.js";
import { kDialectHookNames, type DialectHooks, type OpHooks } from "./dialect-hooks.js";
import { readDialectYaml } from "./dialect-yaml.js";
import { kTraits } from "./op-traits.js";
import { makeImplicitTerminatorCheck, makeInvariantVerifier } from "./verify-invariants.js";

/** One located problem; `line`/`col` are 1-based. */
interface LoadError {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

const declsByContext = new WeakMap<Context, Map<string, DialectDecl>>();

/** The declarations of the YAML dialects loaded into `ctx`, by dialect name, in load order. */
export function loadedDialectDecls(ctx: Context): ReadonlyMap<string, DialectDecl> {
  return declsByContext.get(ctx) ?? new Map();
}

/**
 * Loads the dialect declared by YAML `text` (named `filename` in diagnostics)
 * with its `hooks` into `ctx`. On failure every problem has been reported as
 * an error at `filename:line:col` and nothing is registered.
 */
export function loadDialectYaml(ctx: Context, text: string, filename: string, hooks: DialectHooks = {}): LogicalResult {
  const read = readDialectYaml(text);
  if (read.errors) return report(ctx, filename, read.errors);
  return registerDialectDecl(ctx, read.decl, hooks, filename, /*checkFormats=*/ true);
}

/** Reads and loads a dialect YAML file; see loadDialectYaml. */
export function loadDialectFile(ctx: Context, path: string, hooks: DialectHooks = {}): LogicalResult {
  return loadDialectYaml(ctx, readFileSync(path, "utf8"), path, hooks);
}

/**
 * Registers an already-validated declaration; checks the hooks against it
 * first and, with `checkFormats`, compiles every declared assembly format
 * (shipped dialects compile theirs on first use, and their tests compile them all).
 */
export function registerDialectDecl(ctx: Context, decl: DialectDecl, hooks: DialectHooks, filename: string, checkFormats = false): LogicalResult {
  const errors = checkHooks(decl, hooks);
  if (errors.length) return report(ctx, filename, errors);
  const local = localConstraints(decl);
  const defs = decl.ops.map((op) => buildOpDefinition(ctx, op, hooks.ops?.[mnemonic(op)] ?? {}, local));
  if (checkFormats) {
    const formatErrors = decl.ops.flatMap((op, i) => {
      const e = checkAssemblyFormat(defs[i]!);
      return e ? [{ line: op.line, col: op.col, message: e }] : [];
    });
    if (formatErrors.length) return report(ctx, filename, formatErrors);
  }
  for (const def of defs) ctx.registerOperation(def);
  ctx.loadDialect(decl.name);
  if (hooks.materializeConstant) registerConstantMaterializer(ctx, decl.name, hooks.materializeConstant);
  let decls = declsByContext.get(ctx);
  if (!decls) declsByContext.set(ctx, (decls = new Map()));
  decls.set(decl.name, decl);
  return success();
}

/** Parsed shipped declarations by file, so each process reads each file once. */
const shippedDecls = new Map<string, DialectDecl>();

/**
 * Loads a dialect shipped in the package's `dialects/` folder. The build
 * writes `dist/dialects/<name>.json` (the validated declaration), which loads
 * in well under a millisecond; running from sources reads the YAML. A broken
 * shipped file is a bug in the package, so this throws with the located message.
 */
export function loadShippedDialect(ctx: Context, name: string, hooks: DialectHooks): void {
  // From src/dialect/ this is <repo>/dialects/; from dist/src/dialect/, <repo>/dist/dialects/.
  const dir = new URL("../../dialects/", import.meta.url);
  const jsonPath = fileURLToPath(new URL(`${name}.json`, dir));
  const yamlPath = fileURLToPath(new URL(`${name}.yaml`, dir));
  let decl = shippedDecls.get(name);
  if (decl === undefined) {
    if (existsSync(jsonPath)) decl = JSON.parse(readFileSync(jsonPath, "utf8")) as DialectDecl;
    else {
      const read = readDialectYaml(readFileSync(yamlPath, "utf8"));
      if (read.errors) throw new Error(formatErrors(yamlPath, read.errors));
      decl = read.decl;
    }
    shippedDecls.set(name, decl);
  }
  const errors = checkHooks(decl, hooks);
  if (errors.length) throw new Error(formatErrors(yamlPath, errors));
  if (registerDialectDecl(ctx, decl, hooks, yamlPath).failed) throw new Error(`cannot load dialect '${name}'`);
}

function formatErrors(file: string, errors: readonly LoadError[]): string {
  return errors.map((e) => `${file}:${e.line}:${e.col}: error: ${e.message}`).join("\n");
}

function report(ctx: Context, filename: string, errors: readonly LoadError[]): LogicalResult {
  for (const e of errors) ctx.diagnostics.emit(Severity.Error, FileLineColRange.get(ctx, filename, e.line, e.col), e.message);
  return failure();
}

function mnemonic(op: OpDecl): string {
  return op.name.substring(op.name.indexOf(".") + 1);
}

/** Every declared hook is exported, and every exported hook is declared. */
function checkHooks(decl: DialectDecl, hooks: DialectHooks): LoadError[] {
  const errors: LoadError[] = [];
  const at = (where: { line: number; col: number }, message: string): void => void errors.push({ line: where.line, col: where.col, message });
  for (const h of kDialectHookNames) {
    const declared = decl.hooks.includes(h);
    const exported = (hooks as Record<string, unknown>)[h] !== undefined;
    if (declared && !exported) at(decl, `dialect '${decl.name}' declares hook '${h}', but its hooks module exports none`);
    if (!declared && exported) at(decl, `the hooks module of dialect '${decl.name}' exports '${h}', which the dialect does not declare under 'hooks'`);
  }
  const byMnemonic = new Map(decl.ops.map((op) => [mnemonic(op), op]));
  for (const op of decl.ops) {
    const exported = hooks.ops?.[mnemonic(op)] ?? {};
    for (const h of op.hooks)
      if ((exported as Record<string, unknown>)[h] === undefined) at(op, `op '${op.name}' declares hook '${h}', but its hooks module exports no ops.${mnemonic(op)}.${h}`);
    for (const h of Object.keys(exported))
      if (!op.hooks.includes(h)) at(op, `the hooks module exports ops.${mnemonic(op)}.${h}, which op '${op.name}' does not declare under 'hooks'`);
  }
  for (const m of Object.keys(hooks.ops ?? {}))
    if (!byMnemonic.has(m)) at(decl, `the hooks module exports hooks for '${decl.name}.${m}', which the dialect does not define`);
  return errors;
}

/** The constraints a dialect declares for itself (enums, opaque dialect attributes and types), by name. */
interface LocalConstraints {
  readonly attrs: ReadonlyMap<string, NamedAttrConstraint>;
  readonly types: ReadonlyMap<string, NamedTypeConstraint>;
}

function localConstraints(decl: DialectDecl): LocalConstraints {
  const attrs = new Map<string, NamedAttrConstraint>();
  for (const e of decl.enums) attrs.set(e.name, enumAttrConstraint(e.name, e.cases));
  for (const a of decl.attrConstraints) attrs.set(a.name, dialectAttrConstraint(a.name, a.mnemonic, a.description));
  const types = new Map<string, NamedTypeConstraint>();
  for (const t of decl.typeConstraints ?? []) types.set(t.name, dialectTypeConstraint(t.name, t.mnemonic, t.description));
  return { attrs, types };
}

/** Resolves names (validated when the YAML was read) to constraint objects. */
function toSpec(op: OpDecl, local: LocalConstraints): OpSpec {
  const typeConstraint = (name: string) => local.types.get(name) ?? lookupTypeConstraint(name)!;
  const attributes: AttrSpec[] = op.attributes.map((a) => {
    const constraint = local.attrs.get(a.constraint) ?? lookupAttrConstraint(a.constraint)!;
    const value = a.default;
    if (value === undefined) return { name: a.name, constraint, optional: a.optional };
    return { name: a.name, constraint, optional: true, defaultValue: (ctx: Context) => constraint.defaultFrom!(ctx, value)! };
  });
  const typeRelations: TypeRelation[] = [];
  // Equal types go both ways, so a format may print any one of them (type($result) for arith's binary ops).
  const allSame = (names: readonly string[]): void => {
    for (const other of names.slice(1)) {
      typeRelations.push({ target: other, source: names[0]!, transform: "same" });
      typeRelations.push({ target: names[0]!, source: other, transform: "same" });
    }
  };
  if (op.traits.some((t) => t.name === "SameOperandsAndResultType")) allSame([...op.operands, ...op.results].map((v) => v.name));
  else if (op.traits.some((t) => t.name === "SameTypeOperands")) allSame(op.operands.map((v) => v.name));
  for (const t of op.traits) {
    if (t.name === "AllTypesMatch") allSame(t.args);
    if (t.name === "TypesMatchWith") typeRelations.push({ source: t.args[0]!, target: t.args[1]!, transform: t.args[2] as TypeRelation["transform"] });
  }
  const spec: OpSpec = {
    name: op.name,
    operands: op.operands.map((v) => ({ name: v.name, arity: v.arity, constraint: typeConstraint(v.constraint) })),
    results: op.results.map((v) => ({ name: v.name, arity: v.arity, constraint: typeConstraint(v.constraint) })),
    attributes,
    regions: op.regions.map((r) => ({ ...r })),
    successors: op.successors.map((s) => ({ ...s })),
    typeRelations,
  };
  return op.assemblyFormat === undefined ? spec : { ...spec, assemblyFormat: op.assemblyFormat };
}

/** Runs `first`, then `second` when `first` succeeded; either may be absent. */
function chain(
  first: ((op: Operation) => LogicalResult) | undefined,
  second: ((op: Operation) => LogicalResult) | undefined,
): ((op: Operation) => LogicalResult) | undefined {
  if (!first || !second) return first ?? second;
  return (op) => {
    const r = first(op);
    return r.failed ? r : second(op);
  };
}

function buildOpDefinition(ctx: Context, op: OpDecl, hooks: OpHooks, local: LocalConstraints): OpDefinition {
  const spec = toSpec(op, local);
  let traits = 0;
  for (const t of op.traits) traits |= kTraits.get(t.name)!.bits;
  const has = (name: string): boolean => op.traits.some((t) => t.name === name);
  const inherentAttrNames = op.attributes.map((a) => a.name);
  if (has("AttrSizedOperandSegments")) inherentAttrNames.push("operandSegmentSizes");
  if (has("AttrSizedResultSegments")) inherentAttrNames.push("resultSegmentSizes");
  const defaults: NamedAttribute[] = [];
  for (const a of spec.attributes) if (a.defaultValue) defaults.push({ name: a.name, value: a.defaultValue(ctx) as Attribute });
  defaults.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const terminator = op.traits.find((t) => t.name === "SingleBlockImplicitTerminator")?.args[0];
  const def: OpDefinition = {
    ...hooks,
    name: op.name,
    traits,
    summary: op.summary,
    description: op.description,
    inherentAttrNames,
    spec,
    verifyInvariants: makeInvariantVerifier(spec, op.traits),
    verifyRegions: chain(terminator === undefined ? undefined : makeImplicitTerminatorCheck(terminator), hooks.verifyRegions),
    ...(defaults.length ? { defaultProperties: defaults } : {}),
    ...(op.defaultDialect !== undefined ? { defaultDialect: op.defaultDialect } : {}),
    ...(spec.assemblyFormat !== undefined && !hooks.parseAssembly ? lazyFormat(spec) : {}),
    ...(has("HasOnlyGraphRegion") ? { regionKind: () => RegionKind.Graph } : {}),
  };
  return def;
}

/**
 * The parse and print hooks of `spec`'s declarative format, compiled on
 * first use (start-up stays cheap). Shipped formats are compiled by the
 * build and the tests; a user dialect's broken format is reported at first
 * use, naming the op and the column.
 */
function lazyFormat(spec: OpSpec): Pick<OpDefinition, "parseAssembly" | "printAssembly"> {
  let compiled: CompiledFormat | undefined;
  const get = (): CompiledFormat => {
    if (compiled) return compiled;
    const c = compileAssemblyFormat(spec);
    if (c instanceof FormatError) throw new Error(describeFormatError(spec.name, c));
    return (compiled = c);
  };
  const hooks: Pick<OpDefinition, "parseAssembly" | "printAssembly"> = {
    parseAssembly: (parser, state) => get().parseAssembly(parser, state),
    printAssembly: (printer, op) => get().printAssembly(printer, op),
  };
  lazyFormats.add(hooks.parseAssembly!);
  return hooks;
}

/** The parse hooks lazyFormat made (so checkAssemblyFormat skips hand-written forms). */
const lazyFormats = new WeakSet<object>();

/** The error text of `def`'s declared assembly format when it does not compile (a hand-written form replaces it). */
export function checkAssemblyFormat(def: OpDefinition): string | undefined {
  const spec = def.spec;
  if (!spec?.assemblyFormat || def.parseAssembly === undefined || !lazyFormats.has(def.parseAssembly)) return undefined;
  const c = compileAssemblyFormat(spec);
  return c instanceof FormatError ? describeFormatError(spec.name, c) : undefined;
}
