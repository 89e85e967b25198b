import { irr } from './irr';
import { assertFinite, assertRate } from './internal/validate';
import { npv } from './npv';
import { paybackYears } from './paybackYears';
import { serviceFraction } from './serviceFraction';
import { serviceYears } from './serviceYears';
import type { IrrResult } from './types';

/** The scenario as it bears on one dollar of AI capex (see `unitEconomics`). */
export interface UnitEconomicsInput {
  /** First-year AI revenue per dollar of AI capex, at the reference utilization (y). */
  revenueYield: number;
  /** Utilization ÷ the utilization the yield is read at (u ÷ 0.7): scales revenue. */
  utilizationFactor: number;
  /** Change of the vintage's revenue per year of age (q, see `vintageAgeFactor`). */
  ageFactor: number;
  /** AI EBITDA before power ÷ AI revenue, fraction. */
  ebitdaMargin: number;
  /** Power cost per year of one dollar of AI capex while its compute is in service, USD per USD. */
  powerCostPerUsd: number;
  /** Share of a dollar that buys compute (servers, GPUs, network), fraction in (0, 1]. */
  computeShare: number;
  /** Straight-line life of the compute, years; the dollar earns while it is in service. */
  computeLifeYears: number;
  /** Straight-line life of the facilities (buildings, power), years. */
  facilityLifeYears: number;
  /** Tax on operating profit, fraction; a loss is a tax credit (group relief). */
  taxRate: number;
  /** Discount rate per year, fraction. */
  wacc: number;
}

/** One dollar of AI capex, year by year of service, and what it is worth. */
export interface UnitEconomics {
  /** Per year of age (0 = the year of purchase), USD per USD of AI capex. */
  revenue: number[];
  powerCost: number[];
  ebitda: number[];
  depreciation: number[];
  nopat: number[];
  /** Facilities' remaining book value, back in the last year of the compute's service. */
  salvage: number[];
  /** Free cash flow: NOPAT + depreciation − capex (1 in year 0) + salvage. */
  flows: number[];
  /** NPV at the end of the year of purchase (flows[0] undiscounted), USD per USD. */
  npvPerUsd: number;
  irr: IrrResult;
  /** Years from the start of the year of purchase; null = never within the compute's life. */
  paybackYears: number | null;
  /** The revenue yield y* at which the NPV is zero; null when revenue adds no value (margin ≤ 0). */
  breakEvenRevenueYield: number | null;
}

/**
 * Unit economics of one dollar of AI capex under a scenario (DESIGN.md, "vintages of capacity").
 * In year of age k, while the compute is in service (fraction f_k = `serviceFraction(L, k)`):
 * - revenue_k = y × (u ÷ 0.7) × q^k × f_k; power_k = powerCostPerUsd × f_k;
 * - EBITDA_k = revenue_k × margin − power_k;
 * - depreciation_k = s × f_k ÷ L + (1 − s) × `serviceFraction(F, k)` ÷ F;
 * - NOPAT_k = (EBITDA_k − depreciation_k) × (1 − tax) (a loss is a tax credit);
 * - FCF_k = NOPAT_k + depreciation_k − (1 if k = 0) + (facilities' book value in the last year).
 * NPV is `npv(wacc, flows)`: flows dated at the ends of successive years, valued at the end of
 * the year of purchase. NPV is linear in y, so the break-even yield is exact:
 * y* = y − NPV(y) ÷ (∂NPV/∂y).
 *
 * Units: fractions and years as in `UnitEconomicsInput`; amounts in USD per USD of AI capex.
 * Throws `RangeError` for a computeShare outside (0, 1], a life ≤ 0, a wacc ≤ −1 or a
 * non-finite input.
 *
 * @example
 * const u = unitEconomics({ revenueYield: 0.35, utilizationFactor: 1, ageFactor: 1, ebitdaMargin: 0.5,
 *   powerCostPerUsd: 0.0117726, computeShare: 0.5, computeLifeYears: 6, facilityLifeYears: 15,
 *   taxRate: 0.21, wacc: 0.09 });
 * u.flows.length // 6
 * u.salvage[5]   // 0.3: half a dollar of facilities, 6 of 15 years depreciated
 */
export function unitEconomics(input: UnitEconomicsInput): UnitEconomics {
  for (const [k, v] of Object.entries(input)) assertFinite(k, v as number);
  assertRate('wacc', input.wacc);
  const { revenueYield: y, utilizationFactor, ageFactor: q, ebitdaMargin, powerCostPerUsd, computeShare: s, computeLifeYears: L, facilityLifeYears: F, taxRate } = input;
  if (!(s > 0 && s <= 1)) throw new RangeError(`computeShare must be in (0, 1], got ${s}`);
  if (!(F > 0)) throw new RangeError(`facilityLifeYears must be greater than 0, got ${F}`);
  const n = serviceYears(L);
  const revenue: number[] = [];
  const powerCost: number[] = [];
  const ebitda: number[] = [];
  const depreciation: number[] = [];
  const nopat: number[] = [];
  const salvage: number[] = [];
  const flows: number[] = [];
  // ∂NPV/∂y: each dollar of first-year yield, after margin and tax, discounted.
  let slope = 0;
  let qk = 1;
  for (let k = 0; k < n; k++) {
    const f = serviceFraction(L, k);
    const rev = y * utilizationFactor * qk * f;
    const power = powerCostPerUsd * f;
    const e = rev * ebitdaMargin - power;
    const dep = (s * f) / L + ((1 - s) * serviceFraction(F, k)) / F;
    const np = (e - dep) * (1 - taxRate);
    const back = k === n - 1 ? (1 - s) * Math.max(0, 1 - Math.min(n, F) / F) : 0;
    revenue.push(rev);
    powerCost.push(power);
    ebitda.push(e);
    depreciation.push(dep);
    nopat.push(np);
    salvage.push(back);
    flows.push(np + dep - (k === 0 ? 1 : 0) + back);
    slope += (utilizationFactor * qk * f * ebitdaMargin * (1 - taxRate)) / Math.pow(1 + input.wacc, k);
    qk *= q;
  }
  const value = npv(input.wacc, flows);
  const breakEven = slope > 0 ? y - value / slope : null;
  return {
    revenue,
    powerCost,
    ebitda,
    depreciation,
    nopat,
    salvage,
    flows,
    npvPerUsd: value,
    irr: irr(flows),
    paybackYears: paybackYears(flows),
    breakEvenRevenueYield: breakEven !== null && Number.isFinite(breakEven) ? breakEven : null,
  };
}
