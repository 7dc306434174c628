#!/usr/bin/env node
// bench/gen-generic.mjs: deterministic generator of a large generic-form MLIR file that looks like
// a compiler dump, the input of `npm run bench:parse`.
//
// Usage: node bench/gen-generic.mjs [--ops N] [--out FILE] [--seed S]
//   --ops N    operations in the file, counting every op at every depth (default 200000, which
//              gives about 52 MB and 15 M tokens)
//   --out F    output file (written to F.tmp-PID, then renamed); default stdout
//   --seed S   PRNG seed (default 1); the same (N, S) always gives the same bytes
//
// Every op is unregistered (`"x.op"`, `"xtile.put"`, ...), so `mlir-opt-22
// --allow-unregistered-dialect` accepts the file and neither tool needs a dialect. The file holds
// one `builtin.module` of `x.func` functions (100-1000 ops each) with nested region ops, multi-block
// CFGs with successors and block arguments, multi-result groups, operands that refer to dominating
// values, properties, discardable attributes of every builtin kind, all common types, a location on
// every op (file:line:col, name, fused, callsite, and `#loc` aliases defined after the module, as
// `mlir-opt --mlir-print-debuginfo` writes them), and a `dialect_resources` block.
//
// Output is written in ~1 MB chunks as it is generated; the file is never held in memory.

import * as fs from "node:fs";
import { pathToFileURL } from "node:url";
import { ChunkWriter } from "./lib/chunk-writer.mjs";
import { Rng } from "./lib/rng.mjs";

/** Bumped whenever the output for a given (ops, seed) changes; bench/parse.mjs keys its cache on it. */
export const GENERATOR_VERSION = 2;

export const DEFAULT_OPS = 200_000;
export const DEFAULT_SEED = 1;

//===----------------------------------------------------------------------===//
// Vocabulary
//===----------------------------------------------------------------------===//

// None of these dialect namespaces is registered in mlir-opt 22 (`test` would be: avoid it).
const OP_NAMES = [
  "x.matmul", "x.add", "x.mul", "x.sub", "x.div", "x.exp", "x.rsqrt", "x.reduce_sum", "x.reduce_max",
  "x.softmax", "x.transpose", "x.reshape", "x.broadcast", "x.cast", "x.load", "x.store", "x.slice",
  "x.concat", "x.gather", "x.scatter", "x.select", "x.cmp", "x.copy", "x.alloc", "x.dealloc",
  "x.rope", "x.rms_norm", "x.silu", "x.topk", "x.argmax", "x.dot", "x.fma", "x.pad",
  "xmoe.dispatch", "xmoe.combine", "xmoe.gmm", "xmoe.swiglu", "xmoe.route", "xmoe.permute",
  "xtile.put", "xtile.get", "xtile.gemm", "xtile.swiglu", "xtile.signal", "xtile.wait", "xtile.barrier",
  "xaic.mmad", "xaic.load_l1", "xaic.fixpipe", "xaiv.vadd", "xaiv.vmul", "xaiv.vexp", "xaiv.copy_ub",
  "hlo.dot_general", "hlo.convert", "hlo.reduce_window", "torch.aten.linear", "torch.aten.gelu",
];
const ZERO_RESULT_OPS = ["x.store", "x.dealloc", "xtile.signal", "xtile.wait", "xtile.barrier", "x.print", "x.assert", "x.prefetch"];

const FILES = [
  "model/llama/attention.py", "model/llama/mlp.py", "model/moe/router.py", "model/moe/experts.py",
  "torch/nn/functional.py", "torch/nn/modules/linear.py", "hpmoe/frontend/trace.py",
  "kernels/gemm_tile.cc", "kernels/swiglu.cc", "third_party/triton/python/triton/language/core.py",
  "/home/ci/build/gen/layers.py", "layer 7/embedding.py",
];
const NAME_LOCS = [
  "layers.0.self_attn.q_proj", "layers.3.mlp.gate_proj", "layers.11.moe.experts.7", "embed_tokens",
  "lm_head", "router.topk", "dispatch.put", "combine.reduce", "rotary_emb", "norm",
];
const FUSED_META = ["CSE", "canonicalize", "inline", "fusion"];

const DICT_KEYS = [
  "name", "tile", "axis", "stride", "dims", "offset", "layout", "kind", "unit", "rank", "epsilon",
  "scale", "bias", "group", "perm", "mode", "padding", "dilation", "alpha", "beta", "elem_type",
  "callee", "map", "bytes", "flops", "peer", "queue", "event", "threshold", "segment", "hint",
  "x.fusion_group", "xtile.cost", "xmoe.expert", "\"quoted key\"", "\"0_leading\"",
];
const UNIT_KEYS = ["inplace", "nontemporal", "transpose_b", "fast_math", "symmetric", "x.pure", "no_inline"];
const PROP_KEYS = ["predicate", "overflow", "rounding", "sym_name", "segment_sizes", "tile_sizes", "static_offsets", "kind", "fastmath", "num_stages"];

const INT_TYPES = ["i8", "i16", "i32", "i64", "index", "ui32", "si16", "i1", "ui8", "si64"];
const FLOAT_TYPES = ["f32", "f64", "f16", "bf16"];
const ELEM_TYPES = ["f32", "f16", "bf16", "i8", "i32", "i64", "i1", "f8E4M3FN", "f8E5M2", "f64", "index", "ui8"];
const DIMS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 7168, 3, 7, 96];

