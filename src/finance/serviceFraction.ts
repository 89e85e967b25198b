import { assertFinite } from './internal/validate';

/**
 * Share of fiscal year `age` (0 = the year of purchase) in which an asset of life `lifeYears` is
 * in service, under the full-year convention: a whole year from the year of purchase on, and the
 * fraction left in the last year when the life is not whole (a 5.5-year life serves ages 0-4 in
 * full and half of age 5). 0 before purchase and after retirement.
 *
 * Units: years. Throws `RangeError` naming the argument for a life ≤ 0 or a non-finite number.
 *
 * @example
 * serviceFraction(6, 5)    // 1
 * serviceFraction(6, 6)    // 0 (retired)
 * serviceFraction(5.5, 5)  // 0.5
 */
export function serviceFraction(lifeYears: number, age: number): number {
  assertFinite('lifeYears', lifeYears);
  assertFinite('age', age);
  if (lifeYears <= 0) throw new RangeError(`lifeYears must be greater than 0, got ${lifeYears}`);
  if (age < 0) return 0;
  return Math.min(1, Math.max(0, lifeYears - age));
}
