import { csrfOf } from './helpers/app';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { BUILT_INS } from '../src/seed';
import { createSchema, describePostgres, dropSchemas, TEST_DATABASE_URL, testSchemaName } from './helpers/postgres';

/**
 * Two app processes (node dist/server.js, as deployed) on one PostgreSQL database, the way
 * instances sit behind a load balancer: whatever one does, the other sees, and a browser's
 * workspace cookie and CSRF token from one are good on the other. npm test builds dist/ first.
 */
const SERVER = path.join(__dirname, '..', 'dist', 'server.js');
const SECRET = 'two-instances-secret-0123456789';
const CSV = 'company,ticker,fiscal_year,capex\nAcme,ACME,2023,1000000000\nAcme,ACME,2024,2000000000\nAcme,ACME,2025,3000000000\n';

interface Instance {
  url: string;
  child: ChildProcess;
  output: () => string;
}

function start(databaseUrl: string): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', UPLOADS_PER_MINUTE: '4' };
    const child = spawn(process.execPath, [SERVER], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`instance did not start in 20 s:\n${out}`)), 20_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1].replace('localhost', '127.0.0.1'), child, output: () => out });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance exited ${code}:\n${out}`));
    });
  });
}

function stop(i: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (i.child.exitCode !== null) return resolve();
    i.child.removeAllListeners('exit');
    i.child.on('exit', () => resolve());
    i.child.kill('SIGTERM');
  });
}

/** A browser's cookie jar, enough for two cookies of one host. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

function withSchema(url: string, schema: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

describePostgres('two instances on one PostgreSQL', () => {
  const schema = testSchemaName();
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    await createSchema(schema);
    // Started together: migrations and built-ins must still be applied and loaded once.
    [a, b] = await Promise.all([start(withSchema(TEST_DATABASE_URL, schema)), start(withSchema(TEST_DATABASE_URL, schema))]);
  }, 40_000);
  afterAll(async () => {
    await Promise.all([a && stop(a), b && stop(b)]);
    await dropSchemas([schema]);
  });

  test('started together › built-in datasets and scenarios loaded once', async () => {
    const c = new Client({ connectionString: withSchema(TEST_DATABASE_URL, schema) });
    await c.connect();
    try {
      const datasets = await c.query('SELECT seed_key, count(*)::int AS n FROM datasets WHERE built_in GROUP BY seed_key ORDER BY seed_key');
      expect(datasets.rows).toEqual(BUILT_INS.map((b) => ({ seed_key: b.file, n: 1 })).sort((x, y) => (x.seed_key < y.seed_key ? -1 : 1)));
      const dupes = await c.query('SELECT name FROM scenarios WHERE built_in GROUP BY name HAVING count(*) > 1');
      expect(dupes.rows).toEqual([]);
      expect((await c.query('SELECT count(*)::int AS n FROM scenarios WHERE built_in')).rows[0].n).toBeGreaterThan(0);
    } finally {
      await c.end();
    }
  });

  test('upload through one › read, rename and delete through the other, never a stale report', async () => {
    const jar = new Jar();
    // The browser gets its workspace cookie and CSRF token from A …
    const form = await fetch(`${a.url}/datasets/new`);
    expect(form.status).toBe(200);
    jar.take(form);
    const token = csrfOf(await form.text());
    expect(token).toBeDefined();
    // … and its upload lands on B, which must accept both.
    const body = new FormData();
    body.set('_csrf', token ?? '');
    body.set('name', 'Acme two instances');
    body.set('file', new Blob([CSV], { type: 'text/csv' }), 'acme.csv');
    const up = await fetch(`${b.url}/datasets/new`, { method: 'POST', body, headers: { cookie: jar.header(), origin: b.url }, redirect: 'manual' });
    expect(up.status).toBe(303);
    const id = /\/datasets\/(\d+)$/.exec(up.headers.get('location') ?? '')?.[1];
    expect(id).toBeDefined();

    const get = (i: Instance, p: string) => fetch(`${i.url}${p}`, { headers: { cookie: jar.header() } });
    // Read through A; its report is now cached in A.
    const page = await get(a, `/datasets/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Acme two instances');
    expect((await (await get(a, `/datasets/${id}/report.json`)).json()).dataset).toBe('Acme two instances');
    // Another browser (no cookie) sees nothing of it on either instance.
    expect((await fetch(`${b.url}/datasets/${id}`)).status).toBe(404);

    // Renamed through B: both instances answer with the new name, A's cache notwithstanding.
    const renamed = await fetch(`${b.url}/api/datasets/${id}`, {
      method: 'PATCH',
      headers: { cookie: jar.header(), 'content-type': 'application/json', origin: b.url },
      body: JSON.stringify({ name: 'Acme renamed' }),
    });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: Number(id), name: 'Acme renamed', version: 2 });
    expect((await (await get(a, `/datasets/${id}/report.json`)).json()).dataset).toBe('Acme renamed');
    expect(await (await get(a, `/datasets/${id}/report`)).text()).toContain('Acme renamed');

    // Deleted through B: gone from A too, page and report.
    const deleted = await fetch(`${b.url}/api/datasets/${id}`, { method: 'DELETE', headers: { cookie: jar.header(), origin: b.url } });
    expect(deleted.status).toBe(204);
    expect((await get(a, `/datasets/${id}`)).status).toBe(404);
    expect((await get(a, `/datasets/${id}/report.json`)).status).toBe(404);
    expect((await get(a, `/`)).status).toBe(200);
  });

  test('upload limit › one workspace’s uploads counted across both instances', async () => {
    // UPLOADS_PER_MINUTE=4 per workspace on each instance: the fifth upload of one token is refused,
    // whichever instance it reaches (with a memory store each instance would allow four).
    const statuses: number[] = [];
    for (const i of [a, b, a, b, a]) {
      const body = new FormData();
      body.set('file', new Blob([CSV], { type: 'text/csv' }), 'acme.csv');
      const res = await fetch(`${i.url}/api/datasets`, { method: 'POST', body, headers: { authorization: 'Bearer instances-test-token-1' } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
  });
});
