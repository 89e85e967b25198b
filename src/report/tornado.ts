/**
 * The tornado of NPV swings: each assumption with a standard change (ASSUMPTION_DEFS `swing`) is
 * moved one change down and one up, all else equal, and the company's AI NPV recomputed. A move
 * that would leave the assumption's valid range stops at the range's edge. Bars are sorted by
 * the size of the swing, largest first. The useful-life bar puts every vintage on the moved life.
 */
import type { Row } from '../store/types';
import { ASSUMPTION_DEFS, checkValue, type AssumptionDef, type AssumptionKey, type Assumptions } from './assumptions';
import { buildCompanyModel, type ModelOptions } from './company-model';

export interface TornadoBar {
  key: AssumptionKey;
  label: string;
  low: number;
  high: number;
  npvLowUsd: number;
  npvHighUsd: number;
}

/** Moves `value` by `delta`, stopping at the edge of the definition's valid range. */
export function clampedStep(def: AssumptionDef, value: number, delta: number): number {
  const target = value + delta;
  if ('value' in checkValue(def, String(target))) return target;
  if (delta < 0 && def.min !== undefined) return def.minExclusive ? value : Math.max(def.min, target);
  if (delta > 0 && def.max !== undefined) return def.maxExclusive ? value : Math.min(def.max, target);
  return value;
}

export function npvTornado(company: string, rows: Row[], a: Assumptions, opts: ModelOptions = {}): TornadoBar[] {
  const npvAt = (values: Assumptions, o: ModelOptions): number | null =>
    values.terminalMethod === 'perpetual-growth' && values.terminalGrowth >= values.wacc
      ? null
      : (buildCompanyModel(company, rows, values, o)?.npvUsd ?? null);
  const bars: TornadoBar[] = [];
  for (const def of ASSUMPTION_DEFS) {
    if (def.swing === undefined) continue;
    const base = a[def.key];
    if (typeof base !== 'number') continue;
    const low = clampedStep(def, base, -def.swing);
    const high = clampedStep(def, base, def.swing);
    // Moving the useful life applies it to every vintage, overriding the data's lives.
    const o = def.key === 'gpuUsefulLifeYears' ? { lifeFromData: false } : opts;
    const npvLow = npvAt({ ...a, [def.key]: low }, o);
    const npvHigh = npvAt({ ...a, [def.key]: high }, o);
    if (npvLow === null || npvHigh === null) continue;
    bars.push({ key: def.key, label: def.label, low, high, npvLowUsd: npvLow, npvHighUsd: npvHigh });
  }
  return bars.sort((x, y) => Math.abs(y.npvHighUsd - y.npvLowUsd) - Math.abs(x.npvHighUsd - x.npvLowUsd));
}
