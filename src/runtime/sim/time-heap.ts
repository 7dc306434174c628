// The simulator's agenda: cores keyed by the time they resume, ties broken
// by a second key (the tile task they start, so puts take a link in the same
// order as passes/schedule/fixed-order.ts), then by core. Binary heap,
// O(log n) per push and pop; each core is in it at most once per resume.

export class TimeHeap {
  private readonly time: number[] = [];
  private readonly tie: number[] = [];
  private readonly item: number[] = [];

  get size(): number {
    return this.item.length;
  }

  private less(a: number, b: number): boolean {
    const ta = this.time[a]!;
    const tb = this.time[b]!;
    if (ta !== tb) return ta < tb;
    if (this.tie[a] !== this.tie[b]) return this.tie[a]! < this.tie[b]!;
    return this.item[a]! < this.item[b]!;
  }

  private swap(a: number, b: number): void {
    for (const arr of [this.time, this.tie, this.item]) {
      const x = arr[a]!;
      arr[a] = arr[b]!;
      arr[b] = x;
    }
  }

  push(item: number, time: number, tie: number): void {
    let i = this.item.length;
    this.time.push(time);
    this.tie.push(tie);
    this.item.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** The earliest entry as [item, time]; the heap must not be empty. */
  pop(): [number, number] {
    const top: [number, number] = [this.item[0]!, this.time[0]!];
    const last = this.item.length - 1;
    this.swap(0, last);
    this.time.pop();
    this.tie.pop();
    this.item.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < last && this.less(l, m)) m = l;
      if (r < last && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
}
