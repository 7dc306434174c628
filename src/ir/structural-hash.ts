// Structural hashing for uniquing without key strings: numeric content
// hashes, buckets (the tables live in builtin-tables.ts), and byte-array helpers. Used by the
// builtin types and attributes whose instances are created once per op.

/** FNV-1a over bytes (32-bit). O(n). */
export function hashBytes(data: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) h = Math.imul(h ^ data[i]!, 0x01000193);
  return h;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A hash bucket: one value (the common case, no array allocated) or several. */
export type Bucket<T> = T | T[];

export function addToBucket<T>(table: Map<number, Bucket<T>>, h: number, bucket: Bucket<T> | undefined, v: T): void {
  if (bucket === undefined) table.set(h, v);
  else if (Array.isArray(bucket)) bucket.push(v);
  else table.set(h, [bucket, v]);
}

/**
 * One step of a multiplicative hash. The result has 30 bits, so as a Map key it
 * is a small integer (Smi) rather than a heap number: lookups with heap-number
 * keys showed up as most of FunctionType.get.
 */
export function mixHash(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}
