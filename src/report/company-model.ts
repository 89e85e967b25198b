/**
 * The company AI investment model on vintages of capacity (DESIGN.md "Company AI investment model:
 * vintages of capacity"; every formula and default with its reason in docs/methodology.md).
 *
 * One company's rows + a scenario + a valuation date → per-year arrays and dated free cash flows:
 * - Each fiscal year's AI capex C_v = capex_v × share_v is a vintage: compute K_v = C_v × s
 *   (`computeShare`) depreciating over its life L_v (the row's useful_life_years, else the
 *   scenario's; a life the user sets wins), facilities C_v × (1 − s) over `facilityLifeYears`.
 *   Full-year convention: a vintage serves fiscal years v … v + L_v − 1 (a fractional last year
 *   serves its fraction, `serviceFraction`).
 * - Revenue of vintage v in year t: C_v × y × (u ÷ 0.7) × q^(t−v) while its compute serves,
 *   q = `vintageAgeFactor(g, d, e)`; company AI revenue is the sum, unless the year's row reports
 *   `ai_revenue` (reported wins for that year).
 * - Power: MW = Σ C_v × powerMwPerBillionUsd ÷ 1e9 over vintages in service (or the row's
 *   power_mw); cost = `powerCostUsd(MW, u, PUE, price)`. EBITDA = revenue × margin − power;
 *   NOPAT = (EBITDA − depreciation) × (1 − tax) (a loss is a tax credit: group relief);
 *   FCF = NOPAT + depreciation − AI capex (+ salvage, + terminal value).
 * - `capacityAfterData = run-off`: no capex after the data; the timeline runs until the last
 *   compute retires, and the facilities' remaining book value comes back as salvage in that year.
 *   No terminal value (the notes say so when one was asked for).
 *   `sustain`: through the horizon each year buys back the compute and facilities that retired
 *   the year before plus the terminal growth g of what was in service (the fleet at cost grows
 *   by g a year); replacement vintages take the scenario's life. Then a terminal value on the
 *   last year: `valueDriverTerminalValue(NOPAT, g, RONIC, WACC)` or EV/EBITDA × EBITDA.
 * - Each year's FCF is dated at its fiscal-year end (the row's fiscal_year_end, else the
 *   company's last known month-day, else 31 December); NPV at the valuation date by XNPV's
 *   convention (days ÷ 365), IRR by XIRR on the same dated flows. Paybacks count years from the
 *   start of the company's first capex year.
 * - Reporting currency: the data is in USD; in KRW every amount of timeline year t is converted
 *   at fxKrwPerUsd × (1 + fxDriftPerYear)^t, and NPV, IRR and paybacks use the converted flows.
 *
 * Split for speed: `planCompany` reads the rows once (everything no Monte Carlo draw changes);
 * `runPlan` is the year loop, allocation-free when given a scratch run; `modelFromPlan` adds the
 * dated results. The output is plain data (no functions, no class instances).
 */
import { textIn, type Lang } from '../i18n';
import {
  paybackYears,
  powerCostUsd,
  roi,
  serviceFraction,
  serviceYears,
  unitEconomics,
  valueDriverTerminalValue,
  vintageAgeFactor,
  xirr,
  xnpv,
  yearsBetween,
  type UnitEconomics,
} from '../finance';
import type { Row } from '../store/types';
import { REFERENCE_UTILIZATION, type Assumptions } from './assumptions';
import { basisOf, companyYears, finite, fiscalYearEndDate, monthDayOf, num, partialQuarters } from './company-rows';

export { companyYears, finite, groupByCompany, num } from './company-rows';

export type IrrResult = ReturnType<typeof xirr>;

/** Where a year's AI revenue comes from: the data's ai_revenue, or the vintages in service. */
export type RevenueBasis = 'reported' | 'modelled';

