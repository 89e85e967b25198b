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
