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
  hardwareClass,
  inYears,
  matchGpu,
  topNPerYear,
  trainingCost,
  TREND_MIN_R2,
  yearFraction,
  type CostMethod,
  type CostPoint,
  type GpuMatch,
  type HardwareClassification,
  type TrainingCost,
  type TrainingStage,
  type TrendFit,
} from '../models';
import type { Row } from '../store/types';

export type { Cell, Column, ColumnFormat, ReportTable } from './table';

/** One point of the cost scatter: release date, cost, the model's name and where the cost came from. */
export interface ScatterPoint {
  x: number;
  y: number;
  name: string;
  source: CostMethod;
  /** Drawn with its name beside it (the most expensive few, and any model the user picked). */
  labelled: boolean;
}

/** A Chart.js configuration as plain data (see public/js/charts.js for `options.meta`). */
export interface ChartSpec {
  id: string;
  title: string;
  config: {
    type: 'scatter';
    data: {
      datasets: {
        label: string;
        data: (ScatterPoint | { x: number; y: number })[];
        showLine?: boolean;
        pointRadius?: number;
        borderColor?: string;
        backgroundColor?: string;
        borderWidth?: number;
        borderDash?: number[];
      }[];
    };
    options: {
      plugins: { legend: { display: boolean } };
      scales: {
        x: { type: 'linear'; title: { display: boolean; text: string }; ticks: { stepSize: number; format: { useGrouping: false; maximumFractionDigits: number } } };
        y: { title: { display: boolean; text: string } };
      };
      /** yFormat/logY: money ticks on a log axis; pointNames: tooltips and labels from each point's `name`. */
      meta: { yFormat: 'money'; logY: true; pointNames: true };
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
  /** USD per TPU chip-hour for rows that state none. */
  tpuChipHourPriceUsd: number;
  /** MFU fraction for rows that state none. */
  mfu: number;
  /** Epoch's 2023 USD estimates × this factor (1 = keep 2023 dollars). */
  cpiFactorFrom2023: number;
  /** Keep only the N most expensive models per year in the trend fit (Epoch's frontier); null = all. */
  topN: number | null;
  /** Trend over models released in these calendar years (inclusive); null = open. */
  fromYear: number | null;
  toYear: number | null;
  /** Models to name on the chart besides the most expensive few. */
  labels: string[];
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
  /** Model whose cost is set against capex; null picks DeepSeek-V3 if present, else the cheapest full run. */
  model: string | null;
}

export interface ModelEconomicsReport {
  summary: string[];
  tables: ReportTable[];
  charts: ChartSpec[];
  trend: { all: TrendFit; frontier: TrendFit | null; fromYear: number | null; toYear: number | null; topN: number | null };
  lens: { datasetId: number; datasetName: string; year: number | null; years: number[]; model: string | null; models: string[] } | null;
  models: { name: string; headlineCostUsd: number | null; headlineSource: CostMethod | null; stage: TrainingStage }[];
  /** Models drawn on the chart (the choices for `label`). */
  chartModels: string[];
}

/**
 * Google Cloud's on-demand TPU v4 price, USD per chip-hour (cloud.google.com/tpu/pricing,
 * us-central2): the default for TPU rows, as $2 per H800 GPU-hour (DeepSeek-V3's report) is for GPUs.
 */
export const TPU_V4_ON_DEMAND_USD_PER_CHIP_HOUR = 3.22;

export const MODEL_ECONOMICS_DEFAULTS: Readonly<ModelEconomicsOptions> = Object.freeze({
  gpuHourPriceUsd: 2,
  tpuChipHourPriceUsd: TPU_V4_ON_DEMAND_USD_PER_CHIP_HOUR,
  mfu: 0.4,
  cpiFactorFrom2023: 1,
  topN: null,
  fromYear: null,
  toYear: null,
  labels: Object.freeze([]) as unknown as string[],
  inferenceGpu: 'H800',
  // DeepSeek's disclosure: one H800 node (8 GPUs) decodes about 14.8k tokens/s → 1,850 per GPU.
  inferenceTokensPerSecond: DEEPSEEK_SERVING_DAY.decodeTokensPerSecondPerNode / DEEPSEEK_SERVING_DAY.gpusPerNode,
  inferenceGpuHourPriceUsd: 2,
  utilization: 0.5,
});

/** Chart labels drawn for the most expensive points, besides the user's picks. */
const LABEL_TOP = 5;

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

/** Compact plain number for formulas in text cells (raw numbers stay in their own columns). */
function formatPlain(v: number): string {
  if (v !== 0 && (Math.abs(v) >= 1e9 || Math.abs(v) < 1e-3)) return v.toExponential(4).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return String(Math.round(v * 1e6) / 1e6);
}

interface Computed {
  row: Row;
  name: string;
  date: string | null;
  year: number | null;
  cost: TrainingCost;
}

function computeAll(rows: Row[], o: ModelEconomicsOptions): Computed[] {
  const assumptions = { gpuHourPriceUsd: o.gpuHourPriceUsd, tpuChipHourPriceUsd: o.tpuChipHourPriceUsd, mfu: o.mfu, cpiFactorFrom2023: o.cpiFactorFrom2023 };
  const hardwareSeen = new Map<string, { match: GpuMatch; cls: HardwareClassification }>();
  return rows.map((row, i) => {
    const name = str(row, 'model') ?? `row ${i + 1}`;
    const hw = str(row, 'hardware');
    let known = hardwareSeen.get(hw ?? '');
    if (!known) {
      known = { match: matchGpu(hw), cls: hardwareClass(hw) };
      hardwareSeen.set(hw ?? '', known);
    }
    const cost = trainingCost(
      {
        model: name,
        paramsB: num(row, 'params_b'),
        activeParamsB: num(row, 'active_params_b'),
        tokensT: num(row, 'tokens_t'),
        datasetDatapoints: num(row, 'dataset_datapoints'),
        domain: str(row, 'domain'),
        trainingFlops: num(row, 'training_flops'),
        hardware: str(row, 'hardware'),
        gpuCount: num(row, 'gpu_count'),
        gpuHours: num(row, 'gpu_hours'),
        chipCount: num(row, 'chip_count'),
        chipHours: num(row, 'chip_hours'),
        trainingHours: num(row, 'training_hours'),
        gpuHourPriceUsd: num(row, 'gpu_hour_price_usd'),
        mfu: num(row, 'mfu'),
        trainingCostUsd: num(row, 'training_cost_usd'),
        epochCost2023Usd: num(row, 'epoch_cost_2023_usd'),
        trainingStage: str(row, 'training_stage'),
        baseModel: str(row, 'base_model'),
      },
      assumptions,
      known,
    );
    const date = str(row, 'release_date');
    return { row, name, date, year: yearFraction(date), cost };
  });
}

function hardwareNote(c: TrainingCost): string | null {
  if (c.hardwareClass.kind === 'unnamed') return 'no training hardware named';
  if (c.hardwareClass.reason) return c.hardwareClass.reason;
  const m: GpuMatch = c.hardware;
  if (m.kind === 'unknown' || m.kind === 'ambiguous') return `${m.kind}: ${m.reason}`;
  return null;
}

function headlineNote(c: TrainingCost, cpi: number): string {
  const h = c.headline;
  if (!h) {
    const why = [c.gpuHours.reason, c.flops.reason].filter((x): x is string => x !== null);
    return `no way to a cost: no reported cost, no Epoch estimate; ${why.join('; ')}`;
  }
  switch (h.method) {
    case 'reported':
      return 'reported training cost (training_cost_usd)';
    case 'epoch-estimate':
      return cpi === 1 ? 'Epoch AI estimate, 2023 USD' : `Epoch AI estimate, 2023 USD × CPI factor ${cpi}`;
    case 'gpu-hours':
      return 'chip-hours × price per chip-hour';
    default:
      return 'training FLOP ÷ (peak FLOP/s × MFU) × price per chip-hour';
  }
}

function costsTable(items: Computed[], o: ModelEconomicsOptions): ReportTable {
  return {
    name: 'costs',
    title: 'Training cost four ways',
    note: 'Each number sits beside its source: data (the row), default (an assumption above), derived (computed from the row) or spec-table (the GPU spec table below). The headline cost is the reported one, else Epoch AI’s estimate (2023 USD × the CPI factor), else chip-hours × price, else FLOPs. Chip-hours are priced only on GPUs (price per GPU-hour) and TPUs (price per TPU chip-hour); 6 × params × tokens is used only where the size is in tokens (a tokens_t column, or Epoch’s Language and Multimodal domains).',
    columns: [
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'organization', label: 'Organization', format: 'text' },
      { key: 'release_date', label: 'Released', format: 'text' },
      { key: 'domain', label: 'Domain', format: 'text' },
      { key: 'training_stage', label: 'Stage', format: 'text' },
      { key: 'training_stage_note', label: 'Why that stage', format: 'text' },
      { key: 'hardware', label: 'Hardware', format: 'text' },
      { key: 'hardware_class', label: 'Hardware class', format: 'text' },
      { key: 'hardware_spec', label: 'Spec row', format: 'text' },
      { key: 'hardware_note', label: 'Hardware note', format: 'text' },
      { key: 'reported_cost_usd', label: 'Reported', format: 'money' },
      { key: 'epoch_cost_2023_usd', label: 'Epoch estimate (2023 USD)', format: 'money' },
      { key: 'epoch_cost_adjusted_usd', label: 'Epoch estimate × CPI factor', format: 'money' },
      { key: 'chip_hours', label: 'GPU-/chip-hours', format: 'integer' },
      { key: 'chip_hours_source', label: 'Hours from', format: 'text' },
      { key: 'price_usd_per_chip_hour', label: 'Price per chip-hour', format: 'money' },
      { key: 'price_source', label: 'Price from', format: 'text' },
      { key: 'gpu_hours_cost_usd', label: 'Chip-hours × price', format: 'money' },
      { key: 'gpu_hours_note', label: 'Why no chip-hour cost', format: 'text' },
      { key: 'training_flops', label: 'Training FLOP used', format: 'scientific' },
      { key: 'training_flops_source', label: 'FLOP from', format: 'text' },
      { key: 'training_flops_formula', label: 'FLOP formula', format: 'text' },
      { key: 'peak_flop_per_s', label: 'Peak FLOP/s (BF16 dense)', format: 'scientific' },
      { key: 'peak_source', label: 'Peak from', format: 'text' },
      { key: 'mfu_fraction', label: 'MFU', format: 'percent' },
      { key: 'mfu_source', label: 'MFU from', format: 'text' },
      { key: 'flops_chip_hours', label: 'Chip-hours from FLOP', format: 'integer' },
      { key: 'flops_cost_usd', label: 'FLOP ÷ (peak × MFU) × price', format: 'money' },
      { key: 'flops_note', label: 'Why no FLOP cost', format: 'text' },
      { key: 'headline_cost_usd', label: 'Headline cost', format: 'money' },
      { key: 'headline_source', label: 'Headline from', format: 'text' },
      { key: 'headline_note', label: 'Headline note', format: 'text' },
    ],
    rows: items.map((c) => {
      const t = c.cost;
      const price = t.gpuHours.price ?? t.flops.price;
      return [
        c.name,
        str(c.row, 'organization'),
        c.date,
        str(c.row, 'domain'),
        t.stage,
        t.stageReason,
        str(c.row, 'hardware'),
        t.hardwareClass.kind,
        t.hardware.kind === 'known' ? t.hardware.spec.id : null,
        hardwareNote(t),
        t.reportedUsd,
        t.epoch2023Usd,
        t.epochAdjustedUsd,
        t.gpuHours.hours?.value ?? null,
        t.gpuHours.hours?.source ?? null,
        price?.value ?? null,
        price?.source ?? null,
        t.gpuHours.costUsd,
        t.gpuHours.reason,
        t.flops.flops?.value ?? null,
        t.flops.flops?.source ?? null,
        t.flops.flopsFormula,
        t.flops.peakFlopsPerSecond?.value ?? null,
        t.flops.peakFlopsPerSecond ? `spec-table: ${t.hardware.kind === 'known' ? t.hardware.spec.id : 'shared by the candidates'}` : null,
        t.flops.mfu?.value ?? null,
        t.flops.mfu?.source ?? null,
        t.flops.chipHours,
        t.flops.costUsd,
        t.flops.reason,
        t.headline?.costUsd ?? null,
        t.headline?.method ?? null,
        headlineNote(t, o.cpiFactorFrom2023),
      ];
    }),
  };
}

/** Full training runs with a date and a positive headline cost: the points every comparison uses. */
function pointsOf(items: Computed[]): (CostPoint & { source: CostMethod })[] {
  const pts: (CostPoint & { source: CostMethod })[] = [];
  for (const c of items) {
    const h = c.cost.headline;
    if (c.cost.stage === 'full-run' && c.year !== null && h && h.costUsd > 0) pts.push({ model: c.name, year: c.year, costUsd: h.costUsd, source: h.method });
  }
  return pts;
}

function ratiosTable(points: (CostPoint & { source: CostMethod })[]): ReportTable {
  const sourceOf = new Map(points.map((p) => [p.model, p.source]));
  const ratios = costRatios(points).sort((a, b) => a.year - b.year || a.costUsd - b.costUsd);
  return {
    name: 'ratios',
    title: 'Cost against the cheapest full run of the same year',
    note: 'Comparable means a full training run released in the same calendar year. Training stages (fine-tunes, RL stages) and models without a release date or cost are left out.',
    columns: [
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'release_year', label: 'Year', format: 'year' },
      { key: 'headline_cost_usd', label: 'Headline cost', format: 'money' },
      { key: 'headline_source', label: 'From', format: 'text' },
      { key: 'cheapest_model', label: 'Cheapest that year', format: 'text' },
      { key: 'cheapest_cost_usd', label: 'Its cost', format: 'money' },
      { key: 'cost_ratio', label: 'Ratio', format: 'multiple' },
    ],
    rows: ratios.map((r) => [r.model, r.year, r.costUsd, sourceOf.get(r.model) ?? null, r.cheapestModel, r.cheapestCostUsd, r.ratio]),
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
    { key: 'headline_source', label: 'From', format: 'text' },
  ];
  for (const k of keys) {
    const name = k.slice('score_'.length);
    columns.push({ key: k, label: `Score: ${name}`, format: 'number' }, { key: `usd_per_point_${name}`, label: `Cost per ${name} point`, format: 'money' });
  }
  const rows: Cell[][] = [];
  for (const c of items) {
    const cost = c.cost.headline?.costUsd ?? null;
    const cells: Cell[] = [c.name, cost, c.cost.headline?.method ?? null];
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

/** Words for a fit that explains little; shared by the table, the chart legend and the summary. */
function explainsLittleText(f: Extract<TrendFit, { kind: 'ok' }>): string {
  return `the fit explains little (R² ${f.r2.toFixed(2)} < ${TREND_MIN_R2}): its growth rate is not a finding`;
}

function fitRow(scope: string, f: TrendFit, o: ModelEconomicsOptions, topN: number | null): Cell[] {
  if (f.kind !== 'ok') return [scope, o.fromYear, o.toYear, topN, f.n, null, null, null, null, null, null, null, f.reason];
  const note = f.explainsLittle ? explainsLittleText(f) : f.doublingMonths === null ? 'costs are not growing' : '';
  return [scope, o.fromYear ?? Math.floor(f.firstYear), o.toYear ?? Math.floor(f.lastYear), topN, f.n, f.growthPerYear, f.growthLow90, f.growthHigh90, f.doublingMonths, f.r2, f.firstYear, f.lastYear, note];
}

function trendTable(all: TrendFit, frontier: TrendFit | null, o: ModelEconomicsOptions): ReportTable {
  const rows = [fitRow('all full runs with a date and cost', all, o, null)];
  if (frontier && o.topN !== null) rows.push(fitRow(`top ${o.topN} most expensive per year`, frontier, o, o.topN));
  return {
    name: 'trend',
    title: 'Cost trend (log-linear fit)',
    note: `Least squares of log10(cost) on release date, over full training runs released from the first to the last year shown. Growth = 10^slope per year; its 90% interval is 10^(slope ± t × standard error) with t from Student's t at n − 2 degrees of freedom; doubling time = 12 × log10(2) ÷ slope months. Below R² ${TREND_MIN_R2} the line explains little of the spread. Epoch AI publishes frontier training costs growing about 2.4× a year since 2016.`,
    columns: [
      { key: 'scope', label: 'Models in the fit', format: 'text' },
      { key: 'from_year', label: 'From', format: 'year' },
      { key: 'to_year', label: 'To', format: 'year' },
      { key: 'top_n_per_year', label: 'Top N per year', format: 'integer' },
      { key: 'n_models', label: 'n', format: 'integer' },
      { key: 'growth_per_year_multiple', label: 'Growth per year', format: 'multiple' },
      { key: 'growth_low_90_multiple', label: '90% interval, low', format: 'multiple' },
      { key: 'growth_high_90_multiple', label: '90% interval, high', format: 'multiple' },
      { key: 'doubling_time_months', label: 'Doubling time (months)', format: 'number' },
      { key: 'r_squared', label: 'R²', format: 'number' },
      { key: 'first_release_year_fraction', label: 'First release (fractional year)', format: 'ratio' },
      { key: 'last_release_year_fraction', label: 'Last release (fractional year)', format: 'ratio' },
      { key: 'note', label: 'Note', format: 'text' },
    ],
    rows,
  };
}

const SOURCE_STYLE: Record<CostMethod, { label: string; color: string }> = {
  reported: { label: 'Reported', color: '#1f3b73' },
  'epoch-estimate': { label: 'Epoch AI estimate', color: '#2a7f62' },
  'gpu-hours': { label: 'Chip-hours × price', color: '#8a5a00' },
  flops: { label: 'FLOP ÷ (peak × MFU)', color: '#7a3b8f' },
};

function trendChart(points: (CostPoint & { source: CostMethod })[], fit: TrendFit, label: string, picks: string[]): ChartSpec {
  const picked = new Set(picks);
  const top = new Set([...points].sort((a, b) => b.costUsd - a.costUsd).slice(0, LABEL_TOP).map((p) => p.model));
  const datasets: ChartSpec['config']['data']['datasets'] = [];
  for (const method of Object.keys(SOURCE_STYLE) as CostMethod[]) {
    const mine = points.filter((p) => p.source === method);
    if (mine.length === 0) continue;
    const style = SOURCE_STYLE[method];
    datasets.push({
      label: `${style.label} (${mine.length})`,
      data: mine.map((p) => ({ x: round4(p.year), y: p.costUsd, name: p.model, source: method, labelled: top.has(p.model) || picked.has(p.model) })),
      pointRadius: 4,
      backgroundColor: style.color,
    });
  }
  if (fit.kind === 'ok') {
    const y = (x: number): number => Math.pow(10, fit.interceptLog10 + fit.slopeLog10PerYear * x);
    datasets.push({
      label: fit.explainsLittle ? `${label}: explains little (R² ${fit.r2.toFixed(2)})` : `${label}: ${fit.growthPerYear.toFixed(2)}× a year (R² ${fit.r2.toFixed(2)})`,
      data: [
        { x: round4(fit.firstYear), y: y(fit.firstYear) },
        { x: round4(fit.lastYear), y: y(fit.lastYear) },
      ],
      showLine: true,
      pointRadius: 0,
      borderColor: '#b5482f',
      borderWidth: 2,
      ...(fit.explainsLittle ? { borderDash: [6, 4] } : {}),
    });
  }
  return {
    id: 'cost-trend',
    title: 'Training cost of full runs against release date (log scale)',
    config: {
      type: 'scatter',
      data: { datasets },
      options: {
        plugins: { legend: { display: true } },
        scales: {
          // Whole years, written as years (2024, never 2,024 or 2024.5).
          x: { type: 'linear', title: { display: true, text: 'Release date (year)' }, ticks: { stepSize: 1, format: { useGrouping: false, maximumFractionDigits: 0 } } },
          y: { title: { display: true, text: 'Training cost (USD, log scale)' } },
        },
        meta: { yFormat: 'money', logY: true, pointNames: true },
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
  const fullRuns = withCost.filter((c) => c.cost.stage === 'full-run');
  const models = withCost.map((c) => c.name);
  const byName = (n: string): Computed | undefined => withCost.find((c) => c.name === n);
  const cost = (c: Computed): number => c.cost.headline?.costUsd ?? 0;
  const cheapest = [...fullRuns].sort((a, b) => cost(a) - cost(b))[0];
  const dearest = [...fullRuns].sort((a, b) => cost(b) - cost(a))[0];
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
      const c = cost(m);
      // Whole runs: a fraction of a training run is not a run one year of capex buys.
      rows.push([str(r, 'company'), year, str(r, 'basis') ?? 'reported', capex, m.name, c, m.cost.headline?.method ?? null, c / capex, Math.floor(capex / c)]);
    }
  }
  return {
    table: {
      name: 'lens',
      title: `Fully loaded: training cost as a share of capex (${lens.datasetName}, fiscal year ${year ?? 'none'})`,
      note: 'A final training run is a sliver of a hyperscaler’s yearly capex; capex ÷ cost, rounded down, is how many such whole runs one year of capex would pay for (it also buys data centers, networks and serving).',
      columns: [
        { key: 'company', label: 'Company', format: 'text' },
        { key: 'fiscal_year', label: 'Fiscal year', format: 'year' },
        { key: 'basis', label: 'Basis', format: 'text' },
        { key: 'capex_usd', label: 'Capex', format: 'money' },
        { key: 'model', label: 'Model', format: 'text' },
        { key: 'training_cost_usd', label: 'Training cost', format: 'money' },
        { key: 'training_cost_source', label: 'Cost from', format: 'text' },
        { key: 'share_of_capex_fraction', label: 'Share of capex', format: 'share' },
        { key: 'runs_per_year_of_capex', label: 'Whole runs one year of capex buys', format: 'integer' },
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
      { key: 'hardware_class', label: 'Class', format: 'text' },
      { key: 'memory_gb', label: 'Memory (GB)', format: 'number' },
      { key: 'mem_bandwidth_tb_per_s', label: 'Bandwidth (TB/s)', format: 'number' },
      { key: 'bf16_dense_tflops', label: 'BF16 dense TFLOP/s', format: 'number' },
      { key: 'fp8_dense_tflops', label: 'FP8 dense TFLOP/s', format: 'number' },
      { key: 'tdp_w', label: 'Power (W)', format: 'integer' },
      { key: 'source', label: 'Source', format: 'text' },
    ],
    rows: GPU_SPECS.map((s) => [s.id, s.name, hardwareClass(s.name).kind, s.memoryGB, s.memBandwidthTBps, s.bf16DenseTflops, s.fp8DenseTflops, s.tdpW, s.source]),
  };
}

/** A ratio for a sentence: `12×`, `1,234×`, `about 3.7 million times`, `about 1.7 × 10^13 times`. */
function describeRatio(x: number): string {
  if (x < 1e4) return `${Math.round(x).toLocaleString('en-US')}×`;
  if (x < 1e6) return `about ${Number((x / 1e3).toPrecision(2))} thousand times`;
  if (x < 1e9) return `about ${Number((x / 1e6).toPrecision(2))} million times`;
  if (x < 1e12) return `about ${Number((x / 1e9).toPrecision(2))} billion times`;
  const e = Math.floor(Math.log10(x));
  return `about ${Number((x / 10 ** e).toPrecision(2))} × 10^${e} times`;
}

/** Money for a sentence, with cents below $1 rather than "$0": `$0.000034`, `$0.27`, else describeMoney. */
function describeCost(usd: number): string {
  return usd > 0 && usd < 1 ? `$${Number(usd.toPrecision(2))}` : describeMoney(usd);
}

const METHOD_WORDS: Record<CostMethod, string> = { reported: 'reported', 'epoch-estimate': 'Epoch AI’s estimate', 'gpu-hours': 'from chip-hours', flops: 'from FLOPs' };

function yearsText(fit: Extract<TrendFit, { kind: 'ok' }>, o: ModelEconomicsOptions): string {
  return `${o.fromYear ?? Math.floor(fit.firstYear)}–${o.toYear ?? Math.floor(fit.lastYear)}`;
}

function summaryOf(items: Computed[], all: TrendFit, frontier: TrendFit | null, lens: ReportTable | null, o: ModelEconomicsOptions): string[] {
  const out: string[] = [];
  const costed = items.filter((c) => c.cost.headline && c.cost.headline.costUsd > 0);
  const by = (m: CostMethod): number => costed.filter((c) => c.cost.headline?.method === m).length;
  out.push(
    `${costed.length} of ${items.length} models have a way to a training cost (${by('reported')} reported, ${by('epoch-estimate')} Epoch AI estimates, ${by('gpu-hours')} from chip-hours, ${by('flops')} from FLOPs); the other ${items.length - costed.length} are kept and say why not.`,
  );
  const stages = items.filter((c) => c.cost.stage !== 'full-run');
  if (stages.length > 0) {
    out.push(`${stages.length} ${stages.length === 1 ? 'row is a training stage' : 'rows are training stages'} (${stages.slice(0, 3).map((c) => c.name).join('; ')}${stages.length > 3 ? ', …' : ''}): shown, but left out of the full-run comparisons and the trend.`);
  }
  const full = costed.filter((c) => c.cost.stage === 'full-run');
  if (full.length >= 2) {
    const cost = (c: Computed): number => c.cost.headline?.costUsd ?? 0;
    const sorted = [...full].sort((a, b) => cost(a) - cost(b));
    const lo = sorted[0] as Computed;
    const hi = sorted[sorted.length - 1] as Computed;
    const how = (c: Computed): string => METHOD_WORDS[c.cost.headline?.method ?? 'reported'];
    out.push(`The cheapest full run is ${lo.name} at ${describeCost(cost(lo))} (${how(lo)}); the most expensive is ${hi.name} at ${describeCost(cost(hi))} (${how(hi)}), ${describeRatio(cost(hi) / cost(lo))} as much.`);
  }
  const fit = frontier && frontier.kind === 'ok' ? frontier : all;
  if (fit.kind === 'ok') {
    const scope = `${fit.n} full runs released ${yearsText(fit, o)}${frontier && o.topN !== null ? `, the top ${o.topN} per year` : ''}`;
    if (fit.explainsLittle) {
      out.push(`Over ${scope}, ${explainsLittleText(fit)}; narrow the years or keep the top N per year.`);
    } else {
      const doubling = fit.doublingMonths !== null ? `, doubling every ${fit.doublingMonths.toFixed(1)} months` : '';
      out.push(`Over ${scope}, training cost grows ${fit.growthPerYear.toFixed(2)}× a year (90% interval ${fit.growthLow90.toFixed(2)}–${fit.growthHigh90.toFixed(2)}×)${doubling}; R² ${fit.r2.toFixed(2)}.`);
    }
    const likeEpoch = o.fromYear === 2016 && o.topN !== null;
    out.push(`Epoch AI publishes about 2.4× a year for frontier training cost since 2016${likeEpoch ? '.' : ' (to compare like with like, set the trend from 2016 and keep the top N per year).'}`);
  } else {
    out.push(`No cost trend: ${fit.reason}.`);
  }
  const first = lens?.rows[0];
  if (first) {
    const [company, year, , capex, model, cost, , share] = first;
    out.push(`${model}'s ${describeMoney(cost as number)} is ${((share as number) * 100).toPrecision(2)}% of ${company}'s fiscal ${year} capex of ${describeMoney(capex as number)}.`);
  }
  return out;
}

/**
 * Builds the model economics report. Pure: rows and options in, plain data out.
 * @example buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS).tables.map((t) => t.name)
 *   // ['costs', 'ratios', 'trend', 'inference', 'deepseek-day', 'gpu-specs']
 */
export function buildModelEconomics(rows: Row[], o: ModelEconomicsOptions, lens: LensInput | null = null): ModelEconomicsReport {
  const items = computeAll(rows, o);
  const points = pointsOf(items);
  const ranged = inYears(points, o.fromYear, o.toYear) as (CostPoint & { source: CostMethod })[];
  const all = fitCostTrend(ranged);
  const frontierPoints = o.topN !== null ? (topNPerYear(ranged, o.topN) as (CostPoint & { source: CostMethod })[]) : null;
  const frontier = frontierPoints ? fitCostTrend(frontierPoints) : null;
  const tables: ReportTable[] = [costsTable(items, o), ratiosTable(points)];
  const perPoint = perPointTable(items, scoreKeys(rows));
  if (perPoint) tables.push(perPoint);
  tables.push(trendTable(all, frontier, o));
  let lensOut: ModelEconomicsReport['lens'] = null;
  let lensTbl: ReportTable | null = null;
  if (lens) {
    const l = lensTable(items, lens);
    lensTbl = l.table;
    tables.push(l.table);
    lensOut = { datasetId: lens.datasetId, datasetName: lens.datasetName, year: l.year, years: l.years, model: l.model, models: l.models };
  }
  tables.push(...inferenceTables(o), specTable());
  const chartPoints = frontierPoints ?? ranged;
  const chartFit = frontier ?? all;
  return {
    summary: summaryOf(items, all, frontier, lensTbl, o),
    tables,
    charts: [trendChart(chartPoints, chartFit, frontier ? `Trend, top ${o.topN} per year` : 'Trend', o.labels)],
    trend: { all, frontier, fromYear: o.fromYear, toYear: o.toYear, topN: o.topN },
    lens: lensOut,
    models: items.map((c) => ({ name: c.name, headlineCostUsd: c.cost.headline?.costUsd ?? null, headlineSource: c.cost.headline?.method ?? null, stage: c.cost.stage })),
    chartModels: chartPoints.map((p) => p.model),
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

/** Every value of a repeated query key (`label=a&label=b`), trimmed, empties dropped. */
function queryList(q: Query, key: string): string[] {
  const v = q[key];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x !== '');
}

/** At most this many picked chart labels, each at most this long. */
const MAX_LABELS = 20;
const MAX_LABEL_CHARS = 200;

/** Report options from a query string; bad values become problems and fall back to defaults. */
export function parseModelEconomicsQuery(q: Query): { options: ModelEconomicsOptions; problems: FieldProblem[]; assumptions: AssumptionValue[] } {
  const problems: FieldProblem[] = [];
  const d = MODEL_ECONOMICS_DEFAULTS;
  const gpuHourPriceUsd = queryNumber(q, 'price', d.gpuHourPriceUsd, problems, { min: 0, minExclusive: true, what: 'price per GPU-hour must be a number of USD greater than 0' });
  const tpuChipHourPriceUsd = queryNumber(q, 'tpuPrice', d.tpuChipHourPriceUsd, problems, { min: 0, minExclusive: true, what: 'price per TPU chip-hour must be a number of USD greater than 0' });
  const mfu = queryNumber(q, 'mfu', d.mfu, problems, { min: 0, max: 1, minExclusive: true, what: 'MFU must be a fraction between 0 and 1 (0.4 = 40%)' });
  const cpiFactorFrom2023 = queryNumber(q, 'cpi', d.cpiFactorFrom2023, problems, { min: 0, max: 10, minExclusive: true, what: 'CPI factor must be a number greater than 0 (1 = 2023 dollars; 1.0295 = 2024 dollars)' });
  const topNRaw = queryNumber(q, 'topN', 0, problems, { min: 0, max: 1000, integer: true, what: 'top N per year must be a whole number from 1 to 1000 (empty for all models)' });
  const yearRule = { min: 1900, max: 2200, integer: true, what: 'year must be a calendar year such as 2016 (empty for no limit)' };
  const fromRaw = queryNumber(q, 'fromYear', 0, problems, yearRule);
  const toRaw = queryNumber(q, 'toYear', 0, problems, yearRule);
  const fromYear = fromRaw > 0 ? fromRaw : null;
  let toYear = toRaw > 0 ? toRaw : null;
  if (fromYear !== null && toYear !== null && toYear < fromYear) {
    problems.push({ field: 'toYear', value: String(toYear), message: `to year must not be before the from year (${fromYear})` });
    toYear = null;
  }
  const labels = queryList(q, 'label');
  if (labels.length > MAX_LABELS || labels.some((l) => l.length > MAX_LABEL_CHARS)) {
    problems.push({ field: 'label', value: (labels.find((l) => l.length > MAX_LABEL_CHARS) ?? String(labels.length)).slice(0, 60), message: `pick at most ${MAX_LABELS} models to label, each name at most ${MAX_LABEL_CHARS} characters` });
  }
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
  const options: ModelEconomicsOptions = {
    gpuHourPriceUsd,
    tpuChipHourPriceUsd,
    mfu,
    cpiFactorFrom2023,
    topN: topNRaw > 0 ? topNRaw : null,
    fromYear,
    toYear,
    labels: problems.some((p) => p.field === 'label') ? [] : labels,
    inferenceGpu,
    inferenceTokensPerSecond,
    inferenceGpuHourPriceUsd,
    utilization,
  };
  const given = (k: string): boolean => (k === 'label' ? labels.length > 0 : queryText(q, k) !== null);
  const src = (k: string): 'default' | 'user' => (given(k) && !problems.some((p) => p.field === k) ? 'user' : 'default');
  const assumptions: AssumptionValue[] = [
    { key: 'price', label: 'Price per GPU-hour where the data has none (USD)', value: gpuHourPriceUsd, source: src('price') },
    { key: 'tpuPrice', label: 'Price per TPU chip-hour where the data has none (USD; Google Cloud TPU v4 on demand)', value: tpuChipHourPriceUsd, source: src('tpuPrice') },
    { key: 'mfu', label: 'MFU where the data has none (fraction)', value: mfu, source: src('mfu') },
    { key: 'cpi', label: 'CPI factor on Epoch’s 2023 USD estimates (1 = 2023 dollars; 1.0295 = 2024 dollars, BLS CPI-U)', value: cpiFactorFrom2023, source: src('cpi') },
    { key: 'fromYear', label: 'Trend from year (empty = first)', value: fromYear, source: src('fromYear') },
    { key: 'toYear', label: 'Trend to year (empty = last)', value: toYear, source: src('toYear') },
    { key: 'topN', label: 'Trend: top N most expensive per year (empty = all)', value: options.topN, source: src('topN') },
    { key: 'label', label: 'Models named on the chart besides the top 5', value: options.labels.length ? options.labels.join(' | ') : null, source: src('label') },
    { key: 'infGpu', label: 'Inference GPU', value: inferenceGpu, source: src('infGpu') },
    { key: 'tps', label: 'Decode tokens/s per GPU', value: inferenceTokensPerSecond, source: src('tps') },
    { key: 'infPrice', label: 'Inference price per GPU-hour (USD)', value: inferenceGpuHourPriceUsd, source: src('infPrice') },
    { key: 'util', label: 'Utilization of reserved GPUs (fraction)', value: utilization, source: src('util') },
  ];
  return { options, problems, assumptions };
}
