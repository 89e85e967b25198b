/**
 * The company report model: per company, capex history, the AI investment model, the GPU
 * depreciation lens, valuation-multiple sensitivity and a tornado of NPV swings; across companies a
 * comparison table; a plain-language summary generated from the numbers. Tables are ReportTables
 * so the page, its CSV twin and its JSON twin hold the same numbers.
 */
import { cagr } from '../finance';
import type { Row } from '../store/types';
import { assumptionLines, type Assumptions, type ParsedAssumptions, type ReportingCurrency } from './assumptions';
import { COLORS, type ChartConfig } from './charts';
import { rowsInUsd } from './data-currency';
import { companyYears, fxRateAt, groupByCompany, modelFromPlan, num, planCompany, type CompanyModel, type IrrResult, type ModelOptions } from './company-model';
import { convertLens, convertValuation, currencyTable } from './currency';
import { companyMonteCarlo, type CompanyMonteCarlo } from './monte-carlo';
import { depreciationLens, type DepreciationLens } from './depreciation-lens';
import type { Cell, Column, ReportTable } from './table';
import { npvTornado, type TornadoBar } from './tornado';
import { PE_COLUMNS, valuation, type Valuation } from './valuation';
import { companySummary, overallSummary } from './summary';

export interface ReportChart {
  id: string;
  title: string;
  config: ChartConfig;
}

export interface CompanySection {
  company: string;
  /** Stable id for anchors and chart canvases. */
  slug: string;
  ticker: string | null;
  /** Currency of every amount of the section. */
  currency: ReportingCurrency;
  model: CompanyModel;
  monteCarlo: CompanyMonteCarlo;
  lens: DepreciationLens | null;
  valuation: Valuation | null;
  tornado: TornadoBar[];
  /** Tables of this company only (no company column). */
  tables: Record<TableName, ReportTable | null>;
  /** Implied-price grid with the shading of each cell against today's price. */
  grid: { columns: number[]; rows: { growth: number; base: boolean; cells: { priceUsd: number; vsToday: number | null; base: boolean }[] }[] } | null;
  charts: ReportChart[];
  summary: string[];
}

export const TABLE_NAMES = ['comparison', 'capex', 'cash-flows', 'vintages', 'lens', 'multiples', 'price-grid', 'tornado', 'monte-carlo'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface CompanyReport {
  datasetName: string;
  /** Currency of every amount of the report (USD unless the assumptions choose KRW). */
  currency: ReportingCurrency;
  assumptions: Pick<ParsedAssumptions, 'values' | 'sources'>;
  sections: CompanySection[];
  /** Every table over all companies, company first (CSV and JSON twins). */
  tables: Record<TableName, ReportTable>;
  summary: string[];
  /** Companies left out (no capex, a currency that cannot be converted), with why. */
  skipped: string[];
  /** Notes on the data as a whole, e.g. which companies' KRW amounts were converted and at what rate. */
  dataNotes: string[];
}

const irrStatus = (r: IrrResult): string => r.kind;
const irrRate = (r: IrrResult): number | null => (r.kind === 'ok' ? r.rate : null);

/** A readable, stable id from a company name (for canvas ids and anchors). */
export function slugify(name: string, index: number): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `c${index}-${base || 'company'}`;
}

/** Rate of a fiscal year (from the data's USD to the reporting currency). */
type RateOf = (fiscalYear: number) => number;

function capexTable(rows: Row[], rateOf: RateOf): ReportTable {
  const byYear = [...companyYears(rows).entries()].filter(([, r]) => num(r.capex) !== null);
  const first = byYear[0];
  const out: Cell[][] = [];
  let prev: number | null = null;
  for (const [y, r] of byYear) {
    const capex = Math.abs(num(r.capex) as number) * rateOf(y);
    const yoy = prev !== null && prev !== 0 ? capex / prev - 1 : null;
    const firstCapex = first ? Math.abs(num(first[1].capex) as number) * rateOf(first[0]) : 0;
    const span = first ? y - first[0] : 0;
    const growth = span > 0 && firstCapex > 0 && capex > 0 ? cagr(firstCapex, capex, span) : null;
    out.push([y, String(r.basis ?? 'reported'), capex, yoy, growth]);
    prev = capex;
  }
  return {
    name: 'capex',
    title: 'Capex by year',
    columns: [
      { key: 'fiscal_year', label: 'Fiscal year', format: 'text' },
      { key: 'basis', label: 'Basis', format: 'text' },
      { key: 'capex_usd', label: 'Capex', format: 'money' },
      { key: 'yoy_growth_fraction', label: 'Year-over-year growth', format: 'percent' },
      { key: 'cagr_since_first_year_fraction', label: 'CAGR since first year', format: 'percent' },
    ],
    rows: out,
    note: 'Guidance rows are company guidance, not reported figures.',
  };
}

