/**
 * Training cost four ways: as reported; Epoch AI's own estimate (2023 USD, optionally moved to
 * today's dollars by a CPI factor); chip-hours × the price of that chip class; and training FLOPs ÷
 * (peak FLOP/s × MFU) → chip-hours → cost. Each estimate carries the numbers it used, each with
 * where it came from, so a report can show (and a script can read) why two methods disagree.
 */
import { matchGpu, peakBf16FlopsPerSecond, type GpuMatch } from './gpu-specs';
import { hardwareClass, type HardwareClassification } from './hardware-class';
import { PARAMS_PER_B, SECONDS_PER_HOUR, TOKENS_PER_T } from './units';

/** One model's training facts, in the units of the models dataset columns. */
export interface ModelCostInput {
  model: string;
  /** Total parameters, billions. */
  paramsB?: number | null;
  /** Active parameters per token (mixture-of-experts), billions; total is used when absent. */
  activeParamsB?: number | null;
  /** Training tokens, trillions. */
  tokensT?: number | null;
  /**
   * Epoch AI's "Training dataset size (datapoints)": tokens for language and multimodal models,
   * but images, games, crystals (GNoME) or other units elsewhere. Count of datapoints.
   */
  datasetDatapoints?: number | null;
  /** Epoch AI's `Domain` (`Language`, `Multimodal`, `Vision`, `Materials science`, comma-separated). */
  domain?: string | null;
  /** Training compute, FLOP. */
  trainingFlops?: number | null;
  /** Hardware name as written in the data (Epoch style or short id). */
  hardware?: string | null;
  /** GPUs and GPU-hours, as a `gpu_count` / `gpu_hours` column states them (GPUs unless the hardware says otherwise). */
  gpuCount?: number | null;
  gpuHours?: number | null;
  /** Chips and chip-hours of whatever kind the hardware names (Epoch's `Hardware quantity`, `Training chip-hours`). */
  chipCount?: number | null;
  chipHours?: number | null;
  trainingHours?: number | null;
  /** The row's own price per chip-hour, USD. */
  gpuHourPriceUsd?: number | null;
  /** Model FLOP utilization, a fraction (0.4 = 40%). */
  mfu?: number | null;
  /** Reported training cost, USD. */
  trainingCostUsd?: number | null;
  /** Epoch AI's training compute cost estimate, 2023 USD. */
  epochCost2023Usd?: number | null;
  /** A stated stage (`full`, `fine-tune`, `rl-stage`, ...), else inferred from the base model or the name. */
  trainingStage?: string | null;
  /** The model this one was trained from (Epoch's `Base model`): its run is a stage on top of another. */
  baseModel?: string | null;
}

/** Defaults used where a row lacks an input; shown as assumptions. */
export interface CostAssumptions {
  /** USD per GPU-hour when the row has none (DeepSeek-V3's report assumed $2). */
  gpuHourPriceUsd: number;
  /** USD per TPU chip-hour when the row has none. */
  tpuChipHourPriceUsd: number;
  /** MFU fraction when the row has none. */
  mfu: number;
  /** Multiplier from 2023 USD to the dollars the report is read in (1 = keep 2023 USD). */
  cpiFactorFrom2023: number;
}

/** Where a number came from: the row, a report default, derived from other numbers, or the GPU spec table. */
export type InputSource = 'data' | 'default' | 'derived' | 'spec-table';

/** A number with where it came from. */
export interface Sourced {
  value: number;
  source: InputSource;
}

/** How the headline cost was found. */
export type CostMethod = 'reported' | 'epoch-estimate' | 'gpu-hours' | 'flops';

/** Whether a row is a whole training run or one stage on top of another model. */
export type TrainingStage = 'full-run' | 'fine-tune' | 'rl-stage';

/** The chip-hours × price method. */
export interface GpuHoursMethod {
  /** Chip-hours used (GPU-hours or TPU chip-hours), null when the row has none. */
  hours: Sourced | null;
  price: Sourced | null;
  costUsd: number | null;
  /** Why there is no cost (null when there is one). */
  reason: string | null;
}

