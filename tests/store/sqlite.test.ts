import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from '../../src/store/migrations';
import { SqliteStore } from '../../src/store/sqlite';
import { storeContract } from './contract';

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-store-')), 'test.db');
}

describe('SqliteStore › contract', () => {
  storeContract(async () => new SqliteStore(':memory:'));
});

describe('SqliteStore', () => {
  test('file store › reopened › keeps its data and applies no step twice', async () => {
    const file = tmpFile();
    const a = new SqliteStore(file);
    await a.createDataset({ kind: 'company', name: 'Kept', builtIn: false, workspace: 'ws:a', rows: [{ company: 'A' }] });
    await a.close();
    const b = new SqliteStore(file);
    expect((await b.listDatasets('ws:a')).map((d) => d.name)).toEqual(['Kept']);
    await b.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    db.close();
  });

  test('a database from before versioned migrations › adopted, its data kept, version 1', async () => {
    const file = tmpFile();
    // The schema every earlier release created, with one upload in it.
    const old = new Database(file);
    old.exec(`
      CREATE TABLE datasets (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL CHECK (kind IN ('company', 'models')), name TEXT NOT NULL,
        row_count INTEGER NOT NULL, built_in INTEGER NOT NULL DEFAULT 0, workspace TEXT, source_name TEXT, columns_json TEXT NOT NULL DEFAULT '[]',
        warnings_json TEXT NOT NULL DEFAULT '[]', seed_key TEXT UNIQUE, created_at TEXT NOT NULL);
      CREATE TABLE dataset_row_chunks (dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE, chunk INTEGER NOT NULL,
        data TEXT NOT NULL, PRIMARY KEY (dataset_id, chunk)) WITHOUT ROWID;
      CREATE TABLE scenarios (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, workspace TEXT, values_json TEXT NOT NULL,
        built_in INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
      INSERT INTO datasets (kind, name, row_count, workspace, created_at) VALUES ('company', 'Old upload', 1, 'ws:a', '2025-01-02T03:04:05.000Z');
      INSERT INTO dataset_row_chunks VALUES (1, 0, '[{"company":"A","capex":5}]');
    `);
    old.close();
    const store = new SqliteStore(file);
    const [meta] = await store.listDatasets('ws:a');
    expect(meta).toMatchObject({ name: 'Old upload', version: 1, createdAt: '2025-01-02T03:04:05.000Z', updatedAt: '2025-01-02T03:04:05.000Z' });
    expect(await store.getRows(meta!.id)).toEqual([{ company: 'A', capex: 5 }]);
    expect((await store.renameDataset(meta!.id, 'ws:a', 'Renamed'))?.version).toBe(2);
    await store.close();
  });

  test('a database migrated by a newer release › refused at open, naming the unknown step', () => {
    const file = tmpFile();
    new SqliteStore(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, 'from the future', new Date().toISOString());
    db.close();
    expect(() => new SqliteStore(file)).toThrow(`schema step ${MIGRATIONS.length + 1} (from the future)`);
  });
});
