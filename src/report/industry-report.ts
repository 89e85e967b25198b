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
import { describeMoney, describePercent } from './words';
import { calendarParts, monthDayOf } from './calendar-split';
import { yearsText } from './number-text';
import { textIn, type Lang } from '../i18n';

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

/** The inputs' ranges and formats; their labels and help are in locales/<lang>/industry.json. */
const INDUSTRY_FIELDS: readonly Omit<AssumptionDef<IndustryKey>, 'label' | 'help'>[] = [
  { key: 'acceleratorSpend', csvKey: 'accelerator_spend_usd', format: 'number', min: 0 },
  { key: 'acceleratorShare', csvKey: 'accelerator_share_fraction', format: 'percent', min: 0, minExclusive: true, max: 1 },
  { key: 'grossMargin', csvKey: 'gross_margin_fraction', format: 'percent', min: 0, max: 1, maxExclusive: true },
  { key: 'aiRevenue', csvKey: 'ai_revenue_usd', format: 'number', min: 0 },
  { key: 'usefulLifeYears', csvKey: 'useful_life_years', format: 'years', min: 0, minExclusive: true, max: 30 },
  { key: 'aiRevenueGrowth', csvKey: 'ai_revenue_growth_fraction', format: 'percent', min: -1, minExclusive: true, max: 10 },
];

/** The industry inputs with their labels and help in `lang`. */
export function industryDefs(lang: Lang): AssumptionDef<IndustryKey>[] {
  const t = textIn(lang);
  return INDUSTRY_FIELDS.map((f) => ({ ...f, label: t(`industry.field.${f.key}`), help: t(`industry.help.${f.key}`) }));
}

export const INDUSTRY_DEFS: readonly AssumptionDef<IndustryKey>[] = industryDefs('en');

export interface IndustryPreset {
  id: string;
  inputs: Partial<IndustryInputs>;
}

/** Published cases; their names and published figures are in the locale files (`industry.preset.<id>`). */
export const INDUSTRY_PRESETS: readonly IndustryPreset[] = [
  { id: 'sequoia2023', inputs: { acceleratorSpend: 50e9, aiRevenue: 75e9 } },
  { id: 'sequoia2024', inputs: { acceleratorSpend: 150e9, aiRevenue: 100e9 } },
  { id: 'nvidiaFy2026', inputs: { acceleratorSpend: 193.7e9, aiRevenue: 100e9 } },
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
  /** The same as data, for writing it in the reader's language. */
  parts: { fiscalYear: number; months: number; guidance: boolean; partial: boolean }[];
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
      c = { company: p.company, capexUsd: 0, aiCapexShare: 0, aiCapexUsd: 0, aiRevenueUsd: null, months: 0, fiscalYears: '', parts: [], guidance: false, partial: false };
      companies.push(c);
    }
    c.capexUsd += p.capex;
    c.aiCapexUsd += p.capex * p.share;
    if (p.aiRevenue !== null) c.aiRevenueUsd = (c.aiRevenueUsd ?? 0) + p.aiRevenue;
    c.months += p.months;
    c.parts.push({ fiscalYear: p.fiscalYear, months: p.months, guidance: p.guidance, partial: p.partial });
    c.fiscalYears = fiscalYearsText('en', c.parts);
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
  /** The language the report's words are in. */
  lang: Lang;
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

/** `FY2024 (6 mo) + FY2025 (6 mo, guidance)` in the reader's language. */
export function fiscalYearsText(lang: Lang, parts: CompanySpend['parts']): string {
  const t = textIn(lang);
  return parts
    .map((p) => t('industry.companies.part', { fy: p.fiscalYear, months: p.months, flags: `${p.guidance ? t('industry.companies.guidanceFlag') : ''}${p.partial ? t('industry.companies.partialFlag') : ''}` }))
    .join(t('industry.companies.join'));
}

