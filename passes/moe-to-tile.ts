// moe-to-tile: dependency-preserving tile generation. Each per-rank moe
// function (moe-import's @moe_ffn_fwd_rank<r> / @moe_ffn_bwd_rank<r>) becomes
// a tile.program (@fwd_rank<r> / @bwd_rank<r>) of GEMM, SwiGLU and whole-block
// communication tasks whose !tile.token dependencies follow the data: tile-exact
// by default, per (stage, expert) like the reference code with deps=expert.

import type { Operation } from "../src/ir/operation.js";
import { option, PassOptions } from "../src/pass/pass-options.js";
import { Pass } from "../src/pass/pass.js";
import { kGatherRowsAttr, kUniqueCountsAttr } from "../dialects/moe-dedup.js";
import { kProgramGatherRowsAttr, kProgramUniqueCountsAttr, TileBuilder } from "./tile-builder.js";
import { buildTileProgram } from "./tile-moe-programs.js";
import { isMoeFunction, readMoeShape } from "./tile-moe-shape.js";
import type { MoeToTileOptions } from "./tile-program-emitter.js";

export class MoeToTilePass extends Pass {
  readonly argument = "moe-to-tile";
  readonly name = "MoeToTile";
  readonly summary = "Lower per-rank moe functions to tile programs with tile-exact dependencies";
  override readonly options = new PassOptions({
    gemmTiling: option("gemm-tiling", "enum", "mxn", "GEMM tasks: mxn (gemm-m x gemm-n output tiles) or per-core (cube-cores column shares of the whole-expert GEMM, as the reference)", ["mxn", "per-core"]),
    cubeCores: option("cube-cores", "int", 24, "Cube cores sharing a GEMM under gemm-tiling=per-core"),
    gemmM: option("gemm-m", "int", 128, "Output tile rows under gemm-tiling=mxn"),
    gemmN: option("gemm-n", "int", 256, "Output tile columns under gemm-tiling=mxn"),
    swigluRows: option("swiglu-rows", "int", 128, "Rows per SwiGLU (and SwiGLU-gradient) task"),
    deps: option("deps", "enum", "tile", "Dependencies: tile (on exactly the producers of the slices read) or expert (all of the expert's previous stage, one tile.join per stage and expert)", ["tile", "expert"]),
  });
  private readonly numPrograms = this.statistic("num-programs", "Tile programs generated");
  private readonly numTasks = this.statistic("num-tasks", "Tile tasks generated");

  runOnOperation(): void {
    const top = this.getOperation();
    const o = this.options.values;
    for (const [name, v] of [["cube-cores", o.cubeCores], ["gemm-m", o.gemmM], ["gemm-n", o.gemmN], ["swiglu-rows", o.swigluRows]] as const)
      if (v <= 0) {
        top.emitError(`moe-to-tile: ${name} must be positive, got ${v}`);
        return this.signalPassFailure();
      }
    const options: MoeToTileOptions = {
      gemmTiling: o.gemmTiling as MoeToTileOptions["gemmTiling"],
      cubeCores: o.cubeCores,
      gemmM: o.gemmM,
      gemmN: o.gemmN,
      swigluRows: o.swigluRows,
      deps: o.deps as MoeToTileOptions["deps"],
    };
    const funcs: Operation[] = [];
    for (const region of top.regions)
      for (let b = region.entryBlock; b; b = b.next) for (let op = b.first; op; op = op.next) if (op.name.name === "func.func" && isMoeFunction(op)) funcs.push(op);
    if (funcs.length === 0) return this.markAllAnalysesPreserved();
    for (const func of funcs) {
      const shape = readMoeShape(func);
      if (!shape) return this.signalPassFailure();
      const tb = new TileBuilder(top.context, func.loc);
      tb.builder.setInsertionPoint(func);
      const program = buildTileProgram(tb, shape, options);
      // The dedup tables ride along to comm-tiling{dedup=true}, which drops them.
      for (const [from, to] of [[kUniqueCountsAttr, kProgramUniqueCountsAttr], [kGatherRowsAttr, kProgramGatherRowsAttr]] as const) {
        const table = shape.anchor.getAttr(from);
        if (table !== undefined) program.setAttr(to, table);
      }
      func.erase();
      this.numPrograms.value++;
      for (let op = program.regions[0]!.entryBlock!.first; op; op = op.next) if (op.getAttr("unit") !== undefined) this.numTasks.value++;
    }
  }
}
