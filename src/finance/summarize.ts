import { percentiles } from './percentile';

/** Summary statistics of a sample, as `summarize` returns them. */
export interface Summary {
  /** Number of finite values summarised (non-finite ones are left out). */
  count: number;
  mean: number | null;
  /** Sample standard deviation (divides by n − 1, Excel's STDEV.S); null below two values. */
  sd: number | null;
  min: number | null;
  max: number | null;
  p5: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
}

/**
 * Mean, sample standard deviation, min, max and P5/P10/P50/P90/P95 (PERCENTILE.INC
 * convention, see `percentile`) of the finite values in `values`. Two-pass mean and variance for
 * accuracy; quantiles by O(n) selection on a copy, so `values` is not mutated.
 *
 * @example
 * summarize([1, 2, 3, 4, 5]) // { count: 5, mean: 3, sd: 1.5811..., min: 1, max: 5, p5: 1.2, p10: 1.4, p50: 3, p90: 4.6, p95: 4.8 }
 */
export function summarize(values: ArrayLike<number>): Summary {
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) {
    return { count, mean: null, sd: null, min: null, max: null, p5: null, p10: null, p50: null, p90: null, p95: null };
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) squares += (v - mean) * (v - mean);
  }
  const sd = count > 1 ? Math.sqrt(squares / (count - 1)) : null;
  const [p5, p10, p50, p90, p95] = percentiles(values, [0.05, 0.1, 0.5, 0.9, 0.95]) as number[];
  return { count, mean, sd, min, max, p5: p5!, p10: p10!, p50: p50!, p90: p90!, p95: p95! };
}

/**
 * Share of the finite values for which `condition` holds, a fraction in [0, 1]; null when there
 * is no finite value.
 *
 * @example
 * probability([-5, 10, 20, 30], (npv) => npv > 0) // 0.75
 */
export function probability(values: ArrayLike<number>, condition: (value: number) => boolean): number | null {
  let count = 0;
  let hits = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    count++;
    if (condition(v)) hits++;
  }
  return count === 0 ? null : hits / count;
}
