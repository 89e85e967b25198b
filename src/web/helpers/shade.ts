/**
 * CSS class for a cell compared with a reference (a fraction: implied price ÷ today's − 1), in five
 * steps so a grid reads at a glance: `shade-down-2` (≤ −25%), `shade-down-1`, `shade-flat`
 * (within ±5%), `shade-up-1`, `shade-up-2` (≥ +25%); `shade-none` when there is no reference.
 * @example shadeClass(-0.3) // "shade-down-2"
 */
export function shadeClass(vsReference: unknown): string {
  if (typeof vsReference !== 'number' || !Number.isFinite(vsReference)) return 'shade-none';
  if (vsReference <= -0.25) return 'shade-down-2';
  if (vsReference < -0.05) return 'shade-down-1';
  if (vsReference <= 0.05) return 'shade-flat';
  if (vsReference < 0.25) return 'shade-up-1';
  return 'shade-up-2';
}
