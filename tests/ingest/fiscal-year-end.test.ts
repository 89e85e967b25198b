import fs from 'node:fs';
import path from 'node:path';
import { ingestBuffer, type IngestResult, type Problem } from '../../src/ingest';
import { fiscalYearEndOfQuarter, parseFiscalYearEnd, parseQuarter } from '../../src/ingest/fiscal-year-end';
import type { Row } from '../../src/store/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ingest');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

function accepted(r: IngestResult): { rows: Row[]; warnings: string[] } {
  if (!r.ok) throw new Error(`expected the file to load, got ${JSON.stringify(r.problems)}`);
  return { rows: [...r.rows], warnings: r.warnings };
}

function refused(r: IngestResult): Pick<Problem, 'code' | 'line' | 'column' | 'value'>[] {
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems.map(({ code, line, column, value }) => ({ code, line, column, value }));
}

describe('parseFiscalYearEnd', () => {
  it.each([
    ['2024-06-30', 6, 30, 2024],
    ['2024/6/30', 6, 30, 2024],
    ['20240630', 6, 30, 2024],
    ['6/30/2024', 6, 30, 2024],
    ['30.06.2024', 6, 30, 2024],
    ['06-30', 6, 30, null],
    ['June 30', 6, 30, null],
    ['Jun 30', 6, 30, null],
    ['june 30th', 6, 30, null],
    ['30 June', 6, 30, null],
    ['end of June', 6, 30, null],
    ['30-Jun-24', 6, 30, 2024],
    ['Sept 30, 2025', 9, 30, 2025],
    ['6월 30일', 6, 30, null],
    ['2024년 6월 30일', 6, 30, 2024],
    ['12월 결산', 12, 31, null],
    ['12월말', 12, 31, null],
    ['2월 결산', 2, 28, null],
    ['2024-02', 2, 29, 2024],
    ['2024-02-29', 2, 29, 2024],
  ])('%s › month %d, day %d, year %s', (text, month, day, year) => {
    expect(parseFiscalYearEnd(text)).toEqual({ ok: true, month, day, year });
  });

  it.each([['June 31'], ['2023-02-29'], ['6/5/2024'], ['13/13/2024'], ['soon'], ['June July'], ['2024']])('%s › refused', (text) => {
    expect(parseFiscalYearEnd(text).ok).toBe(false);
  });

  it('6/5/2024 › says both readings', () => {
    expect(parseFiscalYearEnd('6/5/2024')).toEqual({ ok: false, reason: 'it could be June 5 or May 6' });
  });
});

describe('fiscalYearEndOfQuarter', () => {
  it.each([
    // Microsoft: Q1 of FY2025 ends 2024-09-30, the year ends 2025-06-30.
    [9, 30, 1, { month: 6, day: 30, yearShift: 1 }],
    [12, 31, 2, { month: 6, day: 30, yearShift: 1 }],
    [3, 31, 3, { month: 6, day: 30, yearShift: 0 }],
    [6, 30, 4, { month: 6, day: 30, yearShift: 0 }],
    // A calendar year: Q1 ends 03-31, the year 12-31.
    [3, 31, 1, { month: 12, day: 31, yearShift: 0 }],
    // Apple-like: Q1 ends on the 28th of December (52-53-week years), the year in September next year.
    [12, 28, 1, { month: 9, day: 28, yearShift: 1 }],
  ])('quarter ending %d-%d as Q%d › %j', (month, day, quarter, expected) => {
    expect(fiscalYearEndOfQuarter(month, day, quarter)).toEqual(expected);
  });
});

describe('parseQuarter', () => {
  it.each([['Q3', 3], ['q3', 3], ['3', 3], ['3Q', 3], ['3분기', 3], ['제3분기', 3], ['Quarter 3', 3], ['Q4', 4], ['1', 1]])('%s › %d', (text, q) => {
    expect(parseQuarter(text)).toBe(q);
  });
  it.each([['Q5'], ['0'], ['third'], ['2024Q3'], ['33']])('%s › null', (text) => {
    expect(parseQuarter(text)).toBeNull();
  });
});

