import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Express } from 'express';
import { formatMoney, formatPercent } from '../../src/web/helpers/format';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';
import { ACME_QUERY, acmeRows, B } from '../report/fixtures';

/** The table part of a report CSV (after the `# key,value,source` block), numbers as numbers. */
function csvRecords(text: string): Record<string, string | number>[] {
  const body = text.slice(1);
  const blank = body.indexOf('\r\n\r\n');
  return parse(blank >= 0 ? body.slice(blank + 4) : body, { columns: true, cast: (v, ctx) => (ctx.quoting || v === '' ? v : Number(v)) }) as Record<string, string | number>[];
}

interface McJson {
  trials: number;
  seed: number;
  npv: { mean: number; p10: number; p50: number; p90: number };
  probNpvPositive: number;
  probPaybackWithinHorizon: number;
}

describe('company report › Monte Carlo, power and currency over HTTP', () => {
  let app: Express;
  let store: Store;
  let builtInId: number;
  let acmeId: number;
  const acmeQs = new URLSearchParams(ACME_QUERY).toString();

  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    const list = await request(app).get('/api/datasets');
    builtInId = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    acmeId = (await store.createDataset({ kind: 'company', name: 'Acme mc', builtIn: true, workspace: null, rows: acmeRows() })).id;
  });
  afterAll(async () => store.close());

  test('built-in dataset › a Monte Carlo table and NPV histogram per company, defaults 2,000 trials and seed 42', async () => {
    const page = await request(app).get(`/datasets/${builtInId}/report`);
    expect(page.status).toBe(200);
    expect(page.text.match(/data-table="monte-carlo"/g)).toHaveLength(4);
    expect(page.text.match(/<canvas id="chart-c\d-[a-z-]+-monte-carlo"/g)).toHaveLength(4);
    expect(page.text).toContain('Monte Carlo: 2,000 trials, seed 42');
    const json = await request(app).get(`/datasets/${builtInId}/report.json`);
    const mc = (json.body.companies as { monteCarlo: McJson }[]).map((c) => c.monteCarlo);
    expect(mc.map((m) => [m.trials, m.seed])).toEqual([[2000, 42], [2000, 42], [2000, 42], [2000, 42]]);
    const sources = json.body.assumptions as { key: string; value: unknown; source: string }[];
    expect(sources.find((a) => a.key === 'mc_seed')).toEqual({ key: 'mc_seed', value: 42, source: 'default' });
    expect(sources.find((a) => a.key === 'reporting_currency')).toEqual({ key: 'reporting_currency', value: 'USD', source: 'default' });
    expect(sources.find((a) => a.key === 'power_price_usd_per_kwh')).toEqual({ key: 'power_price_usd_per_kwh', value: 0.08, source: 'default' });
  });

  test('mcSeed and mcTrials › a link reproduces the numbers; another seed changes them', async () => {
    const q = `${acmeQs}&mcSeed=7&mcTrials=500`;
    const a = await request(app).get(`/datasets/${acmeId}/report.json?${q}`);
    const b = await request(app).get(`/datasets/${acmeId}/report.json?${a.body.query as string}`);
    const c = await request(app).get(`/datasets/${acmeId}/report.json?${acmeQs}&mcSeed=8&mcTrials=500`);
    expect(a.status).toBe(200);
    const mcA = a.body.companies[0].monteCarlo as McJson;
    expect([mcA.trials, mcA.seed]).toEqual([500, 7]);
    expect(b.body.companies[0].monteCarlo).toEqual(mcA);
    expect((c.body.companies[0].monteCarlo as McJson).npv.p50).not.toBe(mcA.npv.p50);
    expect(a.body.assumptions).toContainEqual({ key: 'mc_trials', value: 500, source: 'user' });
  });

  test('zero spreads over HTTP › every trial is the hand-checked NPV 6.1028 B', async () => {
    const q = `${acmeQs}&mcGrowthSd=0&mcMarginSpread=0&mcCapexShareSpread=0&mcWaccSd=0&mcTrials=20`;
    const j = await request(app).get(`/datasets/${acmeId}/report.json?${q}`);
    const mc = j.body.companies[0].monteCarlo as McJson;
    expect(mc.npv.p10 / B).toBeCloseTo(6.102789256, 6);
    expect(mc.npv.p90 / B).toBeCloseTo(6.102789256, 6);
    expect(mc.probNpvPositive).toBe(1);
  });

  test('CSV twin › ?table=monte-carlo holds the JSON numbers, and the page shows them', async () => {
    const q = `${acmeQs}&mcSeed=3&mcTrials=300`;
    const [page, json, csv] = await Promise.all([
      request(app).get(`/datasets/${acmeId}/report?${q}`),
      request(app).get(`/datasets/${acmeId}/report.json?${q}`),
      request(app).get(`/datasets/${acmeId}/report.csv?${q}&table=monte-carlo`),
    ]);
    expect([page.status, json.status, csv.status]).toEqual([200, 200, 200]);
    const mc = json.body.companies[0].monteCarlo as McJson;
    const [row] = csvRecords(csv.text);
    expect(row).toMatchObject({ company: 'Acme', trials: 300, seed: 3 });
    expect(row!.npv_p10_usd).toBeCloseTo(mc.npv.p10, 3);
    expect(row!.npv_p50_usd).toBeCloseTo(mc.npv.p50, 3);
    expect(row!.npv_p90_usd).toBeCloseTo(mc.npv.p90, 3);
    expect(row!.p_npv_positive_fraction).toBeCloseTo(mc.probNpvPositive, 12);
    expect(row!.p_payback_within_horizon_fraction).toBeCloseTo(mc.probPaybackWithinHorizon, 12);
    expect(json.body.tables['monte-carlo'].rows[0][6]).toBe(mc.npv.p50); // after company, trials, seed, mean, sd, p10
    const section = page.text.slice(page.text.indexOf('data-table="monte-carlo"'));
    for (const v of [mc.npv.p10, mc.npv.p50, mc.npv.p90]) expect(section).toContain(formatMoney(v));
    expect(section).toContain(formatPercent(mc.probNpvPositive));
  });

  test('bad Monte Carlo and power values › 422 naming the field, shown back on the form, never a 500', async () => {
    const json = await request(app).get(`/datasets/${builtInId}/report.json?mcTrials=20001`);
    expect(json.status).toBe(422);
    expect(json.body.problems[0]).toMatchObject({ column: 'mcTrials', value: '20001' });
    const csv = await request(app).get(`/datasets/${builtInId}/report.csv?table=monte-carlo&mcSeed=-1`);
    expect(csv.status).toBe(422);
    const page = await request(app).get(`/datasets/${builtInId}/report?mcTrials=1.5&pue=0.5&reportingCurrency=EUR&fxKrwPerUsd=abc&mcGrowthSd=-0.1`);
    expect(page.status).toBe(422);
    expect(page.text).toMatch(/id="f-mcTrials" name="mcTrials" value="1.5"/);
    expect(page.text).toMatch(/Monte Carlo: trials must be a whole number/);
    expect(page.text).toMatch(/PUE must be at least 1/);
    expect(page.text).toMatch(/Reporting currency must be one of USD, KRW/);
    expect(page.text).toMatch(/FX rate \(KRW per USD\) must be a number/);
    expect(page.text).toMatch(/AI revenue growth sd must be at least 0/);
    expect(page.text).not.toContain('data-table="monte-carlo"');
  });

  test('KRW › amounts × the FX rate, ₩ on the page, _krw columns in the CSV', async () => {
    const q = `${acmeQs}&reportingCurrency=KRW&fxKrwPerUsd=1000`;
    const [usd, krw, csv, page] = await Promise.all([
      request(app).get(`/datasets/${acmeId}/report.json?${acmeQs}`),
      request(app).get(`/datasets/${acmeId}/report.json?${q}`),
      request(app).get(`/datasets/${acmeId}/report.csv?${q}&table=comparison`),
      request(app).get(`/datasets/${acmeId}/report?${q}`),
    ]);
    expect(krw.body.currency).toBe('KRW');
    // No drift: every year at ₩1,000, so NPV = 1,000 × 6.1028 B USD.
    expect(krw.body.companies[0].npvUsd / usd.body.companies[0].npvUsd).toBeCloseTo(1000, 9);
    const [row] = csvRecords(csv.text);
    expect(row!.npv_krw).toBeCloseTo(krw.body.companies[0].npvUsd, 0);
    expect(row).not.toHaveProperty('npv_usd');
    expect(page.text).toContain(formatMoney(krw.body.companies[0].npvUsd, 'KRW'));
    expect(formatMoney(krw.body.companies[0].npvUsd, 'KRW')).toMatch(/^₩6.1T$/);
  });

  test('power › cash-flow table has MW, its basis and the power cost; the default USD report is unchanged by FX keys', async () => {
    const csv = await request(app).get(`/datasets/${builtInId}/report.csv?table=cash-flows`);
    const rows = csvRecords(csv.text);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['power_mw', 'power_mw_basis', 'power_cost_usd']));
    expect(rows[0]!.power_mw_basis).toBe('assumed');
    const same = await request(app).get(`/datasets/${builtInId}/report.json?fxKrwPerUsd=1200&fxDriftPerYear=0.05`);
    const base = await request(app).get(`/datasets/${builtInId}/report.json`);
    expect(same.body.tables.comparison).toEqual(base.body.tables.comparison);
  });
});