function cashFlowTable(m: CompanyModel): ReportTable {
  return {
    name: 'cash-flows',
    title: 'AI investment by year',
    columns: [
      { key: 'fiscal_year', label: 'Fiscal year', format: 'text' },
      { key: 'basis', label: 'Basis', format: 'text' },
      { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'depreciation_usd', label: 'Depreciation', format: 'money' },
      { key: 'net_book_value_usd', label: 'Net book value', format: 'money' },
      { key: 'ai_revenue_usd', label: 'AI revenue', format: 'money' },
      { key: 'ai_revenue_basis', label: 'Revenue basis', format: 'text' },
      { key: 'power_mw', label: 'AI IT power (MW)', format: 'number' },
      { key: 'power_mw_basis', label: 'Power basis', format: 'text' },
      { key: 'power_cost_usd', label: 'Power cost', format: 'money' },
      { key: 'ai_ebitda_usd', label: 'AI EBITDA', format: 'money' },
      { key: 'nopat_usd', label: 'NOPAT', format: 'money' },
      { key: 'terminal_value_usd', label: 'Terminal value', format: 'money' },
      { key: 'fcf_usd', label: 'Free cash flow', format: 'money' },
      { key: 'cumulative_fcf_usd', label: 'Cumulative FCF', format: 'money' },
      { key: 'cumulative_discounted_fcf_usd', label: 'Cumulative discounted FCF', format: 'money' },
      { key: 'roic_fraction', label: 'ROIC', format: 'percent' },
    ],
    note: 'Power cost = AI IT power × 8,760 h × utilization × PUE × power price; power basis "assumed" means MW from AI capex in service × MW per $1B (an assumption), "data" the data’s power_mw.',
    rows: m.years.map((y) => [
      y.fiscalYear, y.basis, y.aiCapexUsd, y.depreciationUsd, y.netBookValueUsd, y.aiRevenueUsd, y.aiRevenueBasis,
      y.powerMw, y.powerMwBasis, y.powerCostUsd, y.aiEbitdaUsd, y.nopatUsd, y.terminalValueUsd, y.fcfUsd, y.cumulativeFcfUsd, y.cumulativeDiscountedFcfUsd, y.roic,
    ]),
  };
}

function vintageTable(m: CompanyModel): ReportTable {
  const years = m.years.map((y) => y.fiscalYear);
  return {
    name: 'vintages',
    title: 'Depreciation by vintage',
    columns: [
      { key: 'vintage_fiscal_year', label: 'Vintage', format: 'text' },
      { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'useful_life_years', label: 'Life (years)', format: 'number' },
      ...years.map((y): Column => ({ key: `depreciation_fy${y}_usd`, label: `FY${y}`, format: 'money' })),
    ],
    rows: m.vintages.map((v) => [v.fiscalYear, v.aiCapexUsd, v.usefulLifeYears, ...v.depreciationUsd]),
    note: 'Straight-line over the useful life, a full year in the year of purchase.',
  };
}

