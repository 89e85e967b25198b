import { assertFinite } from './internal/validate';

/** Hours in a (non-leap) year × kWh per MWh. */
const KWH_PER_MW_YEAR = 8760 * 1000;

/**
 * Yearly cost of the electricity an AI fleet draws: IT power × 8,760 h × 1,000 kWh/MWh ×
 * utilization × PUE × price. Utilization scales the power drawn (idle accelerators draw less);
 * PUE adds the facility's cooling and losses on top of the IT load.
 *
 * Units: `itPowerMw` in MW of IT load, `utilization` a fraction, `pue` ≥ 1 (facility ÷ IT
 * power), `priceUsdPerKwh` in USD per kWh; the result in USD per year. Throws `RangeError`
 * naming the argument for a non-finite number.
 *
 * @example
 * powerCostUsd(100, 0.7, 1.2, 0.08) // 100 × 8,760,000 × 0.7 × 1.2 × 0.08 = 58,867,200
 */
export function powerCostUsd(itPowerMw: number, utilization: number, pue: number, priceUsdPerKwh: number): number {
  assertFinite('itPowerMw', itPowerMw);
  assertFinite('utilization', utilization);
  assertFinite('pue', pue);
  assertFinite('priceUsdPerKwh', priceUsdPerKwh);
  return itPowerMw * KWH_PER_MW_YEAR * utilization * pue * priceUsdPerKwh;
}
