import { monteCarlo, pert, pertMoments, percentile } from '../../src/finance';
import { expectAbsClose } from './support/tolerance';

/** 200,000 draws of pert(min, mode, max) through monteCarlo's own sampler. */
function draws(min: number, mode: number, max: number, seed = 5): Float64Array {
  return monteCarlo(({ x }) => x, { x: pert(min, mode, max) }, { trials: 200_000, seed }).values;
}

function moments(v: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) ** 2;
  return { mean, variance: q / (v.length - 1) };
}

describe('pert', () => {
  it('pertMoments › mean (a + 4m + b) / 6 and variance (μ − a)(b − μ) / 7', () => {
    expect(pertMoments(0, 3, 12)).toEqual({ mean: 4, variance: 32 / 7 });
    // Symmetric PERT(0, 0.5, 1) is Beta(3, 3): variance 3·3 / (6² · 7) = 1/28.
    expectAbsClose(pertMoments(0, 0.5, 1).variance, 1 / 28, 1e-15);
  });

  // PERT(0, 3, 12) is 12 × Beta(2, 4): scipy.stats.beta gives P(X < 3) = cdf(0.25, 2, 4) = 0.3671875
  // and P90 = 12 × ppf(0.9, 2, 4) = 7.006684495434348. Tolerances: about five standard errors for
  // 200,000 draws.
  it('pert(0, 3, 12) › sample mean, variance, CDF at the mode and P90 match Beta(2, 4) scaled to [0, 12]', () => {
    const v = draws(0, 3, 12);
    const m = moments(v);
    expectAbsClose(m.mean, 4, 0.025);
    expectAbsClose(m.variance, 32 / 7, 0.05);
    expectAbsClose(v.filter((x) => x < 3).length / v.length, 0.3671875, 0.006);
    expectAbsClose(percentile(v, 0.9), 7.006684495434348, 0.04);
  });

  it('pert › stays within [min, max], and min = mode = max gives the constant', () => {
    const v = draws(-2, -1.5, 4);
    expect(Math.min(...v.slice(0, 50_000))).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...v.slice(0, 50_000))).toBeLessThanOrEqual(4);
    expect([...draws(3, 3, 3).slice(0, 3)]).toEqual([3, 3, 3]);
  });

  it('pert with the mode at an end › still the PERT mean (Beta(1, 5))', () => {
    expectAbsClose(moments(draws(0, 0, 6)).mean, 1, 0.01);
  });

  it('pert › refuses a mode outside [min, max], naming it', () => {
    expect(() => pert(1, 0, 2)).toThrow(/mode must be ≥ min/);
    expect(() => pert(0, 3, 2)).toThrow(/max must be ≥ mode/);
    expect(() => pert(0, Number.NaN, 2)).toThrow(/mode must be a finite number/);
  });

  it('pert › same seed, same draws', () => {
    expect(draws(0, 1, 5, 9).slice(0, 10)).toEqual(draws(0, 1, 5, 9).slice(0, 10));
  });
});
