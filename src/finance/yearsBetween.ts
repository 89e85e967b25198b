import { dayNumber, type DateInput } from './internal/dates';

/**
 * Time from one date to another in years as XNPV and XIRR count it: actual days ÷ 365 (no
 * leap-year adjustment). Negative when `to` is before `from`. A flow dated `to` is worth
 * `flow / (1 + rate)^yearsBetween(from, to)` at `from`.
 *
 * Units: dates are `Date`s (by UTC day) or `YYYY-MM-DD` strings; the result in years.
 * Throws `RangeError` naming the argument for an invalid date.
 *
 * @example
 * yearsBetween('2022-06-30', '2022-12-31') // 184 / 365 = 0.5041...
 * yearsBetween('2024-01-01', '2025-01-01') // 366 / 365 (2024 is a leap year)
 */
export function yearsBetween(from: DateInput, to: DateInput): number {
  return (dayNumber('to', to) - dayNumber('from', from)) / 365;
}
