import { xnpv, yearsBetween } from '../../src/finance';

describe('yearsBetween', () => {
  test('June to December › 184 days ÷ 365', () => expect(yearsBetween('2022-06-30', '2022-12-31')).toBeCloseTo(184 / 365, 15));
  test('over a leap day › 366 ÷ 365', () => expect(yearsBetween('2024-01-01', '2025-01-01')).toBeCloseTo(366 / 365, 15));
  test('backwards › negative', () => expect(yearsBetween('2025-01-01', '2024-01-01')).toBeCloseTo(-366 / 365, 15));
  test('XNPV convention › a flow discounted by yearsBetween matches xnpv', () => {
    // Excel XNPV documentation example
    const dates = ['2008-01-01', '2008-03-01', '2008-10-30', '2009-02-15', '2009-04-01'];
    const flows = [-10000, 2750, 4250, 3250, 2750];
    const byHand = flows.reduce((s, f, i) => s + f / Math.pow(1.09, yearsBetween(dates[0] as string, dates[i] as string)), 0);
    expect(byHand).toBeCloseTo(xnpv(0.09, flows, dates), 9);
    expect(byHand).toBeCloseTo(2086.65, 2);
  });
});
