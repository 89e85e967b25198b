/**
 * The company AI investment model (DESIGN.md "What it computes"): one company's rows and a
 * scenario → AI capex, depreciation by vintage, AI revenue (reported, then projected), AI EBITDA,
 * NOPAT, free cash flow by year, and NPV, IRR, ROI, ROIC, payback and break-even revenue.
 *
 * Conventions:
 * - The timeline starts in the company's first fiscal year with capex (t = 0, undiscounted) and
 *   runs for the horizon, extended if needed so no capex in the data is cut off. Capex is the
 *   data's (reported and guidance years); no capex is assumed after the last data year: the report
 *   asks whether the program in the data pays back.
 * - AI revenue: reported `ai_revenue` where given; else year 0 = AI capex × aiRevenueToCapex; later
 *   years = previous × (1 + growth) × (1 − tokenPriceDeflation)^(1 − volumeElasticity).
 * - AI EBITDA = revenue × aiEbitdaMargin; NOPAT = (EBITDA − depreciation) × (1 − tax);
 *   FCF = NOPAT + depreciation − AI capex; the terminal value (if any) is added to the last year.
 * - ROIC(t) = NOPAT(t) ÷ average of opening and closing net book value of the AI capex.
 * - Break-even AI revenue: the yearly revenue whose after-tax cash covers the capital recovery
 *   charge (depreciation plus the cost of capital) of all the AI capex as one vintage:
 *   A = −pmt(wacc, life, capex); R = (D + (A − D) / (1 − tax)) / margin with D = capex / life,
 *   where life is the capex-weighted useful life of the vintages.
 * - Utilization: modelled (assumed and projected) AI revenue × utilization ÷ REFERENCE_UTILIZATION
 *   (the level `aiRevenueToCapex` is read at); reported revenue is kept as reported.
 * - Power, an operating cost deducted from AI EBITDA: IT power MW (the data's `power_mw` for the
 *   year where given, else AI capex in service, i.e. within its useful life, × powerMwPerBillionUsd
 *   per $1B) × 8,760 h × 1,000 kWh/MWh × utilization × PUE × power price.
 * - Reporting currency: the data is in USD; in KRW every amount of timeline year t is converted at
 *   fxKrwPerUsd × (1 + fxDriftPerYear)^t, and NPV, IRR, ROI and paybacks are computed on the
 *   converted flows (so a drifting rate moves IRR). Ratios (ROIC) are computed in USD. The `Usd`
 *   suffix of the fields below names amounts in the reporting currency (USD unless chosen).
 */
import { discountedPaybackYears, irr, npv, paybackYears, pmt, roi, straightLineDepreciation, type DepreciationSchedule } from '../finance';
import type { Row } from '../store/types';
import { REFERENCE_UTILIZATION, type Assumptions } from './assumptions';

export type IrrResult = ReturnType<typeof irr>;

export type RevenueBasis = 'reported' | 'assumed' | 'projected';

export interface ModelYear {
  fiscalYear: number;
  /** 'reported' | 'guidance' | 'estimate' from the data, or 'projection' after the data. */
  basis: string;
  capexUsd: number | null;
  aiCapexShare: number | null;
  aiCapexUsd: number;
  depreciationUsd: number;
  netBookValueUsd: number;
  aiRevenueUsd: number;
  aiRevenueBasis: RevenueBasis;
  /** IT power of the AI fleet, MW, and where it came from. */
  powerMw: number;
  powerMwBasis: 'data' | 'assumed';
  powerCostUsd: number;
  aiEbitdaUsd: number;
  nopatUsd: number;
  terminalValueUsd: number;
  fcfUsd: number;
  cumulativeFcfUsd: number;
  discountedFcfUsd: number;
  cumulativeDiscountedFcfUsd: number;
  roic: number | null;
}

export interface CompanyModel {
  company: string;
  ticker: string | null;
  /** Currency of every amount below, and the rate used for each timeline year (1 in USD). */
  currency: Assumptions['reportingCurrency'];
  fxRates: number[];
  firstYear: number;
  lastDataYear: number;
  years: ModelYear[];
  /** Depreciation of each vintage (fiscal year of the capex) by year of the timeline. */
  vintages: { fiscalYear: number; aiCapexUsd: number; usefulLifeYears: number; depreciationUsd: number[] }[];
  totalAiCapexUsd: number;
  flowsUsd: number[];
  npvUsd: number;
  irr: IrrResult;
  roi: number | null;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  breakEvenAiRevenueUsd: number | null;
  /** Notes about the data (gaps, rows skipped), shown with the report. */
  notes: string[];
}

