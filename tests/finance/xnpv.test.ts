import { xnpv } from '../../src/finance';
import { expectAbsClose, expectRelClose } from './support/tolerance';

const values = [-10000, 2750, 4250, 3250, 2750];
const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];

describe('xnpv', () => {
  // Excel XNPV documentation example: =XNPV(.09, A2:A6, B2:B6) → $2,086.65.
  it('Excel XNPV example › $2,086.65 (to the cent)', () => {
    expectAbsClose(xnpv(0.09, values, dates), 2086.65, 0.005);
  });

  // Microsoft's DAX XNPV example: the same flows one leap day later (2014–2015) → 2089.50.
  // The difference from Excel's example is the 29 Feb 2008 counted as a real day: actual/365.
  it('DAX XNPV example (2014 dates, no leap day) › 2089.50 (to the cent)', () => {
    const dates2014 = ['2014-01-01', '2014-03-01', '2014-10-30', '2015-02-15', '2015-04-01'];
    expectAbsClose(xnpv(0.09, values, dates2014), 2089.5, 0.005);
  });

  it('dates in any order › give the same value (t = 0 at the earliest date)', () => {
    const order = [3, 0, 4, 2, 1];
    expectRelClose(
      xnpv(0.09, order.map((i) => values[i] as number), order.map((i) => dates[i] as string)),
      xnpv(0.09, values, dates),
      1e-14,
    );
  });

  it('Date objects › are read by their UTC day like YYYY-MM-DD strings', () => {
    const asDates = dates.map((d) => new Date(`${d}T00:00:00Z`));
    expect(xnpv(0.09, values, asDates)).toBe(xnpv(0.09, values, dates));
  });

  it('a date with a time of day › is truncated to its day, as Excel truncates date serials', () => {
    const withTimes = dates.map((d) => new Date(`${d}T18:30:00Z`));
    expect(xnpv(0.09, values, withTimes)).toBe(xnpv(0.09, values, dates));
  });

  it('365-day spacing › equals npv of the same flows (t in whole years)', () => {
    const yearly = ['2001-01-01', '2002-01-01', '2003-01-01']; // 2001–2002: no leap day
    expectRelClose(xnpv(0.1, [-100, 60, 60], yearly), -100 + 60 / 1.1 + 60 / 1.21, 1e-14);
  });

  it.each([
    ['dates', () => xnpv(0.1, [1, 2], ['2020-01-01'])],
    ['dates[1]', () => xnpv(0.1, [1, 2], ['2020-01-01', '2020-02-30'])],
    ['dates[0]', () => xnpv(0.1, [1, 2], ['01/02/2020', '2020-02-03'])],
    ['dates[0]', () => xnpv(0.1, [1, 2], [new Date(Number.NaN), '2020-02-03'])],
    ['flows', () => xnpv(0.1, [], [])],
    ['rate', () => xnpv(-1, [1, 2], ['2020-01-01', '2021-01-01'])],
  ])('invalid %s › throws a RangeError naming it', (name, call) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
