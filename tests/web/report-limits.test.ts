import v8 from 'node:v8';
import vm from 'node:vm';
import request from 'supertest';
import { makeApp } from '../helpers/app';
import { closeReportPools } from '../../src/report/pool';
import { reportCacheFor } from '../../src/web/report-cache';

afterAll(() => closeReportPools());

async function companyId(store: { listDatasets(ws: string): Promise<{ id: number; kind: string }[]> }): Promise<number> {
  return (await store.listDatasets('x')).find((d) => d.kind === 'company')!.id;
}

describe('report limits', () => {
  test('a report over REPORT_TIME_LIMIT_MS › 422 over_time saying what to reduce, in about the budget', async () => {
    const { app, store } = await makeApp({ REPORT_TIME_LIMIT_MS: '300', REPORT_THREADS: '1' });
    const id = await companyId(store);
    const started = Date.now();
    const res = await request(app).get(`/datasets/${id}/report.json?mcTrials=20000&horizonYears=40`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('over_time');
    expect(res.body.error.message).toContain('Reduce mcTrials, horizonYears');
    expect(Date.now() - started).toBeLessThan(10_000);
    const page = await request(app).get(`/datasets/${id}/report?mcTrials=20000&horizonYears=40`).expect(422);
    expect(page.text).toContain('Reduce mcTrials, horizonYears');
    // In Korean the page says the same in Korean, naming the same keys.
    const ko = await request(app).get(`/datasets/${id}/report?mcTrials=20000&horizonYears=40&lang=ko`).expect(422);
    expect(ko.text).toContain('허용된 시간을 넘겨 중단되었습니다. 다음 값을 줄여 보세요: mcTrials, horizonYears.');
    expect(ko.text).not.toContain('Reduce mcTrials');
  }, 60_000);

  test('more reports waiting than REPORT_QUEUE › 503 with Retry-After', async () => {
    const { app, store } = await makeApp({ REPORT_QUEUE: '1', REPORT_THREADS: '1', REPORT_TIME_LIMIT_MS: '60000' });
    const id = await companyId(store);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((seed) => request(app).get(`/datasets/${id}/report.json?mcTrials=5000&mcSeed=${seed}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    const busy = answers.find((a) => a.status === 503)!;
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0);
    expect(busy.body.error.code).toBe('busy');
  }, 120_000);
});

describe('report cache › bounded by bytes', () => {
  test('200 distinct queries (page and JSON) with CACHE_MB=1 › the cache holds at most 1 MB and the heap grows less than 4 MB', async () => {
    const { app, store, config } = await makeApp({ CACHE_MB: '1', REPORT_THREADS: '1' });
    const { id } = await store.createDataset({
      kind: 'company',
      name: 'Small',
      builtIn: true,
      workspace: null,
      rows: [
        { company: 'Acme', fiscal_year: 2023, capex: 10e9, revenue: 100e9, currency: 'USD' },
        { company: 'Acme', fiscal_year: 2024, capex: 20e9, revenue: 120e9, currency: 'USD' },
      ],
    });
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const query = (i: number) => `wacc=${(0.05 + i / 10_000).toFixed(4)}&mcTrials=20`;
    // Warm up first: the first requests load modules and compile templates, which stay.
    for (let i = 0; i < 20; i++) await Promise.all([request(app).get(`/datasets/${id}/report?${query(i)}`), request(app).get(`/datasets/${id}/report.json?${query(i)}`)]);
    const before = heap();
    let pageBytes = 0;
    for (let i = 20; i < 220; i++) {
      const q = query(i);
      const [page, json] = await Promise.all([request(app).get(`/datasets/${id}/report?${q}`), request(app).get(`/datasets/${id}/report.json?${q}`)]);
      expect(page.status).toBe(200);
      expect(json.status).toBe(200);
      pageBytes += page.text.length + json.text.length;
    }
    const cache = reportCacheFor(store, config);
    expect(cache.bytes).toBeGreaterThan(0);
    expect(cache.bytes).toBeLessThanOrEqual(1024 * 1024);
    // Unbounded, the cache would hold every page and JSON sent (and each report besides): 8× the budget.
    expect(pageBytes).toBeGreaterThan(8 * 1024 * 1024);
    const grown = heap() - before;
    console.log(`sent ${(pageBytes / 1048576).toFixed(1)} MB; cache holds ${(cache.bytes / 1048576).toFixed(2)} MB; heap grew ${(grown / 1048576).toFixed(1)} MB`);
    expect(grown).toBeLessThan(4 * 1024 * 1024);
  }, 240_000);
});
