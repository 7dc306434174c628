// A lower bound on the span `units` identical cores need to run a set of
// tasks (P||Cmax), tighter than work / units when the work comes in a few
// large sizes that do not divide evenly over the cores: 512 GEMM1 tiles of
// 18 us and 896 GEMM2 tiles of 6 us on 24 cube cores need 610.0 us, not the
// 608.6 us of their mean.
//
// Relaxation: the two sizes that carry the most work stay whole tasks, every
// other task becomes divisible work. With p1 > p2 and A, B tasks of each, a
// span C is possible only if work <= units * C and some split of the A large
// tasks over the cores (a_k each, at most C / p1) leaves room for the B small
// ones: sum_k floor((C - a_k p1) / p2) >= B. The best split is bounded above
// by units * hull(A / units), where hull is the upper concave envelope of
// a -> floor((C - a p1) / p2) (the Lagrangian dual of the split), so a span
// the test rejects is impossible. Bisection on C then gives the bound.

/** Relative slack on floors and on the bisection: rounding may only lower the bound. */
const kEpsilon = 1e-9;
const kBisections = 40;

/** A lower bound on the span of `ids` (durations `duration[i]`) on `units` cores. */
export function packedSpan(duration: Float64Array, ids: readonly number[], units: number): number {
  let work = 0;
  let longest = 0;
  const count = new Map<number, number>();
  for (const i of ids) {
    const d = duration[i]!;
    if (d <= 0) continue;
    work += d;
    longest = Math.max(longest, d);
    count.set(d, (count.get(d) ?? 0) + 1);
  }
  const mean = work / units;
  if (count.size === 0) return 0;
  // The two sizes with the most work, largest first (ties: larger size).
  const sizes = [...count.keys()].sort((a, b) => b * count.get(b)! - a * count.get(a)! || b - a).slice(0, 2).sort((a, b) => b - a);
  const p1 = sizes[0]!;
  const a = count.get(p1)!;
  const p2 = sizes[1] ?? p1;
  const b = sizes.length > 1 ? count.get(p2)! : 0;
  const fits = (c: number) => units * c >= work * (1 - kEpsilon) && splitFits(c, p1, a, p2, b, units);
  let lo = Math.max(mean, longest);
  if (fits(lo)) return lo;
  // A list schedule of the two sizes alone ends within their mean plus p1.
  let hi = Math.max(lo, mean + p1);
  if (!fits(hi)) return lo;
  for (let k = 0; k < kBisections && hi - lo > kEpsilon * hi; k++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return lo;
}

/** Whether the concave relaxation allows A tasks of p1 and B of p2 within span c on `units` cores. */
function splitFits(c: number, p1: number, a: number, p2: number, b: number, units: number): boolean {
  const most = Math.min(a, Math.floor(c / p1 + kEpsilon));
  if (most * units < a) return false;
  if (b === 0) return true;
  const small = (k: number) => Math.floor((c - k * p1) / p2 + kEpsilon);
  // Upper hull of (k, small(k)), k = 0..most (monotone chain), then its value at a / units.
  const hx: number[] = [];
  const hy: number[] = [];
  for (let k = 0; k <= most; k++) {
    const y = small(k);
    while (hx.length >= 2) {
      const n = hx.length;
      // Drop the last point when it lies on or below the segment from the one before to (k, y).
      if ((hy[n - 1]! - hy[n - 2]!) * (k - hx[n - 2]!) <= (y - hy[n - 2]!) * (hx[n - 1]! - hx[n - 2]!)) {
        hx.pop();
        hy.pop();
      } else break;
    }
    hx.push(k);
    hy.push(y);
  }
  const x = a / units;
  let j = 0;
  while (j + 1 < hx.length && hx[j + 1]! < x) j++;
  const top = j + 1 < hx.length && hx[j]! < x ? hy[j]! + ((hy[j + 1]! - hy[j]!) * (x - hx[j]!)) / (hx[j + 1]! - hx[j]!) : hy[Math.min(j, hx.length - 1)]!;
  return units * top >= b - kEpsilon * b;
}
