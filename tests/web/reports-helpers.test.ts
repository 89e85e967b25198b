import { formatReportCell } from '../../src/web/helpers/report-cell';
import { shadeClass } from '../../src/web/helpers/shade';

describe('formatReportCell', () => {
  test('multiple › 34.8×', () => expect(formatReportCell(34.8, 'multiple')).toBe('34.8×'));
  test('years › one decimal; missing reads never', () => {
    expect(formatReportCell(7.43, 'years')).toBe('7.4');
    expect(formatReportCell(null, 'years')).toBe('never');
    expect(formatReportCell(null, 'years', 'KRW', { lang: 'ko', won: 'exact' })).toBe('없음');
  });
  test('a year in a text column › no thousands separator', () => expect(formatReportCell(2025, 'text')).toBe('2025'));
  test('money and percent › the shared formats', () => {
    expect(formatReportCell(52.5e9, 'money')).toBe('$52.5B');
    expect(formatReportCell(0.445, 'percent')).toBe('44.5%');
  });
});

describe('shadeClass', () => {
  test.each([
    [-0.3, 'shade-down-2'],
    [-0.25, 'shade-down-2'],
    [-0.1, 'shade-down-1'],
    [0, 'shade-flat'],
    [0.05, 'shade-flat'],
    [0.2, 'shade-up-1'],
    [1.25, 'shade-up-2'],
    [null, 'shade-none'],
    [Number.NaN, 'shade-none'],
  ])('%p › %p', (v, c) => expect(shadeClass(v)).toBe(c));
});
