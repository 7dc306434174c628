// Busy time of each core: the end of its last task plus the idle gaps left
// before later tasks, so a task can be inserted into a gap (insertion-based
// list scheduling) without scanning every task placed so far.

export class CoreTimelines {
  readonly tail: Float64Array;
  /** Per core, idle gaps as [start0, end0, start1, end1, ...], sorted. */
  private readonly gaps: number[][];

  constructor(cores: number) {
    this.tail = new Float64Array(cores);
    this.gaps = Array.from({ length: cores }, () => []);
  }

  /**
   * Earliest start >= `ready` on `core` for a task of `duration` us; a put
   * (`linkFree` >= 0) also waits, while holding the core, until the rank's
   * link is free, so it lasts `duration + max(0, linkFree - start)`. Does not reserve.
   */
  earliestStart(core: number, ready: number, duration: number, linkFree = -1): number {
    const g = this.gaps[core]!;
    for (let k = 0; k < g.length; k += 2) {
      const end = g[k + 1]!;
      if (end <= ready) continue;
      const s = Math.max(g[k]!, ready);
      if (s + duration + (linkFree > s ? linkFree - s : 0) <= end) return s;
    }
    return Math.max(this.tail[core]!, ready);
  }

  /** Marks [start, end) busy on `core`; `start` came from earliestStart. */
  reserve(core: number, start: number, end: number): void {
    const tail = this.tail[core]!;
    if (start >= tail) {
      if (start > tail) this.gaps[core]!.push(tail, start);
      this.tail[core] = end;
      return;
    }
    const g = this.gaps[core]!;
    for (let k = 0; k < g.length; k += 2) {
      const gs = g[k]!;
      const ge = g[k + 1]!;
      if (start >= gs && end <= ge) {
        const parts: number[] = [];
        if (start > gs) parts.push(gs, start);
        if (ge > end) parts.push(end, ge);
        g.splice(k, 2, ...parts);
        return;
      }
    }
    throw new Error(`core ${core}: [${start}, ${end}) is not free`);
  }
}