const STRINGS = [
  "model.layers.3.self_attn.q_proj", "expert_parallel", "nchw", "row_major", "silu", "bf16x2",
  "aiv", "aic", "gm_counter", "cross_core", "a3-die", "", "tab\\there", "quote\\\"inside",
  "newline\\n", "back\\\\slash", "hex\\7Fbyte", "µs budget", "→ next", "naïve_rope",
];
const FUNC_PREFIXES = ["fwd", "bwd", "moe_ffn", "attn", "gemm_tile", "dispatch", "combine", "rope", "rms_norm"];

//===----------------------------------------------------------------------===//
// The generator
//===----------------------------------------------------------------------===//

/** One generated file. Every op is counted in `opsLeft` so the file has exactly `ops` ops. */
class Generator {
  constructor(ops, seed, writer) {
    this.rng = new Rng(seed * 0x9e3779b1 + 0x5bd1e995);
    this.opsLeft = ops;
    this.w = writer;
    this.nextValue = 0;
    this.nextArg = 0;
    this.nextFunc = 0;
    this.numLocAliases = Math.max(16, Math.floor(ops / 400));
    this.numBlobs = 3;
    /** Visible values, innermost last: {ref: "%12" | "%7#1", type}. Truncated on scope exit. */
    this.avail = [];
    this.depth = 0;
    this.typePools = this.makeTypePools();
    this.scalarTypes = ["i1", "i32", "i64", "index", "f32", "f16", "bf16"];
  }

  //===--------------------------------------------------------------------===//
  // Types
  //===--------------------------------------------------------------------===//

  shape(rank, allowDynamic) {
    const dims = [];
    for (let i = 0; i < rank; i++) dims.push(allowDynamic && this.rng.chance(0.1) ? "?" : String(this.rng.pick(DIMS)));
    return dims;
  }

  /**
   * Fixed pools of distinct type spellings per kind (~300 in all); `type()` draws a kind by weight,
   * then a spelling with a skew, so a few types dominate as they do in real dumps.
   */
  makeTypePools() {
    const r = this.rng;
    const tensors = [];
    for (let i = 0; i < 140; i++) {
      const rank = r.pick([1, 2, 2, 3, 3, 3, 4, 4]);
      tensors.push(`tensor<${this.shape(rank, true).join("x")}x${r.pickSkewed(ELEM_TYPES)}>`);
    }
    tensors.push("tensor<*xf32>", "tensor<f32>", "tensor<*xbf16>", "tensor<i64>", "tensor<0xf32>", "tensor<4x8xf32, #x.encoding<\"csr\">>", "!qkv", "!hidden");
    const memrefs = [];
    for (let i = 0; i < 50; i++) {
      const rank = r.int(1, 3);
      const shape = this.shape(rank, true);
      const elem = r.pickSkewed(ELEM_TYPES.slice(0, 8));
      const kind = r.int(0, 4);
      if (kind === 0) {
        const strides = [];
        let s = 1;
        for (let d = rank - 1; d >= 0; d--) {
          strides.unshift(r.chance(0.2) ? "?" : String(s));
          s *= shape[d] === "?" ? 64 : Number(shape[d]);
        }
        memrefs.push(`memref<${shape.join("x")}x${elem}, strided<[${strides.join(", ")}], offset: ${r.chance(0.5) ? "?" : r.int(0, 4096)}>>`);
      } else if (kind === 1) {
        memrefs.push(`memref<${shape.join("x")}x${elem}, ${r.int(1, 4)}>`);
      } else if (kind === 2 && rank === 2) {
        memrefs.push(`memref<${shape.join("x")}x${elem}, affine_map<(d0, d1) -> (d1, d0)>>`);
      } else {
        memrefs.push(`memref<${shape.join("x")}x${elem}>`);
      }
    }
    memrefs.push("memref<*xf32>", "memref<*xi8, 2>", "memref<f32>");
    const vectors = [];
    for (let i = 0; i < 40; i++) {
      const rank = r.int(1, 3);
      const dims = this.shape(rank, false).map((d) => (Number(d) > 64 ? "16" : d));
      if (r.chance(0.15)) dims[rank - 1] = `[${dims[rank - 1]}]`;
      vectors.push(`vector<${dims.join("x")}x${r.pick(["f32", "f16", "bf16", "i32", "i8", "i1", "index"])}>`);
    }
    vectors.push("vector<f32>");
    const scalars = ["i32", "f32", "index", "i1", "i64", "bf16", "f16", "i8", "f64", "si32", "ui8", "f8E4M3FN", "i128", "f8E5M2FNUZ", "tf32"];
    const others = [
      "!x.token", "!xtile.token", "!xtile.token", "complex<f32>", "complex<f64>", "tuple<i32, f32>", "tuple<>",
      "tuple<tensor<4xf32>, index>", "none", "!xmoe.route<4, \"topk\">", "!xtile.event<cross_core>", "!x.queue<aiv, 3>",
      "!x<\"opaque payload\">", "!xaic.l1_buffer<128x256xbf16>", "(i32, f32) -> tensor<4xi8>",
    ];
    // Shuffle so the skewed pick favours a random head, not the first spelling.
    return {
      tensors: r.sample(tensors, tensors.length),
      memrefs: r.sample(memrefs, memrefs.length),
      vectors: r.sample(vectors, vectors.length),
      scalars,
      others,
    };
  }

