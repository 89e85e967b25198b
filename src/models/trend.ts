/**
 * Cost trend over time: a least-squares line through log10(cost) against release year, read as
 * a growth factor per year and a doubling time, with R² and the number of models in the fit.
 */
import { olsFit, studentTQuantile } from './regression';
import { DAYS_PER_YEAR } from './units';

/** A model's cost at its release time. */
export interface CostPoint {
  model: string;
  /** Release date as a fractional year (2024.98 for 2024-12-24). */
  year: number;
  costUsd: number;
}

/** Below this R² a fit explains too little of the spread for its growth rate to be stated as fact. */
export const TREND_MIN_R2 = 0.3;

export type TrendFit =
  | {
      kind: 'ok';
      /** Multiplier per year (2.4 = costs grow 2.4× a year). */
      growthPerYear: number;
      /** 90% interval of the growth per year, from the slope's standard error and t with n − 2 df. */
      growthLow90: number;
      growthHigh90: number;
      /** Months for cost to double; null when costs do not grow. */
      doublingMonths: number | null;
      /** Coefficient of determination of the log-linear fit, 0..1. */
      r2: number;
      /** True when R² < {@link TREND_MIN_R2}: the line explains little of the spread. */
      explainsLittle: boolean;
      /** Models in the fit. */
      n: number;
      /** log10(cost) = intercept + slope × year. */
      slopeLog10PerYear: number;
      slopeStdErrorLog10: number;
      interceptLog10: number;
      /** Release dates of the first and last model in the fit, fractional years. */
      firstYear: number;
      lastYear: number;
    }
  | { kind: 'too-few'; n: number; reason: string };

/**
 * A `YYYY-MM-DD` date as a fractional year: year + (day of year − 1) / 365.25.
 * Returns null for anything that is not a valid calendar date.
 * @example yearFraction('2024-07-02') // ≈ 2024.4983
 */
export function yearFraction(isoDate: string | null | undefined): number | null {
  if (typeof isoDate !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  const dayOfYear = (t - Date.UTC(y, 0, 1)) / 86_400_000;
  return y + dayOfYear / DAYS_PER_YEAR;
}

/**
 * Fits log10(cost) = a + b·year by ordinary least squares over points with a positive cost.
 * growthPerYear = 10^b; its 90% interval 10^(b ± t₀.₉₅,ₙ₋₂ × se(b)); doubling time
 * 12 × log10(2) ÷ b months (null when b ≤ 0); R² of the log fit. Needs at least 3 points spanning
 * more than one instant (n − 2 ≥ 1 degree of freedom for the interval).
 *
 * @example
 * fitCostTrend([{model:'a',year:2020,costUsd:1},{model:'b',year:2021,costUsd:2.4},{model:'c',year:2022,costUsd:5.76}])
 *   // { kind: 'ok', growthPerYear: 2.4, growthLow90: 2.4, growthHigh90: 2.4, doublingMonths: 9.5, r2: 1, n: 3, ... }
 */
export function fitCostTrend(points: readonly CostPoint[]): TrendFit {
  const usable = points.filter((p) => Number.isFinite(p.year) && Number.isFinite(p.costUsd) && p.costUsd > 0);
  const n = usable.length;
  if (n < 3) return { kind: 'too-few', n, reason: 'a trend needs at least 3 models with a date and a positive cost' };
  const fit = olsFit(
    usable.map((p) => p.year),
    usable.map((p) => Math.log10(p.costUsd)),
  );
  if (!fit) return { kind: 'too-few', n, reason: 'all models share one release date' };
  const b = fit.slope;
  const half = studentTQuantile(0.95, fit.df) * fit.slopeStdError;
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const p of usable) {
    firstYear = Math.min(firstYear, p.year);
    lastYear = Math.max(lastYear, p.year);
  }
  return {
    kind: 'ok',
    growthPerYear: Math.pow(10, b),
    growthLow90: Math.pow(10, b - half),
    growthHigh90: Math.pow(10, b + half),
    doublingMonths: b > 0 ? (12 * Math.log10(2)) / b : null,
    r2: fit.r2,
    explainsLittle: fit.r2 < TREND_MIN_R2,
    n,
    slopeLog10PerYear: b,
    slopeStdErrorLog10: fit.slopeStdError,
    interceptLog10: fit.intercept,
    firstYear,
    lastYear,
  };
}

/**
 * Keeps the points released in calendar years fromYear … toYear (both inclusive; null = open).
 * Inputs are not mutated.
 * @example inYears(points, 2016, null) // models released in 2016 or later
 */
export function inYears(points: readonly CostPoint[], fromYear: number | null, toYear: number | null): CostPoint[] {
  return points.filter((p) => (fromYear === null || Math.floor(p.year) >= fromYear) && (toYear === null || Math.floor(p.year) <= toYear));
}

/**
 * Keeps the `topN` most expensive points of each calendar year (Epoch AI's "frontier" selection),
 * in the input order. Inputs are not mutated.
 * @example topNPerYear(points, 10)
 */
export function topNPerYear(points: readonly CostPoint[], topN: number): CostPoint[] {
  if (!Number.isInteger(topN) || topN < 1) throw new RangeError('topN must be a positive integer');
  const byYear = new Map<number, CostPoint[]>();
  for (const p of points) {
    const y = Math.floor(p.year);
    const list = byYear.get(y) ?? [];
    list.push(p);
    byYear.set(y, list);
  }
  const keep = new Set<CostPoint>();
  for (const list of byYear.values()) {
    for (const p of [...list].sort((x, z) => z.costUsd - x.costUsd).slice(0, topN)) keep.add(p);
  }
  return points.filter((p) => keep.has(p));
}

/** A model's cost against the cheapest model released the same calendar year. */
export interface CostRatio {
  model: string;
  costUsd: number;
  year: number;
  cheapestModel: string;
  cheapestCostUsd: number;
  /** costUsd ÷ cheapestCostUsd (1 for the cheapest itself). */
  ratio: number;
}

/**
 * Each model's cost as a multiple of the cheapest comparable model, where comparable means
 * released in the same calendar year (models of one year compete for the same users).
 * Points without a positive cost are skipped.
 * @example costRatios([{model:'V3',year:2024.9,costUsd:5.576e6},{model:'405B',year:2024.5,costUsd:6e7}])
 *   // 405B: ratio ≈ 10.8 against V3
 */
export function costRatios(points: readonly CostPoint[]): CostRatio[] {
  const cheapest = new Map<number, CostPoint>();
  for (const p of points) {
    if (!(p.costUsd > 0)) continue;
    const y = Math.floor(p.year);
    const c = cheapest.get(y);
    if (!c || p.costUsd < c.costUsd) cheapest.set(y, p);
  }
  const out: CostRatio[] = [];
  for (const p of points) {
    if (!(p.costUsd > 0)) continue;
    const c = cheapest.get(Math.floor(p.year)) as CostPoint;
    out.push({ model: p.model, costUsd: p.costUsd, year: Math.floor(p.year), cheapestModel: c.model, cheapestCostUsd: c.costUsd, ratio: p.costUsd / c.costUsd });
  }
  return out;
}

/**
 * Cost per benchmark point: training cost ÷ score. Null when the score is missing or not positive.
 * @example costPerPoint(5.576e6, 88.5) // ≈ 63,006 USD per MMLU point
 */
export function costPerPoint(costUsd: number, score: number | null | undefined): number | null {
  if (typeof score !== 'number' || !Number.isFinite(score) || score <= 0) return null;
  return costUsd / score;
}
