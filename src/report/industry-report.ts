/**
 * The industry-gap page model: inputs (typed in, or summed over a company dataset), the gap, its
 * per-year view, a chart and a plain-language summary.
 */
import { rowsInUsd } from './data-currency';
import type { Row } from '../store/types';
import { checkValue, DEFAULT_ASSUMPTIONS, type AssumptionDef, type AssumptionProblem, type AssumptionSource } from './assumptions';
import { industryGap, type IndustryGap } from './industry-gap';
import type { ChartConfig } from './charts';
import type { ReportTable } from './table';
import { describeMoney, describePercent, describeYears } from './words';
import { calendarParts, monthDayOf } from './calendar-split';

export interface IndustryInputs {
  acceleratorSpend: number;
  acceleratorShare: number;
  grossMargin: number;
  aiRevenue: number;
  usefulLifeYears: number;
  aiRevenueGrowth: number;
}

export type IndustryKey = keyof IndustryInputs;

export const INDUSTRY_DEFAULTS: Readonly<IndustryInputs> = Object.freeze({
  acceleratorSpend: 150e9,
  acceleratorShare: 0.5,
  grossMargin: 0.5,
  aiRevenue: 100e9,
  usefulLifeYears: 6,
  aiRevenueGrowth: 0.25,
});

export const INDUSTRY_DEFS: readonly AssumptionDef<IndustryKey>[] = [
  { key: 'acceleratorSpend', label: 'Accelerator spend per year', csvKey: 'accelerator_spend_usd', format: 'number', min: 0,
    help: 'USD, e.g. 150e9. Sequoia used Nvidia’s data-center run-rate: $50B (2023), $150B (2024).' },
  { key: 'acceleratorShare', label: 'Accelerators’ share of data-center cost', csvKey: 'accelerator_share_fraction', format: 'percent', min: 0, minExclusive: true, max: 1,
    help: 'Fraction; 0.5 means GPUs are half the cost (energy, buildings, backup the rest): ×2.' },
  { key: 'grossMargin', label: 'End-user gross margin', csvKey: 'gross_margin_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true,
    help: 'Fraction; 0.5 means the end user earns a 50% margin: ×2.' },
  { key: 'aiRevenue', label: 'AI revenue today', csvKey: 'ai_revenue_usd', format: 'number', min: 0,
    help: 'USD per year. Sequoia assumed $75B (2023) and $100B (2024).' },
  { key: 'usefulLifeYears', label: 'Useful life of the spend', csvKey: 'useful_life_years', format: 'years', min: 0, minExclusive: true, max: 30,
    help: 'Years the data centers earn over: the spend is made once, earned over its life.' },
  { key: 'aiRevenueGrowth', label: 'AI revenue growth', csvKey: 'ai_revenue_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 10,
    help: 'Fraction per year; how fast today’s AI revenue grows towards the requirement.' },
];

export interface IndustryPreset {
  label: string;
  inputs: Partial<IndustryInputs>;
  published: string;
}

export const INDUSTRY_PRESETS: readonly IndustryPreset[] = [
  { label: 'Sequoia 2023: AI’s $200B question', inputs: { acceleratorSpend: 50e9, aiRevenue: 75e9 }, published: '$200B required, $125B gap' },
  { label: 'Sequoia 2024: AI’s $600B question', inputs: { acceleratorSpend: 150e9, aiRevenue: 100e9 }, published: '$600B required, $500B gap' },
  { label: 'Nvidia FY2026 data-center revenue', inputs: { acceleratorSpend: 193.7e9, aiRevenue: 100e9 }, published: '$774.8B required' },
];

/** One company's share of a calendar year's capex. */
export interface CompanySpend {
  company: string;
  capexUsd: number;
  aiCapexShare: number;
  aiCapexUsd: number;
  aiRevenueUsd: number | null;
  /** Months of the calendar year its fiscal years cover (12 = the whole year). */
  months: number;
  /** Which fiscal years the sum takes and how many of their months: `FY2024 (6 mo) + FY2025 (6 mo)`. */
  fiscalYears: string;
  /** A guidance row (not yet reported) is in the sum. */
  guidance: boolean;
  /** A partial fiscal year (fewer than four quarters) is in the sum. */
  partial: boolean;
}

