/**
 * Model economics report: a models dataset (+ assumptions, + optionally a company dataset for the
 * "fully loaded" lens) → plain tables, a chart configuration and summary sentences. The HTML page,
 * the CSV twin and the JSON twin all render from this one model, so they hold the same numbers.
 */
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { rowsInUsd } from './data-currency';
import { describeMoney } from './words';
import type { Cell, Column, ReportTable } from './table';
import {
  costPerMillionTokens,
  costPerPoint,
  costRatios,
  deepSeekServingDay,
  DEEPSEEK_SERVING_DAY,
  fitCostTrend,
  gpuById,
  GPU_SPECS,
  topNPerYear,
  trainingCost,
  yearFraction,
  type CostEstimate,
  type CostPoint,
  type GpuMatch,
  type TrainingCost,
  type TrendFit,
} from '../models';
import type { Row } from '../store/types';

export type { Cell, Column, ColumnFormat, ReportTable } from './table';

/** A Chart.js configuration as plain data (see public/js/charts.js for `options.meta`). */
export interface ChartSpec {
  id: string;
  title: string;
  config: {
    type: 'scatter';
    data: { datasets: { label: string; data: { x: number; y: number }[]; showLine?: boolean; pointRadius?: number; borderColor?: string; backgroundColor?: string; borderWidth?: number }[] };
    options: {
      plugins: { legend: { display: boolean } };
      scales: {
        x: { type: 'linear'; title: { display: boolean; text: string }; ticks: { format: { useGrouping: false; maximumFractionDigits: number } } };
        y: { title: { display: boolean; text: string } };
      };
      meta: { yFormat: 'money'; logY: true };
    };
  };
}

/** One editable assumption of the report, with where its value came from. */
export interface AssumptionValue {
  key: string;
  label: string;
  value: number | string | null;
  source: 'default' | 'user';
}

/** Assumptions of the model economics report. */
export interface ModelEconomicsOptions {
  /** USD per GPU-hour for rows that state none. */
  gpuHourPriceUsd: number;
  /** MFU fraction for rows that state none. */
  mfu: number;
  /** Keep only the N most expensive models per year in the trend fit (Epoch's frontier); null = all. */
  topN: number | null;
  /** Inference lens: GPU id, decode tokens per second per GPU, USD per GPU-hour, utilization. */
  inferenceGpu: string;
  inferenceTokensPerSecond: number;
  inferenceGpuHourPriceUsd: number;
  utilization: number;
}

/** The company side of the "fully loaded" lens, already loaded by the caller. */
export interface LensInput {
  datasetId: number;
  datasetName: string;
  rows: Row[];
  year: number | null;
  /** Model whose cost is set against capex; null picks DeepSeek-V3 if present, else the cheapest. */
  model: string | null;
}

export interface ModelEconomicsReport {
  summary: string[];
  tables: ReportTable[];
  charts: ChartSpec[];
  trend: { all: TrendFit; frontier: TrendFit | null };
  lens: { datasetId: number; datasetName: string; year: number | null; years: number[]; model: string | null; models: string[] } | null;
  models: { name: string; headlineCostUsd: number | null }[];
}

export const MODEL_ECONOMICS_DEFAULTS: Readonly<ModelEconomicsOptions> = Object.freeze({
  gpuHourPriceUsd: 2,
  mfu: 0.4,
  topN: null,
  inferenceGpu: 'H800',
  // DeepSeek's disclosure: one H800 node (8 GPUs) decodes about 14.8k tokens/s → 1,850 per GPU.
  inferenceTokensPerSecond: DEEPSEEK_SERVING_DAY.decodeTokensPerSecondPerNode / DEEPSEEK_SERVING_DAY.gpusPerNode,
  inferenceGpuHourPriceUsd: 2,
  utilization: 0.5,
});

