#!/usr/bin/env node
// bench/gen-arith.mjs: a synthetic generic-form module of `func` and `arith` ops for
// `npm run bench:passes` (canonicalize and cse). Functions compute on their arguments with
// integer and float arithmetic, comparisons, selects and casts, mixed with the things the two
// passes remove: constant expressions that fold, identities (x + 0, x * 1), repeated expressions,
// duplicated constants and dead values. Deterministic for a given seed.
//
// Usage: node bench/gen-arith.mjs [--ops N] [--seed S] [--out FILE]   (stdout without --out)

import * as fs from "node:fs";
import { Rng } from "./lib/rng.mjs";

export const DEFAULT_ARITH_OPS = 200_000;
export const DEFAULT_ARITH_SEED = 1;
/** Bump when the output for a given (ops, seed) changes, so cached inputs are regenerated. */
export const ARITH_GENERATOR_VERSION = 1;

const INT_OPS = ["arith.addi", "arith.subi", "arith.muli", "arith.andi", "arith.ori", "arith.xori", "arith.maxsi", "arith.minsi", "arith.divsi", "arith.remui"];
const FLOAT_OPS = ["arith.addf", "arith.subf", "arith.mulf", "arith.maximumf"];
/** Ops whose constant operands fold for any value (no division by zero). */
const FOLDING_OPS = ["arith.addi", "arith.subi", "arith.muli", "arith.andi", "arith.ori", "arith.xori", "arith.maxsi", "arith.minsi"];
/** cmpi predicates with their enum values. */
const PREDICATES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** One function's body: value pools per type and the text of its ops. */
class FunctionWriter {
  constructor(rand, name) {
    this.rand = rand;
    this.name = name;
    this.lines = [];
    this.next = 0;
    this.ops = 0;
    this.args = { i32: ["%arg0", "%arg1"], i64: ["%arg2"], f32: ["%arg3"] };
    /** Non-constant values by type (casts and arguments included). */
    this.pool = { i32: [...this.args.i32], i64: [...this.args.i64], f32: [...this.args.f32], i1: [] };
    /** Values made by casts: not cast again (cast chains have canonicalization patterns of their own). */
    this.casted = new Set();
    /** Binary ops written so far, to repeat for cse. */
    this.binaries = [];
    /** The operands of each pooled binary result (see pickTwo). */
    this.operandsOf = new Map();
  }
  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }
  /**
   * Two different values of `type` that no fold or pattern combines: neither is a binary op
   * of the other (which rules out (a - b) - a, (a + b) - b, (a ^ b) ^ b, ...), and not both are
   * casts (cmpi, andi and ori of two extsi have patterns). Undefined when none is found quickly.
   */
  pickTwo(type) {
    const p = this.pool[type];
    if (p.length < 2) return undefined;
    for (let attempt = 0; attempt < 8; attempt++) {
      const i = Math.floor(this.rand() * p.length);
      let j = Math.floor(this.rand() * (p.length - 1));
      if (j >= i) j++;
      const [a, b] = [p[i], p[j]];
      if (this.operandsOf.get(a)?.includes(b) || this.operandsOf.get(b)?.includes(a)) continue;
      if (this.casted.has(a) && this.casted.has(b)) continue;
      return [a, b];
    }
    return undefined;
  }
  emit(text, type) {
    const v = type ? `%${this.next++}` : undefined;
    this.lines.push(v ? `    ${v} = ${text}` : `    ${text}`);
    this.ops++;
    return v;
  }
  constant(type) {
    if (type === "f32") return this.emit(`"arith.constant"() <{value = ${((Math.floor(this.rand() * 64) - 32) / 4).toFixed(2)} : f32}> : () -> f32`, type);
    // Small values, so repeats are common (the canonicalizer uniques them).
    return this.emit(`"arith.constant"() <{value = ${Math.floor(this.rand() * 16) - 4} : ${type}}> : () -> ${type}`, type);
  }
  binary(name, type, a, b) {
    const text = `"${name}"(${a}, ${b}) : (${type}, ${type}) -> ${type}`;
    this.binaries.push({ text, type, operands: [a, b] });
    const v = this.emit(text, type);
    this.operandsOf.set(v, [a, b]);
    return v;
  }
  /** Passes `v` to an external function, which keeps it (and what it depends on) alive. */
  sink(v, type) {
    this.emit(`"func.call"(${v}) <{callee = @sink_${type}}> : (${type}) -> ()`);
  }
  /**
   * One step: mostly plain arithmetic on non-constant values, plus what canonicalize and cse
   * remove. Results of folding snippets only go to sinks, never back into the operand pools:
   * after folding they may equal a pooled value, and an op on two equal values has folds and
   * patterns of its own, which would make the workload depend on every one of them.
   */
  step() {
    const r = this.rand();
    const type = this.rand() < 0.75 ? "i32" : "i64";
    if (r < 0.32) {
      const ab = this.pickTwo(type);
      if (ab) this.pool[type].push(this.binary(this.pick(INT_OPS), type, ab[0], ab[1]));
    } else if (r < 0.42) {
      // The first float value is addf(x, x): no fold applies to it (unlike x op constant).
      const ab = this.pickTwo("f32") ?? [this.pool.f32[0], this.pool.f32[0]];
      this.pool.f32.push(this.binary(ab[0] === ab[1] ? "arith.addf" : this.pick(FLOAT_OPS), "f32", ab[0], ab[1]));
    } else if (r < 0.50) {
      // A constant expression: folds to one constant.
      const a = this.constant(type);
      const b = this.constant(type);
      const v = this.emit(`"${this.pick(FOLDING_OPS)}"(${a}, ${b}) : (${type}, ${type}) -> ${type}`, type);
      this.sink(this.emit(`"arith.addi"(${this.pick(this.pool[type])}, ${v}) : (${type}, ${type}) -> ${type}`, type), type);
    } else if (r < 0.57) {
      // An identity: x + 0 or x * 1 folds to x.
      const x = this.pick(this.pool[type]);
      const isAdd = this.rand() < 0.5;
      const c = this.emit(`"arith.constant"() <{value = ${isAdd ? 0 : 1} : ${type}}> : () -> ${type}`, type);
      this.sink(this.emit(`"${isAdd ? "arith.addi" : "arith.muli"}"(${x}, ${c}) : (${type}, ${type}) -> ${type}`, type), type);
    } else if (r < 0.66 && this.binaries.length) {
      // A repeat of an earlier expression: cse merges it.
      const b = this.pick(this.binaries);
      const v = this.emit(b.text, b.type);
      this.operandsOf.set(v, b.operands);
      this.pool[b.type].push(v);
    } else if (r < 0.73) {
      const ab = this.pickTwo(type);
      const cd = this.pickTwo(type);
      // select(cmpi eq/ne(a, b), a, b) folds to one of them: keep the pairs apart.
      if (!ab || !cd || (ab.includes(cd[0]) && ab.includes(cd[1]))) return;
      const c = this.emit(`"arith.cmpi"(${ab[0]}, ${ab[1]}) <{predicate = ${this.pick(PREDICATES)} : i64}> : (${type}, ${type}) -> i1`, "i1");
      this.pool[type].push(this.emit(`"arith.select"(${c}, ${cd[0]}, ${cd[1]}) : (i1, ${type}, ${type}) -> ${type}`, type));
    } else if (r < 0.80) {
      const from = this.rand() < 0.5 ? "i32" : "i64";
      const to = from === "i32" ? "i64" : "i32";
      const candidates = this.pool[from].filter((v) => !this.casted.has(v));
      if (!candidates.length) return;
      const op = from === "i32" ? "arith.extsi" : "arith.trunci";
      const v = this.emit(`"${op}"(${this.pick(candidates)}) : (${from}) -> ${to}`, to);
      this.casted.add(v);
      this.pool[to].push(v);
    } else if (r < 0.86) {
      // A dead value: nothing uses it.
      const ab = this.pickTwo(type);
      if (ab) this.emit(`"arith.muli"(${ab[0]}, ${ab[1]}) : (${type}, ${type}) -> ${type}`, type);
    } else if (r < 0.93) {
      this.sink(this.pick(this.pool[type]), type);
    } else {
      this.constant(type);
    }
  }
  finish() {
    const last = (t) => this.pool[t][this.pool[t].length - 1];
    this.lines.push(`    "func.return"(${last("i32")}, ${last("i64")}, ${last("f32")}) : (i32, i64, f32) -> ()`);
    this.ops += 2;
    return [
      `  "func.func"() <{function_type = (i32, i32, i64, f32) -> (i32, i64, f32), sym_name = "${this.name}"}> ({`,
      `  ^bb0(%arg0: i32, %arg1: i32, %arg2: i64, %arg3: f32):`,
      ...this.lines,
      `  }) : () -> ()`,
    ].join("\n");
  }
}

/** The module text with about `ops` ops. */
export function generateArith(ops = DEFAULT_ARITH_OPS, seed = DEFAULT_ARITH_SEED) {
  const rng = new Rng(seed);
  const rand = () => rng.next();
  const parts = ['"builtin.module"() ({'];
  for (const t of ["i32", "i64"])
    parts.push(`  "func.func"() <{function_type = (${t}) -> (), sym_name = "sink_${t}", sym_visibility = "private"}> ({\n  }) : () -> ()`);
  let total = 3;
  for (let f = 0; total < ops; f++) {
    const w = new FunctionWriter(rand, `f${f}`);
    const size = 200 + Math.floor(rand() * 400);
    while (w.ops < size && total + w.ops + 2 < ops) w.step();
    parts.push(w.finish());
    total += w.ops;
  }
  parts.push("}) : () -> ()", "");
  return parts.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const get = (flag, dflt) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const text = generateArith(Number(get("--ops", DEFAULT_ARITH_OPS)), Number(get("--seed", DEFAULT_ARITH_SEED)));
  const out = get("--out", undefined);
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}
