import { formatCell, formatMoney, formatMultiple, formatNumber, formatPercent } from '../../../src/web/helpers/format';
import { jsonForScript } from '../../../src/web/helpers/json';

describe('formatMoney', () => {
  test.each([
    [52.535e9, '$52.5B'],
    [5_576_000, '$5.58M'],
    [180e9, '$180B'],
    [1.2e12, '$1.2T'],
    [1234, '$1,234'],
    [-7.7303e12, '−$7.73T'],
    [0, '$0'],
  ])('%p › %p', (v, out) => expect(formatMoney(v)).toBe(out));
  test('KRW › uses the won sign', () => expect(formatMoney(53.1139e12, 'KRW')).toBe('₩53.1T'));
  test('missing or NaN › em dash', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(Number.NaN)).toBe('—');
  });
});

describe('formatPercent, formatMultiple, formatNumber, formatCell', () => {
  test('fraction 0.445 › "44.5%"', () => expect(formatPercent(0.445)).toBe('44.5%'));
  test('negative fraction › minus sign', () => expect(formatPercent(-0.0212)).toBe('−2.1%'));
  test('multiple 34.8 › "34.8×"', () => expect(formatMultiple(34.8)).toBe('34.8×'));
  test('number › thousands separators', () => expect(formatNumber(1234567.891, 1)).toBe('1,234,567.9'));
  test('huge number › exponent', () => expect(formatNumber(3.29e24)).toBe('3.29e24'));
  test('cell by format', () => {
    expect(formatCell(0.4192, 'percent')).toBe('41.9%');
    expect(formatCell(2024, 'year')).toBe('2024');
    expect(formatCell(null, 'money')).toBe('—');
    expect(formatCell('<b>', 'text')).toBe('<b>');
  });
});

describe('jsonForScript', () => {
  test('a value that would close the script › is escaped', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028\u2029' });
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', amp: 'a&b', ls: '\u2028\u2029' });
  });
});
