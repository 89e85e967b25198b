/**
 * Root finding for IRR and XIRR, shared by both. Internal: not part of the public surface.
 *
 * Both problems are "find r > −1 with Σ c_i (1 + r)^(−t_i) = 0". Substituting x = 1 / (1 + r)
 * maps r ∈ (−1, ∞) onto x ∈ (0, ∞) and turns the NPV into the (generalised) polynomial
 * f(x) = Σ c_i x^(t_i), whose positive roots are exactly the IRRs. Descartes' rule of signs
 * (which also holds for real exponents) bounds the number of positive roots by the number V of
 * sign changes in the coefficients, and the count has the parity of V. So:
 * - V = 0: no IRR at all;
 * - V = 1: exactly one simple root, found anywhere in (0, ∞). Split f = P − N into its positive
 *   and negative terms: with one sign change, ln P − ln N is strictly monotone in u = ln x and
 *   close to linear far from the root, so Newton's method on it converges in a few steps from
 *   any start (Newton on f itself crawls back from an overshoot, one factor of (1 − 1/n) at a
 *   time). A bracket that every evaluation tightens guards the steps;
 * - V ≥ 2: scan a grid of rates, bracket every sign change of f, look for a turn of f (from a
 *   sign change of f′) around each local minimum of |f| (two close roots, or a double root),
 *   and refine each bracket with Brent's method. Roots closer together than the grid step can
 *   be missed when three or more fall around one grid point.
 *   The grid covers every rate where a root can lie: a bound from the coefficients (Cauchy's
 *   bound on the roots of a polynomial for IRR, its analogue for real exponents for XIRR) says
 *   x ∈ [xMin, xMax]. Inside the window (default −99% to 1000%) the scan is clipped to that
 *   bound (usually much narrower, so faster); where the bound reaches above 1000% and the caller
 *   did not set `highRate`, geometric steps of the same size extend the grid (a root at +3,291%
 *   is found). Rates below −99% a period are not searched unless asked for (`lowRate`): a small
 *   closing outflow puts a root just above −100% into almost any series (numpy-financial's
 *   gh-44 case has one at −99.98%), which is the arithmetic of the last flow, not a return;
 *   Excel, Google Sheets and numpy-financial report the other root, and so does this.
 * A rate is reported only when a sign change brackets it or f is numerically zero there.
 */
import type { IrrResult } from '../types';

/** Writes f(x), f′(x) and Σ|c_i| x^(t_i) (the residual's scale) into `out[0..2]`. */
export type Evaluate = (x: number, out: Float64Array) => void;

/**
 * Writes P(x) = Σ_{c_i > 0} c_i x^(t_i), N(x) = Σ_{c_i < 0} |c_i| x^(t_i), x·P′(x) and x·N′(x)
 * into `out[0..3]`, so that f = P − N.
 */
export type EvaluateSplit = (x: number, out: Float64Array) => void;

export interface RateProblem {
  /** f(x) alone, for the grid scan. */
  value: (x: number) => number;
  evaluate: Evaluate;
  evaluateSplit: EvaluateSplit;
  /** Number of sign changes in the coefficients ordered by exponent (zeros skipped). */
  signChanges: number;
  /** Sign of f just above x = 0 (the sign of the earliest non-zero flow). */
  signNearZero: number;
  /** Every positive root of f lies in [xMin, xMax] (asked only when V ≥ 2). */
  rootBounds: () => RootBounds;
}

/** Where the positive roots of f can lie, in x = 1 / (1 + r). */
export interface RootBounds {
  xMin: number;
  xMax: number;
}

export interface SolveOptions {
  guess: number;
  lowRate: number;
  highRate: number;
  /** Search above `highRate` where the root bound reaches there (the caller left `highRate` at its default). */
  widenHigh: boolean;
}

/** ln x is kept within ±LN_LIMIT, so x and 1/x stay finite normal doubles. */
const LN_LIMIT = 700;

/**
 * Cauchy's bound for a polynomial c_0 + … + c_n xⁿ (c_0, c_n ≠ 0): every root has
 * |c_0| / (|c_0| + max_{i>0} |c_i|) < |x| < 1 + max_{i<n} |c_i| / |c_n|. The upper end is also
 * capped where x^n would overflow.
 * @example polynomialRootBounds([-1, 3, -2], 0, 2) // { xMin: 0.25, xMax: 2.5 }: the roots 0.5 and 1 lie inside
 */
