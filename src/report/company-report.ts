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
import { npvTornado, type TornadoBar } from './tornado';
import { valuation, type Valuation } from './valuation';
import { companySummary, overallSummary } from './summary';
import { withMetricColumns, type MetricDefinition } from './metrics';
import { convergenceChart, varianceTornadoChart } from './mc-charts';
import type { McInputs } from './mc-inputs';
import type { Lang } from '../i18n';

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

const irrStatus = (r: IrrResult): string => r.kind;
const irrRate = (r: IrrResult): number | null => (r.kind === 'ok' ? r.rate : null);

/** A readable, stable id from a company name (for canvas ids and anchors). */
export function slugify(name: string, index: number): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `c${index}-${base || 'company'}`;
}

/** Rate of a fiscal year (from the data's USD to the reporting currency). */
type RateOf = (fiscalYear: number) => number;

/** A year's basis as tables show it: `guidance`, `reported, partial (3 of 4 quarters)`… */
export function basisText(basis: string, quarters: number | null, counted = true): string {
  const head = counted ? basis : `${basis} (left out)`;
  return quarters === null ? head : `${head}, partial (${quarters} of 4 quarters)`;
}

function capexTable(rows: Row[], rateOf: RateOf, includeGuidance: boolean): ReportTable {
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
    out.push([y, basisText(basis, partialQuarters(r), includeGuidance || basis !== 'guidance'), capex, yoy, growth]);
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
    note: `Basis guidance = capex the company guided, not reported${includeGuidance ? ' (counted in the model; includeGuidance=false leaves it out)' : ' (left out of the model: includeGuidance=false)'}; partial = a year rolled up from fewer than four quarters.`,
  };
}

