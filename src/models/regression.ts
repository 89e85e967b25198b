/**
 * Ordinary least squares of y on x with the slope's standard error, and the Student t quantile
 * needed for its confidence interval. Pure math for the cost trend; no I/O.
 */
import { centredSums } from '../finance';

/** A straight-line fit y = intercept + slope · x. */
export interface OlsFit {
  n: number;
  slope: number;
  intercept: number;
  /** Coefficient of determination, 0..1 (1 when every y is equal and the line passes through them). */
  r2: number;
  /** Standard error of the slope: √(Σ residual² ÷ (n − 2) ÷ Σ (x − x̄)²); 0 when n = 2. */
  slopeStdError: number;
  /** Degrees of freedom of the residuals, n − 2. */
  df: number;
}

/**
 * Fits y = a + b·x by least squares. Returns null for fewer than 2 points or when every x is the
 * same (no slope can be told). Throws RangeError when the arrays differ in length.
 *
 * @example
 * // Anscombe (1973), data set I: y ≈ 3.00 + 0.500 x, R² 0.667, slope standard error 0.118.
 * olsFit([10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5], [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68])
 */
export function olsFit(xs: readonly number[], ys: readonly number[]): OlsFit | null {
  if (xs.length !== ys.length) throw new RangeError('xs and ys must have the same length');
  const n = xs.length;
  if (n < 2) return null;
  const { meanX: mx, meanY: my, sxx, sxy, syy } = centredSums(xs, ys);
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  // Residual sum of squares, clamped: rounding can make syy − b·sxy a hair below zero on an exact line.
  const sse = Math.max(0, syy - slope * sxy);
  const df = n - 2;
  return {
    n,
    slope,
    intercept,
    r2: syy === 0 ? 1 : Math.min(1, (sxy * sxy) / (sxx * syy)),
    slopeStdError: df > 0 ? Math.sqrt(sse / df / sxx) : 0,
    df,
  };
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; about 15 significant digits). */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), 0 ≤ x ≤ 1. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * Student t cumulative distribution P(T ≤ t) with `df` degrees of freedom.
 * @example studentTCdf(0, 5) // 0.5
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError('df must be greater than 0');
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The t value below which probability `p` lies, with `df` degrees of freedom (bisection on the
 * CDF to 1e-12). A two-sided 90% interval uses p = 0.95.
 * @example studentTQuantile(0.95, 10) // ≈ 1.8125 (printed t tables: 1.812)
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
  if (!(df > 0)) throw new RangeError('df must be greater than 0');
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
