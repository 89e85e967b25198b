import { multipleText, percentText, yearsText } from '../../src/report/number-text';
import { describeMoney, describeMultiple, describePercent, describePrice } from '../../src/report/words';
import { formatCell, formatMultiple, formatPercent, formatPrice } from '../../src/web/helpers/format';
import { formatReportCell } from '../../src/web/helpers/report-cell';

// docs/methodology.md, "How numbers are written": one precision rule per kind of number, the same
// in a sentence of the summary as in the table beside it.
describe('one precision rule per kind of number', () => {
  test.each([
    [0.09, '9.0%'],
    [0.445, '44.5%'],
    [0.201317, '20.1%'],
    [-0.0212, '−2.1%'],
    [-0.00001, '0.0%'],
    [1.5, '150.0%'],
  ])('percentage %p › %s in prose and in tables', (x, s) => {
    expect(percentText(x)).toBe(s);
    expect(describePercent(x)).toBe(s);
    expect(formatPercent(x)).toBe(s);
    expect(formatReportCell(x, 'percent')).toBe(s);
  });

  test.each([
    [25, '25.0×'],
    [34.84, '34.8×'],
    [-3.26, '−3.3×'],
  ])('multiple %p › %s in prose and in tables', (x, s) => {
    expect(multipleText(x)).toBe(s);
    expect(describeMultiple(x)).toBe(s);
    expect(formatMultiple(x)).toBe(s);
    expect(formatReportCell(x, 'multiple')).toBe(s);
  });

  test.each([
    [7.46, '7.5'],
    [7, '7'],
    [1.704, '1.7'],
    [12.96, '13'],
  ])('years %p › %s in prose and in tables', (x, s) => {
    expect(yearsText(x)).toBe(s);
    expect(formatReportCell(x, 'years')).toBe(s);
  });

  test('money and prices › the same text in prose and in tables, in both languages', () => {
    for (const style of [undefined, { lang: 'ko', won: 'exact' } as const, { lang: 'ko', won: 'short' } as const])
      for (const cur of ['USD', 'KRW'])
        for (const v of [52.535e9, -9.74e9, 5.576e6, 1234.5, 340.54]) {
          expect(describeMoney(v, cur, style)).toBe(formatCell(v, 'money', cur, style));
          expect(describePrice(v, cur, style)).toBe(formatPrice(v, cur, style));
        }
  });
});