export interface DatasetSpend {
  datasetName: string;
  /** The calendar year summed. */
  calendarYear: number;
  /** Calendar years the data reaches. */
  years: number[];
  includeGuidance: boolean;
  companies: CompanySpend[];
  aiCapexUsd: number;
  aiRevenueUsd: number | null;
  /** Companies whose sum includes guidance; companies whose fiscal years cover fewer than 12 months of the year. */
  guidanceCompanies: string[];
  incompleteCompanies: string[];
  /** Companies of the dataset with no data at all in the year. */
  missingCompanies: string[];
}

function num(v: Row[string] | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

interface Portion {
  company: string;
  fiscalYear: number;
  calendarYear: number;
  months: number;
  fraction: number;
  capex: number;
  share: number;
  aiRevenue: number | null;
  guidance: boolean;
  partial: boolean;
}

/**
 * Sums a company dataset for one CALENDAR year. Each fiscal year's capex (and reported AI
 * revenue) is split by its months (`calendarParts`, using the row's `fiscal_year_end`, else the
 * company's latest one, else 31 December), so Microsoft's FY2025 counts half in 2024 and half
 * in 2025. AI capex (capex × AI share, the row's share or the default) is the AI data-center
 * cost, so the accelerator spend is AI capex × accelerator share. Guidance rows count while
 * `includeGuidance` is true (default) and never over a reported row of the same fiscal year.
 * Without `calendarYear`, or one not in the data: the latest year whose months every company
 * covers, else the latest year.
 */
export function datasetSpend(
  datasetName: string,
  dataRows: Row[],
  aiCapexShareDefault: number,
  calendarYear?: number,
  opts: { includeGuidance?: boolean } = {},
): DatasetSpend | null {
  const includeGuidance = opts.includeGuidance ?? true;
  // KRW capex (a Korean upload) is summed in USD at the default FX rate.
  // Fiscal years are whole years (ingest reads 1900-2200); anything else cannot be placed in a calendar.
  const rows = rowsInUsd(dataRows, DEFAULT_ASSUMPTIONS).rows.filter((r) => {
    const fy = num(r.fiscal_year);
    return num(r.capex) !== null && fy !== null && Number.isInteger(fy) && Math.abs(fy) <= 1e6;
  });
  // The company's fiscal year end: its own row's, else its latest row's that has one.
  const latestEnd = new Map<string, { year: number; end: { month: number; day: number } }>();
  for (const r of rows) {
    const end = monthDayOf(r.fiscal_year_end);
    const company = String(r.company ?? '');
    const year = num(r.fiscal_year) as number;
    const known = latestEnd.get(company);
    if (end && (!known || year >= known.year)) latestEnd.set(company, { year, end });
  }
  // One row per company and fiscal year: reported over guidance.
  const chosen = new Map<string, Row>();
  for (const r of rows) {
    const guidance = r.basis === 'guidance';
    if (guidance && !includeGuidance) continue;
    const key = `${String(r.company ?? '')}\u0001${num(r.fiscal_year)}`;
    const prior = chosen.get(key);
    if (!prior || (prior.basis === 'guidance' && !guidance)) chosen.set(key, r);
  }
  const portions: Portion[] = [];
  for (const r of chosen.values()) {
    const company = String(r.company ?? '');
    const fiscalYear = num(r.fiscal_year) as number;
    const end = monthDayOf(r.fiscal_year_end) ?? latestEnd.get(company)?.end ?? null;
    const quarters = num(r.quarters);
    const dataShare = num(r.ai_capex_share);
    const share = dataShare !== null && dataShare >= 0 && dataShare <= 1 ? dataShare : aiCapexShareDefault;
    for (const part of calendarParts(fiscalYear, end, quarters)) {
      portions.push({
        company,
        fiscalYear,
        calendarYear: part.calendarYear,
        months: part.months,
        fraction: part.fraction,
        capex: Math.abs(num(r.capex) as number) * part.fraction,
        share,
        aiRevenue: num(r.ai_revenue) === null ? null : (num(r.ai_revenue) as number) * part.fraction,
        guidance: r.basis === 'guidance',
        partial: quarters !== null && quarters < 4,
      });
    }
  }
  const byYear = new Map<number, Portion[]>();
  for (const p of portions) {
    const y = p.calendarYear;
    const list = byYear.get(y) ?? [];
    list.push(p);
    byYear.set(y, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const allCompanies = new Set(portions.map((p) => p.company));
  const complete = (y: number): boolean => {
    const months = new Map<string, number>();
    for (const p of byYear.get(y) ?? []) months.set(p.company, (months.get(p.company) ?? 0) + p.months);
    return [...allCompanies].every((c) => (months.get(c) ?? 0) >= 12);
  };
  const year =
    calendarYear !== undefined && years.includes(calendarYear)
      ? calendarYear
      : ([...years].reverse().find(complete) ?? (years[years.length - 1] as number));
  const companies: CompanySpend[] = [];
  for (const p of byYear.get(year) ?? []) {
    let c = companies.find((x) => x.company === p.company);
    if (!c) {
      c = { company: p.company, capexUsd: 0, aiCapexShare: 0, aiCapexUsd: 0, aiRevenueUsd: null, months: 0, fiscalYears: '', guidance: false, partial: false };
      companies.push(c);
    }
    c.capexUsd += p.capex;
    c.aiCapexUsd += p.capex * p.share;
    if (p.aiRevenue !== null) c.aiRevenueUsd = (c.aiRevenueUsd ?? 0) + p.aiRevenue;
    c.months += p.months;
    c.fiscalYears += `${c.fiscalYears === '' ? '' : ' + '}FY${p.fiscalYear} (${p.months} mo${p.guidance ? ', guidance' : ''}${p.partial ? ', partial' : ''})`;
    c.guidance ||= p.guidance;
    c.partial ||= p.partial;
  }
  for (const c of companies) c.aiCapexShare = c.capexUsd > 0 ? c.aiCapexUsd / c.capexUsd : aiCapexShareDefault;
  const revenues = companies.map((c) => c.aiRevenueUsd).filter((v): v is number => v !== null);
  return {
    datasetName,
    calendarYear: year,
    years,
    includeGuidance,
    companies,
    aiCapexUsd: companies.reduce((s, c) => s + c.aiCapexUsd, 0),
    aiRevenueUsd: revenues.length ? revenues.reduce((s, v) => s + v, 0) : null,
    guidanceCompanies: companies.filter((c) => c.guidance).map((c) => c.company),
    incompleteCompanies: companies.filter((c) => c.months < 12).map((c) => c.company),
    missingCompanies: [...allCompanies].filter((name) => !companies.some((c) => c.company === name)),
  };
}

export interface IndustryReport {
  inputs: IndustryInputs;
  sources: Record<IndustryKey, AssumptionSource>;
  raw: Partial<Record<IndustryKey, string>>;
  problems: AssumptionProblem[];
  dataset: DatasetSpend | null;
  result: IndustryGap | null;
  tables: ReportTable[];
  charts: { id: string; title: string; config: ChartConfig }[];
  summary: string[];
}

/** Resolves the inputs: defaults, then the dataset's sums, then what the user typed. */
export function parseIndustryInputs(
  query: Record<string, unknown>,
  dataset: DatasetSpend | null,
): Pick<IndustryReport, 'inputs' | 'sources' | 'raw' | 'problems'> {
  const inputs: IndustryInputs = { ...INDUSTRY_DEFAULTS };
  const sources = {} as Record<IndustryKey, AssumptionSource>;
  const raw: Partial<Record<IndustryKey, string>> = {};
  const problems: AssumptionProblem[] = [];
  for (const def of INDUSTRY_DEFS) {
    const key = def.key;
    sources[key] = 'default';
  }
  if (dataset) {
    inputs.acceleratorSpend = dataset.aiCapexUsd * INDUSTRY_DEFAULTS.acceleratorShare;
    sources.acceleratorSpend = 'data';
    if (dataset.aiRevenueUsd !== null) {
      inputs.aiRevenue = dataset.aiRevenueUsd;
      sources.aiRevenue = 'data';
    }
  }
  for (const def of INDUSTRY_DEFS) {
    const key = def.key;
    const v = query[key];
    const text = typeof v === 'string' ? v : Array.isArray(v) && typeof v[v.length - 1] === 'string' ? (v[v.length - 1] as string) : undefined;
    if (text === undefined || text.trim() === '') continue;
    raw[key] = text;
    const checked = checkValue(def, text);
    if ('value' in checked && typeof checked.value === 'number') {
      if (checked.value !== inputs[key]) sources[key] = 'user';
      inputs[key] = checked.value;
    } else {
      problems.push({ key, value: text, message: `${def.label} ${'message' in checked ? checked.message : 'is invalid'}` });
    }
  }
  if (dataset && sources.acceleratorSpend === 'data' && sources.acceleratorShare === 'user') {
    // The dataset gives AI data-center cost; the accelerator part follows the share the user chose.
    inputs.acceleratorSpend = dataset.aiCapexUsd * inputs.acceleratorShare;
  }
  return { inputs, sources, raw, problems };
}

/** Builds the page model. `dataset` comes from datasetSpend when a dataset is chosen. */
export function buildIndustryReport(query: Record<string, unknown>, dataset: DatasetSpend | null): IndustryReport {
  const parsed = parseIndustryInputs(query, dataset);
  if (parsed.problems.length > 0) {
    return { ...parsed, dataset, result: null, tables: [], charts: [], summary: [] };
  }
  const i = parsed.inputs;
  const result = industryGap({
    acceleratorSpendUsd: i.acceleratorSpend,
    acceleratorShare: i.acceleratorShare,
    grossMargin: i.grossMargin,
    aiRevenueUsd: i.aiRevenue,
    usefulLifeYears: i.usefulLifeYears,
    aiRevenueGrowth: i.aiRevenueGrowth,
  });
  const continuing = 'every year while the spending continues';
  const life = `${i.usefulLifeYears}-year`;
  const oneOff = `a single year of spend, never repeated, spread over its ${life} life`;
  const gapTable: ReportTable = {
    name: 'gap',
    title: 'The gap',
    columns: [
      { key: 'measure', label: 'Measure', format: 'text' },
      { key: 'value_usd', label: 'Value', format: 'money' },
      { key: 'applies_to', label: 'Applies to', format: 'text' },
      { key: 'working', label: 'How', format: 'text' },
    ],
    rows: [
      ['accelerator_spend', i.acceleratorSpend, 'one year of spend', 'input'],
      ['data_center_cost', result.dataCenterCostUsd, 'one year of spend', `accelerator spend ÷ ${i.acceleratorShare}`],
      ['required_revenue', result.requiredRevenueUsd, continuing, `data-center cost ÷ (1 − ${i.grossMargin})`],
      ['ai_revenue', i.aiRevenue, 'a year', 'input'],
      ['gap', result.gapUsd, continuing, 'required revenue − AI revenue'],
      ['one_off_required_revenue_per_year', result.oneOffRequiredRevenuePerYearUsd, oneOff, `required revenue ÷ ${i.usefulLifeYears} years`],
      ['one_off_gap_per_year', result.oneOffGapPerYearUsd, oneOff, 'one-off per-year requirement − AI revenue'],
    ],
    note: `Spending that continues every year, as a run-rate does, needs the full required revenue every year; only a single year's spend, never repeated, is earned over its ${life} life (required revenue ÷ ${i.usefulLifeYears} a year).`,
  };
  const closeTable: ReportTable = {
    name: 'years-to-close',
    title: 'Years of AI revenue growth that close it',
    columns: [
      { key: 'target', label: 'Target', format: 'text' },
      { key: 'target_revenue_usd', label: 'Revenue needed a year', format: 'money' },
      { key: 'ai_revenue_growth_fraction', label: 'Growth', format: 'percent' },
      { key: 'years_to_close', label: 'Years', format: 'years' },
    ],
    rows: [
      [`spending continues every year: the full requirement every year`, result.requiredRevenueUsd, i.aiRevenueGrowth, result.yearsToCloseGap],
      [`a single year of spend only: required revenue ÷ ${i.usefulLifeYears} years`, result.oneOffRequiredRevenuePerYearUsd, i.aiRevenueGrowth, result.yearsToCloseOneOffGap],
    ],
  };
  const tables = [gapTable, closeTable];
  if (dataset) tables.push(companiesTable(dataset));
  const chart: ChartConfig = {
    type: 'bar',
    data: {
      labels: ['Accelerator spend', 'Data-center cost', 'Required revenue, every year of continuing spend', 'AI revenue', 'Gap, every year', 'One year’s spend: per year of life', 'One year’s spend: gap per year'],
      datasets: [
        {
          label: 'USD',
          data: [i.acceleratorSpend, result.dataCenterCostUsd, result.requiredRevenueUsd, i.aiRevenue, result.gapUsd, result.oneOffRequiredRevenuePerYearUsd, result.oneOffGapPerYearUsd],
          backgroundColor: ['#6b7fa8', '#6b7fa8', '#1f3b73', '#3a8f5c', '#b5482f', '#1f3b73', '#b5482f'],
        },
      ],
    },
    options: { plugins: { legend: { display: false } }, meta: { yFormat: 'money' } },
  };
  const summary = industrySummary(i, result, dataset);
  return { ...parsed, dataset, result, tables, charts: [{ id: 'chart-gap', title: 'Required revenue against AI revenue', config: chart }], summary };
}

/** The dataset's calendar-year sum by company, saying how fiscal years were split and which rows are guidance. */
function companiesTable(dataset: DatasetSpend): ReportTable {
  const notes = [
    'Capex is summed by calendar year: a fiscal year is split by its months (Microsoft’s FY2025, July 2024 to June 2025, counts half in 2024 and half in 2025), using each row’s fiscal_year_end (31 December when absent).',
  ];
  if (dataset.guidanceCompanies.length > 0) notes.push(`Includes guidance, not yet reported, for ${dataset.guidanceCompanies.join(', ')}.`);
  else if (!dataset.includeGuidance) notes.push('Guidance rows are left out.');
  if (dataset.incompleteCompanies.length > 0) notes.push(`The data covers fewer than 12 months of ${dataset.calendarYear} for ${dataset.incompleteCompanies.join(', ')}.`);
  if (dataset.missingCompanies.length > 0) notes.push(`No data for ${dataset.calendarYear} for ${dataset.missingCompanies.join(', ')}.`);
  return {
    name: 'companies',
    title: `AI capex by company, calendar ${dataset.calendarYear}`,
    columns: [
      { key: 'company', label: 'Company', format: 'text' },
      { key: 'fiscal_years', label: 'Fiscal years (months in the year)', format: 'text' },
      { key: 'months', label: 'Months covered', format: 'integer' },
      { key: 'includes_guidance', label: 'Guidance', format: 'text' },
      { key: 'capex_usd', label: 'Capex', format: 'money' },
      { key: 'ai_capex_share_fraction', label: 'AI share', format: 'percent' },
      { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
      { key: 'ai_revenue_usd', label: 'AI revenue (reported)', format: 'money' },
    ],
    rows: dataset.companies.map((c) => [c.company, c.fiscalYears, c.months, c.guidance ? 'guidance' : 'reported', c.capexUsd, c.aiCapexShare, c.aiCapexUsd, c.aiRevenueUsd]),
    note: notes.join(' '),
  };
}

function industrySummary(i: IndustryInputs, r: IndustryGap, dataset: DatasetSpend | null): string[] {
  const out: string[] = [];
  const guidance = dataset && dataset.guidanceCompanies.length > 0 ? `, including guidance for ${dataset.guidanceCompanies.join(', ')}` : '';
  const from = dataset
    ? `${dataset.datasetName}'s calendar-${dataset.calendarYear} AI capex of ${describeMoney(dataset.aiCapexUsd)} (fiscal years split by month${guidance}) implies accelerator spend of ${describeMoney(i.acceleratorSpend)}`
    : `Accelerator spend of ${describeMoney(i.acceleratorSpend)} a year`;
  out.push(
    `${from}; at ${describePercent(i.acceleratorShare)} of data-center cost and a ${describePercent(i.grossMargin)} end-user gross margin, the industry must earn ${describeMoney(r.requiredRevenueUsd)} of revenue for each year of that spend.`,
  );
  out.push(
    r.gapUsd > 0
      ? `If the spending continues every year, as a run-rate does, that is ${describeMoney(r.requiredRevenueUsd)} every year: against ${describeMoney(i.aiRevenue)} of AI revenue, a gap of ${describeMoney(r.gapUsd)} a year.`
      : `If the spending continues every year, as a run-rate does, that is ${describeMoney(r.requiredRevenueUsd)} every year, which ${describeMoney(i.aiRevenue)} of AI revenue already covers with ${describeMoney(-r.gapUsd)} to spare.`,
  );
  const perYear = describeMoney(r.oneOffRequiredRevenuePerYearUsd);
  out.push(
    r.oneOffGapPerYearUsd > 0
      ? `Only a single year's spend, never repeated, could be earned over its ${i.usefulLifeYears}-year useful life, at ${perYear} a year; AI revenue is ${describeMoney(r.oneOffGapPerYearUsd)} short even of that.`
      : `Only a single year's spend, never repeated, could be earned over its ${i.usefulLifeYears}-year useful life, at ${perYear} a year, which today's AI revenue covers; continuing spend needs the full amount every year.`,
  );
  const reach = (years: number | null, what: string): string =>
    years === 0 ? `already covers ${what}` : years === null ? `never reaches ${what}` : `reaches ${what} ${describeYears(years)}`;
  out.push(
    `At ${describePercent(i.aiRevenueGrowth)} a year, AI revenue ${reach(r.yearsToCloseGap, `the ${describeMoney(r.requiredRevenueUsd)} a year that continuing spend needs`)}, and ${reach(r.yearsToCloseOneOffGap, `the ${perYear} a year of a one-off spend`)}.`,
  );
  return out;
}
