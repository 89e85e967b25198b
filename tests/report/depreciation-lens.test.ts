import { depreciationLens } from '../../src/report/depreciation-lens';
import { acmeParsed, acmeRows, B } from './fixtures';

/*
 * Hand check, lens year FY2025 (latest with income): base = every vintage on the user's 2 years,
 * so FY2025 AI depreciation = 25 + 25 = 50B. Reported OI 200B, NI 150B, 10B shares → EPS $15.
 *   3 years: 50/3 + 50/3 = 33.333B, ΔD = −16.667B → OI 216.667B, NI 150 + 16.667 × 0.75 = 162.5B,
 *            EPS 16.25 (+8.333%). AI ROIC FY2025: NOPAT (30 − 33.333) × 0.75 = −2.5B over
 *            average NBV (33.333 + 50)/2 = 41.667B → −0.06.
 *   4 years: 12.5 + 12.5 = 25B, ΔD = −25B → NI 168.75B, EPS 16.875 (+12.5%).
 *   1 year:  only the 2025 vintage, 50B → ΔD = 0, EPS unchanged.
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
    expect((at(3)?.depreciationUsd as number) / B).toBeCloseTo(33.333333333, 8);
    expect((at(3)?.operatingIncomeUsd as number) / B).toBeCloseTo(216.666666667, 8);
    expect((at(3)?.netIncomeUsd as number) / B).toBeCloseTo(162.5, 9);
    expect(at(3)?.epsUsd).toBeCloseTo(16.25, 9);
    expect(at(3)?.epsChange).toBeCloseTo(0.0833333333, 9);
    expect(at(3)?.aiRoic).toBeCloseTo(-0.06, 9);
  });
  test('4-year life › EPS +12.5%', () => {
    expect(at(4)?.epsUsd).toBeCloseTo(16.875, 9);
    expect(at(4)?.epsChange).toBeCloseTo(0.125, 9);
  });
  test('base life › no change', () => {
    expect(at(2)?.depreciationChangeUsd).toBeCloseTo(0, 6);
    expect(at(2)?.epsChange).toBeCloseTo(0, 12);
  });
  test('1-year life › the 2024 vintage is already gone, FY2025 unchanged', () => {
    expect((at(1)?.depreciationUsd as number) / B).toBeCloseTo(50, 9);
    expect(at(1)?.epsChange).toBeCloseTo(0, 12);
  });
  test('no shares in the data › EPS missing, operating income still moves', () => {
    const rows = acmeRows();
    (rows[1] as Record<string, unknown>).shares_outstanding = null;
    const l = depreciationLens('Acme', rows, acmeParsed().values, { lifeFromData: false });
    const r3 = l?.rows.find((r) => r.usefulLifeYears === 3);
    expect(r3?.epsUsd).toBeNull();
    expect((r3?.operatingIncomeUsd as number) / B).toBeCloseTo(216.666666667, 8);
  });
});
