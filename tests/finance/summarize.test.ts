import { probability, summarize } from '../../src/finance';

describe('summarize', () => {
  it('2, 4, 4, 4, 5, 5, 7, 9 › mean 5, sample sd √(32/7)', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect([s.min, s.max]).toEqual([2, 9]);
  });

  it('1..5 › percentiles by linear interpolation', () => {
    expect(summarize([5, 4, 3, 2, 1])).toMatchObject({ p5: 1.2, p10: 1.4, p50: 3, p90: 4.6, p95: 4.8 });
  });

  it('large offset › two-pass variance keeps its digits', () => {
    const s = summarize([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(s.sd).toBeCloseTo(Math.sqrt(30), 9);
  });

  it('one value › sd null; no finite value › all null', () => {
    expect(summarize([3]).sd).toBeNull();
    expect(summarize([Number.NaN])).toEqual({
      count: 0, mean: null, sd: null, min: null, max: null, p5: null, p10: null, p50: null, p90: null, p95: null,
    });
  });
});

describe('probability', () => {
  it('NPV > 0 in 3 of 4 trials › 0.75', () => {
    expect(probability([-5, 10, 20, 30], (v) => v > 0)).toBe(0.75);
  });

  it('non-finite outcomes › left out of the denominator', () => {
    expect(probability([Number.NaN, 1, -1], (v) => v > 0)).toBe(0.5);
  });

  it('no finite outcome › null', () => {
    expect(probability([], () => true)).toBeNull();
  });
});