function num(row: Row, key: string): number | null {
  const v = row[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(row: Row, key: string): string | null {
  const v = row[key];
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === '' ? null : s;
}

function hardwareText(m: GpuMatch): string {
  switch (m.kind) {
    case 'known':
      return `${m.spec.id} (${m.spec.name})`;
    case 'ambiguous':
      return `ambiguous: ${m.reason}`;
    case 'unknown':
      return `unknown: ${m.reason}`;
    default:
      return 'not stated';
  }
}

function usedText(e: CostEstimate): string {
  if (e.kind === 'missing') return e.reason;
  return e.used.map((u) => `${u.name}=${typeof u.value === 'number' ? formatPlain(u.value) : u.value} (${u.source})`).join('; ');
}

/** Compact plain number for notes in cells (raw numbers stay in their own columns). */
function formatPlain(v: number): string {
  if (v !== 0 && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-3)) return v.toExponential(4).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Math.round(v * 1e6) / 1e6);
}

function costOrNull(e: CostEstimate): number | null {
  return e.kind === 'ok' ? e.costUsd : null;
}

interface Computed {
  row: Row;
  name: string;
  date: string | null;
  year: number | null;
  cost: TrainingCost;
}

function computeAll(rows: Row[], o: ModelEconomicsOptions): Computed[] {
  return rows.map((row, i) => {
    const name = str(row, 'model') ?? `row ${i + 1}`;
    const cost = trainingCost(
      {
        model: name,
        paramsB: num(row, 'params_b'),
        activeParamsB: num(row, 'active_params_b'),
        tokensT: num(row, 'tokens_t'),
        trainingFlops: num(row, 'training_flops'),
        hardware: str(row, 'hardware'),
        gpuCount: num(row, 'gpu_count'),
        gpuHours: num(row, 'gpu_hours'),
        trainingHours: num(row, 'training_hours'),
        gpuHourPriceUsd: num(row, 'gpu_hour_price_usd'),
        mfu: num(row, 'mfu'),
        trainingCostUsd: num(row, 'training_cost_usd'),
      },
      { gpuHourPriceUsd: o.gpuHourPriceUsd, mfu: o.mfu },
    );
    const date = str(row, 'release_date');
    return { row, name, date, year: yearFraction(date), cost };
  });
}

const METHOD_LABEL = { reported: 'reported', gpuHours: 'GPU-hours × price', flops: 'FLOPs ÷ (peak × MFU) × price' } as const;

function costsTable(items: Computed[]): ReportTable {
  return {
    name: 'costs',
    title: 'Training cost three ways',
    note: 'Each method lists the inputs it used and whether they came from the data, were derived, or are a default you can change above. The headline cost is the reported one, else GPU-hours, else FLOPs.',
    columns: [
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'organization', label: 'Organization', format: 'text' },
      { key: 'release_date', label: 'Released', format: 'text' },
      { key: 'hardware_match', label: 'Hardware (spec row)', format: 'text' },
      { key: 'reported_cost_usd', label: 'Reported', format: 'money' },
      { key: 'gpu_hours_cost_usd', label: 'GPU-hours × price', format: 'money' },
      { key: 'gpu_hours_method_inputs', label: 'Inputs (GPU-hours)', format: 'text' },
      { key: 'flops_cost_usd', label: 'FLOPs ÷ (peak × MFU)', format: 'money' },
      { key: 'flops_gpu_hours', label: 'GPU-hours from FLOPs', format: 'integer' },
      { key: 'flops_method_inputs', label: 'Inputs (FLOPs)', format: 'text' },
      { key: 'headline_cost_usd', label: 'Headline cost', format: 'money' },
      { key: 'headline_method', label: 'Headline from', format: 'text' },
      { key: 'cost_note', label: 'Note', format: 'text' },
    ],
    rows: items.map((c) => [
      c.name,
      str(c.row, 'organization'),
      c.date,
      hardwareText(c.cost.hardware),
      costOrNull(c.cost.reported),
      costOrNull(c.cost.gpuHours),
      usedText(c.cost.gpuHours),
      costOrNull(c.cost.flops),
      c.cost.flops.kind === 'ok' ? c.cost.flops.gpuHours : null,
      usedText(c.cost.flops),
      c.cost.headline?.costUsd ?? null,
      c.cost.headline ? METHOD_LABEL[c.cost.headline.method] : 'no way to a cost in this row',
      str(c.row, 'cost_note'),
    ]),
  };
}

function pointsOf(items: Computed[]): CostPoint[] {
  const pts: CostPoint[] = [];
  for (const c of items) {
    if (c.year !== null && c.cost.headline && c.cost.headline.costUsd > 0) pts.push({ model: c.name, year: c.year, costUsd: c.cost.headline.costUsd });
  }
  return pts;
}

