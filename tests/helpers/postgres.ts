import crypto from 'node:crypto';
import { Client } from 'pg';
import { PostgresStore, type PostgresOptions } from '../../src/store/postgres';

/**
 * The PostgreSQL the store tests run on: TEST_DATABASE_URL (`.ci/run` sets it up and exports it).
 * Under CI=true a missing URL fails loudly, since these tests must run there; on a developer's
 * machine without PostgreSQL they are skipped with a notice.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? '';

/** `describe` when PostgreSQL is there, else a skip (outside CI) or a failing test (in CI). */
export function describePostgres(name: string, body: () => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true' || process.env.CI === '1') {
    test(`${name} › TEST_DATABASE_URL is set`, () => {
      throw new Error('TEST_DATABASE_URL is not set, so the PostgreSQL tests cannot run; in CI .ci/run must start PostgreSQL and export it.');
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`Skipped "${name}": set TEST_DATABASE_URL=postgres://… to run the PostgreSQL tests (see README, "Outgrow one machine").`);
  describe.skip(name, body);
}

/** A schema name of its own for each test, so test files running at once never meet. */
export function testSchemaName(): string {
  return `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}

/** Creates an empty schema on the test database. */
export async function createSchema(schema: string): Promise<void> {
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await c.end();
  }
}

/** Drops schemas made by {@link createSchema}, with everything in them. */
export async function dropSchemas(schemas: readonly string[]): Promise<void> {
  if (schemas.length === 0 || !TEST_DATABASE_URL) return;
  const c = new Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  try {
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A migrated PostgresStore in a fresh schema; the schema is dropped when the store is closed. */
export async function openTestStore(options: Omit<PostgresOptions, 'schema'> = {}): Promise<PostgresStore> {
  const schema = testSchemaName();
  await createSchema(schema);
  const store = await PostgresStore.open(TEST_DATABASE_URL, { ...options, schema });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await dropSchemas([schema]);
  };
  return store;
}
