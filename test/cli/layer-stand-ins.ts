// Stand-ins for the issue-5 stages (moe import, tile lowering, emu check) so
// `hpmoe compile`, `run` and `bench` can be tested before and apart from them.
// The moe "module" holds one func per rank; the "lowering" replaces each with
// an unregistered standin.program (tile.program is registered and verified)
// holding rank+1 gemm tasks and 2 put tasks.

import { Context } from "../../src/ir/context.js";
import { registerAllDialects } from "../../src/dialect/all-dialects.js";
import { IntegerAttr, UnitAttr } from "../../src/ir/builtin-attributes.js";
import { Severity } from "../../src/ir/diagnostics.js";
import { failure, success } from "../../src/ir/logical-result.js";
import type { Operation } from "../../src/ir/operation.js";
import { parseSourceFile } from "../../src/syntax/op-parser.js";
import { SourceFile } from "../../src/syntax/source.js";
import type { LayerStages } from "../../src/cli/layer-stages.js";

function parse(ctx: Context, text: string): Operation {
  const m = parseSourceFile(ctx, new SourceFile("stand-in", text));
  if (!m) throw new Error(`stand-in IR does not parse: ${ctx.diagnostics.takeAll().map((d) => d.message).join("; ")}`);
  return m;
}

/** Stand-in stages; `failLoweringAtRank` makes the lowering fail there with a diagnostic. */
export function standInStages(failLoweringAtRank = -1): LayerStages {
  return {
    createContext() {
      const ctx = new Context({ allowUnregisteredDialects: true });
      registerAllDialects(ctx);
      return ctx;
    },
    buildMoeModule(ctx, cfg, _routing, opts) {
      const ranks = opts?.ranks ?? Array.from({ length: cfg.parallel.ep }, (_, r) => r);
      const funcs = ranks.map((r) => `func.func @moe_ffn_fwd_rank${r}() attributes {moe.rank = ${r} : i64} {\n  return\n}\n`);
      return parse(ctx, funcs.join(""));
    },
    lowerMoeToTile(module) {
      const body = module.regions[0]!.entryBlock!;
      const programs: string[] = [];
      for (const f of body.ops()) {
        const rankAttr = f.getAttr("moe.rank");
        const rank = rankAttr instanceof IntegerAttr ? Number(rankAttr.value) : -1;
        if (rank === failLoweringAtRank) {
          module.context.diagnostics.emit(Severity.Error, f.loc, `stand-in lowering fails at rank ${rank}`);
          return failure();
        }
        const tasks = [];
        for (let i = 0; i <= rank; i++) tasks.push(`  %g${i} = "standin.gemm"() {stage = 1 : i64} : () -> i1`);
        tasks.push(`  %p0 = "standin.put"() {stage = 0 : i64} : () -> i1`, `  %p1 = "standin.put"() {stage = 0 : i64} : () -> i1`);
        tasks.push(`  "standin.buffer"() : () -> ()`);
        programs.push(`"standin.program"() ({\n${tasks.join("\n")}\n}) {rank = ${rank} : i64} : () -> ()\n`);
      }
      const lowered = parse(module.context, programs.join(""));
      for (const f of [...body.ops()]) f.erase();
      for (const p of [...lowered.regions[0]!.entryBlock!.ops()]) {
        p.remove();
        body.push(p);
      }
      return success();
    },
    scheduleTileModule(module) {
      // Marks the programs as scheduled: the CLI only needs the module printed again.
      for (const p of module.regions[0]!.entryBlock!.ops()) p.setAttr("standin.scheduled", UnitAttr.get(module.context));
      return success();
    },
    insertScheduleEvents(module) {
      for (const p of module.regions[0]!.entryBlock!.ops()) p.setAttr("standin.events", UnitAttr.get(module.context));
      return success();
    },
    runEmuCheck(cfg) {
      const ok = cfg.model.hidden !== 48; // small-zipf "fails", to test the exit code
      return { ok, maxAbsErr: ok ? 0 : 0.5, maxRelErr: ok ? 0 : 0.25, details: ok ? ["stand-in out: equal"] : ["stand-in mismatch"] };
    },
  };
}
