import { assertFlows, assertRate } from './internal/validate';

/**
 * Modified internal rate of return, Excel's `MIRR(values, finance_rate, reinvest_rate)` and
 * numpy-financial's `mirr`: outlays are discounted to t = 0 at `financeRate`, inflows are
 * compounded to the last period at `reinvestRate`, and
 * `MIRR = (FV(inflows) / −PV(outlays))^(1 / (n − 1)) − 1` for n flows (`flows[0]` at t = 0).
 *
 * Units: rates are fractions per period; the result is a fraction per period.
 * Returns `null` where Excel gives #DIV/0! (numpy-financial gives NaN): when the flows do not
 * include at least one positive and one negative value.
 * Throws `RangeError` naming the argument for empty flows, a non-finite number or a rate ≤ −1.
 *
 * @example
 * mirr([-120000, 39000, 30000, 21000, 37000, 46000], 0.1, 0.12) // 0.1260941303659... (Excel: 12.61%)
 * mirr([39000, 30000, 21000], 0.1, 0.12)                         // null
 */
export function mirr(flows: readonly number[], financeRate: number, reinvestRate: number): number | null {
  assertFlows('flows', flows);
  assertRate('financeRate', financeRate);
  assertRate('reinvestRate', reinvestRate);
  const n = flows.length;
  let pvOutlays = 0;
  let fvInflows = 0;
  for (let t = 0; t < n; t++) {
    const c = flows[t] as number;
    if (c < 0) pvOutlays += c / Math.pow(1 + financeRate, t);
    else if (c > 0) fvInflows += c * Math.pow(1 + reinvestRate, n - 1 - t);
  }
  if (pvOutlays === 0 || fvInflows === 0) return null;
  return Math.pow(fvInflows / -pvOutlays, 1 / (n - 1)) - 1;
}
