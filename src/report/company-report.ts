/**
 * The company report model: per company, capex history, the AI investment model on vintages of
 * capacity, the GPU depreciation lens, valuation-multiple sensitivity and a tornado of NPV swings;
 * across companies a comparison table valued at one date and the unit economics of one dollar of
 * AI capex; a plain-language summary generated from the numbers. Tables are ReportTables so the
 * page, its CSV twin and its JSON twin hold the same numbers. The report is plain data.
 */
import { cagr, type UnitEconomics } from '../finance';
import type { Row } from '../store/types';
import { assumptionLines, type Assumptions, type ParsedAssumptions, type ReportingCurrency } from './assumptions';
import { COLORS, type ChartConfig } from './charts';
import { rowsInUsd } from './data-currency';
import { companyYears, fxRateAt, groupByCompany, modelFromPlan, num, planCompany, scenarioUnitEconomics, type CompanyModel, type CompanyPlan, type IrrResult, type ModelOptions } from './company-model';
import { partialQuarters } from './company-rows';
import { convertLens, convertValuation, currencyTable } from './currency';
import { companyMonteCarlo, MC_TRIALS_PER_REPORT, trialsPerCompany, type CompanyMonteCarlo } from './monte-carlo';
import { depreciationLens, type DepreciationLens } from './depreciation-lens';
import type { Cell, Column, ReportTable } from './table';
import { npvTornado, tornadoChart, type TornadoBar } from './tornado';
import { valuation, type Valuation } from './valuation';
import { companySummary, overallSummary } from './summary';
import { withMetricColumns, type MetricDefinition } from './metrics';
import { convergenceChart, varianceTornadoChart } from './mc-charts';
import type { McInputs } from './mc-inputs';
import { textIn, type Lang } from '../i18n';
import type { WonStyle } from './number-text';
import { assumptionLabel, unitWord, wordOf } from './company-text';

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

export const TABLE_NAMES = ['comparison', 'unit-economics', 'capex', 'cash-flows', 'vintages', 'lens', 'multiples', 'price-grid', 'tornado', 'monte-carlo'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface CompanyReport {
  datasetName: string;
  /** The language its titles, notes, chart labels and summaries are written in. */
  lang: Lang;
  /** Currency of every amount of the report (USD unless the assumptions choose KRW). */
  currency: ReportingCurrency;
  assumptions: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number> };
  /** Every company's flows are discounted to this date (YYYY-MM-DD), and where it came from. */
  valuationDate: string;
  valuationDateSource: 'user' | 'data';
  /** One dollar of AI capex under the scenario. */
  unit: UnitEconomics;
  sections: CompanySection[];
  /** Every table over all companies, company first (CSV and JSON twins). */
  tables: Record<TableName, ReportTable>;
  summary: string[];
  /** Companies left out (no capex, a currency that cannot be converted), with why. */
  skipped: string[];
  /** Notes on the data as a whole, e.g. which companies' KRW amounts were converted and at what rate. */
  dataNotes: string[];
}

/** A message of the report in its language (`company.<key>`). */
type Text = (key: string, vars?: Record<string, unknown>) => string;

/** A column: its key stays English (an API); its label is `company.col.<labelKey>` in the report's language. */
function col(t: Text, key: string, format: Column['format'], labelKey = key): Column {
  return { key, label: t(`company.col.${labelKey}`), format };
}

/** Messages with `{{unit}}` ("1달러", "1원": one unit of the report's currency) filled in. */
function withUnit(lang: Lang, currency: ReportingCurrency): Text {
  const t = textIn(lang);
  const unit = unitWord(lang, currency);
  return (key, vars = {}) => t(key, { unit, ...vars });
}

/** An IRR's kind as the comparison table shows it: the kind itself in English, words in Korean. */
const irrStatus = (r: IrrResult, lang: Lang): string => wordOf(lang, 'irr', r.kind);
const irrRate = (r: IrrResult): number | null => (r.kind === 'ok' ? r.rate : null);

/** A readable, stable id from a company name (for canvas ids and anchors). */
export function slugify(name: string, index: number): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `c${index}-${base || 'company'}`;
}

/** Rate of a fiscal year (from the data's USD to the reporting currency). */
type RateOf = (fiscalYear: number) => number;

/** A year's basis as tables show it: `guidance`, `reported, partial (3 of 4 quarters)`… */
export function basisText(basis: string, quarters: number | null, counted = true, lang: Lang = 'en'): string {
  const t = textIn(lang);
  const word = wordOf(lang, 'basis', basis);
  const head = counted ? word : t('company.basis.leftOut', { basis: word });
  return quarters === null ? head : t('company.basis.partial', { basis: head, quarters });
}

