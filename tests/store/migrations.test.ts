import { MIGRATIONS, MigrationError, pendingMigrations } from '../../src/store/migrations';

describe('migrations', () => {
  test('steps › numbered 1, 2, 3… with a name and SQL for both stores', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) {
      expect(m.name.length).toBeGreaterThan(0);
      expect(m.sqlite.trim().length).toBeGreaterThan(0);
      expect(m.postgres.trim().length).toBeGreaterThan(0);
    }
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  test('steps › each creates or alters the same tables on both stores', () => {
    const tables = (sql: string) => [...sql.matchAll(/(?:CREATE TABLE(?: IF NOT EXISTS)?|ALTER TABLE|CREATE (?:UNIQUE )?INDEX \w+ ON) (\w+)/g)].map((m) => m[1]).sort();
    for (const m of MIGRATIONS) expect(tables(m.postgres)).toEqual(tables(m.sqlite));
  });

  test('pendingMigrations › a new database › every step', () => {
    expect(pendingMigrations([])).toEqual(MIGRATIONS);
  });

  test('pendingMigrations › the first step applied › the rest, in order', () => {
    expect(pendingMigrations([{ version: 1, name: MIGRATIONS[0]!.name }])).toEqual(MIGRATIONS.slice(1));
  });

  test('pendingMigrations › all applied, listed in any order › nothing', () => {
    expect(pendingMigrations([...MIGRATIONS].reverse())).toEqual([]);
  });

  test('pendingMigrations › a step this release does not know › refused', () => {
    const future = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'future' }];
    expect(() => pendingMigrations(future)).toThrow(MigrationError);
    expect(() => pendingMigrations(future)).toThrow(`schema step ${MIGRATIONS.length + 1} (future)`);
  });

  test('pendingMigrations › a gap or a different step under the same number › refused', () => {
    expect(() => pendingMigrations([{ version: 2, name: MIGRATIONS[1]!.name }])).toThrow(MigrationError);
    expect(() => pendingMigrations([{ version: 1, name: 'something else' }])).toThrow('was migrated by a different release');
  });
});