  type() {
    const r = this.rng;
    const k = r.next();
    const p = this.typePools;
    if (k < 0.58) return r.pickSkewed(p.tensors);
    if (k < 0.72) return r.pickSkewed(p.scalars);
    if (k < 0.84) return r.pickSkewed(p.memrefs);
    if (k < 0.94) return r.pickSkewed(p.vectors);
    return r.pick(p.others);
  }

  //===--------------------------------------------------------------------===//
  // Attributes
  //===--------------------------------------------------------------------===//

  intLiteral(type) {
    const r = this.rng;
    switch (type) {
      case "i1":
        return r.pick(["0", "1", "-1"]);
      case "i8":
        return String(r.int(-128, 127));
      case "ui8":
        return String(r.int(0, 255));
      case "i16":
      case "si16":
        return String(r.int(-32768, 32767));
      case "ui32":
        return r.chance(0.2) ? "4294967295" : String(r.int(0, 100000));
      case "i64":
      case "si64":
        return r.chance(0.1) ? r.pick(["9223372036854775807", "-9223372036854775808", "9007199254740993", "-4294967296"]) : String(r.int(-1000000, 100000000));
      default:
        return r.chance(0.05) ? `0x${r.int(0, 0xffff).toString(16).toUpperCase()}` : String(r.int(-1000, 70000));
    }
  }

  floatLiteral(type) {
    const r = this.rng;
    if (type === "f32" && r.chance(0.02)) return r.pick(["0x7FC00000", "0x7F800000", "0xFF800000"]);
    if (type === "f64" && r.chance(0.02)) return "0x7FF8000000000000";
    switch (r.int(0, 5)) {
      case 0:
        return r.pick(["0.0", "1.0", "-1.0", "0.5", "2.0", "-0.0"]);
      case 1:
        return `${r.int(1, 9)}.${r.int(0, 99999)}e-${r.int(1, 9)}`;
      case 2:
        return (r.next() * 200 - 100).toFixed(r.int(1, 6));
      case 3:
        return r.pick(["3.14159265358979", "0.1", "1.0e-5", "6.5504e+04", "2.718281828", "0.0625", "1.0e-06"]);
      default:
        return (r.next() * 8).toFixed(r.int(1, 3));
    }
  }

  stringLiteral() {
    return `"${this.rng.pick(STRINGS)}"`;
  }

  affineMap() {
    const r = this.rng;
    const c = r.pick([2, 4, 8, 16, 32, 128]);
    switch (r.int(0, 6)) {
      case 0:
        return "affine_map<(d0, d1) -> (d1, d0)>";
      case 1:
        return `affine_map<(d0, d1)[s0] -> (d0 * ${c} + s0, d1)>`;
      case 2:
        return `affine_map<(d0) -> (d0 floordiv ${c}, d0 mod ${c})>`;
      case 3:
        return "affine_map<(d0, d1, d2) -> (d0, d2)>";
      case 4:
        return "affine_map<() -> (0)>";
      case 5:
        return `affine_map<(d0)[s0, s1] -> (d0 * s0 + s1 - ${c}, d0 ceildiv ${c})>`;
      default:
        return `affine_set<(d0, d1) : (d0 - ${c} >= 0, d1 == 0)>`;
    }
  }

  denseAttr() {
    const r = this.rng;
    switch (r.int(0, 11)) {
      case 0: {
        const n = r.int(2, 8);
        const vals = [];
        for (let i = 0; i < n; i++) vals.push(this.intLiteral("i32"));
        return `dense<[${vals.join(", ")}]> : tensor<${n}xi32>`;
      }
      case 1: {
        const rows = r.int(1, 3);
        const cols = r.int(1, 4);
        const rowTexts = [];
        for (let i = 0; i < rows; i++) {
          const vals = [];
          for (let j = 0; j < cols; j++) vals.push(this.floatLiteral("f32"));
          rowTexts.push(`[${vals.join(", ")}]`);
        }
        return `dense<[${rowTexts.join(", ")}]> : tensor<${rows}x${cols}xf32>`;
      }
      case 2:
        return `dense<${this.floatLiteral("bf16")}> : tensor<${this.shape(2, false).join("x")}xbf16>`;
      case 3:
        return `dense<${this.intLiteral("i64")}> : tensor<${r.int(1, 64)}xi64>`;
      case 4: {
        const n = r.int(1, 6);
        const vals = [];
        for (let i = 0; i < n; i++) vals.push(r.chance(0.5) ? "true" : "false");
        return `dense<[${vals.join(", ")}]> : tensor<${n}xi1>`;
      }
      case 5: {
        const n = r.pick([4, 8, 16]);
        let hex = "";
        for (let i = 0; i < n; i++) hex += r.int(0, 255).toString(16).padStart(2, "0").toUpperCase();
        return `dense<"0x${hex}"> : tensor<${n}xi8>`;
      }
      case 6:
        return `dense<[${this.floatLiteral("f32")}, ${this.floatLiteral("f32")}]> : vector<2xf32>`;
      case 7:
        return r.chance(0.5) ? "dense<> : tensor<0xi32>" : `dense<(${this.floatLiteral("f32")},${this.floatLiteral("f32")})> : tensor<2xcomplex<f32>>`;
      case 8:
        return `dense<["${r.pick(NAME_LOCS)}", "${r.pick(NAME_LOCS)}"]> : tensor<2x!x.str>`;
      case 9:
        // Rare list over 100 elements: mlir-opt prints it back in hex form.
        if (r.chance(0.1)) {
          const vals = [];
          for (let i = 0; i < 128; i++) vals.push(String(r.int(-128, 127)));
          return `dense<[${vals.join(", ")}]> : tensor<128xi8>`;
        }
        return `dense<${this.intLiteral("i8")}> : tensor<128xi8>`;
      case 10:
        return `dense<[[${this.intLiteral("i16")}], [${this.intLiteral("i16")}]]> : tensor<2x1xi16>`;
      default:
        return `dense<${this.floatLiteral("f16")}> : vector<${r.pick([4, 8, 16])}xf16>`;
    }
  }

