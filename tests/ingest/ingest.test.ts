import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { ingestBuffer, ingestStream, type IngestResult, type Problem } from '../../src/ingest';
import type { Row } from '../../src/store/types';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ingest');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));
const text = (s: string): Buffer => Buffer.from(s, 'utf8');

function accepted(r: IngestResult): { rows: Row[]; warnings: string[]; kind: string; columns: unknown[] } {
  if (!r.ok) throw new Error(`expected the file to load, got ${JSON.stringify(r.problems)}`);
  return { rows: [...r.rows], warnings: r.warnings, kind: r.kind, columns: r.columns };
}

function refused(r: IngestResult): { problems: Pick<Problem, 'code' | 'line' | 'column' | 'value'>[]; count: number; messages: string[] } {
  if (r.ok) throw new Error('expected the file to be refused');
  return { problems: r.problems.map(({ code, line, column, value }) => ({ code, line, column, value })), count: r.problemCount, messages: r.problems.map((p) => p.message) };
}

const KOREAN_ROWS: Row[] = [
  { company: '삼성전자', fiscal_year: 2023, capex: 53113900000000, revenue: 258935500000000, operating_income: 6567000000000, net_income: 15487300000000, share_price: 78500, currency: 'KRW' },
  { company: '삼성전자', fiscal_year: 2024, capex: -7730300000000, revenue: 300870900000000, operating_income: 32726000000000, net_income: 34451400000000, share_price: 53200, currency: 'KRW' },
  { company: 'SK하이닉스', fiscal_year: 2024, capex: 17900000000000, revenue: 66193000000000, operating_income: 23467300000000, net_income: 19796900000000, share_price: null, currency: 'KRW' },
];