describe('ingest › fiscal_year_end', () => {
  it('every spelling in the fixture › stored as MM-DD', () => {
    const r = accepted(ingestBuffer(fixture('fiscal-year-end.csv')));
    expect(r.rows.map((row) => [row.company, row.fiscal_year_end])).toEqual([
      ['Iso', '06-30'],
      ['Us', '06-30'],
      ['Long name', '06-30'],
      ['Short name', '06-30'],
      ['Month-day', '06-30'],
      ['Korean day', '06-30'],
      ['Korean close', '12-31'],
      ['Day first', '06-30'],
      ['European', '06-30'],
      ['Excel d-mmm-yy', '06-30'],
      ['Korean full', '09-30'],
      ['Comma year', '09-30'],
      ['Month only', '03-31'],
      ['Leap day', '02-29'],
      ['Blank', null],
    ]);
    expect(r.rows[0]).toEqual({ company: 'Iso', fiscal_year: 2024, fiscal_year_end: '06-30', capex: 1, currency: 'USD' });
  });

  it('unreadable, ambiguous and mismatched ends › one problem each with line, column and value', () => {
    expect(refused(ingestBuffer(fixture('fiscal-year-end-problems.csv')))).toEqual([
      { code: 'bad_date', line: 2, column: 'fiscal_year_end', value: 'June 31' },
      { code: 'bad_date', line: 3, column: 'fiscal_year_end', value: '6/5/2024' },
      { code: 'bad_date', line: 4, column: 'fiscal_year_end', value: 'soon' },
      { code: 'fiscal_year_mismatch', line: 5, column: 'fiscal_year_end', value: '2023-06-30' },
      { code: 'bad_date', line: 6, column: 'fiscal_year_end', value: '2023-02-29' },
      { code: 'bad_date', line: 7, column: 'fiscal_year_end', value: '13/13/2024' },
    ]);
  });

  it('a mismatch › says which year the date names', () => {
    const r = ingestBuffer(Buffer.from('company,fiscal_year,fiscal_year_end,capex\nHome,2022,2023-01-29,1\n'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('ends in 2023, but "fiscal_year" says 2022');
  });
});

describe('ingest › a quarter in its own column', () => {
  it('Q1, 2, 3Q, 4분기 › roll up to one year with quarters 4; three quarters are a partial year', () => {
    const r = accepted(ingestBuffer(fixture('quarter-column.csv')));
    expect(r.rows).toEqual([
      // 10 + 20 + 30 + 40 = 100, 100 + 110 + 120 + 130 = 460; price from Q4.
      { company: 'Acme', fiscal_year: 2024, capex: 100, revenue: 460, share_price: 8, currency: 'USD', quarters: 4 },
      { company: 'Beta', fiscal_year: 2024, capex: 6, revenue: null, share_price: 52, currency: 'USD', quarters: 3 },
      { company: 'Gamma', fiscal_year: 2023, capex: 9, revenue: null, share_price: null, currency: 'USD', quarters: 1 },
    ]);
    expect(r.warnings).toContain('Partial years: Beta 2024 (Q1, Q2, Q3 only); Gamma 2023 (Q4 only). They sum only the quarters present, so they are marked partial and are not comparable with full years.');
  });

  it('Q5 and a word › bad_quarter at the quarter column', () => {
    expect(refused(ingestBuffer(fixture('quarter-column-problems.csv')))).toEqual([
      { code: 'bad_quarter', line: 3, column: 'quarter', value: 'Q5' },
      { code: 'bad_quarter', line: 4, column: 'quarter', value: 'third' },
    ]);
  });

  it('a quarter alone with no year column › bad_year that asks for the year', () => {
    const r = ingestBuffer(Buffer.from('company,quarter,capex\nAcme,Q3,1\n'));
    expect(refused(r)).toEqual([{ code: 'bad_year', line: 2, column: 'quarter', value: 'Q3' }]);
    if (!r.ok) expect(r.problems[0]?.message).toContain('needs its year');
  });

  it('a period end column on quarter rows › is the quarter end; the year ends (4 − q) quarters later', () => {
    const r = accepted(ingestBuffer(fixture('quarter-period-end.csv')));
    expect(r.rows).toEqual([{ company: 'Microsoft', fiscal_year: 2025, fiscal_year_end: '06-30', capex: 14923 + 15804 + 16745, currency: 'USD', quarters: 3 }]);
    expect(r.warnings).toContain('Partial year: Microsoft 2025 (Q1, Q2, Q3 only). It sums only the quarters present, so it is marked partial and is not comparable with full years.');
  });
});