  denseArray() {
    const r = this.rng;
    const ty = r.pick(["i64", "i32", "i64", "i1", "f32", "i8"]);
    const n = r.int(0, 6);
    if (n === 0) return `array<${ty}>`;
    const vals = [];
    for (let i = 0; i < n; i++) {
      if (ty === "i1") vals.push(r.chance(0.5) ? "true" : "false");
      else if (ty === "f32") vals.push(this.floatLiteral("f32"));
      else vals.push(ty === "i8" ? String(r.int(-128, 127)) : String(r.pickSkewed(DIMS)));
    }
    return `array<${ty}: ${vals.join(", ")}>`;
  }

  /** An attribute value; `depth` bounds arrays and dictionaries nested in it. */
  attr(depth) {
    const r = this.rng;
    const k = r.int(0, 99);
    if (k < 22) {
      const ty = r.pickSkewed(INT_TYPES);
      return r.chance(0.15) ? this.intLiteral("i64") : `${this.intLiteral(ty)} : ${ty}`;
    }
    if (k < 30) return r.chance(0.5) ? "true" : "false";
    if (k < 40) {
      const ty = r.pick(FLOAT_TYPES);
      return r.chance(0.1) ? this.floatLiteral("f64") : `${this.floatLiteral(ty)} : ${ty}`;
    }
    if (k < 54) return this.stringLiteral();
    if (k < 60) return this.denseArray();
    if (k < 66 && depth < 2) {
      const n = r.int(0, 4);
      const items = [];
      for (let i = 0; i < n; i++) items.push(this.attr(depth + 1));
      return `[${items.join(", ")}]`;
    }
    if (k < 70 && depth < 2) return this.dict(depth + 1, r.int(1, 3));
    if (k < 78) return this.denseAttr();
    if (k < 83) return this.affineMap();
    if (k < 88) {
      const f = `${r.pick(FUNC_PREFIXES)}_${r.int(0, 400)}`;
      return r.pick([`@${f}`, `@kernels::@${f}`, `@"${f} v2"`, `@${f}`]);
    }
    if (k < 93) return this.type();
    if (k < 96) return r.pick(["#x.kind<aiv>", "#xtile.unit<aic>", "#xmoe.policy<\"rr\", 2>", "#x<\"opaque attr\">", "#x.layout<row_major, [4, 8]>"]);
    if (k < 98) return r.pick(["#rows", "#perm", "#tile_map"]);
    return "unit";
  }

  /** `{k = v, ...}` with `n` distinct keys in random (unsorted) order; some unit entries. */
  dict(depth, n) {
    const keys = this.rng.sample(DICT_KEYS, n);
    const parts = [];
    for (const key of keys) parts.push(`${key} = ${this.attr(depth)}`);
    if (this.rng.chance(0.15)) parts.push(this.rng.pick(UNIT_KEYS));
    return `{${parts.join(", ")}}`;
  }

  props() {
    const r = this.rng;
    const keys = r.sample(PROP_KEYS, r.int(1, 3));
    const parts = [];
    for (const key of keys) parts.push(`${key} = ${this.attr(1)}`);
    return ` <{${parts.join(", ")}}>`;
  }

  //===--------------------------------------------------------------------===//
  // Locations
  //===--------------------------------------------------------------------===//

  fileLineCol() {
    const r = this.rng;
    return `"${r.pickSkewed(FILES)}":${r.int(1, 4000)}:${r.int(1, 120)}`;
  }

  loc() {
    const r = this.rng;
    const k = r.int(0, 99);
    if (k < 52) return `loc(${this.fileLineCol()})`;
    if (k < 64) return `loc("${r.pick(NAME_LOCS)}"(${this.fileLineCol()}))`;
    if (k < 72) return `loc(fused[${this.fileLineCol()}, ${this.fileLineCol()}])`;
    if (k < 76) return `loc(fused<"${r.pick(FUSED_META)}">[${this.fileLineCol()}, "${r.pick(NAME_LOCS)}"])`;
    if (k < 80) return `loc(callsite("${r.pick(NAME_LOCS)}"(${this.fileLineCol()}) at ${this.fileLineCol()}))`;
    if (k < 96) return `loc(#loc${r.int(0, this.numLocAliases - 1)})`;
    if (k < 98) return `loc("${r.pickSkewed(FILES)}":${r.int(1, 400)}:${r.int(1, 40)} to ${r.int(400, 800)}:${r.int(1, 40)})`;
    return "loc(unknown)";
  }

