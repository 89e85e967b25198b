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

export interface DatasetSpend {
  datasetName: string;
  fiscalYear: number;
  years: number[];
  companies: { company: string; capexUsd: number; aiCapexShare: number; aiCapexUsd: number; aiRevenueUsd: number | null }[];
  aiCapexUsd: number;
  aiRevenueUsd: number | null;
}

function num(v: Row[string] | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Sums a company dataset for one fiscal year: AI capex (capex × AI share, the row's share or the
 * default) is the AI data-center cost, so the accelerator spend is AI capex × accelerator share.
 * The latest year with capex is used when `fiscalYear` is absent or not in the data.
 */
export function datasetSpend(datasetName: string, dataRows: Row[], aiCapexShareDefault: number, fiscalYear?: number): DatasetSpend | null {
  // KRW capex (a Korean upload) is summed in USD at the default FX rate.
  const rows = rowsInUsd(dataRows, DEFAULT_ASSUMPTIONS).rows;
  const years = [...new Set(rows.filter((r) => num(r.capex) !== null).map((r) => num(r.fiscal_year)).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const year = fiscalYear !== undefined && years.includes(fiscalYear) ? fiscalYear : (years[years.length - 1] as number);
  const companies: DatasetSpend['companies'] = [];
  for (const r of rows) {
    const capex = num(r.capex);
    if (num(r.fiscal_year) !== year || capex === null) continue;
    const dataShare = num(r.ai_capex_share);
    const share = dataShare !== null && dataShare >= 0 && dataShare <= 1 ? dataShare : aiCapexShareDefault;
    const amount = Math.abs(capex);
    companies.push({ company: String(r.company ?? ''), capexUsd: amount, aiCapexShare: share, aiCapexUsd: amount * share, aiRevenueUsd: num(r.ai_revenue) });
  }
  const revenues = companies.map((c) => c.aiRevenueUsd).filter((v): v is number => v !== null);
  return {
    datasetName,
    fiscalYear: year,
    years,
    companies,
    aiCapexUsd: companies.reduce((s, c) => s + c.aiCapexUsd, 0),
    aiRevenueUsd: revenues.length ? revenues.reduce((s, v) => s + v, 0) : null,
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
  const gapTable: ReportTable = {
    name: 'gap',
    title: 'The gap',
    columns: [
      { key: 'measure', label: 'Measure', format: 'text' },
      { key: 'value_usd', label: 'Value', format: 'money' },
      { key: 'working', label: 'How', format: 'text' },
    ],
    rows: [
      ['accelerator_spend', i.acceleratorSpend, 'input'],
      ['data_center_cost', result.dataCenterCostUsd, `accelerator spend ÷ ${i.acceleratorShare}`],
      ['required_revenue', result.requiredRevenueUsd, `data-center cost ÷ (1 − ${i.grossMargin})`],
      ['ai_revenue', i.aiRevenue, 'input'],
      ['gap', result.gapUsd, 'required revenue − AI revenue'],
      ['required_revenue_per_year_of_life', result.requiredRevenuePerYearUsd, `required revenue ÷ ${i.usefulLifeYears} years`],
      ['gap_per_year_of_life', result.gapPerYearUsd, 'per-year requirement − AI revenue'],
    ],
  };
  const closeTable: ReportTable = {
    name: 'years-to-close',
    title: 'Years of AI revenue growth that close it',
    columns: [
      { key: 'target', label: 'Target', format: 'text' },
      { key: 'target_revenue_usd', label: 'Revenue needed', format: 'money' },
      { key: 'ai_revenue_growth_fraction', label: 'Growth', format: 'percent' },
      { key: 'years_to_close', label: 'Years', format: 'years' },
    ],
    rows: [
      ['whole requirement in one year', result.requiredRevenueUsd, i.aiRevenueGrowth, result.yearsToCloseGap],
      ['requirement per year of useful life', result.requiredRevenuePerYearUsd, i.aiRevenueGrowth, result.yearsToClosePerYearGap],
    ],
  };
  const tables = [gapTable, closeTable];
  if (dataset) {
    tables.push({
      name: 'companies',
      title: `AI capex by company, FY${dataset.fiscalYear}`,
      columns: [
        { key: 'company', label: 'Company', format: 'text' },
        { key: 'capex_usd', label: 'Capex', format: 'money' },
        { key: 'ai_capex_share_fraction', label: 'AI share', format: 'percent' },
        { key: 'ai_capex_usd', label: 'AI capex', format: 'money' },
        { key: 'ai_revenue_usd', label: 'AI revenue (reported)', format: 'money' },
      ],
      rows: dataset.companies.map((c) => [c.company, c.capexUsd, c.aiCapexShare, c.aiCapexUsd, c.aiRevenueUsd]),
    });
  }
  const chart: ChartConfig = {
    type: 'bar',
    data: {
      labels: ['Accelerator spend', 'Data-center cost', 'Required revenue', 'AI revenue', 'Gap', 'Required per year of life', 'Gap per year of life'],
      datasets: [
        {
          label: 'USD',
          data: [i.acceleratorSpend, result.dataCenterCostUsd, result.requiredRevenueUsd, i.aiRevenue, result.gapUsd, result.requiredRevenuePerYearUsd, result.gapPerYearUsd],
          backgroundColor: ['#6b7fa8', '#6b7fa8', '#1f3b73', '#3a8f5c', '#b5482f', '#1f3b73', '#b5482f'],
        },
      ],
    },
    options: { plugins: { legend: { display: false } }, meta: { yFormat: 'money' } },
  };
  const summary = industrySummary(i, result, dataset);
  return { ...parsed, dataset, result, tables, charts: [{ id: 'chart-gap', title: 'Required revenue against AI revenue', config: chart }], summary };
}

function industrySummary(i: IndustryInputs, r: IndustryGap, dataset: DatasetSpend | null): string[] {
  const out: string[] = [];
  const from = dataset
    ? `${dataset.datasetName}'s FY${dataset.fiscalYear} AI capex of ${describeMoney(dataset.aiCapexUsd)} implies accelerator spend of ${describeMoney(i.acceleratorSpend)}`
    : `Accelerator spend of ${describeMoney(i.acceleratorSpend)} a year`;
  out.push(
    `${from}; at ${describePercent(i.acceleratorShare)} of data-center cost and a ${describePercent(i.grossMargin)} end-user gross margin, the industry must earn ${describeMoney(r.requiredRevenueUsd)} of revenue.`,
  );
  out.push(
    r.gapUsd > 0
      ? `Against ${describeMoney(i.aiRevenue)} of AI revenue that leaves a gap of ${describeMoney(r.gapUsd)}.`
      : `AI revenue of ${describeMoney(i.aiRevenue)} already covers it, with ${describeMoney(-r.gapUsd)} to spare.`,
  );
  out.push(
    r.gapPerYearUsd > 0
      ? `Spread over a ${i.usefulLifeYears}-year useful life the requirement is ${describeMoney(r.requiredRevenuePerYearUsd)} a year, still ${describeMoney(r.gapPerYearUsd)} short.`
      : `Spread over a ${i.usefulLifeYears}-year useful life the requirement is ${describeMoney(r.requiredRevenuePerYearUsd)} a year, which today's AI revenue already covers.`,
  );
  out.push(
    `At ${describePercent(i.aiRevenueGrowth)} a year, AI revenue reaches the full requirement ${describeYears(r.yearsToCloseGap)} and the per-year requirement ${describeYears(r.yearsToClosePerYearGap)}.`,
  );
  return out;
}
