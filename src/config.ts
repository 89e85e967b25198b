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
  SESSION_SECRET: z.string().min(16).optional(),
  LOG_REQUESTS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseFile: string;
  dataDir: string;
  maxUploadBytes: number;
  uploadsPerMinute: number;
  /** Secret for signed cookies and CSRF tokens; random per process when not set. */
  sessionSecret: string;
  logRequests: boolean;
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
  return Object.freeze({
    env: v.NODE_ENV,
    port: v.PORT,
    host: v.HOST,
    databaseFile: v.DATABASE_FILE,
    dataDir: v.DATA_DIR,
    maxUploadBytes: v.MAX_UPLOAD_BYTES,
    uploadsPerMinute: v.UPLOADS_PER_MINUTE,
    sessionSecret: v.SESSION_SECRET ?? randomSecret(),
    logRequests: v.LOG_REQUESTS,
  });
}
