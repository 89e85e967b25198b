import type { Row } from '../../src/store/types';
import { parseAssumptions } from '../../src/report/assumptions';

/**
 * A small hand-checked company, in billions of USD (B = 1e9):
 *   FY2024 capex 100B, FY2025 capex 100B, AI share 0.5 in the data → AI capex 50B, 50B.
 *   FY2025 also: revenue 1,000B, operating income 200B, net income 150B, D&A 50B,
 *   10B shares at $300.
 */
export const B = 1e9;

export function acmeRows(company = 'Acme'): Row[] {
  return [
    { company, ticker: 'ACME', fiscal_year: 2024, basis: 'reported', capex: 100 * B, ai_capex_share: 0.5 },
    {
      company, ticker: 'ACME', fiscal_year: 2025, basis: 'reported', capex: 100 * B, ai_capex_share: 0.5,
      revenue: 1000 * B, operating_income: 200 * B, net_income: 150 * B, depreciation: 50 * B,
      shares_outstanding: 10 * B, share_price: 300,
    },
  ];
}

/**
 * The hand-check scenario: WACC 10%, 4-year horizon (used only when capacity is sustained), tax
 * 25%, server life 2 years (typed by the user, so it applies to every vintage), half of AI capex
 * compute and half facilities over 4 years, a vintage earns 0.8 × its AI capex in its first year
 * and 50% more each year of age, margin 50%, no token deflation, run-off, no terminal value,
 * target P/E 15, and no power cost (price 0; the power lines have their own hand checks).
 */
export const ACME_QUERY = {
  wacc: '0.1', horizonYears: '4', taxRate: '0.25', gpuUsefulLifeYears: '2', aiRevenueToCapex: '0.8',
  aiRevenueGrowth: '0.5', aiEbitdaMargin: '0.5', tokenPriceDeflation: '0', volumeElasticity: '1',
  terminalMethod: 'none', targetPe: '15', powerPriceUsdPerKwh: '0', computeShare: '0.5', facilityLifeYears: '4',
  capacityAfterData: 'run-off',
};

export const acmeParsed = () => parseAssumptions(ACME_QUERY);
