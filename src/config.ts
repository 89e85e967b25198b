import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Project root: one level above src/ (or dist/), where views/, public/ and data/ live. */
export const ROOT = path.resolve(__dirname, '..');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_FILE: z.string().min(1).default(path.join(ROOT, 'var', 'capexlens.db')),
  DATA_DIR: z.string().min(1).default(path.join(ROOT, 'data')),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  UPLOADS_PER_MINUTE: z.coerce.number().int().positive().default(30),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\/\S+$/, 'must be a PostgreSQL URL: postgres://user:password@host:5432/database')
    .optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(256).optional(),
  LOG_REQUESTS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  // Reliability limits (see README "Configuration").
  REPORT_TIME_LIMIT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  REPORT_THREADS: z.coerce.number().int().min(0).max(64).default(Math.min(4, Math.max(1, os.availableParallelism() - 1))),
  REPORT_QUEUE: z.coerce.number().int().min(1).max(10_000).default(64),
  REPORT_WORKER_HEAP_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  CACHE_MB: z.coerce.number().min(0).max(65_536).default(128),
  MAX_UPLOAD_ROWS: z.coerce.number().int().positive().default(2_000_000),
  TMP_DIR: z.string().min(1).default(os.tmpdir()),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const t = v.trim();
      if (t === '' || t === 'false') return false;
      if (/^[0-9]{1,2}$/.test(t)) return Number(t);
      const parts = t.split(',').map((x) => x.trim());
      if (parts.every((x) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/[0-9]{1,3})?)$/.test(x))) return parts;
      ctx.addIssue({ code: 'custom', message: 'false, a number of proxy hops, or addresses/subnets such as loopback or 10.0.0.0/8 (not "true": that trusts any client)' });
      return false;
    }),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseFile: string;
  /** PostgreSQL connection URL; when set, the store is PostgreSQL instead of the SQLite file. */
  databaseUrl: string | null;
  dataDir: string;
  maxUploadBytes: number;
  uploadsPerMinute: number;
  /** Secret for signed cookies and CSRF tokens; random per process when not set. */
  sessionSecret: string;
  logRequests: boolean;
  /** Wall time one report may take, ms; over it the report is stopped and the answer says what to reduce. */
  reportTimeLimitMs: number;
  /** Worker threads for heavy reports; 0 computes them on the event loop. */
  reportThreads: number;
  /** Reports that may wait for a worker; more answer 503 with Retry-After. */
  reportQueue: number;
  /** Heap a report worker may use, MB. */
  reportWorkerHeapMb: number;
  /** One byte budget, MB, shared by every report cache. */
  cacheMb: number;
  /** Most rows an upload may have (422 above). */
  maxUploadRows: number;
  /** Folder for uploads in progress (swept of leftovers at start). */
  tmpDir: string;
  /** Whole request (headers and body) must arrive within this, ms; slower clients get 408. */
  requestTimeoutMs: number;
  /** Express `trust proxy`: false, a hop count, or the proxies' addresses; X-Forwarded-For counts only from them. */
  trustProxy: false | number | string[];
  /** Worker processes `node dist/cluster.js` starts; null means one per CPU core. */
  workers: number | null;
}>;

export class ConfigError extends Error {}

/**
 * Reads and validates the environment once. Throws ConfigError naming every bad variable.
 * @example loadConfig({ PORT: '8080' }).port // 8080
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, randomSecret = (): string => require('node:crypto').randomBytes(32).toString('hex')): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join('.');
      return `  ${key}=${JSON.stringify(env[key] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = parsed.data;
  // Instances behind a load balancer must all sign cookies and CSRF tokens with one secret, or a
  // workspace made on one is a stranger to the next; with PostgreSQL the secret is not optional.
  if (v.DATABASE_URL && !v.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  SESSION_SECRET="": required when DATABASE_URL is set (every instance signs workspace cookies and CSRF tokens with it); use at least 16 random characters, e.g. `openssl rand -hex 32`',
    );
  }
  return Object.freeze({
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    databaseFile: v.DATABASE_FILE,
    databaseUrl: v.DATABASE_URL ?? null,
    dataDir: v.DATA_DIR,
    maxUploadBytes: v.MAX_UPLOAD_BYTES,
    uploadsPerMinute: v.UPLOADS_PER_MINUTE,
    sessionSecret: v.SESSION_SECRET ?? randomSecret(),
    logRequests: v.LOG_REQUESTS,
    reportTimeLimitMs: v.REPORT_TIME_LIMIT_MS,
    reportThreads: v.REPORT_THREADS,
    reportQueue: v.REPORT_QUEUE,
    reportWorkerHeapMb: v.REPORT_WORKER_HEAP_MB,
    cacheMb: v.CACHE_MB,
    maxUploadRows: v.MAX_UPLOAD_ROWS,
    tmpDir: v.TMP_DIR,
    requestTimeoutMs: v.REQUEST_TIMEOUT_MS,
    trustProxy: v.TRUST_PROXY,
    workers: v.WEB_CONCURRENCY ?? null,
  });
}
