import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp } from '../helpers/app';
import { builtInSlugs } from '../../src/web/routes/compare';

describe('compare › /datasets/:id/compare', () => {
  let app: Express;
  let store: Store;
  let id: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    const list = await request(app).get('/api/datasets');
    id = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
  });
  afterAll(async () => store.close());

  type Json = { scenarios: { id: string; name: string }[]; columns: string[]; rows: Record<string, string | number | null>[] };

  test('default › the four built-ins, one row per scenario and company, with the issue’s columns', async () => {
    const res = await request(app).get(`/datasets/${id}/compare.json`);
    expect(res.status).toBe(200);
    const body = res.body as Json;
    expect(body.scenarios.map((s) => s.id)).toEqual(['base', 'bull', 'bear', 'deepseek-shock']);
    expect(body.columns.slice(0, 9)).toEqual([
      'scenario', 'company', 'npv_usd', 'irr_fraction', 'payback_years', 'discounted_payback_years', 'unit_irr_fraction', 'break_even_revenue_yield', 'p_npv_positive_fraction',
    ]);
    expect(body.columns).toContain('npv_vs_first_usd');
    const companies = new Set(body.rows.map((r) => r.company));
    expect(body.rows.length).toBe(4 * companies.size);
    for (const r of body.rows.filter((row) => row.scenario === 'Base')) expect(r.npv_vs_first_usd).toBe(0);
  });

  test('numbers are the company report’s own › Bull’s NPV equals the report under Bull’s values', async () => {
    const cmp = (await request(app).get(`/datasets/${id}/compare.json?scenarios=base,bull`)).body as Json;
    const bull = builtInSlugs().get('bull')!.values;
    const q = new URLSearchParams(Object.entries(bull).map(([k, v]) => [k, String(v)])).toString();
    const report = (await request(app).get(`/datasets/${id}/report.json?${q}`)).body as { tables: { comparison: { columns: string[]; rows: (string | number | null)[][] } } };
    const cols = report.tables.comparison.columns;
    for (const row of report.tables.comparison.rows) {
      const company = row[cols.indexOf('company')];
      const mine = cmp.rows.find((r) => r.scenario === 'Bull' && r.company === company)!;
      const base = cmp.rows.find((r) => r.scenario === 'Base' && r.company === company)!;
      expect(mine.npv_usd).toBe(row[cols.indexOf('npv_usd')]);
      expect(mine.npv_vs_first_usd).toBeCloseTo((mine.npv_usd as number) - (base.npv_usd as number), 0);
    }
  });

  test('CSV twin › BOM, the same columns, one line per row', async () => {
    const res = await request(app).get(`/datasets/${id}/compare.csv?scenarios=bear,base`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.startsWith('\uFEFF"scenario","company","npv_usd"')).toBe(true);
    expect(res.text.split('\r\n')[1]).toMatch(/^"Bear",/);
  });

  test('page › grouped NPV chart as a JSON block, links to the reports and the twins', async () => {
    const res = await request(app).get(`/datasets/${id}/compare?scenarios=base&scenarios=deepseek-shock`);
    expect(res.status).toBe(200);
    const block = /<script type="application\/json" class="chart-data" data-canvas="chart-compare-npv">([^<]*)<\/script>/.exec(res.text)?.[1];
    const chart = JSON.parse(block ?? 'null') as { type: string; data: { datasets: { label: string }[] } };
    expect(chart.type).toBe('bar');
    expect(chart.data.datasets.map((d) => d.label)).toEqual(['Base', 'DeepSeek shock']);
    const html = res.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    expect(html).toContain(`href="/datasets/${id}/compare.csv?scenarios=base%2Cdeepseek-shock"`);
    expect(html).toContain(`href="/datasets/${id}/report?tokenPriceDeflation=0.7&volumeElasticity=0.3"`);
  });

  test('page › yields read as people read them (0.38), never a float’s 16 digits', async () => {
    const json = await request(app).get(`/datasets/${id}/compare.json`);
    const yields = (json.body as Json).rows.map((r) => r.break_even_revenue_yield).filter((v): v is number => typeof v === 'number');
    expect(yields.length).toBeGreaterThan(0);
    const page = await request(app).get(`/datasets/${id}/compare`);
    for (const y of yields) expect(page.text).toContain(`>${y.toFixed(2)}<`);
    expect(page.text).not.toMatch(/>−?\d+\.\d{4,}</);
  });

  test('a saved scenario by its id › compared under its own name; another workspace’s › 422', async () => {
    const saved = await store.saveScenario({ name: 'Cheap money', workspace: 'ws-a', values: { wacc: 0.05 } });
    const other = await request(app).get(`/datasets/${id}/compare.json?scenarios=base,${saved.id}`);
    expect(other.status).toBe(422);
    expect(JSON.stringify(other.body)).toContain(`No scenario \\"${saved.id}\\"`);
  });

  test('unknown scenario › 422 naming it, escaped on the page', async () => {
    const res = await request(app).get(`/datasets/${id}/compare?scenarios=${encodeURIComponent('<script>x</script>')}`);
    expect(res.status).toBe(422);
    expect(res.text).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(res.text).not.toContain('<script>x</script>');
  });

  test('bad assumption on top › 422 naming the key; unknown dataset › 404', async () => {
    const res = await request(app).get(`/datasets/${id}/compare.json?wacc=-5`);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('wacc');
    expect((await request(app).get('/datasets/999999/compare')).status).toBe(404);
  });
});

describe('compare › linked', () => {
  test('from the company report and from /scenarios', async () => {
    const { app, store } = await makeApp();
    const list = await request(app).get('/api/datasets');
    const id = (list.body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
    expect((await request(app).get(`/datasets/${id}/report`)).text).toContain(`href="/datasets/${id}/compare"`);
    expect((await request(app).get('/scenarios')).text).toContain(`href="/datasets/${id}/compare"`);
    await store.close();
  });
});