/** The FLOPs ÷ (peak × MFU) method. */
export interface FlopsMethod {
  /** Training FLOP used (given, or 6 × active params × tokens), null when neither. */
  flops: Sourced | null;
  /** How derived FLOPs were computed, in words (null when given or absent). */
  flopsFormula: string | null;
  /** Dense BF16 peak of the matched spec row, FLOP/s. */
  peakFlopsPerSecond: Sourced | null;
  mfu: Sourced | null;
  /** Chip-hours the FLOPs take at that peak and MFU. */
  chipHours: number | null;
  price: Sourced | null;
  costUsd: number | null;
  reason: string | null;
}

/** Every estimate for one model, the hardware it names, its stage, and the headline. */
export interface TrainingCost {
  model: string;
  stage: TrainingStage;
  /** Why the stage is what it is (null for a full run). */
  stageReason: string | null;
  hardware: GpuMatch;
  hardwareClass: HardwareClassification;
  reportedUsd: number | null;
  /** Epoch's figure as published (2023 USD) and after the CPI factor. */
  epoch2023Usd: number | null;
  epochAdjustedUsd: number | null;
  gpuHours: GpuHoursMethod;
  flops: FlopsMethod;
  /** Reported, else Epoch's estimate, else chip-hours, else FLOPs; null when none could be computed. */
  headline: { method: CostMethod; costUsd: number } | null;
}