function capexTable(rows: Row[], rateOf: RateOf, includeGuidance: boolean, lang: Lang): ReportTable {
  const t = textIn(lang);
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
    const basis = String(r.basis ?? 'reported');
    out.push([y, basisText(basis, partialQuarters(r), includeGuidance || basis !== 'guidance', lang), capex, yoy, growth]);
    prev = capex;
  }
  return {
    name: 'capex',
    title: t('company.table.capex'),
    columns: [
      col(t, 'fiscal_year', 'text'),
      col(t, 'basis', 'text'),
      col(t, 'capex_usd', 'money'),
      col(t, 'yoy_growth_fraction', 'percent'),
      col(t, 'cagr_since_first_year_fraction', 'percent'),
    ],
    rows: out,
    note: t(includeGuidance ? 'company.note.capexCounted' : 'company.note.capexLeftOut'),
  };
}

/** Columns of the cash-flow table in a language: what a custom metric's formula may read (metric.<name>=). */
export function cashFlowColumns(lang: Lang): Column[] {
  const t = textIn(lang);
  return [
  col(t, 'fiscal_year', 'text'),
  col(t, 'fiscal_year_end', 'text'),
  col(t, 'basis', 'text'),
  col(t, 'ai_capex_usd', 'money'),
  col(t, 'compute_capex_usd', 'money'),
  col(t, 'depreciation_usd', 'money'),
  col(t, 'net_book_value_usd', 'money'),
  col(t, 'ai_revenue_usd', 'money'),
  col(t, 'ai_revenue_basis', 'text'),
  col(t, 'break_even_ai_revenue_usd', 'money'),
  col(t, 'power_mw', 'number'),
  col(t, 'power_mw_basis', 'text'),
  col(t, 'power_cost_usd', 'money'),
  col(t, 'ai_ebitda_usd', 'money'),
  col(t, 'nopat_usd', 'money'),
  col(t, 'salvage_usd', 'money'),
  col(t, 'terminal_value_usd', 'money'),
  col(t, 'fcf_usd', 'money'),
  col(t, 'cumulative_fcf_usd', 'money'),
  col(t, 'years_from_valuation_date', 'number'),
  col(t, 'discounted_fcf_usd', 'money'),
  col(t, 'cumulative_discounted_fcf_usd', 'money'),
  col(t, 'roic_fraction', 'percent'),
  ];
}

/** The cash-flow table's columns with their English labels (their keys are what metrics read). */
export const CASH_FLOW_COLUMNS: readonly Column[] = cashFlowColumns('en');

function cashFlowTable(m: CompanyModel, lang: Lang): ReportTable {
  const t = textIn(lang);
  const after = m.capacityAfterData === 'run-off' ? t('company.note.cashFlowsRunOff', { lastData: m.lastDataYear, last: m.lastYear }) : t('company.note.cashFlowsSustain');
  return {
    name: 'cash-flows',
    title: t('company.table.cashFlows'),
    columns: lang === 'en' ? [...CASH_FLOW_COLUMNS] : cashFlowColumns(lang),
    note: `${t('company.note.cashFlows', { date: m.valuationDate })} ${after}`,
    rows: m.years.map((y) => [
      y.fiscalYear, y.date, basisText(y.basis, y.partialQuarters, true, lang), y.aiCapexUsd, y.computeCapexUsd, y.depreciationUsd, y.netBookValueUsd, y.aiRevenueUsd, wordOf(lang, 'revenueBasis', y.aiRevenueBasis),
      y.breakEvenAiRevenueUsd, y.powerMw, wordOf(lang, 'powerBasis', y.powerMwBasis), y.powerCostUsd, y.aiEbitdaUsd, y.nopatUsd, y.salvageUsd, y.terminalValueUsd, y.fcfUsd, y.cumulativeFcfUsd,
      y.yearsFromValuation, y.discountedFcfUsd, y.cumulativeDiscountedFcfUsd, y.roic,
    ]),
  };
}

/** One dollar of AI capex under the scenario, by year of service (report-wide, not per company). */
function unitTable(u: UnitEconomics, a: Assumptions, lang: Lang): ReportTable {
  const t = withUnit(lang, a.reportingCurrency);
  const be = u.breakEvenRevenueYield;
  const irr = u.irr.kind === 'ok' ? t('company.note.unitIrr', { rate: (u.irr.rate * 100).toFixed(1) }) : t('company.note.unitIrrNone', { kind: wordOf(lang, 'irr', u.irr.kind) });
  const payback = u.paybackYears === null ? t('company.note.unitNoPayback') : t('company.note.unitPayback', { years: u.paybackYears.toFixed(1) });
  const breakEven = be === null ? t('company.note.unitNoBreakEven') : t('company.note.unitBreakEven', { yield: be.toFixed(2) });
  return {
    name: 'unit-economics',
    title: t('company.table.unit'),
    columns: [
      col(t, 'year_of_service', 'text'),
      col(t, 'ai_revenue_usd_per_usd', 'number'),
      col(t, 'power_cost_usd_per_usd', 'number'),
      col(t, 'ai_ebitda_usd_per_usd', 'number'),
      col(t, 'depreciation_usd_per_usd', 'number'),
      col(t, 'nopat_usd_per_usd', 'number'),
      col(t, 'salvage_usd_per_usd', 'number'),
      col(t, 'fcf_usd_per_usd', 'number'),
    ],
    rows: u.flows.map((f, k) => [k + 1, u.revenue[k] ?? 0, u.powerCost[k] ?? 0, u.ebitda[k] ?? 0, u.depreciation[k] ?? 0, u.nopat[k] ?? 0, u.salvage[k] ?? 0, f]),
    note: t('company.note.unit', {
      life: a.gpuUsefulLifeYears, compute: a.computeShare * 100, facilityLife: a.facilityLifeYears, npv: u.npvPerUsd.toFixed(3), wacc: a.wacc * 100,
      irr, payback, breakEven, scenario: a.aiRevenueToCapex.toFixed(2),
    }),
  };
}

