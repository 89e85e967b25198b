import { assertFlows, assertRate } from './internal/validate';

/**
 * Net present value of evenly spaced cash flows, numpy-financial convention:
 * `Σ flows[t] / (1 + rate)^t`, so `flows[0]` is at t = 0 and is **not** discounted.
 *
 * Excel's `NPV(rate, v1, …, vn)` discounts its first value by one period; it equals
 * `npv(rate, [0, v1, …, vn])`. Excel's common idiom `=NPV(r, B2:B6) + B1` equals
 * `npv(r, [B1, B2, …, B6])`.
 *
 * Units: `rate` is a fraction per period (0.1 = 10%); flows in one currency; the result is in
 * that currency at t = 0.
 * Throws `RangeError` naming the argument when `flows` is empty or holds a non-finite number, or
 * when `rate` is not finite or is ≤ −1.
 *
 * @example
 * npv(0.1, [-1000, 500, 500, 500]) // 243.4259...
 * npv(0.1, [0, 10000, 15000])      // Excel NPV(10%, 10000, 15000)
 */
export function npv(rate: number, flows: readonly number[]): number {
  assertRate('rate', rate);
  assertFlows('flows', flows);
  // Horner in x = 1/(1+r): fewer divisions and pow calls than summing each term.
  const x = 1 / (1 + rate);
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * x + (flows[t] as number);
  return acc;
}
