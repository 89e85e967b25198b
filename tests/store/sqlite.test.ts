import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite';

function tmpFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-store-')), 'test.db');
}

describe('SqliteStore', () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = new SqliteStore(':memory:');
  });
  afterEach(async () => store.close());

  test('createDataset › stores rows in order › reads them back with a row count', async () => {
    const meta = await store.createDataset({
      kind: 'company',
      name: 'Test',
      builtIn: false,
      workspace: 'ws:a',
      rows: [
        { company: 'A', fiscal_year: 2024, capex: 1e9 },
        { company: 'B', fiscal_year: 2024, capex: null },
      ],
    });
    expect(meta).toMatchObject({ kind: 'company', name: 'Test', rowCount: 2, builtIn: false, workspace: 'ws:a' });
    expect(await store.getRows(meta.id)).toEqual([
      { company: 'A', fiscal_year: 2024, capex: 1e9 },
      { company: 'B', fiscal_year: 2024, capex: null },
    ]);
    expect(await store.getRows(meta.id, { offset: 1, limit: 5 })).toEqual([{ company: 'B', fiscal_year: 2024, capex: null }]);
  });

  test('getRows › pages across storage chunks › returns exactly the rows asked for, in order', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ company: `C${i}`, fiscal_year: 2000 + (i % 20), capex: i }));
    const meta = await store.createDataset({ kind: 'company', name: 'Many', builtIn: false, workspace: 'ws:a', rows });
    expect(meta.rowCount).toBe(600);
    expect(await store.getRows(meta.id)).toEqual(rows);
    expect((await store.getRows(meta.id, { offset: 250, limit: 10 })).map((r) => r.capex)).toEqual([250, 251, 252, 253, 254, 255, 256, 257, 258, 259]);
    expect((await store.getRows(meta.id, { offset: 510, limit: 100 })).map((r) => r.capex)).toEqual(rows.slice(510).map((r) => r.capex));
    expect(await store.getRows(meta.id, { offset: 600, limit: 10 })).toEqual([]);
  });

  test('createDataset › a text that spells \\u0000 › is stored, it is not a NUL', async () => {
    const meta = await store.createDataset({ kind: 'company', name: 'Escaped', builtIn: false, workspace: 'ws:a', rows: [{ company: 'a\\u0000b' }] });
    expect(await store.getRows(meta.id)).toEqual([{ company: 'a\\u0000b' }]);
  });

  test('getDataset › another workspace › sees nothing', async () => {
    const meta = await store.createDataset({ kind: 'company', name: 'Mine', builtIn: false, workspace: 'ws:a', rows: [] });
    expect(await store.getDataset(meta.id, 'ws:a')).not.toBeNull();
    expect(await store.getDataset(meta.id, 'ws:b')).toBeNull();
    expect((await store.listDatasets('ws:b')).map((d) => d.id)).not.toContain(meta.id);
    expect(await store.deleteDataset(meta.id, 'ws:b')).toBe(false);
  });

  test('createDataset › a row fails mid-way › nothing is stored', async () => {
    function* rows() {
      yield { company: 'A', fiscal_year: 2024, capex: 1 };
      yield { company: 'bad\u0000name', fiscal_year: 2024, capex: 2 };
    }
    await expect(
      store.createDataset({ kind: 'company', name: 'Half', builtIn: false, workspace: 'ws:a', rows: rows() }),
    ).rejects.toThrow('row 2 contains a NUL character');
    expect(await store.listDatasets('ws:a')).toEqual([]);
  });

  test('seedDataset › same key twice › stores it once', async () => {
    const input = { seedKey: 'x.csv', kind: 'models' as const, name: 'X', builtIn: true, workspace: null, rows: [{ model: 'm' }] };
    expect(await store.seedDataset(input)).toBe(true);
    expect(await store.seedDataset(input)).toBe(false);
    const list = await store.listDatasets('anyone');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ builtIn: true, rowCount: 1 });
  });

  test('scenarios › saved by one workspace › hidden from another, built-ins shared and not duplicated', async () => {
    await store.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true });
    await store.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true });
    const mine = await store.saveScenario({ name: 'Mine', workspace: 'ws:a', values: { wacc: 0.1 } });
    expect((await store.listScenarios('ws:a')).map((s) => s.name)).toEqual(['Base', 'Mine']);
    expect((await store.listScenarios('ws:b')).map((s) => s.name)).toEqual(['Base']);
    expect(await store.getScenario(mine.id, 'ws:b')).toBeNull();
    expect((await store.getScenario(mine.id, 'ws:a'))?.values).toEqual({ wacc: 0.1 });
  });

  test('file store › reopened › keeps its data', async () => {
    const file = tmpFile();
    const a = new SqliteStore(file);
    await a.createDataset({ kind: 'company', name: 'Kept', builtIn: false, workspace: 'ws:a', rows: [{ company: 'A' }] });
    await a.close();
    const b = new SqliteStore(file);
    expect((await b.listDatasets('ws:a')).map((d) => d.name)).toEqual(['Kept']);
    await b.close();
  });
});