export interface ModelYear {
  fiscalYear: number;
  /** The fiscal year's end, where its flow is dated (YYYY-MM-DD). */
  date: string;
  /** 'reported' | 'guidance' | 'estimate' from the data; 'run-off' or 'sustain' after it. */
  basis: string;
  /** Quarters the year was rolled up from when fewer than four (a partial year), else null. */
  partialQuarters: number | null;
  capexUsd: number | null;
  aiCapexShare: number | null;
  aiCapexUsd: number;
  computeCapexUsd: number;
  facilitiesCapexUsd: number;
  depreciationUsd: number;
  computeDepreciationUsd: number;
  facilitiesDepreciationUsd: number;
  netBookValueUsd: number;
  aiRevenueUsd: number;
  aiRevenueBasis: RevenueBasis;
  /** Revenue of the vintages in service (what the model says, even where the data reports one). */
  modelledAiRevenueUsd: number;
  /** AI revenue at which this year's vintages would break even: y* ÷ y × modelled revenue. */
  breakEvenAiRevenueUsd: number | null;
  /** IT power of the AI fleet, MW, and where it came from. */
  powerMw: number;
  powerMwBasis: 'data' | 'assumed';
  powerCostUsd: number;
  aiEbitdaUsd: number;
  nopatUsd: number;
  /** Facilities' remaining book value returned in run-off's last year. */
  salvageUsd: number;
  terminalValueUsd: number;
  fcfUsd: number;
  cumulativeFcfUsd: number;
  /** Years from the valuation date to this year's end (days ÷ 365; negative before it). */
  yearsFromValuation: number;
  /** FCF discounted to the valuation date. */
  discountedFcfUsd: number;
  cumulativeDiscountedFcfUsd: number;
  roic: number | null;
}

export interface Vintage {
  fiscalYear: number;
  /** 'data' for a year of the data, 'replacement' for sustained capacity. */
  kind: 'data' | 'replacement';
  aiCapexUsd: number;
  computeUsd: number;
  facilitiesUsd: number;
  usefulLifeYears: number;
  /** Last fiscal year the compute serves. */
  lastServiceYear: number;
  /** Per timeline year. */
  revenueUsd: number[];
  depreciationUsd: number[];
}

export interface CompanyModel {
  company: string;
  ticker: string | null;
  /** Currency of every amount below, and the rate used for each timeline year (1 in USD). */
  currency: Assumptions['reportingCurrency'];
  fxRates: number[];
  firstYear: number;
  lastDataYear: number;
  /** Month-day the company's fiscal years end (the last known), MM-DD. */
  fiscalYearEnd: string;
  /** Every flow is discounted to this date (YYYY-MM-DD). */
  valuationDate: string;
  capacityAfterData: Assumptions['capacityAfterData'];
  /** Terminal method actually applied ('none' in run-off whatever was asked). */
  terminalMethod: Assumptions['terminalMethod'];
  /** Fiscal year in which the last compute retires (run-off) or the horizon's last year (sustain). */
  lastYear: number;
  years: ModelYear[];
  vintages: Vintage[];
  /** Guidance years counted in the model (empty when guidance is left out or there is none). */
  guidanceYears: number[];
  /** Guidance years in the data left out because includeGuidance is false. */
  excludedGuidanceYears: number[];
  partialYears: number[];
  totalAiCapexUsd: number;
  flowsUsd: number[];
  flowDates: string[];
  npvUsd: number;
  irr: IrrResult;
  roi: number | null;
  paybackYears: number | null;
  discountedPaybackYears: number | null;
  /** Break-even AI revenue of the last data year: y* ÷ y × its modelled AI revenue. */
  breakEvenAiRevenueUsd: number | null;
  /** The scenario's revenue yield y and one dollar of AI capex under the scenario. */
  revenueYield: number;
  unit: UnitEconomics;
  /** Notes about the data and the model (gaps, rows skipped, what was ignored), shown with the report. */
  notes: string[];
}

/** How `planCompany` picks each vintage's useful life. */
export interface ModelOptions {
  /**
   * true (default): a vintage's useful life is its row's useful_life_years where given, the
   * scenario's elsewhere. false: every vintage uses the scenario's life (the user chose one).
   */
  lifeFromData?: boolean;
  /** The language of the plan's and model's notes (English by default). */
  lang?: Lang;
}

/** Rate converting USD amounts of timeline year t into the reporting currency. */
export function fxRateAt(a: Pick<Assumptions, 'reportingCurrency' | 'fxKrwPerUsd' | 'fxDriftPerYear'>, t: number): number {
  return a.reportingCurrency === 'USD' ? 1 : a.fxKrwPerUsd * Math.pow(1 + a.fxDriftPerYear, t);
}

/**
 * Everything about one company that no Monte Carlo draw changes (growth, margin, the scenario's
 * AI share of capex, WACC): the timeline and its dates, capex and its data shares, lives, the
 * service and book-value fractions of every vintage in every year.
 */
