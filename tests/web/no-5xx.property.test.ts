/**
 * No query makes a 5xx: every query key of every report and calculator, at and beyond its bounds,
 * alone and combined, in each format (page, CSV, JSON), answers 2xx or 4xx.
 */
import fc from 'fast-check';
import request from 'supertest';
import type { Express } from 'express';
import { makeApp } from '../helpers/app';
import { ASSUMPTION_DEFS } from '../../src/report/assumptions';
import { INDUSTRY_DEFS } from '../../src/report/industry-report';
import { parseModelEconomicsQuery } from '../../src/report/model-economics';
import { parseGpuJobQuery } from '../../src/report/gpus-per-job';
import type { Store } from '../../src/store/types';

interface Bounded {
  key: string;
  min?: number;
  max?: number;
}

/** Values at and beyond any bound, plus text no number parser should accept. */
const EXTREMES = ['0', '-0', '1', '-1', '0.99', '0.999999', '5', '40', '41', '1e-320', '-1e-320', '5e-324', '1e308', '-1e308', '1.8e308', '1e309', 'NaN', 'Infinity', '-Infinity', '1e3', '4294967296', '9007199254740993', 'abc', '', ' 1 ', '0x10', '1,000', '50%'];

function valuesFor(def: Bounded): string[] {
  const near = (x: number) => [x, x * (1 + 1e-9) + 1e-9, x - 1e-9 - Math.abs(x) * 1e-9, x + 1, x - 1].map(String);
  return [...new Set([...EXTREMES, ...(def.min !== undefined ? near(def.min) : []), ...(def.max !== undefined ? near(def.max) : [])])];
}

/** `base` is sent unless the case sets the same key (Monte Carlo trials only cost time, not bounds). */
type Target = { name: string; paths: string[]; keys: Bounded[]; base?: Record<string, string> };

let app: Express;
let store: Store;
let targets: Target[];

beforeAll(async () => {
  ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
  const list = await store.listDatasets('anyone');
  // A small company dataset keeps each report quick; the built-in one is used for the reported 500.
  const company = (
    await store.createDataset({
      kind: 'company',
      name: 'Bounds',
      builtIn: true,
      workspace: null,
      rows: [
        { company: 'Acme', fiscal_year: 2023, capex: 10e9, revenue: 100e9, operating_income: 20e9, net_income: 15e9, currency: 'USD' },
        { company: 'Acme', fiscal_year: 2024, capex: 20e9, revenue: 120e9, operating_income: 25e9, net_income: 18e9, currency: 'USD' },
      ],
    })
  ).id;
  const models = list.find((d) => d.kind === 'models')!.id;
  const formats = (base: string) => [base, `${base}.json`, `${base}.csv`];
  const modelKeys = parseModelEconomicsQuery({}).assumptions.map((a) => ({ key: a.key }));
  const gpuKeys = Object.keys(parseGpuJobQuery({}).form).map((key) => ({ key }));
  targets = [
    { name: 'company report', paths: formats(`/datasets/${company}/report`), base: { mcTrials: '50' }, keys: [...ASSUMPTION_DEFS, { key: 'price.ACME', min: 0 }, { key: 'scenario' }, { key: 'table' }] },
    { name: 'models report', paths: formats(`/datasets/${models}/report`), keys: [...modelKeys, { key: 'lens', min: 1 }, { key: 'year', min: 1900, max: 2200 }, { key: 'lensModel' }, { key: 'table' }] },
    { name: 'industry', paths: formats('/reports/industry'), keys: [...INDUSTRY_DEFS, { key: 'dataset', min: 1 }, { key: 'year' }, { key: 'table' }] },
    { name: 'gpus per job', paths: formats('/gpus-per-job'), keys: [...gpuKeys, { key: 'table' }] },
  ];
});
afterAll(async () => store.close());

async function expectNo5xx(path: string, query: Record<string, string>): Promise<void> {
  const res = await request(app).get(path).query(query);
  if (res.status >= 500 || res.status < 200) throw new Error(`${path}?${new URLSearchParams(query).toString()} → ${res.status}: ${res.text.slice(0, 300)}`);
}

describe('no 5xx from any query', () => {
  test('each key alone, at and beyond its bounds › 2xx or 4xx (JSON twin)', async () => {
    let sent = 0;
    for (const t of targets) {
      const json = t.paths[1]!;
      for (const def of t.keys) for (const v of valuesFor(def)) {
        await expectNo5xx(json, { ...t.base, [def.key]: v });
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(1000);
  }, 300_000);

  test('keys combined, random values at and beyond bounds › 2xx or 4xx (page, CSV and JSON)', async () => {
    for (const t of targets) {
      const entry = fc.constantFrom(...t.keys).chain((def) => fc.tuple(fc.constant(def.key), fc.constantFrom(...valuesFor(def))));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...t.paths), fc.uniqueArray(entry, { minLength: 2, maxLength: 8, selector: ([k]) => k }), async (path, pairs) => {
          await expectNo5xx(path, { ...t.base, ...Object.fromEntries(pairs) });
        }),
        { numRuns: 80, seed: 20261201 },
      );
    }
  }, 300_000);

  test('the reported 500s › now 4xx naming what to reduce', async () => {
    for (const q of ['salary=1e308', 'purchase=1e308&basis=buy', 'tokensPerWorkday=1e-320']) {
      const res = await request(app).get(`/gpus-per-job.json?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(q.split('=')[0]);
    }
    const list = await store.listDatasets('anyone');
    const company = list.find((d) => d.kind === 'company')!.id;
    // A vintage's revenue compounds by q = (1 − d)^(1 − e) = (1e-6)^(−4) = 1e24 a year of its
    // 20-year life: 1e24^19 is beyond float64.
    const res = await request(app).get(`/datasets/${company}/report.json?tokenPriceDeflation=0.999999&volumeElasticity=5&gpuUsefulLifeYears=20`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('uncomputable');
    expect(res.body.error.reduce).toEqual(expect.arrayContaining(['gpuUsefulLifeYears', 'volumeElasticity', 'tokenPriceDeflation']));
  }, 60_000);
});
