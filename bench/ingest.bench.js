// Ingest of a generated 1,000,000-row company CSV (about 90 MB): our whole path (decode, parse,
// normalise, validate, store into a temporary SQLite file) against bare csv-parse and bare
// papaparse streaming over the same bytes, measured in the same run. Each variant runs in its own
// process so its peak RSS is its own. Goal: whole path ≤ 1.5× bare csv-parse, peak RSS < 150 MB.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROWS = Number(process.env.INGEST_BENCH_ROWS || 1_000_000);

function generate(file) {
  const fd = fs.openSync(file, 'w');
  const header = 'company,ticker,fiscal_year,capex,revenue,operating_income,net_income,depreciation,shares_outstanding,share_price\n';
  fs.writeSync(fd, header);
  let chunk = [];
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / 25);
    const year = 2000 + (i % 25);
    const capex = 1e9 + ((i * 7919) % 9e10);
    chunk.push(
      `Company ${c},C${c},${year},${capex},${capex * 3 + 17},${Math.round(capex / 2)},${Math.round(capex / 3)},${Math.round(capex / 5)},${1e8 + (i % 1e9)},${((i % 50000) / 100 + 1).toFixed(2)}`,
    );
    if (chunk.length === 10000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

async function runCsvParse(file) {
  const { parse } = require('csv-parse');
  let n = 0;
  const parser = fs.createReadStream(file).pipe(parse({ relax_column_count: true }));
  for await (const _record of parser) n++;
  return n - 1;
}

function runPapa(file) {
  const Papa = require('papaparse');
  return new Promise((resolve, reject) => {
    let n = 0;
    Papa.parse(fs.createReadStream(file), {
      step: () => {
        n++;
      },
      complete: () => resolve(n - 1),
      error: reject,
    });
  });
}

async function runOurs(file) {
  const { ingestStream } = require('../dist/ingest');
  const { SqliteStore } = require('../dist/store/sqlite');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-bench-db-'));
  const store = new SqliteStore(path.join(dir, 'bench.db'));
  try {
    // As the upload route does: the file is on disk, so its size is known.
    const r = await ingestStream(fs.createReadStream(file), { kind: 'company', expectedBytes: fs.statSync(file).size });
    if (!r.ok) throw new Error('bench file refused: ' + JSON.stringify(r.problems.slice(0, 3)));
    const meta = await store.createDataset({ kind: r.kind, name: 'bench', builtIn: false, workspace: 'bench', columns: r.columns, warnings: r.warnings, rows: r.rows });
    return meta.rowCount;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Our path without the store: decode, parse, normalise, validate, spool and read the rows back. */
async function runIngestOnly(file) {
  const { ingestStream } = require('../dist/ingest');
  const r = await ingestStream(fs.createReadStream(file), { kind: 'company', expectedBytes: fs.statSync(file).size });
  if (!r.ok) throw new Error('bench file refused');
  let n = 0;
  for (const _row of r.rows) n++;
  return n;
}

/** The store alone, fed the same rows from a generator: what no parser can go below. */
async function runStoreOnly() {
  const { SqliteStore } = require('../dist/store/sqlite');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-bench-db-'));
  const store = new SqliteStore(path.join(dir, 'bench.db'));
  function* rows() {
    for (let i = 0; i < ROWS; i++) {
      const c = Math.floor(i / 25);
      const capex = 1e9 + ((i * 7919) % 9e10);
      yield { company: `Company ${c}`, ticker: `C${c}`, fiscal_year: 2000 + (i % 25), capex, revenue: capex * 3 + 17, operating_income: Math.round(capex / 2), net_income: Math.round(capex / 3), depreciation: Math.round(capex / 5), shares_outstanding: 1e8 + (i % 1e9), share_price: (i % 50000) / 100 + 1, currency: 'USD' };
    }
  }
  try {
    const meta = await store.createDataset({ kind: 'company', name: 'bench', builtIn: false, workspace: 'bench', rows: rows() });
    return meta.rowCount;
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function child(variant, file) {
  const run = { 'csv-parse': runCsvParse, papaparse: runPapa, ours: runOurs, 'ingest only': runIngestOnly, 'store only': runStoreOnly }[variant];
  const t0 = process.hrtime.bigint();
  const rows = await run(file);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ variant, rows, ms, rssMb }) + '\n');
}

const LABELS = {
  'csv-parse': 'bare csv-parse (stream)',
  papaparse: 'bare papaparse (stream)',
  ours: 'ours: decode→parse→normalise→validate→store',
  'ingest only': 'ours without the store (rows read back)',
  'store only': 'store alone (same rows, generated)',
};

function main() {
  const file = path.join(os.tmpdir(), `capexlens-ingest-bench-${process.pid}.csv`);
  try {
    generate(file);
    const mb = fs.statSync(file).size / 1e6;
    console.log(`${ROWS.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB`);
    const results = {};
    for (const variant of ['csv-parse', 'papaparse', 'ours', 'ingest only', 'store only']) {
      const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', variant, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) {
        console.error(`${variant} failed:\n${r.stderr}`);
        process.exitCode = 1;
        return;
      }
      results[variant] = JSON.parse(r.stdout.trim().split('\n').pop());
    }
    const base = results['csv-parse'].ms;
    const table = Object.values(results).map((x) => ({
      variant: LABELS[x.variant],
      rows: x.rows,
      seconds: +(x.ms / 1000).toFixed(2),
      'vs csv-parse': +(x.ms / base).toFixed(2),
      'MB/s': +(mb / (x.ms / 1000)).toFixed(1),
      'peak RSS MB': +x.rssMb.toFixed(0),
    }));
    console.table(table);
    const ours = results.ours;
    const ratio = ours.ms / base;
    console.log(`whole path ${ratio.toFixed(2)}× bare csv-parse (goal ≤ 1.5×): ${ratio <= 1.5 ? 'met' : 'NOT met'}; peak RSS ${ours.rssMb.toFixed(0)} MB (goal < 150 MB): ${ours.rssMb < 150 ? 'met' : 'NOT met'}`);
    if (ours.rows !== ROWS) {
      console.error(`ours stored ${ours.rows} rows, expected ${ROWS}`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv[4]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main();
}
