import { convergenceSeries, createRng, varianceContribution } from '../../src/finance';
import { expectAbsClose } from './support/tolerance';

describe('varianceContribution', () => {
  // Constructed: output = 3a + b with a, b independent uniforms; Var = 9/12 + 1/12, so a explains
  // 0.9 of it. Rank correlations of uniforms with the sum give shares close to that; the shares
  // always sum to 1.
  it('output = 3a + b › a has most of the variance, shares sum to 1, signs kept', () => {
    const rng = createRng(8);
    const n = 20_000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = rng();
      b[i] = -rng();
      out[i] = 3 * (a[i] as number) + (b[i] as number);
    }
    const result = varianceContribution([{ name: 'b', values: b }, { name: 'a', values: a }], out);
    expect(result.map((r) => r.name)).toEqual(['a', 'b']);
    expectAbsClose(result[0]!.share + result[1]!.share, 1, 1e-12);
    expectAbsClose(result[0]!.share, 0.9, 0.02);
    expect(result[1]!.rankCorrelation).toBeGreaterThan(0);
  });

  it('exact small case › ρ²/Σρ²', () => {
    // x is monotone in the output (ρ = 1); y reversed except one swap (scipy.stats.spearmanr: −0.9).
    const out = [1, 2, 3, 4, 5];
    const r = varianceContribution([{ name: 'x', values: [10, 20, 30, 40, 50] }, { name: 'y', values: [5, 4, 2, 3, 1] }], out);
    expectAbsClose(r[1]!.rankCorrelation, -0.9, 1e-12);
    expectAbsClose(r[0]!.share, 1 / (1 + 0.81), 1e-12);
  });

  it('no input correlates › []', () => {
    expect(varianceContribution([{ name: 'c', values: [1, 1, 1] }], [1, 2, 3])).toEqual([]);
  });
});

describe('convergenceSeries', () => {
  it('running mean and P50 at evenly spaced trial counts', () => {
    expect(convergenceSeries([4, 2, 6, 8], 2)).toEqual([
      { trials: 2, mean: 3, p50: 3 },
      { trials: 4, mean: 5, p50: 5 },
    ]);
  });
  it('non-finite outcomes count as trials but not in the statistics', () => {
    expect(convergenceSeries([Number.NaN, 2, 6], 1)).toEqual([{ trials: 3, mean: 4, p50: 4 }]);
    expect(convergenceSeries([Number.NaN], 1)).toEqual([{ trials: 1, mean: null, p50: null }]);
  });
  it('more points than trials › one point per trial count', () => {
    expect(convergenceSeries([1, 3], 10).map((p) => p.trials)).toEqual([1, 2]);
  });
  it('points not a whole number ≥ 1 › RangeError', () => {
    expect(() => convergenceSeries([1], 0)).toThrow(RangeError);
  });
});
