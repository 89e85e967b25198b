import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import { formatMoney } from '../../src/web/helpers/format';
import type { Row, Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';
import { ACME_QUERY, acmeRows, B } from '../report/fixtures';

/** Splits a report CSV into its `# key,value,source` lines and its table, both parsed back. */
function readCsv(text: string) {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const body = text.slice(1);
  const blank = body.indexOf('\r\n\r\n');
  const head = blank >= 0 ? body.slice(0, blank) : '';
  const table = blank >= 0 ? body.slice(blank + 4) : body;
  const assumptions = head ? (parse(head, { cast: true }) as (string | number)[][]) : [];
  const records = parse(table, { columns: true, cast: (v, ctx) => (ctx.quoting || v === '' ? v : Number(v)) }) as Record<string, string | number>[];
  return { assumptions, records, raw: table };
}

async function addDataset(store: Store, name: string, rows: Row[]): Promise<number> {
  const meta = await store.createDataset({ kind: 'company', name, builtIn: true, workspace: null, rows });
  return meta.id;
}

describe('company report › HTTP', () => {
  let app: Express;
  let store: Store;
  let builtInId: number;
  let acmeId: number;
  const acmeQs = new URLSearchParams(ACME_QUERY).toString();

  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    const list = await request(app).get('/api/datasets');
    builtInId = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    acmeId = await addDataset(store, 'Acme test', acmeRows());
  });
  afterAll(async () => store.close());

  test('built-in dataset › one section per company with capex chart and capex/YoY/CAGR table', async () => {
    const res = await request(app).get(`/datasets/${builtInId}/report`);
    expect(res.status).toBe(200);
    // Each company's section is named by its heading (aria-labelledby), the name marked as data.
    for (const c of ['Microsoft', 'Alphabet', 'Amazon', 'Meta']) expect(res.text).toMatch(new RegExp(`<section class="company" id="(c\\d+-[a-z-]+)" aria-labelledby="\\1-name">\\s*<h2 id="\\1-name"><span translate="no">${c}</span>`));
    expect(res.text.match(/<canvas id="chart-c\d-[a-z-]+-capex"/g)).toHaveLength(4);
    expect(res.text.match(/data-table="capex"/g)).toHaveLength(4);
    expect(res.text).toContain('Year-over-year growth');
    expect(res.text).toContain('CAGR since first year');
    // Microsoft FY2022 → FY2025: 23.886B → 64.551B, CAGR (64.551/23.886)^(1/3) − 1 = 39.3%
    expect(res.text).toContain('39.3%');
    expect(res.text).toContain('class="chart-data"');
  });

  test('hand-checked dataset › page, CSV and JSON carry the same numbers', async () => {
    const page = await request(app).get(`/datasets/${acmeId}/report?${acmeQs}`);
    const json = await request(app).get(`/datasets/${acmeId}/report.json?${acmeQs}`);
    const csv = await request(app).get(`/datasets/${acmeId}/report.csv?${acmeQs}&table=comparison`);
    expect([page.status, json.status, csv.status]).toEqual([200, 200, 200]);
    const company = (json.body.companies as { npvUsd: number; paybackYears: number }[])[0]!;
    // NPV 6.102789 B and payback 1.704 years, worked in tests/report/company-model.test.ts
    expect(company.npvUsd / B).toBeCloseTo(6.102789256, 8);
    expect(company.paybackYears).toBeCloseTo(1.703947368, 8);
    const { records, assumptions } = readCsv(csv.text);
    expect(records[0]?.npv_usd).toBe(company.npvUsd);
    expect(records[0]?.payback_years).toBe(company.paybackYears);
    expect(assumptions).toContainEqual(['# wacc_fraction', 0.1, 'user']);
    expect(assumptions).toContainEqual(['# horizon_years', 4, 'user']);
    expect(assumptions).toContainEqual(['# valuation_date', '2024-12-31', 'data']);
    expect(assumptions).toContainEqual(['# dataset', 'Acme test', 'data']);
    expect(page.text).toContain(formatMoney(company.npvUsd)); // "$6.1B"
    expect(page.text).toContain('pays back in 1.7 years');
  });

  test('every table › has a CSV twin whose rows equal the JSON twin', async () => {
    const json = await request(app).get(`/datasets/${acmeId}/report.json?${acmeQs}`);
    for (const [name, t] of Object.entries(json.body.tables as Record<string, { columns: string[]; rows: unknown[][] }>)) {
      const csv = await request(app).get(`/datasets/${acmeId}/report.csv?${acmeQs}&table=${name}`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const { records } = readCsv(csv.text);
      expect(Object.keys(records[0] ?? {})).toEqual(t.columns);
      records.forEach((rec, i) => t.columns.forEach((c, j) => expect(rec[c]).toEqual(t.rows[i]?.[j] ?? '')));
    }
  });

  test('CSV › raw numbers (no $ or thousands separators), unit-named headers', async () => {
    const csv = await request(app).get(`/datasets/${builtInId}/report.csv?table=capex`);
    const { raw, records } = readCsv(csv.text);
    expect(raw.split('\r\n')[0]).toBe('"company","fiscal_year","basis","capex_usd","yoy_growth_fraction","cagr_since_first_year_fraction"');
    expect(raw).not.toMatch(/\$|\d,\d{3}/);
    expect(records.find((r) => r.company === 'Microsoft' && r.fiscal_year === 2024)?.capex_usd).toBe(44477000000);
  });

  test('a company named like a formula › neutralised in the CSV, numbers stay numbers', async () => {
    const id = await addDataset(store, 'Formula', acmeRows('=HYPERLINK("http://evil","x")'));
    const csv = await request(app).get(`/datasets/${id}/report.csv?table=capex`);
    const { records, raw } = readCsv(csv.text);
    expect(records[0]?.company).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(records[0]?.capex_usd).toBe(100 * B);
    expect(raw).toMatch(/,100000000000,/);
  });

  test('XSS payloads in company names › inert in the page and in chart JSON', async () => {
    const name = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await addDataset(store, '<b>Evil</b>', acmeRows(name));
    const res = await request(app).get(`/datasets/${id}/report`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<b>Evil</b>');
    expect(res.text).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
    const blocks = [...res.text.matchAll(/<script type="application\/json" class="chart-data"[^>]*>([\s\S]*?)<\/script>/g)];
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(() => JSON.parse(b[1] as string)).not.toThrow();
  });

  test('bad assumptions › 422 page showing each bad value with its message, never a 500', async () => {
    const res = await request(app).get(`/datasets/${builtInId}/report?wacc=-1&gpuUsefulLifeYears=0&taxRate=abc`);
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="f-wacc" name="wacc" value="-1"/);
    expect(res.text).toMatch(/Discount rate \(WACC\) must be greater than -1/);
    expect(res.text).toMatch(/id="f-gpuUsefulLifeYears" name="gpuUsefulLifeYears" value="0"/);
    expect(res.text).toMatch(/Tax rate must be a number/);
    expect(res.text).not.toContain('data-table="cash-flows"');
  });

  test('bad assumptions › the 422 names fields by their labels and shows a bad value as the user’s, not "from: default"', async () => {
    const res = await request(app).get(`/datasets/${builtInId}/report?wacc=abc&lang=en`);
    expect(res.status).toBe(422);
    const table = /<table class="data problems">([\s\S]*?)<\/table>/.exec(res.text)?.[1] ?? '';
    expect(table).toContain('<td>Discount rate (WACC)</td>');
    expect(table).not.toContain('<td translate="no">wacc</td>');
    // The label around the bad input, up to the next field.
    const field = /<label for="f-wacc"[\s\S]*?<\/label>/.exec(res.text)?.[0] ?? '';
    expect(field).toContain('value="abc"');
    expect(field).toContain('aria-invalid="true"');
    expect(field).not.toContain('from: default');
    expect(field).toContain('from: you (not valid, not used)');
    // A field left alone still says where its value came from.
    expect(/<label for="f-taxRate"[\s\S]*?<\/label>/.exec(res.text)?.[0]).toContain('from: default');
    // The API keeps the key: it is what a script sends.
    const j = await request(app).get(`/datasets/${builtInId}/report.json?wacc=abc`);
    expect(j.body.problems[0]).toMatchObject({ column: 'wacc', value: 'abc' });
  });

  test('bad assumptions › 422 JSON and CSV with the problems', async () => {
    const j = await request(app).get(`/datasets/${builtInId}/report.json?wacc=-2`);
    expect(j.status).toBe(422);
    expect(j.body.problems[0]).toMatchObject({ column: 'wacc', value: '-2' });
    const c = await request(app).get(`/datasets/${builtInId}/report.csv?horizonYears=0`);
    expect(c.status).toBe(422);
  });

  test('unknown CSV table › 400 naming the tables', async () => {
    const res = await request(app).get(`/datasets/${builtInId}/report.csv?table=nope`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/comparison/);
  });

  test('saved scenario › its values are used and marked, the query still wins', async () => {
    await request(app).get('/scenarios');
    const list = await request(app).get('/scenarios.json');
    const bull = (list.body as { id: number; name: string }[]).find((s) => s.name === 'Bull')!;
    const res = await request(app).get(`/datasets/${builtInId}/report.json?scenario=${bull.id}&taxRate=0.3`);
    const a = res.body.assumptions as { key: string; value: number; source: string }[];
    expect(a.find((x) => x.key === 'wacc_fraction')).toEqual({ key: 'wacc_fraction', value: 0.08, source: 'scenario' });
    expect(a.find((x) => x.key === 'tax_rate_fraction')).toEqual({ key: 'tax_rate_fraction', value: 0.3, source: 'user' });
    const missing = await request(app).get(`/datasets/${builtInId}/report.json?scenario=99999`);
    expect(missing.status).toBe(422);
  });

  test('a link › reproduces the report exactly', async () => {
    const first = await request(app).get(`/datasets/${builtInId}/report.json?wacc=0.11&gpuUsefulLifeYears=5`);
    const again = await request(app).get(`/datasets/${builtInId}/report.json?${first.body.query as string}`);
    expect(again.body.tables).toEqual(first.body.tables);
  });

  test('the CSV link on the page › gives the numbers the page shows', async () => {
    const page = await request(app).get(`/datasets/${builtInId}/report?wacc=0.11&aiRevenueGrowth=0.3`);
    const href = /href="([^"]*report\.csv\?[^"]*table&#x3D;comparison[^"]*)"/.exec(page.text)?.[1];
    expect(href).toBeDefined();
    const url = (href as string).replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const [csv, json] = await Promise.all([request(app).get(url), request(app).get(`/datasets/${builtInId}/report.json?wacc=0.11&aiRevenueGrowth=0.3`)]);
    const { records, assumptions } = readCsv(csv.text);
    expect(assumptions).toContainEqual(['# wacc_fraction', 0.11, 'user']);
    expect(records.map((r) => r.npv_usd)).toEqual((json.body.companies as { npvUsd: number }[]).map((c) => c.npvUsd));
  });

  test('a different assumption › different numbers (the report is not canned)', async () => {
    const a = await request(app).get(`/datasets/${builtInId}/report.json`);
    const b = await request(app).get(`/datasets/${builtInId}/report.json?aiRevenueGrowth=0.6`);
    expect(b.body.companies[0].npvUsd).toBeGreaterThan(a.body.companies[0].npvUsd);
    expect(b.body.summary).not.toEqual(a.body.summary);
  });
});
