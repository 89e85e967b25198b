/**
 * Model economics report: a models dataset (+ assumptions, + optionally a company dataset for the
 * "fully loaded" lens) → plain tables, a chart configuration and summary sentences. The HTML page,
 * the CSV twin and the JSON twin all render from this one model, so they hold the same numbers.
 */
import { DEFAULT_ASSUMPTIONS } from './assumptions';
import { rowsInUsd } from './data-currency';
import { describeMoney } from './words';
import { formulaText, maybeReason, reasonText } from './model-reasons';
import { textIn, type Lang } from '../i18n';
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
      meta: { yFormat: 'money'; logY: true; pointNames: true; lang?: Lang };
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

/** A report table, with the published source it reproduces when it has one (shown as data, untranslated). */
export type ModelTable = ReportTable & { source?: string };

export interface ModelEconomicsReport {
  /** The language the report's words are in. */
  lang: Lang;
  summary: string[];
  tables: ModelTable[];
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

/** The reader's language and its messages, passed to every part that writes words. */
interface Words {
  lang: Lang;
  t: (key: string, vars?: Record<string, unknown>) => string;
}

function wordsIn(lang: Lang): Words {
  return { lang, t: textIn(lang) };
}

/** A closed word (stage, method, source, class) in the reader's language: English keeps the code as it is. */
function code(w: Words, group: string, value: string | null): string | null {
  return value === null ? null : w.t(`models.${group}.${value}`);
}

function hardwareNote(w: Words, c: TrainingCost): string | null {
  if (c.hardwareClass.kind === 'unnamed') return w.lang === 'en' ? 'no training hardware named' : w.t('models.reason.unnamed');
  if (c.hardwareClass.reason) return reasonText(w.lang, c.hardwareClass.reason);
  const m: GpuMatch = c.hardware;
  if (m.kind === 'unknown' || m.kind === 'ambiguous') return w.t('models.hardwareNote', { kind: code(w, 'match', m.kind), reason: reasonText(w.lang, m.reason) });
  return null;
}

function headlineNote(w: Words, c: TrainingCost, cpi: number): string {
  const h = c.headline;
  if (!h) {
    const why = [c.gpuHours.reason, c.flops.reason].filter((x): x is string => x !== null).map((r) => reasonText(w.lang, r));
    return w.t('models.headlineNote.none', { why: why.join('; ') });
  }
  switch (h.method) {
    case 'reported':
      return w.t('models.headlineNote.reported');
    case 'epoch-estimate':
      return cpi === 1 ? w.t('models.headlineNote.epoch') : w.t('models.headlineNote.epochCpi', { cpi });
    case 'gpu-hours':
      return w.t('models.headlineNote.gpuHours');
    default:
      return w.t('models.headlineNote.flops');
  }
}

/** Columns whose cells are data as typed or as published (names, dates, sources), never translated. */
export const MODEL_DATA_COLUMNS: readonly string[] = ['model', 'organization', 'release_date', 'domain', 'hardware', 'hardware_spec', 'cheapest_model', 'company', 'gpu_id', 'gpu', 'source'];

/** A column whose label is a locale message (`models.col.<label>`). */
function col(w: Words, key: string, label: string, format: Column['format'], vars?: Record<string, unknown>): Column {
  return { key, label: w.t(`models.col.${label}`, vars), format };
}

function costsTable(w: Words, items: Computed[], o: ModelEconomicsOptions): ReportTable {
  const src = (s: string | null | undefined): string | null => code(w, 'inputSource', s ?? null);
  return {
    name: 'costs',
    title: w.t('models.table.costs'),
    note: w.t('models.table.costsNote'),
    columns: [
      col(w, 'model', 'model', 'text'),
      col(w, 'organization', 'organization', 'text'),
      col(w, 'release_date', 'released', 'text'),
      col(w, 'domain', 'domain', 'text'),
      col(w, 'training_stage', 'stage', 'text'),
      col(w, 'training_stage_note', 'stageWhy', 'text'),
      col(w, 'hardware', 'hardware', 'text'),
      col(w, 'hardware_class', 'hardwareClass', 'text'),
      col(w, 'hardware_spec', 'specRow', 'text'),
      col(w, 'hardware_note', 'hardwareNote', 'text'),
      col(w, 'reported_cost_usd', 'reported', 'money'),
      col(w, 'epoch_cost_2023_usd', 'epoch', 'money'),
      col(w, 'epoch_cost_adjusted_usd', 'epochCpi', 'money'),
      col(w, 'chip_hours', 'chipHours', 'integer'),
      col(w, 'chip_hours_source', 'hoursFrom', 'text'),
      col(w, 'price_usd_per_chip_hour', 'pricePerChipHour', 'money'),
      col(w, 'price_source', 'priceFrom', 'text'),
      col(w, 'gpu_hours_cost_usd', 'hoursCost', 'money'),
      col(w, 'gpu_hours_note', 'hoursWhyNot', 'text'),
      col(w, 'training_flops', 'flops', 'scientific'),
      col(w, 'training_flops_source', 'flopsFrom', 'text'),
      col(w, 'training_flops_formula', 'flopsFormula', 'text'),
      col(w, 'peak_flop_per_s', 'peak', 'scientific'),
      col(w, 'peak_source', 'peakFrom', 'text'),
      col(w, 'mfu_fraction', 'mfu', 'percent'),
      col(w, 'mfu_source', 'mfuFrom', 'text'),
      col(w, 'flops_chip_hours', 'flopsChipHours', 'integer'),
      col(w, 'flops_cost_usd', 'flopsCost', 'money'),
      col(w, 'flops_note', 'flopsWhyNot', 'text'),
      col(w, 'headline_cost_usd', 'headline', 'money'),
      col(w, 'headline_source', 'headlineFrom', 'text'),
      col(w, 'headline_note', 'headlineNote', 'text'),
    ],
    rows: items.map((c) => {
      const t = c.cost;
      const price = t.gpuHours.price ?? t.flops.price;
      return [
        c.name,
        str(c.row, 'organization'),
        c.date,
        str(c.row, 'domain'),
        code(w, 'stage', t.stage),
        maybeReason(w.lang, t.stageReason),
        str(c.row, 'hardware'),
        code(w, 'hwClass', t.hardwareClass.kind),
        t.hardware.kind === 'known' ? t.hardware.spec.id : null,
        hardwareNote(w, t),
        t.reportedUsd,
        t.epoch2023Usd,
        t.epochAdjustedUsd,
        t.gpuHours.hours?.value ?? null,
        src(t.gpuHours.hours?.source),
        price?.value ?? null,
        src(price?.source),
        t.gpuHours.costUsd,
        maybeReason(w.lang, t.gpuHours.reason),
        t.flops.flops?.value ?? null,
        src(t.flops.flops?.source),
        formulaText(w.lang, t.flops.flopsFormula),
        t.flops.peakFlopsPerSecond?.value ?? null,
        t.flops.peakFlopsPerSecond ? w.t('models.peakSource', { id: t.hardware.kind === 'known' ? t.hardware.spec.id : w.t('models.peakShared') }) : null,
        t.flops.mfu?.value ?? null,
        src(t.flops.mfu?.source),
        t.flops.chipHours,
        t.flops.costUsd,
        maybeReason(w.lang, t.flops.reason),
        t.headline?.costUsd ?? null,
        code(w, 'method', t.headline?.method ?? null),
        headlineNote(w, t, o.cpiFactorFrom2023),
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

function ratiosTable(w: Words, points: (CostPoint & { source: CostMethod })[]): ReportTable {
  const sourceOf = new Map(points.map((p) => [p.model, p.source]));
  const ratios = costRatios(points).sort((a, b) => a.year - b.year || a.costUsd - b.costUsd);
  return {
    name: 'ratios',
    title: w.t('models.table.ratios'),
    note: w.t('models.table.ratiosNote'),
    columns: [
      col(w, 'model', 'model', 'text'),
      col(w, 'release_year', 'year', 'year'),
      col(w, 'headline_cost_usd', 'headline', 'money'),
      col(w, 'headline_source', 'from', 'text'),
      col(w, 'cheapest_model', 'cheapest', 'text'),
      col(w, 'cheapest_cost_usd', 'itsCost', 'money'),
      col(w, 'cost_ratio', 'ratio', 'multiple'),
    ],
    rows: ratios.map((r) => [r.model, r.year, r.costUsd, code(w, 'method', sourceOf.get(r.model) ?? null), r.cheapestModel, r.cheapestCostUsd, r.ratio]),
  };
}

function scoreKeys(rows: Row[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (k.startsWith('score_')) keys.add(k);
  return [...keys].sort();
}

function perPointTable(w: Words, items: Computed[], keys: string[]): ReportTable | null {
  if (keys.length === 0) return null;
  const columns: Column[] = [col(w, 'model', 'model', 'text'), col(w, 'headline_cost_usd', 'headline', 'money'), col(w, 'headline_source', 'from', 'text')];
  for (const k of keys) {
    const name = k.slice('score_'.length);
    columns.push(col(w, k, 'score', 'number', { name }), col(w, `usd_per_point_${name}`, 'costPerPoint', 'money', { name }));
  }
  const rows: Cell[][] = [];
  for (const c of items) {
    const cost = c.cost.headline?.costUsd ?? null;
    const cells: Cell[] = [c.name, cost, code(w, 'method', c.cost.headline?.method ?? null)];
    let any = false;
    for (const k of keys) {
      const s = num(c.row, k);
      if (s !== null) any = true;
      cells.push(s, cost === null ? null : costPerPoint(cost, s));
    }
    if (any) rows.push(cells);
  }
  return { name: 'per-point', title: w.t('models.table.perPoint'), note: w.t('models.table.perPointNote'), columns, rows };
}

/** Words for a fit that explains little; shared by the table, the chart legend and the summary. */
function explainsLittleText(w: Words, f: Extract<TrendFit, { kind: 'ok' }>): string {
  return w.t('models.trendCell.explainsLittle', { r2: f.r2.toFixed(2), min: TREND_MIN_R2 });
}

function fitRow(w: Words, scope: string, f: TrendFit, o: ModelEconomicsOptions, topN: number | null): Cell[] {
  if (f.kind !== 'ok') return [scope, o.fromYear, o.toYear, topN, f.n, null, null, null, null, null, null, null, reasonText(w.lang, f.reason)];
  const note = f.explainsLittle ? explainsLittleText(w, f) : f.doublingMonths === null ? w.t('models.trendCell.notGrowing') : '';
  return [scope, o.fromYear ?? Math.floor(f.firstYear), o.toYear ?? Math.floor(f.lastYear), topN, f.n, f.growthPerYear, f.growthLow90, f.growthHigh90, f.doublingMonths, f.r2, f.firstYear, f.lastYear, note];
}

function trendTable(w: Words, all: TrendFit, frontier: TrendFit | null, o: ModelEconomicsOptions): ReportTable {
  const rows = [fitRow(w, w.t('models.scope.all'), all, o, null)];
  if (frontier && o.topN !== null) rows.push(fitRow(w, w.t('models.scope.top', { n: o.topN }), frontier, o, o.topN));
  return {
    name: 'trend',
    title: w.t('models.table.trend'),
    note: w.t('models.table.trendNote', { minR2: TREND_MIN_R2 }),
    columns: [
      col(w, 'scope', 'scope', 'text'),
      col(w, 'from_year', 'fromYear', 'year'),
      col(w, 'to_year', 'toYear', 'year'),
      col(w, 'top_n_per_year', 'topN', 'integer'),
      col(w, 'n_models', 'n', 'integer'),
      col(w, 'growth_per_year_multiple', 'growth', 'multiple'),
      col(w, 'growth_low_90_multiple', 'low90', 'multiple'),
      col(w, 'growth_high_90_multiple', 'high90', 'multiple'),
      col(w, 'doubling_time_months', 'doubling', 'number'),
      col(w, 'r_squared', 'r2', 'number'),
      col(w, 'first_release_year_fraction', 'firstRelease', 'ratio'),
      col(w, 'last_release_year_fraction', 'lastRelease', 'ratio'),
      col(w, 'note', 'note', 'text'),
    ],
    rows,
  };
}

/** Each cost method's colour on the chart and its legend message (`models.chart.<key>`). */
const SOURCE_STYLE: Record<CostMethod, { key: string; color: string }> = {
  reported: { key: 'reported', color: '#1f3b73' },
  'epoch-estimate': { key: 'epoch', color: '#2a7f62' },
  'gpu-hours': { key: 'gpuHours', color: '#8a5a00' },
  flops: { key: 'flops', color: '#7a3b8f' },
};

function trendChart(w: Words, points: (CostPoint & { source: CostMethod })[], fit: TrendFit, label: string, picks: string[]): ChartSpec {
  const picked = new Set(picks);
  const top = new Set([...points].sort((a, b) => b.costUsd - a.costUsd).slice(0, LABEL_TOP).map((p) => p.model));
  const datasets: ChartSpec['config']['data']['datasets'] = [];
  for (const method of Object.keys(SOURCE_STYLE) as CostMethod[]) {
    const mine = points.filter((p) => p.source === method);
    if (mine.length === 0) continue;
    const style = SOURCE_STYLE[method];
    datasets.push({
      // public/js/charts.js drops a trailing " (n)" for the tooltip.
      label: w.t('models.chart.series', { label: w.t(`models.chart.${style.key}`), n: mine.length }),
      data: mine.map((p) => ({ x: round4(p.year), y: p.costUsd, name: p.model, source: method, labelled: top.has(p.model) || picked.has(p.model) })),
      pointRadius: 4,
      backgroundColor: style.color,
    });
  }
  if (fit.kind === 'ok') {
    const y = (x: number): number => Math.pow(10, fit.interceptLog10 + fit.slopeLog10PerYear * x);
    datasets.push({
      label: fit.explainsLittle ? w.t('models.chart.fitLittle', { label, r2: fit.r2.toFixed(2) }) : w.t('models.chart.fitGrowth', { label, g: fit.growthPerYear.toFixed(2), r2: fit.r2.toFixed(2) }),
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
    title: w.t('models.chart.title'),
    config: {
      type: 'scatter',
      data: { datasets },
      options: {
        plugins: { legend: { display: true } },
        scales: {
          // Whole years, written as years (2024, never 2,024 or 2024.5).
          x: { type: 'linear', title: { display: true, text: w.t('models.chart.x') }, ticks: { stepSize: 1, format: { useGrouping: false, maximumFractionDigits: 0 } } },
          y: { title: { display: true, text: w.t('models.chart.y') } },
        },
        // Money ticks as the reader reads them (Korean: 5,000만 달러, 1억 달러).
        meta: { yFormat: 'money', logY: true, pointNames: true, ...(w.lang === 'en' ? {} : { lang: w.lang }) },
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

/** What the lens summary sentence needs from its first row. */
interface LensLine {
  company: string;
  year: number;
  capexUsd: number;
  model: string;
  costUsd: number;
  share: number;
}

function lensTable(w: Words, items: Computed[], lens: LensInput): { table: ReportTable; first: LensLine | null; year: number | null; years: number[]; model: string | null; models: string[] } {
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
  let first: LensLine | null = null;
  for (const r of companyRows) {
    const capex = num(r, 'capex');
    if (num(r, 'fiscal_year') !== year || year === null || capex === null || capex <= 0) continue;
    for (const m of lensModels) {
      const c = cost(m);
      const basis = str(r, 'basis') ?? 'reported';
      first ??= { company: str(r, 'company') ?? '', year, capexUsd: capex, model: m.name, costUsd: c, share: c / capex };
      // Whole runs: a fraction of a training run is not a run one year of capex buys.
      rows.push([str(r, 'company'), year, basis === 'reported' || basis === 'guidance' ? code(w, 'basis', basis) : basis, capex, m.name, c, code(w, 'method', m.cost.headline?.method ?? null), c / capex, Math.floor(capex / c)]);
    }
  }
  return {
    table: {
      name: 'lens',
      title: w.t('models.table.lens', { dataset: lens.datasetName, year: year ?? w.t('models.table.lensNone') }),
      note: w.t('models.table.lensNote'),
      columns: [
        col(w, 'company', 'company', 'text'),
        col(w, 'fiscal_year', 'fiscalYear', 'year'),
        col(w, 'basis', 'basis', 'text'),
        col(w, 'capex_usd', 'capex', 'money'),
        col(w, 'model', 'model', 'text'),
        col(w, 'training_cost_usd', 'trainingCost', 'money'),
        col(w, 'training_cost_source', 'costFrom', 'text'),
        col(w, 'share_of_capex_fraction', 'share', 'share'),
        col(w, 'runs_per_year_of_capex', 'runs', 'integer'),
      ],
      rows,
    },
    first,
    year,
    years,
    model: chosen?.name ?? null,
    models,
  };
}

function inferenceTables(w: Words, o: ModelEconomicsOptions): ModelTable[] {
  const busy = costPerMillionTokens(o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, 1);
  const reserved = costPerMillionTokens(o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, o.utilization);
  const day = deepSeekServingDay();
  const d = DEEPSEEK_SERVING_DAY;
  const usd = w.t('models.inference.usd');
  return [
    {
      name: 'inference',
      title: w.t('models.table.inference', { gpu: o.inferenceGpu }),
      note: w.t('models.table.inferenceNote'),
      columns: [
        col(w, 'basis', 'basis', 'text'),
        col(w, 'gpu_hour_price_usd', 'gpuHourPrice', 'money'),
        col(w, 'tokens_per_second_per_gpu', 'tps', 'number'),
        col(w, 'utilization_fraction', 'utilization', 'percent'),
        col(w, 'usd_per_million_tokens', 'perMillion', 'money'),
        col(w, 'formula', 'formula', 'text'),
      ],
      rows: [
        [w.t('models.inference.busy'), o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, 1, busy, `${o.inferenceGpuHourPriceUsd} ÷ (${formatPlain(o.inferenceTokensPerSecond)} × 3600) × 1e6`],
        [w.t('models.inference.reserved'), o.inferenceGpuHourPriceUsd, o.inferenceTokensPerSecond, o.utilization, reserved, `${o.inferenceGpuHourPriceUsd} ÷ (${formatPlain(o.inferenceTokensPerSecond)} × ${o.utilization} × 3600) × 1e6`],
      ],
    },
    {
      name: 'deepseek-day',
      title: w.t('models.table.deepseek'),
      note: w.t('models.table.deepseekNote'),
      source: d.source,
      columns: [col(w, 'item', 'item', 'text'), col(w, 'value', 'value', 'number'), col(w, 'unit', 'unit', 'text'), col(w, 'formula', 'formula', 'text'), col(w, 'published', 'published', 'number')],
      rows: [
        [w.t('models.inference.costPerDay'), day.costUsd, usd, w.t('models.inference.costFormula', { nodes: d.nodes, gpus: d.gpusPerNode, hours: d.hours, price: d.gpuHourPriceUsd }), d.publishedCostUsd],
        [w.t('models.inference.revenuePerDay'), day.revenueUsd, usd, w.t('models.inference.revenueFormula'), d.publishedRevenueUsd],
        [w.t('models.inference.margin'), day.costProfitMargin, w.t('models.inference.fraction'), w.t('models.inference.marginFormula'), 5.45],
        [w.t('models.inference.fleetPerMillion'), day.costPerMillionOutputTokensUsd, usd, w.t('models.inference.fleetFormula'), null],
        [w.t('models.inference.decodePerMillion'), day.decodeCostPerMillionTokensUsd, usd, w.t('models.inference.decodeFormula', { price: d.gpuHourPriceUsd }), null],
      ],
    },
  ];
}

function specTable(w: Words): ReportTable {
  return {
    name: 'gpu-specs',
    title: w.t('models.table.specs'),
    columns: [
      col(w, 'gpu_id', 'gpuId', 'text'),
      col(w, 'gpu', 'gpuName', 'text'),
      col(w, 'hardware_class', 'class', 'text'),
      col(w, 'memory_gb', 'memory', 'number'),
      col(w, 'mem_bandwidth_tb_per_s', 'bandwidth', 'number'),
      col(w, 'bf16_dense_tflops', 'bf16', 'number'),
      col(w, 'fp8_dense_tflops', 'fp8', 'number'),
      col(w, 'tdp_w', 'power', 'integer'),
      col(w, 'source', 'specSource', 'text'),
    ],
    rows: GPU_SPECS.map((s) => [s.id, s.name, code(w, 'hwClass', hardwareClass(s.name).kind), s.memoryGB, s.memBandwidthTBps, s.bf16DenseTflops, s.fp8DenseTflops, s.tdpW, s.source]),
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

/**
 * A ratio for a Korean sentence, in the Korean units of ten thousand: `12배`, `1,234배`,
 * `약 3.7만 배`, `약 1.7억 배`, `약 2.5조 배`, beyond that `약 1.7 × 10^17배`.
 */
function describeRatioKo(x: number): string {
  if (x < 1e4) return `${Math.round(x).toLocaleString('en-US')}배`;
  const units: [number, string][] = [
    [1e12, '조'],
    [1e8, '억'],
    [1e4, '만'],
  ];
  if (x >= 1e16) {
    const e = Math.floor(Math.log10(x));
    return `약 ${Number((x / 10 ** e).toPrecision(2))} × 10^${e}배`;
  }
  const [size, word] = units.find(([s]) => x >= s) as [number, string];
  return `약 ${Number((x / size).toPrecision(2)).toLocaleString('en-US')}${word} 배`;
}

/** Money for a sentence, with cents below $1 rather than "$0": `$0.000034`, `$0.27`, else describeMoney; Korean `0.27달러`, `558만 달러`. */
function describeCost(w: Words, usd: number): string {
  if (usd > 0 && usd < 1) return w.lang === 'ko' ? `${Number(usd.toPrecision(2))}달러` : `$${Number(usd.toPrecision(2))}`;
  return describeMoney(usd, 'USD', { lang: w.lang, won: 'exact' });
}

function yearsText(fit: Extract<TrendFit, { kind: 'ok' }>, o: ModelEconomicsOptions): string {
  return `${o.fromYear ?? Math.floor(fit.firstYear)}–${o.toYear ?? Math.floor(fit.lastYear)}`;
}

/** The summary, written in the reader's language from the numbers. */
function summaryOf(w: Words, items: Computed[], all: TrendFit, frontier: TrendFit | null, lens: LensLine | null, o: ModelEconomicsOptions): string[] {
  const { t } = w;
  const out: string[] = [];
  const costed = items.filter((c) => c.cost.headline && c.cost.headline.costUsd > 0);
  const by = (m: CostMethod): number => costed.filter((c) => c.cost.headline?.method === m).length;
  out.push(t('models.summary.costed', { costed: costed.length, total: items.length, reported: by('reported'), epoch: by('epoch-estimate'), hours: by('gpu-hours'), flops: by('flops'), rest: items.length - costed.length }));
  const stages = items.filter((c) => c.cost.stage !== 'full-run');
  if (stages.length > 0) {
    const names = stages.slice(0, 3).map((c) => c.name).join(t('models.summary.namesJoin')) + (stages.length > 3 ? t('models.summary.namesMore') : '');
    out.push(t('models.summary.stages', { count: stages.length, names }));
  }
  const full = costed.filter((c) => c.cost.stage === 'full-run');
  if (full.length >= 2) {
    const cost = (c: Computed): number => c.cost.headline?.costUsd ?? 0;
    const sorted = [...full].sort((a, b) => cost(a) - cost(b));
    const lo = sorted[0] as Computed;
    const hi = sorted[sorted.length - 1] as Computed;
    const how = (c: Computed): string => t(`models.summary.how.${c.cost.headline?.method ?? 'reported'}`);
    const ratio = cost(hi) / cost(lo);
    out.push(t('models.summary.range', { lo: lo.name, loCost: describeCost(w, cost(lo)), loHow: how(lo), hi: hi.name, hiCost: describeCost(w, cost(hi)), hiHow: how(hi), ratio: w.lang === 'ko' ? describeRatioKo(ratio) : describeRatio(ratio) }));
  }
  const fit = frontier && frontier.kind === 'ok' ? frontier : all;
  if (fit.kind === 'ok') {
    const top = frontier && o.topN !== null ? t('models.summary.scopeTop', { n: o.topN }) : '';
    const scope = t('models.summary.scope', { n: fit.n, years: yearsText(fit, o), top });
    if (fit.explainsLittle) {
      out.push(t('models.summary.little', { scope, little: explainsLittleText(w, fit) }));
    } else {
      const doubling = fit.doublingMonths !== null ? t('models.summary.doubling', { months: fit.doublingMonths.toFixed(1) }) : '';
      out.push(t('models.summary.grows', { scope, g: fit.growthPerYear.toFixed(2), lo: fit.growthLow90.toFixed(2), hi: fit.growthHigh90.toFixed(2), doubling, r2: fit.r2.toFixed(2) }));
    }
    const likeEpoch = o.fromYear === 2016 && o.topN !== null;
    out.push(t(likeEpoch ? 'models.summary.epochLike' : 'models.summary.epochUnlike'));
  } else {
    out.push(t('models.summary.noTrend', { reason: reasonText(w.lang, fit.reason) }));
  }
  if (lens) {
    const money = (usd: number): string => describeMoney(usd, 'USD', { lang: w.lang, won: 'exact' });
    out.push(t('models.summary.lens', { model: lens.model, cost: money(lens.costUsd), pct: (lens.share * 100).toPrecision(2), company: lens.company, year: lens.year, capex: money(lens.capexUsd) }));
  }
  return out;
}

/**
 * Builds the model economics report in the reader's language (titles, labels, text cells, notes,
 * chart words, summary; column keys stay English). Pure: rows and options in, plain data out.
 * @example buildModelEconomics(rows, MODEL_ECONOMICS_DEFAULTS).tables.map((t) => t.name)
 *   // ['costs', 'ratios', 'trend', 'inference', 'deepseek-day', 'gpu-specs']
 */
export function buildModelEconomics(rows: Row[], o: ModelEconomicsOptions, lens: LensInput | null = null, lang: Lang = 'en'): ModelEconomicsReport {
  const w = wordsIn(lang);
  const items = computeAll(rows, o);
  const points = pointsOf(items);
  const ranged = inYears(points, o.fromYear, o.toYear) as (CostPoint & { source: CostMethod })[];
  const all = fitCostTrend(ranged);
  const frontierPoints = o.topN !== null ? (topNPerYear(ranged, o.topN) as (CostPoint & { source: CostMethod })[]) : null;
  const frontier = frontierPoints ? fitCostTrend(frontierPoints) : null;
  const tables: ModelTable[] = [costsTable(w, items, o), ratiosTable(w, points)];
  const perPoint = perPointTable(w, items, scoreKeys(rows));
  if (perPoint) tables.push(perPoint);
  tables.push(trendTable(w, all, frontier, o));
  let lensOut: ModelEconomicsReport['lens'] = null;
  let lensLine: LensLine | null = null;
  if (lens) {
    const l = lensTable(w, items, lens);
    lensLine = l.first;
    tables.push(l.table);
    lensOut = { datasetId: lens.datasetId, datasetName: lens.datasetName, year: l.year, years: l.years, model: l.model, models: l.models };
  }
  tables.push(...inferenceTables(w, o), specTable(w));
  const chartPoints = frontierPoints ?? ranged;
  const chartFit = frontier ?? all;
  return {
    lang,
    summary: summaryOf(w, items, all, frontier, lensLine, o),
    tables,
    charts: [trendChart(w, chartPoints, chartFit, frontier ? w.t('models.chart.trendTop', { n: o.topN }) : w.t('models.chart.trend'), o.labels)],
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

/** Report options from a query string; bad values become problems and fall back to defaults. Labels and messages in `lang`. */
export function parseModelEconomicsQuery(q: Query, lang: Lang = 'en'): { options: ModelEconomicsOptions; problems: FieldProblem[]; assumptions: AssumptionValue[] } {
  const t = textIn(lang);
  const problems: FieldProblem[] = [];
  const d = MODEL_ECONOMICS_DEFAULTS;
  const what = (key: string, vars?: Record<string, unknown>): string => t(`models.problem.${key}`, vars);
  const gpuHourPriceUsd = queryNumber(q, 'price', d.gpuHourPriceUsd, problems, { min: 0, minExclusive: true, what: what('price') });
  const tpuChipHourPriceUsd = queryNumber(q, 'tpuPrice', d.tpuChipHourPriceUsd, problems, { min: 0, minExclusive: true, what: what('tpuPrice') });
  const mfu = queryNumber(q, 'mfu', d.mfu, problems, { min: 0, max: 1, minExclusive: true, what: what('mfu') });
  const cpiFactorFrom2023 = queryNumber(q, 'cpi', d.cpiFactorFrom2023, problems, { min: 0, max: 10, minExclusive: true, what: what('cpi') });
  const topNRaw = queryNumber(q, 'topN', 0, problems, { min: 0, max: 1000, integer: true, what: what('topN') });
  const yearRule = { min: 1900, max: 2200, integer: true, what: what('year') };
  const fromRaw = queryNumber(q, 'fromYear', 0, problems, yearRule);
  const toRaw = queryNumber(q, 'toYear', 0, problems, yearRule);
  const fromYear = fromRaw > 0 ? fromRaw : null;
  let toYear = toRaw > 0 ? toRaw : null;
  if (fromYear !== null && toYear !== null && toYear < fromYear) {
    problems.push({ field: 'toYear', value: String(toYear), message: what('toBeforeFrom', { from: fromYear }) });
    toYear = null;
  }
  const labels = queryList(q, 'label');
  if (labels.length > MAX_LABELS || labels.some((l) => l.length > MAX_LABEL_CHARS)) {
    problems.push({ field: 'label', value: (labels.find((l) => l.length > MAX_LABEL_CHARS) ?? String(labels.length)).slice(0, 60), message: what('label', { max: MAX_LABELS, chars: MAX_LABEL_CHARS }) });
  }
  const gpuText = queryText(q, 'infGpu');
  let inferenceGpu = d.inferenceGpu;
  if (gpuText !== null) {
    const spec = gpuById(gpuText);
    if (spec) inferenceGpu = spec.id;
    else problems.push({ field: 'infGpu', value: gpuText.slice(0, 60), message: what('infGpu', { ids: GPU_SPECS.map((s) => s.id).join(', ') }) });
  }
  const inferenceTokensPerSecond = queryNumber(q, 'tps', d.inferenceTokensPerSecond, problems, { min: 0, minExclusive: true, what: what('tps') });
  const inferenceGpuHourPriceUsd = queryNumber(q, 'infPrice', d.inferenceGpuHourPriceUsd, problems, { min: 0, minExclusive: true, what: what('infPrice') });
  const utilization = queryNumber(q, 'util', d.utilization, problems, { min: 0, max: 1, minExclusive: true, what: what('util') });
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
  const values: [string, number | string | null][] = [
    ['price', gpuHourPriceUsd],
    ['tpuPrice', tpuChipHourPriceUsd],
    ['mfu', mfu],
    ['cpi', cpiFactorFrom2023],
    ['fromYear', fromYear],
    ['toYear', toYear],
    ['topN', options.topN],
    ['label', options.labels.length ? options.labels.join(' | ') : null],
    ['infGpu', inferenceGpu],
    ['tps', inferenceTokensPerSecond],
    ['infPrice', inferenceGpuHourPriceUsd],
    ['util', utilization],
  ];
  const assumptions: AssumptionValue[] = values.map(([key, value]) => ({ key, label: t(`models.field.${key}`), value, source: src(key) }));
  return { options, problems, assumptions };
}