/** Columns of the cash-flow table: what a custom metric's formula may read (metric.<name>=). */
export const CASH_FLOW_COLUMNS: readonly Column[] = [
  { key: 'fiscal_year', label: 'Fiscal year', format: 'text' },
  { key: 'fiscal_year_end', label: 'Year end (flow date)', format: 'text' },
  { key: 'basis', label: 'Basis', format: 'text' },
  { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
  { key: 'compute_capex_usd', label: 'of which compute', format: 'money' },
  { key: 'depreciation_usd', label: 'Depreciation', format: 'money' },
  { key: 'net_book_value_usd', label: 'Net book value', format: 'money' },
  { key: 'ai_revenue_usd', label: 'AI revenue', format: 'money' },
  { key: 'ai_revenue_basis', label: 'Revenue basis', format: 'text' },
  { key: 'break_even_ai_revenue_usd', label: 'Break-even AI revenue', format: 'money' },
  { key: 'power_mw', label: 'AI IT power (MW)', format: 'number' },
  { key: 'power_mw_basis', label: 'Power basis', format: 'text' },
  { key: 'power_cost_usd', label: 'Power cost', format: 'money' },
  { key: 'ai_ebitda_usd', label: 'AI EBITDA', format: 'money' },
  { key: 'nopat_usd', label: 'NOPAT', format: 'money' },
  { key: 'salvage_usd', label: 'Facilities salvage', format: 'money' },
  { key: 'terminal_value_usd', label: 'Terminal value', format: 'money' },
  { key: 'fcf_usd', label: 'Free cash flow', format: 'money' },
  { key: 'cumulative_fcf_usd', label: 'Cumulative FCF', format: 'money' },
  { key: 'years_from_valuation_date', label: 'Years from valuation date', format: 'number' },
  { key: 'discounted_fcf_usd', label: 'Discounted FCF', format: 'money' },
  { key: 'cumulative_discounted_fcf_usd', label: 'Cumulative discounted FCF', format: 'money' },
  { key: 'roic_fraction', label: 'ROIC', format: 'percent' },
];

function cashFlowTable(m: CompanyModel): ReportTable {
  return {
    name: 'cash-flows',
    title: 'AI investment by year',
    columns: [...CASH_FLOW_COLUMNS],
    note: `Each year's AI capex is a vintage that earns while its compute serves; revenue "modelled" = the vintages in service, "reported" = the data's ai_revenue. Flows are dated at each fiscal year's end and discounted to ${m.valuationDate} (days ÷ 365). A negative NOPAT is a tax credit (group relief). Power cost = AI IT power × 8,760 h × utilization × PUE × power price; power basis "assumed" means MW from AI capex in service × MW per $1B (an assumption), "data" the data’s power_mw.${m.capacityAfterData === 'run-off' ? ` Run-off: no capex after FY${m.lastDataYear}; the last compute retires in FY${m.lastYear}, when the facilities' remaining book value comes back as salvage.` : ' Sustain: after the data each year replaces the retired compute and facilities and grows the fleet by the terminal growth.'}`,
    rows: m.years.map((y) => [
      y.fiscalYear, y.date, basisText(y.basis, y.partialQuarters), y.aiCapexUsd, y.computeCapexUsd, y.depreciationUsd, y.netBookValueUsd, y.aiRevenueUsd, y.aiRevenueBasis,
      y.breakEvenAiRevenueUsd, y.powerMw, y.powerMwBasis, y.powerCostUsd, y.aiEbitdaUsd, y.nopatUsd, y.salvageUsd, y.terminalValueUsd, y.fcfUsd, y.cumulativeFcfUsd,
      y.yearsFromValuation, y.discountedFcfUsd, y.cumulativeDiscountedFcfUsd, y.roic,
    ]),
  };
}

/** One dollar of AI capex under the scenario, by year of service (report-wide, not per company). */
function unitTable(u: UnitEconomics, a: Assumptions): ReportTable {
  const be = u.breakEvenRevenueYield;
  return {
    name: 'unit-economics',
    title: 'One dollar of AI capex',
    columns: [
      { key: 'year_of_service', label: 'Year of service', format: 'text' },
      { key: 'ai_revenue_usd_per_usd', label: 'AI revenue', format: 'number' },
      { key: 'power_cost_usd_per_usd', label: 'Power cost', format: 'number' },
      { key: 'ai_ebitda_usd_per_usd', label: 'AI EBITDA', format: 'number' },
      { key: 'depreciation_usd_per_usd', label: 'Depreciation', format: 'number' },
      { key: 'nopat_usd_per_usd', label: 'NOPAT', format: 'number' },
      { key: 'salvage_usd_per_usd', label: 'Facilities salvage', format: 'number' },
      { key: 'fcf_usd_per_usd', label: 'Free cash flow', format: 'number' },
    ],
    rows: u.flows.map((f, k) => [k + 1, u.revenue[k] ?? 0, u.powerCost[k] ?? 0, u.ebitda[k] ?? 0, u.depreciation[k] ?? 0, u.nopat[k] ?? 0, u.salvage[k] ?? 0, f]),
    note: `Per dollar of AI capex bought at the end of year 1 (a ${a.gpuUsefulLifeYears}-year server life, ${a.computeShare * 100}% compute, facilities over ${a.facilityLifeYears} years, their book value back when the compute retires). NPV per dollar ${u.npvPerUsd.toFixed(3)} at ${a.wacc * 100}% WACC; ${u.irr.kind === 'ok' ? `IRR ${(u.irr.rate * 100).toFixed(1)}%` : `IRR: ${u.irr.kind}`}; ${u.paybackYears === null ? 'no payback within the server life' : `payback ${u.paybackYears.toFixed(1)} years`}; break-even first-year revenue ${be === null ? 'none (revenue adds no value at this margin)' : `$${be.toFixed(2)}`} per dollar against the scenario's $${a.aiRevenueToCapex.toFixed(2)}.`,
  };
}

function vintageTable(m: CompanyModel): ReportTable {
  const years = m.years.map((y) => y.fiscalYear);
  return {
    name: 'vintages',
    title: 'Depreciation by vintage',
    columns: [
      { key: 'vintage_fiscal_year', label: 'Vintage', format: 'text' },
      { key: 'vintage_kind', label: 'Kind', format: 'text' },
      { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'compute_usd', label: 'Compute', format: 'money' },
      { key: 'facilities_usd', label: 'Facilities', format: 'money' },
      { key: 'useful_life_years', label: 'Server life (years)', format: 'number' },
      { key: 'last_service_fiscal_year', label: 'Serves until', format: 'text' },
      ...years.map((y): Column => ({ key: `depreciation_fy${y}_usd`, label: `FY${y}`, format: 'money' })),
    ],
    rows: m.vintages.map((v) => [v.fiscalYear, v.kind, v.aiCapexUsd, v.computeUsd, v.facilitiesUsd, v.usefulLifeYears, v.lastServiceYear, ...v.depreciationUsd]),
    note: 'Depreciation by vintage: compute straight-line over its server life, facilities over the facility life, a full year in the year of purchase. A vintage earns revenue from its year of purchase until its compute retires.',
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
      { key: 'share_price_date', label: 'Price date', format: 'text' },
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
      v.fiscalYear, v.sharePriceUsd, v.sharePriceDate, v.sharesOutstanding, v.marketCapUsd, v.netDebtUsd, v.enterpriseValueUsd, v.epsUsd, v.pe,
      v.evSales, v.evEbitda, v.compression?.toPe ?? null, v.compression?.drawdown ?? null, v.compression?.priceAfterUsd ?? null, v.aiRevenueToJustifyUsd,
    ]],
    note: [
      `FY${v.fiscalYear} is the latest year with EPS and a price${v.priceSource === 'user' ? ' (the price typed on the form, with that year’s EPS)' : ''}.`,
      v.netDebtFromData ? '' : 'No net debt in the data: EV = market cap.',
    ].filter(Boolean).join(' '),
  };
}

