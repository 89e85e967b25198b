import { isMissing, parseNumber, parsePeriod } from '../../src/ingest/numbers';

describe('parseNumber', () => {
  describe('dot-decimal files', () => {
    test.each([
      ['1234.5', 1234.5, false, false],
      ['1,234.5', 1234.5, false, false],
      ['$52.5B', 52.5e9, true, false],
      ['45.2bn', 45.2e9, true, false],
      ['450M', 450e6, true, false],
      ['750K', 750e3, true, false],
      ['1.2e9', 1.2e9, false, false],
      ['(1,200)', -1200, false, false],
      ['-1,200', -1200, false, false],
      ['−1,200', -1200, false, false],
      ['$(1,200)', -1200, false, false],
      ['-$1,200', -1200, false, false],
      ['12%', 0.12, false, true],
      ['₩1,234', 1234, false, false],
      ['€ 99', 99, false, false],
      ['USD 1,200', 1200, false, false],
      ['1.2 billion', 1.2e9, true, false],
      ['53조 1,139억', 53.1139e12, true, false],
      ['-7조 7,303억', -7.7303e12, true, false],
      ['3억', 3e8, true, false],
      ['5만', 5e4, true, false],
      ['1조 2,000억원', 1.2e12, true, false],
      ['1 234 567', 1234567, false, false],
      ['.5', 0.5, false, false],
    ])('%s › reads %d', (text, value, explicitScale, percent) => {
      expect(parseNumber(text, 'dot')).toEqual({ value, explicitScale, percent });
    });

    test.each(['12abc', 'abc', '1,23', '1.2.3', '$', '12 34', '1e', '--5', 'K', '5x', '1,2345.6', '조'])('%s › is not a number', (text) => {
      expect(parseNumber(text, 'dot')).toBeNull();
    });
  });

  describe('decimal-comma files', () => {
    test.each([
      ['1.234,5', 1234.5],
      ['1,5', 1.5],
      ['10.000.000,75', 10000000.75],
      ['2.000', 2000],
      ['-3,25', -3.25],
      ['1.5', 1.5],
      ['(1.200)', -1200],
    ])('%s › reads %d', (text, value) => {
      expect(parseNumber(text, 'comma')?.value).toBe(value);
    });

    test('1,234.5 › is not a number with decimal commas', () => {
      expect(parseNumber('1,234.5', 'comma')).toBeNull();
    });
  });
});

describe('isMissing', () => {
  test.each(['', 'n/a', 'N/A', 'NA', 'na', '-', '—', '–', '#N/A'])('%j › is missing', (t) => expect(isMissing(t)).toBe(true));
  test.each(['0', 'nan0', 'none of it', 'N'])('%j › is a value', (t) => expect(isMissing(t)).toBe(false));
});

describe('parsePeriod', () => {
  test.each([
    ['2024', 2024, null],
    ['FY2024', 2024, null],
    ['fy 2024', 2024, null],
    ['FY24', 2024, null],
    ['2024년', 2024, null],
    ['2024.0', 2024, null],
    ['2024Q3', 2024, 3],
    ['2024-Q3', 2024, 3],
    ['2024 q1', 2024, 1],
    ['Q4 2023', 2023, 4],
    ['FY2025Q2', 2025, 2],
    ['2024년 3분기', 2024, 3],
  ])('%s › year %d quarter %p', (text, year, quarter) => {
    expect(parsePeriod(text)).toEqual({ year, quarter });
  });

  test.each(['20x4', '24', '2024Q5', '1850', 'next year', '2024-13'])('%s › is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
