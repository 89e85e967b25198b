import { irr, irrAtTimes, xirr, yearsBetween } from '../../src/finance';
import fc from 'fast-check';

describe('irrAtTimes', () => {
  test('one period › 10%', () => expect(irrAtTimes([-100, 110], [0, 1])).toBeCloseTo(0.1, 12));
  // numpy-financial irr docstring: irr([-100, 39, 59, 55, 20]) = 0.28094842115996066
  test('numpy-financial example › 0.2809484', () => expect(irrAtTimes([-100, 39, 59, 55, 20], [0, 1, 2, 3, 4])).toBeCloseTo(0.28094842115996066, 9));
  test('Excel XIRR example › 0.373362535 on the same dates', () => {
    const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
    const times = dates.map((d) => yearsBetween('2008-01-01', d));
    const r = irrAtTimes([-10000, 2750, 4250, 3250, 2750], times);
    expect(r).toBeCloseTo(0.373362535, 8);
    const x = xirr([-10000, 2750, 4250, 3250, 2750], dates);
    expect(x.kind === 'ok' && x.rate).toBeCloseTo(r as number, 9);
  });
  test('two sign changes or none › null (xirr tells several roots from none)', () => {
    expect(irrAtTimes([-100, 230, -132], [0, 1, 2])).toBeNull();
    expect(irrAtTimes([100, 10], [0, 1])).toBeNull();
    expect(irr([-100, 230, -132]).kind).toBe('multiple');
  });
  test('a negative root › found', () => expect(irrAtTimes([-100, 50], [0, 1])).toBeCloseTo(-0.5, 12));
});

describe('irrAtTimes › against xirr on random dated flows with one sign change', () => {
  // An outlay then inflows (one sign change, so one root): irrAtTimes' safeguarded Newton must give
  // xirr's root (an independent solver) to 1e-9 relative, however far from its 10% start it lies.
  test('agrees to 1e-9 relative', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e12, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 400 }),
        (outlay, inflows, spacingDays) => {
          fc.pre(inflows.some((f) => f > 0));
          const flows = [-outlay, ...inflows];
          const dates = flows.map((_, i) => new Date(Date.UTC(2020, 0, 1) + i * spacingDays * 86400000).toISOString().slice(0, 10));
          const times = dates.map((d) => yearsBetween(dates[0] as string, d));
          const x = xirr(flows, dates);
          const r = irrAtTimes(flows, times);
          // Compare where both promise an answer: xirr found one root, inside irrAtTimes' documented
          // window e^±30 − 1 (vanishing inflows a day apart put it far below).
          if (x.kind !== 'ok' || Math.abs(Math.log1p(x.rate)) >= 29) return;
          expect(r).not.toBeNull();
          expect(Math.abs((r as number) - x.rate)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x.rate)));
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
