import { annuityFactors, assertAnnuityArgs, type PaymentTiming } from './internal/annuity';
import { assertFinite } from './internal/validate';

/**
 * Future value after `nper` periods of a present amount `pv` and constant payments `pmt` at
 * `rate`, as Excel's `FV(rate, nper, pmt, [pv], [type])` and numpy-financial's `fv`.
 *
 * Sign convention (Excel's): depositing 2000 a year (`pmt = −2000`) builds a positive balance.
 * `fv = −(pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r)`, w = 1 for 'begin'; at rate 0,
 * `fv = −(pv + pmt·nper)`.
 *
 * Units: `rate` a fraction per period; `nper` in periods; amounts in one currency.
 * Throws `RangeError` naming the argument when a number is not finite, `rate` ≤ −1, `nper` < 0,
 * or `when` is neither 'end' nor 'begin'.
 *
 * @example
 * fv(0.075, 20, -2000)             // 86609.362673042... (numpy-financial)
 * fv(0.075, 20, -2000, 0, 'begin') // 93105.064873...
 */
export function fv(rate: number, nper: number, pmt: number, pv = 0, when: PaymentTiming = 'end'): number {
  assertAnnuityArgs(rate, nper);
  assertFinite('pmt', pmt);
  assertFinite('pv', pv);
  const { growth, annuity } = annuityFactors(rate, nper, when);
  return -(pv * growth + pmt * annuity);
}