export function polynomialRootBounds(c: ArrayLike<number>, first: number, last: number): RootBounds {
  const c0 = Math.abs(c[first] as number);
  const cn = Math.abs(c[last] as number);
  let maxAfterFirst = 0;
  let maxBeforeLast = 0;
  for (let t = first; t <= last; t++) {
    const a = Math.abs(c[t] as number);
    if (t > first && a > maxAfterFirst) maxAfterFirst = a;
    if (t < last && a > maxBeforeLast) maxBeforeLast = a;
  }
  const xMin = Math.max(c0 / (c0 + maxAfterFirst), Math.exp(-LN_LIMIT));
  const xMax = Math.min(1 + maxBeforeLast / cn, Math.exp(LN_LIMIT / Math.max(1, last - first)));
  return { xMin, xMax };
}

/**
 * The analogue for Σ c_i x^(t_i) with real exponents t ascending (XIRR): a root x < 1 needs
 * |c_a| x^(t_a) ≤ Σ_{i>a} |c_i| x^(t_i) ≤ x^(t_a′) Σ_{i>a} |c_i| (a the first non-zero term, a′
 * the next), so x^(t_a′ − t_a) ≥ |c_a| / Σ_{i>a} |c_i|; the same argument from the last term
 * bounds a root x > 1. Computed in logarithms; capped where x^(t_max) would overflow.
 */
export function exponentRootBounds(c: ArrayLike<number>, t: ArrayLike<number>): RootBounds {
  const nz: number[] = [];
  for (let i = 0; i < c.length; i++) if ((c[i] as number) !== 0) nz.push(i);
  const a = nz[0] as number;
  const a2 = nz[1] as number;
  const b = nz[nz.length - 1] as number;
  const b2 = nz[nz.length - 2] as number;
  let after = 0;
  let before = 0;
  for (const i of nz) {
    if (i !== a) after += Math.abs(c[i] as number);
    if (i !== b) before += Math.abs(c[i] as number);
  }
  const lnMin = Math.log(Math.abs(c[a] as number) / after) / ((t[a2] as number) - (t[a] as number));
  const lnMax = Math.log(before / Math.abs(c[b] as number)) / ((t[b] as number) - (t[b2] as number));
  const tMax = Math.max(Math.abs(t[a] as number), Math.abs(t[b] as number), 1);
  return {
    xMin: Math.exp(Math.max(Math.min(0, lnMin), -LN_LIMIT)),
    xMax: Math.exp(Math.min(Math.max(0, lnMax), LN_LIMIT / tMax)),
  };
}

const EPS = Number.EPSILON;
/** |f| ≤ this × Σ|c_i| x^(t_i) counts as a zero of the NPV (a touching, double root). */
const TANGENT_TOLERANCE = 1e-10;

/** Solves a rate problem; see the module comment for the method. */
export function solveRate(problem: RateProblem, opts: SolveOptions): IrrResult {
  if (problem.signChanges === 0) return { kind: 'no-sign-change' };
  const out = new Float64Array(4);
  if (problem.signChanges === 1) {
    const u = uniqueRoot(problem, -Math.log1p(opts.guess), out);
    // r = 1/x − 1 = e^(−u) − 1, with expm1 keeping the digits of small rates.
    return u === null ? { kind: 'no-convergence' } : { kind: 'ok', rate: Math.expm1(-u) };
  }
  const xs = scanRoots(problem, opts, out);
  if (xs.length === 0) return { kind: 'no-convergence' };
  const rates = xs.map((x) => 1 / x - 1).sort((a, b) => a - b);
  if (rates.length === 1) return { kind: 'ok', rate: rates[0] as number };
  return { kind: 'multiple', rates };
}

/** Largest Newton step in u = ln x (a factor e^8 ≈ 3000 in 1 + r), so a wild step cannot overflow x^n. */
const MAX_STEP = 8;

/**
 * The single positive root when V = 1, as u = ln x. g(u) = ±(ln P − ln N) increases strictly,
 * so each evaluation moves one end of the bracket [lo, hi]; Newton steps that leave the
 * bracket, or would overflow, are replaced by bisection. Returns null only if the root cannot
 * be pinned down (P or N overflowing around it).
 */
