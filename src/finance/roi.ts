import { assertFinite } from './internal/validate';

/**
 * Simple return on investment, `(finalValue − cost) / cost`: the gain as a fraction of the cost,
 * with no time value of money.
 *
 * Units: `finalValue` and `cost` in the same currency; the result is a fraction (0.25 = 25%).
 * `cost` must be non-zero. Throws `RangeError` naming the argument otherwise.
 *
 * @example
 * roi(125, 100) // 0.25
 * roi(80, 100)  // -0.2
 */
export function roi(finalValue: number, cost: number): number {
  assertFinite('finalValue', finalValue);
  assertFinite('cost', cost);
  if (cost === 0) throw new RangeError('cost must be non-zero');
  return (finalValue - cost) / cost;
}
