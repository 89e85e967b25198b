import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { makeApp, testConfig } from '../helpers/app';
import { SqliteStore } from '../../src/store/sqlite';
import { createApp } from '../../src/web/app';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_NAME_CHARS } from '../../src/ingest/bounds';

const AUTH = 'Bearer upload-bounds-token';
const post = (app: Parameters<typeof request>[0], csv: string) => request(app).post('/api/datasets').set('Authorization', AUTH).attach('file', Buffer.from(csv, 'utf8'), 'b.csv');

describe('upload bounds › each a 422 naming the limit, nothing stored', () => {
  test(`more than ${MAX_COLUMNS} columns › too_many_columns`, async () => {
    const { app, store } = await makeApp();
    const header = ['company', 'fiscal_year', 'capex', ...Array.from({ length: 600 }, (_, i) => `x${i}`)];
    const res = await post(app, `${header.join(',')}\nAcme,2024,1${',1'.repeat(600)}\n`).expect(422);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'too_many_columns', value: '603', message: 'The file has 603 columns; at most 512 are accepted.' })]);
    expect((await store.listDatasets('tok:none')).every((d) => d.builtIn)).toBe(true);
  });

  test(`a company name over ${MAX_NAME_CHARS} characters (and an 8 MB one) › name_too_long`, async () => {
    const { app } = await makeApp();
    const long = 'A'.repeat(MAX_NAME_CHARS + 1);
    const res = await post(app, `company,fiscal_year,capex\nBeta,2023,1\n${long},2024,1\n`).expect(422);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'name_too_long', column: 'company', message: 'A company name in data row 2 has 201 characters; at most 200 are accepted.' })]);
    await post(app, `company,fiscal_year,capex\n${'B'.repeat(8 * 1024 * 1024)},2024,1\n`).expect(422);
    await post(app, `company,fiscal_year,capex\n${'C'.repeat(MAX_NAME_CHARS)},2024,1\n`).expect(201);
  });

  test(`a text cell over ${MAX_CELL_CHARS} characters › cell_too_long`, async () => {
    const { app } = await makeApp();
    const res = await post(app, `company,fiscal_year,capex,notes\nAcme,2024,1,${'n'.repeat(MAX_CELL_CHARS + 1)}\n`).expect(422);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'cell_too_long', column: 'notes' })]);
  });

  test('more rows than MAX_UPLOAD_ROWS › too_many_rows naming the setting', async () => {
    const { app } = await makeApp({ MAX_UPLOAD_ROWS: '3' });
    const rows = [2020, 2021, 2022, 2023, 2024].map((y) => `Acme,${y},1`).join('\n');
    const res = await post(app, `company,fiscal_year,capex\n${rows}\n`).expect(422);
    expect(res.body.problems).toEqual([expect.objectContaining({ code: 'too_many_rows', message: 'The file has 5 rows; at most 3 are accepted (MAX_UPLOAD_ROWS).' })]);
  });
});

describe('upload amplification', () => {
  test('files at the bounds › the database grows by at most 5× the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h10-amp-'));
    const file = path.join(dir, 'db.sqlite');
    const store = new SqliteStore(file);
    const app = createApp({ store, config: testConfig({ UPLOADS_PER_MINUTE: '1000' }) });
    const dbBytes = () => fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    try {
      const wideHeader = ['company', 'fiscal_year', 'capex', ...Array.from({ length: MAX_COLUMNS - 3 }, (_, i) => `extra_column_${i}`)];
      const cases = [
        `${wideHeader.join(',')}\n${Array.from({ length: 20 }, (_, r) => `Co${r},2024,1${',7'.repeat(MAX_COLUMNS - 3)}`).join('\n')}\n`,
        `company,fiscal_year,capex,notes\n${Array.from({ length: 300 }, (_, r) => `${'N'.repeat(190)}${r},2024,${r},${'z'.repeat(MAX_CELL_CHARS - 10)}`).join('\n')}\n`,
        `company,fiscal_year,capex\n${Array.from({ length: 20_000 }, (_, r) => `C${r % 500},${1990 + Math.floor(r / 500)},${r}`).join('\n')}\n`,
      ];
      for (const csv of cases) {
        const before = dbBytes();
        await post(app, csv).expect(201);
        const grown = dbBytes() - before;
        expect(grown).toBeLessThanOrEqual(5 * Buffer.byteLength(csv) + 256 * 1024);
      }
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
