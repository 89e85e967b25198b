/**
 * Root finding for IRR and XIRR, shared by both. Internal: not part of the public surface.
 *
 * Both problems are "find r > −1 with Σ c_i (1 + r)^(−t_i) = 0". Substituting x = 1 / (1 + r)
 * maps r ∈ (−1, ∞) onto x ∈ (0, ∞) and turns the NPV into the (generalised) polynomial
 * f(x) = Σ c_i x^(t_i), whose positive roots are exactly the IRRs. Descartes' rule of signs
 * (which also holds for real exponents) bounds the number of positive roots by the number V of
 * sign changes in the coefficients, and the count has the parity of V. So:
 * - V = 0: no IRR at all;
 * - V = 1: exactly one simple root, found anywhere in (0, ∞) by Newton's method kept inside a
 *   bracket that every evaluation tightens (the sign of f tells which side of the root x is on);
 * - V ≥ 2: scan a grid of rates, bracket every sign change of f, split cells where f′ changes
 *   sign (two close roots, or a double root), refine each bracket with Brent's method.
 * A rate is reported only when a sign change brackets it or f is numerically zero there.
 */
import type { IrrResult } from '../types';

/** Writes f(x), f′(x) and Σ|c_i| x^(t_i) (the residual's scale) into `out[0..2]`. */
export type Evaluate = (x: number, out: Float64Array) => void;

export interface RateProblem {
  evaluate: Evaluate;
  /** Number of sign changes in the coefficients ordered by exponent (zeros skipped). */
  signChanges: number;
  /** Sign of f just above x = 0 (the sign of the earliest non-zero flow). */
  signNearZero: number;
}

export interface SolveOptions {
  guess: number;
  lowRate: number;
  highRate: number;
}

const EPS = Number.EPSILON;
/** |f| ≤ this × Σ|c_i| x^(t_i) counts as a zero of the NPV (a touching, double root). */
const TANGENT_TOLERANCE = 1e-10;

/** Solves a rate problem; see the module comment for the method. */
export function solveRate(problem: RateProblem, opts: SolveOptions): IrrResult {
  if (problem.signChanges === 0) return { kind: 'no-sign-change' };
  const out = new Float64Array(3);
  if (problem.signChanges === 1) {
    const x = uniqueRoot(problem, 1 / (1 + opts.guess), out);
    return x === null ? { kind: 'no-convergence' } : { kind: 'ok', rate: 1 / x - 1 };
  }
  const xs = scanRoots(problem, opts, out);
  if (xs.length === 0) return { kind: 'no-convergence' };
  const rates = xs.map((x) => 1 / x - 1).sort((a, b) => a - b);
  if (rates.length === 1) return { kind: 'ok', rate: rates[0] as number };
  return { kind: 'multiple', rates };
}

/**
 * The single positive root when V = 1. f has the sign `signNearZero` on (0, root) and the
 * opposite sign on (root, ∞), so each evaluation moves one end of the bracket [lo, hi].
 * Newton steps that leave the bracket are replaced by (geometric) bisection.
 */
function uniqueRoot(problem: RateProblem, x0: number, out: Float64Array): number | null {
  const s0 = problem.signNearZero;
  let lo = 0;
  let hi = Infinity;
  let x = x0 > 0 && Number.isFinite(x0) ? x0 : 1;
  for (let iter = 0; iter < 300; iter++) {
    problem.evaluate(x, out);
    const f = out[0] as number;
    const d = out[1] as number;
    if (!Number.isFinite(f)) return null;
    if (f === 0) return x;
    if ((f > 0 ? 1 : -1) === s0) lo = x;
    else hi = x;
    let next = x - f / d;
    if (!(next > lo && next < hi)) {
      if (hi === Infinity) next = lo * 4 + 1;
      else if (lo === 0) next = hi / 4;
      else next = Math.sqrt(lo * hi);
    }
    if (Math.abs(next - x) <= 4 * EPS * x || (hi !== Infinity && hi - lo <= 4 * EPS * hi)) return next;
    x = next;
  }
  // The bracket always shrinks, so this is reached only if f overflows or is noise-dominated
  // over a wide range; the root then cannot be confirmed.
  return hi - lo <= 1e-9 * hi ? 0.5 * (lo + hi) : null;
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

function scanRoots(problem: RateProblem, opts: SolveOptions, out: Float64Array): number[] {
  const grid = rateGrid(opts.lowRate, opts.highRate);
  const roots: number[] = [];
  const maxRoots = problem.signChanges;
  const ev = problem.evaluate;
  ev(grid[0] as number, out);
  let xa = grid[0] as number;
  let fa = out[0] as number;
  let da = out[1] as number;
  if (fa === 0) roots.push(xa);
  for (let i = 1; i < grid.length && roots.length < maxRoots; i++) {
    const xb = grid[i] as number;
    ev(xb, out);
    const fb = out[0] as number;
    const db = out[1] as number;
    if (!Number.isFinite(fb) || !Number.isFinite(fa)) {
      // Overflow at this rate: nothing here can be confirmed.
    } else if (fb === 0) {
      roots.push(xb);
    } else if (fa !== 0 && (fa < 0) !== (fb < 0)) {
      roots.push(brentRoot(ev, 0, xa, xb, fa, fb, out));
    } else if (fa !== 0 && da !== 0 && db !== 0 && (da < 0) !== (db < 0)) {
      // f keeps its sign at both ends but turns inside: look at its extremum.
      const xc = brentRoot(ev, 1, xa, xb, da, db, out);
      ev(xc, out);
      const fc = out[0] as number;
      const scale = out[2] as number;
      if ((fc < 0) !== (fa < 0) && fc !== 0) {
        roots.push(brentRoot(ev, 0, xa, xc, fa, fc, out));
        roots.push(brentRoot(ev, 0, xc, xb, fc, fb, out));
      } else if (Math.abs(fc) <= TANGENT_TOLERANCE * scale) {
        roots.push(xc);
      }
    }
    xa = xb;
    fa = fb;
    da = db;
  }
  return dedupe(roots);
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