function lensTable(l: DepreciationLens): ReportTable {
  return {
    name: 'lens',
    title: `GPU depreciation lens, FY${l.fiscalYear}`,
    columns: [
      { key: 'useful_life_years', label: 'Server life (years)', format: 'text' },
      { key: 'ai_depreciation_usd', label: 'AI depreciation', format: 'money' },
      { key: 'depreciation_change_usd', label: 'Change vs scenario life', format: 'money' },
      { key: 'operating_income_usd', label: 'Operating income', format: 'money' },
      { key: 'net_income_usd', label: 'Net income', format: 'money' },
      { key: 'eps_usd_per_share', label: 'EPS', format: 'money' },
      { key: 'eps_change_fraction', label: 'EPS change', format: 'percent' },
      { key: 'ai_roic_fraction', label: 'AI ROIC', format: 'percent' },
    ],
    rows: l.rows.map((r) => [r.usefulLifeYears, r.depreciationUsd, r.depreciationChangeUsd, r.operatingIncomeUsd, r.netIncomeUsd, r.epsUsd, r.epsChange, r.aiRoic]),
    note: `Reported income reflects the base lives (FY${l.fiscalYear}: ${l.referenceLifeYears} years); each row puts every AI vintage on one life and changes only the AI capex's depreciation.`,
  };
}

function multiplesTable(v: Valuation): ReportTable {
  return {
    name: 'multiples',
    title: `What the price implies, FY${v.fiscalYear}`,
    columns: [
      { key: 'fiscal_year', label: 'Fiscal year', format: 'text' },
      { key: 'share_price_usd', label: 'Share price', format: 'money' },
      { key: 'shares_outstanding', label: 'Shares', format: 'number' },
      { key: 'market_cap_usd', label: 'Market cap', format: 'money' },
      { key: 'net_debt_usd', label: 'Net debt', format: 'money' },
      { key: 'enterprise_value_usd', label: 'EV', format: 'money' },
      { key: 'eps_usd_per_share', label: 'EPS', format: 'money' },
      { key: 'pe_multiple', label: 'P/E', format: 'multiple' },
      { key: 'ev_sales_multiple', label: 'EV/Sales', format: 'multiple' },
      { key: 'ev_ebitda_multiple', label: 'EV/EBITDA', format: 'multiple' },
      { key: 'target_pe_multiple', label: 'Target P/E', format: 'multiple' },
      { key: 'compression_drawdown_fraction', label: 'Drawdown at target P/E', format: 'percent' },
      { key: 'price_at_target_pe_usd', label: 'Price at target P/E', format: 'money' },
      { key: 'ai_revenue_to_justify_market_cap_usd', label: 'AI revenue to justify market cap', format: 'money' },
    ],
    rows: [[
      v.fiscalYear, v.sharePriceUsd, v.sharesOutstanding, v.marketCapUsd, v.netDebtUsd, v.enterpriseValueUsd, v.epsUsd, v.pe,
      v.evSales, v.evEbitda, v.compression?.toPe ?? null, v.compression?.drawdown ?? null, v.compression?.priceAfterUsd ?? null, v.aiRevenueToJustifyUsd,
    ]],
    note: v.netDebtFromData ? undefined : 'No net debt in the data: EV = market cap.',
  };
}

function gridTable(v: Valuation): ReportTable | null {
  if (!v.grid) return null;
  return {
    name: 'price-grid',
    title: 'Implied share price: EPS growth × P/E',
    columns: [
      { key: 'eps_growth_fraction', label: 'EPS growth', format: 'percent' },
      ...PE_COLUMNS.map((pe): Column => ({ key: `price_at_pe_${pe}x_usd`, label: `${pe}×`, format: 'money' })),
    ],
    rows: v.grid.map((g) => [g.growth, ...g.pricesUsd]),
    note: 'Next year’s EPS (this year’s × (1 + growth)) at each P/E.',
  };
}

function tornadoTable(bars: TornadoBar[], baseNpv: number): ReportTable {
  return {
    name: 'tornado',
    title: 'NPV swings for one standard change of each assumption',
    columns: [
      { key: 'assumption', label: 'Key', format: 'text' },
      { key: 'label', label: 'Assumption', format: 'text' },
      { key: 'low_value', label: 'Low', format: 'number' },
      { key: 'high_value', label: 'High', format: 'number' },
      { key: 'npv_low_usd', label: 'NPV at low', format: 'money' },
      { key: 'npv_high_usd', label: 'NPV at high', format: 'money' },
      { key: 'swing_usd', label: 'Swing', format: 'money' },
    ],
    rows: bars.map((b) => [b.key, b.label, b.low, b.high, b.npvLowUsd, b.npvHighUsd, Math.abs(b.npvHighUsd - b.npvLowUsd)]),
    note: `Base NPV ${baseNpv < 0 ? 'is negative' : 'is positive'}; each row changes one assumption, all else equal.`,
  };
}