  //===--------------------------------------------------------------------===//
  // Values
  //===--------------------------------------------------------------------===//

  /** A visible value, mostly a recent one (real dumps use values close to their definition). */
  operand() {
    const n = this.avail.length;
    const r = this.rng;
    if (r.chance(0.8)) {
      const back = Math.min(n - 1, Math.floor(-Math.log(1 - r.next()) * 6));
      return this.avail[n - 1 - back];
    }
    return this.avail[Math.floor(r.next() * n)];
  }

  /** A visible value of type `type`, searched from the innermost end, or undefined. */
  valueOfType(type) {
    for (let i = this.avail.length - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      if (this.avail[i].type === type) return this.avail[i];
    }
    return undefined;
  }

  operands(count) {
    const vals = [];
    for (let i = 0; i < count && this.avail.length > 0; i++) vals.push(this.operand());
    return vals;
  }

  /** Declares results `types` (a fresh `%N` or `%N:k`); returns the binding text. */
  defineResults(types) {
    if (types.length === 0) return "";
    const id = this.nextValue++;
    if (types.length === 1) {
      this.avail.push({ ref: `%${id}`, type: types[0] });
      return `%${id} = `;
    }
    for (let i = 0; i < types.length; i++) this.avail.push({ ref: `%${id}#${i}`, type: types[i] });
    return `%${id}:${types.length} = `;
  }

  /** Declares block arguments; returns `(%argN: T loc(..), ...)` or "" if there are none. */
  blockArgs(types) {
    if (types.length === 0) return "";
    const parts = [];
    for (const type of types) {
      const name = `%arg${this.nextArg++}`;
      this.avail.push({ ref: name, type });
      parts.push(this.rng.chance(0.6) ? `${name}: ${type} ${this.loc()}` : `${name}: ${type}`);
    }
    return `(${parts.join(", ")})`;
  }

  resultTypes(count) {
    const types = [];
    for (let i = 0; i < count; i++) types.push(this.type());
    return types;
  }

  //===--------------------------------------------------------------------===//
  // Operations
  //===--------------------------------------------------------------------===//

  static functionType(operandTypes, resultTypes) {
    const res = resultTypes.length === 1 && !resultTypes[0].startsWith("(") ? resultTypes[0] : `(${resultTypes.join(", ")})`;
    return `(${operandTypes.join(", ")}) -> ${res}`;
  }

  attrDict() {
    const r = this.rng;
    const k = r.int(0, 99);
    if (k < 20) return "";
    return ` ${this.dict(0, k < 58 ? r.int(1, 2) : r.int(3, 5))}`;
  }

  /** One op without regions. */
  plainOp(indent) {
    const r = this.rng;
    this.opsLeft--;
    const zero = r.chance(0.12);
    const name = zero ? r.pick(ZERO_RESULT_OPS) : r.pickSkewed(OP_NAMES);
    const ops = this.operands(zero ? r.int(1, 4) : r.pick([0, 1, 2, 2, 2, 3, 3, 4, 5, 6]));
    const props = r.chance(0.35) ? this.props() : "";
    const attrs = this.attrDict();
    const resTypes = zero ? [] : this.resultTypes(r.chance(0.15) ? r.int(2, 4) : 1);
    const fnType = Generator.functionType(ops.map((v) => v.type), resTypes);
    const operandText = ops.map((v) => v.ref).join(", ");
    const lhs = this.defineResults(resTypes);
    this.w.write(`${indent}${lhs}"${name}"(${operandText})${props}${attrs} : ${fnType} ${this.loc()}\n`);
  }

  /** Ops filling `budget` slots in the current block, terminator excluded. */
  blockBody(indent, budget) {
    const r = this.rng;
    while (budget > 0) {
      if (budget >= 4 && this.depth < 3 && r.chance(0.035)) {
        const size = Math.min(budget, r.logInt(3, 80));
        this.regionOp(indent, size);
        budget -= size;
      } else {
        this.plainOp(indent);
        budget--;
      }
      if (r.chance(0.002)) this.w.write(`${indent}// ---- ${r.pick(NAME_LOCS)} ----\n`);
    }
  }

  /** A terminator without successors (`x.yield` / `x.return`), passing 0-2 visible values. */
  exitOp(indent, name) {
    this.opsLeft--;
    const ops = this.operands(this.rng.int(0, 2));
    const fnType = Generator.functionType(ops.map((v) => v.type), []);
    this.w.write(`${indent}"${name}"(${ops.map((v) => v.ref).join(", ")}) : ${fnType} ${this.loc()}\n`);
  }

  /** A single-block region of `budget` ops (terminator included), with entry args `argTypes`. */
  singleBlockRegion(indent, budget, argTypes, terminator) {
    const mark = this.avail.length;
    if (argTypes.length > 0 || this.rng.chance(0.1)) this.w.write(`${indent.slice(2)}^bb0${this.blockArgs(argTypes)}:\n`);
    this.blockBody(indent, budget - 1);
    this.exitOp(indent, terminator);
    this.avail.length = mark;
  }