/** Resolves the inputs: defaults, then the dataset's sums, then what the user typed. */
export function parseIndustryInputs(
  query: Record<string, unknown>,
  dataset: DatasetSpend | null,
  lang: Lang = 'en',
): Pick<IndustryReport, 'inputs' | 'sources' | 'raw' | 'problems'> {
  const inputs: IndustryInputs = { ...INDUSTRY_DEFAULTS };
  const sources = {} as Record<IndustryKey, AssumptionSource>;
  const raw: Partial<Record<IndustryKey, string>> = {};
  const problems: AssumptionProblem[] = [];
  const t = textIn(lang);
  const defs = industryDefs(lang);
  for (const def of defs) sources[def.key] = 'default';
  if (dataset) {
    inputs.acceleratorSpend = dataset.aiCapexUsd * INDUSTRY_DEFAULTS.acceleratorShare;
    sources.acceleratorSpend = 'data';
    if (dataset.aiRevenueUsd !== null) {
      inputs.aiRevenue = dataset.aiRevenueUsd;
      sources.aiRevenue = 'data';
    }
  }
  for (const def of defs) {
    const key = def.key;
    const v = query[key];
    const text = typeof v === 'string' ? v : Array.isArray(v) && typeof v[v.length - 1] === 'string' ? (v[v.length - 1] as string) : undefined;
    if (text === undefined || text.trim() === '') continue;
    raw[key] = text;
    const checked = checkValue(def, text, lang);
    if ('value' in checked && typeof checked.value === 'number') {
      if (checked.value !== inputs[key]) sources[key] = 'user';
      inputs[key] = checked.value;
    } else {
      problems.push({ key, value: text, message: t('industry.problem.field', { label: def.label, message: 'message' in checked ? checked.message : '' }) });
    }
  }
  if (dataset && sources.acceleratorSpend === 'data' && sources.acceleratorShare === 'user') {
    // The dataset gives AI data-center cost; the accelerator part follows the share the user chose.
    inputs.acceleratorSpend = dataset.aiCapexUsd * inputs.acceleratorShare;
  }
  return { inputs, sources, raw, problems };
}

/**
 * Builds the page model, its words in `lang` (titles, labels, text cells, chart, summary; column
 * keys and measure keys stay English). `dataset` comes from datasetSpend when a dataset is chosen.
 */