function comparisonTable(sections: CompanySection[]): ReportTable {
  return {
    name: 'comparison',
    title: 'Companies compared',
    columns: [
      { key: 'company', label: 'Company', format: 'text' },
      { key: 'first_fiscal_year', label: 'From', format: 'text' },
      { key: 'last_capex_fiscal_year', label: 'To', format: 'text' },
      { key: 'total_ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'npv_usd', label: 'NPV', format: 'money' },
      { key: 'irr_fraction', label: 'IRR', format: 'percent' },
      { key: 'irr_status', label: 'IRR status', format: 'text' },
      { key: 'roi_fraction', label: 'ROI', format: 'percent' },
      { key: 'payback_years', label: 'Payback (years)', format: 'years' },
      { key: 'discounted_payback_years', label: 'Discounted payback (years)', format: 'years' },
      { key: 'break_even_ai_revenue_usd', label: 'Break-even AI revenue / year', format: 'money' },
      { key: 'pe_multiple', label: 'P/E', format: 'multiple' },
      { key: 'mc_npv_p50_usd', label: 'Monte Carlo NPV P50', format: 'money' },
      { key: 'mc_p_npv_positive_fraction', label: 'P(NPV > 0)', format: 'percent' },
    ],
    rows: sections.map((s) => [
      s.company, s.model.firstYear, s.model.lastDataYear, s.model.totalAiCapexUsd, s.model.npvUsd, irrRate(s.model.irr), irrStatus(s.model.irr),
      s.model.roi, s.model.paybackYears, s.model.discountedPaybackYears, s.model.breakEvenAiRevenueUsd, s.valuation?.pe ?? null,
      s.monteCarlo.npv.p50, s.monteCarlo.probNpvPositive,
    ]),
    note: 'Payback in years from the start of the first capex year; blank means not within the horizon.',
  };
}

/** Chart points to whole dollars: plenty for a picture, and a much smaller page. */
function wholeUsd(usd: number): number {
  return Math.round(usd);
}

function capexChart(rows: Row[], rateOf: RateOf): ChartConfig {
  const byYear = [...companyYears(rows).entries()].filter(([, r]) => num(r.capex) !== null);
  return {
    type: 'bar',
    data: {
      labels: byYear.map(([y]) => `FY${y}`),
      datasets: [{
        label: 'Capex',
        data: byYear.map(([y, r]) => wholeUsd(Math.abs(num(r.capex) as number) * rateOf(y))),
        backgroundColor: byYear.map(([, r]) => (String(r.basis ?? 'reported') === 'reported' ? COLORS.capex : COLORS.aiCapex)),
      }],
    },
    options: { plugins: { legend: { display: false } }, meta: { yFormat: 'money' } },
  };
}

function cumulativeChart(m: CompanyModel): ChartConfig {
  const points = (f: (i: number) => number) => m.years.map((_, t) => ({ x: t, y: wholeUsd(f(t)) }));
  const datasets: ChartConfig['data']['datasets'] = [
    { type: 'line', label: 'Cumulative free cash flow', data: points((t) => m.years[t]?.cumulativeFcfUsd ?? 0), borderColor: COLORS.cash, backgroundColor: COLORS.cash, pointRadius: 2 },
    { type: 'line', label: 'Cumulative discounted', data: points((t) => m.years[t]?.cumulativeDiscountedFcfUsd ?? 0), borderColor: COLORS.discounted, backgroundColor: COLORS.discounted, pointRadius: 2 },
  ];
  if (m.paybackYears !== null) {
    datasets.push({ type: 'scatter', label: `Payback: ${m.paybackYears.toFixed(1)} years`, data: [{ x: m.paybackYears, y: 0 }], backgroundColor: COLORS.marker, pointRadius: 7, pointStyle: 'rectRot' });
  }
  return {
    type: 'scatter',
    data: { labels: [], datasets },
    options: {
      scales: { x: { title: { display: true, text: `Years from the start of FY${m.firstYear}` } } },
      meta: { yFormat: 'money', xFormat: 'number' },
    },
  };
}

function capexDepreciationChart(m: CompanyModel): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: m.years.map((y) => `FY${y.fiscalYear}`),
      datasets: [
        { type: 'bar', label: 'AI capex', data: m.years.map((y) => wholeUsd(y.aiCapexUsd)), backgroundColor: COLORS.aiCapex, order: 2 },
        { type: 'line', label: 'Depreciation', data: m.years.map((y) => wholeUsd(y.depreciationUsd)), borderColor: COLORS.depreciation, backgroundColor: COLORS.depreciation, order: 1 },
      ],
    },
    options: { meta: { yFormat: 'money' } },
  };
}