function uniqueRoot(problem: RateProblem, u0: number, out: Float64Array): number | null {
  // ln P − ln N rises with u when the flows start negative (the outlay comes first).
  const dir = problem.signNearZero < 0 ? 1 : -1;
  let lo = -Infinity;
  let hi = Infinity;
  let u = Number.isFinite(u0) ? u0 : 0;
  for (let iter = 0; iter < 200; iter++) {
    problem.evaluateSplit(Math.exp(u), out);
    const p = out[0] as number;
    const n = out[1] as number;
    let next: number;
    if (!(p < Infinity && n < Infinity) || p === 0 || n === 0) {
      // One side vanished (underflow) or overflowed: the root lies back towards the start.
      const gSign = p === Infinity || n === 0 ? dir : -dir;
      if (gSign > 0) hi = u;
      else lo = u;
      next = bisect(lo, hi, u);
    } else {
      const g = dir * (Math.log(p) - Math.log(n));
      if (g === 0) return u;
      if (g < 0) lo = u;
      else hi = u;
      const slope = dir * ((out[2] as number) / p - (out[3] as number) / n);
      next = u - g / slope;
      if (!(next > lo && next < hi) || !(Math.abs(next - u) <= MAX_STEP)) next = bisect(lo, hi, u);
    }
    if (Math.abs(next - u) <= 1e-14 * Math.max(1, Math.abs(u)) || hi - lo <= 4 * EPS * Math.max(1, Math.abs(u))) {
      return next;
    }
    u = next;
  }
  return hi - lo <= 1e-9 * Math.max(1, Math.abs(u)) ? 0.5 * (lo + hi) : null;
}

/** Midpoint of [lo, hi], or a bounded step from u towards the open side of a half-open one. */
function bisect(lo: number, hi: number, u: number): number {
  if (lo === -Infinity && hi === Infinity) return u + MAX_STEP;
  if (lo === -Infinity) return Math.min(u, hi) - MAX_STEP;
  if (hi === Infinity) return Math.max(u, lo) + MAX_STEP;
  return 0.5 * (lo + hi);
}

const gridCache = new Map<string, Float64Array>();

/**
 * Grid of x = 1/(1+r) for rates from `highRate` down to `lowRate` (so x ascends): steps of
 * 0.01 in r for |r| ≤ 0.5, where most project IRRs lie, and geometric steps in 1 + r elsewhere.
 */
function rateGrid(lowRate: number, highRate: number): Float64Array {
  const key = `${lowRate}:${highRate}`;
  const cached = gridCache.get(key);
  if (cached) return cached;
  const rates: number[] = [];
  let r = lowRate;
  while (r < highRate) {
    rates.push(r);
    if (r >= -0.5 && r < 0.5) r = Math.round((r + 0.01) * 1e6) / 1e6;
    else if (r < -0.5) r = Math.min(-0.5, -1 + (1 + r) * 1.06);
    else r = -1 + (1 + r) * 1.05;
  }
  rates.push(highRate);
  const xs = new Float64Array(rates.length);
  for (let i = 0; i < rates.length; i++) xs[rates.length - 1 - i] = 1 / (1 + (rates[i] as number));
  if (gridCache.size < 16) gridCache.set(key, xs);
  return xs;
}