export interface CompanyPlan {
  company: string;
  ticker: string | null;
  firstYear: number;
  lastDataYear: number;
  /** Index of the last data year in the timeline. */
  lastDataIndex: number;
  length: number;
  timeline: number[];
  dates: string[];
  fiscalYearEnd: string;
  basis: string[];
  partial: (number | null)[];
  capexUsd: (number | null)[];
  /** AI share from the data (null where the scenario's applies, or no capex). */
  dataShares: (number | null)[];
  lives: number[];
  reportedRevenueUsd: (number | null)[];
  dataPowerMw: (number | null)[];
  mode: Assumptions['capacityAfterData'];
  /** Share of year t in which vintage v's compute serves, at [v × length + t]. */
  computeService: Float64Array;
  /** Share of year t in which vintage v's facilities are depreciated. */
  facilityService: Float64Array;
  /** Compute's book value left at the end of year t per dollar of vintage v's compute. */
  computeBook: Float64Array;
  /** Facilities' book value left at the end of year t per dollar of vintage v's facilities. */
  facilityBook: Float64Array;
  /** Vintage v's compute has its last service year at v + retireAfter[v] − 1. */
  serviceYearsOf: number[];
  guidanceYears: number[];
  excludedGuidanceYears: number[];
  /** What the data made the model assume, in `lang`. */
  notes: string[];
  lang: Lang;
}

/** The assumptions a plan depends on; every other one changes only `runPlan`. */
const PLAN_INPUTS = ['horizonYears', 'gpuUsefulLifeYears', 'facilityLifeYears', 'capacityAfterData', 'includeGuidance'] as const;

const MIN_LIFE = 1;
const MAX_LIFE = 50;

/**
 * Prepares a company for `runPlan`; null when the company has no capex at all (or none once
 * guidance is left out).
 */
export function planCompany(
  company: string,
  rows: Row[],
  a: Pick<Assumptions, (typeof PLAN_INPUTS)[number]>,
  opts: ModelOptions = {},
): CompanyPlan | null {
  const lifeFromData = opts.lifeFromData ?? true;
  const lang = opts.lang ?? 'en';
  const t_ = textIn(lang);
  const includeGuidance = a.includeGuidance !== 'false';
  const byYear = companyYears(rows, { includeGuidance });
  const all = companyYears(rows);
  const excludedGuidanceYears = includeGuidance ? [] : [...all.entries()].filter(([y, r]) => basisOf(r) === 'guidance' && num(r.capex) !== null && num(byYear.get(y)?.capex) === null).map(([y]) => y);
  const capexYears = [...byYear.entries()].filter(([, r]) => num(r.capex) !== null).map(([y]) => y);
  if (capexYears.length === 0) return null;
  const firstYear = capexYears[0] as number;
  const lastDataYear = capexYears[capexYears.length - 1] as number;
  const notes: string[] = [];
  const dataLength = lastDataYear - firstYear + 1;
  // Lives first: run-off's timeline runs until the last compute retires.
  const lives: number[] = [];
  for (let t = 0; t < dataLength; t++) {
    const y = firstYear + t;
    const r = byYear.get(y);
    const dataLife = r ? num(r.useful_life_years) : null;
    const usable = dataLife !== null && dataLife >= MIN_LIFE && dataLife <= MAX_LIFE;
    if (lifeFromData && dataLife !== null && !usable) notes.push(t_('plan.lifeOutside', { year: y, life: dataLife, min: MIN_LIFE, max: MAX_LIFE }));
    lives.push(lifeFromData && usable ? (dataLife as number) : a.gpuUsefulLifeYears);
  }
  let length: number;
  if (a.capacityAfterData === 'sustain') {
    length = Math.max(a.horizonYears, dataLength);
  } else {
    length = dataLength;
    for (let t = 0; t < dataLength; t++) {
      const r = byYear.get(firstYear + t);
      if (r && num(r.capex) !== null) length = Math.max(length, t + serviceYears(lives[t] as number));
    }
  }
  for (let t = dataLength; t < length; t++) lives.push(a.gpuUsefulLifeYears);
  // The company's month-day: the latest row that says, else 31 December.
  let fiscalYearEnd = '12-31';
  for (const r of byYear.values()) fiscalYearEnd = monthDayOf(r.fiscal_year_end) ?? fiscalYearEnd;
  const timeline = Array.from({ length }, (_, t) => firstYear + t);
  const dates: string[] = [];
  const capexUsd: (number | null)[] = [];
  const dataShares: (number | null)[] = [];
  const basis: string[] = [];
  const partial: (number | null)[] = [];
  const reported: (number | null)[] = [];
  const power: (number | null)[] = [];
  const guidanceYears: number[] = [];
  for (const y of timeline) {
    const r = y <= lastDataYear ? byYear.get(y) : undefined;
    dates.push(fiscalYearEndDate(y, monthDayOf(r?.fiscal_year_end) ?? fiscalYearEnd));
    const given = r ? num(r.capex) : null;
    if (y <= lastDataYear && given === null) notes.push(t_('plan.noCapex', { year: y }));
    if (given !== null && given < 0) notes.push(t_('plan.negativeCapex', { year: y, used: -given }));
    const capex = given === null ? null : Math.abs(given);
    const dataShare = r ? num(r.ai_capex_share) : null;
    if (dataShare !== null && (dataShare < 0 || dataShare > 1)) notes.push(t_('plan.shareOutside', { year: y, share: dataShare }));
    capexUsd.push(capex);
    dataShares.push(capex !== null && dataShare !== null && dataShare >= 0 && dataShare <= 1 ? dataShare : null);
    const b = y > lastDataYear ? a.capacityAfterData : r ? basisOf(r) : 'reported';
    basis.push(b);
    if (b === 'guidance' && capex !== null) guidanceYears.push(y);
    const q = partialQuarters(r);
    partial.push(q);
    if (q !== null) notes.push(t_('plan.partialYear', { year: y, quarters: q }));
    reported.push(r ? num(r.ai_revenue) : null);
    const mw = r ? num(r.power_mw) : null;
    if (mw !== null && mw < 0) notes.push(t_('plan.negativePower', { year: y, mw }));
    power.push(mw !== null && mw >= 0 ? mw : null);
  }
  const computeService = new Float64Array(length * length);
  const facilityService = new Float64Array(length * length);
  const computeBook = new Float64Array(length * length);
  const facilityBook = new Float64Array(length * length);
  const serviceYearsOf: number[] = [];
  for (let v = 0; v < length; v++) {
    const life = lives[v] as number;
    serviceYearsOf.push(serviceYears(life));
    for (let t = v; t < length; t++) {
      const age = t - v;
      computeService[v * length + t] = serviceFraction(life, age);
      facilityService[v * length + t] = serviceFraction(a.facilityLifeYears, age);
      computeBook[v * length + t] = Math.max(0, life - (age + 1)) / life;
      facilityBook[v * length + t] = Math.max(0, a.facilityLifeYears - (age + 1)) / a.facilityLifeYears;
    }
  }
  const first = byYear.get(firstYear);
  return {
    company,
    ticker: first && typeof first.ticker === 'string' && first.ticker ? first.ticker : null,
    firstYear,
    lastDataYear,
    lastDataIndex: dataLength - 1,
    length,
    timeline,
    dates,
    fiscalYearEnd,
    basis,
    partial,
    capexUsd,
    dataShares,
    lives,
    reportedRevenueUsd: reported,
    dataPowerMw: power,
    mode: a.capacityAfterData,
    computeService,
    facilityService,
    computeBook,
    facilityBook,
    serviceYearsOf,
    guidanceYears,
    excludedGuidanceYears,
    notes,
    lang,
  };
}

