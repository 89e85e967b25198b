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
 */
import { discountedPaybackYears, irr, npv, paybackYears, pmt, roi, straightLineDepreciation, type DepreciationSchedule } from '../finance';
import type { Row } from '../store/types';
import type { Assumptions } from './assumptions';

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

/**
 * Runs the model for one company. Returns null when the company has no capex at all.
 * @example buildCompanyModel('Acme', rows, DEFAULT_ASSUMPTIONS).npvUsd
 */
export interface ModelOptions {
  /**
   * true (default): a vintage's useful life is its row's useful_life_years where given, the
   * scenario's elsewhere. false: every vintage uses the scenario's life (the user chose one).
   */
  lifeFromData?: boolean;
}

export function buildCompanyModel(company: string, rows: Row[], a: Assumptions, opts: ModelOptions = {}): CompanyModel | null {
  const lifeFromData = opts.lifeFromData ?? true;
  const byYear = companyYears(rows);
  const capexYears = [...byYear.entries()].filter(([, r]) => num(r.capex) !== null).map(([y]) => y);
  if (capexYears.length === 0) return null;
  const firstYear = capexYears[0] as number;
  const lastDataYear = capexYears[capexYears.length - 1] as number;
  const length = Math.max(a.horizonYears, lastDataYear - firstYear + 1);
  const notes: string[] = [];
  const timeline = Array.from({ length }, (_, t) => firstYear + t);

  const aiCapex: number[] = [];
  const lives: number[] = [];
  const shares: (number | null)[] = [];
  for (const y of timeline) {
    const r = byYear.get(y);
    const given = r ? num(r.capex) : null;
    if (y <= lastDataYear && given === null) notes.push(`No capex for FY${y}: counted as zero.`);
    if (given !== null && given < 0) notes.push(`FY${y} capex is negative (cash-flow sign): used as ${-given}.`);
    const capex = given === null ? null : Math.abs(given);
    const dataShare = r ? num(r.ai_capex_share) : null;
    if (dataShare !== null && (dataShare < 0 || dataShare > 1)) notes.push(`FY${y} ai_capex_share ${dataShare} is not a fraction in [0, 1]: the scenario's share is used.`);
    const share = capex === null ? null : dataShare !== null && dataShare >= 0 && dataShare <= 1 ? dataShare : a.aiCapexShare;
    shares.push(share);
    aiCapex.push(capex === null || share === null ? 0 : capex * share);
    const dataLife = r ? num(r.useful_life_years) : null;
    const usable = dataLife !== null && dataLife >= 1 && dataLife <= 50;
    if (lifeFromData && dataLife !== null && !usable) notes.push(`FY${y} useful_life_years ${dataLife} is outside 1-50 years: the scenario's life is used.`);
    lives.push(lifeFromData && usable ? (dataLife as number) : a.gpuUsefulLifeYears);
  }
  const schedule = depreciationByVintage(aiCapex, lives, length);
  const vintages = timeline
    .map((y, t) => ({ fiscalYear: y, aiCapexUsd: aiCapex[t] as number, usefulLifeYears: lives[t] as number, depreciationUsd: schedule.byVintage[t] ?? [] }))
    .filter((v) => v.aiCapexUsd !== 0);

  const revenueFactor = (1 + a.aiRevenueGrowth) * Math.pow(1 - a.tokenPriceDeflation, 1 - a.volumeElasticity);
  const years: ModelYear[] = [];
  let prevRevenue = 0;
  let cumulative = 0;
  let cumulativeDiscounted = 0;
  let prevNbv = 0;
  for (let t = 0; t < length; t++) {
    const y = timeline[t] as number;
    const r = byYear.get(y);
    const reported = r ? num(r.ai_revenue) : null;
    let revenue: number;
    let revenueBasis: RevenueBasis;
    if (reported !== null) {
      revenue = reported;
      revenueBasis = 'reported';
    } else if (t === 0) {
      revenue = (aiCapex[0] as number) * a.aiRevenueToCapex;
      revenueBasis = 'assumed';
    } else {
      revenue = prevRevenue * revenueFactor;
      revenueBasis = 'projected';
    }
    prevRevenue = revenue;
    const dep = schedule.depreciation[t] ?? 0;
    const nbv = schedule.netBookValue[t] ?? 0;
    const ebitda = revenue * a.aiEbitdaMargin;
    const nopat = (ebitda - dep) * (1 - a.taxRate);
    let terminal = 0;
    if (t === length - 1) {
      if (a.terminalMethod === 'exit-multiple') terminal = a.exitEvEbitda * ebitda;
      else if (a.terminalMethod === 'perpetual-growth') terminal = ((nopat + dep) * (1 + a.terminalGrowth)) / (a.wacc - a.terminalGrowth);
    }
    const fcf = nopat + dep - (aiCapex[t] as number) + terminal;
    cumulative += fcf;
    const discounted = fcf / Math.pow(1 + a.wacc, t);
    cumulativeDiscounted += discounted;
    const avgCapital = (prevNbv + nbv) / 2;
    years.push({
      fiscalYear: y,
      basis: r && y <= lastDataYear ? String(r.basis ?? 'reported') : 'projection',
      capexUsd: r && num(r.capex) !== null ? Math.abs(num(r.capex) as number) : null,
      aiCapexShare: shares[t] ?? null,
      aiCapexUsd: aiCapex[t] as number,
      depreciationUsd: dep,
      netBookValueUsd: nbv,
      aiRevenueUsd: revenue,
      aiRevenueBasis: revenueBasis,
      aiEbitdaUsd: ebitda,
      nopatUsd: nopat,
      terminalValueUsd: terminal,
      fcfUsd: fcf,
      cumulativeFcfUsd: cumulative,
      discountedFcfUsd: discounted,
      cumulativeDiscountedFcfUsd: cumulativeDiscounted,
      roic: avgCapital > 0 ? finite(nopat / avgCapital) : null,
    });
    prevNbv = nbv;
  }

  const flows = years.map((y) => y.fcfUsd);
  const totalAiCapex = aiCapex.reduce((s, v) => s + v, 0);
  const operatingCash = years.reduce((s, y) => s + y.nopatUsd + y.depreciationUsd + y.terminalValueUsd, 0);
  let breakEven: number | null = null;
  const life = totalAiCapex > 0 ? aiCapex.reduce((s, c, t) => s + c * (lives[t] as number), 0) / totalAiCapex : 0;
  if (totalAiCapex > 0 && a.aiEbitdaMargin > 0 && life >= 1) {
    const charge = -pmt(a.wacc, life, totalAiCapex);
    const dep = totalAiCapex / life;
    breakEven = finite((dep + (charge - dep) / (1 - a.taxRate)) / a.aiEbitdaMargin);
  }
  const first = byYear.get(firstYear);
  return {
    company,
    ticker: first && typeof first.ticker === 'string' && first.ticker ? first.ticker : null,
    firstYear,
    lastDataYear,
    years,
    vintages,
    totalAiCapexUsd: totalAiCapex,
    flowsUsd: flows,
    npvUsd: npv(a.wacc, flows),
    irr: irr(flows),
    roi: totalAiCapex > 0 ? finite(roi(operatingCash, totalAiCapex)) : null,
    paybackYears: paybackYears(flows),
    discountedPaybackYears: discountedPaybackYears(a.wacc, flows),
    breakEvenAiRevenueUsd: breakEven,
    notes,
  };
}