/** First index i with xs[i] ≥ x (xs ascending), or xs.length. */
function lowerIndex(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Steps of the grid beyond the default window, as factors of 1 + r (the same as at its ends). */
const HIGH_STEP = 1.05;
/** Above this 1 + r the extension doubles 1 + r each step: two roots within a factor 2 of each other there may merge. */
const FAR_RATE = 1e5;

/**
 * The x values to scan, ascending: the window's grid clipped to the root bound (two points of
 * margin, so a turn of f at the edge still has neighbours), extended above `highRate` where the
 * bound reaches and the caller left `highRate` at its default.
 */
function scanGrid(problem: RateProblem, opts: SolveOptions): Float64Array {
  const base = rateGrid(opts.lowRate, opts.highRate);
  const bounds = problem.rootBounds();
  // Flows that overflow a double (1e308 netted with 1e308) give no usable bound: scan it all.
  const xMin = bounds.xMin > 0 && bounds.xMin < Infinity ? Math.max(bounds.xMin, Math.exp(-LN_LIMIT)) : Math.exp(-LN_LIMIT);
  const xMax = bounds.xMax > 0 && bounds.xMax < Infinity ? bounds.xMax : Infinity;
  const m = base.length;
  const from = Math.max(0, lowerIndex(base, xMin) - 2);
  const to = Math.min(m, lowerIndex(base, xMax) + 2);
  const x0 = base[0] as number;
  const below: number[] = [];
  if (opts.widenHigh && xMin < x0) {
    // Rates above highRate, from the highest down (x ascending once reversed): steps of 5% in
    // 1 + r up to 1 + r = 10^5, doubling beyond (at most about 1,200 points up to e^700).
    for (let y = (1 + opts.highRate) * HIGH_STEP; ; y *= y < FAR_RATE ? HIGH_STEP : 2) {
      below.push(1 / y);
      if (1 / y <= xMin) break;
    }
    below.reverse();
  }
  if (below.length === 0) return base.subarray(from, Math.max(from, to));
  const grid = new Float64Array(below.length + m);
  grid.set(below, 0);
  grid.set(base, below.length);
  // The extension is kept whole; the window is clipped at its low-rate end only.
  return grid.subarray(0, below.length + Math.max(from, to));
}

function scanRoots(problem: RateProblem, opts: SolveOptions, out: Float64Array): number[] {
  const grid = scanGrid(problem, opts);
  const m = grid.length;
  // The scan needs only f: one multiply-add per flow and grid point.
  const fs = new Float64Array(m);
  for (let i = 0; i < m; i++) fs[i] = problem.value(grid[i] as number);
  const ev = problem.evaluate;
  const roots: number[] = [];
  for (let i = 0; i < m; i++) {
    const fi = fs[i] as number;
    if (!Number.isFinite(fi)) continue; // overflow at this rate: nothing can be confirmed here
    if (fi === 0) {
      roots.push(grid[i] as number);
      continue;
    }
    const fb = i + 1 < m ? (fs[i + 1] as number) : Number.NaN;
    if (fb !== 0 && Number.isFinite(fb) && fi < 0 !== fb < 0) {
      roots.push(brentRoot(ev, 0, grid[i] as number, grid[i + 1] as number, fi, fb, out));
    }
    // |f| at a local minimum with f keeping its sign: f may turn and dip through zero (two close
    // roots) or touch it (a double root) between the neighbours.
    const fa = i > 0 ? (fs[i - 1] as number) : Number.NaN;
    if (Number.isFinite(fa) && Number.isFinite(fb) && fa !== 0 && fb !== 0 && fa < 0 === fi < 0 && fb < 0 === fi < 0) {
      if (Math.abs(fi) <= Math.abs(fa) && Math.abs(fi) <= Math.abs(fb)) {
        extremumRoots(ev, grid[i - 1] as number, grid[i] as number, grid[i + 1] as number, fa, fi, fb, out, roots);
      }
    }
  }
  return dedupe(roots);
}

/**
 * Around a local minimum of |f| at xm (neighbours xa < xm < xb, f of one sign at all three):
 * finds the extremum of f from a sign change of f′, then either brackets the two roots on its
 * sides or, if f only touches zero there, reports it as a double root.
 */
function extremumRoots(
  ev: Evaluate,
  xa: number,
  xm: number,
  xb: number,
  fa: number,
  fm: number,
  fb: number,
  out: Float64Array,
  roots: number[],
): void {
  ev(xa, out);
  const da = out[1] as number;
  ev(xm, out);
  const dm = out[1] as number;
  ev(xb, out);
  const db = out[1] as number;
  let xc: number;
  if (dm === 0) xc = xm;
  else if (da !== 0 && da < 0 !== dm < 0) xc = brentRoot(ev, 1, xa, xm, da, dm, out);
  else if (db !== 0 && dm < 0 !== db < 0) xc = brentRoot(ev, 1, xm, xb, dm, db, out);
  else return;
  ev(xc, out);
  const fc = out[0] as number;
  const scale = out[2] as number;
  if (fc !== 0 && fc < 0 !== fm < 0) {
    roots.push(brentRoot(ev, 0, xa, xc, fa, fc, out));
    roots.push(brentRoot(ev, 0, xc, xb, fc, fb, out));
  } else if (Math.abs(fc) <= TANGENT_TOLERANCE * scale) {
    roots.push(xc);
  }
}

function dedupe(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  const outXs: number[] = [];
  for (const x of xs) {
    const last = outXs[outXs.length - 1];
    if (last === undefined || x - last > 1e-12 * x) outXs.push(x);
  }
  return outXs;
}

/**
 * Brent's method (zeroin) for a zero of component `k` of the evaluation (0: f, 1: f′) in
 * [a, b], given values of opposite sign at the ends. Converges to within a few ulps of x.
 */
function brentRoot(
  ev: Evaluate,
  k: 0 | 1,
  a: number,
  b: number,
  fa: number,
  fb: number,
  out: Float64Array,
): number {
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPS * Math.abs(b);
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    ev(b, out);
    fb = out[k] as number;
  }
  return b;
}
