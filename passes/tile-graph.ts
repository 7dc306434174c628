// The task graph of tile IR, for the tile analyses and the tile emulator:
// one node per token-producing op (tasks, arrivals, joins) and per
// terminator, an edge per token dependency, and, across programs, an edge
// from each put to the arrival it raises on its peer (paired by
// dialects/tile-links.ts: source rank, destination rank, signal). Built with
// graphology.

import { intAttrValue } from "../src/ir/int-attr.js";
import graphology from "graphology";
import { UnitAttr } from "../src/ir/builtin-attributes.js";
import type { Operation } from "../src/ir/operation.js";
import { getSymbolName } from "../src/ir/symbol-table.js";
import { walk, WalkOrder, WalkResult } from "../src/ir/walk.js";
import { linkPutsToArrivals } from "../dialects/tile-links.js";
import { readSliceList, type Slice } from "../dialects/tile-model.js";

const { DirectedGraph } = graphology;

/** What a tile op is to the analyses. */
export type TileOpKind = "put" | "arrival" | "gemm" | "swiglu" | "swiglu_grad" | "gather" | "join" | "terminate";

const kindOfName: ReadonlyMap<string, TileOpKind> = new Map([
  ["tile.put", "put"],
  ["tile.arrival", "arrival"],
  ["tile.gemm", "gemm"],
  ["tile.swiglu", "swiglu"],
  ["tile.swiglu_grad", "swiglu_grad"],
  ["tile.gather", "gather"],
  ["tile.join", "join"],
  ["tile.terminate", "terminate"],
]);

/** One node: a tile op with its rank and the properties the analyses read (absent ones are -1 / empty). */
export interface TileNode {
  readonly index: number;
  readonly op: Operation;
  readonly kind: TileOpKind;
  /** The `tile.program` holding the op, and that program's rank. */
  readonly program: Operation;
  readonly rank: number;
  readonly unit: number;
  readonly stage: number;
  readonly reads: readonly Slice[];
  readonly writes: readonly Slice[];
  readonly flops: number;
  readonly bytes: number;
  readonly bytesSent: number;
  readonly peer: number;
  readonly signal: number;
}

/** A problem found while building, located at `op` (the message names the op, as emitOpError would). */
export interface TileGraphProblem {
  readonly op: Operation;
  readonly message: string;
}

export type TileDiGraph = InstanceType<typeof DirectedGraph<{ node: TileNode }, { signal: boolean }>>;

/** Whether unit attribute `name` is set on `op`. */
export function hasUnitAttr(op: Operation, name: string): boolean {
  return op.getAttr(name) instanceof UnitAttr;
}

/** The tile.program ops under `root` (root itself when it is one), in IR order. */
export function tilePrograms(root: Operation): Operation[] {
  if (root.name.name === "tile.program") return [root];
  const out: Operation[] = [];
  walk(
    root,
    (op) => {
      if (op.name.name !== "tile.program") return;
      out.push(op);
      return WalkResult.Skip;
    },
    WalkOrder.PreOrder,
  );
  return out;
}

/**
 * Programs that exchange puts share a family: the symbol name without its
 * trailing rank digits (`@fwd_rank3` is rank 3 of family `fwd_rank`).
 */
export function familyOf(program: Operation): string {
  return (getSymbolName(program) ?? "").replace(/\d+$/, "");
}

/** `programs` grouped by family, families in first-seen order: the launches a module holds. O(programs). */
export function launchesOf(programs: Iterable<Operation>): Operation[][] {
  const byFamily = new Map<string, Operation[]>();
  for (const p of programs) {
    const family = familyOf(p);
    const launch = byFamily.get(family);
    if (launch) launch.push(p);
    else byFamily.set(family, [p]);
  }
  return [...byFamily.values()];
}

/**
 * The task graph of `root` (a tile.program, or any op holding programs).
 * Node keys are the node indices as strings; `nodes[i]` is node i, in IR
 * order (program by program). O(ops + deps).
 */
export class TileGraph {
  readonly graph: TileDiGraph = new DirectedGraph();
  readonly nodes: TileNode[] = [];
  readonly problems: TileGraphProblem[] = [];
  private readonly indexOfOp = new Map<Operation, number>();
  /** The put linked to each arrival (node index), or -1. */
  private putOfArrival: Int32Array = new Int32Array(0);

  constructor(root: Operation) {
    const programs = tilePrograms(root);
    for (const program of programs) this.addProgram(program);
    this.linkPuts(programs, programs.length > 1);
  }

