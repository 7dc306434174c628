// A cache of parsed values keyed by a span of one source text, looked up
// without building strings: a numeric hash of the characters picks a bucket,
// and a char-by-char comparison with the entry's first occurrence in the same
// text confirms the match. (A substring plus a Map<string> lookup per use cost
// ~10% of parsing; comparing against substring keys with startsWith was still
// slow, as the keys were sliced strings.)

interface SpanEntry<V> {
  /** Where the entry's text first occurred in the cache's text, and its length. */
  readonly start: number;
  readonly length: number;
  /** Distinguishes entries of equal text parsed under different conditions (e.g. a provided type id). */
  readonly salt: number;
  readonly value: V;
}

// The span hash, in steps, for scanners that hash while they find a span's end:
// spanHashFinish(spanHashChar(...spanHashChar(spanHashStart(salt), c0)..., cn)).
export function spanHashStart(salt: number): number {
  return Math.imul(0x811c9dc5 ^ salt, 0x01000193);
}
export function spanHashChar(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
/** 30 bits: a small-integer Map key, not a heap number. */
export function spanHashFinish(h: number): number {
  return (h ^ (h >>> 15)) & 0x3fffffff;
}

/** FNV-1a over the char codes of `text[start, end)`, seeded with `salt`. O(end - start). */
function hashSpan(text: string, start: number, end: number, salt: number): number {
  let h = spanHashStart(salt);
  for (let i = start; i < end; i++) h = spanHashChar(h, text.charCodeAt(i));
  return spanHashFinish(h);
}

function matches<V>(e: SpanEntry<V>, text: string, start: number, end: number, salt: number): boolean {
  const n = e.length;
  if (e.salt !== salt || n !== end - start) return false;
  const from = e.start;
  if (from === start) return true;
  for (let i = 0; i < n; i++) if (text.charCodeAt(from + i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Precondition: every call on one cache passes the same `text`. */
export class SpanCache<V> {
  private readonly buckets = new Map<number, SpanEntry<V> | SpanEntry<V>[]>();

  /** The value stored for the text `text[start, end)` and `salt`, or undefined. O(end - start). */
  get(text: string, start: number, end: number, salt: number): V | undefined {
    return this.getHashed(text, start, end, salt, hashSpan(text, start, end, salt));
  }

  /** As `get`, with `hash` the span's hash computed by the caller (see spanHashStart). */
  getHashed(text: string, start: number, end: number, salt: number, hash: number): V | undefined {
    const b = this.buckets.get(hash);
    if (b === undefined) return undefined;
    if (!Array.isArray(b)) return matches(b, text, start, end, salt) ? b.value : undefined;
    for (let i = 0; i < b.length; i++) if (matches(b[i]!, text, start, end, salt)) return b[i]!.value;
    return undefined;
  }

  /** Stores `value` for `text[start, end)` and `salt` (replacing nothing: callers look up first). */
  set(text: string, start: number, end: number, salt: number, value: V): void {
    const h = hashSpan(text, start, end, salt);
    const entry: SpanEntry<V> = { start, length: end - start, salt, value };
    const b = this.buckets.get(h);
    if (b === undefined) this.buckets.set(h, entry);
    else if (Array.isArray(b)) b.push(entry);
    else this.buckets.set(h, [b, entry]);
  }
}
