import fc from 'fast-check';
import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyReport, reportJson } from '../../src/report/company-report';
import { buildIndustryReport, datasetSpend } from '../../src/report/industry-report';
import type { Row } from '../../src/store/types';

const money = fc.oneof(fc.constant(null), fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constant(0));
const row = fc.record({
  company: fc.constantFrom('A', 'B', '=C', '<D>'),
  fiscal_year: fc.oneof(fc.integer({ min: 2018, max: 2028 }), fc.constant(null)),
  basis: fc.constantFrom('reported', 'guidance', 'estimate', null),
  capex: money,
  ai_capex_share: fc.oneof(fc.constant(null), fc.double({ min: -1, max: 2, noNaN: true })),
  ai_revenue: money,
  revenue: money,
  operating_income: money,
  net_income: money,
  depreciation: money,
  useful_life_years: fc.oneof(fc.constant(null), fc.double({ min: -2, max: 12, noNaN: true })),
  shares_outstanding: money,
  share_price: money,
  market_cap: money,
  net_debt: money,
});

const query = fc.record(
  {
    wacc: fc.double({ min: -0.5, max: 0.5, noNaN: true }).map(String),
    horizonYears: fc.integer({ min: 1, max: 30 }).map(String),
    gpuUsefulLifeYears: fc.double({ min: 1, max: 20, noNaN: true }).map(String),
    aiRevenueGrowth: fc.double({ min: -0.9, max: 3, noNaN: true }).map(String),
    aiEbitdaMargin: fc.double({ min: -1, max: 1, noNaN: true }).map(String),
    tokenPriceDeflation: fc.double({ min: 0, max: 0.99, noNaN: true }).map(String),
    terminalMethod: fc.constantFrom('none', 'exit-multiple', 'perpetual-growth'),
  },
  { requiredKeys: [] },
);

describe('company and industry reports › any rows, any valid assumptions', () => {
  test('never throw, and every number in the JSON twin is finite or null', () => {
    fc.assert(
      fc.property(fc.array(row as fc.Arbitrary<Row>, { maxLength: 12 }), query, (rows, q) => {
        const parsed = parseAssumptions(q);
        fc.pre(parsed.problems.length === 0);
        const report = buildCompanyReport('P', rows, parsed);
        const text = JSON.stringify(reportJson(report), (_k, v) => {
          if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`non-finite number ${v}`);
          return v;
        });
        expect(text.length).toBeGreaterThan(0);
        const spend = datasetSpend('P', rows, 0.6);
        const industry = buildIndustryReport({}, spend);
        expect(industry.problems).toEqual([]);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