/** Per-year arrays of one run of the model, amounts in the reporting currency. */
export interface PlanRun {
  fx: number[];
  aiCapex: number[];
  computeCapex: number[];
  facilitiesCapex: number[];
  depreciation: number[];
  computeDepreciation: number[];
  facilitiesDepreciation: number[];
  netBookValue: number[];
  revenue: number[];
  modelledRevenue: number[];
  revenueBasis: RevenueBasis[];
  powerMw: number[];
  powerCost: number[];
  ebitda: number[];
  nopat: number[];
  salvage: number[];
  terminal: number[];
  fcf: number[];
  /** ROIC per year, computed in USD (a ratio). */
  roic: (number | null)[];
  totalAiCapex: number;
  /** Σ(NOPAT + depreciation + salvage + terminal value), for ROI. */
  operatingCash: number;
  /** false when the terminal value has no answer (value-driver growth at or above the WACC). */
  ok: boolean;
  /** USD capex of each vintage as bought: AI total ("capacity" for revenue and power), compute, facilities. */
  vintageUsd: number[];
  vintageComputeUsd: number[];
  vintageFacilitiesUsd: number[];
  /** Scratch: q^k. */
  agePow: number[];
}

/** A run's arrays for a timeline of n years, to be filled by `runPlan`. */
export function emptyRun(n: number): PlanRun {
  const zeros = () => new Array<number>(n).fill(0);
  return {
    fx: zeros(), aiCapex: zeros(), computeCapex: zeros(), facilitiesCapex: zeros(), depreciation: zeros(), computeDepreciation: zeros(),
    facilitiesDepreciation: zeros(), netBookValue: zeros(), revenue: zeros(), modelledRevenue: zeros(),
    revenueBasis: new Array<RevenueBasis>(n).fill('modelled'), powerMw: zeros(), powerCost: zeros(), ebitda: zeros(), nopat: zeros(),
    salvage: zeros(), terminal: zeros(), fcf: zeros(), roic: new Array<number | null>(n).fill(null), totalAiCapex: 0, operatingCash: 0, ok: true,
    vintageUsd: zeros(), vintageComputeUsd: zeros(), vintageFacilitiesUsd: zeros(), agePow: zeros(),
  };
}

