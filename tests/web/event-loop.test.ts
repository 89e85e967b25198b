/**
 * Heavy reports run off the event loop: while several run, a static file still answers quickly
 * and the event loop is never blocked for long. The same report computed on the main thread
 * (REPORT_THREADS=0) is measured in the same run, so the test shows what it guards against.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { makeApp } from '../helpers/app';
import { closeReportPools } from '../../src/report/pool';

function get(port: number, path: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t }));
      })
      .on('error', reject);
  });
}

/** Runs `heavy` report requests while sampling the static file; returns both measures. */
async function underLoad(env: Record<string, string>, heavy: string[]) {
  const { app, store } = await makeApp(env);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  await get(port, '/css/app.css'); // warm the static path
  const list = await store.listDatasets('x');
  const id = list.find((d) => d.kind === 'company')!.id;
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  let running = true;
  const reports = Promise.all(heavy.map((q) => get(port, `/datasets/${id}/report.json?${q}`))).finally(() => (running = false));
  const statics: number[] = [];
  while (running) {
    statics.push((await get(port, '/css/app.css')).ms);
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = await reports;
  h.disable();
  server.close();
  await store.close();
  return { statuses: done.map((d) => d.status), ms: done.map((d) => Math.round(d.ms)), statics, loopMaxMs: h.max / 1e6 };
}

afterAll(() => closeReportPools());

test('heavy company reports › a static file answers within 100 ms (median), far faster than when reports block the loop', async () => {
  const heavy = [1, 2, 3, 4].map((seed) => `mcTrials=20000&mcSeed=${seed}`);
  const pooled = await underLoad({ REPORT_THREADS: '1', REPORT_TIME_LIMIT_MS: '120000' }, heavy);
  const inline = await underLoad({ REPORT_THREADS: '0' }, ['mcTrials=5000&mcSeed=9']);
  console.log(`static file ms while 4 heavy reports ran in the pool: ${pooled.statics.map((x) => x.toFixed(0)).join(' ')}; event loop max ${pooled.loopMaxMs.toFixed(0)} ms; ` +
    `the same kind of report on the main thread: static file waited ${inline.statics.map((x) => x.toFixed(0)).join(' ')} ms`);
  expect(pooled.statuses).toEqual([200, 200, 200, 200]);
  expect(inline.statuses).toEqual([200]);
  // The measure can fail: on the main thread the static file waits for the whole report.
  const inlineWorst = Math.max(...inline.statics);
  expect(inlineWorst).toBeGreaterThan(300);
  expect(pooled.statics.length).toBeGreaterThan(5);
  const sorted = [...pooled.statics].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(100);
  // Scheduling on a loaded 2-core machine can delay one answer, never by a report's length.
  expect(Math.max(...pooled.statics)).toBeLessThan(inlineWorst / 2);
}, 180_000);
