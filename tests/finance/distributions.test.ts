import { discrete, lognormal, monteCarlo, normal, triangular, uniform, type Distribution } from '../../src/finance';

/** 200,000 draws of one distribution through monteCarlo's own sampler. */
function draws(dist: Distribution, seed = 11): Float64Array {
  return monteCarlo(({ x }) => x, { x: dist }, { trials: 200_000, seed }).values;
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function min(values: Float64Array): number {
  let m = Infinity;
  for (const v of values) m = Math.min(m, v);
  return m;
}

function max(values: Float64Array): number {
  let m = -Infinity;
  for (const v of values) m = Math.max(m, v);
  return m;
}

function sd(values: Float64Array): number {
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) * (v - m);
  return Math.sqrt(s / (values.length - 1));
}

// Tolerances are five standard errors of the estimate for 200,000 draws.
describe('distributions', () => {
  it('normal(5, 2) › mean 5 and sd 2', () => {
    const v = draws(normal(5, 2));
    expect(Math.abs(mean(v) - 5)).toBeLessThan((5 * 2) / Math.sqrt(v.length));
    expect(Math.abs(sd(v) - 2)).toBeLessThan(0.02);
  });

  it('lognormal(ln 20, 0.25) › median 20 and mean exp(mu + sigma²/2)', () => {
    const v = draws(lognormal(Math.log(20), 0.25));
    const sorted = Float64Array.from(v).sort();
    expect(Math.abs((sorted[v.length / 2] as number) - 20)).toBeLessThan(0.06);
    expect(Math.abs(mean(v) - 20 * Math.exp(0.25 ** 2 / 2))).toBeLessThan(0.06);
    expect(sorted[0] as number).toBeGreaterThan(0);
  });

  it('triangular(80, 100, 130) › within [80, 130], mean (a + b + c) / 3', () => {
    const v = draws(triangular(80, 100, 130));
    expect(min(v)).toBeGreaterThanOrEqual(80);
    expect(max(v)).toBeLessThanOrEqual(130);
    expect(Math.abs(mean(v) - 310 / 3)).toBeLessThan(0.12);
    // P(X < mode) = (mode − min) / (max − min) = 0.4.
    expect(Math.abs(v.filter((x) => x < 100).length / v.length - 0.4)).toBeLessThan(0.006);
  });

  it('triangular with min = mode = max › the constant', () => {
    expect([...draws(triangular(3, 3, 3)).slice(0, 5)]).toEqual([3, 3, 3, 3, 3]);
  });

  it('uniform(0.08, 0.11) › within range, mean 0.095', () => {
    const v = draws(uniform(0.08, 0.11));
    expect(min(v)).toBeGreaterThanOrEqual(0.08);
    expect(max(v)).toBeLessThan(0.11);
    expect(Math.abs(mean(v) - 0.095)).toBeLessThan(0.0001);
  });

  it('discrete([4, 5, 6], [0.2, 0.3, 0.5]) › each value at its frequency', () => {
    const v = draws(discrete([4, 5, 6], [0.2, 0.3, 0.5]));
    const share = (k: number): number => v.filter((x) => x === k).length / v.length;
    expect(Math.abs(share(4) - 0.2)).toBeLessThan(0.005);
    expect(Math.abs(share(5) - 0.3)).toBeLessThan(0.006);
    expect(Math.abs(share(6) - 0.5)).toBeLessThan(0.006);
  });

  it('factories › return plain data a scenario can store as JSON', () => {
    expect(JSON.parse(JSON.stringify(triangular(1, 2, 3)))).toEqual({ kind: 'triangular', min: 1, mode: 2, max: 3 });
  });

  it.each([
    ['sd', () => normal(0, -1)],
    ['mean', () => normal(Number.NaN, 1)],
    ['sigma', () => lognormal(0, -0.1)],
    ['mode', () => triangular(5, 4, 6)],
    ['max', () => triangular(1, 4, 3)],
    ['max', () => uniform(2, 1)],
    ['probabilities', () => discrete([1, 2], [0.5, 0.6])],
    ['probabilities[1]', () => discrete([1, 2], [1.5, -0.5])],
    ['probabilities', () => discrete([1, 2], [1])],
    ['values', () => discrete([], [])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
