import { percentile } from './percentile';

/** One checkpoint of `convergenceSeries`. */
export interface ConvergencePoint {
  /** Trials run so far. */
  trials: number;
  /** Mean of the finite outcomes among those trials (null when none). */
  mean: number | null;
  /** P50 of the finite outcomes among those trials (PERCENTILE.INC convention; null when none). */
  p50: number | null;
}

/**
 * How a Monte Carlo estimate settles as trials accumulate: the running mean and running P50 of
 * `values` (outcomes in trial order) at `points` evenly spaced trial counts, the last one being
 * all trials. Non-finite outcomes count as trials run but not in the statistics. When the curve
 * is flat over its last half, more trials would not change the answer.
 * Throws `RangeError` unless `points` is a whole number ≥ 1.
 *
 * @example
 * convergenceSeries([4, 2, 6, 8], 2) // [{ trials: 2, mean: 3, p50: 3 }, { trials: 4, mean: 5, p50: 5 }]
 */
export function convergenceSeries(values: ArrayLike<number>, points = 50): ConvergencePoint[] {
  if (!Number.isInteger(points) || points < 1) throw new RangeError(`points must be a whole number ≥ 1, got ${String(points)}`);
  const n = values.length;
  const marks = new Set<number>();
  for (let k = 1; k <= points; k++) {
    const m = Math.round((n * k) / points);
    if (m >= 1) marks.add(m);
  }
  const out: ConvergencePoint[] = [];
  let sum = 0;
  let count = 0;
  let done = 0;
  for (const m of [...marks].sort((a, b) => a - b)) {
    for (; done < m; done++) {
      const v = values[done] as number;
      if (Number.isFinite(v)) {
        sum += v;
        count++;
      }
    }
    const prefix = ArrayBuffer.isView(values) ? (values as Float64Array).subarray(0, m) : Array.prototype.slice.call(values, 0, m);
    out.push({ trials: m, mean: count > 0 ? sum / count : null, p50: percentile(prefix, 0.5) });
  }
  return out;
}