describe('ingestBuffer', () => {
  describe('encodings', () => {
    const utf8 = fixture('korean.csv');
    test.each([
      ['UTF-8', utf8],
      ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8])],
      ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(utf8.toString('utf8'), 'utf16le')])],
      ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(utf8.toString('utf8'), 'utf16-be')])],
      ['CP949', iconv.encode(utf8.toString('utf8'), 'cp949')],
      ['EUC-KR', iconv.encode(utf8.toString('utf8'), 'euc-kr')],
    ])('%s Korean file › reads Korean headers, 조/억 amounts and a 억원 header unit', (_name, bytes) => {
      expect(accepted(ingestBuffer(bytes)).rows).toEqual(KOREAN_ROWS);
    });

    test('CP949 file › says which encoding it was read as', () => {
      const r = accepted(ingestBuffer(iconv.encode(utf8.toString('utf8'), 'cp949')));
      expect(r.warnings).toContain('The file was read as CP949 (Korean) text.');
    });

    test('Windows-1252 file › reads € and accented names', () => {
      const bytes = iconv.encode('company,fiscal_year,capex\nSociété Générale,2024,€1.5B\n', 'win1252');
      expect(accepted(ingestBuffer(bytes)).rows).toEqual([{ company: 'Société Générale', fiscal_year: 2024, capex: 1.5e9, currency: 'USD' }]);
    });

    test('UTF-8 split inside a character between stream chunks › decodes it whole', async () => {
      const bytes = text('company,fiscal_year,capex\n삼성전자,2024,1\n');
      const chunks = Array.from(bytes, (b) => Buffer.from([b]));
      const r = accepted(await ingestStream(Readable.from(chunks)));
      expect(r.rows).toEqual([{ company: '삼성전자', fiscal_year: 2024, capex: 1, currency: 'USD' }]);
    });
  });

  describe('separators and quoting', () => {
    const rows: Row[] = [
      { company: 'A, Inc.', fiscal_year: 2024, capex: 1200, currency: 'USD' },
      { company: 'B "the best"', fiscal_year: 2024, capex: 5, currency: 'USD' },
    ];
    test.each([
      ['comma', 'company,fiscal_year,capex\n"A, Inc.",2024,"1,200"\n"B ""the best""",2024,5\n'],
      ['semicolon', 'company;fiscal_year;capex\n"A, Inc.";2024;1.200\n"B ""the best""";2024;5\n'],
      ['tab', 'company\tfiscal_year\tcapex\nA, Inc.\t2024\t"1,200"\n"B ""the best"""\t2024\t5\n'],
      ['pipe', 'company|fiscal_year|capex\nA, Inc.|2024|"1,200"\n"B ""the best"""|2024|5\n'],
      ['CRLF', 'company,fiscal_year,capex\r\n"A, Inc.",2024,"1,200"\r\n"B ""the best""",2024,5\r\n'],
      ['no final newline', 'company,fiscal_year,capex\n"A, Inc.",2024,"1,200"\n"B ""the best""",2024,5'],
    ])('%s › splits fields and unquotes', (_name, csv) => {
      expect(accepted(ingestBuffer(text(csv))).rows).toEqual(rows);
    });

    test('Excel sep=; first line › names the separator; editor lines still count it', () => {
      const r = ingestBuffer(text('sep=;\ncompany;fiscal_year;capex\nA;2024;1,5\nB;2024;x\n'));
      expect(refused(r).problems).toEqual([{ code: 'bad_number', line: 4, column: 'capex', value: 'x' }]);
      expect(accepted(ingestBuffer(text('sep=;\r\ncompany;fiscal_year;capex\r\nA;2024;1,5\r\n'))).rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1.5, currency: 'USD' }]);
    });

    test('UTF-16 tab-separated Excel "Unicode text" with decimal commas › read as such', () => {
      const tsv = 'company\tfiscal_year\tcapex\tshare_price\nSAP SE\t2024\t1.234,5\t"231,05"\n';
      const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(tsv, 'utf16le')]);
      expect(accepted(ingestBuffer(bytes)).rows).toEqual([{ company: 'SAP SE', fiscal_year: 2024, capex: 1234.5, share_price: 231.05, currency: 'USD' }]);
    });

    test('tab-separated with thousands commas › dot decimals', () => {
      const tsv = 'company\tfiscal_year\tcapex\nA\t2024\t1,234\nB\t2024\t2,500.5\n';
      expect(accepted(ingestBuffer(text(tsv))).rows.map((r) => r.capex)).toEqual([1234, 2500.5]);
    });

    test('quoted field with embedded newlines › kept in the text column', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex,notes\nA,2024,1,"one\ntwo"\n')));
      expect(r.rows[0]?.notes).toBe('one\ntwo');
    });
  });

  describe('headers', () => {
    test('case, spacing and punctuation › ignored', () => {
      const csv = 'Company Name,FISCAL-YEAR,  Cap Ex ,Share Price (USD)\nAcme,2024,1.5,12.5\n';
      expect(accepted(ingestBuffer(text(csv))).rows).toEqual([{ company: 'Acme', fiscal_year: 2024, capex: 1.5, share_price: 12.5, currency: 'USD' }]);
    });

    test('two headers for one field › duplicate column problem', () => {
      const csv = 'company,fiscal_year,CapEx (USD bn),Purchases of property and equipment ($ in thousands)\nAcme,2024,1.5,3\n';
      expect(refused(ingestBuffer(text(csv))).problems).toEqual([
        { code: 'duplicate_column', line: 1, column: 'Purchases of property and equipment ($ in thousands)', value: 'Purchases of property and equipment ($ in thousands)' },
      ]);
    });

    test('header units › bn, _usd_m and 억원 scale; a value suffix wins over them', () => {
      const csv = 'company,fiscal_year,CapEx (USD bn),revenue_usd_m,diluted_shares_bn,share_price_usd\nAcme,2024,1.5,250,7.5,"1,012.25"\nAcme,2025,450M,1bn,,\n';
      const r = accepted(ingestBuffer(text(csv)));
      expect(r.rows).toEqual([
        { company: 'Acme', fiscal_year: 2024, capex: 1.5e9, revenue: 250e6, shares_outstanding: 7.5e9, share_price: 1012.25, currency: 'USD' },
        { company: 'Acme', fiscal_year: 2025, capex: 450e6, revenue: 1e9, shares_outstanding: null, share_price: null, currency: 'USD' },
      ]);
    });

    test('source and notes columns › recognised as text, no warning', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex,Sources,비고\nA,2024,1,10-K,est.\n')));
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1, source: '10-K', notes: 'est.', currency: 'USD' }]);
      expect(r.warnings.filter((w) => w.includes('not recognised'))).toEqual([]);
    });

    test('mapping › names source column, field, scale and unit', () => {
      const r = accepted(ingestBuffer(text('회사,연도,CapEx (USD bn),revenue,memo\nA,2024,1,2,x\n'), { unit: 'millions' }));
      expect(r.columns).toEqual([
        { source: '회사', field: 'company', unit: 'text' },
        { source: '연도', field: 'fiscal_year', unit: 'fiscal year (quarters roll up to years)' },
        { source: 'CapEx (USD bn)', field: 'capex', scale: 1e9, unit: 'USD billions (from header)' },
        { source: 'revenue', field: 'revenue', scale: 1e6, unit: 'USD millions (chosen on upload)' },
        { source: 'memo', field: 'memo', unit: 'text (not recognised, kept as written)' },
      ]);
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1e9, revenue: 2e6, memo: 'x', currency: 'USD' }]);
      expect(r.warnings).toEqual([
        '1 column was not recognised and is kept as text: memo.',
        'Bare numbers in revenue were read as millions (chosen on upload); values with their own suffix (45.2bn, 53조) keep it.',
      ]);
    });

    test.each([
      ['회사,연도,설비투자', 'company'],
      ['회사명,회계연도,자본적지출', 'company'],
      ['기업명,사업연도,CAPEX', 'company'],
      ['company,year,purchases of property and equipment', 'company'],
    ])('Korean and English aliases %s › recognised', (header) => {
      const r = accepted(ingestBuffer(text(`${header}\nA,2024,7\n`)));
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 7, currency: 'USD' }]);
    });

    test('title and unit lines above the header (Korean export) › skipped; (단위: 억원) scales bare amounts', () => {
      const csv = '삼성전자 연결재무제표\n(단위: 억원)\n\n회사명;사업연도;설비투자;매출액;주가\n삼성전자;2023;531.139;2.589.355;78.500\n삼성전자;2024;x;1;1\n';
      const bytes = iconv.encode(csv, 'cp949');
      expect(refused(ingestBuffer(bytes)).problems).toEqual([{ code: 'bad_number', line: 6, column: '설비투자', value: 'x' }]);
      const ok = accepted(ingestBuffer(iconv.encode(csv.split('\n').slice(0, 5).join('\n'), 'cp949')));
      expect(ok.rows).toEqual([{ company: '삼성전자', fiscal_year: 2023, capex: 53113900000000, revenue: 258935500000000, share_price: 78500, currency: 'KRW' }]);
      expect(ok.warnings).toContain('The header is on line 4: 2 lines above it (title or notes) were skipped; bare amounts are read in KRW 억 (10^8) as the line above the header says.');
      expect(ok.columns).toContainEqual({ source: '설비투자', field: 'capex', scale: 1e8, unit: 'KRW 억 (10^8) (from the line above the header)' });
    });

    test('English unit line above the header › scales bare money, not prices', () => {
      const r = accepted(ingestBuffer(text('Hyperscaler capex\n"(USD in millions, except per-share data)"\ncompany,fiscal_year,capex,share_price\nMSFT,2024,"44,477",420.5\n'), { unit: 'billions' }));
      expect(r.rows).toEqual([{ company: 'MSFT', fiscal_year: 2024, capex: 44477e6, share_price: 420.5, currency: 'USD' }]);
    });

    test('other Korean aliases › map to their fields', () => {
      const r = accepted(ingestBuffer(text('회사,연도,설비투자,매출,영업이익,순이익,감가상각비,발행주식수,주가,시가총액\nA,2024,1,2,3,4,5,6,7,8\n')));
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1, revenue: 2, operating_income: 3, net_income: 4, depreciation: 5, shares_outstanding: 6, share_price: 7, market_cap: 8, currency: 'USD' }]);
    });
  });

  describe('numbers and units', () => {
    test('upload unit › scales bare money only; suffixed values, prices and years keep their own', () => {
      const csv = 'company,fiscal_year,capex,revenue,share_price,ai_capex_share\nA,2024,"1,234.5",$2.5B,100,12%\nB,2024,(1200),-3,n/a,0.4\n';
      const r = accepted(ingestBuffer(text(csv), { unit: 'millions', currency: 'EUR' }));
      expect(r.rows).toEqual([
        { company: 'A', fiscal_year: 2024, capex: 1234.5e6, revenue: 2.5e9, share_price: 100, ai_capex_share: 0.12, currency: 'EUR' },
        { company: 'B', fiscal_year: 2024, capex: -1200e6, revenue: -3e6, share_price: null, ai_capex_share: 0.4, currency: 'EUR' },
      ]);
    });

    test('European semicolon file › decimal commas and thousands dots; unknown columns kept', () => {
      const r = accepted(ingestBuffer(fixture('european.csv')));
      expect(r.rows).toEqual([
        { unternehmen: 'x', jahr: 'x', company: 'Acme AG', fiscal_year: 2023, capex: 1234.5, revenue: 10000000.75, ai_capex_share: 0.12, currency: 'USD' },
        { unternehmen: 'x', jahr: 'x', company: 'Acme AG', fiscal_year: 2024, capex: 2000, revenue: null, ai_capex_share: 0.4, currency: 'USD' },
      ]);
      expect(r.warnings[0]).toBe('Numbers were read with decimal commas (1.234,5 = 1234.5), as the file is semicolon-separated and writes them so.');
    });

    test('missing spellings › null, never zero', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex,revenue,net_income,depreciation,market_cap,ticker\nA,FY2024,1,,n/a,NA,—,-\n')));
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1, revenue: null, net_income: null, depreciation: null, market_cap: null, ticker: null, currency: 'USD' }]);
    });

    test('float dust › 23.886 bn is exactly 23,886,000,000', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex_usd_bn\nMSFT,2022,23.886\n')));
      expect(r.rows[0]?.capex).toBe(23886000000);
    });
  });

  describe('quarters', () => {
    test('quarterly periods › roll up: flows summed, stocks from the last quarter, AI share weighted by capex', () => {
      const r = accepted(ingestBuffer(fixture('quarterly.csv')));
      expect(r.rows).toEqual([
        { company: 'Acme', fiscal_year: 2024, capex: 100, revenue: 460, share_price: 7, ai_capex_share: (10 * 0.5 + 30 * 0.25 + 40 * 0.5) / 80, currency: 'USD', quarters: 4 },
        { company: 'Acme', fiscal_year: 2025, capex: 50, revenue: null, share_price: 8, ai_capex_share: null, currency: 'USD', quarters: 1 },
      ]);
      expect(r.warnings).toEqual([
        '5 quarterly rows were rolled up into 2 yearly rows: capex, revenue, AI revenue, operating income, net income and depreciation are summed over the quarters; share price, shares outstanding, market cap, net debt, GPUs and power are taken from the last quarter; the AI share of capex is weighted by capex.',
        'Partial year: Acme 2025 (Q1 only). It sums only the quarters present, so it is marked partial and is not comparable with full years.',
      ]);
    });

    test('yearly and quarterly rows for one year › duplicate problem', () => {
      const r = refused(ingestBuffer(text('company,fiscal_year,capex\nA,2024,5\nA,2024Q1,1\n')));
      expect(r.problems).toEqual([{ code: 'duplicate_row', line: 3, column: 'fiscal_year', value: 'A 2024' }]);
    });
  });

  describe('Epoch AI export', () => {
    test('All ML Systems export › loads as models with no editing, parameters in billions, datapoints, chips and Epoch’s cost as they are', () => {
      const r = accepted(ingestBuffer(fixture('epoch-all-ml-systems.csv')));
      expect(r.kind).toBe('models');
      expect(r.rows).toHaveLength(7);
      expect(r.rows[0]).toEqual({
        model: 'GPT-3 175B (davinci)',
        organization: 'OpenAI',
        release_date: '2020-05-28',
        params_b: 175,
        training_flops: 3.14e23,
        dataset_datapoints: 374e9,
        hardware: 'NVIDIA Tesla V100 DGXS 32 GB',
        chip_count: 10000,
        training_hours: 355.2,
        chip_hours: 3552000,
        mfu: 0.1968,
        epoch_cost_2023_usd: 2056969.34,
        cost_note: null,
      });
      expect(r.rows[4]).toMatchObject({ model: 'DeepSeek-V3', params_b: 671, dataset_datapoints: 14.8e12, chip_hours: 2788000, epoch_cost_2023_usd: 5390000, training_hours: null, cost_note: null });
    });

    test('rows without a cost route › kept, marked in cost_note, counted in a warning', () => {
      const r = accepted(ingestBuffer(fixture('epoch-all-ml-systems.csv')));
      const notes = Object.fromEntries(r.rows.map((row) => [row.model, row.cost_note]));
      expect(notes).toEqual({
        'GPT-3 175B (davinci)': null,
        'Llama 2-70B': null,
        'Nemotron-4 340B': null,
        'Qwen2.5-72B': 'No usable cost: no reported training cost, no GPU-hours (nor GPU count × training time), FLOPs but no training hardware to convert them to GPU time.',
        'DeepSeek-V3': null,
        'Mixtral 8x22B': 'No usable cost: no reported training cost, no GPU-hours (nor GPU count × training time), FLOPs but no training hardware to convert them to GPU time.',
        'Grok-2': null,
      });
      expect(r.warnings).toEqual([
        '2 of 7 models have no usable way to a training cost (no reported cost, no GPU-hours, no FLOPs with training hardware): they are kept, and cost_note says what is missing.',
      ]);
    });

    test('mapping › datapoints kept as datapoints, Epoch’s cost as its estimate, chips not assumed to be GPUs', () => {
      const r = accepted(ingestBuffer(fixture('epoch-all-ml-systems.csv')));
      expect(r.columns).toContainEqual({ source: 'Training dataset size (datapoints)', field: 'dataset_datapoints', scale: 1, unit: 'datapoints (tokens only for Language and Multimodal models)' });
      expect(r.columns).toContainEqual({ source: 'Training compute cost (2023 USD)', field: 'epoch_cost_2023_usd', scale: 1, unit: '2023 USD (Epoch AI estimate, not a reported cost)' });
      expect(r.columns).toContainEqual({ source: 'Training chip-hours', field: 'chip_hours', scale: 1, unit: 'chip-hours (the hardware column says which kind)' });
      expect(r.columns).toContainEqual({ source: 'Hardware quantity', field: 'chip_count', scale: 1, unit: 'chips (the hardware column says which kind)' });
      expect(r.columns).toContainEqual({ source: 'Parameters', field: 'params_b', scale: 1e-9, unit: 'parameters ÷ 10^9 = billions' });
    });

    test('thousands of rows › all kept in order', () => {
      const lines = fixture('epoch-all-ml-systems.csv').toString('utf8').trimEnd().split('\n');
      const body = Array.from({ length: 3000 }, (_, i) => lines[1 + (i % 7)]?.replace(/^[^,]+/, `Model ${i}`));
      const r = accepted(ingestBuffer(text([lines[0], ...body].join('\n'))));
      expect(r.rows).toHaveLength(3000);
      expect(r.rows[2999]?.model).toBe('Model 2999');
    });
  });

  describe('kind', () => {
    test('model header › detected as models', () => {
      expect(accepted(ingestBuffer(text('model,organization,training_cost_usd\nX,Y,$5.6M\n'))).kind).toBe('models');
    });
    test('company header › detected as company', () => {
      expect(accepted(ingestBuffer(text('company,fiscal_year,capex\nX,2024,1\n'))).kind).toBe('company');
    });
    test('kind given › wins over detection (and names the missing column)', () => {
      expect(refused(ingestBuffer(text('company,fiscal_year,capex\nX,2024,1\n'), { kind: 'models' })).problems).toEqual([{ code: 'missing_column', line: 1, column: 'model', value: null }]);
    });
    test('score columns › numeric', () => {
      const r = accepted(ingestBuffer(text('model,score_mmlu,notes\nX,88.5%,hi\n')));
      expect(r.rows).toEqual([{ model: 'X', score_mmlu: 0.885, notes: 'hi', cost_note: expect.any(String) }]);
    });
  });

  describe('duplicates', () => {
    test('same company-year with equal values › kept once, with a warning', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex\nA,2024,1\nA,2024,"1.0"\n')));
      expect(r.rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1, currency: 'USD' }]);
      expect(r.warnings).toEqual(['1 row repeated an earlier row exactly (first on line 3) and was skipped.']);
    });
    test('same company-year on a different basis › both kept', () => {
      const r = accepted(ingestBuffer(text('company,fiscal_year,capex,basis\nA,2026,1,guidance\nA,2026,2,estimate\n')));
      expect(r.rows).toHaveLength(2);
    });
  });
});