function ratiosTable(points: CostPoint[]): ReportTable {
  const ratios = costRatios(points).sort((a, b) => a.year - b.year || a.costUsd - b.costUsd);
  return {
    name: 'ratios',
    title: 'Cost against the cheapest comparable model',
    note: 'Comparable means released in the same calendar year. Headline costs; models without a release date or cost are left out.',
    columns: [
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'release_year', label: 'Year', format: 'text' },
      { key: 'headline_cost_usd', label: 'Headline cost', format: 'money' },
      { key: 'cheapest_model', label: 'Cheapest that year', format: 'text' },
      { key: 'cheapest_cost_usd', label: 'Its cost', format: 'money' },
      { key: 'cost_ratio', label: 'Ratio', format: 'multiple' },
    ],
    rows: ratios.map((r) => [r.model, r.year, r.costUsd, r.cheapestModel, r.cheapestCostUsd, r.ratio]),
  };
}

function scoreKeys(rows: Row[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (k.startsWith('score_')) keys.add(k);
  return [...keys].sort();
}

function perPointTable(items: Computed[], keys: string[]): ReportTable | null {
  if (keys.length === 0) return null;
  const columns: Column[] = [
    { key: 'model', label: 'Model', format: 'text' },
    { key: 'headline_cost_usd', label: 'Headline cost', format: 'money' },
  ];
  for (const k of keys) {
    const name = k.slice('score_'.length);
    columns.push({ key: k, label: `Score: ${name}`, format: 'number' }, { key: `usd_per_point_${name}`, label: `Cost per ${name} point`, format: 'money' });
  }
  const rows: Cell[][] = [];
  for (const c of items) {
    const cost = c.cost.headline?.costUsd ?? null;
    const cells: Cell[] = [c.name, cost];
    let any = false;
    for (const k of keys) {
      const s = num(c.row, k);
      if (s !== null) any = true;
      cells.push(s, cost === null ? null : costPerPoint(cost, s));
    }
    if (any) rows.push(cells);
  }
  return { name: 'per-point', title: 'Cost per benchmark point', note: 'Headline training cost ÷ score, for each score column in the data.', columns, rows };
}

function fitRow(scope: string, f: TrendFit): Cell[] {
  if (f.kind !== 'ok') return [scope, f.n, null, null, null, null, null, f.reason];
  return [scope, f.n, f.growthPerYear, f.doublingYears, f.r2, f.firstYear, f.lastYear, f.doublingYears === null ? 'costs are not growing' : ''];
}

function trendTable(all: TrendFit, frontier: TrendFit | null, topN: number | null): ReportTable {
  const rows = [fitRow('all models with a date and cost', all)];
  if (frontier && topN !== null) rows.push(fitRow(`top ${topN} most expensive per year`, frontier));
  return {
    name: 'trend',
    title: 'Cost trend (log-linear fit)',
    note: 'Least squares of log10(cost) on release date. Growth = 10^slope per year; doubling time = log10(2) ÷ slope. Epoch AI reports frontier training costs growing about 2.4× a year since 2016.',
    columns: [
      { key: 'scope', label: 'Models in the fit', format: 'text' },
      { key: 'n_models', label: 'n', format: 'integer' },
      { key: 'growth_per_year_multiple', label: 'Growth per year', format: 'multiple' },
      { key: 'doubling_time_years', label: 'Doubling time (years)', format: 'years' },
      { key: 'r_squared', label: 'R²', format: 'number' },
      { key: 'first_year', label: 'From', format: 'number' },
      { key: 'last_year', label: 'To', format: 'number' },
      { key: 'note', label: 'Note', format: 'text' },
    ],
    rows,
  };
}

function trendChart(points: CostPoint[], fit: TrendFit, label: string): ChartSpec {
  const datasets: ChartSpec['config']['data']['datasets'] = [
    { label: 'Models (headline cost)', data: points.map((p) => ({ x: round4(p.year), y: p.costUsd })), pointRadius: 4, backgroundColor: '#1f3b73' },
  ];
  if (fit.kind === 'ok') {
    const y = (x: number): number => Math.pow(10, fit.interceptLog10 + fit.slopeLog10PerYear * x);
    datasets.push({
      label: `${label}: ${fit.growthPerYear.toFixed(2)}× a year`,
      data: [
        { x: round4(fit.firstYear), y: y(fit.firstYear) },
        { x: round4(fit.lastYear), y: y(fit.lastYear) },
      ],
      showLine: true,
      pointRadius: 0,
      borderColor: '#b5482f',
      borderWidth: 2,
    });
  }
  return {
    id: 'cost-trend',
    title: 'Training cost against release date (log scale)',
    config: {
      type: 'scatter',
      data: { datasets },
      options: {
        plugins: { legend: { display: true } },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'Release date (year)' }, ticks: { format: { useGrouping: false, maximumFractionDigits: 1 } } },
          y: { title: { display: true, text: 'Training cost (USD)' } },
        },
        meta: { yFormat: 'money', logY: true },
      },
    },
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function companyYears(rows: Row[]): { years: number[]; latestReported: number | null } {
  const ys = new Set<number>();
  let latestReported: number | null = null;
  for (const r of rows) {
    const y = num(r, 'fiscal_year');
    if (y === null || num(r, 'capex') === null) continue;
    ys.add(y);
    const basis = str(r, 'basis') ?? 'reported';
    if (basis === 'reported' && (latestReported === null || y > latestReported)) latestReported = y;
  }
  return { years: [...ys].sort((a, b) => a - b), latestReported };
}

