// Execution timing (MLIR's DefaultTimingManager): a tree of named wall-clock
// timers, reported by --mlir-timing as mlir-opt reports it with threading
// disabled (we run on one thread): as a tree or a list, as text or JSON.

/** One timer: its accumulated wall time and its children in creation order. */
export class Timer {
  wall = 0;
  readonly children: Timer[] = [];
  private readonly byKey = new Map<unknown, Timer>();
  private startedAt = -1;

  /**
   * @param hidden A grouping node the tree display leaves out, showing its
   *   children in its place (MLIR's pass adaptors).
   */
  constructor(
    readonly name: string,
    readonly hidden = false,
  ) {}

  /** The child timer for `key` (a pipeline element, say), created on first use. */
  child(key: unknown, name: string, hidden = false): Timer {
    let t = this.byKey.get(key);
    if (!t) {
      t = new Timer(name, hidden);
      this.byKey.set(key, t);
      this.children.push(t);
    }
    return t;
  }

  start(): void {
    this.startedAt = performance.now();
  }
  stop(): void {
    if (this.startedAt >= 0) this.wall += (performance.now() - this.startedAt) / 1000;
    this.startedAt = -1;
  }
}

export type TimingDisplay = "tree" | "list";
export type TimingFormat = "text" | "json";

const kRule = "===" + "-".repeat(73) + "===";

function pct(part: number, total: number): number {
  return total > 0 ? (100 * part) / total : 0;
}

/** Rows of the report: name, seconds, depth (0 in the list display). */
interface Row {
  name: string;
  wall: number;
  depth: number;
  /** JSON tree: whether the row has a "passes" list (every timer except Rest and Total). */
  nested: boolean;
  /** JSON tree: rows nested under this one. */
  children: Row[];
}

function treeRows(t: Timer, depth: number): Row[] {
  const out: Row[] = [];
  for (const c of t.children) {
    if (c.hidden) out.push(...treeRows(c, depth));
    else out.push({ name: c.name, wall: c.wall, depth, nested: true, children: treeRows(c, depth + 1) });
  }
  return out;
}

/** Every timer below `root` summed by name, longest first (ties by name). */
function listRows(root: Timer): Row[] {
  const sums = new Map<string, number>();
  const stack = [...root.children];
  while (stack.length) {
    const t = stack.pop()!;
    sums.set(t.name, (sums.get(t.name) ?? 0) + t.wall);
    stack.push(...t.children);
  }
  return [...sums]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([name, wall]) => ({ name, wall, depth: 0, nested: false, children: [] }));
}

/**
 * The --mlir-timing report of `root` (whose own wall time is the total).
 * "Rest" is the total minus its direct children.
 */
export function timingReport(root: Timer, display: TimingDisplay, format: TimingFormat): string {
  const total = root.wall;
  let covered = 0;
  for (const c of root.children) covered += c.wall;
  const rest = Math.max(0, total - covered);
  const rows = display === "tree" ? treeRows(root, 0) : listRows(root);
  if (display === "list") rows.unshift({ name: "root", wall: total, depth: 0, nested: false, children: [] });
  rows.push({ name: "Rest", wall: rest, depth: 0, nested: false, children: [] });
  if (format === "json") return jsonReport(rows, total, display);
  let s = `${kRule}\n${" ".repeat(25)}... Execution time report ...\n${kRule}\n`;
  s += `  Total Execution Time: ${total.toFixed(4)} seconds\n\n  ----Wall Time----  ----Name----\n`;
  const line = (r: Row): string => `${r.wall.toFixed(4).padStart(10)} (${pct(r.wall, total).toFixed(1).padStart(5)}%)  ${"  ".repeat(r.depth)}${r.name}\n`;
  const walk = (rs: Row[]): void => {
    for (const r of rs) {
      s += line(r);
      walk(r.children);
    }
  };
  walk(rows);
  return s + line({ name: "Total", wall: total, depth: 0, nested: false, children: [] });
}

function jsonReport(rows: Row[], total: number, display: TimingDisplay): string {
  const head = (r: Row): string =>
    `{"wall": {"duration": ${r.wall.toFixed(4).padStart(8)}, "percentage": ${pct(r.wall, total).toFixed(1).padStart(5)}}, "name": ${JSON.stringify(r.name)}`;
  let s = "[\n";
  const emit = (r: Row, indent: string): void => {
    if (display === "list" || !r.nested) {
      s += `${indent}${head(r)}},\n`;
      return;
    }
    s += `${indent}${head(r)}, "passes": [\n`;
    for (const c of r.children) emit(c, indent + "  ");
    s += `${indent}{}]},\n`;
  };
  for (const r of rows) emit(r, "");
  return s + `${head({ name: "Total", wall: total, depth: 0, nested: false, children: [] })}}\n]\n`;
}
