import fc from 'fast-check';
import { costPerPoint, costRatios, fitCostTrend, topNPerYear, yearFraction, type CostPoint } from '../../src/models/trend';

describe('yearFraction', () => {
  it('1 January › the year itself', () => {
    expect(yearFraction('2024-01-01')).toBe(2024);
  });
  it('2 July 2024 (day 183 of a leap year) › 2024 + 183/365.25', () => {
    expect(yearFraction('2024-07-02')).toBeCloseTo(2024 + 183 / 365.25, 12);
  });
  it('impossible or malformed dates › null', () => {
    expect(yearFraction('2023-02-30')).toBeNull();
    expect(yearFraction('May 2023')).toBeNull();
    expect(yearFraction(null)).toBeNull();
  });
});

describe('fitCostTrend', () => {
  // Epoch AI ("How much does it cost to train frontier AI models?", 2024): frontier training cost grows ≈ 2.4× a year.
  it('costs growing exactly 2.4× a year › growth factor 2.4, doubling ln2/ln2.4 ≈ 0.792 years, R² 1', () => {
    const pts: CostPoint[] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) => ({ model: `m${k}`, year: 2016 + k, costUsd: 1e5 * 2.4 ** k }));
    const fit = fitCostTrend(pts);
    expect(fit.kind).toBe('ok');
    if (fit.kind !== 'ok') return;
    expect(fit.growthPerYear).toBeCloseTo(2.4, 9);
    expect(fit.doublingMonths).toBeCloseTo((12 * Math.log(2)) / Math.log(2.4), 9);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(fit.n).toBe(9);
  });

  it('scatter around the line › R² strictly between 0 and 1', () => {
    const pts: CostPoint[] = [
      { model: 'a', year: 2020, costUsd: 1e6 },
      { model: 'b', year: 2021, costUsd: 5e6 },
      { model: 'c', year: 2022, costUsd: 2e6 },
      { model: 'd', year: 2023, costUsd: 3e7 },
    ];
    const fit = fitCostTrend(pts);
    expect(fit.kind === 'ok' && fit.r2).toBeGreaterThan(0);
    expect(fit.kind === 'ok' && fit.r2).toBeLessThan(1);
  });

  it('falling costs › no doubling time › null', () => {
    const fit = fitCostTrend([2020, 2021, 2022].map((y, k) => ({ model: `m${k}`, year: y, costUsd: 1e6 / 2 ** k })));
    expect(fit.kind === 'ok' && fit.growthPerYear).toBeCloseTo(0.5, 9);
    expect(fit.kind === 'ok' && fit.doublingMonths).toBeNull();
  });

  it('fewer than three usable points › too-few, counting only positive costs', () => {
    const fit = fitCostTrend([
      { model: 'a', year: 2020, costUsd: 1 },
      { model: 'b', year: 2021, costUsd: 0 },
      { model: 'c', year: 2022, costUsd: 3 },
    ]);
    expect(fit).toMatchObject({ kind: 'too-few', n: 2 });
  });

  it('property › any exact exponential › growth factor recovered to 1e-6', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 10, noNaN: true }), fc.double({ min: 1e3, max: 1e9, noNaN: true }), (g, base) => {
        const pts = [0, 1, 2, 3, 4].map((k) => ({ model: `m${k}`, year: 2018 + k * 0.7, costUsd: base * g ** (k * 0.7) }));
        const fit = fitCostTrend(pts);
        return fit.kind === 'ok' && Math.abs(fit.growthPerYear / g - 1) < 1e-6;
      }),
    );
  });
});

describe('topNPerYear', () => {
  it('three models in 2023, top 2 › keeps the two most expensive of each year, in input order', () => {
    const pts: CostPoint[] = [
      { model: 'a', year: 2023.1, costUsd: 5 },
      { model: 'b', year: 2023.5, costUsd: 50 },
      { model: 'c', year: 2023.9, costUsd: 10 },
      { model: 'd', year: 2024.2, costUsd: 1 },
    ];
    expect(topNPerYear(pts, 2).map((p) => p.model)).toEqual(['b', 'c', 'd']);
    expect(pts).toHaveLength(4);
  });
  it('topN of 0 › RangeError', () => {
    expect(() => topNPerYear([], 0)).toThrow(RangeError);
  });
});

describe('costRatios', () => {
  it('two models in one year › ratio to the cheapest › cheapest is 1', () => {
    // DeepSeek-V3 $5.576M (tech report) vs GPT-4 $40.59M (Epoch excerpt, 2023 USD) put in one year for the test.
    const r = costRatios([
      { model: 'V3', year: 2024.9, costUsd: 5_576_000 },
      { model: 'big', year: 2024.2, costUsd: 40_586_592.58 },
      { model: 'other-year', year: 2023.5, costUsd: 1 },
    ]);
    expect(r.find((x) => x.model === 'big')).toMatchObject({ cheapestModel: 'V3', ratio: 40_586_592.58 / 5_576_000 });
    expect(r.find((x) => x.model === 'V3')?.ratio).toBe(1);
    expect(r.find((x) => x.model === 'other-year')?.ratio).toBe(1);
  });
});

describe('costPerPoint', () => {
  it('cost and a score › cost ÷ score', () => {
    expect(costPerPoint(5_576_000, 88.5)).toBeCloseTo(63_005.65, 1);
  });
  it('missing or zero score › null', () => {
    expect(costPerPoint(1, null)).toBeNull();
    expect(costPerPoint(1, 0)).toBeNull();
  });
});
