import { selectInPlace } from './internal/select';

/**
 * The p-th quantile of `values` (p a fraction: 0.9 for P90), by linear interpolation between
 * order statistics at position (n − 1)·p: Excel's PERCENTILE.INC and numpy's default.
 * Non-finite values are ignored; `null` when no finite value remains. `values` is not mutated
 * (an O(n) selection runs on a copy).
 * Throws `RangeError` naming `p` unless 0 ≤ p ≤ 1.
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2.5
 * percentile([15, 20, 35, 40, 50], 0.4) // 29 (Excel PERCENTILE.INC)
 */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return percentiles(values, [p])[0] as number | null;
}

/**
 * Several quantiles at once (same convention as `percentile`), sharing one copy and one
 * partitioning pass per quantile. Returns them in the order asked.
 *
 * @example
 * percentiles([1, 2, 3, 4, 5], [0.1, 0.5, 0.9]) // [1.4, 3, 4.6]
 */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  ps.forEach((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new RangeError(`${ps.length === 1 ? 'p' : `ps[${i}]`} must be between 0 and 1, got ${String(p)}`);
    }
  });
  const work = finiteCopy(values);
  const n = work.length;
  if (n === 0) return ps.map(() => null);
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const result = new Array<number | null>(ps.length);
  // After selecting rank k, everything left of k is ≤ it, so later ranks only search right of k.
  let left = 0;
  for (const { p, i } of order) {
    const h = (n - 1) * p;
    const k = Math.floor(h);
    if (k >= left) {
      selectInPlace(work, k, left, n - 1);
      left = k;
    }
    const lower = work[k] as number;
    let value = lower;
    if (h > k) {
      // The next order statistic is the smallest value right of k.
      let upper = Infinity;
      for (let j = k + 1; j < n; j++) if ((work[j] as number) < upper) upper = work[j] as number;
      value = lower + (h - k) * (upper - lower);
    }
    result[i] = value;
  }
  return result;
}

function finiteCopy(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return n === out.length ? out : out.slice(0, n);
}
