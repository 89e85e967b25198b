import { convergenceSeries, pert, varianceContribution } from '../../src/finance';
import { convergenceChart, varianceTornadoChart } from '../../src/report/mc-charts';
import { describeDistribution, parseDistribution, parseMcInputs } from '../../src/report/mc-inputs';

describe('mc-inputs › distributions typed on the form', () => {
  it('each of the five kinds, percentages allowed, and written back the same way', () => {
    expect(parseDistribution('pert(10%, 25%, 40%)')).toEqual({ dist: { kind: 'pert', min: 0.1, mode: 0.25, max: 0.4 } });
    expect(parseDistribution('Normal(0.25, 0.1)')).toEqual({ dist: { kind: 'normal', mean: 0.25, sd: 0.1 } });
    expect(parseDistribution('lognormal(0, 0.5)')).toEqual({ dist: { kind: 'lognormal', mu: 0, sigma: 0.5 } });
    expect(parseDistribution('triangular(0.3, 0.5, 0.6)')).toEqual({ dist: { kind: 'triangular', min: 0.3, mode: 0.5, max: 0.6 } });
    expect(parseDistribution('uniform(0.08,0.11)')).toEqual({ dist: { kind: 'uniform', min: 0.08, max: 0.11 } });
    expect(describeDistribution(pert(0.1, 0.25, 0.4))).toBe('pert(0.1, 0.25, 0.4)');
  });
  it('refused with the reason: unknown kind, wrong count, not a number, bad order', () => {
    expect(parseDistribution('beta(1, 2)')).toEqual({ message: 'Unknown distribution "beta"; use one of normal, lognormal, triangular, uniform, pert.' });
    expect(parseDistribution('pert(1, 2)')).toEqual({ message: 'pert takes 3 numbers (min, mode, max), got 2.' });
    expect(parseDistribution('normal(abc, 1)')).toEqual({ message: 'normal\'s mean must be a number, got "abc".' });
    expect(parseDistribution('pert(0.5, 0.2, 0.9)')).toEqual({ message: 'pert: mode must be ≥ min, got 0.2 < 0.5.' });
    expect(parseDistribution('normal(0, -1)')).toMatchObject({ message: expect.stringMatching(/sd must be/) });
    expect(parseDistribution('pert')).toMatchObject({ message: expect.stringMatching(/kind\(parameters\)/) });
  });
});

describe('mc-inputs › query', () => {
  it('distributions by input and correlation pairs', () => {
    const r = parseMcInputs({ 'mc.aiRevenueGrowth': 'pert(0.1, 0.25, 0.4)', 'mc.wacc': '', mcCorrelations: 'aiRevenueGrowth aiEbitdaMargin 0.6; wacc, aiCapexShare, -0.2' });
    expect(r.problems).toEqual([]);
    expect(r.distributions).toEqual({ aiRevenueGrowth: { kind: 'pert', min: 0.1, mode: 0.25, max: 0.4 } });
    expect(r.correlations).toEqual([
      { a: 'aiRevenueGrowth', b: 'aiEbitdaMargin', rankCorrelation: 0.6 },
      { a: 'wacc', b: 'aiCapexShare', rankCorrelation: -0.2 },
    ]);
  });
  it('pairs that cannot hold together › refused naming the pair', () => {
    const r = parseMcInputs({ mcCorrelations: 'aiRevenueGrowth aiEbitdaMargin 0.9\naiEbitdaMargin wacc 0.9\naiRevenueGrowth wacc -0.9' });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.key).toBe('mcCorrelations');
    expect(r.problems[0]?.message).toMatch(/not positive semi-definite.*aiRevenueGrowth and wacc/);
  });
  it('unknown input, bad number, duplicate pair, unknown mc key › each named', () => {
    const r = parseMcInputs({ 'mc.capex': 'normal(1, 1)', mcCorrelations: 'growth wacc 0.5; wacc aiCapexShare 2; wacc aiCapexShare 0.1; aiCapexShare wacc 0.2' });
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^mc\.capex: not an uncertain input/),
      expect.stringMatching(/growth is not an uncertain input/),
      expect.stringMatching(/from −1 to 1, got "2"/),
      expect.stringMatching(/given twice/),
    ]);
  });
});

describe('mc-charts', () => {
  it('convergence › two lines against trials', () => {
    const c = convergenceChart(convergenceSeries([4, 2, 6, 8], 2));
    expect(c.data.labels).toEqual([2, 4]);
    expect(c.data.datasets.map((d) => d.data)).toEqual([[3, 5], [3, 5]]);
  });
  it('variance tornado › shares, largest first, coloured by direction', () => {
    const shares = varianceContribution([{ name: 'x', values: [1, 2, 3, 4] }, { name: 'y', values: [4, 3, 1, 2] }], [1, 2, 3, 4]);
    const c = varianceTornadoChart(shares, { x: 'Growth' });
    expect(c.data.labels).toEqual(['Growth', 'y']);
    expect(c.data.datasets[0]?.backgroundColor).toEqual(['#3a8f5c', '#b5482f']);
  });
});
