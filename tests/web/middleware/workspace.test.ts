import request from 'supertest';
import { makeApp } from '../../helpers/app';
import { ANONYMOUS_WORKSPACE } from '../../../src/web/middleware/workspace';

const CSV = Buffer.from('company,fiscal_year,capex\nAcme,2024,1\n');

describe('workspace › bearer tokens', () => {
  test.each([
    ['Bearer short7x', 'too short'],
    ['Bearer my team token', 'spaces inside'],
    ['Token longenough-123', 'another scheme'],
    ['Bearer', 'no token'],
    ['longenough-123', 'no scheme'],
  ])('Authorization %j (%s) › 401 with how to send one, nothing stored', async (header) => {
    const { app, store } = await makeApp();
    const before = (await store.listDatasets(ANONYMOUS_WORKSPACE)).length;
    const res = await request(app).post('/api/datasets').set('Authorization', header).attach('file', CSV, 'a.csv').expect(401);
    expect(res.body.error.code).toBe('bad_token');
    expect(res.body.error.message).toContain('Authorization: Bearer <token>');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="capexlens"');
    expect((await store.listDatasets(ANONYMOUS_WORKSPACE)).length).toBe(before);
  });

  test('malformed token on a read and on a page › 401 too (never a silent shared workspace)', async () => {
    const { app } = await makeApp();
    await request(app).get('/api/datasets').set('Authorization', 'Bearer short7x').expect(401);
    const page = await request(app).get('/').set('Authorization', 'Bearer short7x').expect(401);
    expect(page.text).toContain('Authorization: Bearer &lt;token&gt;');
  });

  test('API upload with neither token nor cookie › 401 token_required', async () => {
    const { app } = await makeApp();
    const res = await request(app).post('/api/datasets').attach('file', CSV, 'a.csv').expect(401);
    expect(res.body.error.code).toBe('token_required');
    expect(res.body.error.message).toContain('Authorization: Bearer <token>');
  });

  test('token-less reads › see the built-ins only, never what a token uploaded', async () => {
    const { app } = await makeApp();
    const up = await request(app).post('/api/datasets').set('Authorization', 'bearer lower-case-scheme-ok').attach('file', CSV, 'a.csv').expect(201);
    const list = await request(app).get('/api/datasets').expect(200);
    expect((list.body as { builtIn: boolean }[]).every((d) => d.builtIn)).toBe(true);
    await request(app).get(`/api/datasets/${up.body.id}`).expect(404);
  });
});

describe('workspace › cookie-carrying API posts', () => {
  async function browser() {
    const made = await makeApp();
    const agent = request.agent(made.app);
    const page = await agent.get('/datasets/new').expect(200);
    const token = /name="_csrf" value="([^"]+)"|_csrf=([^"&]+)/.exec(page.text);
    return { ...made, agent, csrf: decodeURIComponent(token?.[1] ?? token?.[2] ?? '') };
  }

  test('no CSRF token, no Origin › 403', async () => {
    const { agent } = await browser();
    const res = await agent.post('/api/datasets').attach('file', CSV, 'a.csv').expect(403);
    expect(res.body.error.code).toBe('csrf');
  });

  test('same-site Origin › accepted into the browser workspace', async () => {
    const { agent } = await browser();
    const res = await agent.post('/api/datasets').set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1').attach('file', CSV, 'a.csv');
    expect(res.status).toBe(201);
    await agent.get(`/api/datasets/${res.body.id}`).expect(200);
  });

  test('with the CSRF token header › accepted', async () => {
    const { agent, csrf } = await browser();
    expect(csrf).not.toBe('');
    await agent.post('/api/datasets').set('x-csrf-token', csrf).attach('file', CSV, 'a.csv').expect(201);
  });

  test('another site Origin › 403 cross_site', async () => {
    const { agent, csrf } = await browser();
    const res = await agent.post('/api/datasets').set('Origin', 'https://evil.example').set('x-csrf-token', csrf).attach('file', CSV, 'a.csv').expect(403);
    expect(res.body.error.code).toBe('cross_site');
  });
});
