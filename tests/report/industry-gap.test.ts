import { industryGap, yearsToReach } from '../../src/report/industry-gap';
import { buildIndustryReport, datasetSpend } from '../../src/report/industry-report';
import type { Row } from '../../src/store/types';

const base = { acceleratorShare: 0.5, grossMargin: 0.5, usefulLifeYears: 6, aiRevenueGrowth: 0.25 };

describe('industryGap › Sequoia reproductions', () => {
  test('2023: $50B run-rate ×2 ×2 › $200B required, $125B gap with $75B revenue', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 50e9, aiRevenueUsd: 75e9 });
    expect(g.dataCenterCostUsd).toBe(100e9);
    expect(g.requiredRevenueUsd).toBe(200e9);
    expect(g.gapUsd).toBe(125e9);
  });
  test('2024: $150B run-rate ×2 ×2 › $600B required, $500B gap with $100B revenue', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 150e9, aiRevenueUsd: 100e9 });
    expect(g.requiredRevenueUsd).toBe(600e9);
    expect(g.gapUsd).toBe(500e9);
  });
  test('Nvidia FY2026 data-center revenue $193.7B › $774.8B required', () => {
    const g = industryGap({ ...base, acceleratorSpendUsd: 193.7e9, aiRevenueUsd: 0 });
    expect(g.requiredRevenueUsd).toBeCloseTo(774.8e9, 0);
  });
});

describe('industryGap › per year of useful life and years to close', () => {
  // $600B over 6 years = $100B a year: today's $100B already covers it (gap 0, 0 years).
  // Whole $600B at 25% growth from $100B: ln 6 / ln 1.25 = 8.0296 years.
  const g = industryGap({ ...base, acceleratorSpendUsd: 150e9, aiRevenueUsd: 100e9 });
  test('per year › $100B required a year, no gap', () => {
    expect(g.requiredRevenuePerYearUsd).toBe(100e9);
    expect(g.gapPerYearUsd).toBe(0);
    expect(g.yearsToClosePerYearGap).toBe(0);
  });
  test('whole requirement › 8.03 years at 25%', () => {
    expect(g.yearsToCloseGap).toBeCloseTo(Math.log(6) / Math.log(1.25), 12);
    expect(g.yearsToCloseGap).toBeCloseTo(8.0296, 4);
  });
  test('no growth or no revenue › never (null)', () => {
    expect(yearsToReach(100, 200, 0)).toBeNull();
    expect(yearsToReach(0, 200, 0.5)).toBeNull();
    expect(yearsToReach(300, 200, 0.5)).toBe(0);
  });
  test('bad share or margin › RangeError', () => {
    expect(() => industryGap({ ...base, acceleratorSpendUsd: 1, aiRevenueUsd: 0, acceleratorShare: 0 })).toThrow(RangeError);
    expect(() => industryGap({ ...base, acceleratorSpendUsd: 1, aiRevenueUsd: 0, grossMargin: 1 })).toThrow(RangeError);
  });
});

describe('buildIndustryReport › inputs from the query and from a dataset', () => {
  test('defaults › the $600B question with every input marked default', () => {
    const r = buildIndustryReport({}, null);
    expect(r.result?.requiredRevenueUsd).toBe(600e9);
    expect(r.result?.gapUsd).toBe(500e9);
    expect(Object.values(r.sources).every((s) => s === 'default')).toBe(true);
    expect(r.summary[0]).toMatch(/\$600B/);
    expect(r.summary[1]).toMatch(/gap of \$500B/);
  });
  test('typed 2023 inputs › $200B and $125B, marked as the user’s', () => {
    const r = buildIndustryReport({ acceleratorSpend: '50e9', aiRevenue: '75e9' }, null);
    expect(r.result?.requiredRevenueUsd).toBe(200e9);
    expect(r.result?.gapUsd).toBe(125e9);
    expect(r.sources.acceleratorSpend).toBe('user');
    expect(r.summary[1]).toMatch(/\$125B/);
  });
  test('bad inputs › problems, no result', () => {
    const r = buildIndustryReport({ acceleratorShare: '0', grossMargin: '1', acceleratorSpend: 'lots' }, null);
    expect(r.result).toBeNull();
    expect(r.problems.map((p) => p.key).sort()).toEqual(['acceleratorShare', 'acceleratorSpend', 'grossMargin']);
  });
  test('a dataset › AI capex of the year (capex × share) × accelerator share is the spend', () => {
    // FY2025: A 100 × 0.5 (data) = 50; B 40 × 0.6 (default) = 24 → AI capex 74 → spend 37;
    // required = 37 / 0.5 / 0.5 = 148 = AI capex / (1 − margin)
    const rows: Row[] = [
      { company: 'A', fiscal_year: 2025, capex: 100, ai_capex_share: 0.5 },
      { company: 'B', fiscal_year: 2025, capex: 40 },
      { company: 'B', fiscal_year: 2024, capex: 1000 },
    ];
    const spend = datasetSpend('Two', rows, 0.6);
    expect(spend?.fiscalYear).toBe(2025);
    expect(spend?.aiCapexUsd).toBeCloseTo(74, 12);
    const r = buildIndustryReport({ aiRevenue: '0' }, spend);
    expect(r.inputs.acceleratorSpend).toBeCloseTo(37, 12);
    expect(r.sources.acceleratorSpend).toBe('data');
    expect(r.result?.requiredRevenueUsd).toBeCloseTo(148, 12);
    expect(datasetSpend('Two', rows, 0.6, 2024)?.aiCapexUsd).toBeCloseTo(600, 12);
  });
});