function vintageTable(m: CompanyModel, lang: Lang): ReportTable {
  const t = textIn(lang);
  const years = m.years.map((y) => y.fiscalYear);
  return {
    name: 'vintages',
    title: t('company.table.vintages'),
    columns: [
      col(t, 'vintage_fiscal_year', 'text'),
      col(t, 'vintage_kind', 'text'),
      col(t, 'ai_capex_usd', 'money'),
      col(t, 'compute_usd', 'money'),
      col(t, 'facilities_usd', 'money'),
      col(t, 'useful_life_years', 'number'),
      col(t, 'last_service_fiscal_year', 'text'),
      ...years.map((y): Column => ({ key: `depreciation_fy${y}_usd`, label: `FY${y}`, format: 'money' })),
    ],
    rows: m.vintages.map((v) => [v.fiscalYear, wordOf(lang, 'vintageKind', v.kind), v.aiCapexUsd, v.computeUsd, v.facilitiesUsd, v.usefulLifeYears, v.lastServiceYear, ...v.depreciationUsd]),
    note: t('company.note.vintages'),
  };
}

function lensTable(l: DepreciationLens, lang: Lang): ReportTable {
  const t = textIn(lang);
  return {
    name: 'lens',
    title: t('company.table.lens', { year: l.fiscalYear }),
    columns: [
      col(t, 'useful_life_years', 'text'),
      col(t, 'ai_depreciation_usd', 'money'),
      col(t, 'depreciation_change_usd', 'money'),
      col(t, 'operating_income_usd', 'money'),
      col(t, 'net_income_usd', 'money'),
      col(t, 'eps_usd_per_share', 'money'),
      col(t, 'eps_change_fraction', 'percent'),
      col(t, 'ai_roic_fraction', 'percent'),
    ],
    rows: l.rows.map((r) => [r.usefulLifeYears, r.depreciationUsd, r.depreciationChangeUsd, r.operatingIncomeUsd, r.netIncomeUsd, r.epsUsd, r.epsChange, r.aiRoic]),
    note: t('company.note.lens', { year: l.fiscalYear, life: l.referenceLifeYears }),
  };
}

function multiplesTable(v: Valuation, lang: Lang): ReportTable {
  const t = textIn(lang);
  return {
    name: 'multiples',
    title: t('company.table.multiples', { year: v.fiscalYear }),
    columns: [
      col(t, 'fiscal_year', 'text'),
      col(t, 'share_price_usd', 'money'),
      col(t, 'share_price_date', 'text'),
      col(t, 'shares_outstanding', 'number'),
      col(t, 'market_cap_usd', 'money'),
      col(t, 'net_debt_usd', 'money'),
      col(t, 'enterprise_value_usd', 'money'),
      col(t, 'eps_usd_per_share', 'money'),
      col(t, 'pe_multiple', 'multiple'),
      col(t, 'ev_sales_multiple', 'multiple'),
      col(t, 'ev_ebitda_multiple', 'multiple'),
      col(t, 'target_pe_multiple', 'multiple'),
      col(t, 'compression_drawdown_fraction', 'percent'),
      col(t, 'price_at_target_pe_usd', 'money'),
      col(t, 'ai_revenue_to_justify_market_cap_usd', 'money'),
    ],
    rows: [[
      v.fiscalYear, v.sharePriceUsd, v.sharePriceDate === 'typed' ? t('company.value.typed') : v.sharePriceDate, v.sharesOutstanding, v.marketCapUsd, v.netDebtUsd, v.enterpriseValueUsd, v.epsUsd, v.pe,
      v.evSales, v.evEbitda, v.compression?.toPe ?? null, v.compression?.drawdown ?? null, v.compression?.priceAfterUsd ?? null, v.aiRevenueToJustifyUsd,
    ]],
    note: [
      t(v.priceSource === 'user' ? 'company.note.multiplesTyped' : 'company.note.multiples', { year: v.fiscalYear }),
      v.netDebtFromData ? '' : t('company.note.noNetDebt'),
    ].filter(Boolean).join(' '),
  };
}

