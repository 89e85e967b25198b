import { annuityFactors, assertAnnuityArgs, type PaymentTiming } from './internal/annuity';
import { assertFinite } from './internal/validate';

/**
 * Present value of `nper` constant payments `pmt` (plus a final amount `fv`) at `rate`, as
 * Excel's `PV(rate, nper, pmt, [fv], [type])` and numpy-financial's `pv`.
 *
 * Sign convention (Excel's): receiving 12000 a year (`pmt > 0`) is worth paying now, so the
 * result is negative. Solves `pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r + fv = 0`, w = 1 for
 * 'begin'; at rate 0, `pv = −(fv + pmt·nper)`.
 *
 * Units: `rate` a fraction per period; `nper` in periods; amounts in one currency.
 * Throws `RangeError` naming the argument when a number is not finite, `rate` ≤ −1, `nper` < 0,
 * or `when` is neither 'end' nor 'begin'.
 *
 * @example
 * pv(0.07, 20, 12000) // -127128.1709461939... (numpy-financial: -127128.17)
 */
export function pv(rate: number, nper: number, pmt: number, fv = 0, when: PaymentTiming = 'end'): number {
  assertAnnuityArgs(rate, nper);
  assertFinite('pmt', pmt);
  assertFinite('fv', fv);
  const { growth, annuity } = annuityFactors(rate, nper, when);
  return -(fv + pmt * annuity) / growth;
}
