// The vintage company model, cold (no cache: `buildCompanyReport` called directly, as a worker
// would), each figure a ratio to a baseline measured in the same run:
//  1. The company report of the built-in hyperscaler data (4 companies) and of 200 generated
//     companies (4-6 years of capex each, some guidance, June and December years, mixed lives):
//     time per company of the 200-company report ÷ the built-in report's (goal: ≤ 1.5×, the
//     report grows linearly with the companies, one valuation date for all).
//  2. Company Monte Carlo (`companyMonteCarlo`, 20,000 trials of Alphabet) against a bare
//     hand-written loop doing the same work per trial (same generator and sampling formulas, the
//     same `runPlan` year loop on one scratch run, NPV at the valuation date, IRR and payback):
//     ratio of the times. Goal: within 1.5× of the bare loop.
// Times are medians of RUNS runs after a warm-up; comparisons alternate their two sides and report
// the median of the paired ratios. Run with `npm run bench company-model`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const finance = require('../dist/finance/index.js');
const { parseAssumptions } = require('../dist/report/assumptions');
const { buildCompanyReport } = require('../dist/report/company-report');
const { planCompany, runPlan, emptyRun, yearsFromValuation } = require('../dist/report/company-model');
const { companyMonteCarlo } = require('../dist/report/monte-carlo');
const { ingestBuffer } = require('../dist/ingest');

const RUNS = Number(process.env.COMPANY_BENCH_RUNS || 5);
const COMPANIES = Number(process.env.COMPANY_BENCH_COMPANIES || 200);
const TRIALS = Number(process.env.COMPANY_BENCH_TRIALS || 20000);

const lib = require('./lib');
/** Alternates `a` and `b` after a warm-up of each; medians and the median of paired ratios a/b. */
const compare = (a, b) => {
  const t = lib.compare(a, b, RUNS);
  return { a: t.a.ms, b: t.b.ms, ratio: t.ratio };
};

/** A seeded dataset of `n` companies in the app's row shape (numbers already parsed). */
function generated(n) {
  const rng = finance.createRng(2026);
  const rows = [];
  for (let c = 0; c < n; c++) {
    const first = 2019 + Math.floor(rng() * 4);
    const years = 4 + Math.floor(rng() * 3);
    const june = rng() < 0.25;
    let capex = 5e9 + rng() * 40e9;
    for (let k = 0; k < years; k++) {
      const y = first + k;
      rows.push({
        company: `Company ${c}`, ticker: `C${c}`, fiscal_year: y, fiscal_year_end: june ? '06-30' : '12-31',
        basis: k === years - 1 && rng() < 0.5 ? 'guidance' : 'reported', capex,
        useful_life_years: rng() < 0.5 ? 4 + Math.floor(rng() * 3) : null,
        revenue: capex * 5, net_income: capex * 0.8, operating_income: capex, depreciation: capex * 0.4,
        shares_outstanding: 1e9, share_price: k === years - 2 ? 100 + rng() * 300 : null,
      });
      capex *= 1 + rng() * 0.5;
    }
  }
  return rows;
}

function builtIn() {
  const result = ingestBuffer(fs.readFileSync(path.join(__dirname, '..', 'data', 'hyperscaler-capex.csv')), { kind: 'company' });
  if (!result.ok) throw new Error('built-in data does not load');
  return [...result.rows];
}

function benchReports() {
  const parsed = parseAssumptions({});
  const small = builtIn();
  const large = generated(COMPANIES);
  const smallCompanies = new Set(small.map((r) => r.company)).size;
  const t = compare(() => buildCompanyReport('big', large, parsed), () => buildCompanyReport('built-in', small, parsed));
  const perSmall = t.b / smallCompanies;
  const perLarge = t.a / COMPANIES;
  return [
    ['built-in report (4 companies), cold', `${t.b.toFixed(1)} ms`, `${perSmall.toFixed(1)} ms per company`],
    [`generated report (${COMPANIES} companies), cold`, `${t.a.toFixed(1)} ms`, `${perLarge.toFixed(1)} ms per company`],
    ['time per company, generated ÷ built-in', `${(t.ratio * smallCompanies / COMPANIES).toFixed(2)}×`, 'goal ≤ 1.5× (linear in companies)'],
  ];
}

function benchMonteCarlo() {
  const rows = builtIn().filter((r) => r.company === 'Alphabet');
  const a = { ...parseAssumptions({ mcTrials: String(TRIALS) }).values };
  const plan = planCompany('Alphabet', rows, a);
  const date = plan.dates[0];
  const ours = () => companyMonteCarlo(plan, a, date);
  const bare = () => {
    const rng = finance.createRng(a.mcSeed);
    const trial = { ...a };
    const scratch = emptyRun(plan.length);
    const years = yearsFromValuation(plan, date);
    const npvs = new Float64Array(TRIALS);
    const irrs = new Float64Array(TRIALS);
    const paybacks = new Float64Array(TRIALS);
    const lo = Math.max(-1, a.aiEbitdaMargin - a.mcMarginSpread);
    const hi = Math.min(1, a.aiEbitdaMargin + a.mcMarginSpread);
    const mode = a.aiEbitdaMargin;
    for (let i = 0; i < TRIALS; i++) {
      const r = Math.sqrt(-2 * Math.log(rng()));
      const th = 2 * Math.PI * rng();
      trial.aiRevenueGrowth = Math.max(-0.99, a.aiRevenueGrowth + a.mcGrowthSd * r * Math.cos(th));
      trial.wacc = Math.max(-0.99, a.wacc + a.mcWaccSd * r * Math.sin(th));
      const u = rng();
      const split = (mode - lo) / (hi - lo);
      trial.aiEbitdaMargin = u < split ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
      trial.aiCapexShare = Math.max(0, a.aiCapexShare - a.mcCapexShareSpread) + rng() * 2 * a.mcCapexShareSpread;
      const flows = runPlan(plan, trial, scratch).fcf;
      const lg = Math.log1p(trial.wacc);
      let v = 0;
      for (let t = 0; t < flows.length; t++) v += flows[t] * Math.exp(-years[t] * lg);
      npvs[i] = v;
      irrs[i] = finance.irrAtTimes(flows, years) ?? NaN;
      paybacks[i] = finance.paybackYears(flows) ?? 1e300;
    }
    return { npv: finance.summarize(npvs), irr: finance.summarize(irrs), payback: finance.percentiles(paybacks, [0.1, 0.5, 0.9]) };
  };
  const t = compare(ours, bare);
  return [
    [`companyMonteCarlo, ${TRIALS.toLocaleString('en-US')} trials`, `${t.a.toFixed(1)} ms`, ''],
    ['bare hand-written loop, same work', `${t.b.toFixed(1)} ms`, ''],
    ['ratio to the bare loop', `${t.ratio.toFixed(2)}×`, 'goal ≤ 1.5×'],
  ];
}

function printTable(title, rows) {
  console.log(`\n${title}`);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

printTable('1. Cold company report: built-in data and generated companies', benchReports());
printTable('2. Company Monte Carlo against a bare loop', benchMonteCarlo());
