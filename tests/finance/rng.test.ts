import { createRng } from '../../src/finance';

describe('createRng', () => {
  it('seed 42 › the same first numbers on every machine (pinned)', () => {
    const rng = createRng(42);
    expect([rng(), rng(), rng()]).toEqual([0.15377165318932384, 0.8504893007921055, 0.018084544339217246]);
  });

  it('the same seed › the same sequence', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
  });

  it('different seeds › different sequences', () => {
    const a = createRng(1);
    const b = createRng(2);
    let same = 0;
    for (let i = 0; i < 100; i++) if (a() === b()) same++;
    expect(same).toBe(0);
  });

  it('seed 0 › still a working generator', () => {
    const rng = createRng(0);
    const seen = new Set(Array.from({ length: 100 }, () => rng()));
    expect(seen.size).toBe(100);
  });

  it('values › strictly inside (0, 1), mean ≈ 1/2 and variance ≈ 1/12', () => {
    const rng = createRng(7);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng();
      if (!(u > 0 && u < 1)) outside++;
      sum += u;
      squares += u * u;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    // Standard error of the mean is sqrt(1/12 / n) ≈ 0.00065; allow 5 of them.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.0033);
    expect(Math.abs(squares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('buckets › roughly uniform (chi-square, 20 bins, well below the 0.1% critical value 43.8)', () => {
    const rng = createRng(99);
    const bins = new Array<number>(20).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) bins[Math.floor(rng() * 20)]! += 1;
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + ((o - expected) * (o - expected)) / expected, 0);
    expect(chi2).toBeLessThan(43.8);
  });

  it('invalid seed › throws a RangeError naming it', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow('seed');
  });
});
