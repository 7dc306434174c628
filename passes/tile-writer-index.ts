// Who wrote what: the written slices of tile ops indexed per buffer by their
// first-dimension range, so "which writers overlap this read" is a binary
// search plus a scan over the hits, never a walk over all writers.

import { slicesOverlap, type Slice } from "../dialects/tile-model.js";

interface WriteEntry<T> {
  readonly start: number;
  readonly end: number;
  readonly slice: Slice;
  readonly writer: T;
  /** Insertion number: ties keep insertion order, and results come back in it. */
  readonly seq: number;
}

class BufferWrites<T> {
  entries: WriteEntry<T>[] = [];
  /** maxEnd[i] = max end over entries[0..i] (sorted by start): monotone, so searchable. */
  maxEnd: Float64Array = new Float64Array(0);
  sorted = true;

  prepare(): void {
    if (this.sorted) return;
    this.entries.sort((a, b) => a.start - b.start || a.seq - b.seq);
    this.maxEnd = new Float64Array(this.entries.length);
    let m = -Infinity;
    for (let i = 0; i < this.entries.length; i++) this.maxEnd[i] = m = Math.max(m, this.entries[i]!.end);
    this.sorted = true;
  }
}

/**
 * Writers of buffer slices (`T` is whatever identifies a writer). Adding is
 * O(1); the first query after additions to a buffer sorts it (O(n log n));
 * a query is O(log n + entries whose row range meets the read's), which is
 * the overlapping writers when row ranges of a buffer's writes are disjoint
 * or equal (as tiles are).
 */
export class WriterIndex<T> {
  private readonly buffers = new Map<string, BufferWrites<T>>();
  /** Each writer's first insertion number. */
  private readonly firstSeq = new Map<T, number>();
  private seq = 0;

  add(slice: Slice, writer: T): void {
    let b = this.buffers.get(slice.buffer);
    if (!b) this.buffers.set(slice.buffer, (b = new BufferWrites<T>()));
    const start = slice.offsets[0] ?? 0;
    if (!this.firstSeq.has(writer)) this.firstSeq.set(writer, this.seq);
    b.entries.push({ start, end: start + (slice.sizes[0] ?? 1), slice, writer, seq: this.seq++ });
    b.sorted = false;
  }

  /** Calls `visit` once per recorded write overlapping `read` (a writer may come back once per slice it wrote). */
  forEachOverlap(read: Slice, visit: (writer: T) => void): void {
    const b = this.buffers.get(read.buffer);
    if (!b) return;
    b.prepare();
    const start = read.offsets[0] ?? 0;
    const end = start + (read.sizes[0] ?? 1);
    // First entry whose running max end passes the read's start.
    let lo = 0;
    let hi = b.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b.maxEnd[mid]! > start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < b.entries.length; i++) {
      const e = b.entries[i]!;
      if (e.start >= end) break;
      if (e.end > start && slicesOverlap(e.slice, read)) visit(e.writer);
    }
  }

  /** The distinct writers overlapping any of `reads`, in the order they were added. */
  writersOf(reads: readonly Slice[]): T[] {
    const seen = new Set<T>();
    for (const r of reads) this.forEachOverlap(r, (w) => seen.add(w));
    const out = [...seen];
    if (out.length > 1) out.sort((a, b) => this.firstSeq.get(a)! - this.firstSeq.get(b)!);
    return out;
  }
}
