import { ASSUMPTION_DEFS } from '../../src/report/assumptions';
import { clampedStep, npvTornado } from '../../src/report/tornado';
import { acmeParsed, acmeRows, B } from './fixtures';

/*
 * Without a terminal value the hand-checked flows (−30.3125, −3.125, 47.5 B on 31 December
 * 2024-2026, a year of 365 days apart) do not depend on the WACC, so the WACC bar is the NPV of
 * those flows at 9% and 11%:
 *   9%:  −30.3125 − 3.125/1.09 + 47.5/1.09² = 6.800327 B
 *   11%: −30.3125 − 3.125/1.11 + 47.5/1.11² = 5.424250 B
 */
describe('npvTornado › hand-checked company', () => {
  const bars = npvTornado('Acme', acmeRows(), acmeParsed().values, { lifeFromData: false });
  test('WACC ±1 point › NPV at 9% and 11%', () => {
    const w = bars.find((b) => b.key === 'wacc');
    expect(w?.low).toBeCloseTo(0.09, 12);
    expect(w?.high).toBeCloseTo(0.11, 12);
    expect((w?.npvLowUsd as number) / B).toBeCloseTo(-30.3125 - 3.125 / 1.09 + 47.5 / 1.09 ** 2, 8);
    expect((w?.npvHighUsd as number) / B).toBeCloseTo(-30.3125 - 3.125 / 1.11 + 47.5 / 1.11 ** 2, 8);
  });
  test('bars › sorted by swing, largest first', () => {
    const swings = bars.map((b) => Math.abs(b.npvHighUsd - b.npvLowUsd));
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
  });
  test('token deflation at 0 › the low side stops at 0 (its range edge)', () => {
    const t = bars.find((b) => b.key === 'tokenPriceDeflation');
    expect(t?.low).toBe(0);
    expect(t?.high).toBeCloseTo(0.1, 12);
  });
});

describe('clampedStep', () => {
  const def = (k: string) => ASSUMPTION_DEFS.find((d) => d.key === k)!;
  test('inside the range › moves by the step', () => expect(clampedStep(def('taxRate'), 0.21, -0.05)).toBeCloseTo(0.16, 12));
  test('below an inclusive minimum › stops at the minimum', () => expect(clampedStep(def('taxRate'), 0.02, -0.05)).toBe(0));
  test('life 1 minus 1 › stays at 1 (life 0 is invalid)', () => expect(clampedStep(def('gpuUsefulLifeYears'), 1, -1)).toBe(1));
});
