// tile-stats: what a tile taskflow holds and how long its longest chain is.
// For each tile.program a remark gives tasks per stage and per unit, joins,
// arrivals, and the critical path three ways (tasks on it, flops on it, bytes
// on it); with several programs a remark on the root does the same for all of
// them linked by put->arrival edges. A cycle or an unmatched put/arrival is a
// located error.

import { Severity } from "../src/ir/diagnostics.js";
import type { Operation } from "../src/ir/operation.js";
import { Pass } from "../src/pass/pass.js";
import { stageNames, Unit } from "../dialects/tile-model.js";
import { TileGraph, tilePrograms, type TileNode } from "./tile-graph.js";

/** Counts and critical paths of a set of graph nodes. */
export interface TileStats {
  readonly tasks: number;
  /** Tasks per Stage value. */
  readonly perStage: readonly number[];
  readonly aic: number;
  readonly aiv: number;
  readonly joins: number;
  readonly arrivals: number;
  readonly acyclic: boolean;
  /** Longest dependency chain counted in tasks, in flops, and in bytes (local + sent). */
  readonly criticalTasks: number;
  readonly criticalFlops: number;
  readonly criticalBytes: number;
}

const isTask = (n: TileNode) => n.kind !== "arrival" && n.kind !== "join" && n.kind !== "terminate";

/**
 * Stats of the nodes for which `member` holds (all by default); paths only
 * follow edges between members. O(nodes + edges).
 */
export function computeTileStats(g: TileGraph, member: (n: TileNode) => boolean = () => true): TileStats {
  const perStage = new Array<number>(stageNames.length).fill(0);
  let tasks = 0;
  let aic = 0;
  let aiv = 0;
  let joins = 0;
  let arrivals = 0;
  for (const n of g.nodes) {
    if (!member(n)) continue;
    if (n.kind === "join") joins++;
    else if (n.kind === "arrival") arrivals++;
    else if (isTask(n)) {
      tasks++;
      if (n.stage >= 0 && n.stage < perStage.length) perStage[n.stage]!++;
      if (n.unit === Unit.aic) aic++;
      else if (n.unit === Unit.aiv) aiv++;
    }
  }
  const { order, stuck } = g.topologicalOrder();
  const m = g.nodes.length;
  const hops = new Float64Array(m);
  const flops = new Float64Array(m);
  const bytes = new Float64Array(m);
  let criticalTasks = 0;
  let criticalFlops = 0;
  let criticalBytes = 0;
  for (const i of order) {
    const n = g.nodes[i]!;
    if (!member(n)) continue;
    let h = 0;
    let f = 0;
    let b = 0;
    g.graph.forEachInNeighbor(String(i), (key) => {
      const p = Number(key);
      if (!member(g.nodes[p]!)) return;
      h = Math.max(h, hops[p]!);
      f = Math.max(f, flops[p]!);
      b = Math.max(b, bytes[p]!);
    });
    const task = isTask(n);
    criticalTasks = Math.max(criticalTasks, (hops[i] = h + (task ? 1 : 0)));
    criticalFlops = Math.max(criticalFlops, (flops[i] = f + n.flops));
    criticalBytes = Math.max(criticalBytes, (bytes[i] = b + n.bytes + n.bytesSent));
  }
  const acyclic = !stuck.some((i) => member(g.nodes[i]!));
  return { tasks, perStage, aic, aiv, joins, arrivals, acyclic, criticalTasks, criticalFlops, criticalBytes };
}

/** One line: `12 tasks (dispatch 4, gmm1 2), aic 2, aiv 10, ...`. */
export function formatTileStats(s: TileStats): string {
  const stages = s.perStage.flatMap((c, i) => (c ? [`${stageNames[i]} ${c}`] : [])).join(", ");
  return (
    `${s.tasks} tasks (${stages}), aic ${s.aic}, aiv ${s.aiv}, joins ${s.joins}, arrivals ${s.arrivals}, ` +
    `critical path ${s.criticalTasks} tasks / ${s.criticalFlops} flops / ${s.criticalBytes} bytes, ${s.acyclic ? "acyclic" : "CYCLIC"}`
  );
}

/**
 * Reports the graph's build problems and its first cycle as errors; returns
 * false when there was any. Shared by the tile analyses.
 */
export function reportGraphProblems(g: TileGraph): boolean {
  for (const p of g.problems) p.op.emitError(p.message);
  const { stuck } = g.topologicalOrder();
  if (stuck.length) {
    const first = g.nodes[stuck[0]!]!;
    first.op.emitOpError(`is on a dependency cycle (${stuck.length} ops never become ready)`);
  }
  return g.problems.length === 0 && stuck.length === 0;
}

export class TileStatsPass extends Pass {
  readonly argument = "tile-stats";
  readonly name = "TileStats";
  readonly summary = "Report tile task counts per stage and unit, critical paths and acyclicity";
  private readonly numTasks = this.statistic("num-tasks", "Tile tasks");
  private readonly numArrivals = this.statistic("num-arrivals", "Arrival tokens");
  private readonly numJoins = this.statistic("num-joins", "Joins");

  runOnOperation(): void {
    const root: Operation = this.getOperation();
    const g = new TileGraph(root);
    const programs = tilePrograms(root);
    // Straight to the engine: a remark through the op would print the whole program beside it.
    const remark = (op: Operation, text: string) => this.getContext().diagnostics.emit(Severity.Remark, op.loc, `tile-stats: ${text}`);
    for (const program of programs) remark(program, formatTileStats(computeTileStats(g, (n) => n.program === program)));
    const all = computeTileStats(g);
    if (programs.length > 1) remark(root, `${programs.length} programs: ${formatTileStats(all)}`);
    this.numTasks.value += all.tasks;
    this.numArrivals.value += all.arrivals;
    this.numJoins.value += all.joins;
    if (!reportGraphProblems(g)) return this.signalPassFailure();
    this.markAllAnalysesPreserved();
  }
}
