import { parse } from 'csv-parse/sync';
import { neutralise, toCsv } from '../../src/report/csv';

function parseBack(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { relax_column_count: true }) as string[][];
}

describe('toCsv', () => {
  test('formula-like text › gets a leading quote, numbers stay numbers', () => {
    const text = toCsv({
      columns: ['company', 'capex_usd'],
      rows: [
        ['=HYPERLINK("http://evil","x")', -5],
        ['+1', 1.5e9],
        ['-2', null],
        ['@SUM(A1)', 0],
        ['\tTab', 1],
        ['\rCR', 1],
        ['\nLF', 1],
        ['＝全角', 1],
        ['＋x', 1],
        ['－x', 1],
        ['＠x', 1],
        ['Plain 한국어', 2],
      ],
    });
    const rows = parseBack(text);
    expect(rows[0]).toEqual(['company', 'capex_usd']);
    const names = rows.slice(1).map((r) => r[0]);
    expect(names.slice(0, 11).every((n) => n?.startsWith("'"))).toBe(true);
    expect(names[11]).toBe('Plain 한국어');
    expect(rows[1]?.[1]).toBe('-5');
    expect(rows[2]?.[1]).toBe('1500000000');
    expect(rows[3]?.[1]).toBe('');
    // Numbers are written bare (unquoted) so spreadsheets read them as numbers; text is quoted.
    expect(text).toContain('"\'=HYPERLINK(""http://evil"",""x"")",-5\r\n');
  });

  test('assumptions › come first as # key,value,source lines, then a blank line', () => {
    const text = toCsv({ columns: ['a'], rows: [[1]] }, [
      ['wacc_fraction', 0.09, 'default'],
      ['scenario', '=cmd', 'user'],
    ]);
    const rows = parseBack(text);
    expect(rows[0]).toEqual(['# wacc_fraction', '0.09', 'default']);
    expect(rows[1]).toEqual(['# scenario', "'=cmd", 'user']);
    expect(text).toContain('\r\n\r\n"a"\r\n1\r\n');
  });

  test('neutralise › safe text › unchanged', () => expect(neutralise('Alphabet')).toBe('Alphabet'));
});

describe('attachmentHeader', () => {
  const { attachmentHeader } = require('../../src/report/csv') as typeof import('../../src/report/csv');
  test('an English name › the same ASCII name twice', () => {
    expect(attachmentHeader('Hyperscaler capex 2022–2026.csv')).toBe(`attachment; filename="Hyperscaler-capex-2022-2026.csv"; filename*=UTF-8''Hyperscaler%20capex%202022%E2%80%932026.csv`);
  });
  test('a Korean name › kept whole in filename* (RFC 5987 percent-encoding of UTF-8), ASCII fallback from what is left', () => {
    const h = attachmentHeader('한국 기업-comparison.csv');
    expect(h).toContain(`filename*=UTF-8''${encodeURIComponent('한국 기업-comparison.csv')}`);
    expect(h).toContain('filename="comparison.csv"');
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(h)?.[1] ?? '')).toBe('한국 기업-comparison.csv');
  });
  test('nothing ASCII left › capexlens with the extension; quotes and slashes never reach the header', () => {
    expect(attachmentHeader('삼성.csv')).toMatch(/^attachment; filename="capexlens.csv"; filename\*=UTF-8''/);
    expect(attachmentHeader('a"b/c\\d.csv')).not.toMatch(/filename\*=.*["/\\]/);
  });
});
