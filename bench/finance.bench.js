// Finance core benchmarks, each against a baseline measured in the same process and run:
//  1. IRR of 10,000 seeded project cash-flow series (10-40 periods; most with one sign change, a
//     share with several) against @formulajs/formulajs IRR: time ratio, share of series where
//     each finds a root (checked by a small NPV), disagreements, and wrong answers.
//  2. Monte Carlo: 1,000,000 trials of a 10-year NPV with three uncertain inputs, against a bare
//     hand-written loop doing the same arithmetic (same generator, same sampling formulas, same
//     NPV loop, same summary): time and ratio. Goal: within 1.5× of the loop, well under 1 s.
//  3. Sensitivity: a 101 × 101 grid of a 10-year NPV model: time.
// Times are medians of 7 runs after a warm-up; each comparison alternates its two sides and
// reports the median of the paired ratios. Run with `npm run bench finance`.
'use strict';
const finance = require('../dist/finance/index.js');
const formulajs = require('@formulajs/formulajs');

const SERIES = Number(process.env.FINANCE_BENCH_SERIES || 10000);
const TRIALS = Number(process.env.FINANCE_BENCH_TRIALS || 1_000_000);
const RUNS = Number(process.env.FINANCE_BENCH_RUNS || 7);
const WINDOW = { low: -0.99, high: 10 };

const { ms, median, compare: compareRuns } = require('./lib');

/** Runs `fn` once to warm up, then RUNS times; returns the median time and the last result. */
function timed(fn) {
  if (global.gc) global.gc();
  fn();
  const times = [];
  let out;
  for (let i = 0; i < RUNS; i++) {
    if (global.gc) global.gc();
    const r = ms(fn);
    times.push(r.ms);
    out = r.out;
  }
  return { ms: median(times), out };
}

/** Times `a` and `b` alternately RUNS times (see bench/lib.js compare). */
const compare = (a, b) => compareRuns(a, b, RUNS);

// ---------------------------------------------------------------------------------------------
// 1. IRR
// ---------------------------------------------------------------------------------------------

/** mulberry32: the bench's own seeded generator, independent of the library under test. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Project-like series: an outlay (sometimes over two years), a ramp-up, a plateau and a decline,
 * with noise. One in six also has a mid-life refit and a decommissioning cost at the end, which
 * gives several sign changes.
 */
function makeSeries(count, seed) {
  const rnd = mulberry32(seed);
  const out = [];
  for (let s = 0; s < count; s++) {
    const n = 10 + Math.floor(rnd() * 31);
    const capex = 50 + rnd() * 450;
    const flows = new Array(n).fill(0);
    flows[0] = -capex;
    if (rnd() < 0.3) {
      flows[0] = -capex * 0.6;
      flows[1] = -capex * 0.4;
    }
    // Yearly income at plateau, as a share of capex: IRRs from about −30% to +150%.
    const level = capex * (0.02 + rnd() * rnd() * 0.6);
    const ramp = 1 + Math.floor(rnd() * 4);
    const decline = rnd() * 0.08;
    for (let t = 1; t < n; t++) {
      if (flows[t] < 0) continue;
      const shape = t <= ramp ? t / ramp : Math.pow(1 - decline, t - ramp);
      flows[t] = level * shape * (0.8 + 0.4 * rnd());
    }
    if (s % 6 === 5) {
      flows[Math.floor(n / 2)] -= capex * (0.2 + rnd() * 0.6);
      flows[n - 1] -= capex * (0.1 + rnd() * 0.5);
    }
    out.push(flows);
  }
  return out;
}

/** NPV at `rate` relative to the size of the discounted flows (Σ|c_t| / (1+r)^t). */
function relativeResidual(rate, flows) {
  if (!(rate > -1) || !Number.isFinite(rate)) return Infinity;
  const x = 1 / (1 + rate);
  let value = 0;
  let scale = 0;
  for (let t = flows.length - 1; t >= 0; t--) {
    value = value * x + flows[t];
    scale = scale * x + Math.abs(flows[t]);
  }
  return Math.abs(value) / scale;
}

const VERIFIED = 1e-9;

/**
 * Reference: does a root exist in (−99%, 1000%)? A fine scan, 20,000 steps in ln(1 + r), counting
 * sign changes of the NPV (slow, so it is not timed).
 */
function referenceRoots(flows) {
  const steps = 20000;
  const lo = Math.log(1 + WINDOW.low);
  const hi = Math.log(1 + WINDOW.high);
  let roots = 0;
  let prev = null;
  for (let i = 0; i <= steps; i++) {
    const rate = Math.exp(lo + ((hi - lo) * i) / steps) - 1;
    const x = 1 / (1 + rate);
    let v = 0;
    for (let t = flows.length - 1; t >= 0; t--) v = v * x + flows[t];
    const sign = Math.sign(v);
    if (prev !== null && sign !== 0 && prev !== 0 && sign !== prev) roots++;
    if (sign !== 0) prev = sign;
  }
  return roots;
}