function tornadoChart(bars: TornadoBar[], baseNpv: number): ChartConfig {
  return {
    type: 'bar',
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        { label: 'Low value: NPV change', data: bars.map((b) => wholeUsd(b.npvLowUsd - baseNpv)), backgroundColor: COLORS.low, stack: 's' },
        { label: 'High value: NPV change', data: bars.map((b) => wholeUsd(b.npvHighUsd - baseNpv)), backgroundColor: COLORS.high, stack: 's' },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { stacked: true }, y: { stacked: true } }, meta: { xFormat: 'money' } },
  };
}

function monteCarloTable(mc: CompanyMonteCarlo): ReportTable {
  return {
    name: 'monte-carlo',
    title: 'Monte Carlo: NPV, IRR and payback under uncertainty',
    columns: [
      { key: 'trials', label: 'Trials', format: 'integer' },
      { key: 'seed', label: 'Seed', format: 'text' },
      { key: 'npv_mean_usd', label: 'NPV mean', format: 'money' },
      { key: 'npv_sd_usd', label: 'NPV sd', format: 'money' },
      { key: 'npv_p10_usd', label: 'NPV P10', format: 'money' },
      { key: 'npv_p50_usd', label: 'NPV P50', format: 'money' },
      { key: 'npv_p90_usd', label: 'NPV P90', format: 'money' },
      { key: 'p_npv_positive_fraction', label: 'P(NPV > 0)', format: 'percent' },
      { key: 'irr_mean_fraction', label: 'IRR mean', format: 'percent' },
      { key: 'irr_p10_fraction', label: 'IRR P10', format: 'percent' },
      { key: 'irr_p50_fraction', label: 'IRR P50', format: 'percent' },
      { key: 'irr_p90_fraction', label: 'IRR P90', format: 'percent' },
      { key: 'trials_without_irr', label: 'Trials without one IRR', format: 'integer' },
      { key: 'payback_p10_years', label: 'Payback P10', format: 'years' },
      { key: 'payback_p50_years', label: 'Payback P50', format: 'years' },
      { key: 'payback_p90_years', label: 'Payback P90', format: 'years' },
      { key: 'horizon_years', label: 'Horizon (years)', format: 'integer' },
      { key: 'p_payback_within_horizon_fraction', label: 'P(payback ≤ horizon)', format: 'percent' },
      { key: 'excluded_trials', label: 'Trials with no answer', format: 'integer' },
    ],
    rows: [[
      mc.trials, mc.seed, mc.npv.mean, mc.npv.sd, mc.npv.p10, mc.npv.p50, mc.npv.p90, mc.probNpvPositive,
      mc.irr.mean, mc.irr.p10, mc.irr.p50, mc.irr.p90, mc.trialsWithoutIrr,
      mc.payback.p10, mc.payback.p50, mc.payback.p90, mc.horizonYears, mc.probPaybackWithinHorizon, mc.excludedTrials,
    ]],
    note: 'Growth ~ normal, margin ~ triangular, AI share of capex ~ uniform, WACC ~ normal around the scenario, spreads as in the assumptions; a blank payback percentile means not within the horizon.',
  };
}