  /**
   * A multi-block region of `budget` ops: entry block, then 2-5 blocks reached through
   * `x.br`/`x.cond_br`/`x.switch` with successor operands feeding block arguments. Every block is
   * reachable, and later blocks use only values of their own block, their arguments, the entry
   * block and enclosing scopes (all of which dominate them).
   */
  cfgRegion(indent, budget, entryArgTypes, terminator) {
    const r = this.rng;
    const numBlocks = Math.min(budget, r.int(3, 6));
    const labels = [];
    const argTypes = [];
    for (let b = 0; b < numBlocks; b++) {
      labels.push(b === 0 ? "^bb0" : r.chance(0.85) ? `^bb${b}` : r.pick(["^loop_header", "^exit", "^then", "^else"]) + b);
      argTypes.push(b === 0 ? entryArgTypes : this.rng.sample(this.scalarTypes, r.pick([0, 0, 1, 1, 2])));
    }
    // Successors: block b always reaches b+1; sometimes also a later block or a back edge.
    const succs = [];
    for (let b = 0; b < numBlocks - 1; b++) {
      const s = [b + 1];
      if (b + 2 < numBlocks && r.chance(0.5)) s.push(r.int(b + 2, numBlocks - 1));
      if (b > 0 && r.chance(0.2)) s.push(r.int(1, b));
      if (s.length === 2 && r.chance(0.2)) s.push(r.int(1, numBlocks - 1));
      succs.push(s);
    }
    // Budget per block (at least its terminator).
    const sizes = new Array(numBlocks).fill(1);
    let rest = budget - numBlocks;
    for (let b = 0; b < numBlocks && rest > 0; b++) {
      const take = b === numBlocks - 1 ? rest : Math.min(rest, r.int(0, Math.ceil((2 * rest) / (numBlocks - b))));
      sizes[b] += take;
      rest -= take;
    }
    sizes[numBlocks - 1] += rest;

    const regionMark = this.avail.length;
    let entryMark = regionMark;
    for (let b = 0; b < numBlocks; b++) {
      if (b === 0) {
        if (entryArgTypes.length > 0 || r.chance(0.3)) this.w.write(`${indent.slice(2)}^bb0${this.blockArgs(entryArgTypes)}:\n`);
      } else {
        this.w.write(`${indent.slice(2)}${labels[b]}${this.blockArgs(argTypes[b])}:`);
        this.w.write(r.chance(0.5) ? `  // pred: ${labels[b - 1]}\n` : "\n");
      }
      this.blockBody(indent, sizes[b] - 1);
      if (b === numBlocks - 1) this.exitOp(indent, terminator);
      else this.branchOp(indent, succs[b].map((s) => ({ label: labels[s], types: argTypes[s] })));
      if (b === 0) entryMark = this.avail.length;
      this.avail.length = entryMark;
    }
    this.avail.length = regionMark;
  }

  /** A terminator with successors; each passes one visible value per successor argument. */
  branchOp(indent, targets) {
    const r = this.rng;
    this.opsLeft--;
    const ops = [];
    const segments = [];
    let name = "x.br";
    if (targets.length >= 2) {
      const cond = (targets.length === 2 ? this.valueOfType("i1") : this.valueOfType("index")) ?? this.operand();
      ops.push(cond);
      segments.push(1);
      name = targets.length === 2 ? "x.cond_br" : "x.switch";
    }
    for (const t of targets) {
      for (const type of t.types) ops.push(this.valueOfType(type) ?? this.operand());
      segments.push(t.types.length);
    }
    let props = "";
    if (name === "x.switch") {
      const cases = [];
      for (let i = 0; i < targets.length - 1; i++) cases.push(String(i));
      props = ` <{case_values = dense<[${cases.join(", ")}]> : vector<${cases.length}xi32>, operandSegmentSizes = array<i32: ${segments.join(", ")}>}>`;
    } else if (name === "x.cond_br") {
      props = ` <{operandSegmentSizes = array<i32: ${segments.join(", ")}>}>`;
    }
    const weights = r.chance(0.2) ? ` {branch_weights = array<i32: ${targets.map(() => r.int(1, 100)).join(", ")}>}` : "";
    const fnType = Generator.functionType(ops.map((v) => v.type), []);
    const labels = targets.map((t) => t.label).join(", ");
    this.w.write(`${indent}"${name}"(${ops.map((v) => v.ref).join(", ")})[${labels}]${props}${weights} : ${fnType} ${this.loc()}\n`);
  }

