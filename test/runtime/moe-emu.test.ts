// The moe emulator on hand-written per-rank moe IR against the dense
// single-device reference: forward output, dx, dw13, dw2. Both follow the
// contract's accumulation orders (GEMMs over the inner dimension ascending,
// weight grads over each expert's rows by source rank then token), so the
// results are expected bit for bit, not just within tolerance.

import { describe, expect, it } from "vitest";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { Context } from "../../src/ir/context.js";
import { parseSourceString } from "../../src/index.js";
import { roundBf16 } from "../../src/runtime/emu/bf16.js";
import { denseBackward, denseForward } from "../../src/runtime/emu/dense-reference.js";
import { isEmuFailure } from "../../src/runtime/emu/emu-values.js";
import { bf16Value } from "../../src/runtime/emu/kernels.js";
import { runMoeLayer } from "../../src/runtime/emu/moe-emu.js";
import { denseProblemOf } from "../../src/runtime/emu/synthetic-data.js";
import { tinyData, type TinySizes } from "./fixtures.js";
import { moeModuleText } from "./moe-ir-fixture.js";
import { buildMoeModule } from "../../src/layer/moe-import.js";
import { generateRouting } from "../../src/layer/routing.js";
import { tinyConfig } from "./fixtures.js";

const cases: [string, TinySizes][] = [
  ["ep2, 4 experts, top-2", { ep: 2, experts: 4, topK: 2, tokensPerRank: 6, hidden: 8, inter: 4 }],
  ["ep1, top_k = experts", { ep: 1, experts: 3, topK: 3, tokensPerRank: 4, hidden: 6, inter: 2 }],
  ["ep4, experts without tokens", { ep: 4, experts: 8, topK: 1, tokensPerRank: 1, hidden: 5, inter: 3 }],
  ["ep2, zipf routing", { ep: 2, experts: 6, topK: 2, tokensPerRank: 8, hidden: 7, inter: 5, routing: { kind: "zipf", seed: 2, skew: 1.5 } }],
];

function parse(s: TinySizes) {
  const ctx = new Context({ allowUnregisteredDialects: true });
  registerAllDialects(ctx);
  const m = parseSourceString(ctx, moeModuleText(s));
  expect(m).toBeDefined();
  return m!;
}

describe("moe emulator", () => {
  for (const [name, s] of cases) {
    it(`matches the dense reference bit for bit (${name})`, () => {
      const data = tinyData(s);
      const run = runMoeLayer(parse(s), data, true);
      if (isEmuFailure(run)) throw new Error(run.message);
      const dense = denseProblemOf(data);
      const out = denseForward(dense, "bf16").out;
      const grads = denseBackward(dense, "bf16");
      const { tokensPerRank: T, hidden: H, inter: I, experts: E, ep } = s;
      const e = E / ep;
      for (let r = 0; r < ep; r++) {
        expect(Array.from(run.out[r]!.data, (h) => bf16Value[h])).toEqual(Array.from(out.subarray(r * T * H, (r + 1) * T * H)));
        expect(Array.from(run.dx[r]!.data, (h) => bf16Value[h])).toEqual(Array.from(grads.dx.subarray(r * T * H, (r + 1) * T * H)));
        expect(Array.from(run.dw13[r]!.data)).toEqual(Array.from(grads.dw13.subarray(r * e * H * 2 * I, (r + 1) * e * H * 2 * I)));
        expect(Array.from(run.dw2[r]!.data)).toEqual(Array.from(grads.dw2.subarray(r * e * I * H, (r + 1) * e * I * H)));
      }
      // Outputs are bf16 values and not trivially zero.
      expect(out.every((v) => v === roundBf16(v))).toBe(true);
      expect(out.some((v) => v !== 0)).toBe(true);
    });
  }

  it("runs buildMoeModule's functions (registered moe dialect) like the hand-written ones", () => {
    const s = cases[3]![1];
    const data = tinyData(s);
    const cfg = tinyConfig(s);
    const built = runMoeLayer(buildMoeModule(new Context(), cfg, generateRouting(cfg)), data, true);
    const hand = runMoeLayer(parse(s), data, true);
    if (isEmuFailure(built)) throw new Error(built.message);
    expect(built).toEqual(hand);
  });

  it("reports an op it cannot run, ranks that disagree, and missing ranks, located", () => {
    const s = cases[0]![1];
    const parseText = (text: string) => {
      const ctx = new Context({ allowUnregisteredDialects: true });
      registerAllDialects(ctx);
      return parseSourceString(ctx, text)!;
    };
    const unknown = runMoeLayer(parseText(moeModuleText(s).replaceAll('"moe.swiglu"', '"test.gelu"')), tinyData(s), false);
    expect(isEmuFailure(unknown) && [unknown.op?.name.name, unknown.message]).toEqual(["test.gelu", "is not an op the moe emulator executes"]);
    const skew = runMoeLayer(parseText(moeModuleText(s).replace('"moe.swiglu"', '"test.gelu"')), tinyData(s), false);
    expect(isEmuFailure(skew) && skew.message).toBe("rank 1 runs 'moe.swiglu' where rank 0 runs 'test.gelu'; programs must match op by op");
    const missing = runMoeLayer(parse(s), tinyData({ ...s, ep: 4, experts: 8 }), false);
    expect(isEmuFailure(missing) && missing.message).toBe("has no @moe_ffn_fwd_rank<r> for every rank r < 4");
  });
});
