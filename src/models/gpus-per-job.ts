/**
 * "How many GPUs is a job worth?": a job seen as a model of N billion parameters, quantized and
 * served by K GPUs. Memory sizing, decode throughput bounds, people-equivalents and yearly cost.
 * Every function is one formula; the report shows each beside its numbers.
 */
import { paybackYears } from '../finance';
import type { GpuSpec } from './gpu-specs';
import { BYTES_PER_GB, HOURS_PER_YEAR, PARAMS_PER_B, SECONDS_PER_HOUR } from './units';

/** Weight formats offered. */
export const QUANTS = ['fp16', 'bf16', 'fp8', 'int8', 'int4'] as const;
export type Quant = (typeof QUANTS)[number];

/** Bytes per parameter of each format. */
export const BYTES_PER_PARAM: Readonly<Record<Quant, number>> = Object.freeze({ fp16: 2, bf16: 2, fp8: 1, int8: 1, int4: 0.5 });

/**
 * Weight memory in decimal GB: paramsB × 10⁹ × bytes per parameter ÷ 10⁹.
 * @example weightsGB(70, 'bf16') // 140 (GB; 130.4 GiB)
 */
export function weightsGB(paramsB: number, quant: Quant): number {
  return (paramsB * PARAMS_PER_B * BYTES_PER_PARAM[quant]) / BYTES_PER_GB;
}

/**
 * KV-cache memory in decimal GB for `batch` sequences of `contextTokens` each:
 * KB per token × 1,000 × context × batch ÷ 10⁹.
 * @example kvCacheGB(327.68, 8192, 1) // ≈ 2.684 (Llama-3-70B at 16-bit, 8K context)
 */
export function kvCacheGB(kvKBPerToken: number, contextTokens: number, batch: number): number {
  return (kvKBPerToken * 1000 * contextTokens * batch) / BYTES_PER_GB;
}

/**
 * Memory a replica needs: (weights + KV cache) × (1 + overhead fraction), decimal GB.
 * @example memoryNeededGB(140, 2.684, 0.1) // ≈ 156.95
 */
export function memoryNeededGB(weightsGb: number, kvGb: number, overheadFraction: number): number {
  return (weightsGb + kvGb) * (1 + overheadFraction);
}

/**
 * GPUs per replica: memory needed ÷ memory per GPU, rounded up (weights sharded, not split
 * finer than one GPU).
 * @example gpusPerReplica(156.95, 80) // 2
 */
export function gpusPerReplica(memoryGb: number, gpuMemoryGB: number): number {
  if (!(gpuMemoryGB > 0)) throw new RangeError('gpuMemoryGB must be greater than 0');
  return Math.max(1, Math.ceil(memoryGb / gpuMemoryGB - 1e-12));
}

/**
 * Memory-bandwidth bound on decode: each step reads the active weights once plus every
 * sequence's KV cache, and emits one token per sequence. tokens/s (whole batch) =
 * batch × GPUs × bandwidth ÷ (active weight bytes + batch × KV bytes per sequence).
 *
 * Units: bandwidth in TB/s per GPU (10¹² B/s); weights and KV in decimal GB.
 * @example memoryBoundTokensPerSecond({ gpus: 1, memBandwidthTBps: 3.35, activeWeightsGB: 141, kvGBPerSequence: 0, batch: 1 }) // ≈ 23.76
 */
export function memoryBoundTokensPerSecond(p: { gpus: number; memBandwidthTBps: number; activeWeightsGB: number; kvGBPerSequence: number; batch: number }): number {
  const bytesPerStep = (p.activeWeightsGB + p.batch * p.kvGBPerSequence) * BYTES_PER_GB;
  return (p.batch * p.gpus * p.memBandwidthTBps * 1e12) / bytesPerStep;
}

/**
 * Compute bound on decode: 2 FLOP per active parameter per token, so tokens/s =
 * GPUs × peak FLOP/s ÷ (2 × active parameters).
 * @example computeBoundTokensPerSecond({ gpus: 1, peakTflops: 989.4, activeParamsB: 70 }) // ≈ 7,067
 */
export function computeBoundTokensPerSecond(p: { gpus: number; peakTflops: number; activeParamsB: number }): number {
  return (p.gpus * p.peakTflops * 1e12) / (2 * p.activeParamsB * PARAMS_PER_B);
}

/**
 * Peak dense TFLOP/s for a weight format: FP8 throughput for 8- and 4-bit formats where the chip
 * has FP8 tensor cores, BF16 otherwise.
 * @example peakTflopsFor(H100, 'fp8') // 1978.9
 */
export function peakTflopsFor(gpu: GpuSpec, quant: Quant): number {
  if ((quant === 'fp8' || quant === 'int8' || quant === 'int4') && gpu.fp8DenseTflops !== null) return gpu.fp8DenseTflops;
  return gpu.bf16DenseTflops;
}

/**
 * Yearly cost of one GPU rented on a reserved basis: price per GPU-hour × 8,760 hours (paid
 * whether busy or not).
 * @example rentedGpuYearUsd(2) // 17,520
 */