function present(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Training compute by the 6·N·D rule: 6 × active parameters × training tokens (2 FLOP per
 * parameter per token forward, 4 backward).
 *
 * Units: `activeParamsB` in billions, `tokensT` in trillions; result in FLOP.
 * @example estimateTrainingFlops(37, 14.8) // 3.2856e24 (DeepSeek-V3)
 */
export function estimateTrainingFlops(activeParamsB: number, tokensT: number): number {
  return 6 * activeParamsB * PARAMS_PER_B * tokensT * TOKENS_PER_T;
}

/**
 * GPU-hours a run needs at a given peak throughput and utilization:
 * FLOP ÷ (peak FLOP/s × MFU) ÷ 3600.
 *
 * Units: `flops` in FLOP, `peakFlopsPerSecond` in FLOP/s per GPU, `mfu` a fraction; result in
 * GPU-hours. Throws RangeError when peak or MFU is not positive.
 * @example gpuHoursFromFlops(3.6e18, 1e15, 1) // 1
 */
export function gpuHoursFromFlops(flops: number, peakFlopsPerSecond: number, mfu: number): number {
  if (!(peakFlopsPerSecond > 0)) throw new RangeError('peakFlopsPerSecond must be greater than 0');
  if (!(mfu > 0) || mfu > 1) throw new RangeError('mfu must be a fraction in (0, 1]');
  return flops / (peakFlopsPerSecond * mfu) / SECONDS_PER_HOUR;
}

/**
 * Cost of GPU time: GPU-hours × USD per GPU-hour.
 * @example costFromGpuHours(2_788_000, 2) // 5_576_000 (DeepSeek-V3's published figure)
 */
export function costFromGpuHours(gpuHours: number, gpuHourPriceUsd: number): number {
  return gpuHours * gpuHourPriceUsd;
}

/**
 * True when Epoch AI's dataset size of a model with this domain counts tokens: any of its
 * comma-separated domains is `Language` or `Multimodal` (case-insensitive).
 * @example isTokenDomain('Multimodal,Language,Vision') // true
 * @example isTokenDomain('Materials science')          // false
 */
export function isTokenDomain(domain: string | null | undefined): boolean {
  if (typeof domain !== 'string') return false;
  return domain.split(/[,;]/).some((d) => /^(language|multimodal)$/i.test(d.trim()));
}

/**
 * Whether a row is a full training run or a stage on top of another model: a stated
 * `training_stage` wins; else a base model makes it a fine-tune; else the name decides
 * (`DeepSeek-R1 (RL stage)`, `… fine-tuned`).
 * @example trainingStage({ model: 'DeepSeek-R1 (RL stage)' }).stage // 'rl-stage'
 * @example trainingStage({ model: 'GPT-4' }).stage                  // 'full-run'
 */
export function trainingStage(m: Pick<ModelCostInput, 'model' | 'trainingStage' | 'baseModel'>): { stage: TrainingStage; reason: string | null } {
  const stated = typeof m.trainingStage === 'string' ? m.trainingStage.trim() : '';
  if (stated !== '') {
    if (/^(full([ _-]?run)?|pre[ _-]?training|base)$/i.test(stated)) return { stage: 'full-run', reason: null };
    if (/\b(rl|reinforcement)/i.test(stated)) return { stage: 'rl-stage', reason: `training_stage says "${stated}"` };
    return { stage: 'fine-tune', reason: `training_stage says "${stated}"` };
  }
  const base = typeof m.baseModel === 'string' ? m.baseModel.trim() : '';
  if (base !== '') return { stage: 'fine-tune', reason: `trained from ${base}` };
  if (/\b(rl|reinforcement[ -]learning)[ -]stage\b/i.test(m.model)) return { stage: 'rl-stage', reason: 'the name says it is an RL stage' };
  if (/\bfine-?tun(e|ed|ing)\b/i.test(m.model)) return { stage: 'fine-tune', reason: 'the name says it is a fine-tune' };
  return { stage: 'full-run', reason: null };
}

function price(m: ModelCostInput, a: CostAssumptions, chip: 'gpu' | 'tpu'): Sourced {
  if (present(m.gpuHourPriceUsd)) return { value: m.gpuHourPriceUsd, source: 'data' };
  return { value: chip === 'tpu' ? a.tpuChipHourPriceUsd : a.gpuHourPriceUsd, source: 'default' };
}

function gpuHoursMethod(m: ModelCostInput, a: CostAssumptions, cls: HardwareClassification): GpuHoursMethod {
  let hours: Sourced | null = null;
  // A `gpu_hours` / `gpu_count` column says GPUs; Epoch's chip columns say nothing of the kind.
  let saysGpu = false;
  if (present(m.gpuHours)) {
    hours = { value: m.gpuHours, source: 'data' };
    saysGpu = true;
  } else if (present(m.chipHours)) {
    hours = { value: m.chipHours, source: 'data' };
  } else if (present(m.trainingHours) && (present(m.gpuCount) || present(m.chipCount))) {
    saysGpu = present(m.gpuCount);
    hours = { value: (present(m.gpuCount) ? m.gpuCount : (m.chipCount as number)) * m.trainingHours, source: 'derived' };
  }
  if (hours === null) return { hours: null, price: null, costUsd: null, reason: 'no GPU- or chip-hours (nor chip count × training hours)' };
  const chip = cls.kind === 'gpu' || cls.kind === 'tpu' ? cls.kind : cls.kind === 'unnamed' && saysGpu ? 'gpu' : null;
  if (chip === null) return { hours, price: null, costUsd: null, reason: cls.reason ?? 'not GPU or TPU hours' };
  const p = price(m, a, chip);
  return { hours, price: p, costUsd: costFromGpuHours(hours.value, p.value), reason: null };
}

function flopsMethod(m: ModelCostInput, a: CostAssumptions, hw: GpuMatch, cls: HardwareClassification): FlopsMethod {
  const out: FlopsMethod = { flops: null, flopsFormula: null, peakFlopsPerSecond: null, mfu: null, chipHours: null, price: null, costUsd: null, reason: null };
  const active = present(m.activeParamsB) ? m.activeParamsB : m.paramsB;
  const paramsName = present(m.activeParamsB) ? 'active params' : 'params';
  if (present(m.trainingFlops)) {
    out.flops = { value: m.trainingFlops, source: 'data' };
  } else if (present(active) && present(m.tokensT)) {
    out.flops = { value: estimateTrainingFlops(active, m.tokensT), source: 'derived' };
    out.flopsFormula = `6 × ${paramsName} × tokens_t`;
  } else if (present(active) && present(m.datasetDatapoints)) {
    if (!isTokenDomain(m.domain)) {
      const what = typeof m.domain === 'string' && m.domain.trim() !== '' ? `a ${m.domain.trim()} model's` : 'a model with no domain named, and its';
      out.reason = `no training FLOPs: the dataset size is ${what} datapoints, not tokens (only Language and Multimodal datapoints count as tokens), so 6 × params × tokens does not apply`;
      return out;
    }
    out.flops = { value: estimateTrainingFlops(active, m.datasetDatapoints / TOKENS_PER_T), source: 'derived' };
    out.flopsFormula = `6 × ${paramsName} × datapoints (tokens: ${m.domain?.trim()})`;
  } else {
    out.reason = 'no training FLOPs, and no parameters × tokens to estimate them';
    return out;
  }
  if (cls.kind !== 'gpu' && cls.kind !== 'tpu') {
    out.reason = cls.kind === 'unnamed' ? 'no training hardware named to turn FLOPs into chip-hours' : (cls.reason ?? 'hardware is not a GPU or TPU');
    return out;
  }
  const peak = peakBf16FlopsPerSecond(hw);
  if (peak === null) {
    out.reason = hw.kind === 'unknown' || hw.kind === 'ambiguous' ? `hardware: ${hw.reason}` : 'no peak throughput for this hardware';
    return out;
  }
  out.peakFlopsPerSecond = { value: peak, source: 'spec-table' };
  const mfuOk = present(m.mfu) && m.mfu > 0 && m.mfu <= 1;
  out.mfu = mfuOk ? { value: m.mfu as number, source: 'data' } : { value: a.mfu, source: 'default' };
  out.chipHours = gpuHoursFromFlops(out.flops.value, peak, out.mfu.value);
  out.price = price(m, a, cls.kind);
  out.costUsd = costFromGpuHours(out.chipHours, out.price.value);
  return out;
}

/**
 * Every training-cost estimate for one model, side by side, and the headline: reported, else
 * Epoch's estimate (× the CPI factor), else chip-hours × price, else FLOPs. `known` is the
 * hardware's spec match and class when the caller has already made them (same name, same answer).
 *
 * @example
 * trainingCost({ model: 'DeepSeek-V3', hardware: 'NVIDIA H800 SXM5', gpuHours: 2_788_000, gpuHourPriceUsd: 2 },
 *   { gpuHourPriceUsd: 2, tpuChipHourPriceUsd: 3.22, mfu: 0.4, cpiFactorFrom2023: 1 }).gpuHours.costUsd // 5_576_000
 */
export function trainingCost(m: ModelCostInput, a: CostAssumptions, known?: { match: GpuMatch; cls: HardwareClassification }): TrainingCost {
  // A report of thousands of rows names a few dozen chips: the caller may pass the matches it has made.
  const hardware = known?.match ?? matchGpu(m.hardware);
  const cls = known?.cls ?? hardwareClass(m.hardware);
  const { stage, reason: stageReason } = trainingStage(m);
  const reportedUsd = present(m.trainingCostUsd) ? m.trainingCostUsd : null;
  const epoch2023Usd = present(m.epochCost2023Usd) ? m.epochCost2023Usd : null;
  const epochAdjustedUsd = epoch2023Usd === null ? null : epoch2023Usd * a.cpiFactorFrom2023;
  const byHours = gpuHoursMethod(m, a, cls);
  const byFlops = flopsMethod(m, a, hardware, cls);
  let headline: TrainingCost['headline'] = null;
  if (reportedUsd !== null) headline = { method: 'reported', costUsd: reportedUsd };
  else if (epochAdjustedUsd !== null) headline = { method: 'epoch-estimate', costUsd: epochAdjustedUsd };
  else if (byHours.costUsd !== null) headline = { method: 'gpu-hours', costUsd: byHours.costUsd };
  else if (byFlops.costUsd !== null) headline = { method: 'flops', costUsd: byFlops.costUsd };
  return { model: m.model, stage, stageReason, hardware, hardwareClass: cls, reportedUsd, epoch2023Usd, epochAdjustedUsd, gpuHours: byHours, flops: byFlops, headline };
}
