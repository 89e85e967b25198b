import { spearman } from '../../src/finance';
import { sortedOrder } from '../../src/finance/internal/ranks';
import { expectAbsClose } from './support/tolerance';

// Reference values from scipy.stats.spearmanr (average ranks for ties).
describe('spearman', () => {
  it('no ties › matches scipy', () => {
    expectAbsClose(spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 0.8207826816681233, 1e-12);
  });
  it('ties in both › matches scipy (average ranks)', () => {
    expectAbsClose(spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]), 0.19885368120992467, 1e-12);
  });
  it('monotone decreasing › −1, whatever the spacing', () => {
    expect(spearman([1, 2, 3], [30, 20, -1e9])).toBe(-1);
  });
  it('pairs with a non-finite value are left out', () => {
    expectAbsClose(spearman([1, 2, Number.NaN, 3, 4, 5], [5, 6, 0, 7, 8, 7]), 0.8207826816681233, 1e-12);
  });
  it('no spread › null; different lengths › RangeError', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});

describe('sortedOrder (internal radix argsort)', () => {
  it('matches a stable comparison sort on negatives, zeros, −0, duplicates and extremes', () => {
    const values = [3, -1, 0, -0, 2.5, -1, 1e300, -1e300, 5e-324, -5e-324, 3, 0.1, -0.1, 42];
    for (let i = 0; i < 2000; i++) values.push(Math.round(Math.sin(i) * 1000) / 7);
    const expected = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
    expect([...sortedOrder(values)]).toEqual(expected);
  });

  it('short arrays (comparison sort) and long ones (radix) give the same order, NaN last', () => {
    const long: number[] = [];
    for (let i = 0; i < 6000; i++) long.push(i % 97 === 0 ? Number.NaN : i % 13 === 0 ? -0 : Math.round(Math.cos(i) * 500) / 3);
    const short = long.slice(0, 1500);
    const byComparison = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => {
      const x = xs[a] as number;
      const y = xs[b] as number;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) === Number.isNaN(y) ? a - b : Number.isNaN(x) ? 1 : -1;
      return x - y || a - b;
    });
    expect([...sortedOrder(short)]).toEqual(byComparison(short));
    expect([...sortedOrder(long)]).toEqual(byComparison(long));
  });
});
