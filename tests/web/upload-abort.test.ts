/**
 * Aborted and timed-out uploads leave nothing behind: their temporary file is closed and removed
 * at once (counted as folders in a private TMP_DIR and as this process's open file descriptors).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { makeApp } from '../helpers/app';
import { createHttpServer } from '../../src/web/http-server';
import { sweepUploadLeftovers } from '../../src/web/upload-leftovers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'h10-upload-abort-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const uploads = () => fs.readdirSync(tmp).filter((n) => n.startsWith('capexlens-'));
const openFds = () => fs.readdirSync('/proc/self/fd').length;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await wait(25);
  }
  return check();
}

async function server(env: Record<string, string> = {}) {
  const { app, config } = await makeApp({ TMP_DIR: tmp, ...env });
  const s = createHttpServer(app, config);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { s, port: (s.address() as AddressInfo).port };
}

const BOUNDARY = 'xabortx';
function head(port: number, length: number): string {
  return [
    'POST /api/datasets HTTP/1.1',
    `Host: 127.0.0.1:${port}`,
    'Authorization: Bearer abort-tests-token',
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
    `Content-Length: ${length}`,
    '',
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\ncompany,fiscal_year,capex\n`,
  ].join('\r\n');
}

describe('uploads that never finish', () => {
  test('client aborts mid-upload, 5 times › no temporary file and no open file left', async () => {
    const { s, port } = await server();
    try {
      const fdsBefore = openFds();
      for (let i = 0; i < 5; i++) {
        const sock = net.connect(port, '127.0.0.1');
        await new Promise((r) => sock.once('connect', r));
        sock.write(head(port, 40 * 1024 * 1024));
        sock.write(Buffer.from('Acme,2024,1\n'.repeat(80_000))); // ~1 MB of the 40 MB promised
        expect(await until(() => uploads().length > 0, 5_000)).toBe(true);
        sock.destroy();
      }
      expect(await until(() => uploads().length === 0, 5_000)).toBe(true);
      expect(await until(() => openFds() <= fdsBefore, 5_000)).toBe(true);
    } finally {
      s.closeAllConnections();
      s.close();
    }
  });

  test('a body sent a byte at a time › cut off at REQUEST_TIMEOUT_MS with its file removed, long before 125 s', async () => {
    const { s, port } = await server({ REQUEST_TIMEOUT_MS: '2000' });
    try {
      const sock = net.connect(port, '127.0.0.1');
      await new Promise((r) => sock.once('connect', r));
      const started = Date.now();
      let answer = '';
      sock.on('data', (d) => (answer += d.toString()));
      const closed = new Promise((r) => sock.once('close', r));
      sock.write(head(port, 1_000_000));
      const drip = setInterval(() => sock.writable && sock.write('1'), 100);
      expect(await until(() => uploads().length > 0, 3_000)).toBe(true);
      await closed;
      clearInterval(drip);
      const took = Date.now() - started;
      expect(took).toBeLessThan(8_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(await until(() => uploads().length === 0, 3_000)).toBe(true);
    } finally {
      s.closeAllConnections();
      s.close();
    }
  }, 20_000);
});

describe('sweepUploadLeftovers', () => {
  test('old folders go, fresh ones (uploads in progress elsewhere) stay', () => {
    const old = fs.mkdtempSync(path.join(tmp, 'capexlens-upload-'));
    fs.writeFileSync(path.join(old, 'upload.csv'), 'x');
    const fresh = fs.mkdtempSync(path.join(tmp, 'capexlens-upload-'));
    const other = fs.mkdtempSync(path.join(tmp, 'someone-else-'));
    const past = (Date.now() - 3_600_000) / 1000;
    fs.utimesSync(path.join(old, 'upload.csv'), past, past);
    fs.utimesSync(old, past, past);
    expect(sweepUploadLeftovers(60_000, tmp)).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
    fs.rmSync(fresh, { recursive: true });
    fs.rmSync(other, { recursive: true });
  });
});