function gridTable(v: Valuation, lang: Lang): ReportTable | null {
  if (!v.grid) return null;
  const t = textIn(lang);
  return {
    name: 'price-grid',
    title: t('company.table.grid'),
    columns: [
      col(t, 'eps_growth_fraction', 'percent'),
      ...v.peColumns.map((pe): Column => ({ key: `price_at_pe_${pe}x_usd`, label: `${pe}×`, format: 'money' })),
    ],
    rows: v.grid.map((g) => [g.growth, ...g.pricesUsd]),
    note: t('company.note.grid', { pe: v.compression?.toPe ?? '' }),
  };
}

function tornadoTable(bars: TornadoBar[], baseNpv: number, lang: Lang): ReportTable {
  const t = textIn(lang);
  return {
    name: 'tornado',
    title: t('company.table.tornado'),
    columns: [
      col(t, 'assumption', 'text'),
      col(t, 'label', 'text'),
      col(t, 'low_value', 'number'),
      col(t, 'high_value', 'number'),
      col(t, 'npv_low_usd', 'money'),
      col(t, 'npv_high_usd', 'money'),
      col(t, 'swing_usd', 'money'),
    ],
    rows: bars.map((b) => [b.key, b.label, b.low, b.high, b.npvLowUsd, b.npvHighUsd, Math.abs(b.npvHighUsd - b.npvLowUsd)]),
    note: t(baseNpv < 0 ? 'company.note.tornadoNegative' : 'company.note.tornadoPositive'),
  };
}

function comparisonTable(sections: CompanySection[], valuationDate: string, unit: UnitEconomics, a: Assumptions, lang: Lang): ReportTable {
  const t = withUnit(lang, a.reportingCurrency);
  const includes = a.includeGuidance !== 'false';
  const guidance = (m: CompanyModel): string =>
    m.guidanceYears.length ? t('company.value.guidanceCounted', { years: m.guidanceYears.map((y) => `FY${y}`).join(', ') })
      : m.excludedGuidanceYears.length ? t('company.value.guidanceLeftOut', { years: m.excludedGuidanceYears.map((y) => `FY${y}`).join(', ') })
        : t('company.value.noGuidance');
  return {
    name: 'comparison',
    title: t('company.table.comparison'),
    columns: [
      col(t, 'company', 'text'),
      col(t, 'first_fiscal_year', 'text'),
      col(t, 'last_capex_fiscal_year', 'text'),
      col(t, 'includes_guidance', 'text'),
      col(t, 'total_ai_capex_usd', 'money'),
      col(t, 'valuation_date', 'text'),
      col(t, 'npv_usd', 'money'),
      col(t, 'irr_fraction', 'percent'),
      col(t, 'irr_status', 'text'),
      col(t, 'roi_fraction', 'percent'),
      col(t, 'payback_years', 'years'),
      col(t, 'discounted_payback_years', 'years'),
      col(t, 'break_even_ai_revenue_usd', 'money', 'break_even_ai_revenue_usd_per_year'),
      col(t, 'pe_multiple', 'multiple'),
      col(t, 'mc_npv_p50_usd', 'money'),
      col(t, 'mc_p_npv_positive_fraction', 'percent'),
      col(t, 'revenue_yield', 'number'),
      col(t, 'break_even_revenue_yield', 'number'),
      col(t, 'unit_npv_per_usd', 'number'),
      col(t, 'unit_irr_fraction', 'percent'),
      col(t, 'unit_payback_years', 'years'),
    ],
    rows: sections.map((s) => [
      s.company, s.model.firstYear, s.model.lastDataYear,
      guidance(s.model),
      s.model.totalAiCapexUsd, valuationDate, s.model.npvUsd, irrRate(s.model.irr), irrStatus(s.model.irr, lang),
      s.model.roi, s.model.paybackYears, s.model.discountedPaybackYears, s.model.breakEvenAiRevenueUsd, s.valuation?.pe ?? null,
      s.monteCarlo.npv.p50, s.monteCarlo.probNpvPositive,
      a.aiRevenueToCapex, unit.breakEvenRevenueYield, unit.npvPerUsd, irrRate(unit.irr), unit.paybackYears,
    ]),
    note: t(includes ? 'company.note.comparisonGuidanceCounted' : 'company.note.comparisonGuidanceLeftOut', { date: valuationDate }),
  };
}

/** Chart points to whole dollars: plenty for a picture, and a much smaller page. */
function wholeUsd(usd: number): number {
  return Math.round(usd);
}

/** Guidance (and partial) years are drawn lighter, with their own legend entry. */
const GUIDANCE_COLOR = '#c9d1e3';
const PARTIAL_COLOR = '#9aa8c7';

