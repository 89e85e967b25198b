import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  test('empty environment › defaults: port 3000, 50 MB uploads, database under var/', () => {
    const c = loadConfig({}, () => 'r'.repeat(32));
    expect(c.port).toBe(3000);
    expect(c.maxUploadBytes).toBe(50 * 1024 * 1024);
    expect(c.databaseFile).toMatch(/var[\\/]capexlens\.db$/);
    expect(c.sessionSecret).toBe('r'.repeat(32));
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('PORT › overrides the port', () => expect(loadConfig({ PORT: '8080' }).port).toBe(8080));

  test('invalid values › one error naming each variable and its value', () => {
    expect(() => loadConfig({ PORT: 'eighty', MAX_UPLOAD_BYTES: '-1' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', MAX_UPLOAD_BYTES: '-1' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT="eighty"');
      expect((e as Error).message).toContain('MAX_UPLOAD_BYTES="-1"');
    }
  });

  test('server start with a bad PORT › prints the problem and exits with code 1', () => {
    const server = path.join(__dirname, '..', 'dist', 'server.js');
    const r = spawnSync(process.execPath, [server], { env: { ...process.env, PORT: 'eighty' }, encoding: 'utf8', timeout: 20000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('PORT="eighty"');
  });
});

describe('loadConfig › PostgreSQL', () => {
  const url = 'postgres://capexlens:secret@db.internal:5432/capexlens';

  test('DATABASE_URL with SESSION_SECRET › the URL is kept, the SQLite file unused', () => {
    const c = loadConfig({ DATABASE_URL: url, SESSION_SECRET: 's'.repeat(32) });
    expect(c.databaseUrl).toBe(url);
    expect(c.sessionSecret).toBe('s'.repeat(32));
  });

  test('no DATABASE_URL › SQLite as before (databaseUrl null)', () => expect(loadConfig({}).databaseUrl).toBeNull());

  test('DATABASE_URL without SESSION_SECRET › a config error naming SESSION_SECRET', () => {
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow('SESSION_SECRET="": required when DATABASE_URL is set');
  });

  test('DATABASE_URL that is not a PostgreSQL URL › a config error naming it', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@y/z', SESSION_SECRET: 's'.repeat(32) })).toThrow('DATABASE_URL="mysql://x@y/z": must be a PostgreSQL URL');
  });

  test('server start with DATABASE_URL and no SESSION_SECRET › exits 1 before connecting', () => {
    const server = path.join(__dirname, '..', 'dist', 'server.js');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', PORT: '0' };
    delete env.SESSION_SECRET;
    const r = spawnSync(process.execPath, [server], { env, encoding: 'utf8', timeout: 20000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SESSION_SECRET="": required when DATABASE_URL is set');
  });
});
