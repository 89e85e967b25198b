import { resolveIrrOptions } from './internal/irrOptions';
import { polynomialRootBounds, solveRate } from './internal/rateSolver';
import { signChanges } from './internal/signChanges';
import { assertFlows } from './internal/validate';
import type { IrrOptions, IrrResult } from './types';

/**
 * Internal rate of return of evenly spaced cash flows: the rate r > −1 at which
 * `npv(r, flows)` is zero. `flows[0]` is at t = 0 (as in Excel's IRR and numpy-financial).
 *
 * Units: flows in one currency; the rate is a fraction per period (0.1 = 10% a period).
 *
 * Never a silent wrong answer, never NaN:
 * - flows all ≥ 0 or all ≤ 0 → `{ kind: 'no-sign-change' }`;
 * - one sign change → exactly one IRR exists (Descartes' rule of signs) and it is found wherever
 *   it lies, by a bracketed Newton iteration from `opts.guess` → `{ kind: 'ok', rate }`;
 * - several sign changes → every rate where a root can lie is scanned on a grid, bracketed and
 *   refined with Brent's method: by default −99% to 1000% clipped to Cauchy's bound on the roots
 *   of the NPV polynomial in 1/(1+r), and beyond that window wherever the bound reaches (so a
 *   root at +3,291% is found); `opts.lowRate` / `opts.highRate`, when given, fix
 *   that end of the window. One root gives `ok`, several give `{ kind: 'multiple', rates }`
 *   sorted ascending, none gives `{ kind: 'no-convergence' }`.
 * Excel's IRR instead returns whichever root its iteration from `guess` reaches, or #NUM!.
 *
 * Throws `RangeError` naming the argument when `flows` is empty or holds a non-finite number,
 * or when an option is invalid.
 *
 * @example
 * irr([-70000, 12000, 15000, 18000, 21000, 26000]) // { kind: 'ok', rate: 0.0866309480... }
 * irr([-100, 230, -132])                           // { kind: 'multiple', rates: [0.1, 0.2] }
 * irr([100, 50])                                   // { kind: 'no-sign-change' }
 */
export function irr(flows: readonly number[], opts?: IrrOptions): IrrResult {
  assertFlows('flows', flows);
  const solveOptions = resolveIrrOptions(opts);
  let first = 0;
  while (first < flows.length && flows[first] === 0) first++;
  let last = flows.length - 1;
  while (last > first && flows[last] === 0) last--;
  const changes = signChanges(flows);
  if (changes === 0) return { kind: 'no-sign-change' };
  // NPV as a polynomial in x = 1/(1+r), divided by x^first (which has no positive roots):
  // Horner gives the value, the derivative and the scale Σ|c_t| x^t in one pass.
  const evaluate = (x: number, out: Float64Array): void => {
    let p = flows[last] as number;
    let dp = 0;
    let s = Math.abs(p);
    for (let t = last - 1; t >= first; t--) {
      const c = flows[t] as number;
      dp = dp * x + p;
      p = p * x + c;
      s = s * x + Math.abs(c);
    }
    out[0] = p;
    out[1] = dp;
    out[2] = s;
  };
  // The same polynomial split into its positive and negative terms, for the unique-root path.
  const evaluateSplit = (x: number, out: Float64Array): void => {
    let p = 0;
    let dp = 0;
    let n = 0;
    let dn = 0;
    for (let t = last; t >= first; t--) {
      const c = flows[t] as number;
      const cp = c > 0 ? c : 0;
      dp = dp * x + p;
      p = p * x + cp;
      dn = dn * x + n;
      n = n * x + (cp - c);
    }
    out[0] = p;
    out[1] = n;
    out[2] = x * dp;
    out[3] = x * dn;
  };
  const signNearZero = (flows[first] as number) > 0 ? 1 : -1;
  const value = (x: number): number => {
    let p = flows[last] as number;
    for (let t = last - 1; t >= first; t--) p = p * x + (flows[t] as number);
    return p;
  };
  const rootBounds = () => polynomialRootBounds(flows, first, last);
  return solveRate({ value, evaluate, evaluateSplit, signChanges: changes, signNearZero, rootBounds }, solveOptions);
}
