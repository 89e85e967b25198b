import fc from 'fast-check';
import { irr, xirr, xnpv, type IrrResult } from '../../src/finance';
import { conventionalFlows } from './support/arbitraries';
import { expectRelClose } from './support/tolerance';

const values = [-10000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

function rateOf(result: IrrResult): number {
  if (result.kind !== 'ok') throw new Error(`expected an ok result, got ${JSON.stringify(result)}`);
  return result.rate;
}

/** Dates every 365 days from 2001-01-01, so that t is a whole number of years exactly. */
function every365Days(n: number): string[] {
  const start = Date.UTC(2001, 0, 1);
  return Array.from({ length: n }, (_, k) => new Date(start + k * 365 * 86_400_000).toISOString().slice(0, 10));
}

describe('xirr', () => {
  // Excel XIRR documentation example: =XIRR(A3:A7, B3:B7, 0.1) → 0.373362535. Excel stops
  // iterating within 0.000001%, so the published digits are good to 1e-8 relative.
  it('Excel XIRR example › 0.373362535 (1e-8 relative, Excel’s own accuracy)', () => {
    const rate = rateOf(xirr(values, dates));
    expectRelClose(rate, 0.373362535, 1e-8);
    expect(Math.abs(xnpv(rate, values, dates))).toBeLessThan(1e-9 * 10000);
  });

  it('dates in any order › the same rate', () => {
    const order = [4, 2, 0, 3, 1];
    const shuffled = xirr(order.map((i) => values[i] as number), order.map((i) => dates[i] as string));
    expectRelClose(rateOf(shuffled), rateOf(xirr(values, dates)), 1e-12);
  });

  it('flows on the same day › are netted before counting sign changes', () => {
    // −600 and −400 on day 0, +1100 a 365-day year later: 10%.
    const result = xirr([1100, -600, -400], ['2026-01-01', '2025-01-01', '2025-01-01']);
    expectRelClose(rateOf(result), 0.1, 1e-12);
  });

  it('all flows positive › no sign change', () => {
    expect(xirr([100, 200], ['2020-01-01', '2021-01-01'])).toEqual({ kind: 'no-sign-change' });
  });

  it('+100, −230, +132 a year apart › both roots, 10% and 20%', () => {
    const result = xirr([100, -230, 132], every365Days(3));
    expect(result.kind).toBe('multiple');
    if (result.kind === 'multiple') {
      expectRelClose(result.rates[0] as number, 0.1, 1e-10);
      expectRelClose(result.rates[1] as number, 0.2, 1e-10);
    }
  });

  it('property › evenly spaced 365-day dates give the same rate as irr', () => {
    fc.assert(
      fc.property(conventionalFlows, (flows) => {
        const a = rateOf(irr(flows));
        const b = rateOf(xirr(flows, every365Days(flows.length)));
        expect(Math.abs(b - a)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(a)));
      }),
    );
  });

  it.each([
    ['dates', () => xirr([-1, 2], ['2020-01-01'])],
    ['dates[1]', () => xirr([-1, 2], ['2020-01-01', 'soon'])],
    ['flows[0]', () => xirr([Number.NaN, 2], ['2020-01-01', '2021-01-01'])],
    ['opts.guess', () => xirr([-1, 2], ['2020-01-01', '2021-01-01'], { guess: -2 })],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('xirr › roots beyond the default window', () => {
  it('the issue’s series a 365-day year apart: roots at −90.7% and +3,291% › both, kind multiple', () => {
    // −1000 (1+r)² + 34003 (1+r) − 3153.63 = −1000 (y − 0.093)(y − 33.91): exact by construction.
    const start = Date.UTC(2001, 0, 1);
    const dates = [0, 1, 2].map((k) => new Date(start + k * 365 * 86_400_000).toISOString().slice(0, 10));
    const result = xirr([-1000, 34003, -0.093 * 33.91 * 1000], dates);
    expect(result.kind).toBe('multiple');
    if (result.kind === 'multiple') {
      expect(result.rates).toHaveLength(2);
      expectRelClose(result.rates[0] as number, -0.907, 1e-9);
      expectRelClose(result.rates[1] as number, 32.91, 1e-9);
    }
  });

  it('flows a month apart with a root at +20,000% a year › found beside the ordinary one', () => {
    // Monthly periods of 365/12 days are not whole days, so use 30-day steps: t = 30k/365 years.
    // Per period y_m = (1+r)^(30/365): roots y_m = 1.01 and 1.5 → r = y_m^(365/30) − 1.
    const start = Date.UTC(2001, 0, 1);
    const dates = [0, 1, 2].map((k) => new Date(start + k * 30 * 86_400_000).toISOString().slice(0, 10));
    const result = xirr([-1, 2.51, -1.515], dates);
    expect(result.kind).toBe('multiple');
    if (result.kind === 'multiple') {
      expectRelClose(result.rates[0] as number, 1.01 ** (365 / 30) - 1, 1e-9);
      expectRelClose(result.rates[1] as number, 1.5 ** (365 / 30) - 1, 1e-9);
    }
  });
});