function benchIrr() {
  const series = makeSeries(SERIES, 20250101);
  const several = series.filter((f) => {
    let changes = 0;
    let last = 0;
    for (const v of f) {
      if (v === 0) continue;
      const s = Math.sign(v);
      if (last && s !== last) changes++;
      last = s;
    }
    return changes > 1;
  }).length;

  const timing = compare(
    () => series.map((f) => finance.irr(f)),
    () => series.map((f) => formulajs.IRR(f)),
  );
  const ours = timing.a;
  const theirs = timing.b;

  let withRoot = 0;
  let withSeveralRoots = 0;
  let oursFound = 0;
  let theirsFound = 0;
  let oursMissed = 0;
  let theirsMissed = 0;
  let theirsWrong = 0; // a number returned that is not a root
  let oursWrong = 0;
  let disagreements = 0;
  let oursMultiple = 0;
  for (let i = 0; i < series.length; i++) {
    const flows = series[i];
    const expectedRoots = referenceRoots(flows);
    const a = ours.out[i];
    const b = theirs.out[i];
    const aRates = a.kind === 'ok' ? [a.rate] : a.kind === 'multiple' ? a.rates : [];
    if (a.kind === 'multiple') oursMultiple++;
    const aVerified = aRates.filter((r) => relativeResidual(r, flows) <= VERIFIED);
    if (aVerified.length !== aRates.length) oursWrong++;
    const bIsNumber = typeof b === 'number' && Number.isFinite(b);
    const bVerified = bIsNumber && relativeResidual(b, flows) <= VERIFIED;
    if (bIsNumber && !bVerified) theirsWrong++;
    if (expectedRoots > 0) {
      withRoot++;
      if (expectedRoots > 1) withSeveralRoots++;
      if (aVerified.length > 0) oursFound++;
      else oursMissed++;
      if (bVerified) theirsFound++;
      else theirsMissed++;
    }
    // Both answered with a verified root, and formulajs's root is not among ours.
    if (bVerified && aVerified.length > 0 && !aVerified.some((r) => Math.abs(r - b) <= 1e-6 * (1 + Math.abs(b)))) {
      disagreements++;
    }
  }
  const pct = (k, n) => `${((100 * k) / n).toFixed(2)}%`;
  return {
    rows: [
      ['series (several sign changes)', `${series.length} (${several})`, ''],
      ['series with a root in (−99%, 1000%)', `${withRoot} (${withSeveralRoots} with several)`, 'reference: 20,000-step scan'],
      ['time, ours / formulajs', `${ours.ms.toFixed(1)} ms / ${theirs.ms.toFixed(1)} ms`, `median of ${RUNS}`],
      ['speed-up vs formulajs', `${(1 / timing.ratio).toFixed(1)}×`, 'goal ≥ 5×; median of paired runs'],
      ['root found, ours', `${pct(oursFound, withRoot)} (missed ${oursMissed})`, `|NPV| ≤ ${VERIFIED} of Σ|flows| discounted`],
      ['root found, formulajs', `${pct(theirsFound, withRoot)} (missed ${theirsMissed})`, ''],
      ['a number that is not a root, ours / formulajs', `${oursWrong} / ${theirsWrong}`, 'formulajs returns its last guess'],
      ['several roots reported, ours', `${oursMultiple}`, 'formulajs returns one'],
      ['disagreements (both verified, different roots)', `${disagreements}`, ''],
    ],
    ratio: 1 / timing.ratio,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Monte Carlo
// ---------------------------------------------------------------------------------------------

const RATE = 0.09;
const YEARS = 10;
const CAPEX = { min: 80, mode: 100, max: 130 };
const REVENUE = { mu: Math.log(20), sigma: 0.25 };
const GROWTH = { mean: 0.05, sd: 0.02 };

/** The model: −capex now, then revenue growing at `growth` for 10 years, discounted at 9%. */
function tenYearNpv({ capex, revenue, growth }) {
  const x = 1 / (1 + RATE);
  let value = -capex;
  let df = x;
  let cash = revenue;
  for (let t = 1; t <= YEARS; t++) {
    value += cash * df;
    df *= x;
    cash *= 1 + growth;
  }
  return value;
}

function ourMonteCarlo() {
  return finance.monteCarlo(
    tenYearNpv,
    {
      capex: finance.triangular(CAPEX.min, CAPEX.mode, CAPEX.max),
      revenue: finance.lognormal(REVENUE.mu, REVENUE.sigma),
      growth: finance.normal(GROWTH.mean, GROWTH.sd),
    },
    { trials: TRIALS, seed: 1, conditions: { 'NPV > 0': (v) => v > 0 } },
  );
}

/**
 * The same arithmetic by hand: the same generator, triangular by inverse CDF, one Box–Muller
 * pair per trial (one normal for revenue, one for growth: the same log, sqrt, cos and sin per
 * trial as the library's paired draws), the same NPV loop inlined, the same summary function.
 */
function bareMonteCarlo() {
  const rng = finance.createRng(1);
  const values = new Float64Array(TRIALS);
  const width = CAPEX.max - CAPEX.min;
  const split = (CAPEX.mode - CAPEX.min) / width;
  const left = width * (CAPEX.mode - CAPEX.min);
  const right = width * (CAPEX.max - CAPEX.mode);
  const x = 1 / (1 + RATE);
  let positive = 0;
  for (let i = 0; i < TRIALS; i++) {
    const u = rng();
    const capex = u < split ? CAPEX.min + Math.sqrt(u * left) : CAPEX.max - Math.sqrt((1 - u) * right);
    const r = Math.sqrt(-2 * Math.log(rng()));
    const a = 2 * Math.PI * rng();
    const revenue = Math.exp(REVENUE.mu + REVENUE.sigma * r * Math.cos(a));
    const growth = GROWTH.mean + GROWTH.sd * r * Math.sin(a);
    let value = -capex;
    let df = x;
    let cash = revenue;
    for (let t = 1; t <= YEARS; t++) {
      value += cash * df;
      df *= x;
      cash *= 1 + growth;
    }
    values[i] = value;
    if (value > 0) positive++;
  }
  return { ...finance.summarize(values), pPositive: positive / TRIALS };
}

function benchMonteCarlo() {
  const timing = compare(ourMonteCarlo, bareMonteCarlo);
  const ours = timing.a;
  const bare = timing.b;
  const summaryOnly = timed(() => finance.summarize(ours.out.values));
  const o = ours.out;
  const b = bare.out;
  return {
    rows: [
      ['trials', `${TRIALS.toLocaleString('en-US')}`, '10-year NPV; capex, revenue, growth uncertain'],
      ['time, monteCarlo / bare loop', `${ours.ms.toFixed(1)} ms / ${bare.ms.toFixed(1)} ms`, `median of ${RUNS}`],
      ['ratio to the bare loop', `${timing.ratio.toFixed(2)}×`, 'goal ≤ 1.5×; median of paired runs'],
      ['of which the summary (both)', `${summaryOnly.ms.toFixed(1)} ms`, 'mean, sd, 5 percentiles by selection'],
      ['P10 / P50 / P90, monteCarlo', `${o.p10.toFixed(2)} / ${o.p50.toFixed(2)} / ${o.p90.toFixed(2)}`, ''],
      ['P10 / P50 / P90, bare loop', `${b.p10.toFixed(2)} / ${b.p50.toFixed(2)} / ${b.p90.toFixed(2)}`, 'same distribution, other draw order'],
      ['P(NPV > 0), monteCarlo / bare', `${o.probabilities['NPV > 0'].toFixed(4)} / ${b.pPositive.toFixed(4)}`, ''],
    ],
    ratio: timing.ratio,
    ms: ours.ms,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Sensitivity grid
// ---------------------------------------------------------------------------------------------

function benchGrid() {
  const waccs = Array.from({ length: 101 }, (_, i) => 0.05 + i * 0.001);
  const growths = Array.from({ length: 101 }, (_, i) => -0.05 + i * 0.002);
  const model = (wacc, growth) => {
    const flows = [-100];
    for (let t = 1; t <= YEARS; t++) flows.push(20 * Math.pow(1 + growth, t - 1));
    return finance.npv(wacc, flows);
  };
  const r = timed(() => finance.sensitivityGrid(model, waccs, growths));
  return {
    rows: [
      ['101 × 101 grid of a 10-year NPV (10,201 cells)', `${r.ms.toFixed(2)} ms`, `median of ${RUNS}; base ${r.out.baseValue.toFixed(2)}`],
    ],
  };
}

// ---------------------------------------------------------------------------------------------

function printTable(title, rows) {
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => String(r[c]).length), c === 0 ? title.length : 0));
  const line = (r) => `| ${r.map((v, c) => String(v).padEnd(widths[c])).join(' | ')} |`;
  console.log(`\n${title}`);
  console.log(line(['measure', 'value', 'note'].map((h, c) => h.padEnd(widths[c]))));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

function main() {
  console.log(`node ${process.version}, ${process.arch}; SERIES=${SERIES} TRIALS=${TRIALS} RUNS=${RUNS}`);
  const irrResult = benchIrr();
  printTable('1. IRR: capexlens irr vs @formulajs/formulajs IRR', irrResult.rows);
  const mc = benchMonteCarlo();
  printTable('2. Monte Carlo vs a bare hand-written loop', mc.rows);
  printTable('3. Sensitivity grid', benchGrid().rows);
}

main();
