import { datasetRevision, type NewDataset, type Row, type Store } from '../../src/store/types';
import { UnstorableValueError } from '../../src/store/values';

/**
 * The promises of the Store interface, run against each implementation (tests/store/sqlite.test.ts,
 * tests/store/postgres.test.ts). `open` gives a fresh, empty, migrated store for each test.
 */
export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => store.close());

  const upload = (name: string, rows: Iterable<Row>, workspace = 'ws:a', extra: Partial<NewDataset> = {}) =>
    store.createDataset({ kind: 'company', name, builtIn: false, workspace, rows, ...extra });

  test('createDataset › stores rows in order › reads them back with a row count', async () => {
    const meta = await upload('Test', [
      { company: 'A', fiscal_year: 2024, capex: 1e9 },
      { company: 'B', fiscal_year: 2024, capex: null },
    ]);
    expect(meta).toMatchObject({ kind: 'company', name: 'Test', rowCount: 2, builtIn: false, workspace: 'ws:a', version: 1 });
    expect(meta.updatedAt).toBe(meta.createdAt);
    expect(new Date(meta.createdAt).toISOString()).toBe(meta.createdAt);
    expect(await store.getRows(meta.id)).toEqual([
      { company: 'A', fiscal_year: 2024, capex: 1e9 },
      { company: 'B', fiscal_year: 2024, capex: null },
    ]);
    expect(await store.getRows(meta.id, { offset: 1, limit: 5 })).toEqual([{ company: 'B', fiscal_year: 2024, capex: null }]);
  });

  test('createDataset › metadata › column mappings, warnings and file name come back as written', async () => {
    const columns = [{ source: '설비투자 (억원)', field: 'capex', scale: 1e8, unit: 'KRW 억' }, { source: 'Note', field: null }];
    const meta = await upload('Korea', [{ company: '삼성전자', capex: 5.3e13 }], 'ws:a', { sourceName: 'korea.csv', columns, warnings: ['one warning'] });
    const again = await store.getDataset(meta.id, 'ws:a');
    expect(again).toEqual(meta);
    expect(again).toMatchObject({ sourceName: 'korea.csv', columns, warnings: ['one warning'] });
    expect(await store.getRows(meta.id)).toEqual([{ company: '삼성전자', capex: 5.3e13 }]);
  });

  test('createDataset › warning messages › each comes back beside its text; a warning without one is null', async () => {
    const warningMessages = [{ key: 'ingest.typedCompany', vars: { company: 'A "quoted" <b>' } }, null];
    const meta = await upload('Messages', [{ company: 'A', capex: 1 }], 'ws:a', { warnings: ['typed', 'plain'], warningMessages });
    const again = await store.getDataset(meta.id, 'ws:a');
    expect(again).toMatchObject({ warnings: ['typed', 'plain'], warningMessages });
  });

  test('getRows › keeps each row’s column order, numbers exactly and text that needs escaping', async () => {
    const row = { z: 'last first', a: 0.1 + 0.2, m: -0, q: 'quote " backslash \\ tab \t newline \n 😀', big: 9007199254740991, tiny: 5e-324 };
    const meta = await upload('Exact', [row]);
    const [back] = await store.getRows(meta.id);
    expect(Object.keys(back as Row)).toEqual(['z', 'a', 'm', 'q', 'big', 'tiny']);
    expect(back).toEqual({ ...row, m: 0 });
  });

  test('getRows › pages across storage chunks › returns exactly the rows asked for, in order', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => ({ company: `C${i}`, fiscal_year: 2000 + (i % 20), capex: i }));
    const meta = await upload('Many', rows);
    expect(meta.rowCount).toBe(600);
    expect(await store.getRows(meta.id)).toEqual(rows);
    expect((await store.getRows(meta.id, { offset: 250, limit: 10 })).map((r) => r.capex)).toEqual([250, 251, 252, 253, 254, 255, 256, 257, 258, 259]);
    expect((await store.getRows(meta.id, { offset: 510, limit: 100 })).map((r) => r.capex)).toEqual(rows.slice(510).map((r) => r.capex));
    expect(await store.getRows(meta.id, { offset: 600, limit: 10 })).toEqual([]);
  });

  test('createDataset › a lazy iterable of rows › is consumed once and stored whole', async () => {
    let yielded = 0;
    function* rows() {
      for (let i = 0; i < 1000; i++) {
        yielded++;
        yield { company: `C${i}`, capex: i };
      }
    }
    const meta = await upload('Lazy', rows());
    expect(yielded).toBe(1000);
    expect(meta.rowCount).toBe(1000);
    expect((await store.getRows(meta.id, { offset: 999, limit: 1 }))[0]).toEqual({ company: 'C999', capex: 999 });
  });

  test('createDataset › a text that spells \\u0000 › is stored, it is not a NUL', async () => {
    const meta = await upload('Escaped', [{ company: 'a\\u0000b', note: '\\\\ud800' }]);
    expect(await store.getRows(meta.id)).toEqual([{ company: 'a\\u0000b', note: '\\\\ud800' }]);
  });

  test('getDataset › another workspace › sees nothing', async () => {
    const meta = await upload('Mine', []);
    expect(await store.getDataset(meta.id, 'ws:a')).not.toBeNull();
    expect(await store.getDataset(meta.id, 'ws:b')).toBeNull();
    expect((await store.listDatasets('ws:b')).map((d) => d.id)).not.toContain(meta.id);
    expect(await store.deleteDataset(meta.id, 'ws:b')).toBe(false);
    expect(await store.getDataset(meta.id, 'ws:a')).not.toBeNull();
  });

  test('listDatasets › built-ins first in load order, then the workspace’s own newest first', async () => {
    await store.seedDataset({ seedKey: 'b1', kind: 'company', name: 'Built 1', builtIn: true, workspace: null, rows: [] });
    const first = await upload('Old', []);
    await store.seedDataset({ seedKey: 'b2', kind: 'models', name: 'Built 2', builtIn: true, workspace: null, rows: [] });
    const second = await upload('New', []);
    await upload('Theirs', [], 'ws:b');
    expect((await store.listDatasets('ws:a')).map((d) => d.name)).toEqual(['Built 1', 'Built 2', 'New', 'Old']);
    expect(second.id).toBeGreaterThan(first.id);
  });

  test.each([
    ['a NUL in text', { company: 'bad\u0000name' }, 'row 2, column company, contains a NUL character'],
    ['a lone high surrogate', { company: 'half \ud83d emoji' }, 'row 2, column company, contains a lone UTF-16 surrogate'],
    ['a lone low surrogate', { note: '\ude00' }, 'row 2, column note, contains a lone UTF-16 surrogate'],
    ['NaN', { capex: Number.NaN }, 'row 2, column capex, is NaN, not a finite number'],
    ['Infinity', { capex: Number.POSITIVE_INFINITY }, 'row 2, column capex, is Infinity, not a finite number'],
    ['a NUL in a column name', { 'ca\u0000pex': 1 }, 'row 2, column "ca\\u0000pex", has a column name that contains a NUL character'],
  ])('createDataset › %s in row 2 › refused naming the row, nothing stored', async (_what, bad, message) => {
    function* rows(): Generator<Row> {
      yield { company: 'A', fiscal_year: 2024, capex: 1 };
      yield bad as Row;
      yield { company: 'C', fiscal_year: 2024, capex: 3 };
    }
    const attempt = upload('Half', rows());
    await expect(attempt).rejects.toThrow(UnstorableValueError);
    await expect(attempt).rejects.toThrow(message);
    expect(await store.listDatasets('ws:a')).toEqual([]);
    // The store is still usable after the refused write.
    expect((await upload('Next', [{ company: 'ok' }])).rowCount).toBe(1);
  });

  test('createDataset › a bad row far into a large upload › refused with its number, nothing stored', async () => {
    function* rows(): Generator<Row> {
      for (let i = 1; i <= 5000; i++) yield { company: i === 4321 ? 'x\u0000' : `C${i}`, capex: i };
    }
    await expect(upload('Large', rows())).rejects.toThrow('row 4321, column company, contains a NUL character');
    expect(await store.listDatasets('ws:a')).toEqual([]);
  });

  test('createDataset › paired surrogates and Korean text › stored unchanged', async () => {
    const meta = await upload('Text 😀', [{ company: '😀 삼성전자 ﬀ \u2028' }]);
    expect(meta.name).toBe('Text 😀');
    expect(await store.getRows(meta.id)).toEqual([{ company: '😀 삼성전자 ﬀ \u2028' }]);
  });

  test('createDataset › a NUL in the dataset name › refused, nothing stored', async () => {
    await expect(upload('bad\u0000', [{ company: 'A' }])).rejects.toThrow('dataset name contains a NUL character');
    expect(await store.listDatasets('ws:a')).toEqual([]);
  });

  test('seedDataset › same key twice › stores it once', async () => {
    const input = { seedKey: 'x.csv', kind: 'models' as const, name: 'X', builtIn: true, workspace: null, rows: [{ model: 'm' }] };
    expect(await store.seedDataset(input)).toBe(true);
    expect(await store.seedDataset(input)).toBe(false);
    const list = await store.listDatasets('anyone');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ builtIn: true, rowCount: 1, workspace: null });
  });

  test('renameDataset › own dataset › new name, version one higher, later update time, rows untouched', async () => {
    const meta = await upload('Before', [{ company: 'A', capex: 1 }]);
    const renamed = await store.renameDataset(meta.id, 'ws:a', 'After 후');
    expect(renamed).toMatchObject({ id: meta.id, name: 'After 후', version: 2, createdAt: meta.createdAt, rowCount: 1 });
    expect(renamed!.updatedAt >= meta.updatedAt).toBe(true);
    expect(await store.getDataset(meta.id, 'ws:a')).toEqual(renamed);
    expect(datasetRevision(renamed!)).not.toBe(datasetRevision(meta));
    expect(await store.getRows(meta.id)).toEqual([{ company: 'A', capex: 1 }]);
    expect((await store.renameDataset(meta.id, 'ws:a', 'Again'))?.version).toBe(3);
  });

  test('renameDataset › another workspace, a built-in or an unknown id › null and nothing changes', async () => {
    const meta = await upload('Mine', []);
    await store.seedDataset({ seedKey: 'b', kind: 'company', name: 'Built', builtIn: true, workspace: null, rows: [] });
    const builtIn = (await store.listDatasets('ws:a')).find((d) => d.builtIn)!;
    expect(await store.renameDataset(meta.id, 'ws:b', 'Stolen')).toBeNull();
    expect(await store.renameDataset(builtIn.id, 'ws:a', 'Mine now')).toBeNull();
    expect(await store.renameDataset(meta.id + builtIn.id + 100, 'ws:a', 'Ghost')).toBeNull();
    expect(await store.getDataset(meta.id, 'ws:a')).toEqual(meta);
    expect(await store.getDataset(builtIn.id, 'ws:a')).toEqual(builtIn);
  });

  test.each([
    ['a NUL', 'a\u0000b', 'contains a NUL character'],
    ['a lone surrogate', 'a\ud800b', 'contains a lone UTF-16 surrogate'],
  ])('renameDataset › a name with %s › refused, the old name kept', async (_what, name, message) => {
    const meta = await upload('Kept', []);
    await expect(store.renameDataset(meta.id, 'ws:a', name)).rejects.toThrow(`dataset name ${message}`);
    expect(await store.getDataset(meta.id, 'ws:a')).toEqual(meta);
  });

  test('deleteDataset › own dataset › gone with its rows; a second delete finds nothing; ids not reused', async () => {
    const meta = await upload('Gone', [{ company: 'A' }]);
    expect(await store.deleteDataset(meta.id, 'ws:a')).toBe(true);
    expect(await store.getDataset(meta.id, 'ws:a')).toBeNull();
    expect(await store.getRows(meta.id)).toEqual([]);
    expect(await store.renameDataset(meta.id, 'ws:a', 'Back')).toBeNull();
    expect(await store.deleteDataset(meta.id, 'ws:a')).toBe(false);
    expect((await upload('Next', [])).id).toBeGreaterThan(meta.id);
  });

  test('deleteDataset › a built-in › refused', async () => {
    await store.seedDataset({ seedKey: 'b', kind: 'company', name: 'Built', builtIn: true, workspace: null, rows: [] });
    const builtIn = (await store.listDatasets('ws:a'))[0]!;
    expect(await store.deleteDataset(builtIn.id, 'ws:a')).toBe(false);
    expect(await store.getDataset(builtIn.id, 'ws:a')).not.toBeNull();
  });

  test('scenarios › saved by one workspace › hidden from another, built-ins shared and not duplicated', async () => {
    await store.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true });
    await store.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true });
    const mine = await store.saveScenario({ name: 'Mine', workspace: 'ws:a', values: { wacc: 0.1, label: 'x' } });
    expect(mine).toMatchObject({ name: 'Mine', workspace: 'ws:a', builtIn: false, values: { wacc: 0.1, label: 'x' } });
    expect((await store.listScenarios('ws:a')).map((s) => s.name)).toEqual(['Base', 'Mine']);
    expect((await store.listScenarios('ws:b')).map((s) => s.name)).toEqual(['Base']);
    expect(await store.getScenario(mine.id, 'ws:b')).toBeNull();
    expect(await store.getScenario(mine.id, 'ws:a')).toEqual(mine);
    expect(await store.deleteScenario(mine.id, 'ws:b')).toBe(false);
    expect(await store.deleteScenario(mine.id, 'ws:a')).toBe(true);
    expect(await store.getScenario(mine.id, 'ws:a')).toBeNull();
  });

  test('updateScenario › own scenario › new name and values; another workspace, a built-in or an unknown id › null, unchanged', async () => {
    const base = await store.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true });
    const mine = await store.saveScenario({ name: 'Mine', workspace: 'ws:a', values: { wacc: 0.1 } });
    const updated = await store.updateScenario(mine.id, 'ws:a', { name: 'Mine v2 후', values: { wacc: 0.11, horizonYears: 8 } });
    expect(updated).toEqual({ ...mine, name: 'Mine v2 후', values: { wacc: 0.11, horizonYears: 8 } });
    expect(await store.getScenario(mine.id, 'ws:a')).toEqual(updated);
    expect(await store.updateScenario(mine.id, 'ws:b', { name: 'Stolen', values: {} })).toBeNull();
    expect(await store.updateScenario(base.id, 'ws:a', { name: 'Base mine', values: {} })).toBeNull();
    expect(await store.updateScenario(mine.id + base.id + 100, 'ws:a', { name: 'Ghost', values: {} })).toBeNull();
    expect(await store.getScenario(mine.id, 'ws:a')).toEqual(updated);
    expect(await store.getScenario(base.id, 'ws:a')).toEqual(base);
    await expect(store.updateScenario(mine.id, 'ws:a', { name: 'bad\u0000', values: {} })).rejects.toThrow('scenario name contains a NUL character');
    expect(await store.getScenario(mine.id, 'ws:a')).toEqual(updated);
  });

  test('saveScenario › a name with a lone surrogate › refused, nothing saved', async () => {
    await expect(store.saveScenario({ name: 'x\udfff', workspace: 'ws:a', values: {} })).rejects.toThrow('scenario name contains a lone UTF-16 surrogate');
    expect(await store.listScenarios('ws:a')).toEqual([]);
  });

  test('countHit › hits in one window › counted 1, 2, 3 with the window’s end; a new window starts at 1', async () => {
    const t0 = 1_700_000_000_000;
    expect(await store.countHit('upload:ws:a', 60_000, t0)).toEqual({ hits: 1, resetAt: t0 + 60_000 });
    expect(await store.countHit('upload:ws:a', 60_000, t0 + 1_000)).toEqual({ hits: 2, resetAt: t0 + 60_000 });
    expect(await store.countHit('upload:ws:b', 60_000, t0 + 2_000)).toEqual({ hits: 1, resetAt: t0 + 62_000 });
    expect(await store.countHit('upload:ws:a', 60_000, t0 + 59_999)).toEqual({ hits: 3, resetAt: t0 + 60_000 });
    expect(await store.countHit('upload:ws:a', 60_000, t0 + 60_000)).toEqual({ hits: 1, resetAt: t0 + 120_000 });
  });

  test('uncountHit and resetHits › take back one hit, never below zero; forget the window', async () => {
    const t0 = 1_700_000_000_000;
    await store.countHit('k', 1_000, t0);
    await store.countHit('k', 1_000, t0);
    await store.uncountHit('k', t0 + 1);
    expect((await store.countHit('k', 1_000, t0 + 2)).hits).toBe(2);
    for (let i = 0; i < 4; i++) await store.uncountHit('k', t0 + 3);
    expect((await store.countHit('k', 1_000, t0 + 4)).hits).toBe(1);
    await store.resetHits('k');
    expect(await store.countHit('k', 1_000, t0 + 5)).toEqual({ hits: 1, resetAt: t0 + 1_005 });
  });

  test('countHit › fifty hits at once › each counted once (1…50)', async () => {
    const now = Date.now();
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.countHit('burst', 60_000, now)));
    expect(counts.map((c) => c.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
}
