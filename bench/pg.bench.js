// The store on PostgreSQL beside SQLite, in the same run: (1) a 1,000,000-row company upload, the
// whole path (decode, parse, normalise, validate, store) and the store alone, each in its own
// process (so peak RSS is its own); (2) company report throughput, the page and its JSON twin,
// under 50 concurrent connections (autocannon), against one app on SQLite and one on PostgreSQL.
// Ratios are PostgreSQL / SQLite (time: lower is better; req/s: higher is better).
// Needs a database: BENCH_DATABASE_URL or TEST_DATABASE_URL (postgres://…); without one it says so
// and skips. Tables go in a schema of their own, dropped at the end.
// Run with `npm run bench -- pg` (builds dist/ first).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork, spawnSync } = require('node:child_process');

const URL_ = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || '';
const ROWS = Number(process.env.PG_BENCH_ROWS || 1_000_000);
const SECONDS = Number(process.env.REPORT_BENCH_SECONDS || 3);
const ROUNDS = Number(process.env.REPORT_BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.REPORT_BENCH_CONNECTIONS || 50);
const SECRET = 'bench-secret-0123456789abcdef';

function withSchema(url, schema) {
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function adminQuery(sql) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: URL_ });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A store of the kind asked for: a fresh SQLite file, or PostgreSQL in the bench's schema. */
async function openStore(kind, schema) {
  if (kind === 'sqlite') {
    const { SqliteStore } = require('../dist/store/sqlite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-pg-bench-'));
    const store = new SqliteStore(path.join(dir, 'bench.db'));
    return { store, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const { PostgresStore } = require('../dist/store/postgres');
  return { store: await PostgresStore.open(URL_, { schema }), cleanup: () => undefined };
}

function generate(file) {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'company,ticker,fiscal_year,capex,revenue,operating_income,net_income,depreciation,shares_outstanding,share_price\n');
  let chunk = [];
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / 25);
    const capex = 1e9 + ((i * 7919) % 9e10);
    chunk.push(`Company ${c},C${c},${2000 + (i % 25)},${capex},${capex * 3 + 17},${Math.round(capex / 2)},${Math.round(capex / 3)},${Math.round(capex / 5)},${1e8 + (i % 1e9)},${((i % 50000) / 100 + 1).toFixed(2)}`);
    if (chunk.length === 10000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

function* generatedRows() {
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / 25);
    const capex = 1e9 + ((i * 7919) % 9e10);
    yield { company: `Company ${c}`, ticker: `C${c}`, fiscal_year: 2000 + (i % 25), capex, revenue: capex * 3 + 17, operating_income: Math.round(capex / 2), net_income: Math.round(capex / 3), depreciation: Math.round(capex / 5), shares_outstanding: 1e8 + (i % 1e9), share_price: (i % 50000) / 100 + 1, currency: 'USD' };
  }
}

/** Child: one upload into one store; prints rows, milliseconds and peak RSS. */
async function uploadChild(kind, variant, file, schema) {
  const { store, cleanup } = await openStore(kind, schema);
  try {
    const t0 = process.hrtime.bigint();
    let rows;
    if (variant === 'whole path') {
      const { ingestStream } = require('../dist/ingest');
      const r = await ingestStream(fs.createReadStream(file), { kind: 'company', expectedBytes: fs.statSync(file).size });
      if (!r.ok) throw new Error('bench file refused: ' + JSON.stringify(r.problems.slice(0, 3)));
      rows = r.rows;
    } else {
      rows = generatedRows();
    }
    const meta = await store.createDataset({ kind: 'company', name: 'bench', builtIn: false, workspace: 'bench', rows });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const t1 = process.hrtime.bigint();
    const back = (await store.getRows(meta.id)).length;
    const readMs = Number(process.hrtime.bigint() - t1) / 1e6;
    process.stdout.write(JSON.stringify({ rows: meta.rowCount, back, ms, readMs, rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  } finally {
    await store.close();
    cleanup();
  }
}

/** Child: the app on one store, seeded as the server does, serving until told to stop. */
async function serveChild(kind, schema) {
  const { loadConfig } = require('../dist/config');
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, DATABASE_FILE: path.join(os.tmpdir(), 'unused.db') });
  const { store, cleanup } = await openStore(kind, schema);
  await serveForParent(store, config, cleanup);
}

function cannon(port, p, cookie, seconds) {
  const autocannon = require('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}${p}`, connections: CONNECTIONS, duration: seconds, headers: { cookie } }, (err, r) => (err ? reject(err) : resolve(r)));
  });
}