function capexChart(rows: Row[], rateOf: RateOf, t: Text): ChartConfig {
  const byYear = [...companyYears(rows).entries()].filter(([, r]) => num(r.capex) !== null);
  const kind = (r: Row) => (String(r.basis ?? 'reported') === 'guidance' ? 'guidance' : partialQuarters(r) !== null ? 'partial' : 'reported');
  const series = (k: string, label: string, color: string): ChartConfig['data']['datasets'][number] => ({
    label,
    data: byYear.map(([y, r]) => (kind(r) === k ? wholeUsd(Math.abs(num(r.capex) as number) * rateOf(y)) : null)),
    backgroundColor: color,
    stack: 'capex',
  });
  const datasets = [series('reported', t('company.legend.capexReported'), COLORS.capex)];
  if (byYear.some(([, r]) => kind(r) === 'guidance')) datasets.push(series('guidance', t('company.legend.capexGuidance'), GUIDANCE_COLOR));
  if (byYear.some(([, r]) => kind(r) === 'partial')) datasets.push(series('partial', t('company.legend.capexPartial'), PARTIAL_COLOR));
  return {
    type: 'bar',
    data: { labels: byYear.map(([y]) => `FY${y}`), datasets },
    options: { scales: { x: { stacked: true }, y: { stacked: true } }, meta: { yFormat: 'money' } },
  };
}

function cumulativeChart(m: CompanyModel, t: Text): ChartConfig {
  const points = (f: (i: number) => number) => m.years.map((_, t) => ({ x: t, y: wholeUsd(f(t)) }));
  const datasets: ChartConfig['data']['datasets'] = [
    { type: 'line', label: t('company.legend.cumulativeFcf'), data: points((t) => m.years[t]?.cumulativeFcfUsd ?? 0), borderColor: COLORS.cash, backgroundColor: COLORS.cash, pointRadius: 2 },
    { type: 'line', label: t('company.legend.cumulativeDiscounted'), data: points((t) => m.years[t]?.cumulativeDiscountedFcfUsd ?? 0), borderColor: COLORS.discounted, backgroundColor: COLORS.discounted, pointRadius: 2 },
  ];
  if (m.paybackYears !== null) {
    datasets.push({ type: 'scatter', label: t('company.legend.payback', { years: m.paybackYears.toFixed(1) }), data: [{ x: m.paybackYears, y: 0 }], backgroundColor: COLORS.marker, pointRadius: 7, pointStyle: 'rectRot' });
  }
  return {
    type: 'scatter',
    data: { labels: [], datasets },
    options: {
      scales: { x: { title: { display: true, text: t('company.axis.yearsFrom', { year: m.firstYear }) } } },
      meta: { yFormat: 'money', xFormat: 'number' },
    },
  };
}

function capexDepreciationChart(m: CompanyModel, t: Text): ChartConfig {
  const datasets: ChartConfig['data']['datasets'] = [
    { type: 'bar', label: t('company.legend.aiCapex'), data: m.years.map((y) => (y.basis === 'guidance' ? null : wholeUsd(y.aiCapexUsd))), backgroundColor: COLORS.aiCapex, order: 2, stack: 'capex' },
  ];
  if (m.guidanceYears.length) {
    datasets.push({ type: 'bar', label: t('company.legend.aiCapexGuidance'), data: m.years.map((y) => (y.basis === 'guidance' ? wholeUsd(y.aiCapexUsd) : null)), backgroundColor: GUIDANCE_COLOR, order: 2, stack: 'capex' });
  }
  datasets.push(
    { type: 'line', label: t('company.legend.aiRevenue'), data: m.years.map((y) => wholeUsd(y.aiRevenueUsd)), borderColor: COLORS.cash, backgroundColor: COLORS.cash, order: 1 },
    { type: 'line', label: t('company.legend.depreciation'), data: m.years.map((y) => wholeUsd(y.depreciationUsd)), borderColor: COLORS.depreciation, backgroundColor: COLORS.depreciation, order: 1 },
  );
  return {
    type: 'bar',
    data: { labels: m.years.map((y) => `FY${y.fiscalYear}`), datasets },
    options: { scales: { x: { stacked: true } }, meta: { yFormat: 'money' } },
  };
}