export function rentedGpuYearUsd(gpuHourPriceUsd: number): number {
  return gpuHourPriceUsd * HOURS_PER_YEAR;
}

/**
 * Yearly power cost of one GPU: TDP kW × PUE × 8,760 h × USD per kWh × utilization (idle power
 * is ignored: a bound, not a meter reading).
 * @example gpuPowerYearUsd(700, 1.3, 0.1, 1) // ≈ 797.16
 */
export function gpuPowerYearUsd(tdpW: number, pue: number, powerPriceUsdPerKWh: number, utilization: number): number {
  return (tdpW / 1000) * pue * HOURS_PER_YEAR * powerPriceUsdPerKWh * utilization;
}

/**
 * Yearly cost of one owned GPU: purchase price ÷ life (straight line) + power.
 * @example ownedGpuYearUsd(30000, 5, 797.16) // 6,797.16
 */
export function ownedGpuYearUsd(purchasePriceUsd: number, lifeYears: number, powerYearUsd: number): number {
  if (!(lifeYears > 0)) throw new RangeError('lifeYears must be greater than 0');
  return purchasePriceUsd / lifeYears + powerYearUsd;
}

/**
 * Generated tokens a replica delivers in a year: tokens/s × utilization × 3,600 × 8,760.
 * @example replicaTokensPerYear(100, 0.5) // 1.5768e9
 */
export function replicaTokensPerYear(decodeTokensPerSecond: number, utilization: number): number {
  return decodeTokensPerSecond * utilization * SECONDS_PER_HOUR * HOURS_PER_YEAR;
}

/**
 * Tokens one person's job needs in a year: tokens per workday × work days.
 * @example personTokensPerYear(40000, 250) // 1e7
 */
export function personTokensPerYear(tokensPerWorkday: number, workDaysPerYear: number): number {
  return tokensPerWorkday * workDaysPerYear;
}

/**
 * Years until owning the replica that does the work pays back, from the finance core's
 * `paybackYears`: year 0 buys `gpus` GPUs; each later year saves the salaries of the people it
 * replaces less the GPUs' power, for `lifeYears` years. Null when it never pays back within
 * the GPUs' life.
 * @example replacementPaybackYears({ gpus: 2, purchasePriceUsd: 30000, lifeYears: 5, peopleReplaced: 1, salaryUsd: 60000, powerYearUsd: 800 }) // ≈ 1.01
 */
export function replacementPaybackYears(p: { gpus: number; purchasePriceUsd: number; lifeYears: number; peopleReplaced: number; salaryUsd: number; powerYearUsd: number }): number | null {
  const years = Math.max(1, Math.ceil(p.lifeYears));
  const saving = p.peopleReplaced * p.salaryUsd - p.gpus * p.powerYearUsd;
  const flows = [-p.gpus * p.purchasePriceUsd, ...Array.from({ length: years }, () => saving)];
  return paybackYears(flows);
}

/** Korea's GPU deal (APEC, Oct 2025): government 50K, Samsung 50K, SK 50K, Hyundai 50K, Naver 60K. */
export const KOREA_GPUS = Object.freeze({ count: 260_000, source: 'Korea–NVIDIA GPU supply announcement at APEC, 31 Oct 2025: government 50K, Samsung 50K, SK 50K, Hyundai 50K, Naver 60K' });

/** Every input of the calculator, in its units. */
export interface GpuJobInputs {
  tokensPerWorkday: number;
  workDaysPerYear: number;
  /** Salary in USD (converted from KRW by the caller's FX rate). */
  salaryUsd: number;
  paramsB: number;
  /** Active parameters per token, billions (= paramsB for dense models). */
  activeParamsB: number;
  quant: Quant;
  contextTokens: number;
  /** KV cache per token of context, decimal KB (1,000 bytes). */
  kvKBPerToken: number;
  /** Runtime overhead on weights + KV (activations, fragmentation), a fraction. */
  overheadFraction: number;
  gpu: GpuSpec;
  costBasis: 'rent' | 'buy';
  gpuHourPriceUsd: number;
  purchasePriceUsd: number;
  lifeYears: number;
  powerPriceUsdPerKWh: number;
  pue: number;
  /** Share of hours the GPUs are busy, a fraction in (0, 1]. */
  utilization: number;
  batch: number;
  /** GPUs per replica chosen by the user; null sizes the replica from memory. Must hold the model. */
  gpusPerReplicaOverride?: number | null;
  /** GPUs of a fleet to express in people-equivalents; Korea's 260,000 when absent. */
  fleetGpus?: number;
}