/**
 * Straight-line schedule where each vintage may have its own life: one finance-core schedule per
 * distinct life (holding only that life's vintages), summed. With one life it is a single call.
 */
export function depreciationByVintage(capexByYear: number[], livesYears: number[], horizonYears: number): DepreciationSchedule {
  const distinct = [...new Set(livesYears)];
  if (distinct.length <= 1) return straightLineDepreciation(capexByYear, distinct[0] ?? 1, { horizonYears });
  const depreciation = new Array<number>(horizonYears).fill(0);
  const netBookValue = new Array<number>(horizonYears).fill(0);
  const byVintage: number[][] = capexByYear.map(() => new Array<number>(horizonYears).fill(0));
  for (const life of distinct) {
    const part = straightLineDepreciation(capexByYear.map((c, v) => (livesYears[v] === life ? c : 0)), life, { horizonYears });
    for (let t = 0; t < horizonYears; t++) {
      depreciation[t] = (depreciation[t] as number) + (part.depreciation[t] ?? 0);
      netBookValue[t] = (netBookValue[t] as number) + (part.netBookValue[t] ?? 0);
    }
    part.byVintage.forEach((row, v) => {
      if (livesYears[v] === life) byVintage[v] = row;
    });
  }
  return { depreciation, netBookValue, byVintage };
}

