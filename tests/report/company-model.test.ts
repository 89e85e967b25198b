import { buildCompanyModel, depreciationByVintage } from '../../src/report/company-model';
import { acmeParsed, acmeRows, B } from './fixtures';

/*
 * Hand check (B = 1e9 USD), timeline FY2024..FY2027 (t = 0..3):
 *   AI capex        50, 50, 0, 0
 *   Depreciation    life 2, full year: vintage 2024 → 25, 25; vintage 2025 → 25, 25 (2025-26)
 *                   total 25, 50, 25, 0; net book value 25, 25, 0, 0
 *   AI revenue      t0 = 0.8 × 50 = 40 (assumed); then ×1.5: 60, 90, 135 (projected)
 *   AI EBITDA       × 0.5: 20, 30, 45, 67.5
 *   NOPAT           (EBITDA − dep) × 0.75: −3.75, −15, 15, 50.625
 *   FCF             NOPAT + dep − capex: −28.75, −15, 40, 50.625
 *   Cumulative      −28.75, −43.75, −3.75, 46.875 → payback 2 + 3.75 / 50.625 = 2.074074…
 *   Discounted      −28.75, −13.636364, 33.057851, 38.035312; cumulative −9.328512 after t2
 *                   → discounted payback 2 + 9.328512 / 38.035312 = 2.245259…; NPV = 28.706799
 *   IRR             bisection on the flows: 0.390190 (one sign change, so unique)
 *   ROI             Σ(NOPAT + dep) = 21.25 + 35 + 40 + 50.625 = 146.875 on 100 → 0.46875
 *   ROIC            NOPAT ÷ avg(opening, closing NBV): −3.75/12.5 = −0.3; −15/25 = −0.6;
 *                   15/12.5 = 1.2; no capital in t3 → null
 *   Break-even      A = 100 × 0.1 / (1 − 1.1^−2) = 57.619048; D = 100/2 = 50;
 *                   R = (50 + 7.619048 / 0.75) / 0.5 = 120.317460
 */
describe('buildCompanyModel › hand-checked two-year program', () => {
  const m = buildCompanyModel('Acme', acmeRows(), acmeParsed().values, { lifeFromData: false });
  if (!m) throw new Error('model expected');
  const col = (f: (y: NonNullable<typeof m>['years'][number]) => number | null) => m.years.map(f);

  test('timeline › runs the 4-year horizon from the first capex year', () => {
    expect(col((y) => y.fiscalYear)).toEqual([2024, 2025, 2026, 2027]);
    expect(col((y) => y.basis as unknown as number)).toEqual(['reported', 'reported', 'projection', 'projection']);
  });
  test('depreciation by vintage › straight line over 2 years', () => {
    expect(col((y) => y.depreciationUsd / B)).toEqual([25, 50, 25, 0]);
    expect(col((y) => y.netBookValueUsd / B)).toEqual([25, 25, 0, 0]);
    expect(m.vintages.map((v) => v.depreciationUsd.map((d) => d / B))).toEqual([
      [25, 25, 0, 0],
      [0, 25, 25, 0],
    ]);
  });
  test('AI revenue › assumed in year one, then projected at 50% growth', () => {
    expect(col((y) => y.aiRevenueUsd / B)).toEqual([40, 60, 90, 135]);
    expect(m.years.map((y) => y.aiRevenueBasis)).toEqual(['assumed', 'projected', 'projected', 'projected']);
  });
  test('EBITDA, NOPAT, FCF › as worked above', () => {
    expect(col((y) => y.aiEbitdaUsd / B)).toEqual([20, 30, 45, 67.5]);
    col((y) => y.nopatUsd / B).forEach((v, i) => expect(v).toBeCloseTo([-3.75, -15, 15, 50.625][i] as number, 9));
    col((y) => y.fcfUsd / B).forEach((v, i) => expect(v).toBeCloseTo([-28.75, -15, 40, 50.625][i] as number, 9));
    col((y) => y.cumulativeFcfUsd / B).forEach((v, i) => expect(v).toBeCloseTo([-28.75, -43.75, -3.75, 46.875][i] as number, 9));
  });
  test('NPV, IRR, ROI › as worked above', () => {
    expect(m.npvUsd / B).toBeCloseTo(28.706799399, 8);
    expect(m.irr.kind).toBe('ok');
    if (m.irr.kind === 'ok') expect(m.irr.rate).toBeCloseTo(0.39018978, 7);
    expect(m.roi).toBeCloseTo(0.46875, 12);
  });
  test('payback › simple 2.074 years, discounted 2.245 years', () => {
    expect(m.paybackYears).toBeCloseTo(2.0740740741, 9);
    expect(m.discountedPaybackYears).toBeCloseTo(2.2452592593, 9);
  });
  test('ROIC by year › NOPAT over average net book value; none without capital', () => {
    expect(m.years[0]?.roic).toBeCloseTo(-0.3, 12);
    expect(m.years[1]?.roic).toBeCloseTo(-0.6, 12);
    expect(m.years[2]?.roic).toBeCloseTo(1.2, 12);
    expect(m.years[3]?.roic).toBeNull();
  });
  test('break-even AI revenue › covers depreciation plus the cost of capital', () => {
    expect((m.breakEvenAiRevenueUsd as number) / B).toBeCloseTo(120.317460317, 8);
  });
});

