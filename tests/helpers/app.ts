import path from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { SqliteStore } from '../../src/store/sqlite';
import { seedBuiltIns } from '../../src/seed';
import { createApp } from '../../src/web/app';
import { seedScenarios } from '../../src/web/routes/scenarios';

export const DATA_DIR = path.join(__dirname, '..', '..', 'data');

/** A test config: in-memory database, fixed secret, overridable by environment-style keys. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATABASE_FILE: ':memory:', SESSION_SECRET: 'test-secret-0123456789abcdef', ...env });
}

/** An app on a fresh in-memory store with the built-in datasets loaded; never listens. */
export async function makeApp(env: Record<string, string> = {}) {
  const config = testConfig(env);
  const store = new SqliteStore(':memory:');
  await seedBuiltIns(store, DATA_DIR);
  await seedScenarios(store);
  const app = createApp({ store, config });
  return { app, store, config };
}

/** The CSRF token of a page's form; throws when the page has none (a test would otherwise post an empty token). */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}