/**
 * The model's year loop for a prepared company under assumptions `a` (see the module comment):
 * the one place revenue, power, depreciation, NOPAT, salvage, terminal value and free cash flow
 * are computed; the full model and every Monte Carlo trial use it. Pass a scratch run (from
 * `emptyRun(plan.length)`) to refill it without allocating.
 */
export function runPlan(p: CompanyPlan, a: Assumptions, into?: PlanRun): PlanRun {
  const n = p.length;
  const out = into && into.fcf.length === n ? into : emptyRun(n);
  const s = a.computeShare;
  const g = a.terminalGrowth;
  const q = vintageAgeFactor(a.aiRevenueGrowth, a.tokenPriceDeflation, a.volumeElasticity);
  const yieldNow = a.aiRevenueToCapex * (a.gpuUtilization / REFERENCE_UTILIZATION);
  const mwPerUsd = a.powerMwPerBillionUsd / 1e9;
  const costPerMw = powerCostUsd(1, a.gpuUtilization, a.pue, a.powerPriceUsdPerKwh);
  const { computeService, facilityService, computeBook, facilityBook, serviceYearsOf } = p;
  const E = out.vintageUsd;
  const K = out.vintageComputeUsd;
  const Fa = out.vintageFacilitiesUsd;
  const qk = out.agePow;
  let pow = 1;
  for (let k = 0; k < n; k++) {
    qk[k] = pow;
    pow *= q;
  }
  let prevNbv = 0;
  let totalAiCapex = 0;
  let operatingCash = 0;
  let ok = true;
  const F = a.facilityLifeYears;
  for (let t = 0; t < n; t++) {
    // This year's vintage: the data's AI capex, or (sustain) what retired last year plus growth.
    if (t <= p.lastDataIndex) {
      const capex = p.capexUsd[t] ?? null;
      const c = capex === null ? 0 : capex * (p.dataShares[t] ?? a.aiCapexShare);
      E[t] = c;
      K[t] = c * s;
      Fa[t] = c * (1 - s);
    } else if (p.mode === 'sustain') {
      let retiredK = 0;
      let servingK = 0;
      let retiredF = 0;
      let servingF = 0;
      for (let v = 0; v < t; v++) {
        const kv = K[v] as number;
        const fv = Fa[v] as number;
        if (v + (serviceYearsOf[v] as number) === t) retiredK += kv;
        if ((computeService[v * n + t - 1] as number) > 0) servingK += kv;
        if (v + Math.ceil(F - 1e-9) === t) retiredF += fv;
        if ((facilityService[v * n + t - 1] as number) > 0) servingF += fv;
      }
      K[t] = retiredK + g * servingK;
      Fa[t] = retiredF + g * servingF;
      // Replacement compute brings the capacity of a whole vintage of that compute.
      E[t] = s > 0 ? (K[t] as number) / s : 0;
    } else {
      E[t] = 0;
      K[t] = 0;
      Fa[t] = 0;
    }
    let modelled = 0;
    let capacity = 0;
    let depC = 0;
    let depF = 0;
    let bookC = 0;
    let bookF = 0;
    for (let v = 0; v <= t; v++) {
      const i = v * n + t;
      const fc = computeService[i] as number;
      const kv = K[v] as number;
      const fv = Fa[v] as number;
      if (fc > 0) {
        const ev = E[v] as number;
        modelled += ev * yieldNow * (qk[t - v] as number) * fc;
        capacity += ev * fc;
        depC += (kv * fc) / (p.lives[v] as number);
      }
      depF += (fv * (facilityService[i] as number)) / F;
      bookC += kv * (computeBook[i] as number);
      bookF += fv * (facilityBook[i] as number);
    }
    const reported = p.reportedRevenueUsd[t] ?? null;
    const rev = reported ?? modelled;
    const dataMw = p.dataPowerMw[t] ?? null;
    const mw = dataMw ?? capacity * mwPerUsd;
    const power = mw * costPerMw;
    const dep = depC + depF;
    const ebitda = rev * a.aiEbitdaMargin - power;
    const nopat = (ebitda - dep) * (1 - a.taxRate);
    const last = t === n - 1;
    const salvage = last && p.mode === 'run-off' ? bookF : 0;
    let terminal = 0;
    if (last && p.mode === 'sustain') {
      if (a.terminalMethod === 'exit-multiple') terminal = a.exitEvEbitda * ebitda;
      else if (a.terminalMethod === 'value-driver') {
        const ronic = a.ronic ?? a.wacc;
        if (g >= a.wacc || (ronic === 0 && g !== 0)) ok = false;
        else terminal = valueDriverTerminalValue(nopat, g, ronic, a.wacc);
      }
    }
    const capex = (K[t] as number) + (Fa[t] as number);
    const nbv = bookC + bookF;
    const avgCapital = (prevNbv + nbv) / 2;
    out.roic[t] = avgCapital > 0 ? finite(nopat / avgCapital) : null;
    prevNbv = nbv;
    const rate = fxRateAt(a, t);
    out.fx[t] = rate;
    out.aiCapex[t] = capex * rate;
    out.computeCapex[t] = (K[t] as number) * rate;
    out.facilitiesCapex[t] = (Fa[t] as number) * rate;
    out.depreciation[t] = dep * rate;
    out.computeDepreciation[t] = depC * rate;
    out.facilitiesDepreciation[t] = depF * rate;
    out.netBookValue[t] = nbv * rate;
    out.revenue[t] = rev * rate;
    out.modelledRevenue[t] = modelled * rate;
    out.revenueBasis[t] = reported !== null ? 'reported' : 'modelled';
    out.powerMw[t] = mw;
    out.powerCost[t] = power * rate;
    out.ebitda[t] = ebitda * rate;
    out.nopat[t] = nopat * rate;
    out.salvage[t] = salvage * rate;
    out.terminal[t] = terminal * rate;
    out.fcf[t] = (nopat + dep - capex + salvage + terminal) * rate;
    totalAiCapex += capex * rate;
    operatingCash += (nopat + dep + salvage + terminal) * rate;
  }
  out.totalAiCapex = totalAiCapex;
  out.operatingCash = operatingCash;
  out.ok = ok;
  return out;
}

