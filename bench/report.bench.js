// Company report throughput: the report for the built-in hyperscaler dataset (HTML, and its JSON
// twin) under 50 concurrent connections with autocannon on 127.0.0.1, beside a static file of the
// same app (/css/app.css) measured in the same run. Goal: the HTML report at no less than half the
// static file's requests per second. Bounded: a short warm-up, then a few seconds per target.
// Requests carry the cookies of a first visit, as a returning browser does. The app runs in a
// child process, so autocannon (which reads every response body) does not share its event loop.
// Targets alternate over several rounds; the verdict is the median of the per-round ratios, so a
// busy shared machine slows both sides alike.
// Run with `npm run bench report` (builds dist/ first).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');

const SECONDS = Number(process.env.REPORT_BENCH_SECONDS || 3);
const ROUNDS = Number(process.env.REPORT_BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.REPORT_BENCH_CONNECTIONS || 50);
const GOAL = 0.5;

function cannon(port, p, cookie, seconds) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: `http://127.0.0.1:${port}${p}`, connections: CONNECTIONS, duration: seconds, headers: cookie ? { cookie } : {} },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

function row(name, r) {
  return {
    target: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** Child process: seeds a temporary SQLite file as the server does and serves the app. */
async function serve() {
  const { SqliteStore } = require('../dist/store/sqlite');
  const { loadConfig } = require('../dist/config');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'capexlens-report-bench-'));
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_FILE: path.join(dir, 'bench.db'), SESSION_SECRET: 'bench-secret-0123456789abcdef' });
  const store = new SqliteStore(config.databaseFile);
  await serveForParent(store, config, () => fs.rmSync(dir, { recursive: true, force: true }));
}

const { firstVisit, median, serveForParent } = require('./lib');

async function main() {
  const child = fork(__filename, ['--serve'], { env: { ...process.env, NODE_ENV: 'production' } });
  const { port, report } = await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const cookie = await firstVisit(port, report);
    const targets = [
      ['static /css/app.css', '/css/app.css'],
      [`report ${report}`, report],
      [`report JSON ${report}.json`, `${report}.json`],
    ];
    for (const [, p] of targets) await cannon(port, p, cookie, 1);
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) {
      const round = [];
      for (const [name, p] of targets) round.push([name, await cannon(port, p, cookie, SECONDS)]);
      rounds.push(round);
    }
    console.table(rounds.flatMap((round, i) => round.map(([name, r]) => ({ round: i + 1, ...row(name, r) }))));
    const ratio = median(rounds.map((r) => r[1][1].requests.average / r[0][1].requests.average));
    const jsonRatio = median(rounds.map((r) => r[2][1].requests.average / r[0][1].requests.average));
    console.log(`HTML report / static: ${ratio.toFixed(2)} (median of ${ROUNDS} rounds; goal ≥ ${GOAL}); JSON report / static: ${jsonRatio.toFixed(2)}`);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s per target per round after a 1 s warm-up, NODE_ENV=production (templates cached), reports cached per dataset + assumptions`);
    const failed = rounds.some((round) => round.some(([, r]) => r.non2xx > 0 || r.errors > 0));
    if (failed) console.log('FAIL: some requests did not answer 200');
    process.exitCode = failed || ratio < GOAL ? 1 : 0;
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

(process.argv.includes('--serve') ? serve() : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
