// bench/lib/rng.mjs: a small seeded PRNG (mulberry32) for benchmark generators: fast, and the same
// sequence on every platform and Node version, so generated inputs are byte-for-byte reproducible.

/** Seeded random numbers. Every method costs O(1) except `sample` (O(arr.length)). */
export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next() {
    let a = (this.state = (this.state + 0x6d2b79f5) | 0);
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform integer in [lo, hi]. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** Picks from `arr` with a heavy head, as names and types are in real dumps. */
  pickSkewed(arr) {
    const r = this.next();
    return arr[Math.floor(r * r * arr.length)];
  }
  /** Log-uniform integer in [lo, hi]. */
  logInt(lo, hi) {
    return Math.min(hi, Math.floor(Math.exp(Math.log(lo) + this.next() * (Math.log(hi + 1) - Math.log(lo)))));
  }
  /** `k` distinct elements of `arr` (k <= arr.length), in random order. */
  sample(arr, k) {
    const copy = arr.slice();
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return copy.slice(0, k);
  }
}