function lensTable(items: Computed[], lens: LensInput): { table: ReportTable; year: number | null; years: number[]; model: string | null; models: string[] } {
  const withCost = items.filter((c) => c.cost.headline && c.cost.headline.costUsd > 0);
  const models = withCost.map((c) => c.name);
  const byName = (n: string): Computed | undefined => withCost.find((c) => c.name === n);
  const cheapest = [...withCost].sort((a, b) => (a.cost.headline?.costUsd ?? 0) - (b.cost.headline?.costUsd ?? 0))[0];
  const dearest = [...withCost].sort((a, b) => (b.cost.headline?.costUsd ?? 0) - (a.cost.headline?.costUsd ?? 0))[0];
  const chosen = (lens.model !== null ? byName(lens.model) : undefined) ?? withCost.find((c) => /^deepseek-v3$/i.test(c.name)) ?? cheapest;
  // KRW capex (a Korean upload) is compared in USD at the default FX rate.
  const companyRows = rowsInUsd(lens.rows, DEFAULT_ASSUMPTIONS).rows;
  const { years, latestReported } = companyYears(companyRows);
  // Default: the latest year with reported (not guided) capex.
  const year = lens.year !== null && years.includes(lens.year) ? lens.year : (latestReported ?? years[years.length - 1] ?? null);
  const lensModels = [chosen, dearest].filter((c, i, a): c is Computed => c !== undefined && a.indexOf(c) === i);
  const rows: Cell[][] = [];
  for (const r of companyRows) {
    const capex = num(r, 'capex');
    if (num(r, 'fiscal_year') !== year || capex === null || capex <= 0) continue;
    for (const m of lensModels) {
      const cost = m.cost.headline?.costUsd ?? 0;
      rows.push([str(r, 'company'), year, str(r, 'basis') ?? 'reported', capex, m.name, cost, cost / capex, capex / cost]);
    }
  }
  return {
    table: {
      name: 'lens',
      title: `Fully loaded: training cost as a share of capex (${lens.datasetName}, ${year ?? 'no year'})`,
      note: 'A final training run is a sliver of a hyperscaler’s yearly capex; capex ÷ cost is how many such runs one year of capex would pay for (it also buys data centers, networks and serving).',
      columns: [
        { key: 'company', label: 'Company', format: 'text' },
        { key: 'fiscal_year', label: 'Fiscal year', format: 'integer' },
        { key: 'basis', label: 'Basis', format: 'text' },
        { key: 'capex_usd', label: 'Capex', format: 'money' },
        { key: 'model', label: 'Model', format: 'text' },
        { key: 'training_cost_usd', label: 'Training cost', format: 'money' },
        { key: 'share_of_capex_fraction', label: 'Share of capex', format: 'percent' },
        { key: 'runs_per_year_of_capex', label: 'Runs one year of capex buys', format: 'number' },
      ],
      rows,
    },
    year,
    years,
    model: chosen?.name ?? null,
    models,
  };
}

