/**
 * Training cost three ways: as reported; GPU-hours × price per GPU-hour; and training FLOPs ÷
 * (peak FLOP/s × MFU) → GPU-hours → cost. Each estimate lists the inputs it used and where each
 * came from, so a report can show why two methods disagree.
 */
import { matchGpu, peakBf16FlopsPerSecond, type GpuMatch } from './gpu-specs';
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
  /** Training compute, FLOP. */
  trainingFlops?: number | null;
  /** Hardware name as written in the data (Epoch style or short id). */
  hardware?: string | null;
  gpuCount?: number | null;
  gpuHours?: number | null;
  trainingHours?: number | null;
  gpuHourPriceUsd?: number | null;
  /** Model FLOP utilization, a fraction (0.4 = 40%). */
  mfu?: number | null;
  /** Reported training cost, USD. */
  trainingCostUsd?: number | null;
}

/** Defaults used where a row lacks an input; shown as assumptions. */
export interface CostAssumptions {
  /** USD per GPU-hour when the row has none (DeepSeek-V3's report assumed $2). */
  gpuHourPriceUsd: number;
  /** MFU fraction when the row has none. */
  mfu: number;
}

/** Where an input came from. */
export type InputSource = 'data' | 'derived' | 'default';

/** One input an estimate used. */
export interface UsedInput {
  name: string;
  value: number | string;
  source: InputSource;
}

export type CostEstimate =
  | { kind: 'ok'; costUsd: number; gpuHours: number | null; used: UsedInput[] }
  | { kind: 'missing'; reason: string };

export type CostMethod = 'reported' | 'gpuHours' | 'flops';

/** All three estimates for one model, the hardware match, and the headline (first available). */
export interface TrainingCost {
  model: string;
  reported: CostEstimate;
  gpuHours: CostEstimate;
  flops: CostEstimate;
  hardware: GpuMatch;
  /** Reported if present, else GPU-hours, else FLOPs; null when none could be computed. */
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

function priceInput(m: ModelCostInput, a: CostAssumptions): UsedInput {
  return present(m.gpuHourPriceUsd)
    ? { name: 'gpu_hour_price_usd', value: m.gpuHourPriceUsd, source: 'data' }
    : { name: 'gpu_hour_price_usd', value: a.gpuHourPriceUsd, source: 'default' };
}

function reportedEstimate(m: ModelCostInput): CostEstimate {
  if (!present(m.trainingCostUsd)) return { kind: 'missing', reason: 'no reported training_cost_usd' };
  return { kind: 'ok', costUsd: m.trainingCostUsd, gpuHours: null, used: [{ name: 'training_cost_usd', value: m.trainingCostUsd, source: 'data' }] };
}

function gpuHoursEstimate(m: ModelCostInput, a: CostAssumptions): CostEstimate {
  const price = priceInput(m, a);
  const used: UsedInput[] = [];
  let hours: number;
  if (present(m.gpuHours)) {
    hours = m.gpuHours;
    used.push({ name: 'gpu_hours', value: hours, source: 'data' });
  } else if (present(m.gpuCount) && present(m.trainingHours)) {
    hours = m.gpuCount * m.trainingHours;
    used.push({ name: 'gpu_count', value: m.gpuCount, source: 'data' }, { name: 'training_hours', value: m.trainingHours, source: 'data' });
  } else {
    return { kind: 'missing', reason: 'no gpu_hours (nor gpu_count × training_hours)' };
  }
  used.push(price);
  return { kind: 'ok', costUsd: costFromGpuHours(hours, price.value as number), gpuHours: hours, used };
}

function flopsEstimate(m: ModelCostInput, a: CostAssumptions, hw: GpuMatch): CostEstimate {
  const used: UsedInput[] = [];
  let flops: number;
  if (present(m.trainingFlops)) {
    flops = m.trainingFlops;
    used.push({ name: 'training_flops', value: flops, source: 'data' });
  } else {
    const active = present(m.activeParamsB) ? m.activeParamsB : m.paramsB;
    if (!present(active) || !present(m.tokensT)) return { kind: 'missing', reason: 'no training_flops, and no parameters × tokens to estimate them' };
    flops = estimateTrainingFlops(active, m.tokensT);
    used.push(
      { name: present(m.activeParamsB) ? 'active_params_b' : 'params_b', value: active, source: 'data' },
      { name: 'tokens_t', value: m.tokensT, source: 'data' },
      { name: 'training_flops = 6 × params × tokens', value: flops, source: 'derived' },
    );
  }
  const peak = peakBf16FlopsPerSecond(hw);
  if (peak === null) {
    const why = hw.kind === 'missing' ? 'no hardware named' : hw.kind === 'unknown' || hw.kind === 'ambiguous' ? `hardware: ${hw.reason}` : 'no peak throughput';
    return { kind: 'missing', reason: why };
  }
  used.push({ name: 'peak_flops_per_s (BF16 dense)', value: peak, source: 'derived' });
  const mfuOk = present(m.mfu) && m.mfu > 0 && m.mfu <= 1;
  const mfu = mfuOk ? (m.mfu as number) : a.mfu;
  used.push({ name: 'mfu', value: mfu, source: mfuOk ? 'data' : 'default' });
  const hours = gpuHoursFromFlops(flops, peak, mfu);
  const price = priceInput(m, a);
  used.push(price);
  return { kind: 'ok', costUsd: costFromGpuHours(hours, price.value as number), gpuHours: hours, used };
}

/**
 * The three training-cost estimates for one model, side by side.
 *
 * @example
 * trainingCost({ model: 'DeepSeek-V3', gpuHours: 2_788_000, gpuHourPriceUsd: 2 }, { gpuHourPriceUsd: 2, mfu: 0.4 })
 *   .gpuHours // { kind: 'ok', costUsd: 5_576_000, ... }
 */
export function trainingCost(m: ModelCostInput, a: CostAssumptions): TrainingCost {
  const hardware = matchGpu(m.hardware);
  const reported = reportedEstimate(m);
  const byHours = gpuHoursEstimate(m, a);
  const byFlops = flopsEstimate(m, a, hardware);
  let headline: TrainingCost['headline'] = null;
  if (reported.kind === 'ok') headline = { method: 'reported', costUsd: reported.costUsd };
  else if (byHours.kind === 'ok') headline = { method: 'gpuHours', costUsd: byHours.costUsd };
  else if (byFlops.kind === 'ok') headline = { method: 'flops', costUsd: byFlops.costUsd };
  return { model: m.model, reported, gpuHours: byHours, flops: byFlops, hardware, headline };
}