  node(op: Operation): TileNode | undefined {
    const i = this.indexOfOp.get(op);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** The put that raises arrival node `i`, or undefined (not an arrival, or its put is in no program here). */
  putOf(i: number): TileNode | undefined {
    const p = this.putOfArrival[i]!;
    return p >= 0 ? this.nodes[p] : undefined;
  }

  /** Node indices of the direct predecessors of node i (token deps and the put->arrival link). */
  predecessors(i: number): number[] {
    const out: number[] = [];
    this.graph.forEachInNeighbor(String(i), (key) => {
      out.push(Number(key));
    });
    return out;
  }

  /**
   * A topological order of all nodes (Kahn, a FIFO seeded with the sources
   * in index order, so deterministic), and the nodes left out when there is
   * a cycle.
   * O(nodes + edges) the first time, then cached (the graph never changes).
   */
  topologicalOrder(): { order: Int32Array; stuck: number[] } {
    return (this.topo ??= this.computeTopologicalOrder());
  }

  private topo: { order: Int32Array; stuck: number[] } | undefined = undefined;

  private computeTopologicalOrder(): { order: Int32Array; stuck: number[] } {
    const n = this.nodes.length;
    const indeg = new Int32Array(n);
    for (let i = 0; i < n; i++) indeg[i] = this.graph.inDegree(String(i));
    const order = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
    while (head < tail) {
      const i = order[head++]!;
      this.graph.forEachOutNeighbor(String(i), (key) => {
        const j = Number(key);
        if (--indeg[j]! === 0) order[tail++] = j;
      });
    }
    const stuck: number[] = [];
    if (tail < n) for (let i = 0; i < n; i++) if (indeg[i]! > 0) stuck.push(i);
    return { order: order.subarray(0, tail), stuck };
  }

  private addProgram(program: Operation): void {
    const rank = (intAttrValue(program.getAttr("rank")) ?? -1);
    const body = program.regions[0]?.entryBlock;
    if (!body) return;
    for (let op = body.first; op; op = op.next) {
      const kind = kindOfName.get(op.name.name);
      if (!kind) continue;
      const reads = readSliceList(op.getAttr("reads"));
      const writes = readSliceList(op.getAttr("writes"));
      if ((op.getAttr("reads") && !reads) || (op.getAttr("writes") && !writes)) this.problems.push({ op, message: `'${op.name.name}' op has a malformed slice list` });
      const index = this.nodes.length;
      this.nodes.push({
        index,
        op,
        kind,
        program,
        rank,
        unit: (intAttrValue(op.getAttr("unit")) ?? -1),
        stage: (intAttrValue(op.getAttr("stage")) ?? -1),
        reads: reads ?? [],
        writes: writes ?? [],
        flops: Math.max(0, (intAttrValue(op.getAttr("flops")) ?? -1)),
        bytes: Math.max(0, (intAttrValue(op.getAttr("bytes")) ?? -1)),
        bytesSent: Math.max(0, (intAttrValue(op.getAttr("bytes_sent")) ?? -1)),
        peer: (intAttrValue(op.getAttr("peer")) ?? -1),
        signal: (intAttrValue(op.getAttr("signal")) ?? -1),
      });
      this.indexOfOp.set(op, index);
      this.graph.addNode(String(index), { node: this.nodes[index]! });
    }
    // Edges once every node exists: a graph region may use a token above its definition.
    for (let op = body.first; op; op = op.next) {
      const to = this.indexOfOp.get(op);
      if (to === undefined) continue;
      for (let k = 0; k < op.numOperands; k++) {
        const def = op.getOperand(k).definingOp;
        const from = def ? this.indexOfOp.get(def) : undefined;
        if (from !== undefined) this.graph.mergeEdge(String(from), String(to), { signal: false });
      }
    }
  }

  /**
   * Links each put to its arrival within each family of programs
   * (linkPutsToArrivals); when several programs are present, unpaired puts
   * and arrivals whose peer program is here, and pairs whose slices differ,
   * are problems.
   */
  private linkPuts(programs: readonly Operation[], reportUnmatched: boolean): void {
    this.putOfArrival = new Int32Array(this.nodes.length).fill(-1);
    for (const family of launchesOf(programs)) {
      const links = linkPutsToArrivals(family, /*complete=*/ false);
      for (const [arrival, put] of links.putOf) {
        const a = this.indexOfOp.get(arrival);
        const p = this.indexOfOp.get(put);
        if (a === undefined || p === undefined) continue;
        this.putOfArrival[a] = p;
        this.graph.mergeEdge(String(p), String(a), { signal: true });
      }
      if (reportUnmatched) this.problems.push(...links.errors);
    }
  }
}