  /** An op with 1-2 regions holding `size` ops in total (itself included). */
  regionOp(indent, size) {
    const r = this.rng;
    this.opsLeft--;
    const inner = indent + "  ";
    const body = size - 1;
    const resTypes = this.resultTypes(r.pick([0, 0, 1, 1, 2]));
    // The result id is taken now (it precedes the region's values in the text), but the results
    // become visible only after the regions: an op's results do not dominate its own regions.
    const id = resTypes.length === 0 ? -1 : this.nextValue++;
    const lhs = resTypes.length === 0 ? "" : resTypes.length === 1 ? `%${id} = ` : `%${id}:${resTypes.length} = `;
    const kind = r.int(0, 9);
    let name;
    let ops;
    let props = "";
    const open = () => this.w.write(`${indent}${lhs}"${name}"(${ops.map((v) => v.ref).join(", ")})${props} ({\n`);
    this.depth++;
    if (kind <= 3) {
      name = r.pick(["x.if", "xtile.if", "x.if"]);
      ops = [this.valueOfType("i1") ?? this.operand()];
      open();
      const thenSize = Math.max(1, Math.ceil(body / 2));
      this.singleBlockRegion(inner, thenSize, [], "x.yield");
      if (body - thenSize >= 1) {
        this.w.write(`${indent}}, {\n`);
        this.singleBlockRegion(inner, body - thenSize, [], "x.yield");
      }
    } else if (kind <= 6) {
      name = r.pick(["x.for", "xtile.for", "xaiv.loop"]);
      ops = this.operands(3);
      props = r.chance(0.5) ? ` <{step_hint = ${r.pick([1, 2, 4, 8])} : index}>` : "";
      open();
      this.singleBlockRegion(inner, body, ["index", ...r.sample(this.scalarTypes, r.int(0, 2))], "x.yield");
    } else if (kind <= 8) {
      name = r.pick(["x.execute_region", "x.while_cfg", "xtile.scope"]);
      ops = this.operands(r.int(0, 1));
      open();
      if (body >= 4) this.cfgRegion(inner, body, [], "x.yield");
      else this.singleBlockRegion(inner, body, [], "x.yield");
    } else {
      name = r.pick(["x.while", "x.parallel"]);
      ops = this.operands(r.int(1, 2));
      open();
      const beforeSize = Math.max(1, Math.floor(body / 3));
      const argTypes = ops.map((v) => v.type);
      this.singleBlockRegion(inner, beforeSize, argTypes, "x.condition");
      if (body - beforeSize >= 1) {
        this.w.write(`${indent}}, {\n`);
        this.singleBlockRegion(inner, body - beforeSize, argTypes, "x.yield");
      }
    }
    this.depth--;
    const attrs = this.attrDict();
    const fnType = Generator.functionType(ops.map((v) => v.type), resTypes);
    this.w.write(`${indent}})${attrs} : ${fnType} ${this.loc()}\n`);
    if (resTypes.length === 1) this.avail.push({ ref: `%${id}`, type: resTypes[0] });
    else for (let i = 0; i < resTypes.length; i++) this.avail.push({ ref: `%${id}#${i}`, type: resTypes[i] });
  }

  /** A module-level `x.global`; one op. */
  globalOp(indent) {
    const r = this.rng;
    this.opsLeft--;
    const id = this.nextFunc++;
    let init;
    if (r.chance(0.15)) init = `dense_resource<blob_w${r.int(0, this.numBlobs - 1)}> : tensor<4xf32>`;
    else init = r.chance(0.5) ? `dense<0.000000e+00> : tensor<${this.shape(2, false).join("x")}xbf16>` : this.denseAttr();
    const vis = r.chance(0.5) ? `, sym_visibility = "private"` : "";
    this.w.write(`${indent}"x.global"() <{sym_name = "w${id}", initial_value = ${init}${vis}, constant}> {alignment = 64 : i64} : () -> () ${this.loc()}\n`);
  }

  /** An `x.func` of `budget` ops (itself and its terminator included; budget >= 2). */
  funcOp(indent, budget) {
    const r = this.rng;
    this.opsLeft--;
    const name = `${r.pick(FUNC_PREFIXES)}_${this.nextFunc++}`;
    const argTypes = this.resultTypes(r.int(1, 6));
    const resTypes = this.resultTypes(r.int(0, 2));
    const vis = r.chance(0.3) ? `, sym_visibility = "private"` : "";
    const argAttrs = r.chance(0.3) ? `arg_attrs = [${argTypes.map(() => (r.chance(0.5) ? "{}" : `{x.noalias, x.align = ${r.pick([16, 64])} : i64}`)).join(", ")}], ` : "";
    this.w.write(`${indent}"x.func"() <{${argAttrs}function_type = ${Generator.functionType(argTypes, resTypes)}, sym_name = "${name}"${vis}}> ({\n`);
    const inner = indent + "  ";
    const mark = this.avail.length;
    if (budget - 1 >= 8 && r.chance(0.25)) {
      this.cfgRegion(inner, budget - 1, argTypes, "x.return");
    } else {
      this.w.write(`${indent}^bb0${this.blockArgs(argTypes)}:\n`);
      this.blockBody(inner, budget - 2);
      this.exitOp(inner, "x.return");
    }
    this.avail.length = mark;
    const attrs = r.chance(0.4) ? ` {x.frontend = "hpmoe", x.layer = ${r.int(0, 60)} : i32}` : "";
    this.w.write(`${indent}})${attrs} : () -> () ${this.loc()}\n`);
  }

  //===--------------------------------------------------------------------===//
  // File
  //===--------------------------------------------------------------------===//

