import { irr, irrAtTimes, xirr, yearsBetween } from '../../src/finance';

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
