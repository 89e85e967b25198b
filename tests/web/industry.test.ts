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
    expect(res.text).toContain('leaves a gap of $500B');
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

  test('over a company dataset › sums AI capex of the chosen year; spend marked as data', async () => {
    const list = await request(app).get('/api/datasets');
    const id = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    const res = await request(app).get(`/reports/industry.json?dataset=${id}&year=2024`);
    expect(res.status).toBe(200);
    // FY2024 capex: MSFT 44.477 + GOOGL 52.535 + AMZN 82.999 + META 39.225 = 219.236B; × 0.6 AI = 131.5416B;
    // accelerator spend × 0.5 = 65.7708B; required = 131.5416 / 0.5 = 263.0832B
    expect(res.body.dataset.aiCapexUsd).toBeCloseTo(131.5416e9, 0);
    expect(res.body.inputs.acceleratorSpend).toBeCloseTo(65.7708e9, 0);
    expect(res.body.requiredRevenue).toBeCloseTo(263.0832e9, 0);
    expect(res.body.sources.acceleratorSpend).toBe('data');
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