/** Years from the valuation date to each year's end (days ÷ 365), for discounting. */
export function yearsFromValuation(p: Pick<CompanyPlan, 'dates'>, valuationDate: string): number[] {
  return p.dates.map((d) => yearsBetween(valuationDate, d));
}

/**
 * NPV of dated flows at `valuationDate`, XNPV's convention: Σ flow ÷ (1 + rate)^(days ÷ 365).
 * Excel's XNPV values at its earliest date, so a zero flow at the valuation date is put first and
 * the result moved to the valuation date when a flow comes earlier.
 */
export function npvAtDate(rate: number, flows: readonly number[], dates: readonly string[], valuationDate: string): number {
  const earliest = dates.reduce((m, d) => (d < m ? d : m), valuationDate);
  return xnpv(rate, [0, ...flows], [valuationDate, ...dates]) * Math.pow(1 + rate, yearsBetween(earliest, valuationDate));
}

/** Unit economics of one dollar of AI capex under the scenario (the scenario's own server life). */
export function scenarioUnitEconomics(a: Assumptions): UnitEconomics {
  return unitEconomics({
    revenueYield: a.aiRevenueToCapex,
    utilizationFactor: a.gpuUtilization / REFERENCE_UTILIZATION,
    ageFactor: vintageAgeFactor(a.aiRevenueGrowth, a.tokenPriceDeflation, a.volumeElasticity),
    ebitdaMargin: a.aiEbitdaMargin,
    powerCostPerUsd: powerCostUsd((a.powerMwPerBillionUsd / 1e9), a.gpuUtilization, a.pue, a.powerPriceUsdPerKwh),
    computeShare: a.computeShare,
    computeLifeYears: a.gpuUsefulLifeYears,
    facilityLifeYears: a.facilityLifeYears,
    taxRate: a.taxRate,
    wacc: a.wacc,
  });
}

/**
 * Runs the model for one company, its flows valued at `valuationDate` (default: the scenario's,
 * else the end of the company's first capex year). Returns null when the company has no capex.
 * @example buildCompanyModel('Acme', rows, DEFAULT_ASSUMPTIONS)?.npvUsd
 */
export function buildCompanyModel(company: string, rows: Row[], a: Assumptions, opts: ModelOptions & { valuationDate?: string } = {}): CompanyModel | null {
  const plan = planCompany(company, rows, a, opts);
  return plan ? modelFromPlan(plan, a, opts.valuationDate ?? a.valuationDate ?? plan.dates[0] as string) : null;
}

