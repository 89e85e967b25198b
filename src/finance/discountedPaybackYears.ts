import { paybackFromValues } from './internal/payback';
import { assertFlows, assertRate } from './internal/validate';

/**
 * Discounted payback period: `paybackYears` of the flows discounted at `rate`, that is of
 * `flows[t] / (1 + rate)^t`, with the same linear interpolation inside the period (on the
 * discounted amounts) and the same "for good" rule. `null` if the discounted running total is
 * still negative at the end.
 *
 * Units: `rate` is a fraction per period (0.1 = 10%); the result is in periods.
 * Throws `RangeError` naming the argument when `flows` is empty or holds a non-finite number,
 * or when `rate` is not finite or is ≤ −1.
 *
 * @example
 * discountedPaybackYears(0.1, [-1000, 500, 500, 500]) // 2.352 (simple payback: 2)
 */
export function discountedPaybackYears(rate: number, flows: readonly number[]): number | null {
  assertRate('rate', rate);
  assertFlows('flows', flows);
  const discounted = new Float64Array(flows.length);
  let factor = 1;
  const x = 1 / (1 + rate);
  for (let t = 0; t < flows.length; t++) {
    discounted[t] = (flows[t] as number) * factor;
    factor *= x;
  }
  return paybackFromValues(discounted);
}
