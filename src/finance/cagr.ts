import { assertFinite, assertPositive } from './internal/validate';

/**
 * Compound annual growth rate: the constant yearly rate that turns `begin` into `end` over
 * `years` years, `(end / begin)^(1 / years) − 1`.
 *
 * Units: `begin` and `end` in the same currency (or any same unit); `years` in years (fractional
 * allowed); the result is a fraction per year (0.1 = 10%/yr).
 *
 * `begin` and `end` must be both positive or both negative (a sign change has no real growth
 * rate); `end` may be 0 (result −1). Throws `RangeError` naming the argument otherwise.
 *
 * @example
 * cagr(100, 121, 2) // 0.1 (10% a year)
 * cagr(50e9, 150e9, 1) // 2 (tripled in a year)
 */
export function cagr(begin: number, end: number, years: number): number {
  assertFinite('begin', begin);
  assertFinite('end', end);
  assertPositive('years', years);
  if (begin === 0) throw new RangeError('begin must be non-zero');
  const ratio = end / begin;
  if (ratio < 0) {
    throw new RangeError('end must have the same sign as begin (no real growth rate across a sign change)');
  }
  return Math.pow(ratio, 1 / years) - 1;
}
