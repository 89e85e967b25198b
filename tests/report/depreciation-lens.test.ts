import { depreciationLens } from '../../src/report/depreciation-lens';
import { acmeParsed, acmeRows, B } from './fixtures';

/*
 * Hand check, lens year FY2025 (latest with income). Each vintage: 25B compute (the lens life)
 * and 25B facilities (4 years: 6.25B a year, whatever the server life). Base = the user's 2
 * years: FY2025 AI depreciation = 12.5 + 12.5 + 6.25 + 6.25 = 37.5B. Reported OI 200B, NI 150B,
 * 10B shares → EPS $15.
 *   3 years: 25/3 + 25/3 + 12.5 = 29.1667B, ΔD = −8.3333B → OI 208.3333B,
 *            NI 150 + 8.3333 × 0.75 = 156.25B, EPS 15.625 (+4.1667%). AI ROIC FY2025: revenue
 *            60 + 40, EBITDA 50, NOPAT (50 − 29.1667) × 0.75 = 15.625B over the average of the
 *            net book values 35.4167B (end 2024) and 56.25B (end 2025) = 45.8333B → 0.340909.
 *   4 years: 6.25 + 6.25 + 12.5 = 25B, ΔD = −12.5B → NI 159.375B, EPS 15.9375 (+6.25%).
 *   1 year:  the 2024 compute is gone: 25 + 12.5 = 37.5B → ΔD = 0, EPS unchanged.
 */
describe('depreciationLens › hand-checked company, base life 2 years', () => {
  const lens = depreciationLens('Acme', acmeRows(), acmeParsed().values, { lifeFromData: false });
  const at = (life: number) => lens?.rows.find((r) => r.usefulLifeYears === life);

  test('lens year and reference › FY2025, 2 years', () => {
    expect(lens?.fiscalYear).toBe(2025);
    expect(lens?.referenceLifeYears).toBe(2);
    expect(lens?.rows.map((r) => r.usefulLifeYears)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  test('3-year life › less depreciation lifts OI, NI and EPS', () => {
    expect((at(3)?.depreciationUsd as number) / B).toBeCloseTo(29.166666667, 8);
    expect((at(3)?.operatingIncomeUsd as number) / B).toBeCloseTo(208.333333333, 8);
    expect((at(3)?.netIncomeUsd as number) / B).toBeCloseTo(156.25, 9);
    expect(at(3)?.epsUsd).toBeCloseTo(15.625, 9);
    expect(at(3)?.epsChange).toBeCloseTo(0.0416666667, 9);
    expect(at(3)?.aiRoic).toBeCloseTo(0.340909091, 8);
  });
  test('4-year life › EPS +6.25%', () => {
    expect(at(4)?.epsUsd).toBeCloseTo(15.9375, 9);
    expect(at(4)?.epsChange).toBeCloseTo(0.0625, 9);
  });
  test('base life › no change', () => {
    expect(at(2)?.depreciationChangeUsd).toBeCloseTo(0, 6);
    expect(at(2)?.epsChange).toBeCloseTo(0, 12);
  });
  test('1-year life › the 2024 vintage is already gone, FY2025 unchanged', () => {
    expect((at(1)?.depreciationUsd as number) / B).toBeCloseTo(37.5, 9);
    expect(at(1)?.epsChange).toBeCloseTo(0, 12);
  });
  test('no shares in the data › EPS missing, operating income still moves', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).shares_outstanding = null;
    const l = depreciationLens('Acme', rows, acmeParsed().values, { lifeFromData: false });
    const r3 = l?.rows.find((r) => r.usefulLifeYears === 3);
    expect(r3?.epsUsd).toBeNull();
    expect((r3?.operatingIncomeUsd as number) / B).toBeCloseTo(208.333333333, 8);
  });
});
