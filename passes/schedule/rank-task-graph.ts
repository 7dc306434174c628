// The task graph of a layer built one rank at a time: the caller lowers a
// rank, hands its tile programs to `add`, and drops the IR; only the tasks
// stay, in typed columns (no object per task or edge), so memory is bounded
// by one rank's IR plus the graph. Puts and arrivals are paired at the end by
// (source rank, destination rank, signal), the key dialects/tile-links.ts uses
// (which also compares slices; this collector never holds both programs).

import { intAttrValue } from "../../src/ir/int-attr.js";
import type { Operation } from "../../src/ir/operation.js";
import type { CostModel } from "../../src/target/cost-model.js";
import { runsWorstCase, taskSpecOf, type RunTimeCounts } from "./from-tile.js";
import { TaskGraph } from "./task-graph.js";

/** A growable typed array. */
class Column<T extends Float64Array | Int32Array | Uint8Array> {
  size = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(x: number): void {
    if (this.size === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = x;
  }
  done(): T {
    return this.data.slice(0, this.size) as T;
  }
}

const f64 = () => new Column(new Float64Array(1024), (n) => new Float64Array(n));
const i32 = () => new Column(new Int32Array(1024), (n) => new Int32Array(n));

export class RankTaskGraphCollector {
  private readonly type = new Column(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly rank = i32();
  private readonly duration = f64();
  private readonly bytesSent = f64();
  private readonly peer = i32();
  private readonly linkTime = f64();
  private readonly stage = i32();
  private readonly from = i32();
  private readonly to = i32();
  /** Put and arrival task ids by "source,destination,signal". */
  private readonly puts = new Map<string, number>();
  private readonly arrivals = new Map<string, number>();

  constructor(
    private readonly model: CostModel,
    private readonly runTime?: RunTimeCounts,
  ) {}

  get tasks(): number {
    return this.type.size;
  }

  /** Appends the tasks of `programs` (tile.program ops of ranks not added before). O(ops + deps). */
  add(programs: Iterable<Operation>): void {
    for (const program of programs) {
      if (program.name.name !== "tile.program") continue;
      const rank = intAttrValue(program.getAttr("rank")) ?? -1;
      const ep = intAttrValue(program.getAttr("ep")) ?? -1;
      const worstCase = runsWorstCase(program, this.runTime);
      const index = new Map<Operation, number>();
      for (const op of program.regions[0]!.entryBlock!.ops()) {
        const spec = taskSpecOf(op, rank, ep, this.model, this.runTime, worstCase);
        if (!spec) continue;
        const id = this.type.size;
        this.type.push(spec.type);
        this.rank.push(rank);
        this.duration.push(spec.duration);
        this.bytesSent.push(spec.bytesSent ?? 0);
        this.peer.push(spec.peer ?? -1);
        this.linkTime.push(spec.linkTime ?? 0);
        this.stage.push(spec.stage ?? 0);
        index.set(op, id);
        for (const dep of op.getOperands()) {
          const def = dep.definingOp;
          const k = def && index.get(def);
          if (k !== undefined) this.edge(k, id);
        }
        const name = op.name.name;
        if (name === "tile.put" || name === "tile.arrival") {
          const other = intAttrValue(op.getAttr("peer")) ?? -1;
          const signal = intAttrValue(op.getAttr("signal")) ?? -1;
          if (name === "tile.put") this.puts.set(`${rank},${other},${signal}`, id);
          else this.arrivals.set(`${other},${rank},${signal}`, id);
        }
      }
    }
  }

  private edge(a: number, b: number): void {
    this.from.push(a);
    this.to.push(b);
  }

  /** The graph of everything added; throws naming the first put or arrival without its partner. */
  finish(): TaskGraph {
    for (const [key, arrival] of this.arrivals) {
      const put = this.puts.get(key);
      const [src, dst] = key.split(",");
      if (put === undefined) throw new Error(`'tile.arrival' op on rank ${dst} from rank ${src} has no matching tile.put there`);
      this.edge(put, arrival);
      // An arrival counts as part of its put's stage.
      this.stage.data[arrival] = this.stage.data[put]!;
      this.puts.delete(key);
    }
    for (const key of this.puts.keys()) {
      const [src, dst] = key.split(",");
      throw new Error(`'tile.put' op on rank ${src} to rank ${dst} has no matching tile.arrival there`);
    }
    const columns = {
      type: this.type.done(),
      rank: this.rank.done(),
      duration: this.duration.done(),
      bytesSent: this.bytesSent.done(),
      peer: this.peer.done(),
      linkTime: this.linkTime.done(),
      stage: this.stage.done(),
    };
    return new TaskGraph(columns, { from: this.from.done(), to: this.to.done() });
  }
}