function monteCarloTable(mc: CompanyMonteCarlo, lang: Lang): ReportTable {
  const t = textIn(lang);
  return {
    name: 'monte-carlo',
    title: t('company.table.monteCarlo'),
    columns: [
      col(t, 'trials', 'integer'),
      col(t, 'seed', 'text'),
      col(t, 'npv_mean_usd', 'money'),
      col(t, 'npv_sd_usd', 'money'),
      col(t, 'npv_p10_usd', 'money'),
      col(t, 'npv_p50_usd', 'money'),
      col(t, 'npv_p90_usd', 'money'),
      col(t, 'p_npv_positive_fraction', 'percent'),
      col(t, 'irr_mean_fraction', 'percent'),
      col(t, 'irr_p10_fraction', 'percent'),
      col(t, 'irr_p50_fraction', 'percent'),
      col(t, 'irr_p90_fraction', 'percent'),
      col(t, 'trials_without_irr', 'integer'),
      col(t, 'payback_p10_years', 'years'),
      col(t, 'payback_p50_years', 'years'),
      col(t, 'payback_p90_years', 'years'),
      col(t, 'horizon_years', 'integer'),
      col(t, 'p_payback_within_horizon_fraction', 'percent'),
      col(t, 'excluded_trials', 'integer'),
      col(t, 'npv_p5_usd', 'money'),
      col(t, 'npv_p95_usd', 'money'),
      col(t, 'irr_p5_fraction', 'percent'),
      col(t, 'irr_p95_fraction', 'percent'),
      col(t, 'payback_p5_years', 'years'),
      col(t, 'payback_p95_years', 'years'),
      col(t, 'inputs', 'text'),
      col(t, 'rank_correlations', 'text'),
    ],
    rows: [[
      mc.trials, mc.seed, mc.npv.mean, mc.npv.sd, mc.npv.p10, mc.npv.p50, mc.npv.p90, mc.probNpvPositive,
      mc.irr.mean, mc.irr.p10, mc.irr.p50, mc.irr.p90, mc.trialsWithoutIrr,
      mc.payback.p10, mc.payback.p50, mc.payback.p90, mc.horizonYears, mc.probPaybackWithinHorizon, mc.excludedTrials,
      mc.npv.p5, mc.npv.p95, mc.irr.p5, mc.irr.p95, mc.paybackTails.p5, mc.paybackTails.p95,
      mc.inputs.map((x) => `${x.name} ~ ${x.distribution}${x.chosen ? ` ${t('company.value.yours')}` : ''}`).join('; '),
      mc.correlations.map((c) => `${c.a}–${c.b} ${c.target} → ${c.achieved.toFixed(3)}`).join('; '),
    ]],
    note: t('company.note.monteCarlo'),
  };
}

/** Histogram of NPV over the trials: bars at bin centres on a money axis, red below zero, green above. */
export function npvHistogramChart(mc: CompanyMonteCarlo, lang: Lang = 'en'): ChartConfig {
  const t = textIn(lang);
  const { binStartsUsd, binWidthUsd, counts } = mc.histogram;
  const centres = binStartsUsd.map((start) => start + binWidthUsd / 2);
  return {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{
        label: t('company.axis.trials'),
        data: centres.map((x, k) => ({ x: wholeUsd(x), y: counts[k] ?? 0 })),
        backgroundColor: centres.map((x) => (x < 0 ? COLORS.low : COLORS.high)),
        barPercentage: 1,
        categoryPercentage: 1,
      }],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { x: { type: 'linear', title: { display: true, text: t('company.axis.npvBin') } }, y: { beginAtZero: true, title: { display: true, text: t('company.axis.trials') } } },
      meta: { xFormat: 'money', yFormat: 'number' },
    },
  };
}