/** Histogram of NPV over the trials: bars at bin centres on a money axis, red below zero, green above. */
export function npvHistogramChart(mc: CompanyMonteCarlo): ChartConfig {
  const { binStartsUsd, binWidthUsd, counts } = mc.histogram;
  const centres = binStartsUsd.map((start) => start + binWidthUsd / 2);
  return {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{
        label: 'Trials',
        data: centres.map((x, k) => ({ x: wholeUsd(x), y: counts[k] ?? 0 })),
        backgroundColor: centres.map((x) => (x < 0 ? COLORS.low : COLORS.high)),
        barPercentage: 1,
        categoryPercentage: 1,
      }],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { x: { type: 'linear', title: { display: true, text: 'NPV at WACC (bin centre)' } }, y: { beginAtZero: true, title: { display: true, text: 'Trials' } } },
      meta: { xFormat: 'money', yFormat: 'number' },
    },
  };
}

function sectionFor(company: string, index: number, rows: Row[], a: Assumptions, opts: ModelOptions): CompanySection | null {
  const plan = planCompany(company, rows, a, opts);
  if (!plan) return null;
  const model = modelFromPlan(plan, a);
  const slug = slugify(company, index);
  // The lens and valuation read amounts straight from the data (USD) and are converted at the
  // rate of their own fiscal year.
  const usd: Assumptions = { ...a, reportingCurrency: 'USD' };
  const rateOf: RateOf = (fiscalYear) => fxRateAt(a, fiscalYear - model.firstYear);
  const lensUsd = depreciationLens(company, rows, usd, opts);
  const lens = lensUsd && convertLens(lensUsd, rateOf(lensUsd.fiscalYear));
  const valUsd = valuation(rows, usd);
  const val = valUsd && convertValuation(valUsd, rateOf(valUsd.fiscalYear));
  const tornado = npvTornado(company, rows, a, opts);
  const mc = companyMonteCarlo(plan, a);
  const tables: CompanySection['tables'] = {
    comparison: null,
    capex: capexTable(rows, rateOf),
    'cash-flows': cashFlowTable(model),
    vintages: vintageTable(model),
    lens: lens ? lensTable(lens) : null,
    multiples: val ? multiplesTable(val) : null,
    'price-grid': val ? gridTable(val) : null,
    tornado: tornadoTable(tornado, model.npvUsd),
    'monte-carlo': monteCarloTable(mc),
  };
  for (const name of TABLE_NAMES) {
    const t = tables[name];
    if (t) tables[name] = currencyTable(t, a.reportingCurrency);
  }
  const midPe = PE_COLUMNS[Math.floor(PE_COLUMNS.length / 2)];
  const midRow = val?.grid ? Math.floor(val.grid.length / 2) : -1;
  const grid = val?.grid
    ? {
        columns: [...PE_COLUMNS],
        rows: val.grid.map((g, i) => ({
          growth: g.growth,
          base: i === midRow,
          cells: g.pricesUsd.map((p, j) => ({ priceUsd: p, vsToday: g.vsToday[j] ?? null, base: i === midRow && PE_COLUMNS[j] === midPe })),
        })),
      }
    : null;
  const charts: ReportChart[] = [
    { id: `chart-${slug}-capex`, title: 'Capex by year', config: capexChart(rows, rateOf) },
    { id: `chart-${slug}-cumulative`, title: 'Cumulative cash flow and payback', config: cumulativeChart(model) },
    { id: `chart-${slug}-capex-depreciation`, title: 'AI capex against depreciation', config: capexDepreciationChart(model) },
  ];
  if (tornado.length) charts.push({ id: `chart-${slug}-tornado`, title: 'NPV swings (tornado)', config: tornadoChart(tornado, model.npvUsd) });
  if (mc.histogram.counts.length) charts.push({ id: `chart-${slug}-monte-carlo`, title: `NPV over ${mc.trials.toLocaleString('en-US')} Monte Carlo trials`, config: npvHistogramChart(mc) });
  if (a.reportingCurrency !== 'USD') for (const c of charts) c.config.options.meta.currency = a.reportingCurrency;
  return {
    company,
    slug,
    ticker: model.ticker,
    currency: a.reportingCurrency,
    model,
    monteCarlo: mc,
    lens,
    valuation: val,
    tornado,
    tables,
    grid,
    charts,
    summary: companySummary(model, lens, val, a, mc),
  };
}