describe('ingestBuffer problems', () => {
  test('problems fixture › every problem with its editor line, column as written and value', () => {
    const r = refused(ingestBuffer(fixture('problems.csv')));
    expect(r.problems).toEqual([
      { code: 'bad_number', line: 4, column: 'capex', value: '12abc' },
      { code: 'too_few_fields', line: 6, column: 'capex', value: null },
      { code: 'duplicate_row', line: 7, column: 'fiscal_year', value: 'Beta 2024' },
      { code: 'bad_year', line: 8, column: 'fiscal_year', value: '20x4' },
      { code: 'too_many_fields', line: 9, column: null, value: 'many' },
    ]);
    expect(r.count).toBe(5);
    expect(r.messages[4]).toBe('Expected 4 fields as in the header, found 5: a value with a separator in it must be quoted.');
    expect(r.messages[0]).toBe('Expected an amount such as 1,234.5, $52.5B, 450M, (1,200) or 53조 1,139억.');
    expect(r.messages[2]).toBe('Beta 2024 already appears on line 5 with different values: keep one row per company and year (or give them different basis).');
  });

  test('a number after a multi-line field › line of the field itself', () => {
    const r = refused(ingestBuffer(text('company,notes,fiscal_year,capex\nA,"x\ny\nz",2024,bad\n')));
    expect(r.problems).toEqual([{ code: 'bad_number', line: 4, column: 'capex', value: 'bad' }]);
  });

  test('missing required columns › each named, on line 1', () => {
    const r = refused(ingestBuffer(text('label,revenue\nA,1\n')));
    expect(r.problems).toEqual([
      { code: 'missing_column', line: 1, column: 'company', value: null },
      { code: 'missing_column', line: 1, column: 'fiscal_year', value: null },
      { code: 'missing_column', line: 1, column: 'capex', value: null },
    ]);
    expect(r.messages[2]).toBe('Required column "capex" was not found among 2 headers; a company financials file needs a column named capex, capital_expenditure, purchases of property and equipment, 설비투자 or 자본적지출.');
  });

  test('missing required values › company, year, capex', () => {
    const r = refused(ingestBuffer(text('company,fiscal_year,capex\n,2024,1\nA,,1\nA,2024,n/a\n')));
    expect(r.problems).toEqual([
      { code: 'missing_value', line: 2, column: 'company', value: null },
      { code: 'missing_value', line: 3, column: 'fiscal_year', value: null },
      { code: 'missing_value', line: 4, column: 'capex', value: 'n/a' },
    ]);
  });

  test('reported financials without capex, guided capex on its own row › both load (separate rows of one year)', () => {
    const r = accepted(ingestBuffer(text('company,fiscal_year,basis,capex,revenue\nA,2025,reported,,700\nA,2025,guidance,125,\n')));
    expect(r.rows.map((x) => [x.basis, x.capex, x.revenue])).toEqual([['reported', null, 700], ['guidance', 125, null]]);
  });

  test('unclosed quote › line where the record starts', () => {
    const r = refused(ingestBuffer(text('company,fiscal_year,capex\nA,2024,1\nB,2024,"5\nC,2024,6\n')));
    expect(r.problems).toEqual([{ code: 'unclosed_quote', line: 3, column: 'capex', value: null }]);
  });

  test('quote inside an unquoted field › kept as written (inch marks from scrapes)', () => {
    const r = accepted(ingestBuffer(text('company,fiscal_year,capex,notes\nA,2024,1,15" screen\n')));
    expect(r.rows[0]?.notes).toBe('15" screen');
  });

  test('quoted number followed by a space › refused, showing the quotes', () => {
    const r = refused(ingestBuffer(text('company,fiscal_year,capex\nA,2024,"1,200" \n')));
    expect(r.problems).toEqual([{ code: 'bad_number', line: 2, column: 'capex', value: '"1,200"' }]);
  });

  test.each([
    ['zero bytes', Buffer.alloc(0), 'empty_file', null],
    ['whitespace only', text(' \n\r\n  \n'), 'empty_file', null],
    ['BOM only', Buffer.from([0xef, 0xbb, 0xbf]), 'empty_file', null],
    ['header only', text('company,fiscal_year,capex\n'), 'no_rows', 2],
  ])('%s › %s', (_name, bytes, code, line) => {
    expect(refused(ingestBuffer(bytes)).problems).toEqual([{ code, line, column: null, value: null }]);
  });

  test('NUL character › refused at its line', () => {
    const r = refused(ingestBuffer(text('company,fiscal_year,capex\nA,2024,1\nB\u0000,2024,1\n')));
    expect(r.problems).toEqual([{ code: 'nul_character', line: 3, column: null, value: null }]);
  });

  test('NUL in UTF-16 text › refused', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('company,fiscal_year,capex\nA\u0000,2024,1\n', 'utf16le')]);
    expect(refused(ingestBuffer(bytes)).problems).toEqual([{ code: 'nul_character', line: 2, column: null, value: null }]);
  });

  test.each([
    ['xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), 'This is a ZIP archive or an Excel workbook (.xlsx), not a CSV file: in Excel use File › Save As › CSV.'],
    ['xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'This is an old Excel workbook (.xls), not a CSV file: in Excel use File › Save As › CSV.'],
    ['PDF', text('%PDF-1.7\n'), 'This is a PDF document, not a CSV file.'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'This file is not text (it contains binary data); upload a CSV file.'],
  ])('%s › refused as not text', (_name, bytes, message) => {
    const r = ingestBuffer(bytes);
    expect(r).toEqual({ ok: false, problems: [{ code: 'not_text', line: null, column: null, value: null, message }], problemCount: 1 });
  });

  test('UTF-8 file with a stray Latin-1 byte after the sniffed start › bad encoding at its line', async () => {
    const head = 'company,fiscal_year,capex\n' + 'A,2024,1\n'.repeat(10000);
    const bytes = Buffer.concat([text(head), Buffer.from('Caf\xe9,2024,1\n', 'latin1')]);
    const r = refused(await ingestStream(Readable.from([bytes.subarray(0, 70000), bytes.subarray(70000)])));
    expect(r.problems).toEqual([{ code: 'bad_encoding', line: 10002, column: null, value: '0xE9' }]);
  });

  test('a very long bad value › quoted in the problem cut at 200 characters', () => {
    const r = refused(ingestBuffer(text(`company,fiscal_year,capex\nA,2024,${'9x'.repeat(5000)}\n`)));
    expect(r.problems).toEqual([{ code: 'bad_number', line: 2, column: 'capex', value: '9x'.repeat(5000).slice(0, 199) + '…' }]);
  });

  test('more than 100 problems › first 100 listed, all counted', () => {
    const csv = 'company,fiscal_year,capex\n' + Array.from({ length: 250 }, (_, i) => `A${i},2024,x${i}`).join('\n');
    const r = ingestBuffer(text(csv));
    if (r.ok) throw new Error('expected refusal');
    expect(r.problems).toHaveLength(100);
    expect(r.problemCount).toBe(250);
    expect(r.problems[99]).toMatchObject({ code: 'bad_number', line: 101, value: 'x99' });
  });
});

