import fc from 'fast-check';
import { percentile, percentiles } from '../../src/finance';

/** Reference: sort, then interpolate at (n − 1)·p (PERCENTILE.INC, numpy 'linear'). */
function sortedPercentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const k = Math.floor(h);
  const lo = s[k] as number;
  return h > k ? lo + (h - k) * ((s[k + 1] as number) - lo) : lo;
}

describe('percentile', () => {
  // Excel PERCENTILE.INC documentation example: =PERCENTILE.INC({1,2,3,4}, 0.3) → 1.9.
  it('Excel PERCENTILE.INC example › 1.9', () => {
    expect(percentile([1, 3, 2, 4], 0.3)).toBeCloseTo(1.9, 12);
  });

  // numpy.percentile documentation: np.percentile([[10, 7, 4], [3, 2, 1]], 50) → 3.5.
  it('numpy percentile example › 3.5', () => {
    expect(percentile([10, 7, 4, 3, 2, 1], 0.5)).toBe(3.5);
  });

  it('ends › the minimum and the maximum', () => {
    expect(percentiles([5, 1, 9, 3], [0, 1])).toEqual([1, 9]);
  });

  it('non-finite values › are ignored; none left › null', () => {
    expect(percentile([Number.NaN, 2, Number.POSITIVE_INFINITY, 4], 0.5)).toBe(3);
    expect(percentile([Number.NaN], 0.5)).toBeNull();
    expect(percentile([], 0.5)).toBeNull();
  });

  it('property › matches sorting, for several quantiles asked in any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, ps) => {
          const got = percentiles(values, ps);
          ps.forEach((p, i) => {
            const want = sortedPercentile(values, p);
            expect(Math.abs((got[i] as number) - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
          });
        },
      ),
    );
  });

  it('input › is not reordered', () => {
    const values = Float64Array.from([3, 1, 2]);
    percentile(values, 0.5);
    expect([...values]).toEqual([3, 1, 2]);
  });

  it.each([
    ['p', () => percentile([1, 2], 1.5)],
    ['p', () => percentile([1, 2], Number.NaN)],
    ['ps[1]', () => percentiles([1, 2], [0.5, -0.1])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
