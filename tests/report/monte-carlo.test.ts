import { parseAssumptions } from '../../src/report/assumptions';
import { buildCompanyModel, planCompany } from '../../src/report/company-model';
import { companyMonteCarlo, histogram, MC_TRIALS_PER_REPORT, trialsPerCompany } from '../../src/report/monte-carlo';
import { npvHistogramChart } from '../../src/report/company-report';
import { ACME_QUERY, acmeRows, B } from './fixtures';

/*
 * The hand-checked Acme program (tests/report/company-model.test.ts): flows −30.3125, −3.125,
 * 47.5 B on 31 December 2024-2026; NPV at 10% and 2024-12-31 6.102789 B; IRR 0.201317; payback
 * 1.704 years. Its AI share of capex comes from the data (0.5), so the scenario's share and its
 * spread do not move it.
 */
const mcOf = (extra: Record<string, string>) => {
  const a = parseAssumptions({ ...ACME_QUERY, ...extra }).values;
  const plan = planCompany('Acme', acmeRows(), a, { lifeFromData: false });
  if (!plan) throw new Error('plan expected');
  return companyMonteCarlo(plan, a, '2024-12-31');
};
const NO_SPREAD = { mcGrowthSd: '0', mcMarginSpread: '0', mcCapexShareSpread: '0', mcWaccSd: '0' };

describe('companyMonteCarlo › zero spreads', () => {
  // Every distribution collapses to its centre (normal sd 0, triangular and uniform of width 0),
  // so every trial is the deterministic model.
  const mc = mcOf({ ...NO_SPREAD, mcTrials: '50' });
  test('NPV › every trial equals the deterministic NPV 6.102789 B', () => {
    const det = buildCompanyModel('Acme', acmeRows(), parseAssumptions(ACME_QUERY).values, { lifeFromData: false })!.npvUsd;
    expect(mc.npv.min).toBeCloseTo(det, 0);
    expect(mc.npv.max).toBeCloseTo(det, 0);
    expect((mc.npv.p50 as number) / B).toBeCloseTo(6.102789256, 8);
    expect(mc.npv.sd).toBeLessThan(1e-12 * det); // floating-point residue of the mean only
    expect(mc.probNpvPositive).toBe(1);
  });
  test('IRR and payback › the deterministic 20.13% and 1.704 years, within the 4-year horizon', () => {
    expect(mc.irr.p10).toBeCloseTo(0.201317264, 8);
    expect(mc.irr.p90).toBeCloseTo(0.201317264, 8);
    expect(mc.payback.p50).toBeCloseTo(1.703947368, 8);
    expect(mc.probPaybackWithinHorizon).toBe(1);
    expect(mc.trialsWithoutIrr).toBe(0);
  });
  test('histogram › one bin holding all 50 trials', () => {
    expect(mc.histogram.counts).toEqual([50]);
  });
});

describe('companyMonteCarlo › reproducible', () => {
  test('same seed › same numbers; another seed › other numbers', () => {
    const a = mcOf({ mcTrials: '500', mcSeed: '7' });
    const b = mcOf({ mcTrials: '500', mcSeed: '7' });
    const c = mcOf({ mcTrials: '500', mcSeed: '8' });
    expect(b).toEqual(a);
    expect(c.npv.p50).not.toBe(a.npv.p50);
    expect(a.trials).toBe(500);
    expect(a.seed).toBe(7);
  });
});

describe('companyMonteCarlo › only the WACC varies, centred on the IRR', () => {
  // With the scenario WACC at the IRR (0.2013173), NPV at the centre is 0 and NPV falls as the
  // WACC rises, so NPV > 0 exactly when the drawn WACC is below its mean: half the trials of a
  // symmetric normal (binomial sd √(0.25/4000) ≈ 0.008, so ±0.03 is about 4 sd). The flows do not
  // depend on the WACC (no terminal value), so every trial has the same IRR and payback.
  const mc = mcOf({ ...NO_SPREAD, wacc: '0.2013172640', mcWaccSd: '0.05', mcTrials: '4000' });
  test('P(NPV > 0) › about one half', () => expect(Math.abs((mc.probNpvPositive as number) - 0.5)).toBeLessThan(0.03));
  test('IRR › the same in every trial', () => {
    expect(mc.irr.min).toBeCloseTo(0.201317264, 8);
    expect(mc.irr.max).toBeCloseTo(0.201317264, 8);
  });
  test('NPV P50 › near zero (a few % of the P10-P90 range)', () => {
    expect(Math.abs(mc.npv.p50 as number)).toBeLessThan(0.05 * ((mc.npv.p90 as number) - (mc.npv.p10 as number)));
  });
});

describe('companyMonteCarlo › value-driver terminal value with the WACC drawn below the growth', () => {
  // WACC ~ normal(10%, 5%): P(WACC ≤ 2%) = Φ(−1.6) ≈ 5.5%, so about 110 of 2,000 trials have no
  // terminal value and no answer; they are counted, not summarised.
  const mc = mcOf({ ...NO_SPREAD, capacityAfterData: 'sustain', terminalMethod: 'value-driver', terminalGrowth: '0.02', mcWaccSd: '0.05', mcTrials: '2000' });
  test('excluded trials › counted, about 5.5%', () => {
    expect(mc.excludedTrials).toBeGreaterThan(60);
    expect(mc.excludedTrials).toBeLessThan(170);
    expect(mc.npv.count + mc.excludedTrials).toBe(2000);
  });
});

describe('histogram', () => {
  test('equal bins from min to max › the maximum counts in the last bin; non-finite left out', () => {
    expect(histogram([0, 1, 2, 3, 4, NaN], 0, 4, 4)).toEqual({ binStartsUsd: [0, 1, 2, 3], binWidthUsd: 1, counts: [1, 1, 1, 2] });
  });
  test('chart › bars at bin centres on a linear money axis, red below zero', () => {
    const c = npvHistogramChart({ ...mcOf({ ...NO_SPREAD, mcTrials: '10' }), histogram: { binStartsUsd: [-2, 0], binWidthUsd: 2, counts: [3, 7] } });
    expect(c.data.datasets[0]?.data).toEqual([{ x: -1, y: 3 }, { x: 1, y: 7 }]);
    expect(c.options.scales?.x?.type).toBe('linear');
    expect(c.options.meta.xFormat).toBe('money');
    const colours = c.data.datasets[0]?.backgroundColor as string[];
    expect(colours[0]).not.toBe(colours[1]);
  });
});

describe('trialsPerCompany › a report shares one trial budget among its companies', () => {
  test('the built-in four at the largest trial count › every company gets what was asked', () => {
    expect(trialsPerCompany(20_000, 4)).toBe(20_000);
    expect(4 * 20_000).toBeLessThanOrEqual(MC_TRIALS_PER_REPORT);
  });
  test('1,000 companies at 2,000 › 100 each, the report at its budget', () => {
    expect(trialsPerCompany(2000, 1000)).toBe(100);
    expect(1000 * trialsPerCompany(2000, 1000)).toBe(MC_TRIALS_PER_REPORT);
  });
  test('never under 100 a company, never above the asked number', () => {
    expect(trialsPerCompany(2000, 5000)).toBe(100);
    expect(trialsPerCompany(50, 5000)).toBe(50);
  });
});
