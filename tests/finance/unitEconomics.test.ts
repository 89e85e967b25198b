import { irr, npv, unitEconomics } from '../../src/finance';

/*
 * The worked example of docs/methodology.md ("One vintage by hand"): one dollar of AI capex under
 * the base scenario (y 0.35 at 70% utilization, q 1, margin 50%, tax 21%, WACC 9%, half compute
 * over 6 years, half facilities over 15, 20 MW per $1B at PUE 1.2 and $0.08/kWh):
 *   power per year    20e-9 MW × 8,760,000 kWh × 0.7 × 1.2 × 0.08 = 0.01177344
 *   EBITDA            0.35 × 0.5 − 0.01177344 = 0.16322656
 *   depreciation      0.5/6 + 0.5/15 = 0.11666667
 *   NOPAT             (0.16322656 − 0.11666667) × 0.79 = 0.03678232
 *   FCF               0.15344898 a year for 6 years, − 1 in year 1, + salvage 0.5 × (1 − 6/15) = 0.3 in year 6
 *   NPV               −1 + 0.15344898 × 4.88965126 + 0.3 / 1.09^5 = −0.05470857
 *   y*                0.35 + 0.05470857 / (0.5 × 0.79 × 4.88965126) = 0.37832568
 */
const BASE = {
  revenueYield: 0.35, utilizationFactor: 1, ageFactor: 1, ebitdaMargin: 0.5,
  powerCostPerUsd: 20e-9 * 8760 * 1000 * 0.7 * 1.2 * 0.08, computeShare: 0.5, computeLifeYears: 6,
  facilityLifeYears: 15, taxRate: 0.21, wacc: 0.09,
};

describe('unitEconomics › the worked example (docs/methodology.md)', () => {
  const u = unitEconomics(BASE);
  test('flows › six years of service, the outlay in the first, salvage in the last', () => {
    expect(u.flows.length).toBe(6);
    expect(u.ebitda[0]).toBeCloseTo(0.16322656, 8);
    expect(u.depreciation[0]).toBeCloseTo(0.11666667, 8);
    expect(u.nopat[0]).toBeCloseTo(0.03678232, 8);
    expect(u.flows[0]).toBeCloseTo(0.15344898 - 1, 8);
    expect(u.flows[3]).toBeCloseTo(0.15344898, 8);
    expect(u.salvage[5]).toBeCloseTo(0.3, 12);
    expect(u.flows[5]).toBeCloseTo(0.45344898, 8);
  });
  test('NPV per dollar › −0.0547', () => expect(u.npvPerUsd).toBeCloseTo(-0.05470857, 7));
  test('break-even yield › 0.3783, and NPV there is zero', () => {
    expect(u.breakEvenRevenueYield).toBeCloseTo(0.37832568, 7);
    const at = unitEconomics({ ...BASE, revenueYield: u.breakEvenRevenueYield as number });
    expect(Math.abs(at.npvPerUsd)).toBeLessThan(1e-12);
  });
  test('IRR and payback › those of its flows', () => {
    expect(u.irr).toEqual(irr(u.flows));
    expect(npv(0.09, u.flows)).toBeCloseTo(u.npvPerUsd, 14);
    expect(u.paybackYears).not.toBeNull();
  });
});

describe('unitEconomics › edges', () => {
  test('no margin › no break-even yield (revenue adds nothing)', () => {
    expect(unitEconomics({ ...BASE, ebitdaMargin: 0 }).breakEvenRevenueYield).toBeNull();
  });
  test('all compute › no facilities, no salvage', () => {
    const u = unitEconomics({ ...BASE, computeShare: 1 });
    expect(u.salvage.every((x) => x === 0)).toBe(true);
    expect(u.depreciation[0]).toBeCloseTo(1 / 6, 12);
  });
  test('computeShare 0 › throws', () => expect(() => unitEconomics({ ...BASE, computeShare: 0 })).toThrow(/computeShare/));
});