describe('buildCompanyModel › variations', () => {
  const a = acmeParsed().values;
  test('zero margin and no tax › never pays back, IRR says why', () => {
    const m = buildCompanyModel('Acme', acmeRows(), { ...a, aiEbitdaMargin: 0, taxRate: 0 }, { lifeFromData: false });
    // EBITDA 0, so NOPAT = −dep and FCF = −capex: −50, −50, 0, 0: never positive, no sign change
    expect(m?.flowsUsd.map((f) => f / B)).toEqual([-50, -50, 0, 0]);
    expect(m?.paybackYears).toBeNull();
    expect(m?.irr.kind).toBe('no-sign-change');
  });
  test('reported AI revenue › used as reported, growth continues from it', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).ai_revenue = 70 * B;
    const m = buildCompanyModel('Acme', rows, a, { lifeFromData: false });
    expect(m?.years.map((y) => y.aiRevenueUsd / B)).toEqual([40, 70, 105, 157.5]);
    expect(m?.years[1]?.aiRevenueBasis).toBe('reported');
  });
  test('DeepSeek shock › 70% price fall at elasticity 0.3 shrinks revenue by 0.3^0.7 a year', () => {
    const m = buildCompanyModel('Acme', acmeRows(), { ...a, tokenPriceDeflation: 0.7, volumeElasticity: 0.3 }, { lifeFromData: false });
    // 40 × 1.5 × 0.3^0.7 = 60 × 0.430512… = 25.8307…
    expect((m?.years[1]?.aiRevenueUsd as number) / B).toBeCloseTo(60 * Math.pow(0.3, 0.7), 9);
  });
  test('exit multiple › terminal value = 12 × last-year EBITDA, added to the last flow', () => {
    const m = buildCompanyModel('Acme', acmeRows(), { ...a, terminalMethod: 'exit-multiple', exitEvEbitda: 12 }, { lifeFromData: false });
    expect((m?.years[3]?.terminalValueUsd as number) / B).toBeCloseTo(810, 9); // 12 × 67.5
    expect((m?.years[3]?.fcfUsd as number) / B).toBeCloseTo(860.625, 9);
  });
  test('data lives › a row’s useful_life_years applies to its vintage unless the user set one', () => {
    const rows = acmeRows();
    (rows[0] as Record<string, unknown>).useful_life_years = 1;
    const fromData = buildCompanyModel('Acme', rows, a, { lifeFromData: true });
    // vintage 2024 over 1 year: 50 in 2024; vintage 2025 over 2 years (scenario): 25, 25
    expect(fromData?.years.map((y) => y.depreciationUsd / B)).toEqual([50, 25, 25, 0]);
  });
  test('company with no capex › no model', () => {
    expect(buildCompanyModel('Empty', [{ company: 'Empty', fiscal_year: 2024, capex: null }], a)).toBeNull();
  });
  test('a gap year in the data › counted as zero capex with a note', () => {
    const rows = [acmeRows()[0] as Record<string, never>, { ...(acmeRows()[1] as Record<string, never>), fiscal_year: 2026 }];
    const m = buildCompanyModel('Acme', rows, a, { lifeFromData: false });
    expect(m?.years[1]?.aiCapexUsd).toBe(0);
    expect(m?.notes.join(' ')).toMatch(/FY2025/);
  });
});

describe('depreciationByVintage › mixed lives', () => {
  test('vintages 60 over 3 years and 30 over 1 year › summed by year', () => {
    // 60/3 = 20 in t0..t2; 30/1 = 30 in t1 → 20, 50, 20, 0; NBV 40, 20, 0, 0
    const s = depreciationByVintage([60, 30], [3, 1], 4);
    expect(s.depreciation).toEqual([20, 50, 20, 0]);
    expect(s.netBookValue).toEqual([40, 20, 0, 0]);
    expect(s.byVintage).toEqual([[20, 20, 20, 0], [0, 30, 0, 0]]);
  });
});
