// Reliability figures. Run with `npm run bench -- reliability` (builds dist/ first).
// 1. The company report of a 1,000-company dataset, cold (nothing cached) with default assumptions,
//    beside the built-in 4-company report in the same run. Goal: under 1 s.
// 2. The longest event-loop block (perf_hooks.monitorEventLoopDelay, 10 ms resolution) in a server
//    while it answers a heavy report (the built-in dataset with mcTrials=20000: JSON, then the page),
//    with the report pool (default) and with REPORT_THREADS=0 (computed on the event loop) as the
//    baseline. Goal: under 50 ms.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const { SqliteStore } = require('../dist/store/sqlite');
const { seedBuiltIns } = require('../dist/seed');
const { loadConfig } = require('../dist/config');
const { createApp } = require('../dist/web/app');
const { runJob } = require('../dist/report/pool/jobs');
const { closeReportPools } = require('../dist/report/pool');
const { parseAssumptions } = require('../dist/report/assumptions');
const { applyDataDefaults } = require('../dist/report/data-defaults');

/** 1,000 companies × 5 fiscal years with capex, revenue and income, seeded so runs compare. */
function thousandCompanies() {
  const rows = [];
  let s = 42;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let c = 0; c < 1000; c++) {
    const size = 1e8 * (1 + rnd() * 100);
    for (let y = 2021; y <= 2025; y++) {
      const revenue = size * (1 + (y - 2021) * 0.1);
      rows.push({ company: `Company ${String(c).padStart(4, '0')}`, fiscal_year: y, capex: revenue * (0.05 + rnd() * 0.2), revenue, operating_income: revenue * 0.2, net_income: revenue * 0.15, currency: 'USD' });
    }
  }
  return rows;
}

function timeReport(name, rows) {
  const parsed = applyDataDefaults(parseAssumptions({}), rows);
  const t = performance.now();
  runJob('company', { datasetName: name, rows, parsed: { values: parsed.values, sources: parsed.sources, prices: parsed.prices } });
  return performance.now() - t;
}

function get(port, p) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    http.get({ host: '127.0.0.1', port, path: p }, (res) => {
      let bytes = 0;
      res.on('data', (d) => (bytes += d.length));
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t, bytes }));
    }).on('error', reject);
  });
}

async function loopBlock(threads, rows, query) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-reliability-bench-'));
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_FILE: path.join(dir, 'b.db'), SESSION_SECRET: 'bench-secret-0123456789abcdef', REPORT_THREADS: String(threads), REPORT_TIME_LIMIT_MS: '600000' });
  const store = new SqliteStore(config.databaseFile);
  const { id } = await store.createDataset({ kind: 'company', name: 'Heavy', builtIn: true, workspace: null, rows });
  const server = createApp({ store, config }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = server.address().port;
  await get(port, '/css/app.css');
  // Warm up: the first page compiles and caches the templates, once per process, not per report.
  await get(port, `/datasets/${id}/report?mcTrials=10`);
  await get(port, `/datasets/${id}/report.json?mcTrials=10`);
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  const json = await get(port, `/datasets/${id}/report.json?${query}&mcSeed=${threads + 1}`);
  const page = await get(port, `/datasets/${id}/report?${query}&mcSeed=${threads + 2}`);
  h.disable();
  server.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { threads, json, page, maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6 };
}

async function main() {
  const builtInStore = new SqliteStore(':memory:');
  await seedBuiltIns(builtInStore, path.join(__dirname, '..', 'data'));
  const builtIn = (await builtInStore.listDatasets('bench')).find((d) => d.kind === 'company');
  const builtInRows = await builtInStore.getRows(builtIn.id);
  const big = thousandCompanies().slice(0, 5 * Number(process.env.RELIABILITY_COMPANIES || 1000));
  timeReport('warm-up', builtInRows);
  const small = timeReport(builtIn.name, builtInRows);
  const cold = timeReport('1,000 companies', big);
  console.table([
    { report: `built-in (${builtInRows.length} rows)`, 'ms (cold, default assumptions)': Math.round(small) },
    { report: `${big.length / 5} companies (${big.length} rows)`, 'ms (cold, default assumptions)': Math.round(cold) },
  ]);
  console.log(`${big.length / 5}-company report / built-in: ${(cold / small).toFixed(1)}×; ${Math.round(cold)} ms (goal < 1000 ms: ${cold < 1000 ? 'met' : 'NOT met'})`);

  const heavy = 'mcTrials=20000';
  const pooled = await loopBlock(Number(loadConfig({}).reportThreads), builtInRows, heavy);
  const inline = await loopBlock(0, builtInRows, heavy);
  await closeReportPools();
  console.table([pooled, inline].map((r) => ({
    mode: r.threads ? `report pool (${r.threads} thread${r.threads > 1 ? 's' : ''})` : 'on the event loop (REPORT_THREADS=0)',
    'JSON ms': Math.round(r.json.ms), 'JSON MB': +(r.json.bytes / 1048576).toFixed(2),
    'page ms': Math.round(r.page.ms), 'page MB': +(r.page.bytes / 1048576).toFixed(2),
    'loop block max ms': Math.round(r.maxMs), 'loop delay p99 ms': Math.round(r.p99Ms),
  })));
  console.log(`longest event-loop block with the pool: ${Math.round(pooled.maxMs)} ms (goal < 50 ms: ${pooled.maxMs < 50 ? 'met' : 'NOT met'}); on the event loop: ${Math.round(inline.maxMs)} ms`);
  await builtInStore.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
