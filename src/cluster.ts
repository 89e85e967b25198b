import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { ConfigError, loadConfig } from './config';
import { main } from './server';

/**
 * `node dist/cluster.js`: the app on every core of one machine. The primary forks WEB_CONCURRENCY
 * workers (default one per core); each runs main() on the same port (node:cluster hands out the
 * connections) and the same store: the SQLite file (WAL, with writes in immediate transactions)
 * or PostgreSQL. A worker that dies is replaced; one that dies before serving (a bad setting, an
 * unreachable database) stops the whole cluster with its exit code, rather than restarting forever.
 */
function primary(): void {
  let workers: number;
  try {
    workers = loadConfig(process.env).workers ?? os.availableParallelism();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const serving = new WeakSet<Worker>();
  let stopping = false;
  const stop = (code: number): void => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  cluster.on('listening', (w) => serving.add(w));
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!serving.has(w)) {
      console.error(`capexlens: a worker exited (${signal ?? code}) before serving; stopping.`);
      stop(typeof code === 'number' && code !== 0 ? code : 1);
      return;
    }
    console.error(`capexlens: worker ${w.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let i = 0; i < workers; i++) cluster.fork();
  console.log(`capexlens: ${workers} worker processes`);
}

if (require.main === module) {
  if (cluster.isPrimary) primary();
  else
    main().catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
