// Model economics benchmarks, against baselines measured in the same process and run:
//  0. Upload of a 2,000-row file in Epoch AI's "All ML Systems" export format (its headers, Domain,
//     Base model, `$5390000.00` costs, float counts, blank cells) through POST /api/datasets, then
//     its report (HTML and JSON): p50 / p90 against the app's static stylesheet.
//  1. The report for a 2,000-model dataset (HTML and JSON): p50 / p90 server time over sequential
//     requests on 127.0.0.1, against the app's static stylesheet and its small dataset list page.
//  2. The GPUs-per-job calculator's throughput (JSON and HTML) with autocannon, against the static
//     stylesheet served by the same app.
// Bounded: a fixed number of sequential requests and a few seconds per autocannon run.
'use strict';
const http = require('node:http');
const autocannon = require('autocannon');
const { createApp } = require('../dist/web/app');
const { SqliteStore } = require('../dist/store/sqlite');
const { seedBuiltIns } = require('../dist/seed');
const { loadConfig } = require('../dist/config');

const MODELS = Number(process.env.MODELS_BENCH_ROWS || 2000);
const SEQUENTIAL = Number(process.env.MODELS_BENCH_REQUESTS || 40);
const SECONDS = Number(process.env.MODELS_BENCH_SECONDS || 4);
const HARDWARE = ['NVIDIA H100 SXM5 80GB', 'NVIDIA A100 SXM4 40 GB', 'NVIDIA A100 SXM4 80 GB', 'Google TPU v4', 'NVIDIA Tesla V100 DGXS 32 GB', 'NVIDIA H800 SXM5', 'Google TPU v3', ''];

/** Deterministic rows in canonical columns: dates 2016-2025, costs on a ~2.4×/year trend with scatter. */
function rows() {
  const out = [];
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < MODELS; i++) {
    const year = 2016 + (i % 10);
    const month = 1 + (i % 12);
    const params = Math.round(1 + rnd() * 500);
    const tokens = Math.round((0.1 + rnd() * 15) * 100) / 100;
    const cost = 1e5 * Math.pow(2.4, year - 2016) * Math.exp((rnd() - 0.5) * 3);
    const kind = i % 4;
    out.push({
      model: `Model ${i}`,
      organization: `Org ${i % 37}`,
      release_date: `${year}-${String(month).padStart(2, '0')}-15`,
      params_b: params,
      active_params_b: params,
      tokens_t: tokens,
      training_flops: kind === 2 ? null : 6 * params * 1e9 * tokens * 1e12,
      hardware: HARDWARE[i % HARDWARE.length] || null,
      gpu_count: kind === 1 ? 1024 : null,
      gpu_hours: kind === 1 ? Math.round(cost / 2) : null,
      training_hours: null,
      gpu_hour_price_usd: null,
      mfu: kind === 3 ? 0.35 : null,
      training_cost_usd: kind === 0 ? Math.round(cost) : null,
      score_mmlu: i % 3 === 0 ? Math.round(40 + rnd() * 50) : null,
    });
  }
  return out;
}

const EPOCH_HEADER =
  'Model,Domain,Task,Organization,Publication date,Parameters,Training compute (FLOP),Training dataset size (datapoints),Training time (hours),Training hardware,Hardware quantity,Training chip-hours,Hardware utilization (MFU),Training compute cost (2023 USD),Base model,Confidence';
const EPOCH_HARDWARE = ['NVIDIA H100 SXM5 80GB', 'NVIDIA A100 SXM4 40 GB', 'Google TPU v4', 'Google TPU v3', 'NVIDIA Tesla V100 DGXS 32 GB', 'Intel Xeon E5-2695 v3', '', 'NVIDIA A100, NVIDIA V100'];
const DOMAINS = ['Language', 'Multimodal,Language,Vision', 'Vision', 'Games', 'Materials science', 'Biology', 'Speech'];

