import type { Row } from '../store/types';

const has = (row: Row, key: string): boolean => row[key] !== null && row[key] !== undefined;

/**
 * Why a model row has no way to a training cost, or null when it has one: a reported cost or
 * Epoch's estimate, GPU- or chip-hours (or a count × training hours) to price, or FLOPs (given, or 6 × params × tokens)
 * with the training hardware to turn them into GPU time.
 * @example costNote({ model: 'Qwen2.5-72B', training_flops: 7.8e24 }) // '… no training hardware …'
 */
export function costNote(row: Row): string | null {
  if (has(row, 'training_cost_usd') || has(row, 'epoch_cost_2023_usd') || has(row, 'gpu_hours') || has(row, 'chip_hours')) return null;
  if ((has(row, 'gpu_count') || has(row, 'chip_count')) && has(row, 'training_hours')) return null;
  // Datapoints count as tokens only for Epoch's Language and Multimodal domains (see models/training-cost).
  const tokens = has(row, 'tokens_t') || (has(row, 'dataset_datapoints') && /(^|[,;]\s*)(language|multimodal)\s*($|[,;])/i.test(String(row.domain ?? '')));
  const flops = has(row, 'training_flops') || ((has(row, 'active_params_b') || has(row, 'params_b')) && tokens);
  if (flops && has(row, 'hardware')) return null;
  const missing = ['no reported training cost', 'no GPU-hours (nor GPU count × training time)'];
  missing.push(flops ? 'FLOPs but no training hardware to convert them to GPU time' : 'no training FLOPs (nor parameters × tokens)');
  return `No usable cost: ${missing.join(', ')}.`;
}
