import { annuityFactors, assertAnnuityArgs, type PaymentTiming } from './internal/annuity';
import { assertFinite } from './internal/validate';

/**
 * Constant payment per period that pays off `pv` (and leaves `fv`) over `nper` periods at
 * `rate`, as Excel's `PMT(rate, nper, pv, [fv], [type])` and numpy-financial's `pmt`.
 *
 * Sign convention (Excel's): money received is positive, money paid is negative, so borrowing
 * `pv = 10000` gives a negative payment. Solves `pv·(1+r)^n + pmt·(1+r·w)·((1+r)^n − 1)/r + fv = 0`
 * with w = 1 when `when` is 'begin'; at rate 0, `pmt = −(pv + fv) / nper`.
 *
 * Units: `rate` is a fraction per period (a yearly 8% paid monthly is 0.08 / 12); `nper` in
 * periods; `pv`, `fv` and the result in one currency.
 * Throws `RangeError` naming the argument when a number is not finite, `rate` ≤ −1, `nper` ≤ 0,
 * or `when` is neither 'end' nor 'begin'.
 *
 * @example
 * pmt(0.08 / 12, 10, 10000)             // -1037.0320893734... (Excel: ($1,037.03))
 * pmt(0.08 / 12, 10, 10000, 0, 'begin') // -1030.1643271918...
 */
export function pmt(rate: number, nper: number, pv: number, fv = 0, when: PaymentTiming = 'end'): number {
  assertAnnuityArgs(rate, nper);
  if (nper === 0) throw new RangeError('nper must be greater than 0');
  assertFinite('pv', pv);
  assertFinite('fv', fv);
  const { growth, annuity } = annuityFactors(rate, nper, when);
  return -(fv + pv * growth) / annuity;
}
