import { assertFinite, assertRate } from './validate';

/** When payments fall within each period: Excel's `type` 0 ('end') or 1 ('begin'). */
export type PaymentTiming = 'end' | 'begin';

/**
 * Growth factor (1 + r)^n and annuity factor (1 + r·w)((1 + r)^n − 1)/r, with w = 1 for
 * payments at the beginning of each period and the limit n at r = 0. expm1/log1p keep the
 * factor accurate for small rates. Internal: shared by pmt, pv and fv.
 */
export function annuityFactors(rate: number, nper: number, when: PaymentTiming): { growth: number; annuity: number } {
  if (when !== 'end' && when !== 'begin') {
    throw new RangeError(`when must be 'end' or 'begin', got ${String(when)}`);
  }
  if (rate === 0) return { growth: 1, annuity: nper };
  const lg = nper * Math.log1p(rate);
  const growth = Math.exp(lg);
  const annuity = ((when === 'begin' ? 1 + rate : 1) * Math.expm1(lg)) / rate;
  return { growth, annuity };
}

/** Shared argument checks of pmt, pv and fv. */
export function assertAnnuityArgs(rate: number, nper: number): void {
  assertRate('rate', rate);
  assertFinite('nper', nper);
  if (nper < 0) throw new RangeError(`nper must be 0 or greater, got ${nper}`);
}