  generate() {
    const r = this.rng;
    const w = this.w;
    w.write(`// Generated by bench/gen-generic.mjs (version ${GENERATOR_VERSION}): a synthetic compiler dump in MLIR generic form.\n`);
    w.write("#rows = affine_map<(d0) -> (d0 * 128)>\n");
    w.write("#perm = affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, d3)>\n");
    w.write("#tile_map = affine_map<(d0, d1)[s0] -> (d0 floordiv 16, d1 mod s0)>\n");
    w.write("!qkv = tensor<4x128x3x256xbf16>\n");
    w.write("!hidden = tensor<?x7168xbf16>\n");
    this.opsLeft--;
    w.write(`"builtin.module"() <{sym_name = "hpmoe_bench"}> ({\n`);
    const indent = "  ";
    // A region with no ops still needs its one block (`({\n})` would be a region of zero blocks).
    if (this.opsLeft === 0) w.write("^bb0:\n");
    const numGlobals = Math.min(Math.max(0, this.opsLeft - 2), Math.max(1, Math.floor(this.opsLeft / 2000)));
    for (let i = 0; i < numGlobals; i++) this.globalOp(indent);
    while (this.opsLeft > 0) {
      if (this.opsLeft === 1) {
        this.globalOp(indent);
        break;
      }
      const budget = Math.min(this.opsLeft, r.logInt(100, 1000));
      this.funcOp(indent, this.opsLeft - budget === 1 ? budget + 1 : budget);
    }
    w.write(`}) {x.target = "a3-die", x.version = 3 : i32} : () -> () loc("hpmoe/frontend/trace.py":1:1)\n`);
    // Location aliases, after the module as mlir-opt --mlir-print-debuginfo writes them; some refer
    // to earlier aliases.
    for (let i = 0; i < this.numLocAliases; i++) {
      let body;
      if (i >= 2 && r.chance(0.15)) body = `fused<"${r.pick(FUSED_META)}">[#loc${r.int(0, i - 1)}, #loc${r.int(0, i - 1)}]`;
      else if (i >= 1 && r.chance(0.1)) body = `callsite(#loc${r.int(0, i - 1)} at ${this.fileLineCol()})`;
      else if (r.chance(0.2)) body = `"${r.pick(NAME_LOCS)}"(${this.fileLineCol()})`;
      else body = this.fileLineCol();
      w.write(`#loc${i} = loc(${body})\n`);
    }
    w.write("{-#\n  dialect_resources: {\n    builtin: {\n");
    for (let i = 0; i < this.numBlobs; i++) {
      let hex = "04000000";
      for (let j = 0; j < 16; j++) hex += r.int(0, 255).toString(16).padStart(2, "0").toUpperCase();
      w.write(`      blob_w${i}: "0x${hex}"${i + 1 < this.numBlobs ? "," : ""}\n`);
    }
    w.write("    }\n  }\n#-}\n");
    w.flush();
  }
}

//===----------------------------------------------------------------------===//
// Entry points
//===----------------------------------------------------------------------===//

/**
 * Writes the file for (`ops`, `seed`) to `out` (a path), or to stdout when `out` is undefined or
 * "-". A path is written to a temporary sibling and renamed, so it never exists half-written.
 * Returns the number of bytes written.
 */
export function generateGeneric({ ops = DEFAULT_OPS, seed = DEFAULT_SEED, out } = {}) {
  if (!Number.isInteger(ops) || ops < 1) throw new RangeError(`--ops must be a positive integer, got ${ops}`);
  if (out === undefined || out === "-") {
    const writer = new ChunkWriter(1);
    new Generator(ops, seed, writer).generate();
    return writer.bytesWritten;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  const fd = fs.openSync(tmp, "w");
  let ok = false;
  try {
    const writer = new ChunkWriter(fd);
    new Generator(ops, seed, writer).generate();
    fs.closeSync(fd);
    fs.renameSync(tmp, out);
    ok = true;
    return writer.bytesWritten;
  } finally {
    if (!ok) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
      fs.rmSync(tmp, { force: true });
    }
  }
}

function parseArgs(argv) {
  const opts = { ops: DEFAULT_OPS, seed: DEFAULT_SEED, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf("=");
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq >= 0 ? arg.slice(eq + 1) : argv[++i]);
    switch (flag) {
      case "--ops":
        opts.ops = Number(value());
        break;
      case "--seed":
        opts.seed = Number(value());
        break;
      case "--out":
      case "-o":
        opts.out = value();
        break;
      case "--help":
      case "-h":
        process.stdout.write("Usage: node bench/gen-generic.mjs [--ops N] [--out FILE] [--seed S]\n");
        process.exit(0);
        break;
      default:
        process.stderr.write(`gen-generic: unknown argument '${arg}'\n`);
        process.exit(2);
    }
  }
  if (!Number.isInteger(opts.ops) || opts.ops < 1) {
    process.stderr.write("gen-generic: --ops must be a positive integer\n");
    process.exit(2);
  }
  if (!Number.isInteger(opts.seed)) {
    process.stderr.write("gen-generic: --seed must be an integer\n");
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = process.hrtime.bigint();
  let bytes;
  try {
    bytes = generateGeneric(opts);
  } catch (e) {
    // `gen-generic | head` closes the pipe early: that is the reader's choice, not an error.
    if (e?.code === "EPIPE") process.exit(0);
    throw e;
  }
  if (opts.out !== undefined && opts.out !== "-") {
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    process.stderr.write(`gen-generic: wrote ${opts.ops} ops, ${(bytes / 1e6).toFixed(1)} MB to ${opts.out} in ${(ms / 1000).toFixed(2)} s\n`);
  }
}
