import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyModel, fxRateAt } from '../../src/report/company-model';
import { buildCompanyReport } from '../../src/report/company-report';
import { currencyKey } from '../../src/report/currency';
import { ACME_QUERY, acmeRows, B } from './fixtures';

const modelOf = (extra: Record<string, string>, rows = acmeRows()) =>
  buildCompanyModel('Acme', rows, parseAssumptions({ ...ACME_QUERY, ...extra }).values, { lifeFromData: false })!;

/*
 * Power, hand check (Acme: AI capex 50 B in FY2024 and FY2025, compute life 2 years, run-off to FY2026):
 *   AI capex in service   50, 100, 50 B  → at 20 MW per $1B: 1,000, 2,000, 1,000 MW
 *   cost per MW per year  8,760 h × 1,000 kWh/MWh × 0.7 utilization × PUE 1.5 × $0.10 = $919,800
 *   power cost            0.9198, 1.8396, 0.9198 B
 *   AI EBITDA             20 − 0.9198 = 19.0802; 50 − 1.8396 = 48.1604; 30 − 0.9198 = 29.0802
 * Utilization 0.7 is the reference, so modelled revenue is unchanged (40, 100, 60).
 */
describe('buildCompanyModel › power cost', () => {
  const m = modelOf({ powerPriceUsdPerKwh: '0.1', pue: '1.5', gpuUtilization: '0.7', powerMwPerBillionUsd: '20' });
  test('MW from AI capex in service › 1,000, 2,000, 1,000 MW, marked assumed', () => {
    expect(m.years.map((y) => y.powerMw)).toEqual([1000, 2000, 1000]);
    expect(m.years.every((y) => y.powerMwBasis === 'assumed')).toBe(true);
  });
  test('power cost and EBITDA › as worked above', () => {
    m.years.map((y) => y.powerCostUsd / B).forEach((v, i) => expect(v).toBeCloseTo([0.9198, 1.8396, 0.9198][i] as number, 9));
    m.years.map((y) => y.aiEbitdaUsd / B).forEach((v, i) => expect(v).toBeCloseTo([19.0802, 48.1604, 29.0802][i] as number, 9));
    expect(m.years.map((y) => y.aiRevenueUsd / B)).toEqual([40, 100, 60]);
  });
  test('data power_mw › used for its year, marked data', () => {
    const rows = acmeRows();
    rows[0] = { ...rows[0], power_mw: 500 } as (typeof rows)[number];
    const d = modelOf({ powerPriceUsdPerKwh: '0.1', pue: '1.5' }, rows);
    expect(d.years[0]?.powerMw).toBe(500);
    expect(d.years[0]?.powerMwBasis).toBe('data');
    expect((d.years[0]?.powerCostUsd as number) / B).toBeCloseTo(0.4599, 9); // 500 × 919,800
  });
  test('negative power_mw › not used; power assumed from capex, with a note', () => {
    const rows = acmeRows();
    rows[0] = { ...rows[0], power_mw: -5 } as (typeof rows)[number];
    const d = modelOf({}, rows);
    expect(d.years[0]?.powerMw).toBe(1000);
    expect(d.years[0]?.powerMwBasis).toBe('assumed');
    expect(d.notes).toContain('FY2024 power_mw -5 is negative: power is assumed from AI capex instead.');
  });
});

describe('buildCompanyModel › utilization', () => {
  // Half the reference utilization (0.35 / 0.7): modelled revenue halves (20, 50, 30 B);
  // power is off (price 0 in the hand-check scenario).
  test('0.35 › modelled AI revenue halves', () => {
    expect(modelOf({ gpuUtilization: '0.35' }).years.map((y) => y.aiRevenueUsd / B)).toEqual([20, 50, 30]);
  });
  test('reported AI revenue › kept as reported', () => {
    const rows = acmeRows();
    rows[0] = { ...rows[0], ai_revenue: 10 * B } as (typeof rows)[number];
    expect(modelOf({ gpuUtilization: '0.35' }, rows).years[0]?.aiRevenueUsd).toBe(10 * B);
  });
});

describe('reporting currency', () => {
  const usd = modelOf({});
  test('USD (default) › rate 1, numbers unchanged', () => {
    expect(usd.currency).toBe('USD');
    expect(usd.fxRates).toEqual([1, 1, 1]);
    expect(usd.npvUsd / B).toBeCloseTo(6.102789256, 8);
  });
  test('KRW at 1,000 with no drift › every amount × 1,000; IRR and payback unchanged', () => {
    const krw = modelOf({ reportingCurrency: 'KRW', fxKrwPerUsd: '1000' });
    expect(krw.npvUsd / usd.npvUsd).toBeCloseTo(1000, 9);
    expect(krw.breakEvenAiRevenueUsd! / usd.breakEvenAiRevenueUsd!).toBeCloseTo(1000, 9);
    expect(krw.irr).toEqual(usd.irr);
    expect(krw.paybackYears).toBeCloseTo(usd.paybackYears!, 12);
  });
  test('KRW drifting 10% a year › flows × 1,000 × 1.1^t, so 1 + IRR = (1 + 0.201317) × 1.1', () => {
    // The flows are 365 days apart, so XIRR's years are whole years here.
    const krw = modelOf({ reportingCurrency: 'KRW', fxKrwPerUsd: '1000', fxDriftPerYear: '0.1' });
    expect(krw.fxRates).toEqual([1000, 1100, 1000 * 1.1 ** 2]);
    expect(krw.irr.kind === 'ok' && krw.irr.rate).toBeCloseTo(1.201317264 * 1.1 - 1, 6);
  });
  test('fxRateAt › ignores the FX rate in USD', () => {
    expect(fxRateAt({ reportingCurrency: 'USD', fxKrwPerUsd: 1400, fxDriftPerYear: 0.05 }, 3)).toBe(1);
  });
  test('column keys › _usd becomes _krw, per-share too, other keys untouched', () => {
    expect(currencyKey('npv_usd', 'KRW')).toBe('npv_krw');
    expect(currencyKey('eps_usd_per_share', 'KRW')).toBe('eps_krw_per_share');
    expect(currencyKey('power_price_usd_per_kwh', 'KRW')).toBe('power_price_krw_per_kwh');
    expect(currencyKey('irr_fraction', 'KRW')).toBe('irr_fraction');
    expect(currencyKey('npv_usd', 'USD')).toBe('npv_usd');
  });
  test('report in KRW › tables keyed _krw; data-read amounts converted at their year’s rate', () => {
    // FY2025 is t = 1: rate 1,000 × 1.1 = 1,100. Acme FY2025 EPS = 150 B / 10 B = $15 → ₩16,500;
    // FY2024 capex 100 B → ₩100,000 B at t = 0.
    const r = buildCompanyReport('T', acmeRows(), parseAssumptions({ ...ACME_QUERY, reportingCurrency: 'KRW', fxKrwPerUsd: '1000', fxDriftPerYear: '0.1' }));
    expect(r.currency).toBe('KRW');
    expect(r.tables.comparison.columns.map((c) => c.key)).toContain('npv_krw');
    expect(r.tables.comparison.columns.map((c) => c.key)).not.toContain('npv_usd');
    expect(r.sections[0]?.valuation?.epsUsd).toBeCloseTo(16500, 9);
    expect(r.tables.capex.rows[0]?.[3]).toBeCloseTo(100 * B * 1000, 0);
    expect(r.summary[0]).toContain('amounts in KRW at ₩1,000 per dollar');
    expect(r.sections[0]?.summary[0]).toContain('₩');
  });
});
