import { assertFinite } from './internal/validate';

/**
 * Terminal value by the value-driver formula (McKinsey, "Valuation", ch. 10):
 * `NOPAT_N × (1 + g) × (1 − g / RONIC) / (WACC − g)`, the value at the end of year N of all
 * cash flows after it. Growth must be paid for: a share g / RONIC of each year's NOPAT is
 * reinvested, so with RONIC = WACC growth adds no value and the value is `NOPAT_{N+1} / WACC`.
 * Unlike a perpetuity of NOPAT + depreciation, it never capitalises cash that has to be spent
 * replacing the assets.
 *
 * Units: `nopatUsd` is year N's NOPAT in a currency; `growth`, `ronic` and `wacc` are fractions
 * per year. Throws `RangeError` naming the argument when growth ≥ WACC (the value would be
 * infinite), RONIC is 0 while growth is not, or a number is not finite.
 *
 * @example
 * valueDriverTerminalValue(100, 0.02, 0.09, 0.09) // 102 / 0.09 = 1,133.33...
 * valueDriverTerminalValue(100, 0.02, 0.15, 0.09) // 100 × 1.02 × (1 − 0.02/0.15) / 0.07 = 1,262.86...
 */
export function valueDriverTerminalValue(nopatUsd: number, growth: number, ronic: number, wacc: number): number {
  assertFinite('nopatUsd', nopatUsd);
  assertFinite('growth', growth);
  assertFinite('ronic', ronic);
  assertFinite('wacc', wacc);
  if (growth >= wacc) throw new RangeError(`growth must be below wacc, got growth ${growth} and wacc ${wacc}`);
  if (ronic === 0 && growth !== 0) throw new RangeError('ronic must be non-zero when growth is not zero');
  const reinvestment = growth === 0 ? 0 : growth / ronic;
  return (nopatUsd * (1 + growth) * (1 - reinvestment)) / (wacc - growth);
}