/**
 * NPV alone (at `valuationDate`, default as in `buildCompanyModel`) for the tornado: the year loop
 * and the dated discounting, without the tables, IRR or unit economics. null without capex; NaN
 * when the terminal value has no answer.
 */
export function companyNpv(company: string, rows: Row[], a: Assumptions, opts: ModelOptions & { valuationDate?: string } = {}): number | null {
  const plan = reusablePlan(company, rows, a, opts);
  if (!plan) return null;
  const run = runPlan(plan, a);
  if (!run.ok) return Number.NaN;
  return npvAtDate(a.wacc, run.fcf, plan.dates, opts.valuationDate ?? a.valuationDate ?? (plan.dates[0] as string));
}

/**
 * Plans already made for a company's rows, by the inputs a plan depends on. The tornado asks for
 * the NPV of the same rows under twenty-odd swings of which only the lives, horizon and guidance
 * change the plan: the rest reuse it. Keyed weakly on the rows array, so it lives as long as they do.
 */
const plans = new WeakMap<Row[], Map<string, CompanyPlan | null>>();

function reusablePlan(company: string, rows: Row[], a: Assumptions, opts: ModelOptions): CompanyPlan | null {
  const key = JSON.stringify([company, ...PLAN_INPUTS.map((k) => a[k]), opts.lifeFromData ?? true, opts.lang ?? 'en']);
  let byKey = plans.get(rows);
  if (!byKey) plans.set(rows, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) ?? null;
  const plan = planCompany(company, rows, a, opts);
  byKey.set(key, plan);
  return plan;
}

/** The plan and one run of the year loop (depreciation, ROIC…) without the dated results. */
export function runCompany(company: string, rows: Row[], a: Assumptions, opts: ModelOptions = {}): { plan: CompanyPlan; run: PlanRun } | null {
  const plan = planCompany(company, rows, a, opts);
  return plan ? { plan, run: runPlan(plan, a) } : null;
}

