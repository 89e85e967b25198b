import { assertFinite } from './internal/validate';

/**
 * Number of fiscal years an asset of life `lifeYears` appears in under the full-year convention:
 * the life rounded up (a 5.5-year life is in service in six fiscal years, the last one half).
 * An asset bought in fiscal year v last serves in `v + serviceYears(life) − 1`.
 *
 * Units: years. Throws `RangeError` for a life ≤ 0 or a non-finite life.
 *
 * @example
 * serviceYears(6)    // 6
 * serviceYears(5.5)  // 6
 */
export function serviceYears(lifeYears: number): number {
  assertFinite('lifeYears', lifeYears);
  if (lifeYears <= 0) throw new RangeError(`lifeYears must be greater than 0, got ${lifeYears}`);
  return Math.ceil(lifeYears - 1e-9);
}
