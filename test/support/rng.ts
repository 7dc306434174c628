// A small seeded PRNG for tests (mulberry32, the same generator as bench/lib/rng.mjs), so
// randomised oracle inputs are identical on every run and machine.

/** Returns a function giving uniform numbers in [0, 1) from `seed`. O(1) per call. */
export function makeRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
