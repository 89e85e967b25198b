import { olsFit, studentTCdf, studentTQuantile } from '../../src/models/regression';

describe('olsFit', () => {
  // Anscombe, "Graphs in Statistical Analysis", The American Statistician 27 (1973): data set I
  // fits y = 3.00 + 0.500 x, with regression sum of squares 27.50, residual sum of squares 13.76
  // (9 df), r = 0.816, standard error of the slope 0.118.
  const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

  it('Anscombe I › slope 0.5001, intercept 3.0001, R² 0.6665, slope SE 0.1179 (±5e-5)', () => {
    const f = olsFit(x, y);
    expect(f).not.toBeNull();
    expect(f!.n).toBe(11);
    expect(f!.df).toBe(9);
    expect(Math.abs(f!.slope - 0.5001)).toBeLessThan(5e-5);
    expect(Math.abs(f!.intercept - 3.0001)).toBeLessThan(5e-5);
    expect(Math.abs(f!.r2 - 0.6665)).toBeLessThan(5e-5);
    expect(Math.abs(f!.slopeStdError - 0.1179)).toBeLessThan(5e-5);
  });

  it('an exactly constructed series › y = 1 + 2x ± 1 alternately at x = 0..3 › slope 1.6, SE √(3.2/2/5) = 0.5657', () => {
    // Residuals about the fitted line are computed by hand: ȳ = 4, Σ(x−x̄)² = 5, Σ(x−x̄)(y−ȳ) = 8.
    const f = olsFit([0, 1, 2, 3], [2, 2, 6, 6]);
    expect(f!.slope).toBeCloseTo(1.6, 12);
    expect(f!.intercept).toBeCloseTo(1.6, 12);
    expect(f!.slopeStdError).toBeCloseTo(Math.sqrt(3.2 / 2 / 5), 12);
    expect(f!.r2).toBeCloseTo(12.8 / 16, 12);
  });

  it('one x only, or fewer than two points › null; unequal lengths › RangeError', () => {
    expect(olsFit([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(olsFit([1], [1])).toBeNull();
    expect(() => olsFit([1, 2], [1])).toThrow(RangeError);
  });
});

describe('studentTQuantile', () => {
  // Printed t tables (one-sided 0.05, i.e. two-sided 90%): df 1 6.314, 2 2.920, 5 2.015, 9 1.833, 10 1.812, 30 1.697.
  it.each([
    [1, 6.314],
    [2, 2.92],
    [5, 2.015],
    [9, 1.833],
    [10, 1.812],
    [30, 1.697],
  ])('p 0.95, df %d › %f (±5e-4)', (df, t) => {
    expect(Math.abs(studentTQuantile(0.95, df) - t)).toBeLessThan(5e-4);
  });

  it('df 1 is the Cauchy distribution › quantile tan(π(p − ½)) to 1e-6, CDF(1) = 3/4 to 1e-9', () => {
    expect(Math.abs(studentTQuantile(0.95, 1) - Math.tan(Math.PI * 0.45))).toBeLessThan(1e-6);
    expect(Math.abs(studentTCdf(1, 1) - 0.75)).toBeLessThan(1e-9);
  });

  it('symmetry › the 5% quantile is minus the 95%', () => {
    expect(studentTQuantile(0.05, 7)).toBeCloseTo(-studentTQuantile(0.95, 7), 10);
  });
});
