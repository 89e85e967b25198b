import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';

describe('industry gap › HTTP', () => {
  let app: Express;
  let store: Store;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
  });
  afterAll(async () => store.close());

  test('JSON, Sequoia 2024 › $600B required, $500B gap, whole USD', async () => {
    const res = await request(app).get('/reports/industry.json?acceleratorSpend=150e9&acceleratorShare=0.5&grossMargin=0.5&aiRevenue=100e9');
    expect(res.status).toBe(200);
    expect(res.body.requiredRevenue).toBe(600e9);
    expect(res.body.gap).toBe(500e9);
  });

  test('JSON, Sequoia 2023 › $200B required, $125B gap', async () => {
    const res = await request(app).get('/reports/industry.json?acceleratorSpend=50e9&aiRevenue=75e9');
    expect(res.body.requiredRevenue).toBe(200e9);
    expect(res.body.gap).toBe(125e9);
    expect(res.body.sources.acceleratorShare).toBe('default');
    expect(res.body.sources.acceleratorSpend).toBe('user');
  });

  test('JSON, Nvidia FY2026 data center $193.7B › $774.8B required', async () => {
    const res = await request(app).get('/reports/industry.json?acceleratorSpend=193.7e9');
    expect(res.body.requiredRevenue).toBeCloseTo(774.8e9, 0);
  });

  test('page with defaults › the $600B question in words, a chart, presets', async () => {
    const res = await request(app).get('/reports/industry');
    expect(res.status).toBe(200);
    expect(res.text).toContain('the industry must earn $600B of revenue');
    expect(res.text).toContain('a gap of $500B a year');
    expect(res.text).toContain('data-canvas="chart-gap"');
    expect(res.text).toContain('href="/reports/industry?acceleratorSpend&#x3D;50000000000&amp;aiRevenue&#x3D;75000000000"');
  });

  test('CSV twin › inputs as # lines with sources, raw numbers equal to the JSON', async () => {
    const qs = 'acceleratorSpend=50e9&aiRevenue=75e9';
    const [csv, json] = await Promise.all([request(app).get(`/reports/industry.csv?${qs}`), request(app).get(`/reports/industry.json?${qs}`)]);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const [head, body] = csv.text.slice(1).split('\r\n\r\n') as [string, string];
    expect(parse(head, { cast: true })).toContainEqual(['# accelerator_spend_usd', 50e9, 'user']);
    const rows = parse(body, { columns: true, cast: true }) as { measure: string; value_usd: number }[];
    expect(rows.find((r) => r.measure === 'required_revenue')?.value_usd).toBe(json.body.requiredRevenue);
    expect(rows.find((r) => r.measure === 'gap')?.value_usd).toBe(125e9);
  });

  test('years-to-close CSV › ln 6 / ln 1.25 = 8.03 years for the 2024 case', async () => {
    const csv = await request(app).get('/reports/industry.csv?table=years-to-close');
    const rows = parse(csv.text.slice(1).split('\r\n\r\n')[1] as string, { columns: true, cast: true }) as { years_to_close: number }[];
    expect(rows[0]?.years_to_close).toBeCloseTo(Math.log(6) / Math.log(1.25), 12);
  });

  test('over a company dataset › sums AI capex of the chosen calendar year; spend marked as data', async () => {
    const list = await request(app).get('/api/datasets');
    const id = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    const res = await request(app).get(`/reports/industry.json?dataset=${id}&year=2024`);
    expect(res.status).toBe(200);
    expect(res.body.dataset.calendarYear).toBe(2024);
    expect(res.body.dataset.summedBy).toBe('calendar year; fiscal years split by month');
    // The total is the companies' sum; accelerator spend = AI capex × 0.5; required = AI capex ÷ 0.5.
    const companies = res.body.tables.companies as { ai_capex_usd: number }[];
    expect(res.body.dataset.aiCapexUsd).toBeCloseTo(companies.reduce((s, c) => s + c.ai_capex_usd, 0), 0);
    expect(res.body.inputs.acceleratorSpend).toBeCloseTo(res.body.dataset.aiCapexUsd * 0.5, 0);
    expect(res.body.requiredRevenue).toBeCloseTo(res.body.dataset.aiCapexUsd / 0.5, 0);
    expect(res.body.sources.acceleratorSpend).toBe('data');
  });

  test('an uploaded June-year company › calendar 2024 = half of FY2024 + half of FY2025; guidance marked and excludable', async () => {
    const csv = Buffer.from(
      'company,fiscal_year,fiscal_year_end,basis,capex\nJune Co,2024,June 30,reported,40e9\nJune Co,2025,2025-06-30,reported,60e9\nDec Co,2024,,reported,50e9\nDec Co,2025,,guidance,90e9\n',
    );
    const auth = 'Bearer token-of-industry';
    const up = await request(app).post('/api/datasets').set('authorization', auth).attach('file', csv, 'fy.csv').expect(201);
    const get = (qs: string) => request(app).get(`/reports/industry.json?dataset=${up.body.id}&${qs}`).set('authorization', auth).expect(200);
    // 2024: June Co ½·40 + ½·60 = 50, Dec Co 50 → capex 100B, AI (default 60%) 60B.
    const y2024 = await get('year=2024');
    expect(y2024.body.tables.companies.map((c: { company: string; capex_usd: number; months: number }) => [c.company, c.capex_usd, c.months])).toEqual([
      ['June Co', 50e9, 12],
      ['Dec Co', 50e9, 12],
    ]);
    expect(y2024.body.dataset.aiCapexUsd).toBeCloseTo(60e9, 0);
    // 2025: June Co ½·60 = 30 (6 months), Dec Co's guided 90 → 120B, guidance named.
    const y2025 = await get('year=2025');
    expect(y2025.body.dataset.aiCapexUsd).toBeCloseTo(0.6 * 120e9, 0);
    expect(y2025.body.dataset.guidanceCompanies).toEqual(['Dec Co']);
    const without = await get('year=2025&includeGuidance=false');
    expect(without.body.dataset.aiCapexUsd).toBeCloseTo(0.6 * 30e9, 0);
    expect(without.body.dataset.includeGuidance).toBe(false);
    const page = await request(app).get(`/reports/industry?dataset=${up.body.id}&year=2025`).set('authorization', auth).expect(200);
    expect(page.text).toContain('calendar 2025 (fiscal years split by month), including guidance');
    expect(page.text).toContain('Capex is summed by calendar year: a fiscal year is split by its months');
    expect(page.text).toContain('Includes guidance, not yet reported, for Dec Co.');
    const csvOut = await request(app).get(`/reports/industry.csv?dataset=${up.body.id}&year=2025&includeGuidance=false&table=companies`).set('authorization', auth).expect(200);
    const head = parse(csvOut.text.slice(1).split('\r\n\r\n')[0] as string) as string[][];
    expect(head).toContainEqual(['# include_guidance', 'false', 'user']);
    expect(head).toContainEqual(['# summed_by', 'calendar year; fiscal years split by month (fiscal_year_end)', 'data']);
    expect((await request(app).get(`/reports/industry.json?dataset=${up.body.id}&includeGuidance=maybe`).set('authorization', auth)).status).toBe(422);
  });

  test('wording in every download › continuing spend needs the full requirement every year', async () => {
    const json = await request(app).get('/reports/industry.json');
    expect(json.body.requiredRevenueApplies).toBe('every year while the spending continues');
    expect(json.body.oneOffRequiredRevenuePerYear).toBe(100e9);
    expect(json.body.summary[1]).toContain('that is $600B every year');
    const csv = await request(app).get('/reports/industry.csv?table=gap');
    const rows = parse(csv.text.slice(1).split('\r\n\r\n')[1] as string, { columns: true, cast: true }) as { measure: string; applies_to: string }[];
    expect(rows.find((r) => r.measure === 'required_revenue')?.applies_to).toBe('every year while the spending continues');
    expect(rows.find((r) => r.measure === 'one_off_required_revenue_per_year')?.applies_to).toBe('a single year of spend, never repeated, spread over its 6-year life');
    const page = await request(app).get('/reports/industry');
    expect(page.text).toContain('Spending that continues every year needs the full required revenue every year');
  });

  test('bad inputs › 422 with messages, on the page and in JSON and CSV', async () => {
    const page = await request(app).get('/reports/industry?acceleratorShare=0&grossMargin=abc');
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/share of data-center cost must be greater than 0/);
    expect(page.text).toMatch(/id="f-grossMargin" name="grossMargin" value="abc"/);
    expect((await request(app).get('/reports/industry.json?grossMargin=1')).status).toBe(422);
    expect((await request(app).get('/reports/industry.csv?dataset=999999')).status).toBe(422);
  });
});