describe('ingestStream', () => {
  test('spooled large file › same rows as in memory, read back in order', async () => {
    const n = 25000;
    const csv = 'company,fiscal_year,capex\n' + Array.from({ length: n }, (_, i) => `C${i},2024,${i}`).join('\n');
    const r = await ingestStream(Readable.from([text(csv)]));
    if (!r.ok) throw new Error('expected ok');
    expect(Array.isArray(r.rows)).toBe(false);
    expect(r.rowCount).toBe(n);
    const rows = [...r.rows];
    expect(rows).toHaveLength(n);
    expect(rows[24999]).toEqual({ company: 'C24999', fiscal_year: 2024, capex: 24999, currency: 'USD' });
    expect(() => [...r.rows]).toThrow('spooled upload rows can be read once');
  });

  test('spooled rows with Korean text, empty cells, decimals and a 300 KB note › read back exactly', async () => {
    const long = '가'.repeat(100000) + 'x'.repeat(1000);
    const lines = ['company,fiscal_year,capex,revenue,notes'];
    const expected: Row[] = [];
    for (let i = 0; i < 12000; i++) {
      const note = i === 7000 ? long : i % 3 === 0 ? '' : `노트 ${i} "q"`;
      lines.push(`회사${i},${2000 + (i % 30)},${i}.25,${i % 2 ? '' : -(i + 1) * 1e6},"${note.replace(/"/g, '""')}"`);
      expected.push({ company: `회사${i}`, fiscal_year: 2000 + (i % 30), capex: i + 0.25, revenue: i % 2 ? null : -(i + 1) * 1e6, notes: note === '' ? null : note, currency: 'USD' });
    }
    const r = await ingestStream(Readable.from([text(lines.join('\n'))]));
    if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
    expect(Array.isArray(r.rows)).toBe(false);
    expect([...r.rows]).toEqual(expected);
  });

  test('async iterable of Uint8Array chunks › accepted', async () => {
    async function* gen(): AsyncGenerator<Uint8Array> {
      yield new Uint8Array(text('company,fiscal_year,capex\n'));
      yield new Uint8Array(text('A,2024,$1.5B\n'));
    }
    expect(accepted(await ingestStream(gen())).rows).toEqual([{ company: 'A', fiscal_year: 2024, capex: 1.5e9, currency: 'USD' }]);
  });
});
