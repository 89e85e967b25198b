import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { SqliteStore } from '../../src/store/sqlite';
import { createApp } from '../../src/web/app';
import { testConfig } from '../helpers/app';
import { ACME_QUERY, acmeRows } from '../report/fixtures';

/**
 * Two stores on one database file stand for two instances: the app on `mine` has its own report
 * caches, and a rename or delete through `other` must never be answered from them.
 */
describe('report caches › a dataset changed through another instance', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-cache-')), 'shared.db');
  const mine = new SqliteStore(file);
  const other = new SqliteStore(file);
  const app = createApp({ store: mine, config: testConfig() });
  const token = 'cache-test-token-0123';
  const workspace = 'tok:' + crypto.createHash('sha256').update(token).digest('hex').slice(0, 24);
  const qs = new URLSearchParams(ACME_QUERY).toString();
  const get = (url: string) => request(app).get(url).set('Authorization', `Bearer ${token}`);
  afterAll(async () => {
    await mine.close();
    await other.close();
  });

  test('renamed, then deleted › page and JSON show the new name, then 404', async () => {
    const meta = await mine.createDataset({ kind: 'company', name: 'Acme before', builtIn: false, workspace, rows: acmeRows() });
    const url = `/datasets/${meta.id}/report`;
    expect((await get(`${url}.json?${qs}`)).body.dataset).toBe('Acme before');
    expect((await get(`${url}?${qs}`)).text).toContain('Acme before');

    expect(await other.renameDataset(meta.id, workspace, 'Acme after')).not.toBeNull();
    const json = await get(`${url}.json?${qs}`);
    expect(json.status).toBe(200);
    expect(json.body.dataset).toBe('Acme after');
    const page = await get(`${url}?${qs}`);
    expect(page.text).toContain('Acme after');
    expect(page.text).not.toContain('Acme before');

    expect(await other.deleteDataset(meta.id, workspace)).toBe(true);
    expect((await get(`${url}.json?${qs}`)).status).toBe(404);
    expect((await get(`${url}?${qs}`)).status).toBe(404);
  });
});

describe('store refusals › over HTTP', () => {
  test('a scenario name with a lone surrogate › 422 naming the problem, nothing saved', async () => {
    const store = new SqliteStore(':memory:');
    const app = createApp({ store, config: testConfig() });
    const auth = 'Bearer refusal-test-token-42';
    const res = await request(app)
      .post('/scenarios')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"name":"half \\ud83d","wacc":"0.1"}');
    expect(res.status).toBe(422);
    expect(res.text).toContain('scenario name contains a lone UTF-16 surrogate');
    const list = await request(app).get('/scenarios.json').set('Authorization', auth);
    expect((list.body as { name: string }[]).filter((s) => s.name.startsWith('half'))).toEqual([]);
    await store.close();
  });
});
