/**
 * Inference serving cost: USD per million generated tokens from a GPU-hour price and throughput,
 * and DeepSeek's disclosed serving day as a worked example.
 */
import { SECONDS_PER_HOUR } from './units';

/**
 * Cost per million tokens = price per GPU-hour ÷ (tokens per second per GPU × utilization × 3600)
 * × 10⁶. With `utilization` = 1 the GPUs are busy every paid hour; below 1 they are reserved
 * (paid whether busy or not) and idle the rest of the time, so each token carries the idle hours.
 *
 * Units: USD per GPU-hour; tokens per second per GPU; utilization a fraction in (0, 1];
 * result in USD per 10⁶ tokens. Throws RangeError on a non-positive throughput or utilization.
 * @example costPerMillionTokens(2, 1850, 1)   // ≈ 0.3003 (an H800 decoding 1,850 tok/s)
 * @example costPerMillionTokens(2, 1850, 0.5) // ≈ 0.6006 (same GPU, busy half the time)
 */
export function costPerMillionTokens(gpuHourPriceUsd: number, tokensPerSecondPerGpu: number, utilization = 1): number {
  if (!(tokensPerSecondPerGpu > 0)) throw new RangeError('tokensPerSecondPerGpu must be greater than 0');
  if (!(utilization > 0) || utilization > 1) throw new RangeError('utilization must be a fraction in (0, 1]');
  if (!(gpuHourPriceUsd >= 0)) throw new RangeError('gpuHourPriceUsd must be 0 or greater');
  return (gpuHourPriceUsd / (tokensPerSecondPerGpu * utilization * SECONDS_PER_HOUR)) * 1e6;
}

/**
 * Cost of a serving fleet for a period: nodes × GPUs per node × hours × USD per GPU-hour.
 * @example servingCostUsd(226.75, 8, 24, 2) // 87,072 (DeepSeek, 27–28 Feb 2025)
 */
export function servingCostUsd(nodes: number, gpusPerNode: number, hours: number, gpuHourPriceUsd: number): number {
  return nodes * gpusPerNode * hours * gpuHourPriceUsd;
}

/** Token counts of a period and the per-million prices they would be billed at. */
export interface TokenBill {
  inputCacheHitTokens: number;
  inputCacheMissTokens: number;
  outputTokens: number;
  inputCacheHitPricePerMtok: number;
  inputCacheMissPricePerMtok: number;
  outputPricePerMtok: number;
}

/**
 * Revenue if every token were billed at list price: Σ tokens × price per million ÷ 10⁶.
 * @example theoreticalRevenueUsd(DEEPSEEK_SERVING_DAY.bill) // ≈ 562,100 (DeepSeek published 562,027)
 */
export function theoreticalRevenueUsd(b: TokenBill): number {
  return (b.inputCacheHitTokens * b.inputCacheHitPricePerMtok + b.inputCacheMissTokens * b.inputCacheMissPricePerMtok + b.outputTokens * b.outputPricePerMtok) / 1e6;
}

/**
 * DeepSeek's disclosed serving day (24 h from 27 Feb 2025 12:00 UTC+8), from "Day 6: One More
 * Thing, DeepSeek-V3/R1 Inference System Overview" (github.com/deepseek-ai/open-infra-index,
 * 1 Mar 2025): 226.75 H800 nodes on average, 8 GPUs each, $2 per GPU-hour; 608B input tokens of
 * which 342B (56.3%) hit the KV cache on disk; 168B output tokens; R1 list prices $0.14 (cache hit),
 * $0.55 (cache miss) and $2.19 per million; published cost $87,072, theoretical revenue $562,027;
 * one H800 node decodes about 14.8k output tokens/s.
 */
export const DEEPSEEK_SERVING_DAY = Object.freeze({
  nodes: 226.75,
  gpusPerNode: 8,
  hours: 24,
  gpuHourPriceUsd: 2,
  publishedCostUsd: 87_072,
  publishedRevenueUsd: 562_027,
  decodeTokensPerSecondPerNode: 14_800,
  bill: Object.freeze({
    inputCacheHitTokens: 342e9,
    inputCacheMissTokens: 266e9,
    outputTokens: 168e9,
    inputCacheHitPricePerMtok: 0.14,
    inputCacheMissPricePerMtok: 0.55,
    outputPricePerMtok: 2.19,
  }),
  source: 'DeepSeek, "DeepSeek-V3/R1 Inference System Overview", open-infra-index Day 6, 1 Mar 2025',
});

/** The worked example: cost, revenue, margin and per-token costs of DeepSeek's day. */
export interface ServingDayExample {
  costUsd: number;
  revenueUsd: number;
  /** (revenue − cost) ÷ cost, DeepSeek's "cost profit margin" (5.45 = 545%). */
  costProfitMargin: number;
  /** Fleet cost ÷ output tokens × 10⁶: every dollar charged to output. */
  costPerMillionOutputTokensUsd: number;
  /** Decode-only cost per million at the disclosed node throughput, reserved at 100% busy. */
  decodeCostPerMillionTokensUsd: number;
}

/**
 * Recomputes DeepSeek's serving day from its inputs.
 * @example deepSeekServingDay().costUsd // 87,072
 */
export function deepSeekServingDay(d: typeof DEEPSEEK_SERVING_DAY = DEEPSEEK_SERVING_DAY): ServingDayExample {
  const costUsd = servingCostUsd(d.nodes, d.gpusPerNode, d.hours, d.gpuHourPriceUsd);
  const revenueUsd = theoreticalRevenueUsd(d.bill);
  return {
    costUsd,
    revenueUsd,
    costProfitMargin: (revenueUsd - costUsd) / costUsd,
    costPerMillionOutputTokensUsd: (costUsd / d.bill.outputTokens) * 1e6,
    decodeCostPerMillionTokensUsd: costPerMillionTokens(d.gpuHourPriceUsd, d.decodeTokensPerSecondPerNode / d.gpusPerNode, 1),
  };
}
