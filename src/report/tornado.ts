/**
 * The tornado of NPV swings: each assumption with a standard change (ASSUMPTION_DEFS `swing`) is
 * moved one change down and one up, all else equal, and the company's AI NPV recomputed (the
 * finance core's `tornado`). A move that would leave the assumption's valid range stops at the
 * range's edge. Bars are sorted by the size of the swing, largest first. The useful-life bar puts
 * every vintage on the moved life.
 */
import { tornado } from '../finance';
import type { Row } from '../store/types';
import { ASSUMPTION_DEFS, checkValue, type AssumptionDef, type AssumptionKey, type Assumptions } from './assumptions';
import { companyNpv, type ModelOptions } from './company-model';

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

export function npvTornado(company: string, rows: Row[], a: Assumptions, opts: ModelOptions & { valuationDate?: string } = {}): TornadoBar[] {
  const defs = ASSUMPTION_DEFS.filter((d) => d.swing !== undefined && typeof a[d.key] === 'number');
  const base: Record<string, number> = {};
  const swings: Record<string, readonly [number, number]> = {};
  for (const d of defs) {
    const v = a[d.key] as number;
    base[d.key] = v;
    swings[d.key] = [clampedStep(d, v, -(d.swing as number)), clampedStep(d, v, d.swing as number)];
  }
  // NaN marks a combination with no answer (no capex, or a value-driver terminal growth at or above the WACC).
  const npvOf = (inputs: Readonly<Record<string, number>>): number => {
    const values = { ...a, ...inputs } as Assumptions;
    const o = values.gpuUsefulLifeYears !== a.gpuUsefulLifeYears ? { ...opts, lifeFromData: false } : opts;
    return companyNpv(company, rows, values, o) ?? Number.NaN;
  };
  const result = tornado(npvOf, base, swings);
  const byKey = new Map<string, AssumptionDef>(defs.map((d) => [d.key, d]));
  const bars: TornadoBar[] = [];
  for (const b of result.bars) {
    const def = byKey.get(b.name);
    if (!def || !Number.isFinite(b.lowValue) || !Number.isFinite(b.highValue)) continue;
    bars.push({ key: def.key, label: def.label, low: b.lowInput, high: b.highInput, npvLowUsd: b.lowValue, npvHighUsd: b.highValue });
  }
  return bars;
}
