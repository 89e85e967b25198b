import { PostgresStore } from './postgres';
import { SqliteStore } from './sqlite';
import type { Store } from './types';

/**
 * The store a deployment asked for: PostgreSQL when a database URL is given (several instances
 * share it), else the embedded SQLite file. Either way the schema is migrated before it returns.
 */
export async function openStore(where: { databaseUrl: string | null; databaseFile: string }): Promise<{ store: Store; kind: 'postgres' | 'sqlite' }> {
  if (where.databaseUrl) return { store: await PostgresStore.open(where.databaseUrl), kind: 'postgres' };
  return { store: new SqliteStore(where.databaseFile), kind: 'sqlite' };
}
