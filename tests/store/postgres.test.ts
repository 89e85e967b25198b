import { Client } from 'pg';
import { MIGRATIONS } from '../../src/store/migrations';
import { PostgresStore } from '../../src/store/postgres';
import { createSchema, describePostgres, dropSchemas, openTestStore, TEST_DATABASE_URL, testSchemaName } from '../helpers/postgres';
import { storeContract } from './contract';

describePostgres('PostgresStore › contract', () => {
  storeContract(() => openTestStore());
});

describePostgres('PostgresStore', () => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(schemas));
  async function schema(): Promise<string> {
    const s = testSchemaName();
    schemas.push(s);
    await createSchema(s);
    return s;
  }
  async function query<T extends object>(s: string, sql: string): Promise<T[]> {
    const c = new Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${s}` });
    await c.connect();
    try {
      return (await c.query<T>(sql)).rows;
    } finally {
      await c.end();
    }
  }

  test('five instances open one new database at once › every step applied once, in order', async () => {
    const s = await schema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(TEST_DATABASE_URL, { schema: s, max: 2 })));
    await Promise.all(stores.map((st) => st.close()));
    expect(await query(s, 'SELECT version, name FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
  });

  test('five instances seed the same built-ins at once › each stored once', async () => {
    const s = await schema();
    const stores = await Promise.all(Array.from({ length: 5 }, () => PostgresStore.open(TEST_DATABASE_URL, { schema: s, max: 2 })));
    const seeded = await Promise.all(
      stores.flatMap((st) => [
        st.seedDataset({ seedKey: 'a.csv', kind: 'company', name: 'A', builtIn: true, workspace: null, rows: [{ company: 'A' }] }),
        st.seedDataset({ seedKey: 'b.csv', kind: 'models', name: 'B', builtIn: true, workspace: null, rows: [{ model: 'B' }] }),
        st.saveScenario({ name: 'Base', workspace: null, values: { wacc: 0.09 }, builtIn: true }).then(() => false),
      ]),
    );
    expect(seeded.filter(Boolean)).toHaveLength(2);
    expect((await stores[0]!.listDatasets('x')).map((d) => d.name)).toEqual(['A', 'B']);
    expect((await stores[0]!.listScenarios('x')).map((sc) => sc.name)).toEqual(['Base']);
    await Promise.all(stores.map((st) => st.close()));
  });

  test('a database migrated by a newer release › refused at open, naming the unknown step', async () => {
    const s = await schema();
    await (await PostgresStore.open(TEST_DATABASE_URL, { schema: s })).close();
    await query(s, `INSERT INTO schema_migrations VALUES (${MIGRATIONS.length + 1}, 'from the future', now())`);
    await expect(PostgresStore.open(TEST_DATABASE_URL, { schema: s })).rejects.toThrow(`schema step ${MIGRATIONS.length + 1} (from the future)`);
  });

  test('a refused upload › the connection goes back usable, and no chunk is left behind', async () => {
    const store = await openTestStore({ max: 1 });
    function* rows() {
      for (let i = 1; i <= 3000; i++) yield { company: i === 2900 ? '\u0000' : `C${i}`, capex: i };
    }
    await expect(store.createDataset({ kind: 'company', name: 'Bad', builtIn: false, workspace: 'w', rows: rows() })).rejects.toThrow('row 2900');
    const ok = await store.createDataset({ kind: 'company', name: 'Good', builtIn: false, workspace: 'w', rows: [{ company: 'x' }] });
    expect(await store.getRows(ok.id)).toEqual([{ company: 'x' }]);
    expect((await store.listDatasets('w')).map((d) => d.name)).toEqual(['Good']);
    await store.close();
  });

  test('ids beyond PostgreSQL’s integer › no dataset, not an error', async () => {
    const store = await openTestStore();
    expect(await store.getDataset(2 ** 40, 'w')).toBeNull();
    expect(await store.getRows(2 ** 40)).toEqual([]);
    expect(await store.deleteDataset(2 ** 40, 'w')).toBe(false);
    expect(await store.getScenario(2 ** 40, 'w')).toBeNull();
    await store.close();
  });
});