function inferenceTables(o: ModelEconomicsOptions): ReportTable[] {
  const busy = costPerMillionTokens(o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, 1);
  const reserved = costPerMillionTokens(o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, o.utilization);
  const day = deepSeekServingDay();
  const d = DEEPSEEK_SERVING_DAY;
  return [
    {
      name: 'inference',
      title: `Inference cost per million output tokens (${o.inferenceGpu})`,
      note: 'Cost per million = price per GPU-hour ÷ (tokens per second × utilization × 3,600) × 10⁶. Reserved GPUs are paid whether busy or not, so idle hours load onto the tokens served.',
      columns: [
        { key: 'basis', label: 'Basis', format: 'text' },
        { key: 'gpu_hour_price_usd', label: 'Price per GPU-hour', format: 'money' },
        { key: 'tokens_per_second_per_gpu', label: 'Tokens/s per GPU', format: 'number' },
        { key: 'utilization_fraction', label: 'Utilization', format: 'percent' },
        { key: 'usd_per_million_tokens', label: 'Cost per million tokens', format: 'money' },
        { key: 'formula', label: 'Formula', format: 'text' },
      ],
      rows: [
        ['busy every paid hour', o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, 1, busy, `${o.inferenceGpuHourPriceUsd} ÷ (${formatPlain(o.inferenceTokensPerSecond)} × 3600) × 1e6`],
        ['reserved, at stated utilization', o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, o.utilization, reserved, `${o.inferenceGpuHourPriceUsd} ÷ (${formatPlain(o.inferenceTokensPerSecond)} × ${o.utilization} × 3600) × 1e6`],
      ],
    },
    {
      name: 'deepseek-day',
      title: 'Worked example: DeepSeek’s disclosed serving day (27–28 Feb 2025)',
      note: `Source: ${d.source}. Revenue is theoretical: every token billed at R1 list prices.`,
      columns: [
        { key: 'item', label: 'Item', format: 'text' },
        { key: 'value', label: 'Value', format: 'number' },
        { key: 'unit', label: 'Unit', format: 'text' },
        { key: 'formula', label: 'Formula', format: 'text' },
        { key: 'published', label: 'Published', format: 'number' },
      ],
      rows: [
        ['cost per day', day.costUsd, 'USD', `${d.nodes} nodes × ${d.gpusPerNode} H800 × ${d.hours} h × $${d.gpuHourPriceUsd}`, d.publishedCostUsd],
        ['theoretical revenue per day', day.revenueUsd, 'USD', '342B cached input × $0.14 + 266B uncached input × $0.55 + 168B output × $2.19, per million', d.publishedRevenueUsd],
        ['cost profit margin', day.costProfitMargin, 'fraction', '(revenue − cost) ÷ cost', 5.45],
        ['fleet cost per million output tokens', day.costPerMillionOutputTokensUsd, 'USD', 'cost ÷ 168B output tokens × 1e6', null],
        ['decode cost per million tokens', day.decodeCostPerMillionTokensUsd, 'USD', `$${d.gpuHourPriceUsd} ÷ (14,800 ÷ 8 tok/s × 3600) × 1e6`, null],
      ],
    },
  ];
}

function specTable(): ReportTable {
  return {
    name: 'gpu-specs',
    title: 'GPU spec table used for the FLOPs method',
    columns: [
      { key: 'gpu_id', label: 'Id', format: 'text' },
      { key: 'gpu', label: 'Name', format: 'text' },
      { key: 'memory_gb', label: 'Memory (GB)', format: 'number' },
      { key: 'mem_bandwidth_tb_per_s', label: 'Bandwidth (TB/s)', format: 'number' },
      { key: 'bf16_dense_tflops', label: 'BF16 dense TFLOP/s', format: 'number' },
      { key: 'fp8_dense_tflops', label: 'FP8 dense TFLOP/s', format: 'number' },
      { key: 'tdp_w', label: 'Power (W)', format: 'integer' },
      { key: 'source', label: 'Source', format: 'text' },
    ],
    rows: GPU_SPECS.map((s) => [s.id, s.name, s.memoryGB, s.memBandwidthTBps, s.bf16DenseTflops, s.fp8DenseTflops, s.tdpW, s.source]),
  };
}