export function buildIndustryReport(query: Record<string, unknown>, dataset: DatasetSpend | null, lang: Lang = 'en'): IndustryReport {
  const parsed = parseIndustryInputs(query, dataset, lang);
  if (parsed.problems.length > 0) {
    return { lang, ...parsed, dataset, result: null, tables: [], charts: [], summary: [] };
  }
  const t = textIn(lang);
  const i = parsed.inputs;
  const result = industryGap({
    acceleratorSpendUsd: i.acceleratorSpend,
    acceleratorShare: i.acceleratorShare,
    grossMargin: i.grossMargin,
    aiRevenueUsd: i.aiRevenue,
    usefulLifeYears: i.usefulLifeYears,
    aiRevenueGrowth: i.aiRevenueGrowth,
  });
  const continuing = t('industry.applies.continuing');
  const oneYear = t('industry.applies.oneYear');
  const oneOff = t('industry.applies.oneOff', { life: i.usefulLifeYears });
  const gapTable: ReportTable = {
    name: 'gap',
    title: t('industry.table.gap'),
    columns: [
      { key: 'measure', label: t('industry.col.measure'), format: 'text' },
      { key: 'value_usd', label: t('industry.col.value'), format: 'money' },
      { key: 'applies_to', label: t('industry.col.appliesTo'), format: 'text' },
      { key: 'working', label: t('industry.col.how'), format: 'text' },
    ],
    rows: [
      ['accelerator_spend', i.acceleratorSpend, oneYear, t('industry.how.input')],
      ['data_center_cost', result.dataCenterCostUsd, oneYear, t('industry.how.dataCenter', { share: i.acceleratorShare })],
      ['required_revenue', result.requiredRevenueUsd, continuing, t('industry.how.required', { margin: i.grossMargin })],
      ['ai_revenue', i.aiRevenue, t('industry.applies.aYear'), t('industry.how.input')],
      ['gap', result.gapUsd, continuing, t('industry.how.gap')],
      ['one_off_required_revenue_per_year', result.oneOffRequiredRevenuePerYearUsd, oneOff, t('industry.how.oneOffRequired', { life: i.usefulLifeYears })],
      ['one_off_gap_per_year', result.oneOffGapPerYearUsd, oneOff, t('industry.how.oneOffGap')],
    ],
    note: t('industry.gapNote', { life: i.usefulLifeYears }),
  };
  const closeTable: ReportTable = {
    name: 'years-to-close',
    title: t('industry.table.close'),
    columns: [
      { key: 'target', label: t('industry.col.target'), format: 'text' },
      { key: 'target_revenue_usd', label: t('industry.col.targetRevenue'), format: 'money' },
      { key: 'ai_revenue_growth_fraction', label: t('industry.col.growth'), format: 'percent' },
      { key: 'years_to_close', label: t('industry.col.years'), format: 'years' },
    ],
    rows: [
      [t('industry.target.continuing'), result.requiredRevenueUsd, i.aiRevenueGrowth, result.yearsToCloseGap],
      [t('industry.target.oneOff', { life: i.usefulLifeYears }), result.oneOffRequiredRevenuePerYearUsd, i.aiRevenueGrowth, result.yearsToCloseOneOffGap],
    ],
  };
  const tables = [gapTable, closeTable];
  if (dataset) tables.push(companiesTable(dataset, lang));
  const chart: ChartConfig = {
    type: 'bar',
    data: {
      labels: ['acceleratorSpend', 'dataCenterCost', 'requiredRevenue', 'aiRevenue', 'gap', 'oneOffPerYear', 'oneOffGap'].map((k) => t(`industry.chart.${k}`)),
      datasets: [
        {
          label: t('industry.chart.series'),
          data: [i.acceleratorSpend, result.dataCenterCostUsd, result.requiredRevenueUsd, i.aiRevenue, result.gapUsd, result.oneOffRequiredRevenuePerYearUsd, result.oneOffGapPerYearUsd],
          backgroundColor: ['#6b7fa8', '#6b7fa8', '#1f3b73', '#3a8f5c', '#b5482f', '#1f3b73', '#b5482f'],
        },
      ],
    },
    options: { plugins: { legend: { display: false } }, meta: { yFormat: 'money', ...(lang === 'en' ? {} : { lang }) } },
  };
  const summary = industrySummary(lang, i, result, dataset);
  return { lang, ...parsed, dataset, result, tables, charts: [{ id: 'chart-gap', title: t('industry.chart.title'), config: chart }], summary };
}

