import { paybackFromValues } from './internal/payback';
import { assertFlows } from './internal/validate';

/**
 * Simple payback period: when the running total of the flows turns non-negative for good, in
 * fractional periods (years for yearly flows). `flows[0]` is at t = 0 (usually the outlay).
 *
 * Convention: flows arrive evenly within each period, so inside the period where the running
 * total turns non-negative the time is interpolated linearly:
 * `(t − 1) + shortfall at t − 1 / flows[t]`. "For good" means after the last period that ends
 * with a negative running total, so a later outlay (a refit, a second build-out) that pushes the
 * total below zero again moves the payback out. Returns 0 if the total is never negative, and
 * `null` if it is still negative at the end ("never" is an answer).
 *
 * Throws `RangeError` naming the argument when `flows` is empty or holds a non-finite number.
 *
 * @example
 * paybackYears([-100000, 20000, 30000, 40000, 50000]) // 3.2
 * paybackYears([-1000, 100, 100])                     // null
 */
export function paybackYears(flows: readonly number[]): number | null {
  assertFlows('flows', flows);
  return paybackFromValues(flows);
}