function summaryOf(items: Computed[], all: TrendFit, frontier: TrendFit | null, lens: ReportTable | null, o: ModelEconomicsOptions): string[] {
  const out: string[] = [];
  const costed = items.filter((c) => c.cost.headline && c.cost.headline.costUsd > 0);
  out.push(`${costed.length} of ${items.length} models have a way to a training cost; ${items.length - costed.length} are kept and marked, not dropped.`);
  if (costed.length >= 2) {
    const sorted = [...costed].sort((a, b) => (a.cost.headline?.costUsd ?? 0) - (b.cost.headline?.costUsd ?? 0));
    const lo = sorted[0] as Computed;
    const hi = sorted[sorted.length - 1] as Computed;
    const loCost = lo.cost.headline?.costUsd ?? 0;
    const hiCost = hi.cost.headline?.costUsd ?? 0;
    out.push(`The cheapest run is ${lo.name} at ${describeMoney(loCost)}; the most expensive is ${hi.name} at ${describeMoney(hiCost)}, ${(hiCost / loCost).toFixed(0)}× as much.`);
  }
  const fit = frontier && frontier.kind === 'ok' ? frontier : all;
  if (fit.kind === 'ok') {
    out.push(
      `Across ${fit.n} models${frontier && o.topN !== null ? ` (top ${o.topN} per year)` : ''}, training cost grows ${fit.growthPerYear.toFixed(2)}× a year${fit.doublingYears !== null ? `, doubling every ${(fit.doublingYears * 12).toFixed(1)} months` : ''} (R² ${fit.r2.toFixed(2)}). Epoch AI's published frontier figure is about 2.4× a year.`,
    );
  } else {
    out.push(`No cost trend: ${fit.reason}.`);
  }
  const first = lens?.rows[0];
  if (first) {
    const [company, year, , capex, model, cost, share] = first;
    out.push(`${model}'s ${describeMoney(cost as number)} is ${((share as number) * 100).toPrecision(2)}% of ${company}'s ${year} capex of ${describeMoney(capex as number)}.`);
  }
  return out;
}

/**
 * Builds the model economics report.
 * @example buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS).tables.map((t) => t.name)
 *   // ['costs', 'ratios', 'trend', 'inference', 'deepseek-day', 'gpu-specs']
 */
export function buildModelEconomics(rows: Row[], o: ModelEconomicsOptions, lens: LensInput | null = null): ModelEconomicsReport {
  const items = computeAll(rows, o);
  const points = pointsOf(items);
  const all = fitCostTrend(points);
  const frontierPoints = o.topN !== null ? topNPerYear(points, o.topN) : null;
  const frontier = frontierPoints ? fitCostTrend(frontierPoints) : null;
  const tables: ReportTable[] = [costsTable(items), ratiosTable(points)];
  const perPoint = perPointTable(items, scoreKeys(rows));
  if (perPoint) tables.push(perPoint);
  tables.push(trendTable(all, frontier, o.topN));
  let lensOut: ModelEconomicsReport['lens'] = null;
  let lensTbl: ReportTable | null = null;
  if (lens) {
    const l = lensTable(items, lens);
    lensTbl = l.table;
    tables.push(l.table);
    lensOut = { datasetId: lens.datasetId, datasetName: lens.datasetName, year: l.year, years: l.years, model: l.model, models: l.models };
  }
  tables.push(...inferenceTables(o), specTable());
  const chartPoints = frontierPoints ?? points;
  const chartFit = frontier ?? all;
  return {
    summary: summaryOf(items, all, frontier, lensTbl, o),
    tables,
    charts: [trendChart(chartPoints, chartFit, frontier ? `Trend, top ${o.topN} per year` : 'Trend')],
    trend: { all, frontier },
    lens: lensOut,
    models: items.map((c) => ({ name: c.name, headlineCostUsd: c.cost.headline?.costUsd ?? null })),
  };
}

/** A query-string problem: which field, what was given, what is expected. */
export interface FieldProblem {
  field: string;
  value: string;
  message: string;
}