/** The full company model from a prepared plan (see `planCompany`), valued at `valuationDate`. */
export function modelFromPlan(p: CompanyPlan, a: Assumptions, valuationDate: string, unit: UnitEconomics = scenarioUnitEconomics(a)): CompanyModel {
  const run = runPlan(p, a);
  const notes = [...p.notes];
  const fromValuation = yearsFromValuation(p, valuationDate);
  const discount = fromValuation.map((yrs) => Math.pow(1 + a.wacc, -yrs));
  const y = a.aiRevenueToCapex;
  const breakEvenScale = unit.breakEvenRevenueYield !== null && y > 0 ? unit.breakEvenRevenueYield / y : null;
  const years: ModelYear[] = [];
  let cumulative = 0;
  let cumulativeDiscounted = 0;
  const discounted: number[] = [];
  for (let t = 0; t < p.length; t++) {
    const fcf = run.fcf[t] as number;
    cumulative += fcf;
    const pv = fcf * (discount[t] as number);
    discounted.push(pv);
    cumulativeDiscounted += pv;
    const capex = p.capexUsd[t] ?? null;
    const modelled = run.modelledRevenue[t] as number;
    years.push({
      fiscalYear: p.timeline[t] as number,
      date: p.dates[t] as string,
      basis: p.basis[t] as string,
      partialQuarters: p.partial[t] ?? null,
      capexUsd: capex === null ? null : capex * (run.fx[t] as number),
      aiCapexShare: capex !== null ? (p.dataShares[t] ?? a.aiCapexShare) : null,
      aiCapexUsd: run.aiCapex[t] as number,
      computeCapexUsd: run.computeCapex[t] as number,
      facilitiesCapexUsd: run.facilitiesCapex[t] as number,
      depreciationUsd: run.depreciation[t] as number,
      computeDepreciationUsd: run.computeDepreciation[t] as number,
      facilitiesDepreciationUsd: run.facilitiesDepreciation[t] as number,
      netBookValueUsd: run.netBookValue[t] as number,
      aiRevenueUsd: run.revenue[t] as number,
      aiRevenueBasis: run.revenueBasis[t] as RevenueBasis,
      modelledAiRevenueUsd: modelled,
      breakEvenAiRevenueUsd: breakEvenScale === null ? null : finite(breakEvenScale * modelled),
      powerMw: run.powerMw[t] as number,
      powerMwBasis: p.dataPowerMw[t] != null ? 'data' : 'assumed',
      powerCostUsd: run.powerCost[t] as number,
      aiEbitdaUsd: run.ebitda[t] as number,
      nopatUsd: run.nopat[t] as number,
      salvageUsd: run.salvage[t] as number,
      terminalValueUsd: run.terminal[t] as number,
      fcfUsd: fcf,
      cumulativeFcfUsd: cumulative,
      yearsFromValuation: fromValuation[t] as number,
      discountedFcfUsd: pv,
      cumulativeDiscountedFcfUsd: cumulativeDiscounted,
      roic: run.roic[t] ?? null,
    });
  }
  const vintages = vintagesOf(p, run, a);
  const t_ = textIn(p.lang);
  if (p.mode === 'run-off' && a.terminalMethod !== 'none') notes.push(t_('plan.runOffNoTerminal', { year: p.timeline[p.length - 1], method: a.terminalMethod }));
  if (!run.ok) notes.push(t_('plan.growthAboveWacc'));
  if (p.excludedGuidanceYears.length) notes.push(t_('plan.guidanceLeftOut', { years: `FY${p.excludedGuidanceYears.join(', FY')}` }));
  const flows = run.fcf.slice();
  const lastData = years.find((yr) => yr.fiscalYear === p.lastDataYear);
  return {
    company: p.company,
    ticker: p.ticker,
    currency: a.reportingCurrency,
    fxRates: run.fx.slice(),
    firstYear: p.firstYear,
    lastDataYear: p.lastDataYear,
    fiscalYearEnd: p.fiscalYearEnd,
    valuationDate,
    capacityAfterData: p.mode,
    terminalMethod: p.mode === 'sustain' && run.ok ? a.terminalMethod : 'none',
    lastYear: p.timeline[p.length - 1] as number,
    years,
    vintages,
    guidanceYears: [...p.guidanceYears],
    excludedGuidanceYears: [...p.excludedGuidanceYears],
    partialYears: p.timeline.filter((_, t) => p.partial[t] != null),
    totalAiCapexUsd: run.totalAiCapex,
    flowsUsd: flows,
    flowDates: [...p.dates],
    npvUsd: npvAtDate(a.wacc, flows, p.dates, valuationDate),
    irr: xirr(flows, p.dates),
    roi: run.totalAiCapex > 0 ? finite(roi(run.operatingCash, run.totalAiCapex)) : null,
    paybackYears: paybackYears(flows),
    discountedPaybackYears: paybackYears(discounted),
    breakEvenAiRevenueUsd: lastData?.breakEvenAiRevenueUsd ?? null,
    revenueYield: y,
    unit,
    notes,
  };
}

/** Each vintage's revenue and depreciation by timeline year (for the vintage table). */
function vintagesOf(p: CompanyPlan, run: PlanRun, a: Assumptions): Vintage[] {
  const n = p.length;
  const out: Vintage[] = [];
  for (let v = 0; v < n; v++) {
    const ev = run.vintageUsd[v] as number;
    const kv = run.vintageComputeUsd[v] as number;
    const fv = run.vintageFacilitiesUsd[v] as number;
    if (kv + fv === 0) continue;
    const rate = run.fx[v] as number;
    const revenueUsd: number[] = [];
    const depreciationUsd: number[] = [];
    for (let t = 0; t < n; t++) {
      if (t < v) {
        revenueUsd.push(0);
        depreciationUsd.push(0);
        continue;
      }
      const i = v * n + t;
      const fc = p.computeService[i] as number;
      const yieldNow = a.aiRevenueToCapex * (a.gpuUtilization / REFERENCE_UTILIZATION);
      const q = vintageAgeFactor(a.aiRevenueGrowth, a.tokenPriceDeflation, a.volumeElasticity);
      revenueUsd.push(ev * yieldNow * Math.pow(q, t - v) * fc * (run.fx[t] as number));
      depreciationUsd.push(((kv * fc) / (p.lives[v] as number) + (fv * (p.facilityService[i] as number)) / a.facilityLifeYears) * (run.fx[t] as number));
    }
    out.push({
      fiscalYear: p.timeline[v] as number,
      kind: v <= p.lastDataIndex ? 'data' : 'replacement',
      aiCapexUsd: (kv + fv) * rate,
      computeUsd: kv * rate,
      facilitiesUsd: fv * rate,
      usefulLifeYears: p.lives[v] as number,
      lastServiceYear: (p.timeline[v] as number) + (p.serviceYearsOf[v] as number) - 1,
      revenueUsd,
      depreciationUsd,
    });
  }
  return out;
}