/** Every output, each named with its unit. */
export interface GpuJobResult {
  weightsGB: number;
  activeWeightsGB: number;
  kvCacheGB: number;
  kvGBPerSequence: number;
  memoryNeededGB: number;
  gpusPerReplica: number;
  memoryBoundTokensPerSecond: number;
  computeBoundTokensPerSecond: number;
  /** Whole-batch decode tokens/s per replica: the lower of the two bounds. */
  decodeTokensPerSecond: number;
  decodeBound: 'memory' | 'compute';
  decodeTokensPerSecondPerSequence: number;
  replicaTokensPerYear: number;
  personTokensPerYear: number;
  peoplePerReplica: number;
  peoplePerGpu: number;
  /** "This job is worth N GPUs": GPUs per person-equivalent. */
  gpusPerPerson: number;
  gpuYearCostUsd: number;
  powerYearUsdPerGpu: number;
  costPerPersonEquivalentUsd: number;
  /** costPerPersonEquivalentUsd ÷ salaryUsd. */
  costToSalaryRatio: number;
  /** Years to pay back buying one replica; null when never within the GPUs' life. */
  paybackYears: number | null;
  /** GPUs the memory needs, before any user override. */
  minGpusPerReplica: number;
  fleetGpus: number;
  fleetPeopleEquivalents: number;
  /** USD per million generated tokens at the stated utilization. */
  costPerMillionTokensUsd: number;
}

/**
 * Runs the whole calculator. Inputs must be validated first (positive sizes, utilization in
 * (0, 1]); the report layer does that and shows problems back on the form.
 * @example gpusPerJob({ ...defaults, paramsB: 70, quant: 'bf16', gpu: H100, batch: 1 }).gpusPerReplica // 2
 */
export function gpusPerJob(i: GpuJobInputs): GpuJobResult {
  const w = weightsGB(i.paramsB, i.quant);
  const activeW = weightsGB(i.activeParamsB, i.quant);
  const kvSeq = kvCacheGB(i.kvKBPerToken, i.contextTokens, 1);
  const kv = kvSeq * i.batch;
  const mem = memoryNeededGB(w, kv, i.overheadFraction);
  const minGpus = gpusPerReplica(mem, i.gpu.memoryGB);
  const gpus = i.gpusPerReplicaOverride ?? minGpus;
  if (gpus < minGpus) throw new RangeError(`gpusPerReplicaOverride must be at least ${minGpus} to hold ${mem} GB`);
  const fleet = i.fleetGpus ?? KOREA_GPUS.count;
  const memTps = memoryBoundTokensPerSecond({ gpus, memBandwidthTBps: i.gpu.memBandwidthTBps, activeWeightsGB: activeW, kvGBPerSequence: kvSeq, batch: i.batch });
  const compTps = computeBoundTokensPerSecond({ gpus, peakTflops: peakTflopsFor(i.gpu, i.quant), activeParamsB: i.activeParamsB });
  const decode = Math.min(memTps, compTps);
  const replicaTokens = replicaTokensPerYear(decode, i.utilization);
  const personTokens = personTokensPerYear(i.tokensPerWorkday, i.workDaysPerYear);
  const peoplePerReplica = replicaTokens / personTokens;
  const peoplePerGpu = peoplePerReplica / gpus;
  const power = gpuPowerYearUsd(i.gpu.tdpW ?? 0, i.pue, i.powerPriceUsdPerKWh, i.utilization);
  const gpuYear = i.costBasis === 'rent' ? rentedGpuYearUsd(i.gpuHourPriceUsd) : ownedGpuYearUsd(i.purchasePriceUsd, i.lifeYears, power);
  const costPerPerson = gpuYear / peoplePerGpu;
  const hourlyEquivalent = i.costBasis === 'rent' ? i.gpuHourPriceUsd : gpuYear / HOURS_PER_YEAR;
  return {
    weightsGB: w,
    activeWeightsGB: activeW,
    kvCacheGB: kv,
    kvGBPerSequence: kvSeq,
    memoryNeededGB: mem,
    gpusPerReplica: gpus,
    memoryBoundTokensPerSecond: memTps,
    computeBoundTokensPerSecond: compTps,
    decodeTokensPerSecond: decode,
    decodeBound: memTps <= compTps ? 'memory' : 'compute',
    decodeTokensPerSecondPerSequence: decode / i.batch,
    replicaTokensPerYear: replicaTokens,
    personTokensPerYear: personTokens,
    peoplePerReplica,
    peoplePerGpu,
    gpusPerPerson: 1 / peoplePerGpu,
    gpuYearCostUsd: gpuYear,
    powerYearUsdPerGpu: power,
    costPerPersonEquivalentUsd: costPerPerson,
    costToSalaryRatio: costPerPerson / i.salaryUsd,
    paybackYears: replacementPaybackYears({ gpus, purchasePriceUsd: i.purchasePriceUsd, lifeYears: i.lifeYears, peopleReplaced: peoplePerReplica, salaryUsd: i.salaryUsd, powerYearUsd: power }),
    minGpusPerReplica: minGpus,
    fleetGpus: fleet,
    fleetPeopleEquivalents: fleet * peoplePerGpu,
    costPerMillionTokensUsd: ((hourlyEquivalent * gpus) / (decode * i.utilization * SECONDS_PER_HOUR)) * 1e6,
  };
}
