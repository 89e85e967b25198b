import { datedFlows, type DateInput } from './internal/dates';
import { resolveIrrOptions } from './internal/irrOptions';
import { exponentRootBounds, solveRate } from './internal/rateSolver';
import { signChanges } from './internal/signChanges';
import { assertFlows } from './internal/validate';
import type { IrrOptions, IrrResult } from './types';

/**
 * Internal rate of return of cash flows on arbitrary dates, Excel's `XIRR(values, dates)`: the
 * yearly rate at which `xnpv(rate, flows, dates)` is zero (actual days / 365, t = 0 at the
 * earliest date; dates in any order). Same result shape and the same guarantees as `irr`: flows
 * on the same day are netted, then the sign changes in date order decide between the unique
 * root (found wherever it lies) and a scan that reports every root: by default of −99% to 1000%
 * clipped to a bound on the roots from the flows, and beyond that window wherever the bound
 * reaches; `opts.lowRate` / `opts.highRate`, when given, fix that end of the window. Where Excel's XIRR returns #NUM!, this returns `no-sign-change` or
 * `no-convergence`.
 *
 * Units: the rate is a fraction per year. Dates are `Date`s (by UTC day) or `YYYY-MM-DD`.
 * Throws `RangeError` naming the argument for empty flows, a non-finite number, an invalid date,
 * a different number of dates and flows, or an invalid option.
 *
 * @example
 * xirr([-10000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'])
 * // { kind: 'ok', rate: 0.3733625335... } (Excel: 0.373362535)
 */
export function xirr(flows: readonly number[], dates: readonly DateInput[], opts?: IrrOptions): IrrResult {
  assertFlows('flows', flows);
  const solveOptions = resolveIrrOptions(opts);
  const { amounts, years } = datedFlows(flows, dates);
  // Sort by time and net same-day flows: Descartes' rule counts sign changes in time order.
  const order = Array.from(amounts.keys()).sort((a, b) => (years[a] as number) - (years[b] as number));
  const c: number[] = [];
  const t: number[] = [];
  for (const i of order) {
    const ti = years[i] as number;
    if (t.length > 0 && t[t.length - 1] === ti) c[c.length - 1] = (c[c.length - 1] as number) + (amounts[i] as number);
    else {
      c.push(amounts[i] as number);
      t.push(ti);
    }
  }
  const changes = signChanges(c);
  if (changes === 0) return { kind: 'no-sign-change' };
  const n = c.length;
  // NPV in x = 1/(1+r): f(x) = Σ c_i x^(t_i), f′(x) = Σ c_i t_i x^(t_i − 1).
  const evaluate = (x: number, out: Float64Array): void => {
    const lx = Math.log(x);
    let f = 0;
    let d = 0;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const ci = c[i] as number;
      const ti = t[i] as number;
      const term = Math.exp(ti * lx);
      f += ci * term;
      d += ci * ti * term;
      s += Math.abs(ci) * term;
    }
    out[0] = f;
    out[1] = d / x;
    out[2] = s;
  };
  // The same sum split into its positive and negative terms, for the unique-root path.
  const evaluateSplit = (x: number, out: Float64Array): void => {
    const lx = Math.log(x);
    let p = 0;
    let dp = 0;
    let nn = 0;
    let dn = 0;
    for (let i = 0; i < n; i++) {
      const ci = c[i] as number;
      const ti = t[i] as number;
      const term = Math.abs(ci) * Math.exp(ti * lx);
      if (ci > 0) {
        p += term;
        dp += ti * term;
      } else {
        nn += term;
        dn += ti * term;
      }
    }
    out[0] = p;
    out[1] = nn;
    out[2] = dp;
    out[3] = dn;
  };
  const firstNonZero = c.find((v) => v !== 0) as number;
  const signNearZero = firstNonZero > 0 ? 1 : -1;
  const value = (x: number): number => {
    const lx = Math.log(x);
    let f = 0;
    for (let i = 0; i < n; i++) f += (c[i] as number) * Math.exp((t[i] as number) * lx);
    return f;
  };
  const rootBounds = () => exponentRootBounds(c, t);
  return solveRate({ value, evaluate, evaluateSplit, signChanges: changes, signNearZero, rootBounds }, solveOptions);
}
