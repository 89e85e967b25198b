import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { SqliteStore } from '../src/store/sqlite';
import { seedBuiltIns } from '../src/seed';
import { DATA_DIR } from './helpers/app';

describe('seedBuiltIns', () => {
  test('first start › loads the three built-in datasets › later starts load nothing', async () => {
    const store = new SqliteStore(':memory:');
    expect(await seedBuiltIns(store, DATA_DIR)).toHaveLength(3);
    expect(await seedBuiltIns(store, DATA_DIR)).toEqual([]);
    const list = await store.listDatasets('x');
    expect(list.map((d) => [d.kind, d.builtIn])).toEqual([
      ['company', true],
      ['models', true],
      ['company', true],
    ]);
    await store.close();
  });

  test('hyperscaler data › Alphabet 2024 capex › is the 10-K figure $52.535B in whole dollars', async () => {
    const store = new SqliteStore(':memory:');
    await seedBuiltIns(store, DATA_DIR);
    const company = (await store.listDatasets('x')).find((d) => d.kind === 'company')!;
    const rows = await store.getRows(company.id);
    const googl2024 = rows.find((r) => r.ticker === 'GOOGL' && r.fiscal_year === 2024);
    expect(googl2024?.capex).toBe(52_535_000_000);
    const guidance = rows.filter((r) => r.basis === 'guidance').map((r) => `${r.ticker} ${r.fiscal_year}`);
    expect(guidance.sort()).toEqual(['AMZN 2025', 'GOOGL 2026', 'META 2026']);
    await store.close();
  });

  test('two processes start at once › the datasets are loaded once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-race-'));
    const file = path.join(dir, 'race.db');
    // Each child opens its own connection and seeds; the write lock and unique seed key decide.
    // Children run the compiled code (npm test builds dist/ first).
    const child = (): Promise<number> =>
      new Promise((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [
            '-e',
            `const {SqliteStore}=require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'store', 'sqlite.js'))});
             const {seedBuiltIns}=require(${JSON.stringify(path.join(__dirname, '..', 'dist', 'seed.js'))});
             const s=new SqliteStore(${JSON.stringify(file)});
             seedBuiltIns(s, ${JSON.stringify(DATA_DIR)}).then(l=>{process.stdout.write(String(l.length));return s.close();});`,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`child exited ${code}`))));
      });
    const counts = await Promise.all([child(), child(), child()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    const store = new SqliteStore(file);
    expect(await store.listDatasets('x')).toHaveLength(3);
    await store.close();
  });
});
