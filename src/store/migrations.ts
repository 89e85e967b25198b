/**
 * The schema, as numbered steps applied in order at start. Each step is written once per store
 * with the same meaning (same tables, columns, keys and constraints; only the dialect differs), and
 * the `schema_migrations` table of each database records the steps it has had. A step, once
 * released, is never edited: a change is a new step.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'datasets, row chunks and scenarios',
    // IF NOT EXISTS only here: databases made before versioned migrations already hold exactly these
    // tables, and this first step adopts them as they are.
    sqlite: `
      CREATE TABLE IF NOT EXISTS datasets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('company', 'models')),
        name TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        built_in INTEGER NOT NULL DEFAULT 0,
        workspace TEXT,
        source_name TEXT,
        columns_json TEXT NOT NULL DEFAULT '[]',
        warnings_json TEXT NOT NULL DEFAULT '[]',
        seed_key TEXT UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS dataset_row_chunks (
        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        chunk INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (dataset_id, chunk)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS scenarios (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        workspace TEXT,
        values_json TEXT NOT NULL,
        built_in INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );`,
    // Identity ids are never reused after a delete, like SQLite's AUTOINCREMENT; row chunks are
    // JSON kept as text, so a row's columns come back in the order they were written.
    postgres: `
      CREATE TABLE datasets (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('company', 'models')),
        name TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        built_in BOOLEAN NOT NULL DEFAULT FALSE,
        workspace TEXT,
        source_name TEXT,
        columns_json TEXT NOT NULL DEFAULT '[]',
        warnings_json TEXT NOT NULL DEFAULT '[]',
        seed_key TEXT UNIQUE,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE dataset_row_chunks (
        dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
        chunk INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (dataset_id, chunk)
      );
      CREATE TABLE scenarios (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name TEXT NOT NULL,
        workspace TEXT,
        values_json TEXT NOT NULL,
        built_in BOOLEAN NOT NULL DEFAULT FALSE,
        created_at TIMESTAMPTZ NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'dataset version and update time, so caches notice a rename',
    sqlite: `
      ALTER TABLE datasets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE datasets ADD COLUMN updated_at TEXT;
      UPDATE datasets SET updated_at = created_at;`,
    postgres: `
      ALTER TABLE datasets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE datasets ADD COLUMN updated_at TIMESTAMPTZ;
      UPDATE datasets SET updated_at = created_at;`,
  },
  {
    version: 3,
    name: 'one built-in scenario per name',
    // Instances seeding together would otherwise each add the built-in scenarios.
    sqlite: `
      DELETE FROM scenarios WHERE built_in = 1 AND id NOT IN (SELECT MIN(id) FROM scenarios WHERE built_in = 1 GROUP BY name);
      CREATE UNIQUE INDEX scenarios_built_in_name ON scenarios (name) WHERE built_in = 1;`,
    postgres: `
      DELETE FROM scenarios WHERE built_in AND id NOT IN (SELECT MIN(id) FROM scenarios WHERE built_in GROUP BY name);
      CREATE UNIQUE INDEX scenarios_built_in_name ON scenarios (name) WHERE built_in;`,
  },
  {
    version: 4,
    name: 'rate-limit counters shared by every instance',
    // One fixed window per key; reset_at in milliseconds since 1970 (the instances' clock).
    sqlite: `
      CREATE TABLE rate_limit_hits (key TEXT PRIMARY KEY, hits INTEGER NOT NULL, reset_at INTEGER NOT NULL);
      CREATE INDEX rate_limit_hits_reset_at ON rate_limit_hits (reset_at);`,
    postgres: `
      CREATE TABLE rate_limit_hits (key TEXT PRIMARY KEY, hits INTEGER NOT NULL, reset_at BIGINT NOT NULL);
      CREATE INDEX rate_limit_hits_reset_at ON rate_limit_hits (reset_at);`,
  },
];

/** The bookkeeping table; created before anything else, so it is the one table made if missing. */
export const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`,
} as const;

export class MigrationError extends Error {}

/**
 * The steps a database still needs, given the steps it records. Refuses a database whose record
 * is not a prefix of the known steps: one migrated by a newer release, or by a different one.
 * @example pendingMigrations([{ version: 1, name: MIGRATIONS[0].name }]) // [MIGRATIONS[1], ...]
 */
export function pendingMigrations(applied: readonly { version: number; name: string }[], known: readonly Migration[] = MIGRATIONS): Migration[] {
  const sorted = [...applied].sort((a, b) => a.version - b.version);
  sorted.forEach((a, i) => {
    const k = known[i];
    if (!k || k.version !== a.version) {
      throw new MigrationError(
        `The database has schema step ${a.version} (${a.name}), which this release of capexlens does not know: it was migrated by a newer or different release. Run that release, or restore a backup.`,
      );
    }
    if (k.name !== a.name) {
      throw new MigrationError(`The database's schema step ${a.version} is "${a.name}", but this release's is "${k.name}": it was migrated by a different release.`);
    }
  });
  return known.slice(sorted.length);
}