/** A ratio that overflowed (a vanishing denominator) is no answer rather than ±Infinity. */
export function finite(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

export function num(v: Row[string] | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Rows of one company, one per fiscal year (the last wins on duplicates), in year order. */
export function companyYears(rows: Row[]): Map<number, Row> {
  const byYear = new Map<number, Row>();
  for (const r of rows) {
    const y = num(r.fiscal_year);
    if (y !== null) byYear.set(y, r);
  }
  return new Map([...byYear.entries()].sort((a, b) => a[0] - b[0]));
}

/** Groups rows by company name, in order of first appearance. */
export function groupByCompany(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const name = typeof r.company === 'string' ? r.company : String(r.company ?? '');
    if (!name) continue;
    const list = out.get(name);
    if (list) list.push(r);
    else out.set(name, [r]);
  }
  return out;
}

/** How `buildCompanyModel` and `planCompany` pick each vintage's useful life. */
export interface ModelOptions {
  /**
   * true (default): a vintage's useful life is its row's useful_life_years where given, the
   * scenario's elsewhere. false: every vintage uses the scenario's life (the user chose one).
   */
  lifeFromData?: boolean;
}

/** Rate converting USD amounts of timeline year t into the reporting currency. */
export function fxRateAt(a: Pick<Assumptions, 'reportingCurrency' | 'fxKrwPerUsd' | 'fxDriftPerYear'>, t: number): number {
  return a.reportingCurrency === 'USD' ? 1 : a.fxKrwPerUsd * Math.pow(1 + a.fxDriftPerYear, t);
}

const KWH_PER_MW_YEAR = 8760 * 1000;

/**
 * Everything about one company that does not depend on the assumptions a Monte Carlo run draws
 * (WACC, growth, margin, the scenario's AI share of capex): the timeline, capex split into the part
 * whose AI share comes from the data and the part that takes the scenario's share, and their
 * depreciation schedules. Depreciation and capex in service are linear in capex, so the AI values
 * for any scenario share are `fixed + share × scenario`.
 */
export interface CompanyPlan {
  company: string;
  ticker: string | null;
  firstYear: number;
  lastDataYear: number;
  length: number;
  timeline: number[];
  capexUsd: (number | null)[];
  /** AI share from the data (null where the scenario's applies, or no capex). */
  dataShares: (number | null)[];
  hasCapex: boolean[];
  lives: number[];
  basis: string[];
  reportedRevenueUsd: (number | null)[];
  dataPowerMw: (number | null)[];
  fixed: PlanPart;
  scenario: PlanPart;
  notes: string[];
}

interface PlanPart {
  aiCapexUsd: number[];
  schedule: DepreciationSchedule;
  /** AI capex within its useful life in each year. */
  inServiceUsd: number[];
}

function planPart(aiCapex: number[], lives: number[], length: number): PlanPart {
  const inService = new Array<number>(length).fill(0);
  aiCapex.forEach((c, v) => {
    if (c === 0) return;
    const life = lives[v] as number;
    for (let t = v; t < length && t - v < life; t++) inService[t] = (inService[t] as number) + c;
  });
  return { aiCapexUsd: aiCapex, schedule: depreciationByVintage(aiCapex, lives, length), inServiceUsd: inService };
}

/** Prepares a company for `runPlan`; null when the company has no capex at all. */
export function planCompany(company: string, rows: Row[], a: Pick<Assumptions, 'horizonYears' | 'gpuUsefulLifeYears'>, opts: ModelOptions = {}): CompanyPlan | null {
  const lifeFromData = opts.lifeFromData ?? true;
  const byYear = companyYears(rows);
  const capexYears = [...byYear.entries()].filter(([, r]) => num(r.capex) !== null).map(([y]) => y);
  if (capexYears.length === 0) return null;
  const firstYear = capexYears[0] as number;
  const lastDataYear = capexYears[capexYears.length - 1] as number;
  const length = Math.max(a.horizonYears, lastDataYear - firstYear + 1);
  const notes: string[] = [];
  const timeline = Array.from({ length }, (_, t) => firstYear + t);
  const capexUsd: (number | null)[] = [];
  const dataShares: (number | null)[] = [];
  const hasCapex: boolean[] = [];
  const lives: number[] = [];
  const basis: string[] = [];
  const reported: (number | null)[] = [];
  const power: (number | null)[] = [];
  const fixedCapex: number[] = [];
  const scenarioCapex: number[] = [];
  for (const y of timeline) {
    const r = byYear.get(y);
    const given = r ? num(r.capex) : null;
    if (y <= lastDataYear && given === null) notes.push(`No capex for FY${y}: counted as zero.`);
    if (given !== null && given < 0) notes.push(`FY${y} capex is negative (cash-flow sign): used as ${-given}.`);
    const capex = given === null ? null : Math.abs(given);
    const dataShare = r ? num(r.ai_capex_share) : null;
    if (dataShare !== null && (dataShare < 0 || dataShare > 1)) notes.push(`FY${y} ai_capex_share ${dataShare} is not a fraction in [0, 1]: the scenario's share is used.`);
    const usableShare = dataShare !== null && dataShare >= 0 && dataShare <= 1 ? dataShare : null;
    capexUsd.push(capex);
    hasCapex.push(capex !== null);
    dataShares.push(capex === null ? null : usableShare);
    fixedCapex.push(capex !== null && usableShare !== null ? capex * usableShare : 0);
    scenarioCapex.push(capex !== null && usableShare === null ? capex : 0);
    const dataLife = r ? num(r.useful_life_years) : null;
    const usable = dataLife !== null && dataLife >= 1 && dataLife <= 50;
    if (lifeFromData && dataLife !== null && !usable) notes.push(`FY${y} useful_life_years ${dataLife} is outside 1-50 years: the scenario's life is used.`);
    lives.push(lifeFromData && usable ? (dataLife as number) : a.gpuUsefulLifeYears);
    basis.push(r && y <= lastDataYear ? String(r.basis ?? 'reported') : 'projection');
    reported.push(r ? num(r.ai_revenue) : null);
    const mw = r ? num(r.power_mw) : null;
    if (mw !== null && mw < 0) notes.push(`FY${y} power_mw ${mw} is negative: power is assumed from AI capex instead.`);
    power.push(mw !== null && mw >= 0 ? mw : null);
  }
  const first = byYear.get(firstYear);
  return {
    company,
    ticker: first && typeof first.ticker === 'string' && first.ticker ? first.ticker : null,
    firstYear,
    lastDataYear,
    length,
    timeline,
    capexUsd,
    dataShares,
    hasCapex,
    lives,
    basis,
    reportedRevenueUsd: reported,
    dataPowerMw: power,
    fixed: planPart(fixedCapex, lives, length),
    scenario: planPart(scenarioCapex, lives, length),
    notes,
  };
}

/** Per-year arrays of one run of the model, amounts in the reporting currency. */
export interface PlanRun {
  fx: number[];
  aiCapex: number[];
  depreciation: number[];
  netBookValue: number[];
  revenue: number[];
  revenueBasis: RevenueBasis[];
  powerMw: number[];
  powerCost: number[];
  ebitda: number[];
  nopat: number[];
  terminal: number[];
  fcf: number[];
  /** ROIC per year, computed in USD (a ratio). */
  roic: (number | null)[];
  totalAiCapex: number;
  /** Σ(NOPAT + depreciation + terminal value), for ROI. */
  operatingCash: number;
}

/**
 * The model's year loop for a prepared company under assumptions `a`: the one place AI revenue,
 * power, EBITDA, NOPAT, terminal value and free cash flow are computed (the full model and every
 * Monte Carlo trial use it).
 */
export function runPlan(p: CompanyPlan, a: Assumptions, into?: PlanRun): PlanRun {
  const n = p.length;
  const share = a.aiCapexShare;
  // A Monte Carlo run passes one scratch result to refill, so a trial allocates nothing.
  const out = into && into.fcf.length === n ? into : emptyRun(n);
  const { fx, aiCapex, depreciation, netBookValue: nbvOut, revenue, revenueBasis, powerMw, powerCost, ebitda: ebitdaOut, nopat: nopatOut, terminal: terminalOut, fcf, roic } = out;
  const revenueFactor = (1 + a.aiRevenueGrowth) * Math.pow(1 - a.tokenPriceDeflation, 1 - a.volumeElasticity);
  const utilizationFactor = a.gpuUtilization / REFERENCE_UTILIZATION;
  const kwhPrice = KWH_PER_MW_YEAR * a.gpuUtilization * a.pue * a.powerPriceUsdPerKwh;
  const mwPerUsd = a.powerMwPerBillionUsd / 1e9;
  let prevRevenue = 0;
  let prevNbv = 0;
  let totalAiCapex = 0;
  let operatingCash = 0;
  for (let t = 0; t < n; t++) {
    const capex = (p.fixed.aiCapexUsd[t] as number) + share * (p.scenario.aiCapexUsd[t] as number);
    const dep = (p.fixed.schedule.depreciation[t] ?? 0) + share * (p.scenario.schedule.depreciation[t] ?? 0);
    const nbv = (p.fixed.schedule.netBookValue[t] ?? 0) + share * (p.scenario.schedule.netBookValue[t] ?? 0);
    const reported = p.reportedRevenueUsd[t] ?? null;
    let rev: number;
    if (reported !== null) {
      rev = reported;
      revenueBasis[t] = 'reported';
    } else if (t === 0) {
      // Reported-or-assumed revenue before utilization, so growth compounds on a utilization-free base.
      rev = capex * a.aiRevenueToCapex;
      revenueBasis[t] = 'assumed';
    } else {
      rev = prevRevenue * revenueFactor;
      revenueBasis[t] = 'projected';
    }
    prevRevenue = rev;
    const shown = reported !== null ? rev : rev * utilizationFactor;
    const dataMw = p.dataPowerMw[t] ?? null;
    const mw = dataMw ?? ((p.fixed.inServiceUsd[t] as number) + share * (p.scenario.inServiceUsd[t] as number)) * mwPerUsd;
    const power = mw * kwhPrice;
    const ebitda = shown * a.aiEbitdaMargin - power;
    const nopat = (ebitda - dep) * (1 - a.taxRate);
    let terminal = 0;
    if (t === n - 1) {
      if (a.terminalMethod === 'exit-multiple') terminal = a.exitEvEbitda * ebitda;
      else if (a.terminalMethod === 'perpetual-growth') terminal = ((nopat + dep) * (1 + a.terminalGrowth)) / (a.wacc - a.terminalGrowth);
    }
    const avgCapital = (prevNbv + nbv) / 2;
    roic[t] = avgCapital > 0 ? finite(nopat / avgCapital) : null;
    prevNbv = nbv;
    const rate = fxRateAt(a, t);
    fx[t] = rate;
    aiCapex[t] = capex * rate;
    depreciation[t] = dep * rate;
    nbvOut[t] = nbv * rate;
    revenue[t] = shown * rate;
    powerMw[t] = mw;
    powerCost[t] = power * rate;
    ebitdaOut[t] = ebitda * rate;
    nopatOut[t] = nopat * rate;
    terminalOut[t] = terminal * rate;
    fcf[t] = (nopat + dep - capex + terminal) * rate;
    totalAiCapex += capex * rate;
    operatingCash += (nopat + dep + terminal) * rate;
  }
  out.totalAiCapex = totalAiCapex;
  out.operatingCash = operatingCash;
  return out;
}

/** A run's arrays for a timeline of n years, to be filled by `runPlan`. */
export function emptyRun(n: number): PlanRun {
  const zeros = () => new Array<number>(n).fill(0);
  return {
    fx: zeros(), aiCapex: zeros(), depreciation: zeros(), netBookValue: zeros(), revenue: zeros(),
    revenueBasis: new Array<RevenueBasis>(n).fill('assumed'), powerMw: zeros(), powerCost: zeros(), ebitda: zeros(),
    nopat: zeros(), terminal: zeros(), fcf: zeros(), roic: new Array<number | null>(n).fill(null), totalAiCapex: 0, operatingCash: 0,
  };
}

/**
 * Break-even AI revenue (see the module comment), in the reporting currency at the first year's
 * rate; null without capex, margin or a usable life.
 */
function breakEvenRevenue(p: CompanyPlan, run: PlanRun, a: Assumptions): number | null {
  const total = run.totalAiCapex / (run.fx[0] ?? 1);
  if (!(total > 0) || !(a.aiEbitdaMargin > 0)) return null;
  const usd = p.timeline.map((_, t) => (p.fixed.aiCapexUsd[t] as number) + a.aiCapexShare * (p.scenario.aiCapexUsd[t] as number));
  const sum = usd.reduce((s, c) => s + c, 0);
  const life = sum > 0 ? usd.reduce((s, c, t) => s + c * (p.lives[t] as number), 0) / sum : 0;
  if (life < 1) return null;
  const charge = -pmt(a.wacc, life, total);
  const dep = total / life;
  return finite(((dep + (charge - dep) / (1 - a.taxRate)) / a.aiEbitdaMargin) * (run.fx[0] ?? 1));
}

/**
 * Runs the model for one company. Returns null when the company has no capex at all.
 * @example buildCompanyModel('Acme', rows, DEFAULT_ASSUMPTIONS).npvUsd
 */
export function buildCompanyModel(company: string, rows: Row[], a: Assumptions, opts: ModelOptions = {}): CompanyModel | null {
  const plan = planCompany(company, rows, a, opts);
  return plan ? modelFromPlan(plan, a) : null;
}

/** The full company model from a prepared plan (see `planCompany`). */
export function modelFromPlan(p: CompanyPlan, a: Assumptions): CompanyModel {
  const run = runPlan(p, a);
  const years: ModelYear[] = [];
  let cumulative = 0;
  let cumulativeDiscounted = 0;
  for (let t = 0; t < p.length; t++) {
    const fcf = run.fcf[t] as number;
    cumulative += fcf;
    const discounted = fcf / Math.pow(1 + a.wacc, t);
    cumulativeDiscounted += discounted;
    const capex = p.capexUsd[t] ?? null;
    years.push({
      fiscalYear: p.timeline[t] as number,
      basis: p.basis[t] as string,
      capexUsd: capex === null ? null : capex * (run.fx[t] as number),
      aiCapexShare: p.hasCapex[t] ? (p.dataShares[t] ?? a.aiCapexShare) : null,
      aiCapexUsd: run.aiCapex[t] as number,
      depreciationUsd: run.depreciation[t] as number,
      netBookValueUsd: run.netBookValue[t] as number,
      aiRevenueUsd: run.revenue[t] as number,
      aiRevenueBasis: run.revenueBasis[t] as RevenueBasis,
      powerMw: run.powerMw[t] as number,
      powerMwBasis: p.dataPowerMw[t] != null ? 'data' : 'assumed',
      powerCostUsd: run.powerCost[t] as number,
      aiEbitdaUsd: run.ebitda[t] as number,
      nopatUsd: run.nopat[t] as number,
      terminalValueUsd: run.terminal[t] as number,
      fcfUsd: fcf,
      cumulativeFcfUsd: cumulative,
      discountedFcfUsd: discounted,
      cumulativeDiscountedFcfUsd: cumulativeDiscounted,
      roic: run.roic[t] ?? null,
    });
  }
  const vintages = p.timeline
    .map((y, t) => {
      const share = p.dataShares[t] ?? a.aiCapexShare;
      const fixed = (p.fixed.aiCapexUsd[t] as number) !== 0;
      const schedule = fixed ? p.fixed.schedule : p.scenario.schedule;
      const scale = fixed ? 1 : share;
      return {
        fiscalYear: y,
        aiCapexUsd: run.aiCapex[t] as number,
        usefulLifeYears: p.lives[t] as number,
        depreciationUsd: (schedule.byVintage[t] ?? []).map((d, k) => d * scale * (run.fx[k] ?? 1)),
      };
    })
    .filter((v) => v.aiCapexUsd !== 0);
  const flows = run.fcf;
  return {
    company: p.company,
    ticker: p.ticker,
    currency: a.reportingCurrency,
    fxRates: run.fx,
    firstYear: p.firstYear,
    lastDataYear: p.lastDataYear,
    years,
    vintages,
    totalAiCapexUsd: run.totalAiCapex,
    flowsUsd: flows,
    npvUsd: npv(a.wacc, flows),
    irr: irr(flows),
    roi: run.totalAiCapex > 0 ? finite(roi(run.operatingCash, run.totalAiCapex)) : null,
    paybackYears: paybackYears(flows),
    discountedPaybackYears: discountedPaybackYears(a.wacc, flows),
    breakEvenAiRevenueUsd: breakEvenRevenue(p, run, a),
    notes: [...p.notes],
  };
}
