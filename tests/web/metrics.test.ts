import request from 'supertest';
import type { Express } from 'express';
import type { Store } from '../../src/store/types';
import { makeApp, csrfOf } from '../helpers/app';

type Table = { columns: string[]; rows: (string | number | null)[][] };

describe('custom metrics › company report', () => {
  let app: Express;
  let store: Store;
  let id: number;
  beforeAll(async () => {
    ({ app, store } = (await makeApp()) as unknown as { app: Express; store: Store });
    id = ((await request(app).get('/api/datasets')).body as { id: number; kind: string }[]).find((d) => d.kind === 'company')!.id;
  });
  afterAll(async () => store.close());

  const q = `metric.capex_cover=${encodeURIComponent('ai_revenue_usd / ai_capex_usd')}`;

  test('JSON and CSV › a metric_<name> column of the cash-flow table, each row its formula of that row', async () => {
    const json = await request(app).get(`/datasets/${id}/report.json?${q}`);
    expect(json.status).toBe(200);
    const t = (json.body as { tables: Record<string, Table> }).tables['cash-flows'] as Table;
    const col = t.columns.indexOf('metric_capex_cover');
    expect(col).toBeGreaterThan(0);
    const rev = t.columns.indexOf('ai_revenue_usd');
    const capex = t.columns.indexOf('ai_capex_usd');
    let checked = 0;
    for (const r of t.rows) {
      if (typeof r[capex] === 'number' && (r[capex] as number) !== 0) {
        expect(r[col]).toBeCloseTo((r[rev] as number) / (r[capex] as number), 12);
        checked++;
      } else expect(r[col]).toBeNull();
    }
    expect(checked).toBeGreaterThan(0);
    const csv = await request(app).get(`/datasets/${id}/report.csv?table=cash-flows&${q}`);
    expect(csv.text).toContain('"metric_capex_cover"');
    expect(csv.text).toContain('"# metric.capex_cover","ai_revenue_usd / ai_capex_usd"');
  });

  test('page › the column in the table and the metric on the form', async () => {
    const page = await request(app).get(`/datasets/${id}/report?${q}`);
    expect(page.status).toBe(200);
    expect(page.text.replace(/&#x3D;/g, '=')).toContain('capex_cover = ai_revenue_usd / ai_capex_usd');
    expect(page.text).toContain('name="metric.capex_cover"');
  });

  test('an attack › 422 naming the metric and the reason, escaped on the form; JSON 422 too', async () => {
    const bad = `metric.x=${encodeURIComponent('cos.constructor("<script>alert(1)</script>")()')}`;
    const page = await request(app).get(`/datasets/${id}/report?${bad}`);
    expect(page.status).toBe(422);
    expect(page.text).toContain('metric.x:');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    const json = await request(app).get(`/datasets/${id}/report.json?metric.y=${encodeURIComponent('import(1)')}`);
    expect(json.status).toBe(422);
    expect(JSON.stringify(json.body)).toContain('metric.y: the function `import` is not allowed');
  });

  test('added on the form as name = formula; saved with a scenario and reopened with it', async () => {
    const added = await request(app).get(`/datasets/${id}/report.json?metricNew=${encodeURIComponent('fcf_b = fcf_usd / 1e9')}`);
    expect(((added.body as { tables: Record<string, Table> }).tables['cash-flows'] as Table).columns).toContain('metric_fcf_b');
    const agent = request.agent(app);
    const token = csrfOf((await agent.get('/scenarios')).text);
    const saved = await agent.post('/scenarios').type('form').send({ _csrf: token, name: 'With metric', 'metric.capex_cover': 'ai_revenue_usd / ai_capex_usd' });
    expect(saved.status).toBe(303);
    const s = ((await agent.get('/scenarios.json')).body as { id: number; name: string; values: Record<string, string> }[]).find((x) => x.name === 'With metric')!;
    expect(s.values['metric.capex_cover']).toBe('ai_revenue_usd / ai_capex_usd');
    const json = await agent.get(`/datasets/${id}/report.json?scenario=${s.id}`);
    expect(((json.body as { tables: Record<string, Table> }).tables['cash-flows'] as Table).columns).toContain('metric_capex_cover');
  });
});
