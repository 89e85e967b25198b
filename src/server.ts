import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from './config';
import { openStore } from './store/open';
import { SharedRateLimitStore } from './store/rate-limit';
import { seedBuiltIns } from './seed';
import { createApp } from './web/app';
import { createHttpServer } from './web/http-server';
import { sweepUploadLeftovers } from './web/upload-leftovers';
import { closeReportPools } from './report/pool';
import { seedScenarios } from './web/routes/scenarios';

/**
 * The session secret signs workspace cookies and CSRF tokens. Unless SESSION_SECRET is set, one is
 * made on first start and kept beside the database, so a restart does not lose users' workspaces.
 */
function persistentSecret(config: Config, env: NodeJS.ProcessEnv): string {
  if (env.SESSION_SECRET) return config.sessionSecret;
  const file = path.join(path.dirname(config.databaseFile), 'session-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  config = Object.freeze({ ...config, sessionSecret: persistentSecret(config, env) });
  const swept = sweepUploadLeftovers(2 * config.requestTimeoutMs, config.tmpDir);
  if (swept > 0) console.log(`Removed ${swept} temporary upload folder(s) left by an earlier run.`);
  const { store, kind } = await openStore(config);
  await seedBuiltIns(store, config.dataDir);
  await seedScenarios(store);
  // Upload limits count in the store, so instances sharing a database share them.
  const app = createApp({ store, config, limiterStore: (name) => new SharedRateLimitStore(store, `${name}:`) });
  const server = createHttpServer(app, config);
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`capexlens listening on http://localhost:${port} (${kind === 'postgres' ? 'PostgreSQL' : `SQLite ${config.databaseFile}`})`);
  });
  const stop = (): void => {
    void closeReportPools();
    server.close(() => void store.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