function sectionFor(
  company: string,
  index: number,
  rows: Row[],
  a: Assumptions,
  opts: ModelOptions,
  plan: CompanyPlan,
  valuationDate: string,
  unit: UnitEconomics,
  prices: Record<string, number>,
  mcTrials: number,
  mcInputs?: Pick<McInputs, 'distributions' | 'correlations'>,
  lang: Lang = 'en',
  won: WonStyle = 'exact',
): CompanySection {
  const t = textIn(lang);
  const model = modelFromPlan(plan, a, valuationDate, unit);
  const slug = slugify(company, index);
  // The lens and valuation read amounts straight from the data (USD) and are converted at the
  // rate of their own fiscal year.
  const usd: Assumptions = { ...a, reportingCurrency: 'USD' };
  const rateOf: RateOf = (fiscalYear) => fxRateAt(a, fiscalYear - model.firstYear);
  const lensUsd = depreciationLens(company, rows, usd, opts);
  const lens = lensUsd && convertLens(lensUsd, rateOf(lensUsd.fiscalYear));
  const typed = model.ticker ? (prices[model.ticker.toUpperCase()] ?? null) : null;
  const valUsd = valuation(rows, usd, typed);
  const val = valUsd && convertValuation(valUsd, rateOf(valUsd.fiscalYear));
  const tornado = npvTornado(company, rows, a, { ...opts, valuationDate }, lang);
  const mc = companyMonteCarlo(plan, mcTrials === a.mcTrials ? a : { ...a, mcTrials }, valuationDate, mcInputs);
  const tables: CompanySection['tables'] = {
    comparison: null,
    'unit-economics': null,
    capex: capexTable(rows, rateOf, a.includeGuidance !== 'false', lang),
    'cash-flows': cashFlowTable(model, lang),
    vintages: vintageTable(model, lang),
    lens: lens ? lensTable(lens, lang) : null,
    multiples: val ? multiplesTable(val, lang) : null,
    'price-grid': val ? gridTable(val, lang) : null,
    tornado: tornadoTable(tornado, model.npvUsd, lang),
    'monte-carlo': monteCarloTable(mc, lang),
  };
  for (const name of TABLE_NAMES) {
    const table = tables[name];
    if (table) tables[name] = currencyTable(table, a.reportingCurrency);
  }
  // The outlined base: the scenario's EPS growth (the middle row) at the target P/E.
  const midRow = val?.grid ? Math.floor(val.grid.length / 2) : -1;
  const grid = val?.grid
    ? {
        columns: [...val.peColumns],
        rows: val.grid.map((g, i) => ({
          growth: g.growth,
          base: i === midRow,
          cells: g.pricesUsd.map((p, j) => ({ priceUsd: p, vsToday: g.vsToday[j] ?? null, base: i === midRow && val.peColumns[j] === a.targetPe })),
        })),
      }
    : null;
  const charts: ReportChart[] = [
    { id: `chart-${slug}-capex`, title: t('company.chart.capex'), config: capexChart(rows, rateOf, t) },
    { id: `chart-${slug}-cumulative`, title: t('company.chart.cumulative'), config: cumulativeChart(model, t) },
    { id: `chart-${slug}-capex-depreciation`, title: t('company.chart.capexDepreciation'), config: capexDepreciationChart(model, t) },
  ];
  if (tornado.length) charts.push({ id: `chart-${slug}-tornado`, title: t('company.chart.tornado'), config: tornadoChart(tornado, model.npvUsd, lang) });
  if (mc.histogram.counts.length) charts.push({ id: `chart-${slug}-monte-carlo`, title: t('company.chart.monteCarlo', { trials: mc.trials.toLocaleString('en-US') }), config: npvHistogramChart(mc, lang) });
  if (mc.convergence.length) charts.push({ id: `chart-${slug}-mc-convergence`, title: t('company.chart.convergence'), config: convergenceChart(mc.convergence, a.reportingCurrency, lang) });
  if (mc.varianceShares.length) {
    const labels = Object.fromEntries(mc.varianceShares.map((v) => [v.name, assumptionLabel(v.name, lang)]));
    charts.push({ id: `chart-${slug}-mc-variance`, title: t('company.chart.variance'), config: varianceTornadoChart(mc.varianceShares, labels, lang) });
  }
  if (a.reportingCurrency !== 'USD') for (const c of charts) c.config.options.meta.currency = a.reportingCurrency;
  if (lang !== 'en') for (const c of charts) c.config.options.meta.lang = lang;
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
    summary: companySummary(model, lens, val, a, mc, lang, won),
  };
}

/**
 * The report's valuation date: the user's, else the earliest end of a first capex year among
 * its companies (so no company's first flow is discounted forward).
 */
export function reportValuationDate(plans: Pick<CompanyPlan, 'dates'>[], a: Pick<Assumptions, 'valuationDate'>): { date: string; source: 'user' | 'data' } {
  if (a.valuationDate) return { date: a.valuationDate, source: 'user' };
  const firsts = plans.map((p) => p.dates[0] as string).sort();
  return { date: firsts[0] ?? '2000-12-31', source: 'data' };
}