const { firstVisit, median, serveForParent } = require('./lib');

function runUpload(kind, variant, file, schema) {
  const r = spawnSync(process.execPath, [__filename, '--upload', kind, variant, file, schema], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env });
  if (r.status !== 0) throw new Error(`${kind} ${variant} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function uploads(schema) {
  const file = path.join(os.tmpdir(), `capexlens-pg-bench-${process.pid}.csv`);
  try {
    generate(file);
    const mb = fs.statSync(file).size / 1e6;
    console.log(`\nUpload: ${ROWS.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB CSV`);
    const table = [];
    let ok = true;
    for (const variant of ['whole path', 'store alone']) {
      const sqlite = runUpload('sqlite', variant, file, schema);
      const pg = runUpload('postgres', variant, file, schema);
      for (const [name, r] of [['SQLite', sqlite], ['PostgreSQL', pg]]) {
        ok &&= r.rows === ROWS && r.back === ROWS;
        table.push({ variant, store: name, rows: r.rows, seconds: +(r.ms / 1000).toFixed(2), 'read back s': +(r.readMs / 1000).toFixed(2), 'peak RSS MB': +r.rssMb.toFixed(0), 'vs SQLite': +(r.ms / sqlite.ms).toFixed(2) });
      }
    }
    console.table(table);
    if (!ok) {
      console.error(`FAIL: a store did not keep all ${ROWS} rows`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function startApp(kind, schema) {
  const child = fork(__filename, ['--serve', kind, schema], { env: { ...process.env, NODE_ENV: 'production' } });
  const info = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { child, ...info, cookie: await firstVisit(info.port, info.report) };
}

async function stopApp(app) {
  app.child.send('stop');
  await new Promise((resolve) => app.child.once('exit', resolve));
}

async function throughput(schema) {
  console.log(`\nCompany report of the built-in dataset, ${CONNECTIONS} connections, ${SECONDS} s per target per round, ${ROUNDS} rounds`);
  const apps = { SQLite: await startApp('sqlite', schema), PostgreSQL: await startApp('postgres', schema) };
  try {
    const targets = [
      ['report', (a) => a.report],
      ['report JSON', (a) => `${a.report}.json`],
    ];
    for (const a of Object.values(apps)) for (const [, p] of targets) await cannon(a.port, p(a), a.cookie, 1);
    const rows = [];
    const ratios = { report: [], 'report JSON': [] };
    let failed = false;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [target, p] of targets) {
        const got = {};
        for (const [name, a] of Object.entries(apps)) {
          const r = await cannon(a.port, p(a), a.cookie, SECONDS);
          got[name] = r.requests.average;
          failed ||= r.non2xx > 0 || r.errors > 0;
          rows.push({ round, target, store: name, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, non2xx: r.non2xx, errors: r.errors });
        }
        ratios[target].push(got.PostgreSQL / got.SQLite);
      }
    }
    console.table(rows);
    console.log(`PostgreSQL / SQLite req/s (median of ${ROUNDS} rounds): report ${median(ratios.report).toFixed(2)}, report JSON ${median(ratios['report JSON']).toFixed(2)}`);
    if (failed) {
      console.log('FAIL: some requests did not answer 200');
      process.exitCode = 1;
    }
  } finally {
    for (const a of Object.values(apps)) await stopApp(a);
  }
}

async function main() {
  if (!URL_) {
    console.log('pg bench skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database, e.g. TEST_DATABASE_URL=$(sudo bash .ci/postgres.sh) npm run bench -- pg');
    return;
  }
  const schema = `bench_${process.pid}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  try {
    await uploads(schema);
    await adminQuery(`DROP SCHEMA ${schema} CASCADE`);
    await adminQuery(`CREATE SCHEMA ${schema}`);
    await throughput(schema);
  } finally {
    await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

const [, , mode, ...args] = process.argv;
const run = mode === '--upload' ? () => uploadChild(...args) : mode === '--serve' ? () => serveChild(...args) : main;
run().catch((e) => {
  console.error(e);
  process.exit(1);
});