function gridTable(v: Valuation): ReportTable | null {
  if (!v.grid) return null;
  return {
    name: 'price-grid',
    title: 'Implied share price: EPS growth × P/E',
    columns: [
      { key: 'eps_growth_fraction', label: 'EPS growth', format: 'percent' },
      ...v.peColumns.map((pe): Column => ({ key: `price_at_pe_${pe}x_usd`, label: `${pe}×`, format: 'money' })),
    ],
    rows: v.grid.map((g) => [g.growth, ...g.pricesUsd]),
    note: `Next year’s EPS (this year’s × (1 + growth)) at each P/E; the base column is the target P/E (${v.compression?.toPe ?? ''}×).`,
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

function comparisonTable(sections: CompanySection[], valuationDate: string, unit: UnitEconomics, a: Assumptions): ReportTable {
  const includes = a.includeGuidance !== 'false';
  return {
    name: 'comparison',
    title: 'Companies compared',
    columns: [
      { key: 'company', label: 'Company', format: 'text' },
      { key: 'first_fiscal_year', label: 'From', format: 'text' },
      { key: 'last_capex_fiscal_year', label: 'To', format: 'text' },
      { key: 'includes_guidance', label: 'Guidance years counted', format: 'text' },
      { key: 'total_ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'valuation_date', label: 'Valued at', format: 'text' },
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
      { key: 'revenue_yield', label: 'AI revenue per $ (scenario)', format: 'number' },
      { key: 'break_even_revenue_yield', label: 'Break-even AI revenue per $', format: 'number' },
      { key: 'unit_npv_per_usd', label: 'NPV per $ of AI capex', format: 'number' },
      { key: 'unit_irr_fraction', label: 'IRR of $1', format: 'percent' },
      { key: 'unit_payback_years', label: 'Payback of $1 (years)', format: 'years' },
    ],
    rows: sections.map((s) => [
      s.company, s.model.firstYear, s.model.lastDataYear,
      s.model.guidanceYears.length ? `yes: FY${s.model.guidanceYears.join(', FY')}` : s.model.excludedGuidanceYears.length ? `no: FY${s.model.excludedGuidanceYears.join(', FY')} left out` : 'none in the data',
      s.model.totalAiCapexUsd, valuationDate, s.model.npvUsd, irrRate(s.model.irr), irrStatus(s.model.irr),
      s.model.roi, s.model.paybackYears, s.model.discountedPaybackYears, s.model.breakEvenAiRevenueUsd, s.valuation?.pe ?? null,
      s.monteCarlo.npv.p50, s.monteCarlo.probNpvPositive,
      a.aiRevenueToCapex, unit.breakEvenRevenueYield, unit.npvPerUsd, irrRate(unit.irr), unit.paybackYears,
    ]),
    note: `Every NPV is at ${valuationDate}: each year's flow dated at its fiscal-year end (Microsoft's years end in June) and discounted by days ÷ 365, so the companies compare. IRR is XIRR of the same dated flows. Payback in years from the start of each company's first capex year; blank means never. Break-even AI revenue is that of the last data year: (break-even revenue per $ ÷ the scenario's) × its modelled AI revenue, so power is in it.${includes ? ' Guidance years count as vintages (includeGuidance=true).' : ' Guidance years are left out (includeGuidance=false).'} The per-$ columns are the scenario's unit economics, the same for every company.`,
  };
}

/** Chart points to whole dollars: plenty for a picture, and a much smaller page. */
function wholeUsd(usd: number): number {
  return Math.round(usd);
}

/** Guidance (and partial) years are drawn lighter, with their own legend entry. */
const GUIDANCE_COLOR = '#c9d1e3';
const PARTIAL_COLOR = '#9aa8c7';

function capexChart(rows: Row[], rateOf: RateOf): ChartConfig {
  const byYear = [...companyYears(rows).entries()].filter(([, r]) => num(r.capex) !== null);
  const kind = (r: Row) => (String(r.basis ?? 'reported') === 'guidance' ? 'guidance' : partialQuarters(r) !== null ? 'partial' : 'reported');
  const series = (k: string, label: string, color: string): ChartConfig['data']['datasets'][number] => ({
    label,
    data: byYear.map(([y, r]) => (kind(r) === k ? wholeUsd(Math.abs(num(r.capex) as number) * rateOf(y)) : null)),
    backgroundColor: color,
    stack: 'capex',
  });
  const datasets = [series('reported', 'Capex, reported', COLORS.capex)];
  if (byYear.some(([, r]) => kind(r) === 'guidance')) datasets.push(series('guidance', 'Capex, guidance (lighter)', GUIDANCE_COLOR));
  if (byYear.some(([, r]) => kind(r) === 'partial')) datasets.push(series('partial', 'Capex, partial year', PARTIAL_COLOR));
  return {
    type: 'bar',
    data: { labels: byYear.map(([y]) => `FY${y}`), datasets },
    options: { scales: { x: { stacked: true }, y: { stacked: true } }, meta: { yFormat: 'money' } },
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
  const datasets: ChartConfig['data']['datasets'] = [
    { type: 'bar', label: 'AI capex', data: m.years.map((y) => (y.basis === 'guidance' ? null : wholeUsd(y.aiCapexUsd))), backgroundColor: COLORS.aiCapex, order: 2, stack: 'capex' },
  ];
  if (m.guidanceYears.length) {
    datasets.push({ type: 'bar', label: 'AI capex, guidance (lighter)', data: m.years.map((y) => (y.basis === 'guidance' ? wholeUsd(y.aiCapexUsd) : null)), backgroundColor: GUIDANCE_COLOR, order: 2, stack: 'capex' });
  }
  datasets.push(
    { type: 'line', label: 'AI revenue', data: m.years.map((y) => wholeUsd(y.aiRevenueUsd)), borderColor: COLORS.cash, backgroundColor: COLORS.cash, order: 1 },
    { type: 'line', label: 'Depreciation', data: m.years.map((y) => wholeUsd(y.depreciationUsd)), borderColor: COLORS.depreciation, backgroundColor: COLORS.depreciation, order: 1 },
  );
  return {
    type: 'bar',
    data: { labels: m.years.map((y) => `FY${y.fiscalYear}`), datasets },
    options: { scales: { x: { stacked: true } }, meta: { yFormat: 'money' } },
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
      { key: 'npv_p5_usd', label: 'NPV P5', format: 'money' },
      { key: 'npv_p95_usd', label: 'NPV P95', format: 'money' },
      { key: 'irr_p5_fraction', label: 'IRR P5', format: 'percent' },
      { key: 'irr_p95_fraction', label: 'IRR P95', format: 'percent' },
      { key: 'payback_p5_years', label: 'Payback P5', format: 'years' },
      { key: 'payback_p95_years', label: 'Payback P95', format: 'years' },
      { key: 'inputs', label: 'Inputs (distribution)', format: 'text' },
      { key: 'rank_correlations', label: 'Rank correlations (target → achieved)', format: 'text' },
    ],
    rows: [[
      mc.trials, mc.seed, mc.npv.mean, mc.npv.sd, mc.npv.p10, mc.npv.p50, mc.npv.p90, mc.probNpvPositive,
      mc.irr.mean, mc.irr.p10, mc.irr.p50, mc.irr.p90, mc.trialsWithoutIrr,
      mc.payback.p10, mc.payback.p50, mc.payback.p90, mc.horizonYears, mc.probPaybackWithinHorizon, mc.excludedTrials,
      mc.npv.p5, mc.npv.p95, mc.irr.p5, mc.irr.p95, mc.paybackTails.p5, mc.paybackTails.p95,
      mc.inputs.map((x) => `${x.name} ~ ${x.distribution}${x.chosen ? ' (yours)' : ''}`).join('; '),
      mc.correlations.map((c) => `${c.a}–${c.b} ${c.target} → ${c.achieved.toFixed(3)}`).join('; '),
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
): CompanySection {
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
  const tornado = npvTornado(company, rows, a, { ...opts, valuationDate });
  const mc = companyMonteCarlo(plan, mcTrials === a.mcTrials ? a : { ...a, mcTrials }, valuationDate, mcInputs);
  const tables: CompanySection['tables'] = {
    comparison: null,
    'unit-economics': null,
    capex: capexTable(rows, rateOf, a.includeGuidance !== 'false'),
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
    { id: `chart-${slug}-capex`, title: 'Capex by year', config: capexChart(rows, rateOf) },
    { id: `chart-${slug}-cumulative`, title: 'Cumulative cash flow and payback', config: cumulativeChart(model) },
    { id: `chart-${slug}-capex-depreciation`, title: 'AI capex against depreciation', config: capexDepreciationChart(model) },
  ];
  if (tornado.length) charts.push({ id: `chart-${slug}-tornado`, title: 'NPV swings (tornado)', config: tornadoChart(tornado, model.npvUsd) });
  if (mc.histogram.counts.length) charts.push({ id: `chart-${slug}-monte-carlo`, title: `NPV over ${mc.trials.toLocaleString('en-US')} Monte Carlo trials`, config: npvHistogramChart(mc) });
  if (mc.convergence.length) charts.push({ id: `chart-${slug}-mc-convergence`, title: 'Monte Carlo convergence: running mean and P50 of NPV', config: convergenceChart(mc.convergence, a.reportingCurrency) });
  if (mc.varianceShares.length) charts.push({ id: `chart-${slug}-mc-variance`, title: 'Tornado by contribution to variance of NPV (beside the one-at-a-time tornado)', config: varianceTornadoChart(mc.varianceShares) });
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
    summary: companySummary(model, lens, val, a, mc, lang),
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
export function buildCompanyReport(
  datasetName: string,
  rows: Row[],
  parsed: Pick<ParsedAssumptions, 'values' | 'sources'> & { prices?: Record<string, number>; metrics?: MetricDefinition[]; mc?: Pick<McInputs, 'distributions' | 'correlations'> },
  lang: Lang = 'en',
): CompanyReport {
  const sections: CompanySection[] = [];
  const data = rowsInUsd(rows, parsed.values);
  const skipped: string[] = [...data.skipped];
  const dataNotes = data.converted.length
    ? [`Amounts of ${data.converted.join(', ')} are in KRW in the data; the model converts them at ${parsed.values.fxKrwPerUsd} KRW per USD${parsed.values.fxDriftPerYear ? `, drifting ${parsed.values.fxDriftPerYear * 100}% a year` : ''} (the FX assumptions).`]
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
    else skipped.push(`${company}: no capex in the data${a.includeGuidance === 'false' ? ' once guidance is left out' : ''}`);
  }
  const { date: valuationDate, source: valuationDateSource } = reportValuationDate(planned.map((p) => p.plan), a);
  const unit = scenarioUnitEconomics(a);
  const mcTrials = trialsPerCompany(a.mcTrials, planned.length);
  if (mcTrials < a.mcTrials) {
    dataNotes.push(`Monte Carlo runs ${mcTrials.toLocaleString('en-US')} trials per company, not the ${a.mcTrials.toLocaleString('en-US')} asked: a report runs at most ${MC_TRIALS_PER_REPORT.toLocaleString('en-US')} trials in all, and this one has ${planned.length.toLocaleString('en-US')} companies. A dataset of fewer companies gets more trials each.`);
  }
  for (const p of planned) sections.push(sectionFor(p.company, i++, p.rows, a, opts, p.plan, valuationDate, unit, parsed.prices ?? {}, mcTrials, parsed.mc, lang));
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
    if (name === 'comparison') tables[name] = currencyTable(comparisonTable(sections, valuationDate, unit, a), a.reportingCurrency);
    else if (name === 'unit-economics') tables[name] = unitTable(unit, a);
    else tables[name] = combine(name, sections);
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
    summary: overallSummary(sections.map((s) => s.model), a, unit, valuationDate, lang),
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