/** A deterministic 2,000-row CSV in the export's format: a mix of every case the report handles. */
function epochCsv() {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lines = [EPOCH_HEADER];
  for (let i = 0; i < MODELS; i++) {
    const year = 2005 + (i % 21);
    const params = Math.round(1e6 * Math.pow(10, rnd() * 6));
    const datapoints = Math.round(1e6 * Math.pow(10, rnd() * 7));
    const hw = EPOCH_HARDWARE[i % EPOCH_HARDWARE.length];
    const qty = hw ? 8 * (1 + Math.floor(rnd() * 512)) : i % 3 === 0 ? 1500 : '';
    const hours = i % 2 === 0 ? (24 + rnd() * 2000).toFixed(1) : '';
    const flops = i % 4 === 0 ? '' : (6 * params * datapoints).toExponential(4).replace('e+', 'e+');
    const cost = i % 5 === 0 ? `$${(1e5 * Math.pow(2.4, year - 2016) * Math.exp((rnd() - 0.5) * 3)).toFixed(2)}` : '';
    const mfu = i % 6 === 0 ? (0.2 + rnd() * 0.3).toFixed(4) : '';
    const base = i % 17 === 0 && i > 0 ? `"Model, ${i - 1}"` : '';
    const chipHours = i % 7 === 0 && qty !== '' && hours !== '' ? (Number(qty) * Number(hours)).toFixed(1) : '';
    lines.push([`"Model, ${i}"`, `"${DOMAINS[i % DOMAINS.length]}"`, 'Language modeling', `Org ${i % 41}`, `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`, `${params}.0`, flops, `${datapoints}.0`, hours, hw.includes(',') ? `"${hw}"` : hw, qty === '' ? '' : `${qty}.0`, chipHours, mfu, cost, base, 'Likely'].join(','));
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

const TOKEN = 'bench-models-token-0123456789';

/** One multipart upload through the JSON API, as a script would; resolves to [ms, dataset id]. */
function upload(port, body) {
  const boundary = 'capexlensbench' + Date.now();
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="epoch.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const payload = Buffer.concat([head, body, tail]);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      { host: '127.0.0.1', port, path: '/api/datasets', method: 'POST', agent: keepAlive, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': payload.length } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          if (res.statusCode !== 201) return reject(new Error(`upload: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
          resolve([ms, JSON.parse(Buffer.concat(chunks).toString()).id]);
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const { quantile } = require('./lib');
const quantiles = (ms) => ({ p50: quantile(ms, 0.5), p90: quantile(ms, 0.9) });

function get(port, path) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path, agent: keepAlive, headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`${path}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Like latency(), but each request asks a slightly different price, so no report cache answers it. */
async function latencyUncached(port, path) {
  const sep = path.includes('?') ? '&' : '?';
  for (let i = 0; i < 3; i++) await get(port, `${path}${sep}price=${(3 + i / 1e4).toFixed(4)}`);
  const ms = [];
  for (let i = 0; i < SEQUENTIAL; i++) ms.push(await get(port, `${path}${sep}price=${(2 + i / 1e4).toFixed(4)}`));
  return quantiles(ms);
}

async function latency(port, path) {
  for (let i = 0; i < 3; i++) await get(port, path); // warm up (view cache, JIT)
  const ms = [];
  for (let i = 0; i < SEQUENTIAL; i++) ms.push(await get(port, path));
  ms.sort((a, b) => a - b);
  const q = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))];
  return { p50: q(0.5), p90: q(0.9) };
}

function cannon(port, path) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 8, duration: SECONDS }, (err, r) => {
      if (err) return reject(err);
      if (r.non2xx > 0) return reject(new Error(`${path}: ${r.non2xx} non-2xx answers`));
      resolve(r.requests.average);
    });
  });
}

async function main() {
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_FILE: ':memory:', SESSION_SECRET: 'bench-secret-0123456789abcdef', UPLOADS_PER_MINUTE: '10000' });
  const store = new SqliteStore(':memory:');
  await seedBuiltIns(store, config.dataDir);
  const ds = await store.createDataset({ kind: 'models', name: 'bench models', builtIn: true, workspace: null, rows: rows() });
  const server = createApp({ store, config }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address();
  try {
    const staticL = await latency(port, '/css/app.css');
    const csv = epochCsv();
    const uploads = Number(process.env.MODELS_BENCH_UPLOADS || 10);
    console.log(`Epoch-format file: ${MODELS} rows, ${(csv.length / 1024).toFixed(0)} KiB; ${uploads} sequential uploads, then ${SEQUENTIAL} sequential report requests (ms)`);
    const upMs = [];
    let epochId = null;
    for (let i = 0; i < uploads + 1; i++) {
      const [ms, id] = await upload(port, csv);
      if (i > 0) upMs.push(ms); // the first one warms up ingest and the store
      epochId = id;
    }
    const upL = quantiles(upMs);
    const epochHtml = await latencyUncached(port, `/datasets/${epochId}/report`);
    const epochJson = await latencyUncached(port, `/datasets/${epochId}/report.json?fromYear=2016&topN=3`);
    console.log(['request'.padEnd(34), 'p50 ms'.padStart(8), 'p90 ms'.padStart(8), '× static'.padStart(10)].join(' '));
    for (const [name, l] of [
      ['static /css/app.css (baseline)', staticL],
      ['upload POST /api/datasets', upL],
      ['report HTML (uncached)', epochHtml],
      ['report JSON, 2016-, top 3 (uncached)', epochJson],
    ]) {
      console.log([name.padEnd(34), l.p50.toFixed(2).padStart(8), l.p90.toFixed(2).padStart(8), (l.p50 / staticL.p50).toFixed(1).padStart(10)].join(' '));
    }

    console.log(`\nreport for ${MODELS} models: ${SEQUENTIAL} sequential requests each over 127.0.0.1 (ms)`);
    const listL = await latency(port, '/');
    const reportHtml = await latency(port, `/datasets/${ds.id}/report`);
    const reportJson = await latency(port, `/datasets/${ds.id}/report.json`);
    const reportTop = await latency(port, `/datasets/${ds.id}/report.json?topN=10`);
    const table1 = [
      ['static /css/app.css (baseline)', staticL],
      ['dataset list / (baseline)', listL],
      ['report HTML', reportHtml],
      ['report JSON', reportJson],
      ['report JSON, top 10 per year', reportTop],
    ];
    console.log(['request'.padEnd(34), 'p50 ms'.padStart(8), 'p90 ms'.padStart(8), '× static'.padStart(10), '× list'.padStart(8)].join(' '));
    for (const [name, l] of table1) {
      console.log([name.padEnd(34), l.p50.toFixed(2).padStart(8), l.p90.toFixed(2).padStart(8), (l.p50 / staticL.p50).toFixed(1).padStart(10), (l.p50 / listL.p50).toFixed(1).padStart(8)].join(' '));
    }

    console.log(`\ncalculator throughput: autocannon, 8 connections, ${SECONDS} s each (requests/s)`);
    const calcQuery = '?paramsB=70&quant=bf16&gpu=H100&batch=8&role=software-engineer';
    const staticRps = await cannon(port, '/css/app.css');
    const jsonRps = await cannon(port, `/gpus-per-job.json${calcQuery}`);
    const htmlRps = await cannon(port, `/gpus-per-job${calcQuery}`);
    console.log(['endpoint'.padEnd(34), 'req/s'.padStart(10), '÷ static'.padStart(10)].join(' '));
    for (const [name, rps] of [
      ['static /css/app.css (baseline)', staticRps],
      ['/gpus-per-job.json', jsonRps],
      ['/gpus-per-job (HTML)', htmlRps],
    ]) {
      console.log([name.padEnd(34), rps.toFixed(0).padStart(10), (rps / staticRps).toFixed(2).padStart(10)].join(' '));
    }
  } finally {
    keepAlive.destroy();
    server.close();
    await store.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
