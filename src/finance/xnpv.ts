import { datedFlows, type DateInput } from './internal/dates';
import { assertFlows, assertRate } from './internal/validate';

/**
 * Net present value of cash flows on arbitrary dates, Excel's `XNPV(rate, values, dates)`:
 * `Σ flows[i] / (1 + rate)^((dates[i] − d0) / 365)`, where d0 is the earliest date (Excel's
 * first date, which Excel requires to be the earliest). Actual days over 365, with no leap-year
 * adjustment; the flow on d0 is not discounted. Dates may come in any order.
 *
 * Units: `rate` is a fraction per year (0.09 = 9%); flows in one currency; the result is in
 * that currency at d0. Dates are `Date`s (by UTC day) or `YYYY-MM-DD` strings.
 * Throws `RangeError` naming the argument for empty flows, a non-finite number, `rate` ≤ −1,
 * an invalid date, or a different number of dates and flows.
 *
 * @example
 * xnpv(0.09, [-10000, 2750, 4250, 3250, 2750],
 *   ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01']) // 2086.647602... (Excel: $2,086.65)
 */
export function xnpv(rate: number, flows: readonly number[], dates: readonly DateInput[]): number {
  assertRate('rate', rate);
  assertFlows('flows', flows);
  const { amounts, years } = datedFlows(flows, dates);
  const lg = Math.log1p(rate);
  let sum = 0;
  for (let i = 0; i < amounts.length; i++) sum += (amounts[i] as number) * Math.exp(-(years[i] as number) * lg);
  return sum;
}