/** Stacks each company's table under a leading company column, over the union of columns. */
function combine(name: TableName, sections: CompanySection[], lang: Lang): ReportTable {
  const parts = sections.map((s) => ({ company: s.company, table: s.tables[name] })).filter((p): p is { company: string; table: ReportTable } => p.table !== null);
  const columns: Column[] = [col(textIn(lang), 'company', 'text')];
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
 * Builds the whole report for a company dataset under resolved assumptions, its words in `lang`
 * (Korean summaries write won in the reader's `won` style, as the tables beside them).
 * @example buildCompanyReport('Hyperscalers', rows, parseAssumptions({})).sections.length
 */
export function buildCompanyReport(
  datasetName: string,
  rows: Row[],
  parsed: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number>; metrics?: MetricDefinition[]; mc?: Pick<McInputs, 'distributions' | 'correlations'> },
  lang: Lang = 'en',
  won: WonStyle = 'exact',
): CompanyReport {
  const sections: CompanySection[] = [];
  const data = rowsInUsd(rows, parsed.values, lang);
  const skipped: string[] = [...data.skipped];
  const t = textIn(lang);
  const dataNotes = data.converted.length
    ? [t(parsed.values.fxDriftPerYear ? 'company.note.convertedDrift' : 'company.note.converted', { companies: data.converted.join(', '), rate: parsed.values.fxKrwPerUsd, rateGrouped: parsed.values.fxKrwPerUsd.toLocaleString('en-US'), drift: parsed.values.fxDriftPerYear * 100 })]
    : [];
  let i = 0;
  // A useful life the user (or a saved scenario) chose applies to every vintage; the default
  // gives way to the data's useful_life_years.
  const opts: ModelOptions = { lifeFromData: parsed.sources.gpuUsefulLifeYears === 'default', lang };
  const a = parsed.values;
  const planned: { company: string; rows: Row[]; plan: CompanyPlan }[] = [];
  for (const [company, companyRows] of groupByCompany(data.rows)) {
    const plan = planCompany(company, companyRows, a, opts);
    if (plan) planned.push({ company, rows: companyRows, plan });
    else skipped.push(t(a.includeGuidance === 'false' ? 'company.skipped.noCapexWithoutGuidance' : 'company.skipped.noCapex', { company }));
  }
  const { date: valuationDate, source: valuationDateSource } = reportValuationDate(planned.map((p) => p.plan), a);
  const unit = scenarioUnitEconomics(a);
  const mcTrials = trialsPerCompany(a.mcTrials, planned.length);
  if (mcTrials < a.mcTrials) {
    dataNotes.push(t('company.note.mcTrialsCut', { trials: mcTrials.toLocaleString('en-US'), asked: a.mcTrials.toLocaleString('en-US'), most: MC_TRIALS_PER_REPORT.toLocaleString('en-US'), companies: planned.length.toLocaleString('en-US') }));
  }
  for (const p of planned) sections.push(sectionFor(p.company, i++, p.rows, a, opts, p.plan, valuationDate, unit, parsed.prices ?? {}, mcTrials, parsed.mc, lang, won));
  // Custom metrics become metric_<name> columns of each cash-flow table (checked by the caller;
  // a refused metric leaves the table as it was).
  if (parsed.metrics?.length) {
    for (const s of sections) {
      const t = s.tables['cash-flows'];
      if (t) s.tables['cash-flows'] = withMetricColumns(t, parsed.metrics).table;
    }
  }
  const tables = {} as Record<TableName, ReportTable>;
  for (const name of TABLE_NAMES) {
    if (name === 'comparison') tables[name] = currencyTable(comparisonTable(sections, valuationDate, unit, a, lang), a.reportingCurrency);
    else if (name === 'unit-economics') tables[name] = unitTable(unit, a, lang);
    else tables[name] = combine(name, sections, lang);
  }
  return {
    datasetName,
    lang,
    currency: a.reportingCurrency,
    assumptions: parsed,
    valuationDate,
    valuationDateSource,
    unit,
    sections,
    tables,
    summary: overallSummary(sections.map((s) => s.model), a, unit, valuationDate, lang, won),
    skipped,
    dataNotes,
  };
}

/**
 * The assumption lines of a computed report (CSV `# key` lines, JSON `assumptions`): as
 * `assumptionLines`, with the valuation date the report used in place of "from the data".
 */
export function reportAssumptionLines(
  report: Pick<CompanyReport, 'assumptions' | 'valuationDate' | 'valuationDateSource'>,
  lines: [string, string | number, string][] = assumptionLines(report.assumptions),
): [string, string | number, string][] {
  return lines.map(([key, value, source]) => (key === 'valuation_date' ? [key, report.valuationDate, report.valuationDateSource === 'user' ? source : 'data'] : [key, value, source]));
}

/** The report as its JSON twin: assumptions with sources, summary, every table as records. */
export function reportJson(report: CompanyReport): Record<string, unknown> {
  return {
    dataset: report.datasetName,
    currency: report.currency,
    valuationDate: report.valuationDate,
    valuationDateSource: report.valuationDateSource,
    assumptions: reportAssumptionLines(report).map(([key, value, source]) => ({ key, value, source })),
    summary: report.summary,
    unitEconomics: {
      revenueYield: report.assumptions.values.aiRevenueToCapex,
      breakEvenRevenueYield: report.unit.breakEvenRevenueYield,
      npvPerUsd: report.unit.npvPerUsd,
      irr: report.unit.irr,
      paybackYears: report.unit.paybackYears,
      flowsPerUsd: report.unit.flows,
    },
    companies: report.sections.map((s) => ({
      company: s.company,
      ticker: s.ticker,
      summary: s.summary,
      valuationDate: s.model.valuationDate,
      fiscalYearEnd: s.model.fiscalYearEnd,
      capacityAfterData: s.model.capacityAfterData,
      terminalMethod: s.model.terminalMethod,
      lastFiscalYear: s.model.lastYear,
      guidanceYears: s.model.guidanceYears,
      excludedGuidanceYears: s.model.excludedGuidanceYears,
      partialYears: s.model.partialYears,
      flows: s.model.flowsUsd.map((fcf, t) => ({ date: s.model.flowDates[t], fcf })),
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