type Query = Record<string, unknown>;

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One query value as text (first of repeated keys), or null when absent or empty. */
export function queryText(q: Query, key: string): string | null {
  let v = q[key];
  if (Array.isArray(v)) v = v[0];
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/**
 * Reads a number from the query: absent → the default; present → strictly parsed and range-checked,
 * else a problem naming the field. Never `parseFloat` (which accepts `12abc`).
 */
export function queryNumber(
  q: Query,
  key: string,
  fallback: number,
  problems: FieldProblem[],
  rule: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean; what: string },
): number {
  const t = queryText(q, key);
  if (t === null) return fallback;
  const fail = (): number => {
    problems.push({ field: key, value: t.slice(0, 60), message: `${rule.what}` });
    return fallback;
  };
  if (!NUMBER_TEXT.test(t)) return fail();
  const v = Number(t);
  if (!Number.isFinite(v)) return fail();
  if (rule.integer && !Number.isInteger(v)) return fail();
  if (rule.min !== undefined && (rule.minExclusive ? v <= rule.min : v < rule.min)) return fail();
  if (rule.max !== undefined && v > rule.max) return fail();
  return v;
}

/** Report options from a query string; bad values become problems and fall back to defaults. */
export function parseModelEconomicsQuery(q: Query): { options: ModelEconomicsOptions; problems: FieldProblem[]; assumptions: AssumptionValue[] } {
  const problems: FieldProblem[] = [];
  const d = MODEL_ECONOMICS_DEFAULTS;
  const gpuHourPriceUsd = queryNumber(q, 'price', d.gpuHourPriceUsd, problems, { min: 0, minExclusive: true, what: 'price per GPU-hour must be a number of USD greater than 0' });
  const mfu = queryNumber(q, 'mfu', d.mfu, problems, { min: 0, max: 1, minExclusive: true, what: 'MFU must be a fraction between 0 and 1 (0.4 = 40%)' });
  const topNRaw = queryNumber(q, 'topN', 0, problems, { min: 0, max: 1000, integer: true, what: 'top N per year must be a whole number from 1 to 1000 (empty for all models)' });
  const gpuText = queryText(q, 'infGpu');
  let inferenceGpu = d.inferenceGpu;
  if (gpuText !== null) {
    const spec = gpuById(gpuText);
    if (spec) inferenceGpu = spec.id;
    else problems.push({ field: 'infGpu', value: gpuText.slice(0, 60), message: `GPU must be one of ${GPU_SPECS.map((s) => s.id).join(', ')}` });
  }
  const inferenceTokensPerSecond = queryNumber(q, 'tps', d.inferenceTokensPerSecond, problems, { min: 0, minExclusive: true, what: 'tokens per second per GPU must be greater than 0' });
  const inferenceGpuHourPriceUsd = queryNumber(q, 'infPrice', d.inferenceGpuHourPriceUsd, problems, { min: 0, minExclusive: true, what: 'inference price per GPU-hour must be greater than 0' });
  const utilization = queryNumber(q, 'util', d.utilization, problems, { min: 0, max: 1, minExclusive: true, what: 'utilization must be a fraction between 0 and 1 (0.5 = 50%)' });
  const options: ModelEconomicsOptions = { gpuHourPriceUsd, mfu, topN: topNRaw > 0 ? topNRaw : null, inferenceGpu, inferenceTokensPerSecond, inferenceGpuHourPriceUsd, utilization };
  const src = (k: string): 'default' | 'user' => (queryText(q, k) !== null && !problems.some((p) => p.field === k) ? 'user' : 'default');
  const assumptions: AssumptionValue[] = [
    { key: 'price', label: 'Price per GPU-hour where the data has none (USD)', value: gpuHourPriceUsd, source: src('price') },
    { key: 'mfu', label: 'MFU where the data has none (fraction)', value: mfu, source: src('mfu') },
    { key: 'topN', label: 'Trend: top N most expensive per year (empty = all)', value: options.topN, source: src('topN') },
    { key: 'infGpu', label: 'Inference GPU', value: inferenceGpu, source: src('infGpu') },
    { key: 'tps', label: 'Decode tokens/s per GPU', value: inferenceTokensPerSecond, source: src('tps') },
    { key: 'infPrice', label: 'Inference price per GPU-hour (USD)', value: inferenceGpuHourPriceUsd, source: src('infPrice') },
    { key: 'util', label: 'Utilization of reserved GPUs (fraction)', value: utilization, source: src('util') },
  ];
  return { options, problems, assumptions };
}
