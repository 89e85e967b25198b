import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILT_INS } from '../src/seed';

/**
 * `node dist/cluster.js` runs the app on several cores of one machine, here two workers on one
 * SQLite file: each has its own report caches, and whichever worker answers, a rename is seen at
 * once. npm test builds dist/ first.
 */
const CLUSTER = path.join(__dirname, '..', 'dist', 'cluster.js');
const CSV = 'company,ticker,fiscal_year,capex\nAcme,ACME,2023,1000000000\nAcme,ACME,2024,2000000000\nAcme,ACME,2025,3000000000\n';
const AUTH = { authorization: 'Bearer cluster-test-token-1' };

function run(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [CLUSTER], { env: { ...process.env, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Waits for a condition, up to `ms`: generous, as a loaded 2-core machine starts two workers slowly (mathjs alone can take seconds to load). */
async function until(check: () => boolean, what: () => string, ms = 90_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('node dist/cluster.js', () => {
  test('two workers on one SQLite file › both serve; a rename through one is seen by every answer', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-cluster-'));
    const c = run({ WEB_CONCURRENCY: '2', DATABASE_FILE: path.join(dir, 'app.db') });
    try {
      await until(() => (c.output().match(/listening on/g) ?? []).length === 2, c.output);
      const base = /listening on http:\/\/localhost:(\d+)/.exec(c.output())![1];
      const url = `http://127.0.0.1:${base}`;
      const body = new FormData();
      body.set('name', 'Acme cluster');
      body.set('file', new Blob([CSV], { type: 'text/csv' }), 'acme.csv');
      const up = await fetch(`${url}/api/datasets`, { method: 'POST', body, headers: AUTH });
      expect(up.status).toBe(201);
      const { id } = (await up.json()) as { id: number };
      // Warm both workers' caches (connections are handed out in turn; new connection each time).
      const names = async () =>
        Promise.all(
          Array.from({ length: 8 }, async () => {
            const r = await fetch(`${url}/datasets/${id}/report.json`, { headers: { ...AUTH, connection: 'close' } });
            return ((await r.json()) as { dataset: string }).dataset;
          }),
        );
      expect(new Set(await names())).toEqual(new Set(['Acme cluster']));
      const renamed = await fetch(`${url}/api/datasets/${id}`, { method: 'PATCH', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme renamed' }) });
      expect(renamed.status).toBe(200);
      expect(new Set(await names())).toEqual(new Set(['Acme renamed']));
      // Built-ins loaded once although two workers started together.
      const list = (await (await fetch(`${url}/api/datasets`, { headers: AUTH })).json()) as { builtIn: boolean }[];
      expect(list.filter((d) => d.builtIn)).toHaveLength(BUILT_INS.length);
    } finally {
      c.child.kill('SIGTERM');
    }
    expect(await c.exited).toBe(0);
  }, 180_000);

  test('a bad setting › the cluster stops with code 1 and the message, not a restart loop', async () => {
    const c = run({ WEB_CONCURRENCY: '2', PORT: 'eighty' });
    expect(await c.exited).toBe(1);
    expect(c.output()).toContain('PORT="eighty"');
  }, 120_000);

  test('a worker that cannot start › the cluster stops with its code, not a restart loop', async () => {
    const c = run({ WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none', SESSION_SECRET: 'cluster-secret-0123456789' });
    expect(await c.exited).toBe(1);
    expect(c.output()).toContain('before serving; stopping');
  }, 120_000);
});
