// Helpers shared by the benchmarks: timing, and serving the app from a child process (not a
// benchmark itself: run.js runs *.bench.js only).
'use strict';
const http = require('node:http');

/** Runs `fn` once; its wall time in milliseconds and its result. */
function ms(fn) {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
}

/** The middle value (the upper of the two middle ones for an even count). */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** The p-quantile by the nearest-rank rule (p in 0..1): p50, p90, p99 of request times. */
function quantile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

/**
 * Times `a` and `b` alternately `runs` times after a warm-up of each (a collection before each
 * when run with --expose-gc), so a busy machine slows both alike. Returns each median time with
 * its last result, and the median of the per-pair ratios a/b.
 */
function compare(a, b, runs) {
  a();
  b();
  const ta = [];
  const tb = [];
  const ratios = [];
  let outA;
  let outB;
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const ra = ms(a);
    if (global.gc) global.gc();
    const rb = ms(b);
    ta.push(ra.ms);
    tb.push(rb.ms);
    ratios.push(ra.ms / rb.ms);
    outA = ra.out;
    outB = rb.out;
  }
  return { a: { ms: median(ta), out: outA }, b: { ms: median(tb), out: outB }, ratio: median(ratios) };
}

/**
 * In a forked child: seeds `store` as the server does, serves the app on it on a free port of
 * 127.0.0.1, tells the parent `{ port, report }` (the built-in company report's path), and on the
 * parent's next message closes the server and the store, runs `cleanup` and exits.
 */
async function serveForParent(store, config, cleanup) {
  const { createApp } = require('../dist/web/app');
  const { seedBuiltIns } = require('../dist/seed');
  const { seedScenarios } = require('../dist/web/routes/scenarios');
  await seedBuiltIns(store, config.dataDir);
  await seedScenarios(store);
  const company = (await store.listDatasets('bench')).find((d) => d.kind === 'company');
  const app = createApp({ store, config });
  const server = app.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, report: `/datasets/${company.id}/report` }));
  process.on('message', async () => {
    server.close();
    await store.close();
    cleanup();
    process.exit(0);
  });
}

/**
 * A browser's first visit to `p`: resolves the cookies the app set (its workspace and CSRF
 * cookies) as one Cookie header, so load-test requests come from one workspace.
 */
function firstVisit(port, p) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: p }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`${p}: ${res.statusCode}`));
          resolve((res.headers['set-cookie'] || []).map((c) => c.split(';')[0]).join('; '));
        });
      })
      .on('error', reject);
  });
}

module.exports = { ms, median, quantile, compare, serveForParent, firstVisit };
