import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SqliteStore } from '../../src/store/sqlite';
import { createSchema, describePostgres, dropSchemas, TEST_DATABASE_URL, testSchemaName } from '../helpers/postgres';

/**
 * A process killed (SIGKILL) in the middle of an upload leaves the store as it was: no dataset, no
 * row chunk. The child stores a dataset whose row generator, after 30,000 rows (several COPY
 * writes, several SQLite chunks), tells the parent and then waits forever, so the kill always lands
 * mid-upload. Children run the compiled code (npm test builds dist/ first).
 */
const DIST = path.join(__dirname, '..', '..', 'dist', 'store');

function uploadAndHang(open: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = `
      const store = ${open};
      Promise.resolve(store).then((s) => s.createDataset({ kind: 'company', name: 'killed', builtIn: false, workspace: 'w', rows: (function* () {
        for (let i = 1; ; i++) {
          yield { company: 'Company ' + i, fiscal_year: 2000 + (i % 25), capex: i * 1000 };
          if (i === 30000) { process.stdout.write('hanging\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); }
        }
      })() }));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('hanging')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed (${signal})`))));
  });
}

describe('SqliteStore › killed mid-upload', () => {
  test('SIGKILL during the write › no dataset and no rows afterwards; the file opens', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-kill-')), 'kill.db');
    new SqliteStore(file).close();
    await uploadAndHang(`new (require(${JSON.stringify(path.join(DIST, 'sqlite.js'))}).SqliteStore)(${JSON.stringify(file)})`);
    const store = new SqliteStore(file);
    expect(await store.listDatasets('w')).toEqual([]);
    expect(await store.getRows(1)).toEqual([]);
    expect((await store.createDataset({ kind: 'company', name: 'after', builtIn: false, workspace: 'w', rows: [{ company: 'A' }] })).rowCount).toBe(1);
    await store.close();
  });
});

describePostgres('PostgresStore › killed mid-upload', () => {
  test('SIGKILL during the COPY › no dataset and no row chunk afterwards', async () => {
    const schema = testSchemaName();
    await createSchema(schema);
    try {
      const open = `require(${JSON.stringify(path.join(DIST, 'postgres.js'))}).PostgresStore.open(${JSON.stringify(TEST_DATABASE_URL)}, { schema: ${JSON.stringify(schema)} })`;
      await uploadAndHang(open);
      const c = new Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
      await c.connect();
      try {
        // Rows of an open transaction are invisible here and die with it; only a commit per chunk would show.
        expect((await c.query('SELECT count(*)::int AS n FROM datasets')).rows[0].n).toBe(0);
        expect((await c.query('SELECT count(*)::int AS n FROM dataset_row_chunks')).rows[0].n).toBe(0);
      } finally {
        await c.end();
      }
    } finally {
      await dropSchemas([schema]);
    }
  });
});