/** The dataset's calendar-year sum by company, saying how fiscal years were split and which rows are guidance. */
function companiesTable(dataset: DatasetSpend, lang: Lang): ReportTable {
  const t = textIn(lang);
  const list = (names: string[]): string => names.join(t('industry.companies.listJoin'));
  const notes = [t('industry.companies.noteSplit')];
  if (dataset.guidanceCompanies.length > 0) notes.push(t('industry.companies.noteGuidance', { companies: list(dataset.guidanceCompanies) }));
  else if (!dataset.includeGuidance) notes.push(t('industry.companies.noteNoGuidance'));
  if (dataset.incompleteCompanies.length > 0) notes.push(t('industry.companies.noteIncomplete', { year: dataset.calendarYear, companies: list(dataset.incompleteCompanies) }));
  if (dataset.missingCompanies.length > 0) notes.push(t('industry.companies.noteMissing', { year: dataset.calendarYear, companies: list(dataset.missingCompanies) }));
  return {
    name: 'companies',
    title: t('industry.table.companies', { year: dataset.calendarYear }),
    columns: [
      { key: 'company', label: t('industry.col.company'), format: 'text' },
      { key: 'fiscal_years', label: t('industry.col.fiscalYears'), format: 'text' },
      { key: 'months', label: t('industry.col.months'), format: 'integer' },
      { key: 'includes_guidance', label: t('industry.col.guidance'), format: 'text' },
      { key: 'capex_usd', label: t('industry.col.capex'), format: 'money' },
      { key: 'ai_capex_share_fraction', label: t('industry.col.aiShare'), format: 'percent' },
      { key: 'ai_capex_usd', label: t('industry.col.aiCapex'), format: 'money' },
      { key: 'ai_revenue_usd', label: t('industry.col.aiRevenue'), format: 'money' },
    ],
    rows: dataset.companies.map((c) => [
      c.company,
      fiscalYearsText(lang, c.parts),
      c.months,
      t(c.guidance ? 'industry.companies.guidance' : 'industry.companies.reported'),
      c.capexUsd,
      c.aiCapexShare,
      c.aiCapexUsd,
      c.aiRevenueUsd,
    ]),
    note: notes.join(' '),
  };
}

/** Columns whose cells are data as typed (company names), not words of the report. */
export const INDUSTRY_DATA_COLUMNS: readonly string[] = ['company'];

/** The summary, written in `lang` from the numbers: dollars in Korean as `6,000억 달러`. */
function industrySummary(lang: Lang, i: IndustryInputs, r: IndustryGap, dataset: DatasetSpend | null): string[] {
  const t = textIn(lang);
  const money = (usd: number): string => describeMoney(usd, 'USD', { lang, won: 'exact' });
  const out: string[] = [];
  const guidance = dataset && dataset.guidanceCompanies.length > 0 ? t('industry.summary.fromDatasetGuidance', { companies: dataset.guidanceCompanies.join(t('industry.companies.listJoin')) }) : '';
  const from = dataset
    ? t('industry.summary.fromDataset', { dataset: dataset.datasetName, year: dataset.calendarYear, aiCapex: money(dataset.aiCapexUsd), guidance, spend: money(i.acceleratorSpend) })
    : t('industry.summary.fromTyped', { spend: money(i.acceleratorSpend) });
  out.push(t('industry.summary.required', { from, share: describePercent(i.acceleratorShare), margin: describePercent(i.grossMargin), required: money(r.requiredRevenueUsd) }));
  out.push(
    r.gapUsd > 0
      ? t('industry.summary.gap', { required: money(r.requiredRevenueUsd), aiRevenue: money(i.aiRevenue), gap: money(r.gapUsd) })
      : t('industry.summary.surplus', { required: money(r.requiredRevenueUsd), aiRevenue: money(i.aiRevenue), surplus: money(-r.gapUsd) }),
  );
  const perYear = money(r.oneOffRequiredRevenuePerYearUsd);
  out.push(
    r.oneOffGapPerYearUsd > 0
      ? t('industry.summary.oneOffShort', { life: i.usefulLifeYears, perYear, short: money(r.oneOffGapPerYearUsd) })
      : t('industry.summary.oneOffCovered', { life: i.usefulLifeYears, perYear }),
  );
  const reach = (years: number | null, what: string): string =>
    years === 0
      ? t('industry.summary.reachNow', { what })
      : years === null
        ? t('industry.summary.reachNever', { what })
        : t('industry.summary.reachIn', { what, when: t('industry.summary.inYears', { n: yearsText(years) }) });
  out.push(
    t('industry.summary.reach', {
      growth: describePercent(i.aiRevenueGrowth),
      continuing: reach(r.yearsToCloseGap, t('industry.summary.continuingTarget', { required: money(r.requiredRevenueUsd) })),
      oneOff: reach(r.yearsToCloseOneOffGap, t('industry.summary.oneOffTarget', { perYear })),
    }),
  );
  return out;
}