/** Stacks each company's table under a leading company column, over the union of columns. */
function combine(name: TableName, sections: CompanySection[]): ReportTable {
  const parts = sections.map((s) => ({ company: s.company, table: s.tables[name] })).filter((p): p is { company: string; table: ReportTable } => p.table !== null);
  const columns: Column[] = [{ key: 'company', label: 'Company', format: 'text' }];
  const seen = new Set(['company']);
  for (const p of parts) for (const c of p.table.columns) if (!seen.has(c.key)) { seen.add(c.key); columns.push(c); }
  const rows: Cell[][] = [];
  for (const p of parts) {
    const index = new Map(p.table.columns.map((c, i) => [c.key, i]));
    for (const r of p.table.rows) rows.push(columns.map((c) => (c.key === 'company' ? p.company : (r[index.get(c.key) ?? -1] ?? null))));
  }
  return { name, title: parts[0]?.table.title ?? name, columns, rows };
}

/**
 * Builds the whole report for a company dataset under resolved assumptions.
 * @example buildCompanyReport('Hyperscalers', rows, parseAssumptions({})).sections.length
 */
export function buildCompanyReport(datasetName: string, rows: Row[], parsed: Pick<ParsedAssumptions, 'values' | 'sources'>): CompanyReport {
  const sections: CompanySection[] = [];
  const data = rowsInUsd(rows, parsed.values);
  const skipped: string[] = [...data.skipped];
  const dataNotes = data.converted.length
    ? [`Amounts of ${data.converted.join(', ')} are in KRW in the data; the model converts them at ${parsed.values.fxKrwPerUsd} KRW per USD${parsed.values.fxDriftPerYear ? `, drifting ${parsed.values.fxDriftPerYear * 100}% a year` : ''} (the FX assumptions).`]
    : [];
  let i = 0;
  // A useful life the user (or a saved scenario) chose applies to every vintage; the default
  // gives way to the data's useful_life_years.
  const opts: ModelOptions = { lifeFromData: parsed.sources.gpuUsefulLifeYears === 'default' };
  for (const [company, companyRows] of groupByCompany(data.rows)) {
    const s = sectionFor(company, i++, companyRows, parsed.values, opts);
    if (s) sections.push(s);
    else skipped.push(`${company}: no capex in the data`);
  }
  const tables = {} as Record<TableName, ReportTable>;
  for (const name of TABLE_NAMES) tables[name] = name === 'comparison' ? currencyTable(comparisonTable(sections), parsed.values.reportingCurrency) : combine(name, sections);
  return { datasetName, currency: parsed.values.reportingCurrency, assumptions: parsed, sections, tables, summary: overallSummary(sections.map((s) => s.model), parsed.values), skipped, dataNotes };
}

/** The report as its JSON twin: assumptions with sources, summary, every table as records. */
export function reportJson(report: CompanyReport): Record<string, unknown> {
  return {
    dataset: report.datasetName,
    currency: report.currency,
    assumptions: assumptionLines(report.assumptions).map(([key, value, source]) => ({ key, value, source })),
    summary: report.summary,
    companies: report.sections.map((s) => ({
      company: s.company,
      ticker: s.ticker,
      summary: s.summary,
      npvUsd: s.model.npvUsd,
      irr: s.model.irr,
      roiFraction: s.model.roi,
      paybackYears: s.model.paybackYears,
      discountedPaybackYears: s.model.discountedPaybackYears,
      breakEvenAiRevenueUsd: s.model.breakEvenAiRevenueUsd,
      monteCarlo: s.monteCarlo,
      notes: s.model.notes,
    })),
    tables: Object.fromEntries(
      TABLE_NAMES.map((n) => [n, { columns: report.tables[n].columns.map((c) => c.key), rows: report.tables[n].rows }]),
    ),
    skipped: report.skipped,
    dataNotes: report.dataNotes,
  };
}
