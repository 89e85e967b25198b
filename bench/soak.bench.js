// Soak: a bounded minute of mixed traffic against one server on 127.0.0.1, to see that nothing
// grows without bound or fails under a realistic mix: company reports with distinct queries (page,
// JSON, CSV), uploads, dataset downloads and static files, from CONCURRENCY clients at once.
// Prints the server's RSS at start and end, latency percentiles per kind, and every error.
// Run with `npm run bench -- soak` (SOAK_SECONDS, default 60; SOAK_CONCURRENCY, default 8).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { fork } = require('node:child_process');

const SECONDS = Number(process.env.SOAK_SECONDS || 60);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY || 8);
const TOKEN = 'soak-bench-token-0001';

/** Child process: the server as `npm start` runs it (default limits), on a temporary database. */
async function serve() {
  const { createApp } = require('../dist/web/app');
  const { createHttpServer } = require('../dist/web/http-server');
  const { SqliteStore } = require('../dist/store/sqlite');
  const { seedBuiltIns } = require('../dist/seed');
  const { loadConfig } = require('../dist/config');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-soak-'));
  // Uploads are limited per workspace; the soak's one token would hit it, which is not what it measures.
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_FILE: path.join(dir, 'soak.db'), SESSION_SECRET: 'soak-secret-0123456789abcdef', UPLOADS_PER_MINUTE: '100000' });
  const store = new SqliteStore(config.databaseFile);
  await seedBuiltIns(store, config.dataDir);
  const company = (await store.listDatasets('soak')).find((d) => d.kind === 'company');
  const server = createHttpServer(createApp({ store, config }), config);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, company: company.id, rss: process.memoryUsage().rss }));
  process.on('message', async (m) => {
    if (m === 'rss') return process.send({ rss: process.memoryUsage().rss });
    server.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
}

function request(port, method, p, body, headers = {}) {
  return new Promise((resolve) => {
    const t = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t }));
    });
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t, error: e.code || e.message }));
    req.setTimeout(60_000, () => req.destroy(new Error('client timeout')));
    req.end(body);
  });
}

function uploadBody(n) {
  const boundary = `soak${n}`;
  const rows = Array.from({ length: 200 }, (_, i) => `Soak ${n} Co ${i % 20},${2015 + Math.floor(i / 20)},${1000 + i}`).join('\n');
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="soak.csv"\r\nContent-Type: text/csv\r\n\r\ncompany,fiscal_year,capex\n${rows}\n\r\n--${boundary}--\r\n`;
  return { body, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(body) } };
}

const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);

async function main() {
  const child = fork(__filename, ['--serve'], { env: { ...process.env, NODE_ENV: 'production' } });
  const ready = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const { port, company } = ready;
  const rssNow = () => new Promise((resolve) => {
    child.once('message', (m) => resolve(m.rss));
    child.send('rss');
  });
  const uploaded = [];
  let n = 0;
  const kinds = {};
  const refused = {};
  const errors = {};
  const record = (kind, r) => {
    (kinds[kind] ??= []).push(r.ms);
    // 422: a report over its time budget (REPORT_TIME_LIMIT_MS) says what to reduce; counted apart, not an error.
    if (r.status === 422) refused[kind] = (refused[kind] ?? 0) + 1;
    if (r.status === 0 || r.status >= 500 || (r.status >= 400 && r.status !== 422)) {
      const key = `${kind}: ${r.status || r.error}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  };
  const one = async () => {
    const i = n++;
    const roll = i % 10;
    if (roll < 5) {
      // A distinct query every time, so the cache must evict rather than grow.
      const q = `wacc=${(0.06 + (i % 5000) / 100_000).toFixed(5)}&mcTrials=500`;
      const fmt = ['', '.json', '.csv'][i % 3];
      return record(`report${fmt || ' page'}`, await request(port, 'GET', `/datasets/${company}/report${fmt}?${q}`));
    }
    if (roll < 7) {
      const u = uploadBody(i);
      const r = await request(port, 'POST', '/api/datasets', u.body, u.headers);
      if (r.status === 201) uploaded.push(i);
      return record('upload', r);
    }
    if (roll < 9) return record('download', await request(port, 'GET', `/datasets/${company}.csv`));
    return record('static', await request(port, 'GET', '/css/app.css'));
  };
  const rssStart = ready.rss;
  const end = Date.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < end) await one();
  }));
  const rssEnd = await rssNow();
  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  const all = Object.values(kinds).flat().sort((a, b) => a - b);
  console.table(Object.entries(kinds).map(([kind, xs]) => {
    const s = [...xs].sort((a, b) => a - b);
    return { kind, requests: s.length, '422 (over budget)': refused[kind] ?? 0, 'p50 ms': Math.round(pct(s, 50)), 'p99 ms': Math.round(pct(s, 99)), 'max ms': Math.round(s[s.length - 1]) };
  }));
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  console.log(`${SECONDS} s, ${CONCURRENCY} clients, ${all.length} requests (${(all.length / SECONDS).toFixed(1)}/s); p99 ${Math.round(pct(all, 99))} ms; errors ${errorCount}${errorCount ? ' ' + JSON.stringify(errors) : ''}`);
  console.log(`server RSS: start ${(rssStart / 1048576).toFixed(0)} MB, end ${(rssEnd / 1048576).toFixed(0)} MB (CACHE_MB budget ${process.env.CACHE_MB || 128} MB for report caches)`);
  process.exitCode = errorCount ? 1 : 0;
}

(process.argv.includes('--serve') ? serve() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
