// Time intervals as flat arrays [start0, end0, start1, end1, ...]: the busy
// time of a set of tasks and what of one set lies outside another, for the
// schedule statistics and the simulator's metrics.

/** The sorted, disjoint union of `flat`'s intervals (empty ones dropped). O(k log k). */
export function intervalUnion(flat: readonly number[]): number[] {
  const order = Array.from({ length: flat.length >> 1 }, (_, k) => 2 * k);
  order.sort((a, b) => flat[a]! - flat[b]! || flat[a + 1]! - flat[b + 1]!);
  const out: number[] = [];
  for (const k of order) {
    const s = flat[k]!;
    const e = flat[k + 1]!;
    if (out.length > 0 && s <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, e);
    else if (e > s) out.push(s, e);
  }
  return out;
}

/** Total length of a union. O(k). */
export function unionLength(u: readonly number[]): number {
  let t = 0;
  for (let k = 0; k < u.length; k += 2) t += u[k + 1]! - u[k]!;
  return t;
}

/** Length of a \ b for two unions. O(|a| + |b|). */
export function lengthOutside(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i]!;
    const e = a[i + 1]!;
    while (j < b.length && b[j + 1]! <= s) j += 2;
    for (let k = j; k < b.length && b[k]! < e; k += 2) {
      if (b[k]! > s) total += b[k]! - s;
      s = Math.max(s, b[k + 1]!);
    }
    if (e > s) total += e - s;
  }
  return total;
}
