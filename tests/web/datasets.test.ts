import request from 'supertest';
import { makeApp } from '../helpers/app';

describe('dataset pages', () => {
  test('GET /api/datasets › lists the built-ins with id, kind, name, rowCount, builtIn', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/api/datasets').expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({ kind: 'company', name: 'Hyperscaler capex 2022–2026', rowCount: 18, builtIn: true }),
      expect.objectContaining({ kind: 'models', name: 'AI model training costs', rowCount: 14, builtIn: true }),
      expect.objectContaining({ kind: 'company', name: 'Korean companies 2022–2025 (KRW)', rowCount: 12, builtIn: true }),
    ]);
    for (const d of res.body) expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'kind', 'name', 'rowCount', 'builtIn']));
  });

  test('GET / › lists datasets marked built-in with kind and row count', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    expect(res.text).toContain('Hyperscaler capex 2022–2026');
    expect(res.text).toMatch(/built-in/);
    expect(res.text).toContain('Company financials');
    expect(res.text).toContain('AI model costs');
  });

  test('GET /datasets/:id › formats numbers for people', async () => {
    const { app, store } = await makeApp();
    const company = (await store.listDatasets('x')).find((d) => d.kind === 'company')!;
    const res = await request(app).get(`/datasets/${company.id}`).expect(200);
    expect(res.text).toContain('$52.5B'); // Alphabet 2024 capex, $52.535B
    expect(res.text).toContain(`/datasets/${company.id}.csv`);
  });

  test('GET /datasets/:id.csv › raw numbers with units in headers and a BOM', async () => {
    const { app, store } = await makeApp();
    const company = (await store.listDatasets('x')).find((d) => d.kind === 'company')!;
    const res = await request(app).get(`/datasets/${company.id}.csv`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="Hyperscaler-capex-2022-2026.csv"/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text).toContain('"capex_usd"');
    expect(res.text).toContain(',52535000000,');
  });

  test('unknown dataset › 404 page; unknown API path › 404 JSON', async () => {
    const { app } = await makeApp();
    const page = await request(app).get('/datasets/999').expect(404);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(page.text).toContain('No dataset 999');
    const api = await request(app).get('/api/nothing').expect(404);
    expect(api.body).toEqual({ error: { code: 'not_found', message: 'No page at /api/nothing' } });
    await request(app).get('/datasets/1abc').expect(404);
  });

  test('another workspace’s dataset › 404', async () => {
    const { app, store } = await makeApp();
    const other = await store.createDataset({ kind: 'company', name: 'Private', builtIn: false, workspace: 'ws:0123456789abcdef01234567', rows: [] });
    await request(app).get(`/datasets/${other.id}`).expect(404);
    await request(app).get(`/datasets/${other.id}.csv`).expect(404);
  });

  test('security headers › CSP forbids inline script', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // no-referrer would make browsers send `Origin: null` on our own form posts.
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  test('a form post from another site › 403, whatever the path', async () => {
    const { app } = await makeApp();
    const evil = await request(app).post('/scenarios').set('Origin', 'https://evil.example').type('form').send({ name: 'x' }).expect(403);
    expect(evil.text).toContain('Cross-site request refused');
    await request(app).post('/api/datasets').set('Sec-Fetch-Site', 'cross-site').expect(403);
  });

  test('Chart.js › is served by the app itself', async () => {
    const { app } = await makeApp();
    const res = await request(app).get('/static/chartjs/chart.umd.js').expect(200);
    expect(res.text.length).toBeGreaterThan(100_000);
  });

  test('user strings in a dataset name and rows › are escaped in the list and the page', async () => {
    const { app, store } = await makeApp();
    const ds = await store.createDataset({
      kind: 'company',
      name: '<img src=x onerror=alert(1)>',
      builtIn: true,
      workspace: null,
      rows: [{ company: '<script>alert(1)</script>', fiscal_year: 2024, capex: 1 }],
    });
    const list = await request(app).get('/').expect(200);
    expect(list.text).not.toContain('<img src=x');
    expect(list.text).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    const page = await request(app).get(`/datasets/${ds.id}`).expect(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  test('production › a 500 shows no stack trace', async () => {
    const { app, store } = await makeApp({ NODE_ENV: 'production' });
    jest.spyOn(store, 'listDatasets').mockRejectedValue(new Error('secret internals'));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await request(app).get('/').expect(500);
    expect(res.text).not.toContain('secret internals');
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
    const api = await request(app).get('/api/datasets').expect(500);
    expect(api.body).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    spy.mockRestore();
  });
});
